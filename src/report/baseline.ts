import { readFileSync } from 'node:fs';

/**
 * A baseline: the findings a team has accepted for now, by fingerprint. A scan with it reports only
 * findings whose fingerprint is not in it. The file (docs/cli.md):
 *
 *     { "version": 1, "findings": [ { "fingerprint", "rule", "file", "message", "justification"? } ] }
 *
 * `rule`, `file` and `message` are there for people reading the file and for stale-entry warnings;
 * matching uses the fingerprint alone.
 */
export interface BaselineEntry {
  fingerprint: string;
  rule: string;
  /** The sink's file relative to the repository's top. */
  file: string;
  message: string;
  /** Why the finding is accepted; kept when the baseline is updated. */
  justification?: string;
}

export const BASELINE_VERSION = 1;

/** The baseline file cannot be read or is not a baseline. Exit status 2. */
export class BaselineError extends Error {
  override readonly name = 'BaselineError';
}

/** Reads a baseline; `given` is the path as the user gave it, for messages. */
export function readBaseline(file: string, given: string): BaselineEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file (create it with --update-baseline)' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String(error);
    throw new BaselineError(`${given}: cannot read the baseline: ${reason}`);
  }
  return parseBaseline(text, given);
}

/** Parses and checks a baseline's text. */
export function parseBaseline(text: string, given: string): BaselineEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new BaselineError(`${given}: the baseline is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const fail = (where: string, what: string): never => {
    throw new BaselineError(`${given}: ${where}: ${what}`);
  };
  if (!isRecord(data)) return fail('/', 'expected an object with "version" and "findings"');
  if (data.version !== BASELINE_VERSION) fail('/version', `expected ${BASELINE_VERSION} (got ${JSON.stringify(data.version)})`);
  if (!Array.isArray(data.findings)) return fail('/findings', 'expected an array');
  for (const key of Object.keys(data)) {
    if (key !== 'version' && key !== 'findings' && key !== '$schema' && key !== 'tool') fail(`/${key}`, 'unknown key (expected "version" and "findings")');
  }
  return data.findings.map((entry: unknown, index): BaselineEntry => {
    const at = `/findings/${index}`;
    if (!isRecord(entry)) return fail(at, 'expected an object');
    for (const key of ['fingerprint', 'rule', 'file', 'message'] as const) {
      if (typeof entry[key] !== 'string' || entry[key] === '') fail(`${at}/${key}`, 'expected a non-empty string');
    }
    if (entry.justification !== undefined && typeof entry.justification !== 'string') fail(`${at}/justification`, 'expected a string');
    for (const key of Object.keys(entry)) {
      if (!['fingerprint', 'rule', 'file', 'message', 'justification'].includes(key)) {
        fail(`${at}/${key}`, 'unknown key (expected fingerprint, rule, file, message, justification)');
      }
    }
    return {
      fingerprint: entry.fingerprint as string,
      rule: entry.rule as string,
      file: entry.file as string,
      message: entry.message as string,
      ...(typeof entry.justification === 'string' && entry.justification !== '' ? { justification: entry.justification } : {}),
    };
  });
}

/** The text of a baseline file: entries sorted by file, rule and fingerprint, one per finding. */
export function formatBaseline(entries: readonly BaselineEntry[]): string {
  const sorted = [...entries].sort(
    (a, b) => a.file.localeCompare(b.file) || a.rule.localeCompare(b.rule) || a.fingerprint.localeCompare(b.fingerprint),
  );
  const findings = sorted.map((entry) => ({
    fingerprint: entry.fingerprint,
    rule: entry.rule,
    file: entry.file,
    message: entry.message,
    ...(entry.justification !== undefined ? { justification: entry.justification } : {}),
  }));
  return `${JSON.stringify({ version: BASELINE_VERSION, findings }, null, 2)}\n`;
}

/** What a baseline does to a scan. */
export interface BaselineMatch {
  /** The entry each matched fingerprint came from. */
  matched: Map<string, BaselineEntry>;
  /**
   * Entries matching no finding, among those whose file this scan analysed (or that no longer
   * exists): an entry for a file outside the scanned paths is not stale, only out of view.
   */
  stale: BaselineEntry[];
}

export function matchBaseline(
  entries: readonly BaselineEntry[],
  fingerprints: readonly string[],
  inView: (file: string) => boolean,
): BaselineMatch {
  const current = new Set(fingerprints);
  const matched = new Map<string, BaselineEntry>();
  const stale: BaselineEntry[] = [];
  for (const entry of entries) {
    if (current.has(entry.fingerprint)) matched.set(entry.fingerprint, entry);
    else if (inView(entry.file)) stale.push(entry);
  }
  return { matched, stale };
}

/**
 * The baseline after `--update-baseline`: the scan's findings (with the justifications their
 * entries had), plus the old entries for files out of this scan's view.
 */
export function updateBaseline(
  previous: readonly BaselineEntry[],
  findings: readonly Omit<BaselineEntry, 'justification'>[],
  inView: (file: string) => boolean,
): BaselineEntry[] {
  const justifications = new Map(previous.filter((e) => e.justification !== undefined).map((e) => [e.fingerprint, e.justification!]));
  const current = findings.map((finding) => {
    const justification = justifications.get(finding.fingerprint);
    return { ...finding, ...(justification !== undefined ? { justification } : {}) };
  });
  const fingerprints = new Set(current.map((entry) => entry.fingerprint));
  const kept = previous.filter((entry) => !fingerprints.has(entry.fingerprint) && !inView(entry.file));
  return [...current, ...kept];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
