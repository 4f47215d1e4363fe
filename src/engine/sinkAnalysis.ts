import ts from '#typescript';
import type { DataRef, UrlRef } from '../catalog/types.js';
import type { PhiConfig } from '../config/types.js';
import { ruleForCategory, type Finding } from '../findings.js';
import type { CallSiteIndex } from './callSites.js';
import type { ConsentAnalysis } from './consent.js';
import { isPreferred, makeStep, type Flow } from './flow.js';
import { HostResolver, isTrustedHost, type UrlTarget } from './hosts.js';
import { locationOf } from './location.js';
import { modulePatternMatches } from './modules.js';
import type { SinkSite } from './sinkMatcher.js';
import { enclosingFunction, functionName, propertyNameText, skipOuter } from './syntax.js';
import type { TaintEvaluator } from './taint.js';

interface DataExpression {
  expression: ts.Expression;
  path: readonly string[];
  role: string;
  /** The argument is a function; what it returns is the data. */
  ofReturn: boolean;
}

interface GuardedFlow {
  flow: Flow;
  guarded: boolean;
  role: string;
}

const maxCallerDepth = 4;

/** Turns a matched sink site into a finding when PHI reaches its data and nothing excuses it. */
export class SinkAnalysis {
  private readonly hosts: HostResolver;

  constructor(
    private readonly evaluator: TaintEvaluator,
    private readonly consent: ConsentAnalysis,
    private readonly callSites: CallSiteIndex,
    private readonly config: PhiConfig,
    private readonly checker: ts.TypeChecker,
  ) {
    this.hosts = new HostResolver(checker);
  }

  analyze(site: SinkSite): Finding | undefined {
    const { entry } = site;
    if (entry.receiverMadeBy && !this.receiverMadeBy(site, entry.receiverMadeBy)) return undefined;
    if (entry.category === 'storage' && (this.isSafeStorageCall(site) || this.isEncryptedStore(site))) return undefined;
    let host: string | undefined;
    if (entry.category === 'network') {
      const target = this.urlTarget(site);
      if (target.kind === 'relative') return undefined;
      if (target.kind === 'absolute') {
        if (isTrustedHost(target.host, this.config.trustedHosts)) return undefined;
        host = target.host;
      } else if (this.config.unknownHosts === 'trusted') {
        return undefined;
      }
    }
    const excusable = entry.category === 'network' || (entry.category === 'analytics' && this.config.analyticsConsentExcuses);
    const guardedHere = excusable && this.isGuardedAtEveryCall(site.node, 0);
    if (guardedHere) return undefined;
    const candidates: GuardedFlow[] = [];
    for (const data of this.dataExpressions(site)) {
      const flows = data.ofReturn ? this.evaluator.functionResultFlows(data.expression, data.path) : this.evaluator.evaluate(data.expression, data.path);
      for (const guardedFlow of this.throughCallers(flows, false, excusable, 0)) {
        candidates.push({ ...guardedFlow, role: data.role });
      }
      if (candidates.length > 0) break;
    }
    const chosen = candidates.sort((a, b) => (isPreferred(a.flow, b.flow) ? -1 : isPreferred(b.flow, a.flow) ? 1 : 0))[0];
    if (!chosen || chosen.flow.origin.kind !== 'source') return undefined;
    return this.finding(site, chosen, host);
  }

  /**
   * Consent dominates `node` in its own function, or the function is only ever called where
   * consent dominates the call (a closure defined before the check and called after it).
   */
  private isGuardedAtEveryCall(node: ts.Node, depth: number): boolean {
    if (this.consent.isGuarded(node)) return true;
    if (depth >= maxCallerDepth) return false;
    const fn = enclosingFunction(node);
    if (!fn) return false;
    const callers = this.callSites.callersOf(fn);
    return callers.length > 0 && callers.every((call) => this.isGuardedAtEveryCall(call, depth + 1));
  }

  /** Resolves parameter origins through callers; a consent check at any call on the way excuses what passes through it. */
  private throughCallers(flows: readonly Flow[], guarded: boolean, excusable: boolean, depth: number): { flow: Flow; guarded: boolean }[] {
    const results: { flow: Flow; guarded: boolean }[] = [];
    for (const flow of flows) {
      if (flow.origin.kind === 'source') {
        if (!(excusable && guarded)) results.push({ flow, guarded });
        continue;
      }
      if (depth >= maxCallerDepth) continue;
      for (const call of this.callSites.callersOf(flow.origin.fn)) {
        const callGuarded = guarded || (excusable && this.isGuardedAtEveryCall(call, 0));
        if (excusable && callGuarded) continue;
        const substituted = this.evaluator.substituteArguments(flow, call);
        results.push(...this.throughCallers(substituted, callGuarded, excusable, depth + 1));
        if (results.length > 0) return results;
      }
    }
    return results;
  }

