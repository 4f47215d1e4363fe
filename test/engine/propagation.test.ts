import { describe, expect, it } from 'vitest';
import { analyzeSources, labelDiff } from '../support/inMemory.js';

const model = `
/** @phi */
export interface Patient { id: string; name: string; /** @notPhi */ clinicId: string; age: number; tags: string[] }
export interface Visit { room: string; /** @phi */ notes: string; when: string }
`;

function expectClean(files: Record<string, string>, config = {}): void {
  expect(labelDiff({ '/models.ts': model, ...files }, config)).toEqual({ missing: [], extra: [] });
}

describe('propagation', () => {
  it('follows assignments, destructuring, spread, templates and string building', () => {
    expectClean({
      '/a.ts': `import type { Patient } from './models';
export function f(p: Patient) {
  const n = p.name;
  console.log(n); // expect: phi/no-logging
  const { name, ...rest } = p;
  console.log(name); // expect: phi/no-logging
  console.log(rest); // expect: phi/no-logging
  const copy = { ...p };
  console.log(copy); // expect: phi/no-logging
  console.log(\`hello \${p.name}\`); // expect: phi/no-logging
  console.log('x' + p.age); // expect: phi/no-logging
  console.log(String(p.age)); // expect: phi/no-logging
  console.log(JSON.stringify({ who: p })); // expect: phi/no-logging
  console.log(p.name.toUpperCase().trim()); // expect: phi/no-logging
  let later = '';
  later = p.name;
  console.log(later); // expect: phi/no-logging
}`,
    });
  });

  it('does not treat counts, comparisons, booleans or carved-out properties as PHI', () => {
    expectClean({
      '/a.ts': `import type { Patient } from './models';
export function f(p: Patient, q: Patient) {
  console.log(p.name.length);
  console.log(p.tags.length);
  console.log(p.name === q.name);
  console.log(typeof p.name);
  console.log(p.tags.includes('x'));
  console.log(p.clinicId);
  console.log(!p.name);
  console.log(p instanceof Object);
}`,
    });
  });

  it('follows array methods, Object helpers, Map and Set contents', () => {
    expectClean({
      '/a.ts': `import type { Patient } from './models';
export function f(patients: Patient[]) {
  console.log(patients.map((p) => p.name)); // expect: phi/no-logging
  console.log(patients.map((p) => p.name.length));
  console.log(patients.filter((p) => p.age > 3)); // expect: phi/no-logging
  console.log(patients.find((p) => p.age > 3)?.name); // expect: phi/no-logging
  console.log(patients.map((p) => p.name).join(', ')); // expect: phi/no-logging
  console.log(patients.reduce((acc, p) => acc + p.name, '')); // expect: phi/no-logging
  console.log(Object.values(patients[0]!)); // expect: phi/no-logging
  console.log(Object.keys(patients[0]!));
  const names = new Map<string, string>();
  names.set('a', patients[0]!.name);
  console.log(names.get('a')); // expect: phi/no-logging
  const seen = new Set<string>();
  console.log(seen.size);
  const lines: string[] = [];
  lines.push(patients[0]!.name);
  console.log(lines.join('\\n')); // expect: phi/no-logging
}`,
    });
  });

  it('follows promises: await, then and Promise.all', () => {
    expectClean({
      '/a.ts': `import type { Patient } from './models';
declare function load(): Promise<Patient>;
declare function loadName(): Promise<string>;
export async function f(visitName: Promise<string>) {
  const p = await load();
  console.log(p.name); // expect: phi/no-logging
  load().then((x) => console.log(x.name)); // expect: phi/no-logging
  const [a] = await Promise.all([load()]);
  console.log(a); // expect: phi/no-logging
  console.log(await loadName());
}`,
    });
  });

  it('keeps property paths: a helper returning only its label is not PHI', () => {
    expectClean({
      '/a.ts': `import type { Patient } from './models';
function fmt(value: string, label: string) { return label; }
function pick(value: string, label: string) { return value; }
function wrap(value: string) { return { value, kind: 'x' }; }
export function f(p: Patient) {
  console.log(fmt(p.name, 'name'));
  console.log(pick(p.name, 'name')); // expect: phi/no-logging
  console.log(wrap(p.name).kind);
  console.log(wrap(p.name).value); // expect: phi/no-logging
}`,
    });
  });

  it('reports at the sink inside a callee only when a caller passes PHI', () => {
    expectClean({
      '/log.ts': `export function audit(message: string) {
  console.info(message); // expect: phi/no-logging
}
export function quiet(message: string) {
  console.info(message);
}`,
      '/a.ts': `import type { Patient } from './models';
import { audit, quiet } from './log';
export function f(p: Patient) {
  audit(\`saw \${p.name}\`);
  quiet('constant');
}`,
    });
  });

  it('follows class fields set in the constructor and read in methods, and closures', () => {
    expectClean({
      '/a.ts': `import type { Patient } from './models';
class Chart {
  private readonly label: string;
  constructor(private readonly patient: Patient, label: string) { this.label = label; }
  show() {
    console.log(this.patient.name); // expect: phi/no-logging
    console.log(this.label);
  }
}
class Registry {
  private readonly names = new Map<string, string>();
  private readonly counts: number[] = [];
  add(p: Patient) { this.names.set(p.id, p.name); this.counts.push(p.name.length); }
  dump() {
    console.log(this.names.get('x')); // expect: phi/no-logging
    console.log(this.counts);
  }
}
export function f(p: Patient) {
  new Registry().add(p);
  new Chart(p, 'chart').show();
  const later = () => console.log(p.name); // expect: phi/no-logging
  later();
}`,
    });
  });

  it('terminates on recursion and mutual recursion', () => {
    expectClean({
      '/a.ts': `import type { Patient } from './models';
function even(n: number, s: string): string { return n === 0 ? s : odd(n - 1, s); }
function odd(n: number, s: string): string { return n === 0 ? '' : even(n - 1, s); }
function loop(s: string): string { return loop(s); }
export function f(p: Patient) {
  console.log(even(4, p.name)); // expect: phi/no-logging
  console.log(loop('x'));
}`,
    });
  });

  it('respects sanitizers from config, @phiSanitizer and node:crypto', () => {
    expectClean({
      '/a.ts': `import type { Patient } from './models';
declare function redact(s: string): string;
/** @phiSanitizer */
function mask(s: string) { return s.replace(/./g, '*'); }
export function f(p: Patient) {
  console.log(redact(p.name));
  console.log(mask(p.name));
}`,
    }, { sanitizers: ['redact'] });
  });

  it('reports the trace from source to sink', () => {
    const result = analyzeSources({
      '/models.ts': model,
      '/a.ts': `import type { Visit } from './models';
export function f(v: Visit) {
  const text = v.notes;
  console.log(text);
}`,
    });
    expect(result.findings).toHaveLength(1);
    const [finding] = result.findings;
    expect(finding?.source.kind).toBe('property-tag');
    expect(finding?.source.name).toBe('Visit.notes');
    expect(finding?.message).toMatch(/^Visit\.notes \(PHI: @phi in models\.ts:4\) reaches console\.log$/);
    expect(finding?.trace.map((s) => s.kind)).toEqual(['source', 'declaration', 'sink']);
    expect(finding?.trace.map((s) => s.location.line)).toEqual([3, 3, 4]);
  });
});

