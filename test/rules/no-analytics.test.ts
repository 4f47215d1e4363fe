import { describe, vi } from 'vitest';
import rule from '../../rules/no-analytics.js';
import { expectProgramOrigin, inFixture, invalidInFixture, setups } from './ruleTesters.js';

// Whole projects are loaded and linted: far beyond the default 5 s on a busy two-core machine.
vi.setConfig({ testTimeout: 120_000 });

const patient = `import type { Patient } from './models';\nimport { hasConsent } from './privacy';\n`;

describe.each(setups)('no-analytics, $name', ({ ruleTester, origin }) => {
  ruleTester.run('no-analytics', rule, {
    valid: inFixture([
      `analytics.track('app opened');`,
      `${patient}export function f(p: Patient) { analytics.track('visit', { patientId: p.id }); }`,
      `${patient}export function f(p: Patient) { analytics.track('visit', { nameLength: p.name.length }); }`,
      {
        // With analyticsConsentExcuses, a consent check excuses the call.
        code: `${patient}export function f(p: Patient) {\n  if (hasConsent(p)) analytics.identify(p.id, { name: p.name });\n}`,
        options: [{ analyticsConsentExcuses: true }],
      },
    ]),
    invalid: invalidInFixture([
      {
        code: `${patient}export function f(p: Patient) {\n  analytics.track('diagnosis viewed', { diagnosis: p.diagnosis });\n}`,
        errors: [{ messageId: 'phiSentToAnalytics', line: 4, column: 3, endLine: 4, endColumn: 66 }],
      },
      {
        // By default a consent check does not excuse analytics: a banner is not a HIPAA authorization.
        code: `${patient}export function f(p: Patient) {\n  if (hasConsent(p)) analytics.identify(p.id, { name: p.name });\n}`,
        errors: [{ messageId: 'phiSentToAnalytics', line: 4, column: 22 }],
      },
      {
        code: `${patient}function traits(p: Patient) {\n  return { name: p.name };\n}\nexport function f(p: Patient) {\n  analytics.identify(p.id, traits(p));\n}`,
        errors: [{ messageId: 'phiSentToAnalytics', line: 7, column: 3 }],
      },
    ]),
  });
  expectProgramOrigin(origin);
});
