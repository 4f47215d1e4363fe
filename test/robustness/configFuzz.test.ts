import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { PhiConfigError, defaultConfig, parseConfig, type PhiConfig } from '../../src/config/index.js';
import { loadProjectInMemory, type CompilerProject } from '../../src/project/index.js';

/**
 * parseConfig on arbitrary input returns a configuration or throws a PhiConfigError whose
 * problems each have a JSON-pointer path and a message; nothing else ever escapes. A
 * configuration it accepts is one the analyzer can run with. (test/config.test.ts has a
 * hand-rolled 200-value fuzz; this one lets fast-check generate and shrink.)
 */
const FILE = 'phi.config.json';
const seed = 424_242;

type Outcome = { accepted: PhiConfig } | { rejected: PhiConfigError };

function parse(text: string): Outcome {
  try {
    return { accepted: parseConfig(text, FILE) };
  } catch (error) {
    if (!(error instanceof PhiConfigError)) {
      throw new Error(`parseConfig threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)} for ${JSON.stringify(text)}`);
    }
    return { rejected: error };
  }
}

/** The shape of a result: a configuration with every setting typed as the defaults are, or well-formed problems. */
function checkOutcome(outcome: Outcome): void {
  if ('accepted' in outcome) {
    const config = outcome.accepted as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(defaultConfig)) {
      expect(config).toHaveProperty(key);
      if (Array.isArray(value)) expect(Array.isArray(config[key]), key).toBe(true);
      else expect(typeof config[key], key).toBe(typeof value);
    }
    expect(['trusted', 'untrusted']).toContain(config.unknownHosts);
    return;
  }
  const error = outcome.rejected;
  expect(error.file).toBe(FILE);
  expect(error.problems.length).toBeGreaterThan(0);
  for (const problem of error.problems) {
    expect(typeof problem.path).toBe('string');
    expect(problem.path === '' || problem.path.startsWith('/'), problem.path).toBe(true);
    expect(typeof problem.message).toBe('string');
    expect(problem.message.length).toBeGreaterThan(0);
    if (problem.line !== undefined) expect(problem.line).toBeGreaterThanOrEqual(1);
    if (problem.column !== undefined) expect(problem.column).toBeGreaterThanOrEqual(1);
  }
  expect(error.message.split('\n')).toHaveLength(error.problems.length);
}

// ---------------------------------------------------------------------------------------------
// Valid configurations, and mutations of them

const identifier = fc.stringMatching(/^[A-Za-z_$][A-Za-z0-9_$]{0,8}$/);
const typeName = fc.oneof(identifier, fc.tuple(identifier, identifier).map(([a, b]) => `${a}.${b}`), fc.constantFrom('Patient', 'fhir4.Observation'));
const functionRef = fc.oneof(identifier, fc.constantFrom('redact', 'privacy.redact', './src/privacy#mask', 'some-pkg#mask', '@scope/pkg#a.b', 'hasConsent'));
const host = fc.oneof(fc.domain(), fc.domain().map((d) => `*.${d}`), fc.constantFrom('api.trusted.example', '*.example.org', 'localhost'));
const callee = fc.constantFrom('', '*', 'audit', 'log', 'info', 'send', 'Client.send', '*.send', 'setItem', 'track', 'a.b.c');
const dataRef = fc.record(
  {
    arg: fc.nat(4),
    rest: fc.boolean(),
    property: fc.uniqueArray(fc.constantFrom('body', 'headers', 'value', 'data', 'x'), { minLength: 1, maxLength: 3 }),
    of: fc.constant('return' as const),
    role: fc.constantFrom('body', 'argument 1', 'event'),
  },
  { requiredKeys: ['arg'] },
);
const urlRef = fc.oneof(
  fc.record({ arg: fc.nat(3), property: fc.constantFrom('url', 'baseURL', 'hostname') }, { requiredKeys: ['arg'] }),
  fc.record({ receiverCreatedWith: fc.record({ arg: fc.nat(2), property: fc.constantFrom('baseURL', 'url') }, { requiredKeys: ['arg'] }) }),
  fc.record({ receiverCall: fc.record({ method: fc.constantFrom('open', 'connect'), arg: fc.nat(2) }) }),
);
const sinkEntry = (index: number) => fc.record(
  {
    id: fc.constant(`fuzz.sink${index}`),
    category: fc.constantFrom('logging', 'analytics', 'storage', 'network'),
    vendor: fc.constantFrom('Fuzz', 'Acme'),
    module: fc.uniqueArray(fc.constantFrom('acme-logger', 'acme-*', '*', 'node:fs', '@scope/pkg'), { minLength: 1, maxLength: 2 }),
    global: fc.uniqueArray(fc.constantFrom('console', 'window', 'localStorage', 'globalThis', 'audit'), { minLength: 1, maxLength: 2 }),
    callee,
    kind: fc.constantFrom('call', 'new', 'assign'),
    data: fc.array(dataRef, { maxLength: 3 }),
    url: fc.array(urlRef, { minLength: 1, maxLength: 2 }),
    safeWhen: fc.array(fc.record({ arg: fc.nat(2), property: fc.constantFrom('ServerSideEncryption', 'encrypted') }), { minLength: 1, maxLength: 2 }),
    note: fc.string({ maxLength: 10 }),
  },
  { requiredKeys: ['id', 'category', 'vendor', 'callee', 'data'] },
);
const glob = fc.constantFrom('dist/**', '**/*.gen.ts', 'src/[a-z]*.ts', '!keep.ts', '{a,b}/**', '**', '[', '*.{', 'vendor/');

