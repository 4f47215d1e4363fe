import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import {
  SINK_CATEGORIES,
  SINK_ENTRY_SCHEMA_ID,
  catalogByCategory,
  loadBuiltInCatalog,
  loadSinkEntrySchema,
  packageRoot,
  validateCatalog,
} from '../src/catalog/index.js';
import type { SinkEntry } from '../src/catalog/types.js';
import type { SinkCategory } from '../src/findings.js';

const catalog = loadBuiltInCatalog();

/** Every vendor the catalog must cover, with its category. */
const expectedVendors: Record<string, SinkCategory> = {
  Console: 'logging',
  'Node.js process': 'logging',
  'Node.js util.debuglog': 'logging',
  winston: 'logging',
  pino: 'logging',
  Bunyan: 'logging',
  log4js: 'logging',
  loglevel: 'logging',
  npmlog: 'logging',
  debug: 'logging',
  NestJS: 'logging',
  Segment: 'analytics',
  Mixpanel: 'analytics',
  Amplitude: 'analytics',
  PostHog: 'analytics',
  'Google Analytics': 'analytics',
  'Firebase Analytics': 'analytics',
  Sentry: 'analytics',
  Datadog: 'analytics',
  'New Relic': 'analytics',
  Bugsnag: 'analytics',
  Rollbar: 'analytics',
  Honeybadger: 'analytics',
  LogRocket: 'analytics',
  FullStory: 'analytics',
  Heap: 'analytics',
  Hotjar: 'analytics',
  Intercom: 'analytics',
  Braze: 'analytics',
  'Meta Pixel': 'analytics',
  'TikTok Pixel': 'analytics',
  OpenTelemetry: 'analytics',
  'Web Storage': 'storage',
  'Document cookie': 'storage',
  'js-cookie': 'storage',
  Express: 'storage',
  IndexedDB: 'storage',
  idb: 'storage',
  AsyncStorage: 'storage',
  MMKV: 'storage',
  zustand: 'storage',
  'redux-persist': 'storage',
  'Node.js fs': 'storage',
  'Amazon S3': 'storage',
  Redis: 'storage',
  'Fetch API': 'network',
  axios: 'network',
  got: 'network',
  ky: 'network',
  superagent: 'network',
  'Node.js http': 'network',
  XMLHttpRequest: 'network',
  'Beacon API': 'network',
  WebSocket: 'network',
};

function find(predicate: (e: SinkEntry) => boolean): SinkEntry {
  const entry = catalog.find(predicate);
  if (!entry) throw new Error('no such entry');
  return entry;
}

function byId(id: string): SinkEntry {
  return find((e) => e.id === id);
}

const valid: SinkEntry = {
  id: 'my-logger.audit',
  category: 'logging',
  vendor: 'My logger',
  module: ['@acme/logger'],
  callee: 'audit',
  data: [{ arg: 0, rest: true }],
};

