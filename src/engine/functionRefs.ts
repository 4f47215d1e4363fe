import path from 'node:path';
import ts from '#typescript';
import { homeOfDeclaration, modulePatternMatches } from './modules.js';

/**
 * Names of functions from the configuration: `redact`, `privacy.redact` (a member chain suffix), or
 * `module#export` where module is a package (`@acme/privacy#mask`) or a path relative to the config
 * directory (`./src/privacy#mask`).
 */
export class FunctionRefMatcher {
  private readonly plain: string[][] = [];
  private readonly qualified: { module: string; exportName: string }[] = [];

  constructor(refs: readonly string[], private readonly checker: ts.TypeChecker, private readonly configDir: string) {
    for (const ref of refs) {
      const hash = ref.indexOf('#');
      if (hash > 0) this.qualified.push({ module: ref.slice(0, hash), exportName: ref.slice(hash + 1) });
      else this.plain.push(ref.split('.'));
    }
  }

  get isEmpty(): boolean {
    return this.plain.length === 0 && this.qualified.length === 0;
  }

  matchesCall(call: ts.CallExpression): boolean {
    if (this.isEmpty) return false;
    const chain = dottedName(call.expression);
    if (chain && this.plain.some((wanted) => endsWith(chain, wanted))) return true;
    if (this.qualified.length === 0) return false;
    const symbol = resolveCalleeSymbol(call.expression, this.checker);
    const name = symbol?.getName();
    for (const declaration of symbol?.declarations ?? []) {
      for (const { module, exportName } of this.qualified) {
        if (exportName !== name && !(exportName === 'default' && isDefaultExport(declaration))) continue;
        if (module.startsWith('.')) {
          const wantedFile = path.resolve(this.configDir, module).replace(/\.[cm]?[jt]sx?$/, '');
          const actualFile = declaration.getSourceFile().fileName.replace(/(\.d)?\.[cm]?[jt]sx?$/, '');
          if (wantedFile === actualFile || `${wantedFile}/index` === actualFile) return true;
        } else {
          const home = homeOfDeclaration(declaration).module;
          if (home && modulePatternMatches(module, home)) return true;
        }
      }
    }
    return false;
  }
}

export function resolveCalleeSymbol(callee: ts.Expression, checker: ts.TypeChecker): ts.Symbol | undefined {
  const node = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
  let symbol = checker.getSymbolAtLocation(node);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol;
}

function isDefaultExport(declaration: ts.Node): boolean {
  return ts.canHaveModifiers(declaration)
    && (ts.getModifiers(declaration)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword) ?? false);
}

/** `a.b.c` → [a, b, c]; undefined when the callee is not a plain chain of names. */
function dottedName(expression: ts.Expression): string[] | undefined {
  const names: string[] = [];
  let node: ts.Expression = expression;
  while (ts.isPropertyAccessExpression(node)) {
    names.unshift(node.name.text);
    node = node.expression;
  }
  if (ts.isIdentifier(node)) names.unshift(node.text);
  else if (node.kind === ts.SyntaxKind.ThisKeyword) names.unshift('this');
  else if (names.length === 0) return undefined;
  return names;
}

function endsWith(chain: readonly string[], wanted: readonly string[]): boolean {
  if (wanted.length > chain.length) return false;
  const offset = chain.length - wanted.length;
  return wanted.every((segment, index) => chain[offset + index] === segment);
}
