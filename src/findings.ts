/** A span in a source file; lines and columns are 1-based, end is exclusive. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type SinkCategory = 'logging' | 'analytics' | 'storage' | 'network';

export type RuleId =
  | 'phi/no-logging'
  | 'phi/no-analytics'
  | 'phi/no-unencrypted-storage'
  | 'phi/no-unconsented-sharing';

export const ruleForCategory: Record<SinkCategory, RuleId> = {
  logging: 'phi/no-logging',
  analytics: 'phi/no-analytics',
  storage: 'phi/no-unencrypted-storage',
  network: 'phi/no-unconsented-sharing',
};

/** What declared a value to be PHI. */
export type PhiSourceKind =
  | 'type-tag' // @phi on an interface, type alias, class or enum
  | 'property-tag' // @phi on a property
  | 'function-tag' // @phi on a function or method: its return value
  | 'parameter-tag' // @phi on a parameter
  | 'variable-tag' // @phi on a variable
  | 'brand' // Phi<T> from eslint-plugin-phi/types
  | 'config-type' // phiTypes in phi.config.json
  | 'fhir' // FHIR resource types
  | 'heuristic'; // a name the HIPAA name classifier recognises (heuristics: "hipaa")

export interface PhiSource {
  kind: PhiSourceKind;
  /** What is PHI, in the words of the code: `Patient.diagnosis`, `Patient`, `getNotes()`. */
  name: string;
  /** Why it is PHI, for messages: `@phi in src/models/patient.ts:12`. */
  reason: string;
  /** Where the declaration that made it PHI is, when it is in the project. */
  declaration?: SourceLocation;
  /** For heuristic sources: why the name was taken for PHI. */
  heuristic?: {
    category: string;
    pattern: string;
    severity: 'error' | 'warning';
  };
}

export type TraceStepKind =
  | 'source'
  | 'property-read'
  | 'assignment'
  | 'declaration'
  | 'parameter'
  | 'argument'
  | 'return'
  | 'call'
  | 'await'
  | 'callback'
  | 'field'
  | 'capture'
  | 'import'
  | 'transform'
  | 'sink';

export interface TraceStep {
  kind: TraceStepKind;
  /** The code at this step, shortened to one line. */
  code: string;
  message: string;
  location: SourceLocation;
}

export interface Finding {
  ruleId: RuleId;
  category: SinkCategory;
  severity: 'error' | 'warning';
  message: string;
  sink: {
    location: SourceLocation;
    /** The catalog entry that matched. */
    entryId: string;
    vendor: string;
    /** The callee as written, e.g. `console.log`, `analytics.track`. */
    callee: string;
    /** Which part of the call carries the PHI: `argument 1`, `body`, `url`, `headers`. */
    role: string;
    /** For network sinks: the host the data goes to, when it could be resolved. */
    host?: string;
  };
  source: PhiSource;
  /** From the source to the sink, in order; the last step is the sink. */
  trace: TraceStep[];
  /** The source is a name the heuristic classifier recognised, not a declared type. */
  heuristic?: boolean;
  /** A name of the enclosing function, used for stable fingerprints. */
  enclosingFunction?: string;
}

export type DiagnosticKind =
  | 'parse-error'
  | 'unresolved-module'
  | 'config-error'
  | 'project-error'
  | 'analysis-error'
  | 'budget-exceeded'
  | 'generated-file-skipped';

/** Something that could not be analysed, reported instead of thrown. */
export interface AnalysisDiagnostic {
  kind: DiagnosticKind;
  message: string;
  file?: string;
  location?: SourceLocation;
}
