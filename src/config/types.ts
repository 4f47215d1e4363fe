import type { SinkEntry } from '../catalog/types.js';
import type { HeuristicCategoriesConfig } from '../sources/heuristics/classify.js';

/** The contents of phi.config.json after validation, with defaults applied. */
export interface PhiConfig {
  /** Type names that are PHI: simple (`Patient`) or qualified (`fhir4.Observation`). */
  phiTypes: string[];
  /** FHIR resource types (fhir4, fhir5, @medplum/fhirtypes) are PHI. */
  fhir: boolean;
  /** Functions whose results are not PHI: names (`redact`) or `module#export` (`./src/privacy#redact`, `some-pkg#mask`). */
  sanitizers: string[];
  /** Functions returning boolean or Promise<boolean> that tell whether consent was given. */
  consentChecks: string[];
  /** Functions that throw (or TypeScript `asserts`) unless consent was given. */
  consentAssertions: string[];
  /** Hosts that may receive PHI: first party and vendors under a BAA. `*.example.org` matches subdomains. */
  trustedHosts: string[];
  /** How to treat a network call whose host cannot be resolved statically. */
  unknownHosts: 'trusted' | 'untrusted';
  /** Storage APIs that encrypt at rest, excused from no-unencrypted-storage: module names or callee names. */
  encryptedStorage: string[];
  /** Extra sink catalog entries. */
  sinks: SinkEntry[];
  /** Whether a consent check excuses analytics calls. Off by default: a consent banner is not a HIPAA authorization. */
  analyticsConsentExcuses: boolean;
  /** Glob patterns of files not to analyse, relative to the configuration's directory. */
  ignore: string[];
  /** Analyse files that look generated or minified (skipped, with a diagnostic, by default). */
  analyzeGeneratedFiles: boolean;
  /** Name-based PHI detection. Reserved for a later release: accepted, not used yet. */
  heuristics?: 'off' | 'hipaa';
  /** Adjusts the name classifier used when `heuristics` is `hipaa`: categories and patterns to add or disable. */
  heuristicCategories?: HeuristicCategoriesConfig;
}

export const defaultConfig: PhiConfig = {
  phiTypes: [],
  fhir: true,
  sanitizers: [],
  consentChecks: [],
  consentAssertions: [],
  trustedHosts: [],
  unknownHosts: 'trusted',
  encryptedStorage: [],
  sinks: [],
  analyticsConsentExcuses: false,
  ignore: [],
  analyzeGeneratedFiles: false,
  heuristics: 'off',
};
