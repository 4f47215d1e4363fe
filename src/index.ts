export { analyze, type AnalyzeOptions, type AnalysisResult } from './analyze.js';
export { loadConfig, parseConfig, findConfigFile, PhiConfigError, defaultConfig, type PhiConfig } from './config/index.js';
export { loadBuiltInCatalog, validateCatalog, type SinkEntry, type DataRef, type UrlRef } from './catalog/index.js';
export { PhiEngine, type EngineOptions, type FileResult } from './engine/engine.js';
export { loadProject, loadProjectInMemory, ProjectLoadError } from './project/index.js';
export type {
  AnalysisDiagnostic,
  Finding,
  PhiSource,
  PhiSourceKind,
  RuleId,
  SinkCategory,
  SourceLocation,
  TraceStep,
} from './findings.js';
export { ruleForCategory } from './findings.js';
export { plugin as default, type PhiConfigObject, type PhiPlugin, type PhiRule } from './plugin.js';
