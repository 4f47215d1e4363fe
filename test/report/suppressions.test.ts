import { describe, expect, it } from 'vitest';
import { findSuppression, parseDirectives } from '../../src/report/suppressions.js';

const at = (line: number, column = 1) => ({ line, column });

describe('parseDirectives', () => {
  it('reads ESLint disable comments with their rules and reasons', () => {
    const text = [
      '// eslint-disable-next-line phi/no-logging -- audit log is encrypted', // 1
      'log(a);',
      '/* eslint-disable-next-line phi/no-logging, phi/no-analytics */', // 3
      'log(b);',
      'log(c); // eslint-disable-line', // 5
      '/* eslint-disable phi/no-analytics -- vendor has a BAA */', // 6
      'track(d);',
      '/* eslint-enable phi/no-analytics */', // 8
      '// eslint-disable phi/no-logging', // 9: line comments cannot disable a block
      'const s = "// eslint-disable-next-line phi/no-logging";', // 10: a string is no comment
      '/* eslint-disable-next-line phi/no-logging',
      '   spanning lines */', // 11-12: ignored, as ESLint does
    ].join('\n');
    expect(parseDirectives('a.ts', text)).toEqual([
      { type: 'disable-next-line', rules: ['phi/no-logging'], justification: 'audit log is encrypted', line: 1, column: 1 },
      { type: 'disable-next-line', rules: ['phi/no-logging', 'phi/no-analytics'], line: 3, column: 1 },
      { type: 'disable-line', line: 5, column: 9 },
      { type: 'disable', rules: ['phi/no-analytics'], justification: 'vendor has a BAA', line: 6, column: 1 },
      { type: 'enable', rules: ['phi/no-analytics'], line: 8, column: 1 },
    ]);
  });

  it('finds comments in JSX and ignores JSX text and templates', () => {
    const text = [
      'export const A = () => (',
      '  <div>',
      '    // eslint-disable-next-line phi/no-logging',
      '    {/* eslint-disable-next-line phi/no-analytics -- consented */}',
      '    <button onClick={() => track(p.name)} />',
      '    {`// eslint-disable-line`}',
      '  </div>',
      ');',
    ].join('\n');
    expect(parseDirectives('a.tsx', text)).toEqual([
      { type: 'disable-next-line', rules: ['phi/no-analytics'], justification: 'consented', line: 4, column: 6 },
    ]);
  });
});

describe('findSuppression', () => {
  const text = [
    '// eslint-disable-next-line phi/no-logging -- reason', // 1
    'log(a);', // 2
    '// eslint-disable-next-line no-console', // 3
    'log(b);', // 4
    '// eslint-disable-next-line', // 5
    'log(c);', // 6
    '/* eslint-disable phi/no-analytics */', // 7
    'track(d); log(e);', // 8
    '/* eslint-enable */', // 9
    'track(f);', // 10
    'track(g); // eslint-disable-line phi/no-analytics', // 11
    '/* eslint-disable */', // 12
    'log(h);', // 13
    '/* eslint-enable phi/no-logging */', // 14
    'log(i); track(j);', // 15
  ].join('\n');
  const directives = parseDirectives('a.ts', text);
  const suppressed = (rule: string, line: number, column = 1): boolean => findSuppression(directives, rule, at(line, column)) !== undefined;

  it('applies next-line and same-line comments to the named rules, or all without a list', () => {
    expect(findSuppression(directives, 'phi/no-logging', at(2))?.justification).toBe('reason');
    expect(suppressed('phi/no-analytics', 2)).toBe(false);
    expect(suppressed('phi/no-logging', 4)).toBe(false);
    expect(suppressed('phi/no-logging', 6)).toBe(true);
    expect(suppressed('phi/no-analytics', 11)).toBe(true);
  });

  it('applies block comments up to the matching enable', () => {
    expect(suppressed('phi/no-analytics', 8)).toBe(true);
    expect(suppressed('phi/no-logging', 8, 12)).toBe(false);
    expect(suppressed('phi/no-analytics', 10)).toBe(false);
    expect(suppressed('phi/no-logging', 13)).toBe(true);
    expect(suppressed('phi/no-logging', 15)).toBe(false);
    expect(suppressed('phi/no-analytics', 15, 9)).toBe(true);
  });
});
