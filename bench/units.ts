// A unit is one record type of one specialty, written as five files: model, repository, service,
// request handlers and batch jobs. Services and jobs call the services of earlier units.

import { AREAS, ENTITIES, camel, kebab, pascal, phiStrings, safeFields, type Entity } from './domain.js';
import { COUNT_BODIES, COUNT_VERBS, FLOWS, SAFE_RECORD_BODIES, VERBS, type Body, type BodyContext } from './flows.js';
import { Imports } from './imports.js';
import type { Random } from './random.js';

export const UNIT_FILES = ['model', 'repository', 'service', 'handlers', 'jobs'] as const;
export type UnitFile = (typeof UNIT_FILES)[number];

export interface Unit {
  index: number;
  entity: Entity;
  area: string;
  /** The record type, e.g. `CardiologyPatient` or `CardiologyPatient2`. */
  type: string;
  /** The unit's directory under the project, e.g. `src/cardiology/patient-2`. */
  dir: string;
  /** The files' base name, e.g. `patient`. */
  base: string;
}

/** A generated source file and what it holds. */
export interface SourceFile {
  path: string;
  text: string;
  /** Functions and methods written. */
  functions: number;
  /** Functions among them that carry PHI to a sink. */
  flows: number;
}

export function unitAt(index: number): Unit {
  const entity = ENTITIES[index % ENTITIES.length]!;
  const areaIndex = Math.floor(index / ENTITIES.length);
  const area = AREAS[areaIndex % AREAS.length]!;
  const round = Math.floor(areaIndex / AREAS.length);
  const suffix = round === 0 ? '' : String(round + 1);
  const base = kebab(entity.name);
  return { index, entity, area, type: `${pascal(area)}${entity.name}${suffix}`, dir: `src/${kebab(area)}/${base}${suffix ? `-${suffix}` : ''}`, base };
}

export function unitFilePath(unit: Unit, file: UnitFile): string {
  return `${unit.dir}/${unit.base}.${file}.ts`;
}

/** The module specifier of `to`'s file as imported from a file of `from`. */
function specifier(from: Unit, to: Unit, file: UnitFile): string {
  if (from.dir === to.dir) return `./${to.base}.${file}.js`;
  return `../../${to.dir.slice('src/'.length)}/${to.base}.${file}.js`;
}

const LIB = (file: string): string => `../../lib/${file}.js`;

const names = {
  describe: (unit: Unit) => `describe${unit.type}`,
  publish: (unit: Unit) => `publish${unit.type}Event`,
  summarize: (unit: Unit) => `summarize${unit.type}s`,
  repository: (unit: Unit) => `${camel(unit.type)}Repository`,
};

export interface UnitOptions {
  random: Random;
  /** The earlier unit whose service this unit's service and jobs call. */
  other: Unit;
  /** The chance that a generated function carries PHI to a sink. */
  flowRate: number;
}

export function writeUnitFile(unit: Unit, file: UnitFile, options: UnitOptions): SourceFile {
  const path = unitFilePath(unit, file);
  switch (file) {
    case 'model':
      return { path, ...modelFile(unit) };
    case 'repository':
      return { path, ...repositoryFile(unit) };
    default:
      return { path, ...codeFile(unit, file, options) };
  }
}

function modelFile(unit: Unit): Omit<SourceFile, 'path'> {
  const { entity, type } = unit;
  const byType = entity.tagging === 'type';
  const notPhi = byType ? '  /** @notPhi */\n' : '';
  const lines = [
    `export type ${type}Status = ${entity.statuses.map((status) => `'${status}'`).join(' | ')};`,
    '',
    '/**',
    ` * A ${kebab(unit.area).replace(/-/g, ' ')} ${kebab(entity.name).replace(/-/g, ' ')} record.`,
    ...(byType ? [' * @phi'] : []),
    ' */',
    `export interface ${type} {`,
    `${notPhi}  id: string;`,
    `${notPhi}  status: ${type}Status;`,
    `${notPhi}  updatedAt: string;`,
  ];
  for (const field of entity.fields) {
    const tag = field.phi ? (byType ? '' : '  /** @phi */\n') : notPhi;
    lines.push(`${tag}  ${field.name}: ${field.type};`);
  }
  const zero = entity.statuses.map((status) => `'${status}': 0`).join(', ');
  lines.push(
    '}',
    '',
    `export type ${type}Draft = Omit<${type}, 'id' | 'updatedAt'>;`,
    '',
    '/** Counts by status; not PHI. */',
    `export interface ${type}Stats {`,
    '  total: number;',
    `  byStatus: Record<${type}Status, number>;`,
    '  lastUpdatedAt: string | undefined;',
    '}',
    '',
    `export function empty${type}Stats(): ${type}Stats {`,
    `  return { total: 0, byStatus: { ${zero} }, lastUpdatedAt: undefined };`,
    '}',
    '',
  );
  return { text: lines.join('\n'), functions: 1, flows: 0 };
}