describe('library calls', () => {
  it('takes a string built by an unknown library function to carry its arguments, unless it hashes', () => {
    expectClean({
      '/lib.d.ts': `declare module 'fmt' { export function sprintf(f: string, ...a: unknown[]): string; export function sha256(s: string): string; export function count(s: string): number }`,
      '/a.ts': `import type { Patient } from './models';
import { sprintf, sha256, count } from 'fmt';
export function f(p: Patient) {
  console.log(sprintf('%s', p.name)); // expect: phi/no-logging
  console.log(sha256(p.name));
  console.log(count(p.name));
  console.log(new Date(p.age).toISOString()); // expect: phi/no-logging
}`,
    });
  });
});

describe('builders and one-way functions', () => {
  it('collects arguments into fluent builders, but not into hashes and ciphers', () => {
    expectClean({
      '/lib.d.ts': `declare module 'crypto' {
  interface Hash { update(data: string): Hash; digest(encoding: string): string }
  interface Cipher { update(data: string, input: string, output: string): string; final(output: string): string }
  export function createHash(algorithm: string): Hash;
  export function createCipheriv(algorithm: string, key: string, iv: string): Cipher;
}`,
      '/a.ts': `import type { Patient } from './models';
import { createHash, createCipheriv } from 'crypto';
declare class Identify { set(key: string, value: unknown): Identify }
declare const amplitude: { identify(id: Identify): void };
export function f(p: Patient) {
  console.log(new Identify().set('name', p.name)); // expect: phi/no-logging
  console.log(createHash('sha256').update(p.name).digest('hex'));
  const hash = createHash('sha256');
  console.log(hash.update(p.name).digest('hex'));
  const cipher = createCipheriv('aes-256-gcm', 'k', 'iv');
  console.log(cipher.update(p.name, 'utf8', 'hex') + cipher.final('hex'));
}`,
    });
  });

  it('binds a callback\'s parameters to what the project function it is passed to calls it with', () => {
    expectClean({
      '/helpers.ts': `import type { Patient } from './models';
export function withName(p: Patient, callback: (name: string, count: number) => void) {
  callback(p.name, 1);
}
export function forwarding(value: string, done?: (v: string) => void) {
  done?.(value);
}
export function counted(p: Patient, callback: (count: number) => void) {
  callback(p.tags.length);
}`,
      '/a.ts': `import type { Patient } from './models';
import { withName, forwarding, counted } from './helpers';
export function f(p: Patient) {
  withName(p, (name, count) => {
    console.log(name); // expect: phi/no-logging
    console.log(count);
  });
  forwarding(p.name, (v) => console.log(v)); // expect: phi/no-logging
  forwarding('clinic', (v) => console.log(v));
  counted(p, (count) => console.log(count));
}`,
    });
  });

  it('sees narrowing, in shorthand properties too: to PHI by a type guard, to a clean type by a discriminant', () => {
    expectClean({
      '/a.ts': `import type { Patient, Visit } from './models';
interface Room { kind: 'room'; label: string }
function isPatient(value: unknown): value is Patient {
  return typeof value === 'object' && value !== null && 'name' in value;
}
export function f(value: unknown, id: string, place: Room | Patient) {
  if (isPatient(value)) {
    console.log(value); // expect: phi/no-logging
    console.log({ value }); // expect: phi/no-logging
  }
  console.log({ id });
  if ('kind' in place) {
    console.log({ place });
  } else {
    console.log({ place }); // expect: phi/no-logging
  }
}`,
    });
  });
});
