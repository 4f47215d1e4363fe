import { createRule } from '../src/eslint/createRule.js';
import { analysisFailedTemplate, findingMessage, reportCategory, suggestionMessage } from '../src/eslint/reportFindings.js';
import { optionsSchema, type RuleOptions } from '../src/eslint/ruleOptions.js';

export default createRule<[RuleOptions], 'phiSharedWithoutConsent' | 'wrapInSanitizer' | 'analysisFailed'>({
  name: 'no-unconsented-sharing',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow protected health information (PHI) from being sent to untrusted hosts without a consent check',
      // A URL the code does not spell out may point anywhere: strict reports it.
      recommended: { recommended: true, strict: [{ unknownHosts: 'untrusted' }] },
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: { phiSharedWithoutConsent: findingMessage, wrapInSanitizer: suggestionMessage, analysisFailed: analysisFailedTemplate },
    schema: optionsSchema('network'),
    defaultOptions: [{}],
  },
  create: (context, [options]) => ({
    Program: () => reportCategory(context, options, 'network', 'phiSharedWithoutConsent'),
  }),
});
