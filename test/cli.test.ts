import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../src/analyze.js';
import { parseArguments, UsageError } from '../src/cli/args.js';
import { exitStatus, HELP, mergeResults, useColor } from '../src/cli/main.js';
import { terminalProgress } from '../src/cli/progress.js';
import type { Finding } from '../src/findings.js';
import { formatJson, type JsonReport } from '../src/report/json.js';
import { formatText } from '../src/report/text.js';
import { findings, item, sampleReport } from './report/sample.js';

describe('parseArguments', () => {
  const defaults = {
    paths: ['.'],
    reports: [{ format: 'text' }],
    failOn: 'error',
    updateBaseline: false,
    requireJustification: false,
      heuristics: false,
    quiet: false,
    noProgress: false,
    noColor: false,
    help: false,
    version: false,
  };

  it('defaults to the current directory and a text report on standard output', () => {
    expect(parseArguments([])).toEqual(defaults);
  });

  it('reads every option, long and short', () => {
    expect(
      parseArguments([
        '-p', 'app/tsconfig.json', '--config=phi.json', '-f', 'json', '-o', 'out.json', '-q', '--no-color', '--no-progress',
        '--fail-on', 'warning', '--baseline', 'b.json', '--update-baseline', '--changed-since', 'origin/main',
        '--require-justification', '--heuristics', 'src',
      ]),
    ).toEqual({
      ...defaults,
      paths: ['src'],
      project: 'app/tsconfig.json',
      config: 'phi.json',
      reports: [{ format: 'json', file: 'out.json' }],
      failOn: 'warning',
      baseline: 'b.json',
      updateBaseline: true,
      changedSince: 'origin/main',
      requireJustification: true,
      heuristics: true,
      quiet: true,
      noProgress: true,
      noColor: true,
    });
  });

  it('takes several formats, each with its own file', () => {
    expect(parseArguments(['-f', 'json:-', '-f', 'sarif:out/phi.sarif', '--format=html:report.html']).reports).toEqual([
      { format: 'json' },
      { format: 'sarif', file: 'out/phi.sarif' },
      { format: 'html', file: 'report.html' },
    ]);
  });

  it('sends the format without a file to --output', () => {
    expect(parseArguments(['-f', 'sarif', '-f', 'html:r.html', '-o', 'phi.sarif']).reports).toEqual([
      { format: 'sarif', file: 'phi.sarif' },
      { format: 'html', file: 'r.html' },
    ]);
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
    [['--format', 'xml'], "unknown format 'xml' (expected 'text', 'json', 'sarif' or 'html')"],
    [['--format', 'sarif:'], "--format sarif: needs a file after ':'"],
    [['-f', 'json', '-f', 'sarif'], "both the json and the sarif report would go to standard output; give one a file with --format sarif:<file>"],
    [['-f', 'json:a', '-f', 'sarif:a'], 'both the json and the sarif report would be written to a'],
    [['--fail-on', 'info'], "unknown --fail-on level 'info' (expected 'error', 'warning' or 'never')"],
    [['--update-baseline'], '--update-baseline needs --baseline <file> to say which file to write'],
    [['--project'], "option '--project' needs a value"],
    [['--config', '--quiet'], "option '--config' needs a value"],
    [['--quiet=yes'], "option '--quiet' does not take a value"],
  ])('rejects %j', (argv, message) => {
    expect(() => parseArguments(argv)).toThrow(new UsageError(message));
  });

  it('documents every option in --help', () => {
    for (const option of [
      '--project', '--config', '--format', '--output', '--fail-on', '--baseline', '--update-baseline', '--changed-since',
      '--require-justification', '--quiet', '--no-progress', '--no-color', '--help', '--version',
    ]) {
      expect(HELP).toContain(option);
    }
    for (const format of ['text', 'json', 'sarif', 'html']) expect(HELP).toContain(format);
    expect(HELP).toContain('Exit status');
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

describe('exitStatus', () => {
  const errorOnly = sampleReport({ findings: [item(findings[0]!, 0)] });
  const warningOnly = sampleReport({ findings: [item(findings[2]!, 2)] });
  const suppressed = sampleReport({ findings: [item(findings[0]!, 0, { status: 'suppressed', suppression: { kind: 'comment', line: 7 } })] });
  it('fails on open findings at or above the threshold', () => {
    expect(exitStatus(errorOnly, 'error')).toBe(1);
    expect(exitStatus(warningOnly, 'error')).toBe(0);
    expect(exitStatus(warningOnly, 'warning')).toBe(1);
    expect(exitStatus(errorOnly, 'warning')).toBe(1);
    expect(exitStatus(errorOnly, 'never')).toBe(0);
    expect(exitStatus(suppressed, 'warning')).toBe(0);
  });
});

describe('terminalProgress', () => {
  it('redraws one line with the project and the files analysed, and erases it', () => {
    let out = '';
    let time = 0;
    const progress = terminalProgress({ write: (text) => (out += text), columns: 200, interval: 100, now: () => time });
    progress.project(1, 2, 'api/tsconfig.json', 10);
    progress.file(1, 10);
    time = 150;
    progress.file(5, 10);
    progress.projectDone(10);
    progress.project(2, 2, 'web/tsconfig.json', 4);
    progress.clear();
    const frames = out.split('\r').filter(Boolean);
    expect(frames).toEqual([
      'phi-scan: 0 files analysed, project 1/2 (0/10 in this one): api/tsconfig.json\u001b[K',
      'phi-scan: 5 files analysed, project 1/2 (5/10 in this one): api/tsconfig.json\u001b[K',
      'phi-scan: 10 files analysed, project 2/2 (0/4 in this one): web/tsconfig.json\u001b[K',
      '\u001b[K',
    ]);
  });
});

describe('formatText', () => {
  const report = sampleReport();

  it('groups findings by file with their traces, then diagnostics, incomplete files and the summary', () => {
    expect(formatText(report, { color: false }).split('\n')).toEqual([
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
      'Not fully analysed (2 files; findings in them may be missing)',
      '  src/broken.ts  parse-error',
      '  src/huge.ts  budget-exceeded',
      '',
      '✖ 3 problems (2 errors, 1 warning)',
      '5 files analysed, 3 diagnostics',
      '',
    ]);
  });

  it('counts what was not reported, and marks suppressions without a reason', () => {
    const text = formatText(
      sampleReport({
        diagnostics: [],
        incomplete: [],
        findings: [
          item(findings[0]!, 0, { unjustifiedSuppression: { line: 7 } }),
          item(findings[1]!, 1, { status: 'suppressed', suppression: { kind: 'comment', line: 13, justification: 'BAA' } }),
          item(findings[2]!, 2, { status: 'baselined', suppression: { kind: 'baseline' } }),
        ],
        changedSince: { ref: 'main', base: 'abc', outside: 4 },
        baseline: { file: '/repo/phi-baseline.json', stale: [{ fingerprint: 'x', rule: 'phi/no-logging', file: 'src/old.ts', message: 'gone' }] },
      }),
      { color: false },
    );
    expect(text).toContain('      ! the eslint-disable comment on line 7 gives no reason (add "-- <reason>"; --require-justification)');
    expect(text).not.toContain('src/discharge.ts');
    expect(text).toContain('Stale baseline entries (1; they match no finding: run with --update-baseline to drop them)\n  src/old.ts  gone  phi/no-logging');
    expect(text).toContain('✖ 1 problem (1 error)\nNot reported: 1 suppressed by eslint-disable comments, 1 in the baseline, 4 outside the lines changed since main\n');
  });

  it('prints only the findings with quiet', () => {
    const text = formatText(sampleReport({ findings: [item(findings[2]!, 2)] }), { color: false, quiet: true });
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
    expect(formatText(sampleReport({ findings: [] }), { color: false, quiet: true })).toBe('');
  });

  it('says when nothing was found', () => {
    const clean = sampleReport({ findings: [], diagnostics: [], incomplete: [], files: ['/repo/a.ts'] });
    expect(formatText(clean, { color: false })).toBe('No PHI flows found.\n1 file analysed\n');
    const accepted = sampleReport({ findings: [item(findings[0]!, 0, { status: 'baselined', suppression: { kind: 'baseline' } })], diagnostics: [], incomplete: [], files: ['/repo/a.ts'] });
    expect(formatText(accepted, { color: false })).toBe('No new PHI flows found.\nNot reported: 1 in the baseline\n1 file analysed\n');
  });

  it('colours only when asked', () => {
    const coloured = formatText(report, { color: true });
    expect(coloured).toContain('\u001b[31merror\u001b[39m');
    expect(coloured).toContain('\u001b[4msrc/admit.ts\u001b[24m');
    // eslint-disable-next-line no-control-regex
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(formatText(report, { color: false }));
  });
});

describe('formatJson', () => {
  it('writes version 1 with relative paths, fingerprints and stable key order', () => {
    const report = sampleReport({
      findings: [...findings.slice(0, 2).map((f, i) => item(f, i)), item(findings[2]!, 2, { status: 'suppressed', suppression: { kind: 'comment', line: 2, justification: 'ok' } })],
    });
    const json = JSON.parse(formatJson(report)) as JsonReport;
    expect(Object.keys(json)).toEqual(['version', 'tool', 'summary', 'findings', 'suppressed', 'diagnostics', 'notFullyAnalysed', 'projects', 'files']);
    expect(json.version).toBe(1);
    expect(json.summary).toEqual({ findings: 2, errors: 2, warnings: 0, suppressed: 1, baselined: 0, filesAnalysed: 5, filesNotFullyAnalysed: 2, diagnostics: 3 });
    const first = json.findings[0]!;
    expect(Object.keys(first)).toEqual(['ruleId', 'category', 'severity', 'message', 'fingerprint', 'sink', 'source', 'trace', 'enclosingFunction']);
    expect(Object.keys(first.sink)).toEqual(['location', 'entryId', 'vendor', 'callee', 'role']);
    expect(first.sink.location).toEqual({ file: 'src/admit.ts', line: 8, column: 5, endLine: 8, endColumn: 15 });
    expect(first.fingerprint).toBe('fp0');
    expect(first.trace.map((s) => s.location.file)).toEqual(['src/model.ts', 'src/model.ts', 'src/admit.ts']);
    expect(json.suppressed).toHaveLength(1);
    expect(json.suppressed[0]!.suppression).toEqual({ kind: 'comment', line: 2, justification: 'ok' });
    expect(json.notFullyAnalysed).toEqual([
      { file: 'src/broken.ts', reasons: ['parse-error'] },
      { file: 'src/huge.ts', reasons: ['budget-exceeded'] },
    ]);
    expect(json.diagnostics[0]).toEqual({
      kind: 'parse-error',
      message: "TS1005: ';' expected.",
      file: 'src/broken.ts',
      location: { file: 'src/broken.ts', line: 2, column: 7, endLine: 2, endColumn: 17 },
    });
    expect(json.projects).toEqual([{ kind: 'tsconfig', path: 'tsconfig.json', files: 5 }]);
  });

  it('keeps the same order whatever order the finding was built in', () => {
    const original = findings[0]!;
    const shuffled = Object.fromEntries(Object.entries(original).reverse()) as unknown as Finding;
    const single = (f: Finding): string => formatJson(sampleReport({ findings: [item(f, 0)] }));
    expect(single(shuffled)).toBe(single(original));
  });
});

describe('mergeResults', () => {
  it('reports what two projects share once, sorted by place', () => {
    const [a, b, c] = findings as [Finding, Finding, Finding];
    const diagnostic = sampleReport().diagnostics[0]!;
    const merged = mergeResults([
      { findings: [c, a], diagnostics: [diagnostic], files: ['/repo/src/discharge.ts', '/repo/src/admit.ts'] },
      { findings: [a, b], diagnostics: [diagnostic], files: ['/repo/src/admit.ts'] },
    ] satisfies AnalysisResult[]);
    expect(merged.findings).toEqual([a, b, c]);
    expect(merged.diagnostics).toHaveLength(1);
    expect(merged.files).toEqual(['/repo/src/discharge.ts', '/repo/src/admit.ts']);
  });
});
