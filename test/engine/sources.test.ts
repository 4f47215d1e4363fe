import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeSources, labelDiff } from '../support/inMemory.js';

const brandTypes = readFileSync(new URL('../../types/index.d.ts', import.meta.url), 'utf8');

function expectClean(files: Record<string, string>, config = {}): void {
  expect(labelDiff(files, config)).toEqual({ missing: [], extra: [] });
}

describe('sources declared on types', () => {
  it('reads @phi on interfaces, type aliases, classes and enums, and @notPhi on properties', () => {
    expectClean({
      '/models.ts': `/** @phi */
export interface Patient { name: string; /** @notPhi */ clinic: string }
/** @phi */
export type Ssn = string;
/** @phi */
export type Intake = { answers: string[] };
/** @phi */
export class Chart { constructor(public summary: string) {} }
/** @phi */
export enum Diagnosis { Flu = 'flu', Asthma = 'asthma' }
export interface Member extends Patient { plan: string }`,
      '/a.ts': `import { type Patient, type Ssn, type Intake, Chart, Diagnosis, type Member } from './models';
export function f(p: Patient, ssn: Ssn, intake: Intake, chart: Chart, d: Diagnosis, m: Member) {
  console.log(p.name); // expect: phi/no-logging
  console.log(p.clinic);
  console.log(ssn); // expect: phi/no-logging
  console.log(intake.answers); // expect: phi/no-logging
  console.log(chart.summary); // expect: phi/no-logging
  console.log(d); // expect: phi/no-logging
  console.log(Diagnosis.Flu); // expect: phi/no-logging
  console.log(m.plan); // expect: phi/no-logging
}`,
    });
  });

  it('reads @phi on properties, functions, arrow functions, parameters and variables', () => {
    expectClean({
      '/a.ts': `export interface Visit { room: string; /** @phi */ notes: string }
/** @phi */
function loadNotes(): string { return 'n'; }
/** @phi */
const loadHistory = (): string => 'h';
class Repo {
  /** @phi */
  diagnosis(): string { return 'd'; }
}
export function f(v: Visit, /** @phi */ reason: string, plain: string) {
  console.log(v.notes); // expect: phi/no-logging
  console.log(v.room);
  console.log(v); // expect: phi/no-logging
  console.log(loadNotes()); // expect: phi/no-logging
  console.log(loadHistory()); // expect: phi/no-logging
  console.log(new Repo().diagnosis()); // expect: phi/no-logging
  console.log(reason); // expect: phi/no-logging
  console.log(plain);
  /** @phi */
  const secret = plain.trim();
  console.log(secret); // expect: phi/no-logging
}`,
    });
  });

  it('reads the Phi<T> brand and phiTypes from the configuration', () => {
    expectClean({
      '/phi-types.d.ts': brandTypes,
      '/models.ts': `export interface Intake { answers: string[] }
export namespace lab { export interface Result { value: number } }`,
      '/a.ts': `import type { Phi } from './phi-types';
import type { Intake, lab } from './models';
type Mrn = Phi<string>;
export function f(mrn: Mrn, dob: Phi<Date>, intake: Intake, result: lab.Result) {
  console.log(mrn); // expect: phi/no-logging
  console.log(mrn.toUpperCase()); // expect: phi/no-logging
  console.log(dob); // expect: phi/no-logging
  console.log(intake); // expect: phi/no-logging
  console.log(result.value); // expect: phi/no-logging
}`,
    }, { phiTypes: ['Intake', 'lab.Result'] });
  });

  it('sees PHI through aliases, unions, intersections, arrays, promises and utility types', () => {
    expectClean({
      '/a.ts': `/** @phi */
interface Patient { name: string; age: number }
type Alias = Patient;
export async function f(
  a: Alias, u: Patient | undefined, i: Patient & { extra: 1 }, arr: readonly Patient[],
  pr: Promise<Patient>, ro: Readonly<Patient>, pa: Partial<Patient>, pi: Pick<Patient, 'name'>, om: Omit<Patient, 'age'>,
  nested: { who: Patient; count: number },
) {
  console.log(a); // expect: phi/no-logging
  console.log(u?.name); // expect: phi/no-logging
  console.log(i.name); // expect: phi/no-logging
  console.log(arr[0]); // expect: phi/no-logging
  console.log(await pr); // expect: phi/no-logging
  console.log(ro.name); // expect: phi/no-logging
  console.log(pa.name); // expect: phi/no-logging
  console.log(pi); // expect: phi/no-logging
  console.log(om.name); // expect: phi/no-logging
  console.log(nested); // expect: phi/no-logging
  console.log(nested.count);
}`,
    });
  });

  it('names the source and where it was declared', () => {
    const result = analyzeSources({
      '/a.ts': `/** @phi */
function loadNotes(): string { return 'n'; }
console.log(loadNotes());`,
    });
    expect(result.findings.map((f) => [f.source.kind, f.source.name, f.source.reason])).toEqual([
      ['function-tag', 'loadNotes()', '@phi in a.ts:2'],
    ]);
  });
});

