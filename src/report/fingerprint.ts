import { createHash } from 'node:crypto';
import type { Finding } from '../findings.js';
import type { SourceTexts } from './sourceText.js';

/**
 * Fingerprints identify a finding across scans while the code around it changes. One is a hash of
 * the rule, the sink's file (relative to the repository's top), the enclosing function, the PHI
 * source's symbol and the sink's code with its formatting taken out. Line and column numbers are
 * never part of it, so inserting or deleting lines elsewhere leaves it as it was; reformatting the
 * sink call (line breaks, spaces, trailing commas, comments) does too. Findings that would share a
 * hash (the same call twice in one function) are told apart by their order: `…:2`, `…:3`.
 */
export const FINGERPRINT_VERSION = 'v1';

/** The SARIF `partialFingerprints` key under which the fingerprint is written. */
export const SARIF_FINGERPRINT_KEY = `phiScan/${FINGERPRINT_VERSION}`;

const MAX_CODE = 200;

/** The code with comments, whitespace and trailing commas taken out, at most 200 characters. */
export function normaliseCode(code: string): string {
  const normalised = code
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/[^\n]*/g, '$1')
    .replace(/\s+/g, '')
    .replace(/,(?=[)\]}>])/g, '')
    .replace(/…$/, '');
  return normalised.slice(0, MAX_CODE);
}

/** The sink's code: read from the file, or the trace's one-line snippet when the file is gone. */
export function sinkCode(finding: Finding, texts?: SourceTexts): string {
  return texts?.span(finding.sink.location) ?? finding.trace.at(-1)?.code ?? finding.sink.callee;
}

/** The hash part of a finding's fingerprint; `file` is relative to the repository's top. */
export function fingerprintHash(finding: Finding, file: string, code: string): string {
  const parts = [
    FINGERPRINT_VERSION,
    finding.ruleId,
    file,
    finding.enclosingFunction ?? '',
    finding.source.name,
    normaliseCode(code),
  ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

/**
 * The fingerprints of `findings`, in the same order. The findings are numbered within each hash in
 * the order given, which should be by position: the first keeps the bare hash.
 */
export function assignFingerprints(
  findings: readonly Finding[],
  fileOf: (finding: Finding) => string,
  texts?: SourceTexts,
): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const hash = fingerprintHash(finding, fileOf(finding), sinkCode(finding, texts));
    const count = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, count);
    return count === 1 ? hash : `${hash}:${count}`;
  });
}
