import { createRule } from '../src/eslint/createRule.js';
import { analysisFailedTemplate, findingMessage, reportCategory, suggestionMessage } from '../src/eslint/reportFindings.js';
import { optionsSchema, type RuleOptions } from '../src/eslint/ruleOptions.js';

export default createRule<[RuleOptions], 'phiSentToAnalytics' | 'wrapInSanitizer' | 'analysisFailed'>({
  name: 'no-analytics',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow protected health information (PHI) from reaching analytics, tracking and error-reporting SDKs',
      // A cookie or tracking consent is not a HIPAA authorization: strict ignores analyticsConsentExcuses.
      recommended: { recommended: true, strict: [{ analyticsConsentExcuses: false }] },
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: { phiSentToAnalytics: findingMessage, wrapInSanitizer: suggestionMessage, analysisFailed: analysisFailedTemplate },
    schema: optionsSchema('analytics'),
    defaultOptions: [{}],
  },
  create: (context, [options]) => ({
    Program: () => reportCategory(context, options, 'analytics', 'phiSentToAnalytics'),
  }),
});
