import { createHash } from 'node:crypto';
import path from 'node:path';
import ts from '#typescript';

/** The import graph of a program's own files (node_modules and default libs left out). */
export interface ImportGraph {
  /** The project's own files by name. */
  files: Map<string, ts.SourceFile>;
  /** What each file imports, re-exports, requires or references, by file name. */
  imports: Map<string, readonly string[]>;
  /** The reverse: the files that import each file. */
  importers: Map<string, string[]>;
  /** Project files that are scripts rather than modules: their declarations are global. */
  globals: string[];
}

const graphs = new WeakMap<ts.Program, ImportGraph>();
/** A source file's resolved imports; source files are immutable, so only the resolution context can change. */
const edges = new WeakMap<ts.SourceFile, { context: string; targets: string[] }>();

/**
 * The last graph built for each set of compiler options. In the editor every keystroke makes a new
 * program that differs from the last in one file: its graph is the last one with that file's entry
 * replaced, when the file still imports what it did and no file came or went. Held weakly: a graph
 * lives as long as its program, so a scan of many projects does not keep every project's files.
 */
const latestByOptions = new Map<string, WeakRef<ImportGraph>>();
/** What a graph was built from, for patching the next one. */
const buildInputs = new WeakMap<ImportGraph, { own: readonly ts.SourceFile[]; ownFiles: ReadonlySet<ts.SourceFile>; context: string }>();

/** Built once per program; a file's edges are kept across programs while its object and the resolution context stay. */
export function importGraphOf(program: ts.Program): ImportGraph {
  const cached = graphs.get(program);
  if (cached) return cached;
  const optionsKey = compilerOptionsKey(program);
  const latestGraph = latestByOptions.get(optionsKey)?.deref();
  const latest = latestGraph && buildInputs.get(latestGraph);
  const own = program.getSourceFiles().filter((file) => latest?.ownFiles.has(file) || isOwnFile(program, file));
  const sameFiles = latest !== undefined && latest.own.length === own.length
    && own.every((file, index) => file.fileName === latest.own[index]?.fileName);
  const context = sameFiles ? latest.context : resolutionContext(program, own);
  const resolver = new ImportResolver(program);
  const targetsOf = (file: ts.SourceFile): readonly string[] => {
    let entry = edges.get(file);
    if (entry?.context !== context) {
      entry = { context, targets: resolver.importsOf(file) };
      edges.set(file, entry);
    }
    return entry.targets;
  };
  const graph = (sameFiles && latestGraph ? patchedGraph(latestGraph, latest.own, own, targetsOf) : undefined) ?? buildGraph(own, targetsOf);
  graphs.set(program, graph);
  buildInputs.set(graph, { own, ownFiles: new Set(own), context });
  latestByOptions.set(optionsKey, new WeakRef(graph));
  return graph;
}

function buildGraph(own: readonly ts.SourceFile[], targetsOf: (file: ts.SourceFile) => readonly string[]): ImportGraph {
  const imports = new Map<string, readonly string[]>();
  const importers = new Map<string, string[]>(own.map((file) => [file.fileName, []]));
  const globals: string[] = [];
  for (const file of own) {
    const targets = targetsOf(file);
    imports.set(file.fileName, targets);
    for (const target of targets) importers.get(target)?.push(file.fileName);
    if (isGlobalScript(file)) globals.push(file.fileName);
  }
  return { files: new Map(own.map((file) => [file.fileName, file])), imports, importers, globals };
}

/** The previous graph with the changed files swapped in, or undefined when a change touched the edges or what is global. */
function patchedGraph(
  latest: ImportGraph,
  latestOwn: readonly ts.SourceFile[],
  own: readonly ts.SourceFile[],
  targetsOf: (file: ts.SourceFile) => readonly string[],
): ImportGraph | undefined {
  const changed = own.filter((file, index) => file !== latestOwn[index]);
  for (const file of changed) {
    const before = latest.imports.get(file.fileName) ?? [];
    const after = targetsOf(file);
    if (before.length !== after.length || before.some((target, index) => target !== after[index])) return undefined;
    if (latest.globals.includes(file.fileName) !== isGlobalScript(file)) return undefined;
  }
  const files = new Map(latest.files);
  for (const file of changed) files.set(file.fileName, file);
  // The edge maps are shared with the previous graph: neither is changed after it is built.
  return { ...latest, files };
}

/** A script rather than a module: its declarations are global. */
function isGlobalScript(file: ts.SourceFile): boolean {
  return !ts.isExternalModule(file) && !file.fileName.endsWith('.json');
}

/** `files` and every file that imports one of them, directly or through others. */
export function importersClosure(graph: ImportGraph, files: Iterable<string>): Set<string> {
  const closure = new Set(files);
  const queue = [...closure];
  for (let index = 0; index < queue.length; index++) {
    for (const importer of graph.importers.get(queue[index] as string) ?? []) {
      if (closure.has(importer)) continue;
      closure.add(importer);
      queue.push(importer);
    }
  }
  return closure;
}

const optionKeys = new WeakMap<ts.Program, string>();

/** The program's compiler options as a string (the parsed tsconfig source file they may carry left out). */
export function compilerOptionsKey(program: ts.Program): string {
  let key = optionKeys.get(program);
  if (key === undefined) {
    key = JSON.stringify(program.getCompilerOptions(), (name, value: unknown) => (name === 'configFile' ? undefined : value));
    optionKeys.set(program, key);
  }
  return key;
}

