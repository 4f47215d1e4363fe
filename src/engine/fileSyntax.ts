import ts from '#typescript';
import { walk } from './syntax.js';

export type CallSite = ts.CallExpression | ts.NewExpression;

/** A node that can be a sink: a call, a construction, or an assignment to a member (`document.cookie = …`). */
export type SinkCandidate = ts.CallExpression | ts.NewExpression | ts.BinaryExpression;

/** What the analysis looks up in a file's syntax, gathered by one walk. */
export interface FileSyntax {
  /** The file's calls, bucketed by the name they use. */
  callsByName: Map<string, CallSite[]>;
  /** `import { save as persist }`, `export { default as auditLog }`: original name → local name. */
  renames: [string, string][];
  /** The nodes that can be sinks, in source order. */
  sinkCandidates: SinkCandidate[];
}

/**
 * Kept per SourceFile object: TypeScript reuses unchanged files when it builds the next program, so
 * an edit re-walks only the edited file; and the call index and the sink search share the walk.
 */
const syntaxByFile = new WeakMap<ts.SourceFile, FileSyntax>();

export function syntaxOf(sourceFile: ts.SourceFile): FileSyntax {
  let syntax = syntaxByFile.get(sourceFile);
  if (syntax) return syntax;
  const callsByName = new Map<string, CallSite[]>();
  const renames: [string, string][] = [];
  const sinkCandidates: SinkCandidate[] = [];
  walk(sourceFile, (node) => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      sinkCandidates.push(node);
      const name = calledName(node.expression);
      if (name) {
        const list = callsByName.get(name);
        if (list) list.push(node);
        else callsByName.set(name, [node]);
      }
    } else if (ts.isBinaryExpression(node)) {
      if (node.operatorToken.kind === ts.SyntaxKind.EqualsToken && (ts.isPropertyAccessExpression(node.left) || ts.isElementAccessExpression(node.left))) {
        sinkCandidates.push(node);
      }
    } else if (ts.isImportClause(node)) {
      if (node.name) renames.push(['default', node.name.text]);
    } else if ((ts.isImportSpecifier(node) || ts.isExportSpecifier(node)) && node.propertyName) {
      renames.push([node.propertyName.text, node.name.text]);
    }
  });
  syntax = { callsByName, renames, sinkCandidates };
  syntaxByFile.set(sourceFile, syntax);
  return syntax;
}

function calledName(callee: ts.Expression): string | undefined {
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}
