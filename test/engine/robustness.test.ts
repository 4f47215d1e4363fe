import { describe, expect, it } from 'vitest';
import { analyzeSources } from '../support/inMemory.js';

const model = `/** @phi */ export interface Patient { name: string }\n`;

describe('engine robustness', () => {
  it('analyses a 3,000-term concatenation and deeply parenthesised code without overflowing the stack', () => {
    const chain = Array.from({ length: 3000 }, (_, i) => (i === 1500 ? 'p.name' : `'s${i}'`)).join(' + ');
    const nested = `${'('.repeat(400)}p.name${')'.repeat(400)}`;
    const result = analyzeSources({
      '/models.ts': model,
      '/a.ts': `import type { Patient } from './models';
export function f(p: Patient) {
  console.log(${chain});
  console.log(${nested});
}`,
    }, { analyzeGeneratedFiles: true });
    expect(result.findings.map((f) => f.sink.location.line)).toEqual([3, 4]);
    expect(result.diagnostics).toEqual([]);
  });

  it('reports a file whose analysis runs out of budget instead of dropping it', async () => {
    const { loadProjectInMemory } = await import('../../src/project/index.js');
    const { PhiEngine } = await import('../../src/engine/engine.js');
    const { loadBuiltInCatalog } = await import('../../src/catalog/index.js');
    const { loadFlowSummaries } = await import('../../src/catalog/summaries.js');
    const { defaultConfig } = await import('../../src/config/types.js');
    const lines = Array.from({ length: 50 }, (_, i) => `  const v${i} = ${i === 0 ? 'p.name' : `v${i - 1} + 'x'`};\n  console.log(v${i});`).join('\n');
    const { project } = loadProjectInMemory({ '/models.ts': model, '/a.ts': `import type { Patient } from './models';\nexport function f(p: Patient) {\n${lines}\n}` });
    const program = project.program();
    const engine = new PhiEngine({
      program, config: defaultConfig, configDir: '/', rootDir: '/', sinks: loadBuiltInCatalog(), summaries: loadFlowSummaries(), budgetPerFile: 40,
    });
    const result = engine.analyzeFile(program.getSourceFile('/a.ts')!);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.findings.length).toBeLessThan(50);
    expect(result.diagnostics).toEqual([expect.objectContaining({ kind: 'budget-exceeded', file: '/a.ts' })]);
  });
});

describe('file selection', () => {
  it('skips ignored files and reports generated ones instead of analysing them', () => {
    const minified = `export function f(p){${'var a=1;'.repeat(3000)}console.log(p)}`;
    const files = {
      '/models.ts': model,
      '/src/a.ts': `import type { Patient } from '../models';\nexport function f(p: Patient) { console.log(p); }`,
      '/src/generated/b.ts': `import type { Patient } from '../../models';\nexport function g(p: Patient) { console.log(p); }`,
      '/vendor/bundle.js': minified,
      '/vendor/lib.min.js': 'export function h(p) { console.log(p); }',
    };
    const result = analyzeSources(files, { ignore: ['src/generated/**'] });
    expect(result.findings.map((f) => f.sink.location.file)).toEqual(['/src/a.ts']);
    expect(result.diagnostics.map((d) => [d.kind, d.file])).toEqual([
      ['generated-file-skipped', '/vendor/bundle.js'],
      ['generated-file-skipped', '/vendor/lib.min.js'],
    ]);
    const forced = analyzeSources(files, { ignore: ['src/generated/**'], analyzeGeneratedFiles: true });
    expect(forced.diagnostics).toEqual([]);
    expect(forced.files).toContain('/vendor/bundle.js');
  });
});

describe('budget per sink', () => {
  it('stops one exploding sink with a diagnostic naming its function and goes on with the file', async () => {
    const { loadProjectInMemory } = await import('../../src/project/index.js');
    const { PhiEngine } = await import('../../src/engine/engine.js');
    const { loadBuiltInCatalog } = await import('../../src/catalog/index.js');
    const { loadFlowSummaries } = await import('../../src/catalog/summaries.js');
    const { defaultConfig } = await import('../../src/config/types.js');
    const chain = Array.from({ length: 60 }, (_, i) => `  const v${i + 1} = v${i} + '.';`).join('\n');
    const { project } = loadProjectInMemory({
      '/models.ts': model,
      '/a.ts': `import type { Patient } from './models';
export function heavy(p: Patient) {
  const v0 = p.name;
${chain}
  console.log(v60);
}
export function light(p: Patient) {
  console.log(p.name);
}`,
    });
    const program = project.program();
    const engine = new PhiEngine({
      program, config: defaultConfig, configDir: '/', rootDir: '/', sinks: loadBuiltInCatalog(), summaries: loadFlowSummaries(), budgetPerSink: 30,
    });
    const result = engine.analyzeFile(program.getSourceFile('/a.ts')!);
    expect(result.findings.map((f) => f.enclosingFunction)).toEqual(['light']);
    expect(result.diagnostics).toEqual([expect.objectContaining({ kind: 'budget-exceeded', message: expect.stringContaining('in heavy') })]);
  });
});
