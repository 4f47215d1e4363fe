// `npm run bench [-- --quick] [-- --runs <n>] [-- --profile]`: phi-scan against tsc, typed ESLint
// with and without phi, and the editor re-lint, measured side by side; prints tables and writes
// bench/results.json. The targets are reported, never asserted.

import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { profileEditor, runEditor, type EditorSession } from './editor.js';
import { compareEslint, type EslintComparison } from './eslint.js';
import { DEFAULT_FLOW_RATE, DEFAULT_SEED, generateProject, type GeneratedProject } from './generate.js';
import { machine, PACKAGE_ROOT, round } from './measure.js';
import { profileScan, type Profile } from './profile.js';
import { compareScan, type BenchProject, type ScanComparison } from './scan.js';
import { fixed, range, table } from './table.js';

/** The fixtures scanned as they are (the ts5-* ones are written for TypeScript 5 and do not type-check under the installed tsc 6). */
const FIXTURES = ['node-api', 'react-web', 'react-native', 'telehealth-nest', 'portal-next'];

interface Plan {
  quick: boolean;
  runs: number;
  fixtures: string[];
  sizes: number[];
  /** The generated project the ESLint and editor benchmarks use. */
  lintSize: number;
  eslintRuns: number;
  edits: number;
  profile: boolean;
  output: string;
}

function plan(argv: readonly string[]): Plan {
  const quick = argv.includes('--quick');
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const runs = Number(value('--runs') ?? (quick ? 1 : 3));
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a positive whole number');
  return {
    quick,
    runs,
    fixtures: quick ? [] : FIXTURES,
    sizes: quick ? [200] : [200, 1000, 4000],
    lintSize: quick ? 200 : 1000,
    eslintRuns: runs,
    edits: quick ? 20 : 50,
    profile: argv.includes('--profile'),
    output: path.resolve(value('--output') ?? path.join(PACKAGE_ROOT, 'bench', 'results.json')),
  };
}

interface Target {
  id: string;
  description: string;
  limit: number;
  actual: number | null;
  /** null: not measured in this run (e.g. --quick). */
  met: boolean | null;
}

function target(id: string, description: string, limit: number, actual: number | undefined | null): Target {
  const measured = actual === undefined || actual === null || Number.isNaN(actual) ? null : actual;
  return { id, description, limit, actual: measured, met: measured === null ? null : measured <= limit };
}