function repositoryFile(unit: Unit): Omit<SourceFile, 'path'> {
  const { type } = unit;
  const model = specifier(unit, unit, 'model');
  const text = `import { empty${type}Stats } from '${model}';
import type { ${type}, ${type}Stats, ${type}Status } from '${model}';

/** ${type} records, kept in memory in front of the database. */
export class ${type}Repository {
  private readonly rows = new Map<string, ${type}>();

  async findById(id: string): Promise<${type} | undefined> {
    return this.rows.get(id);
  }

  async findByStatus(status: ${type}Status): Promise<${type}[]> {
    return [...this.rows.values()].filter((row) => row.status === status);
  }

  async save(record: ${type}): Promise<void> {
    this.rows.set(record.id, { ...record, updatedAt: new Date().toISOString() });
  }

  async listIds(limit = 100): Promise<string[]> {
    return [...this.rows.keys()].slice(0, limit);
  }

  async stats(): Promise<${type}Stats> {
    const stats = empty${type}Stats();
    for (const row of this.rows.values()) {
      stats.total++;
      stats.byStatus[row.status]++;
      if (stats.lastUpdatedAt === undefined || row.updatedAt > stats.lastUpdatedAt) stats.lastUpdatedAt = row.updatedAt;
    }
    return stats;
  }
}

export const ${names.repository(unit)} = new ${type}Repository();
`;
  return { text, functions: 5, flows: 0 };
}

/** A service, handlers or jobs file: a few fixed functions and random ones, some of them flows. */
function codeFile(unit: Unit, file: 'service' | 'handlers' | 'jobs', options: UnitOptions): Omit<SourceFile, 'path'> {
  const { random, other } = options;
  const imports = new Imports();
  const own = (name: 'describe' | 'publish' | 'summarize'): string =>
    file === 'service' ? names[name](unit) : imports.value(specifier(unit, unit, 'service'), names[name](unit));
  const context: BodyContext = {
    random,
    imports,
    type: unit.type,
    statuses: unit.entity.statuses,
    phi: phiStrings(unit.entity),
    safe: safeFields(unit.entity),
    repository: imports.value(specifier(unit, unit, 'repository'), names.repository(unit)),
    lib: (from, name) => imports.value(LIB(from), name),
    own,
    other: (name) => (other === unit ? own(name) : imports.value(specifier(unit, other, 'service'), names[name](other))),
  };
  const used = new Set<string>();
  const uniqueName = (name: string): string => {
    let candidate = name;
    for (let n = 2; used.has(candidate); n++) candidate = `${name}${n}`;
    used.add(candidate);
    return candidate;
  };
  const functions: string[] = [];
  let flows = 0;

  if (file === 'service') functions.push(...serviceBasics(unit, context, uniqueName));
  if (file === 'handlers') functions.push(getHandler(unit, context, uniqueName));
  const count = file === 'service' ? random.int(4, 7) : random.int(3, 5);
  for (let n = 0; n < count; n++) {
    const flow = random.chance(options.flowRate);
    if (flow) flows++;
    const onRecord = flow || random.chance(0.5);
    const body = random.pick<Body>(flow ? FLOWS : onRecord ? SAFE_RECORD_BODIES : COUNT_BODIES)(context);
    const verb = random.pick(onRecord ? VERBS : COUNT_VERBS);
    functions.push(onRecord ? recordFunction(unit, file, verb, body, context, uniqueName) : countFunction(unit, file, verb, body, context, uniqueName));
  }
  const fixed = file === 'service' ? 3 : file === 'handlers' ? 1 : 0;
  const text = `${imports.toString()}\n\n${functions.join('\n\n')}\n`;
  return { text, functions: fixed + count, flows };
}

