import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import { schemaDir } from '../config/schema.js';
import type { PhiConfig } from '../config/types.js';
import type { SinkCategory } from '../findings.js';

/** The settings of phi.config.json a rule's options may override for that rule. */
export type RuleOptions = Partial<Pick<PhiConfig,
  'phiTypes' | 'fhir' | 'sanitizers' | 'consentChecks' | 'consentAssertions' | 'trustedHosts' | 'unknownHosts'
  | 'encryptedStorage' | 'analyticsConsentExcuses' | 'heuristics'>>;

export type RuleOptionName = keyof RuleOptions;

const sourceOptions: readonly RuleOptionName[] = ['phiTypes', 'fhir', 'sanitizers', 'heuristics'];

/** Which settings bear on each category's findings: those a rule of that category takes as options. */
export const optionNamesByCategory: Record<SinkCategory, readonly RuleOptionName[]> = {
  logging: sourceOptions,
  analytics: [...sourceOptions, 'consentChecks', 'consentAssertions', 'analyticsConsentExcuses'],
  storage: [...sourceOptions, 'encryptedStorage'],
  network: [...sourceOptions, 'consentChecks', 'consentAssertions', 'trustedHosts', 'unknownHosts'],
};

/** Keywords of the phi.config.json schema that an ESLint option schema keeps. */
const keptKeywords = new Set(['type', 'enum', 'items', 'description', 'pattern', 'minLength', 'minItems', 'uniqueItems']);

type SchemaNode = Record<string, unknown>;

let configSchema: { properties: Record<string, SchemaNode>; definitions: Record<string, SchemaNode> } | undefined;

/**
 * The option schema of a rule of `category`: one object whose properties are those of
 * phi.config.json, described as there. `default` is left out on purpose: ESLint fills in schema
 * defaults, and a default would hide the project's phi.config.json value.
 */
export function optionsSchema(category: SinkCategory): JSONSchema4[] {
  configSchema ??= JSON.parse(readFileSync(join(schemaDir(), 'phi.config.schema.json'), 'utf8')) as NonNullable<typeof configSchema>;
  const schema = configSchema;
  const properties: Record<string, SchemaNode> = {};
  for (const name of optionNamesByCategory[category]) {
    const property = schema.properties[name];
    if (!property) throw new Error(`eslint-plugin-phi: phi.config.schema.json has no property ${name}`);
    properties[name] = plain(property, schema.definitions);
  }
  return [{
    type: 'object',
    additionalProperties: false,
    description: 'Settings of phi.config.json (or settings.phi) overridden for this rule only.',
    properties: properties as unknown as Record<string, JSONSchema4>,
  }];
}

/** A schema node with `#/definitions/…` references inlined and editor-only keywords dropped. */
function plain(node: SchemaNode, definitions: Record<string, SchemaNode>): SchemaNode {
  const ref = node['$ref'];
  const resolved = typeof ref === 'string' ? definitions[ref.replace('#/definitions/', '')] ?? node : node;
  const result: SchemaNode = {};
  for (const [key, value] of Object.entries(resolved)) {
    if (!keptKeywords.has(key)) continue;
    result[key] = key === 'items' && typeof value === 'object' && value !== null && !Array.isArray(value)
      ? plain(value as SchemaNode, definitions)
      : value;
  }
  return result;
}
