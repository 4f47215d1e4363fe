import { ts } from 'ts-morph';
import type { SinkEntry } from '../catalog/types.js';
import type { FlowSummary } from '../catalog/summaryTypes.js';
import type { PhiConfig } from '../config/types.js';
import type { AnalysisDiagnostic, Finding } from '../findings.js';
import { PhiTypeOracle } from '../sources/phiTypes.js';
import { createNameClassifier, nameClassifierOptionsFromConfig } from '../sources/heuristics/classify.js';
import { CalleeResolver } from './callee.js';
import { CallSiteIndex } from './callSites.js';
import { ConsentAnalysis } from './consent.js';
import { FunctionRefMatcher } from './functionRefs.js';
import { locationOf } from './location.js';
import { SinkAnalysis } from './sinkAnalysis.js';
import { CatalogMatcher } from './sinkMatcher.js';
import { enclosingFunction, functionName, walk } from './syntax.js';
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
}

export interface FileResult {
  findings: Finding[];
  diagnostics: AnalysisDiagnostic[];
}

/** One program, one configuration: the parts of the analysis wired together, reused across files. */
export class PhiEngine {
  private readonly checker: ts.TypeChecker;
  private readonly sinkMatcher: CatalogMatcher<SinkEntry>;
  private readonly evaluator: TaintEvaluator;
  private readonly sinkAnalysis: SinkAnalysis;
  private readonly budgetPerFile: number;
  private readonly budgetPerSink: number;

  constructor(options: EngineOptions) {
    const { program, config } = options;
    const checker = program.getTypeChecker();
    this.checker = checker;
    this.budgetPerFile = options.budgetPerFile ?? defaultEvaluationBudget;
    this.budgetPerSink = options.budgetPerSink ?? defaultSinkBudget;
    const resolver = new CalleeResolver(checker);
    this.sinkMatcher = new CatalogMatcher(options.sinks, resolver);
    const callSites = new CallSiteIndex(program, checker);
    this.evaluator = new TaintEvaluator({
      checker,
      ...(config.heuristics === 'hipaa'
        ? { classifyName: createNameClassifier(nameClassifierOptionsFromConfig(config.heuristicCategories)) }
        : {}),
      oracle: new PhiTypeOracle(checker, config, options.rootDir),
      summaries: new CatalogMatcher(options.summaries, resolver),
      sanitizers: new FunctionRefMatcher(config.sanitizers, checker, options.configDir),
      callSites,
      rootDir: options.rootDir,
    }, this.budgetPerFile);
    const consent = new ConsentAnalysis(
      new FunctionRefMatcher(config.consentChecks, checker, options.configDir),
      new FunctionRefMatcher(config.consentAssertions, checker, options.configDir),
      checker,
    );
    this.sinkAnalysis = new SinkAnalysis(this.evaluator, consent, callSites, config, checker);
  }

  analyzeFile(sourceFile: ts.SourceFile): FileResult {
    const findings: Finding[] = [];
    const diagnostics: AnalysisDiagnostic[] = [];
    const reported = new Set<string>();
    this.evaluator.resetBudget(this.budgetPerFile);
    let exhausted = false;
    walk(sourceFile, (node) => {
      if (exhausted) return false;
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
          exhausted = true;
          diagnostics.push({
            kind: 'budget-exceeded',
            message: 'analysis budget exhausted; the rest of this file was not analysed',
            file: sourceFile.fileName,
            location: locationOf(node),
          });
          return false;
        }
      }
      return true;
    });
    return { findings, diagnostics };
  }

  get typeChecker(): ts.TypeChecker {
    return this.checker;
  }
}
