import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PhiConfigError } from '../config/index.js';
import { ProjectLoadError } from '../project/index.js';
import { BaselineError } from '../report/baseline.js';
import { ChangedLinesError } from '../report/changedLines.js';
import { formatHtml } from '../report/html.js';
import { formatJson } from '../report/json.js';
import { openFindings, type ScanReport } from '../report/model.js';
import { displayPath } from '../report/paths.js';
import { formatSarif } from '../report/sarif.js';
import type { SourceTexts } from '../report/sourceText.js';
import { count, formatText } from '../report/text.js';
import { parseArguments, UsageError, type CliOptions, type FailOn, type ReportRequest } from './args.js';
import { noProgress, terminalProgress } from './progress.js';
import { CliError, scan, writeFile } from './run.js';
import { TargetError } from './targets.js';

export { CliError, mergeResults } from './run.js';

/** No finding at or above the --fail-on level. */
export const EXIT_CLEAN = 0;
/** At least one finding at or above the --fail-on level. */
export const EXIT_FINDINGS = 1;
/** A usage, configuration, project or internal error: nothing was reported. */
export const EXIT_ERROR = 2;

export const HELP = `Usage: phi-scan [options] [path ...]

Finds protected health information (PHI) flowing to logs, analytics, unencrypted
storage and unconsented network calls in TypeScript and JavaScript code.

Each path is a directory or a tsconfig file. A directory is searched for
tsconfig.json files (skipping node_modules, build outputs and what .gitignore
ignores) and each project is analysed, with the projects they reference; source
files no tsconfig covers, and directories with no tsconfig at all, are analysed
as an inferred JavaScript/TypeScript project. The default path is ".".

Options:
  -p, --project <tsconfig>  Analyse this tsconfig (or the directory holding its
                            tsconfig.json). Paths, if given, then select the
                            files and directories to report on.
  -c, --config <file>       Use this phi.config.json instead of the one found
                            from each project's directory upward.
  -f, --format <fmt>[:<file>]
                            Report format: text (default), json, sarif or html.
                            Repeat for several reports, each to its own file:
                            -f text -f sarif:phi.sarif -f html:phi-report.html
  -o, --output <file>       Write the report that has no file of its own here
                            instead of to standard output.
      --fail-on <level>     Exit 1 when a finding is at least this severe:
                            error (default), warning, or never.
      --baseline <file>     Report only findings not in this baseline, and warn
                            about its entries that match nothing any more.
      --update-baseline     Write the current findings to the --baseline file
                            (keeping justifications), then report against it.
      --changed-since <ref> Report only findings whose sink or trace touches a
                            line changed since the merge base of <ref> and HEAD
                            (committed or not, untracked files included).
      --require-justification
                            Do not honour eslint-disable comments that give no
                            reason after "--"; report those findings.
      --heuristics          Also take values whose names say they are PHI (ssn,
                            dateOfBirth, diagnosis) where no type declares it,
                            as "heuristics": "hipaa" in phi.config.json does.
                            Such findings are marked heuristic.
  -q, --quiet               Findings only: no diagnostics, summary or warnings.
      --no-progress         Do not show progress on standard error (it is shown
                            only when standard error is a terminal).
      --no-color            Do not colour the text report. Colour is used only
                            on a terminal; NO_COLOR and FORCE_COLOR are obeyed.
  -h, --help                Show this help and exit.
  -v, --version             Show the version and exit.

Findings on a line after "// eslint-disable-next-line phi/<rule> -- reason"
(and the other eslint-disable comments) are suppressed, as in ESLint.

Exit status:
  0  no finding at or above the --fail-on level
  1  findings at or above the --fail-on level
  2  usage error; missing path or nothing to scan; invalid phi.config.json,
     tsconfig or baseline; unreadable file; git error; internal error
`;

/** Where the command reads its surroundings from and writes to; the process's by default. */
export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal. */
  stdoutIsTTY: boolean;
  /** Whether stderr is a terminal. */
  stderrIsTTY?: boolean;
  /** The width of the terminal on stderr. */
  stderrColumns?: number;
}

