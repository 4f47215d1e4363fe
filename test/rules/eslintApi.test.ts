import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { ESLint as ESLint9 } from 'eslint-9';
import { afterAll, describe, expect, it, vi } from 'vitest';
import phi, { analyze } from '../../src/index.js';
import { analysisCounters } from '../../src/eslint/fileAnalysis.js';
import { ownProjectCounters } from '../../src/eslint/ownProject.js';

// Whole projects are loaded and linted: far beyond the default 5 s on a busy two-core machine.
vi.setConfig({ testTimeout: 120_000 });

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixturesDir = path.join(repoRoot, 'fixtures');
const fixtures = readdirSync(fixturesDir).filter((name) =>
  existsSync(path.join(fixturesDir, name, 'tsconfig.json')) && existsSync(path.join(fixturesDir, name, 'phi.config.json')));

type Setup = 'typed' | 'untyped';
type ESLintClass = typeof ESLint;
const eslintVersions: [string, ESLintClass][] = [['ESLint 10', ESLint], ['ESLint 9', ESLint9 as unknown as ESLintClass]];

/** The flat config a user writes: the parser, typed or not, and the recommended config. */
function configFor(setup: Setup, root: string): ESLint.Options['overrideConfig'] {
  return [
    {
      files: ['**/*.ts', '**/*.tsx'],
      languageOptions: {
        parser: tsParser,
        parserOptions: setup === 'typed' ? { projectService: true, tsconfigRootDir: root } : {},
      },
    },
    phi.configs.recommended,
  ];
}

function eslintFor(setup: Setup, root: string, Class: ESLintClass = ESLint): ESLint {
  return new Class({ cwd: root, overrideConfigFile: true, overrideConfig: configFor(setup, root) });
}

/** `file:line:column rule` for every message, failing on fatal errors. */
function labelsOf(results: ESLint.LintResult[], root: string): string[] {
  const fatal = results.flatMap((r) => r.messages.filter((m) => m.ruleId === null).map((m) => `${r.filePath}: ${m.message}`));
  expect(fatal).toEqual([]);
  return results.flatMap((r) => r.messages.map((m) => `${path.relative(root, r.filePath)}:${m.line}:${m.column} ${m.ruleId}`)).sort();
}

describe('strict: rules with options of their own', () => {
  it('share one taint evaluation and give the findings of analyze() with the same settings', async () => {
    const root = path.join(fixturesDir, 'node-api');
    const analysis = analyze({ tsconfig: path.join(root, 'tsconfig.json'), configOverrides: { heuristics: 'hipaa', unknownHosts: 'untrusted', analyticsConsentExcuses: false } });
    const expected = analysis.findings.map((f) => `${path.relative(root, f.sink.location.file)}:${f.sink.location.line}:${f.sink.location.column} ${f.ruleId}`).sort();
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, phi.configs.strict],
    });
    const shared = analysisCounters.sharedEvaluations;
    expect(labelsOf(await eslint.lintFiles(analysis.files), root)).toEqual(expected);
    // no-unconsented-sharing's option changes its settings (no-analytics's is the default): its
    // engine uses the evaluation of the engine the other three share.
    expect(analysisCounters.sharedEvaluations - shared).toBe(1);
  });
});

describe.each(fixtures)('ESLint on fixtures/%s gives the findings of analyze()', (name) => {
  const root = path.join(fixturesDir, name);
  const analysis = analyze({ tsconfig: path.join(root, 'tsconfig.json') });
  const expected = analysis.findings.map((f) => `${path.relative(root, f.sink.location.file)}:${f.sink.location.line}:${f.sink.location.column} ${f.ruleId}`).sort();

  it.each(['typed', 'untyped'] as const)('%s', async (setup) => {
    const results = await eslintFor(setup, root).lintFiles(analysis.files);
    expect(labelsOf(results, root)).toEqual(expected);
  });
});

