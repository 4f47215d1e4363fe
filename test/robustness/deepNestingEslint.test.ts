import { readFileSync } from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { ts } from 'ts-morph';
import { afterEach, describe, expect, it, vi } from 'vitest';
import phi from '../../src/index.js';
import { programFor } from '../../src/eslint/programProvider.js';
import { writeTempProject, type TempProject } from './tempProject.js';

// Projects are loaded and linted: beyond the default 5 s on a busy two-core machine.
vi.setConfig({ testTimeout: 120_000 });

/**
 * The ESLint rules with files TypeScript's binder overflows on in the project (deepNesting.test.ts
 * has them for analyze()): no rule throws, every other file is analysed as usual, and the deep file
 * gets one problem. typescript-eslint's parser overflows on these files before TypeScript's binder
 * would (from about 900 `&&` terms or 500 chained calls), so linting them gives ESLint's own parsing
 * error; the rules' own report for such a file is checked with a parser that keeps no tree.
 */
const models = `/** @phi */ export interface Patient { name: string; ssn: string }\n`;
const plain = `import type { Patient } from './models.js';\nexport function g(p: Patient) {\n  console.log(p.name);\n}\n`;
const sinkIn = (expression: string): string =>
  `import type { Patient } from './models.js';\nexport function f(p: Patient, c: boolean) {\n  console.log(\n${expression}\n  );\n}\n`;
const andChain = sinkIn(Array.from({ length: 5000 }, (_, i) => (i === 4999 ? 'p.name' : 'c')).join(' &&\n'));
const methodChain = sinkIn(`p.name${'.toString()'.repeat(3000)}`);
const ifs = Array.from({ length: 1200 }, (_, i) => `  if (k === ${i}) out += 'v${i}';`).join('\n');
const manyIfs = `import type { Patient } from './models.js';\nexport function f(p: Patient, k: number) {\n  let out = '';\n${ifs}\n  console.log(p.ssn);\n  return out;\n}\n`;

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
});

type Parser = NonNullable<NonNullable<Linter.Config['languageOptions']>['parser']>;

function eslintFor(root: string, parser: Parser): ESLint {
  return new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser } }, phi.configs.recommended],
  });
}

/**
 * A parser that survives any nesting by keeping no tree (an empty Program over the text): the
 * rules need only the text and a Program node, and report at lines and columns.
 */
const treelessParser: Parser = {
  parseForESLint(text: string) {
    const lines = text.split('\n');
    const end = { line: lines.length, column: lines.at(-1)?.length ?? 0 };
    return {
      ast: { type: 'Program', body: [], sourceType: 'module', range: [0, text.length], loc: { start: { line: 1, column: 0 }, end }, tokens: [], comments: [] },
    };
  },
} as unknown as Parser;

type Message = { line: number; ruleId: string | null; message: string };

function messagesByFile(results: ESLint.LintResult[], root: string): Record<string, Message[]> {
  return Object.fromEntries(results.map((result) => [
    path.relative(root, result.filePath),
    result.messages.map(({ line, ruleId, message }) => ({ line, ruleId, message })),
  ]));
}

/** One problem: ESLint's parser overflowed, or the rules report why the file was not analysed. */
function expectOneProblem(messages: Message[] | undefined): void {
  expect(messages).toHaveLength(1);
  expect(messages?.[0]?.message).toMatch(/^Parsing error: Maximum call stack size exceeded$|could not analyse this file: nested too deeply/);
}

/** The rules' one problem: the analysis failed, and the message says why and what to do. */
function expectNamedTooDeep(messages: Message[] | undefined): void {
  expect(messages).toHaveLength(1);
  expect(messages?.[0]?.message).toMatch(/could not analyse this file: nested too deeply for the TypeScript compiler.*Split the expression/s);
}

