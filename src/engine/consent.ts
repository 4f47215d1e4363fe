import ts from '#typescript';
import { FunctionRefMatcher } from './functionRefs.js';
import { isInlineCallback, skipOuter } from './syntax.js';

/**
 * Decides whether a consent check dominates a node: every path from the function's entry to the
 * node passes a check that evaluated truthy, or an assertion that returned.
 *
 * JavaScript control flow is structured (no goto), so dominance is computed on the syntax tree:
 * walking up from the node, an ancestor dominates it when the node sits in the branch a truthy
 * check selects (`if`, `?:`, `&&`, `||`), or when an earlier statement of an enclosing block
 * always leaves the block unless consent was given (`if (!ok) return;`, `assertConsent()`).
 * Exceptions, `break` and `continue` count as leaving; a `try` whose `catch` swallows the
 * assertion's throw does not dominate what follows it.
 */
export class ConsentAnalysis {
  constructor(
    private readonly checks: FunctionRefMatcher,
    private readonly assertions: FunctionRefMatcher,
    private readonly checker: ts.TypeChecker,
  ) {}

  get isConfigured(): boolean {
    return !this.checks.isEmpty || !this.assertions.isEmpty;
  }

  /** Is `node` reached only after consent was established, within its function? */
  isGuarded(node: ts.Node): boolean {
    if (!this.isConfigured) return false;
    let child: ts.Node = node;
    for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
      if (this.parentGuardsChild(parent, child)) return true;
      if (ts.isFunctionLike(parent) && !isInlineCallback(parent)) return false;
    }
    return false;
  }

  private parentGuardsChild(parent: ts.Node, child: ts.Node): boolean {
    if (ts.isIfStatement(parent)) {
      if (child === parent.thenStatement) return this.implies(parent.expression, true);
      if (child === parent.elseStatement) return this.implies(parent.expression, false);
      return false;
    }
    if (ts.isConditionalExpression(parent)) {
      if (child === parent.whenTrue) return this.implies(parent.condition, true);
      if (child === parent.whenFalse) return this.implies(parent.condition, false);
      return false;
    }
    if (ts.isBinaryExpression(parent) && child === parent.right) {
      const operator = parent.operatorToken.kind;
      if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return this.implies(parent.left, true);
      if (operator === ts.SyntaxKind.BarBarToken) return this.implies(parent.left, false);
      return false;
    }
    if (ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent) || ts.isModuleBlock(parent)) {
      const statements = parent.statements;
      const index = statements.indexOf(child as ts.Statement);
      for (let i = 0; i < index; i++) {
        const statement = statements[i];
        if (statement && this.statementEstablishesConsent(statement)) return true;
      }
    }
    return false;
  }

  /** After this statement completes normally, consent has been given. */
  private statementEstablishesConsent(statement: ts.Statement): boolean {
    if (ts.isExpressionStatement(statement)) return this.isAssertionCall(statement.expression);
    if (ts.isVariableStatement(statement)) {
      return statement.declarationList.declarations.some((d) => d.initializer !== undefined && this.isAssertionCall(d.initializer));
    }
    if (ts.isIfStatement(statement)) {
      const thenExits = alwaysExits(statement.thenStatement);
      const elseExits = statement.elseStatement ? alwaysExits(statement.elseStatement) : false;
      // Falling through the `if` means the branch that continues was taken.
      if (thenExits && !elseExits) return this.implies(statement.expression, false);
      if (elseExits && !thenExits) return this.implies(statement.expression, true);
      return false;
    }
    if (ts.isBlock(statement)) return statement.statements.some((s) => this.statementEstablishesConsent(s));
    return false;
  }

  private isAssertionCall(expression: ts.Expression): boolean {
    const call = skipOuter(expression);
    return ts.isCallExpression(call) && this.assertions.matchesCall(call);
  }

  /** Does `condition` being truthy (polarity true) or falsy (false) imply that consent was given? */
  private implies(condition: ts.Expression, polarity: boolean, depth = 0): boolean {
    if (depth > 8) return false;
    const node = skipOuter(condition);
    if (ts.isCallExpression(node)) return polarity && this.checks.matchesCall(node);
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
      return this.implies(node.operand, !polarity, depth + 1);
    }
    if (ts.isBinaryExpression(node)) {
      const operator = node.operatorToken.kind;
      if (operator === ts.SyntaxKind.AmpersandAmpersandToken) {
        return polarity && (this.implies(node.left, true, depth + 1) || this.implies(node.right, true, depth + 1));
      }
      if (operator === ts.SyntaxKind.BarBarToken) {
        return !polarity && (this.implies(node.left, false, depth + 1) || this.implies(node.right, false, depth + 1));
      }
      const isEquality = operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.EqualsEqualsToken;
      const isInequality = operator === ts.SyntaxKind.ExclamationEqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsToken;
      if (isEquality || isInequality) {
        const literal = booleanLiteral(node.right) ?? booleanLiteral(node.left);
        const other = booleanLiteral(node.right) !== undefined ? node.left : node.right;
        if (literal === undefined) return false;
        // `x === true` is truthy exactly when x is; `x === false` and `x !== true` invert it.
        const sameSense = (literal === true) === isEquality;
        return this.implies(other, sameSense ? polarity : !polarity, depth + 1);
      }
      return false;
    }
    if (ts.isIdentifier(node)) {
      const declaration = this.constDeclarationOf(node);
      return declaration?.initializer !== undefined && this.implies(declaration.initializer, polarity, depth + 1);
    }
    return false;
  }

  private constDeclarationOf(identifier: ts.Identifier): ts.VariableDeclaration | undefined {
    const declaration = this.checker.getSymbolAtLocation(identifier)?.valueDeclaration;
    if (!declaration || !ts.isVariableDeclaration(declaration)) return undefined;
    const isConst = (ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) !== 0;
    return isConst ? declaration : undefined;
  }
}


function booleanLiteral(expression: ts.Expression): boolean | undefined {
  if (expression.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (expression.kind === ts.SyntaxKind.FalseKeyword) return false;
  return undefined;
}

/** Control never falls out of this statement: it returns, throws, breaks or continues on every path. */
export function alwaysExits(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement) || ts.isBreakStatement(statement) || ts.isContinueStatement(statement)) {
    return true;
  }
  if (ts.isBlock(statement)) return statement.statements.some((s) => alwaysExits(s));
  if (ts.isIfStatement(statement)) {
    return statement.elseStatement !== undefined && alwaysExits(statement.thenStatement) && alwaysExits(statement.elseStatement);
  }
  if (ts.isExpressionStatement(statement)) {
    const expression = statement.expression;
    // process.exit() never returns.
    return ts.isCallExpression(expression) && /^process\.exit$/.test(expression.expression.getText());
  }
  return false;
}
