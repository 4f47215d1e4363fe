import { describe, vi } from 'vitest';
import rule from '../../rules/no-unconsented-sharing.js';
import { expectProgramOrigin, inFixture, invalidInFixture, setups } from './ruleTesters.js';

// Whole projects are loaded and linted: far beyond the default 5 s on a busy two-core machine.
vi.setConfig({ testTimeout: 120_000 });

const patient = `import type { Patient } from './models';\nimport { hasConsent } from './privacy';\n`;
const toPartner = `${patient}export async function f(p: Patient) {\n  await fetch('https://partner.example.com/patients', { method: 'POST', body: JSON.stringify(p) });\n}`;
const toAnywhere = `${patient}export async function f(p: Patient, url: string) {\n  await fetch(url, { method: 'POST', body: p.name });\n}`;

describe.each(setups)('no-unconsented-sharing, $name', ({ ruleTester, origin }) => {
  ruleTester.run('no-unconsented-sharing', rule, {
    valid: inFixture([
      `export async function f() { await fetch('https://partner.example.com/status'); }`,
      // A trusted host (phi.config.json), a relative URL, a consent check.
      `${patient}export async function f(p: Patient) { await fetch('https://api.myclinic.example/patients', { method: 'POST', body: JSON.stringify(p) }); }`,
      `${patient}export async function f(p: Patient) { await fetch('/api/patients', { method: 'POST', body: JSON.stringify(p) }); }`,
      `${patient}export async function f(p: Patient) {\n  if (!hasConsent(p)) return;\n  await fetch('https://partner.example.com/patients', { method: 'POST', body: JSON.stringify(p) });\n}`,
      // An unresolvable host is trusted by default…
      toAnywhere,
      // …and a host the rule's options trust, or ESLint's settings.phi.
      { code: toPartner, options: [{ trustedHosts: ['partner.example.com'] }] },
      { code: toPartner, settings: { phi: { trustedHosts: ['partner.example.com'] } } },
      // Rule options override settings.phi.
      { code: toAnywhere, settings: { phi: { unknownHosts: 'untrusted' } }, options: [{ unknownHosts: 'trusted' }] },
    ]),
    invalid: invalidInFixture([
      {
        code: toPartner,
        errors: [{ messageId: 'phiSharedWithoutConsent', line: 4, column: 9, endLine: 4, endColumn: 99 }],
      },
      {
        // What the strict config sets: an unresolvable host is untrusted.
        code: toAnywhere,
        options: [{ unknownHosts: 'untrusted' }],
        errors: [{ messageId: 'phiSharedWithoutConsent', line: 4, column: 9 }],
      },
      {
        code: toAnywhere,
        settings: { phi: { unknownHosts: 'untrusted' } },
        errors: [{ messageId: 'phiSharedWithoutConsent', line: 4, column: 9 }],
      },
      {
        // The check guards only one branch.
        code: `${patient}export async function f(p: Patient) {\n  if (hasConsent(p)) console.info('ok');\n  await fetch(\`https://partner.example.com/p/\${p.name}\`);\n}`,
        errors: [{ messageId: 'phiSharedWithoutConsent', line: 5, column: 9 }],
      },
    ]),
  });
  expectProgramOrigin(origin);
});
