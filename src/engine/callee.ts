import ts from '#typescript';
import { homeOfDeclaration, normalizeModuleName } from './modules.js';
import { skipOuter } from './syntax.js';

/** What a callee (or an assignment target) is, in the terms the sink catalog speaks. */
export interface CalleeDescription {
  /** Member names after the root: `mixpanel.people.set` → [`people`, `set`]. */
  members: string[];
  /** The expression the member chain starts from. */
  root: ts.Expression;
  /** Modules the callee, its receiver or its root come from. */
  modules: Set<string>;
  /** Global roots: `console`, `localStorage`, or a lib interface such as `IDBObjectStore`. */
  globals: Set<string>;
  /** The callee as written, for messages. */
  text: string;
}

/** Another spelling of a callee: `base` followed by `members`. */
export interface CalleeForm {
  base: ts.Expression;
  members: string[];
}

const globalObjectNames = new Set(['window', 'globalThis', 'self', 'global']);
const maxOriginDepth = 5;

export class CalleeResolver {
  private readonly cache = new Map<ts.Node, CalleeDescription>();

  constructor(private readonly checker: ts.TypeChecker) {}

  describe(callee: ts.Expression): CalleeDescription {
    const cached = this.cache.get(callee);
    if (cached) return cached;
    const description = this.compute(callee);
    this.cache.set(callee, description);
    return description;
  }

  private compute(callee: ts.Expression): CalleeDescription {
    const { root, members } = memberChain(callee);
    const modules = new Set<string>();
    const globals = new Set<string>();
    if (ts.isIdentifier(root) && globalObjectNames.has(root.text) && members.length > 0 && this.isGlobalIdentifier(root)) {
      globals.add(members.shift() as string);
    } else if (ts.isIdentifier(root) && this.isGlobalIdentifier(root)) {
      globals.add(root.text);
    }
    if (ts.isIdentifier(root)) {
      // `import { logEvent } from "firebase/analytics"`: the exported name is the first member.
      const imported = this.namedImportOf(root);
      if (imported) members.unshift(imported);
    }
    this.collectOriginModules(root, modules, 0);
    this.collectDeclarationHomes(callee, modules, globals);
    return { members, root, modules, globals, text: callee.getText().replace(/\s+/g, '') };
  }

