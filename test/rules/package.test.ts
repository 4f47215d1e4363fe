import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { analyze } from '../../src/index.js';

// Whole projects are loaded and linted: far beyond the default 5 s on a busy two-core machine.
vi.setConfig({ testTimeout: 120_000 });

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The files `npm publish` would ship (package.json `files`), except dist/, which the test builds. */
function publishedFiles(): string[] {
  const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, encoding: 'utf8' });
  const [manifest] = JSON.parse(packed.stdout) as { files: { path: string }[] }[];
  return (manifest?.files ?? []).map((file) => file.path).filter((file) => !file.startsWith('dist/'));
}

/**
 * A consumer project: a copy of fixtures/node-api with eslint-plugin-phi installed in its
 * node_modules as the package is published (the files `npm pack` lists, dist/ built with
 * tsconfig.build.json, entered through the `exports` of package.json), next to the repository's
 * other dependencies.
 */
let project = '';

beforeAll(() => {
  project = mkdtempSync(path.join(tmpdir(), 'phi-package-'));
  cpSync(path.join(repoRoot, 'fixtures', 'node-api'), project, { recursive: true });
  const modules = path.join(project, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(path.join(repoRoot, 'node_modules'))) {
    if (entry.startsWith('.')) continue;
    symlinkSync(path.join(repoRoot, 'node_modules', entry), path.join(modules, entry), 'dir');
  }
  const installed = path.join(modules, 'eslint-plugin-phi');
  mkdirSync(installed);
  const files = publishedFiles();
  expect(files).toContain('cjs/index.cjs');
  for (const file of files) cpSync(path.join(repoRoot, file), path.join(installed, file));
  // Type errors are the type check's to report (`npm test` runs it first); tsc emits regardless.
  spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', path.join(repoRoot, 'tsconfig.build.json'), '--outDir', path.join(installed, 'dist')], { stdio: 'pipe' });
  expect(existsSync(path.join(installed, 'dist', 'src', 'plugin.js'))).toBe(true);
  writeFileSync(path.join(project, 'eslint.config.mjs'), [
    "import tsParser from '@typescript-eslint/parser';",
    "import phi from 'eslint-plugin-phi';",
    'const typed = process.env.PHI_TYPED === "1";',
    'export default [',
    "  { files: ['**/*.ts'], languageOptions: { parser: tsParser, parserOptions: typed ? { projectService: true, tsconfigRootDir: import.meta.dirname } : {} } },",
    '  phi.configs.recommended,',
    '];',
    '',
  ].join('\n'));
  writeFileSync(path.join(project, 'eslint.config.cjs'), [
    "const tsParser = require('@typescript-eslint/parser');",
    "const phi = require('eslint-plugin-phi');",
    'module.exports = [',
    "  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },",
    '  phi.configs.recommended,',
    '];',
    '',
  ].join('\n'));
}, 120_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

function node(args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, args, { cwd: project, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface CliResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; message: string }[];
}

/** `file:line:column rule` of what the ESLint CLI reported, as JSON. */
function cliLabels(eslintBin: string, args: string[], env: Record<string, string> = {}): string[] {
  const run = node([path.join(project, 'node_modules', eslintBin, 'bin', 'eslint.js'), '--format', 'json', ...args, 'src'], env);
  // ESLint warns that typed linting gains little from threads (each builds its own program).
  const stderr = run.stderr.split('\n').filter((line) => line && !/ESLintPoorConcurrencyWarning|--trace-warnings/.test(line));
  expect(stderr).toEqual([]);
  expect(run.status).toBe(1); // errors were reported
  const results = JSON.parse(run.stdout) as CliResult[];
  expect(results.flatMap((r) => r.messages.filter((m) => m.ruleId === null).map((m) => m.message))).toEqual([]);
  return results.flatMap((r) => r.messages.map((m) => `${path.relative(project, r.filePath)}:${m.line}:${m.column} ${m.ruleId}`)).sort();
}

function analyzerLabels(): string[] {
  const result = analyze({ tsconfig: path.join(project, 'tsconfig.json') });
  return result.findings.map((f) => `${path.relative(project, f.sink.location.file)}:${f.sink.location.line}:${f.sink.location.column} ${f.ruleId}`).sort();
}

describe('the published package', () => {
  it('is an ESLint plugin when imported, with the analyzer API beside it', () => {
    const run = node(['--input-type=module', '-e', [
      "import phi, { analyze } from 'eslint-plugin-phi';",
      "import * as api from 'eslint-plugin-phi/analyzer';",
      'console.log(JSON.stringify({ meta: phi.meta, rules: Object.keys(phi.rules), configs: Object.keys(phi.configs), analyze: typeof analyze, sameApi: api.analyze === analyze }));',
    ].join('\n')]);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      meta: { name: 'eslint-plugin-phi', version: expect.any(String) },
      rules: ['no-logging', 'no-analytics', 'no-unencrypted-storage', 'no-unconsented-sharing'],
      configs: ['recommended', 'strict'],
      analyze: 'function',
      sameApi: true,
    });
  });

  it('is the same plugin object when required from CommonJS (require(esm), Node 20.19+)', () => {
    const run = node(['--input-type=module', '-e', [
      "import { createRequire } from 'node:module';",
      "import phi from 'eslint-plugin-phi';",
      'const require = createRequire(import.meta.url);',
      "const required = require('eslint-plugin-phi');",
      "console.log(JSON.stringify({ same: required === phi, rules: Object.keys(required.rules).length, analyze: typeof require('eslint-plugin-phi/analyzer').analyze }));",
    ].join('\n')]);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ same: true, rules: 4, analyze: 'function' });
    const plain = node(['-e', "const phi = require('eslint-plugin-phi'); console.log(Object.keys(phi.configs.recommended.rules).join(','))"]);
    expect(plain.stderr).toBe('');
    expect(plain.stdout.trim()).toBe('phi/no-logging,phi/no-analytics,phi/no-unencrypted-storage,phi/no-unconsented-sharing');
  });

  it('lints with a CommonJS eslint.config.cjs', () => {
    expect(cliLabels('eslint', ['-c', 'eslint.config.cjs'])).toEqual(analyzerLabels());
  }, 120_000);

  it.each([
    { eslint: 'ESLint 10', bin: 'eslint', setup: 'no type information' },
    { eslint: 'ESLint 10', bin: 'eslint', setup: 'typed linting' },
    { eslint: 'ESLint 9', bin: 'eslint-9', setup: 'no type information' },
  ])('$eslint --concurrency 2, $setup: the findings of analyze()', ({ bin, setup }) => {
    const env = { PHI_TYPED: setup === 'typed linting' ? '1' : '0' };
    expect(cliLabels(bin, ['-c', 'eslint.config.mjs', '--concurrency', '2'], env)).toEqual(analyzerLabels());
  }, 120_000);
});
