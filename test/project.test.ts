import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Project, ts } from 'ts-morph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loadProject,
  loadProjectInMemory,
  ProjectLoadError,
  type LoadedProject,
} from '../src/project/createProject.js';
import { findTypescriptVersion, majorOfRange } from '../src/project/typescriptVersion.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixture = (name: string): string => path.join(repoRoot, 'fixtures', name);
const SLOW = 60_000;

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'phi-project-test-'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** Writes `files` under a fresh directory in the scratch area and returns it. */
function writeTree(name: string, files: Record<string, string>): string {
  const root = path.join(scratch, name);
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(root, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return root;
}

/** The type of `process.env` in src/admissions.ts, as the checker sees it. */
function admissions(program: ts.Program): ts.SourceFile {
  const file = program.getSourceFiles().find((sourceFile) => sourceFile.fileName.endsWith('/admissions.ts'));
  if (!file) throw new Error('admissions.ts not found in the fixture');
  return file;
}

function processEnvType(program: ts.Program): ts.Type {
  const file = admissions(program);
  let env: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (!env && ts.isPropertyAccessExpression(node) && node.getText(file) === 'process.env') env = node;
    else ts.forEachChild(node, visit);
  };
  visit(file);
  if (!env) throw new Error('process.env not found in the fixture');
  return program.getTypeChecker().getTypeAtLocation(env);
}

function importedFile(program: ts.Program): string | undefined {
  const file = admissions(program);
  const declaration = file.statements.find((statement): statement is ts.ImportDeclaration =>
    ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && statement.moduleSpecifier.text === '@app/models/patient');
  if (!declaration) throw new Error('the import of @app/models/patient is missing');
  const symbol = program.getTypeChecker().getSymbolAtLocation(declaration.moduleSpecifier);
  return symbol?.valueDeclaration?.getSourceFile().fileName;
}

describe('a project written for TypeScript 5', () => {
  let loaded: LoadedProject;
  beforeAll(() => {
    loaded = loadProject({ tsconfig: path.join(fixture('ts5-legacy'), 'tsconfig.json') });
  }, SLOW);

  it('is loaded with TypeScript 5 defaults', () => {
    expect(loaded.legacyDefaults).toBe(true);
    expect(loaded.tsconfigPath).toBe(path.join(fixture('ts5-legacy'), 'tsconfig.json'));
    expect(loaded.typescriptVersion).toMatchObject({ major: 5, source: 'declared', version: '^5.4.0' });
    const options = loaded.project.options;
    expect(options.types).toContain('node');
    expect(options.strict).toBe(false);
    expect(options.target).toBe(ts.ScriptTarget.ES5);
    expect(options.module).toBe(ts.ModuleKind.CommonJS);
    expect(options.moduleResolution).toBe(ts.ModuleResolutionKind.Node10);
    expect(options.rootDir).toBe(path.join(fixture('ts5-legacy'), 'src'));
  });

  it('finds @types/node in an enclosing node_modules: process.env has its type', () => {
    const type = processEnvType(loaded.project.program());
    expect(type.flags & ts.TypeFlags.Any).toBe(0);
    expect(loaded.project.program().getTypeChecker().typeToString(type)).toBe('ProcessEnv');
  });

  it('resolves baseUrl paths', () => {
    expect(importedFile(loaded.project.program())).toBe(path.join(fixture('ts5-legacy'), 'src', 'models', 'patient.ts'));
  });

  it('would not mean the same under plain TypeScript 6 defaults (the control)', () => {
    const plain = new Project({ tsConfigFilePath: path.join(fixture('ts5-legacy'), 'tsconfig.json') });
    const codes = plain.getProgram().compilerObject.getOptionsDiagnostics().map((d) => d.code);
    expect(codes).toContain(5101); // baseUrl is deprecated
    expect(processEnvType(plain.getProgram().compilerObject).flags & ts.TypeFlags.Any).not.toBe(0); // no @types/node: error type
  }, SLOW);

  it('surfaces no deprecation or other diagnostics', () => {
    expect(loaded.diagnostics).toEqual([]);
    const program = loaded.project.program();
    expect(program.getOptionsDiagnostics()).toEqual([]);
  });
});

describe('a project configured for TypeScript 6', () => {
  let loaded: LoadedProject;
  beforeAll(() => {
    loaded = loadProject({ tsconfig: path.join(fixture('ts5-modern'), 'tsconfig.json') });
  }, SLOW);

  it('is loaded as is', () => {
    expect(loaded.legacyDefaults).toBe(false);
    expect(loaded.appliedDefaults).toEqual([]);
    expect(loaded.typescriptVersion?.major).toBe(6);
    expect(loaded.project.options.types).toEqual(['node']);
    expect(loaded.diagnostics).toEqual([]);
  });

  it('means the same as the legacy twin', () => {
    expect(importedFile(loaded.project.program())).toBe(path.join(fixture('ts5-modern'), 'src', 'models', 'patient.ts'));
    const type = processEnvType(loaded.project.program());
    expect(loaded.project.program().getTypeChecker().typeToString(type)).toBe('ProcessEnv');
  });
});

