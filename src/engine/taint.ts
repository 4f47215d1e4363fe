import ts from '#typescript';
import type { PhiSource } from '../findings.js';
import type { FlowSummary } from '../catalog/summaryTypes.js';
import type { PhiTypeOracle } from '../sources/phiTypes.js';
import type { NameClassification, NameClassifier } from '../sources/heuristics/classify.js';
import { declarationHasTag, hasJsDocTag, phiTag, sanitizerTag } from '../sources/jsdocTags.js';
import { callerNames, type CallSiteIndex, type CallSite } from './callSites.js';
import { EvaluationMemo, type Read } from './memo.js';
import type { CatalogMatcher, Match } from './sinkMatcher.js';
import { lazyStep, makeStep, mergeFlows, withStep, type Flow, type FunctionLike } from './flow.js';
import type { FunctionRefMatcher } from './functionRefs.js';
import { describeLocation, locationOf, snippetOf } from './location.js';
import { mutatingMethods, ReferenceFinder, scopeOfDeclaration } from './references.js';
import { callOfCallback, functionName, isInlineCallback, propertyNameText, returnExpressions, walk } from './syntax.js';

export interface TaintContext {
  checker: ts.TypeChecker;
  /** Set when `heuristics` is on: names that say they hold PHI become sources. */
  classifyName?: NameClassifier;
  oracle: PhiTypeOracle;
  summaries: CatalogMatcher<FlowSummary>;
  sanitizers: FunctionRefMatcher;
  callSites: CallSiteIndex;
  rootDir: string;
}

type Path = readonly string[];

const maxPathLength = 4;
/** Rounds of re-evaluation for a recursive expression before its answer is taken as final. */
const maxFixpointRounds = 4;
const maxCallerDepth = 3;
/** Evaluations one analysis may spend before it stops and says the result is partial. */
export const defaultEvaluationBudget = 400_000;

const nonDataProperties = new Set(['length', 'size', 'byteLength']);
/** Library methods whose result says nothing about the receiver's contents. */
const nonPropagatingMethods = new Set([
  'includes', 'indexOf', 'lastIndexOf', 'findIndex', 'findLastIndex', 'some', 'every', 'forEach', 'has',
  'startsWith', 'endsWith', 'localeCompare', 'search', 'test', 'push', 'unshift', 'delete', 'clear',
  'keys', 'charCodeAt', 'codePointAt', 'getTime', 'isArray', 'hasOwnProperty', 'isPrototypeOf', 'catch',
]);
/** Array and promise methods whose result is what the callback returns. */
const callbackResultMethods = new Set(['map', 'flatMap', 'then']);
/** Array methods whose callback's first parameter is an element of the receiver. */
const elementCallbackMethods = new Set([
  'map', 'flatMap', 'filter', 'find', 'findLast', 'forEach', 'some', 'every', 'findIndex', 'findLastIndex',
  'sort', 'toSorted', 'then', 'finally',
]);

/** Library functions whose output does not reveal their input. */
const oneWayFunctionName = /hash|digest|encrypt|cipher|sha\d*|md5|hmac|bcrypt|argon|scrypt|pbkdf|sign|redact|mask|anonymi[sz]|pseudonymi[sz]|deidentif|tokeni[sz]e/i;

/** Evaluations one sink may spend: a sink whose flows explode stops, the rest of the file goes on. */
export const defaultSinkBudget = 40_000;

export class BudgetExceededError extends Error {
  constructor(readonly scope: 'file' | 'sink') {
    super(scope === 'file' ? 'analysis budget of the file exhausted' : 'analysis budget of one sink exhausted');
  }
}

/** An expression being evaluated at a property path (its key). */
interface Frame {
  node: ts.Expression;
  key: string;
}

/**
 * Demand-driven taint evaluation: "what PHI can this expression hold, at this property path?"
 * Each answer is a set of flows whose origin is either a PHI source or a parameter of a function
 * (resolved later at that function's call sites), so every function is summarised once per path
 * instead of re-analysed per caller.
 */
export class TaintEvaluator {
  private readonly memo: EvaluationMemo;
  /** What each expression being evaluated has read so far, outermost first (see memo.ts). */
  private readonly readFrames: Read[][] = [];
  /** Expressions being evaluated, outermost first. */
  private readonly stack: Frame[] = [];
  /** Expressions reached again while being evaluated, and what is known of them so far. */
  private readonly cycleHits = new Set<Frame>();
  private readonly approximations = new Map<Frame, Flow[]>();
  /** Frames whose answers depend on an unfinished recursive expression: not memoised. */
  private readonly provisional = new Set<Frame>();
  private readonly references: ReferenceFinder;
  private remaining: number;
  private remainingForSink = defaultSinkBudget;

  constructor(private readonly context: TaintContext, budget = defaultEvaluationBudget, memo = new EvaluationMemo()) {
    this.references = new ReferenceFinder(context.checker);
    this.remaining = budget;
    this.memo = memo;
  }

  /** The answers so far, for an engine built on the next program of the same project. */
  get answers(): EvaluationMemo {
    return this.memo;
  }

  resetBudget(budget = defaultEvaluationBudget): void {
    this.remaining = budget;
  }

  resetSinkBudget(budget = defaultSinkBudget): void {
    this.remainingForSink = budget;
  }

  evaluate(node: ts.Expression, path: Path = []): Flow[] {
    const clipped = path.length > maxPathLength ? path.slice(0, maxPathLength) : path;
    const key = clipped.join('\u0000');
    const cached = this.memo.get(node, key);
    if (cached) {
      this.noteReads(cached.reads);
      return cached.flows;
    }
    const depth = this.depthOf(node, key);
    if (depth >= 0) {
      // Recursion: answer with what is known so far, and let the frames in between not be memoised,
      // since their answers may still grow; the recursive expression is re-evaluated until stable.
      const recursive = this.stack[depth] as Frame;
      this.cycleHits.add(recursive);
      for (let inner = depth + 1; inner < this.stack.length; inner++) this.provisional.add(this.stack[inner] as Frame);
      return this.approximations.get(recursive) ?? [];
    }
    const sourceFile = node.getSourceFile();
    const frame: Frame = { node, key };
    let result: Flow[] = [];
    const reads: Read[] = [sourceFile];
    this.stack.push(frame);
    this.readFrames.push(reads);
    try {
      for (let round = 0; round < maxFixpointRounds; round++) {
        if (--this.remaining < 0) throw new BudgetExceededError('file');
        if (--this.remainingForSink < 0) throw new BudgetExceededError('sink');
        this.cycleHits.delete(frame);
        result = this.evaluateUncached(node, clipped);
        if (!this.cycleHits.has(frame)) break;
        const previous = this.approximations.get(frame) ?? [];
        if (sameOrigins(previous, result)) break;
        this.approximations.set(frame, result);
      }
    } finally {
      this.stack.pop();
      this.readFrames.pop();
      this.approximations.delete(frame);
      this.cycleHits.delete(frame);
    }
    this.noteReads(reads);
    if (this.provisional.delete(frame)) return result;
    this.memo.set(node, key, result, reads);
    return result;
  }

