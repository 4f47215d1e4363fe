import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The TypeScript version a scanned project was written for. */
export interface TypescriptVersionInfo {
  /** The major version, e.g. 5. */
  major: number;
  /** The installed version (`5.4.5`) or the declared range (`^5.4.0`). */
  version: string;
  /** Where it came from: an installed node_modules/typescript or a package.json range. */
  source: 'installed' | 'declared';
  /** The package.json it was read from. */
  file: string;
}

/**
 * Finds the TypeScript version the project at `startDir` uses.
 *
 * Walks up from `startDir`; in each directory an installed
 * `node_modules/typescript/package.json` wins over a `typescript` range declared in
 * that directory's `package.json` (dependencies or devDependencies). The nearest hit
 * wins, so a fixture or workspace package declaring its own range is not mistaken
 * for the compiler installed in an enclosing repository.
 * Returns undefined when nothing is found (callers treat that as "written for TS 5").
 */
export function findTypescriptVersion(startDir: string): TypescriptVersionInfo | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    const installed = readInstalled(dir);
    if (installed) return installed;
    const declared = readDeclared(dir);
    if (declared) return declared;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * The major of the lowest version a semver range admits: `^5.4.0` → 5, `~4.9.5` → 4,
 * `>=6.0.0` → 6, `4.9 - 5.2` → 4, `^4 || ^5` → 4, `workspace:^5.1.0` → 5,
 * `npm:typescript@5.3.3` → 5, `<6` → 0. Undefined for ranges without a number (`*`, `latest`).
 */
export function majorOfRange(range: string): number | undefined {
  const majors = range
    .split('||')
    .map((alternative) => lowestMajor(stripProtocol(alternative.trim())))
    .filter((major): major is number => major !== undefined);
  return majors.length > 0 ? Math.min(...majors) : undefined;
}

/** One comparator set: the major of its lower bound; 0 when it only has upper bounds (`<6`). */
function lowestMajor(spec: string): number | undefined {
  const comparators = [...spec.matchAll(/(<=|>=|<|>|=|\^|~)?\s*v?(\d+)(?:\.[\dxX*]+)*/g)];
  const lower = comparators.find((m) => m[1] !== '<' && m[1] !== '<=');
  if (lower?.[2] !== undefined) return Number(lower[2]);
  return comparators.length > 0 ? 0 : undefined;
}

function stripProtocol(spec: string): string {
  // npm:typescript@5.3.3, workspace:^5.0.0, catalog: entries carry no number.
  const at = spec.startsWith('npm:') ? spec.lastIndexOf('@') : -1;
  if (at > 0) return spec.slice(at + 1);
  return spec.replace(/^[a-z]+:/, '');
}

function readInstalled(dir: string): TypescriptVersionInfo | undefined {
  const file = path.join(dir, 'node_modules', 'typescript', 'package.json');
  const json = readJson(file);
  const version = json?.['version'];
  if (typeof version !== 'string') return undefined;
  const major = majorOfRange(version);
  return major === undefined ? undefined : { major, version, source: 'installed', file };
}

function readDeclared(dir: string): TypescriptVersionInfo | undefined {
  const file = path.join(dir, 'package.json');
  const json = readJson(file);
  if (!json) return undefined;
  for (const field of ['devDependencies', 'dependencies']) {
    const deps = json[field];
    if (deps === null || typeof deps !== 'object') continue;
    const range = (deps as Record<string, unknown>)['typescript'];
    if (typeof range !== 'string') continue;
    const major = majorOfRange(range);
    if (major !== undefined) return { major, version: range, source: 'declared', file };
  }
  return undefined;
}

function readJson(file: string): Record<string, unknown> | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
