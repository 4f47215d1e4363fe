import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Sarif from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELP } from '../../src/cli/main.js';
import type { JsonReport } from '../../src/report/json.js';
import { describeErrors, sarifValidator } from '../report/schema.js';

/**
 * The built command, run as users run it, on the fixtures and on small projects written to a
 * temporary directory. One build for the whole file; the runs go concurrently.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = path.join(repoRoot, 'bin', 'phi-scan.js');
const TIMEOUT = 60_000;

let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'phi-e2e-'));
  // Type errors elsewhere do not stop tsc from emitting (they are the type check's business).
  const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: repoRoot, encoding: 'utf8' });
  expect(existsSync(path.join(repoRoot, 'dist', 'src', 'cli', 'main.js')), `build failed:\n${build.stdout}${build.stderr}`).toBe(true);
}, 180_000);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built phi-scan in `cwd` (the repository by default), without colour, as in CI. */
function phiScan(args: string[], cwd = repoRoot): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A fresh directory under the scratch area with `files` in it. */
function writeTree(name: string, files: Record<string, string>): string {
  const root = path.join(scratch, name);
  mkdirSync(root, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(root, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return root;
}

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

const json = (run: Run): JsonReport => JSON.parse(run.stdout) as JsonReport;
const NO_STACK = /^\s+at /m;

const TSCONFIG = JSON.stringify({
  compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2022', 'DOM'], strict: true, noEmit: true },
  include: ['src'],
});
const MODEL = '/** @phi */\nexport interface Patient {\n  name: string;\n  mrn: string;\n}\n';
const PATIENTS = `import type { Patient } from './model';

export function admit(patient: Patient): void {
  console.log(patient.name);
}

export function discharge(patient: Patient): void {
  console.info(patient.mrn);
}
`;

describe.concurrent('phi-scan', () => {
  it('reports the finding in fixtures/ts5-modern with its trace, exit 1', async () => {
    const run = await phiScan(['fixtures/ts5-modern']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('fixtures/ts5-modern/src/admissions.ts');
    expect(lines[1]).toMatch(/^ {2}6:3 {2}error {2}.*console\.log {2}phi\/no-logging$/);
    expect(run.stdout).toContain('      ↳ 6  ');
    expect(run.stdout).toContain('✖ 1 problem (1 error)');
    expect(run.stdout).toMatch(/^\d+ files? analysed$/m);
    expect(run.stdout).not.toContain('\u001b[');
  }, TIMEOUT);

  it('writes every format in one run, each to its own file', async () => {
    const out = path.join(scratch, 'formats');
    mkdirSync(out, { recursive: true });
    const run = await phiScan([
      'fixtures/node-api', '-f', 'text', '-f', `json:${out}/phi.json`, '-f', `sarif:${out}/phi.sarif`, '-f', `html:${out}/phi.html`,
    ]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('phi/no-unencrypted-storage');
    expect(run.stderr).toBe('');

    const report = JSON.parse(readFileSync(`${out}/phi.json`, 'utf8')) as JsonReport;
    expect(report.version).toBe(1);
    expect(report.summary.findings).toBe(report.findings.length);
    expect(report.findings.length).toBeGreaterThan(10);
    expect(report.findings.every((f) => f.trace.at(-1)!.kind === 'sink' && /^[0-9a-f]{32}(:\d+)?$/.test(f.fingerprint))).toBe(true);
    expect(report.projects).toEqual([{ kind: 'tsconfig', path: 'fixtures/node-api/tsconfig.json', files: report.files }]);

    const sarif = JSON.parse(readFileSync(`${out}/phi.sarif`, 'utf8')) as Sarif.Log;
    const validate = sarifValidator();
    expect(validate(sarif), describeErrors(validate.errors)).toBe(true);
    expect(sarif.runs[0]!.results!.length).toBe(report.findings.length);
    expect(sarif.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri).toMatch(/^fixtures\/node-api\//);

    const html = readFileSync(`${out}/phi.html`, 'utf8');
    expect(html).toContain('<h2>PHI data map</h2>');
    expect(html.match(/<li id="finding-\d+"/g)).toHaveLength(report.findings.length);
  }, TIMEOUT);

  it('exits by --fail-on, and writes one report to --output, findings only with --quiet', async () => {
    const out = path.join(scratch, 'quiet.txt');
    const [never, quiet] = await Promise.all([
      phiScan(['--fail-on', 'never', '-f', 'json', 'fixtures/ts5-modern']),
      phiScan(['--quiet', '--output', out, 'fixtures/ts5-modern']),
    ]);
    expect(never.status).toBe(0);
    expect(json(never).findings).toHaveLength(1);
    expect(quiet.status).toBe(1);
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr).toBe('');
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('phi/no-logging');
    expect(text).not.toContain('problem');
  }, TIMEOUT);

  it('with --project, reports only on the paths given', async () => {
    const run = await phiScan(['--project', 'fixtures/ts5-modern', 'fixtures/ts5-modern/src/models']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('No PHI flows found.');
  }, TIMEOUT);

  it('prints the help and the version', async () => {
    const [help, version] = await Promise.all([phiScan(['--help']), phiScan(['--version'])]);
    expect(help.status).toBe(0);
    expect(help.stdout).toBe(HELP);
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(version.stdout).toBe(`${pkg.version}\n`);
  }, TIMEOUT);

  it('finds every project of a monorepo: references, nested tsconfigs, loose JavaScript; skips ignored and built files', async () => {
    const root = writeTree('monorepo', {
      '.gitignore': 'generated/\n*.local.ts\n',
      'tsconfig.json': JSON.stringify({ files: [], references: [{ path: 'packages/api' }] }),
      'packages/api/tsconfig.json': JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2022', 'DOM'], strict: true, noEmit: true },
        include: ['src'],
        references: [{ path: '../shared/tsconfig.lib.json' }],
      }),
      'packages/api/src/model.ts': MODEL,
      'packages/api/src/patients.ts': PATIENTS,
      'packages/api/src/broken.ts': 'export const = ;\n',
      'packages/api/scripts/secret.local.ts': `/** @phi */\ntype S = string;\nexport const f = (s: S) => console.log(s);\n`,
      'packages/shared/tsconfig.lib.json': JSON.stringify({ compilerOptions: { lib: ['ES2022', 'DOM'], noEmit: true }, include: ['lib'] }),
      'packages/shared/lib/log.ts': `/** @phi */\ntype Note = string;\nexport const note = (n: Note) => console.warn(n);\n`,
      'packages/web/jsconfig.json': '{}\n',
      'packages/web/app.js': '/** @phi */\nlet diagnosis = "";\nconsole.log(diagnosis);\n',
      'generated/client.ts': `/** @phi */\ntype X = string;\nexport const g = (x: X) => console.log(x);\n`,
      'node_modules/dep/tsconfig.json': '{ not json',
      'packages/api/dist/tsconfig.json': '{ not json',
    });
    const run = await phiScan(['-f', 'json', '.'], root);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const report = json(run);
    expect(report.projects.map((p) => [p.kind, p.path])).toEqual([
      ['tsconfig', 'packages/api/tsconfig.json'],
      ['tsconfig', 'packages/shared/tsconfig.lib.json'],
      ['inferred', '.'],
    ]);
    const flagged = report.findings.map((f) => `${f.sink.location.file}:${f.sink.location.line}`);
    expect(flagged).toEqual(['packages/api/src/patients.ts:4', 'packages/api/src/patients.ts:8', 'packages/shared/lib/log.ts:3', 'packages/web/app.js:3']);
    // The file that does not parse is a diagnostic and listed as not fully analysed; the rest was scanned.
    expect(report.notFullyAnalysed).toEqual([{ file: 'packages/api/src/broken.ts', reasons: ['parse-error'] }]);
    expect(report.diagnostics.some((d) => d.kind === 'parse-error' && d.file === 'packages/api/src/broken.ts')).toBe(true);
  }, TIMEOUT);

  it('scans a directory given by name even when a .gitignore above it ignores it, with the .gitignore files inside it', async () => {
    const root = writeTree('ignored-target', {
      '.gitignore': 'generated/\n',
      'generated/app/.gitignore': '*.local.ts\n',
      'generated/app/tsconfig.json': TSCONFIG,
      'generated/app/src/model.ts': MODEL,
      'generated/app/src/patients.ts': PATIENTS,
      'generated/app/scripts/secret.local.ts': `/** @phi */\ntype S = string;\nexport const f = (s: S) => console.log(s);\n`,
      'src/index.ts': 'export const one = 1;\n',
    });
    git(root, 'init', '-q');
    const [byPath, fromInside, whole] = await Promise.all([
      phiScan(['-f', 'json', 'generated/app'], root),
      phiScan(['-f', 'json', '.'], path.join(root, 'generated', 'app')),
      phiScan(['-f', 'json', '.'], root),
    ]);
    for (const run of [byPath, fromInside]) {
      expect(run.stderr).toBe('');
      expect(run.status).toBe(1);
      const report = json(run);
      expect(report.projects.map((p) => p.kind)).toEqual(['tsconfig']);
      expect(report.findings.map((f) => path.basename(f.sink.location.file))).toEqual(['patients.ts', 'patients.ts']);
    }
    // Scanning the repository still leaves the ignored directory out.
    expect(whole.status).toBe(0);
    expect(json(whole).projects.map((p) => [p.kind, p.path])).toEqual([['inferred', '.']]);
  }, TIMEOUT);

  it('scans a plain JavaScript repository as an inferred project, and lists files not fully analysed in the summary', async () => {
    const root = writeTree('plain-js', {
      'lib/record.cjs': '/** @phi */\nconst ssn = process.env.SSN;\nconsole.log(ssn);\nmodule.exports = {};\n',
      'lib/view.jsx': '/** @phi */\nconst name = "x";\nexport const V = () => { console.error(name); return <p>{name}</p>; };\n',
      'lib/broken.mjs': 'export const = 1;\n',
    });
    const run = await phiScan([root]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('record.cjs');
    expect(run.stdout).toContain('view.jsx');
    expect(run.stdout).toMatch(/Not fully analysed \(1 file; findings in them may be missing\)\n {2}.*lib\/broken\.mjs {2}parse-error/);
  }, TIMEOUT);

  it('finds PHI by name with --heuristics, marked heuristic, and only then', async () => {
    const root = writeTree('heuristics', {
      'intake.js': 'export function submit(req) {\n  console.log(req.body.diagnosis);\n  console.log(req.body.count);\n}\n',
    });
    const plain = await phiScan(['-f', 'json', root]);
    expect(plain.status).toBe(0);
    // Heuristic findings are warnings: they fail the run only at --fail-on warning.
    const run = await phiScan(['-f', 'json', '--heuristics', root]);
    expect(run.status).toBe(0);
    expect((await phiScan(['-q', '--heuristics', '--fail-on', 'warning', root])).status).toBe(1);
    const report = json(run);
    expect(report.findings.map((f) => [f.sink.location.line, f.heuristic, f.severity, f.source.kind])).toEqual([[2, true, 'warning', 'heuristic']]);
  }, TIMEOUT);

  it('honours eslint-disable comments, and with --require-justification only those that give a reason', async () => {
    const root = writeTree('suppressions', {
      'tsconfig.json': TSCONFIG,
      'src/model.ts': MODEL,
      'src/patients.ts': `import type { Patient } from './model';

export function admit(patient: Patient): void {
  // eslint-disable-next-line phi/no-logging -- the audit console is access-controlled
  console.log(patient.name);
  // eslint-disable-next-line phi/no-logging
  console.info(patient.mrn);
  /* eslint-disable-next-line phi/no-analytics -- other rule */
  console.warn(patient.mrn);
}
`,
    });
    const [plain, strict] = await Promise.all([
      phiScan(['-f', 'json', '.'], root),
      phiScan(['-f', 'json', '--require-justification', '.'], root),
    ]);
    expect(plain.status).toBe(1);
    expect(json(plain).findings.map((f) => f.sink.location.line)).toEqual([9]);
    expect(json(plain).suppressed.map((f) => [f.sink.location.line, f.suppression])).toEqual([
      [5, { kind: 'comment', line: 4, justification: 'the audit console is access-controlled' }],
      [7, { kind: 'comment', line: 6 }],
    ]);
    expect(json(strict).findings.map((f) => [f.sink.location.line, f.unjustifiedSuppression?.line])).toEqual([
      [7, 6],
      [9, undefined],
    ]);
    expect(json(strict).summary.suppressed).toBe(1);
  }, TIMEOUT);

  it('round-trips a baseline: update, rescan, insert lines, remove code', async () => {
    const root = writeTree('baseline', { 'tsconfig.json': TSCONFIG, 'src/model.ts': MODEL, 'src/patients.ts': PATIENTS });
    const baseline = path.join(root, 'phi-baseline.json');

    const update = await phiScan(['--baseline', 'phi-baseline.json', '--update-baseline', '.'], root);
    expect(update.status).toBe(0);
    expect(update.stderr).toBe('phi-scan: wrote 2 findings to the baseline phi-baseline.json\n');
    const written = JSON.parse(readFileSync(baseline, 'utf8')) as { version: number; findings: Array<Record<string, string>> };
    expect(written.version).toBe(1);
    expect(written.findings.map((e) => Object.keys(e))).toEqual([
      ['fingerprint', 'rule', 'file', 'message'],
      ['fingerprint', 'rule', 'file', 'message'],
    ]);
    expect(written.findings.map((e) => e.file)).toEqual(['src/patients.ts', 'src/patients.ts']);

    // A justification added by hand survives the next update.
    written.findings.find((e) => e.message!.startsWith('Patient.name'))!.justification = 'accepted until the logger is replaced';
    writeFileSync(baseline, JSON.stringify(written, null, 2));

    const rescan = await phiScan(['--baseline', 'phi-baseline.json', '-f', 'json', '.'], root);
    expect(rescan.status).toBe(0);
    expect(json(rescan).findings).toEqual([]);
    expect(json(rescan).summary.baselined).toBe(2);
    expect(rescan.stderr).toBe('');

    // Lines inserted above the findings, and one new finding: only the new one is reported.
    const moved = `// a header comment\n// and another\n\n${PATIENTS}\nexport function transfer(patient: Patient): void {\n  console.error(patient.name);\n}\n`;
    writeFileSync(path.join(root, 'src/patients.ts'), moved);
    const shifted = await phiScan(['--baseline', 'phi-baseline.json', '-f', 'json', '.'], root);
    expect(shifted.status).toBe(1);
    expect(json(shifted).findings.map((f) => [f.sink.location.line, f.sink.callee])).toEqual([[15, 'console.error']]);
    expect(json(shifted).summary.baselined).toBe(2);
    expect(json(shifted).baseline!.stale).toEqual([]);

    // Code removed: its entry is stale, with a warning; --update-baseline drops it and keeps the justification.
    writeFileSync(path.join(root, 'src/patients.ts'), moved.replace('  console.info(patient.mrn);\n', ''));
    const stale = await phiScan(['--baseline', 'phi-baseline.json', '.'], root);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toMatch(/^phi-scan: warning: 1 baseline entry in phi-baseline\.json match no finding any more/);
    expect(stale.stderr).toContain('src/patients.ts  phi/no-logging  Patient.mrn');
    const again = await phiScan(['--baseline', 'phi-baseline.json', '--update-baseline', '.'], root);
    expect(again.status).toBe(0);
    const kept = JSON.parse(readFileSync(baseline, 'utf8')) as { findings: Array<Record<string, string>> };
    expect(kept.findings).toHaveLength(2);
    expect(kept.findings.filter((e) => e.justification === 'accepted until the logger is replaced')).toHaveLength(1);
  }, 120_000);

  it('--changed-since reports only findings whose sink or trace touches changed lines', async () => {
    const root = writeTree('changed', { 'tsconfig.json': TSCONFIG, 'src/model.ts': MODEL, 'src/patients.ts': PATIENTS });
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'initial');
    git(root, 'checkout', '-q', '-b', 'feature');
    writeFileSync(path.join(root, 'src/patients.ts'), PATIENTS.replace('console.info(patient.mrn);', 'console.info(`MRN ${patient.mrn}`);'));
    git(root, 'commit', '-q', '-am', 'change one line');
    writeFileSync(path.join(root, 'src/extra.ts'), `import type { Patient } from './model';\nexport const f = (p: Patient) => console.debug(p.name);\n`);

    const [changed, badRef] = await Promise.all([
      phiScan(['--changed-since', 'main', '-f', 'json', '.'], root),
      phiScan(['--changed-since', 'no-such-branch', '.'], root),
    ]);
    expect(changed.status).toBe(1);
    expect(json(changed).findings.map((f) => `${f.sink.location.file}:${f.sink.location.line}`)).toEqual(['src/extra.ts:2', 'src/patients.ts:8']);
    expect(json(changed).summary.outsideChangedLines).toBe(1);
    expect(json(changed).changedSince!.ref).toBe('main');
    expect(badRef.status).toBe(2);
    expect(badRef.stderr).toBe("phi-scan: --changed-since: unknown git revision 'no-such-branch'\n");

    const notGit = writeTree('not-git', { 'a.js': 'console.log(1);\n' });
    const outside = await phiScan(['--changed-since', 'main', '.'], notGit);
    expect(outside.status).toBe(2);
    expect(outside.stderr).toMatch(/^phi-scan: --changed-since needs a git repository/);
  }, TIMEOUT);
});

describe.concurrent('phi-scan errors: a clear message and exit 2', () => {
  const fails = (run: Run, message: string | RegExp): void => {
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    if (typeof message === 'string') expect(run.stderr).toBe(message);
    else expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(NO_STACK);
  };

  it('on usage errors', async () => {
    const [unknown, format, missing] = await Promise.all([
      phiScan(['--frobnicate', 'fixtures/ts5-modern']),
      phiScan(['--format', 'xml', 'fixtures/ts5-modern']),
      phiScan(['fixtures/ts5-modern', '--output']),
    ]);
    fails(unknown, "phi-scan: unknown option '--frobnicate'\nphi-scan: run 'phi-scan --help' for usage\n");
    fails(format, /^phi-scan: unknown format 'xml'/);
    fails(missing, /^phi-scan: option '--output' needs a value/);
  }, TIMEOUT);

  it('on a path that does not exist, or holds neither a tsconfig nor a source file', async () => {
    const empty = writeTree('empty', { 'README.md': '# nothing to scan\n', 'node_modules/x/index.js': 'x;\n' });
    const [missing, nothing] = await Promise.all([phiScan(['no/such/place']), phiScan([empty])]);
    fails(missing, 'phi-scan: no/such/place: no such file or directory\n');
    fails(nothing, `phi-scan: ${empty}: no tsconfig.json and no source files\n`);
  }, TIMEOUT);

  it('on an invalid tsconfig', async () => {
    const broken = writeTree('broken-tsconfig', { 'tsconfig.json': '{ "compilerOptions": ', 'index.ts': 'export {};\n' });
    fails(await phiScan([broken]), /^phi-scan: Invalid JSON in tsconfig /);
  }, TIMEOUT);

  it('on an invalid phi.config.json, naming the key and what was expected', async () => {
    const project = writeTree('bad-config', { 'tsconfig.json': TSCONFIG, 'src/a.ts': 'export {};\n', 'phi.config.json': '{ "trustedHosts": "x.example" }\n' });
    const config = path.join(scratch, 'bad.phi.config.json');
    writeFileSync(config, '{"fhir": "yes"}\n');
    const [found, given] = await Promise.all([phiScan([project]), phiScan(['--config', config, 'fixtures/ts5-modern'])]);
    fails(found, /^phi-scan: .*bad-config\/phi\.config\.json: \/trustedHosts: must be an? array/);
    fails(given, /^phi-scan: .*bad\.phi\.config\.json: \/fhir: must be a boolean/);
  }, TIMEOUT);

  it('on a file that cannot be read: a dangling link, a missing file a tsconfig lists', async () => {
    const dangling = writeTree('dangling', { 'src/a.ts': 'export {};\n' });
    symlinkSync(path.join(dangling, 'nowhere.ts'), path.join(dangling, 'src', 'b.ts'));
    const listed = writeTree('listed', { 'tsconfig.json': JSON.stringify({ files: ['src/a.ts', 'src/gone.ts'] }), 'src/a.ts': 'export {};\n' });
    const [link, missing] = await Promise.all([phiScan(['.'], dangling), phiScan(['.'], listed)]);
    fails(link, 'phi-scan: src/b.ts: cannot be read: a link to nothing\n');
    fails(missing, 'phi-scan: src/gone.ts: cannot be read (listed by tsconfig.json): no such file or directory\n');
  }, TIMEOUT);

  it('on a baseline that is missing or not a baseline', async () => {
    const bad = path.join(scratch, 'bad-baseline.json');
    writeFileSync(bad, '{"version": 1, "findings": [{"fingerprint": 3}]}\n');
    const [missing, invalid] = await Promise.all([
      phiScan(['--baseline', 'no-such-baseline.json', 'fixtures/ts5-modern']),
      phiScan(['--baseline', bad, 'fixtures/ts5-modern']),
    ]);
    fails(missing, 'phi-scan: no-such-baseline.json: cannot read the baseline: no such file (create it with --update-baseline)\n');
    fails(invalid, /^phi-scan: .*bad-baseline\.json: \/findings\/0\/fingerprint: expected a non-empty string\n$/);
  }, TIMEOUT);
});