describe.each(eslintVersions)('%s', (_name, Class) => {
  const root = path.join(fixturesDir, 'ts5-modern');
  const admissions = path.join(root, 'src/admissions.ts');

  it.each(['typed', 'untyped'] as const)('reports the PHI, the sink and the trace at the sink call (%s)', async (setup) => {
    const [result] = await eslintFor(setup, root, Class).lintFiles([admissions]);
    expect(result?.messages).toHaveLength(1);
    expect(result?.messages[0]).toMatchObject({
      ruleId: 'phi/no-logging',
      messageId: 'phiLogged',
      line: 6,
      column: 3,
      endLine: 6,
      endColumn: 23,
      message: [
        'Patient (PHI: @phi in src/models/patient.ts:2) reaches console.log',
        '  1. src/admissions.ts:6 `patient`: patient holds PHI Patient (@phi in src/models/patient.ts:2)',
        '  2. src/admissions.ts:6 `console.log(patient)`: log message of console.log (Console, logging)',
      ].join('\n'),
    });
  });

  it('honours eslint-disable-next-line with a reason', async () => {
    const text = readFileSync(admissions, 'utf8').replace(
      '  console.log(patient); // expect: phi/no-logging',
      '  // eslint-disable-next-line phi/no-logging -- the ward log is kept on an encrypted volume\n  console.log(patient);',
    );
    const [result] = await eslintFor('untyped', root, Class).lintText(text, { filePath: admissions });
    expect(result?.messages).toEqual([]);
    expect(result?.suppressedMessages).toMatchObject([
      { ruleId: 'phi/no-logging', suppressions: [{ kind: 'directive', justification: 'the ward log is kept on an encrypted volume' }] },
    ]);
  });
});

describe('one analysis per linted file', () => {
  const root = path.join(fixturesDir, 'ts5-modern');
  const admissions = path.join(root, 'src/admissions.ts');
  const analysesFor = async (config: 'recommended' | 'strict', text: string): Promise<number> => {
    const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, phi.configs[config]] });
    const before = analysisCounters.filesAnalysed;
    const [result] = await eslint.lintText(text, { filePath: admissions });
    expect(result?.messages.map((m) => m.ruleId)).toEqual(['phi/no-logging']);
    return analysisCounters.filesAnalysed - before;
  };

  it('is shared by the four rules of recommended', async () => {
    expect(await analysesFor('recommended', `${readFileSync(admissions, 'utf8')}\n// recommended\n`)).toBe(1);
  });

  it('is joined, in strict, by one of network sinks only for the rule whose options differ', async () => {
    // phi.config.json leaves analyticsConsentExcuses false, so only unknownHosts changes settings.
    expect(await analysesFor('strict', `${readFileSync(admissions, 'utf8')}\n// strict\n`)).toBe(2);
  });
});

describe('strict', () => {
  it('also reports PHI found by its name, as heuristic, where recommended does not', async () => {
    const root = path.join(fixturesDir, 'ts5-modern');
    const filePath = path.join(root, 'src/intake.ts');
    const text = 'export function submit(body: any) {\n  console.log(body.diagnosis);\n  console.log(body.count);\n}\n';
    const lint = async (config: 'recommended' | 'strict') => {
      const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, phi.configs[config]] });
      const [result] = await eslint.lintText(text, { filePath });
      return result?.messages.map((m) => [m.ruleId, m.line, /name heuristic/.test(m.message)]);
    };
    expect(await lint('recommended')).toEqual([]);
    expect(await lint('strict')).toEqual([['phi/no-logging', 2, true]]);
  });
});

