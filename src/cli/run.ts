import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyze, type AnalysisResult, type AnalyzeOptions } from '../analyze.js';
import { parseConfig, PhiConfigError, type PhiConfig } from '../config/index.js';
import type { AnalysisDiagnostic, Finding } from '../findings.js';
import { loadProject } from '../project/index.js';
import { formatBaseline, matchBaseline, readBaseline, updateBaseline, type BaselineEntry } from '../report/baseline.js';
import { changedLinesSince, touchesChangedLines, type ChangedLines } from '../report/changedLines.js';
import { assignFingerprints } from '../report/fingerprint.js';
import { incompleteFiles, type ReportFinding, type ScannedProject, type ScanReport } from '../report/model.js';
import { findRepositoryRoot, rootRelative } from '../report/paths.js';
import { SourceTexts } from '../report/sourceText.js';
import { findSuppression, parseDirectives, type Directive } from '../report/suppressions.js';
import { noProgress, type Progress } from './progress.js';
import { checkReadable, planProject, planTargets, type ScanPlan, type Target } from './targets.js';
import { describeError } from './walk.js';

/**
 * The scan, start to end: configuration → projects → analysis → suppression comments → baseline →
 * `--changed-since` → the report every reporter formats. Reporters and exit status: main.ts.
 */
export interface ScanOptions {
  cwd: string;
  paths: readonly string[];
  project?: string;
  config?: string;
  baseline?: string;
  updateBaseline?: boolean;
  changedSince?: string;
  requireJustification?: boolean;
  /** Settings that override every project's phi.config.json (`--heuristics`). */
  configOverrides?: Partial<PhiConfig>;
  progress?: Progress;
  tool: { name: string; version: string };
}

export interface ScanOutcome {
  report: ScanReport;
  /** The analysed files' text, for reporters that show code. */
  texts: SourceTexts;
}

/** An expected failure with a message for the user, such as an unwritable file. Exit status 2. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

export function scan(options: ScanOptions): ScanOutcome {
  const { cwd } = options;
  const progress = options.progress ?? noProgress;

  // Configuration and everything else that can be wrong on the command line, before the long part.
  const config = options.config === undefined ? undefined : readConfigFile(path.resolve(cwd, options.config), options.config);
  const plan = options.project !== undefined ? planProject(options.project, options.paths, cwd) : planTargets(options.paths, cwd);
  const baselineFile = options.baseline === undefined ? undefined : path.resolve(cwd, options.baseline);
  const baselineEntries =
    baselineFile === undefined || (options.updateBaseline && !existsSync(baselineFile)) ? [] : readBaseline(baselineFile, options.baseline!);
  const root = reportRoot(plan, cwd);
  const changed = options.changedSince === undefined ? undefined : changedLinesSince(options.changedSince, root);

  // Analysis.
  const { result, projects } = analyseAll(plan, config, options.configOverrides ?? {}, cwd, progress);
  const texts = new SourceTexts();

  // Fingerprints and suppression comments.
  const fileOf = (finding: Finding): string => rootRelative(finding.sink.location.file, root);
  const fingerprints = assignFingerprints(result.findings, fileOf, texts);
  const directives = directivesByFile(texts);
  let findings: ReportFinding[] = result.findings.map((finding, index) => {
    const item: ReportFinding = { finding, fingerprint: fingerprints[index]!, file: fileOf(finding), status: 'open' };
    const directive = findSuppression(directives(finding.sink.location.file), finding.ruleId, finding.sink.location);
    if (directive === undefined) return item;
    if (options.requireJustification && directive.justification === undefined) return { ...item, unjustifiedSuppression: { line: directive.line } };
    return {
      ...item,
      status: 'suppressed',
      suppression: { kind: 'comment', line: directive.line, ...(directive.justification !== undefined ? { justification: directive.justification } : {}) },
    };
  });

  // The baseline.
  let baseline: ScanReport['baseline'];
  if (baselineFile !== undefined) {
    const analysed = new Set(result.files.map((file) => rootRelative(file, root)));
    const inView = (file: string): boolean => analysed.has(file) || !existsSync(path.resolve(root, file));
    let entries = baselineEntries;
    let written: { entries: number } | undefined;
    if (options.updateBaseline) {
      const accepted = findings.filter((item) => item.status !== 'suppressed').map(baselineEntryOf);
      entries = updateBaseline(baselineEntries, accepted, inView);
      writeFile(baselineFile, options.baseline!, formatBaseline(entries));
      written = { entries: entries.length };
    }
    const match = matchBaseline(entries, findings.map((item) => item.fingerprint), inView);
    findings = findings.map((item) => {
      const entry = match.matched.get(item.fingerprint);
      if (entry === undefined || item.status === 'suppressed') return item;
      const { unjustifiedSuppression: _ignored, ...rest } = item;
      return {
        ...rest,
        status: 'baselined',
        suppression: { kind: 'baseline', ...(entry.justification !== undefined ? { justification: entry.justification } : {}) },
      };
    });
    baseline = { file: baselineFile, stale: match.stale, ...(written ? { written } : {}) };
  }

  // --changed-since.
  let changedSince: ScanReport['changedSince'];
  if (changed !== undefined) {
    const kept = findings.filter((item) => touchesChangedLines(item.finding, changed));
    changedSince = { ref: changed.ref, base: changed.base, outside: findings.length - kept.length };
    findings = kept;
  }

  const report: ScanReport = {
    tool: options.tool,
    cwd,
    root,
    projects,
    findings,
    diagnostics: result.diagnostics,
    files: result.files,
    incomplete: incompleteFiles(result.diagnostics),
    ...(baseline ? { baseline } : {}),
    ...(changedSince ? { changedSince } : {}),
  };
  return { report, texts };
}

function baselineEntryOf(item: ReportFinding): Omit<BaselineEntry, 'justification'> {
  return { fingerprint: item.fingerprint, rule: item.finding.ruleId, file: item.file, message: item.finding.message };
}

/** Analyses every project of the plan, then the files under the searched directories that none covered. */
function analyseAll(
  plan: ScanPlan,
  config: { config: PhiConfig; dir: string } | undefined,
  configOverrides: Partial<PhiConfig>,
  cwd: string,
  progress: Progress,
): { result: AnalysisResult; projects: ScannedProject[] } {
  const results: AnalysisResult[] = [];
  const projects: ScannedProject[] = [];
  const targets = [...plan.targets];
  const run = (target: Target, index: number): void => {
    checkReadable(target, cwd);
    const label = target.kind === 'tsconfig' ? path.relative(cwd, target.tsconfig) || target.tsconfig : `${path.relative(cwd, target.directory) || '.'} (no tsconfig)`;
    const expected = target.kind === 'tsconfig' ? target.rootFiles.length : target.files.length;
    progress.project(index + 1, Math.max(targets.length, index + 1), label, expected);
    const result = analyseTarget(target, config, configOverrides, plan.reportFiles, (_file, done, total) => progress.file(done, total));
    progress.projectDone(result.files.length);
    results.push(result);
    projects.push({
      kind: target.kind === 'tsconfig' ? 'tsconfig' : 'inferred',
      path: target.kind === 'tsconfig' ? target.tsconfig : target.directory,
      files: result.files.length,
    });
  };
  try {
    targets.forEach(run);
    // Files under a searched directory that no tsconfig covers: analysed together, as JavaScript would be.
    const covered = new Set<string>([
      ...targets.flatMap((t) => (t.kind === 'tsconfig' ? t.rootFiles : t.files)),
      ...results.flatMap((r) => r.files),
      ...results.flatMap((r) => r.diagnostics.filter((d) => d.kind === 'generated-file-skipped').map((d) => d.file ?? '')),
    ]);
    for (const searched of plan.searched) {
      const files = searched.sources.filter((file) => !covered.has(file));
      if (files.length === 0) continue;
      const target: Target = { kind: 'inferred', input: searched.input, directory: searched.directory, files };
      targets.push(target);
      run(target, targets.length - 1);
      for (const file of files) covered.add(file);
    }
  } finally {
    progress.clear();
  }
  return { result: mergeResults(results), projects };
}

