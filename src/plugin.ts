import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleMetaData } from '@typescript-eslint/utils/ts-eslint';
import { rules, type PhiRuleName } from '../rules/index.js';
import { packageRoot } from './catalog/index.js';
import { configsFromRules, type ConfigName, type RuleSetting } from './eslint/configs.js';
import type { PhiRuleDocs } from './eslint/createRule.js';
import type { RuleOptions } from './eslint/ruleOptions.js';

/**
 * A rule as the plugin exports it. ESLint's and typescript-eslint's types describe a rule's context
 * differently; with the context left open, `phi.configs.recommended` fits an `eslint.config.ts`
 * typed by either.
 */
export interface PhiRule {
  meta: RuleMetaData<string, PhiRuleDocs, [RuleOptions]>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- both types must accept it
  create(context: any): Record<string, (node: any) => void>;
}

/** `phi.configs.recommended` and `phi.configs.strict`: flat config objects that bring the plugin along. */
export interface PhiConfigObject {
  name: string;
  plugins: Record<string, PhiPlugin>;
  rules: Record<string, RuleSetting>;
}

export interface PhiPlugin {
  meta: { name: string; version: string };
  rules: Record<PhiRuleName, PhiRule>;
  configs: Record<ConfigName, PhiConfigObject>;
}

const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { name: string; version: string };

/** The ESLint plugin: `import phi from 'eslint-plugin-phi'`, then `phi.configs.recommended` in eslint.config.js. */
export const plugin: PhiPlugin = {
  meta: { name: manifest.name, version: manifest.version },
  rules: rules as unknown as PhiPlugin['rules'],
  configs: {} as PhiPlugin['configs'],
};
Object.assign(plugin.configs, configsFromRules(plugin, plugin.rules));

export default plugin;
