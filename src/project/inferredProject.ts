import { readdirSync } from 'node:fs';
import path from 'node:path';
import ts from '#typescript';
import { applyLegacyDefaults } from './legacyDefaults.js';

const SOURCE_EXTENSIONS = new Set(['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts']);
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', '.git']);

/** The source files under `directory`, sorted, skipping dependency, output and VCS folders. */
export function listSourceFiles(directory: string): string[] {
  const found: string[] = [];
  const visit = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // unreadable directories are skipped, as tsc's include walk does
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) visit(full);
      } else if (entry.isFile() && SOURCE_EXTENSIONS.has(path.extname(entry.name))) {
        found.push(full);
      }
    }
  };
  visit(path.resolve(directory));
  return found.sort();
}

/**
 * Options for a directory without a tsconfig: JavaScript allowed but not checked, JSX
 * kept as written, and the TypeScript 5 defaults of `applyLegacyDefaults`, except
 * `target`: ES2022 rather than TS5's ES5, so that the default lib knows Promise, Map and
 * the other built-ins plain JavaScript uses freely (the lib follows the target).
 */
export function inferredCompilerOptions(directory: string, rootFiles: readonly string[]): ts.CompilerOptions {
  const dir = path.resolve(directory);
  const explicit: ts.CompilerOptions = {
    allowJs: true,
    checkJs: false,
    jsx: ts.JsxEmit.Preserve,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    resolveJsonModule: true,
    maxNodeModuleJsDepth: 0,
    noEmit: true,
    // No configFilePath to anchor the search for node_modules/@types: anchor it here.
    typeRoots: typeRootsFrom(dir),
  };
  return applyLegacyDefaults(explicit, { rootFiles, directory: dir }).options;
}

/** node_modules/@types in `dir` and each ancestor, as the compiler's default type roots. */
function typeRootsFrom(dir: string): string[] {
  const roots: string[] = [];
  for (let current = dir; ; current = path.dirname(current)) {
    roots.push(path.join(current, 'node_modules', '@types'));
    if (path.dirname(current) === current) return roots;
  }
}
