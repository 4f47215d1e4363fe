import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type AnySchemaObject, type ValidateFunction } from 'ajv';

export const CONFIG_SCHEMA_ID = 'https://eslint-plugin-phi.dev/schema/phi.config.schema.json';
export const SINK_ENTRY_SCHEMA_ID = 'https://eslint-plugin-phi.dev/schema/sink-entry.schema.json';

/**
 * Annotation keywords that editors (VS Code's JSON language service) understand and that the
 * schemas may carry. Ajv ignores them, but strict mode needs them declared.
 */
const EDITOR_KEYWORDS = [
  'markdownDescription',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'patternErrorMessage',
  'errorMessage',
  'deprecationMessage',
  'doNotSuggest',
  'defaultSnippets',
  'suggestSortText',
  'allowComments',
  'allowTrailingCommas',
];

let packageRootCache: string | undefined;

/** The directory holding this package's package.json: found from src/config/ and from dist/src/config/. */
export function packageRoot(): string {
  if (packageRootCache !== undefined) return packageRootCache;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return (packageRootCache = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`eslint-plugin-phi: cannot find package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

/** The package's schema/ directory. */
export function schemaDir(): string {
  return join(packageRoot(), 'schema');
}

function readSchema(name: string): AnySchemaObject {
  return JSON.parse(readFileSync(join(schemaDir(), name), 'utf8')) as AnySchemaObject;
}

interface Validators {
  ajv: Ajv;
  config: ValidateFunction;
  sinkEntry: ValidateFunction;
  /** Every anyOf/oneOf list in both schemas → its URI (`<$id>#/json/pointer`). */
  alternativeLists: WeakMap<object, string>;
}

let validators: Validators | undefined;

/** Both schemas, compiled on first use and reused. */
function compiled(): Validators {
  if (validators) return validators;
  const ajv = new Ajv({
    allErrors: true,
    // Gives errors their schema and data, for messages that name expected values and hints.
    verbose: true,
    strictSchema: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
  });
  ajv.addVocabulary(EDITOR_KEYWORDS);
  const alternativeLists = new WeakMap<object, string>();
  for (const [id, file] of [
    [SINK_ENTRY_SCHEMA_ID, 'sink-entry.schema.json'],
    [CONFIG_SCHEMA_ID, 'phi.config.schema.json'],
  ] as const) {
    const schema = readSchema(file);
    ajv.addSchema(schema);
    recordAlternatives(schema, `${id}#`, alternativeLists);
  }
  const config = ajv.getSchema(CONFIG_SCHEMA_ID);
  const sinkEntry = ajv.getSchema(SINK_ENTRY_SCHEMA_ID);
  if (!config || !sinkEntry) throw new Error('eslint-plugin-phi: schema/ does not hold the expected schema ids');
  return (validators = { ajv, config, sinkEntry, alternativeLists });
}

function recordAlternatives(node: unknown, uri: string, lists: WeakMap<object, string>): void {
  if (typeof node !== 'object' || node === null) return;
  for (const [key, child] of Object.entries(node)) {
    const childUri = `${uri}/${encodeURIComponent(key.replace(/~/g, '~0').replace(/\//g, '~1'))}`;
    if ((key === 'anyOf' || key === 'oneOf') && Array.isArray(child) && !Array.isArray(node)) lists.set(child, childUri);
    recordAlternatives(child, childUri, lists);
  }
}

export interface Alternative {
  /** Validates a value against this alternative alone. */
  validate: ValidateFunction;
  /** The alternative's schema, with a leading `$ref` followed. */
  schema: unknown;
}

/**
 * The alternatives of an anyOf/oneOf list of the two schemas (as found on an Ajv error's `schema`
 * in verbose mode), each compiled on its own; undefined for a list from elsewhere.
 */
export function alternativesOf(list: unknown): Alternative[] | undefined {
  const { ajv, alternativeLists } = compiled();
  const uri = typeof list === 'object' && list !== null ? alternativeLists.get(list) : undefined;
  if (uri === undefined || !Array.isArray(list)) return undefined;
  const alternatives: Alternative[] = [];
  for (let index = 0; index < list.length; index++) {
    const branchUri = `${uri}/${index}`;
    const validate = ajv.getSchema(branchUri);
    if (!validate) return undefined;
    alternatives.push({ validate, schema: followRef(ajv, validate.schema, branchUri) });
  }
  return alternatives;
}

function followRef(ajv: Ajv, schema: unknown, uri: string): unknown {
  for (let hops = 0; hops < 5; hops++) {
    if (typeof schema !== 'object' || schema === null || !('$ref' in schema) || typeof schema.$ref !== 'string') return schema;
    uri = new URL(schema.$ref, uri).href;
    const target = ajv.getSchema(uri);
    if (!target) return schema;
    schema = target.schema;
  }
  return schema;
}

/** Validates a whole phi.config.json value. Errors are left on the function's `errors`. */
export function configValidator(): ValidateFunction {
  return compiled().config;
}

/** Validates one sink catalog entry (the items of `sinks`; usable for the built-in catalog too). */
export function sinkEntryValidator(): ValidateFunction {
  return compiled().sinkEntry;
}
