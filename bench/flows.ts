// The bodies of generated functions. A body that works on a record (`record`, already loaded) either
// carries PHI to a sink (a flow) or handles only what is not PHI; a body that works on counts ends by
// declaring `value: number`. The wrappers in units.ts put the bodies into services, handlers and jobs.

import { camel, kebab, type Field } from './domain.js';
import type { Imports } from './imports.js';
import type { Random } from './random.js';

/** What a body may refer to. */
export interface BodyContext {
  random: Random;
  imports: Imports;
  /** The record type's name, e.g. `CardiologyPatient`. */
  type: string;
  /** Its statuses. */
  statuses: readonly string[];
  /** Its PHI string fields. */
  phi: Field[];
  /** Its fields that are not PHI, besides id, status and updatedAt. */
  safe: Field[];
  /** The repository instance, imported. */
  repository: string;
  /** Imports a name from src/lib/<file>.ts and returns it. */
  lib(file: string, name: string): string;
  /** A function of the record's own service (describe…, publish…Event, summarize…), imported when not local. */
  own(name: string): string;
  /** A function of another unit's service, imported: the cross-file calls. */
  other(name: 'publish' | 'summarize'): string;
}

export type Body = (context: BodyContext) => string[];

function field(context: BodyContext): string {
  return context.random.pick(context.phi).name;
}

function words(context: BodyContext): string {
  return kebab(context.type).replace(/-/g, ' ');
}

/** Bodies that carry PHI from `record` to a sink. */
export const FLOWS: readonly Body[] = [
  (c) => [`${c.lib('logger', 'logger')}.info('${words(c)} reviewed', { record });`],
  (c) => {
    const f = field(c);
    return [`${c.lib('pino', 'jobLog')}.warn(\`${words(c)} \${record.id}: \${record.${f}}\`);`];
  },
  (c) => {
    const f = field(c);
    return [`${c.lib('analytics', 'analytics')}.track({ userId: record.id, event: '${c.type} Viewed', properties: { ${f}: record.${f}, status: record.status } });`];
  },
  (c) => [`await ${c.lib('storage', 'cacheJson')}(\`${kebab(c.type)}-\${record.id}\`, record);`],
  (c) => [`${c.lib('storage', 'rememberLocally')}('${camel(c.type)}:last', record.${field(c)});`],
  (c) => {
    const f = field(c);
    return [`await ${c.lib('http', 'partnerApi')}.post('/${kebab(c.type)}/sync', { id: record.id, ${f}: record.${f} });`];
  },
  (c) => [
    `const response = await fetch('https://registry.health-exchange.example/v2/${kebab(c.type)}', {`,
    `  method: 'POST',`,
    `  headers: { 'content-type': 'application/json' },`,
    `  body: JSON.stringify({ note: record.${field(c)} }),`,
    `});`,
    `${c.lib('metrics', 'increment')}('registry.status.' + response.status);`,
  ],
  (c) => [`await ${c.other('publish')}(record.${field(c)});`],
  (c) => [`const summary = ${c.own('describe')}(record);`, `${c.lib('logger', 'logger')}.debug(summary);`],
  (c) => {
    const f = field(c);
    return [
      `try {`,
      `  await ${c.repository}.save(record);`,
      `} catch (error) {`,
      `  ${c.lib('logger', 'logger')}.error('could not save ${words(c)}', { error: ${c.lib('errors', 'describeError')}(error), ${f}: record.${f} });`,
      `}`,
    ];
  },
  (c) => [`${c.lib('pino', 'jobLog')}.info({ preview: ${c.lib('format', 'truncate')}(record.${field(c)}, 40) }, '${words(c)} preview');`],
];

