// A CPU profile of one phi-scan run (`node --cpu-prof`), boiled down to the functions with the most
// self time: where to look first when a speed target is missed.

import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT, round, runNode } from './measure.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface Hotspot {
  /** `file:line function`, the file relative to the package (or node_modules/<package>/…). */
  location: string;
  selfMs: number;
  selfPercent: number;
}

export interface Profile {
  /** What was profiled. */
  subject: string;
  file: string;
  totalMs: number;
  /** Self time by where the code lives: phi's engine, TypeScript, typescript-eslint, ESLint… */
  areas: { area: string; selfMs: number; selfPercent: number }[];
  top: Hotspot[];
}

export async function profileScan(project: { name: string; tsconfig: string }, outDir: string, count = 25): Promise<Profile> {
  mkdirSync(outDir, { recursive: true });
  const before = new Set(readdirSync(outDir));
  const run = await runNode(path.join(PACKAGE_ROOT, 'bin', 'phi-scan.js'), ['-p', project.tsconfig, '--quiet', '--no-progress', '--format', 'json', '--output', '/dev/null'], {
    nodeOptions: ['--cpu-prof', `--cpu-prof-dir=${outDir}`, `--cpu-prof-name=scan-${project.name}-${Date.now()}.cpuprofile`],
  });
  if (run.exitCode !== 0 && run.exitCode !== 1) throw new Error(`phi-scan failed under --cpu-prof:\n${run.stderr.slice(0, 4000)}`);
  const written = readdirSync(outDir).find((name) => name.endsWith('.cpuprofile') && !before.has(name));
  if (!written) throw new Error('no CPU profile was written');
  const file = path.join(outDir, written);
  return { subject: `phi-scan on ${project.name}`, file, ...hotspots(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, count) };
}

/** The functions with the most self time in a profile, and the time sampled. */
export function hotspots(profile: CpuProfile, count: number): Omit<Profile, 'subject' | 'file'> {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  const areas = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    total += delta;
    const frame = byNode.get(id)?.callFrame;
    if (!frame) return;
    const file = frame.url ? shortUrl(frame.url) : '';
    const key = file ? `${file}:${frame.lineNumber + 1} ${frame.functionName || '(anonymous)'}` : frame.functionName || '(native)';
    self.set(key, (self.get(key) ?? 0) + delta);
    const area = areaOf(file, frame.functionName);
    areas.set(area, (areas.get(area) ?? 0) + delta);
  });
  const share = (micros: number): { selfMs: number; selfPercent: number } => ({ selfMs: round(micros / 1000, 1), selfPercent: round((micros / total) * 100, 1) });
  return {
    totalMs: round(total / 1000, 0),
    areas: [...areas].sort((a, b) => b[1] - a[1]).map(([area, micros]) => ({ area, ...share(micros) })),
    top: [...self].sort((a, b) => b[1] - a[1]).slice(0, count).map(([location, micros]) => ({ location, ...share(micros) })),
  };
}

const AREAS: readonly [string, string][] = [
  ['dist/src/engine/', 'phi engine'],
  ['dist/src/eslint/', 'phi ESLint glue'],
  ['dist/rules/', 'phi rules'],
  ['dist/src/', 'phi (project, catalog, report, CLI)'],
  ['node_modules/@ts-morph/', "TypeScript bundled in ts-morph (phi's checker)"],
  ['node_modules/typescript/', 'TypeScript (tsc, typescript-eslint)'],
  ['node_modules/@typescript-eslint/', 'typescript-eslint'],
  ['node_modules/eslint/', 'ESLint'],
];

function areaOf(file: string, functionName: string): string {
  if (!file) return functionName === '(garbage collector)' ? 'garbage collector' : functionName === '(idle)' ? 'idle' : 'native and other';
  return AREAS.find(([prefix]) => file.startsWith(prefix))?.[1] ?? (file.startsWith('node_modules/') ? 'other packages' : 'Node.js and other');
}

function shortUrl(url: string): string {
  const file = url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url;
  const modules = file.lastIndexOf('/node_modules/');
  if (modules >= 0) return file.slice(modules + 1);
  return path.relative(PACKAGE_ROOT, file);
}
