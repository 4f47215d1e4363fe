import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PhiConfigError } from '../../src/config/index.js';
import { resolveSettings } from '../../src/eslint/settings.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function projectWith(config: object | undefined): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'phi-settings-'));
  dirs.push(dir);
  if (config) writeFileSync(path.join(dir, 'phi.config.json'), JSON.stringify(config));
  return dir;
}

describe('settings', () => {
  it('take phi.config.json, then settings.phi, then the rule options', () => {
    const dir = projectWith({ trustedHosts: ['a.example.org'], unknownHosts: 'untrusted', sanitizers: ['redact'] });
    const settings = resolveSettings(dir, { trustedHosts: ['b.example.org'], fhir: false }, { unknownHosts: 'trusted' });
    expect(settings.config).toMatchObject({
      trustedHosts: ['b.example.org'],
      unknownHosts: 'trusted',
      sanitizers: ['redact'],
      fhir: false,
      analyticsConsentExcuses: false,
    });
    expect(settings.configDir).toBe(dir);
    expect(settings.rootDir).toBe(dir);
  });

  it('give equal keys to equal settings, so rules share one analysis', () => {
    const dir = projectWith({ sanitizers: ['redact'] });
    const shared = { phiTypes: ['Intake'] };
    expect(resolveSettings(dir, shared, {}).key).toBe(resolveSettings(dir, shared, { unknownHosts: undefined }).key);
    expect(resolveSettings(dir, shared, {}).key).not.toBe(resolveSettings(dir, shared, { unknownHosts: 'untrusted' }).key);
  });

  it('are merged once per configuration, not once per linted file', () => {
    const dir = projectWith({ sanitizers: ['redact'] });
    const shared = { phiTypes: ['Intake'] };
    const first = resolveSettings(dir, shared, { unknownHosts: 'untrusted' });
    expect(resolveSettings(dir, shared, { unknownHosts: 'untrusted' })).toBe(first);
    expect(resolveSettings(dir, { phiTypes: ['Intake'] }, { unknownHosts: 'untrusted' }).key).toBe(first.key);
    expect(resolveSettings(dir, shared, { unknownHosts: 'trusted' })).not.toBe(first);
    expect(resolveSettings(projectWith({ sanitizers: ['redact'] }), shared, { unknownHosts: 'untrusted' })).not.toBe(first);
  });

  it('use the defaults without a phi.config.json', () => {
    const dir = projectWith(undefined);
    expect(resolveSettings(dir, undefined, undefined).config).toMatchObject({ fhir: true, unknownHosts: 'trusted', sanitizers: [] });
  });

  it('reject a settings.phi that does not follow the phi.config.json schema', () => {
    const dir = projectWith(undefined);
    expect(() => resolveSettings(dir, { unknownHosts: 'sometimes' }, {})).toThrow(PhiConfigError);
    expect(() => resolveSettings(dir, { trustedHost: ['typo.example.org'] }, {})).toThrow(/ESLint settings\.phi/);
    expect(() => resolveSettings(dir, ['not', 'an', 'object'], {})).toThrow(PhiConfigError);
  });

  it('read phi.config.json again when it changes on disk', () => {
    const dir = projectWith({ trustedHosts: ['a.example.org'] });
    expect(resolveSettings(dir, undefined, {}).config.trustedHosts).toEqual(['a.example.org']);
    const file = path.join(dir, 'phi.config.json');
    writeFileSync(file, JSON.stringify({ trustedHosts: ['changed.example.org'] }));
    const later = new Date(Date.now() + 5_000);
    utimesSync(file, later, later);
    expect(resolveSettings(dir, undefined, {}).config.trustedHosts).toEqual(['changed.example.org']);
  });
});
