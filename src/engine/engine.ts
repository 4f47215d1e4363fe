import ts from '#typescript';
import type { SinkEntry } from '../catalog/types.js';
import type { FlowSummary } from '../catalog/summaryTypes.js';
import type { PhiConfig } from '../config/types.js';
import type { AnalysisDiagnostic, Finding } from '../findings.js';
import { PhiTypeOracle } from '../sources/phiTypes.js';
import { declaredTypeFallbacks, withDeclaredTypes } from '../sources/declaredTypes.js';
import { createNameClassifier, nameClassifierOptionsFromConfig } from '../sources/heuristics/classify.js';
import { withCachedAnswers } from './answerCache.js';
import { CalleeResolver } from './callee.js';
import { calledNamesIn, CallSiteIndex, type CarriedCalls } from './callSites.js';
import { ConsentAnalysis } from './consent.js';
import { FunctionRefMatcher } from './functionRefs.js';
import { compilerOptionsKey, importersClosure, importGraphOf, isOwnFile } from './importGraph.js';
import { describeLocation, locationOf } from './location.js';
import type { EvaluationMemo } from './memo.js';
import { SinkAnalysis } from './sinkAnalysis.js';
import { CatalogMatcher } from './sinkMatcher.js';
import { syntaxOf } from './fileSyntax.js';
import { enclosingFunction, functionName } from './syntax.js';
import { BudgetExceededError, defaultEvaluationBudget, defaultSinkBudget, TaintEvaluator } from './taint.js';

export interface EngineOptions {
  program: ts.Program;
  config: PhiConfig;
  /** Directory of phi.config.json: `./path#export` references are relative to it. */
  configDir: string;
  /** Root for relative paths in messages. */
  rootDir: string;
  sinks: readonly SinkEntry[];
  summaries: readonly FlowSummary[];
  /** Taint evaluations allowed per file before the file is reported as partly analysed. */
  budgetPerFile?: number;
  /** Taint evaluations allowed for one sink call before it is reported as partly analysed. */
  budgetPerSink?: number;
  /**
   * The engine of an earlier program of the same project with the same configuration (the editor,
   * after an edit): its answers about what the edit cannot have changed are kept. It must not be
   * used afterwards.
   */
  previous?: PhiEngine;
  /**
   * An engine of the same program whose configuration differs from this one's only in sink policy
   * (sinks, consent, hosts, encrypted storage): the taint evaluation does not depend on those, so
   * both engines use one evaluator and its answers. Takes precedence over `previous`.
   */
  shareEvaluationWith?: PhiEngine;
}

/** The settings the taint evaluation depends on; engines that agree on them can share one (see `shareEvaluationWith`). */
export function evaluationSettingsKey(config: PhiConfig, configDir: string, rootDir: string): string {
  return JSON.stringify([config.phiTypes, config.fhir, config.sanitizers, config.heuristics ?? 'off', config.heuristicCategories ?? null, configDir, rootDir]);
}

export interface FileResult {
  findings: Finding[];
  diagnostics: AnalysisDiagnostic[];
}

/** One program, one configuration: the parts of the analysis wired together, reused across files. */
export class PhiEngine {
  readonly program: ts.Program;
  /** How much of the previous engine's work this one started with (for tests and the benchmark). */
  readonly carried: CarriedWork | undefined;
  /** The checker answering from declarations where flow analysis is off; it counts those answers. */
  private readonly declaredTypes: ts.TypeChecker;
  private readonly callSites: CallSiteIndex;
  private readonly sinkMatcher: CatalogMatcher<SinkEntry>;
  private readonly evaluator: TaintEvaluator;
  private readonly sinkAnalysis: SinkAnalysis;
  private readonly budgetPerFile: number;
  private readonly budgetPerSink: number;
  private readonly rootDir: string;
  /** Answers the checker gave from declarations (see declaredTypes.ts) before the file being analysed. */
  private fallbacksSeen = 0;

  constructor(options: EngineOptions) {
    const { program, config } = options;
    this.declaredTypes = withDeclaredTypes(program.getTypeChecker());
    const checker = withCachedAnswers(this.declaredTypes);
    this.program = program;
    this.rootDir = options.rootDir;
    const shared = options.shareEvaluationWith?.program === program ? options.shareEvaluationWith : undefined;
    const carried = !shared && options.previous ? carryOver(options.previous, program) : undefined;
    this.carried = carried?.work;
    this.budgetPerFile = options.budgetPerFile ?? defaultEvaluationBudget;
    this.budgetPerSink = options.budgetPerSink ?? defaultSinkBudget;
    const resolver = new CalleeResolver(checker);
    this.sinkMatcher = new CatalogMatcher(options.sinks, resolver);
    const callSites = shared?.callSites ?? new CallSiteIndex(program, checker, carried?.calls);
    this.callSites = callSites;
    this.evaluator = shared?.evaluator ?? new TaintEvaluator({
      checker,
      ...(config.heuristics === 'hipaa'
        ? { classifyName: createNameClassifier(nameClassifierOptionsFromConfig(config.heuristicCategories)) }
        : {}),
      oracle: new PhiTypeOracle(checker, config, options.rootDir),
      summaries: new CatalogMatcher(options.summaries, resolver),
      sanitizers: new FunctionRefMatcher(config.sanitizers, checker, options.configDir),
      callSites,
      rootDir: options.rootDir,
    }, this.budgetPerFile, carried?.memo);
    const consent = new ConsentAnalysis(
      new FunctionRefMatcher(config.consentChecks, checker, options.configDir),
      new FunctionRefMatcher(config.consentAssertions, checker, options.configDir),
      checker,
    );
    this.sinkAnalysis = new SinkAnalysis(this.evaluator, consent, callSites, config, checker);
  }