/** Imports resolve the same way while the options and the set of files stay the same. */
function resolutionContext(program: ts.Program, files: readonly ts.SourceFile[]): string {
  const hash = createHash('sha1').update(compilerOptionsKey(program));
  for (const file of files) hash.update(file.fileName).update('\0');
  return hash.digest('base64');
}

export function isOwnFile(program: ts.Program, file: ts.SourceFile): boolean {
  return !file.fileName.includes('/node_modules/') && !program.isSourceFileDefaultLibrary(file);
}

/**
 * TypeScript (5.3 and later) keeps the resolution of every module specifier on the program; the
 * method is not in the public typings, so it is used when present, and TypeScript's public resolver
 * otherwise. The program reuse guard only admits programs of the analyzer's own major.minor.
 */
type ProgramWithResolutions = ts.Program & {
  getResolvedModuleFromModuleSpecifier?(specifier: ts.StringLiteralLike, file?: ts.SourceFile): ts.ResolvedModuleWithFailedLookupLocations | undefined;
};

/** `program`: what the program recorded while it was built; `public`: the public API only (a syntax walk and `ts.resolveModuleName`). */
export type ResolutionStrategy = 'program' | 'public';

/** The project files `file` imports, re-exports, requires, `import()`s or references. */
export function resolvedImports(program: ts.Program, file: ts.SourceFile, strategy: ResolutionStrategy = 'program'): string[] {
  return new ImportResolver(program, strategy).importsOf(file);
}

class ImportResolver {
  private fallback: { cache: ts.ModuleResolutionCache; host: ts.ModuleResolutionHost } | undefined;

  constructor(private readonly program: ts.Program, private readonly strategy: ResolutionStrategy = 'program') {}

  importsOf(file: ts.SourceFile): string[] {
    const targets = new Set<string>();
    for (const specifier of moduleSpecifiers(file, this.strategy)) {
      const resolved = this.resolve(file, specifier);
      const target = resolved && this.program.getSourceFile(resolved);
      if (target && isOwnFile(this.program, target)) targets.add(target.fileName);
    }
    for (const reference of file.referencedFiles) {
      const target = this.program.getSourceFile(path.resolve(path.dirname(file.fileName), reference.fileName));
      if (target && isOwnFile(this.program, target)) targets.add(target.fileName);
    }
    targets.delete(file.fileName);
    return [...targets];
  }

  private resolve(file: ts.SourceFile, specifier: ts.StringLiteralLike): string | undefined {
    const program = this.program as ProgramWithResolutions;
    if (this.strategy === 'program' && typeof program.getResolvedModuleFromModuleSpecifier === 'function') {
      return program.getResolvedModuleFromModuleSpecifier(specifier, file)?.resolvedModule?.resolvedFileName;
    }
    const { cache, host } = (this.fallback ??= this.publicResolver());
    const mode = this.program.getModeForUsageLocation(file, specifier);
    return ts.resolveModuleName(specifier.text, file.fileName, this.program.getCompilerOptions(), host, cache, undefined, mode).resolvedModule?.resolvedFileName;
  }

  private publicResolver(): { cache: ts.ModuleResolutionCache; host: ts.ModuleResolutionHost } {
    const program = this.program;
    const currentDirectory = program.getCurrentDirectory();
    const caseSensitive = ts.sys.useCaseSensitiveFileNames;
    return {
      cache: ts.createModuleResolutionCache(currentDirectory, (name) => (caseSensitive ? name : name.toLowerCase()), program.getCompilerOptions()),
      host: {
        fileExists: (file) => program.getSourceFile(file) !== undefined || ts.sys.fileExists(file),
        readFile: (file) => ts.sys.readFile(file),
        directoryExists: (dir) => ts.sys.directoryExists(dir),
        getCurrentDirectory: () => currentDirectory,
        getDirectories: (dir) => ts.sys.getDirectories(dir),
        ...(ts.sys.realpath ? { realpath: ts.sys.realpath } : {}),
      },
    };
  }
}

/**
 * Every module name literal in a file: static imports and exports, `import x = require()`,
 * `require()`, `import()`, import types. The program collects them on each source file while it is
 * built (`imports`, also not in the public typings); without it, a walk of the file finds them.
 */
function moduleSpecifiers(file: ts.SourceFile, strategy: ResolutionStrategy): readonly ts.StringLiteralLike[] {
  const collected = (file as ts.SourceFile & { imports?: readonly ts.StringLiteralLike[] }).imports;
  if (strategy === 'program' && Array.isArray(collected)) return collected;
  const found: ts.StringLiteralLike[] = [];
  // In JavaScript, types come from JSDoc: `@type {import('./types').Patient}` is an import too.
  const javascript = /\.[cm]?jsx?$/.test(file.fileName);
  const docs = new Set<ts.Node>();
  const visit = (node: ts.Node): void => {
    if (javascript && !(node.flags & ts.NodeFlags.JSDoc)) {
      for (const doc of ts.getJSDocCommentsAndTags(node)) {
        if (docs.has(doc)) continue;
        docs.add(doc);
        ts.forEachChild(doc, visit);
      }
    }
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteralLike(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier);
    } else if (ts.isExternalModuleReference(node) && ts.isStringLiteralLike(node.expression)) {
      found.push(node.expression);
    } else if (ts.isCallExpression(node) && node.arguments.length >= 1 && ts.isStringLiteralLike(node.arguments[0] as ts.Expression)
      && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
      found.push(node.arguments[0] as ts.StringLiteralLike);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteralLike(node.argument.literal)) {
      found.push(node.argument.literal);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