  /** Where (node, path) is on the stack of expressions being evaluated, or -1. */
  private depthOf(node: ts.Expression, key: string): number {
    for (let depth = 0; depth < this.stack.length; depth++) {
      const frame = this.stack[depth] as Frame;
      if (frame.node === node && frame.key === key) return depth;
    }
    return -1;
  }

  /** Adds to what the innermost expression being evaluated has read. */
  private noteReads(reads: readonly Read[]): void {
    const frame = this.readFrames.at(-1);
    if (!frame) return;
    for (const read of reads) if (!frame.includes(read)) frame.push(read);
  }

  /** Flows from what a function returns, for the given property path of the returned value. */
  returnFlows(fn: FunctionLike, path: Path): Flow[] {
    const flows: Flow[][] = [];
    for (const expression of returnExpressions(fn)) {
      flows.push(withStep(this.evaluate(expression, path), lazyStep('return', expression, () => `returned from ${functionName(fn) ?? 'a function'}`)));
    }
    return mergeFlows(...flows);
  }

  /**
   * A function handed to a sink that persists what it returns (zustand `persist(creator)`,
   * redux-persist `persistReducer(config, reducer)`): its return flows, or PHI in its return type,
   * as declared or as the call site's contextual type says.
   */
  functionResultFlows(expression: ts.Expression, path: Path): Flow[] {
    let node = expression;
    while (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) node = node.expression;
    const checker = this.context.checker;
    const types = [checker.getTypeAtLocation(node), checker.getContextualType(node)];
    for (const type of types) {
      for (const signature of type?.getCallSignatures() ?? []) {
        const source = this.context.oracle.sourceAlongPath(signature.getReturnType(), path);
        if (source) return [this.sourceFlow(source, node, path)];
      }
    }
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return this.returnFlows(node, path);
    return [];
  }

  /**
   * Replaces a parameter origin with what the call passes for it. Flows that stay symbolic refer
   * to the caller's own parameters.
   */
  substituteArguments(flow: Flow, call: CallSite): Flow[] {
    if (flow.origin.kind !== 'param') return [flow];
    const { index, path } = flow.origin;
    const argumentFlows = this.argumentFlows(call, flow.origin.fn, index, path);
    return argumentFlows.map((argumentFlow) => ({ origin: argumentFlow.origin, steps: [...argumentFlow.steps, ...flow.steps] }));
  }

  /** Flows whose parameter origins are resolved through every caller, up to a few levels. Only sources remain. */
  resolveThroughCallers(flows: readonly Flow[], depth = 0): Flow[] {
    const resolved: Flow[][] = [];
    for (const flow of flows) {
      if (flow.origin.kind === 'source') {
        resolved.push([flow]);
        continue;
      }
      if (depth >= maxCallerDepth) continue;
      const fn = flow.origin.fn;
      if (ts.isSetAccessorDeclaration(fn) && ts.isClassLike(fn.parent) && ts.isIdentifier(fn.name)) {
        // A setter is "called" by assigning to its property: `this.note = value`.
        for (const write of fieldWrites(fn.parent, fn.name.text)) {
          const assigned = this.evaluate(write.right, flow.origin.path).map((value) => ({ origin: value.origin, steps: [...value.steps, ...flow.steps] }));
          resolved.push(this.resolveThroughCallers(assigned, depth + 1));
        }
        continue;
      }
      this.noteReads(callerNames(fn));
      for (const call of this.context.callSites.callersOf(fn)) {
        resolved.push(this.resolveThroughCallers(this.substituteArguments(flow, call), depth + 1));
      }
    }
    return mergeFlows(...resolved);
  }

  private argumentFlows(call: CallSite, fn: FunctionLike, index: number, path: Path): Flow[] {
    const args = call.arguments ?? [];
    const parameter = fn.parameters[index];
    const isRest = parameter?.dotDotDotToken !== undefined;
    const passed = isRest ? args.slice(index) : args[index] ? [args[index]] : [];
    const flows: Flow[][] = [];
    for (const argument of passed) {
      if (!argument) continue;
      const target = ts.isSpreadElement(argument) ? argument.expression : argument;
      const name = parameter && ts.isIdentifier(parameter.name) ? parameter.name.text : `parameter ${index + 1}`;
      flows.push(withStep(this.evaluate(target, path), lazyStep('argument', argument, () => `passed as ${name} to ${functionName(fn) ?? 'a function'}`)));
    }
    return mergeFlows(...flows);
  }

