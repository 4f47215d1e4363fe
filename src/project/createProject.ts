import path from 'node:path';
import ts from '#typescript';
import type { AnalysisDiagnostic } from '../findings.js';
import { inferredCompilerOptions, listSourceFiles } from './inferredProject.js';
import { buildTypeChecker, tooDeepToParseMessage, type ExcludedFile } from './checkerGuard.js';
import { CompilerProject, memoryFileSystem, normalizeFileName } from './compilerProject.js';
import { applyLegacyDefaults } from './legacyDefaults.js';
import { fromTsDiagnostic } from './location.js';
import { readTsconfig } from './readTsconfig.js';
import { collectSourceDiagnostics } from './sourceDiagnostics.js';
import { findTypescriptVersion, type TypescriptVersionInfo } from './typescriptVersion.js';

export { ProjectLoadError } from './errors.js';

export interface LoadProjectOptions {
  /** A tsconfig file (or a directory holding tsconfig.json), relative to `directory` or the cwd. */
  tsconfig?: string;
  /** Without a tsconfig: the directory whose source files make up an inferred project. */
  directory?: string;
  /**
   * The root files to load instead of the tsconfig's file list or the directory's files;
   * their imports are still followed. Relative to `directory` or the cwd.
   */
  files?: string[];
}

export interface LoadedProject {
  project: CompilerProject;
  /** Absolute path of the tsconfig used, when there was one. */
  tsconfigPath?: string;
  /** True when TypeScript 5 defaults were applied (older or unknown TS, or no tsconfig). */
  legacyDefaults: boolean;
  /** The TypeScript the project itself uses, when found. */
  typescriptVersion?: TypescriptVersionInfo;
  /** The options set by legacy defaults, as `name=value`. */
  appliedDefaults: string[];
  diagnostics: AnalysisDiagnostic[];
  /**
   * Files the TypeScript compiler could not bind (nested too deeply): each is replaced in the
   * project by an empty stub and named by a diagnostic; they are not to be analysed. (Files the
   * parser overflows on never enter the project: they are named by a `parse-error` diagnostic.)
   */
  excluded: ExcludedFile[];
}

/**
 * Loads the project to scan. With a tsconfig, its options are kept; when the project's
 * own TypeScript is older than 6 (or unknown), the options it leaves unset get their
 * TypeScript 5 defaults so the code means what its authors' compiler made of it.
 * Without a tsconfig, the files under `directory` form an inferred project.
 * Throws ProjectLoadError only when the tsconfig cannot be read or is not JSON.
 */
export function loadProject(options: LoadProjectOptions): LoadedProject {
  const base = path.resolve(options.directory ?? process.cwd());
  const explicitFiles = options.files?.map((file) => path.resolve(base, file));

  if (options.tsconfig === undefined) {
    const rootFiles = explicitFiles ?? listSourceFiles(base);
    const compilerOptions = inferredCompilerOptions(base, rootFiles);
    return finish({ compilerOptions, rootFiles, legacyDefaults: true, appliedDefaults: [], diagnostics: [] });
  }

  const config = readTsconfig(path.resolve(base, options.tsconfig));
  const configDir = path.dirname(config.path);
  const typescriptVersion = findTypescriptVersion(configDir);
  const legacy = typescriptVersion === undefined || typescriptVersion.major < 6;
  const rootFiles = explicitFiles ?? config.fileNames;
  const defaults = legacy
    ? applyLegacyDefaults(config.options, { rootFiles, directory: configDir })
    : { options: config.options, applied: [] };
  return finish({
    compilerOptions: defaults.options,
    rootFiles,
    legacyDefaults: legacy,
    appliedDefaults: defaults.applied,
    diagnostics: config.diagnostics,
    tsconfigPath: config.path,
    ...(typescriptVersion ? { typescriptVersion } : {}),
  });
}

/**
 * A project held in memory, for unit tests: `files` maps paths (relative ones are put
 * under `/`) to their text. The default options are modern ones (ES2022, ESNext modules,
 * bundler resolution, strict, allowJs); `compilerOptions` overrides them. Lib files are
 * available; node_modules is whatever `files` puts under /node_modules.
 */
export function loadProjectInMemory(
  files: Record<string, string>,
  compilerOptions: ts.CompilerOptions = {},
): LoadedProject {
  const texts = new Map(Object.entries(files).map(([name, text]) => [path.posix.resolve('/', name), text]));
  const project = new CompilerProject({
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    allowJs: true,
    jsx: ts.JsxEmit.Preserve,
    noEmit: true,
    types: [],
    ...compilerOptions,
  }, [...texts.keys()], memoryFileSystem(texts));
  return { project, legacyDefaults: false, appliedDefaults: [], ...checkProject(project) };
}

interface ProjectPlan {
  compilerOptions: ts.CompilerOptions;
  rootFiles: readonly string[];
  legacyDefaults: boolean;
  appliedDefaults: string[];
  diagnostics: AnalysisDiagnostic[];
  tsconfigPath?: string;
  typescriptVersion?: TypescriptVersionInfo;
}

function finish(plan: ProjectPlan): LoadedProject {
  const diagnostics = [...plan.diagnostics];
  const rootFiles = plan.rootFiles.map(normalizeFileName).filter((file) => {
    if (ts.sys.fileExists(file)) return true;
    diagnostics.push({ kind: 'project-error', file, message: `File not found: ${file}` });
    return false;
  });
  // Node_modules JavaScript is not loaded (maxNodeModuleJsDepth 0); its declaration files are, for types.
  const project = new CompilerProject({ maxNodeModuleJsDepth: 0, ...plan.compilerOptions }, rootFiles);
  const checked = checkProject(project, plan.tsconfigPath);
  return {
    project,
    legacyDefaults: plan.legacyDefaults,
    appliedDefaults: plan.appliedDefaults,
    diagnostics: [...diagnostics, ...checked.diagnostics],
    excluded: checked.excluded,
    ...(plan.tsconfigPath !== undefined ? { tsconfigPath: plan.tsconfigPath } : {}),
    ...(plan.typescriptVersion !== undefined ? { typescriptVersion: plan.typescriptVersion } : {}),
  };
}

/**
 * Builds the project's type checker and gathers what the project reports: the files left out (the
 * parser or the binder overflowed on them), option errors and source diagnostics. The checker is
 * built here rather than by the first analysis, so a file the binder overflows on is left out before
 * anything needs the checker (the checker is cached on the program: no work is repeated).
 */
function checkProject(project: CompilerProject, tsconfigPath?: string): { excluded: ExcludedFile[]; diagnostics: AnalysisDiagnostic[] } {
  const excluded = [...unparsableFiles(project), ...buildTypeChecker(project)];
  return {
    excluded,
    diagnostics: [...excluded.map((file) => file.diagnostic), ...optionsDiagnostics(project, tsconfigPath), ...collectSourceDiagnostics(project)],
  };
}

/** Files the parser overflowed on: the project holds a stub for each (see compilerProject.ts). */
function unparsableFiles(project: CompilerProject): ExcludedFile[] {
  return project.unparsableFiles().map(({ file, text, error }) => ({ file, text, diagnostic: { kind: 'parse-error', file, message: tooDeepToParseMessage(error) } }));
}

/** Option errors the compiler reports for the program, e.g. deprecated or conflicting options. */
function optionsDiagnostics(project: CompilerProject, tsconfigPath?: string): AnalysisDiagnostic[] {
  return project.program().getOptionsDiagnostics().map((d) => fromTsDiagnostic('project-error', d, tsconfigPath));
}
