import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './index.js';
import type { FlowSummary } from './summaryTypes.js';

let builtIn: FlowSummary[] | undefined;

/** How data passes through library calls (JSON.stringify, Object.values, util.format…), from summaries.json. */
export function loadFlowSummaries(): FlowSummary[] {
  builtIn ??= JSON.parse(readFileSync(join(packageRoot(), 'src', 'catalog', 'summaries.json'), 'utf8')) as FlowSummary[];
  return builtIn;
}
