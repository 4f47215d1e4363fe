// The editor path: one long-lived ESLint instance, driven through the Node API the way an editor's
// ESLint server drives it. A file is opened (linted as it is on disk), then edited and linted again
// with the unsaved text; each edit is in a different file.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEslint, lintTimes, type Variant } from './eslint.js';
import { MB, median, percentile, readResult, round, runNode } from './measure.js';
import { hotspots, type CpuProfile, type Profile } from './profile.js';

export interface Latency {
  median: number;
  p95: number;
  max: number;
}

export interface EditorSession {
  variant: Variant;
  edits: number;
  /** The session's first lint, which loads the project. */
  firstLintMs: number;
  /** Linting a file as it is on disk, the first time it is linted (opening it). */
  openMs: Latency;
  /** Linting a file again after an edit: the figure an editor user feels on each keystroke. */
  relintMs: Latency;
  /** The phi rules' share of each re-lint (ESLint's stats). */
  phiRulesMs: Latency;
  /** Parsing, with typescript-eslint updating its program, in each re-lint. */
  parseMs: Latency;
  rssMbAfter: number;
  heapUsedMbAfter: number;
  phiProblems: number;
}

/** Service, handler and job files, spread evenly over the project. */
export function filesToEdit(projectDir: string, count: number): string[] {
  const candidates = sourceFiles(path.join(projectDir, 'src')).filter((file) => /\.(service|handlers|jobs)\.ts$/.test(file)).sort();
  const picked = new Set<string>();
  for (let index = 0; index < count && picked.size < candidates.length; index++) {
    picked.add(candidates[Math.floor(((index + 0.5) * candidates.length) / count)]!);
  }
  return [...picked];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** A harmless edit: even edits append a statement, odd ones change the first string literal after the imports. */
export function edit(text: string, index: number): string {
  if (index % 2 === 0) return `${text}\nexport const benchEdit${index} = ${index};\n`;
  const lines = text.split('\n');
  const at = lines.findIndex((line) => !line.startsWith('import') && /'[^'\n]*'/.test(line));
  if (at < 0) return `${text}\n// edited ${index}\n`;
  lines[at] = lines[at]!.replace(/'([^'\n]*)'/, `'$1 (edited ${index})'`);
  return lines.join('\n');
}

function latency(values: readonly number[]): Latency {
  return { median: round(median(values), 1), p95: round(percentile(values, 95), 1), max: round(Math.max(...values), 1) };
}

/**
 * In the child: the session itself. With `profileFile`, the edits (not the first lint, which loads
 * the project) are CPU-profiled into that file.
 */
export async function editorSession(projectDir: string, variant: Variant, edits: number, profileFile?: string): Promise<EditorSession & { profile?: Omit<Profile, 'subject'> }> {
  const eslint = createEslint(projectDir, variant);
  const files = filesToEdit(projectDir, edits + 1);
  const [first, ...edited] = files;
  if (!first || edited.length < edits) throw new Error(`the project has too few files for ${edits} edits`);

  const timed = async (text: string, filePath: string): Promise<{ ms: number; results: Awaited<ReturnType<typeof eslint.lintText>> }> => {
    const started = performance.now();
    const results = await eslint.lintText(text, { filePath });
    return { ms: performance.now() - started, results };
  };

  const warmUp = await timed(readFileSync(first, 'utf8'), first);
  const inspector = profileFile ? new Session() : undefined;
  if (inspector) {
    inspector.connect();
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.start');
  }
  const open: number[] = [];
  const relint: number[] = [];
  const phiRules: number[] = [];
  const parse: number[] = [];
  let phiProblems = 0;
  for (const [index, file] of edited.entries()) {
    const original = readFileSync(file, 'utf8');
    open.push((await timed(original, file)).ms);
    const after = await timed(edit(original, index), file);
    relint.push(after.ms);
    const times = lintTimes(after.results);
    phiRules.push(times.phiRulesMs);
    parse.push(times.parseMs);
    for (const result of after.results) {
      for (const message of result.messages) {
        if (message.fatal) throw new Error(`${file}: ${message.message}`);
        if (message.ruleId?.startsWith('phi/')) phiProblems++;
      }
    }
  }
  let profile: Omit<Profile, 'subject'> | undefined;
  if (inspector && profileFile) {
    const { profile: taken } = await inspector.post('Profiler.stop');
    inspector.disconnect();
    writeFileSync(profileFile, JSON.stringify(taken));
    profile = { file: profileFile, ...hotspots(taken as unknown as CpuProfile, 25) };
  }
  const memory = process.memoryUsage();
  return {
    ...(profile ? { profile } : {}),
    variant,
    edits,
    firstLintMs: Math.round(warmUp.ms),
    openMs: latency(open),
    relintMs: latency(relint),
    phiRulesMs: latency(phiRules),
    parseMs: latency(parse),
    rssMbAfter: round(memory.rss / MB, 1),
    heapUsedMbAfter: round(memory.heapUsed / MB, 1),
    phiProblems,
  };
}

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'child.js');

/** A session per variant, each in a fresh process. */
export async function runEditor(project: { name: string; dir: string }, edits: number, variants: readonly Variant[], log: (line: string) => void): Promise<EditorSession[]> {
  const sessions: EditorSession[] = [];
  for (const variant of variants) {
    const child = await runNode(CHILD, ['editor', project.dir, variant, String(edits)]);
    const session = readResult<EditorSession>(child, `editor session (${variant}) on ${project.name}`);
    sessions.push(session);
    log(
      `  editor ${variant} on ${project.name}: first lint ${session.firstLintMs} ms, open median ${session.openMs.median} ms, ` +
        `re-lint median ${session.relintMs.median} ms p95 ${session.relintMs.p95} ms, ${session.rssMbAfter} MB after`,
    );
  }
  return sessions;
}

/** The edits of a session with phi, CPU-profiled in a session of their own (profiling slows them down). */
export async function profileEditor(project: { name: string; dir: string }, edits: number, outDir: string): Promise<Profile> {
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `editor-${project.name}-${Date.now()}.cpuprofile`);
  const child = await runNode(CHILD, ['editor', project.dir, 'typed+phi', String(edits), file]);
  const session = readResult<EditorSession & { profile?: Omit<Profile, 'subject'> }>(child, `profiled editor session on ${project.name}`);
  if (!session.profile) throw new Error('the editor session wrote no profile');
  return { subject: `editor re-lints on ${project.name} (typed+phi, ${edits} edits)`, ...session.profile };
}
