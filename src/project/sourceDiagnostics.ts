import ts from '#typescript';
import type { AnalysisDiagnostic } from '../findings.js';
import type { CompilerProject } from './compilerProject.js';
import { fromTsDiagnostic, spanLocation } from './location.js';

/**
 * What the scan should know about the project's own files (node_modules excluded):
 * syntax errors and imports that resolve to nothing. Both are cheap: syntax errors were
 * found while parsing, and module resolution ran when the program was built. Only an
 * import the resolver could not place is shown to the checker, which knows ambient
 * modules (`declare module 'x'`, `declare module '*.css'`, node's built-ins).
 */
export function collectSourceDiagnostics(project: CompilerProject): AnalysisDiagnostic[] {
  const program = project.program();
  const files = project.ownFiles();
  const resolve = moduleResolver(program, project.moduleResolutionHost);
  let checker: ts.TypeChecker | undefined;
  const getChecker = (): ts.TypeChecker => (checker ??= program.getTypeChecker());
  return files.flatMap((file) => [
    ...parseErrors(program, file),
    ...unresolvedModules(file, resolve, getChecker),
  ]);
}

function parseErrors(program: ts.Program, file: ts.SourceFile): AnalysisDiagnostic[] {
  return program.getSyntacticDiagnostics(file).map((d) => fromTsDiagnostic('parse-error', d, file.fileName));
}

type ResolveSpecifier = (specifier: ts.StringLiteralLike, file: ts.SourceFile) => boolean;

function unresolvedModules(
  node: ts.SourceFile,
  resolves: ResolveSpecifier,
  getChecker: () => ts.TypeChecker,
): AnalysisDiagnostic[] {
  const result: AnalysisDiagnostic[] = [];
  for (const specifier of moduleSpecifiers(node)) {
    if (resolves(specifier, node)) continue;
    if (getChecker().getSymbolAtLocation(specifier) !== undefined) continue;
    result.push({
      kind: 'unresolved-module',
      message: `Cannot find module '${specifier.text}'`,
      file: node.fileName,
      location: spanLocation(node, specifier.getStart(node), specifier.getEnd()),
    });
  }
  return result;
}

/** What the program knows of a module specifier's resolution, without the checker. */
interface ProgramResolutions {
  getResolvedModuleFromModuleSpecifier?(
    specifier: ts.StringLiteralLike,
    file: ts.SourceFile,
  ): ts.ResolvedModuleWithFailedLookupLocations | undefined;
}

/**
 * Whether a specifier resolved. The program keeps the results of the resolution it ran
 * while being built (`getResolvedModuleFromModuleSpecifier`, present in TS 5.3+ but not in
 * the public typings); should that ever be missing, resolve again through the public API.
 */
function moduleResolver(program: ts.Program, host: ts.ModuleResolutionHost): ResolveSpecifier {
  const stored = (program as ts.Program & ProgramResolutions).getResolvedModuleFromModuleSpecifier;
  if (typeof stored === 'function') {
    return (specifier, file) => stored.call(program, specifier, file)?.resolvedModule !== undefined;
  }
  const options = program.getCompilerOptions();
  const cache = ts.createModuleResolutionCache(program.getCurrentDirectory(), (name) => name, options);
  return (specifier, file) => {
    const mode = program.getModeForUsageLocation(file, specifier);
    const result = ts.resolveModuleName(specifier.text, file.fileName, options, host, cache, undefined, mode);
    return result.resolvedModule !== undefined;
  };
}

/**
 * The module names the compiler collected while building the program: imports, exports,
 * `import x = require()`, dynamic `import()`, and `require()` in JavaScript files.
 * `imports` is not in the public typings; entries with pos -1 are synthesized
 * (JSX runtime, helpers) and have no place in the text.
 */
function moduleSpecifiers(file: ts.SourceFile): ts.StringLiteralLike[] {
  const imports = (file as ts.SourceFile & { imports?: readonly ts.StringLiteralLike[] }).imports ?? [];
  return imports.filter((literal) => literal.pos !== -1);
}
