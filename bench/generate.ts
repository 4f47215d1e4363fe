// Writes a realistic TypeScript project of an exact number of files, the same for the same seed:
// models with @phi, repositories, services calling each other across files, handlers and jobs, and
// the loggers, analytics, storage and network calls that PHI may reach.
//
//   node dist/bench/generate.js <files> [<dir>] [--seed <n>]
//
// The directory defaults to bench/.generated/project-<files>; it must lie inside this package, whose
// node_modules provide @types/node to the generated tsconfig.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Random } from './random.js';
import { configFiles, SHARED_SOURCES } from './scaffold.js';
import { UNIT_FILES, unitAt, writeUnitFile, type Unit } from './units.js';

export const DEFAULT_SEED = 20_240_617;
/** The chance that a generated function in a service, handler or job carries PHI to a sink; about 15 % of all functions end up as flows. */
export const DEFAULT_FLOW_RATE = 0.26;

export interface GenerateOptions {
  dir: string;
  /** TypeScript files in the project (sources and shims), exactly. */
  files: number;
  seed?: number;
  flowRate?: number;
}

export interface GeneratedProject {
  dir: string;
  tsconfig: string;
  files: number;
  /** Lines of TypeScript. */
  lines: number;
  /** Functions and methods written. */
  functions: number;
  /** Functions that carry PHI to a sink. */
  flows: number;
  seed: number;
  /** Paths (relative to dir) of the files whose functions are edited by the editor benchmark. */
  editable: string[];
}

export function generateProject(options: GenerateOptions): GeneratedProject {
  const seed = options.seed ?? DEFAULT_SEED;
  const flowRate = options.flowRate ?? DEFAULT_FLOW_RATE;
  const shared = Object.entries(SHARED_SOURCES);
  if (!Number.isInteger(options.files) || options.files < shared.length + UNIT_FILES.length) {
    throw new Error(`a project needs at least ${shared.length + UNIT_FILES.length} files`);
  }
  const dir = path.resolve(options.dir);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const write = (file: string, text: string): void => {
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  };

  for (const [file, text] of Object.entries(configFiles(path.basename(dir)))) write(file, text);
  let lines = 0;
  let functions = 0;
  let flows = 0;
  for (const [file, text] of shared) {
    write(file, text);
    lines += countLines(text);
  }

  const random = new Random(seed);
  const editable: string[] = [];
  const units: Unit[] = [];
  let remaining = options.files - shared.length;
  for (let index = 0; remaining > 0; index++) {
    const unit = unitAt(index);
    // Cross-file calls go to an earlier, complete unit; the first unit calls itself.
    const other = units.length === 0 ? unit : random.pick(units);
    for (const kind of UNIT_FILES) {
      if (remaining === 0) break;
      const source = writeUnitFile(unit, kind, { random, other, flowRate });
      write(source.path, source.text);
      lines += countLines(source.text);
      functions += source.functions;
      flows += source.flows;
      if (kind === 'service' || kind === 'handlers' || kind === 'jobs') editable.push(source.path);
      remaining--;
    }
    units.push(unit);
  }
  return { dir, tsconfig: path.join(dir, 'tsconfig.json'), files: options.files, lines, functions, flows, seed, editable };
}

function countLines(text: string): number {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

function main(argv: string[]): void {
  const seedAt = argv.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(argv[seedAt + 1]) : DEFAULT_SEED;
  const positional = seedAt < 0 ? argv : argv.filter((_, index) => index !== seedAt && index !== seedAt + 1);
  const files = Number(positional[0]);
  if (!Number.isInteger(files)) {
    process.stderr.write('usage: node dist/bench/generate.js <files> [<dir>] [--seed <n>]\n');
    process.exitCode = 2;
    return;
  }
  const dir = positional[1] ?? path.join('bench', '.generated', `project-${files}`);
  const project = generateProject({ dir, files, seed });
  const share = ((project.flows / project.functions) * 100).toFixed(1);
  process.stdout.write(`${project.dir}: ${project.files} files, ${project.lines} lines, ${project.functions} functions, ${project.flows} with a PHI flow (${share} %)\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
