import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester, type InvalidTestCase, type ValidTestCase } from '@typescript-eslint/rule-tester';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programCounters } from '../../src/eslint/programProvider.js';
import type { RuleOptions } from '../../src/eslint/ruleOptions.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.describeSkip = describe.skip;
RuleTester.it = it;
RuleTester.itOnly = it.only;
RuleTester.itSkip = it.skip;

/** A folder with tsconfig.json, phi.config.json, models.ts (PHI types), privacy.ts and file.ts. */
export const fixtureDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixture');
const filename = path.join(fixtureDir, 'file.ts');

/**
 * The two setups every rule is tested in: typed linting, where the rules reuse typescript-eslint's
 * program, and no type information, where the analyzer builds its own program for fixture/tsconfig.json.
 */
export const setups = [
  {
    name: 'typed linting (projectService)',
    origin: 'parser',
    ruleTester: new RuleTester({
      languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['*.ts*'] }, tsconfigRootDir: fixtureDir } },
    }),
  },
  { name: 'no type information', origin: 'own', ruleTester: new RuleTester() },
] as const;

/** Lints each case as fixture/file.ts, so that `./models` and phi.config.json are found. */
export function inFixture(cases: readonly (string | ValidTestCase<[RuleOptions]>)[]): ValidTestCase<[RuleOptions]>[] {
  return cases.map((item) => (typeof item === 'string' ? { code: item, filename } : { filename, ...item }));
}

export function invalidInFixture<MessageIds extends string>(
  cases: readonly InvalidTestCase<MessageIds, [RuleOptions]>[],
): InvalidTestCase<MessageIds, [RuleOptions]>[] {
  return cases.map((item) => ({ filename, ...item }));
}

/** Checks, after the rule tests of a `describe`, that they ran on the program the setup promises. */
export function expectProgramOrigin(origin: 'parser' | 'own'): void {
  const count = (): number => (origin === 'parser' ? programCounters.parserPrograms : programCounters.ownPrograms);
  let before = 0;
  let fallbacksBefore = 0;
  beforeAll(() => {
    before = count();
    fallbacksBefore = [...programCounters.fallbacks.values()].reduce((a, b) => a + b, 0);
  });
  it(origin === 'parser' ? 'analysed in typescript-eslint\'s program' : 'analysed in the analyzer\'s own program', () => {
    expect(count()).toBeGreaterThan(before);
    if (origin === 'parser') expect([...programCounters.fallbacks.values()].reduce((a, b) => a + b, 0)).toBe(fallbacksBefore);
  });
}
