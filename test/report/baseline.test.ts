import { describe, expect, it } from 'vitest';
import { BaselineError, formatBaseline, matchBaseline, parseBaseline, updateBaseline, type BaselineEntry } from '../../src/report/baseline.js';

const entry = (fingerprint: string, file = 'src/a.ts', justification?: string): BaselineEntry => ({
  fingerprint,
  rule: 'phi/no-logging',
  file,
  message: `finding ${fingerprint}`,
  ...(justification !== undefined ? { justification } : {}),
});

describe('baseline files', () => {
  it('round-trips, sorted by file, rule and fingerprint', () => {
    const entries = [entry('b', 'src/b.ts'), entry('z'), entry('a', 'src/a.ts', 'accepted until Q3')];
    const text = formatBaseline(entries);
    expect(parseBaseline(text, 'b.json')).toEqual([entry('a', 'src/a.ts', 'accepted until Q3'), entry('z'), entry('b', 'src/b.ts')]);
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['version', 'findings']);
  });

  it.each([
    ['not json', 'b.json: the baseline is not valid JSON'],
    ['[]', 'b.json: /: expected an object with "version" and "findings"'],
    ['{"version": 2, "findings": []}', 'b.json: /version: expected 1 (got 2)'],
    ['{"version": 1}', 'b.json: /findings: expected an array'],
    ['{"version": 1, "findings": [], "extra": 1}', 'b.json: /extra: unknown key'],
    ['{"version": 1, "findings": [{"fingerprint": "a", "rule": "r", "file": "f"}]}', 'b.json: /findings/0/message: expected a non-empty string'],
    ['{"version": 1, "findings": [{"fingerprint": "a", "rule": "r", "file": "f", "message": "m", "why": ""}]}', 'b.json: /findings/0/why: unknown key'],
  ])('rejects %s', (text, message) => {
    expect(() => parseBaseline(text, 'b.json')).toThrow(BaselineError);
    expect(() => parseBaseline(text, 'b.json')).toThrow(message);
  });
});

describe('matchBaseline', () => {
  it('matches by fingerprint and calls entries stale only for files in view', () => {
    const match = matchBaseline([entry('a'), entry('gone'), entry('elsewhere', 'pkg/x.ts')], ['a', 'new'], (file) => file.startsWith('src/'));
    expect([...match.matched.keys()]).toEqual(['a']);
    expect(match.stale.map((e) => e.fingerprint)).toEqual(['gone']);
  });
});

describe('updateBaseline', () => {
  it('keeps justifications and entries out of view, and drops stale ones', () => {
    const previous = [entry('a', 'src/a.ts', 'why'), entry('gone'), entry('elsewhere', 'pkg/x.ts')];
    const current = [entry('a'), entry('b')];
    expect(updateBaseline(previous, current, (file) => file.startsWith('src/'))).toEqual([
      entry('a', 'src/a.ts', 'why'),
      entry('b'),
      entry('elsewhere', 'pkg/x.ts'),
    ]);
  });
});
