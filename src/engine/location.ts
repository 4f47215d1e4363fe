import path from 'node:path';
import ts from '#typescript';
import type { SourceLocation } from '../findings.js';

export function locationOf(node: ts.Node): SourceLocation {
  const sourceFile = node.getSourceFile();
  return spanLocation(sourceFile, node.getStart(sourceFile), node.getEnd());
}

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
