import ts from '#typescript';
import type { FunctionLike } from './flow.js';
import { syntaxOf, type CallSite } from './fileSyntax.js';

export type { CallSite } from './fileSyntax.js';

/**
 * The project's calls by the name they use, and the local names imports give functions. Kept file
 * by file, so the index of the next program of an edited project is this one with the changed files
 * taken out and put back in.
 */
class CallNameIndex {
  /** The files in the index, each with the last update that found it in the program. */
  private readonly files = new Map<ts.SourceFile, number>();
  private updates = 0;
  private readonly byName = new Map<string, Map<ts.SourceFile, CallSite[]>>();
  /** Original name → local name → how many files use that rename. */
  private readonly renames = new Map<string, Map<string, number>>();
  /** `byName` flattened, per name asked for since the files with that name last changed. */
  private readonly flattened = new Map<string, CallSite[]>();

  /** Brings the index to the files of `program`. */
  update(program: ts.Program): void {
    // Most files of the next program are the same objects: they are only stamped, not tested again.
    const update = ++this.updates;
    for (const file of program.getSourceFiles()) {
      if (this.files.has(file)) this.files.set(file, update);
      else if (!file.isDeclarationFile && !file.fileName.includes('/node_modules/')) this.add(file, update);
    }
    for (const [file, seen] of this.files) if (seen !== update) this.remove(file);
  }

  callsNamed(name: string): readonly CallSite[] {
    let calls = this.flattened.get(name);
    if (!calls) {
      calls = [...(this.byName.get(name)?.values() ?? [])].flat();
      this.flattened.set(name, calls);
    }
    return calls;
  }

  localNamesOf(original: string): Iterable<string> {
    return this.renames.get(original)?.keys() ?? [];
  }

  private add(file: ts.SourceFile, update: number): void {
    this.files.set(file, update);
    const calls = syntaxOf(file);
    for (const [name, list] of calls.callsByName) {
      this.flattened.delete(name);
      let byFile = this.byName.get(name);
      if (!byFile) {
        byFile = new Map();
        this.byName.set(name, byFile);
      }
      byFile.set(file, list);
    }
    for (const [original, local] of calls.renames) {
      let locals = this.renames.get(original);
      if (!locals) {
        locals = new Map();
        this.renames.set(original, locals);
      }
      locals.set(local, (locals.get(local) ?? 0) + 1);
    }
  }

  private remove(file: ts.SourceFile): void {
    this.files.delete(file);
    const calls = syntaxOf(file);
    for (const name of calls.callsByName.keys()) {
      this.flattened.delete(name);
      const byFile = this.byName.get(name);
      byFile?.delete(file);
      if (byFile?.size === 0) this.byName.delete(name);
    }
    for (const [original, local] of calls.renames) {
      const locals = this.renames.get(original);
      const count = (locals?.get(local) ?? 0) - 1;
      if (count > 0) locals?.set(local, count);
      else locals?.delete(local);
    }
  }
}

/** What a call index for the next program of the same project starts from. */
export interface CarriedCalls {
  names: CallNameIndex;
  resolved: Map<CallSite, Resolution>;
}

/** The declarations a call resolves to, and the files the answer depends on (the call's and theirs). */
interface Resolution {
  declarations: readonly ts.Declaration[];
  files: readonly string[];
}

/**
 * Who calls a function. A syntax-only walk buckets calls by the name they use; the checker then
 * resolves each candidate call once, however many functions share its name.
 */
export class CallSiteIndex {
  private names: CallNameIndex | undefined;
  private readonly carriedNames: CallNameIndex | undefined;
  private readonly callers = new Map<FunctionLike, CallSite[]>();
  private readonly groupedByNames = new Map<string, Map<ts.Node, CallSite[]>>();
  private readonly resolved: Map<CallSite, Resolution>;

  constructor(private readonly program: ts.Program, private readonly checker: ts.TypeChecker, carried?: CarriedCalls) {
    this.resolved = carried?.resolved ?? new Map();
    this.carriedNames = carried?.names;
  }