  private evaluateUncached(node: ts.Expression, path: Path): Flow[] {
    if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) || ts.isSpreadElement(node)) {
      return this.evaluate(node.expression, path);
    }
    if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node) || ts.isSatisfiesExpression(node)) {
      return this.typedSource(node, path) ?? this.evaluate(node.expression, path);
    }
    if (ts.isAwaitExpression(node)) return this.evaluate(node.expression, path);
    if (ts.isIdentifier(node)) return this.evaluateIdentifier(node, path);
    if (node.kind === ts.SyntaxKind.ThisKeyword) return this.typedSource(node, path) ?? [];
    if (ts.isPropertyAccessExpression(node)) return this.evaluatePropertyRead(node, node.name.text, path);
    if (ts.isElementAccessExpression(node)) {
      const key = node.argumentExpression;
      if (ts.isStringLiteralLike(key) || ts.isNumericLiteral(key)) return this.evaluatePropertyRead(node, key.text, path);
      return this.typedSource(node, path) ?? this.evaluate(node.expression, path);
    }
    if (ts.isCallExpression(node)) return this.evaluateCall(node, path);
    if (ts.isNewExpression(node)) return this.evaluateNew(node, path);
    if (ts.isTemplateExpression(node)) {
      return mergeFlows(...node.templateSpans.map((span) => this.evaluate(span.expression, [])));
    }
    if (ts.isTaggedTemplateExpression(node)) return this.evaluateTaggedTemplate(node, path);
    if (ts.isBinaryExpression(node)) return this.evaluateBinary(node, path);
    if (ts.isConditionalExpression(node)) return mergeFlows(this.evaluate(node.whenTrue, path), this.evaluate(node.whenFalse, path));
    if (ts.isPrefixUnaryExpression(node)) {
      const operator = node.operator;
      if (operator === ts.SyntaxKind.MinusToken || operator === ts.SyntaxKind.PlusToken) return this.evaluate(node.operand, path);
      return [];
    }
    if (ts.isObjectLiteralExpression(node)) return this.evaluateObjectLiteral(node, path);
    if (ts.isArrayLiteralExpression(node)) return this.evaluateArrayLiteral(node, path);
    if (ts.isYieldExpression(node)) return node.expression ? this.evaluate(node.expression, path) : [];
    return [];
  }

  /**
   * A tag is a function called with the literal strings and the substituted values: a tag with a
   * body is summarised like any call; a library tag (`String.raw`) keeps the values.
   */
  private evaluateTaggedTemplate(node: ts.TaggedTemplateExpression, path: Path): Flow[] {
    const values = ts.isTemplateExpression(node.template) ? node.template.templateSpans.map((span) => span.expression) : [];
    let symbol = this.context.checker.getSymbolAtLocation(ts.isPropertyAccessExpression(node.tag) ? node.tag.name : node.tag);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.context.checker.getAliasedSymbol(symbol);
    const declaration = symbol?.valueDeclaration;
    const fn = declaration && ts.isVariableDeclaration(declaration) ? declaration.initializer : declaration;
    if (!fn || !ts.isFunctionLike(fn) || !hasBody(fn) || fn.getSourceFile().isDeclarationFile) {
      return mergeFlows(...values.map((value) => this.evaluate(value, [])));
    }
    const tag = fn as FunctionLike;
    return this.returnFlows(tag, path).flatMap((flow) => {
      if (flow.origin.kind !== 'param' || flow.origin.fn !== tag) return [flow];
      const { index, path: paramPath } = flow.origin;
      if (index === 0) return [];
      const isRest = tag.parameters[index]?.dotDotDotToken !== undefined;
      const passed = isRest ? values.slice(index - 1) : values.slice(index - 1, index);
      return passed.flatMap((value) => this.evaluate(value, paramPath).map((valueFlow) => ({ origin: valueFlow.origin, steps: [...valueFlow.steps, ...flow.steps] })));
    });
  }

  private evaluateBinary(node: ts.BinaryExpression, path: Path): Flow[] {
    switch (node.operatorToken.kind) {
      case ts.SyntaxKind.PlusToken:
      case ts.SyntaxKind.PlusEqualsToken:
      case ts.SyntaxKind.MinusToken:
      case ts.SyntaxKind.AsteriskToken:
      case ts.SyntaxKind.SlashToken:
      case ts.SyntaxKind.PercentToken:
        return mergeFlows(...arithmeticOperands(node).map((operand) => this.evaluate(operand, [])));
      case ts.SyntaxKind.BarBarToken:
      case ts.SyntaxKind.QuestionQuestionToken:
        return mergeFlows(this.evaluate(node.left, path), this.evaluate(node.right, path));
      case ts.SyntaxKind.AmpersandAmpersandToken:
      case ts.SyntaxKind.EqualsToken:
      case ts.SyntaxKind.CommaToken:
        return this.evaluate(node.right, path);
      default:
        // Comparisons, `instanceof`, `in`: a boolean says nothing about the patient.
        return [];
    }
  }

  private evaluatePropertyRead(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, name: string, path: Path): Flow[] {
    if (nonDataProperties.has(name)) return [];
    const receiverFlows = this.evaluate(node.expression, [name, ...path]);
    const fieldFlows = this.fieldFlowsOf(node, path);
    const flows = mergeFlows(receiverFlows, fieldFlows);
    // Asked last: the type of every property read is a cost most reads need not pay.
    if ((flows.length === 0 && !this.context.classifyName) || this.isLibraryFlag(node)) return [];
    if (!this.context.classifyName || hasSourceFlow(flows)) return flows;
    return mergeFlows(flows, this.heuristicPropertyFlows(node, name, path));
  }

  /** `req.body.diagnosis`, `record.ssn`: a property whose name says it holds PHI, unless declared `@notPhi`. */
  private heuristicPropertyFlows(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, name: string, path: Path): Flow[] {
    const checker = this.context.checker;
    const receiverType = checker.getTypeAtLocation(node.expression);
    if (this.context.oracle.property(receiverType, name).kind === 'excluded') return [];
    const siblings = receiverType.flags & ts.TypeFlags.Object
      ? checker.getPropertiesOfType(receiverType).slice(0, 40).map((p) => p.getName())
      : [];
    const classification = this.classify(name, { containerName: containerNameOf(node.expression, receiverType), siblings });
    return classification ? [this.sourceFlow(heuristicSource(classification), node, path)] : [];
  }

  private classify(name: string, context: { containerName?: string; siblings?: readonly string[] }): NameClassification | undefined {
    const classification = this.context.classifyName?.(name, context);
    return classification?.confidence === 'high' ? classification : undefined;
  }

  /** `iterator.next().done`, `response.ok`: a library's boolean about a value, not the value. */
  private isLibraryFlag(node: ts.PropertyAccessExpression | ts.ElementAccessExpression): boolean {
    const checker = this.context.checker;
    const type = checker.getNonNullableType(checker.getTypeAtLocation(node));
    const members = type.isUnion() ? type.types : [type];
    if (!members.every((member) => member.flags & ts.TypeFlags.BooleanLike)) return false;
    const declaration = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(node) ? node.name : node.argumentExpression)?.declarations?.[0];
    return declaration !== undefined && declaration.getSourceFile().isDeclarationFile && declaration.getSourceFile().fileName.includes('/node_modules/');
  }

  /** `this.notes` or `visit.notes` where `notes` is a class field: what was ever stored in it. */
  private fieldFlowsOf(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, path: Path): Flow[] {
    const nameNode = ts.isPropertyAccessExpression(node) ? node.name : node.argumentExpression;
    const symbol = this.context.checker.getSymbolAtLocation(nameNode);
    const declaration = symbol?.valueDeclaration;
    if (!symbol || !declaration) return [];
    const getter = symbol.declarations?.find(ts.isGetAccessorDeclaration);
    if (getter?.body && !getter.getSourceFile().isDeclarationFile) return this.returnFlows(getter, path);
    const isField = ts.isPropertyDeclaration(declaration)
      || (ts.isParameter(declaration) && ts.isConstructorDeclaration(declaration.parent));
    if (!isField || declaration.getSourceFile().isDeclarationFile) return [];
    // The class's writes to the field are found by reading its body.
    this.noteReads([declaration.getSourceFile()]);
    const flows: Flow[][] = [];
    const fieldName = symbol.getName();
    if (ts.isParameter(declaration)) {
      const ctor = declaration.parent as ts.ConstructorDeclaration;
      flows.push(this.resolveThroughCallers([this.parameterOrigin(ctor, ctor.parameters.indexOf(declaration), path, declaration)]));
    } else if (declaration.initializer) {
      flows.push(this.evaluate(declaration.initializer, path));
    }
    const cls = declaration.parent;
    if (ts.isClassLike(cls)) {
      for (const write of fieldWrites(cls, fieldName)) {
        const written = withStep(this.evaluate(write.right, path), lazyStep('field', write, () => `stored in field ${fieldName}`));
        flows.push(this.resolveThroughCallers(written));
      }
      // `this.cache.set(key, value)`, `this.items.push(item)`: the field's contents.
      const elementPath = path[0] !== undefined && /^\d+$/.test(path[0]) ? path.slice(1) : path;
      for (const { call, values } of fieldMutations(cls, fieldName)) {
        for (const value of values) {
          const added = withStep(this.evaluate(value, elementPath), lazyStep('field', call, () => `added to field ${fieldName}`));
          flows.push(this.resolveThroughCallers(added));
        }
      }
    }
    return mergeFlows(...flows);
  }

  private evaluateIdentifier(node: ts.Identifier, path: Path): Flow[] {
    if (node.text === 'undefined') return [];
    const checker = this.context.checker;
    const shorthand = ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node;
    let symbol = shorthand ? checker.getShorthandAssignmentValueSymbol(node.parent) : checker.getSymbolAtLocation(node);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const type = shorthand && symbol ? this.typeOfShorthandValue(node, symbol) : checker.getTypeAtLocation(node);
    const typed = this.typedSource(node, path, type);
    if (typed) return typed;
    const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    if (!symbol || !declaration) return [];
    if (this.isNarrowedToCleanType(type, symbol, declaration)) return [];
    if (ts.isParameter(declaration)) return this.evaluateParameter(declaration, path);
    if (ts.isVariableDeclaration(declaration) && ts.isCatchClause(declaration.parent)) return this.evaluateCaught(declaration.parent, path);
    if (ts.isVariableDeclaration(declaration)) return this.evaluateVariable(declaration, symbol, path);
    if (ts.isBindingElement(declaration)) return this.evaluateBindingElement(declaration, symbol, path);
    return [];
  }

  /** `catch (e)`: what the `try` block throws directly. */
  private evaluateCaught(clause: ts.CatchClause, path: Path): Flow[] {
    const tryStatement = clause.parent;
    const flows: Flow[][] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
      if (ts.isThrowStatement(node)) {
        flows.push(withStep(this.evaluate(node.expression, path), lazyStep('assignment', node, () => 'thrown and caught')));
      }
      ts.forEachChild(node, visit);
    };
    visit(tryStatement.tryBlock);
    return mergeFlows(...flows);
  }

  /**
   * Control flow narrowed the variable here (`if (r.resourceType === 'CodeSystem')`) to a named
   * type that holds no PHI: the value is known to be of that type, whatever else the variable
   * may hold elsewhere.
   */
  private isNarrowedToCleanType(here: ts.Type, symbol: ts.Symbol, declaration: ts.Declaration): boolean {
    const checker = this.context.checker;
    if (!(here.flags & ts.TypeFlags.Object) || !(here.aliasSymbol ?? here.getSymbol())?.declarations?.length) return false;
    const declared = checker.getTypeOfSymbolAtLocation(symbol, declaration);
    if (declared === here || checker.getNonNullableType(declared) === here) return false;
    return this.context.oracle.sourceContainedIn(here) === undefined;
  }

  /**
   * `{ id }`: TypeScript types a shorthand property's value as the object literal's property, which
   * takes the literal's contextual type: for an argument, resolving the overloads of the function
   * called (a logger's, typically), at a tenth of a millisecond each. A value declared with a
   * primitive type is primitive however it is narrowed, so the declared type answers for it.
   */
  private typeOfShorthandValue(node: ts.Identifier, symbol: ts.Symbol): ts.Type {
    const declared = this.context.checker.getTypeOfSymbol(symbol);
    return isPrimitive(declared) ? declared : this.context.checker.getTypeAtLocation(node);
  }

  private evaluateParameter(parameter: ts.ParameterDeclaration, path: Path): Flow[] {
    const fn = parameter.parent as FunctionLike;
    const index = fn.parameters.indexOf(parameter);
    const tagged = this.taggedDeclarationSource(parameter, 'parameter-tag', path);
    if (tagged) return tagged;
    const typed = this.declaredTypeSource(parameter, path);
    if (typed) return typed;
    const named = this.heuristicBindingFlows(parameter, path);
    if (named) return named;
    if (isInlineCallback(fn)) return this.callbackParameterFlows(fn, index, path, parameter);
    return [this.parameterOrigin(fn, index, path, parameter)];
  }

  /** A parameter or variable named like PHI (`ssn`, `diagnosis`), in heuristic mode. */
  private heuristicBindingFlows(declaration: ts.ParameterDeclaration | ts.VariableDeclaration, path: Path): Flow[] | undefined {
    if (!this.context.classifyName || !ts.isIdentifier(declaration.name)) return undefined;
    if (ts.isVariableDeclaration(declaration) && (!declaration.initializer || isLiteralValue(declaration.initializer))) return undefined;
    const classification = this.classify(declaration.name.text, {});
    return classification ? [this.sourceFlow(heuristicSource(classification), declaration, path)] : undefined;
  }

  private parameterOrigin(fn: FunctionLike, index: number, path: Path, at: ts.Node): Flow {
    const name = ts.isParameter(at) ? at.name.getText() : 'parameter';
    return {
      origin: { kind: 'param', fn, index, path },
      steps: [makeStep('parameter', at, `parameter ${name} of ${functionName(fn) ?? 'a function'}`)],
    };
  }

  /** `items.map(p => …)`: `p` is an element of `items`; `.then(r => …)`: `r` is what the promise holds. */
  private callbackParameterFlows(fn: ts.ArrowFunction | ts.FunctionExpression, index: number, path: Path, at: ts.Node): Flow[] {
    const site = callOfCallback(fn);
    if (!site || !ts.isCallExpression(site.call)) return [];
    const receiving = this.projectFunctionCalled(site.call);
    if (receiving) return this.flowsIntoCallback(receiving, site.call, site.index, index, path, at);
    if (!ts.isPropertyAccessExpression(site.call.expression)) return [];
    const method = site.call.expression.name.text;
    const receiver = site.call.expression.expression;
    const step = lazyStep('callback', at, () => `element of ${snippetOf(receiver)}`);
    if ((method === 'reduce' || method === 'reduceRight')) {
      if (index === 1) return withStep(this.evaluate(receiver, path), step);
      if (index === 0) {
        const initial = site.call.arguments[1];
        return mergeFlows(initial ? this.evaluate(initial, path) : [], this.returnFlows(fn, path));
      }
      return [];
    }
    if (index === 0 && elementCallbackMethods.has(method)) return withStep(this.evaluate(receiver, path), step);
    return [];
  }

  /** The project function (with a body) a call calls, if that is what it calls. */
  private projectFunctionCalled(call: ts.CallExpression): FunctionLike | undefined {
    const fn = this.calleeDeclarations(call).find((declaration) => ts.isFunctionLike(declaration) && hasBody(declaration));
    return fn && !fn.getSourceFile().isDeclarationFile ? fn as FunctionLike : undefined;
  }

  /**
   * `withPatient(id, (name) => log(name))` where `withPatient` calls `callback(patient.name)`: the
   * callback's parameter is what the receiving function passes where it calls the parameter the
   * callback was given as. What that holds may in turn depend on the receiving function's own
   * parameters: those are what this call passes, not what any caller does.
   */
  private flowsIntoCallback(receiving: FunctionLike, call: ts.CallExpression, callbackIndex: number, index: number, path: Path, at: ts.Node): Flow[] {
    const parameter = receiving.parameters[callbackIndex];
    if (!parameter || !ts.isIdentifier(parameter.name) || parameter.dotDotDotToken) return [];
    const symbol = this.context.checker.getSymbolAtLocation(parameter.name);
    if (!symbol) return [];
    const flows: Flow[][] = [];
    const parameterName = parameter.name.text;
    const step = lazyStep('callback', at, () => `passed to the callback ${parameterName} by ${functionName(receiving) ?? 'a function'}`);
    for (const reference of this.references.referencesIn(receiving, symbol, parameter.name.text)) {
      const invocation = reference.parent;
      if (!ts.isCallExpression(invocation) || invocation.expression !== reference) continue;
      const argument = invocation.arguments[index];
      if (!argument || ts.isSpreadElement(argument)) continue;
      const passed = withStep(this.evaluate(argument, path), step);
      flows.push(passed.flatMap((flow) => (flow.origin.kind === 'param' && flow.origin.fn === receiving ? this.substituteArguments(flow, call) : [flow])));
    }
    return mergeFlows(...flows);
  }

  private evaluateVariable(declaration: ts.VariableDeclaration, symbol: ts.Symbol, path: Path): Flow[] {
    const tagged = this.taggedDeclarationSource(declaration, 'variable-tag', path);
    if (tagged) return tagged;
    const typed = this.declaredTypeSource(declaration, path);
    if (typed) return typed;
    const flows: Flow[][] = [];
    const name = declaration.name.getText();
    const loop = declaration.parent.parent;
    if (ts.isForOfStatement(loop)) {
      flows.push(withStep(this.evaluate(loop.expression, path), lazyStep('declaration', declaration, () => `${name} iterates ${snippetOf(loop.expression)}`)));
    } else if (declaration.initializer) {
      flows.push(withStep(this.evaluate(declaration.initializer, path), lazyStep('declaration', declaration, () => `assigned to ${name}`)));
    }
    flows.push(this.writesTo(declaration, symbol, path));
    const merged = mergeFlows(...flows);
    if (hasSourceFlow(merged)) return merged;
    return mergeFlows(merged, this.heuristicBindingFlows(declaration, path) ?? []);
  }

  private evaluateBindingElement(element: ts.BindingElement, symbol: ts.Symbol, path: Path): Flow[] {
    const prefix: string[] = [];
    let node: ts.Node = element;
    while (ts.isBindingElement(node)) {
      const pattern = node.parent;
      if (ts.isObjectBindingPattern(pattern) && !node.dotDotDotToken) {
        const key = node.propertyName ?? node.name;
        prefix.unshift(ts.isIdentifier(key) || ts.isStringLiteral(key) ? key.text : '*');
      } else if (ts.isArrayBindingPattern(pattern) && !node.dotDotDotToken) {
        // `const [form, setForm] = useState<Form>()`: the element at that index, not any element.
        prefix.unshift(String(pattern.elements.indexOf(node)));
      }
      node = pattern.parent;
    }
    const fullPath = [...prefix.filter((segment) => segment !== '*'), ...path];
    const name = element.name.getText();
    const step = lazyStep('declaration', element, () => `destructured into ${name}`);
    let flows: Flow[] = [];
    if (ts.isVariableDeclaration(node)) {
      const loop = node.parent.parent;
      if (ts.isForOfStatement(loop)) flows = this.evaluate(loop.expression, fullPath);
      else if (node.initializer) flows = this.evaluate(node.initializer, fullPath);
    } else if (ts.isParameter(node)) {
      flows = this.evaluateParameter(node, fullPath);
    }
    return mergeFlows(withStep(flows, step), this.writesTo(element, symbol, path));
  }

  /** Later assignments and mutations of a variable: `x = v`, `x.push(v)`, `map.set(k, v)`, `x.k = v`. */
  private writesTo(declaration: ts.Node, symbol: ts.Symbol, path: Path): Flow[] {
    const flows: Flow[][] = [];
    const scope = scopeOfDeclaration(declaration);
    for (const reference of this.references.referencesIn(scope, symbol, symbol.getName())) {
      const parent = reference.parent;
      if (ts.isBinaryExpression(parent) && parent.left === reference && isAssignment(parent.operatorToken.kind)) {
        flows.push(withStep(this.evaluate(parent.right, path), lazyStep('assignment', parent, () => `assigned to ${reference.text}`)));
        continue;
      }
      if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === reference) {
        const outer = parent.parent;
        if (ts.isCallExpression(outer) && outer.expression === parent && ts.isPropertyAccessExpression(parent)) {
          const mode = mutatingMethods.get(parent.name.text);
          if (!mode) continue;
          const values = mode === 'last' ? outer.arguments.slice(-1) : outer.arguments;
          const elementPath = path[0] !== undefined && /^\d+$/.test(path[0]) ? path.slice(1) : path;
          for (const value of values) {
            flows.push(withStep(this.evaluate(value, elementPath), lazyStep('assignment', outer, () => `added to ${reference.text}`)));
          }
          continue;
        }
        if (ts.isBinaryExpression(outer) && outer.left === parent && isAssignment(outer.operatorToken.kind)) {
          const key = ts.isPropertyAccessExpression(parent) ? parent.name.text
            : ts.isStringLiteralLike(parent.argumentExpression) ? parent.argumentExpression.text : undefined;
          if (path.length === 0 || key === undefined || key === path[0]) {
            const rest = path.length === 0 || key === undefined ? path : path.slice(1);
            flows.push(withStep(this.evaluate(outer.right, rest), lazyStep('assignment', outer, () => `stored in ${snippetOf(parent)}`)));
          }
        }
        continue;
      }
      if (ts.isCallExpression(parent) && parent.arguments[0] === reference && /^Object\.assign$/.test(parent.expression.getText())) {
        for (const value of parent.arguments.slice(1)) flows.push(this.evaluate(value, path));
      }
    }
    return mergeFlows(...flows);
  }

  private evaluateCall(call: ts.CallExpression, path: Path): Flow[] {
    const context = this.context;
    if (context.sanitizers.matchesCall(call)) return [];
    const declarations = this.calleeDeclarations(call);
    if (declarations.some((d) => hasJsDocTag(d, sanitizerTag))) return [];
    const taggedFunction = declarations.find((d) => hasJsDocTag(d, phiTag)
      && (ts.isFunctionLike(d) || (ts.isVariableDeclaration(d) && d.initializer !== undefined && ts.isFunctionLike(d.initializer))));
    if (taggedFunction) {
      const fn = ts.isVariableDeclaration(taggedFunction) ? taggedFunction.initializer as FunctionLike : taggedFunction as FunctionLike;
      const source = this.tagSource('function-tag', `${functionName(fn) ?? snippetOf(call.expression)}()`, taggedFunction);
      return [this.sourceFlow(source, call, path)];
    }
    const typed = this.typedSource(call, path);
    if (typed) return typed;
    const withBody = declarations.find((d): d is FunctionLike => ts.isFunctionLike(d) && hasBody(d) && !d.getSourceFile().isDeclarationFile);
    if (withBody) {
      const returnTypeSource = path.length === 0 ? context.oracle.sourceOfTypeNode(withBody.type) : undefined;
      if (returnTypeSource) return [this.sourceFlow(returnTypeSource, call, path)];
      const flows = this.returnFlows(withBody, path).flatMap((flow) => this.substituteArguments(flow, call));
      return withStep(mergeFlows(flows), lazyStep('call', call, () => `returned by ${snippetOf(call.expression)}`));
    }
    const summaries = this.summariesOf(call);
    if (summaries.length > 0) return this.summaryFlows(call, summaries.flatMap((m) => m.entry.from), path);
    const formatted = this.formattedStringFlows(call);
    if (ts.isPropertyAccessExpression(call.expression) || ts.isElementAccessExpression(call.expression)) {
      return mergeFlows(this.libraryMethodFlows(call, call.expression, path), formatted);
    }
    return formatted;
  }

  /**
   * A library function we know nothing about that returns a string (`format(dob, "P")`,
   * `sprintf("%s", name)`) is taken to build that string from its arguments; one whose name says it
   * hashes or encrypts is not.
   */
  private formattedStringFlows(call: ts.CallExpression): Flow[] {
    if (call.arguments.length === 0) return [];
    const resultType = this.context.checker.getTypeAtLocation(call);
    if (!(resultType.flags & ts.TypeFlags.StringLike)) return [];
    const callee = call.expression;
    // Plain functions and functions of an imported namespace; methods of objects have receiver semantics.
    const isFunction = ts.isIdentifier(callee)
      || (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && this.isImportBinding(callee.expression));
    if (!isFunction) return [];
    const calleeName = ts.isPropertyAccessExpression(callee) ? callee.name.text : callee.getText();
    if (oneWayFunctionName.test(calleeName)) return [];
    const flows = call.arguments.map((argument) => this.evaluate(argument, []));
    return withStep(mergeFlows(...flows), lazyStep('transform', call, () => `formatted by ${snippetOf(call.expression)}`));
  }

  /**
   * `new Identify().set(key, value)`: a method that returns its receiver's type collects its
   * arguments into it. Hashes and ciphers (`createHash().update(x)`) do too, but reveal nothing.
   */
  private isBuilderCall(call: ts.CallExpression, receiver: ts.Expression): boolean {
    if (call.arguments.length === 0) return false;
    const checker = this.context.checker;
    if (checker.getTypeAtLocation(call) !== checker.getTypeAtLocation(receiver)) return false;
    for (let node: ts.Expression = receiver, steps = 0; steps < 20; steps++) {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        const callee = node.expression;
        const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : callee.getText();
        if (oneWayFunctionName.test(name)) return false;
        node = callee;
      } else if (ts.isPropertyAccessExpression(node) || ts.isParenthesizedExpression(node)) {
        node = node.expression;
      } else if (ts.isIdentifier(node)) {
        const declaration = checker.getSymbolAtLocation(node)?.valueDeclaration;
        if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && declaration.initializer !== receiver) {
          node = declaration.initializer;
          if (node.pos === receiver.pos) return true;
          continue;
        }
        return !oneWayFunctionName.test(node.text);
      } else {
        return true;
      }
    }
    return false;
  }

  private isImportBinding(identifier: ts.Identifier): boolean {
    const symbol = this.context.checker.getSymbolAtLocation(identifier);
    return symbol !== undefined && (symbol.flags & ts.SymbolFlags.Alias) !== 0;
  }

  private libraryMethodFlows(call: ts.CallExpression, callee: ts.PropertyAccessExpression | ts.ElementAccessExpression, path: Path): Flow[] {
    const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
    const receiver = callee.expression;
    if (nonPropagatingMethods.has(method)) return [];
    const resultType = this.context.checker.getTypeAtLocation(call);
    if (resultType.flags & ts.TypeFlags.BooleanLike) return [];
    if (callbackResultMethods.has(method)) {
      const callback = call.arguments[0];
      if (!callback) return this.evaluate(receiver, path);
      return this.callbackResultFlows(callback, receiver, path);
    }
    if (method === 'reduce' || method === 'reduceRight') {
      const callback = call.arguments[0];
      const initial = call.arguments[1];
      return mergeFlows(callback ? this.callbackResultFlows(callback, receiver, path) : [], initial ? this.evaluate(initial, path) : []);
    }
    const flows = [this.evaluate(receiver, path)];
    if (method === 'concat') flows.push(...call.arguments.map((argument) => this.evaluate(argument, path)));
    else if (this.isBuilderCall(call, receiver)) flows.push(...call.arguments.map((argument) => this.evaluate(argument, [])));
    if (method === 'catch') return [];
    return mergeFlows(...flows);
  }

  /** What a callback returns, with its parameters bound to the receiver's elements. */
  private callbackResultFlows(callback: ts.Expression, receiver: ts.Expression, path: Path): Flow[] {
    if (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) return this.returnFlows(callback, path);
    const declaration = this.context.checker.getSymbolAtLocation(callback)?.valueDeclaration;
    const fn = declaration && ts.isFunctionLike(declaration) ? declaration
      : declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && ts.isFunctionLike(declaration.initializer) ? declaration.initializer
        : undefined;
    if (!fn || !hasBody(fn)) return [];
    return this.returnFlows(fn as FunctionLike, path).flatMap((flow) => {
      if (flow.origin.kind !== 'param') return [flow];
      if (flow.origin.index !== 0) return [];
      return this.evaluate(receiver, flow.origin.path).map((element) => ({ origin: element.origin, steps: [...element.steps, ...flow.steps] }));
    });
  }

  /**
   * The flow summaries of a library call. A summary moves data from the receiver or the arguments,
   * so a call with neither (`new Date()`, `uuid()`) is not matched: that spares the checker
   * the callee's description, on one of the commonest calls there is.
   */
  private summariesOf(call: ts.CallExpression | ts.NewExpression): Match<FlowSummary>[] {
    const hasReceiver = ts.isPropertyAccessExpression(call.expression) || ts.isElementAccessExpression(call.expression);
    if (!hasReceiver && (call.arguments?.length ?? 0) === 0) return [];
    return this.context.summaries.match(call);
  }

  private summaryFlows(call: ts.CallExpression | ts.NewExpression, from: readonly (number | string)[], path: Path): Flow[] {
    const args = call.arguments ?? [];
    const flows: Flow[][] = [];
    const step = lazyStep('transform', call, () => `through ${snippetOf(call.expression)}`);
    for (const ref of from) {
      if (ref === 'receiver') {
        if (ts.isPropertyAccessExpression(call.expression)) flows.push(this.evaluate(call.expression.expression, path));
      } else if (typeof ref === 'number') {
        const argument = args[ref];
        if (argument) flows.push(this.evaluate(argument, path));
      } else if (ref.startsWith('rest:')) {
        for (const argument of args.slice(Number(ref.slice(5)))) flows.push(this.evaluate(argument, path));
      } else if (ref.startsWith('result:')) {
        const argument = args[Number(ref.slice(7))];
        if (argument) flows.push(this.functionResultFlows(argument, path));
      }
    }
    return withStep(mergeFlows(...flows), step);
  }

  private evaluateNew(node: ts.NewExpression, path: Path): Flow[] {
    const typed = this.typedSource(node, path);
    if (typed) return typed;
    const summaries = this.summariesOf(node);
    if (summaries.length > 0) return this.summaryFlows(node, summaries.flatMap((m) => m.entry.from), path);
    const cls = this.calleeDeclarations(node).find(ts.isClassLike);
    if (!cls || cls.getSourceFile().isDeclarationFile) return [];
    const ctor = cls.members.find(ts.isConstructorDeclaration);
    if (!ctor) return [];
    if (path.length === 0) {
      return mergeFlows(...(node.arguments ?? []).map((argument) => this.evaluate(argument, [])));
    }
    // `new Visit(patient).notes`: what the constructor stores in that field, with this call's arguments.
    const [field, ...rest] = path;
    const flows: Flow[][] = [];
    for (const write of fieldWrites(cls, field as string)) {
      if (!isInside(write, ctor)) continue;
      flows.push(this.evaluate(write.right, rest).flatMap((flow) => (flow.origin.kind === 'param' && flow.origin.fn === ctor ? this.substituteArguments(flow, node) : [flow])));
    }
    const parameterProperty = ctor.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === field && ts.getModifiers(p)?.length);
    if (parameterProperty) {
      const argument = node.arguments?.[ctor.parameters.indexOf(parameterProperty)];
      if (argument) flows.push(this.evaluate(argument, rest));
    }
    return mergeFlows(...flows);
  }

  private evaluateArrayLiteral(node: ts.ArrayLiteralExpression, path: Path): Flow[] {
    const [first, ...rest] = path;
    const index = first !== undefined && /^\d+$/.test(first) ? Number(first) : undefined;
    const hasSpread = node.elements.some(ts.isSpreadElement);
    if (index !== undefined && !hasSpread) {
      const element = node.elements[index];
      return element ? this.evaluate(element, rest) : [];
    }
    const elementPath = index !== undefined ? rest : path;
    return mergeFlows(...node.elements.map((element) => this.evaluate(element, elementPath)));
  }

  private evaluateObjectLiteral(node: ts.ObjectLiteralExpression, path: Path): Flow[] {
    const [key, ...rest] = path;
    const flows: Flow[][] = [];
    for (const property of node.properties) {
      if (ts.isSpreadAssignment(property)) {
        flows.push(this.evaluate(property.expression, path));
        continue;
      }
      if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) continue;
      const name = propertyNameText(property.name);
      if (key !== undefined && name !== undefined && name !== key) continue;
      const value = ts.isPropertyAssignment(property) ? property.initializer : property.name;
      const valueFlows = this.evaluate(value, key === undefined ? [] : rest);
      flows.push(hasSourceFlow(valueFlows) || name === undefined ? valueFlows : mergeFlows(valueFlows, this.heuristicKeyFlows(node, name, value)));
    }
    return mergeFlows(...flows);
  }

  /** `{ diagnosis: value }`: the key says what the value is, in heuristic mode. */
  private heuristicKeyFlows(node: ts.ObjectLiteralExpression, key: string, value: ts.Expression): Flow[] {
    if (!this.context.classifyName || isLiteralValue(value)) return [];
    const siblings = node.properties.map((p) => (p.name ? propertyNameText(p.name) : undefined)).filter((n): n is string => n !== undefined);
    const classification = this.classify(key, { siblings });
    return classification ? [this.sourceFlow(heuristicSource(classification), value, [])] : [];
  }

  private calleeDeclarations(call: ts.CallExpression | ts.NewExpression): ts.Declaration[] {
    const checker = this.context.checker;
    const callee = call.expression;
    const nameNode = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
    let symbol = checker.getSymbolAtLocation(nameNode);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const declarations: ts.Declaration[] = [];
    for (const declaration of symbol?.declarations ?? []) {
      if (ts.isVariableDeclaration(declaration) && declaration.initializer && ts.isFunctionLike(declaration.initializer)) {
        declarations.push(declaration.initializer as ts.Declaration, declaration);
      } else if (ts.isPropertyAssignment(declaration) && ts.isFunctionLike(declaration.initializer)) {
        declarations.push(declaration.initializer as ts.Declaration, declaration);
      } else {
        declarations.push(declaration);
      }
    }
    if (!symbol && ts.isCallExpression(call)) {
      const signature = checker.getResolvedSignature(call)?.getDeclaration();
      if (signature) declarations.push(signature);
    }
    return declarations;
  }

  /** The node's static type (or the type at the end of the path) is PHI; `type`, when the caller already has it. */
  private typedSource(node: ts.Node, path: Path, type = this.context.checker.getTypeAtLocation(node)): Flow[] | undefined {
    const source = this.context.oracle.sourceAlongPath(type, path);
    return source ? [this.sourceFlow(source, node, path)] : undefined;
  }

  /** `@phi` aliases of primitives are erased from types; the annotation still says it. */
  private declaredTypeSource(declaration: ts.ParameterDeclaration | ts.VariableDeclaration, path: Path): Flow[] | undefined {
    if (path.length > 0 || !declaration.type) return undefined;
    const source = this.context.oracle.sourceOfTypeNode(declaration.type);
    return source ? [this.sourceFlow(source, declaration, path)] : undefined;
  }

  private taggedDeclarationSource(declaration: ts.ParameterDeclaration | ts.VariableDeclaration, kind: 'parameter-tag' | 'variable-tag', path: Path): Flow[] | undefined {
    if (!hasJsDocTag(declaration, phiTag) && !declarationHasTag([declaration], phiTag)) return undefined;
    // Only the tagged binding is PHI, not every property read from it.
    const source = this.tagSource(kind, declaration.name.getText(), declaration);
    return [this.sourceFlow(source, declaration, path)];
  }

  private tagSource(kind: PhiSource['kind'], name: string, declaration: ts.Node): PhiSource {
    const location = locationOf(declaration);
    return { kind, name, reason: `@phi in ${describeLocation(location, this.context.rootDir)}`, declaration: location };
  }

  private sourceFlow(source: PhiSource, node: ts.Node, path: Path): Flow {
    const read = path.length > 0 ? `.${path.join('.')}` : '';
    return {
      origin: { kind: 'source', source },
      steps: [makeStep('source', node, `${snippetOf(node)}${read} holds PHI ${source.name} (${source.reason})`)],
    };
  }
}