function analyseTarget(
  target: Target,
  config: { config: PhiConfig; dir: string } | undefined,
  configOverrides: Partial<PhiConfig>,
  reportFiles: string[] | undefined,
  onFile: NonNullable<AnalyzeOptions['onFile']>,
): AnalysisResult {
  const configOptions = { ...(config ? { config: config.config, configDir: config.dir } : {}), configOverrides };
  if (target.kind === 'tsconfig') {
    const options: AnalyzeOptions = {
      tsconfig: target.tsconfig,
      ...configOptions,
      ...(reportFiles ? { files: reportFiles } : {}),
      onFile,
    };
    return analyze(options);
  }
  const loaded = loadProject({ directory: target.directory, files: target.files });
  const options: AnalyzeOptions = {
    project: loaded.project,
    rootDir: target.directory,
    files: target.files,
    ...configOptions,
    onFile,
  };
  const result = analyze(options);
  return { ...result, diagnostics: [...loaded.diagnostics, ...result.diagnostics] };
}

/** The results of several projects as one: a finding or diagnostic two projects share is reported once. */
export function mergeResults(results: readonly AnalysisResult[]): AnalysisResult {
  if (results.length === 1) return results[0]!;
  const findings = unique(
    results.flatMap((r) => r.findings),
    (f) => JSON.stringify([f.ruleId, f.sink.location, f.source.kind, f.source.name, f.message]),
  );
  findings.sort(compareFindings);
  const diagnostics = unique(
    results.flatMap((r) => r.diagnostics),
    (d: AnalysisDiagnostic) => JSON.stringify([d.kind, d.file, d.location, d.message]),
  );
  const files = unique(
    results.flatMap((r) => r.files),
    (f) => f,
  );
  return { findings, diagnostics, files };
}

function compareFindings(a: Finding, b: Finding): number {
  const x = a.sink.location;
  const y = b.sink.location;
  return x.file.localeCompare(y.file) || x.line - y.line || x.column - y.column || a.ruleId.localeCompare(b.ruleId);
}

function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The directory fingerprints and SARIF paths are relative to: the top of the scanned repository. */
function reportRoot(plan: ScanPlan, cwd: string): string {
  const first = plan.targets[0];
  const start = first === undefined ? cwd : first.kind === 'tsconfig' ? path.dirname(first.tsconfig) : first.directory;
  return findRepositoryRoot(start) ?? findRepositoryRoot(cwd) ?? cwd;
}

/** The suppression directives of each file, parsed once. */
function directivesByFile(texts: SourceTexts): (file: string) => Directive[] {
  const cache = new Map<string, Directive[]>();
  return (file) => {
    let directives = cache.get(file);
    if (directives === undefined) {
      const text = texts.text(file);
      directives = text === undefined || !text.includes('eslint-') ? [] : parseDirectives(file, text);
      cache.set(file, directives);
    }
    return directives;
  };
}

/** Reads the `--config` file; `given` is the path as given, for messages. */
function readConfigFile(file: string, given: string): { config: PhiConfig; dir: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PhiConfigError(given, [{ path: '', message: `cannot be read: ${describeError(error)}` }]);
  }
  return { config: parseConfig(text, given), dir: path.dirname(file) };
}

export function writeFile(file: string, given: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (error) {
    throw new CliError(`cannot write ${given}: ${describeError(error)}`);
  }
}
