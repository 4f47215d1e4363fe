import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { actualLabels, compareLabels, expectedLabels } from './support/labels.js';

const fixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

/** Every fixture project: a folder with tsconfig.json and phi.config.json whose sources carry labels. */
const projects = readdirSync(fixturesDir).filter((name) =>
  existsSync(path.join(fixturesDir, name, 'tsconfig.json')) && existsSync(path.join(fixturesDir, name, 'phi.config.json')));

describe.each(projects)('fixture %s', (name) => {
  it('reports exactly the lines labelled `// expect:`', () => {
    const root = path.join(fixturesDir, name);
    const result = analyze({ tsconfig: path.join(root, 'tsconfig.json') });
    const expected = expectedLabels(result.files, root);
    const actual = actualLabels(result.findings, root);
    expect(expected.length).toBeGreaterThan(0);
    expect(compareLabels(expected, actual)).toEqual({ missing: [], extra: [] });
    expect(result.diagnostics.filter((d) => d.kind !== 'unresolved-module')).toEqual([]);
  });
});

describe('fixtures written for TypeScript 5', () => {
  it('give the same findings as their modern twin', () => {
    const labelsOf = (name: string): string[] => {
      const root = path.join(fixturesDir, name);
      const result = analyze({ tsconfig: path.join(root, 'tsconfig.json') });
      return result.findings.map((f) => `${path.relative(root, f.sink.location.file)}:${f.sink.location.line} ${f.ruleId} ${f.message}`);
    };
    expect(labelsOf('ts5-legacy')).toEqual(labelsOf('ts5-modern'));
  });
});
