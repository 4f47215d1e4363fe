/**
 * Classifies identifiers, property names and object keys by name alone, for the opt-in heuristic
 * mode (`heuristics: "hipaa"`) where code has no PHI types: plain JavaScript, `any`, JSON data.
 *
 * Pure and synchronous. Patterns are precompiled into a map keyed by their first word, and results
 * are memoized per name and context, so the engine may call `classify` for every name it meets.
 */
import {
  builtInCategories,
  containerPersonWords,
  endingAbbreviations,
  errorCodeSiblings,
  errorContainerNames,
  errorContainerWords,
  errorMessageSiblings,
  errorSiblingMarkers,
  genericContainerWords,
  identifierLeadingNegatives,
  identifierTrailingNegatives,
  leadingNegatives,
  negativeSequences,
  negativeWords,
  neutralAfter,
  neutralBefore,
  nonPersonContainerTails,
  personContainerWords,
  personWords,
  recordTails,
  techQualifiers,
  trailingNegatives,
  type HeuristicCategory,
  type HeuristicGroup,
  type HeuristicSeverity,
} from './categories.js';
import { splitWords, wordForms } from './words.js';

export type HeuristicConfidence = 'high' | 'low';

/** Why a name was taken for PHI. */
export interface NameClassification {
  /** The name as given. */
  name: string;
  /** Category id: `safe-harbor/name`, `clinical/diagnosis`, `mental-health/therapy-notes`… */
  category: string;
  /** Human-readable category label. */
  label: string;
  group: HeuristicGroup;
  severity: HeuristicSeverity;
  /** The pattern that matched, as space-separated words: `date of birth`, `dob`. */
  pattern: string;
  /**
   * `low` when the pattern is ambiguous (`name`, `address`, `dob`) and nothing says the value is
   * about a person, or when the name is a clinical key of an error object.
   */
  confidence: HeuristicConfidence;
  /** One sentence for messages: the name, the pattern, the category and the context. */
  reason: string;
}

/** Where the name was found. Every field is optional. */
export interface NameContext {
  /** Whether the name belongs to a person: overrides what containerName and siblings suggest. */
  personContext?: boolean;
  /** The object, variable or type the name is a property of: `patient`, `req.user`, `PatientDto`, `err`. */
  containerName?: string;
  /** The other keys of the same object. */
  siblings?: readonly string[];
}

export interface ExtraPattern {
  /** A category id, built in or from `extraCategories`. */
  category: string;
  /** Any spelling: `date of birth`, `dateOfBirth`, `date_of_birth`. */
  pattern: string;
  /** Counts only in a person context (see `HeuristicPattern.ambiguous`). */
  ambiguous?: boolean;
}

export interface CustomCategory {
  /** Unique id, e.g. `custom/study-arm`. */
  id: string;
  label?: string;
  /** Defaults to `clinical`. */
  group?: HeuristicGroup;
  /** Defaults to `error` for the mental-health group and `warning` otherwise. */
  severity?: HeuristicSeverity;
  patterns?: string[];
  ambiguousPatterns?: string[];
  /** Word sequences that, anywhere in a name, mean it is not this category. */
  exclude?: string[];
}

export interface NameClassifierOptions {
  /** Category ids (`safe-harbor/url`), id prefixes (`clinical`, `safe-harbor`) or groups (`identifier`). */
  disabledCategories?: string[];
  extraPatterns?: ExtraPattern[];
  /** Patterns to drop: `hr` (from every category) or `clinical/vitals:hr` (from one). */
  disabledPatterns?: string[];
  extraCategories?: CustomCategory[];
  /** Extra negative words or word sequences: a name containing one is never PHI (`study name`). */
  extraNegatives?: string[];
}

export type NameClassifier = (name: string, context?: NameContext) => NameClassification | undefined;

/**
 * The `heuristicCategories` object proposed for phi.config.json, mapped one to one onto
 * `NameClassifierOptions` by `nameClassifierOptionsFromConfig`.
 */
export interface HeuristicCategoriesConfig {
  disable?: string[];
  patterns?: ExtraPattern[];
  disablePatterns?: string[];
  ignore?: string[];
  categories?: CustomCategory[];
}

export function nameClassifierOptionsFromConfig(config: HeuristicCategoriesConfig | undefined): NameClassifierOptions {
  return {
    disabledCategories: config?.disable ?? [],
    extraPatterns: config?.patterns ?? [],
    disabledPatterns: config?.disablePatterns ?? [],
    extraNegatives: config?.ignore ?? [],
    extraCategories: config?.categories ?? [],
  };
}

