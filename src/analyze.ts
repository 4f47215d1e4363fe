import path from 'node:path';
import { loadBuiltInCatalog } from './catalog/index.js';
import { loadFlowSummaries } from './catalog/summaries.js';
import { loadConfig } from './config/load.js';
import type { PhiConfig } from './config/types.js';
import { PhiEngine } from './engine/engine.js';
import { ignoreMatcher, looksGenerated } from './fileSelection.js';
import type { AnalysisDiagnostic, Finding } from './findings.js';
import { buildTypeChecker, loadProject, type CompilerProject, type ExcludedFile } from './project/index.js';

export interface AnalyzeOptions {
  /** A tsconfig.json (or the directory holding one). */
  tsconfig?: string;
  /** A project already loaded (`loadProject`, `loadProjectInMemory`); `rootDir` then says where it lives. */
  project?: CompilerProject;
  /** Without a tsconfig: a directory scanned as an inferred project. */
  directory?: string;
  /** The configuration; when absent, phi.config.json is looked up from the project directory upward. */
  config?: PhiConfig;
  /** Settings that override the configuration, whether given or found (`phi-scan --heuristics`). */
  configOverrides?: Partial<PhiConfig>;
  /** Where `./file#export` references in the configuration are relative to. */
  configDir?: string;
  /** Only report findings in these files (absolute, or relative to the project directory). */
  files?: string[];
  rootDir?: string;
  /** Called before each file is analysed, for progress reports. */
  onFile?: (file: string, index: number, total: number) => void;
}

export interface AnalysisResult {
  findings: Finding[];
  diagnostics: AnalysisDiagnostic[];
  /** The files analysed. */
  files: string[];
}

/** Analyses a project: every sink call that PHI reaches, with its trace, and what could not be analysed. */
export function analyze(options: AnalyzeOptions): AnalysisResult {
  const diagnostics: AnalysisDiagnostic[] = [];
  let project = options.project;
  let rootDir = options.rootDir ?? (options.directory ? path.resolve(options.directory) : process.cwd());
  let excluded: ExcludedFile[];
  if (project) {
    // A project made by the caller: files the compiler cannot bind are left out here, as loadProject does.
    excluded = buildTypeChecker(project);
    diagnostics.push(...excluded.map((file) => file.diagnostic));
  } else {
    const loaded = loadProject({
      ...(options.tsconfig !== undefined ? { tsconfig: options.tsconfig } : {}),
      ...(options.directory !== undefined ? { directory: options.directory } : {}),
    });
    project = loaded.project;
    excluded = loaded.excluded;
    diagnostics.push(...loaded.diagnostics);
    if (loaded.tsconfigPath) rootDir = options.rootDir ?? path.dirname(loaded.tsconfigPath);
  }
  let config = options.config;
  let configDir = options.configDir ?? rootDir;
  if (!config) {
    const loaded = loadConfig(rootDir);
    config = loaded.config;
    if (loaded.file) configDir = path.dirname(loaded.file);
  }
  if (options.configOverrides) config = { ...config, ...options.configOverrides };
  const program = project.program();
  const engine = new PhiEngine({
    program,
    config,
    configDir,
    rootDir,
    sinks: [...loadBuiltInCatalog(), ...config.sinks],
    summaries: loadFlowSummaries(),
  });
  const wanted = options.files ? new Set(options.files.map((file) => path.resolve(rootDir, file))) : undefined;
  const isIgnored = ignoreMatcher(config.ignore, configDir);
  const stubbed = new Set(excluded.map((file) => file.file));
  const findings: Finding[] = [];
  const files: string[] = [];
  const candidates = program.getSourceFiles().filter((sourceFile) =>
    !sourceFile.isDeclarationFile && !sourceFile.fileName.includes('/node_modules/')
    && (!wanted || wanted.has(path.resolve(sourceFile.fileName))) && !isIgnored(sourceFile.fileName)
    && !stubbed.has(sourceFile.fileName));
  for (const [index, sourceFile] of candidates.entries()) {
    options.onFile?.(sourceFile.fileName, index, candidates.length);
    if (!config.analyzeGeneratedFiles && looksGenerated(sourceFile)) {
      diagnostics.push({
        kind: 'generated-file-skipped',
        message: 'looks generated or minified; not analysed (set analyzeGeneratedFiles to analyse it)',
        file: sourceFile.fileName,
      });
      continue;
    }
    files.push(sourceFile.fileName);
    const result = engine.analyzeFile(sourceFile);
    findings.push(...result.findings);
    diagnostics.push(...result.diagnostics);
  }
  findings.sort((a, b) => a.sink.location.file.localeCompare(b.sink.location.file) || a.sink.location.line - b.sink.location.line || a.sink.location.column - b.sink.location.column);
  return { findings, diagnostics, files };
}
