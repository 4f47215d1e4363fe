import ts from '#typescript';
import { walk } from './syntax.js';

/**
 * Finds the places in a scope that write to a variable: assignments and mutating calls. Identifiers
 * are bucketed by name once per scope, so each variable costs a map look-up and a symbol check.
 */
export class ReferenceFinder {
  private readonly identifiersByScope = new Map<ts.Node, Map<string, ts.Identifier[]>>();

  constructor(private readonly checker: ts.TypeChecker) {}

  /** Uses of `symbol` inside `scope`, the declaration's own name excluded. */
  referencesIn(scope: ts.Node, symbol: ts.Symbol, name: string): ts.Identifier[] {
    let byName = this.identifiersByScope.get(scope);
    if (!byName) {
      byName = new Map();
      const table = byName;
      walk(scope, (node) => {
        if (ts.isIdentifier(node)) {
          const list = table.get(node.text) ?? [];
          list.push(node);
          table.set(node.text, list);
        }
      });
      this.identifiersByScope.set(scope, byName);
    }
    const candidates = byName.get(name) ?? [];
    return candidates.filter((identifier) => {
      if (symbol.declarations?.some((d) => (d as ts.NamedDeclaration).name === identifier)) return false;
      const found = ts.isShorthandPropertyAssignment(identifier.parent)
        ? this.checker.getShorthandAssignmentValueSymbol(identifier.parent)
        : this.checker.getSymbolAtLocation(identifier);
      return found === symbol;
    });
  }
}

/** The function body or source file a declaration's uses can be found in. */
export function scopeOfDeclaration(declaration: ts.Node): ts.Node {
  for (let node = declaration.parent; node; node = node.parent) {
    if (ts.isFunctionLike(node) || ts.isSourceFile(node) || ts.isClassLike(node)) return node;
  }
  return declaration.getSourceFile();
}

export const mutatingMethods: ReadonlyMap<string, 'all' | 'last'> = new Map([
  ['push', 'all'],
  ['unshift', 'all'],
  ['splice', 'all'],
  ['add', 'all'],
  ['set', 'last'],
  ['append', 'last'],
  ['fill', 'all'],
]);
