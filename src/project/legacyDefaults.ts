import path from 'node:path';
import ts from '#typescript';

/**
 * TypeScript 5 defaults for options a tsconfig leaves unset, so that a project written
 * for TS 5 (or older) means the same under the TypeScript 6 compiler bundled in ts-morph.
 *
 * TS 6.0 changed these defaults (verified against the bundled 6.0.2 compiler):
 *   types                        TS5: every package in node_modules/@types   TS6: []
 *   strict                       TS5: false                                  TS6: true
 *   target                       TS5: ES5                                    TS6: ES2025
 *   module                       TS5: target >= ES2015 ? ES2015 : CommonJS   TS6: ES2022 for ES2025
 *   moduleResolution (CommonJS)  TS5: Node10                                 TS6: Bundler
 *   rootDir                      TS5: common dir of the sources              TS6: the tsconfig's dir
 *   noUncheckedSideEffectImports TS5: false                                  TS6: true
 * and TS6 reports deprecated options (target ES5, moduleResolution node10/classic,
 * baseUrl, module amd/umd/system/none, outFile, esModuleInterop false, …) as errors
 * unless `ignoreDeprecations: "6.0"`, which is set here; the options keep working.
 */
export interface LegacyDefaultsResult {
  options: ts.CompilerOptions;
  /** `name=value` for each option set here, for reports and debugging. */
  applied: string[];
}

export interface LegacyDefaultsContext {
  /** Root source files, for the TS5 `rootDir` (their common directory). */
  rootFiles: readonly string[];
  /** Where `node_modules/@types` lookup starts when the options have no configFilePath. */
  directory: string;
}

export function applyLegacyDefaults(
  explicit: ts.CompilerOptions,
  context: LegacyDefaultsContext,
): LegacyDefaultsResult {
  const options: ts.CompilerOptions = { ...explicit };
  const applied: string[] = [];
  const set = <K extends keyof ts.CompilerOptions>(key: K, value: ts.CompilerOptions[K], note?: string): void => {
    options[key] = value;
    applied.push(`${String(key)}=${note ?? JSON.stringify(value)}`);
  };

  if (options.target === ts.ScriptTarget.ES3) {
    // Removed in TS 6 (error 5108 even with ignoreDeprecations); ES5 is the nearest accepted value.
    set('target', ts.ScriptTarget.ES5, 'ES5 (was ES3)');
  } else if (options.target === undefined) {
    const target = ts5DefaultTarget(options.module);
    set('target', target, ts.ScriptTarget[target]);
  }
  if (options.module === undefined) {
    const module = (options.target ?? ts.ScriptTarget.ES5) >= ts.ScriptTarget.ES2015 ? ts.ModuleKind.ES2015 : ts.ModuleKind.CommonJS;
    set('module', module, ts.ModuleKind[module]);
  }
  if (options.moduleResolution === undefined) {
    const resolution = ts5DefaultModuleResolution(options.module ?? ts.ModuleKind.CommonJS);
    set('moduleResolution', resolution, ts.ModuleResolutionKind[resolution]);
  }
  if (options.strict === undefined) set('strict', false);
  if (options.noUncheckedSideEffectImports === undefined) set('noUncheckedSideEffectImports', false);
  if (options.types === undefined) set('types', visibleTypesPackages(options, context.directory));
  if (options.rootDir === undefined) {
    const rootDir = commonSourceDirectory(context.rootFiles);
    if (rootDir !== undefined) set('rootDir', rootDir);
  }
  // TS5 projects may carry "5.0"; TS6 needs "6.0" to keep baseUrl, node10, ES5, … working.
  if (options.ignoreDeprecations !== '6.0') set('ignoreDeprecations', '6.0');
  return { options, applied };
}

/** TS5: ES2022 for node16/node18, ES2023 for node20, ESNext for nodenext, else ES5. */
function ts5DefaultTarget(module: ts.ModuleKind | undefined): ts.ScriptTarget {
  switch (module) {
    case ts.ModuleKind.Node16:
    case ts.ModuleKind.Node18:
      return ts.ScriptTarget.ES2022;
    case ts.ModuleKind.Node20:
      return ts.ScriptTarget.ES2023;
    case ts.ModuleKind.NodeNext:
      return ts.ScriptTarget.ESNext;
    default:
      return ts.ScriptTarget.ES5;
  }
}

/** TS5: Node10 for CommonJS, Node16/NodeNext for the node modes, Bundler for preserve, else Classic. */
function ts5DefaultModuleResolution(module: ts.ModuleKind): ts.ModuleResolutionKind {
  switch (module) {
    case ts.ModuleKind.CommonJS:
      return ts.ModuleResolutionKind.Node10;
    case ts.ModuleKind.Node16:
    case ts.ModuleKind.Node18:
    case ts.ModuleKind.Node20:
      return ts.ModuleResolutionKind.Node16;
    case ts.ModuleKind.NodeNext:
      return ts.ModuleResolutionKind.NodeNext;
    case ts.ModuleKind.Preserve:
      return ts.ModuleResolutionKind.Bundler;
    default:
      return ts.ModuleResolutionKind.Classic;
  }
}

/**
 * The packages TS5 included when `types` was unset: every directory in each type root
 * (`typeRoots`, else node_modules/@types in the config's directory and its ancestors).
 * The compiler computes this itself for the TS6 wildcard `types: ["*"]`.
 */
export function visibleTypesPackages(options: ts.CompilerOptions, directory: string): string[] {
  const host: ts.ModuleResolutionHost = {
    ...ts.sys,
    getCurrentDirectory: () => directory,
  };
  return ts.getAutomaticTypeDirectiveNames({ ...options, types: ['*'] }, host);
}

/** The deepest directory containing every non-declaration root file (TS5's rootDir). */
export function commonSourceDirectory(files: readonly string[]): string | undefined {
  const dirs = files
    .filter((file) => !/\.d\.[cm]?ts$/.test(file) && !/\.d\.[^/]*\.ts$/.test(file))
    .map((file) => path.dirname(path.resolve(file)).split(path.sep));
  const first = dirs[0];
  if (first === undefined) return undefined;
  let length = first.length;
  for (const dir of dirs) {
    let i = 0;
    while (i < length && i < dir.length && dir[i] === first[i]) i++;
    length = i;
  }
  return first.slice(0, length).join(path.sep) || path.sep;
}