/** The growth exponent k in time ∝ files^k between two sizes: 1 is linear, below 1 start-up cost dominates. */
function exponent(small: ScanComparison | undefined, large: ScanComparison | undefined, pick: (comparison: ScanComparison) => number): number | null {
  if (!small || !large || small.files === large.files) return null;
  return round(Math.log(pick(large) / pick(small)) / Math.log(large.files / small.files));
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function countTypeScriptFiles(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter(
    (entry) => entry.isFile() && /\.(ts|tsx|mts|cts)$/.test(entry.name) && !entry.parentPath.includes('node_modules'),
  ).length;
}

async function main(): Promise<void> {
  const options = plan(process.argv.slice(2));
  const started = Date.now();
  const host = machine();
  log(`phi benchmark${options.quick ? ' (quick)' : ''}: ${host.cpu}, ${host.cores} cores, ${host.memoryGb} GB, Node ${host.node}, load ${host.loadAverage.join(' ')}`);

  const generatedRoot = path.join(PACKAGE_ROOT, 'bench', '.generated');
  const generated = new Map<number, GeneratedProject>();
  for (const size of new Set([...options.sizes, options.lintSize])) {
    generated.set(size, generateProject({ dir: path.join(generatedRoot, `project-${size}`), files: size }));
  }
  const projects: BenchProject[] = [
    ...options.fixtures.map((name): BenchProject => {
      const dir = path.join(PACKAGE_ROOT, 'fixtures', name);
      return { name, tsconfig: path.join(dir, 'tsconfig.json'), files: countTypeScriptFiles(dir), kind: 'fixture' };
    }),
    ...options.sizes.map((size): BenchProject => ({ name: `generated-${size}`, tsconfig: generated.get(size)!.tsconfig, files: size, kind: 'generated' })),
  ];

  log('\n1. Full scan: phi-scan against tsc --noEmit');
  const scans: ScanComparison[] = [];
  for (const project of projects) scans.push(await compareScan(project, options.runs, log));

  const lintProject = generated.get(options.lintSize)!;
  log(`\n2. ESLint: recommendedTypeChecked with and without phi.configs.recommended (${options.lintSize} files)`);
  const eslint: EslintComparison = await compareEslint({ name: `generated-${options.lintSize}`, dir: lintProject.dir, files: options.lintSize }, options.eslintRuns, log);

  log(`\n3. Editor: a long-lived ESLint instance, ${options.edits} edits across files (${options.lintSize} files)`);
  const editor: EditorSession[] = await runEditor({ name: `generated-${options.lintSize}`, dir: lintProject.dir }, options.edits, options.quick ? ['typed+phi', 'phi'] : ['typed', 'typed+phi', 'phi'], log);

  const bySize = scans.filter((scan) => scan.kind === 'generated').sort((a, b) => a.files - b.files);
  const largest = bySize.at(-1);
  const previous = bySize.at(-2);
  const growth = {
    sizes: bySize.map((scan) => scan.files),
    scanMsPerFile: bySize.map((scan) => scan.scanMsPerFile),
    tscMsPerFile: bySize.map((scan) => scan.tscMsPerFile),
    scanExponent: exponent(previous, largest, (scan) => scan.scan.medianMs),
    tscExponent: exponent(previous, largest, (scan) => scan.tsc.medianMs),
  };
  const withPhi = editor.find((session) => session.variant === 'typed+phi')!;
  const phiOnly = editor.find((session) => session.variant === 'phi')!;
  const typedOnly = editor.find((session) => session.variant === 'typed');
  const at = largest ? `at ${largest.files} files` : '';
  const targets: Target[] = [
    target('scan-time', `phi-scan wall time / tsc --noEmit wall time, ${at}`, 1.0, largest?.timeRatio),
    target('scan-rss', `phi-scan peak RSS / tsc --noEmit peak RSS, ${at}`, 1.3, largest?.rssRatio),
    target('scan-growth', `growth exponent of phi-scan's time (time ∝ files^k) between the two largest generated projects`, 1.1, growth.scanExponent),
    target('eslint-overhead', `typed ESLint wall time with phi / without, ${options.lintSize} files`, 1.15, eslint.ratio),
    target('editor-relint-median', 'median re-lint after an edit, whole lint, phi.configs.recommended with typed parsing (ms)', 30, phiOnly.relintMs.median),
    target('editor-relint-p95', 'p95 re-lint after an edit, whole lint, phi.configs.recommended with typed parsing (ms)', 100, phiOnly.relintMs.p95),
    target('editor-typed-relint-median', 'median re-lint after an edit, whole lint, recommendedTypeChecked + phi (ms)', 30, withPhi.relintMs.median),
    target('editor-typed-relint-p95', 'p95 re-lint after an edit, whole lint, recommendedTypeChecked + phi (ms)', 100, withPhi.relintMs.p95),
    target('editor-phi-median', "median time of the phi rules in a re-lint after an edit (ms)", 30, withPhi.phiRulesMs.median),
    target('editor-phi-p95', 'p95 time of the phi rules in a re-lint after an edit (ms)', 100, withPhi.phiRulesMs.p95),
  ];

  const profiles: Profile[] = [];
  if (options.profile) {
    const where = path.join(generatedRoot, 'profiles');
    log(`\nProfiling phi-scan (--cpu-prof) and the editor's edits (inspector) on generated-${options.lintSize}`);
    profiles.push(await profileScan({ name: `generated-${options.lintSize}`, tsconfig: lintProject.tsconfig }, where));
    profiles.push(await profileEditor({ name: `generated-${options.lintSize}`, dir: lintProject.dir }, options.edits, where));
  }

  const results = {
    date: new Date().toISOString(),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    quick: options.quick,
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine: host,
    generator: {
      seed: DEFAULT_SEED,
      flowRate: DEFAULT_FLOW_RATE,
      projects: [...generated.values()].map(({ files, lines, functions, flows }) => ({ files, lines, functions, flows, flowShare: round(flows / functions, 3) })),
    },
    scan: scans,
    growth,
    eslint,
    editor,
    targets,
    ...(profiles.length > 0 ? { profiles } : {}),
  };
  writeFileSync(options.output, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${report(results, typedOnly)}\n\nWrote ${path.relative(process.cwd(), options.output) || options.output}\n`);
}

const editorSetup: Record<EditorSession['variant'], string> = {
  typed: 'recommendedTypeChecked',
  'typed+phi': '  + phi.configs.recommended',
  phi: 'phi.configs.recommended alone (typed parsing)',
};

function report(
  results: { machine: ReturnType<typeof machine>; scan: ScanComparison[]; growth: { sizes: number[]; scanExponent: number | null; tscExponent: number | null }; eslint: EslintComparison; editor: EditorSession[]; targets: Target[]; profiles?: Profile[]; durationSeconds: number; quick: boolean },
  typedOnly: EditorSession | undefined,
): string {
  const { machine: host, scan, eslint, editor, targets } = results;
  const runs = scan[0]?.runs ?? 0;
  const sections: string[] = [
    `Machine: ${host.cpu}, ${host.cores} cores, ${host.memoryGb} GB, ${host.os}, Node ${host.node}; load average at start ${host.loadAverage.join(' ')}`,
    `\nFull scan (median of ${runs} run${runs === 1 ? '' : 's'}, tsc and phi-scan alternating; "pairs ×": the ratio's range over pairs of runs made back to back)`,
    table(
      ['project', 'files', 'tsc ms', 'scan ms', 'time ×', 'pairs ×', 'tsc MB', 'scan MB', 'RSS ×', 'tsc ms/file', 'scan ms/file', 'findings'],
      scan.map((row) => [
        row.project,
        row.files,
        row.tsc.medianMs,
        row.scan.medianMs,
        fixed(row.timeRatio),
        range(row.pairRatios),
        fixed(row.tsc.medianPeakRssMb, 0),
        fixed(row.scan.medianPeakRssMb, 0),
        fixed(row.rssRatio),
        fixed(row.tscMsPerFile),
        fixed(row.scanMsPerFile),
        row.findings ?? '-',
      ]),
    ),
    `Growth exponent (time ∝ files^k, ${results.growth.sizes.slice(-2).join(' → ')} files): phi-scan ${fixed(results.growth.scanExponent)}, tsc ${fixed(results.growth.tscExponent)}`,
    `\nESLint on ${eslint.project} (${eslint.files} files, median of ${eslint.runs} run${eslint.runs === 1 ? '' : 's'}, each in a fresh process)`,
    table(
      ['config', 'wall ms', 'peak MB', 'parse ms', 'phi rules ms', 'other rules ms', 'problems'],
      [
        ['recommendedTypeChecked', eslint.typed.medianMs, fixed(eslint.typed.medianPeakRssMb, 0), eslint.typed.parseMs, eslint.typed.phiRulesMs, eslint.typed.otherRulesMs, eslint.typed.problems],
        ['  + phi.configs.recommended', eslint.typedWithPhi.medianMs, fixed(eslint.typedWithPhi.medianPeakRssMb, 0), eslint.typedWithPhi.parseMs, eslint.typedWithPhi.phiRulesMs, eslint.typedWithPhi.otherRulesMs, eslint.typedWithPhi.problems],
      ],
    ),
    `Overhead: ${fixed(eslint.ratio)} × wall time (pairs of runs: ${range(eslint.pairRatios)}), ${fixed(eslint.rssRatio)} × peak RSS`,
    `\nEditor on ${eslint.project}: one ESLint instance, ${editor[0]?.edits ?? 0} edits, each in another file (ms)`,
    table(
      ['config', 'first lint', 'open median', 're-lint median', 're-lint p95', 're-lint max', 'parse median', 'phi median', 'phi p95', 'RSS MB after'],
      editor.map((session) => [
        editorSetup[session.variant],
        session.firstLintMs,
        fixed(session.openMs.median, 1),
        fixed(session.relintMs.median, 1),
        fixed(session.relintMs.p95, 1),
        fixed(session.relintMs.max, 1),
        fixed(session.parseMs.median, 1),
        session.variant === 'typed' ? '-' : fixed(session.phiRulesMs.median, 1),
        session.variant === 'typed' ? '-' : fixed(session.phiRulesMs.p95, 1),
        fixed(session.rssMbAfter, 0),
      ]),
    ),
    ...(typedOnly ? [] : ['(--quick: no session without phi for comparison)']),
    '\nTargets (reported, not asserted)',
    table(
      ['target', 'limit', 'actual', ''],
      targets.map((entry) => [entry.description, entry.limit, entry.actual ?? '-', entry.met === null ? 'not measured' : entry.met ? 'met' : 'MISSED']),
    ),
  ];
  for (const profile of results.profiles ?? []) {
    sections.push(
      `\nCPU profile of ${profile.subject} (${profile.totalMs} ms sampled, ${path.relative(process.cwd(), profile.file)}): self time`,
      table(['where', 'self ms', '%'], profile.areas.map((area) => [area.area, fixed(area.selfMs, 1), fixed(area.selfPercent, 1)])),
      table(['function', 'self ms', '%'], profile.top.map((spot) => [spot.location, fixed(spot.selfMs, 1), fixed(spot.selfPercent, 1)])),
    );
  }
  sections.push(`\nTook ${results.durationSeconds} s.`);
  return sections.join('\n');
}

try {
  await main();
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
