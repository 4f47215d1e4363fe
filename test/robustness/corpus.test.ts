import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, type AnalysisResult } from '../../src/analyze.js';
import { loadConfig } from '../../src/config/load.js';
import type { DiagnosticKind } from '../../src/findings.js';
import { compareLabels } from '../support/labels.js';
import { actualLabels as findingLabels, expectedLabels as expectedLabelsOf } from '../support/labels.js';

/**
 * The adversarial corpus: fixtures/robustness/project, one hazard per file. It lives one level
 * below fixtures/ so that the generic fixture test (which allows no diagnostics but unresolved
 * modules) does not pick it up: this project produces parse errors and skips generated files on
 * purpose.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/robustness/project');
const tsconfig = path.join(root, 'tsconfig.json');
const src = path.join(root, 'src');

const knownKinds: ReadonlySet<DiagnosticKind> = new Set([
  'parse-error', 'unresolved-module', 'config-error', 'project-error', 'analysis-error', 'budget-exceeded', 'generated-file-skipped',
]);

/** Every source file of the corpus, relative to the project. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [path.relative(root, full)];
  }).sort();
}

const allFiles = listFiles(src);
const generatedFiles = ['src/vendor/bundle.min.js', 'src/vendor/chunk-3f9a2c.js'];
const declarationFiles = allFiles.filter((file) => file.endsWith('.d.ts'));
/** The files the scan must analyse: everything but declarations and generated code. */
const analysedFiles = allFiles.filter((file) => !declarationFiles.includes(file) && !generatedFiles.includes(file));

const rel = (file: string | undefined): string => (file === undefined ? '<none>' : path.relative(root, file));

describe('robustness corpus (fixtures/robustness/project)', () => {
  let result: AnalysisResult;
  beforeAll(() => {
    result = analyze({ tsconfig });
  });

  it('holds the hazards it claims to', () => {
    const lines = (file: string): number => readFileSync(path.join(root, file), 'utf8').split('\n').length;
    expect(lines('src/ten-thousand-lines.ts')).toBeGreaterThanOrEqual(10_000);
    expect(readFileSync(path.join(root, 'src/deep-nesting.ts'), 'utf8')).toContain(`${'('.repeat(300)}patient.name`);
    expect(readFileSync(path.join(root, 'src/huge-union.ts'), 'utf8')).toContain("| 'code-1999'");
    expect(readFileSync(path.join(root, 'src/huge-union.ts'), 'utf8')).toContain("kind: 'shape-299'");
    const bom = readFileSync(path.join(root, 'src/bom-crlf.ts'));
    expect([...bom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bom.toString('utf8')).toContain('\r\n');
    expect(bom.toString('utf8')).toMatch(/\r(?!\n)/); // a lone CR too
    expect(readFileSync(path.join(root, 'src/empty.ts'), 'utf8')).toBe('');
    expect(readFileSync(path.join(root, 'src/unicode.ts'), 'utf8')).toContain('\u2028');
    expect(readFileSync(path.join(root, 'src/vendor/bundle.min.js'), 'utf8').split('\n').length).toBeLessThanOrEqual(2);
  });

  it('finishes, and its diagnostics name exactly the files it could not fully analyse', () => {
    for (const diagnostic of result.diagnostics) expect(knownKinds.has(diagnostic.kind)).toBe(true);
    const named = [...new Set(result.diagnostics.map((d) => `${d.kind} ${rel(d.file)}`))].sort();
    expect(named).toEqual([
      'generated-file-skipped src/vendor/bundle.min.js',
      'generated-file-skipped src/vendor/chunk-3f9a2c.js',
      'parse-error src/syntax-error.ts',
      'unresolved-module src/unresolved-imports.ts',
    ]);
  });

  it('reports every unresolved import by name, and every parse error with a place', () => {
    const unresolved = result.diagnostics.filter((d) => d.kind === 'unresolved-module').map((d) => d.message).sort();
    expect(unresolved).toEqual([
      "Cannot find module './also-missing.js'",
      "Cannot find module './does-not-exist.js'",
      "Cannot find module '@nowhere/types'",
      "Cannot find module 'not-installed-analytics'",
    ]);
    const parseErrors = result.diagnostics.filter((d) => d.kind === 'parse-error');
    expect(parseErrors.length).toBeGreaterThan(0);
    for (const error of parseErrors) {
      expect(error.location?.file).toBe(path.join(root, 'src/syntax-error.ts'));
      expect(error.location?.line).toBeGreaterThan(8); // the well-formed start of the file has none
    }
  });

  it('analyses every file but declarations and generated code, the broken one included', () => {
    expect(result.files.map(rel).sort()).toEqual(analysedFiles);
  });

  it('reports exactly the labelled lines, over the whole corpus', () => {
    const files = analysedFiles.map((file) => path.join(root, file));
    expect(compareLabels(expectedLabelsOf(files, root), findingLabels(result.findings, root))).toEqual({ missing: [], extra: [] });
  });

  // The same comparison file by file, so that a failure names the hazard.
  it.each(analysedFiles)('reports exactly the labelled lines in %s', (file) => {
    const expected = expectedLabelsOf([path.join(root, file)], root);
    const actual = findingLabels(result.findings.filter((f) => rel(f.sink.location.file) === file), root);
    expect(compareLabels(expected, actual)).toEqual({ missing: [], extra: [] });
  });
});

describe('robustness corpus with analyzeGeneratedFiles', () => {
  it('analyses the minified and generated files too, and finds what is buried in them', () => {
    const { config } = loadConfig(root);
    const result = analyze({ tsconfig, config: { ...config, analyzeGeneratedFiles: true } });
    expect(result.diagnostics.filter((d) => d.kind === 'generated-file-skipped')).toEqual([]);
    expect(result.files.map(rel)).toEqual(expect.arrayContaining(generatedFiles));
    const buried = result.findings.filter((f) => generatedFiles.includes(rel(f.sink.location.file)));
    expect(buried.map((f) => `${rel(f.sink.location.file)}:${f.sink.location.line} ${f.ruleId} ${f.source.name}`).sort()).toEqual([
      'src/vendor/bundle.min.js:1 phi/no-logging Patient.name',
      'src/vendor/chunk-3f9a2c.js:14 phi/no-logging Patient.ssn',
    ]);
    const named = [...new Set(result.diagnostics.map((d) => `${d.kind} ${rel(d.file)}`))].sort();
    expect(named).toEqual(['parse-error src/syntax-error.ts', 'unresolved-module src/unresolved-imports.ts']);
  });
});

describe('robustness corpus without a tsconfig', () => {
  it('is scanned as an inferred project without crashing', () => {
    const result = analyze({ directory: root });
    for (const diagnostic of result.diagnostics) expect(knownKinds.has(diagnostic.kind)).toBe(true);
    expect(result.diagnostics.filter((d) => d.kind === 'analysis-error')).toEqual([]);
    const named = new Set(result.diagnostics.map((d) => `${d.kind} ${rel(d.file)}`));
    expect(named).toContain('parse-error src/syntax-error.ts');
    expect(named).toContain('generated-file-skipped src/vendor/bundle.min.js');
    expect(result.findings.length).toBeGreaterThan(0);
  });

  it('analyses a single broken file on request', () => {
    const result = analyze({ tsconfig, files: ['src/syntax-error.ts'] });
    expect(result.files.map(rel)).toEqual(['src/syntax-error.ts']);
    expect(findingLabels(result.findings, root)).toEqual(['src/syntax-error.ts:5 phi/no-logging']);
  });
});
