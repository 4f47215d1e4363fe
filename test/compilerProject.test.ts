import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ts } from 'ts-morph';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CompilerProject, memoryFileSystem } from '../src/project/index.js';
import { collectSourceDiagnostics } from '../src/project/sourceDiagnostics.js';

const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, strict: true, noEmit: true, lib: ['lib.es2022.d.ts'] };

function inMemory(files: Record<string, string>, roots = Object.keys(files), compilerOptions = options): CompilerProject {
  return new CompilerProject(compilerOptions, roots, memoryFileSystem(new Map(Object.entries(files))));
}

const files = {
  '/src/models.ts': '/** @phi */\nexport interface Patient { name: string }\n',
  '/src/main.ts': "import type { Patient } from './models';\nexport const show = (p: Patient) => p.name;\n",
  '/src/other.ts': 'export const other = 1;\n',
};

describe('CompilerProject', () => {
  it('builds the program once until a text changes, then reuses every unchanged source file', () => {
    const project = inMemory(files);
    const first = project.program();
    expect(project.program()).toBe(first);
    expect(first.getSemanticDiagnostics()).toEqual([]);
    project.setText('/src/main.ts', `${files['/src/main.ts']}export const again = 2;\n`);
    const second = project.program();
    expect(second).not.toBe(first);
    expect(second.getSourceFile('/src/main.ts')?.text).toContain('again');
    for (const name of ['/src/models.ts', '/src/other.ts']) expect(second.getSourceFile(name)).toBe(first.getSourceFile(name));
    expect(second.getSourceFiles().filter((file) => second.isSourceFileDefaultLibrary(file)).every((lib) => first.getSourceFile(lib.fileName) === lib)).toBe(true);
  });

  it('setting the same text again builds nothing', () => {
    const project = inMemory(files);
    project.setText('/src/other.ts', 'export const other = 2;\n');
    const program = project.program();
    project.setText('/src/other.ts', 'export const other = 2;\n');
    expect(project.program()).toBe(program);
  });

  it('adds a file given a text as a root, and its imports come with it', () => {
    const project = inMemory(files, ['/src/other.ts']);
    expect(project.sourceFile('/src/main.ts')).toBeUndefined();
    project.setText('/src/later.ts', "import { show } from './main';\nexport const later = show;\n");
    const names = project.ownFiles().map((file) => file.fileName).sort();
    expect(names).toEqual(['/src/later.ts', '/src/main.ts', '/src/models.ts', '/src/other.ts']);
  });

  it('serves the TypeScript libs, parsed once for every project and without their documentation comments', () => {
    const one = inMemory(files).program();
    const two = inMemory({ '/a.ts': 'export const a = [1].at(0);\n' }).program();
    const lib = one.getSourceFiles().find((file) => file.fileName.endsWith('/lib.es5.d.ts'));
    expect(lib).toBeDefined();
    expect(two.getSourceFile(lib!.fileName)).toBe(lib);
    const withDocs = lib!.statements.filter((statement) => (statement as { jsDoc?: unknown[] }).jsDoc?.length);
    expect(withDocs).toEqual([]);
    // The project's own files keep theirs: @phi is read from them (parents are set by the binder).
    one.getTypeChecker();
    const models = one.getSourceFile('/src/models.ts')!;
    expect(ts.getJSDocTags(models.statements[0]!).map((tag) => tag.tagName.text)).toEqual(['phi']);
  });

  it('parses documentation comments only in files that mention a PHI tag, and always in JavaScript', () => {
    const program = inMemory({
      '/src/plain.ts': '/** Says hello. */\nexport const hello = 1;\n',
      '/src/tagged.ts': '/** Says hello. */\nexport const hello = 1;\n/** @notPhi */\nexport const id = 2;\n',
      '/src/typed.js': "/** @type {number} */\nexport const count = 1;\n",
    }, undefined, { ...options, allowJs: true }).program();
    const docsOf = (name: string) => program.getSourceFile(name)!.statements.map((statement) => (statement as { jsDoc?: unknown[] }).jsDoc?.length ?? 0);
    expect(docsOf('/src/plain.ts')).toEqual([0]);
    expect(docsOf('/src/tagged.ts')).toEqual([1, 1]);
    expect(docsOf('/src/typed.js')).toEqual([1]);
  });

  it('finds the @types packages in node_modules that `types: ["*"]` asks for', () => {
    const project = inMemory({
      '/src/main.ts': 'export const id = (value: fhir4.Patient) => value.id;\n',
      '/node_modules/@types/fhir/index.d.ts': 'declare namespace fhir4 { interface Patient { id?: string } }\n',
      '/node_modules/@types/fhir/package.json': '{ "name": "@types/fhir", "version": "0.0.1", "types": "index.d.ts" }',
    }, ['/src/main.ts'], { ...options, types: ['*'] });
    const program = project.program();
    expect(program.getSourceFile('/node_modules/@types/fhir/index.d.ts')).toBeDefined();
    expect(program.getSemanticDiagnostics()).toEqual([]);
  });

  it('replaces a file the parser overflows on by a stub that importers still resolve', () => {
    const deep = `export const deep = ${'['.repeat(20_000)}${']'.repeat(20_000)};\n`;
    const project = inMemory({ '/src/deep.ts': deep, '/src/uses.ts': "import * as deep from './deep';\nexport const d = deep;\n" }, ['/src/uses.ts']);
    const program = project.program();
    expect(project.unparsableFiles().map((file) => [file.file, file.text === deep, file.error instanceof RangeError])).toEqual([['/src/deep.ts', true, true]]);
    expect(program.getSourceFile('/src/deep.ts')?.text).toMatch(/not analysed/);
    expect(program.getSemanticDiagnostics(program.getSourceFile('/src/uses.ts'))).toEqual([]);
  });

  it('resolves modules through its own files, not the disk, when the program keeps no resolutions (older TypeScript)', () => {
    const project = inMemory({ ...files, '/src/broken.ts': "import { nothing } from './absent';\nexport const n = nothing;\n" });
    const program = project.program() as ts.Program & { getResolvedModuleFromModuleSpecifier?: unknown };
    program.getResolvedModuleFromModuleSpecifier = undefined;
    const diskLookups = [vi.spyOn(ts.sys, 'fileExists'), vi.spyOn(ts.sys, 'directoryExists')];
    try {
      const unresolved = collectSourceDiagnostics(project).filter((diagnostic) => diagnostic.kind === 'unresolved-module');
      expect(unresolved.map((diagnostic) => [diagnostic.file, diagnostic.message])).toEqual([['/src/broken.ts', "Cannot find module './absent'"]]);
      for (const lookup of diskLookups) expect(lookup).not.toHaveBeenCalled();
    } finally {
      for (const lookup of diskLookups) lookup.mockRestore();
    }
  });

  it('asks the file system about each file and directory once per build, and again in the next build', () => {
    const texts = new Map([
      ['/src/a.ts', "import { b } from 'missing-b';\nimport { later } from './later';\nexport const a = [b, later];\n"],
      ['/src/c.ts', "import { d } from 'missing-d';\nexport const c = d;\n"],
      ['/src/e.ts', "import { f } from 'missing-f';\nexport const e = f;\n"],
    ]);
    const fileSystem = memoryFileSystem(texts);
    const asked: string[] = [];
    const counting = {
      ...fileSystem,
      fileExists: (name: string) => (asked.push(`file ${name}`), fileSystem.fileExists(name)),
      directoryExists: (name: string) => (asked.push(`directory ${name}`), fileSystem.directoryExists(name)),
    };
    const project = new CompilerProject({ ...options, types: [] }, [...texts.keys()], counting);
    const first = project.program();
    expect(asked.filter((question) => question === 'directory /src/node_modules')).toHaveLength(1);
    expect(new Set(asked).size).toBe(asked.length);
    expect(first.getSemanticDiagnostics(first.getSourceFile('/src/a.ts')).map((diagnostic) => diagnostic.code)).toContain(2307);

    // A file that appears later is found by the next build: answers are not kept across builds.
    texts.set('/src/later.ts', 'export const later = 1;\n');
    project.refresh('/src/a.ts');
    const second = project.program();
    expect(second.getSourceFile('/src/later.ts')).toBeDefined();
  });

  describe('on disk', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'phi-compiler-project-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('keeps a given text over the disk until refreshed, then reads the disk again', () => {
      const file = path.join(dir, 'a.ts');
      writeFileSync(file, 'export const a = 1;\n');
      const project = new CompilerProject({ ...options, types: [] }, [file]);
      expect(project.sourceFile(file)?.text).toBe('export const a = 1;\n');
      project.setText(file, 'export const a = 2;\n');
      writeFileSync(file, 'export const a = 3;\n');
      expect(project.sourceFile(file)?.text).toBe('export const a = 2;\n');
      const program = project.program();
      project.refresh(file);
      // What the next program will read is known without building it.
      expect(project.currentText(file)).toBeUndefined();
      expect(project.program()).not.toBe(program);
      expect(project.currentText(file)).toBe('export const a = 3;\n');
      expect(project.sourceFile(file)?.text).toBe('export const a = 3;\n');
    });
  });
});