describe('the TypeScript version finder', () => {
  it('takes the major of the lowest version a range admits', () => {
    expect(majorOfRange('^5.4.0')).toBe(5);
    expect(majorOfRange('~4.9.5')).toBe(4);
    expect(majorOfRange('>=6.0.0')).toBe(6);
    expect(majorOfRange('6.0.3')).toBe(6);
    expect(majorOfRange('5.x')).toBe(5);
    expect(majorOfRange('4.9 - 5.2')).toBe(4);
    expect(majorOfRange('^4.9 || ^5.0')).toBe(4);
    expect(majorOfRange('<=5.9 >=4.2')).toBe(4);
    expect(majorOfRange('npm:typescript@5.3.3')).toBe(5);
    expect(majorOfRange('workspace:^5.1.0')).toBe(5);
    expect(majorOfRange('latest')).toBeUndefined();
    expect(majorOfRange('*')).toBeUndefined();
  });

  it('prefers the nearest evidence, an installed copy over a declared range', () => {
    const root = writeTree('versions', {
      'package.json': JSON.stringify({ devDependencies: { typescript: '^5.4.0' } }),
      'node_modules/typescript/package.json': JSON.stringify({ name: 'typescript', version: '6.0.3' }),
      'packages/app/package.json': JSON.stringify({ name: 'app' }),
      'packages/old/package.json': JSON.stringify({ dependencies: { typescript: '~4.9.5' } }),
    });
    expect(findTypescriptVersion(root)).toMatchObject({ major: 6, source: 'installed', version: '6.0.3' });
    expect(findTypescriptVersion(path.join(root, 'packages', 'app'))?.major).toBe(6);
    expect(findTypescriptVersion(path.join(root, 'packages', 'old'))).toMatchObject({ major: 4, source: 'declared' });
  });

  it('finds nothing when nothing declares TypeScript', () => {
    const root = writeTree('no-typescript', { 'package.json': JSON.stringify({ name: 'plain' }) });
    expect(findTypescriptVersion(root)).toBeUndefined();
  });
});

describe('problems while loading', () => {
  it('throws a ProjectLoadError naming a tsconfig that is not JSON', () => {
    const root = writeTree('bad-tsconfig', {
      'tsconfig.json': '{ "compilerOptions": { "strict" true } }',
      'src/a.ts': 'export const a = 1;',
    });
    const file = path.join(root, 'tsconfig.json');
    let error: unknown;
    try {
      loadProject({ tsconfig: file });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ProjectLoadError);
    const loadError = error as ProjectLoadError;
    expect(loadError.file).toBe(file);
    expect(loadError.message).toContain(file);
    expect(loadError.message).toMatch(/Invalid JSON/);
    expect(loadError.diagnostics[0]?.kind).toBe('project-error');
  });

  it('throws a ProjectLoadError for a missing tsconfig', () => {
    const file = path.join(scratch, 'nowhere', 'tsconfig.json');
    expect(() => loadProject({ tsconfig: file })).toThrow(ProjectLoadError);
    expect(() => loadProject({ tsconfig: file })).toThrow(file);
  });

  it('reports other tsconfig problems as diagnostics and loads anyway', () => {
    const root = writeTree('odd-tsconfig', {
      'package.json': JSON.stringify({ devDependencies: { typescript: '6.0.3' } }),
      'tsconfig.json': '{ "extends": "./missing-base.json", "compilerOptions": { "notAnOption": true } }',
      'src/a.ts': 'export const a = 1;',
    });
    const loaded = loadProject({ tsconfig: root });
    const messages = loaded.diagnostics.filter((d) => d.kind === 'project-error').map((d) => d.message);
    expect(messages.some((m) => m.includes('notAnOption'))).toBe(true);
    expect(messages.some((m) => m.includes('missing-base.json'))).toBe(true);
    expect(loaded.project.sourceFile(path.join(root, 'src', 'a.ts'))).toBeDefined();
  }, SLOW);

  it('reports a source file that does not parse, with its line', () => {
    const root = writeTree('parse-error', {
      'tsconfig.json': JSON.stringify({ include: ['src'] }),
      'src/good.ts': 'export const good = 1;\n',
      'src/broken.ts': 'export const fine = 1;\nexport function broken( {\n',
    });
    const loaded = loadProject({ tsconfig: path.join(root, 'tsconfig.json') });
    const parseErrors = loaded.diagnostics.filter((d) => d.kind === 'parse-error');
    expect(parseErrors.length).toBeGreaterThan(0);
    expect(parseErrors.every((d) => d.file === path.join(root, 'src', 'broken.ts'))).toBe(true);
    expect(parseErrors[0]?.location?.line).toBeGreaterThanOrEqual(2);
  }, SLOW);

  it('reports imports that resolve to nothing, with the module name and place', () => {
    const root = writeTree('unresolved', {
      'tsconfig.json': JSON.stringify({ include: ['src'] }),
      'src/main.ts': [
        "import { helper } from './helper';",
        "import { gone } from './missing';",
        "import leftPad from 'no-such-package';",
        "import styles from './main.css';",
        'export const all = [helper, gone, leftPad, styles];',
        '',
      ].join('\n'),
      'src/helper.ts': 'export const helper = 1;\n',
      'src/ambient.d.ts': "declare module '*.css' { const classes: Record<string, string>; export default classes; }\n",
    });
    const loaded = loadProject({ tsconfig: path.join(root, 'tsconfig.json') });
    const unresolved = loaded.diagnostics.filter((d) => d.kind === 'unresolved-module');
    expect(unresolved.map((d) => d.message)).toEqual([
      "Cannot find module './missing'",
      "Cannot find module 'no-such-package'",
    ]);
    expect(unresolved[0]?.location).toMatchObject({ file: path.join(root, 'src', 'main.ts'), line: 2, column: 22 });
    expect(unresolved[1]?.location?.line).toBe(3);
  }, SLOW);
});

