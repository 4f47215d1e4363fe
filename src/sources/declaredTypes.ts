import ts from '#typescript';

/**
 * TypeScript gives up control-flow analysis when walking back from a reference takes more than
 * 2,000 flow nodes (a function of about a thousand sequential `if` statements is enough; the
 * compiler reports TS2563, "The containing function or module body is too large for control flow
 * analysis"). The switch is the checker's, not the function's: from then on every narrowable
 * reference, in every file, has the error type, and PHI declared on a parameter's or a variable's
 * type silently vanishes.
 *
 * `withDeclaredTypes` wraps a checker so that a reference answered with the error type gets the
 * type its declaration gives instead (the annotation, or the type the checker inferred for the
 * declaration), and a property read from it the declared type of that property. That is the type
 * without narrowing, which is what the analysis needs to know whether a value is PHI. Every use is
 * counted, so that the scan can say which files were analysed this way.
 */

/** The uses of declared types for references the checker answered with the error type. */
export interface DeclaredTypeFallbacks {
  /** How many answers were replaced so far. */
  count: number;
  /** The first reference answered from its declaration: where the checker had given up. */
  first?: ts.Node;
}

const logs = new WeakMap<ts.TypeChecker, DeclaredTypeFallbacks>();
const wrappers = new WeakMap<ts.TypeChecker, ts.TypeChecker>();
/** Property chains longer than this are not followed back to a declaration. */
const maxChain = 64;

