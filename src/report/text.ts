import path from 'node:path';
import type { AnalysisResult } from '../analyze.js';
import type { AnalysisDiagnostic, Finding } from '../findings.js';

export interface TextFormatOptions {
  /** Colour with ANSI escape codes. */
  color: boolean;
  /** File paths are shown relative to this directory. */
  cwd: string;
  /** Findings only: no diagnostics and no summary. */
  quiet?: boolean;
}

/**
 * The report for a terminal: findings grouped by file, each with its trace from source to sink,
 * then what could not be analysed, then a summary. Ends with a newline unless it is empty.
 */
export function formatText(result: AnalysisResult, options: TextFormatOptions): string {
  const style = options.color ? ansi : plain;
  const lines: string[] = [];

  for (const [file, findings] of groupByFile(result.findings)) {
    lines.push(style.underline(displayPath(file, options.cwd)));
    const positionWidth = Math.max(...findings.map((f) => position(f).length));
    const severityWidth = Math.max(...findings.map((f) => f.severity.length));
    for (const finding of findings) {
      const severity = finding.severity.padEnd(severityWidth);
      lines.push(
        `  ${style.dim(position(finding).padEnd(positionWidth))}` +
          `  ${finding.severity === 'error' ? style.red(severity) : style.yellow(severity)}` +
          `  ${finding.message}  ${style.dim(finding.ruleId)}`,
      );
      for (const step of finding.trace) {
        const where =
          step.location.file === file
            ? String(step.location.line)
            : `${displayPath(step.location.file, options.cwd)}:${step.location.line}`;
        lines.push(`      ${style.dim('↳')} ${style.dim(where)}  ${step.message}`);
      }
    }
    lines.push('');
  }
  if (options.quiet) return lines.join('\n');

  if (result.diagnostics.length > 0) {
    lines.push(style.bold('Diagnostics'));
    for (const diagnostic of result.diagnostics) lines.push(...diagnosticLines(diagnostic, options.cwd, style));
    lines.push('');
  }

  lines.push(summary(result, style), analysedLine(result));
  return `${lines.join('\n')}\n`;
}

/** A path for display: relative to `cwd`, with forward slashes. */
export function displayPath(file: string, cwd: string): string {
  if (!path.isAbsolute(file)) return file.split(path.sep).join('/');
  const relative = path.relative(cwd, file);
  return (relative === '' ? '.' : relative).split(path.sep).join('/');
}

function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const file = finding.sink.location.file;
    const group = groups.get(file);
    if (group) group.push(finding);
    else groups.set(file, [finding]);
  }
  return groups;
}

function position(finding: Finding): string {
  return `${finding.sink.location.line}:${finding.sink.location.column}`;
}

function diagnosticLines(diagnostic: AnalysisDiagnostic, cwd: string, style: Style): string[] {
  const file = diagnostic.location?.file ?? diagnostic.file;
  let where = file === undefined ? '' : displayPath(file, cwd);
  if (file !== undefined && diagnostic.location) where += `:${diagnostic.location.line}:${diagnostic.location.column}`;
  const [first = '', ...rest] = diagnostic.message.split(/\r?\n/);
  const head = `  ${where ? `${style.dim(where)}  ` : ''}${style.yellow(diagnostic.kind)}  ${first}`;
  return [head, ...rest.map((line) => `    ${line}`)];
}

function summary(result: AnalysisResult, style: Style): string {
  const total = result.findings.length;
  if (total === 0) return style.green('No PHI flows found.');
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = total - errors;
  const counts = [count(errors, 'error'), ...(warnings > 0 ? [count(warnings, 'warning')] : [])].join(', ');
  const text = `✖ ${count(total, 'problem')} (${counts})`;
  return errors > 0 ? style.bold(style.red(text)) : style.bold(style.yellow(text));
}

function analysedLine(result: AnalysisResult): string {
  const diagnostics = result.diagnostics.length;
  return `${count(result.files.length, 'file')} analysed${diagnostics > 0 ? `, ${count(diagnostics, 'diagnostic')}` : ''}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

interface Style {
  bold(text: string): string;
  dim(text: string): string;
  underline(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
}

const wrap =
  (open: number, close: number) =>
  (text: string): string =>
    `\u001b[${open}m${text}\u001b[${close}m`;

const ansi: Style = {
  bold: wrap(1, 22),
  dim: wrap(2, 22),
  underline: wrap(4, 24),
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  green: wrap(32, 39),
};

const identity = (text: string): string => text;

const plain: Style = {
  bold: identity,
  dim: identity,
  underline: identity,
  red: identity,
  yellow: identity,
  green: identity,
};