describe('ESLint without type information', () => {
  it('lints every file: the deep ones get one problem each, the others their findings', async () => {
    project = writeTempProject({
      'src/models.ts': models,
      'src/a-deep.ts': andChain,
      'src/b-deep.ts': methodChain,
      'src/c-ifs.ts': manyIfs,
      'src/z-plain.ts': plain,
    }, 'phi-eslint-deep-');
    const root = project.root;
    const results = await eslintFor(root, tsParser).lintFiles(['src/z-plain.ts', 'src/a-deep.ts', 'src/b-deep.ts', 'src/c-ifs.ts']);
    const byFile = messagesByFile(results, root);
    // TypeScript's switch is the checker's, not a file's: when ESLint happens to lint c-ifs.ts first,
    // z-plain.ts is analysed from declarations too and says so. Its finding is there either way.
    const flowNote = /flow analysis disabled by TypeScript; types taken from declarations/;
    expect(byFile['src/z-plain.ts']?.filter((message) => !flowNote.test(message.message))).toEqual([expect.objectContaining({ line: 3, ruleId: 'phi/no-logging' })]);
    for (const deep of ['src/a-deep.ts', 'src/b-deep.ts']) expectOneProblem(byFile[deep]);
    // TypeScript switched control-flow analysis off in c-ifs.ts: the types come from the declarations,
    // and the file says it was analysed without narrowing.
    expect(byFile['src/c-ifs.ts']).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringMatching(flowNote) }),
      expect.objectContaining({ line: 1204, ruleId: 'phi/no-logging' }),
    ]);
  });

  it('a deep file imported by the linted one is stubbed out: the importer is still analysed', async () => {
    const importer = `import type { Patient } from './models.js';\nimport { f } from './a-deep.js';\nexport function g(p: Patient) {\n  console.log(p.name);\n  f(p, true);\n}\n`;
    project = writeTempProject({ 'src/models.ts': models, 'src/a-deep.ts': methodChain, 'src/z-plain.ts': importer }, 'phi-eslint-deep-');
    const root = project.root;
    const byFile = messagesByFile(await eslintFor(root, tsParser).lintFiles(['src/z-plain.ts']), root);
    expect(byFile['src/z-plain.ts']).toEqual([expect.objectContaining({ line: 4, ruleId: 'phi/no-logging' })]);
  });

  it('in the editor: a file typed too deep gets one problem, then its finding once fixed; the others keep theirs', async () => {
    project = writeTempProject({ 'src/models.ts': models, 'src/a-deep.ts': sinkIn('    p.name'), 'src/z-plain.ts': plain }, 'phi-eslint-deep-');
    const root = project.root;
    const eslint = eslintFor(root, treelessParser);
    const lint = async (file: string, text = readFileSync(path.join(root, file), 'utf8')): Promise<Message[]> =>
      messagesByFile(await eslint.lintText(text, { filePath: path.join(root, file) }), root)[file] ?? [];
    const plainFinding = [expect.objectContaining({ line: 3, ruleId: 'phi/no-logging' })];
    const deepFinding = [expect.objectContaining({ line: 3, ruleId: 'phi/no-logging' })];

    expect(await lint('src/z-plain.ts')).toEqual(plainFinding);
    expect(await lint('src/a-deep.ts')).toEqual(deepFinding);
    // Unsaved text the binder overflows on: one problem, twice (the second time from what is remembered).
    expectNamedTooDeep(await lint('src/a-deep.ts', andChain));
    expectNamedTooDeep(await lint('src/a-deep.ts', methodChain));
    expectNamedTooDeep(await lint('src/a-deep.ts', methodChain));
    expect(await lint('src/z-plain.ts')).toEqual(plainFinding);
    // Fixed: analysed again.
    expect(await lint('src/a-deep.ts', sinkIn('    p.ssn'))).toEqual(deepFinding);
    expect(await lint('src/z-plain.ts')).toEqual(plainFinding);
  });
});

describe('typed linting: a parser program whose checker cannot be built', () => {
  it('is refused, and the file is analysed in the analyzer\'s own program', () => {
    project = writeTempProject({ 'src/models.ts': models, 'src/a-deep.ts': andChain, 'src/z-plain.ts': plain }, 'phi-eslint-deep-');
    const files = ['src/models.ts', 'src/a-deep.ts', 'src/z-plain.ts'].map((file) => project!.file(file));
    const program = ts.createProgram(files, { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, strict: true, noEmit: true, types: [], configFilePath: project.tsconfig });
    const zPlain = project.file('src/z-plain.ts');
    const lintedFile = { filename: zPlain, sourceCode: { text: readFileSync(zPlain, 'utf8'), parserServices: { program } } };
    for (let attempt = 0; attempt < 2; attempt++) {
      const choice = programFor(lintedFile, () => ({ compatible: true, version: ts.versionMajorMinor, sameCopy: true }));
      expect(choice?.origin).toBe('own');
      expect(choice?.fallbackReason).toMatch(/could not build the type checker/);
      expect(choice?.program.getTypeChecker()).toBeDefined();
    }
  });
});
