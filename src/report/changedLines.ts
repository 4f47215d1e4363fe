import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { Finding, SourceLocation } from '../findings.js';

/** `--changed-since` cannot be honoured: no git, no repository, an unknown ref. Exit status 2. */
export class ChangedLinesError extends Error {
  override readonly name = 'ChangedLinesError';
}

/** The lines that changed since a commit, in the working tree (staged, unstaged and untracked). */
export interface ChangedLines {
  ref: string;
  /** The commit compared with: the merge base of `ref` and HEAD. */
  base: string;
  /** Absolute path → the changed line numbers of the file as it is now, or 'all' for new files. */
  files: Map<string, Set<number> | 'all'>;
}

/**
 * The lines changed since the merge base of `ref` and HEAD, like a pull request's diff plus what
 * is not committed yet. `cwd` is any directory inside the repository.
 */
export function changedLinesSince(ref: string, cwd: string): ChangedLines {
  const top = git(['rev-parse', '--show-toplevel'], cwd, () => `--changed-since needs a git repository, and ${cwd} is not in one`).trim();
  const commit = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], top, () => `--changed-since: unknown git revision '${ref}'`).trim();
  const base = git(['merge-base', commit, 'HEAD'], top, (stderr) =>
    `--changed-since: '${ref}' and HEAD have no common history${stderr ? ` (${stderr})` : ''}; in a shallow clone, fetch more history (actions/checkout: fetch-depth: 0)`,
  ).trim();
  const diff = git(
    ['-c', 'core.quotePath=false', 'diff', '--no-color', '--no-ext-diff', '--unified=0', '--find-renames', base, '--'],
    top,
    (stderr) => `--changed-since: git diff failed: ${stderr}`,
  );
  const files = parseUnifiedDiff(diff, top);
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z'], top, (stderr) => `--changed-since: git ls-files failed: ${stderr}`);
  for (const file of untracked.split('\0')) if (file !== '') files.set(path.join(top, file), 'all');
  return { ref, base, files };
}

/** The changed lines of each file in a `git diff --unified=0` output, by absolute path. */
export function parseUnifiedDiff(diff: string, top: string): Map<string, Set<number> | 'all'> {
  const files = new Map<string, Set<number> | 'all'>();
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const target = line.slice(4);
      if (target === '/dev/null') {
        current = undefined;
        continue;
      }
      const name = unquote(target).replace(/^b\//, '');
      current = new Set();
      files.set(path.join(top, name), current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (!hunk || !current) continue;
    const start = Number(hunk[1]);
    const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
    if (count === 0) {
      // Lines were only deleted: the lines on either side of the gap changed meaning.
      current.add(start);
      current.add(start + 1);
    }
    for (let n = start; n < start + count; n++) current.add(n);
  }
  return files;
}

/** Whether the finding's sink or any step of its trace touches a changed line. */
export function touchesChangedLines(finding: Finding, changed: ChangedLines): boolean {
  const spans: SourceLocation[] = [finding.sink.location, ...finding.trace.map((step) => step.location)];
  return spans.some((span) => {
    const lines = changed.files.get(path.resolve(span.file)) ?? changed.files.get(realPath(span.file));
    if (lines === undefined) return false;
    if (lines === 'all') return true;
    for (let n = span.line; n <= span.endLine; n++) if (lines.has(n)) return true;
    return false;
  });
}

function realPath(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return path.resolve(file);
  }
}

/** Git's C-style quoting of unusual file names: `"b/na\303\257ve.ts"`. */
function unquote(name: string): string {
  if (!name.startsWith('"') || !name.endsWith('"')) return name;
  const bytes: number[] = [];
  const body = name.slice(1, -1);
  const escapes: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = body[i + 1] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function git(args: string[], cwd: string, describe: (stderr: string) => string): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new ChangedLinesError(missing ? '--changed-since needs git, which was not found on PATH' : `--changed-since: ${result.error.message}`);
  }
  if (result.status !== 0) throw new ChangedLinesError(describe(result.stderr.trim().split('\n')[0] ?? ''));
  return result.stdout;
}
