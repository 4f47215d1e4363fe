import type { Finding, SourceLocation } from '../../src/findings.js';
import type { ReportFinding, ScanReport } from '../../src/report/model.js';

/** A hand-made scan of a repository at /repo, for reporter tests. */
export const cwd = '/repo';

export function at(file: string, line: number, column: number): SourceLocation {
  return { file: `/repo/${file}`, line, column, endLine: line, endColumn: column + 10 };
}

export function finding(overrides: Partial<Finding> & { sinkAt: SourceLocation }): Finding {
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

export const findings: Finding[] = [
  finding({ sinkAt: at('src/admit.ts', 8, 5) }),
  finding({
    sinkAt: at('src/admit.ts', 14, 12),
    ruleId: 'phi/no-analytics',
    category: 'analytics',
    message: 'Patient.name (PHI: @phi in src/model.ts:3) reaches analytics.track',
    sink: { location: at('src/admit.ts', 14, 12), entryId: 'segment.track', vendor: 'Segment', callee: 'analytics.track', role: 'properties' },
    trace: [
      { kind: 'source', code: 'p.name', message: 'p.name is PHI Patient.name', location: at('src/admit.ts', 13, 9) },
      { kind: 'sink', code: 'analytics.track(e)', message: 'properties of analytics.track (Segment, analytics)', location: at('src/admit.ts', 14, 12) },
    ],
  }),
  finding({ sinkAt: at('src/discharge.ts', 3, 1), severity: 'warning' }),
];

export function item(f: Finding, index: number, extra: Partial<ReportFinding> = {}): ReportFinding {
  return { finding: f, fingerprint: `fp${index}`, file: f.sink.location.file.slice('/repo/'.length), status: 'open', ...extra };
}

export function sampleReport(overrides: Partial<ScanReport> = {}): ScanReport {
  return {
    tool: { name: 'phi-scan', version: '0.1.0' },
    cwd,
    root: cwd,
    projects: [{ kind: 'tsconfig', path: '/repo/tsconfig.json', files: 5 }],
    findings: findings.map((f, i) => item(f, i)),
    diagnostics: [
      { kind: 'parse-error', message: "TS1005: ';' expected.", file: '/repo/src/broken.ts', location: at('src/broken.ts', 2, 7) },
      { kind: 'budget-exceeded', message: 'analysis budget exhausted\nsome calls were not followed', file: '/repo/src/huge.ts' },
      { kind: 'project-error', message: 'TS5101: Option baseUrl is deprecated.' },
    ],
    files: ['/repo/src/admit.ts', '/repo/src/discharge.ts', '/repo/src/model.ts', '/repo/src/broken.ts', '/repo/src/huge.ts'],
    incomplete: [
      { file: '/repo/src/broken.ts', reasons: ['parse-error'] },
      { file: '/repo/src/huge.ts', reasons: ['budget-exceeded'] },
    ],
    ...overrides,
  };
}
