import { describe, expect, it } from 'vitest';
import { assignFingerprints, fingerprintHash, normaliseCode } from '../../src/report/fingerprint.js';
import { finding, findings, at } from './sample.js';

describe('normaliseCode', () => {
  it('ignores formatting: whitespace, line breaks, trailing commas and comments', () => {
    const compact = normaliseCode('logger.info({ mrn: patient.mrn, name })');
    expect(normaliseCode('logger.info({\n  mrn: patient.mrn, // the record\n  name,\n})')).toBe(compact);
    expect(normaliseCode('logger.info( { mrn : patient.mrn , /* x */ name } )')).toBe(compact);
    expect(normaliseCode('logger.warn({ mrn: patient.mrn, name })')).not.toBe(compact);
  });

  it('keeps URLs and at most 200 characters', () => {
    expect(normaliseCode("fetch('https://x.example/a')")).toBe("fetch('https://x.example/a')");
    expect(normaliseCode(`f(${'a, '.repeat(200)})`)).toHaveLength(200);
  });
});

describe('fingerprints', () => {
  const base = finding({ sinkAt: at('src/admit.ts', 8, 5) });

  it('do not depend on lines or columns', () => {
    const moved = finding({ sinkAt: at('src/admit.ts', 80, 9), trace: base.trace.map((s) => ({ ...s, location: { ...s.location, line: s.location.line + 40 } })) });
    expect(fingerprintHash(moved, 'src/admit.ts', 'console.log(name)')).toBe(fingerprintHash(base, 'src/admit.ts', 'console.log(name)'));
  });

  it('change with the rule, the file, the function, the PHI and the sink code', () => {
    const hash = fingerprintHash(base, 'src/admit.ts', 'console.log(name)');
    expect(fingerprintHash({ ...base, ruleId: 'phi/no-analytics' }, 'src/admit.ts', 'console.log(name)')).not.toBe(hash);
    expect(fingerprintHash(base, 'src/other.ts', 'console.log(name)')).not.toBe(hash);
    expect(fingerprintHash({ ...base, enclosingFunction: 'discharge' }, 'src/admit.ts', 'console.log(name)')).not.toBe(hash);
    expect(fingerprintHash({ ...base, source: { ...base.source, name: 'Patient.ssn' } }, 'src/admit.ts', 'console.log(name)')).not.toBe(hash);
    expect(fingerprintHash(base, 'src/admit.ts', 'console.error(name)')).not.toBe(hash);
    expect(hash).toMatch(/^[0-9a-f]{32}$/);
  });

  it('number findings that would share one, in order', () => {
    const twice = [base, finding({ sinkAt: at('src/admit.ts', 20, 5) }), findings[1]!];
    const prints = assignFingerprints(twice, (f) => f.sink.location.file.slice(6));
    expect(prints[1]).toBe(`${prints[0]}:2`);
    expect(prints[2]).not.toContain(':');
  });
});
