import type { AnalysisDiagnostic } from '../findings.js';
import { openFindings, type ReportFinding, type ScanReport } from './model.js';
import { displayPath } from './paths.js';

export { displayPath } from './paths.js';

export interface TextFormatOptions {
  /** Colour with ANSI escape codes. */
  color: boolean;
  /** Findings only: no diagnostics and no summary. */
  quiet?: boolean;
}

/**
 * The report for a terminal, in the manner of ESLint's stylish output: open findings grouped by
 * file, each with its trace from source to sink indented beneath it; then what could not be fully
 * analysed; then a summary. Ends with a newline unless it is empty.
 */
export function formatText(report: ScanReport, options: TextFormatOptions): string {
  const style = options.color ? ansi : plain;
  const { cwd } = report;
  const lines: string[] = [];

  for (const [file, findings] of groupByFile(openFindings(report))) {
    lines.push(style.underline(displayPath(file, cwd)));
    const positionWidth = Math.max(...findings.map((f) => position(f).length));
    const severityWidth = Math.max(...findings.map((f) => f.finding.severity.length));
    for (const item of findings) {
      const { finding } = item;
      const severity = finding.severity.padEnd(severityWidth);
      lines.push(
        `  ${style.dim(position(item).padEnd(positionWidth))}` +
          `  ${finding.severity === 'error' ? style.red(severity) : style.yellow(severity)}` +
          `  ${finding.message}  ${style.dim(finding.ruleId)}`,
      );
      for (const step of finding.trace) {
        const where =
          step.location.file === file ? String(step.location.line) : `${displayPath(step.location.file, cwd)}:${step.location.line}`;
        lines.push(`      ${style.dim('↳')} ${style.dim(where)}  ${step.message}`);
      }
      if (item.unjustifiedSuppression) {
        lines.push(
          `      ${style.yellow('!')} the eslint-disable comment on line ${item.unjustifiedSuppression.line} gives no reason ` +
            `(add "-- <reason>"; --require-justification)`,
        );
      }
    }
    lines.push('');
  }
  if (options.quiet) return lines.join('\n');

  if (report.diagnostics.length > 0) {
    lines.push(style.bold('Diagnostics'));
    for (const diagnostic of report.diagnostics) lines.push(...diagnosticLines(diagnostic, cwd, style));
    lines.push('');
  }
  if (report.incomplete.length > 0) {
    lines.push(style.bold(`Not fully analysed (${count(report.incomplete.length, 'file')}; findings in them may be missing)`));
    for (const { file, reasons } of report.incomplete) lines.push(`  ${displayPath(file, cwd)}  ${style.dim(reasons.join(', '))}`);
    lines.push('');
  }
  if (report.baseline && report.baseline.stale.length > 0) {
    const stale = report.baseline.stale;
    lines.push(style.bold(`Stale baseline entries (${stale.length}; they match no finding: run with --update-baseline to drop them)`));
    for (const entry of stale) lines.push(`  ${entry.file}  ${entry.message}  ${style.dim(entry.rule)}`);
    lines.push('');
  }

  lines.push(summary(report, style));
  const excluded = excludedLine(report);
  if (excluded) lines.push(excluded);
  lines.push(analysedLine(report));
  return `${lines.join('\n')}\n`;
}

function groupByFile(findings: readonly ReportFinding[]): Map<string, ReportFinding[]> {
  const groups = new Map<string, ReportFinding[]>();
  for (const item of findings) {
    const file = item.finding.sink.location.file;
    const group = groups.get(file);
    if (group) group.push(item);
    else groups.set(file, [item]);
  }
  return groups;
}

function position(item: ReportFinding): string {
  return `${item.finding.sink.location.line}:${item.finding.sink.location.column}`;
}

function diagnosticLines(diagnostic: AnalysisDiagnostic, cwd: string, style: Style): string[] {
  const file = diagnostic.location?.file ?? diagnostic.file;
  let where = file === undefined ? '' : displayPath(file, cwd);
  if (file !== undefined && diagnostic.location) where += `:${diagnostic.location.line}:${diagnostic.location.column}`;
  const [first = '', ...rest] = diagnostic.message.split(/\r?\n/);
  const head = `  ${where ? `${style.dim(where)}  ` : ''}${style.yellow(diagnostic.kind)}  ${first}`;
  return [head, ...rest.map((line) => `    ${line}`)];
}

function summary(report: ScanReport, style: Style): string {
  const open = openFindings(report);
  if (open.length === 0) return style.green(report.findings.length === 0 ? 'No PHI flows found.' : 'No new PHI flows found.');
  const errors = open.filter((f) => f.finding.severity === 'error').length;
  const warnings = open.length - errors;
  const counts = [count(errors, 'error'), ...(warnings > 0 ? [count(warnings, 'warning')] : [])].join(', ');
  const text = `✖ ${count(open.length, 'problem')} (${counts})`;
  return errors > 0 ? style.bold(style.red(text)) : style.bold(style.yellow(text));
}

/** What was found but not reported, when anything was. */
function excludedLine(report: ScanReport): string | undefined {
  const suppressed = report.findings.filter((f) => f.status === 'suppressed').length;
  const baselined = report.findings.filter((f) => f.status === 'baselined').length;
  const parts: string[] = [];
  if (suppressed > 0) parts.push(`${suppressed} suppressed by eslint-disable comments`);
  if (baselined > 0) parts.push(`${baselined} in the baseline`);
  if (report.changedSince && report.changedSince.outside > 0) {
    parts.push(`${report.changedSince.outside} outside the lines changed since ${report.changedSince.ref}`);
  }
  return parts.length > 0 ? `Not reported: ${parts.join(', ')}` : undefined;
}

function analysedLine(report: ScanReport): string {
  const diagnostics = report.diagnostics.length;
  const projects = report.projects.length > 1 ? ` in ${count(report.projects.length, 'project')}` : '';
  return `${count(report.files.length, 'file')} analysed${projects}${diagnostics > 0 ? `, ${count(diagnostics, 'diagnostic')}` : ''}`;
}

export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
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
