import ts from '#typescript';

export const phiTag = 'phi';
export const notPhiTag = 'notPhi';
export const sanitizerTag = 'phiSanitizer';

/** Every tag the analyzer reads. */
const phiTags = [phiTag, notPhiTag, sanitizerTag];

/** Whether the text spells any tag the analyzer reads: if not, no declaration in it carries one. */
export function mentionsPhiTag(text: string): boolean {
  return phiTags.some((name) => text.includes(`@${name}`));
}

/**
 * Whether a JSDoc tag with this name is attached to the declaration (or, for variables, to its
 * statement). The compiler does not attach a JSDoc comment that shares a line with an earlier
 * member (`{ id: string; /** @phi *\/ notes: string }`) or sits inside a parameter list, so the
 * comments right before the node are read too.
 */
export function hasJsDocTag(node: ts.Node, tagName: string): boolean {
  // Most declarations asked about (TypeScript's libs, @types packages, most of a project's files)
  // sit in files that never spell the tag: their comments need not be read.
  if (!mentionsTag(node.getSourceFile(), tagName)) return false;
  let names = tagNamesByNode.get(node);
  if (!names) {
    names = tagNamesOf(node);
    tagNamesByNode.set(node, names);
  }
  return names.has(tagName);
}

/** Whether `@tagName` occurs anywhere in the file's text, per file and tag. */
function mentionsTag(sourceFile: ts.SourceFile, tagName: string): boolean {
  let mentions = tagMentionsByFile.get(sourceFile);
  if (!mentions) tagMentionsByFile.set(sourceFile, mentions = new Map());
  let found = mentions.get(tagName);
  if (found === undefined) mentions.set(tagName, found = sourceFile.text.includes(`@${tagName}`));
  return found;
}

const tagMentionsByFile = new WeakMap<ts.SourceFile, Map<string, boolean>>();

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
