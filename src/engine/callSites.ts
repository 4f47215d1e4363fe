import { ts } from 'ts-morph';
import type { FunctionLike } from './flow.js';
import { walk } from './syntax.js';

export type CallSite = ts.CallExpression | ts.NewExpression;

interface FileCalls {
  byName: Map<string, CallSite[]>;
  /** `import { save as persist }`, `export { default as auditLog }`: original name → local names. */
  renames: [string, string][];
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
  const renames: [string, string][] = [];
  walk(sourceFile, (node) => {
    if (ts.isImportClause(node) && node.name) renames.push(['default', node.name.text]);
    if ((ts.isImportSpecifier(node) || ts.isExportSpecifier(node)) && node.propertyName) {
      renames.push([node.propertyName.text, node.name.text]);
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const name = calledName(node.expression);
      if (name) {
        const list = byName.get(name) ?? [];
        list.push(node);
        byName.set(name, list);
      }
    }
  });
  calls = { byName, renames };
  callsByFile.set(sourceFile, calls);
  return calls;
}

/**
 * Who calls a function. A syntax-only walk buckets calls by the name they use; the checker then
 * resolves each candidate call once, however many functions share its name.
 */
export class CallSiteIndex {
  private byName: Map<string, CallSite[]> | undefined;
  private readonly localNames = new Map<string, Set<string>>();
  private readonly callers = new Map<FunctionLike, CallSite[]>();
  private readonly resolved = new Map<CallSite, readonly ts.Declaration[]>();

  constructor(private readonly program: ts.Program, private readonly checker: ts.TypeChecker) {}

  callersOf(fn: FunctionLike): CallSite[] {
    const cached = this.callers.get(fn);
    if (cached) return cached;
    const target = bindingOf(fn);
    const found: CallSite[] = [];
    if (target) {
      const index = this.index();
      const candidates = new Set(index.get(target.name) ?? []);
      // Importers may call it by another name: a renamed import or re-export, or a default export's local name.
      const originals = isDefaultExport(fn) || isDefaultExport(target.declaration) ? [target.name, 'default'] : [target.name];
      for (const original of originals) {
        for (const name of this.localNames.get(original) ?? []) for (const call of index.get(name) ?? []) candidates.add(call);
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
      for (const [original, local] of calls.renames) {
        const locals = this.localNames.get(original) ?? new Set<string>();
        locals.add(local);
        this.localNames.set(original, locals);
      }
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
