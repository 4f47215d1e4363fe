import type { PhiRuleDocs } from './createRule.js';

export type ConfigName = 'recommended' | 'strict';

/** A rule's setting in a generated config: on as an error, with options in `strict`. */
export type RuleSetting = 'error' | ['error', ...unknown[]];

/**
 * A flat config object as the plugin exports it. Kept structural (not ESLint's or typescript-eslint's
 * config type) so that it can be placed in an `eslint.config.ts` typed by either.
 */
export interface GeneratedConfig<Plugin> {
  name: string;
  plugins: Record<string, Plugin>;
  rules: Record<string, RuleSetting>;
  settings?: Record<string, unknown>;
}

/**
 * What `strict` sets for every rule at once: a strict reviewer also wants PHI found by its name
 * (`ssn`, `diagnosis`) where no type declares it. As a shared setting rather than per-rule options,
 * the four rules keep sharing one analysis of each file.
 */
export const strictSharedSettings = { heuristics: 'hipaa' } as const;

/** The part of a rule the configs are made from. */
interface RuleMeta {
  meta: { docs?: Partial<PhiRuleDocs> };
}

/**
 * `recommended` and `strict`, made from each rule's `meta.docs.recommended`: a rule marked
 * `'recommended'` is an error in both; one marked `{ recommended: true, strict: [options] }` is an
 * error with its defaults in `recommended` and with those options in `strict`; `'strict'` only there.
 */
export function configsFromRules<Plugin>(
  plugin: Plugin,
  rules: Readonly<Record<string, RuleMeta>>,
  prefix = 'phi',
): Record<ConfigName, GeneratedConfig<Plugin>> {
  const recommended: Record<string, RuleSetting> = {};
  const strict: Record<string, RuleSetting> = {};
  for (const [name, rule] of Object.entries(rules)) {
    const id = `${prefix}/${name}`;
    const recommendation = rule.meta.docs?.recommended;
    if (recommendation === undefined || recommendation === 'stylistic') continue;
    if (typeof recommendation === 'object') {
      if (recommendation.recommended) recommended[id] = 'error';
      strict[id] = ['error', ...recommendation.strict];
      continue;
    }
    if (recommendation === 'recommended') recommended[id] = 'error';
    strict[id] = 'error';
  }
  const config = (name: ConfigName, configRules: Record<string, RuleSetting>): GeneratedConfig<Plugin> => ({
    name: `${prefix}/${name}`,
    plugins: { [prefix]: plugin },
    rules: configRules,
  });
  return {
    recommended: config('recommended', recommended),
    strict: { ...config('strict', strict), settings: { [prefix]: { ...strictSharedSettings } } },
  };
}
