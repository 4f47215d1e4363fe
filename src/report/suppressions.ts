import path from 'node:path';
import ts from '#typescript';

/**
 * ESLint's disable comments, read the way ESLint reads them, so that the command line and the
 * ESLint rules agree on what is suppressed:
 *
 * - `// eslint-disable-next-line phi/no-logging -- reason` (or the block-comment form on one
 *   line) suppresses the named rules on the next line;
 * - `// eslint-disable-line …` suppresses them on its own line;
 * - `/* eslint-disable … *\/` suppresses them from there to a matching `/* eslint-enable … *\/`
 *   or the end of the file.
 *
 * Rules are comma-separated; without a rule list every rule is suppressed. The reason follows two
 * or more dashes surrounded by spaces. Only real comments count: the text inside strings,
 * templates and JSX text is never read as a directive.
 */
export interface Directive {
  type: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  /** The rules named; undefined when none are (all rules). */
  rules?: string[];
  justification?: string;
  /** Where the comment starts, 1-based. */
  line: number;
  column: number;
}

const DIRECTIVE = /^(eslint-disable-next-line|eslint-disable-line|eslint-disable|eslint-enable)(?:\s+([\s\S]*))?$/;

/** The directives in a file's comments, in order. */
export function parseDirectives(fileName: string, text: string): Directive[] {
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKind(fileName));
  const directives: Directive[] = [];
  for (const comment of comments(sourceFile)) {
    const isLine = comment.kind === ts.SyntaxKind.SingleLineCommentTrivia;
    const body = isLine ? text.slice(comment.pos + 2, comment.end) : text.slice(comment.pos + 2, comment.end - 2);
    const match = DIRECTIVE.exec(body.trim());
    if (!match) continue;
    const type = match[1]!.slice('eslint-'.length) as Directive['type'];
    // ESLint reads only the two line-scoped directives from `//` comments.
    if (isLine && type !== 'disable-line' && type !== 'disable-next-line') continue;
    const start = sourceFile.getLineAndCharacterOfPosition(comment.pos);
    const end = sourceFile.getLineAndCharacterOfPosition(comment.end);
    // ESLint ignores a line-scoped directive in a block comment that spans lines.
    if (type !== 'disable' && type !== 'enable' && start.line !== end.line) continue;
    const [value = '', ...reason] = (match[2] ?? '').split(/\s-{2,}\s/);
    const rules = value
      .split(',')
      .map((rule) => rule.trim())
      .filter((rule) => rule !== '');
    const justification = reason.join(' -- ').trim();
    directives.push({
      type,
      ...(rules.length > 0 ? { rules } : {}),
      ...(justification !== '' ? { justification } : {}),
      line: start.line + 1,
      column: start.character + 1,
    });
  }
  return directives;
}

/** The directive that suppresses `ruleId` at a position, if any. */
export function findSuppression(
  directives: readonly Directive[],
  ruleId: string,
  position: { line: number; column: number },
): Directive | undefined {
  const names = (d: Directive): boolean => d.rules === undefined || d.rules.includes(ruleId);
  for (const directive of directives) {
    if (directive.type === 'disable-next-line' && directive.line + 1 === position.line && names(directive)) return directive;
    if (directive.type === 'disable-line' && directive.line === position.line && names(directive)) return directive;
  }
  let active: Directive | undefined;
  for (const directive of directives) {
    if (directive.type !== 'disable' && directive.type !== 'enable') continue;
    if (directive.line > position.line || (directive.line === position.line && directive.column > position.column)) break;
    if (!names(directive)) continue;
    active = directive.type === 'disable' ? directive : undefined;
  }
  return active;
}

function scriptKind(fileName: string): ts.ScriptKind {
  switch (path.extname(fileName).toLowerCase()) {
    case '.tsx':
      return ts.ScriptKind.TSX;
    case '.jsx':
      return ts.ScriptKind.JSX;
    case '.js':
    case '.mjs':
    case '.cjs':
      return ts.ScriptKind.JS;
    default:
      return ts.ScriptKind.TS;
  }
}

/**
 * Every comment of the file, each once, in order: the comments before each token, found from the
 * tokens the parser made, so that JSX text and template contents are never mistaken for comments.
 */
function comments(sourceFile: ts.SourceFile): ts.CommentRange[] {
  const found = new Map<number, ts.CommentRange>();
  const text = sourceFile.text;
  const stack: ts.Node[] = [sourceFile];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) continue;
    if (node.kind === ts.SyntaxKind.JsxText) continue;
    const children = node.getChildren(sourceFile);
    if (children.length === 0) {
      // A comment on the line where the trivia starts counts as the previous token's trailing comment.
      for (const range of ts.getTrailingCommentRanges(text, node.pos) ?? []) found.set(range.pos, range);
      for (const range of ts.getLeadingCommentRanges(text, node.pos) ?? []) found.set(range.pos, range);
      continue;
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return [...found.values()].sort((a, b) => a.pos - b.pos);
}
