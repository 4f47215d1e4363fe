import path from 'node:path';
import type { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { loadBuiltInCatalog } from '../../src/catalog/index.js';
import { loadFlowSummaries } from '../../src/catalog/summaries.js';
import { loadConfig } from '../../src/config/load.js';
import { defaultConfig, type PhiConfig } from '../../src/config/types.js';
import { PhiEngine } from '../../src/engine/engine.js';
import { loadProject, loadProjectInMemory, type CompilerProject } from '../../src/project/index.js';

/**
 * An engine built on the next program of an edited project keeps the previous engine's answers
 * that the edit cannot have changed. Whatever it keeps, its findings must equal those of an engine
 * built from scratch on the same program.
 */

function engineFor(program: ts.Program, config: PhiConfig, rootDir: string, previous?: PhiEngine): PhiEngine {
  return new PhiEngine({
    program,
    config,
    configDir: rootDir,
    rootDir,
    sinks: [...loadBuiltInCatalog(), ...config.sinks],
    summaries: loadFlowSummaries(),
    ...(previous ? { previous } : {}),
  });
}

function findingsOf(engine: PhiEngine, program: ts.Program): string[] {
  const found: string[] = [];
  for (const sourceFile of program.getSourceFiles()) {
    if (sourceFile.isDeclarationFile || sourceFile.fileName.includes('/node_modules/')) continue;
    for (const finding of engine.analyzeFile(sourceFile).findings) {
      found.push(`${finding.sink.location.file}:${finding.sink.location.line} ${finding.ruleId} ${finding.source.name} [${finding.trace.map((step) => `${step.location.line}`).join(' ')}]`);
    }
  }
  return found.sort();
}

/** A session of edits: each step's carried-over findings are compared with a fresh engine's. */
class EditSession {
  engine: PhiEngine;

  constructor(readonly project: CompilerProject, readonly config: PhiConfig, readonly rootDir: string) {
    const program = project.program();
    this.engine = engineFor(program, config, rootDir);
    findingsOf(this.engine, program);
  }

  /** Applies the edit, moves the engine to the new program, and returns its findings (checked against a fresh engine's). */
  edit(file: string, change: (text: string) => string): string[] {
    this.project.setText(file, change(this.project.sourceFile(file)?.text ?? ''));
    const program = this.project.program();
    this.engine = engineFor(program, this.config, this.rootDir, this.engine);
    const carried = findingsOf(this.engine, program);
    expect(carried, `after editing ${file}`).toEqual(findingsOf(engineFor(program, this.config, this.rootDir), program));
    return carried;
  }
}

function inMemorySession(files: Record<string, string>): EditSession {
  const { project } = loadProjectInMemory(files, { lib: ['lib.es2022.d.ts'] });
  return new EditSession(project, { ...defaultConfig }, '/');
}

const models = `/** @phi */\nexport interface Patient { name: string; ssn: string }\nexport interface Clinic { name: string }\n`;
const audit = `export function audit(value: unknown) {\n  console.log(value);\n}\n`;
const callers = `import type { Patient, Clinic } from './models';\nimport { audit } from './audit';\nexport function visit(p: Patient, c: Clinic) {\n  audit(c.name);\n}\n`;

describe('carrying answers over to the next program', () => {
  it('a caller edited to pass PHI makes the unchanged callee\'s sink report it', () => {
    const session = inMemorySession({ '/models.ts': models, '/audit.ts': audit, '/callers.ts': callers });
    expect(session.edit('/callers.ts', (text) => text.replace('audit(c.name)', 'audit(p.ssn)'))).toEqual([
      expect.stringMatching(/^\/audit\.ts:2 phi\/no-logging Patient\.ssn/),
    ]);
    expect(session.edit('/callers.ts', (text) => text.replace('audit(p.ssn)', 'audit(c.name)'))).toEqual([]);
  });

  it('a new file that calls with PHI is found through the callers of an unchanged function', () => {
    const session = inMemorySession({ '/models.ts': models, '/audit.ts': audit, '/callers.ts': callers });
    const added = `import type { Patient } from './models';\nimport { audit as record } from './audit';\nexport const later = (p: Patient) => record(p.name);\n`;
    expect(session.edit('/later.ts', () => added)).toEqual([expect.stringMatching(/^\/audit\.ts:2 phi\/no-logging Patient\.name/)]);
  });

  it('a model edited to drop @phi clears the findings of the files that use it, and adding it back restores them', () => {
    const direct = `import type { Patient } from './models';\nexport function show(p: Patient) {\n  console.log(p.name);\n}\n`;
    const session = inMemorySession({ '/models.ts': models, '/audit.ts': audit, '/show.ts': direct });
    expect(session.edit('/models.ts', (text) => text.replace('/** @phi */\n', ''))).toEqual([]);
    expect(session.edit('/models.ts', (text) => `/** @phi */\n${text}`)).toHaveLength(1);
  });

  it('an edit elsewhere keeps the answers about files it cannot affect', () => {
    const direct = `import type { Patient } from './models';\nexport function show(p: Patient) {\n  console.log(p.name);\n}\n`;
    const session = inMemorySession({ '/models.ts': models, '/audit.ts': audit, '/show.ts': direct, '/callers.ts': callers });
    session.edit('/callers.ts', (text) => `${text}\nexport const edited = 1;\n`);
    expect(session.engine.carried?.answersKept).toBeGreaterThan(0);
    expect(session.engine.carried?.changedFiles).toBe(1);
  });

  it('a changed global script or compiler options keep nothing', () => {
    const session = inMemorySession({ '/models.ts': models, '/audit.ts': audit, '/callers.ts': callers, '/globals.ts': 'declare var build: string;\n' });
    session.edit('/globals.ts', (text) => `${text}declare var flavour: string;\n`);
    expect(session.engine.carried).toBeUndefined();
  });
});

describe('carrying answers over, on the labelled fixture projects', () => {
  // Edits that change what flows: a statement removed, a sink call added, a function's body swapped.
  const fixtures = ['node-api', 'telehealth-nest', 'fhir-gateway'];
  for (const name of fixtures) {
    it(`${name}: after each of a series of edits the findings equal a fresh analysis`, () => {
      const dir = path.resolve('fixtures', name);
      const { project } = loadProject({ tsconfig: path.join(dir, 'tsconfig.json') });
      const loaded = loadConfig(dir);
      const session = new EditSession(project, loaded.config, dir);
      const files = project.ownFiles().map((file) => file.fileName).filter((file) => !file.endsWith('.d.ts')).sort();
      const picked = files.filter((_, index) => index % Math.max(1, Math.floor(files.length / 5)) === 0).slice(0, 5);
      let kept = 0;
      for (const [index, file] of picked.entries()) {
        // Every other edit deletes the file's middle third of lines; the next one restores the file.
        const original = project.sourceFile(file)!.text;
        const lines = original.split('\n');
        const third = Math.floor(lines.length / 3);
        session.edit(file, () => [...lines.slice(0, third), ...lines.slice(2 * third)].join('\n'));
        kept += session.engine.carried?.answersKept ?? 0;
        session.edit(file, () => original);
        if (index === 0) session.edit(file, (text) => `${text}\nexport const touched${index} = ${index};\n`);
      }
      expect(kept).toBeGreaterThan(0);
    });
  }
});