const primitiveFlags = ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BigIntLike | ts.TypeFlags.BooleanLike
  | ts.TypeFlags.EnumLike | ts.TypeFlags.ESSymbolLike | ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void;

/** Strings, numbers, booleans and the like, or a union of them; not a branded intersection such as `Phi<string>`. */
function isPrimitive(type: ts.Type): boolean {
  return (type.isUnion() ? type.types : [type]).every((member) => (member.flags & primitiveFlags) !== 0);
}

const arithmeticOperators = new Set([
  ts.SyntaxKind.PlusToken, ts.SyntaxKind.PlusEqualsToken, ts.SyntaxKind.MinusToken,
  ts.SyntaxKind.AsteriskToken, ts.SyntaxKind.SlashToken, ts.SyntaxKind.PercentToken,
]);

/** The operands of a left-deep chain `a + b + c + …`, gathered without recursion. */
function arithmeticOperands(node: ts.BinaryExpression): ts.Expression[] {
  const operands: ts.Expression[] = [];
  let current: ts.Expression = node;
  while (ts.isBinaryExpression(current) && arithmeticOperators.has(current.operatorToken.kind)) {
    operands.push(current.right);
    current = current.left;
  }
  operands.push(current);
  return operands.reverse();
}

function sameOrigins(a: readonly Flow[], b: readonly Flow[]): boolean {
  if (a.length !== b.length) return false;
  const keys = new Set(a.map((flow) => originKeyOf(flow)));
  return b.every((flow) => keys.has(originKeyOf(flow)));
}

