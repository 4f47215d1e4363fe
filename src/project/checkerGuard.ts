import ts from '#typescript';
import type { AnalysisDiagnostic } from '../findings.js';
import { stubText, type CompilerProject } from './compilerProject.js';

/**
 * TypeScript's binder (run for every file when the type checker is first built) recurses once per
 * level of some syntax: about a thousand `&&` terms or eight hundred chained method calls overflow
 * the stack, though the parser read the file. The checker is then never built and nothing in the
 * project can be analysed. `buildTypeChecker` builds it, and when that throws a RangeError, finds
 * the files the binder cannot handle, replaces each with an empty stub, reports it, and tries again.
 * Normal loads pay nothing: the checker is built once per program whichever code asks first, and
 * the search runs only after the failure.
 */

/** A file left out of the analysis because the compiler cannot bind it. */
export interface ExcludedFile {
  file: string;
  /** The text the compiler could not handle (an editor compares it with what it is given next). */
  text: string;
  diagnostic: AnalysisDiagnostic;
}

/** The explanation reported for a file the binder overflowed on. */
export function tooDeepMessage(depth: number): string {
  return `nested too deeply for the TypeScript compiler: its binder ran out of stack on this file (syntax nested ${depth} levels deep,`
    + ' such as a long `&&`/`||` chain or a long chain of method calls); not analysed.'
    + ' Split the expression into smaller ones (intermediate variables) or list the file in `ignore`';
}

/** Below this depth of syntax a file is not suspected first (the binder fails from about 800 levels). */
const suspectDepth = 100;
/** Rounds of search-and-stub before giving up (each round stubs every file found). */
const maxRounds = 5;

/**
 * Builds the type checker of the project's program. Files whose binding overflows the stack are
 * replaced in the project by a stub (so that a file importing one still finds a module) and
 * returned with a diagnostic; the caller must not analyse them. Rethrows when the culprit cannot
 * be found, and any error that is not a RangeError.
 */
export function buildTypeChecker(project: CompilerProject): ExcludedFile[] {
  const excluded: ExcludedFile[] = [];
  for (let round = 0; ; round++) {
    const program = project.program();
    try {
      program.getTypeChecker();
      return excluded;
    } catch (error) {
      if (!(error instanceof RangeError) || round >= maxRounds) throw error;
      const found = unbindableFiles(program);
      if (found.length === 0) throw error;
      for (const { file, depth } of found) {
        excluded.push({
          file: file.fileName,
          text: file.text,
          diagnostic: { kind: 'parse-error', file: file.fileName, message: tooDeepMessage(depth) },
        });
        // A stub, so that files importing it still load (they import nothing from it). A module stays a module.
        project.setText(file.fileName, stubText(file.fileName, !file.fileName.endsWith('.json') && !ts.isExternalModule(file)));
      }
    }
  }
}

/**
 * The files of the program that do not bind on their own, each bound in a program of its own from
 * a fresh parse (the failed program's files are left half bound). The deepest files are tried
 * first; only when none of them fails is every other file tried. Ends by binding an empty file:
 * the binder is one object shared by every program, and a bind that overflowed leaves its state
 * behind until the next bind that completes.
 */
function unbindableFiles(program: ts.Program): { file: ts.SourceFile; depth: number }[] {
  const options = program.getCompilerOptions();
  const measured = program.getSourceFiles()
    .filter((file) => !program.isSourceFileDefaultLibrary(file))
    .map((file) => ({ file, depth: nestingDepth(file) }))
    .sort((a, b) => b.depth - a.depth);
  const suspects = measured.filter(({ depth }) => depth >= suspectDepth);
  let found = suspects.filter(({ file }) => !bindsAlone(file.fileName, file.text, options));
  if (found.length === 0) found = measured.filter(({ depth, file }) => depth < suspectDepth && !bindsAlone(file.fileName, file.text, options));
  bindsAlone('/__phi_reset_binder__.ts', '', {});
  return found;
}

/** Binds one file's text in a program holding only it (no lib, no imports followed). */
function bindsAlone(fileName: string, text: string, options: ts.CompilerOptions): boolean {
  try {
    const sourceFile = ts.createSourceFile(fileName, text, options.target ?? ts.ScriptTarget.ESNext);
    const host: ts.CompilerHost = {
      getSourceFile: (name) => (name === fileName ? sourceFile : undefined),
      getDefaultLibFileName: () => 'lib.d.ts',
      writeFile: () => undefined,
      getCurrentDirectory: () => '/',
      getCanonicalFileName: (name) => name,
      useCaseSensitiveFileNames: () => true,
      getNewLine: () => '\n',
      fileExists: (name) => name === fileName,
      readFile: () => undefined,
    };
    const alone = ts.createProgram({
      rootNames: [fileName],
      options: { ...options, noLib: true, noResolve: true, types: [], allowJs: true, noEmit: true },
      host,
    });
    alone.getTypeChecker();
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

/** The deepest nesting of syntax in the file, walked with an explicit stack. */
function nestingDepth(file: ts.SourceFile): number {
  let deepest = 0;
  const nodes: ts.Node[] = [file];
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop() as ts.Node;
    const depth = depths.pop() as number;
    if (depth > deepest) deepest = depth;
    ts.forEachChild(node, (child) => {
      nodes.push(child);
      depths.push(depth + 1);
    });
  }
  return deepest;
}

/** The explanation reported for a file the parser overflowed on. */
export function tooDeepToParseMessage(error: RangeError): string {
  return `nested too deeply for the TypeScript parser (${error.message}); not analysed.`
    + ' Split the deeply nested expression into smaller ones or list the file in `ignore`';
}
