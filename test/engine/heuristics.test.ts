import { describe, expect, it } from 'vitest';
import { analyzeSources, labelDiff } from '../support/inMemory.js';

const handler = `export function handle(req: any) {
  console.log(req.body.ssn); // expect: phi/no-logging
  console.log(req.body.sessionNotes); // expect: phi/no-logging
  console.log(req.body.count, req.body.fileName);
}`;

describe('heuristic sources', () => {
  it('are off unless configured', () => {
    expect(analyzeSources({ '/a.ts': handler }).findings).toEqual([]);
  });

  it('classify property names, marked heuristic, with the category severity', () => {
    expect(labelDiff({ '/a.ts': handler }, { heuristics: 'hipaa' })).toEqual({ missing: [], extra: [] });
    const findings = analyzeSources({ '/a.ts': handler }, { heuristics: 'hipaa' }).findings;
    expect(findings.map((f) => [f.heuristic, f.severity, f.source.kind, f.source.heuristic?.category])).toEqual([
      [true, 'warning', 'heuristic', 'safe-harbor/ssn'],
      [true, 'error', 'heuristic', 'mental-health/therapy-notes'],
    ]);
    expect(findings[0]?.message).toMatch(/^ssn \(PHI: name heuristic: .*\) reaches console\.log$/);
  });

  it('defer to declared types: @notPhi wins, typed PHI stays typed, constants are not PHI', () => {
    expect(labelDiff({
      '/a.ts': `/** @phi */
interface Patient { /** @notPhi */ email: string; notes: string }
export function f(p: Patient, params: { diagnosis: string }) {
  console.log(p.email);
  console.log(p.notes); // expect: phi/no-logging
  const email = 'support@clinic.example';
  console.log(email);
  console.log({ diagnosis: 'none recorded' });
  console.log({ diagnosis: params.diagnosis }); // expect: phi/no-logging
}`,
    }, { heuristics: 'hipaa' })).toEqual({ missing: [], extra: [] });
    const typed = analyzeSources({ '/a.ts': `/** @phi */ interface Patient { notes: string }\nexport function f(p: Patient) { console.log(p.notes); }` }, { heuristics: 'hipaa' });
    expect(typed.findings.map((f) => [f.source.kind, f.severity, f.heuristic])).toEqual([['type-tag', 'error', undefined]]);
  });

  it('take the patterns and categories from the configuration', () => {
    const files = { '/a.ts': `export function f(row: any) {\n  console.log(row.studyArm); // expect: phi/no-logging\n  console.log(row.ssn);\n}` };
    expect(labelDiff(files, {
      heuristics: 'hipaa',
      heuristicCategories: { disable: ['safe-harbor/ssn'], categories: [{ id: 'custom/study-arm', patterns: ['study arm'] }] },
    })).toEqual({ missing: [], extra: [] });
  });
});
