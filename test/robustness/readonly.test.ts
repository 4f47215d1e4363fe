import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import type { Finding } from '../../src/findings.js';

/**
 * The scan reads; it writes nothing but the reports asked for and makes no network access.
 * A copy of fixtures/node-api is made read-only (files 0444, directories 0555) and scanned; its
 * listing, with sizes and modification times, must be the same afterwards. (Tests running as
 * root are not stopped by the modes, so the listing comparison is what catches a write.)
 */
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = path.join(repo, 'fixtures/node-api');
const preload = path.join(repo, 'test/robustness/no-network.cjs');
const networkMarker = 'PHI-TEST-NETWORK-ATTEMPT';

let sandbox: string;
let copy: string;

/** Every entry under `dir` (symbolic links not followed): path, kind, size, mode and mtime. */
function listing(dir: string): string[] {
  const entries: string[] = [];
  const visit = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const full = path.join(current, name);
      const stat = lstatSync(full);
      const kind = stat.isSymbolicLink() ? 'link' : stat.isDirectory() ? 'dir' : 'file';
      entries.push(`${path.relative(dir, full)} ${kind} ${stat.isDirectory() ? '' : stat.size} ${(stat.mode & 0o777).toString(8)} ${stat.mtimeMs}`);
      if (kind === 'dir') visit(full);
    }
  };
  visit(dir);
  return entries;
}

function setModes(dir: string, fileMode: number, dirMode: number): void {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const stat = lstatSync(full);
    if (stat.isSymbolicLink()) continue;
    if (stat.isDirectory()) {
      chmodSync(full, 0o755); // to be able to descend when not root
      setModes(full, fileMode, dirMode);
      chmodSync(full, dirMode);
    } else {
      chmodSync(full, fileMode);
    }
  }
}

const labels = (findings: readonly Finding[], root: string): string[] =>
  findings.map((f) => `${path.relative(root, f.sink.location.file)}:${f.sink.location.line} ${f.ruleId}`).sort();

/** dist/ for child processes: built when missing. */
function ensureBuilt(): void {
  if (existsSync(path.join(repo, 'dist/src/analyze.js')) && existsSync(path.join(repo, 'dist/src/cli/main.js'))) return;
  execFileSync(process.execPath, [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', path.join(repo, 'tsconfig.build.json')], { cwd: repo, stdio: 'inherit' });
}

beforeAll(() => {
  // The copy keeps the fixture's surroundings: ../../types (for `Phi<T>` through `paths`) and a
  // node_modules above it (for @types/node and @types/fhir), both links into the repository.
  sandbox = mkdtempSync(path.join(tmpdir(), 'phi-readonly-'));
  symlinkSync(path.join(repo, 'node_modules'), path.join(sandbox, 'node_modules'), 'dir');
  symlinkSync(path.join(repo, 'types'), path.join(sandbox, 'types'), 'dir');
  mkdirSync(path.join(sandbox, 'fixtures'));
  copy = path.join(sandbox, 'fixtures/node-api');
  cpSync(fixture, copy, { recursive: true });
  setModes(copy, 0o444, 0o555);
  chmodSync(copy, 0o555);
  ensureBuilt();
});

afterAll(() => {
  if (!sandbox) return;
  chmodSync(copy, 0o755);
  setModes(copy, 0o644, 0o755);
  rmSync(sandbox, { recursive: true, force: true });
});

describe('scanning a read-only project', () => {
  it('gives the same findings as the original and changes nothing', () => {
    const original = analyze({ tsconfig: path.join(fixture, 'tsconfig.json') });
    const before = listing(copy);
    const result = analyze({ tsconfig: path.join(copy, 'tsconfig.json') });
    expect(listing(copy)).toEqual(before);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.findings.length).toBe(original.findings.length);
    expect(labels(result.findings, copy)).toEqual(labels(original.findings, fixture));
    expect(result.diagnostics.map((d) => d.kind)).toEqual(original.diagnostics.map((d) => d.kind));
  });

  it('phi-scan writes the report it is asked for and nothing else', () => {
    const reports = mkdtempSync(path.join(sandbox, 'reports-'));
    const report = path.join(reports, 'phi.json');
    const before = listing(copy);
    const run = spawnSync(process.execPath, [path.join(repo, 'bin/phi-scan.js'), '-p', path.join(copy, 'tsconfig.json'), '-f', `json:${report}`, '-q'], {
      cwd: copy,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: `--require "${preload}"` },
    });
    expect(run.stderr).not.toContain(networkMarker);
    expect(run.status, run.stderr).toBe(1); // findings at error severity
    expect(listing(copy)).toEqual(before);
    expect(readdirSync(reports)).toEqual(['phi.json']);
  });
});

describe('network', () => {
  it('the analysis runs with every network API blocked, and tries none', () => {
    const script = [
      `const { analyze } = await import(${JSON.stringify(path.join(repo, 'dist/src/analyze.js'))});`,
      `const result = analyze({ tsconfig: ${JSON.stringify(path.join(copy, 'tsconfig.json'))} });`,
      'console.log(`findings: ${result.findings.length}`);',
    ].join('\n');
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: copy,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: `--require "${preload}"` },
    });
    expect(run.stderr).not.toContain(networkMarker);
    expect(run.status, run.stderr).toBe(0);
    const expected = analyze({ tsconfig: path.join(fixture, 'tsconfig.json') }).findings.length;
    expect(run.stdout.trim()).toBe(`findings: ${expected}`);
  });

  it('the preload really blocks the network', () => {
    const run = spawnSync(process.execPath, ['-e', "require('node:https').get('https://example.com')"], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: `--require "${preload}"` },
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(`${networkMarker} node:https.get`);
  });
});
