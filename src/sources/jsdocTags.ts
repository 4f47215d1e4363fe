import ts from '#typescript';

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
  let names = tagNamesByNode.get(node);
  if (!names) {
    names = tagNamesOf(node);
    tagNamesByNode.set(node, names);
  }
  return names.has(tagName);
}

/** A node's tag names, read once: declarations are asked about many times, for several tags. */
const tagNamesByNode = new WeakMap<ts.Node, ReadonlySet<string>>();

function tagNamesOf(node: ts.Node): ReadonlySet<string> {
  const names = new Set(ts.getJSDocTags(node).map((tag) => tag.tagName.text));
  const sourceFile = node.getSourceFile();
  const trivia = sourceFile.text.slice(node.getFullStart(), node.getStart(sourceFile));
  if (!trivia.includes('/**')) return names;
  for (const comment of trivia.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
    for (const [, name] of comment.matchAll(/@([\w-]+)/g)) if (name) names.add(name);
  }
  return names;
}

export function declarationHasTag(declarations: readonly ts.Declaration[] | undefined, tagName: string): ts.Declaration | undefined {
  return declarations?.find((declaration) => hasJsDocTag(declaration, tagName));
}
