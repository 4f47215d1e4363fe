import { describe, vi } from 'vitest';
import rule from '../../rules/no-logging.js';
import { expectProgramOrigin, inFixture, invalidInFixture, setups } from './ruleTesters.js';

// Whole projects are loaded and linted: far beyond the default 5 s on a busy two-core machine.
vi.setConfig({ testTimeout: 120_000 });

const patient = `import type { Patient, Visit } from './models';\n`;

describe.each(setups)('no-logging, $name', ({ ruleTester, origin }) => {
  ruleTester.run('no-logging', rule, {
    valid: inFixture([
      `console.log('service started');`,
      `${patient}export function f(p: Patient) { console.log(p.id); }`,
      `${patient}export function f(p: Patient) { console.log(p.name.length); }`,
      `${patient}import { redact } from './privacy';\nexport function f(p: Patient) { console.log(redact(p.name)); }`,
      `${patient}import { mask } from './privacy';\nexport function f(p: Patient) { console.warn(mask(p.diagnosis)); }`,
      `${patient}export function f(v: Visit) { console.info(v.room); }`,
    ]),
    invalid: invalidInFixture([
      {
        code: `${patient}export function admit(p: Patient) {\n  console.log(p);\n}`,
        errors: [{ messageId: 'phiLogged', line: 3, column: 3, endLine: 3, endColumn: 17 }],
      },
      {
        code: `${patient}export function admit(v: Visit) {\n  console.error('notes', v.notes);\n}`,
        errors: [{ messageId: 'phiLogged', line: 3, column: 3 }],
      },
      {
        // Through a helper: reported at the sink, inside the helper.
        code: `${patient}function show(text: string) {\n  console.warn(text);\n}\nexport function f(p: Patient) {\n  show(p.diagnosis);\n}`,
        errors: [{ messageId: 'phiLogged', line: 3, column: 3 }],
      },
      {
        // A configured sanitizer is imported: the suggestion wraps the argument in it.
        code: `${patient}import { redact } from './privacy';\nexport function f(p: Patient) {\n  console.log(p.diagnosis);\n}`,
        errors: [{
          messageId: 'phiLogged',
          line: 4,
          column: 3,
          suggestions: [{
            messageId: 'wrapInSanitizer',
            data: { sanitizer: 'redact' },
            output: `${patient}import { redact } from './privacy';\nexport function f(p: Patient) {\n  console.log(redact(p.diagnosis));\n}`,
          }],
        }],
      },
      {
        // `./privacy#mask` from phi.config.json, imported under another name.
        code: `${patient}import { mask as hide } from './privacy';\nexport function f(p: Patient) {\n  console.log(\`patient \${p.name}\`);\n}`,
        errors: [{
          messageId: 'phiLogged',
          line: 4,
          column: 3,
          suggestions: [{
            messageId: 'wrapInSanitizer',
            data: { sanitizer: 'hide' },
            output: `${patient}import { mask as hide } from './privacy';\nexport function f(p: Patient) {\n  console.log(hide(\`patient \${p.name}\`));\n}`,
          }],
        }],
      },
      {
        // The rule's options add to phi.config.json for this rule: every Visit is PHI here.
        code: `${patient}export function f(v: Visit) {\n  console.info(v.room);\n}`,
        options: [{ phiTypes: ['Visit'] }],
        errors: [{ messageId: 'phiLogged', line: 3, column: 3 }],
      },
    ]),
  });
  expectProgramOrigin(origin);
});
