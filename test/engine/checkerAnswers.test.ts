import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { withCachedAnswers } from '../../src/engine/answerCache.js';
import { walk } from '../../src/engine/syntax.js';
import { loadProject, loadProjectInMemory } from '../../src/project/index.js';

function programOf(text: string): { program: ts.Program; file: ts.SourceFile } {
  const { project } = loadProjectInMemory({ '/a.ts': text });
  const program = project.program();
  return { program, file: program.getSourceFile('/a.ts')! };
}

function identifiersNamed(file: ts.SourceFile, name: string): ts.Identifier[] {
  const found: ts.Identifier[] = [];
  walk(file, (node) => {
    if (ts.isIdentifier(node) && node.text === name) found.push(node);
  });
  return found;
}

/** A checker that counts what it is asked, by method. */
function counting(checker: ts.TypeChecker): { checker: ts.TypeChecker; asked: Map<string, number> } {
  const asked = new Map<string, number>();
  const counted = Object.create(checker) as ts.TypeChecker;
  counted.getSymbolAtLocation = (node) => {
    asked.set('symbol', (asked.get('symbol') ?? 0) + 1);
    return checker.getSymbolAtLocation(node);
  };
  counted.getTypeAtLocation = (node) => {
    asked.set('type', (asked.get('type') ?? 0) + 1);
    return checker.getTypeAtLocation(node);
  };
  return { checker: counted, asked };
}

describe('the checker answers cache', () => {
  const { program, file } = programOf(`
const patient = { name: 'Ann' };
export function show(): string { return patient.name + unknownGlobal; }
`);

  it('asks the checker once per node and gives its answers', () => {
    const { checker, asked } = counting(program.getTypeChecker());
    const cached = withCachedAnswers(checker);
    const [declaration, reference] = identifiersNamed(file, 'patient');
    for (let round = 0; round < 3; round++) {
      expect(cached.getSymbolAtLocation(reference!)).toBe(program.getTypeChecker().getSymbolAtLocation(declaration!));
      expect(cached.typeToString(cached.getTypeAtLocation(reference!))).toBe('{ name: string; }');
    }
    expect(asked.get('symbol')).toBe(1);
    expect(asked.get('type')).toBe(1);
  });

  it('remembers that a name resolves to nothing', () => {
    const { checker, asked } = counting(program.getTypeChecker());
    const cached = withCachedAnswers(checker);
    const [unresolved] = identifiersNamed(file, 'unknownGlobal');
    expect(cached.getSymbolAtLocation(unresolved!)).toBeUndefined();
    expect(cached.getSymbolAtLocation(unresolved!)).toBeUndefined();
    expect(asked.get('symbol')).toBe(1);
  });

  it('is one cache per checker, shared by the engines of one program', () => {
    const checker = program.getTypeChecker();
    expect(withCachedAnswers(checker)).toBe(withCachedAnswers(checker));
  });
});

describe('walk', () => {
  it('visits every node in source order and skips the children of a node when told to', () => {
    const { file } = programOf(`function a() { b(c, () => d); }\nconst e = f;`);
    const names: string[] = [];
    walk(file, (node) => {
      if (ts.isIdentifier(node)) names.push(node.text);
      return !ts.isArrowFunction(node);
    });
    expect(names).toEqual(['a', 'b', 'c', 'e', 'f']);
  });
});

describe('property names answered from the receiver type', () => {
  const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');

  it.each(['node-api', 'telehealth-nest', 'fhir-gateway', 'react-web', 'react-native', 'portal-next', 'clinic-js', 'expo-app', 'contract-edges'])(
    '%s: every property name resolves to what the checker resolves it to',
    (fixture) => {
      const { project } = loadProject({ tsconfig: path.join(fixturesDir, fixture) });
      const program = project.program();
      const checker = program.getTypeChecker();
      const cached = withCachedAnswers(checker);
      let compared = 0;
      for (const file of program.getSourceFiles()) {
        if (file.isDeclarationFile || file.fileName.includes('/node_modules/')) continue;
        walk(file, (node) => {
          if (!ts.isPropertyAccessExpression(node) || !ts.isIdentifier(node.name)) return;
          const expected = checker.getSymbolAtLocation(node.name);
          const actual = cached.getSymbolAtLocation(node.name);
          expect(actual?.declarations ?? [], `${file.fileName}: ${node.getText()}`).toEqual(expected?.declarations ?? []);
          compared++;
        });
      }
      expect(compared).toBeGreaterThan(20);
    },
  );

  it('does not ask the checker to check the access itself', () => {
    const { program, file } = programOf(`
const logger = { info(message: string): void {} };
export function f(): void { logger.info('x'); }
`);
    const { checker, asked } = counting(program.getTypeChecker());
    const [, info] = identifiersNamed(file, 'info');
    const cached = withCachedAnswers(checker);
    expect(cached.getSymbolAtLocation(info!)?.declarations?.[0]?.getText()).toBe('info(message: string): void {}');
    expect(asked.get('symbol')).toBeUndefined();
  });
});
