import { describe, expect, it } from 'vitest';
import { labelDiff } from '../support/inMemory.js';
import { isTrustedHost, targetOf } from '../../src/engine/hosts.js';

const model = `/** @phi */
export interface Patient { id: string; name: string }
`;

describe('hosts', () => {
  it('reads hosts from static text', () => {
    expect(targetOf({ text: 'https://API.example.com/v1', complete: true })).toEqual({ kind: 'absolute', host: 'api.example.com' });
    expect(targetOf({ text: 'https://api.example.com', complete: false })).toEqual({ kind: 'unknown' });
    expect(targetOf({ text: 'https://api.example.com/', complete: false })).toEqual({ kind: 'absolute', host: 'api.example.com' });
    expect(targetOf({ text: '//cdn.example.com/x', complete: true })).toEqual({ kind: 'absolute', host: 'cdn.example.com' });
    expect(targetOf({ text: '/api/patients', complete: false })).toEqual({ kind: 'relative' });
    expect(targetOf({ text: '', complete: false })).toEqual({ kind: 'unknown' });
    expect(isTrustedHost('a.myclinic.org', ['*.myclinic.org'])).toBe(true);
    expect(isTrustedHost('myclinic.org.evil.com', ['*.myclinic.org'])).toBe(false);
    expect(isTrustedHost('api.example.com', ['API.example.com'])).toBe(true);
  });

  it('resolves constants, templates, concatenation and new URL across files', () => {
    const files = {
      '/models.ts': model,
      '/config.ts': `export const PARTNER = 'https://partner.example.com';
export const urls = { own: 'https://api.myclinic.org' } as const;`,
      '/a.ts': `import type { Patient } from './models';
import { PARTNER, urls } from './config';
export async function f(p: Patient, anywhere: string) {
  await fetch(\`\${PARTNER}/patients/\${p.id}\`); // expect: phi/no-unconsented-sharing
  await fetch(PARTNER + '/x?name=' + p.name); // expect: phi/no-unconsented-sharing
  await fetch(new URL('/x', PARTNER), { method: 'POST', body: p.name }); // expect: phi/no-unconsented-sharing
  await fetch(\`\${urls.own}/patients\`, { body: p.name });
  await fetch('https://data.myclinic.org/x', { body: p.name });
  await fetch('/api/patients', { body: JSON.stringify(p) });
  await fetch(anywhere, { body: p.name });
  await fetch(PARTNER, { headers: { 'x-patient': p.name } }); // expect: phi/no-unconsented-sharing
  await fetch(PARTNER, { body: 'constant', headers: { 'x-id': 'static' } });
}`,
    };
    expect(labelDiff(files, { trustedHosts: ['api.myclinic.org', '*.myclinic.org'] })).toEqual({ missing: [], extra: [] });
  });

  it('treats unresolvable hosts as configured', () => {
    const files = {
      '/models.ts': model,
      '/a.ts': `import type { Patient } from './models';
export async function f(p: Patient, anywhere: string) {
  await fetch(anywhere, { body: p.name }); // expect: phi/no-unconsented-sharing
}`,
    };
    expect(labelDiff(files, { unknownHosts: 'untrusted' })).toEqual({ missing: [], extra: [] });
  });

  it('reads the body written to a request made by http(s).request, with the request\'s host, and not a server\'s response', () => {
    const files = {
      '/models.ts': model,
      '/node.d.ts': `declare module 'https' {
  interface ClientRequest { write(chunk: string): boolean; end(chunk?: string): void }
  interface ServerResponse { write(chunk: string): boolean; end(chunk?: string): void }
  export function request(url: string | { hostname: string; path?: string; method?: string }, callback?: (res: unknown) => void): ClientRequest;
  export function createServer(handler: (req: unknown, res: ServerResponse) => void): unknown;
}`,
      '/a.ts': `import type { Patient } from './models';
import * as https from 'https';
export function send(p: Patient) {
  const req = https.request({ hostname: 'partner.example.com', path: '/intake', method: 'POST' });
  req.write(JSON.stringify(p)); // expect: phi/no-unconsented-sharing
  req.end(p.name); // expect: phi/no-unconsented-sharing
  https.request({ hostname: 'partner.example.com', path: \`/patients/\${p.id}\` }); // expect: phi/no-unconsented-sharing
  https.request({ hostname: 'api.myclinic.org', path: \`/patients/\${p.id}\` });
  const own = https.request('https://api.myclinic.org/intake');
  own.end(p.name);
  https.createServer((_req, res) => {
    res.write(p.name);
    res.end(JSON.stringify(p));
  });
}`,
    };
    expect(labelDiff(files, { trustedHosts: ['api.myclinic.org'], unknownHosts: 'untrusted' })).toEqual({ missing: [], extra: [] });
  });
});
