import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TSESLint } from '@typescript-eslint/utils';
import type { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import phi from '../../src/index.js';
import { docsBaseUrl } from '../../src/eslint/createRule.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ruleNames = Object.keys(phi.rules) as (keyof typeof phi.rules)[];

/** The `description:` of a doc's front matter. */
function frontMatterDescription(doc: string): string | undefined {
  const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(doc)?.[1];
  const line = frontMatter?.split('\n').find((l) => l.startsWith('description:'));
  return line?.replace(/^description:\s*/, '').replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
}

describe('rules, docs and configs agree', () => {
  it('has one file per rule under rules/, named as the rule', async () => {
    const files = readdirSync(path.join(repoRoot, 'rules')).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.replace(/\.ts$/, ''));
    expect(files.sort()).toEqual([...ruleNames].sort());
    for (const name of ruleNames) {
      const module = (await import(/* @vite-ignore */ path.join(repoRoot, 'rules', `${name}.ts`))) as { default: { name: string } };
      expect(module.default).toBe(phi.rules[name]);
      expect(module.default.name).toBe(name);
    }
  });

  it.each(ruleNames)('%s has its doc, whose description is meta.docs.description', (name) => {
    const file = path.join(repoRoot, 'docs', 'rules', `${name}.md`);
    expect(existsSync(file)).toBe(true);
    const doc = readFileSync(file, 'utf8');
    const { docs } = phi.rules[name].meta;
    expect(frontMatterDescription(doc)).toBe(docs?.description);
    expect(doc).toContain(`# \`phi/${name}\``);
    expect(docs?.url).toBe(`${docsBaseUrl}${name}.md`);
    for (const heading of ['## Examples', '### ❌ Incorrect', '### ✅ Correct', '## How PHI is marked', '## Options', '## Suppressing a report', '## When Not To Use It']) {
      expect(doc).toContain(heading);
    }
    expect(doc).toContain(`eslint-disable-next-line phi/${name} -- `);
  });

  it.each(ruleNames)('%s documents and describes every option', (name) => {
    const doc = readFileSync(path.join(repoRoot, 'docs', 'rules', `${name}.md`), 'utf8');
    const schema = phi.rules[name].meta.schema as unknown as { properties: Record<string, { description?: string; items?: { description?: string } }> }[];
    expect(schema).toHaveLength(1);
    for (const [option, property] of Object.entries(schema[0]?.properties ?? {})) {
      expect(property.description, option).toBeTruthy();
      if (property.items) expect(property.items.description, `${option} items`).toBeTruthy();
      expect(doc).toContain(`### \`${option}\``);
    }
  });

  it('has no doc without a rule', () => {
    const docs = readdirSync(path.join(repoRoot, 'docs', 'rules')).map((f) => f.replace(/\.md$/, ''));
    expect(docs.sort()).toEqual([...ruleNames].sort());
  });

  it('generates the configs from meta.docs.recommended', () => {
    const recommended: Record<string, unknown> = {};
    const strict: Record<string, unknown> = {};
    for (const name of ruleNames) {
      const recommendation = phi.rules[name].meta.docs?.recommended;
      if (recommendation === 'recommended') {
        recommended[`phi/${name}`] = 'error';
        strict[`phi/${name}`] = 'error';
      } else if (typeof recommendation === 'object') {
        if (recommendation.recommended) recommended[`phi/${name}`] = 'error';
        strict[`phi/${name}`] = ['error', ...recommendation.strict];
      } else if (recommendation === 'strict') {
        strict[`phi/${name}`] = 'error';
      }
    }
    expect(phi.configs.recommended).toEqual({ name: 'phi/recommended', plugins: { phi }, rules: recommended });
    expect(phi.configs.strict).toEqual({ name: 'phi/strict', plugins: { phi }, rules: strict, settings: { phi: { heuristics: 'hipaa' } } });
    // The four rules are errors in both; strict tightens hosts and analytics consent.
    expect(Object.keys(phi.configs.recommended.rules)).toHaveLength(4);
    expect(phi.configs.strict.rules['phi/no-unconsented-sharing']).toEqual(['error', { unknownHosts: 'untrusted' }]);
  });

  it('fits eslint.config.ts files typed by ESLint or by typescript-eslint', () => {
    const forEslint: Linter.Config[] = [phi.configs.recommended, phi.configs.strict];
    const forTypescriptEslint: TSESLint.FlatConfig.ConfigArray = [phi.configs.recommended, phi.configs.strict];
    expect(forEslint).toHaveLength(forTypescriptEslint.length);
  });

  it('names the plugin and its version', () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
    expect(phi.meta).toEqual({ name: manifest.name, version: manifest.version });
  });

  it('lists every rule in the README', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## ESLint'));
    expect(section.length).toBeLessThan(readme.length);
    for (const name of ruleNames) expect(section).toContain(`[\`phi/${name}\`](docs/rules/${name}.md)`);
  });
});