function originKeyOf(flow: Flow): string {
  const origin = flow.origin;
  return origin.kind === 'source' ? `source:${origin.source.name}` : `param:${origin.fn.pos}:${origin.index}:${origin.path.join('.')}`;
}

function hasSourceFlow(flows: readonly Flow[]): boolean {
  return flows.some((flow) => flow.origin.kind === 'source');
}

function heuristicSource(classification: NameClassification): PhiSource {
  return {
    kind: 'heuristic',
    name: classification.name,
    reason: `name heuristic: ${classification.label} ("${classification.pattern}")`,
    heuristic: { category: classification.category, pattern: classification.pattern, severity: classification.severity },
  };
}

/** Literals, and templates without substitutions: a name cannot make a constant PHI. */
function isLiteralValue(expression: ts.Expression): boolean {
  let node = expression;
  while (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) node = node.expression;
  return ts.isLiteralExpression(node) || ts.isNoSubstitutionTemplateLiteral(node)
    || node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword
    || node.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node) && node.text === 'undefined')
    || (ts.isPrefixUnaryExpression(node) && ts.isNumericLiteral(node.operand));
}

/** `patient` for `req.body.patient.ssn`'s receiver; the type's name when the expression has none. */
function containerNameOf(receiver: ts.Expression, type: ts.Type): string | undefined {
  let node = receiver;
  while (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) || ts.isAsExpression(node)) node = node.expression;
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) return node.argumentExpression.text;
  if (ts.isElementAccessExpression(node)) return containerNameOf(node.expression, type);
  const symbolName = (type.aliasSymbol ?? type.getSymbol())?.getName();
  return symbolName && !symbolName.startsWith('__') ? symbolName : undefined;
}

