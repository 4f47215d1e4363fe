// The entry point of the processes the ESLint and editor benchmarks measure:
//   node dist/bench/child.js lint <project dir> <typed|typed+phi>
//   node dist/bench/child.js editor <project dir> <typed|typed+phi> <edits> [<cpu profile file>]
// The result is one line on stdout after RESULT_MARKER.

import path from 'node:path';
import { editorSession } from './editor.js';
import { lintProject, type Variant } from './eslint.js';
import { RESULT_MARKER } from './measure.js';

async function main([command, dir, variant, edits, profileFile]: string[]): Promise<void> {
  if (!dir || (variant !== 'typed' && variant !== 'typed+phi')) throw new Error(`usage: child.js lint|editor <dir> typed|typed+phi [edits]`);
  const chosen: Variant = variant;
  const projectDir = path.resolve(dir);
  const result = command === 'lint' ? await lintProject(projectDir, chosen) : command === 'editor' ? await editorSession(projectDir, chosen, Number(edits ?? 50), profileFile) : undefined;
  if (!result) throw new Error(`unknown command ${command}`);
  process.stdout.write(`${RESULT_MARKER}${JSON.stringify(result)}\n`);
}

await main(process.argv.slice(2));
