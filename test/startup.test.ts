import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

describe('start-up', () => {
  // An ES module's value import of a CommonJS package makes Node scan the package's source; ts-morph
  // and its TypeScript are megabytes, a tenth of a second at every start of phi-scan (see cjs/typescript.cjs).
  it('the analyzer and the rules take TypeScript through #typescript, never by importing ts-morph', () => {
    const offenders = [...sources('src'), ...sources('rules')].filter((file) =>
      /^import (?!type )[^;]*from '(?:ts-morph|@ts-morph\/common)'/m.test(readFileSync(path.join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('phi-scan and the rules load without ts-morph\'s own module, whose wrappers the analyzer does not use', () => {
    const probe = `
      import { createRequire } from 'node:module';
      await import(${JSON.stringify(path.join(root, 'dist/src/cli/main.js'))});
      await import(${JSON.stringify(path.join(root, 'dist/rules/index.js'))});
      const loaded = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify(loaded.filter((file) => /node_modules[\\/]ts-morph[\\/]/.test(file))));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual([]);
  });

  it('#typescript is the TypeScript that ts-morph bundles, and #typescript-libs its lib files', async () => {
    const [{ default: ts }, { ts: bundled }, { default: libFiles }] = await Promise.all([import('#typescript'), import('ts-morph'), import('#typescript-libs')]);
    expect(ts).toBe(bundled);
    expect(libFiles.map((file) => file.fileName)).toContain('lib.es5.d.ts');
  });
});
