import ts from '#typescript';
import type { AnalysisDiagnostic, DiagnosticKind } from '../findings.js';
import { spanLocation } from '../engine/location.js';

export { spanLocation };

/** A compiler diagnostic as an AnalysisDiagnostic, located when the compiler located it. */
export function fromTsDiagnostic(kind: DiagnosticKind, diagnostic: ts.Diagnostic, fallbackFile?: string): AnalysisDiagnostic {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  const result: AnalysisDiagnostic = { kind, message: `TS${diagnostic.code}: ${message}` };
  const { file, start } = diagnostic;
  if (file !== undefined) {
    result.file = file.fileName;
    if (start !== undefined) result.location = spanLocation(file, start, start + (diagnostic.length ?? 0));
  } else if (fallbackFile !== undefined) {
    result.file = fallbackFile;
  }
  return result;
}
