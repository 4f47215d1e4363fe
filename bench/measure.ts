// Running measured commands, and the statistics and machine facts the results are reported with.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

/** The package's root directory (dist/bench/measure.js is two levels down). */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RSS_PROBE = path.join(PACKAGE_ROOT, 'bench', 'rss-probe.cjs');

export interface Run {
  /** Wall time from spawn to exit, Node's start-up included. */
  ms: number;
  /** The child's peak resident set size. */
  peakRssBytes: number;
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node <script> <args>` with the RSS probe preloaded, so that every measured command (tsc,
 * phi-scan, ESLint) is measured the same way.
 */
export async function runNode(script: string, args: readonly string[], options: { cwd?: string; nodeOptions?: readonly string[] } = {}): Promise<Run> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'phi-bench-'));
  const rssFile = path.join(scratch, 'rss');
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, PHI_BENCH_RSS_FILE: rssFile, NO_COLOR: '1' };
    delete env.NODE_OPTIONS;
    const started = performance.now();
    const child = spawn(process.execPath, [...(options.nodeOptions ?? []), '--require', RSS_PROBE, script, ...args], {
      cwd: options.cwd ?? PACKAGE_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const exitCode = await new Promise<number>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
    });
    const ms = performance.now() - started;
    let peakRssBytes = 0;
    try {
      peakRssBytes = Number(readFileSync(rssFile, 'utf8'));
    } catch {
      // the child died before its exit handler ran
    }
    return { ms, peakRssBytes, exitCode, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export const MB = 1024 * 1024;

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export interface Machine {
  os: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  /** The 1, 5 and 15 minute load averages when the run started: other work on the machine skews the absolute figures. */
  loadAverage: number[];
  versions: Record<string, string>;
}

export function machine(): Machine {
  const cpus = os.cpus();
  const versions: Record<string, string> = {};
  for (const name of ['typescript', 'eslint', 'typescript-eslint', 'ts-morph']) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version?: string };
      if (manifest.version) versions[name] = manifest.version;
    } catch {
      // not installed
    }
  }
  return {
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    loadAverage: os.loadavg().map((load) => round(load, 2)),
    versions,
  };
}

/** Where a child process puts its result: one line on stdout after this marker. */
export const RESULT_MARKER = 'PHI_BENCH_RESULT ';

export function readResult<T>(run: Run, what: string): T {
  const line = run.stdout.split('\n').find((text) => text.startsWith(RESULT_MARKER));
  if (run.exitCode !== 0 || !line) {
    throw new Error(`${what} failed (exit ${run.exitCode}):\n${run.stderr.slice(-4000)}`);
  }
  return JSON.parse(line.slice(RESULT_MARKER.length)) as T;
}
