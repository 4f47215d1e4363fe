import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { AnalysisDiagnostic, SourceLocation, TraceStep } from '../findings.js';
import { SARIF_FINGERPRINT_KEY } from './fingerprint.js';
import { openFindings, type ReportFinding, type ScanReport } from './model.js';
import { pathInside } from './paths.js';
import { RULES, type RuleInfo } from './rules.js';

/** The base every relative artifact URI is resolved against: the repository's top. */
export const SRCROOT = '%SRCROOT%';

const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://eslint-plugin-phi.dev/docs/cli';

/**
 * The report as SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. Open findings only:
 * suppressed and baselined ones are left out, so uploading the report opens no alert for them.
 * Every result carries the sink as its location, the PHI source as a related location linked from
 * its message, the whole trace as a code flow, and a fingerprint that survives unrelated edits.
 */
export function formatSarif(report: ScanReport): string {
  return `${JSON.stringify(sarifLog(report), null, 2)}\n`;
}

export function sarifLog(report: ScanReport): Sarif.Log {
  const toLocation = physicalLocation(report.root);
  const run: Sarif.Run = {
    tool: {
      driver: {
        name: report.tool.name,
        fullName: `${report.tool.name} (eslint-plugin-phi)`,
        version: report.tool.version,
        semanticVersion: report.tool.version,
        informationUri: INFORMATION_URI,
        rules: RULES.map(ruleDescriptor),
      },
    },
    originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(report.root.endsWith('/') ? report.root : `${report.root}/`).href } },
    columnKind: 'utf16CodeUnits',
    results: openFindings(report).map((item) => result(item, toLocation)),
    invocations: [
      {
        executionSuccessful: true,
        toolExecutionNotifications: report.diagnostics.map((diagnostic) => notification(diagnostic, toLocation)),
      },
    ],
    properties: {
      suppressed: report.findings.filter((f) => f.status === 'suppressed').length,
      baselined: report.findings.filter((f) => f.status === 'baselined').length,
      filesAnalysed: report.files.length,
      ...(report.changedSince ? { changedSince: report.changedSince.ref, outsideChangedLines: report.changedSince.outside } : {}),
    },
  };
  return { $schema: SCHEMA_URI, version: '2.1.0', runs: [run] };
}

