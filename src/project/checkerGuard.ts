import { Project, ts, type FileSystemHost } from 'ts-morph';
import type { AnalysisDiagnostic } from '../findings.js';

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
const stubMarker = '// eslint-plugin-phi: not analysed, nested too deeply for the TypeScript compiler\n';

/**
 * Builds the type checker of the project's program. Files whose binding overflows the stack are
 * replaced in the project by a stub (so that a file importing one still finds a module) and
 * returned with a diagnostic; the caller must not analyse them. Rethrows when the culprit cannot
 * be found, and any error that is not a RangeError.
 */
export function buildTypeChecker(project: Project): ExcludedFile[] {
  const excluded: ExcludedFile[] = [];
  for (let round = 0; ; round++) {
    const program = project.getProgram().compilerObject;
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
        stubOut(project, file.fileName, !file.fileName.endsWith('.json') && !ts.isExternalModule(file));
      }
    }
  }
}

/**
 * Replaces a file of the project by a stub, so that files importing it still load (they import
 * nothing from it) instead of making the compiler read the file again. A module stays a module.
 */
function stubOut(project: Project, fileName: string, isScript: boolean): void {
  project.createSourceFile(fileName, stubText(fileName, isScript), { overwrite: true });
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

/**
 * A file system that reads registered stubs in place of the files on disk: the parser never sees a
 * file it overflowed on again, whichever way the project comes to read it (a root file, an import).
 * The real file system is ts-morph's own, taken from a project made without files.
 */
export function stubbingFileSystem(stubs: ReadonlyMap<string, string>): FileSystemHost {
  const real = new Project({ skipLoadingLibFiles: true, skipAddingFilesFromTsConfig: true }).getFileSystem();
  const host = Object.create(real) as FileSystemHost;
  host.readFileSync = (filePath, encoding) => stubs.get(filePath) ?? real.readFileSync(filePath, encoding);
  host.readFile = async (filePath, encoding) => stubs.get(filePath) ?? real.readFile(filePath, encoding);
  return host;
}

/** The text a stub for `fileName` holds: a module stays a module, so importing it still works. */
export function stubText(fileName: string, isScript = false): string {
  return fileName.endsWith('.json') ? '{}\n' : isScript ? stubMarker : `${stubMarker}export {};\n`;
}

/**
 * Adds the files the project's files import, as `project.resolveSourceFileDependencies()` does,
 * except that a file the parser overflows on is registered in `stubs` (read by the project's
 * `stubbingFileSystem`) and returned instead of failing the load. The search runs only after the
 * parser failed.
 */
export function resolveDependencies(project: Project, stubs: Map<string, string>): ExcludedFile[] {
  const excluded: ExcludedFile[] = [];
  for (let round = 0; ; round++) {
    try {
      project.resolveSourceFileDependencies();
      return excluded;
    } catch (error) {
      if (!(error instanceof RangeError) || round >= maxRounds) throw error;
      const found = unparsableImports(project).filter((file) => !stubs.has(file.fileName));
      if (found.length === 0) throw error;
      for (const file of found) {
        excluded.push({ file: file.fileName, text: file.text, diagnostic: { kind: 'parse-error', file: file.fileName, message: tooDeepToParseMessage(file.error) } });
        stubs.set(file.fileName, stubText(file.fileName));
      }
    }
  }
}

/** Files imported by the project's files, outside it and outside node_modules, that the parser cannot read. */
function unparsableImports(project: Project): { fileName: string; text: string; error: RangeError }[] {
  const options = project.getCompilerOptions();
  const host = ts.sys;
  const seen = new Set<string>();
  const found: { fileName: string; text: string; error: RangeError }[] = [];
  for (const sourceFile of project.getSourceFiles()) {
    const compiled = sourceFile.compilerNode;
    for (const { fileName: specifier } of ts.preProcessFile(compiled.text, true, true).importedFiles) {
      const resolved = ts.resolveModuleName(specifier, compiled.fileName, options, host).resolvedModule?.resolvedFileName;
      if (!resolved || seen.has(resolved) || resolved.includes('/node_modules/') || /\.d\.[cm]?ts$/.test(resolved)) continue;
      seen.add(resolved);
      if (project.getSourceFile(resolved)) continue;
      const text = host.readFile(resolved);
      if (text === undefined) continue;
      try {
        ts.createSourceFile(resolved, text, options.target ?? ts.ScriptTarget.ESNext);
      } catch (error) {
        if (error instanceof RangeError) found.push({ fileName: resolved, text, error });
        else throw error;
      }
    }
  }
  return found;
}