  /** Modules by the import, require or factory call the root value was made from. */
  private collectOriginModules(expression: ts.Expression, modules: Set<string>, depth: number): void {
    if (depth > maxOriginDepth) return;
    const node = skipOuter(expression);
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const required = requiredModule(node);
      if (required) {
        modules.add(normalizeModuleName(required));
        return;
      }
      this.collectOriginModules(rootOf(node.expression), modules, depth + 1);
      return;
    }
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      this.collectOriginModules(rootOf(node), modules, depth + 1);
      return;
    }
    if (!ts.isIdentifier(node)) return;
    const symbol = this.checker.getSymbolAtLocation(node);
    const declarations = [...(symbol?.declarations ?? [])];
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) {
      // `import { logger } from "./logger"`: follow into the module that made it.
      declarations.push(...(this.checker.getAliasedSymbol(symbol).declarations ?? []));
    }
    for (const declaration of declarations) {
      const imported = importedModuleOf(declaration);
      if (imported) {
        if (!imported.startsWith('.')) modules.add(normalizeModuleName(imported));
        continue;
      }
      if (ts.isVariableDeclaration(declaration) && declaration.initializer) {
        this.collectOriginModules(declaration.initializer, modules, depth + 1);
      } else if (ts.isBindingElement(declaration)) {
        const holder = declaration.parent.parent;
        if (ts.isVariableDeclaration(holder) && holder.initializer) this.collectOriginModules(holder.initializer, modules, depth + 1);
      }
    }
  }

  /** Modules by declaration: the callee's own declaration and its receiver's type. */
  private collectDeclarationHomes(callee: ts.Expression, modules: Set<string>, globals: Set<string>): void {
    const target = skipOuter(callee);
    const nameNode = ts.isPropertyAccessExpression(target) ? target.name : target;
    this.addHomes(this.resolvedDeclarations(nameNode), modules, globals);
    if (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) {
      const receiverType = this.checker.getTypeAtLocation(target.expression);
      for (const type of receiverType.isUnion() ? receiverType.types : [receiverType]) {
        const symbol = type.aliasSymbol ?? type.getSymbol();
        this.addHomes(symbol?.declarations ?? [], modules, globals);
      }
    } else {
      const type = this.checker.getTypeAtLocation(target);
      const symbol = type.aliasSymbol ?? type.getSymbol();
      this.addHomes(symbol?.declarations ?? [], modules, new Set());
    }
  }

  private addHomes(declarations: readonly ts.Node[], modules: Set<string>, globals: Set<string>): void {
    for (const declaration of declarations) {
      const home = homeOfDeclaration(declaration);
      if (home.module) modules.add(normalizeModuleName(home.module));
      if (home.globalContainer) globals.add(home.globalContainer);
    }
  }

  private resolvedDeclarations(node: ts.Node): readonly ts.Node[] {
    let symbol = this.checker.getSymbolAtLocation(node);
    if (!symbol) return [];
    if (symbol.flags & ts.SymbolFlags.Alias) {
      const importDeclarations = symbol.declarations ?? [];
      symbol = this.checker.getAliasedSymbol(symbol);
      return [...(symbol.declarations ?? []), ...importDeclarations.filter((d) => importedModuleOf(d) === undefined)];
    }
    return symbol.declarations ?? [];
  }

  private namedImportOf(identifier: ts.Identifier): string | undefined {
    const declaration = this.checker.getSymbolAtLocation(identifier)?.declarations?.[0];
    if (!declaration) return undefined;
    if (ts.isImportSpecifier(declaration)) return (declaration.propertyName ?? declaration.name).text;
    // `const { logEvent } = require("x")`
    if (ts.isBindingElement(declaration) && ts.isObjectBindingPattern(declaration.parent)) {
      const holder = declaration.parent.parent;
      if (ts.isVariableDeclaration(holder) && holder.initializer && ts.isCallExpression(holder.initializer) && requiredModule(holder.initializer)) {
        const key = declaration.propertyName ?? declaration.name;
        return ts.isIdentifier(key) ? key.text : undefined;
      }
    }
    return undefined;
  }

  /**
   * Other spellings of a callee that is reached through a local name or a choice of receivers:
   * `const log = console.log` (or `console.log.bind(console)`) makes `log(x)` a `console.log`;
   * `const { track } = analytics` makes `track(e)` an `analytics.track`; `const out = c ? console :
   * fallback` makes `out.info(x)` a `console.info` (each branch is one spelling). Only `const`
   * bindings, followed a few steps, across imports.
   */
  aliasedForms(callee: ts.Expression): CalleeForm[] {
    const { root, members } = memberChain(callee);
    return this.formsOf(root, 0).map((form) => ({ base: form.base, members: [...form.members, ...members] }));
  }

  /** A description of `form`: its base described as a callee, followed by the form's members. */
  describeForm(form: CalleeForm, text: string): CalleeDescription {
    const base = this.describe(form.base);
    return { ...base, members: [...base.members, ...form.members], text };
  }

  private formsOf(expression: ts.Expression, depth: number): CalleeForm[] {
    if (depth > maxOriginDepth) return [];
    const node = skipOuter(expression);
    if (ts.isConditionalExpression(node)) return [...this.spellings(node.whenTrue, depth), ...this.spellings(node.whenFalse, depth)];
    if (ts.isBinaryExpression(node) && isChoiceOperator(node.operatorToken.kind)) {
      return [...this.spellings(node.left, depth), ...this.spellings(node.right, depth)];
    }
    if (!ts.isIdentifier(node)) return [];
    let symbol = this.checker.getSymbolAtLocation(node);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    const declaration = symbol?.valueDeclaration;
    if (!declaration || !isConstBinding(declaration)) return [];
    if (ts.isVariableDeclaration(declaration)) return declaration.initializer ? this.spellings(declaration.initializer, depth + 1) : [];
    if (ts.isBindingElement(declaration) && ts.isObjectBindingPattern(declaration.parent) && !declaration.dotDotDotToken) {
      const holder = declaration.parent.parent;
      const key = declaration.propertyName ?? declaration.name;
      if (!ts.isVariableDeclaration(holder) || !holder.initializer || !(ts.isIdentifier(key) || ts.isStringLiteral(key))) return [];
      // `const { logEvent } = require("x")` is already a named import.
      if (ts.isCallExpression(skipOuter(holder.initializer)) && requiredModule(skipOuter(holder.initializer) as ts.CallExpression)) return [];
      return [{ base: holder.initializer, members: [key.text] }];
    }
    return [];
  }

  /** An expression a value may be: itself when it names something, the function of a `.bind(thisArg)`, or the forms of a local name. */
  private spellings(expression: ts.Expression, depth: number): CalleeForm[] {
    const node = skipOuter(expression);
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'bind' && node.arguments.length <= 1) {
      return [{ base: node.expression.expression, members: [] }];
    }
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) return [{ base: node, members: [] }];
    if (ts.isIdentifier(node)) {
      const further = this.formsOf(node, depth + 1);
      return further.length > 0 ? further : [{ base: node, members: [] }];
    }
    return this.formsOf(node, depth + 1);
  }

  /** The callee is a function or method with a body in the project's own source. */
  isProjectFunction(callee: ts.Expression): boolean {
    const target = skipOuter(callee);
    const nameNode = ts.isPropertyAccessExpression(target) ? target.name : target;
    let symbol = this.checker.getSymbolAtLocation(nameNode);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    const declaration = symbol?.valueDeclaration;
    if (!declaration || declaration.getSourceFile().isDeclarationFile) return false;
    const fn = ts.isVariableDeclaration(declaration) ? declaration.initializer : declaration;
    return fn !== undefined && (ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) || ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))
      && fn.body !== undefined;
  }

  /** Undeclared (plain JavaScript) or declared only as an ambient global, not an import or a local. */
  isGlobalIdentifier(identifier: ts.Identifier): boolean {
    const symbol = this.checker.getSymbolAtLocation(identifier);
    if (!symbol) return true;
    const declarations = symbol.declarations ?? [];
    if (declarations.length === 0) return true;
    return declarations.every((declaration) => {
      const sourceFile = declaration.getSourceFile();
      if (importedModuleOf(declaration)) return false;
      // `declare const gtag: …` stands for the global a script tag provides.
      if (isAmbientDeclaration(declaration)) return true;
      if (!sourceFile.isDeclarationFile) return false;
      return !ts.isExternalModule(sourceFile) || isInsideGlobalAugmentation(declaration);
    });
  }
}