  private dataExpressions(site: SinkSite): DataExpression[] {
    const { node, entry } = site;
    if (ts.isBinaryExpression(node)) {
      return [{ expression: node.right, path: [], role: 'assigned value', ofReturn: false }];
    }
    const args = node.arguments ?? [];
    const found: DataExpression[] = [];
    for (const ref of entry.data) {
      const role = ref.role ?? `argument ${ref.arg + 1}`;
      const selected = ref.rest ? args.slice(ref.arg) : args[ref.arg] ? [args[ref.arg] as ts.Expression] : [];
      for (const argument of selected) {
        const expression = ts.isSpreadElement(argument) ? argument.expression : argument;
        for (const path of pathsOf(ref)) found.push({ expression, path, role, ofReturn: ref.of === 'return' });
      }
    }
    return found;
  }

  private isSafeStorageCall(site: SinkSite): boolean {
    const safeWhen = site.entry.safeWhen;
    if (!safeWhen || ts.isBinaryExpression(site.node)) return false;
    const node = site.node;
    return safeWhen.some((ref) => {
      const [args, { arg, property }] = 'receiverCreatedWith' in ref
        ? [this.receiverCreation(node)?.arguments ?? [], ref.receiverCreatedWith]
        : [node.arguments ?? [], ref];
      const argument = args[arg];
      const literal = argument && objectLiteralOf(argument, this.checker);
      return literal?.properties.some((p) => p.name !== undefined && propertyNameText(p.name) === property) ?? false;
    });
  }

  private isEncryptedStore(site: SinkSite): boolean {
    const stores = this.config.encryptedStorage;
    if (stores.length === 0) return false;
    const rootText = site.callee.root.getText();
    return stores.some((store) => [...site.callee.modules].some((m) => modulePatternMatches(store, m))
      || store === rootText || store === site.callee.text || site.callee.text.startsWith(`${store}.`));
  }

  private urlTarget(site: SinkSite): UrlTarget {
    const refs = site.entry.url ?? [];
    let relative = false;
    let base: UrlTarget | undefined;
    for (const ref of refs) {
      const expression = this.urlExpression(site, ref);
      if (!expression) continue;
      const isHost = 'receiverCreatedWith' in ref ? ref.receiverCreatedWith.host : 'arg' in ref ? ref.host : undefined;
      const target = this.hosts.resolve(expression, isHost === true);
      if ('receiverCreatedWith' in ref) {
        // The first of the receiver's places that names a host wins.
        if (base?.kind !== 'absolute') base = target;
        continue;
      }
      if (target.kind === 'absolute') return target;
      if (target.kind === 'relative') relative = true;
    }
    if (base && base.kind !== 'relative') return base;
    if (relative) return { kind: 'relative' };
    return base ?? { kind: 'unknown' };
  }

  /** The call or `new` that made the receiver of a method call: `https.request(…)` for `req.write(…)`. */
  private receiverCreation(node: ts.CallExpression | ts.NewExpression): ts.CallExpression | ts.NewExpression | undefined {
    return ts.isPropertyAccessExpression(node.expression) ? creationOf(node.expression.expression, this.checker) : undefined;
  }

  /** The receiver was made by a call of one of these names (`https.request(…)` for `req.write(…)`). */
  private receiverMadeBy(site: SinkSite, names: readonly string[]): boolean {
    const node = site.node;
    if (ts.isBinaryExpression(node)) return false;
    const creation = this.receiverCreation(node);
    if (!creation) return false;
    const callee = skipOuter(creation.expression);
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
    return name !== undefined && names.includes(name);
  }

  private urlExpression(site: SinkSite, ref: UrlRef): ts.Expression | undefined {
    const node = site.node;
    if (ts.isBinaryExpression(node)) return undefined;
    if ('arg' in ref) return argumentOrProperty(node.arguments?.[ref.arg], ref.property, this.checker);
    const receiver = ts.isPropertyAccessExpression(node.expression) ? node.expression.expression : undefined;
    if ('receiverCreatedWith' in ref) {
      const creation = this.receiverCreation(node);
      if (!creation) return undefined;
      return argumentOrProperty(creation.arguments?.[ref.receiverCreatedWith.arg], ref.receiverCreatedWith.property, this.checker);
    }
    if (!receiver || !ts.isIdentifier(receiver)) return undefined;
    const sibling = siblingCall(receiver, ref.receiverCall.method, this.checker);
    return sibling?.arguments[ref.receiverCall.arg];
  }

