import { parseArgs } from 'node:util';

/** The report formats `--format` accepts. */
export const FORMATS = ['text', 'json'] as const;
export type OutputFormat = (typeof FORMATS)[number];

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
  format: OutputFormat;
  /** `--output`: write the report to this file instead of stdout (`-` is stdout). */
  output?: string;
  /** `--quiet`: findings only, no diagnostics and no summary. */
  quiet: boolean;
  /** `--no-color` was given. */
  noColor: boolean;
  help: boolean;
  version: boolean;
}

/** The command line is wrong: an unknown option, a missing value, a bad format. Exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

type OptionSpec = { type: 'string' | 'boolean'; short?: string };

/** Every option; `parseArgs` only splits the command line, the checks below say what is wrong. */
const OPTIONS = {
  project: { type: 'string', short: 'p' },
  config: { type: 'string', short: 'c' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  quiet: { type: 'boolean', short: 'q' },
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
    strings.set(name, value);
  }

  const format = strings.get('format') ?? 'text';
  if (!isFormat(format)) {
    throw new UsageError(`unknown format '${format}' (expected ${FORMATS.map((f) => `'${f}'`).join(' or ')})`);
  }

  const project = strings.get('project');
  const config = strings.get('config');
  const output = strings.get('output');
  return {
    paths: paths.length > 0 || project !== undefined ? paths : ['.'],
    ...(project !== undefined ? { project } : {}),
    ...(config !== undefined ? { config } : {}),
    format,
    ...(output !== undefined ? { output } : {}),
    quiet: flags.has('quiet'),
    noColor: flags.has('no-color'),
    help: flags.has('help'),
    version: flags.has('version'),
  };
}

function isFormat(value: string): value is OutputFormat {
  return (FORMATS as readonly string[]).includes(value);
}
