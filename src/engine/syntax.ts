import ts from '#typescript';

/** A function written directly as an argument: `items.map(p => …)`, `promise.then(function (r) {…})`. */
export function isInlineCallback(fn: ts.Node): fn is ts.ArrowFunction | ts.FunctionExpression {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
  let node: ts.Node = fn;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  return (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && (parent.arguments?.includes(node as ts.Expression) ?? false);
}

/** The call an inline callback is passed to, and at which argument index. */
export function callOfCallback(fn: ts.Node): { call: ts.CallExpression | ts.NewExpression; index: number } | undefined {
  let node: ts.Node = fn;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (!ts.isCallExpression(parent) && !ts.isNewExpression(parent)) return undefined;
  const index = parent.arguments?.indexOf(node as ts.Expression) ?? -1;
  return index >= 0 ? { call: parent, index } : undefined;
}

/** The nearest enclosing function that is not an inline callback, or the source file. */
export function enclosingFunction(node: ts.Node): ts.SignatureDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current) && !isInlineCallback(current)) return current as ts.SignatureDeclaration;
  }
  return undefined;
}

/** A human name for a function: `PatientService.save`, `sendReport`, `<anonymous>`. */
export function functionName(fn: ts.SignatureDeclaration | undefined): string | undefined {
  if (!fn) return undefined;
  const own = fn.name && ts.isIdentifier(fn.name) ? fn.name.text : undefined;
  const parent = fn.parent;
  const bound = own ?? (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && ts.isIdentifier(parent.name) ? parent.name.text : undefined);
  const cls = ts.isClassLike(fn.parent) ? fn.parent.name?.text : undefined;
  if (ts.isConstructorDeclaration(fn)) return cls ? `${cls}.constructor` : 'constructor';
  if (cls && bound) return `${cls}.${bound}`;
  return bound;
}

export function returnExpressions(fn: ts.SignatureDeclaration): ts.Expression[] {
  const body = (fn as { body?: ts.Node }).body;
  if (!body) return [];
  if (!ts.isBlock(body)) return [body as ts.Expression];
  const found: ts.Expression[] = [];
  // A generator hands out what it yields: iterating it reads those values.
  const isGenerator = (fn as { asteriskToken?: ts.Node }).asteriskToken !== undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression) found.push(node.expression);
    if (isGenerator && ts.isYieldExpression(node) && node.expression) found.push(node.expression);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return found;
}

/**
 * Visits every node under `root` in source order without recursion, so that deeply nested code
 * (long `+` chains, generated files) cannot overflow the stack. `visit` returns false to skip a
 * node's children.
 */
export function walk(root: ts.Node, visit: (node: ts.Node) => boolean | void): void {
  const stack: ts.Node[] = [root];
  // One callback for the whole walk, children pushed straight onto the stack: this runs on every
  // node of every file, and a closure or an array per node was a sixth of the analysis' garbage.
  const push = (child: ts.Node): undefined => {
    stack.push(child);
    return undefined;
  };
  while (stack.length > 0) {
    const node = stack.pop() as ts.Node;
    if (visit(node) === false) continue;
    const first = stack.length;
    ts.forEachChild(node, push);
    for (let low = first, high = stack.length - 1; low < high; low++, high--) {
      const child = stack[low] as ts.Node;
      stack[low] = stack[high] as ts.Node;
      stack[high] = child;
    }
  }
}

/** The expression inside parentheses, `!`, `as`, `<T>`, `satisfies` and `await`: the same value for our purposes. */
export function skipOuter(expression: ts.Expression): ts.Expression {
  let node = expression;
  while (
    ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) || ts.isAsExpression(node)
    || ts.isTypeAssertionExpression(node) || ts.isSatisfiesExpression(node) || ts.isAwaitExpression(node)
  ) {
    node = node.expression;
  }
  return node;
}

/** The name of a property as written: identifiers, string and numeric literals, literal computed names. */
export function propertyNameText(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}
