export {
  loadProject,
  loadProjectInMemory,
  ProjectLoadError,
  type LoadedProject,
  type LoadProjectOptions,
} from './createProject.js';
export { findTypescriptVersion, majorOfRange, type TypescriptVersionInfo } from './typescriptVersion.js';
export { applyLegacyDefaults, type LegacyDefaultsResult } from './legacyDefaults.js';
export { buildTypeChecker, type ExcludedFile } from './checkerGuard.js';
export { CompilerProject, diskFileSystem, memoryFileSystem, type ProjectFileSystem } from './compilerProject.js';
