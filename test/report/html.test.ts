import { describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/report/html.js';
import { SourceTexts } from '../../src/report/sourceText.js';
import { findings, item, sampleReport } from './sample.js';

const html = formatHtml(
  sampleReport({
    findings: [
      item(findings[0]!, 0),
      item({ ...findings[1]!, message: '<script>alert(1)</script> reaches "track"' }, 1),
      item(findings[2]!, 2, { status: 'baselined', suppression: { kind: 'baseline', justification: 'BAA with the vendor' } }),
    ],
  }),
  { texts: new SourceTexts(), generatedAt: '2026-01-02T03:04:05.000Z' },
);

describe('formatHtml', () => {
  it('is one self-contained page: no external script, style, font or image', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<(script|img|iframe)\b[^>]*\ssrc=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).toContain("default-src 'none'");
  });

  it('escapes everything that comes from the code', () => {
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62; reaches &#34;track&#34;');
  });

  it('has counts by rule and vendor, the data map and every finding with its trace', () => {
    expect(html).toContain('<caption>By rule</caption>');
    expect(html).toContain('<caption>By vendor</caption>');
    expect(html).toContain('<h2>PHI data map</h2>');
    expect(html).toMatch(/<th scope="rowgroup" rowspan="1">Patient<\/th>/);
    expect(html).toContain('data-rule="phi/no-analytics" data-vendor="Segment" data-phi="Patient.name"');
    expect(html.match(/<li id="finding-\d+"/g)).toHaveLength(3);
    expect(html).toContain('in baseline: BAA with the vendor');
    expect(html).toContain('Trace: 3 steps from source to sink');
    for (const key of ['rule', 'vendor', 'file', 'phi', 'status']) expect(html).toContain(`<select data-filter="${key}"`);
    expect(html).toContain('2026-01-02T03:04:05.000Z');
  });

  it('says so when there is nothing to show', () => {
    const empty = formatHtml(sampleReport({ findings: [], diagnostics: [], incomplete: [] }), { texts: new SourceTexts() });
    expect(empty).toContain('No PHI reaches a sink.');
    expect(empty).toContain('No PHI flows found.');
  });
});
