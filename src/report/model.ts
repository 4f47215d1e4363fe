import type { AnalysisDiagnostic, DiagnosticKind, Finding } from '../findings.js';
import type { BaselineEntry } from './baseline.js';

/**
 * What became of a finding after suppression comments and the baseline: `open` findings are
 * reported and decide the exit status; the others are counted, and listed where a report has room.
 */
export type FindingStatus = 'open' | 'suppressed' | 'baselined';

/** Why a finding is not open. */
export type Suppression =
  | {
      kind: 'comment';
      /** The line of the `eslint-disable…` comment. */
      line: number;
      justification?: string;
    }
  | { kind: 'baseline'; justification?: string };

export interface ReportFinding {
  finding: Finding;
  /** Stable identity of the finding (src/report/fingerprint.ts). */
  fingerprint: string;
  /** The sink's file relative to the report root, with `/` separators. */
  file: string;
  status: FindingStatus;
  suppression?: Suppression;
  /** A suppression comment that gave no reason, ignored because of `--require-justification`. */
  unjustifiedSuppression?: { line: number };
}

/** One project that was analysed. */
export interface ScannedProject {
  kind: 'tsconfig' | 'inferred';
  /** The tsconfig, or the directory of an inferred project; absolute. */
  path: string;
  /** How many files of it were analysed. */
  files: number;
}

/** A file whose findings may be incomplete, and why. */
export interface IncompleteFile {
  /** Absolute path. */
  file: string;
  reasons: DiagnosticKind[];
}

/** Everything a reporter needs: the scan after suppressions, the baseline and `--changed-since`. */
export interface ScanReport {
  tool: { name: string; version: string };
  /** Paths in the text and JSON reports are relative to this directory. */
  cwd: string;
  /** Fingerprints, baselines and SARIF URIs are relative to this directory (the repository's top). */
  root: string;
  projects: ScannedProject[];
  /** Every finding, whatever its status, sorted by file, line and column. */
  findings: ReportFinding[];
  diagnostics: AnalysisDiagnostic[];
  /** The files analysed, absolute. */
  files: string[];
  incomplete: IncompleteFile[];
  baseline?: {
    /** The baseline file, absolute. */
    file: string;
    /** Entries that match no finding in the files this scan analysed. */
    stale: BaselineEntry[];
    /** Set when `--update-baseline` wrote the file. */
    written?: { entries: number };
  };
  changedSince?: {
    ref: string;
    /** The commit compared with: the merge base of `ref` and HEAD. */
    base: string;
    /** Findings left out because neither their sink nor their trace touches a changed line. */
    outside: number;
  };
}

export function openFindings(report: ScanReport): ReportFinding[] {
  return report.findings.filter((f) => f.status === 'open');
}

/** Diagnostic kinds after which a file's findings may be missing. */
export const INCOMPLETE_KINDS: ReadonlySet<DiagnosticKind> = new Set<DiagnosticKind>([
  'parse-error',
  'analysis-error',
  'budget-exceeded',
  'generated-file-skipped',
]);

/** The files the diagnostics say were not fully analysed, each once, sorted. */
export function incompleteFiles(diagnostics: readonly AnalysisDiagnostic[]): IncompleteFile[] {
  const byFile = new Map<string, Set<DiagnosticKind>>();
  for (const diagnostic of diagnostics) {
    const file = diagnostic.location?.file ?? diagnostic.file;
    if (file === undefined || !INCOMPLETE_KINDS.has(diagnostic.kind)) continue;
    let kinds = byFile.get(file);
    if (!kinds) byFile.set(file, (kinds = new Set()));
    kinds.add(diagnostic.kind);
  }
  return [...byFile]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, kinds]) => ({ file, reasons: [...kinds] }));
}
