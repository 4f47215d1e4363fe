import { describe, expect, it } from 'vitest';
import { labelDiff } from '../support/inMemory.js';

const model = `/** @phi */
export interface Patient { id: string; name: string }
export declare function hasConsent(p: Patient): Promise<boolean>;
export declare function canShare(): boolean;
export declare function assertConsent(p: Patient): asserts p;
`;
const config = { consentChecks: ['hasConsent', 'canShare'], consentAssertions: ['assertConsent'] };

function expectLabels(body: string, extraConfig = {}): void {
  const files = {
    '/models.ts': model,
    '/a.ts': `import { type Patient, hasConsent, canShare, assertConsent } from './models';\n${body}`,
  };
  expect(labelDiff(files, { ...config, ...extraConfig })).toEqual({ missing: [], extra: [] });
}

describe('consent dominance', () => {
  it('excuses a network call in the branch a consent check selects', () => {
    expectLabels(`export async function f(p: Patient) {
  if (await hasConsent(p)) {
    await fetch('https://partner.example.com/x', { body: JSON.stringify(p) });
  }
  if (canShare() && p.name) await fetch('https://partner.example.com/x', { body: p.name });
  canShare() && fetch('https://partner.example.com/x', { body: p.name });
  const sent = canShare() ? fetch('https://partner.example.com/x', { body: p.name }) : null;
  if (!canShare()) {
    return sent;
  } else {
    await fetch('https://partner.example.com/x', { body: p.name });
  }
}`, { unknownHosts: 'untrusted' });
  });

  it('excuses calls after an early return or an assertion', () => {
    expectLabels(`export async function f(p: Patient) {
  if (!(await hasConsent(p))) return;
  await fetch('https://partner.example.com/x', { body: p.name });
}
export async function g(p: Patient) {
  const ok = await hasConsent(p);
  if (!ok) {
    throw new Error('no consent');
  }
  await fetch('https://partner.example.com/x', { body: p.name });
}
export async function h(p: Patient) {
  assertConsent(p);
  await fetch('https://partner.example.com/x', { body: p.name });
}
export async function loop(ps: Patient[]) {
  for (const p of ps) {
    if (!canShare()) continue;
    await fetch('https://partner.example.com/x', { body: p.name });
  }
}`);
  });

  it('does not excuse a check that does not dominate the call', () => {
    expectLabels(`export async function wrongBranch(p: Patient) {
  if (await hasConsent(p)) {
    console.info('ok');
  } else {
    await fetch('https://partner.example.com/x', { body: p.name }); // expect: phi/no-unconsented-sharing
  }
}
export async function after(p: Patient) {
  await fetch('https://partner.example.com/x', { body: p.name }); // expect: phi/no-unconsented-sharing
  await hasConsent(p);
}
export async function ignored(p: Patient) {
  hasConsent(p);
  await fetch('https://partner.example.com/x', { body: p.name }); // expect: phi/no-unconsented-sharing
}
export async function somePaths(p: Patient, urgent: boolean) {
  if (urgent) {
    if (!(await hasConsent(p))) return;
  }
  await fetch('https://partner.example.com/x', { body: p.name }); // expect: phi/no-unconsented-sharing
}
export async function swallowed(p: Patient) {
  try {
    assertConsent(p);
  } catch {
    console.info('no consent');
  }
  await fetch('https://partner.example.com/x', { body: p.name }); // expect: phi/no-unconsented-sharing
}
export function inCallback(p: Patient) {
  if (canShare()) {
    setTimeout(() => fetch('https://partner.example.com/x', { body: p.name }), 10);
  }
  const later = () => fetch('https://partner.example.com/x', { body: p.name }); // expect: phi/no-unconsented-sharing
  if (canShare()) later();
  later();
}
export function onlyCalledAfterTheCheck(p: Patient) {
  const send = () => fetch('https://partner.example.com/x', { body: p.name });
  if (!canShare()) return;
  send();
}`);
  });

  it('never lets consent excuse storage or analytics, unless analytics is configured so', () => {
    const body = `declare const gtag: (...args: unknown[]) => void;
export async function f(p: Patient) {
  if (await hasConsent(p)) {
    localStorage.setItem('patient', p.name); // expect: phi/no-unencrypted-storage
    gtag('event', 'visit', { who: p.name }); // expect: phi/no-analytics
  }
}`;
    expectLabels(body);
    expect(labelDiff({ '/models.ts': model, '/a.ts': `import { type Patient, hasConsent } from './models';\n${body.replace('// expect: phi/no-analytics', '')}` },
      { ...config, analyticsConsentExcuses: true })).toEqual({ missing: [], extra: [] });
  });

  it('excuses a sink in a callee when every caller on the trace checks consent first', () => {
    expectLabels(`async function send(name: string) {
  await fetch('https://partner.example.com/x', { body: name }); // expect: phi/no-unconsented-sharing
}
export async function guarded(p: Patient) {
  if (await hasConsent(p)) await send(p.name);
}
export async function unguarded(p: Patient) {
  await send(p.name);
}`);
  });
});
