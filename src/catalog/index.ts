import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { SinkCategory } from '../findings.js';
import type { SinkEntry } from './types.js';

export type { SinkEntry, DataRef, UrlRef } from './types.js';

export const SINK_CATEGORIES: readonly SinkCategory[] = ['logging', 'analytics', 'storage', 'network'];

/** `$id` of schema/sink-entry.schema.json, for `$ref` from other schemas. */
export const SINK_ENTRY_SCHEMA_ID = 'https://eslint-plugin-phi.dev/schema/sink-entry.schema.json';

let root: string | undefined;

/**
 * The package root: the nearest directory above this module holding package.json. The same from
 * src/catalog (tests) and dist/src/catalog (built); the JSON files ship under src/catalog/sinks.
 */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('eslint-plugin-phi: package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return (root = dir);
}

function readJson(...segments: string[]): unknown {
  return JSON.parse(readFileSync(join(packageRoot(), ...segments), 'utf8')) as unknown;
}

/** The JSON Schema of one sink entry (schema/sink-entry.schema.json). */
export function loadSinkEntrySchema(): Record<string, unknown> {
  return readJson('schema', 'sink-entry.schema.json') as Record<string, unknown>;
}

let builtIn: SinkEntry[] | undefined;

/** Every built-in sink entry, from src/catalog/sinks/{logging,analytics,storage,network}.json. */
export function loadBuiltInCatalog(): SinkEntry[] {
  builtIn ??= SINK_CATEGORIES.flatMap((category) => readJson('src', 'catalog', 'sinks', `${category}.json`) as SinkEntry[]);
  return [...builtIn];
}

let validator: ValidateFunction | undefined;

function entryValidator(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, strict: true }).compile(loadSinkEntrySchema());
  return validator;
}

/** `/3/data/0/arg` → `sinks[3].data[0].arg`. */
function readablePath(label: string, pointer: string): string {
  return (
    label +
    pointer
      .split('/')
      .slice(1)
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((part) => (/^\d+$/.test(part) ? `[${part}]` : /^[A-Za-z_$][\w$]*$/.test(part) ? `.${part}` : `[${JSON.stringify(part)}]`))
      .join('')
  );
}

function describe(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperty':
    case 'additionalProperties':
      return `has unknown property "${String(p.additionalProperty)}"`;
    case 'required':
      return `is missing required property "${String(p.missingProperty)}"`;
    case 'enum':
      return `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'oneOf':
      return 'must have exactly one of "arg", "receiverCreatedWith", "receiverCall"';
    case 'dependencies':
      return `has "${String(p.property)}" without "${String(p.missingProperty)}"`;
    default:
      return error.message ?? 'is invalid';
  }
}

/**
 * Checks entries against the sink entry schema and for duplicate ids. Returns readable errors such as
 * `sinks[3].data[0].arg must be integer`; `valid` is true when there are none.
 */
export function validateCatalog(entries: unknown, label = 'sinks'): { valid: boolean; errors: string[] } {
  if (!Array.isArray(entries)) return { valid: false, errors: [`${label} must be an array of sink entries`] };
  const validate = entryValidator();
  const errors: string[] = [];
  const seen = new Map<string, number>();
  entries.forEach((entry: unknown, index) => {
    if (!validate(entry)) {
      const all = validate.errors ?? [];
      // A failed oneOf also reports each branch's `required`; the oneOf message says it better.
      const oneOfAt = new Set(all.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
      for (const error of all) {
        if (error.schemaPath.includes('/oneOf/') && oneOfAt.has(error.instancePath)) continue;
        errors.push(`${readablePath(label, `/${index}${error.instancePath}`)} ${describe(error)}`);
      }
    }
    const id = (entry as { id?: unknown } | null)?.id;
    if (typeof id === 'string') {
      const first = seen.get(id);
      if (first !== undefined) errors.push(`${label}[${index}].id "${id}" is already used by ${label}[${first}]`);
      else seen.set(id, index);
    }
  });
  return { valid: errors.length === 0, errors };
}

/** Entries grouped by category; every category is present, possibly empty. */
export function catalogByCategory(entries: readonly SinkEntry[]): Record<SinkCategory, SinkEntry[]> {
  const byCategory = Object.fromEntries(SINK_CATEGORIES.map((c) => [c, [] as SinkEntry[]])) as Record<SinkCategory, SinkEntry[]>;
  for (const entry of entries) byCategory[entry.category].push(entry);
  return byCategory;
}
