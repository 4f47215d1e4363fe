import { readFileSync } from 'node:fs';
import type { SourceLocation } from '../findings.js';

/** The text of the analysed files, read once each, for snippets, fingerprints and suppressions. */
export class SourceTexts {
  private readonly texts = new Map<string, string | undefined>();
  private readonly lineCache = new Map<string, string[] | undefined>();

  /** The file's text; undefined when it cannot be read. */
  text(file: string): string | undefined {
    if (!this.texts.has(file)) {
      let text: string | undefined;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        text = undefined;
      }
      this.texts.set(file, text);
    }
    return this.texts.get(file);
  }

  /** The file's lines (index 0 is line 1), without line terminators. */
  lines(file: string): string[] | undefined {
    if (!this.lineCache.has(file)) this.lineCache.set(file, this.text(file)?.split(/\r\n|\r|\n/));
    return this.lineCache.get(file);
  }

  /** The code a location spans (1-based lines and columns, end exclusive). */
  span(location: SourceLocation): string | undefined {
    const lines = this.lines(location.file);
    if (!lines || location.line < 1 || location.line > lines.length) return undefined;
    if (location.endLine === location.line) {
      return lines[location.line - 1]!.slice(location.column - 1, location.endColumn - 1);
    }
    const parts = [lines[location.line - 1]!.slice(location.column - 1)];
    for (let line = location.line + 1; line < location.endLine && line <= lines.length; line++) parts.push(lines[line - 1]!);
    if (location.endLine <= lines.length) parts.push(lines[location.endLine - 1]!.slice(0, location.endColumn - 1));
    return parts.join('\n');
  }
}
