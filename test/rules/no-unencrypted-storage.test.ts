import { describe, vi } from 'vitest';
import rule from '../../rules/no-unencrypted-storage.js';
import { expectProgramOrigin, inFixture, invalidInFixture, setups } from './ruleTesters.js';

// Whole projects are loaded and linted: far beyond the default 5 s on a busy two-core machine.
vi.setConfig({ testTimeout: 120_000 });

const patient = `import type { Patient } from './models';\n`;

describe.each(setups)('no-unencrypted-storage, $name', ({ ruleTester, origin }) => {
  ruleTester.run('no-unencrypted-storage', rule, {
    valid: inFixture([
      `localStorage.setItem('theme', 'dark');`,
      `${patient}export function f(p: Patient) { localStorage.setItem('lastPatient', p.id); }`,
      {
        // A store the project declares as encrypted, for this rule only.
        code: `${patient}export function f(p: Patient) { sessionStorage.setItem('draft', JSON.stringify(p)); }`,
        options: [{ encryptedStorage: ['sessionStorage'] }],
      },
    ]),
    invalid: invalidInFixture([
      {
        code: `${patient}export function f(p: Patient) {\n  localStorage.setItem('patient', JSON.stringify(p));\n}`,
        errors: [{ messageId: 'phiStoredUnencrypted', line: 3, column: 3, endLine: 3, endColumn: 53 }],
      },
      {
        code: `${patient}export function f(p: Patient) {\n  document.cookie = 'name=' + p.name;\n}`,
        errors: [{ messageId: 'phiStoredUnencrypted', line: 3, column: 3 }],
      },
      {
        // The assigned value is wrapped in the sanitizer the file imports.
        code: `${patient}import { redact } from './privacy';\nexport function f(p: Patient) {\n  document.cookie = p.name;\n}`,
        errors: [{
          messageId: 'phiStoredUnencrypted',
          line: 4,
          column: 3,
          suggestions: [{
            messageId: 'wrapInSanitizer',
            data: { sanitizer: 'redact' },
            output: `${patient}import { redact } from './privacy';\nexport function f(p: Patient) {\n  document.cookie = redact(p.name);\n}`,
          }],
        }],
      },
    ]),
  });
  expectProgramOrigin(origin);
});
