import path from 'node:path';
import ts from '#typescript';
import { findTypescriptVersion } from '../project/index.js';
import { ownProgramFor } from './ownProject.js';
import { checkProgramCompatibility, type ProgramCompatibility } from './typescriptGuard.js';

/** The program a file is analysed in, and where it came from. */
export interface ProgramChoice {
  program: ts.Program;
  sourceFile: ts.SourceFile;
  /** The tsconfig's directory (or the file's, without one): paths in messages are relative to it. */
  rootDir: string;
  /** `parser`: typescript-eslint's program, reused; `own`: the analyzer's own project (ownProject.ts). */
  origin: 'parser' | 'own';
  /** Why the parser's program was not reused, when there was one. */
  fallbackReason?: string;
}

/** What a rule sees of the file being linted. */
export interface LintedFile {
  filename: string;
  sourceCode: { text: string; parserServices?: { program?: unknown } | undefined };
}

export const programCounters = { parserPrograms: 0, ownPrograms: 0, fallbacks: new Map<string, number>() };

/**
 * With typed linting (typescript-eslint's `projectService` or `project`) the parser has built a
 * program holding the file's current text; reusing it saves building a second one. Without type
 * information, or when the parser's program cannot be trusted by the engine, the analyzer's own
 * project for the file's tsconfig is used, updated to the text being linted.
 */
export function programFor(file: LintedFile, check: (program: ts.Program) => ProgramCompatibility = checkProgramCompatibility): ProgramChoice | undefined {
  const fileName = path.resolve(file.filename);
  const text = file.sourceCode.text;
  const parserProgram = file.sourceCode.parserServices?.program as ts.Program | null | undefined;
  let fallbackReason: string | undefined;
  if (parserProgram) {
    const reuse = reuseParserProgram(parserProgram, fileName, text, check);
    if ('sourceFile' in reuse) {
      programCounters.parserPrograms++;
      return { program: parserProgram, sourceFile: reuse.sourceFile, rootDir: reuse.rootDir, origin: 'parser' };
    }
    fallbackReason = reuse.reason;
    programCounters.fallbacks.set(fallbackReason, (programCounters.fallbacks.get(fallbackReason) ?? 0) + 1);
  }
  programCounters.ownPrograms++;
  const own = ownProgramFor(fileName, text);
  if (!own) return undefined;
  return { program: own.program, sourceFile: own.sourceFile, rootDir: own.rootDir, origin: 'own', ...(fallbackReason ? { fallbackReason } : {}) };
}

function reuseParserProgram(
  program: ts.Program,
  fileName: string,
  text: string,
  check: (program: ts.Program) => ProgramCompatibility,
): { sourceFile: ts.SourceFile; rootDir: string } | { reason: string } {
  const compatibility = check(program);
  if (!compatibility.compatible) return { reason: compatibility.reason };
  const sourceFile = program.getSourceFile(fileName);
  if (!sourceFile) return { reason: 'the parser\'s program does not hold the file' };
  if (sourceFile.text !== text) return { reason: 'the parser\'s program holds other text for the file' };
  const configFile = program.getCompilerOptions().configFilePath;
  const tsconfigPath = typeof configFile === 'string' ? configFile : ts.findConfigFile(path.dirname(fileName), ts.sys.fileExists);
  const rootDir = tsconfigPath ? path.dirname(path.resolve(tsconfigPath)) : path.dirname(fileName);
  // The analyzer reads a project written for TypeScript 5 with TypeScript 5's defaults for the
  // options its tsconfig leaves unset (see src/project/legacyDefaults.ts); the parser's program,
  // made by TypeScript 6 from the same tsconfig, lacks them and would give other answers.
  const written = typescriptWrittenFor(rootDir);
  if (!written || written.major < 6) {
    return { reason: `the project is written for TypeScript ${written ? written.version : '5 or older'}: its own program applies TypeScript 5 defaults` };
  }
  if (!hasTypeChecker(program)) return { reason: 'TypeScript could not build the type checker of the parser\'s program (a file nested too deeply for its binder)' };
  return { sourceFile, rootDir };
}

/** Programs whose checker could not be built: asking again would bind past the half-bound file and succeed wrongly. */
const uncheckable = new WeakSet<ts.Program>();

/**
 * Whether the program's type checker can be built (the engine needs it; typed linting has usually
 * built it already). The binder overflows the stack on some deeply nested files, and then the
 * analyzer's own project, which leaves such files out, is used instead.
 */
function hasTypeChecker(program: ts.Program): boolean {
  if (uncheckable.has(program)) return false;
  try {
    program.getTypeChecker();
    return true;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    uncheckable.add(program);
    return false;
  }
}

const writtenFor = new Map<string, ReturnType<typeof findTypescriptVersion>>();

/** The TypeScript a project is written for, looked up once per directory. */
function typescriptWrittenFor(rootDir: string): ReturnType<typeof findTypescriptVersion> {
  if (!writtenFor.has(rootDir)) writtenFor.set(rootDir, findTypescriptVersion(rootDir));
  return writtenFor.get(rootDir);
}
