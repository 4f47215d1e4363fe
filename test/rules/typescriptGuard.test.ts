import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { ts as bundled } from 'ts-morph';
import typescript from 'typescript';
import ts59 from 'typescript-5.9';
import { describe, expect, it, vi } from 'vitest';
import phi from '../../src/index.js';
import { programCounters, programFor } from '../../src/eslint/programProvider.js';
import { checkProgramCompatibility, guardCounters, loadedTypescriptCopies } from '../../src/eslint/typescriptGuard.js';
import { fixtureDir } from './ruleTesters.js';

// Whole projects are loaded and linted: far beyond the default 5 s on a busy two-core machine.
vi.setConfig({ testTimeout: 120_000 });

const file = path.join(fixtureDir, 'file.ts');
const code = `import type { Patient } from './models';\nexport function admit(p: Patient) {\n  console.log(p.name);\n}\n`;

/** A program over the fixture, made by the given copy of TypeScript, holding `code` as file.ts. */
function programOf(copy: typeof typescript): typescript.Program {
  const options: typescript.CompilerOptions = {
    target: copy.ScriptTarget.ES2022,
    module: copy.ModuleKind.ESNext,
    moduleResolution: copy.ModuleResolutionKind.Bundler,
    strict: true,
    types: [],
    noEmit: true,
  };
  const host = copy.createCompilerHost(options);
  const readSource = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) => (path.resolve(name) === file ? copy.createSourceFile(name, code, version) : readSource(name, version, ...rest));
  return copy.createProgram([file, path.join(fixtureDir, 'models.ts')], options, host);
}

describe('the TypeScript copy guard', () => {
  it('accepts programs of the copy ts-morph bundles', () => {
    const program = bundled.createProgram([path.join(fixtureDir, 'models.ts')], { noEmit: true, types: [] });
    expect(checkProgramCompatibility(program)).toEqual({ compatible: true, version: bundled.version, sameCopy: true });
  });

  it('accepts another copy of the same major.minor whose enums agree', () => {
    expect(typescript.versionMajorMinor).toBe(bundled.versionMajorMinor);
    expect(checkProgramCompatibility(programOf(typescript))).toEqual({ compatible: true, version: typescript.version, sameCopy: false });
  });

  it('refuses TypeScript 5.9, whose TypeFlags differ from 6.0', () => {
    // What would go silently wrong: the same flag has another number.
    expect(ts59.TypeFlags.Object).not.toBe(bundled.TypeFlags.Object);
    const verdict = checkProgramCompatibility(programOf(ts59 as unknown as typeof typescript), [ts59, typescript]);
    expect(verdict).toMatchObject({ compatible: false, version: '5.9.3' });
    expect(verdict.compatible ? '' : verdict.reason).toContain('TypeScript 5.9.3');
  });

  it('finds the copy that made a program among the loaded modules', () => {
    expect(loadedTypescriptCopies()).toEqual(expect.arrayContaining([typescript, ts59]));
    expect(checkProgramCompatibility(programOf(ts59 as unknown as typeof typescript))).toMatchObject({ compatible: false, version: '5.9.3' });
  });

  it('judges a copy once, not every program it makes', () => {
    expect(checkProgramCompatibility(programOf(typescript))).toMatchObject({ compatible: true, sameCopy: false });
    const compared = guardCounters.copiesCompared;
    expect(checkProgramCompatibility(programOf(typescript))).toMatchObject({ compatible: true, sameCopy: false });
    expect(checkProgramCompatibility(programOf(ts59 as unknown as typeof typescript))).toMatchObject({ compatible: false, version: '5.9.3' });
    expect(checkProgramCompatibility(programOf(ts59 as unknown as typeof typescript))).toMatchObject({ compatible: false, version: '5.9.3' });
    expect(guardCounters.copiesCompared).toBeLessThanOrEqual(compared + 1);
  });

  it('refuses a simulated copy that reports another version', () => {
    const program = programOf(typescript);
    const older = { ...typescript, version: '5.9.3', versionMajorMinor: '5.9' };
    expect(checkProgramCompatibility(program, [older])).toMatchObject({ compatible: false, version: '5.9.3' });
  });

  it('refuses a simulated copy of the same version whose flags are numbered differently', () => {
    const program = programOf(typescript);
    const renumbered = { ...typescript, TypeFlags: { ...typescript.TypeFlags, Object: 1 << 30 } };
    const verdict = checkProgramCompatibility(program, [renumbered]);
    expect(verdict).toMatchObject({ compatible: false });
    expect(verdict.compatible ? '' : verdict.reason).toContain('TypeFlags');
  });

  it('refuses a program whose copy cannot be found', () => {
    const verdict = checkProgramCompatibility(programOf(typescript), []);
    expect(verdict).toMatchObject({ compatible: false });
    expect(verdict.compatible ? '' : verdict.reason).toContain('version is unknown');
  });

  it('falls back to the analyzer\'s own project when the parser\'s program is refused', () => {
    const parserProgram = programOf(ts59 as unknown as typeof typescript);
    const choice = programFor({ filename: file, sourceCode: { text: code, parserServices: { program: parserProgram } } });
    expect(choice?.origin).toBe('own');
    expect(choice?.fallbackReason).toContain('5.9.3');
    expect(choice?.program).not.toBe(parserProgram);
  });

  it('gives the right findings through ESLint when the parser hands over a TypeScript 5.9 program', () => {
    const parser = {
      meta: { name: 'parser-with-a-typescript-5.9-program' },
      parseForESLint(text: string, options: Record<string, unknown>) {
        const result = tsParser.parseForESLint(text, options);
        return { ...result, services: { ...result.services, program: programOf(ts59 as unknown as typeof typescript) } };
      },
    };
    const before = [...programCounters.fallbacks.entries()].filter(([reason]) => reason.includes('5.9.3')).reduce((sum, [, n]) => sum + n, 0);
    const messages = new Linter({ cwd: fixtureDir }).verify(code, [
      { files: ['**/*.ts'], languageOptions: { parser } },
      phi.configs.recommended,
    ], file);
    expect(messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['phi/no-logging', 3, 3]]);
    const after = [...programCounters.fallbacks.entries()].filter(([reason]) => reason.includes('5.9.3')).reduce((sum, [, n]) => sum + n, 0);
    expect(after).toBe(before + 1);
  });
});