/** The checker, answering from declarations where control-flow analysis was switched off. */
export function withDeclaredTypes(checker: ts.TypeChecker): ts.TypeChecker {
  if (logs.has(checker)) return checker;
  const existing = wrappers.get(checker);
  if (existing) return existing;
  const log: DeclaredTypeFallbacks = { count: 0 };
  const used = <T>(node: ts.Node, answer: T): T => {
    log.count++;
    log.first ??= node;
    return answer;
  };

  /** The checker's type, or, for the error type, the declared one. */
  const typeAt = (node: ts.Node, depth: number): ts.Type | undefined => {
    const type = checker.getTypeAtLocation(node);
    return isErrorType(type) ? declaredTypeOf(node, depth) : type;
  };

  const declaredTypeOf = (node: ts.Node, depth: number): ts.Type | undefined => {
    if (depth > maxChain) return undefined;
    if (ts.isParenthesizedExpression(node)) return typeAt(node.expression, depth + 1);
    if (ts.isNonNullExpression(node)) {
      const type = typeAt(node.expression, depth + 1);
      return type && checker.getNonNullableType(type);
    }
    if (ts.isAwaitExpression(node)) {
      const type = typeAt(node.expression, depth + 1);
      return type && checker.getAwaitedType(type);
    }
    if (ts.isIdentifier(node)) {
      let symbol = ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node
        ? checker.getShorthandAssignmentValueSymbol(node.parent)
        : checker.getSymbolAtLocation(node);
      if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
      return symbol && typeOfDeclarations(symbol, depth);
    }
    if (node.kind === ts.SyntaxKind.ThisKeyword) return thisTypeAt(node);
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const property = propertyRead(node, depth);
      return property && typeOfDeclarations(property, depth);
    }
    if (ts.isCallExpression(node)) {
      const callee = typeAt(node.expression, depth + 1);
      const signatures = callee?.getCallSignatures() ?? [];
      const only = signatures.length === 1 ? signatures[0] : undefined;
      if (!only || (only.getTypeParameters()?.length ?? 0) > 0) return undefined;
      const result = checker.getReturnTypeOfSignature(only);
      return isErrorType(result) ? undefined : result;
    }
    return undefined;
  };

  /** The property `node` reads, looked up on the declared type of what it reads from. */
  const propertyRead = (node: ts.PropertyAccessExpression | ts.ElementAccessExpression, depth: number): ts.Symbol | undefined => {
    const key = ts.isPropertyAccessExpression(node) ? node.name : node.argumentExpression;
    if (!ts.isIdentifier(key) && !ts.isPrivateIdentifier(key) && !ts.isStringLiteralLike(key) && !ts.isNumericLiteral(key)) return undefined;
    const receiver = typeAt(node.expression, depth + 1);
    if (!receiver || isErrorType(receiver)) return undefined;
    const apparent = checker.getApparentType(checker.getNonNullableType(receiver));
    return checker.getPropertyOfType(apparent, key.text);
  };

  /** The annotation's type, or the type inferred for the declaration, or its initializer's. */
  const typeOfDeclarations = (symbol: ts.Symbol, depth: number): ts.Type | undefined => {
    const inferred = checker.getTypeOfSymbol(symbol);
    if (!isErrorType(inferred)) return inferred;
    for (const declaration of symbol.declarations ?? []) {
      const annotation = annotationOf(declaration);
      if (annotation) {
        const type = checker.getTypeFromTypeNode(annotation);
        if (!isErrorType(type)) return type;
      }
      if (ts.isVariableDeclaration(declaration) && declaration.initializer && !declaration.type) {
        const type = typeAt(declaration.initializer, depth + 1);
        if (type && !isErrorType(type)) return type;
      }
    }
    return undefined;
  };

  /** `this` in a class member: the class's instance type (or the class itself, in a static member). */
  const thisTypeAt = (node: ts.Node): ts.Type | undefined => {
    let current = node.parent;
    while (current && !ts.isClassLike(current)) {
      if (ts.isFunctionLike(current) && !ts.isArrowFunction(current) && !ts.isClassLike(current.parent)) return undefined;
      current = current.parent;
    }
    const symbol = current?.name ? checker.getSymbolAtLocation(current.name) : current && checker.getSymbolAtLocation(current);
    if (!symbol) return undefined;
    let member: ts.Node = node;
    while (member.parent && member.parent !== current) member = member.parent;
    const isStatic = ts.canHaveModifiers(member) && (ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword) ?? false);
    return isStatic ? checker.getTypeOfSymbol(symbol) : checker.getDeclaredTypeOfSymbol(symbol);
  };

  const wrapped: ts.TypeChecker = Object.create(checker) as ts.TypeChecker;
  wrapped.getTypeAtLocation = (node: ts.Node): ts.Type => {
    const type = checker.getTypeAtLocation(node);
    if (!isErrorType(type)) return type;
    const declared = declaredTypeOf(node, 0);
    return declared ? used(node, declared) : type;
  };
  wrapped.getTypeOfSymbolAtLocation = (symbol: ts.Symbol, node: ts.Node): ts.Type => {
    const type = checker.getTypeOfSymbolAtLocation(symbol, node);
    if (!isErrorType(type)) return type;
    const declared = typeOfDeclarations(symbol, 0);
    return declared ? used(node, declared) : type;
  };
  wrapped.getSymbolAtLocation = (node: ts.Node): ts.Symbol | undefined => {
    const symbol = checker.getSymbolAtLocation(node);
    if (symbol) return symbol;
    // `p.name` where `p` has the error type: the checker finds no property to name.
    const parent = node.parent as ts.Node | undefined;
    const read = parent && ((ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isElementAccessExpression(parent) && parent.argumentExpression === node))
      ? parent
      : undefined;
    if (!read || !isErrorType(checker.getTypeAtLocation(read.expression))) return undefined;
    const property = propertyRead(read, 0);
    return property ? used(node, property) : undefined;
  };
  logs.set(wrapped, log);
  wrappers.set(checker, wrapped);
  return wrapped;
}

/** What `withDeclaredTypes` replaced so far, for a checker it made. */
export function declaredTypeFallbacks(checker: ts.TypeChecker): Readonly<DeclaredTypeFallbacks> | undefined {
  return logs.get(checker);
}

/** The checker's `errorType`: what it answers for a reference once flow analysis is off, and for unresolvable code. */
export function isErrorType(type: ts.Type): boolean {
  return (type.flags & ts.TypeFlags.Any) !== 0 && (type as ts.Type & { intrinsicName?: string }).intrinsicName === 'error';
}

function annotationOf(declaration: ts.Declaration): ts.TypeNode | undefined {
  if (ts.isParameter(declaration) || ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration)
    || ts.isPropertySignature(declaration)) {
    return declaration.type;
  }
  return undefined;
}