  /**
   * What the index of the next program keeps: the name index, and the resolutions of calls outside
   * `staleFiles` that resolved to declarations outside them (a call resolves the same way while its
   * file and what it imports are unchanged). This index must not be used afterwards.
   */
  carryOver(staleFiles: ReadonlySet<string>): CarriedCalls {
    const resolved = new Map<CallSite, Resolution>();
    for (const [call, resolution] of this.resolved) {
      if (!resolution.files.some((file) => staleFiles.has(file))) resolved.set(call, resolution);
    }
    return { names: this.names ?? this.carriedNames ?? new CallNameIndex(), resolved };
  }

  callersOf(fn: FunctionLike): CallSite[] {
    const cached = this.callers.get(fn);
    if (cached) return cached;
    const target = bindingOf(fn);
    const found = target ? this.callsByDeclaration(callerNames(fn)).get(target.declaration) ?? [] : [];
    this.callers.set(fn, found);
    return found;
  }

  /**
   * The calls by the given names (and the local names imports give them), grouped by the
   * declaration each resolves to, in source order: one pass serves every function of that name.
   */
  private callsByDeclaration(lookup: readonly string[]): Map<ts.Node, CallSite[]> {
    const key = lookup.join('\0');
    let grouped = this.groupedByNames.get(key);
    if (grouped) return grouped;
    grouped = new Map();
    const names = this.index();
    const candidates = new Set(names.callsNamed(lookup[0] ?? ''));
    // Importers may call it by another name: a renamed import or re-export, or a default export's local name.
    for (const original of lookup) {
      for (const local of names.localNamesOf(original)) for (const call of names.callsNamed(local)) candidates.add(call);
    }
    for (const call of candidates) {
      for (const declaration of this.declarationsOf(call)) {
        const list = grouped.get(declaration);
        if (list) list.push(call);
        else grouped.set(declaration, [call]);
      }
    }
    // In source order, whatever order the files came into the index in.
    for (const list of grouped.values()) {
      list.sort((a, b) => a.getSourceFile().fileName.localeCompare(b.getSourceFile().fileName) || a.pos - b.pos);
    }
    this.groupedByNames.set(key, grouped);
    return grouped;
  }

  private declarationsOf(call: CallSite): readonly ts.Declaration[] {
    const known = this.resolved.get(call);
    if (known) return known.declarations;
    const callee = call.expression;
    const nameNode = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
    let symbol = this.checker.getSymbolAtLocation(nameNode);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    const declarations = symbol?.declarations ?? [];
    // Found once here rather than on every carry-over: a node's file is a walk up its ancestors.
    const files = new Set([call.getSourceFile().fileName, ...declarations.map((declaration) => declaration.getSourceFile().fileName)]);
    this.resolved.set(call, { declarations, files: [...files] });
    return declarations;
  }

  private index(): CallNameIndex {
    if (this.names) return this.names;
    const names = this.carriedNames ?? new CallNameIndex();
    names.update(this.program);
    this.names = names;
    return names;
  }
}

/** The names `callersOf(fn)` looks calls up by (renamed imports are found from these). */
export function callerNames(fn: FunctionLike): string[] {
  const target = bindingOf(fn);
  if (!target) return [];
  return isDefaultExport(fn) || isDefaultExport(target.declaration) ? [target.name, 'default'] : [target.name];
}

/** Every name a file calls a function by or renames one to: an edit of the file can change the callers of these. */
export function calledNamesIn(sourceFile: ts.SourceFile): string[] {
  const { callsByName, renames } = syntaxOf(sourceFile);
  return [...callsByName.keys(), ...renames.flat()];
}

function isDefaultExport(node: ts.Node): boolean {
  const statement = ts.isVariableDeclaration(node) ? node.parent.parent : node;
  if (ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) return true;
  // `export default fn` after the declaration.
  const name = (node as ts.NamedDeclaration).name;
  return name !== undefined && ts.isIdentifier(name) && node.getSourceFile().statements.some((s) =>
    ts.isExportAssignment(s) && ts.isIdentifier(s.expression) && s.expression.text === name.text);
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
