import { ts } from 'ts-morph';

export const phiTag = 'phi';
export const notPhiTag = 'notPhi';
export const sanitizerTag = 'phiSanitizer';

/**
 * Whether a JSDoc tag with this name is attached to the declaration (or, for variables, to its
 * statement). The compiler does not attach a JSDoc comment that shares a line with an earlier
 * member (`{ id: string; /** @phi *\/ notes: string }`) or sits inside a parameter list, so the
 * comments right before the node are read too.
 */
export function hasJsDocTag(node: ts.Node, tagName: string): boolean {
  for (const tag of ts.getJSDocTags(node)) {
    if (tag.tagName.text === tagName) return true;
  }
  const sourceFile = node.getSourceFile();
  const trivia = sourceFile.text.slice(node.getFullStart(), node.getStart(sourceFile));
  if (!trivia.includes('/**')) return false;
  const pattern = new RegExp(`@${tagName}(?![\\w-])`);
  return (trivia.match(/\/\*\*[\s\S]*?\*\//g) ?? []).some((comment) => pattern.test(comment));
}

export function declarationHasTag(declarations: readonly ts.Declaration[] | undefined, tagName: string): ts.Declaration | undefined {
  return declarations?.find((declaration) => hasJsDocTag(declaration, tagName));
}
