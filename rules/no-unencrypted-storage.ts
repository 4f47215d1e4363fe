import { createRule } from '../src/eslint/createRule.js';
import { analysisFailedTemplate, findingMessage, reportCategory, suggestionMessage } from '../src/eslint/reportFindings.js';
import { optionsSchema, type RuleOptions } from '../src/eslint/ruleOptions.js';

export default createRule<[RuleOptions], 'phiStoredUnencrypted' | 'wrapInSanitizer' | 'analysisFailed'>({
  name: 'no-unencrypted-storage',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow protected health information (PHI) from being written to storage that does not encrypt it',
      recommended: 'recommended',
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: { phiStoredUnencrypted: findingMessage, wrapInSanitizer: suggestionMessage, analysisFailed: analysisFailedTemplate },
    schema: optionsSchema('storage'),
    defaultOptions: [{}],
  },
  create: (context, [options]) => ({
    Program: () => reportCategory(context, options, 'storage', 'phiStoredUnencrypted'),
  }),
});
