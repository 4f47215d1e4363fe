import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ErrorObject } from 'ajv';
import { nameClassifierOptionProblems, nameClassifierOptionsFromConfig, type HeuristicCategoriesConfig } from '../sources/heuristics/classify.js';
import { alternativesOf, configValidator } from './schema.js';
import { defaultConfig, type PhiConfig } from './types.js';

export const CONFIG_FILE_NAME = 'phi.config.json';

export interface PhiConfigProblem {
  /** JSON pointer to the offending value (`/sinks/2/category`); empty for the whole file. */
  path: string;
  message: string;
  /** For a file that is not valid JSON: where parsing failed, 1-based. */
  line?: number;
  column?: number;
}

/** phi.config.json could not be read, is not valid JSON, or does not follow the schema. */
export class PhiConfigError extends Error {
  override name = 'PhiConfigError';
  readonly file: string;
  readonly problems: PhiConfigProblem[];

  constructor(file: string, problems: PhiConfigProblem[]) {
    super(problems.map((p) => (p.path ? `${file}: ${p.path}: ${p.message}` : `${file}: ${p.message}`)).join('\n'));
    this.file = file;
    this.problems = problems;
  }
}

/**
 * The nearest phi.config.json: in startDir, then each parent directory. Stops at the filesystem
 * root, and after a directory that holds `.git` (the top of the repository).
 */
export function findConfigFile(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (isFile(candidate)) return candidate;
    if (existsSync(join(dir, '.git'))) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Parses and validates the text of a phi.config.json, and applies defaults. `file` is used in messages. */
export function parseConfig(text: string, file: string): PhiConfig {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    throw new PhiConfigError(file, [jsonProblem(source, error)]);
  }

  const validate = configValidator();
  const problems = validate(data) ? [] : describeErrors(validate.errors ?? []);
  problems.push(...duplicateSinkIds(data));
  if (problems.length === 0) problems.push(...heuristicCategoryProblems(data));
  if (problems.length > 0) throw new PhiConfigError(file, problems);

  const { $schema: _schema, ...settings } = data as Record<string, unknown>;
  return { ...structuredClone(defaultConfig), ...settings } as PhiConfig;
}

/** Finds phi.config.json from dir upwards and parses it; without one, the defaults. */
export function loadConfig(dir: string): { config: PhiConfig; file?: string } {
  const file = findConfigFile(dir);
  if (file === undefined) return { config: structuredClone(defaultConfig) };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PhiConfigError(file, [{ path: '', message: `cannot be read: ${(error as Error).message}` }]);
  }
  return { config: parseConfig(text, file), file };
}

// ---------------------------------------------------------------------------------------------
// Sink ids

function duplicateSinkIds(data: unknown): PhiConfigProblem[] {
  if (!isRecord(data) || !Array.isArray(data.sinks)) return [];
  const firstIndex = new Map<string, number>();
  const problems: PhiConfigProblem[] = [];
  data.sinks.forEach((entry: unknown, index) => {
    if (!isRecord(entry) || typeof entry.id !== 'string') return;
    const first = firstIndex.get(entry.id);
    if (first === undefined) firstIndex.set(entry.id, index);
    else problems.push({ path: `/sinks/${index}/id`, message: `duplicate sink id ${JSON.stringify(entry.id)} (also used by /sinks/${first})` });
  });
  return problems;
}

