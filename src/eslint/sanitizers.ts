import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleContext, Scope } from '@typescript-eslint/utils/ts-eslint';

const sourceExtension = /\.(?:[cm]?[jt]sx?)$/;

/**
 * The configured sanitizers (`redact`, `privacy.redact`, `./src/privacy#redact`, `pkg#mask`) that
 * code at `node` can call as written: a name declared in an enclosing scope, or an export of a
 * module the file already imports (under the name the import gives it).
 */
export function sanitizerNamesInScope(
  context: Readonly<RuleContext<string, readonly unknown[]>>,
  node: TSESTree.Node,
  sanitizers: readonly string[],
  configDir: string,
): string[] {
  const names = new Set<string>();
  const program = context.sourceCode.ast;
  const fileDir = path.dirname(context.filename);
  for (const sanitizer of sanitizers) {
    const hash = sanitizer.indexOf('#');
    if (hash < 0) {
      const root = sanitizer.split('.')[0] ?? sanitizer;
      if (isDeclared(context.sourceCode.getScope(node), root)) names.add(sanitizer);
      continue;
    }
    const [exported = '', ...members] = sanitizer.slice(hash + 1).split('.');
    const local = importedAs(program, sanitizer.slice(0, hash), exported, fileDir, configDir);
    if (local) names.add([local, ...members].join('.'));
  }
  return [...names];
}

function isDeclared(scope: Scope.Scope | null, name: string): boolean {
  for (let current = scope; current; current = current.upper) {
    const variable = current.set.get(name);
    if (variable && variable.defs.length > 0) return true;
  }
  return false;
}

/** The local name under which the file imports `exported` from `module`, if it does. */
function importedAs(program: TSESTree.Program, module: string, exported: string, fileDir: string, configDir: string): string | undefined {
  const wanted = module.startsWith('.') ? moduleBase(path.resolve(configDir, module)) : module;
  for (const statement of program.body) {
    if (statement.type !== 'ImportDeclaration' || statement.importKind === 'type') continue;
    const source = statement.source.value;
    const resolved = source.startsWith('.') ? moduleBase(path.resolve(fileDir, source)) : source;
    if (resolved !== wanted) continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type === 'ImportNamespaceSpecifier') return `${specifier.local.name}.${exported}`;
      if (specifier.type === 'ImportDefaultSpecifier' && exported === 'default') return specifier.local.name;
      if (specifier.type === 'ImportSpecifier' && specifier.importKind !== 'type') {
        const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
        if (imported === exported) return specifier.local.name;
      }
    }
  }
  return undefined;
}

/** A module path without its extension or `/index`: `./privacy.js` and `./privacy` name the same file. */
function moduleBase(file: string): string {
  return file.replace(sourceExtension, '').replace(/[\\/]index$/, '');
}