const groups: readonly HeuristicGroup[] = ['identifier', 'clinical', 'mental-health'];
const severities: readonly HeuristicSeverity[] = ['warning', 'error'];

/**
 * Identifier categories whose presence among the siblings makes the object a person: one clear
 * match (`ssn`, `firstName`), or two ambiguous ones (`name` and `dob`). Geographic names count
 * as the second ambiguous one only (`{ name, address }`, but not `{ lat, lng }`).
 */
const personIndicatorCategories = new Set([
  'safe-harbor/name', 'safe-harbor/email', 'safe-harbor/phone', 'safe-harbor/ssn', 'safe-harbor/medical-record-number',
  'safe-harbor/health-plan-number', 'safe-harbor/unique-id', 'safe-harbor/license-number', 'safe-harbor/date',
]);

const maxCacheEntries = 100_000;

// ───────────────────────────── Options ─────────────────────────────

function allCategories(options: NameClassifierOptions): HeuristicCategory[] {
  const custom = (options.extraCategories ?? []).map((category): HeuristicCategory => {
    const group = category.group ?? 'clinical';
    return {
      id: category.id,
      label: category.label ?? category.id,
      group,
      severity: category.severity ?? (group === 'mental-health' ? 'error' : 'warning'),
      description: 'Added in phi.config.json.',
      patterns: [
        ...(category.patterns ?? []).map((pattern) => ({ words: splitWords(pattern) })),
        ...(category.ambiguousPatterns ?? []).map((pattern) => ({ words: splitWords(pattern), ambiguous: true })),
      ],
      exclude: (category.exclude ?? []).map(splitWords),
    };
  });
  return [...builtInCategories, ...custom];
}

function categoryIsDisabled(id: string, group: HeuristicGroup, disabled: readonly string[]): boolean {
  return disabled.some((entry) => entry === id || entry === group || id.startsWith(`${entry}/`));
}

function parseDisabledPattern(entry: string, categoryIds: ReadonlySet<string>): { category?: string; text: string } {
  const colon = entry.lastIndexOf(':');
  if (colon > 0 && categoryIds.has(entry.slice(0, colon))) {
    return { category: entry.slice(0, colon), text: splitWords(entry.slice(colon + 1)).join(' ') };
  }
  return { text: splitWords(entry).join(' ') };
}

/**
 * Everything wrong with the options, as sentences for a configuration error (empty when they are
 * fine). `createNameClassifier` throws with these.
 */
export function nameClassifierOptionProblems(options: NameClassifierOptions = {}): string[] {
  const problems: string[] = [];
  const builtInIds = new Set(builtInCategories.map((category) => category.id));
  const seenCustom = new Set<string>();
  for (const category of options.extraCategories ?? []) {
    if (!category.id) problems.push('A heuristic category needs an id.');
    else if (builtInIds.has(category.id) || seenCustom.has(category.id)) problems.push(`Heuristic category "${category.id}" is defined twice.`);
    seenCustom.add(category.id);
    if (category.group !== undefined && !groups.includes(category.group)) problems.push(`Heuristic category "${category.id}" has an unknown group "${category.group}".`);
    if (category.severity !== undefined && !severities.includes(category.severity)) problems.push(`Heuristic category "${category.id}" has an unknown severity "${category.severity}".`);
    const patterns = [...(category.patterns ?? []), ...(category.ambiguousPatterns ?? [])];
    if (patterns.length === 0) problems.push(`Heuristic category "${category.id}" has no patterns.`);
    for (const pattern of patterns) {
      if (splitWords(pattern).length === 0) problems.push(`Heuristic category "${category.id}" has a pattern without words: "${pattern}".`);
    }
  }
  const categories = allCategories(options);
  const ids = new Set(categories.map((category) => category.id));
  for (const entry of options.disabledCategories ?? []) {
    const known = groups.includes(entry as HeuristicGroup) || categories.some((category) => category.id === entry || category.id.startsWith(`${entry}/`));
    if (!known) problems.push(`Unknown heuristic category "${entry}".`);
  }
  for (const extra of options.extraPatterns ?? []) {
    if (!ids.has(extra.category)) problems.push(`Unknown heuristic category "${extra.category}" for pattern "${extra.pattern}".`);
    if (splitWords(extra.pattern).length === 0) problems.push(`Heuristic pattern "${extra.pattern}" has no words.`);
  }
  for (const entry of options.disabledPatterns ?? []) {
    const { category, text } = parseDisabledPattern(entry, ids);
    const exists = categories.some((candidate) => (category === undefined || candidate.id === category)
      && candidate.patterns.some((pattern) => pattern.words.join(' ') === text));
    if (!exists) problems.push(`Heuristic pattern "${entry}" matches no pattern.`);
  }
  for (const entry of options.extraNegatives ?? []) {
    if (splitWords(entry).length === 0) problems.push(`Heuristic negative pattern "${entry}" has no words.`);
  }
  return problems;
}

