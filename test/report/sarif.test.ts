import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Sarif from 'sarif';
import { beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/cli/run.js';
import { SARIF_FINGERPRINT_KEY } from '../../src/report/fingerprint.js';
import type { ScanReport } from '../../src/report/model.js';
import { RULES } from '../../src/report/rules.js';
import { formatSarif, SRCROOT } from '../../src/report/sarif.js';
import { rules as pluginRules } from '../../rules/index.js';
import { findings, item, sampleReport } from './sample.js';
import { describeErrors, sarifValidator } from './schema.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function validate(log: unknown): void {
  const valid = sarifValidator();
  expect(valid(log), describeErrors(valid.errors)).toBe(true);
}

describe('SARIF report of a hand-made scan', () => {
  const report = sampleReport({
    findings: [
      item(findings[0]!, 0),
      item({ ...findings[1]!, message: 'items[0] reaches track' }, 1),
      item(findings[2]!, 2, { status: 'suppressed', suppression: { kind: 'comment', line: 2 } }),
    ],
  });
  const log = JSON.parse(formatSarif(report)) as Sarif.Log;
  const run = log.runs[0]!;

  it('is valid SARIF 2.1.0', () => {
    expect(log.version).toBe('2.1.0');
    validate(log);
  });

  it('describes every rule, with help, level and CWE tags', () => {
    const rules = run.tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual(['phi/no-logging', 'phi/no-analytics', 'phi/no-unencrypted-storage', 'phi/no-unconsented-sharing']);
    for (const rule of rules) {
      const name = rule.id.slice('phi/'.length) as keyof typeof pluginRules;
      expect(rule.shortDescription?.text).toBe(pluginRules[name].meta.docs?.description);
      expect(rule.helpUri).toBe(pluginRules[name].meta.docs?.url);
      expect(rule.fullDescription?.text).toBeTruthy();
      expect(rule.help?.markdown).toContain('CWE-');
      expect(rule.defaultConfiguration?.level).toBe('error');
      expect((rule.properties?.tags as string[]).some((tag) => /^external\/cwe\/cwe-\d+$/.test(tag))).toBe(true);
      expect(rule.properties?.['security-severity']).toMatch(/^\d+\.\d$/);
    }
    expect(rules[0]!.properties?.tags).toContain('external/cwe/cwe-532');
    expect(rules[2]!.properties?.tags).toContain('external/cwe/cwe-312');
  });

  it('reports open findings with the sink, the source, the trace and a fingerprint', () => {
    expect(run.results).toHaveLength(2);
    const [first, second] = run.results as [Sarif.Result, Sarif.Result];
    expect(first.ruleId).toBe('phi/no-logging');
    expect(first.ruleIndex).toBe(0);
    expect(first.level).toBe('error');
    expect(first.message.text).toBe(
      'Patient.name (PHI: @phi in src/model.ts:3) reaches console.log. The PHI, Patient.name, is read [here](1) and declared [here](2).',
    );
    expect(second.message.text).toMatch(/^items\\\[0\\\] reaches track\./);
    expect(first.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'src/admit.ts', uriBaseId: SRCROOT },
      region: { startLine: 8, startColumn: 5, endLine: 8, endColumn: 15 },
    });
    expect(first.locations![0]!.logicalLocations).toEqual([{ name: 'admit', kind: 'function' }]);
    expect(first.relatedLocations!.map((l) => [l.id, l.physicalLocation?.artifactLocation?.uri, l.physicalLocation?.region?.startLine])).toEqual([
      [1, 'src/model.ts', 12],
      [2, 'src/model.ts', 3],
    ]);
    const flow = first.codeFlows![0]!.threadFlows[0]!.locations;
    expect(flow.map((l) => l.location?.message?.text)).toEqual(findings[0]!.trace.map((s) => s.message));
    expect(flow.map((l) => l.executionOrder)).toEqual([1, 2, 3]);
    expect(flow[1]!.kinds).toEqual(['return', 'taint']);
    expect(first.partialFingerprints).toEqual({ [SARIF_FINGERPRINT_KEY]: 'fp0' });
    expect(run.originalUriBaseIds?.[SRCROOT]?.uri).toBe('file:///repo/');
    expect(run.properties).toMatchObject({ suppressed: 1, baselined: 0 });
  });

  it('reports diagnostics as notifications', () => {
    const notes = run.invocations![0]!.toolExecutionNotifications!;
    expect(notes.map((n) => n.descriptor?.id)).toEqual(['parse-error', 'budget-exceeded', 'project-error']);
    expect(notes[0]!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('src/broken.ts');
  });

  it('names files outside the root by absolute URI', () => {
    const outside = sampleReport({ root: '/repo/packages/app', findings: [item(findings[0]!, 0)] });
    const result = (JSON.parse(formatSarif(outside)) as Sarif.Log).runs[0]!.results![0]!;
    expect(result.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'file:///repo/src/admit.ts' });
  });
});

describe('SARIF report of a fixture project', () => {
  let report: ScanReport;
  beforeAll(() => {
    report = scan({ cwd: repoRoot, paths: ['fixtures/node-api'], tool: { name: 'phi-scan', version: '0.0.0-test' } }).report;
  }, 60_000);

  it('is valid SARIF 2.1.0 with one result per finding, relative to the repository', () => {
    const log = JSON.parse(formatSarif(report)) as Sarif.Log;
    validate(log);
    const results = log.runs[0]!.results!;
    expect(results.length).toBe(report.findings.length);
    expect(results.length).toBeGreaterThan(10);
    for (const result of results) {
      const uri = result.locations![0]!.physicalLocation!.artifactLocation!;
      expect(uri.uriBaseId).toBe(SRCROOT);
      expect(uri.uri).toMatch(/^fixtures\/node-api\/src\//);
      expect(result.codeFlows![0]!.threadFlows[0]!.locations.length).toBeGreaterThanOrEqual(1);
    }
    const fingerprints = results.map((r) => r.partialFingerprints![SARIF_FINGERPRINT_KEY]);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    expect(RULES).toHaveLength(4);
  });
});