/** Configurations the schema accepts (most of them: the generator does not know every rule). */
const validConfig = fc.record(
  {
    $schema: fc.constant('./node_modules/eslint-plugin-phi/schema/phi.config.schema.json'),
    phiTypes: fc.array(typeName, { maxLength: 3 }),
    fhir: fc.boolean(),
    sanitizers: fc.array(functionRef, { maxLength: 3 }),
    consentChecks: fc.array(functionRef, { maxLength: 2 }),
    consentAssertions: fc.array(functionRef, { maxLength: 2 }),
    trustedHosts: fc.array(host, { maxLength: 3 }),
    unknownHosts: fc.constantFrom('trusted', 'untrusted'),
    encryptedStorage: fc.array(fc.constantFrom('redis', 'acme-logger', 'setItem', 'secure-store'), { maxLength: 2 }),
    sinks: fc.integer({ min: 0, max: 3 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => sinkEntry(i)))),
    analyticsConsentExcuses: fc.boolean(),
    ignore: fc.array(glob, { maxLength: 3 }),
    analyzeGeneratedFiles: fc.boolean(),
    heuristics: fc.constantFrom('off', 'hipaa'),
  },
  { requiredKeys: [] },
);

type Mutation =
  | { op: 'remove'; key: string }
  | { op: 'set'; key: string; value: unknown }
  | { op: 'sink'; index: number; key: string; value: unknown }
  | { op: 'removeSinkKey'; index: number; key: string };

const configKeys = [...Object.keys(defaultConfig), '$schema', 'heuristicCategories', 'extra', '__proto__', 'constructor', 'a/b~c', ''];
const sinkKeys = ['id', 'category', 'vendor', 'module', 'global', 'callee', 'kind', 'data', 'url', 'safeWhen', 'note', 'zzz', '__proto__'];
/** Values of the wrong type, and of the right type with wrong contents. */
const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom([], [''], ['*.'], [1], [null], {}, '', 'trusted', -1, 1.5, 2 ** 53, [{ arg: -1 }], [{}], [{ arg: 0, of: 'value' }]),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('remove' as const), key: fc.constantFrom(...configKeys) }),
  fc.record({ op: fc.constant('set' as const), key: fc.constantFrom(...configKeys), value: anyValue }),
  fc.record({ op: fc.constant('sink' as const), index: fc.nat(3), key: fc.constantFrom(...sinkKeys), value: anyValue }),
  fc.record({ op: fc.constant('removeSinkKey' as const), index: fc.nat(3), key: fc.constantFrom(...sinkKeys) }),
);

/** Applies mutations to a copy. Own properties throughout, so `__proto__` is a key as JSON.parse makes it. */
function mutate(config: Record<string, unknown>, mutations: readonly Mutation[]): unknown {
  const copy = structuredClone(config);
  const define = (target: Record<string, unknown>, key: string, value: unknown): void => {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  };
  for (const m of mutations) {
    if (m.op === 'remove') delete copy[m.key];
    else if (m.op === 'set') define(copy, m.key, m.value);
    else {
      const sinks = copy.sinks;
      if (!Array.isArray(sinks) || sinks.length === 0) continue;
      const entry = sinks[m.index % sinks.length] as unknown;
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) continue;
      if (m.op === 'sink') define(entry as Record<string, unknown>, m.key, m.value);
      else delete (entry as Record<string, unknown>)[m.key];
    }
  }
  return copy;
}

// ---------------------------------------------------------------------------------------------

