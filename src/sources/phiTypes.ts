import ts from '#typescript';
import type { PhiSource } from '../findings.js';
import type { PhiConfig } from '../config/types.js';
import { describeLocation, locationOf } from '../engine/location.js';
import { isFhirDeclarationFile, nonPhiFhirElements, personFhirResources } from './fhirResources.js';
import { declarationHasTag, notPhiTag, phiTag } from './jsdocTags.js';

/** What reading one property of a value gives. */
export type PropertyVerdict =
  | { kind: 'excluded' }
  | { kind: 'phi'; source: PhiSource; type?: ts.Type | undefined }
  | { kind: 'plain'; type: ts.Type | undefined };

const brandPropertyPrefix = '__@phiBrand@';
const maxContainmentDepth = 3;
const maxPropertiesInspected = 150;
const containerTypeNames = new Set([
  'Array', 'ReadonlyArray', 'Promise', 'PromiseLike', 'Set', 'ReadonlySet', 'Map', 'ReadonlyMap',
  'Partial', 'Required', 'Readonly', 'Pick', 'Omit', 'NonNullable', 'Awaited', 'Record', 'WeakMap', 'WeakSet',
]);

/**
 * Decides, through the checker, which types and properties hold PHI: JSDoc `@phi` / `@notPhi`,
 * the `Phi<T>` brand, `phiTypes` from the configuration and FHIR resources.
 */
