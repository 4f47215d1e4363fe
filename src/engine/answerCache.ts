import ts from '#typescript';

/**
 * A checker that remembers, per node, the two answers the engine asks most. The same callee, root
 * or identifier is asked about by several parts of the analysis (sink matching, callee description,
 * alias forms, taint evaluation), and TypeScript resolves a name in an expression afresh on every
 * `getSymbolAtLocation`, walking the scopes each time. A program never changes, so neither do the
 * answers: on a 4,000-file project about 60 % of these calls repeat an earlier one.
 *
 * The symbol of a property name (`info` in `logger.info`) is looked up on the type of what it is
 * read from. That is what the checker does too, but it first checks the whole access, narrowing
 * `logger.info` as a reference of its own by walking the control flow back from it; the engine
 * wants the declaration, which narrowing does not change, and has usually asked for the type of
 * `logger` already.
 */
export function withCachedAnswers(checker: ts.TypeChecker): ts.TypeChecker {
  const existing = cachingCheckers.get(checker);
  if (existing) return existing;
  const symbols = new Map<ts.Node, ts.Symbol | undefined>();
  const types = new Map<ts.Node, ts.Type>();
  const cached: ts.TypeChecker = Object.create(checker) as ts.TypeChecker;
  cached.getTypeAtLocation = (node: ts.Node): ts.Type => {
    let type = types.get(node);
    if (type === undefined) {
      type = checker.getTypeAtLocation(node);
      types.set(node, type);
    }
    return type;
  };
  const propertyOfReceiver = (name: ts.Node): ts.Symbol | undefined => {
    const access = name.parent;
    if (!access || !ts.isIdentifier(name) || !ts.isPropertyAccessExpression(access) || access.name !== name) return undefined;
    // JavaScript declares by assignment (`module.exports = …`, expandos): the checker knows those symbols.
    if (name.flags & ts.NodeFlags.JavaScriptFile) return undefined;
    const receiver = cached.getTypeAtLocation(access.expression);
    // `any`, `unknown` and unresolved receivers are left to the checker (and its fallbacks).
    if (receiver.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return undefined;
    return checker.getPropertyOfType(checker.getApparentType(checker.getNonNullableType(receiver)), name.text);
  };
  cached.getSymbolAtLocation = (node: ts.Node): ts.Symbol | undefined => {
    if (symbols.has(node)) return symbols.get(node);
    const symbol = propertyOfReceiver(node) ?? checker.getSymbolAtLocation(node);
    symbols.set(node, symbol);
    return symbol;
  };
  cachingCheckers.set(checker, cached);
  return cached;
}

/** One cache per checker, so engines sharing a program (see `shareEvaluationWith`) share the answers too. */
const cachingCheckers = new WeakMap<ts.TypeChecker, ts.TypeChecker>();
