import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { importGraphOf, resolvedImports, type ImportGraph } from '../../src/engine/importGraph.js';
import { dependencyClosure, dependencyKey } from '../../src/eslint/dependencies.js';
import { loadProject, loadProjectInMemory } from '../../src/project/index.js';

// Whole projects are loaded and linted: far beyond the default 5 s on a busy two-core machine.
vi.setConfig({ testTimeout: 120_000 });

const fixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');
const fixtures = readdirSync(fixturesDir).filter((name) => existsSync(path.join(fixturesDir, name, 'tsconfig.json')));

describe('dependency keys', () => {
  it.each(fixtures)('%s: the program\'s recorded imports equal what the public API resolves', (name) => {
    const { project } = loadProject({ tsconfig: path.join(fixturesDir, name, 'tsconfig.json') });
    const program = project.program();
    for (const file of program.getSourceFiles()) {
      if (file.fileName.includes('/node_modules/') || program.isSourceFileDefaultLibrary(file)) continue;
      expect(resolvedImports(program, file, 'program').sort(), file.fileName).toEqual(resolvedImports(program, file, 'public').sort());
    }
  });

  const files = {
    '/models.ts': '/** @phi */ export interface Patient { name: string }',
    '/log.ts': 'export function show(text: string) { console.log(text); }',
    '/caller.ts': "import { show } from './log';\nimport type { Patient } from './models';\nexport const f = (p: Patient) => show(p.name);",
    '/other.ts': "import type { Patient } from './models';\nexport function g(p: Patient) { return p; }",
    '/island.ts': 'export const answer = 42;',
    '/globals.d.ts': 'declare const analytics: { track(e: string): void };',
  };

  it('cover the files connected to a file through imports either way, and global scripts', () => {
    const { project } = loadProjectInMemory(files);
    const program = project.program();
    const closure = (name: string): string[] => dependencyClosure(program, program.getSourceFile(name)!);
    // log.ts's parameter reaches a sink: its callers (caller.ts) and what they pass (models.ts) decide;
    // other.ts shares models.ts, whose types and classes its callers may fill.
    const connected = ['/caller.ts', '/globals.d.ts', '/log.ts', '/models.ts', '/other.ts'];
    expect(closure('/log.ts')).toEqual(connected);
    expect(closure('/other.ts')).toEqual(connected);
    expect(closure('/island.ts')).toEqual(['/globals.d.ts', '/island.ts']);
  });

  it('change with a dependency\'s content and only with it', () => {
    const before = loadProjectInMemory(files).project.program();
    const after = loadProjectInMemory({ ...files, '/caller.ts': `${files['/caller.ts']}\n// edited` }).project.program();
    const key = (program: typeof before, name: string): string => dependencyKey(program, program.getSourceFile(name)!);
    expect(key(after, '/log.ts')).not.toBe(key(before, '/log.ts'));
    expect(key(after, '/caller.ts')).not.toBe(key(before, '/caller.ts'));
    expect(key(after, '/other.ts')).not.toBe(key(before, '/other.ts'));
    expect(key(after, '/island.ts')).toBe(key(before, '/island.ts'));
    expect(key(before, '/island.ts')).not.toBe(key(before, '/log.ts'));
  });

  it('are kept up to date through edits: the import graph and the keys of each next program equal a fresh build\'s', () => {
    const { project } = loadProjectInMemory(files);
    const shape = (graph: ImportGraph): unknown => ({
      files: [...graph.files].map(([name, file]) => [name, file.text]).sort(),
      imports: [...graph.imports].map(([name, targets]) => [name, [...targets].sort()]).sort(),
      importers: [...graph.importers].map(([name, importers]) => [name, [...importers].sort()]).sort(),
      globals: [...graph.globals].sort(),
    });
    // Other compiler options: a graph built from nothing, not patched from the last one.
    const freshProgram = (texts: Record<string, string>) => loadProjectInMemory(texts, { noImplicitReturns: true }).project.program();
    const fresh = (texts: Record<string, string>): unknown => shape(importGraphOf(freshProgram(texts)));
    const keys = (program: ReturnType<typeof freshProgram>): string[] => Object.keys(files).map((name) => dependencyKey(program, program.getSourceFile(name)!));
    const expectKeysOfAFreshBuild = (): void => {
      const program = project.program();
      expect(keys(program)).toEqual(keys(freshProgram(texts)));
    };
    const texts: Record<string, string> = { ...files };
    const edit = (name: string, text: string): void => {
      texts[name] = text;
      project.setText(name, text);
    };
    const first = project.program();
    const firstGraph = importGraphOf(first);
    edit('/caller.ts', `${files['/caller.ts']}\n// an edit that keeps the imports`);
    const patched = importGraphOf(project.program());
    // Patched from the first program's graph (alive here, as the editor's previous program is): the edges are shared.
    expect(patched.imports).toBe(firstGraph.imports);
    expect(first.getSourceFile('/caller.ts')).toBeDefined();
    expect(patched.files.get('/caller.ts')?.text).toContain('keeps the imports');
    expect(shape(patched)).toEqual(fresh(texts));
    expectKeysOfAFreshBuild();
    edit('/island.ts', "import { show } from './log';\nexport const answer = 42;");
    expect(shape(importGraphOf(project.program()))).toEqual(fresh(texts));
    expect(importGraphOf(project.program()).importers.get('/log.ts')).toContain('/island.ts');
    expectKeysOfAFreshBuild();
    edit('/log.ts', 'export function show(text: string) { console.info(text); }');
    expectKeysOfAFreshBuild();
    edit('/globals.d.ts', 'declare const analytics: { track(event: string): void };');
    expectKeysOfAFreshBuild();
    edit('/island.ts', 'declare const answer: number;');
    expect(shape(importGraphOf(project.program()))).toEqual(fresh(texts));
    expect(importGraphOf(project.program()).globals).toContain('/island.ts');
    expectKeysOfAFreshBuild();
  });
});
