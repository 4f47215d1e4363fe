import { createHash } from 'node:crypto';
import type ts from '#typescript';
import { importGraphOf, type ImportGraph } from '../engine/importGraph.js';

/**
 * What a file's findings can depend on, as one content hash. The engine answers for a file A from
 * more than A: the functions A calls and the types it uses (what A imports, transitively); the
 * callers of A's functions, for parameters that reach a sink (files importing A); the `new` sites and
 * field writes of the classes A reads fields of (files importing those classes' files); and what all
 * of these pass along (their own imports). Following imports in both directions, that is the part of
 * the import graph connected to A: its component. Global scripts (ambient declarations) bear on every
 * file. So A's key hashes the contents of A's component and the global scripts, and an edit
 * invalidates exactly the files connected to the edited one; files elsewhere (a separate tool folder,
 * another package sharing the tsconfig, a test helper that imports nothing) keep their findings.
 */
export function dependencyKey(program: ts.Program, sourceFile: ts.SourceFile): string {
  const graph = graphOf(program);
  const component = graph.componentOf.get(sourceFile.fileName);
  if (component === undefined) return keyText(sumOf(graph, [sourceFile.fileName], undefined));
  let key = graph.componentKeys.get(component);
  if (key === undefined) {
    let sum = graph.componentSums.get(component);
    if (!sum) {
      sum = sumOf(graph, graph.components[component] ?? [], component);
      graph.componentSums.set(component, sum);
    }
    key = keyText(sum);
    graph.componentKeys.set(component, key);
  }
  return key;
}

/** The files whose contents `dependencyKey` hashes for `sourceFile`, sorted. */
export function dependencyClosure(program: ts.Program, sourceFile: ts.SourceFile): string[] {
  const graph = graphOf(program);
  const component = graph.componentOf.get(sourceFile.fileName);
  const files = component === undefined ? [sourceFile.fileName] : graph.components[component] ?? [];
  return [...new Set([...files, ...graph.globals])].sort();
}

/** The lane sums of a set of files' hashes, and how many files. */
interface HashSum {
  lanes: Uint32Array;
  count: number;
}

/**
 * Order does not matter in a set, so a key adds up the files' hashes lane by lane (mod 2^32) rather
 * than sorting and rehashing: once per component and program, in as many additions as files. The
 * global scripts count too, once: those outside the component are added to its distinct members.
 */
function sumOf(graph: ComponentGraph, members: readonly string[], component: number | undefined): HashSum {
  const sum: HashSum = { lanes: new Uint32Array(4), count: 0 };
  for (const name of members) addHash(sum, hashOf(graph, name), 1);
  for (const name of graph.globals) {
    if (component === undefined ? !members.includes(name) : graph.componentOf.get(name) !== component) addHash(sum, hashOf(graph, name), 1);
  }
  return sum;
}

function hashOf(graph: ComponentGraph, name: string): Uint32Array {
  const file = graph.files.get(name);
  return file ? fileHash(file) : missingFileHash(name);
}

/** Adds (sign 1) or takes away (sign -1) a file's hash. */
function addHash(sum: HashSum, hash: Uint32Array, sign: 1 | -1): void {
  for (let lane = 0; lane < 4; lane++) sum.lanes[lane] = (sum.lanes[lane] ?? 0) + sign * (hash[lane] ?? 0);
  sum.count += sign;
}

function keyText(sum: HashSum): string {
  return `${sum.count}:${[...sum.lanes].map((lane) => lane.toString(36)).join('.')}`;
}

interface ComponentGraph {
  /** The project's own files by name. */
  files: Map<string, ts.SourceFile>;
  /** The connected components of the import graph, imports followed both ways. */
  components: string[][];
  componentOf: Map<string, number>;
  componentKeys: Map<number, string>;
  componentSums: Map<number, HashSum>;
  /** Project files that are scripts rather than modules: their declarations are global. */
  globals: string[];
}

const graphs = new WeakMap<ts.Program, ComponentGraph>();
const fileHashes = new WeakMap<ts.SourceFile, Uint32Array>();
/** The last component graph built on each import graph's edges (shared by the programs of an edit series). */
const latestByEdges = new WeakMap<ImportGraph['imports'], ComponentGraph>();

/** The import graph's connected components, imports followed both ways. */
function graphOf(program: ts.Program): ComponentGraph {
  const cached = graphs.get(program);
  if (cached) return cached;
  const importGraph = importGraphOf(program);
  const previous = latestByEdges.get(importGraph.imports);
  const graph = previous ? withFiles(previous, importGraph.files) : componentsOf(importGraph);
  graphs.set(program, graph);
  latestByEdges.set(importGraph.imports, graph);
  return graph;
}

function componentsOf({ files, imports, importers, globals }: ImportGraph): ComponentGraph {
  const components: string[][] = [];
  const componentOf = new Map<string, number>();
  for (const start of files.keys()) {
    if (componentOf.has(start)) continue;
    const id = components.length;
    const members = [start];
    componentOf.set(start, id);
    for (let index = 0; index < members.length; index++) {
      const member = members[index] as string;
      for (const neighbours of [imports.get(member), importers.get(member)]) {
        for (const next of neighbours ?? []) {
          if (componentOf.has(next)) continue;
          componentOf.set(next, id);
          members.push(next);
        }
      }
    }
    components.push(members);
  }
  return { files, components, componentOf, componentKeys: new Map(), componentSums: new Map(), globals };
}

/**
 * The same edges with some files' contents changed (an edit in the editor): the components stay, and
 * each changed file's hash is swapped in the sum of its component, unless it is a global script,
 * which counts in every component.
 */
function withFiles(previous: ComponentGraph, files: Map<string, ts.SourceFile>): ComponentGraph {
  const changed = [...files].filter(([name, file]) => previous.files.get(name) !== file).map(([name]) => name);
  const componentSums = changed.some((name) => previous.globals.includes(name)) ? new Map<number, HashSum>() : new Map(previous.componentSums);
  const graph: ComponentGraph = { ...previous, files, componentKeys: new Map(), componentSums };
  for (const name of changed) {
    const component = previous.componentOf.get(name);
    const sum = component === undefined ? undefined : componentSums.get(component);
    if (component === undefined || !sum) continue;
    const updated: HashSum = { lanes: Uint32Array.from(sum.lanes), count: sum.count };
    addHash(updated, hashOf(previous, name), -1);
    addHash(updated, hashOf(graph, name), 1);
    componentSums.set(component, updated);
  }
  return graph;
}

/** A file's name and text as four 32-bit lanes of their SHA-1, computed once per source file object. */
function fileHash(file: ts.SourceFile): Uint32Array {
  let hash = fileHashes.get(file);
  if (!hash) {
    hash = lanesOf(createHash('sha1').update(file.fileName).update('\0').update(file.text).digest());
    fileHashes.set(file, hash);
  }
  return hash;
}

function missingFileHash(fileName: string): Uint32Array {
  return lanesOf(createHash('sha1').update(fileName).update('\0missing').digest());
}

function lanesOf(digest: Buffer): Uint32Array {
  return Uint32Array.of(digest.readUInt32LE(0), digest.readUInt32LE(4), digest.readUInt32LE(8), digest.readUInt32LE(12));
}

