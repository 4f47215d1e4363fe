import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleContext, RuleFix, RuleFixer, SourceCode, SuggestionReportDescriptor } from '@typescript-eslint/utils/ts-eslint';
import { describeLocation } from '../engine/location.js';
import type { Finding, SinkCategory, SourceLocation } from '../findings.js';
import { analyseLintedFile, type AnalysisContext } from './fileAnalysis.js';
import type { RuleOptions } from './ruleOptions.js';
import { sanitizerNamesInScope } from './sanitizers.js';

export const suggestionMessageId = 'wrapInSanitizer';

/** The message every rule words its findings with: the PHI, why it is PHI, the sink, then the trace. */
export const findingMessage = '{{phi}} (PHI: {{reason}}) reaches {{sink}}{{trace}}';
export const suggestionMessage = 'Wrap the argument in {{sanitizer}}(…), a configured sanitizer.';
export const analysisFailedMessageId = 'analysisFailed';
/** The rules' message for it: the text is worded here, by what went wrong. */
export const analysisFailedTemplate = '{{problem}}';
/** One problem instead of an exception: a bad phi.config.json or tsconfig must not break the editor. */
export const analysisFailedMessage = 'eslint-plugin-phi could not analyse this file: {{problem}}';
export const partlyAnalysedMessage = 'eslint-plugin-phi analysed this file only in part ({{problem}}); PHI flows past that point may be missing';

/** The lints (by their AST) whose failure one rule has already reported, so the four rules report it once. */
const failureReported = new WeakSet<object>();

type PhiContext<MessageId extends string> = Readonly<RuleContext<MessageId | typeof suggestionMessageId | typeof analysisFailedMessageId, [RuleOptions]>>;

/** Reports the findings of `category` in the linted file, at each sink call. */
export function reportCategory<MessageId extends string>(
  context: PhiContext<MessageId>,
  options: RuleOptions,
  category: SinkCategory,
  messageId: MessageId,
): void {
  const { sourceCode } = context;
  let analysis: ReturnType<typeof analyseLintedFile>;
  try {
    analysis = analyseLintedFile(context as unknown as AnalysisContext, options, category);
  } catch (error) {
    reportOnce(context, analysisFailedMessage.replace('{{problem}}', describeError(error)));
    return;
  }
  if (!analysis) return;
  const partial = analysis.diagnostics.filter((d) => d.kind === 'budget-exceeded' || d.kind === 'analysis-error');
  if (partial.length > 0) reportOnce(context, partlyAnalysedMessage.replace('{{problem}}', partial.map((d) => d.message).join('; ')));
  for (const finding of analysis.findings) {
    if (finding.category !== category) continue;
    const data = {
      phi: finding.source.name,
      reason: finding.source.reason,
      sink: finding.sink.host ? `${finding.sink.callee} at ${finding.sink.host}` : finding.sink.callee,
      trace: traceText(finding, analysis.settings.rootDir),
    };
    const node = nodeAt(sourceCode, finding.sink.location);
    if (!node) {
      context.report({ loc: eslintLocation(finding.sink.location), messageId, data });
      continue;
    }
    const suggest = sanitizerSuggestions(context, node, finding, analysis.settings.config.sanitizers, analysis.settings.configDir);
    context.report({ node, messageId, data, ...(suggest.length > 0 ? { suggest } : {}) });
  }
}

function reportOnce<MessageId extends string>(context: PhiContext<MessageId>, problem: string): void {
  const ast = context.sourceCode.ast;
  if (failureReported.has(ast)) return;
  failureReported.add(ast);
  context.report({ loc: { line: 1, column: 0 }, messageId: analysisFailedMessageId, data: { problem } });
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s*\n\s*/g, '; ');
}

/** The trace, one step a line, after the first line of the message. */
function traceText(finding: Finding, rootDir: string): string {
  return finding.trace
    .map((step, index) => `\n  ${index + 1}. ${describeLocation(step.location, rootDir)} \`${step.code}\`: ${step.message}`)
    .join('');
}

function eslintLocation(location: SourceLocation): TSESTree.SourceLocation {
  return {
    start: { line: location.line, column: location.column - 1 },
    end: { line: location.endLine, column: location.endColumn - 1 },
  };
}

/** The ESTree node spanning exactly the analyzer's sink node: the call, `new` or assignment. */
function nodeAt(sourceCode: Readonly<SourceCode>, location: SourceLocation): TSESTree.Node | undefined {
  let start: number;
  let end: number;
  try {
    start = sourceCode.getIndexFromLoc({ line: location.line, column: location.column - 1 });
    end = sourceCode.getIndexFromLoc({ line: location.endLine, column: location.endColumn - 1 });
  } catch {
    return undefined;
  }
  let node: TSESTree.Node | null | undefined = sourceCode.getNodeByRangeIndex(start);
  while (node && !(node.range[0] === start && node.range[1] === end)) node = node.parent;
  return node ?? undefined;
}

/** Expressions a sanitizer call can wrap without changing what the code means beyond the value. */
const wrappable = new Set<string>([
  'Identifier', 'MemberExpression', 'CallExpression', 'TemplateLiteral', 'BinaryExpression', 'ConditionalExpression',
  'LogicalExpression', 'AwaitExpression', 'TSAsExpression', 'TSNonNullExpression', 'ChainExpression',
]);

/**
 * Suggests wrapping the value that carries the PHI in a configured sanitizer, where that is safe: the
 * value is one whole argument (or the assigned value), and the sanitizer is in scope at the sink, by
 * its name or through an existing import of its module.
 */
function sanitizerSuggestions<MessageId extends string>(
  context: PhiContext<MessageId>,
  sink: TSESTree.Node,
  finding: Finding,
  sanitizers: readonly string[],
  configDir: string,
): SuggestionReportDescriptor<MessageId | typeof suggestionMessageId>[] {
  if (sanitizers.length === 0) return [];
  const value = valueCarryingPhi(context.sourceCode, sink, finding);
  if (!value || !wrappable.has(value.type)) return [];
  const text = context.sourceCode.getText(value);
  return sanitizerNamesInScope(context, sink, sanitizers, configDir).map((sanitizer) => ({
    messageId: suggestionMessageId,
    data: { sanitizer },
    fix: (fixer: RuleFixer): RuleFix => fixer.replaceText(value, `${sanitizer}(${text})`),
  }));
}

/** The argument the trace enters the sink through (the step before the sink lies inside it). */
function valueCarryingPhi(sourceCode: Readonly<SourceCode>, sink: TSESTree.Node, finding: Finding): TSESTree.Node | undefined {
  if (sink.type === 'AssignmentExpression') return sink.right;
  if (sink.type !== 'CallExpression' && sink.type !== 'NewExpression') return undefined;
  const before = finding.trace[finding.trace.length - 2];
  if (!before || before.location.file !== finding.sink.location.file) return undefined;
  let index: number;
  try {
    index = sourceCode.getIndexFromLoc({ line: before.location.line, column: before.location.column - 1 });
  } catch {
    return undefined;
  }
  return sink.arguments.find((argument) => argument.range[0] <= index && index < argument.range[1]);
}
