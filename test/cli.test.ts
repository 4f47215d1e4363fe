import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../src/analyze.js';
import { parseArguments, UsageError } from '../src/cli/args.js';
import { HELP, mergeResults, useColor } from '../src/cli/main.js';
import type { AnalysisDiagnostic, Finding, SourceLocation } from '../src/findings.js';
import { formatJson } from '../src/report/json.js';
import { formatText } from '../src/report/text.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(repoRoot, 'bin', 'phi-scan.js');
const BUILD_TIMEOUT = 180_000;
const RUN_TIMEOUT = 60_000;

let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'phi-cli-test-'));
  // The tests run the built command, as users do: build it first. Type errors elsewhere do not
  // stop tsc from emitting (and are the type check's business), so only the output is checked.
  const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: repoRoot, encoding: 'utf8' });
  const built = path.join(repoRoot, 'dist', 'src', 'cli', 'main.js');
  expect(existsSync(built), `build failed:\n${build.stdout}${build.stderr}`).toBe(true);
}, BUILD_TIMEOUT);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built phi-scan in the repository root, without colour. */
function phiScan(...args: string[]): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, encoding: 'utf8', env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
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

const NO_STACK = /^\s+at /m;

describe('phi-scan', () => {
  it('reports the finding in fixtures/ts5-modern with its trace, exit 1', () => {
    const run = phiScan('fixtures/ts5-modern');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('fixtures/ts5-modern/src/admissions.ts');
    expect(lines[1]).toMatch(/^ {2}6:3 {2}error {2}.*console\.log {2}phi\/no-logging$/);
    expect(run.stdout).toContain('      ↳ 6  ');
    expect(run.stdout).toContain('✖ 1 problem (1 error)');
    expect(run.stdout).toMatch(/^\d+ files? analysed$/m);
    expect(run.stdout).not.toContain('\u001b[');
  }, RUN_TIMEOUT);

  it('writes a JSON report with one finding and its trace', () => {
    const run = phiScan('--format', 'json', 'fixtures/ts5-modern');
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as {
      version: number;
      findings: Finding[];
      diagnostics: AnalysisDiagnostic[];
      files: number;
    };
    expect(Object.keys(report)).toEqual(['version', 'findings', 'diagnostics', 'files']);
    expect(report.version).toBe(1);
    expect(report.findings).toHaveLength(1);
    const [finding] = report.findings;
    expect(finding!.ruleId).toBe('phi/no-logging');
    expect(finding!.sink.location.file).toBe('fixtures/ts5-modern/src/admissions.ts');
    expect(finding!.trace.length).toBeGreaterThanOrEqual(2);
    expect(finding!.trace.at(-1)!.kind).toBe('sink');
    expect(report.files).toBeGreaterThanOrEqual(1);
  }, RUN_TIMEOUT);

  it('writes the report to --output, and only findings with --quiet', () => {
    const out = path.join(scratch, 'report.txt');
    const run = phiScan('--quiet', '--output', out, 'fixtures/ts5-modern');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('phi/no-logging');
    expect(text).not.toContain('problem');
    expect(text).not.toContain('analysed');
  }, RUN_TIMEOUT);

  it('with --project, reports only on the paths given', () => {
    const run = phiScan('--project', 'fixtures/ts5-modern', 'fixtures/ts5-modern/src/models');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('No PHI flows found.');
  }, RUN_TIMEOUT);

  it('exits 0 on a directory with clean source files and no tsconfig', () => {
    const dir = writeTree('clean', { 'src/index.ts': 'export const greeting = "hello";\nconsole.log(greeting);\n' });
    const run = phiScan(dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('No PHI flows found.\n1 file analysed\n');
  }, RUN_TIMEOUT);

  it('prints the help, exit 0', () => {
    const run = phiScan('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(HELP);
    for (const option of ['--project', '--config', '--format', '--output', '--quiet', '--no-color', '--help', '--version']) {
      expect(run.stdout).toContain(option);
    }
    expect(run.stdout).toContain('Exit status');
  }, RUN_TIMEOUT);

  it('prints the version of the package', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    const run = phiScan('--version');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${pkg.version}\n`);
  }, RUN_TIMEOUT);

  it('exits 2 on an unknown option', () => {
    const run = phiScan('--frobnicate', 'fixtures/ts5-modern');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toBe("phi-scan: unknown option '--frobnicate'");
    expect(run.stderr).not.toMatch(NO_STACK);
  }, RUN_TIMEOUT);

  it('exits 2 on an unknown format and on a missing value', () => {
    const format = phiScan('--format', 'xml', 'fixtures/ts5-modern');
    expect(format.status).toBe(2);
    expect(format.stderr).toContain("phi-scan: unknown format 'xml'");
    const missing = phiScan('fixtures/ts5-modern', '--output');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("phi-scan: option '--output' needs a value");
  }, RUN_TIMEOUT);

  it('exits 2 on a path that does not exist', () => {
    const run = phiScan('no/such/place');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('phi-scan: no/such/place: no such file or directory\n');
  }, RUN_TIMEOUT);

  it('exits 2 on a directory with neither a tsconfig nor source files', () => {
    const dir = writeTree('empty', { 'README.md': '# nothing to scan\n' });
    const run = phiScan(dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`phi-scan: ${dir}: no tsconfig.json and no source files\n`);
  }, RUN_TIMEOUT);

  it('exits 2 on an invalid --config, naming the key', () => {
    const config = path.join(scratch, 'bad.phi.config.json');
    writeFileSync(config, '{"fhir": "yes"}\n');
    const run = phiScan('--config', config, 'fixtures/ts5-modern');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^phi-scan: .*bad\.phi\.config\.json: \/fhir: must be a boolean/);
    expect(run.stderr).not.toMatch(NO_STACK);
  }, RUN_TIMEOUT);

  it('exits 2 on a tsconfig that is not JSON', () => {
    const dir = writeTree('broken-tsconfig', { 'tsconfig.json': '{ "compilerOptions": ', 'index.ts': 'export {};\n' });
    const run = phiScan(dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^phi-scan: Invalid JSON in tsconfig /);
    expect(run.stderr).not.toMatch(NO_STACK);
  }, RUN_TIMEOUT);
});

describe('parseArguments', () => {
  it('defaults to the current directory and the text format', () => {
    expect(parseArguments([])).toEqual({ paths: ['.'], format: 'text', quiet: false, noColor: false, help: false, version: false });
  });

  it('reads every option, long and short', () => {
    expect(
      parseArguments(['-p', 'app/tsconfig.json', '--config=phi.json', '-f', 'json', '-o', 'out.json', '-q', '--no-color', 'src']),
    ).toEqual({
      paths: ['src'],
      project: 'app/tsconfig.json',
      config: 'phi.json',
      format: 'json',
      output: 'out.json',
      quiet: true,
      noColor: true,
      help: false,
      version: false,
    });
  });

  it('has no default path with --project', () => {
    expect(parseArguments(['--project', 'tsconfig.json']).paths).toEqual([]);
  });

  it('takes paths after --', () => {
    expect(parseArguments(['--', '--odd-name']).paths).toEqual(['--odd-name']);
  });

  it.each([
    [['--nope'], "unknown option '--nope'"],
    [['-x'], "unknown option '-x'"],
    [['--format', 'sarif'], "unknown format 'sarif' (expected 'text' or 'json')"],
    [['--project'], "option '--project' needs a value"],
    [['--config', '--quiet'], "option '--config' needs a value"],
    [['--quiet=yes'], "option '--quiet' does not take a value"],
  ])('rejects %j', (argv, message) => {
    expect(() => parseArguments(argv)).toThrow(new UsageError(message));
  });
});

describe('useColor', () => {
  const base = { noColor: false, toStdout: true, env: {}, isTTY: true };
  it('colours a terminal unless told not to', () => {
    expect(useColor(base)).toBe(true);
    expect(useColor({ ...base, isTTY: false })).toBe(false);
    expect(useColor({ ...base, noColor: true })).toBe(false);
    expect(useColor({ ...base, toStdout: false, env: { FORCE_COLOR: '1' } })).toBe(false);
    expect(useColor({ ...base, env: { NO_COLOR: '1' } })).toBe(false);
    expect(useColor({ ...base, env: { NO_COLOR: '' } })).toBe(true);
    expect(useColor({ ...base, env: { TERM: 'dumb' } })).toBe(false);
    expect(useColor({ ...base, isTTY: false, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).toBe(true);
    expect(useColor({ ...base, env: { FORCE_COLOR: '0' } })).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Reports, on hand-made results

const cwd = '/repo';

function at(file: string, line: number, column: number): SourceLocation {
  return { file: `/repo/${file}`, line, column, endLine: line, endColumn: column + 10 };
}

function finding(overrides: Partial<Finding> & { sinkAt: SourceLocation }): Finding {
  const { sinkAt, ...rest } = overrides;
  return {
    ruleId: 'phi/no-logging',
    category: 'logging',
    severity: 'error',
    message: 'Patient.name (PHI: @phi in src/model.ts:3) reaches console.log',
    sink: { location: sinkAt, entryId: 'console.log', vendor: 'Console', callee: 'console.log', role: 'log message' },
    source: { kind: 'property-tag', name: 'Patient.name', reason: '@phi in src/model.ts:3', declaration: at('src/model.ts', 3, 3) },
    trace: [
      { kind: 'source', code: 'patient.name', message: 'patient.name is PHI Patient.name', location: at('src/model.ts', 12, 10) },
      { kind: 'return', code: 'return patient.name', message: 'returned by nameOf', location: at('src/model.ts', 12, 3) },
      { kind: 'sink', code: 'console.log(name)', message: 'log message of console.log (Console, logging)', location: sinkAt },
    ],
    enclosingFunction: 'admit',
    ...rest,
  };
}

const result: AnalysisResult = {
  findings: [
    finding({ sinkAt: at('src/admit.ts', 8, 5) }),
    finding({
      sinkAt: at('src/admit.ts', 14, 12),
      ruleId: 'phi/no-analytics',
      category: 'analytics',
      message: 'Patient.name (PHI: @phi in src/model.ts:3) reaches analytics.track',
      trace: [
        { kind: 'source', code: 'p.name', message: 'p.name is PHI Patient.name', location: at('src/admit.ts', 13, 9) },
        { kind: 'sink', code: 'analytics.track(e)', message: 'properties of analytics.track (Segment, analytics)', location: at('src/admit.ts', 14, 12) },
      ],
    }),
    finding({ sinkAt: at('src/discharge.ts', 3, 1), severity: 'warning' }),
  ],
  diagnostics: [
    { kind: 'parse-error', message: "TS1005: ';' expected.", file: '/repo/src/broken.ts', location: at('src/broken.ts', 2, 7) },
    { kind: 'budget-exceeded', message: 'analysis budget exhausted\nsome calls were not followed', file: '/repo/src/huge.ts' },
    { kind: 'project-error', message: 'TS5101: Option baseUrl is deprecated.' },
  ],
  files: ['/repo/src/admit.ts', '/repo/src/discharge.ts', '/repo/src/model.ts', '/repo/src/broken.ts', '/repo/src/huge.ts'],
};

describe('formatText', () => {
  it('groups findings by file with their traces, then diagnostics, then the summary', () => {
    expect(formatText(result, { color: false, cwd }).split('\n')).toEqual([
      'src/admit.ts',
      '  8:5    error  Patient.name (PHI: @phi in src/model.ts:3) reaches console.log  phi/no-logging',
      '      ↳ src/model.ts:12  patient.name is PHI Patient.name',
      '      ↳ src/model.ts:12  returned by nameOf',
      '      ↳ 8  log message of console.log (Console, logging)',
      '  14:12  error  Patient.name (PHI: @phi in src/model.ts:3) reaches analytics.track  phi/no-analytics',
      '      ↳ 13  p.name is PHI Patient.name',
      '      ↳ 14  properties of analytics.track (Segment, analytics)',
      '',
      'src/discharge.ts',
      '  3:1  warning  Patient.name (PHI: @phi in src/model.ts:3) reaches console.log  phi/no-logging',
      '      ↳ src/model.ts:12  patient.name is PHI Patient.name',
      '      ↳ src/model.ts:12  returned by nameOf',
      '      ↳ 3  log message of console.log (Console, logging)',
      '',
      'Diagnostics',
      "  src/broken.ts:2:7  parse-error  TS1005: ';' expected.",
      '  src/huge.ts  budget-exceeded  analysis budget exhausted',
      '    some calls were not followed',
      '  project-error  TS5101: Option baseUrl is deprecated.',
      '',
      '✖ 3 problems (2 errors, 1 warning)',
      '5 files analysed, 3 diagnostics',
      '',
    ]);
  });

  it('prints only the findings with quiet', () => {
    const text = formatText({ ...result, findings: result.findings.slice(2) }, { color: false, cwd, quiet: true });
    expect(text).toBe(
      [
        'src/discharge.ts',
        '  3:1  warning  Patient.name (PHI: @phi in src/model.ts:3) reaches console.log  phi/no-logging',
        '      ↳ src/model.ts:12  patient.name is PHI Patient.name',
        '      ↳ src/model.ts:12  returned by nameOf',
        '      ↳ 3  log message of console.log (Console, logging)',
        '',
      ].join('\n'),
    );
    expect(formatText({ findings: [], diagnostics: [], files: [] }, { color: false, cwd, quiet: true })).toBe('');
  });

  it('says when nothing was found', () => {
    expect(formatText({ findings: [], diagnostics: [], files: ['/repo/a.ts'] }, { color: false, cwd })).toBe(
      'No PHI flows found.\n1 file analysed\n',
    );
  });

  it('colours only when asked', () => {
    const coloured = formatText(result, { color: true, cwd });
    expect(coloured).toContain('\u001b[31merror\u001b[39m');
    expect(coloured).toContain('\u001b[4msrc/admit.ts\u001b[24m');
    // Stripped of its escapes, the coloured report is the plain one.
    // eslint-disable-next-line no-control-regex
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(formatText(result, { color: false, cwd }));
  });
});

describe('formatJson', () => {
  it('writes version 1 with relative paths and stable key order', () => {
    const report = JSON.parse(formatJson(result, { cwd })) as Record<string, unknown> & {
      findings: Array<Record<string, unknown> & Finding>;
      diagnostics: AnalysisDiagnostic[];
    };
    expect(Object.keys(report)).toEqual(['version', 'findings', 'diagnostics', 'files']);
    expect(report.version).toBe(1);
    expect(report.files).toBe(5);
    const first = report.findings[0]!;
    expect(Object.keys(first)).toEqual(['ruleId', 'category', 'severity', 'message', 'sink', 'source', 'trace', 'enclosingFunction']);
    expect(Object.keys(first.sink)).toEqual(['location', 'entryId', 'vendor', 'callee', 'role']);
    expect(first.sink.location).toEqual({ file: 'src/admit.ts', line: 8, column: 5, endLine: 8, endColumn: 15 });
    expect(first.source.declaration?.file).toBe('src/model.ts');
    expect(first.trace.map((s) => s.location.file)).toEqual(['src/model.ts', 'src/model.ts', 'src/admit.ts']);
    expect(Object.keys(first.trace[0]!)).toEqual(['kind', 'code', 'message', 'location']);
    expect(report.diagnostics).toEqual([
      { kind: 'parse-error', message: "TS1005: ';' expected.", file: 'src/broken.ts', location: { file: 'src/broken.ts', line: 2, column: 7, endLine: 2, endColumn: 17 } },
      { kind: 'budget-exceeded', message: 'analysis budget exhausted\nsome calls were not followed', file: 'src/huge.ts' },
      { kind: 'project-error', message: 'TS5101: Option baseUrl is deprecated.' },
    ]);
  });

  it('keeps the same order whatever order the finding was built in', () => {
    const original = result.findings[0]!;
    const shuffled = Object.fromEntries(Object.entries(original).reverse()) as unknown as Finding;
    const single = (f: Finding): string => formatJson({ findings: [f], diagnostics: [], files: [] }, { cwd });
    expect(single(shuffled)).toBe(single(original));
  });
});

describe('mergeResults', () => {
  it('reports what two projects share once, sorted by place', () => {
    const [a, b, c] = result.findings as [Finding, Finding, Finding];
    const merged = mergeResults([
      { findings: [c, a], diagnostics: [result.diagnostics[0]!], files: ['/repo/src/discharge.ts', '/repo/src/admit.ts'] },
      { findings: [a, b], diagnostics: [result.diagnostics[0]!], files: ['/repo/src/admit.ts'] },
    ]);
    expect(merged.findings).toEqual([a, b, c]);
    expect(merged.diagnostics).toHaveLength(1);
    expect(merged.files).toEqual(['/repo/src/discharge.ts', '/repo/src/admit.ts']);
  });
});
