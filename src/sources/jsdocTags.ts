import { ts } from 'ts-morph';

export const phiTag = 'phi';
export const notPhiTag = 'notPhi';
export const sanitizerTag = 'phiSanitizer';

/** Whether a JSDoc tag with this name is attached to the declaration (or, for variables, to its statement). */
export function hasJsDocTag(node: ts.Node, tagName: string): boolean {
  for (const tag of ts.getJSDocTags(node)) {
    if (tag.tagName.text === tagName) return true;
  }
  // An inline comment on a parameter or property is attached to the node itself.
  const jsDoc = (node as { jsDoc?: ts.JSDoc[] }).jsDoc;
  if (jsDoc) {
    for (const doc of jsDoc) {
      for (const tag of doc.tags ?? []) {
        if (tag.tagName.text === tagName) return true;
      }
    }
  }
  return false;
}

export function declarationHasTag(declarations: readonly ts.Declaration[] | undefined, tagName: string): ts.Declaration | undefined {
  return declarations?.find((declaration) => hasJsDocTag(declaration, tagName));
}