describe('in the editor: successive lintText calls on one ESLint instance', () => {
  const workspaces: string[] = [];
  afterAll(() => {
    for (const dir of workspaces) rmSync(dir, { recursive: true, force: true });
  });

  /** A copy of a fixture that the test may edit, with the repository's node_modules. */
  function copyOf(fixture: string): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'phi-editor-'));
    workspaces.push(dir);
    cpSync(path.join(fixturesDir, fixture), dir, { recursive: true });
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    return dir;
  }

  /** A copy of fixtures/ts5-modern plus a file no other file imports. */
  function workspace(): string {
    const dir = copyOf('ts5-modern');
    writeFileSync(path.join(dir, 'src/unrelated.ts'), [
      '/** @phi */',
      'interface Note { text: string }',
      'export function show(note: Note): void {',
      '  console.log(note.text);',
      '}',
      '',
    ].join('\n'));
    return dir;
  }

  const cases: [string, Setup, ESLintClass][] = [
    ['ESLint 10, no type information', 'untyped', ESLint],
    ['ESLint 10, typed linting', 'typed', ESLint],
    ['ESLint 9, no type information', 'untyped', ESLint9 as unknown as ESLintClass],
  ];

  it.each(cases)('%s: cross-file flows follow unsaved edits', async (_name, setup, Class) => {
    const dir = workspace();
    const eslint = eslintFor(setup, dir, Class);
    const model = path.join(dir, 'src/models/patient.ts');
    const admissions = path.join(dir, 'src/admissions.ts');
    const unrelated = path.join(dir, 'src/unrelated.ts');
    const modelText = readFileSync(model, 'utf8');
    const admissionsText = readFileSync(admissions, 'utf8');
    const unrelatedText = readFileSync(unrelated, 'utf8');
    const lint = async (file: string, text: string): Promise<string[]> => {
      const started = performance.now();
      const results = await eslint.lintText(text, { filePath: file });
      if (setup === 'untyped') console.log(`re-lint of ${path.basename(file)} (${_name}): ${(performance.now() - started).toFixed(1)} ms`);
      return labelsOf(results, dir);
    };

    expect(await lint(admissions, admissionsText)).toEqual(['src/admissions.ts:6:3 phi/no-logging']);
    expect(await lint(unrelated, unrelatedText)).toEqual(['src/unrelated.ts:4:3 phi/no-logging']);
    const loads = ownProjectCounters.projectLoads;
    const analysed = analysisCounters.filesAnalysed;

    // Patient is no longer PHI in the (unsaved) model: the log in another file is no longer reported.
    expect(await lint(model, modelText.replace('/** @phi */\n', ''))).toEqual([]);
    expect(await lint(admissions, admissionsText)).toEqual([]);
    // The unrelated file is not analysed again: its findings come from the cache.
    const hits = analysisCounters.cacheHits;
    expect(await lint(unrelated, unrelatedText)).toEqual(['src/unrelated.ts:4:3 phi/no-logging']);
    if (setup === 'untyped') {
      expect(analysisCounters.cacheHits).toBe(hits + 1);
      expect(analysisCounters.filesAnalysed).toBe(analysed + 2);
    }

    // An edit in the file itself: a second log of the patient's name.
    const edited = admissionsText.replace('  return ward;', '  console.info(patient.name);\n  return ward;');
    expect(await lint(admissions, edited)).toEqual([]);
    expect(await lint(model, modelText)).toEqual([]);
    expect(await lint(admissions, edited)).toEqual(['src/admissions.ts:6:3 phi/no-logging', 'src/admissions.ts:8:3 phi/no-logging']);

    // The project was loaded once: every edit updated one file of it.
    if (setup === 'untyped') expect(ownProjectCounters.projectLoads).toBe(loads);
  });

  it('follows a field filled by a file that does not import the linted one', async () => {
    // admissions.ts logs ward.label; only intake.ts, which imports the class but not admissions.ts,
    // stores PHI in it. An edit there must reach the cached findings of admissions.ts.
    const dir = workspace();
    writeFileSync(path.join(dir, 'src/ward.ts'), 'export class Ward {\n  constructor(public label: string) {}\n}\nexport const wards: Ward[] = [];\n');
    const intake = path.join(dir, 'src/intake.ts');
    const intakeText = "import { Ward, wards } from './ward.js';\nimport type { Patient } from './models/patient.js';\nexport function intake(p: Patient) {\n  wards.push(new Ward('general'));\n}\n";
    writeFileSync(intake, intakeText);
    const logger = path.join(dir, 'src/wardLog.ts');
    const loggerText = "import { wards } from './ward.js';\nexport function logWards() {\n  for (const ward of wards) console.log(ward.label);\n}\n";
    writeFileSync(logger, loggerText);
    const eslint = eslintFor('untyped', dir);
    expect(labelsOf(await eslint.lintText(loggerText, { filePath: logger }), dir)).toEqual([]);
    const leaking = intakeText.replace("new Ward('general')", 'new Ward(p.diagnosis)');
    expect(labelsOf(await eslint.lintText(leaking, { filePath: intake }), dir)).toEqual([]);
    expect(labelsOf(await eslint.lintText(loggerText, { filePath: logger }), dir)).toEqual(['src/wardLog.ts:3:29 phi/no-logging']);
  });

  it('picks up a file changed on disk by something else (a save, a checkout)', async () => {
    const dir = workspace();
    const eslint = eslintFor('untyped', dir);
    const model = path.join(dir, 'src/models/patient.ts');
    const admissions = path.join(dir, 'src/admissions.ts');
    const admissionsText = readFileSync(admissions, 'utf8');
    expect(labelsOf(await eslint.lintText(admissionsText, { filePath: admissions }), dir)).toEqual(['src/admissions.ts:6:3 phi/no-logging']);
    writeFileSync(model, readFileSync(model, 'utf8').replace('/** @phi */\n', ''));
    const later = new Date(Date.now() + 10_000);
    utimesSync(model, later, later);
    // Files other than the linted one are compared with the disk at most once a second.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(labelsOf(await eslint.lintText(admissionsText, { filePath: admissions }), dir)).toEqual([]);
  });

  it('re-lints a file of fixtures/node-api after an edit in a file it imports', async () => {
    const dir = copyOf('node-api');
    const eslint = eslintFor('untyped', dir);
    const route = path.join(dir, 'src/routes/patients.ts');
    const format = path.join(dir, 'src/lib/format.ts');
    const routeText = readFileSync(route, 'utf8');
    const formatText = readFileSync(format, 'utf8');
    const timed = async (label: string, file: string, text: string): Promise<string[]> => {
      const started = performance.now();
      const labels = labelsOf(await eslint.lintText(text, { filePath: file }), dir);
      console.log(`node-api, ${label}: ${(performance.now() - started).toFixed(1)} ms`);
      return labels;
    };
    const first = await timed('first lint of routes/patients.ts (loads the project)', route, routeText);
    expect(first.length).toBeGreaterThan(0);
    const loads = ownProjectCounters.projectLoads;
    expect(await timed('the same text again', route, routeText)).toEqual(first);
    await timed('lib/format.ts after an edit', format, `${formatText}\n// edited\n`);
    expect(await timed('routes/patients.ts after the edit in lib/format.ts', route, routeText)).toEqual(first);
    expect(await timed('routes/patients.ts after an edit of its own', route, `${routeText}\n// edited\n`)).toEqual(first);
    expect(ownProjectCounters.projectLoads).toBe(loads);
  });
});

describe('bad input in the editor', () => {
  it('reports an invalid phi.config.json once, as a problem, instead of throwing', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'phi-bad-config-'));
    writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, types: [] }, include: ['*.ts'] }));
    writeFileSync(path.join(root, 'phi.config.json'), '{ "fhir": "yes" }');
    const filePath = path.join(root, 'a.ts');
    writeFileSync(filePath, 'console.log(1);\n');
    const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, phi.configs.recommended] });
    const [result] = await eslint.lintFiles([filePath]);
    expect(result?.messages).toHaveLength(1);
    expect(result?.messages[0]).toMatchObject({ line: 1, messageId: 'analysisFailed' });
    expect(result?.messages[0]?.message).toMatch(/could not analyse this file: .*\/fhir: must be a boolean/);
    rmSync(root, { recursive: true, force: true });
  });
});