function isChoiceOperator(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.BarBarToken || kind === ts.SyntaxKind.QuestionQuestionToken || kind === ts.SyntaxKind.AmpersandAmpersandToken;
}

/** A `const` variable or a name destructured by a `const` declaration, in the project's own code. */
function isConstBinding(declaration: ts.Node): boolean {
  let holder: ts.Node = declaration;
  while (ts.isBindingElement(holder) || ts.isObjectBindingPattern(holder) || ts.isArrayBindingPattern(holder)) holder = holder.parent;
  if (!ts.isVariableDeclaration(holder) || holder.getSourceFile().isDeclarationFile) return false;
  const list = holder.parent;
  return ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0;
}

function isAmbientDeclaration(declaration: ts.Node): boolean {
  const statement = ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration;
  return !declaration.getSourceFile().isDeclarationFile && ts.canHaveModifiers(statement)
    && (ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword) ?? false)
    && !ts.isModuleBlock(statement.parent);
}

function isInsideGlobalAugmentation(node: ts.Node): boolean {
  for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
    if (ts.isModuleDeclaration(current) && current.name.text === 'global') return true;
  }
  return false;
}


/** `a.b['c']` → root `a`, members [`b`, `c`]. */
function memberChain(expression: ts.Expression): { root: ts.Expression; members: string[] } {
  const members: string[] = [];
  let root = skipOuter(expression);
  while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root)) {
    members.unshift(memberName(root));
    root = skipOuter(root.expression);
  }
  return { root, members };
}

function rootOf(expression: ts.Expression): ts.Expression {
  let node = skipOuter(expression);
  while (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) node = skipOuter(node.expression);
  return node;
}

function memberName(access: ts.PropertyAccessExpression | ts.ElementAccessExpression): string {
  if (ts.isPropertyAccessExpression(access)) return access.name.text;
  const argument = access.argumentExpression;
  return ts.isStringLiteralLike(argument) || ts.isNumericLiteral(argument) ? argument.text : '*';
}

/** `require("x")` and `import("x")`. */
export function requiredModule(node: ts.CallExpression | ts.NewExpression): string | undefined {
  if (!ts.isCallExpression(node)) return undefined;
  const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
  const isDynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
  const [first] = node.arguments;
  if ((isRequire || isDynamicImport) && first && ts.isStringLiteralLike(first)) return first.text;
  return undefined;
}

/** The module specifier an import declaration brings a binding from. */
export function importedModuleOf(declaration: ts.Node): string | undefined {
  let node: ts.Node | undefined = declaration;
  if (ts.isImportSpecifier(node)) node = node.parent.parent.parent;
  else if (ts.isNamespaceImport(node)) node = node.parent.parent;
  else if (ts.isImportClause(node)) node = node.parent;
  if (node && ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) return node.moduleSpecifier.text;
  if (ts.isImportEqualsDeclaration(declaration) && ts.isExternalModuleReference(declaration.moduleReference)) {
    const expression = declaration.moduleReference.expression;
    return ts.isStringLiteral(expression) ? expression.text : undefined;
  }
  return undefined;
}
