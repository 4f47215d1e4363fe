import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../../src/findings.js';

const expectPattern = /\/\/\s*expect:\s*([^\n]*)$/;
/** Line breaks as the TypeScript scanner counts them: CRLF, lone CR, LF, U+2028 and U+2029. */
const lineBreak = /\r\n|[\r\n\u2028\u2029]/;

/** `file:line rule` for every `// expect: phi/<rule>` label in the given files. */
export function expectedLabels(files: readonly string[], rootDir: string): string[] {
  const labels: string[] = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split(lineBreak);
    lines.forEach((line, index) => {
      const match = expectPattern.exec(line);
      if (!match?.[1]) return;
      for (const rule of match[1].split(',').map((r) => r.trim().split(/\s/)[0]).filter(Boolean)) {
        labels.push(`${path.relative(rootDir, file)}:${index + 1} ${rule}`);
      }
    });
  }
  return labels.sort();
}

export function actualLabels(findings: readonly Finding[], rootDir: string): string[] {
  return findings.map((f) => `${path.relative(rootDir, f.sink.location.file)}:${f.sink.location.line} ${f.ruleId}`).sort();
}

/** What the fixture expects and the analyzer did not report, and the reverse. Both must be empty. */
export function compareLabels(expected: readonly string[], actual: readonly string[]): { missing: string[]; extra: string[] } {
  const actualSet = new Set(actual);
  const expectedSet = new Set(expected);
  return {
    missing: expected.filter((label) => !actualSet.has(label)),
    extra: actual.filter((label) => !expectedSet.has(label)),
  };
}
