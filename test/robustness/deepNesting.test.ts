import { afterEach, describe, expect, it } from 'vitest';
import { analyze, type AnalysisResult } from '../../src/analyze.js';
import { writeTempProject, type TempProject } from './tempProject.js';

/**
 * Inputs past the depths the TypeScript parser, binder and checker handle: the scan must not
 * throw, must still analyse the other files, and must either analyse the deep file or name it in
 * a diagnostic (never drop it silently). Each deep file sits beside an ordinary one analysed
 * after it (`z-plain.ts`), whose finding must survive.
 */
const models = `/** @phi */ export interface Patient { name: string; ssn: string }\n`;
const plain = `import type { Patient } from './models.js';\nexport function g(p: Patient) {\n  console.log(p.name);\n}\n`;
const header = `import type { Patient } from './models.js';\nfunction id<T>(x: T): T { return x; }\n`;

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
});

function scan(deep: string): AnalysisResult {
  project = writeTempProject({ 'src/models.ts': models, 'src/a-deep.ts': deep, 'src/z-plain.ts': plain });
  return analyze({ tsconfig: project.tsconfig });
}

/** The deep file's sink line is reported, or the file is named by a diagnostic; the plain file's finding is there. */
function expectSurvived(result: AnalysisResult, sinkLine: number): void {
  const at = (file: string) => result.findings.filter((f) => f.sink.location.file.endsWith(`/src/${file}`)).map((f) => f.sink.location.line);
  expect(at('z-plain.ts')).toEqual([3]);
  const named = result.diagnostics.some((d) => d.file?.endsWith('/src/a-deep.ts') || d.location?.file.endsWith('/src/a-deep.ts'));
  expect(at('a-deep.ts').includes(sinkLine) || named, 'a-deep.ts: neither its finding nor a diagnostic naming it').toBe(true);
}

const sinkIn = (expression: string): string => `${header}export function f(p: Patient, c: boolean) {\n  console.log(\n${expression}\n  );\n}\n`;
const sinkLine = 4;

describe('deeply nested input: no crash, nothing dropped silently', () => {
  // Passing today: the engine's own recursion is guarded (an overflow becomes an analysis-error).
  it('a 10,000-term + chain', () => {
    const chain = Array.from({ length: 10_000 }, (_, i) => (i === 5_000 ? 'p.name' : `'s${i}'`)).join(' +\n');
    expectSurvived(scan(sinkIn(chain)), sinkLine);
  });

  it('500 nested identity calls (past the evaluator\'s recursion depth)', () => {
    expectSurvived(scan(sinkIn(`${'id('.repeat(500)}p.name${')'.repeat(500)}`)), sinkLine);
  });

  // The TypeScript parser overflows the stack on these: the loader reports the file and goes on.
  it('1,000 nested arrays (parser stack overflow)', () => {
    expectSurvived(scan(sinkIn(`${'['.repeat(1000)}p.name${']'.repeat(1000)}`)), sinkLine);
  });

  it('a call argument in 5,000 nested parentheses (parser stack overflow)', () => {
    expectSurvived(scan(sinkIn(`${'('.repeat(5000)}p.name${')'.repeat(5000)}`)), sinkLine);
  });

  it('5,000 nested object literals (parser stack overflow)', () => {
    expectSurvived(scan(sinkIn(`${'{ a: '.repeat(5000)}p.name${' }'.repeat(5000)}`)), sinkLine);
  });

  it('an else-if chain of 6,000 branches (parser stack overflow on ordinary-looking code)', () => {
    const branches = Array.from({ length: 6000 }, (_, i) => `  ${i ? 'else ' : ''}if (k === ${i}) out = 'v${i}';`).join('\n');
    const deep = `${header}export function f(p: Patient, k: number) {\n  console.log(p.ssn);\n  let out = '';\n${branches}\n  return out;\n}\n`;
    expectSurvived(scan(deep), 4);
  });

  // The TypeScript binder overflows the stack on these while the type checker is built: the
  // loader finds the file, leaves it out with a diagnostic and builds the checker without it.
  it('an && chain of 5,000 terms (binder stack overflow)', () => {
    expectSurvived(scan(sinkIn(Array.from({ length: 5000 }, (_, i) => (i === 4999 ? 'p.name' : 'c')).join(' &&\n'))), sinkLine);
  });

  it('a method chain of 3,000 calls (binder stack overflow)', () => {
    expectSurvived(scan(sinkIn(`p.name${'.toString()'.repeat(3000)}`)), sinkLine);
  });

  // Past 2,000 flow nodes TypeScript's control-flow analysis gives up (getTypeAtFlowNode sets
  // `flowAnalysisDisabled`) and the checker answers the error type for references from then on, in
  // every file. 1,200 flat `if` statements are enough; nothing here is deeply nested. The engine's
  // checker then takes types from declarations, and each file analysed that way gets a diagnostic.
  it('1,200 sequential if statements before a PHI read do not switch off the analysis of later files', () => {
    const ifs = Array.from({ length: 1200 }, (_, i) => `  if (k === ${i}) out += 'v${i}';`).join('\n');
    const deep = `${header}export function f(p: Patient, k: number) {\n  let out = '';\n${ifs}\n  console.log(p.ssn);\n  return out;\n}\n`;
    expectSurvived(scan(deep), 1200 + 5);
  });
});