describe('sink entry schema', () => {
  it('has the published $id and describes every property', () => {
    const schema = loadSinkEntrySchema() as { $id: string; properties: Record<string, { description?: string }> };
    expect(schema.$id).toBe(SINK_ENTRY_SCHEMA_ID);
    for (const [name, property] of Object.entries(schema.properties)) {
      expect(property.description, name).toBeTruthy();
    }
  });

  it('accepts a minimal user entry', () => {
    expect(validateCatalog([valid])).toEqual({ valid: true, errors: [] });
  });

  it('rejects a malformed entry with the path of the bad property', () => {
    const bad = { ...valid, data: [{ arg: 'zero' }] };
    const result = validateCatalog([valid, bad]);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toContain('sinks[1].data[0].arg');
  });

  it('names unknown properties, bad enums and missing properties', () => {
    const errors = validateCatalog([
      { ...valid, id: 'a', calle: 'x' },
      { ...valid, id: 'b', category: 'metrics' },
      { id: 'c', category: 'logging', vendor: 'x', data: [] },
    ]).errors.join('\n');
    expect(errors).toContain('sinks[0] has unknown property "calle"');
    expect(errors).toContain('sinks[1].category must be one of');
    expect(errors).toContain('sinks[2] is missing required property "callee"');
  });

  it('checks url refs have exactly one shape', () => {
    const entry = { ...valid, category: 'network', url: [{ arg: 0, receiverCall: { method: 'open', arg: 1 } }] };
    const { errors } = validateCatalog([entry], 'config.sinks');
    expect(errors).toEqual(['config.sinks[0].url[0] must have exactly one of "arg", "receiverCreatedWith", "receiverCall"']);
    const badNested = { ...valid, category: 'network', url: [{ receiverCreatedWith: { arg: -1 } }] };
    expect(validateCatalog([badNested]).errors.join('\n')).toContain('sinks[0].url[0].receiverCreatedWith.arg');
  });

  it('checks safeWhen options are in this call or in the receiver\'s creation, not both', () => {
    const storage = { ...valid, category: 'storage' };
    expect(validateCatalog([{ ...storage, safeWhen: [{ receiverCreatedWith: { arg: 0, property: 'encryptionKey' } }] }]).errors).toEqual([]);
    expect(validateCatalog([{ ...storage, safeWhen: [{ arg: 0, property: 'ServerSideEncryption' }] }]).errors).toEqual([]);
    expect(validateCatalog([{ ...storage, safeWhen: [{ arg: 0, property: 'x', receiverCreatedWith: { arg: 0, property: 'y' } }] }]).valid).toBe(false);
    expect(validateCatalog([{ ...storage, safeWhen: [{ arg: 0 }] }]).valid).toBe(false);
  });

  it('rejects duplicate ids and non-arrays', () => {
    expect(validateCatalog([valid, valid]).errors).toEqual(['sinks[1].id "my-logger.audit" is already used by sinks[0]']);
    expect(validateCatalog({}).valid).toBe(false);
  });
});

