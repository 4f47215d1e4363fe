import { statSync } from 'node:fs';
import path from 'node:path';
import ts from '#typescript';
import { buildTypeChecker, loadProject, type CompilerProject, type ExcludedFile } from '../project/index.js';

/** A program of the analyzer's own, for a file linted without type information. */
export interface OwnProgram {
  program: ts.Program;
  sourceFile: ts.SourceFile;
  /** The tsconfig's directory, or the file's directory when there is none. */
  rootDir: string;
  tsconfigPath?: string;
}

/**
 * One project per tsconfig, kept for the life of the process (an editor's ESLint server
 * lints many times). A lint updates the linted file to the text ESLint was given, unsaved edits
 * included, and TypeScript builds the next program reusing every unchanged source file, so a
 * re-lint costs the changed file, not the project.
 */
interface ProjectState {
  project: CompilerProject;
  rootDir: string;
  tsconfigPath?: string;
  tsconfigMtime?: number;
  /** Modification time of each file as last read from disk. */
  diskTimes: Map<string, number | undefined>;
  /** Files whose text came from ESLint, with the disk time they then had: kept until saved. */
  editorTexts: Map<string, number | undefined>;
  lastDiskCheck: number;
  /**
   * Files the compiler could not bind (nested too deeply), stubbed in the project, with the text
   * that failed: linting that same text again reports the problem without rebuilding anything.
   */
  unbindable: Map<string, ExcludedFile>;
}

/** A linted file the TypeScript compiler cannot handle: reported by the rules as one problem. */
export class UnanalysableFileError extends Error {
  override readonly name = 'UnanalysableFileError';
}

const projects = new Map<string, ProjectState>();
/** Projects kept at once; the least recently linted goes first. */
const maxProjects = 8;
/** How often, at most, files other than the linted one are checked for changes on disk. */
const diskCheckIntervalMs = 1000;

export const ownProjectCounters = { projectLoads: 0, textUpdates: 0, diskRefreshes: 0 };

/** The file's program, or undefined when the program leaves it out (JavaScript without `allowJs`). */
export function ownProgramFor(fileName: string, text: string): OwnProgram | undefined {
  const file = path.resolve(fileName);
  const tsconfigPath = ts.findConfigFile(path.dirname(file), ts.sys.fileExists);
  const key = tsconfigPath ?? `inferred:${path.dirname(file)}`;
  let state = projects.get(key);
  if (state && tsconfigPath && modificationTime(tsconfigPath) !== state.tsconfigMtime) state = undefined;
  if (!state) state = load(file, tsconfigPath);
  projects.delete(key);
  projects.set(key, state);
  while (projects.size > maxProjects) projects.delete(projects.keys().next().value as string);

  refreshFromDisk(state, file);
  const known = state.unbindable.get(file);
  if (known?.text === text) throw new UnanalysableFileError(known.diagnostic.message);
  if (state.project.currentText(file) !== text) {
    state.project.setText(file, text);
    state.editorTexts.set(file, modificationTime(file));
    state.unbindable.delete(file);
    ownProjectCounters.textUpdates++;
  }
  // The engine needs the checker anyway; building it here lets a file the binder overflows on be
  // stubbed out of the project instead of failing every file's lint.
  for (const excluded of buildTypeChecker(state.project)) state.unbindable.set(path.resolve(excluded.file), excluded);
  const failed = state.unbindable.get(file);
  if (failed?.text === text) throw new UnanalysableFileError(failed.diagnostic.message);
  const program = state.project.program();
  const sourceFile = program.getSourceFile(file);
  if (!sourceFile) return undefined;
  return { program, sourceFile, rootDir: state.rootDir, ...(state.tsconfigPath ? { tsconfigPath: state.tsconfigPath } : {}) };
}

function load(file: string, tsconfigPath: string | undefined): ProjectState {
  ownProjectCounters.projectLoads++;
  const loaded = tsconfigPath
    ? loadProject({ tsconfig: tsconfigPath })
    : loadProject({ directory: path.dirname(file), files: [file] });
  const state: ProjectState = {
    project: loaded.project,
    rootDir: tsconfigPath ? path.dirname(tsconfigPath) : path.dirname(file),
    diskTimes: new Map(),
    editorTexts: new Map(),
    lastDiskCheck: Date.now(),
    unbindable: new Map(loaded.excluded.map((excluded) => [path.resolve(excluded.file), excluded])),
    ...(tsconfigPath ? { tsconfigPath, tsconfigMtime: modificationTime(tsconfigPath) } : {}),
  };
  for (const sourceFile of projectFiles(state)) state.diskTimes.set(sourceFile, modificationTime(sourceFile));
  return state;
}

/**
 * Picks up files changed on disk by something other than this lint (a save, a checkout), at most
 * once a second. A file whose text came from ESLint keeps it until its disk copy changes.
 */
function refreshFromDisk(state: ProjectState, linted: string): void {
  const now = Date.now();
  if (now - state.lastDiskCheck < diskCheckIntervalMs) return;
  state.lastDiskCheck = now;
  for (const file of projectFiles(state)) {
    if (file === linted) continue;
    const time = modificationTime(file);
    const known = state.editorTexts.has(file) ? state.editorTexts.get(file) : state.diskTimes.get(file);
    if (time === known) continue;
    state.editorTexts.delete(file);
    state.diskTimes.set(file, time);
    state.project.refresh(file);
    ownProjectCounters.diskRefreshes++;
  }
}

/** The project's own files: those its program holds outside node_modules. */
function projectFiles(state: ProjectState): string[] {
  return state.project.ownFiles().map((sourceFile) => path.resolve(sourceFile.fileName));
}

function modificationTime(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}
