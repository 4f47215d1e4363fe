import type { AnalysisDiagnostic } from '../findings.js';

/** A tsconfig that could not be read at all: missing, unreadable, or not JSON. */
export class ProjectLoadError extends Error {
  override readonly name = 'ProjectLoadError';

  constructor(
    message: string,
    /** The file that could not be read. */
    readonly file: string,
    readonly diagnostics: AnalysisDiagnostic[],
  ) {
    super(message);
  }
}
