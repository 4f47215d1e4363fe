// Typed linting with typescript-eslint's recommendedTypeChecked, with and without
// phi.configs.recommended. Each lint runs in a process of its own (bench/child.ts), the two
// configurations alternating.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
// The package's own entry point: compiled, this is dist/src/index.js, what `import phi from 'eslint-plugin-phi'` loads.
import phi from '../src/index.js';
import tseslint from 'typescript-eslint';
import { MB, median, readResult, round, runNode } from './measure.js';

/**
 * `typed`: recommendedTypeChecked; `typed+phi`: with phi.configs.recommended added; `phi`: the
 * plugin alone, with the typed parsing its README sets up (the latency the plugin itself adds).
 */
export type Variant = 'typed' | 'typed+phi' | 'phi';

export const variants: readonly Variant[] = ['typed', 'typed+phi', 'phi'];

/** The flat config an editor or CI would use for the project in `projectDir`. */
export function lintConfig(projectDir: string, variant: Variant): Linter.Config[] {
  if (variant === 'phi') {
    return [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: projectDir } },
      },
      phi.configs.recommended as unknown as Linter.Config,
    ];
  }
  return [
    ...(tseslint.configs.recommendedTypeChecked as Linter.Config[]),
    {
      files: ['**/*.ts'],
      languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: projectDir } },
    },
    ...(variant === 'typed+phi' ? [phi.configs.recommended as unknown as Linter.Config] : []),
  ];
}

/** An ESLint instance as an editor server keeps it: the config built in code, no config file looked up. */
export function createEslint(projectDir: string, variant: Variant): ESLint {
  return new ESLint({ cwd: projectDir, overrideConfigFile: true, overrideConfig: lintConfig(projectDir, variant), stats: true });
}

/** Rule and parse times summed over lint results (ESLint's `stats`). */
export interface LintTimes {
  parseMs: number;
  phiRulesMs: number;
  otherRulesMs: number;
}

export function lintTimes(results: readonly ESLint.LintResult[]): LintTimes {
  const times: LintTimes = { parseMs: 0, phiRulesMs: 0, otherRulesMs: 0 };
  for (const result of results) {
    for (const pass of result.stats?.times.passes ?? []) {
      times.parseMs += pass.parse?.total ?? 0;
      for (const [rule, time] of Object.entries(pass.rules ?? {})) {
        if (rule.startsWith('phi/')) times.phiRulesMs += time.total;
        else times.otherRulesMs += time.total;
      }
    }
  }
  return times;
}

export interface LintRun extends LintTimes {
  files: number;
  problems: number;
  phiProblems: number;
  /** Time in `lintFiles`, in the process. */
  lintMs: number;
}

/** In the child: lints every source file of the project once. */
export async function lintProject(projectDir: string, variant: Variant): Promise<LintRun> {
  const eslint = createEslint(projectDir, variant);
  const started = performance.now();
  const results = await eslint.lintFiles(['src/**/*.ts']);
  const lintMs = performance.now() - started;
  let problems = 0;
  let phiProblems = 0;
  for (const result of results) {
    for (const message of result.messages) {
      problems++;
      if (message.ruleId?.startsWith('phi/')) phiProblems++;
      if (message.fatal) throw new Error(`${result.filePath}: ${message.message}`);
    }
  }
  return { files: results.length, problems, phiProblems, lintMs, ...lintTimes(results) };
}

export interface EslintSide {
  medianMs: number;
  medianPeakRssMb: number;
  runsMs: number[];
  medianLintMs: number;
  problems: number;
  phiProblems: number;
  /** Of the median run by wall time: parse and rule times from ESLint's stats. */
  parseMs: number;
  phiRulesMs: number;
  otherRulesMs: number;
}

export interface EslintComparison {
  project: string;
  files: number;
  runs: number;
  typed: EslintSide;
  typedWithPhi: EslintSide;
  /** Wall time with phi.configs.recommended over without. */
  ratio: number;
  /** The same ratio in each pair of runs made back to back: their spread is the machine's noise. */
  pairRatios: number[];
  rssRatio: number;
}

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'child.js');

export async function compareEslint(project: { name: string; dir: string; files: number }, runs: number, log: (line: string) => void): Promise<EslintComparison> {
  const sides: Record<Variant, { ms: number; rss: number; result: LintRun }[]> = { typed: [], 'typed+phi': [], phi: [] };
  for (let run = 0; run < runs; run++) {
    // Each goes first in every other pair, so that neither always runs after the other.
    const order = run % 2 === 0 ? (['typed', 'typed+phi'] as const) : (['typed+phi', 'typed'] as const);
    for (const variant of order) {
      const child = await runNode(CHILD, ['lint', project.dir, variant]);
      const result = readResult<LintRun>(child, `ESLint (${variant}) on ${project.name}`);
      sides[variant].push({ ms: child.ms, rss: child.peakRssBytes, result });
      log(`  ESLint ${variant} on ${project.name} run ${run + 1}/${runs}: ${Math.round(child.ms)} ms, ${Math.round(child.peakRssBytes / MB)} MB, ${result.problems} problems (${result.phiProblems} phi)`);
    }
  }
  const side = (variant: Variant): EslintSide => {
    const list = sides[variant];
    const byTime = [...list].sort((a, b) => a.ms - b.ms);
    const middle = byTime[Math.floor((byTime.length - 1) / 2)]!;
    return {
      medianMs: Math.round(median(list.map((entry) => entry.ms))),
      medianPeakRssMb: round(median(list.map((entry) => entry.rss)) / MB, 1),
      runsMs: list.map((entry) => Math.round(entry.ms)),
      medianLintMs: Math.round(median(list.map((entry) => entry.result.lintMs))),
      problems: middle.result.problems,
      phiProblems: middle.result.phiProblems,
      parseMs: Math.round(middle.result.parseMs),
      phiRulesMs: Math.round(middle.result.phiRulesMs),
      otherRulesMs: Math.round(middle.result.otherRulesMs),
    };
  };
  const typed = side('typed');
  const typedWithPhi = side('typed+phi');
  return {
    project: project.name,
    files: project.files,
    runs,
    typed,
    typedWithPhi,
    ratio: round(typedWithPhi.medianMs / typed.medianMs),
    pairRatios: sides['typed+phi'].map((entry, index) => round(entry.ms / sides.typed[index]!.ms)),
    rssRatio: round(typedWithPhi.medianPeakRssMb / typed.medianPeakRssMb),
  };
}
