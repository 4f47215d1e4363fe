import ts from '#typescript';
import type { SinkEntry } from '../catalog/types.js';
import { CalleeResolver, type CalleeDescription } from './callee.js';
import { modulePatternMatches } from './modules.js';
import { skipOuter } from './syntax.js';

export type SinkNode = ts.CallExpression | ts.NewExpression | ts.BinaryExpression;

/** What the matcher needs of an entry: sink entries and flow summaries share it. */
export type MatchableEntry = Pick<SinkEntry, 'module' | 'global' | 'callee' | 'kind'>;

export interface Match<E extends MatchableEntry> {
  node: SinkNode;
  entry: E;
  callee: CalleeDescription;
}

export type SinkSite = Match<SinkEntry>;

const anyMember = '*';
const shapeIndex = { call: 0, new: 1, assign: 2 } as const;

/**
 * Matches calls, constructions and assignments against the catalog. Entries are indexed by the last
 * member of their callee so that most calls are rejected by a map look-up, before the checker is asked.
 */
export class CatalogMatcher<E extends MatchableEntry> {
  private readonly byLastMember = new Map<string, E[]>();
  /** Per kind and whether the root is called (see `candidates`): last member → entries. Asked for every call of every file. */
  private readonly candidatesByShape = Array.from({ length: 6 }, () => new Map<string, readonly E[]>());

  constructor(entries: readonly E[], private readonly resolver: CalleeResolver) {
    for (const entry of entries) {
      const last = calleeSegments(entry).at(-1) ?? '';
      const list = this.byLastMember.get(last) ?? [];
      list.push(entry);
      this.byLastMember.set(last, list);
    }
  }

  /**
   * The entries a callee named `last` could match, by kind; most names have none. Entries whose
   * root itself is called (`fetch(…)`, `axios(config)`, `new WebSocket(url)`) are candidates only
   * for a callee that has no members (`rootCalled`): a method call is never one of those.
   */
  private candidates(last: string, kind: 'call' | 'new' | 'assign', rootCalled: boolean): readonly E[] {
    const byLast = this.candidatesByShape[shapeIndex[kind] * 2 + (rootCalled ? 1 : 0)]!;
    let found = byLast.get(last);
    if (!found) {
      found = [...new Set([
        ...(this.byLastMember.get(last) ?? []),
        ...(kind === 'assign' ? this.byLastMember.get(anyMember) ?? [] : []),
        ...(rootCalled ? this.byLastMember.get('') ?? [] : []),
      ])].filter((entry) => (entry.kind ?? 'call') === kind);
      byLast.set(last, found);
    }
    return found;
  }

  /** Entries that name only global variables (`localStorage`, `gtag`) need the callee's root to carry that name. */
  private plausible(candidates: readonly E[], calleeExpression: ts.Expression): readonly E[] {
    if (!candidates.some(namesGlobalVariablesOnly)) return candidates;
    const rootName = syntacticRootName(calleeExpression);
    return candidates.filter((entry) => !namesGlobalVariablesOnly(entry) || (rootName !== undefined && entry.global!.includes(rootName)));
  }

  match(node: ts.Node): Match<E>[] {
    if (ts.isCallExpression(node)) return this.matchCallee(node, node.expression, 'call');
    if (ts.isNewExpression(node)) return this.matchCallee(node, node.expression, 'new');
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken
      && (ts.isPropertyAccessExpression(node.left) || ts.isElementAccessExpression(node.left))) {
      return this.matchCallee(node, node.left, 'assign');
    }
    return [];
  }

  private matchCallee(node: SinkNode, calleeExpression: ts.Expression, kind: 'call' | 'new' | 'assign'): Match<E>[] {
    const direct = this.matchDirect(node, calleeExpression, kind);
    if (direct.length > 0 || kind === 'assign' || !mayBeAliased(calleeExpression)) return direct;
    // A callee reached through a local name or a choice of receivers: match each spelling.
    for (const form of this.resolver.aliasedForms(calleeExpression)) {
      const last = form.members.at(-1) ?? lastMemberOrRoot(form.base);
      const plausible = this.plausible(this.candidates(last, kind, form.members.length === 0 && isRootCall(form.base)), form.base);
      if (plausible.length === 0) continue;
      const callee = this.resolver.describeForm(form, calleeExpression.getText().replace(/\s+/g, ''));
      const sites = plausible.filter((entry) => matches(entry, callee)).map((entry) => ({ node, entry, callee }));
      if (sites.length > 0) return sites;
    }
    return [];
  }

  private matchDirect(node: SinkNode, calleeExpression: ts.Expression, kind: 'call' | 'new' | 'assign'): Match<E>[] {
    const candidates = this.candidates(lastMemberOrRoot(calleeExpression), kind, isRootCall(calleeExpression));
    if (candidates.length === 0) return [];
    const plausible = this.plausible(candidates, calleeExpression);
    if (plausible.length === 0) return [];
    // The project's own functions are not in any catalog: spare the checker the full description.
    if (kind !== 'assign' && this.resolver.isProjectFunction(calleeExpression)) return [];
    const callee = this.resolver.describe(calleeExpression);
    const sites: Match<E>[] = [];
    for (const entry of plausible) {
      if (matches(entry, callee)) sites.push({ node, entry, callee });
    }
    return sites;
  }
}

