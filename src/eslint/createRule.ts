import { RuleCreator } from '@typescript-eslint/utils/eslint-utils';
import type { RuleRecommendation, RuleRecommendationAcrossConfigs } from '@typescript-eslint/utils/ts-eslint';
import type { RuleOptions } from './ruleOptions.js';

/** The extra `meta.docs` of this plugin's rules; the configs are generated from `recommended`. */
export interface PhiRuleDocs {
  /**
   * `'recommended'`: on in `recommended` and `strict`. An object: on in `recommended` with the
   * defaults, and in `strict` with the options under `strict`.
   */
  recommended: RuleRecommendation | RuleRecommendationAcrossConfigs<[RuleOptions]>;
  /** The rules run without type information too: the analyzer then builds its own program. */
  requiresTypeChecking: false;
}

/** Where each rule's page lives: docs/rules/<name>.md. */
export const docsBaseUrl = 'https://eslint-plugin-phi.dev/docs/rules/';

export const createRule = RuleCreator<PhiRuleDocs>((name) => `${docsBaseUrl}${name}.md`);
