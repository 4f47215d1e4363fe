import { ts } from 'ts-morph';
import type { FunctionLike } from './flow.js';
import { walk } from './syntax.js';

export type CallSite = ts.CallExpression | ts.NewExpression;

interface FileCalls {
  byName: Map<string, CallSite[]>;
  defaultImportNames: string[];
}

/**
 * The calls of one file, bucketed by the name they use. Kept per SourceFile object: TypeScript
 * reuses unchanged files when it builds the next program, so an edit re-walks only the edited file.
 */
const callsByFile = new WeakMap<ts.SourceFile, FileCalls>();

function callsOf(sourceFile: ts.SourceFile): FileCalls {
  let calls = callsByFile.get(sourceFile);
  if (calls) return calls;
  const byName = new Map<string, CallSite[]>();
  const defaultImportNames: string[] = [];
  walk(sourceFile, (node) => {
    if (ts.isImportClause(node) && node.name) defaultImportNames.push(node.name.text);
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const name = calledName(node.expression);
      if (name) {
        const list = byName.get(name) ?? [];
        list.push(node);
        byName.set(name, list);
      }
    }
  });
  calls = { byName, defaultImportNames };
  callsByFile.set(sourceFile, calls);
  return calls;
}

/**
 * Who calls a function. A syntax-only walk buckets calls by the name they use; the checker then
 * resolves each candidate call once, however many functions share its name.
 */
export class CallSiteIndex {
  private byName: Map<string, CallSite[]> | undefined;
  private readonly defaultImportNames = new Set<string>();
  private readonly callers = new Map<FunctionLike, CallSite[]>();
  private readonly resolved = new Map<CallSite, readonly ts.Declaration[]>();

  constructor(private readonly program: ts.Program, private readonly checker: ts.TypeChecker) {}

  callersOf(fn: FunctionLike): CallSite[] {
    const cached = this.callers.get(fn);
    if (cached) return cached;
    const target = bindingOf(fn);
    const found: CallSite[] = [];
    if (target) {
      const candidates = new Set(this.index().get(target.name) ?? []);
      // A default export is called by whatever name each importer gives it.
      if (isDefaultExport(fn) || isDefaultExport(target.declaration)) {
        for (const name of this.defaultImportNames) for (const call of this.index().get(name) ?? []) candidates.add(call);
      }
      for (const call of candidates) {
        if (this.declarationsOf(call).includes(target.declaration as ts.Declaration)) found.push(call);
      }
    }
    this.callers.set(fn, found);
    return found;
  }

  private declarationsOf(call: CallSite): readonly ts.Declaration[] {
    let declarations = this.resolved.get(call);
    if (declarations) return declarations;
    const callee = call.expression;
    const nameNode = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
    let symbol = this.checker.getSymbolAtLocation(nameNode);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    declarations = symbol?.declarations ?? [];
    this.resolved.set(call, declarations);
    return declarations;
  }

  private index(): Map<string, CallSite[]> {
    if (this.byName) return this.byName;
    const byName = new Map<string, CallSite[]>();
    for (const sourceFile of this.program.getSourceFiles()) {
      if (sourceFile.isDeclarationFile || sourceFile.fileName.includes('/node_modules/')) continue;
      const calls = callsOf(sourceFile);
      for (const name of calls.defaultImportNames) this.defaultImportNames.add(name);
      for (const [name, list] of calls.byName) {
        const merged = byName.get(name);
        if (merged) merged.push(...list);
        else byName.set(name, [...list]);
      }
    }
    this.byName = byName;
    return byName;
  }
}

function isDefaultExport(node: ts.Node): boolean {
  const statement = ts.isVariableDeclaration(node) ? node.parent.parent : node;
  if (ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) return true;
  // `export default fn` after the declaration.
  const name = (node as ts.NamedDeclaration).name;
  return name !== undefined && ts.isIdentifier(name) && node.getSourceFile().statements.some((s) =>
    ts.isExportAssignment(s) && ts.isIdentifier(s.expression) && s.expression.text === name.text);
}

function calledName(callee: ts.Expression): string | undefined {
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** The name a function is called by, and the declaration a call's symbol resolves to. */
function bindingOf(fn: FunctionLike): { name: string; declaration: ts.Node } | undefined {
  if (ts.isConstructorDeclaration(fn)) {
    const cls = fn.parent;
    return cls.name ? { name: cls.name.text, declaration: cls } : undefined;
  }
  if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) || ts.isMethodSignature(fn)) && fn.name && ts.isIdentifier(fn.name)) {
    return { name: fn.name.text, declaration: fn };
  }
  if (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) {
    const parent = fn.parent;
    if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && ts.isIdentifier(parent.name)) {
      return { name: parent.name.text, declaration: parent };
    }
  }
  return undefined;
}