describe('built-in catalog', () => {
  it('validates against the schema', () => {
    const result = validateCatalog(catalog, 'built-in');
    expect(result.errors).toEqual([]);
  });

  it('has unique ids, even ignoring case', () => {
    const ids = catalog.map((e) => e.id.toLowerCase());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has entries in every category, each file holding only its category', () => {
    const grouped = catalogByCategory(catalog);
    for (const category of SINK_CATEGORIES) {
      expect(grouped[category].length, category).toBeGreaterThan(0);
      const file = JSON.parse(readFileSync(join(packageRoot(), 'src', 'catalog', 'sinks', `${category}.json`), 'utf8')) as SinkEntry[];
      expect(file.every((e) => e.category === category), category).toBe(true);
    }
  });

  it('covers every expected vendor in its category', () => {
    for (const [vendor, category] of Object.entries(expectedVendors)) {
      const entries = catalog.filter((e) => e.vendor === vendor);
      expect(entries.length, vendor).toBeGreaterThan(0);
      expect(entries.every((e) => e.category === category), vendor).toBe(true);
    }
  });

  it('roots every entry in a module or a global', () => {
    for (const entry of catalog) expect((entry.module?.length ?? 0) + (entry.global?.length ?? 0), entry.id).toBeGreaterThan(0);
  });

  it('gives network entries url refs, and only network entries', () => {
    for (const entry of catalog) {
      if (entry.category === 'network') expect(entry.url?.length ?? 0, entry.id).toBeGreaterThan(0);
      else expect(entry.url, entry.id).toBeUndefined();
    }
  });

  it('reports the URL as data where the URL is an argument of the call', () => {
    for (const entry of catalog.filter((e) => e.category === 'network')) {
      const urlArgs = (entry.url ?? []).flatMap((u) => ('arg' in u && u.property === undefined ? [u.arg] : []));
      for (const arg of urlArgs) {
        expect(entry.data.some((d) => d.arg === arg && d.property === undefined), entry.id).toBe(true);
      }
    }
  });

  it('gives data refs to every entry except assignments', () => {
    for (const entry of catalog) if (entry.kind !== 'assign') expect(entry.data.length, entry.id).toBeGreaterThan(0);
  });

  it('does not list encrypted stores', () => {
    const modules = catalog.flatMap((e) => e.module ?? []);
    expect(modules).not.toContain('expo-secure-store');
    expect(modules).not.toContain('react-native-keychain');
  });

  it('encodes argument positions of representative APIs', () => {
    expect(byId('console.log').data).toEqual([{ arg: 0, rest: true, role: 'log message' }]);
    expect(byId('console.assert').data[0]).toMatchObject({ arg: 1, rest: true });
    expect(byId('firebase.logEvent').data[0]?.arg).toBe(1);
    expect(byId('mixpanel.people.set').callee).toBe('people.set');
    expect(byId('process.stdout.write')).toMatchObject({ global: ['process'], callee: 'stdout.write' });
    expect(byId('express.cookie').data).toEqual([{ arg: 1, role: 'cookie value' }]);
    expect(byId('zustand.persist').data).toEqual([{ arg: 0, of: 'return', role: 'persisted state' }]);
    expect(byId('redux-persist.persistReducer').data[0]).toMatchObject({ arg: 1, of: 'return' });
    expect(byId('document.cookie')).toMatchObject({ kind: 'assign', callee: 'cookie', data: [] });
    expect(byId('indexeddb.put').global).toEqual(['IDBObjectStore']);
  });

  it('encodes S3 writes with their encryption escape', () => {
    const put = byId('s3.PutObjectCommand');
    expect(put).toMatchObject({ kind: 'new', module: ['@aws-sdk/client-s3'], data: [{ arg: 0, property: ['Body'] }] });
    expect(put.safeWhen).toEqual([
      { arg: 0, property: 'ServerSideEncryption' },
      { arg: 0, property: 'SSEKMSKeyId' },
    ]);
    expect(byId('s3.lib-storage.Upload')).toMatchObject({ kind: 'new', data: [{ arg: 0, property: ['params'] }] });
  });

  it('encodes where network URLs come from', () => {
    expect(byId('fetch')).toMatchObject({ global: ['fetch'], callee: '', url: [{ arg: 0 }] });
    expect(byId('axios.post').url).toContainEqual({ receiverCreatedWith: { arg: 0, property: 'baseURL' } });
    expect(byId('got.post').url).toContainEqual({ receiverCreatedWith: { arg: 0, property: 'prefixUrl' } });
    expect(byId('ky.post').url).toContainEqual({ receiverCreatedWith: { arg: 0, property: 'prefixUrl' } });
    expect(byId('xhr.send').url).toEqual([{ receiverCall: { method: 'open', arg: 1 } }]);
    expect(byId('websocket.send')).toMatchObject({ global: ['WebSocket'], module: ['ws', 'isomorphic-ws'], url: [{ receiverCreatedWith: { arg: 0 } }] });
    expect(byId('node-http.request').url).toEqual([{ arg: 0 }, { arg: 0, property: 'hostname', host: true }, { arg: 0, property: 'host', host: true }]);
    expect(byId('node-http.request-write')).toMatchObject({ callee: 'write', receiverMadeBy: ['request'], url: [{ receiverCreatedWith: { arg: 0 } }, { receiverCreatedWith: { arg: 0, property: 'hostname', host: true } }, { receiverCreatedWith: { arg: 0, property: 'host', host: true } }] });
  });

  it('returns a fresh array each time', () => {
    const a = loadBuiltInCatalog();
    a.pop();
    expect(loadBuiltInCatalog().length).toBe(catalog.length);
  });
});

describe('docs/catalog.md', () => {
  it('lists every built-in vendor', () => {
    const docs = readFileSync(join(packageRoot(), 'docs', 'catalog.md'), 'utf8');
    for (const vendor of new Set(catalog.map((e) => e.vendor))) expect(docs, vendor).toContain(`| ${vendor} |`);
  });
});