/** Runs phi-scan with `argv` (the arguments after the script) and returns the exit status. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    return run(argv, io);
  } catch (error) {
    return reportError(error, io);
  }
}

function run(argv: string[], io: CliIo): number {
  const options = parseArguments(argv);
  if (options.help) {
    io.stdout(HELP);
    return EXIT_CLEAN;
  }
  const version = packageVersion();
  if (options.version) {
    io.stdout(`${version}\n`);
    return EXIT_CLEAN;
  }

  const showProgress = !options.noProgress && !options.quiet && io.stderrIsTTY === true && io.env.CI === undefined;
  const { report, texts } = scan({
    cwd: io.cwd,
    paths: options.paths,
    ...(options.project !== undefined ? { project: options.project } : {}),
    ...(options.config !== undefined ? { config: options.config } : {}),
    ...(options.baseline !== undefined ? { baseline: options.baseline } : {}),
    updateBaseline: options.updateBaseline,
    ...(options.changedSince !== undefined ? { changedSince: options.changedSince } : {}),
    requireJustification: options.requireJustification,
    ...(options.heuristics ? { configOverrides: { heuristics: 'hipaa' as const } } : {}),
    progress: showProgress ? terminalProgress({ write: io.stderr, columns: io.stderrColumns ?? 80 }) : noProgress,
    tool: { name: 'phi-scan', version },
  });

  for (const request of options.reports) {
    const text = formatReport(request, report, texts, options, io);
    if (request.file === undefined) io.stdout(text);
    else writeFile(path.resolve(io.cwd, request.file), request.file, text);
  }
  if (!options.quiet) warn(report, options, io);
  return exitStatus(report, options.failOn);
}

function formatReport(request: ReportRequest, report: ScanReport, texts: SourceTexts, options: CliOptions, io: CliIo): string {
  switch (request.format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
    case 'html':
      return formatHtml(report, { texts, generatedAt: generatedAt(io.env) });
    case 'text':
      return formatText(report, {
        quiet: options.quiet,
        color: useColor({ noColor: options.noColor, toStdout: request.file === undefined, env: io.env, isTTY: io.stdoutIsTTY }),
      });
  }
}

/** 0, or 1 when an open finding is at least as severe as `failOn`. */
export function exitStatus(report: ScanReport, failOn: FailOn): number {
  if (failOn === 'never') return EXIT_CLEAN;
  const failing = openFindings(report).some((item) => failOn === 'warning' || item.finding.severity === 'error');
  return failing ? EXIT_FINDINGS : EXIT_CLEAN;
}

/** What standard error says besides the reports: the baseline's state, and a summary when no report went to stdout. */
function warn(report: ScanReport, options: CliOptions, io: CliIo): void {
  const { baseline } = report;
  if (baseline?.written) {
    io.stderr(`phi-scan: wrote ${count(baseline.written.entries, 'finding')} to the baseline ${displayPath(baseline.file, io.cwd)}\n`);
  }
  if (baseline && baseline.stale.length > 0) {
    const shown = baseline.stale.slice(0, 5);
    io.stderr(
      `phi-scan: warning: ${count(baseline.stale.length, 'baseline entry', 'baseline entries')} in ${displayPath(baseline.file, io.cwd)} ` +
        `match no finding any more (run with --update-baseline to drop them):\n`,
    );
    for (const entry of shown) io.stderr(`phi-scan:   ${entry.file}  ${entry.rule}  ${entry.message}\n`);
    if (baseline.stale.length > shown.length) io.stderr(`phi-scan:   … and ${baseline.stale.length - shown.length} more\n`);
  }
  if (options.reports.every((request) => request.file !== undefined)) {
    const open = openFindings(report).length;
    const suppressed = report.findings.length - open;
    const files = options.reports.map((request) => request.file!).join(', ');
    io.stderr(
      `phi-scan: ${open === 0 ? 'no open findings' : count(open, 'open finding')}` +
        `${suppressed > 0 ? ` (${suppressed} suppressed or in the baseline)` : ''}` +
        `${report.incomplete.length > 0 ? `, ${count(report.incomplete.length, 'file')} not fully analysed` : ''}; wrote ${files}\n`,
    );
  }
}

function generatedAt(env: NodeJS.ProcessEnv): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return (env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date()).toISOString();
}

/**
 * Whether to colour the text report: never with --no-color or into a file; FORCE_COLOR
 * (other than `0`/`false`) forces it, a non-empty NO_COLOR or TERM=dumb turns it off;
 * otherwise only on a terminal.
 */
export function useColor(options: { noColor: boolean; toStdout: boolean; env: NodeJS.ProcessEnv; isTTY: boolean }): boolean {
  const { env } = options;
  if (options.noColor || !options.toStdout) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return options.isTTY;
}

function reportError(error: unknown, io: CliIo): number {
  const say = (message: string): void => io.stderr(prefixLines(message));
  if (error instanceof UsageError) {
    say(error.message);
    io.stderr("phi-scan: run 'phi-scan --help' for usage\n");
  } else if (
    error instanceof TargetError ||
    error instanceof PhiConfigError ||
    error instanceof ProjectLoadError ||
    error instanceof BaselineError ||
    error instanceof ChangedLinesError ||
    error instanceof CliError
  ) {
    say(error.message);
  } else {
    say(`internal error: ${error instanceof Error ? error.message : String(error)}`);
    if (io.env.PHI_SCAN_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  }
  return EXIT_ERROR;
}

/** `phi-scan: ` before each line of a message. */
function prefixLines(message: string): string {
  return message
    .split(/\r?\n/)
    .map((line) => `phi-scan: ${line}\n`)
    .join('');
}

/** The version in the package's package.json, found from this module upward. */
export function packageVersion(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'eslint-plugin-phi' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // no package.json here, or not ours: keep looking
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json of eslint-plugin-phi not found');
    dir = parent;
  }
}

function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    ...(process.stderr.columns ? { stderrColumns: process.stderr.columns } : {}),
  };
}
