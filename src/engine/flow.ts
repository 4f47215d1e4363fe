import type { ts } from 'ts-morph';
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

export function withStep(flows: readonly Flow[], step: TraceStep): Flow[] {
  return flows.map((flow) => ({ origin: flow.origin, steps: [...flow.steps, step] }));
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
      if (!existing || flow.steps.length < existing.steps.length) byOrigin.set(key, flow);
    }
  }
  return [...byOrigin.values()].slice(0, maxFlowsPerValue);
}

export function sourceFlows(flows: readonly Flow[]): Flow[] {
  return flows.filter((flow) => flow.origin.kind === 'source');
}
