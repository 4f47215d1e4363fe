import { rules as pluginRules } from '../../rules/index.js';
import type { RuleId, SinkCategory } from '../findings.js';

/** What the SARIF and HTML reports say about a rule beyond the rule's own ESLint metadata. */
export interface RuleInfo {
  id: RuleId;
  /** The rule's name without the plugin prefix: `no-logging`. */
  name: string;
  category: SinkCategory;
  /** The rule's `meta.docs.description`. */
  description: string;
  /** The rule's documentation page (`meta.docs.url`). */
  helpUri: string;
  /** A paragraph on what the rule finds and why it matters. */
  fullDescription: string;
  /** How to fix a finding, in Markdown. */
  remedy: string;
  /** The CWE weaknesses the rule's findings are instances of. */
  cwe: Array<{ id: number; name: string }>;
  /** GitHub code scanning's `security-severity`: a CVSS-like score from 0.0 to 10.0. */
  securitySeverity: string;
}

interface RuleExtras {
  category: SinkCategory;
  fullDescription: string;
  remedy: string;
  cwe: Array<{ id: number; name: string }>;
  securitySeverity: string;
}

const CWE_359 = { id: 359, name: 'Exposure of Private Personal Information to an Unauthorized Actor' };
const CWE_201 = { id: 201, name: 'Insertion of Sensitive Information Into Sent Data' };

const EXTRAS: Record<keyof typeof pluginRules, RuleExtras> = {
  'no-logging': {
    category: 'logging',
    fullDescription:
      'Protected health information reaches a log call, the console or error output. Logs are copied to ' +
      'log aggregators, support tools and backups that are rarely covered by the safeguards PHI needs.',
    remedy:
      'Log an identifier that is not PHI (a record id) instead of the value, or pass the value through a ' +
      'sanitizer declared in `phi.config.json` (`sanitizers`) or tagged `@phiSanitizer`.',
    cwe: [{ id: 532, name: 'Insertion of Sensitive Information into Log File' }, CWE_359],
    securitySeverity: '6.5',
  },
  'no-analytics': {
    category: 'analytics',
    fullDescription:
      'Protected health information reaches an analytics, tracking or error-reporting SDK. The vendor ' +
      'receives the data, usually without a business associate agreement covering it.',
    remedy:
      'Send event names and non-PHI identifiers only; strip PHI from error contexts and breadcrumbs, or ' +
      'sanitize the value before it reaches the SDK.',
    cwe: [CWE_359, CWE_201],
    securitySeverity: '7.5',
  },
  'no-unencrypted-storage': {
    category: 'storage',
    fullDescription:
      'Protected health information is written to storage that does not encrypt it: Web Storage, cookies, ' +
      'IndexedDB, AsyncStorage, caches, files or buckets without server-side encryption.',
    remedy:
      'Store PHI only in encrypted storage (declare it in `encryptedStorage`), encrypt the value first, ' +
      'or keep a reference to the record instead of the data.',
    cwe: [
      { id: 312, name: 'Cleartext Storage of Sensitive Information' },
      { id: 922, name: 'Insecure Storage of Sensitive Information' },
    ],
    securitySeverity: '7.5',
  },
  'no-unconsented-sharing': {
    category: 'network',
    fullDescription:
      'Protected health information is sent over the network to a host that is not trusted, on a path ' +
      'that does not pass a consent check.',
    remedy:
      'Send PHI only to hosts listed in `trustedHosts`, or only after a consent check declared in ' +
      '`consentChecks` or `consentAssertions` has passed.',
    cwe: [CWE_359, CWE_201],
    securitySeverity: '8.0',
  },
};

/** The plugin's rules in a fixed order, with what the reports need. */
export const RULES: readonly RuleInfo[] = (Object.keys(EXTRAS) as Array<keyof typeof pluginRules>).map((name) => {
  const docs = pluginRules[name].meta.docs;
  return {
    id: `phi/${name}` as RuleId,
    name,
    description: docs?.description ?? name,
    helpUri: docs?.url ?? `https://eslint-plugin-phi.dev/docs/rules/${name}.md`,
    ...EXTRAS[name],
  };
});

export function ruleInfo(id: string): RuleInfo | undefined {
  return RULES.find((rule) => rule.id === id);
}
