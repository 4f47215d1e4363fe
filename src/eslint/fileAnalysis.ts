import path from 'node:path';
import type ts from '#typescript';
import { loadBuiltInCatalog } from '../catalog/index.js';
import { loadFlowSummaries } from '../catalog/summaries.js';
import { evaluationSettingsKey, PhiEngine, type FileResult } from '../engine/engine.js';
import { ignoreMatcher, looksGenerated } from '../fileSelection.js';
import type { SinkCategory } from '../findings.js';
import { compilerOptionsKey } from '../engine/importGraph.js';
import { dependencyKey } from './dependencies.js';
import { programFor, type LintedFile, type ProgramChoice } from './programProvider.js';
import type { RuleOptions } from './ruleOptions.js';
import { resolveSettings, type PhiSettings } from './settings.js';

/** The findings of one file under one set of settings, shared by the rules that agree on them. */
export interface FileAnalysis extends FileResult {
  settings: PhiSettings;
  /** `all`: every category, shared by the rules without options of their own; else one category. */
  scope: AnalysisScope;
  origin: ProgramChoice['origin'];
  fallbackReason?: string;
}

/** What a rule's context offers that the analysis needs. */
export interface AnalysisContext extends LintedFile {
  settings: Record<string, unknown>;
  sourceCode: LintedFile['sourceCode'] & { ast: object };
}

export type AnalysisScope = SinkCategory | 'all';

interface LintState {
  choice: ProgramChoice | undefined;
  /** The settings without rule options, resolved once per lint. */
  shared?: PhiSettings;
  analyses: Map<string, FileAnalysis | undefined>;
}

/**
 * Per lint of a file, keyed by its Program node: the four rules run on the same AST object, so the
 * first to run picks the program and analyses the file for every category, and the others read the
 * result. A rule whose options change its settings gets an analysis of its own category only, so
 * `strict` (which sets options on two rules) costs the shared analysis plus those two sinks' share.
 */
const lints = new WeakMap<object, LintState>();
/**
 * One engine per project and settings, moved to each new program of the project: within a program,
 * function summaries are shared across files; across programs (the editor's edits), the summaries
 * an edit cannot have changed are kept (see `previous` in engine.ts).
 */
const engines = new Map<string, { engine: PhiEngine; evaluation: string }>();
const maxEngines = 16;
/**
 * Results across programs, for the editor: a file's findings stay valid while the contents of every
 * file they can depend on (see dependencies.ts) are unchanged, whichever program they came from.
 */
const results = new Map<string, { dependencies: string; result: FileResult }>();
const maxResults = 10_000;

export const analysisCounters = { filesAnalysed: 0, cacheHits: 0, answersKept: 0, answersDropped: 0, sharedEvaluations: 0 };

const analysedExtensions = /\.(?:[cm]?tsx?|[cm]?jsx?)$/;

/** The analysis that answers for `category` in the file being linted, or undefined for a file the analyzer does not read. */
export function analyseLintedFile(context: AnalysisContext, options: RuleOptions | undefined, category: SinkCategory): FileAnalysis | undefined {
  const fileName = context.filename;
  if (!analysedExtensions.test(fileName) || /\.d\.[cm]?ts$/.test(fileName) || fileName.split(path.sep).includes('node_modules')) return undefined;
  const ast = context.sourceCode.ast;
  let lint = lints.get(ast);
  if (!lint) {
    lint = { choice: programFor(context), analyses: new Map() };
    lints.set(ast, lint);
  }
  const { choice } = lint;
  if (!choice) return undefined;
  const shared = (lint.shared ??= resolveSettings(choice.rootDir, context.settings['phi'], undefined));
  const hasOptions = options !== undefined && Object.values(options).some((value) => value !== undefined);
  const own = hasOptions ? resolveSettings(choice.rootDir, context.settings['phi'], options) : shared;
  const [settings, scope] = own.key === shared.key ? [shared, 'all' as const] : [own, category];
  const key = `${scope}\0${settings.key}`;
  if (!lint.analyses.has(key)) {
    lint.analyses.set(key, selected(choice.sourceFile, settings) ? {
      ...analyse(choice, settings, scope),
      settings,
      scope,
      origin: choice.origin,
      ...(choice.fallbackReason ? { fallbackReason: choice.fallbackReason } : {}),
    } : undefined);
  }
  return lint.analyses.get(key);
}

const ignoreMatchers = new Map<string, (file: string) => boolean>();

/** The files `analyze()` reads: not matched by `ignore`, not generated or minified unless asked for. */
function selected(sourceFile: ts.SourceFile, settings: PhiSettings): boolean {
  const matcherKey = JSON.stringify([settings.config.ignore, settings.configDir]);
  let isIgnored = ignoreMatchers.get(matcherKey);
  if (!isIgnored) {
    isIgnored = ignoreMatcher(settings.config.ignore, settings.configDir);
    ignoreMatchers.set(matcherKey, isIgnored);
  }
  if (isIgnored(sourceFile.fileName)) return false;
  return settings.config.analyzeGeneratedFiles || !looksGenerated(sourceFile);
}

function analyse(choice: ProgramChoice, settings: PhiSettings, scope: AnalysisScope): FileResult {
  const { program, sourceFile } = choice;
  const dependencies = dependencyKey(program, sourceFile);
  const key = `${sourceFile.fileName}\0${scope}\0${settings.key}\0${compilerOptionsKey(program)}`;
  const cached = results.get(key);
  if (cached?.dependencies === dependencies) {
    analysisCounters.cacheHits++;
    results.delete(key);
    results.set(key, cached);
    return cached.result;
  }
  analysisCounters.filesAnalysed++;
  const result = engineFor(program, settings, scope).analyzeFile(sourceFile);
  results.delete(key);
  results.set(key, { dependencies, result });
  if (results.size > maxResults) results.delete(results.keys().next().value as string);
  return result;
}

function engineFor(program: ts.Program, settings: PhiSettings, scope: AnalysisScope): PhiEngine {
  const configFile = program.getCompilerOptions().configFilePath;
  const project = typeof configFile === 'string' ? configFile : settings.rootDir;
  const key = `${project}\0${scope}\0${settings.key}`;
  const previous = engines.get(key);
  if (previous?.engine.program === program) return previous.engine;
  const evaluation = evaluationSettingsKey(settings.config, settings.configDir, settings.rootDir);
  // The rules differing only in sink policy (strict's options) share one taint evaluation.
  const sibling = [...engines.values()].find((entry) => entry.engine.program === program && entry.evaluation === evaluation)?.engine;
  const sinks = [...loadBuiltInCatalog(), ...settings.config.sinks];
  const engine = new PhiEngine({
    program,
    config: settings.config,
    configDir: settings.configDir,
    rootDir: settings.rootDir,
    sinks: scope === 'all' ? sinks : sinks.filter((sink) => sink.category === scope),
    summaries: loadFlowSummaries(),
    ...(sibling ? { shareEvaluationWith: sibling } : previous ? { previous: previous.engine } : {}),
  });
  if (engine.carried) {
    analysisCounters.answersKept += engine.carried.answersKept;
    analysisCounters.answersDropped += engine.carried.answersDropped;
  }
  if (sibling) analysisCounters.sharedEvaluations++;
  engines.delete(key);
  engines.set(key, { engine, evaluation });
  if (engines.size > maxEngines) engines.delete(engines.keys().next().value as string);
  return engine;
}
