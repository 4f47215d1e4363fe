// A full scan against the type check: `phi-scan -p <tsconfig>` and `tsc --noEmit -p <tsconfig>` on
// the same project, alternating so that both see the same machine noise, and swapping which goes
// first in each pair so that neither always runs after the other (on a warmed page cache, say).

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MB, median, PACKAGE_ROOT, round, runNode, type Run } from './measure.js';

const TSC = path.join(PACKAGE_ROOT, 'node_modules', 'typescript', 'lib', 'tsc.js');
const PHI_SCAN = path.join(PACKAGE_ROOT, 'bin', 'phi-scan.js');

export interface BenchProject {
  name: string;
  tsconfig: string;
  /** TypeScript files in the project (its sources and declaration files, not node_modules). */
  files: number;
  kind: 'fixture' | 'generated';
}

export interface Measured {
  medianMs: number;
  medianPeakRssMb: number;
  runsMs: number[];
  runsPeakRssMb: number[];
}

export interface ScanComparison {
  project: string;
  kind: BenchProject['kind'];
  files: number;
  runs: number;
  tsc: Measured;
  scan: Measured;
  /** phi-scan's median wall time over tsc's. */
  timeRatio: number;
  /** phi-scan's wall time over tsc's in each pair of runs made back to back: their spread is the machine's noise. */
  pairRatios: number[];
  /** phi-scan's median peak RSS over tsc's. */
  rssRatio: number;
  tscMsPerFile: number;
  scanMsPerFile: number;
  findings: number | undefined;
  filesAnalysed: number | undefined;
}

export async function compareScan(project: BenchProject, runs: number, log: (line: string) => void): Promise<ScanComparison> {
  const tscRuns: Run[] = [];
  const scanRuns: Run[] = [];
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'phi-bench-scan-'));
  const report = path.join(scratch, 'report.json');
  let summary: { findings?: number; filesAnalysed?: number } = {};
  try {
    const runTsc = async (): Promise<Run> => {
      const tsc = await runNode(TSC, ['--noEmit', '-p', project.tsconfig]);
      if (tsc.exitCode !== 0) throw new Error(`tsc failed on ${project.name} (exit ${tsc.exitCode}):\n${tsc.stdout.slice(0, 4000)}${tsc.stderr.slice(0, 2000)}`);
      return tsc;
    };
    const runScan = async (): Promise<Run> => {
      const scan = await runNode(PHI_SCAN, ['-p', project.tsconfig, '--quiet', '--no-progress', '--format', 'json', '--output', report]);
      // 0: no findings, 1: findings; anything else is an error and measures nothing.
      if (scan.exitCode !== 0 && scan.exitCode !== 1) throw new Error(`phi-scan failed on ${project.name} (exit ${scan.exitCode}):\n${scan.stderr.slice(0, 4000)}`);
      return scan;
    };
    for (let run = 0; run < runs; run++) {
      const tscFirst = run % 2 === 0;
      const tscBefore = tscFirst ? await runTsc() : undefined;
      const scan = await runScan();
      const tsc = tscBefore ?? await runTsc();
      tscRuns.push(tsc);
      scanRuns.push(scan);
      if (run === 0) summary = readSummary(report);
      log(`  ${project.name} run ${run + 1}/${runs} (${tscFirst ? 'tsc' : 'phi-scan'} first): tsc ${Math.round(tsc.ms)} ms ${Math.round(tsc.peakRssBytes / MB)} MB, phi-scan ${Math.round(scan.ms)} ms ${Math.round(scan.peakRssBytes / MB)} MB`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const tsc = summarize(tscRuns);
  const scan = summarize(scanRuns);
  return {
    project: project.name,
    kind: project.kind,
    files: project.files,
    runs,
    tsc,
    scan,
    timeRatio: round(scan.medianMs / tsc.medianMs),
    pairRatios: scanRuns.map((run, index) => round(run.ms / tscRuns[index]!.ms)),
    rssRatio: round(scan.medianPeakRssMb / tsc.medianPeakRssMb),
    tscMsPerFile: round(tsc.medianMs / project.files),
    scanMsPerFile: round(scan.medianMs / project.files),
    findings: summary.findings,
    filesAnalysed: summary.filesAnalysed,
  };
}

function summarize(runs: readonly Run[]): Measured {
  const runsMs = runs.map((run) => Math.round(run.ms));
  const runsPeakRssMb = runs.map((run) => round(run.peakRssBytes / MB, 1));
  return { medianMs: median(runsMs), medianPeakRssMb: median(runsPeakRssMb), runsMs, runsPeakRssMb };
}

function readSummary(file: string): { findings?: number; filesAnalysed?: number } {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8')) as { summary?: { findings?: unknown; filesAnalysed?: unknown } };
    const findings = report.summary?.findings;
    const filesAnalysed = report.summary?.filesAnalysed;
    return {
      ...(typeof findings === 'number' ? { findings } : {}),
      ...(typeof filesAnalysed === 'number' ? { filesAnalysed } : {}),
    };
  } catch {
    return {};
  }
}