/** Bodies that use `record` but send nothing that is PHI. */
export const SAFE_RECORD_BODIES: readonly Body[] = [
  (c) => {
    const f = field(c);
    return [`${c.lib('logger', 'logger')}.info('${words(c)} updated', { id: record.id, ${f}: ${c.lib('sanitize', 'redact')}(record.${f}) });`];
  },
  (c) => {
    const extra = c.safe.length > 0 ? c.random.pick(c.safe).name : undefined;
    return [`${c.lib('logger', 'logger')}.debug('${words(c)} touched', { id: record.id, status: record.status, updatedAt: record.updatedAt${extra ? `, ${extra}: record.${extra}` : ''} });`];
  },
  (c) => {
    const f = field(c);
    return [
      `if (${c.lib('consent', 'hasSharingConsent')}(record.id)) {`,
      `  await ${c.lib('http', 'partnerApi')}.post('/consented/${kebab(c.type)}', { ${f}: record.${f} });`,
      `}`,
    ];
  },
  (c) => [`await ${c.lib('http', 'clinicApi')}.put(\`/${kebab(c.type)}/\${record.id}\`, record);`],
  (c) => [`${c.lib('analytics', 'trackSystemEvent')}('${c.type} Opened', { hasDetails: record.${field(c)}.length > 0, status: record.status });`],
  (c) => [
    `const changed = record.updatedAt < new Date(Date.now() - 86_400_000).toISOString();`,
    `if (changed) {`,
    `  await ${c.repository}.save({ ...record, status: '${c.random.pick(c.statuses)}' });`,
    `  ${c.lib('metrics', 'increment')}('${camel(c.type)}.refreshed');`,
    `}`,
  ],
  (c) => [`await ${c.other('publish')}(\`${words(c)} \${record.id} is \${record.status}\`);`],
  (c) => [`${c.lib('pino', 'jobLog')}.debug({ id: record.id, hash: ${c.lib('sanitize', 'shortHash')}(record.id) }, '${words(c)} seen');`],
];

/** Bodies that work on counts, ids and configuration; each declares `value`. */
export const COUNT_BODIES: readonly Body[] = [
  (c) => {
    const statuses = c.statuses.map((status) => `'${status}'`).join(', ');
    return [
      `const stats = await ${c.repository}.stats();`,
      `for (const status of [${statuses}] as const) {`,
      `  ${c.lib('metrics', 'gauge')}(\`${camel(c.type)}.\${status}\`, stats.byStatus[status]);`,
      `}`,
      `const value = stats.total;`,
    ];
  },
  (c) => [
    `const ids = await ${c.repository}.listIds(limit);`,
    `${c.lib('analytics', 'trackSystemEvent')}('${c.type} Listed', { count: ids.length });`,
    `const value = ids.length;`,
  ],
  (c) => [
    `const config = ${c.lib('config', 'loadConfig')}();`,
    `const stats = await ${c.own('summarize')}();`,
    `const value = config.features.weeklyDigest ? Math.round(stats.total * config.sampleRate) : 0;`,
    `${c.lib('logger', 'logger')}.info('${words(c)} digest size', { value, region: config.region });`,
  ],
  (c) => {
    const status = c.random.pick(c.statuses);
    return [
      `const rows = await ${c.repository}.findByStatus('${status}');`,
      `${c.lib('metrics', 'increment')}('${camel(c.type)}.${camel(status.replace(/-/g, ''))}', rows.length);`,
      `${c.lib('logger', 'logger')}.info('${words(c)} by status', { status: '${status}', count: rows.length });`,
      `const value = rows.length;`,
    ];
  },
  (c) => [
    `const theirs = await ${c.other('summarize')}();`,
    `const ours = await ${c.own('summarize')}();`,
    `const value = theirs.total + ours.total;`,
    `${c.lib('pino', 'jobLog')}.info({ theirs: theirs.total, ours: ours.total }, 'cross-check');`,
  ],
  (c) => [
    `const stats = await ${c.repository}.stats();`,
    `await ${c.lib('storage', 'cacheJson')}('${kebab(c.type)}-stats', stats);`,
    `const value = stats.total;`,
  ],
  (c) => [
    `const ids = await ${c.repository}.listIds(limit);`,
    `const batches: string[][] = [];`,
    `for (let start = 0; start < ids.length; start += 10) batches.push(ids.slice(start, start + 10));`,
    `for (const batch of batches) await ${c.other('publish')}(\`batch of \${batch.length}\`);`,
    `const value = batches.length;`,
  ],
  (c) => [
    `const stats = await ${c.repository}.stats();`,
    `const share = ${c.lib('format', 'percent')}(stats.byStatus['${c.statuses[0]}'], stats.total);`,
    `${c.lib('logger', 'logger')}.info(\`${words(c)}: \${share} ${c.statuses[0]}\`);`,
    `const value = stats.total;`,
  ],
];

/** Verbs for the names of generated functions. */
export const VERBS: readonly string[] = [
  'review', 'sync', 'export', 'notify', 'archive', 'share', 'audit', 'escalate', 'reconcile',
  'snapshot', 'forward', 'reindex', 'refresh', 'verify', 'close', 'triage', 'summarize', 'route',
];

export const COUNT_VERBS: readonly string[] = ['count', 'measure', 'tally', 'sample', 'estimate', 'check', 'report', 'gauge'];
