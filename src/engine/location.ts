import path from 'node:path';
import { ts } from 'ts-morph';
import type { SourceLocation } from '../findings.js';

export function locationOf(node: ts.Node): SourceLocation {
  const sourceFile = node.getSourceFile();
  const start = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
  const end = sourceFile.getLineAndCharacterOfPosition(node.getEnd());
  return {
    file: sourceFile.fileName,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
  };
}

const maxSnippetLength = 80;

/** The node's code on one line, shortened for messages. */
export function snippetOf(node: ts.Node): string {
  const text = node.getText(node.getSourceFile()).replace(/\s+/g, ' ').trim();
  return text.length > maxSnippetLength ? `${text.slice(0, maxSnippetLength - 1)}…` : text;
}

/** `src/models/patient.ts:12`, relative to the project root when the file is inside it. */
export function describeLocation(location: SourceLocation, rootDir: string): string {
  const relative = path.relative(rootDir, location.file);
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? location.file : relative;
  return `${shown.replace(/\\/g, '/')}:${location.line}`;
}