describe('a directory without a tsconfig', () => {
  it('becomes an inferred project of its JavaScript and TypeScript files', () => {
    const root = writeTree('inferred', {
      'index.js': "const { greet } = require('./lib/greet');\ngreet('x');\n",
      'lib/greet.js': 'exports.greet = function (name) { return "hi " + name; };\n',
      'lib/esm.mjs': 'export const answer = 42;\n',
      'lib/view.jsx': 'export const View = () => <div />;\n',
      'node_modules/dep/index.js': 'module.exports = 1;\n',
      'dist/bundle.js': 'var built = 1;\n',
      'coverage/lcov.js': 'var c = 1;\n',
      'notes.md': '# not code\n',
    });
    const loaded = loadProject({ directory: root });
    expect(loaded.legacyDefaults).toBe(true);
    expect(loaded.tsconfigPath).toBeUndefined();
    const files = loaded.project.ownFiles().map((f) => path.relative(root, f.fileName));
    expect(files.sort()).toEqual(['index.js', 'lib/esm.mjs', 'lib/greet.js', 'lib/view.jsx']);
    const options = loaded.project.options;
    expect(options.allowJs).toBe(true);
    expect(options.checkJs).toBe(false);
    expect(options.jsx).toBe(ts.JsxEmit.Preserve);
    expect(loaded.diagnostics).toEqual([]);
  }, SLOW);

  it('loads only the files asked for, with what they import', () => {
    const root = writeTree('explicit-files', {
      'a.ts': "import { b } from './b';\nexport const a = b;\n",
      'b.ts': 'export const b = 1;\n',
      'c.ts': 'export const c = 1;\n',
    });
    const loaded = loadProject({ directory: root, files: ['a.ts'] });
    const files = loaded.project.ownFiles().map((f) => path.basename(f.fileName));
    expect(files.sort()).toEqual(['a.ts', 'b.ts']);
  }, SLOW);
});

describe('an in-memory project', () => {
  it('resolves imports between its files and knows the lib', () => {
    const loaded = loadProjectInMemory({
      'src/patient.ts': '/** @phi */\nexport interface Patient { name: string }\n',
      'src/main.ts': [
        "import type { Patient } from './patient';",
        'export function show(p: Patient): void { console.log(p.name.toUpperCase()); }',
        "import { nothing } from './absent';",
        'export const n = nothing;',
        '',
      ].join('\n'),
      'src/broken.ts': 'const = ;\n',
    });
    const program = loaded.project.program();
    const checker = program.getTypeChecker();
    const main = program.getSourceFile('/src/main.ts')!;
    const [declaration, show] = main.statements;
    if (!declaration || !ts.isImportDeclaration(declaration) || !show || !ts.isFunctionDeclaration(show)) throw new Error('unexpected main.ts');
    expect(checker.getSymbolAtLocation(declaration.moduleSpecifier)?.valueDeclaration?.getSourceFile().fileName).toBe('/src/patient.ts');
    const call = (show.body!.statements[0] as ts.ExpressionStatement).expression;
    expect(checker.typeToString(checker.getTypeAtLocation(call))).toBe('void');
    expect([...new Set(loaded.diagnostics.map((d) => d.kind))].sort()).toEqual(['parse-error', 'unresolved-module']);
    expect(loaded.diagnostics.find((d) => d.kind === 'unresolved-module')?.location).toMatchObject({
      file: '/src/main.ts',
      line: 3,
    });
  });
});
