import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { syntaxOf } from '../../src/engine/fileSyntax.js';

const text = [
  "import save, { record as persist } from './store';",
  "export { audit as log } from './audit';",
  'let plain = 1;',
  'plain = 2;',
  'document.cookie = String(plain);',
  "window['name'] = 'x';",
  'export function handle(p: { name: string }) {',
  '  persist(new Date(p.name));',
  '  console.log(p.name, (() => save(p))());',
  '}',
  '',
].join('\n');

describe('the syntax of a file, gathered by one walk', () => {
  const sourceFile = ts.createSourceFile('/src/handle.ts', text, ts.ScriptTarget.ES2022, true);
  const syntax = syntaxOf(sourceFile);

  it('lists calls, constructions and assignments to members in source order: the nodes a sink can be', () => {
    expect(syntax.sinkCandidates.map((node) => node.getText(sourceFile))).toEqual([
      'document.cookie = String(plain)',
      'String(plain)',
      "window['name'] = 'x'",
      'persist(new Date(p.name))',
      'new Date(p.name)',
      'console.log(p.name, (() => save(p))())',
      '(() => save(p))()',
      'save(p)',
    ]);
  });

  it('buckets calls by the name they use, and records renaming imports and exports', () => {
    expect([...syntax.callsByName.keys()].sort()).toEqual(['Date', 'String', 'log', 'persist', 'save']);
    expect(syntax.callsByName.get('save')?.map((call) => call.getText(sourceFile))).toEqual(['save(p)']);
    expect(syntax.renames).toEqual([['default', 'save'], ['record', 'persist'], ['audit', 'log']]);
  });

  it('walks each source file once', () => {
    expect(syntaxOf(sourceFile)).toBe(syntax);
  });
});
