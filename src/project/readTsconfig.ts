import { statSync } from 'node:fs';
import path from 'node:path';
import ts from '#typescript';
import type { AnalysisDiagnostic } from '../findings.js';
import { ProjectLoadError } from './errors.js';
import { fromTsDiagnostic, spanLocation } from './location.js';

export interface TsconfigContents {
  /** Absolute path of the tsconfig that was read. */
  path: string;
  /** The options the tsconfig sets, extends chain included; nothing defaulted. */
  options: ts.CompilerOptions;
  /** The files its files/include/exclude select. */
  fileNames: string[];
  /** Problems that did not stop the config from being read. */
  diagnostics: AnalysisDiagnostic[];
}

/**
 * Reads a tsconfig with the compiler's own parser (extends chains, include/exclude).
 * `tsconfigPath` may name a directory holding a tsconfig.json, as `tsc -p` allows.
 * Throws ProjectLoadError when the file is missing or unreadable or is not valid JSON
 * (in it or in a config it extends); other problems come back as diagnostics.
 */
export function readTsconfig(tsconfigPath: string): TsconfigContents {
  const file = resolveConfigPath(tsconfigPath);
  const unrecoverable: ts.Diagnostic[] = [];
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => unrecoverable.push(diagnostic),
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(file, undefined, host);
  const cannotRead = unrecoverable[0];
  if (parsed === undefined || cannotRead !== undefined) {
    const reason = cannotRead ? ts.flattenDiagnosticMessageText(cannotRead.messageText, ' ') : 'unreadable';
    throw loadError(file, `Cannot read tsconfig ${file}: ${reason}`);
  }

  const all = ts.getConfigFileParsingDiagnostics(parsed);
  const syntax = all.find((d) => d.code >= 1000 && d.code < 2000 && d.file !== undefined);
  if (syntax?.file !== undefined) {
    const at = spanLocation(syntax.file, syntax.start ?? 0, syntax.start ?? 0);
    const problem = ts.flattenDiagnosticMessageText(syntax.messageText, ' ');
    const where = `${syntax.file.fileName}:${at.line}:${at.column}`;
    const via = syntax.file.fileName === file ? '' : ` (extended by ${file})`;
    throw loadError(syntax.file.fileName, `Invalid JSON in tsconfig ${where}${via}: ${problem}`);
  }

  const diagnostics = all.map((d) => fromTsDiagnostic('project-error', d, file));
  if (parsed.fileNames.length === 0 && (parsed.projectReferences?.length ?? 0) > 0) {
    const references = (parsed.projectReferences ?? []).map((ref) => ref.path).join(', ');
    diagnostics.push({
      kind: 'project-error',
      file,
      message: `${file} only references other projects (${references}); pass one of them as the tsconfig to analyse its files.`,
    });
  }
  return { path: file, options: parsed.options, fileNames: [...parsed.fileNames], diagnostics };
}

function resolveConfigPath(tsconfigPath: string): string {
  const resolved = path.resolve(tsconfigPath);
  const stat = statSync(resolved, { throwIfNoEntry: false });
  if (stat?.isDirectory()) return resolveConfigPath(path.join(resolved, 'tsconfig.json'));
  if (stat === undefined) throw loadError(resolved, `Cannot read tsconfig ${resolved}: file not found`);
  return resolved;
}

function loadError(file: string, message: string): ProjectLoadError {
  return new ProjectLoadError(message, file, [{ kind: 'project-error', file, message }]);
}
