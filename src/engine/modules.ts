import ts from '#typescript';

/** The npm package a file belongs to: `node_modules/@types/a__b/x.d.ts` → `@a/b`. */
export function packageOfFile(fileName: string): string | undefined {
  const normalized = fileName.replace(/\\/g, '/');
  const marker = '/node_modules/';
  const index = normalized.lastIndexOf(marker);
  if (index < 0) return undefined;
  const [first, second] = normalized.slice(index + marker.length).split('/');
  if (!first) return undefined;
  if (first === '@types' && second) return second.includes('__') ? `@${second.replace('__', '/')}` : second;
  if (first.startsWith('@') && second) return `${first}/${second}`;
  return first;
}

export function isTypeScriptLibFile(fileName: string): boolean {
  return /[\\/]lib\.[\w.]*d\.ts$/.test(fileName) && /typescript/.test(fileName);
}

/** `node:fs` and `fs` are the same module. */
export function normalizeModuleName(name: string): string {
  return name.startsWith('node:') ? name.slice(5) : name;
}

/** Does a catalog or config module pattern (`@sentry/*`, `zustand/middleware`) match a module we found? */
export function modulePatternMatches(pattern: string, found: string): boolean {
  const wanted = normalizeModuleName(pattern);
  const actual = normalizeModuleName(found);
  if (wanted.endsWith('*')) return actual.startsWith(wanted.slice(0, -1));
  if (wanted === actual) return true;
  // A declaration found in package `zustand` may serve the import `zustand/middleware`.
  return wanted.startsWith(`${actual}/`);
}

export interface DeclarationHome {
  /** The module the declaration belongs to, when it is not a global. */
  module?: string;
  /** A global the declaration lives in: the interface name for TypeScript lib and `declare global` members. */
  globalContainer?: string;
}

/** Where a declaration lives: an ambient `declare module "x"`, a package in node_modules, or the global scope. */
export function homeOfDeclaration(declaration: ts.Node): DeclarationHome {
  let container: string | undefined;
  for (let node: ts.Node | undefined = declaration.parent; node; node = node.parent) {
    if (!container && (ts.isInterfaceDeclaration(node) || ts.isClassDeclaration(node)) && node.name) container = node.name.text;
    if (ts.isModuleDeclaration(node)) {
      if (ts.isStringLiteral(node.name)) return { module: node.name.text };
      if (node.name.text === 'global') return container ? { globalContainer: container } : {};
    }
  }
  const fileName = declaration.getSourceFile().fileName;
  if (isTypeScriptLibFile(fileName)) return container ? { globalContainer: container } : {};
  const sourceFile = declaration.getSourceFile();
  const isModule = ts.isExternalModule(sourceFile);
  const pkg = packageOfFile(fileName);
  if (pkg && isModule) return { module: pkg };
  if (!isModule && sourceFile.isDeclarationFile) return container ? { globalContainer: container } : {};
  return pkg ? { module: pkg } : {};
}