/** Unknown category ids, patterns that disable nothing: the schema cannot know the categories. */
function heuristicCategoryProblems(data: unknown): PhiConfigProblem[] {
  if (!isRecord(data) || !isRecord(data.heuristicCategories)) return [];
  const options = nameClassifierOptionsFromConfig(data.heuristicCategories as HeuristicCategoriesConfig);
  return nameClassifierOptionProblems(options).map((message) => ({ path: '/heuristicCategories', message }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------
// Invalid JSON. JSON.parse does not always say where it failed (Node 20: `Unexpected token 'x',
// "…" is not valid JSON`), so a small scanner finds the place and says what was expected.

class JsonSyntaxError {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

function jsonProblem(text: string, parseError: unknown): PhiConfigProblem {
  let message: string;
  let offset: number;
  const located = locateJsonError(text);
  if (located) {
    ({ message, offset } = located);
  } else {
    message = parseError instanceof Error ? parseError.message : String(parseError);
    const position = /position (\d+)/.exec(message);
    offset = position ? Number(position[1]) : text.length;
  }
  const { line, column } = lineAndColumn(text, offset);
  return { path: '', message: `not valid JSON: ${message} at line ${line}, column ${column}`, line, column };
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Where and why the text is not JSON; undefined if the scanner finds nothing wrong. */
function locateJsonError(text: string): { message: string; offset: number } | undefined {
  let i = 0;
  const found = (): string => (i >= text.length ? 'the end of the file' : JSON.stringify(String.fromCodePoint(text.codePointAt(i)!)));
  const fail = (message: string, at = i): never => {
    throw new JsonSyntaxError(message, at);
  };
  const skipSpace = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };

  const string = (): void => {
    const start = i++;
    for (;;) {
      if (i >= text.length) fail('unterminated string', start);
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else fail('invalid escape sequence in string');
      } else if (c === '\n' || c === '\r') {
        fail('unterminated string (strings cannot span lines; write \\n)', start);
      } else if (c < ' ') {
        fail('control character inside a string');
      } else {
        i++;
      }
    }
  };

  const value = (): void => {
    skipSpace();
    const c = text[i];
    if (c === '{') {
      i++;
      skipSpace();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        skipSpace();
        if (text[i] !== '"') fail(`expected a property name in double quotes, found ${found()}`);
        string();
        skipSpace();
        if (text[i] !== ':') fail(`expected ':' after the property name, found ${found()}`);
        i++;
        value();
        skipSpace();
        if (text[i] === '}') {
          i++;
          return;
        }
        if (text[i] !== ',') fail(`expected ',' or '}' after the property value, found ${found()}`);
        const comma = i++;
        skipSpace();
        if (text[i] === '}') fail("trailing comma before '}'", comma);
      }
    }
    if (c === '[') {
      i++;
      skipSpace();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        skipSpace();
        if (text[i] === ']') {
          i++;
          return;
        }
        if (text[i] !== ',') fail(`expected ',' or ']' after the array element, found ${found()}`);
        const comma = i++;
        skipSpace();
        if (text[i] === ']') fail("trailing comma before ']'", comma);
      }
    }
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(text);
      if (!match) fail('invalid number');
      i += match![0].length;
      return;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    fail(i >= text.length && text.trim() === '' ? 'the file is empty' : `expected a value, found ${found()}`);
  };

  try {
    value();
    skipSpace();
    if (i < text.length) fail(`unexpected ${found()} after the end of the JSON value`);
    return undefined;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { message: error.message, offset: error.offset };
    return undefined; // e.g. nesting too deep for the scanner: fall back to JSON.parse's message
  }
}

// ---------------------------------------------------------------------------------------------
// Schema errors → one problem per mistake, saying what was expected.

interface VerboseError extends ErrorObject {
  parentSchema?: Record<string, unknown>;
}

function describeErrors(errors: ErrorObject[]): PhiConfigProblem[] {
  const problems: PhiConfigProblem[] = [];
  const seen = new Set<string>();
  const reduced = reduceAlternatives(errors as VerboseError[]);
  // A value of the wrong type needs no other complaint about it.
  const wrongType = new Set(reduced.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  // Missing properties of one object: one problem that names them all.
  const missing = new Map<string, string[]>();
  for (const e of reduced) {
    if (e.keyword === 'required') missing.set(e.instancePath, [...(missing.get(e.instancePath) ?? []), String(e.params.missingProperty)]);
  }
  for (const error of reduced) {
    if (error.keyword !== 'type' && wrongType.has(error.instancePath)) continue;
    const described =
      error.keyword === 'required' && (missing.get(error.instancePath)?.length ?? 0) > 1
        ? { path: error.instancePath, message: `missing required properties ${missing.get(error.instancePath)!.map((p) => `"${p}"`).join(', ')}` }
        : describeError(error);
    const problem = { ...described, path: oneLine(described.path) };
    const key = `${problem.path}\0${problem.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(problem);
    }
  }
  return problems;
}

/**
 * anyOf/oneOf failures come with the errors of every alternative, mixed in with other errors.
 * Check the value against each alternative alone; keep the one that got furthest into the value
 * (its errors are deepest, its type is right); when none did, say which shapes are allowed.
 */
function reduceAlternatives(errors: VerboseError[]): VerboseError[] {
  const out: VerboseError[] = [];
  for (const error of errors) {
    if (error.keyword === 'if') continue; // the `then`/`else` errors say what is wrong
    const alternatives = error.keyword === 'anyOf' || error.keyword === 'oneOf' ? alternativesOf(error.schema) : undefined;
    if (!alternatives) {
      out.push(error);
      continue;
    }
    const branches = alternatives.map(({ validate }) => {
      validate(error.data);
      return (validate.errors ?? []).map((e) => ({ ...e, instancePath: error.instancePath + e.instancePath }) as VerboseError);
    });
    // Take the alternatives' errors, as Ajv reported them, out of the list.
    const signatures = new Set(branches.flat().map(signature));
    for (let k = out.length - 1; k >= 0; k--) {
      const candidate = out[k]!;
      if (isWithin(candidate.instancePath, error.instancePath) && signatures.has(signature(candidate))) out.splice(k, 1);
    }
    const describedError = { ...error, schema: alternatives.map((a) => a.schema) };
    if (Array.isArray((error.params as { passingSchemas?: unknown }).passingSchemas)) {
      out.push(describedError); // oneOf: more than one alternative matched
      continue;
    }
    const depth = (e: VerboseError): number => (e.instancePath === '' ? 0 : e.instancePath.split('/').length - 1);
    const scored = branches
      .map((raw) => reduceAlternatives(raw))
      .filter((errs) => errs.length > 0)
      .map((errs) => ({ errs, depth: Math.max(...errs.map(depth)) }));
    // An alternative whose type the value has beats one whose type it has not.
    const typeMatched = scored.filter((s) => !s.errs.some((e) => e.keyword === 'type' && e.instancePath === error.instancePath));
    const pool = typeMatched.length > 0 ? typeMatched : scored;
    const best = Math.max(...pool.map((s) => s.depth));
    const winners = pool.filter((s) => s.depth === best);
    const decisive = best > depth(error) || (pool.length === 1 && pool.length < scored.length);
    if (winners.length === 1 && decisive) out.push(...winners[0]!.errs);
    else out.push(describedError);
  }
  return out;
}

function signature(error: ErrorObject): string {
  return `${error.instancePath}\0${error.keyword}\0${JSON.stringify(error.params)}`;
}

function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}/`);
}

function describeError(error: VerboseError): PhiConfigProblem {
  const path = error.instancePath;
  const params = error.params as Record<string, unknown>;
  const parent = error.parentSchema ?? {};
  switch (error.keyword) {
    case 'type': {
      const types = String(params.type).split(',');
      return { path, message: `must be ${types.map(withArticle).join(' or ')} (got ${describeValue(error.data)})` };
    }
    case 'enum': {
      const values = params.allowedValues as unknown[];
      const allowed = values.map((v) => JSON.stringify(v)).join(', ');
      return { path, message: `must be ${values.length === 1 ? '' : 'one of '}${allowed} (got ${describeValue(error.data)})` };
    }
    case 'const':
      return { path, message: `must be ${JSON.stringify(params.allowedValue)} (got ${describeValue(error.data)})` };
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = isRecord(parent.properties) ? Object.keys(parent.properties) : [];
      const suggestion = closest(key, known);
      const hint = suggestion ? ` (did you mean "${suggestion}"?)` : known.length > 0 ? ` (allowed: ${known.join(', ')})` : '';
      return { path: `${path}/${escapePointer(key)}`, message: `unknown property ${JSON.stringify(key)}${hint}` };
    }
    case 'required':
      return { path, message: `missing required property "${String(params.missingProperty)}"` };
    case 'pattern': {
      const hint = parent.patternErrorMessage ?? parent.errorMessage;
      return { path, message: `must match pattern "${String(params.pattern)}"${typeof hint === 'string' ? ` (${hint})` : ''}` };
    }
    case 'minLength':
      return { path, message: params.limit === 1 ? 'must not be empty' : `must have at least ${String(params.limit)} characters` };
    case 'minItems':
      return { path, message: `must have at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}` };
    case 'uniqueItems':
      return { path, message: `must not repeat items (items ${String(params.j)} and ${String(params.i)} are equal)` };
    case 'anyOf':
    case 'oneOf':
      return { path, message: describeAlternatives(error) };
    default:
      return { path, message: error.message ?? `fails "${error.keyword}"` };
  }
}

function describeAlternatives(error: VerboseError): string {
  const params = error.params as { passingSchemas?: unknown };
  const shapes = (error.schema as unknown[]).map(describeShape);
  if (Array.isArray(params.passingSchemas)) {
    const matched = (params.passingSchemas as number[]).map((i) => shapes[i]);
    if (matched.every((s): s is string => s !== undefined)) return `must match only one of: ${matched.join('; ')}`;
    return 'matches more than one of the allowed forms';
  }
  if (shapes.every((s): s is string => s !== undefined)) return `must be ${shapes.join(', or ')} (got ${describeValue(error.data)})`;
  return `must match one of the allowed forms (got ${describeValue(error.data)})`;
}

function describeShape(schema: unknown): string | undefined {
  if (!isRecord(schema)) return undefined;
  if (Array.isArray(schema.required) && schema.required.length > 0) return `an object with ${schema.required.map((p) => `"${String(p)}"`).join(' and ')}`;
  if (typeof schema.type === 'string') return withArticle(schema.type);
  if ('const' in schema) return JSON.stringify(schema.const);
  return undefined;
}

function withArticle(type: string): string {
  if (type === 'null') return 'null';
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return `${typeof value} ${text.length > 40 ? `${text.slice(0, 37)}…` : text}`;
}

/** Control characters in keys written as JSON escapes, so that each problem stays on one line. */
function oneLine(path: string): string {
  // eslint-disable-next-line no-control-regex
  return path.replace(/[\u0000-\u001f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A known name a typo was probably meant as: same letters ignoring case, or a few edits away. */
function closest(key: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of known) {
    const distance = name.toLowerCase() === key.toLowerCase() ? 0 : editDistance(key, name);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.min(2, Math.max(1, Math.floor(key.length / 4))) ? best : undefined;
}

/** Edits (insert, delete, substitute, swap two neighbours) that turn a into b. */
function editDistance(a: string, b: string): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, beforePrevious[j - 2]! + 1);
      current[j] = d;
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}