function serviceBasics(unit: Unit, c: BodyContext, uniqueName: (name: string) => string): string[] {
  const { type } = unit;
  const modelTypes = c.imports.type(specifier(unit, unit, 'model'), type);
  c.imports.type(specifier(unit, unit, 'model'), `${type}Stats`);
  const [first, second] = c.phi;
  const parts = [
    `record.${first!.name}`,
    `${c.lib('format', 'titleCase')}(record.status)`,
    `${c.lib('format', 'formatDate')}(record.updatedAt)`,
    ...(second ? [`record.${second.name}`] : []),
  ];
  return [
    `/** The record in a few lines, for views and reports. */
export function ${uniqueName(names.describe(unit))}(record: ${modelTypes}): string {
  return ${c.lib('format', 'joinLines')}([${parts.join(', ')}]);
}`,
    `/** Posts an event to the partner feed. */
export async function ${uniqueName(names.publish(unit))}(label: string): Promise<void> {
  await ${c.lib('http', 'partnerApi')}.post('/events', { source: '${kebab(type)}', label, at: new Date().toISOString() });
}`,
    `export async function ${uniqueName(names.summarize(unit))}(): Promise<${type}Stats> {
  const stats = await ${c.repository}.stats();
  ${c.lib('metrics', 'gauge')}('${camel(type)}.total', stats.total);
  return stats;
}`,
  ];
}

function getHandler(unit: Unit, c: BodyContext, uniqueName: (name: string) => string): string {
  const request = c.imports.type(LIB('http'), 'ApiRequest');
  const response = c.imports.type(LIB('http'), 'ApiResponse');
  return `export async function ${uniqueName(`get${unit.type}Handler`)}(request: ${request}): Promise<${response}> {
  const record = await ${c.repository}.findById(${c.lib('http', 'idParam')}(request));
  if (!record) return ${c.lib('http', 'notFound')}('${kebab(unit.type).replace(/-/g, ' ')}');
  return ${c.lib('http', 'ok')}({ id: record.id, status: record.status, summary: ${c.own('describe')}(record) });
}`;
}

function indent(lines: string[], depth: number): string {
  const pad = '  '.repeat(depth);
  return lines.map((line) => `${pad}${line}`).join('\n');
}

function recordFunction(unit: Unit, file: UnitFile, verb: string, body: string[], c: BodyContext, uniqueName: (name: string) => string): string {
  const { type } = unit;
  const what = kebab(type).replace(/-/g, ' ');
  if (file === 'handlers') {
    const request = c.imports.type(LIB('http'), 'ApiRequest');
    const response = c.imports.type(LIB('http'), 'ApiResponse');
    return `export async function ${uniqueName(`${verb}${type}Handler`)}(request: ${request}): Promise<${response}> {
  const record = await ${c.repository}.findById(${c.lib('http', 'idParam')}(request));
  if (!record) return ${c.lib('http', 'notFound')}('${what}');
${indent(body, 1)}
  return ${c.lib('http', 'ok')}({ id: record.id, status: record.status });
}`;
  }
  if (file === 'jobs') {
    return `export async function ${uniqueName(`${verb}${type}Job`)}(limit = 25): Promise<number> {
  const ids = await ${c.repository}.listIds(limit);
  let processed = 0;
  for (const id of ids) {
    const record = await ${c.repository}.findById(id);
    if (!record) continue;
${indent(body, 2)}
    processed++;
  }
  return processed;
}`;
  }
  return `export async function ${uniqueName(`${verb}${type}`)}(id: string): Promise<void> {
  const record = await ${c.repository}.findById(id);
  if (!record) {
    ${c.lib('logger', 'logger')}.warn('${what} not found', { id });
    return;
  }
${indent(body, 1)}
}`;
}

function countFunction(unit: Unit, file: UnitFile, verb: string, body: string[], c: BodyContext, uniqueName: (name: string) => string): string {
  const { type } = unit;
  if (file === 'handlers') {
    const request = c.imports.type(LIB('http'), 'ApiRequest');
    const response = c.imports.type(LIB('http'), 'ApiResponse');
    return `export async function ${uniqueName(`${verb}${type}sHandler`)}(request: ${request}): Promise<${response}> {
  const limit = Number(request.query['limit'] ?? '50');
${indent(body, 1)}
  return ${c.lib('http', 'ok')}({ value });
}`;
  }
  const suffix = file === 'jobs' ? 'Job' : '';
  return `export async function ${uniqueName(`${verb}${type}s${suffix}`)}(limit = 50): Promise<number> {
${indent(body, 1)}
  return value;
}`;
}
