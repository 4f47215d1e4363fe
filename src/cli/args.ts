import { parseArgs } from 'node:util';

/** The report formats `--format` accepts. */
export const FORMATS = ['text', 'json', 'sarif', 'html'] as const;
export type OutputFormat = (typeof FORMATS)[number];

/** The `--fail-on` thresholds. */
export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** One report to write: a format, and its file (undefined: standard output). */
export interface ReportRequest {
  format: OutputFormat;
  file?: string;
}

/** What the command line asks for. */
export interface CliOptions {
  /**
   * The paths to scan, as given; `['.']` when none are given. With `--project`, the files and
   * directories whose findings are reported (none: all of the project's files).
   */
  paths: string[];
  /** `--project`: the tsconfig (or a directory holding one) to analyse. */
  project?: string;
  /** `--config`: the phi.config.json to use instead of the one found from each project. */
  config?: string;
  /** The reports to write, each to its own destination; text on standard output by default. */
  reports: ReportRequest[];
  failOn: FailOn;
  baseline?: string;
  updateBaseline: boolean;
  changedSince?: string;
  requireJustification: boolean;
  /** `--heuristics`: also take values whose names say they are PHI (heuristics: "hipaa"). */
  heuristics: boolean;
  /** `--quiet`: findings only: no diagnostics, no summary, no warnings on standard error. */
  quiet: boolean;
  /** `--no-progress` was given. */
  noProgress: boolean;
  /** `--no-color` was given. */
  noColor: boolean;
  help: boolean;
  version: boolean;
}

/** The command line is wrong: an unknown option, a missing value, a bad format. Exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

type OptionSpec = { type: 'string' | 'boolean'; short?: string; multiple?: boolean };

/** Every option; `parseArgs` only splits the command line, the checks below say what is wrong. */
const OPTIONS = {
  project: { type: 'string', short: 'p' },
  config: { type: 'string', short: 'c' },
  format: { type: 'string', short: 'f', multiple: true },
  output: { type: 'string', short: 'o' },
  'fail-on': { type: 'string' },
  baseline: { type: 'string' },
  'update-baseline': { type: 'boolean' },
  'changed-since': { type: 'string' },
  'require-justification': { type: 'boolean' },
  heuristics: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  'no-progress': { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const satisfies Record<string, OptionSpec>;

type OptionName = keyof typeof OPTIONS;

function isOptionName(name: string): name is OptionName {
  return Object.hasOwn(OPTIONS, name);
}

/** Parses `argv` (without the node and script paths). Throws UsageError with a one-line message. */
export function parseArguments(argv: readonly string[]): CliOptions {
  const { tokens } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });

  const strings = new Map<OptionName, string>();
  const formats: string[] = [];
  const flags = new Set<OptionName>();
  const paths: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      paths.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue; // the `--` terminator
    const { name, rawName } = token;
    if (!isOptionName(name)) throw new UsageError(`unknown option '${rawName}'`);
    if (OPTIONS[name].type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`option '${rawName}' does not take a value`);
      flags.add(name);
      continue;
    }
    // parseArgs takes the next argument as the value even when it is another option.
    const value = token.value;
    if (value === undefined || (!token.inlineValue && value.startsWith('-') && value !== '-')) {
      throw new UsageError(`option '${rawName}' needs a value`);
    }
    if (value === '') throw new UsageError(`option '${rawName}' needs a non-empty value`);
    if (name === 'format') formats.push(value);
    else strings.set(name, value);
  }

  const failOn = strings.get('fail-on') ?? 'error';
  if (!(FAIL_ON as readonly string[]).includes(failOn)) {
    throw new UsageError(`unknown --fail-on level '${failOn}' (expected ${list(FAIL_ON)})`);
  }
  const baseline = strings.get('baseline');
  if (flags.has('update-baseline') && baseline === undefined) {
    throw new UsageError("--update-baseline needs --baseline <file> to say which file to write");
  }
  const project = strings.get('project');
  const config = strings.get('config');
  const changedSince = strings.get('changed-since');
  return {
    paths: paths.length > 0 || project !== undefined ? paths : ['.'],
    ...(project !== undefined ? { project } : {}),
    ...(config !== undefined ? { config } : {}),
    reports: reportRequests(formats, strings.get('output')),
    failOn: failOn as FailOn,
    ...(baseline !== undefined ? { baseline } : {}),
    updateBaseline: flags.has('update-baseline'),
    ...(changedSince !== undefined ? { changedSince } : {}),
    requireJustification: flags.has('require-justification'),
    heuristics: flags.has('heuristics'),
    quiet: flags.has('quiet'),
    noProgress: flags.has('no-progress'),
    noColor: flags.has('no-color'),
    help: flags.has('help'),
    version: flags.has('version'),
  };
}

/**
 * `--format name` or `--format name:file`, as often as wanted. A format without a file goes to
 * `--output` if given, else to standard output; each destination takes one report.
 */
function reportRequests(values: readonly string[], output: string | undefined): ReportRequest[] {
  const requests: ReportRequest[] = [];
  for (const value of values.length > 0 ? values : ['text']) {
    const colon = value.indexOf(':');
    const format = colon === -1 ? value : value.slice(0, colon);
    const file = colon === -1 ? undefined : value.slice(colon + 1);
    if (!isFormat(format)) throw new UsageError(`unknown format '${format}' (expected ${list(FORMATS)})`);
    if (file === '') throw new UsageError(`--format ${format}: needs a file after ':'`);
    const destination = file ?? output;
    requests.push({ format, ...(destination !== undefined && destination !== '-' ? { file: destination } : {}) });
  }
  const seen = new Map<string, string>();
  for (const request of requests) {
    const where = request.file ?? '-';
    const other = seen.get(where);
    if (other !== undefined) {
      throw new UsageError(
        where === '-'
          ? `both the ${other} and the ${request.format} report would go to standard output; give one a file with --format ${request.format}:<file>`
          : `both the ${other} and the ${request.format} report would be written to ${where}`,
      );
    }
    seen.set(where, request.format);
  }
  return requests;
}

function isFormat(value: string): value is OutputFormat {
  return (FORMATS as readonly string[]).includes(value);
}

function list(values: readonly string[]): string {
  const quoted = values.map((v) => `'${v}'`);
  return quoted.length <= 2 ? quoted.join(' or ') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}
