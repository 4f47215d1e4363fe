import { accessSync, constants, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import ts from '#typescript';
import { describeError, walk } from './walk.js';

/** One project to analyse, and the command-line path it came from. */
export type Target =
  | {
      kind: 'tsconfig';
      /** The path as given on the command line. */
      input: string;
      /** Absolute path of the tsconfig file. */
      tsconfig: string;
      /** The files its files/include/exclude select (empty when it could not be read). */
      rootFiles: string[];
    }
  | {
      kind: 'inferred';
      input: string;
      /** The directory the project is rooted at; phi.config.json is looked up from here. */
      directory: string;
      /** Its source files, absolute. */
      files: string[];
    };

/** What to analyse for the paths on the command line. */
export interface ScanPlan {
  targets: Target[];
  /**
   * The directories searched for tsconfig files, with every source file found in them: after the
   * projects are analysed, the files none of them covered are analysed as an inferred project.
   */
  searched: Array<{ input: string; directory: string; sources: string[] }>;
  /** With `--project` and paths: the files to report on. */
  reportFiles?: string[];
}

/** A path on the command line that names nothing to analyse, or a file that cannot be read. Exit status 2. */
export class TargetError extends Error {
  override readonly name = 'TargetError';

  constructor(
    /** The path as given on the command line. */
    readonly input: string,
    reason: string,
  ) {
    super(`${input}: ${reason}`);
  }
}

const TSCONFIG = 'tsconfig.json';

/** The projects the command-line paths name, in order, each project once. */
export function planTargets(inputs: readonly string[], cwd: string): ScanPlan {
  const plan: ScanPlan = { targets: [], searched: [] };
  const seen = new Set<string>();
  const add = (target: Target): void => {
    const key = target.kind === 'tsconfig' ? `tsconfig:${target.tsconfig}` : `inferred:${target.directory}`;
    if (seen.has(key)) return;
    seen.add(key);
    plan.targets.push(target);
  };
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const stat = statOf(absolute);
    if (stat === undefined) throw new TargetError(input, 'no such file or directory');
    if (stat.isFile()) {
      if (path.extname(absolute) !== '.json') {
        throw new TargetError(input, 'not a directory or a tsconfig file (use --project <tsconfig> <file> to report on one file)');
      }
      for (const target of expandReferences(input, absolute)) add(target);
      continue;
    }
    if (!stat.isDirectory()) throw new TargetError(input, 'not a directory or a tsconfig file');

    const found = walk(absolute);
    const [unreadable] = found.unreadable;
    if (unreadable) throw new TargetError(displayInput(input, absolute, unreadable.file), `cannot be read: ${unreadable.reason}`);
    if (found.tsconfigs.length > 0) {
      for (const tsconfig of found.tsconfigs) for (const target of expandReferences(input, tsconfig)) add(target);
      plan.searched.push({ input, directory: absolute, sources: found.sources });
      continue;
    }
    if (found.sources.length === 0) throw new TargetError(input, `no ${TSCONFIG} and no source files`);
    add({ kind: 'inferred', input, directory: absolute, files: found.sources });
  }
  return plan;
}

/** The plan for `--project`: that tsconfig (and the projects it references) and the files to report on. */
export function planProject(project: string, paths: readonly string[], cwd: string): ScanPlan {
  const absolute = path.resolve(cwd, project);
  const stat = statOf(absolute);
  if (stat === undefined) throw new TargetError(project, 'no such file or directory');
  let tsconfig = absolute;
  if (stat.isDirectory()) {
    tsconfig = path.join(absolute, TSCONFIG);
    if (!statOf(tsconfig)?.isFile()) throw new TargetError(project, `no ${TSCONFIG} in this directory`);
  }
  const plan: ScanPlan = { targets: expandReferences(project, tsconfig), searched: [] };
  if (paths.length > 0) plan.reportFiles = resolveReportFiles(paths, cwd);
  return plan;
}

/**
 * The source files the paths name, absolute: a file itself, a directory its source files. Used
 * with `--project` to report on part of a project.
 */
export function resolveReportFiles(inputs: readonly string[], cwd: string): string[] {
  const files = new Set<string>();
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const stat = statOf(absolute);
    if (stat === undefined) throw new TargetError(input, 'no such file or directory');
    if (stat.isDirectory()) {
      const found = walk(absolute);
      if (found.sources.length === 0) throw new TargetError(input, 'no source files');
      for (const file of found.sources) files.add(file);
    } else {
      files.add(absolute);
    }
  }
  return [...files];
}

/**
 * A tsconfig and the projects it references, transitively. A solution-style tsconfig (no files of
 * its own, only references) stands for its references and is not analysed itself.
 */
function expandReferences(input: string, tsconfig: string): Target[] {
  const targets: Target[] = [];
  const visited = new Set<string>();
  const visit = (file: string): void => {
    if (visited.has(file)) return;
    visited.add(file);
    const parsed = parseTsconfig(file);
    const references = parsed?.references ?? [];
    if (parsed === undefined || parsed.fileNames.length > 0 || references.length === 0) {
      targets.push({ kind: 'tsconfig', input, tsconfig: file, rootFiles: parsed?.fileNames ?? [] });
    }
    for (const reference of references) {
      if (statOf(reference)?.isFile()) visit(reference);
    }
  };
  visit(path.resolve(tsconfig));
  return targets;
}

/** A tsconfig's files and references, read with the compiler's parser; undefined if it cannot be read. */
function parseTsconfig(file: string): { fileNames: string[]; references: string[] } | undefined {
  let unrecoverable = false;
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: () => {
      unrecoverable = true;
    },
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(file, undefined, host);
  if (parsed === undefined || unrecoverable) return undefined;
  return {
    fileNames: parsed.fileNames.map((name) => path.resolve(name)),
    references: (parsed.projectReferences ?? []).map((ref) => path.resolve(ts.resolveProjectReferencePath(ref))),
  };
}

/** Throws a TargetError for the first of a project's files that cannot be read. */
export function checkReadable(target: Target, cwd: string): void {
  const files = target.kind === 'tsconfig' ? target.rootFiles : target.files;
  for (const file of files) {
    try {
      accessSync(file, constants.R_OK);
      if (statSync(file).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    } catch (error) {
      const owner = target.kind === 'tsconfig' ? ` (listed by ${path.relative(cwd, target.tsconfig) || target.tsconfig})` : '';
      throw new TargetError(path.relative(cwd, file) || file, `cannot be read${owner}: ${describeError(error)}`);
    }
  }
}

function displayInput(input: string, absolute: string, file: string): string {
  const relative = path.relative(absolute, file);
  return relative === '' ? input : path.join(input, relative);
}

function statOf(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}
