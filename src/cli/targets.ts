import { statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { listSourceFiles } from '../project/inferredProject.js';

/** One project to analyse, and the command-line path it came from. */
export type Target =
  | {
      kind: 'tsconfig';
      /** The path as given on the command line. */
      input: string;
      /** Absolute path of the tsconfig file. */
      tsconfig: string;
    }
  | {
      kind: 'directory';
      input: string;
      /** Absolute path of a directory without a tsconfig.json, scanned as an inferred project. */
      directory: string;
    };

/** A path on the command line that names nothing to analyse. Exit status 2, like a usage error. */
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
export function resolveTargets(inputs: readonly string[], cwd: string): Target[] {
  const seen = new Set<string>();
  const targets: Target[] = [];
  for (const input of inputs) {
    for (const target of resolveTarget(input, cwd)) {
      const key = targetKey(target);
      if (seen.has(key)) continue;
      seen.add(key);
      targets.push(target);
    }
  }
  return targets;
}

/**
 * What one path names: a tsconfig file; a directory's projects (its tsconfig.json); or, for a
 * directory without one, the directory itself as an inferred project when it holds source files.
 */
export function resolveTarget(input: string, cwd: string): Target[] {
  const absolute = path.resolve(cwd, input);
  const stat = statOf(absolute);
  if (stat === undefined) throw new TargetError(input, 'no such file or directory');
  if (stat.isFile()) {
    if (path.extname(absolute) !== '.json') {
      throw new TargetError(input, 'not a directory or a tsconfig file (use --project <tsconfig> <file> to report on one file)');
    }
    return [{ kind: 'tsconfig', input, tsconfig: absolute }];
  }
  if (!stat.isDirectory()) throw new TargetError(input, 'not a directory or a tsconfig file');

  const tsconfigs = projectsIn(absolute);
  if (tsconfigs.length > 0) return tsconfigs.map((tsconfig) => ({ kind: 'tsconfig', input, tsconfig }));
  if (listSourceFiles(absolute).length === 0) throw new TargetError(input, `no ${TSCONFIG} and no source files`);
  return [{ kind: 'directory', input, directory: absolute }];
}

/** The project `--project` names: a tsconfig file, or a directory holding tsconfig.json. */
export function resolveProjectOption(input: string, cwd: string): Target {
  const absolute = path.resolve(cwd, input);
  const stat = statOf(absolute);
  if (stat === undefined) throw new TargetError(input, 'no such file or directory');
  if (stat.isDirectory()) {
    const tsconfig = path.join(absolute, TSCONFIG);
    if (!statOf(tsconfig)?.isFile()) throw new TargetError(input, `no ${TSCONFIG} in this directory`);
    return { kind: 'tsconfig', input, tsconfig };
  }
  return { kind: 'tsconfig', input, tsconfig: absolute };
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
      const found = listSourceFiles(absolute);
      if (found.length === 0) throw new TargetError(input, 'no source files');
      for (const file of found) files.add(file);
    } else {
      files.add(absolute);
    }
  }
  return [...files];
}

/**
 * The tsconfig files of the projects in `directory`. For now only the one at its root; this is
 * where discovery of nested projects (workspaces, solution-style references) belongs.
 */
function projectsIn(directory: string): string[] {
  const root = path.join(directory, TSCONFIG);
  return statOf(root)?.isFile() ? [root] : [];
}

function targetKey(target: Target): string {
  return target.kind === 'tsconfig' ? `tsconfig:${target.tsconfig}` : `directory:${target.directory}`;
}

function statOf(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}
