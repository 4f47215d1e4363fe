import { accessSync, constants, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { findRepositoryRoot, toPosix } from '../report/paths.js';

/** Source files phi-scan reads: TypeScript and JavaScript, in every module flavour. */
export const SOURCE_EXTENSIONS: ReadonlySet<string> = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']);

/** Directories never entered: dependencies, version control, build outputs and tool caches. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set([
  'node_modules',
  'bower_components',
  'jspm_packages',
  '.git',
  '.hg',
  '.svn',
  'dist',
  'build',
  'out',
  'coverage',
  '.next',
  '.nuxt',
  '.output',
  '.svelte-kit',
  '.turbo',
  '.cache',
  '.parcel-cache',
  '.vercel',
  '.netlify',
  '.expo',
  '.yarn',
  '.pnpm-store',
  'storybook-static',
]);

export interface WalkResult {
  /** tsconfig.json files, sorted. */
  tsconfigs: string[];
  /** Source files (declaration files excluded), sorted. */
  sources: string[];
  /** Source files that are there but cannot be read: broken links, no permission. */
  unreadable: Array<{ file: string; reason: string }>;
}

/** A .gitignore and the directory its patterns are relative to. */
interface IgnoreFile {
  base: string;
  rules: Ignore;
}

/**
 * The tsconfig.json files and source files under `directory`, honouring .gitignore files (those
 * above `directory` up to the repository's top as well, and .git/info/exclude), never entering
 * SKIPPED_DIRECTORIES or following links to directories. A directory asked for by name is walked
 * even when a .gitignore above it ignores it (a generated or vendored project someone chose to
 * scan); then only the .gitignore files inside it apply.
 */
export function walk(directory: string): WalkResult {
  const root = path.resolve(directory);
  const result: WalkResult = { tsconfigs: [], sources: [], unreadable: [] };
  const inherited = inheritedIgnores(root);
  const ignores = isIgnored(inherited, root, true) ? [] : inherited;
  const stack: Array<{ dir: string; ignores: IgnoreFile[] }> = [{ dir: root, ignores }];
  while (stack.length > 0) {
    const { dir, ignores: inherited } = stack.pop()!;
    const own = readIgnoreFile(dir);
    const ignores = own ? [...inherited, own] : inherited;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      result.unreadable.push({ file: dir, reason: describeError(error) });
      continue;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_DIRECTORIES.has(entry.name) || isIgnored(ignores, full, true)) continue;
        stack.push({ dir: full, ignores });
        continue;
      }
      if (entry.name === 'tsconfig.json') {
        if (!isIgnored(ignores, full, false)) result.tsconfigs.push(full);
        continue;
      }
      if (!isSource(entry.name) || isIgnored(ignores, full, false)) continue;
      if (entry.isSymbolicLink()) {
        const stat = statSync(full, { throwIfNoEntry: false });
        if (stat === undefined) {
          result.unreadable.push({ file: full, reason: 'a link to nothing' });
          continue;
        }
        if (!stat.isFile()) continue;
      } else if (!entry.isFile()) {
        continue;
      }
      try {
        accessSync(full, constants.R_OK);
      } catch (error) {
        result.unreadable.push({ file: full, reason: describeError(error) });
        continue;
      }
      result.sources.push(full);
    }
  }
  result.tsconfigs.sort();
  result.sources.sort();
  return result;
}

export function isSource(name: string): boolean {
  return SOURCE_EXTENSIONS.has(path.extname(name)) && !/\.d\.[cm]?ts$/.test(name);
}

function isIgnored(ignores: readonly IgnoreFile[], file: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const { base, rules } of ignores) {
    const relative = toPosix(path.relative(base, file));
    if (relative === '' || relative.startsWith('..')) continue;
    const verdict = rules.test(isDirectory ? `${relative}/` : relative);
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
}

/** The ignore files that apply to `directory` from above it: the repository's and its parents'. */
function inheritedIgnores(directory: string): IgnoreFile[] {
  const top = findRepositoryRoot(directory);
  if (top === undefined) return [];
  const ignores: IgnoreFile[] = [];
  const exclude = readIgnoreFile(top, path.join(top, '.git', 'info', 'exclude'));
  if (exclude) ignores.push(exclude);
  const chain: string[] = [];
  for (let dir = path.dirname(directory); dir.length >= top.length; dir = path.dirname(dir)) {
    chain.unshift(dir);
    if (dir === top || path.dirname(dir) === dir) break;
  }
  for (const dir of chain) {
    const file = readIgnoreFile(dir);
    if (file) ignores.push(file);
  }
  return ignores;
}

function readIgnoreFile(base: string, file = path.join(base, '.gitignore')): IgnoreFile | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return { base, rules: ignore().add(text) };
}

export function describeError(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a parent is not a directory';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
