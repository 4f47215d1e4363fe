import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../../src/findings.js';

/**
 * Line breaks as the TypeScript scanner counts them, so that a label's line is the line the
 * analyzer reports: CRLF, a lone CR (old Mac files), LF, and the Unicode line and paragraph
 * separators (which may appear inside string literals since ES2019).
 */
const lineBreak = /\r\n|[\n\r\u2028\u2029]/;
const expectPattern = /\/\/\s*expect:\s*(.*)$/;

/** `file:line rule` for every `// expect: phi/<rule>` label in the given files. */
export function expectedLabelsOf(files: readonly string[], rootDir: string): string[] {
  const labels: string[] = [];
  for (const file of files) {
    readFileSync(file, 'utf8').split(lineBreak).forEach((line, index) => {
      const match = expectPattern.exec(line);
      if (!match?.[1]) return;
      for (const rule of match[1].split(',').map((r) => r.trim().split(/\s/)[0]).filter(Boolean)) {
        labels.push(`${path.relative(rootDir, file)}:${index + 1} ${rule}`);
      }
    });
  }
  return labels.sort();
}

export function findingLabels(findings: readonly Finding[], rootDir: string): string[] {
  return findings.map((f) => `${path.relative(rootDir, f.sink.location.file)}:${f.sink.location.line} ${f.ruleId}`).sort();
}
