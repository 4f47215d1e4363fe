import { statSync } from 'node:fs';
import path from 'node:path';

/** A path for display: relative to `base`, with forward slashes. */
export function displayPath(file: string, base: string): string {
  if (!path.isAbsolute(file)) return toPosix(file);
  const relative = path.relative(base, file);
  return toPosix(relative === '' ? '.' : relative);
}

/** `file` relative to `root` with `/` separators, or undefined when it lies outside `root`. */
export function pathInside(file: string, root: string): string | undefined {
  const relative = path.relative(root, path.resolve(root, file));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return toPosix(relative);
}

/** `file` relative to `root` when inside it, else absolute; always with `/` separators. */
export function rootRelative(file: string, root: string): string {
  return pathInside(file, root) ?? toPosix(path.resolve(root, file));
}

export function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

/** The top of the git work tree holding `start` (a directory or `.git` file above it), if any. */
export function findRepositoryRoot(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (statSync(path.join(dir, '.git'), { throwIfNoEntry: false }) !== undefined) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}
