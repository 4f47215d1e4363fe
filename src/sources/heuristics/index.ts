export { splitWords, wordForms } from './words.js';
export * from './categories.js';
export {
  createNameClassifier,
  effectiveCategories,
  nameClassifierOptionProblems,
  nameClassifierOptionsFromConfig,
  type CustomCategory,
  type ExtraPattern,
  type HeuristicCategoriesConfig,
  type HeuristicConfidence,
  type NameClassification,
  type NameClassifier,
  type NameClassifierOptions,
  type NameContext,
} from './classify.js';