  private finding(site: SinkSite, chosen: GuardedFlow, host: string | undefined): Finding {
    const { entry, node } = site;
    const source = chosen.flow.origin.kind === 'source' ? chosen.flow.origin.source : undefined;
    if (!source) throw new Error('finding without a source');
    const calleeText = site.callee.text;
    const sinkStep = makeStep('sink', node, `${chosen.role} of ${calleeText} (${entry.vendor}, ${entry.category})`);
    const hostText = host ? ` at ${host}` : '';
    const enclosing = functionName(enclosingFunction(node));
    return {
      ruleId: ruleForCategory[entry.category],
      category: entry.category,
      severity: source.heuristic?.severity ?? 'error',
      ...(source.kind === 'heuristic' ? { heuristic: true } : {}),
      message: `${source.name} (PHI: ${source.reason}) reaches ${calleeText}${hostText}`,
      sink: {
        location: locationOf(node),
        entryId: entry.id,
        vendor: entry.vendor,
        callee: calleeText,
        role: chosen.role,
        ...(host ? { host } : {}),
      },
      source,
      trace: [...chosen.flow.steps, sinkStep],
      ...(enclosing ? { enclosingFunction: enclosing } : {}),
    };
  }
}

function pathsOf(ref: DataRef): (readonly string[])[] {
  return ref.property && ref.property.length > 0 ? ref.property.map((p) => [p]) : [[]];
}



/** An object literal written at the argument, or held by a `const` it names. */
function objectLiteralOf(expression: ts.Expression, checker: ts.TypeChecker): ts.ObjectLiteralExpression | undefined {
  const node = skipOuter(expression);
  if (ts.isObjectLiteralExpression(node)) return node;
  if (ts.isIdentifier(node)) {
    const declaration = checker.getSymbolAtLocation(node)?.valueDeclaration;
    if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer) {
      const initializer = skipOuter(declaration.initializer);
      return ts.isObjectLiteralExpression(initializer) ? initializer : undefined;
    }
  }
  return undefined;
}

function argumentOrProperty(argument: ts.Expression | undefined, property: string | undefined, checker: ts.TypeChecker): ts.Expression | undefined {
  if (!argument || property === undefined) return argument;
  const literal = objectLiteralOf(argument, checker);
  for (const element of literal?.properties ?? []) {
    if (ts.isPropertyAssignment(element) && propertyNameText(element.name) === property) return element.initializer;
    if (ts.isShorthandPropertyAssignment(element) && element.name.text === property) return element.name;
  }
  return undefined;
}

/** The call or `new` that made a receiver: `axios.create({…})` for `api` in `api.post(…)`, across files. */
function creationOf(receiver: ts.Expression, checker: ts.TypeChecker, depth = 0): ts.CallExpression | ts.NewExpression | undefined {
  if (depth > 4) return undefined;
  const node = skipOuter(receiver);
  if (ts.isCallExpression(node) || ts.isNewExpression(node)) return node;
  const nameNode = ts.isPropertyAccessExpression(node) ? node.name : ts.isIdentifier(node) ? node : undefined;
  if (!nameNode) return undefined;
  let symbol = checker.getSymbolAtLocation(nameNode);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declaration = symbol?.valueDeclaration;
  if (declaration && (ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration)) && declaration.initializer) {
    return creationOf(declaration.initializer, checker, depth + 1);
  }
  return undefined;
}

/** Another call on the same variable: `xhr.open(…)` for `xhr.send(…)`. */
function siblingCall(receiver: ts.Identifier, method: string, checker: ts.TypeChecker): ts.CallExpression | undefined {
  const symbol = checker.getSymbolAtLocation(receiver);
  const declaration = symbol?.valueDeclaration;
  if (!symbol || !declaration) return undefined;
  let scope: ts.Node = declaration;
  while (scope.parent && !ts.isFunctionLike(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  let found: ts.CallExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === method
      && ts.isIdentifier(node.expression.expression) && checker.getSymbolAtLocation(node.expression.expression) === symbol) {
      found = node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return found;
}