export class PhiTypeOracle {
  private readonly typeCache = new Map<ts.Type, PhiSource | null>();
  private readonly containsCache = new Map<ts.Type, PhiSource | null>();
  private readonly symbolCache = new Map<ts.Symbol, PhiSource | null>();
  private readonly simplePhiTypeNames: Set<string>;
  private readonly qualifiedPhiTypeNames: string[];

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly config: PhiConfig,
    private readonly rootDir: string,
  ) {
    this.simplePhiTypeNames = new Set(config.phiTypes.filter((name) => !name.includes('.')));
    this.qualifiedPhiTypeNames = config.phiTypes.filter((name) => name.includes('.'));
  }

  /** The type itself is PHI (not merely containing a PHI property). */
  sourceOfType(type: ts.Type): PhiSource | undefined {
    const cached = this.typeCache.get(type);
    if (cached !== undefined) return cached ?? undefined;
    this.typeCache.set(type, null); // breaks cycles through recursive types
    const found = this.computeTypeSource(type);
    this.typeCache.set(type, found ?? null);
    return found;
  }

  /** The type is PHI or has a property, at any depth up to a few levels, that is. */
  sourceContainedIn(type: ts.Type, depth = 0): PhiSource | undefined {
    const own = this.sourceOfType(type);
    if (own) return own;
    if (depth >= maxContainmentDepth) return undefined;
    const cached = this.containsCache.get(type);
    if (cached !== undefined) return cached ?? undefined;
    this.containsCache.set(type, null);
    let found: PhiSource | undefined;
    if (type.isUnionOrIntersection()) {
      found = firstByName(type.types.map((member) => this.sourceContainedIn(member, depth)));
    } else if (this.isInspectableObject(type)) {
      for (const argument of this.typeArgumentsOf(type)) {
        found = this.sourceContainedIn(argument, depth + 1);
        if (found) break;
      }
      if (!found && this.isDeclaredInProject(type)) {
        const properties = this.checker.getPropertiesOfType(type).slice(0, maxPropertiesInspected);
        for (const property of properties) {
          if (declarationHasTag(property.declarations, notPhiTag)) continue;
          const tagged = this.taggedPropertySource(property) ?? this.ownerSource(property);
          if (tagged) {
            found = tagged;
            break;
          }
          if (property.flags & ts.SymbolFlags.Method) continue;
          found = this.sourceContainedIn(this.checker.getTypeOfSymbol(property), depth + 1);
          if (found) break;
        }
      }
    }
    this.containsCache.set(type, found ?? null);
    return found;
  }

  /** What a read of `name` from a value of `parentType` gives. */
  property(parentType: ts.Type, name: string): PropertyVerdict {
    const property = this.checker.getPropertyOfType(this.checker.getApparentType(parentType), name)
      ?? this.propertyOfConstituents(parentType, name);
    const element = this.elementTypeOf(parentType);
    if (element || this.checker.isTupleType(this.checker.getNonNullableType(parentType))) {
      // A container is not PHI itself: `records[0].id` and `(await load()).id` read the element.
      if (property) return { kind: 'plain', type: this.checker.getTypeOfSymbol(property) };
      const isPromise = /^Promise/.test(this.checker.getNonNullableType(parentType).getSymbol()?.getName() ?? '');
      if (element && !isPromise && /^\d+$/.test(name)) return { kind: 'plain', type: element };
      if (element) return this.property(element, name);
    }
    if (property && declarationHasTag(property.declarations, notPhiTag)) return { kind: 'excluded' };
    if (property && nonPhiFhirElements.has(name) && property.declarations?.some((d) => this.isFhirDeclaration(d))) {
      return { kind: 'excluded' };
    }
    const propertyType = property ? this.checker.getTypeOfSymbol(property) : undefined;
    if (property) {
      const tagged = this.taggedPropertySource(property) ?? this.ownerSource(property);
      if (tagged) return { kind: 'phi', source: tagged, type: propertyType };
    }
    const parentSource = this.sourceOfOwners(parentType, name);
    if (parentSource) {
      return { kind: 'phi', source: { ...parentSource, name: `${parentSource.name}.${name}` }, type: propertyType };
    }
    return { kind: 'plain', type: propertyType };
  }

  /**
   * The parent is PHI for this property: for a union, only the members that have the property
   * count (`resource.issue` on a Bundle entry is an OperationOutcome's, not a Patient's).
   */
  private sourceOfOwners(parentType: ts.Type, name: string): PhiSource | undefined {
    const nonNullable = this.checker.getNonNullableType(parentType);
    if (!nonNullable.isUnion()) return this.sourceOfType(nonNullable);
    return firstByName(nonNullable.types
      .filter((member) => this.checker.getPropertyOfType(this.checker.getApparentType(member), name))
      .map((member) => this.sourceOfType(member)));
  }

  /** The element of an array, tuple, set or promise: reading `x[0].name` or `(await x).name` reads it. */
  elementTypeOf(type: ts.Type): ts.Type | undefined {
    const nonNullable = this.checker.getNonNullableType(type);
    const name = nonNullable.getSymbol()?.getName();
    if (!name || !containerTypeNames.has(name)) return undefined;
    const args = this.typeArgumentsOf(nonNullable);
    return name.endsWith('Map') ? args[1] : args[0];
  }

  /** Follows a property path from a type; the value at the end of it is PHI or holds PHI. */
  sourceAlongPath(type: ts.Type, path: readonly string[]): PhiSource | undefined {
    let current: ts.Type | undefined = type;
    let readFrom: string | undefined;
    for (const [index, name] of path.entries()) {
      if (!current) return undefined;
      const verdict = this.property(current, name);
      if (verdict.kind === 'excluded') return undefined;
      if (verdict.kind === 'phi') return this.isExcludedFurther(verdict.type, path.slice(index + 1)) ? undefined : verdict.source;
      if (!/^\d+$/.test(name)) readFrom = `${this.typeName(current) ?? 'value'}.${name}`;
      current = verdict.type;
    }
    const found = current ? this.sourceContainedIn(current) : undefined;
    // `profile.mrn` typed `Phi<string>`: name the property, not the brand.
    return found && found.kind === 'brand' && readFrom ? { ...found, name: readFrom } : found;
  }

  /** `bundle.entry[0].resource.id`: PHI above, but the rest of the path ends in a carved-out element. */
  private isExcludedFurther(type: ts.Type | undefined, rest: readonly string[]): boolean {
    let current = type;
    for (const name of rest) {
      if (!current) return false;
      const verdict = this.property(current, name);
      if (verdict.kind === 'excluded') return true;
      current = verdict.type;
    }
    return false;
  }

  private typeName(type: ts.Type): string | undefined {
    const nonNullable = this.checker.getNonNullableType(type);
    const symbol = nonNullable.aliasSymbol ?? nonNullable.getSymbol();
    const name = symbol?.getName();
    return name && !name.startsWith('__') ? name : undefined;
  }

  /** PHI declared in a type annotation: catches `@phi` aliases of primitives, which the checker erases. */
  sourceOfTypeNode(typeNode: ts.TypeNode | undefined): PhiSource | undefined {
    if (!typeNode) return undefined;
    if (ts.isTypeReferenceNode(typeNode)) {
      let symbol = this.checker.getSymbolAtLocation(typeNode.typeName);
      if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
      if (symbol) {
        if (symbol.getName() === 'Phi' && symbol.declarations?.some((d) => /eslint-plugin-phi|[\\/]types[\\/]index\.d\.ts$/.test(d.getSourceFile().fileName))) {
          return this.brandSource(symbol);
        }
        const own = this.sourceOfSymbol(symbol);
        if (own) return own;
      }
      for (const argument of typeNode.typeArguments ?? []) {
        const found = this.sourceOfTypeNode(argument);
        if (found) return found;
      }
      return undefined;
    }
    if (ts.isUnionTypeNode(typeNode) || ts.isIntersectionTypeNode(typeNode)) {
      for (const member of typeNode.types) {
        const found = this.sourceOfTypeNode(member);
        if (found) return found;
      }
      return undefined;
    }
    if (ts.isArrayTypeNode(typeNode)) return this.sourceOfTypeNode(typeNode.elementType);
    if (ts.isParenthesizedTypeNode(typeNode) || ts.isTypeOperatorNode(typeNode)) return this.sourceOfTypeNode(typeNode.type);
    return undefined;
  }

  private computeTypeSource(type: ts.Type): PhiSource | undefined {
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never)) return undefined;
    for (const symbol of [type.aliasSymbol, type.getSymbol()]) {
      if (!symbol) continue;
      const found = this.sourceOfSymbol(symbol);
      if (found) return found;
    }
    if (type.isUnionOrIntersection()) return firstByName(type.types.map((member) => this.sourceOfType(member)));
    if (type.isClassOrInterface()) {
      // A type that extends a PHI type is PHI: `interface Intake extends Patient`.
      for (const base of this.checker.getBaseTypes(type)) {
        const found = this.sourceOfType(base);
        if (found) return found;
      }
    }
    if (type.aliasSymbol && containerTypeNames.has(type.aliasSymbol.getName())) {
      const first = type.aliasTypeArguments?.[0];
      if (first) return this.sourceOfType(first);
    }
    if (type.flags & ts.TypeFlags.Object) {
      const brand = this.checker.getPropertiesOfType(type).find((p) => p.escapedName.toString().startsWith(brandPropertyPrefix));
      if (brand) {
        const alias = type.aliasSymbol?.getName();
        const source = this.brandSource(brand);
        return alias && alias !== 'Phi' ? { ...source, name: alias } : source;
      }
      const symbolName = type.getSymbol()?.getName();
      if (symbolName && containerTypeNames.has(symbolName)) {
        for (const argument of this.typeArgumentsOf(type)) {
          const found = this.sourceOfType(argument);
          if (found) return found;
        }
      }
      if ((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Tuple || this.checker.isTupleType(type)) {
        for (const argument of this.typeArgumentsOf(type)) {
          const found = this.sourceOfType(argument);
          if (found) return found;
        }
      }
    }
    return undefined;
  }

  private sourceOfSymbol(symbol: ts.Symbol): PhiSource | undefined {
    const cached = this.symbolCache.get(symbol);
    if (cached !== undefined) return cached ?? undefined;
    const found = this.computeSymbolSource(symbol);
    this.symbolCache.set(symbol, found ?? null);
    return found;
  }

  private computeSymbolSource(symbol: ts.Symbol): PhiSource | undefined {
    const declarations = symbol.declarations ?? [];
    const typeLike = ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Class | ts.SymbolFlags.Enum | ts.SymbolFlags.EnumMember;
    if (!(symbol.flags & typeLike)) return undefined;
    if (symbol.flags & ts.SymbolFlags.EnumMember) {
      const enumDeclaration = declarations[0]?.parent;
      const enumSymbol = enumDeclaration && ts.isEnumDeclaration(enumDeclaration) ? this.checker.getSymbolAtLocation(enumDeclaration.name) : undefined;
      return enumSymbol ? this.sourceOfSymbol(enumSymbol) : undefined;
    }
    const name = symbol.getName();
    const tagged = declarationHasTag(declarations, phiTag);
    if (tagged) {
      const location = locationOf(tagged);
      return { kind: 'type-tag', name, reason: `@phi in ${describeLocation(location, this.rootDir)}`, declaration: location };
    }
    if (this.simplePhiTypeNames.has(name) || this.matchesQualifiedName(symbol)) {
      const declaration = declarations[0];
      return {
        kind: 'config-type',
        name,
        reason: 'phiTypes in phi.config.json',
        ...(declaration ? { declaration: locationOf(declaration) } : {}),
      };
    }
    if (this.config.fhir && personFhirResources.has(name) && declarations.some((d) => this.isFhirDeclaration(d))) {
      return { kind: 'fhir', name, reason: `FHIR resource ${name}` };
    }
    return undefined;
  }

  private isFhirDeclaration(declaration: ts.Declaration): boolean {
    if (isFhirDeclarationFile(declaration.getSourceFile().fileName)) return true;
    for (let node: ts.Node | undefined = declaration.parent; node; node = node.parent) {
      if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name) && /^(fhir(\/|$)|@medplum\/fhirtypes)/.test(node.name.text)) return true;
      if (ts.isModuleDeclaration(node) && ts.isIdentifier(node.name) && /^fhir\d?$/.test(node.name.text)) return true;
    }
    return false;
  }

  private matchesQualifiedName(symbol: ts.Symbol): boolean {
    if (this.qualifiedPhiTypeNames.length === 0) return false;
    const qualified = this.checker.getFullyQualifiedName(symbol).replace(/^"[^"]*"\./, '');
    const withNamespace = this.namespaceQualifiedName(symbol);
    return this.qualifiedPhiTypeNames.some((wanted) => qualified === wanted || qualified.endsWith(`.${wanted}`) || withNamespace === wanted);
  }

  /** `fhir4.Observation` for a type declared in a file with `export as namespace fhir4`. */
  private namespaceQualifiedName(symbol: ts.Symbol): string | undefined {
    const sourceFile = symbol.declarations?.[0]?.getSourceFile();
    if (!sourceFile) return undefined;
    const globalName = sourceFile.statements.find(ts.isNamespaceExportDeclaration)?.name.text;
    return globalName ? `${globalName}.${symbol.getName()}` : undefined;
  }

  private taggedPropertySource(property: ts.Symbol): PhiSource | undefined {
    const tagged = declarationHasTag(property.declarations, phiTag);
    if (!tagged) return undefined;
    const location = locationOf(tagged);
    const owner = tagged.parent && (ts.isInterfaceDeclaration(tagged.parent) || ts.isClassDeclaration(tagged.parent) || ts.isTypeAliasDeclaration(tagged.parent))
      ? tagged.parent.name?.getText()
      : undefined;
    return {
      kind: 'property-tag',
      name: owner ? `${owner}.${property.getName()}` : property.getName(),
      reason: `@phi in ${describeLocation(location, this.rootDir)}`,
      declaration: location,
    };
  }

  /**
   * A property declared by a PHI type is PHI wherever the checker finds it: in `Pick<Patient, …>`,
   * `Omit<…>`, mapped and intersected types that copy the declaration.
   */
  private ownerSource(property: ts.Symbol): PhiSource | undefined {
    for (const declaration of property.declarations ?? []) {
      const owner = declaration.parent;
      if (!owner || !(ts.isInterfaceDeclaration(owner) || ts.isClassLike(owner))) continue;
      const ownerSymbol = owner.name ? this.checker.getSymbolAtLocation(owner.name) : undefined;
      const source = ownerSymbol ? this.sourceOfSymbol(ownerSymbol) : undefined;
      if (source) return { ...source, name: `${source.name}.${property.getName()}` };
    }
    return undefined;
  }

  private brandSource(symbol: ts.Symbol): PhiSource {
    const declaration = symbol.declarations?.[0];
    return { kind: 'brand', name: 'Phi<T>', reason: 'branded Phi<T>', ...(declaration ? { declaration: locationOf(declaration) } : {}) };
  }

  private propertyOfConstituents(type: ts.Type, name: string): ts.Symbol | undefined {
    if (!type.isUnionOrIntersection()) return undefined;
    for (const member of type.types) {
      const property = this.checker.getPropertyOfType(member, name);
      if (property) return property;
    }
    return undefined;
  }

  private typeArgumentsOf(type: ts.Type): readonly ts.Type[] {
    if ((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) return this.checker.getTypeArguments(type as ts.TypeReference);
    return type.aliasTypeArguments ?? [];
  }

  private isInspectableObject(type: ts.Type): boolean {
    return Boolean(type.flags & ts.TypeFlags.Object) && this.checker.getSignaturesOfType(type, ts.SignatureKind.Call).length === 0;
  }

  /** Only the project's own object types are opened up; library types (Date, Express.Request…) are not walked. */
  private isDeclaredInProject(type: ts.Type): boolean {
    const declaration = (type.aliasSymbol ?? type.getSymbol())?.declarations?.[0];
    if (!declaration) return false;
    const fileName = declaration.getSourceFile().fileName;
    // FHIR containers (a Bundle's entries, a Composition's sections) hold the resources that are PHI.
    return !fileName.includes('/node_modules/') || isFhirDeclarationFile(fileName);
  }
}

/**
 * Of the sources a union's members give, the one with the first name. The checker orders a union's
 * members by when it created their types, which depends on what it was asked before: taking the
 * first member found would make the answer depend on the order files are analysed in.
 */
function firstByName(sources: readonly (PhiSource | undefined)[]): PhiSource | undefined {
  let first: PhiSource | undefined;
  for (const source of sources) {
    if (source && (!first || source.name < first.name || (source.name === first.name && source.reason < first.reason))) first = source;
  }
  return first;
}
