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

  // Failing today: the binder overflows in `program.getTypeChecker()` (PhiEngine's constructor,
  // engine.ts), and analyze() throws for the whole project.
  // Known failure, tracked in the robustness issue: it.fails flips to a failure once this is fixed.
  it.fails('an && chain of 5,000 terms (binder stack overflow)', () => {
    expectSurvived(scan(sinkIn(Array.from({ length: 5000 }, (_, i) => (i === 4999 ? 'p.name' : 'c')).join(' &&\n'))), sinkLine);
  });

  // Known failure, tracked in the robustness issue: it.fails flips to a failure once this is fixed.
  it.fails('a method chain of 3,000 calls (binder stack overflow)', () => {
    expectSurvived(scan(sinkIn(`p.name${'.toString()'.repeat(3000)}`)), sinkLine);
  });

  // Failing today, silently: past 2,000 flow nodes TypeScript's control-flow analysis gives up
  // (getTypeAtFlowNode sets `flowAnalysisDisabled`), the checker answers `any` for references
  // from then on, in every file, and the engine sees no PHI anywhere after that: no finding, no
  // diagnostic. 1,200 flat `if` statements are enough; nothing here is deeply nested.
  // Known failure, tracked in the robustness issue: it.fails flips to a failure once this is fixed.
  it.fails('1,200 sequential if statements before a PHI read do not switch off the analysis of later files', () => {
    const ifs = Array.from({ length: 1200 }, (_, i) => `  if (k === ${i}) out += 'v${i}';`).join('\n');
    const deep = `${header}export function f(p: Patient, k: number) {\n  let out = '';\n${ifs}\n  console.log(p.ssn);\n  return out;\n}\n`;
    expectSurvived(scan(deep), 1200 + 5);
  });
});