  analyzeFile(sourceFile: ts.SourceFile): FileResult {
    const result = this.analyzeSinks(sourceFile);
    const fallbacks = declaredTypeFallbacks(this.declaredTypes);
    if (fallbacks?.first && fallbacks.count > this.fallbacksSeen) result.diagnostics.push(flowAnalysisDisabled(sourceFile.fileName, fallbacks.first, this.rootDir));
    this.fallbacksSeen = fallbacks?.count ?? 0;
    return result;
  }

  private analyzeSinks(sourceFile: ts.SourceFile): FileResult {
    const findings: Finding[] = [];
    const diagnostics: AnalysisDiagnostic[] = [];
    const reported = new Set<string>();
    this.evaluator.resetBudget(this.budgetPerFile);
    for (const node of syntaxOf(sourceFile).sinkCandidates) {
      for (const site of this.sinkMatcher.match(node)) {
        try {
          this.evaluator.resetSinkBudget(this.budgetPerSink);
          const finding = this.sinkAnalysis.analyze(site);
          if (!finding) continue;
          const key = `${node.pos}:${finding.ruleId}`;
          if (reported.has(key)) continue;
          reported.add(key);
          findings.push(finding);
        } catch (error) {
          if (!(error instanceof BudgetExceededError)) {
            diagnostics.push({
              kind: 'analysis-error',
              message: `could not analyse ${site.callee.text}: ${error instanceof Error ? error.message : String(error)}`,
              file: sourceFile.fileName,
              location: locationOf(node),
            });
            continue;
          }
          if (error.scope === 'sink') {
            const where = functionName(enclosingFunction(node));
            diagnostics.push({
              kind: 'budget-exceeded',
              message: `analysis budget exhausted at ${site.callee.text}${where ? ` in ${where}` : ''}; this call was not fully analysed`,
              file: sourceFile.fileName,
              location: locationOf(node),
            });
            continue;
          }
          diagnostics.push({
            kind: 'budget-exceeded',
            message: 'analysis budget exhausted; the rest of this file was not analysed',
            file: sourceFile.fileName,
            location: locationOf(node),
          });
          return { findings, diagnostics };
        }
      }
    }
    return { findings, diagnostics };
  }

  /** The evaluator's answers, handed to the engine of the next program (see `previous`). */
  get answers(): EvaluationMemo {
    return this.evaluator.answers;
  }

  /** The call index's work, handed to the engine of the next program (see `previous`). */
  carryCallsOver(staleFiles: ReadonlySet<string>): CarriedCalls {
    return this.callSites.carryOver(staleFiles);
  }
}

export interface CarriedWork {
  changedFiles: number;
  staleFiles: number;
  answersKept: number;
  answersDropped: number;
}

/**
 * What an engine for the next program of the same project keeps from the previous engine: the
 * evaluator's answers and the call resolutions that read nothing the change touched. A changed
 * file makes stale itself and every file importing it, directly or not (their types come through
 * their imports), and the callers of every name it calls, since callers are found by name.
 * Changed global scripts, declaration files or compiler options bear on everything: nothing is kept.
 */
function carryOver(previous: PhiEngine, program: ts.Program): { memo: EvaluationMemo; calls: CarriedCalls; work: CarriedWork } | undefined {
  const before = previous.program;
  if (compilerOptionsKey(before) !== compilerOptionsKey(program)) return undefined;
  const oldFiles = new Set(before.getSourceFiles());
  const newFiles = new Set(program.getSourceFiles());
  const changed = [...oldFiles].filter((file) => !newFiles.has(file)).concat([...newFiles].filter((file) => !oldFiles.has(file)));
  const affectsEverything = (file: ts.SourceFile): boolean => file.isDeclarationFile || !ts.isExternalModule(file) || !isOwnFile(program, file);
  if (changed.some(affectsEverything) || changed.length > newFiles.size / 2) return undefined;
  const changedNames = changed.map((file) => file.fileName);
  const staleFiles = new Set([...importersClosure(importGraphOf(before), changedNames), ...importersClosure(importGraphOf(program), changedNames)]);
  const staleNames = new Set(changed.flatMap(calledNamesIn));
  const memo = previous.answers;
  const { kept, dropped } = memo.invalidate(staleFiles, staleNames);
  return {
    memo,
    calls: previous.carryCallsOver(staleFiles),
    work: { changedFiles: new Set(changedNames).size, staleFiles: staleFiles.size, answersKept: kept, answersDropped: dropped },
  };
}

/**
 * TypeScript switched control-flow analysis off (see src/sources/declaredTypes.ts) and this file's
 * analysis read types from declarations: narrowing was not seen. Names where the checker was first
 * found to have given up, which is in or right after the function too large for it.
 */
function flowAnalysisDisabled(file: string, first: ts.Node, rootDir: string): AnalysisDiagnostic {
  const where = functionName(enclosingFunction(first));
  const location = locationOf(first);
  return {
    kind: 'analysis-error',
    message: 'flow analysis disabled by TypeScript; types taken from declarations (TypeScript gave up control-flow analysis, TS2563,'
      + ` first seen ${where ? `in ${where} at ` : 'at '}${describeLocation(location, rootDir)}: a function or module body too large for it;`
      + ' narrowing is not seen in this file; split that function to restore it)',
    file,
  };
}
