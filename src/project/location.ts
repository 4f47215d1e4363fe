import { ts } from 'ts-morph';
import type { AnalysisDiagnostic, DiagnosticKind, SourceLocation } from '../findings.js';

/** A 1-based span of `file` from `start` to `end` (exclusive) in character offsets. */
export function spanLocation(file: ts.SourceFile, start: number, end: number): SourceLocation {
  const from = file.getLineAndCharacterOfPosition(start);
  const to = file.getLineAndCharacterOfPosition(Math.max(start, end));
  return {
    file: file.fileName,
    line: from.line + 1,
    column: from.character + 1,
    endLine: to.line + 1,
    endColumn: to.character + 1,
  };
}

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
