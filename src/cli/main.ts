import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, type AnalysisResult, type AnalyzeOptions } from '../analyze.js';
import { parseConfig, PhiConfigError, type PhiConfig } from '../config/index.js';
import type { AnalysisDiagnostic, Finding } from '../findings.js';
import { ProjectLoadError } from '../project/index.js';
import { formatJson } from '../report/json.js';
import { formatText } from '../report/text.js';
import { parseArguments, UsageError, type CliOptions } from './args.js';
import { resolveProjectOption, resolveReportFiles, resolveTargets, TargetError, type Target } from './targets.js';

/** No finding. */
export const EXIT_CLEAN = 0;
/** At least one finding. */
export const EXIT_FINDINGS = 1;
/** A usage, configuration, project or internal error: nothing was reported. */
export const EXIT_ERROR = 2;

export const HELP = `Usage: phi-scan [options] [path ...]

Finds protected health information (PHI) flowing to logs, analytics, unencrypted
storage and unconsented network calls in TypeScript and JavaScript code.

Each path is a tsconfig file, a directory with a tsconfig.json, or a directory
of source files without one (scanned as an inferred project). The default path
is the current directory.

Options:
  -p, --project <tsconfig>  Analyse this tsconfig (or the directory holding its
                            tsconfig.json). Paths, if given, then select the
                            files and directories to report on.
  -c, --config <file>       Use this phi.config.json instead of the one found
                            from each project's directory upward.
  -f, --format <format>     Report format: text (default) or json.
  -o, --output <file>       Write the report to this file instead of stdout.
  -q, --quiet               Report findings only: no diagnostics, no summary.
      --no-color            Do not colour the text report. Colour is used only
                            on a terminal; NO_COLOR and FORCE_COLOR are obeyed.
  -h, --help                Show this help and exit.
  -v, --version             Show the version and exit.

Exit status:
  0  no PHI flows found
  1  PHI flows found
  2  usage error, invalid configuration or tsconfig, or internal error
`;

/** Where the command reads its surroundings from and writes to; the process's by default. */
export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal. */
  stdoutIsTTY: boolean;
}

/** An expected failure with a message for the user, such as an unwritable output file. Exit status 2. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

/** Runs phi-scan with `argv` (the arguments after the script) and returns the exit status. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    return reportError(error, io);
  }
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const options = parseArguments(argv);
  if (options.help) {
    io.stdout(HELP);
    return EXIT_CLEAN;
  }
  if (options.version) {
    io.stdout(`${packageVersion()}\n`);
    return EXIT_CLEAN;
  }

  const config = options.config === undefined ? undefined : readConfigFile(path.resolve(io.cwd, options.config), options.config);
  const plan = planAnalysis(options, io.cwd);
  const results = plan.targets.map((target) =>
    analyze({
      ...(target.kind === 'tsconfig' ? { tsconfig: target.tsconfig } : { directory: target.directory }),
      ...(config ? { config: config.config, configDir: config.dir } : {}),
      ...(plan.files ? { files: plan.files } : {}),
    } satisfies AnalyzeOptions),
  );
  const result = mergeResults(results);

  const toStdout = options.output === undefined || options.output === '-';
  const report =
    options.format === 'json'
      ? formatJson(result, { cwd: io.cwd })
      : formatText(result, {
          cwd: io.cwd,
          quiet: options.quiet,
          color: useColor({ noColor: options.noColor, toStdout, env: io.env, isTTY: io.stdoutIsTTY }),
        });
  if (toStdout) io.stdout(report);
  else writeReport(path.resolve(io.cwd, options.output!), options.output!, report);
  return result.findings.length > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
}

/** The projects to analyse and, with `--project` and paths, the files to report on. */
function planAnalysis(options: CliOptions, cwd: string): { targets: Target[]; files?: string[] } {
  if (options.project === undefined) return { targets: resolveTargets(options.paths, cwd) };
  const target = resolveProjectOption(options.project, cwd);
  if (options.paths.length === 0) return { targets: [target] };
  return { targets: [target], files: resolveReportFiles(options.paths, cwd) };
}

/** Reads the `--config` file; `given` is the path as given, for messages. */
function readConfigFile(file: string, given: string): { config: PhiConfig; dir: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PhiConfigError(given, [{ path: '', message: `cannot be read: ${describeFsError(error)}` }]);
  }
  return { config: parseConfig(text, given), dir: path.dirname(file) };
}

/** A file-system error in a few words, without the path the message already names. */
function describeFsError(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a parent is not a directory';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

function writeReport(file: string, given: string, report: string): void {
  try {
    writeFileSync(file, report);
  } catch (error) {
    throw new CliError(`cannot write ${given}: ${describeFsError(error)}`);
  }
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
  };
}