// ───────────────────────────── Compiled form ─────────────────────────────

interface CompiledCategory {
  id: string;
  label: string;
  group: HeuristicGroup;
  severity: HeuristicSeverity;
  exclude: string[][];
  excludeBefore: Set<string>;
  modifiers: Set<string>;
}

interface CompiledPattern {
  words: string[];
  text: string;
  ambiguous: boolean;
  head: boolean;
  category: CompiledCategory;
  order: number;
}

interface Candidate {
  pattern: CompiledPattern;
  start: number;
  end: number;
  /** Every word matched as written, not through a digit-less or singular form. */
  exact: boolean;
}

interface Evaluated extends Candidate {
  confidence: HeuristicConfidence;
  personWord: string | undefined;
}

type PersonState = 'yes' | 'no' | 'unknown';

interface ResolvedContext {
  person: PersonState;
  error: boolean;
  /** What made the person context, for the reason: `container "patient"`, `sibling "ssn"`. */
  personSource?: string;
}

interface SiblingSummary {
  error: boolean;
  /** Siblings that are clearly a person's identifiers, and those that are ambiguous ones. */
  strong: Set<string>;
  ambiguous: Set<string>;
  geographic: Set<string>;
}

/** A word at `index` in `forms` has one of its forms in `set`. */
function hasForm(forms: readonly (readonly string[])[], index: number, set: ReadonlySet<string>): boolean {
  const candidates = forms[index];
  return candidates !== undefined && candidates.some((form) => set.has(form));
}

function isNumber(word: string | undefined): boolean {
  return word !== undefined && /^\d+$/.test(word);
}

/** Start indices where `sequence` occurs in the words. */
function occurrences(forms: readonly (readonly string[])[], sequence: readonly string[]): number[] {
  const found: number[] = [];
  for (let start = 0; start + sequence.length <= forms.length; start++) {
    if (sequence.every((word, offset) => forms[start + offset]?.includes(word))) found.push(start);
  }
  return found;
}

const set = (words: readonly string[]): Set<string> => new Set(words);

const personWordSet = set(personWords);
const personContainerWordSet = set(personContainerWords);
const techQualifierSet = set(techQualifiers);
const nonPersonContainerTailSet = set(nonPersonContainerTails);
const genericContainerWordSet = set(genericContainerWords);
const errorContainerNameSet = set(errorContainerNames);
const errorContainerWordSet = set(errorContainerWords);
const errorSiblingMarkerSet = set(errorSiblingMarkers);
const errorMessageSiblingSet = set(errorMessageSiblings);
const errorCodeSiblingSet = set(errorCodeSiblings);
const leadingNegativeSet = set(leadingNegatives);
const identifierLeadingNegativeSet = set(identifierLeadingNegatives);
const trailingNegativeSet = set(trailingNegatives);
const identifierTrailingNegativeSet = set(identifierTrailingNegatives);
const neutralBeforeSet = set(neutralBefore);
const neutralAfterSet = set(neutralAfter);
const endingAbbreviationSet = set(endingAbbreviations);
const containerPersonWordSet = set([...personWords, ...containerPersonWords]);
const recordTailSet = set(recordTails);

/** A person word at `index`, not made software by the word before it (`httpClient`, `dbUser`). */
function isPersonWordAt(forms: readonly (readonly string[])[], index: number): boolean {
  return hasForm(forms, index, personWordSet) && !(index > 0 && hasForm(forms, index - 1, techQualifierSet));
}

function containerPersonState(containerName: string): PersonState {
  const words = splitWords(containerName);
  if (words.length === 0) return 'unknown';
  const forms = words.map(wordForms);
  for (let index = 0; index < words.length; index++) {
    const afterIsCode = index + 1 < words.length && hasForm(forms, index + 1, nonPersonContainerTailSet);
    if (afterIsCode) continue;
    const softwareBefore = index > 0 && hasForm(forms, index - 1, techQualifierSet);
    if (hasForm(forms, index, containerPersonWordSet) && !softwareBefore) return 'yes';
    if (index === 0 && hasForm(forms, index, personContainerWordSet)) return 'yes';
  }
  return forms.every((_, index) => hasForm(forms, index, genericContainerWordSet)) ? 'unknown' : 'no';
}