describe('parseConfig fuzzed with fast-check', () => {
  it('any JSON value: a configuration or a PhiConfigError with well-formed problems', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => checkOutcome(parse(JSON.stringify(value) ?? 'null'))), { seed, numRuns: 300 });
  });

  it('any text, broken JSON included (cut, spliced, with a byte order mark)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.tuple(fc.json(), fc.nat()).map(([json, cut]) => json.slice(0, cut % (json.length + 1))),
      fc.tuple(fc.json(), fc.string({ maxLength: 3 }), fc.nat()).map(([json, junk, at]) => {
        const i = at % (json.length + 1);
        return json.slice(0, i) + junk + json.slice(i);
      }),
      fc.json().map((json) => `\uFEFF${json}`),
    );
    fc.assert(fc.property(text, (t) => checkOutcome(parse(t))), { seed, numRuns: 300 });
  });

  it('valid configurations with keys removed, added and retyped', () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(validConfig, fc.array(mutation, { maxLength: 4 }), (config, mutations) => {
        const outcome = parse(JSON.stringify(mutate(config as Record<string, unknown>, mutations)));
        checkOutcome(outcome);
        if ('accepted' in outcome) accepted++;
        else rejected++;
      }),
      { seed, numRuns: 300 },
    );
    expect(accepted).toBeGreaterThan(20);
    expect(rejected).toBeGreaterThan(20);
  });

  it('rejects a retyped setting and names it in the problem path', () => {
    const scalarKeys = ['fhir', 'unknownHosts', 'analyticsConsentExcuses', 'analyzeGeneratedFiles', 'heuristics'];
    const arrayKeys = ['phiTypes', 'sanitizers', 'consentChecks', 'consentAssertions', 'trustedHosts', 'encryptedStorage', 'sinks', 'ignore'];
    fc.assert(
      fc.property(fc.constantFrom(...scalarKeys, ...arrayKeys), fc.constantFrom(42, { nested: true }, null), (key, value) => {
        const outcome = parse(JSON.stringify({ [key]: value }));
        expect('rejected' in outcome).toBe(true);
        if ('rejected' in outcome) {
          checkOutcome(outcome);
          expect(outcome.rejected.problems.some((p) => p.path === `/${key}` || p.path.startsWith(`/${key}/`)), JSON.stringify(outcome.rejected.problems)).toBe(true);
        }
      }),
      { seed, numRuns: 40 },
    );
  });
});

describe('configurations parseConfig accepts', () => {
  // One program, analysed under each accepted configuration: sinks of every kind, calls to the
  // names the generated sanitizers, consent checks and sink entries use.
  let project: CompilerProject;
  beforeAll(() => {
    project = loadProjectInMemory({
      '/types/acme.d.ts': `declare module 'acme-logger' {
  export function audit(...values: unknown[]): void;
  export class Client { constructor(options?: { baseURL?: string }); send(value: unknown): void; open(method: string, url: string): void; }
  export const log: { info(value: unknown): void; track(event: string, value: unknown): void };
}`,
      '/models.ts': `/** @phi */ export interface Patient { /** @notPhi */ id: string; name: string; ssn: string }
export interface Observation { value: string }
export function redact(value: unknown): string { return '***'; }
export function hasConsent(): boolean { return Math.random() > 0.5; }
export const privacy = { redact };`,
      '/src/privacy.ts': `export function mask(value: string): string { return value.replace(/./g, '*'); }`,
      '/src/app.ts': `import { audit, Client, log } from 'acme-logger';
import { hasConsent, privacy, redact, type Observation, type Patient } from '../models';
import { mask } from './privacy';
export function handle(patient: Patient, observation: Observation, ssn: string, dateOfBirth: string) {
  console.log(patient.name, ssn, dateOfBirth);
  console.log(redact(patient), privacy.redact(patient.ssn), mask(patient.name));
  audit(patient, observation.value);
  log.info({ body: patient.name, headers: patient.ssn });
  log.track('event', patient);
  const client = new Client({ baseURL: 'https://acme.example.org' });
  client.open('POST', 'https://api.trusted.example/x');
  client.send(patient);
  localStorage.setItem('k', patient.ssn);
  if (hasConsent()) fetch('https://collector.example.com/v1', { method: 'POST', body: JSON.stringify(patient) });
  fetch(String(observation.value), { body: patient.name, headers: { ssn: patient.ssn } });
  document.cookie = patient.name;
  const store = { value: patient.ssn, setItem(key: string, value: unknown) { return [key, value]; } };
  store.setItem('x', () => patient);
}`,
    }, { lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'] }).project;
  });

  it('run the analyzer without an exception', () => {
    let analysed = 0;
    let withFindings = 0;
    fc.assert(
      fc.property(validConfig, (candidate) => {
        const outcome = parse(JSON.stringify(candidate));
        if (!('accepted' in outcome)) return;
        const result = analyze({ project, config: outcome.accepted, rootDir: '/', configDir: '/' });
        expect(result.diagnostics.filter((d) => d.kind === 'analysis-error'), JSON.stringify(candidate)).toEqual([]);
        analysed++;
        if (result.findings.length > 0) withFindings++;
      }),
      { seed, numRuns: 200 },
    );
    expect(analysed).toBeGreaterThan(100);
    expect(withFindings).toBeGreaterThan(0);
  });
});
