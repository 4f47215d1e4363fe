import type { AnalysisDiagnostic, DiagnosticKind, Finding, SourceLocation } from '../findings.js';
import type { BaselineEntry } from './baseline.js';
import type { ReportFinding, ScanReport, Suppression } from './model.js';
import { displayPath } from './paths.js';

/**
 * The JSON report, version 1 (docs/cli.md). Paths are relative to the working directory, except
 * baseline entries' files, which are relative to the repository's top like the baseline itself.
 * Keys always come in the order below; new keys may be added, removals or changes raise `version`.
 */
export interface JsonReport {
  version: 1;
  tool: { name: string; version: string };
  summary: JsonSummary;
  /** The open findings: neither suppressed nor in the baseline. */
  findings: JsonFinding[];
  /** Findings suppressed by a comment or by the baseline. */
  suppressed: JsonSuppressedFinding[];
  diagnostics: JsonDiagnostic[];
  /** Files whose findings may be incomplete, and the kinds of diagnostic that say why. */
  notFullyAnalysed: Array<{ file: string; reasons: DiagnosticKind[] }>;
  projects: Array<{ kind: 'tsconfig' | 'inferred'; path: string; files: number }>;
  baseline?: { file: string; stale: BaselineEntry[]; written?: { entries: number } };
  changedSince?: { ref: string; base: string };
  /** How many files were analysed. */
  files: number;
}

export interface JsonSummary {
  findings: number;
  errors: number;
  warnings: number;
  suppressed: number;
  baselined: number;
  /** With --changed-since: findings left out because they touch no changed line. */
  outsideChangedLines?: number;
  staleBaselineEntries?: number;
  filesAnalysed: number;
  filesNotFullyAnalysed: number;
  diagnostics: number;
}

/** A finding as the analyzer reports it, paths relative to the working directory, with its fingerprint. */
export type JsonFinding = Finding & {
  fingerprint: string;
  /** With --require-justification: the eslint-disable comment that was ignored for giving no reason. */
  unjustifiedSuppression?: { line: number };
};

export type JsonSuppressedFinding = JsonFinding & { suppression: Suppression };

export type JsonDiagnostic = AnalysisDiagnostic;

/** The report as JSON, keys always in the same order, ending with a newline. */
export function formatJson(report: ScanReport): string {
  const { cwd } = report;
  const open = report.findings.filter((f) => f.status === 'open');
  const others = report.findings.filter((f) => f.status !== 'open');
  const errors = open.filter((f) => f.finding.severity === 'error').length;
  const json: JsonReport = {
    version: 1,
    tool: { name: report.tool.name, version: report.tool.version },
    summary: {
      findings: open.length,
      errors,
      warnings: open.length - errors,
      suppressed: others.filter((f) => f.status === 'suppressed').length,
      baselined: others.filter((f) => f.status === 'baselined').length,
      ...(report.changedSince ? { outsideChangedLines: report.changedSince.outside } : {}),
      ...(report.baseline ? { staleBaselineEntries: report.baseline.stale.length } : {}),
      filesAnalysed: report.files.length,
      filesNotFullyAnalysed: report.incomplete.length,
      diagnostics: report.diagnostics.length,
    },
    findings: open.map((item) => jsonFinding(item, cwd)),
    suppressed: others.map((item) => ({ ...jsonFinding(item, cwd), suppression: suppression(item.suppression!) })),
    diagnostics: report.diagnostics.map((diagnostic) => jsonDiagnostic(diagnostic, cwd)),
    notFullyAnalysed: report.incomplete.map(({ file, reasons }) => ({ file: displayPath(file, cwd), reasons: [...reasons] })),
    projects: report.projects.map((project) => ({ kind: project.kind, path: displayPath(project.path, cwd), files: project.files })),
    ...(report.baseline
      ? {
          baseline: {
            file: displayPath(report.baseline.file, cwd),
            stale: report.baseline.stale.map((entry) => ({ ...entry })),
            ...(report.baseline.written ? { written: { entries: report.baseline.written.entries } } : {}),
          },
        }
      : {}),
    ...(report.changedSince ? { changedSince: { ref: report.changedSince.ref, base: report.changedSince.base } } : {}),
    files: report.files.length,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

// Each object is built key by key, so that the order does not depend on how the engine built it.

export function jsonFinding(item: ReportFinding, cwd: string): JsonFinding {
  const { finding } = item;
  const { sink, source } = finding;
  return {
    ruleId: finding.ruleId,
    category: finding.category,
    severity: finding.severity,
    ...(finding.heuristic ? { heuristic: true } : {}),
    message: finding.message,
    fingerprint: item.fingerprint,
    sink: {
      location: location(sink.location, cwd),
      entryId: sink.entryId,
      vendor: sink.vendor,
      callee: sink.callee,
      role: sink.role,
      ...(sink.host !== undefined ? { host: sink.host } : {}),
    },
    source: {
      kind: source.kind,
      name: source.name,
      reason: source.reason,
      ...(source.declaration !== undefined ? { declaration: location(source.declaration, cwd) } : {}),
      ...(source.heuristic !== undefined
        ? { heuristic: { category: source.heuristic.category, pattern: source.heuristic.pattern, severity: source.heuristic.severity } }
        : {}),
    },
    trace: finding.trace.map((step) => ({
      kind: step.kind,
      code: step.code,
      message: step.message,
      location: location(step.location, cwd),
    })),
    ...(finding.enclosingFunction !== undefined ? { enclosingFunction: finding.enclosingFunction } : {}),
    ...(item.unjustifiedSuppression ? { unjustifiedSuppression: { line: item.unjustifiedSuppression.line } } : {}),
  };
}

function suppression(value: Suppression): Suppression {
  return value.kind === 'comment'
    ? { kind: 'comment', line: value.line, ...(value.justification !== undefined ? { justification: value.justification } : {}) }
    : { kind: 'baseline', ...(value.justification !== undefined ? { justification: value.justification } : {}) };
}

function jsonDiagnostic(diagnostic: AnalysisDiagnostic, cwd: string): JsonDiagnostic {
  return {
    kind: diagnostic.kind,
    message: diagnostic.message,
    ...(diagnostic.file !== undefined ? { file: displayPath(diagnostic.file, cwd) } : {}),
    ...(diagnostic.location !== undefined ? { location: location(diagnostic.location, cwd) } : {}),
  };
}

function location(loc: SourceLocation, cwd: string): SourceLocation {
  return {
    file: displayPath(loc.file, cwd),
    line: loc.line,
    column: loc.column,
    endLine: loc.endLine,
    endColumn: loc.endColumn,
  };
}
