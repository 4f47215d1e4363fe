import path from 'node:path';
import picomatch from 'picomatch';
import type ts from '#typescript';

/** Files `ignore` in phi.config.json leaves out, matched relative to the configuration's directory. */
export function ignoreMatcher(patterns: readonly string[], baseDir: string): (file: string) => boolean {
  if (patterns.length === 0) return () => false;
  const matches = picomatch([...patterns], { dot: true });
  return (file) => {
    const relative = path.relative(baseDir, file).split(path.sep).join('/');
    return matches(relative);
  };
}

const minifiedName = /\.min\.[cm]?[jt]s$/;
const longLine = 2_000;

/**
 * Minified bundles and other generated code: analysing them costs much and finds nothing a
 * developer can fix. Recognised by name, or by lines far longer than anyone writes.
 */
export function looksGenerated(sourceFile: ts.SourceFile): boolean {
  if (minifiedName.test(sourceFile.fileName)) return true;
  const text = sourceFile.text;
  if (text.length < 20_000) return false;
  let lines = 1;
  let longest = 0;
  let start = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    longest = Math.max(longest, index - start);
    start = index + 1;
    lines++;
  }
  longest = Math.max(longest, text.length - start);
  return longest > longLine && text.length / lines > 300;
}
