import type ts from '#typescript';
import type { PhiSource, TraceStep, TraceStepKind } from '../findings.js';
import { locationOf, snippetOf } from './location.js';

/** A function-like declaration whose parameters may be the origin of a flow. */
export type FunctionLike = ts.SignatureDeclaration;

export type Origin =
  | { kind: 'source'; source: PhiSource }
  /** The value depends on what callers pass for this parameter (and property path within it). */
  | { kind: 'param'; fn: FunctionLike; index: number; path: readonly string[] };

/** One way a value may hold PHI, with the steps that brought it here. */
export interface Flow {
  origin: Origin;
  steps: readonly TraceStep[];
}

export function makeStep(kind: TraceStepKind, node: ts.Node, message: string): TraceStep {
  return { kind, code: snippetOf(node), message, location: locationOf(node) };
}

/**
 * A step made the first time a flow takes it. Most evaluations find no PHI, and a step's code
 * snippet, location and message are strings and line look-ups that only a finding needs.
 */
export function lazyStep(kind: TraceStepKind, node: ts.Node, message: () => string): () => TraceStep {
  let step: TraceStep | undefined;
  return () => (step ??= makeStep(kind, node, message()));
}

/** The flows with one more step; the step is made only when there are flows to take it. */
export function withStep(flows: readonly Flow[], step: () => TraceStep): Flow[] {
  if (flows.length === 0) return [];
  const taken = step();
  return flows.map((flow) => ({ origin: flow.origin, steps: [...flow.steps, taken] }));
}

function originKey(origin: Origin): string {
  if (origin.kind === 'source') return 'source';
  return `param:${origin.fn.pos}:${origin.fn.getSourceFile().fileName}:${origin.index}:${origin.path.join('.')}`;
}

const maxFlowsPerValue = 8;

/** Keeps one flow per origin (the shortest) and a bounded number overall. */
export function mergeFlows(...groups: readonly (readonly Flow[])[]): Flow[] {
  const byOrigin = new Map<string, Flow>();
  for (const group of groups) {
    for (const flow of group) {
      const key = originKey(flow.origin);
      const existing = byOrigin.get(key);
      if (!existing || isPreferred(flow, existing)) byOrigin.set(key, flow);
    }
  }
  return [...byOrigin.values()].slice(0, maxFlowsPerValue);
}

/** The shorter trace wins; between equals, the source's name decides, so the order of the code does not. */
export function isPreferred(flow: Flow, other: Flow): boolean {
  if (flow.steps.length !== other.steps.length) return flow.steps.length < other.steps.length;
  return describeOrigin(flow) < describeOrigin(other);
}

function describeOrigin(flow: Flow): string {
  const origin = flow.origin;
  return origin.kind === 'source' ? `${origin.source.name}\u0000${origin.source.reason}` : `${origin.index}`;
}

export function sourceFlows(flows: readonly Flow[]): Flow[] {
  return flows.filter((flow) => flow.origin.kind === 'source');
}