function hasBody(fn: ts.Node): boolean {
  return (fn as { body?: ts.Node }).body !== undefined;
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.EqualsToken || kind === ts.SyntaxKind.PlusEqualsToken
    || kind === ts.SyntaxKind.QuestionQuestionEqualsToken || kind === ts.SyntaxKind.BarBarEqualsToken;
}


function isInside(node: ts.Node, container: ts.Node): boolean {
  return node.pos >= container.pos && node.end <= container.end;
}

/** `this.<name>.push(v)`, `this.<name>.set(k, v)`… anywhere in the class's members. */
function fieldMutations(cls: ts.ClassLikeDeclaration, name: string): { call: ts.CallExpression; values: readonly ts.Expression[] }[] {
  const found: { call: ts.CallExpression; values: readonly ts.Expression[] }[] = [];
  for (const member of cls.members) {
    walk(member, (node) => {
      if (ts.isClassLike(node)) return false;
      if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return true;
      const mode = mutatingMethods.get(node.expression.name.text);
      const target = node.expression.expression;
      if (mode && ts.isPropertyAccessExpression(target) && target.expression.kind === ts.SyntaxKind.ThisKeyword && target.name.text === name) {
        found.push({ call: node, values: mode === 'last' ? node.arguments.slice(-1) : node.arguments });
      }
      return true;
    });
  }
  return found;
}

/** `this.<name> = value` anywhere in the class's members. */
function fieldWrites(cls: ts.ClassLikeDeclaration, name: string): ts.BinaryExpression[] {
  const writes: ts.BinaryExpression[] = [];
  for (const member of cls.members) {
    walk(member, (node) => {
      if (ts.isClassLike(node)) return false;
      if (ts.isBinaryExpression(node) && isAssignment(node.operatorToken.kind) && ts.isPropertyAccessExpression(node.left)
        && node.left.expression.kind === ts.SyntaxKind.ThisKeyword && node.left.name.text === name) {
        writes.push(node);
      }
      return true;
    });
  }
  return writes;
}