describe('flows across files and functions', () => {
  it('follows default exports, re-exports, getters and thrown errors', () => {
    expectClean({
      '/models.ts': `/** @phi */
export interface Patient { name: string }`,
      '/log.ts': `export default function write(message: string) {
  console.warn(message); // expect: phi/no-logging
}
export function describe(p: { name: string }) { return p.name; }`,
      '/index.ts': `export { describe } from './log';`,
      '/a.ts': `import type { Patient } from './models';
import emit from './log';
import { describe } from './index';
class Card {
  constructor(private readonly patient: Patient) {}
  get title() { return this.patient.name; }
}
export function f(p: Patient) {
  emit(p.name);
  console.log(describe(p)); // expect: phi/no-logging
  console.log(new Card(p).title); // expect: phi/no-logging
  try {
    throw new Error('failed for ' + p.name);
  } catch (error) {
    console.error(error); // expect: phi/no-logging
  }
}`,
    });
  });

  it('finds loggers made in another module, in typed and untyped code', () => {
    expectClean({
      '/shims.d.ts': `declare module 'pino' {
  interface Logger { info(obj: unknown, msg?: string): void; child(bindings: object): Logger }
  function pino(options?: object): Logger;
  export default pino;
}`,
      '/logger.ts': `import pino from 'pino';
export const logger = pino();
export const audit = logger.child({ module: 'audit' });`,
      '/a.ts': `import { logger, audit } from './logger';
/** @phi */
interface Patient { name: string }
export function f(p: Patient) {
  logger.info(p); // expect: phi/no-logging
  audit.info({ who: p.name }, 'viewed'); // expect: phi/no-logging
  logger.info({ count: 1 });
}`,
    });
  });

  it('sees state persisted by zustand and redux-persist through its type', () => {
    expectClean({
      '/shims.d.ts': `declare module 'zustand/middleware' {
  export function persist<T>(creator: (set: (partial: Partial<T>) => void) => T, options: { name: string }): (set: unknown) => T;
}
declare module 'redux-persist' {
  export function persistReducer<S>(config: { key: string; storage: unknown }, reducer: (state: S | undefined, action: unknown) => S): unknown;
}`,
      '/a.ts': `import { persist } from 'zustand/middleware';
import { persistReducer } from 'redux-persist';
/** @phi */
interface Patient { name: string }
interface State { patient: Patient | null; setPatient(p: Patient): void }
interface Prefs { theme: string }
export const usePatient = persist<State>((set) => ({ patient: null, setPatient: (patient) => set({ patient }) }), { name: 'p' }); // expect: phi/no-unencrypted-storage
export const usePrefs = persist<Prefs>(() => ({ theme: 'dark' }), { name: 'prefs' });
function patientReducer(state: State | undefined, action: unknown): State { return state!; }
export const reducer = persistReducer({ key: 'root', storage: {} }, patientReducer); // expect: phi/no-unencrypted-storage`,
    });
  });
});