function ruleDescriptor(rule: RuleInfo): Sarif.ReportingDescriptor {
  const cwe = rule.cwe.map((c) => `CWE-${c.id}: ${c.name}`).join('; ');
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.fullDescription },
    help: {
      text: `${rule.fullDescription}\n\nHow to fix: ${rule.remedy.replace(/`/g, '')}\n\nWeaknesses: ${cwe}.\n\nSee ${rule.helpUri}`,
      markdown:
        `${rule.fullDescription}\n\n**How to fix:** ${rule.remedy}\n\n**Weaknesses:** ` +
        `${rule.cwe.map((c) => `[CWE-${c.id}](https://cwe.mitre.org/data/definitions/${c.id}.html) ${c.name}`).join(', ')}\n\n` +
        `[Rule documentation](${rule.helpUri})`,
    },
    helpUri: rule.helpUri,
    defaultConfiguration: { level: 'error', enabled: true },
    properties: {
      tags: ['security', 'privacy', 'phi', 'hipaa', rule.category, ...rule.cwe.map((c) => `external/cwe/cwe-${c.id}`)],
      precision: 'high',
      'problem.severity': 'error',
      'security-severity': rule.securitySeverity,
    },
  };
}

type ToLocation = (location: SourceLocation) => Sarif.PhysicalLocation;

function result(item: ReportFinding, toLocation: ToLocation): Sarif.Result {
  const { finding } = item;
  const { source } = finding;
  const ruleIndex = RULES.findIndex((rule) => rule.id === finding.ruleId);
  const sourceStep = finding.trace[0]?.location;
  const related: Sarif.Location[] = [];
  if (sourceStep) related.push({ id: 1, physicalLocation: toLocation(sourceStep), message: { text: `${source.name} is read here` } });
  if (source.declaration) {
    related.push({ id: 2, physicalLocation: toLocation(source.declaration), message: { text: `PHI ${source.name}: ${source.reason}` } });
  }
  const name = escapeMessage(source.name);
  const where = [sourceStep ? 'read [here](1)' : '', source.declaration ? 'declared [here](2)' : ''].filter(Boolean).join(' and ');
  const link = where ? ` The PHI, ${name}, is ${where}.` : '';
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: finding.severity,
    kind: 'fail',
    message: { text: `${sentence(escapeMessage(finding.message))}${link}` },
    locations: [
      {
        physicalLocation: toLocation(finding.sink.location),
        ...(finding.enclosingFunction !== undefined
          ? { logicalLocations: [{ name: finding.enclosingFunction, kind: 'function' }] }
          : {}),
      },
    ],
    ...(related.length > 0 ? { relatedLocations: related } : {}),
    codeFlows: [
      {
        message: { text: `${source.name} flows to ${finding.sink.callee}` },
        threadFlows: [{ locations: finding.trace.map((step, index) => threadFlowLocation(step, index, toLocation)) }],
      },
    ],
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: item.fingerprint },
    properties: {
      category: finding.category,
      vendor: finding.sink.vendor,
      sink: finding.sink.callee,
      sinkRole: finding.sink.role,
      ...(finding.sink.host !== undefined ? { host: finding.sink.host } : {}),
      phi: source.name,
      phiSource: source.kind,
      ...(source.heuristic !== undefined ? { heuristic: true, heuristicCategory: source.heuristic.category, heuristicPattern: source.heuristic.pattern } : {}),
      ...(item.unjustifiedSuppression ? { unjustifiedSuppressionLine: item.unjustifiedSuppression.line } : {}),
    },
  };
}

function threadFlowLocation(step: TraceStep, index: number, toLocation: ToLocation): Sarif.ThreadFlowLocation {
  return {
    location: { physicalLocation: toLocation(step.location), message: { text: step.message } },
    kinds: stepKinds(step),
    executionOrder: index + 1,
    importance: step.kind === 'source' || step.kind === 'sink' ? 'essential' : 'important',
    properties: { step: step.kind, code: step.code },
  };
}

/** SARIF's well-known thread-flow location kinds for a trace step, with `taint` on every step. */
function stepKinds(step: TraceStep): string[] {
  switch (step.kind) {
    case 'argument':
    case 'call':
    case 'callback':
      return ['call', 'taint'];
    case 'return':
      return ['return', 'taint'];
    case 'parameter':
      return ['enter', 'taint'];
    default:
      return ['taint'];
  }
}

function notification(diagnostic: AnalysisDiagnostic, toLocation: ToLocation): Sarif.Notification {
  const location = diagnostic.location ?? (diagnostic.file !== undefined ? { file: diagnostic.file, line: 0, column: 0, endLine: 0, endColumn: 0 } : undefined);
  return {
    level: diagnostic.kind === 'unresolved-module' || diagnostic.kind === 'project-error' ? 'note' : 'warning',
    message: { text: diagnostic.message },
    descriptor: { id: diagnostic.kind },
    ...(location ? { locations: [{ physicalLocation: toLocation(location) }] } : {}),
  };
}

/** A location relative to the repository's top (`%SRCROOT%`), or an absolute file URI outside it. */
function physicalLocation(root: string): ToLocation {
  return (location) => {
    const relative = pathInside(location.file, root);
    const artifactLocation: Sarif.ArtifactLocation =
      relative !== undefined
        ? { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT }
        : { uri: pathToFileURL(location.file).href };
    if (location.line < 1) return { artifactLocation };
    return {
      artifactLocation,
      region: {
        startLine: location.line,
        startColumn: location.column,
        endLine: location.endLine,
        endColumn: location.endColumn,
      },
    };
  };
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Plain-text SARIF messages treat `[…](…)` as links: escape brackets that are meant literally. */
function escapeMessage(text: string): string {
  return text.replace(/[[\]]/g, (c) => `\\${c}`);
}