/**
 * Worth asking the checker for other spellings: the callee's root is a plain name (bound by a
 * `const`, maybe imported) or a choice (`(c ? a : b).log`). `this.x()` and calls of call results are not.
 */
function mayBeAliased(calleeExpression: ts.Expression): boolean {
  let root = skipOuter(calleeExpression);
  while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root)) root = skipOuter(root.expression);
  if (ts.isConditionalExpression(root) || ts.isBinaryExpression(root)) return true;
  return ts.isIdentifier(root) && !globalObjectNames.has(root.text) && root.text !== 'require';
}

/**
 * The callee has no members once described: it is not a member access, or is one on a global
 * object (`window.fetch`, whose member the resolver moves to the globals).
 */
function isRootCall(calleeExpression: ts.Expression): boolean {
  const node = skipOuter(calleeExpression);
  if (!ts.isPropertyAccessExpression(node) && !ts.isElementAccessExpression(node)) return true;
  const object = skipOuter(node.expression);
  return ts.isIdentifier(object) && globalObjectNames.has(object.text);
}

const globalObjectNames = new Set(['window', 'globalThis', 'self', 'global']);

/** Only global variables (lower-case: `console`, `localStorage`), not lib interfaces (`IDBObjectStore`) or modules. */
function namesGlobalVariablesOnly(entry: MatchableEntry): boolean {
  let only = globalVariablesOnly.get(entry);
  if (only === undefined) {
    only = entry.module === undefined && entry.global !== undefined && entry.global.every((name) => /^[a-z]/.test(name));
    globalVariablesOnly.set(entry, only);
  }
  return only;
}

/** Decided once per entry: every candidate call asks it of each of its entries. */
const globalVariablesOnly = new WeakMap<MatchableEntry, boolean>();

/** `localStorage` for `window.localStorage.setItem`, `console` for `console.log`; undefined for computed roots. */
function syntacticRootName(expression: ts.Expression): string | undefined {
  const names: string[] = [];
  let node = expression;
  for (;;) {
    while (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) || ts.isAsExpression(node)) node = node.expression;
    if (ts.isPropertyAccessExpression(node)) {
      names.unshift(node.name.text);
      node = node.expression;
    } else if (ts.isElementAccessExpression(node)) {
      names.unshift(ts.isStringLiteralLike(node.argumentExpression) ? node.argumentExpression.text : '*');
      node = node.expression;
    } else {
      break;
    }
  }
  if (!ts.isIdentifier(node)) return undefined;
  return globalObjectNames.has(node.text) && names.length > 0 ? names[0] : node.text;
}

function matches(entry: MatchableEntry, callee: CalleeDescription): boolean {
  const wanted = calleeSegments(entry);
  const byGlobal = entry.global?.some((name) => callee.globals.has(name)) ?? false;
  const byModule = entry.module?.some((pattern) => [...callee.modules].some((found) => modulePatternMatches(pattern, found))) ?? false;
  if (!byGlobal && !byModule) return false;
  // A global root is itself the first name: `console.log` has members [log] after the root `console`.
  const members = byGlobal && !byModule ? membersAfterGlobal(entry, callee) : callee.members;
  if (wanted.length === 0) return members.length === 0;
  if (members.length < wanted.length) return false;
  const tail = members.slice(members.length - wanted.length);
  return wanted.every((segment, index) => segment === anyMember || segment === tail[index]);
}

function membersAfterGlobal(entry: MatchableEntry, callee: CalleeDescription): string[] {
  const rootName = ts.isIdentifier(callee.root) ? callee.root.text : undefined;
  // `window.localStorage.setItem`: the resolver already moved `localStorage` out of the members.
  if (rootName && entry.global?.includes(rootName)) return callee.members;
  const globalName = entry.global?.find((name) => callee.globals.has(name));
  if (globalName && callee.members[0] === globalName) return callee.members.slice(1);
  // Typed receivers whose interface is a lib global (IDBObjectStore): only the last member counts.
  return callee.members.slice(-1);
}

/** Split once per entry: every candidate call is matched against its entries' segments. */
const segmentsByEntry = new WeakMap<MatchableEntry, readonly string[]>();

function calleeSegments(entry: MatchableEntry): readonly string[] {
  let segments = segmentsByEntry.get(entry);
  if (!segments) {
    segments = entry.callee === '' ? [] : entry.callee.split('.');
    segmentsByEntry.set(entry, segments);
  }
  return segments;
}

/** The name a callee is called by: its last member, or the identifier itself (a named import is a member). */
function lastMemberOrRoot(expression: ts.Expression): string {
  let node = expression;
  while (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node)) node = node.expression;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node)) {
    return ts.isStringLiteralLike(node.argumentExpression) ? node.argumentExpression.text : anyMember;
  }
  if (ts.isIdentifier(node)) return node.text;
  return '';
}
