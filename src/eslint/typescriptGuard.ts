import { createRequire } from 'node:module';
import ts from '#typescript';

/**
 * Whether a program made by another copy of TypeScript (typescript-eslint's) may be handed to the
 * engine, which reads its nodes, types and symbols with the enums and `ts.isX` guards of the copy
 * ts-morph bundles. Numbers such as `TypeFlags.Object` move between minor versions (5.9 and 6.0
 * differ), and nothing fails when they do: answers just go wrong. So the program is reused only
 * when the copy that made it is known, has the same major.minor, and agrees on every enum the engine
 * reads.
 */
export type ProgramCompatibility =
  | { compatible: true; version: string; sameCopy: boolean }
  | { compatible: false; reason: string; version?: string };

/** The parts of a loaded `typescript` module the guard reads. */
interface TypescriptModule {
  version: string;
  versionMajorMinor: string;
  createSourceFile(fileName: string, text: string, languageVersion: number): object;
  [name: string]: unknown;
}

/** The enums the engine compares against the program's nodes, types and symbols. */
export const enumsReadByEngine = [
  'SyntaxKind',
  'NodeFlags',
  'ModifierFlags',
  'TypeFlags',
  'ObjectFlags',
  'SymbolFlags',
  'SignatureKind',
  'ScriptTarget',
  'ModuleKind',
] as const;

const requireHere = createRequire(import.meta.url);
const prototypes = new WeakMap<object, object | undefined>();
const verdicts = new WeakMap<object, ProgramCompatibility>();
/** How often another copy's version and enums were compared with the analyzer's (for tests). */
export const guardCounters = { copiesCompared: 0 };
/** Verdicts by the source-file prototype of the copy that made the program. */
const verdictsByCopy = new WeakMap<object, ProgramCompatibility>();

/**
 * Checks the copy of TypeScript that made `program`. `candidates` are the loaded `typescript`
 * modules to look for it among; by default every copy in Node's module cache (the parser's copy is
 * there, since the parser loaded it to make the program), and the verdict is kept per program.
 */
export function checkProgramCompatibility(
  program: Pick<ts.Program, 'getSourceFiles'>,
  candidates?: readonly unknown[],
): ProgramCompatibility {
  if (candidates) return judge(program, candidates);
  const cached = verdicts.get(program);
  if (cached) return cached;
  const verdict = judge(program, undefined);
  verdicts.set(program, verdict);
  return verdict;
}

/**
 * `candidates` undefined: the loaded copies, and the verdict on a copy found among them is kept for
 * every later program it makes (the editor makes one per keystroke; the copy does not change).
 */
function judge(program: Pick<ts.Program, 'getSourceFiles'>, candidates: readonly unknown[] | undefined): ProgramCompatibility {
  const sample = program.getSourceFiles()[0];
  if (!sample) return { compatible: false, reason: 'the program has no source files' };
  const prototype = Object.getPrototypeOf(sample) as object;
  if (prototype === sourceFilePrototype(ts as unknown as TypescriptModule)) {
    return { compatible: true, version: ts.version, sameCopy: true };
  }
  const known = candidates ? undefined : verdictsByCopy.get(prototype);
  if (known) return known;
  const owner = (candidates ?? loadedTypescriptCopies()).find((candidate): candidate is TypescriptModule =>
    isTypescriptModule(candidate) && sourceFilePrototype(candidate) === prototype);
  if (!owner) {
    return { compatible: false, reason: 'the program was made by a copy of TypeScript that is not among the loaded modules, so its version is unknown' };
  }
  const verdict = compareCopies(owner);
  guardCounters.copiesCompared++;
  if (!candidates) verdictsByCopy.set(prototype, verdict);
  return verdict;
}

/** Whether nodes, types and symbols of `other` mean the same to the engine as those of its own copy. */
export function compareCopies(other: TypescriptModule): ProgramCompatibility {
  if (other.versionMajorMinor !== ts.versionMajorMinor) {
    return {
      compatible: false,
      version: other.version,
      reason: `the program was made by TypeScript ${other.version}; the analyzer runs TypeScript ${ts.version} and reads nodes and types only of the same major.minor`,
    };
  }
  const ours = ts as unknown as Record<string, unknown>;
  for (const name of enumsReadByEngine) {
    if (!sameEnum(other[name], ours[name])) {
      return { compatible: false, version: other.version, reason: `TypeScript ${other.version} numbers ts.${name} differently from TypeScript ${ts.version}` };
    }
  }
  return { compatible: true, version: other.version, sameCopy: false };
}

/** Every `typescript` module object in Node's CommonJS module cache. */
export function loadedTypescriptCopies(): unknown[] {
  const copies: unknown[] = [];
  for (const module of Object.values(requireHere.cache)) {
    const exports: unknown = module?.exports;
    if (isTypescriptModule(exports) && !copies.includes(exports)) copies.push(exports);
  }
  return copies;
}

function isTypescriptModule(value: unknown): value is TypescriptModule {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate['versionMajorMinor'] === 'string' && typeof candidate['version'] === 'string'
    && typeof candidate['createSourceFile'] === 'function' && typeof candidate['createProgram'] === 'function';
}

/** The prototype of the source files a copy makes: each copy has its own SourceFile class. */
function sourceFilePrototype(copy: TypescriptModule): object | undefined {
  if (prototypes.has(copy)) return prototypes.get(copy);
  let prototype: object | undefined;
  try {
    prototype = Object.getPrototypeOf(copy.createSourceFile('phi-probe.ts', '', 99)) as object;
  } catch {
    prototype = undefined;
  }
  prototypes.set(copy, prototype);
  return prototype;
}

function sameEnum(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return false;
  const entriesA = Object.entries(a);
  const recordB = b as Record<string, unknown>;
  return entriesA.length === Object.keys(b).length && entriesA.every(([key, value]) => recordB[key] === value);
}