describe('what the scan says about them', () => {
  it('a file the binder overflows on: one diagnostic saying why and what to do; a file importing it is analysed', () => {
    const importer = `import type { Patient } from './models.js';\nimport { f } from './a-deep.js';\nexport function g(p: Patient) {\n  console.log(p.name);\n  f(p, true);\n}\n`;
    const deep = sinkIn(`p.name${'.toString()'.repeat(3000)}`);
    project = writeTempProject({ 'src/models.ts': models, 'src/a-deep.ts': deep, 'src/z-plain.ts': importer });
    const result = analyze({ tsconfig: project.tsconfig });
    expect(result.findings.map((f) => `${f.sink.location.file.split('/').pop()}:${f.sink.location.line}`)).toEqual(['z-plain.ts:4']);
    const named = result.diagnostics.filter((d) => d.file?.endsWith('/src/a-deep.ts'));
    expect(named).toEqual([expect.objectContaining({ kind: 'parse-error', message: expect.stringMatching(/nested too deeply for the TypeScript compiler.*binder.*Split the expression/s) })]);
    expect(result.files.some((file) => file.endsWith('/src/a-deep.ts'))).toBe(false);
  });

  it('a file the parser overflows on, imported by another (in the project or outside it): stubbed, named, the importer analysed', () => {
    const importer = (from: string) => `import type { Patient } from './models.js';\nimport { f } from '${from}';\nexport function g(p: Patient) {\n  console.log(p.name);\n  f(p, true);\n}\n`;
    const deep = sinkIn(`${'('.repeat(5000)}p.name${')'.repeat(5000)}`);
    for (const [deepFile, from] of [['src/a-deep.ts', './a-deep.js'], ['lib/a-deep.ts', '../lib/a-deep.js']] as const) {
      project = writeTempProject({ 'src/models.ts': models, [deepFile]: deep, 'src/z-plain.ts': importer(from) });
      const result = analyze({ tsconfig: project.tsconfig });
      expect(result.findings.map((f) => `${f.sink.location.file.split('/').pop()}:${f.sink.location.line}`), deepFile).toEqual(['z-plain.ts:4']);
      const named = result.diagnostics.filter((d) => d.file?.endsWith(`/${deepFile}`));
      expect(named, deepFile).toEqual([expect.objectContaining({ kind: 'parse-error', message: expect.stringMatching(/nested too deeply for the TypeScript parser/) })]);
      project.remove();
      project = undefined;
    }
  });

  it('flow analysis switched off: the finding comes from the declared type, and each file so analysed is named', () => {
    const ifs = Array.from({ length: 1200 }, (_, i) => `  if (k === ${i}) out += 'v${i}';`).join('\n');
    const result = scan(`${header}export function f(p: Patient, k: number) {\n  let out = '';\n${ifs}\n  console.log(p.ssn);\n  return out;\n}\n`);
    expect(result.findings.map((f) => `${f.sink.location.file.split('/').pop()}:${f.sink.location.line} ${f.source.name}`))
      .toEqual(['a-deep.ts:1205 Patient.ssn', 'z-plain.ts:3 Patient.name']);
    const notes = result.diagnostics.filter((d) => /flow analysis disabled by TypeScript; types taken from declarations/.test(d.message));
    expect(notes.map((d) => d.file?.split('/').pop()).sort()).toEqual(['a-deep.ts', 'z-plain.ts']);
    expect(notes[0]?.message).toMatch(/in f at src\/a-deep\.ts:1205/);
  });

  it('an ordinary project gets no such diagnostics', () => {
    const result = scan(sinkIn('    id(p.name)'));
    expect(result.findings.map((f) => f.sink.location.line)).toEqual([4, 3]);
    expect(result.diagnostics).toEqual([]);
  });
});
