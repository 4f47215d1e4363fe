import { createRule } from '../src/eslint/createRule.js';
import { analysisFailedTemplate, findingMessage, reportCategory, suggestionMessage } from '../src/eslint/reportFindings.js';
import { optionsSchema, type RuleOptions } from '../src/eslint/ruleOptions.js';

export default createRule<[RuleOptions], 'phiLogged' | 'wrapInSanitizer' | 'analysisFailed'>({
  name: 'no-logging',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow protected health information (PHI) from reaching logs, the console and error output',
      recommended: 'recommended',
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: { phiLogged: findingMessage, wrapInSanitizer: suggestionMessage, analysisFailed: analysisFailedTemplate },
    schema: optionsSchema('logging'),
    defaultOptions: [{}],
  },
  create: (context, [options]) => ({
    Program: () => reportCategory(context, options, 'logging', 'phiLogged'),
  }),
});
