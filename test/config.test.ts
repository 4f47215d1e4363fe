import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONFIG_FILE_NAME, PhiConfigError, defaultConfig, findConfigFile, loadConfig, parseConfig } from '../src/config/index.js';

const FILE = 'phi.config.json';

/** The error parseConfig throws for this text (fails the test if it does not throw one). */
function configError(text: string): PhiConfigError {
  try {
    parseConfig(text, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(PhiConfigError);
    return error as PhiConfigError;
  }
  throw new Error(`expected a PhiConfigError for ${text}`);
}

function configErrorFor(value: unknown): PhiConfigError {
  return configError(JSON.stringify(value));
}

const validSink = {
  id: 'acme.audit',
  category: 'logging',
  vendor: 'Acme',
  module: ['@acme/logger'],
  callee: 'audit',
  data: [{ arg: 0, rest: true }],
};

describe('parseConfig', () => {
  it('accepts a full configuration and keeps every setting', () => {
    const full = {
      $schema: './node_modules/eslint-plugin-phi/schema/phi.config.schema.json',
      phiTypes: ['Patient', 'fhir4.Observation'],
      fhir: false,
      sanitizers: ['redact', 'privacy.redact', './src/privacy#redact', '@acme/phi#mask'],
      consentChecks: ['hasConsent'],
      consentAssertions: ['./src/consent#requireConsent'],
      trustedHosts: ['api.example.org', '*.example.org', 'localhost', '10.0.0.1'],
      unknownHosts: 'untrusted',
      encryptedStorage: ['react-native-encrypted-storage', 'secureStore.setItem'],
      sinks: [validSink, { ...validSink, id: 'acme.event', category: 'analytics', callee: 'event' }],
      analyticsConsentExcuses: true,
      ignore: ['src/generated/**', '**/*.test.ts'],
      analyzeGeneratedFiles: true,
      heuristics: 'hipaa',
    };
    const config = parseConfig(JSON.stringify(full, null, 2), FILE);
    const { $schema: _schema, ...settings } = full;
    expect(config).toEqual(settings);
    expect(config).not.toHaveProperty('$schema');
  });

  it('applies defaults for missing settings', () => {
    expect(parseConfig('{}', FILE)).toEqual(defaultConfig);
    expect(parseConfig('\ufeff{ "fhir": false }', FILE)).toEqual({ ...defaultConfig, fhir: false });
    expect(defaultConfig.heuristics).toBe('off');
  });

  it('returns fresh arrays: changing a result does not change the defaults', () => {
    const config = parseConfig('{}', FILE);
    config.phiTypes.push('Patient');
    config.sinks.push(validSink as never);
    expect(defaultConfig.phiTypes).toEqual([]);
    expect(defaultConfig.sinks).toEqual([]);
  });

  it('names an unknown key and where it is', () => {
    const typo = configErrorFor({ fhri: true });
    expect(typo.file).toBe(FILE);
    expect(typo.problems).toEqual([{ path: '/fhri', message: 'unknown property "fhri" (did you mean "fhir"?)' }]);
    expect(typo.message).toBe('phi.config.json: /fhri: unknown property "fhri" (did you mean "fhir"?)');

    const unrelated = configErrorFor({ colour: 'blue' });
    expect(unrelated.problems).toHaveLength(1);
    expect(unrelated.problems[0]!.path).toBe('/colour');
    expect(unrelated.problems[0]!.message).toContain('"colour"');
    expect(unrelated.problems[0]!.message).toContain('trustedHosts');
  });

  it('reports a wrong type with the expected type', () => {
    const error = configErrorFor({ fhir: 'yes' });
    expect(error.problems).toEqual([{ path: '/fhir', message: 'must be a boolean (got string "yes")' }]);
    expect(error.message).toBe('phi.config.json: /fhir: must be a boolean (got string "yes")');

    expect(configErrorFor({ ignore: 'src/**' }).problems).toEqual([{ path: '/ignore', message: 'must be an array (got string "src/**")' }]);
    expect(configErrorFor([]).problems).toEqual([{ path: '', message: 'must be an object (got an array)' }]);
    expect(configErrorFor([]).message).toBe('phi.config.json: must be an object (got an array)');
  });

  it('lists the allowed values of an enum', () => {
    const error = configErrorFor({ unknownHosts: 'maybe' });
    expect(error.problems).toEqual([{ path: '/unknownHosts', message: 'must be one of "trusted", "untrusted" (got string "maybe")' }]);
    expect(configErrorFor({ heuristics: 'aggressive' }).problems[0]!.message).toContain('"off", "hipaa"');
  });

  it('rejects hosts with a scheme, port, path or a bad wildcard', () => {
    const bad = ['https://api.example.org', 'api.example.org/v1', 'api.example.org:443', '*', '*.', 'api.*.org', 'a..b', '-x.org', ''];
    const error = configErrorFor({ trustedHosts: ['ok.example.org', ...bad] });
    expect(error.problems.map((p) => p.path)).toEqual(bad.map((_, i) => `/trustedHosts/${i + 1}`));
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(bad.length);
    expect(lines[0]).toMatch(/^phi\.config\.json: \/trustedHosts\/1: must match pattern ".+" \(a hostname such as api\.example\.org or \*\.example\.org\)$/);
  });

  it('checks the form of function references', () => {
    expect(() => parseConfig(JSON.stringify({ sanitizers: ['redact', 'a.b.c', 'pkg#x', './src/p#redact', '@s/p#m.n'] }), FILE)).not.toThrow();
    const error = configErrorFor({ sanitizers: ['redact()', 'pkg#', '#redact', 'a b'], consentChecks: ['has consent'] });
    expect(error.problems.map((p) => p.path)).toEqual(['/sanitizers/0', '/sanitizers/1', '/sanitizers/2', '/sanitizers/3', '/consentChecks/0']);
    expect(error.problems[0]!.message).toContain('module#export');
  });

  it('reports everything wrong at once, one line each', () => {
    const error = configErrorFor({ fhir: 1, unknownHosts: 'x', extra: true, phiTypes: [3] });
    expect(error.problems.map((p) => p.path).sort()).toEqual(['/extra', '/fhir', '/phiTypes/0', '/unknownHosts']);
    expect(error.message.split('\n')).toHaveLength(4);
  });

  it('validates sink entries against the sink entry schema', () => {
    const error = configErrorFor({ sinks: [{ ...validSink, category: 'telemetry' }] });
    expect(error.problems).toHaveLength(1);
    const [problem] = error.problems;
    expect(problem!.path).toBe('/sinks/0/category');
    for (const category of ['logging', 'analytics', 'storage', 'network']) expect(problem!.message).toContain(`"${category}"`);
    expect(error.message).toContain('phi.config.json: /sinks/0/category: ');

    const missing = configErrorFor({ sinks: [validSink, { id: 'x', category: 'network', vendor: 'X', data: [] }] });
    expect(missing.problems.some((p) => p.path === '/sinks/1' && p.message.includes('"callee"'))).toBe(true);
  });

  it('picks out what is wrong inside alternatives', () => {
    const network = { id: 'acme.send', category: 'network', vendor: 'Acme', callee: 'send', data: [{ arg: 1 }] };
    // The receiverCall form was meant: only its missing arg is reported.
    const partial = configErrorFor({ sinks: [{ ...network, url: [{ receiverCall: { method: 'open' } }] }] });
    expect(partial.problems).toEqual([{ path: '/sinks/0/url/0/receiverCall', message: 'missing required property "arg"' }]);
    // No form was meant: the allowed forms are listed.
    const empty = configErrorFor({ sinks: [{ ...network, url: [{}] }] });
    expect(empty.problems).toHaveLength(1);
    expect(empty.problems[0]!.path).toBe('/sinks/0/url/0');
    for (const key of ['arg', 'receiverCreatedWith', 'receiverCall']) expect(empty.problems[0]!.message).toContain(`"${key}"`);
    // A value of the wrong type gets one complaint.
    expect(configErrorFor({ sinks: [{ ...network, url: ['https://x'] }] }).problems).toEqual([
      { path: '/sinks/0/url/0', message: 'must be an object (got string "https://x")' },
    ]);
  });

  it('requires sink ids to be unique', () => {
    const error = configErrorFor({ sinks: [validSink, { ...validSink, callee: 'other' }] });
    expect(error.problems).toEqual([{ path: '/sinks/1/id', message: 'duplicate sink id "acme.audit" (also used by /sinks/0)' }]);
  });

  it('says where a file that is not JSON went wrong', () => {
    const trailing = configError('{\n  "fhir": true,\n}\n');
    expect(trailing.problems).toHaveLength(1);
    expect(trailing.problems[0]).toMatchObject({ path: '', line: 2, column: 15 });
    expect(trailing.message).toMatch(/^phi\.config\.json: not valid JSON: .*comma.* at line 2, column 15$/);

    const bareWord = configError('{\n  "fhir": yes\n}');
    expect(bareWord.message).toMatch(/not valid JSON: .* at line 2, column 11$/);
    expect(bareWord.problems[0]!.message).toContain('"y"');

    const unterminated = configError('{ "ignore": ["src/**]\n}');
    expect(unterminated.problems[0]).toMatchObject({ line: 1, column: 14 });

    expect(configError('').message).toBe('phi.config.json: not valid JSON: the file is empty at line 1, column 1');
    expect(configError('{} {}').problems[0]).toMatchObject({ line: 1, column: 4 });
    expect(configError("{ 'fhir': true }").problems[0]).toMatchObject({ line: 1, column: 3 });
    expect(configError('{ "fhir": true, // comment\n }').problems[0]).toMatchObject({ line: 1, column: 17 });
  });
});

describe('findConfigFile and loadConfig', () => {
  const root = mkdtempSync(join(tmpdir(), 'phi-config-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  function dir(...parts: string[]): string {
    const path = join(root, ...parts);
    mkdirSync(path, { recursive: true });
    return path;
  }

  it('walks up from a nested directory', () => {
    const project = dir('walk', 'project');
    writeFileSync(join(project, CONFIG_FILE_NAME), '{ "fhir": false }');
    const nested = dir('walk', 'project', 'src', 'features', 'charts');
    expect(findConfigFile(nested)).toBe(join(project, CONFIG_FILE_NAME));
    expect(findConfigFile(project)).toBe(join(project, CONFIG_FILE_NAME));

    const loaded = loadConfig(nested);
    expect(loaded.file).toBe(join(project, CONFIG_FILE_NAME));
    expect(loaded.config).toEqual({ ...defaultConfig, fhir: false });
  });

  it('does not look above the top of a repository', () => {
    writeFileSync(join(dir('repo-boundary'), CONFIG_FILE_NAME), '{}');
    const repo = dir('repo-boundary', 'repo');
    mkdirSync(join(repo, '.git'));
    const nested = dir('repo-boundary', 'repo', 'packages', 'app');
    expect(findConfigFile(nested)).toBeUndefined();

    const loaded = loadConfig(nested);
    expect(loaded).toEqual({ config: defaultConfig });
    expect(loaded).not.toHaveProperty('file');

    // A .git file (worktrees, submodules) marks the top as well; a config beside it is still found.
    const worktree = dir('repo-boundary', 'worktree');
    writeFileSync(join(worktree, '.git'), 'gitdir: elsewhere\n');
    writeFileSync(join(worktree, CONFIG_FILE_NAME), '{}');
    expect(findConfigFile(dir('repo-boundary', 'worktree', 'src'))).toBe(join(worktree, CONFIG_FILE_NAME));
  });

  it('ignores a directory named phi.config.json', () => {
    const project = dir('dir-named-like-config');
    mkdirSync(join(project, '.git'));
    mkdirSync(join(project, 'src', CONFIG_FILE_NAME), { recursive: true });
    expect(findConfigFile(join(project, 'src'))).toBeUndefined();
  });

  it('throws PhiConfigError naming the file it found', () => {
    const project = dir('invalid');
    mkdirSync(join(project, '.git'));
    writeFileSync(join(project, CONFIG_FILE_NAME), '{ "unknownHosts": "sometimes" }');
    const file = join(project, CONFIG_FILE_NAME);
    expect(() => loadConfig(project)).toThrow(PhiConfigError);
    expect(() => loadConfig(project)).toThrow(`${file}: /unknownHosts: must be one of "trusted", "untrusted"`);
  });
});

describe('parseConfig on arbitrary input', () => {
  /** mulberry32: a small deterministic PRNG, so that a failure can be replayed. */
  function prng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  const configKeys = Object.keys(defaultConfig).concat(['$schema', 'extra', '__proto__', 'constructor', 'a/b~c', 'x\ny']);
  const sinkKeys = ['id', 'category', 'vendor', 'module', 'global', 'callee', 'kind', 'data', 'url', 'safeWhen', 'note', 'zzz'];
  const strings = ['', 'logging', 'network', 'trusted', 'hipaa', 'api.example.org', '*.x.org', 'redact', 'a#b', 'http://x', '\u0000', 'é', 'id'];

  function randomValue(random: () => number, depth: number, keys: string[]): unknown {
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
    const kind = depth <= 0 ? Math.floor(random() * 5) : Math.floor(random() * 7);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return random() < 0.5;
      case 2:
        return pick([0, -1, 1.5, 2 ** 53, 1e300, 3]);
      case 3:
      case 4:
        return pick(strings);
      case 5:
        return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth - 1, random() < 0.5 ? sinkKeys : keys));
      default: {
        const object: Record<string, unknown> = {};
        const count = Math.floor(random() * 5);
        for (let i = 0; i < count; i++) {
          // defineProperty, so that "__proto__" becomes an own key as JSON.parse would make it.
          const value = randomValue(random, depth - 1, random() < 0.5 ? sinkKeys : keys);
          Object.defineProperty(object, pick(keys), { value, enumerable: true, writable: true, configurable: true });
        }
        return object;
      }
    }
  }

  const validConfig = { phiTypes: ['Patient'], trustedHosts: ['*.example.org'], unknownHosts: 'untrusted', sinks: [validSink], ignore: ['dist/**'] };

  it('throws nothing but PhiConfigError for 200 random values', () => {
    const random = prng(20240611);
    let accepted = 0;
    let rejected = 0;
    for (let round = 0; round < 200; round++) {
      let value: unknown;
      if (round % 3 === 0) {
        // A valid configuration with one setting replaced.
        const key = configKeys[Math.floor(random() * configKeys.length)]!;
        value = { ...validConfig };
        Object.defineProperty(value, key, { value: randomValue(random, 2, sinkKeys), enumerable: true, writable: true, configurable: true });
      } else {
        value = randomValue(random, 3, configKeys);
      }
      let text = JSON.stringify(value) ?? 'null';
      if (random() < 0.15) text = text.slice(0, Math.floor(random() * text.length)); // also some broken JSON
      try {
        const config = parseConfig(text, FILE);
        accepted++;
        for (const key of Object.keys(defaultConfig)) expect(config).toHaveProperty(key);
      } catch (error) {
        rejected++;
        if (!(error instanceof PhiConfigError)) throw new Error(`round ${round}: ${String(error)} for ${text}`);
        expect(error.problems.length).toBeGreaterThan(0);
        expect(error.message.split('\n')).toHaveLength(error.problems.length);
      }
    }
    expect(accepted + rejected).toBe(200);
    expect(rejected).toBeGreaterThan(0);
    expect(accepted).toBeGreaterThan(0);
  });
});
