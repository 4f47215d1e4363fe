import { describe, expect, it } from 'vitest';
import type { SinkEntry } from '../../src/catalog/types.js';
import { labelDiff } from '../support/inMemory.js';

const model = `/** @phi */
export interface Patient { id: string; name: string }
`;

function expectClean(files: Record<string, string>, config = {}): void {
  expect(labelDiff({ '/models.ts': model, ...files }, config)).toEqual({ missing: [], extra: [] });
}

describe('sink matching', () => {
  it('matches an SDK added in phi.config.json without engine changes', () => {
    const acme: SinkEntry = {
      id: 'acme.send', category: 'analytics', vendor: 'Acme Insights', module: ['@acme/insights'], callee: 'send',
      data: [{ arg: 1, role: 'event properties' }],
    };
    expectClean({
      '/shims.d.ts': `declare module '@acme/insights' {
  export class Client { send(event: string, props: object): void }
  export function connect(key: string): Client;
}`,
      '/client.ts': `import { connect } from '@acme/insights';
export const insights = connect('key');`,
      '/a.ts': `import type { Patient } from './models';
import { insights } from './client';
export function f(p: Patient) {
  insights.send('viewed', { name: p.name }); // expect: phi/no-analytics
  insights.send(p.name, { count: 1 });
}`,
    }, { sinks: [acme] });
  });

  it('matches globals through window, named imports, and lib interfaces of typed receivers', () => {
    expectClean({
      '/shims.d.ts': `declare module 'firebase/analytics' {
  export interface Analytics { app: string }
  export function getAnalytics(): Analytics;
  export function logEvent(analytics: Analytics, name: string, params?: object): void;
}`,
      '/a.ts': `import type { Patient } from './models';
import { getAnalytics, logEvent } from 'firebase/analytics';
export function f(p: Patient, store: IDBObjectStore) {
  window.localStorage.setItem('p', p.name); // expect: phi/no-unencrypted-storage
  globalThis.sessionStorage.setItem('p', 'constant');
  logEvent(getAnalytics(), 'viewed', { who: p.name }); // expect: phi/no-analytics
  store.put(p); // expect: phi/no-unencrypted-storage
  document.cookie = \`patient=\${p.name}\`; // expect: phi/no-unencrypted-storage
  localStorage.lastPatient = p.name; // expect: phi/no-unencrypted-storage
}`,
    });
  });

  it('does not match a local that shadows a global, or a store listed as encrypted', () => {
    expectClean({
      '/shims.d.ts': `declare module 'secure-kv' { export function setItem(k: string, v: string): void }
declare module '@react-native-async-storage/async-storage' {
  const AsyncStorage: { setItem(k: string, v: string): Promise<void> };
  export default AsyncStorage;
}`,
      '/a.ts': `import type { Patient } from './models';
import AsyncStorage from '@react-native-async-storage/async-storage';
export function f(p: Patient) {
  const console = { log(..._args: unknown[]) {} };
  console.log(p.name);
  AsyncStorage.setItem('p', p.name);
}`,
    }, { encryptedStorage: ['@react-native-async-storage/async-storage'] });
  });

  it('follows sinks reached through a local name or a choice of receivers', () => {
    expectClean({
      '/shims.d.ts': `declare module '@segment/analytics-node' {
  export class Analytics { constructor(o: { writeKey: string }); track(e: { event: string; properties?: object }): void }
}`,
      '/log.ts': `export const debug = console.debug.bind(console);
export const { info } = console;`,
      '/a.ts': `import type { Patient } from './models';
import { Analytics } from '@segment/analytics-node';
import { debug, info as note } from './log';
const analytics = new Analytics({ writeKey: 'k' });
const log = console.log;
const warn = console.warn.bind(console);
const { error } = console;
const { track } = analytics;
const out = console;
declare const verbose: boolean;
export function f(p: Patient) {
  log(p.name); // expect: phi/no-logging
  warn(p.name); // expect: phi/no-logging
  error(p.name); // expect: phi/no-logging
  track({ event: 'seen', properties: { who: p.name } }); // expect: phi/no-analytics
  out.info(p.name); // expect: phi/no-logging
  (verbose ? console : undefined)?.info(p.name); // expect: phi/no-logging
  const sink = verbose ? console : { info: (..._args: unknown[]) => {} };
  sink.info(p.name); // expect: phi/no-logging
  debug(p.name); // expect: phi/no-logging
  note(p.name); // expect: phi/no-logging
}`,
    });
  });

  it('does not take a local function or a reassigned name for the sink it once held', () => {
    expectClean({
      '/a.ts': `import type { Patient } from './models';
const quiet = (_message: string) => {};
const fallback = { info: quiet };
export function f(p: Patient) {
  quiet(p.name);
  fallback.info(p.name);
  let say = console.log;
  say = quiet;
  say(p.name);
}`,
    });
  });

  it('skips S3 uploads that ask for server-side encryption', () => {
    expectClean({
      '/shims.d.ts': `declare module '@aws-sdk/client-s3' {
  export class PutObjectCommand { constructor(input: { Bucket: string; Key: string; Body: unknown; ServerSideEncryption?: string }) }
}`,
      '/a.ts': `import type { Patient } from './models';
import { PutObjectCommand } from '@aws-sdk/client-s3';
export function f(p: Patient) {
  new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: JSON.stringify(p) }); // expect: phi/no-unencrypted-storage
  new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: JSON.stringify(p), ServerSideEncryption: 'aws:kms' });
  const input = { Bucket: 'b', Key: p.name, Body: 'x', ServerSideEncryption: 'AES256' };
  new PutObjectCommand(input);
}`,
    });
  });

  it('skips MMKV stores created with an encryption key', () => {
    expectClean({
      '/shims.d.ts': `declare module 'react-native-mmkv' {
  export class MMKV { constructor(options?: { id?: string; encryptionKey?: string }); set(key: string, value: string): void }
}`,
      '/a.ts': `import type { Patient } from './models';
import { MMKV } from 'react-native-mmkv';
const plain = new MMKV({ id: 'cache' });
const vault = new MMKV({ id: 'vault', encryptionKey: 'from-the-keychain' });
export function f(p: Patient) {
  plain.set('patient', p.name); // expect: phi/no-unencrypted-storage
  vault.set('patient', p.name);
}`,
    });
  });
});
