// The entry point of the processes the ESLint and editor benchmarks measure:
//   node dist/bench/child.js lint <project dir> <typed|typed+phi|phi>
//   node dist/bench/child.js editor <project dir> <typed|typed+phi|phi> <edits> [<cpu profile file>]
// The result is one line on stdout after RESULT_MARKER.

import path from 'node:path';
import { editorSession } from './editor.js';
import { lintProject, variants } from './eslint.js';
import { RESULT_MARKER } from './measure.js';

async function main([command, dir, variant, edits, profileFile]: string[]): Promise<void> {
  const chosen = variants.find((known) => known === variant);
  if (!dir || !chosen) throw new Error(`usage: child.js lint|editor <dir> ${variants.join('|')} [edits]`);
  const projectDir = path.resolve(dir);
  const result = command === 'lint' ? await lintProject(projectDir, chosen) : command === 'editor' ? await editorSession(projectDir, chosen, Number(edits ?? 50), profileFile) : undefined;
  if (!result) throw new Error(`unknown command ${command}`);
  process.stdout.write(`${RESULT_MARKER}${JSON.stringify(result)}\n`);
}

await main(process.argv.slice(2));
