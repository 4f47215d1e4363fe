import ts from '#typescript';
import { skipOuter } from './syntax.js';

/** Where a URL points, as far as the code says statically. */
export type UrlTarget =
  | { kind: 'absolute'; host: string }
  | { kind: 'relative' }
  | { kind: 'unknown' };

interface StaticText {
  text: string;
  /** False when only a prefix is known (`${base}/x` with an unknown tail). */
  complete: boolean;
}

const maxDepth = 6;

/** Resolves URLs from literals, constants, template literals with a constant prefix, `+` and `new URL(path, base)`. */
export class HostResolver {
  constructor(private readonly checker: ts.TypeChecker) {}

  /** `isHost`: the expression holds a bare host name (`partner.example.com`) rather than a URL. */
  resolve(expression: ts.Expression, isHost = false): UrlTarget {
    const text = this.staticText(expression, 0);
    if (isHost && text && !text.text.includes('//')) return targetOf({ text: `//${text.text}`, complete: text.complete });
    return targetOf(text);
  }

  private staticText(expression: ts.Expression, depth: number): StaticText | undefined {
    if (depth > maxDepth) return undefined;
    const node = skipOuter(expression);
    if (ts.isStringLiteralLike(node)) return { text: node.text, complete: true };
    if (ts.isTemplateExpression(node)) {
      let text = node.head.text;
      for (const span of node.templateSpans) {
        const part = this.staticText(span.expression, depth + 1);
        if (!part) return { text, complete: false };
        text += part.text;
        if (!part.complete) return { text, complete: false };
        text += span.literal.text;
      }
      return { text, complete: true };
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const left = this.staticText(node.left, depth + 1);
      if (!left) return undefined;
      if (!left.complete) return left;
      const right = this.staticText(node.right, depth + 1);
      return right ? { text: left.text + right.text, complete: right.complete } : { text: left.text, complete: false };
    }
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL') {
      const [input, base] = node.arguments ?? [];
      const inputText = input ? this.staticText(input, depth + 1) : undefined;
      if (inputText && targetOf(inputText).kind === 'absolute') return inputText;
      return base ? this.staticText(base, depth + 1) : inputText;
    }
    if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) {
      const initializer = this.constantInitializer(node);
      return initializer ? this.staticText(initializer, depth + 1) : undefined;
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'toString') {
      return this.staticText(node.expression.expression, depth + 1);
    }
    return undefined;
  }

  /** The initializer of a `const`, or of a property of a `const` object literal, across files. */
  private constantInitializer(node: ts.Identifier | ts.PropertyAccessExpression): ts.Expression | undefined {
    let symbol = this.checker.getSymbolAtLocation(ts.isPropertyAccessExpression(node) ? node.name : node);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    const declaration = symbol?.valueDeclaration;
    if (!declaration) return undefined;
    if (ts.isVariableDeclaration(declaration)) {
      const isConst = (ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) !== 0;
      return isConst ? declaration.initializer : undefined;
    }
    if (ts.isPropertyAssignment(declaration)) return declaration.initializer;
    if (ts.isPropertyDeclaration(declaration) && declaration.initializer && hasReadonly(declaration)) return declaration.initializer;
    return undefined;
  }
}

function hasReadonly(declaration: ts.PropertyDeclaration): boolean {
  return ts.getModifiers(declaration)?.some((m) => m.kind === ts.SyntaxKind.ReadonlyKeyword) ?? false;
}


export function targetOf(value: StaticText | undefined): UrlTarget {
  if (!value) return { kind: 'unknown' };
  const text = value.text.trim();
  const absolute = /^(?:[a-z][a-z0-9+.-]*:)?\/\/([^/?#:@]+(?:@[^/?#:]+)?)(.?)/i.exec(text);
  if (absolute) {
    const host = (absolute[1] ?? '').split('@').pop() ?? '';
    const hostEnded = absolute[2] !== '' || value.complete;
    return host && hostEnded ? { kind: 'absolute', host: host.toLowerCase() } : { kind: 'unknown' };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return { kind: 'unknown' };
  if (text === '') return value.complete ? { kind: 'relative' } : { kind: 'unknown' };
  return { kind: 'relative' };
}

/** `api.example.org` matches itself; `*.example.org` matches any subdomain of example.org. */
export function isTrustedHost(host: string, trustedHosts: readonly string[]): boolean {
  const wanted = host.toLowerCase();
  return trustedHosts.some((pattern) => {
    const normalized = pattern.toLowerCase();
    if (normalized.startsWith('*.')) return wanted.endsWith(normalized.slice(1));
    return wanted === normalized;
  });
}
