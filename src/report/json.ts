import type { AnalysisResult } from '../analyze.js';
import type { AnalysisDiagnostic, Finding, SourceLocation } from '../findings.js';
import { displayPath } from './text.js';

/** The JSON report, version 1 (docs/cli.md). Paths are relative to the working directory. */
export interface JsonReport {
  version: 1;
  findings: JsonFinding[];
  diagnostics: JsonDiagnostic[];
  /** How many files were analysed. */
  files: number;
}

/** A finding as the analyzer reports it, with its paths relative to the working directory. */
export type JsonFinding = Finding;

/** A diagnostic as the analyzer reports it, with its paths relative to the working directory. */
export type JsonDiagnostic = AnalysisDiagnostic;

export interface JsonFormatOptions {
  /** File paths are written relative to this directory; the process's working directory by default. */
  cwd?: string;
}

/** The report as JSON, keys always in the same order, ending with a newline. */
export function formatJson(result: AnalysisResult, options: JsonFormatOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  const report: JsonReport = {
    version: 1,
    findings: result.findings.map((finding) => jsonFinding(finding, cwd)),
    diagnostics: result.diagnostics.map((diagnostic) => jsonDiagnostic(diagnostic, cwd)),
    files: result.files.length,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

// Each object is built key by key, so that the order does not depend on how the engine built it.

function jsonFinding(finding: Finding, cwd: string): JsonFinding {
  const { sink, source } = finding;
  return {
    ruleId: finding.ruleId,
    category: finding.category,
    severity: finding.severity,
    message: finding.message,
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
    },
    trace: finding.trace.map((step) => ({
      kind: step.kind,
      code: step.code,
      message: step.message,
      location: location(step.location, cwd),
    })),
    ...(finding.enclosingFunction !== undefined ? { enclosingFunction: finding.enclosingFunction } : {}),
  };
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
