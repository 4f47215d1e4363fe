import { analyze, type AnalysisResult } from '../../src/analyze.js';
import { defaultConfig, type PhiConfig } from '../../src/config/types.js';
import { loadProjectInMemory } from '../../src/project/index.js';
import { compareLabels } from './labels.js';

const expectPattern = /\/\/\s*expect:\s*([^\n]*)$/;

/** Analyses in-memory sources (file name → text) the way a real project is analysed. */
export function analyzeSources(files: Record<string, string>, config: Partial<PhiConfig> = {}): AnalysisResult {
  const { project } = loadProjectInMemory(files, { lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'] });
  return analyze({ project, config: { ...defaultConfig, ...config }, rootDir: '/', configDir: '/' });
}

/** Missing and extra findings against the `// expect:` labels written in the sources. */
export function labelDiff(files: Record<string, string>, config: Partial<PhiConfig> = {}): { missing: string[]; extra: string[] } {
  const result = analyzeSources(files, config);
  const expected: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    text.split('\n').forEach((line, index) => {
      const match = expectPattern.exec(line);
      if (!match?.[1]) return;
      for (const rule of match[1].split(',').map((r) => r.trim()).filter(Boolean)) {
        expected.push(`${name.replace(/^\//, '')}:${index + 1} ${rule}`);
      }
    });
  }
  const actual = result.findings.map((f) => `${f.sink.location.file.replace(/^\//, '')}:${f.sink.location.line} ${f.ruleId}`);
  return compareLabels(expected.sort(), actual.sort());
}