function containerIsError(containerName: string): boolean {
  if (errorContainerNameSet.has(containerName.toLowerCase())) return true;
  const forms = splitWords(containerName).map(wordForms);
  return forms.some((_, index) => hasForm(forms, index, errorContainerWordSet));
}

function siblingsAreError(siblings: readonly string[]): boolean {
  const keys = new Set(siblings.map((sibling) => sibling.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')));
  if ([...keys].some((key) => errorSiblingMarkerSet.has(key))) return true;
  return [...keys].some((key) => errorMessageSiblingSet.has(key)) && [...keys].some((key) => errorCodeSiblingSet.has(key));
}

/** Longer names are sentences or generated, not field names. */
const maxWords = 10;

/**
 * Names that are not words: minified or generated identifiers and encoded keys
 * (`wGR3sQDxEWaWCkxyGS7D`), where a pattern would match by chance.
 */
function looksGenerated(words: readonly string[]): boolean {
  if (words.length > maxWords) return true;
  if (words.length < 4) return false;
  const short = words.filter((word) => word.length <= 2 && !isNumber(word)).length;
  const mixed = words.filter((word) => /\d/.test(word) && /[a-z]/.test(word)).length;
  return short * 2 >= words.length || mixed >= 3;
}

// ───────────────────────────── The classifier ─────────────────────────────

export function createNameClassifier(options: NameClassifierOptions = {}): NameClassifier {
  const problems = nameClassifierOptionProblems(options);
  if (problems.length > 0) throw new Error(`Invalid heuristic options: ${problems.join(' ')}`);

  const categories = allCategories(options);
  const categoryIds = new Set(categories.map((category) => category.id));
  const disabledCategories = options.disabledCategories ?? [];
  const disabledPatterns = (options.disabledPatterns ?? []).map((entry) => parseDisabledPattern(entry, categoryIds));
  const patternIsDisabled = (categoryId: string, text: string): boolean =>
    disabledPatterns.some((entry) => entry.text === text && (entry.category === undefined || entry.category === categoryId));

  const index = new Map<string, CompiledPattern[]>();
  const compiledById = new Map<string, CompiledCategory>();
  let order = 0;
  const addPattern = (category: CompiledCategory, words: readonly string[], ambiguous: boolean, head: boolean): void => {
    const normalized = words.map((word) => word.toLowerCase());
    const first = normalized[0];
    if (first === undefined) return;
    const text = normalized.join(' ');
    if (patternIsDisabled(category.id, text)) return;
    const list = index.get(first) ?? [];
    list.push({ words: normalized, text, ambiguous, head, category, order: order++ });
    index.set(first, list);
  };
  for (const category of categories) {
    if (categoryIsDisabled(category.id, category.group, disabledCategories)) continue;
    const compiled: CompiledCategory = {
      id: category.id,
      label: category.label,
      group: category.group,
      severity: category.severity,
      exclude: (category.exclude ?? []).map((words) => [...words]),
      excludeBefore: set(category.excludeBefore ?? []),
      modifiers: set(category.modifiers ?? []),
    };
    compiledById.set(category.id, compiled);
    for (const pattern of category.patterns) addPattern(compiled, pattern.words, pattern.ambiguous === true, pattern.head === true);
  }
  for (const extra of options.extraPatterns ?? []) {
    const category = compiledById.get(extra.category);
    if (category) addPattern(category, splitWords(extra.pattern), extra.ambiguous === true, false);
  }

  const extraNegatives = (options.extraNegatives ?? []).map(splitWords);
  const negativeWordSet = set([...negativeWords, ...extraNegatives.filter((words) => words.length === 1).map((words) => words[0] ?? '')]);
  const allNegativeSequences = [...negativeSequences, ...extraNegatives.filter((words) => words.length > 1)];

  const results = new Map<string, NameClassification | null>();
  const siblingSummaries = new WeakMap<readonly string[], SiblingSummary>();
  const siblingSummariesByKey = new Map<string, SiblingSummary>();
  const containerStates = new Map<string, { person: PersonState; error: boolean }>();

  function evaluate(candidate: Candidate, forms: string[][], words: string[], negativeRanges: [number, number][], context: ResolvedContext): Evaluated | undefined {
    const { pattern, start, end } = candidate;
    const category = pattern.category;
    const identifier = category.group === 'identifier';
    const count = words.length;

    if (negativeRanges.some(([from, to]) => from < start || to > end)) return undefined;
    if (category.exclude.some((sequence) => occurrences(forms, sequence).length > 0)) return undefined;
    for (let position = 0; position < count; position++) {
      if (position >= start && position <= end) continue;
      if (hasForm(forms, position, negativeWordSet)) return undefined;
      if (position < start && (hasForm(forms, position, leadingNegativeSet) || (identifier && hasForm(forms, position, identifierLeadingNegativeSet)))) return undefined;
      if (position > end && (hasForm(forms, position, trailingNegativeSet) || (identifier && hasForm(forms, position, identifierTrailingNegativeSet)))) return undefined;
    }
    if (start > 0 && hasForm(forms, start - 1, category.excludeBefore)) return undefined;
    if (pattern.head) {
      // `nameOfPatient`: the name, not the patient.
      if (start > 0 && words[start - 1] === 'of') return undefined;
      for (let position = end + 1; position < count; position++) {
        if (!hasForm(forms, position, recordTailSet) && !isNumber(words[position])) return undefined;
      }
    }

    let personWord: string | undefined;
    for (let position = 0; position < start; position++) {
      if (isPersonWordAt(forms, position)) personWord = words[position];
    }

    const lastWord = pattern.words[pattern.words.length - 1] ?? '';
    if (endingAbbreviationSet.has(lastWord) && end + 1 < count && !isNumber(words[end + 1])) return undefined;

    if (pattern.ambiguous) {
      // `memberName`: a container-only person word does not make a person context, but does not
      // make the name about something else either.
      const allowed = (position: number, neutral: ReadonlySet<string>): boolean =>
        hasForm(forms, position, containerPersonWordSet) || hasForm(forms, position, neutral)
        || hasForm(forms, position, category.modifiers) || isNumber(words[position]);
      if (start > 0 && !allowed(start - 1, neutralBeforeSet)) return undefined;
      const next = end + 1;
      if (next < count && !allowed(next, neutralAfterSet)) {
        const ofPerson = words[next] === 'of' && next + 1 < count && isPersonWordAt(forms, next + 1);
        if (!ofPerson) return undefined;
        personWord = words[next + 1];
      }
    }

    if (context.error && identifier) return undefined;
    let confidence: HeuristicConfidence = 'high';
    if (pattern.ambiguous && personWord === undefined && context.person !== 'yes') {
      if (context.person === 'no') return undefined;
      confidence = 'low';
    }
    if (context.error) confidence = 'low';
    return { ...candidate, confidence, personWord };
  }

  function better(a: Evaluated, b: Evaluated): boolean {
    const severity = (item: Evaluated): number => (item.pattern.category.severity === 'error' ? 1 : 0);
    if (severity(a) !== severity(b)) return severity(a) > severity(b);
    const confidence = (item: Evaluated): number => (item.confidence === 'high' ? 1 : 0);
    if (confidence(a) !== confidence(b)) return confidence(a) > confidence(b);
    if (a.end !== b.end) return a.end > b.end;
    if (a.pattern.words.length !== b.pattern.words.length) return a.pattern.words.length > b.pattern.words.length;
    if (a.exact !== b.exact) return a.exact;
    return a.pattern.order < b.pattern.order;
  }

  function describe(name: string, best: Evaluated, context: ResolvedContext): string {
    const category = best.pattern.category;
    let where: string;
    if (context.error) where = 'a key of an error object, so less certain';
    else if (best.personWord !== undefined) where = `named after a person ("${best.personWord}")`;
    else if (best.pattern.ambiguous && context.person === 'yes') where = `in a person context (${context.personSource ?? 'given'})`;
    else if (best.pattern.ambiguous) where = 'an ambiguous name with no person context, so less certain';
    else where = 'by name alone';
    return `"${name}" matches the pattern "${best.pattern.text}" of ${category.id} (${category.label}), ${where}.`;
  }

  function classifyResolved(name: string, context: ResolvedContext): NameClassification | undefined {
    const key = `${context.person}${context.error ? 'E' : ''}${context.person === 'yes' ? context.personSource ?? '' : ''}\u0000${name}`;
    const cached = results.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const result = compute(name, context);
    if (results.size >= maxCacheEntries) results.clear();
    results.set(key, result ?? null);
    return result;
  }

  function compute(name: string, context: ResolvedContext): NameClassification | undefined {
    const words = splitWords(name);
    if (words.length === 0 || looksGenerated(words)) return undefined;
    const forms = words.map(wordForms);

    const candidates: Candidate[] = [];
    for (let start = 0; start < words.length; start++) {
      for (const form of forms[start] ?? []) {
        for (const pattern of index.get(form) ?? []) {
          const end = start + pattern.words.length - 1;
          if (end >= words.length) continue;
          if (!pattern.words.every((word, offset) => forms[start + offset]?.includes(word))) continue;
          if (candidates.some((candidate) => candidate.pattern === pattern && candidate.start === start)) continue;
          const exact = pattern.words.every((word, offset) => words[start + offset] === word);
          candidates.push({ pattern, start, end, exact });
        }
      }
    }
    if (candidates.length === 0) return undefined;

    const negativeRanges: [number, number][] = [];
    for (const sequence of allNegativeSequences) {
      for (const start of occurrences(forms, sequence)) negativeRanges.push([start, start + sequence.length - 1]);
    }

    let best: Evaluated | undefined;
    for (const candidate of candidates) {
      const evaluated = evaluate(candidate, forms, words, negativeRanges, context);
      if (evaluated && (best === undefined || better(evaluated, best))) best = evaluated;
    }
    if (!best) return undefined;
    const category = best.pattern.category;
    return {
      name,
      category: category.id,
      label: category.label,
      group: category.group,
      severity: category.severity,
      pattern: best.pattern.text,
      confidence: best.confidence,
      reason: describe(name, best, context),
    };
  }

  function summarizeSiblings(siblings: readonly string[]): SiblingSummary {
    const byIdentity = siblingSummaries.get(siblings);
    if (byIdentity) return byIdentity;
    const key = siblings.join('\u0000');
    let summary = siblingSummariesByKey.get(key);
    if (!summary) {
      summary = { error: siblingsAreError(siblings), strong: new Set(), ambiguous: new Set(), geographic: new Set() };
      for (const sibling of siblings) {
        const found = classifyResolved(sibling, { person: 'unknown', error: false });
        if (!found) continue;
        if (personIndicatorCategories.has(found.category)) {
          (found.confidence === 'high' ? summary.strong : summary.ambiguous).add(sibling);
        } else if (found.category === 'safe-harbor/geographic') {
          summary.geographic.add(sibling);
        }
      }
      if (siblingSummariesByKey.size >= maxCacheEntries) siblingSummariesByKey.clear();
      siblingSummariesByKey.set(key, summary);
    }
    siblingSummaries.set(siblings, summary);
    return summary;
  }

  function resolveContext(name: string, context: NameContext | undefined): ResolvedContext {
    if (!context) return { person: 'unknown', error: false };
    let person: PersonState = 'unknown';
    let error = false;
    let personSource: string | undefined;
    const containerName = context.containerName?.trim();
    if (containerName) {
      let state = containerStates.get(containerName);
      if (!state) {
        state = { person: containerPersonState(containerName), error: containerIsError(containerName) };
        if (containerStates.size >= maxCacheEntries) containerStates.clear();
        containerStates.set(containerName, state);
      }
      person = state.person;
      error = state.error;
      if (person === 'yes') personSource = `container "${containerName}"`;
    }
    if (context.siblings && context.siblings.length > 0) {
      const summary = summarizeSiblings(context.siblings);
      error ||= summary.error;
      if (person === 'unknown') {
        const strong = [...summary.strong].find((sibling) => sibling !== name);
        const ambiguous = [...summary.ambiguous].filter((sibling) => sibling !== name);
        const second = [...ambiguous.slice(1), ...[...summary.geographic].filter((sibling) => sibling !== name)][0];
        if (strong !== undefined) {
          person = 'yes';
          personSource = `sibling "${strong}"`;
        } else if (ambiguous[0] !== undefined && second !== undefined) {
          person = 'yes';
          personSource = `siblings "${ambiguous[0]}" and "${second}"`;
        }
      }
    }
    if (context.personContext !== undefined) {
      person = context.personContext ? 'yes' : 'no';
      personSource = 'given';
    }
    return personSource === undefined ? { person, error } : { person, error, personSource };
  }

  return (name, context) => classifyResolved(name, resolveContext(name, context));
}

/** The categories a classifier with these options uses, after disabling and adding. */
export function effectiveCategories(options: NameClassifierOptions = {}): HeuristicCategory[] {
  const disabled = options.disabledCategories ?? [];
  return allCategories(options).filter((category) => !categoryIsDisabled(category.id, category.group, disabled));
}
