/**
 * Built-in categories for the opt-in name heuristics (`heuristics: "hipaa"`), as data.
 *
 * A pattern is a sequence of lower-case words (see `splitWords`): a name matches when its words
 * contain the sequence, so `['date', 'of', 'birth']` matches `patientDateOfBirth` and
 * `DATE_OF_BIRTH`. Name words are also looked up without trailing digits (`address2`, `ssn4`) and
 * in a naive singular (`allergies`, `diagnoses`), so patterns are written in the singular.
 *
 * Severity: every mental-health and substance-use category is `error`, the strictest level
 * (psychotherapy notes have their own protection under HIPAA, 45 CFR 164.508(a)(2), and
 * substance-use treatment records fall under 42 CFR Part 2). Every other category, Safe Harbor
 * identifiers and clinical data alike, is `warning`. How sure a finding is travels separately, as
 * `confidence` (see classify.ts): an ambiguous pattern outside a person context is `low`.
 *
 * Pattern flags:
 * - `ambiguous`: the words often mean something else (`name`, `address`, `city`, `dob`, `url`,
 *   `weight`). Such a match counts only next to the category's `modifiers`, the neutral modifiers
 *   or person words, and is `high` confidence only in a person context.
 * - `head`: the pattern must end the name (only record-like words may follow): `patient`,
 *   `currentPatient` and `patientRecord` match, `patientService` and `patientName` do not.
 *
 * Category fields:
 * - `exclude`: word sequences that, anywhere in the name, mean it is not this category
 *   (`display name`, `physical therapy` for the psychotherapy category).
 * - `excludeBefore`: words that, right before the match, make it about something other than a
 *   person (`supportEmail`, `clinicPhone`, `serverIp`).
 * - `modifiers`: words allowed right before or after an ambiguous pattern (`homeAddress`,
 *   `weightKg`, `photoUrl`).
 */

export type HeuristicGroup = 'identifier' | 'clinical' | 'mental-health';
export type HeuristicSeverity = 'warning' | 'error';

export interface HeuristicPattern {
  readonly words: readonly string[];
  readonly ambiguous?: boolean;
  readonly head?: boolean;
}

export interface HeuristicCategory {
  readonly id: string;
  readonly label: string;
  readonly group: HeuristicGroup;
  readonly severity: HeuristicSeverity;
  /** What the category covers and why it is PHI. */
  readonly description: string;
  readonly patterns: readonly HeuristicPattern[];
  readonly exclude?: readonly (readonly string[])[];
  readonly excludeBefore?: readonly string[];
  readonly modifiers?: readonly string[];
}

/** Organisations, staff and systems: an identifier of one of these is not the patient's. */
const organizationQualifiers = [
  'support', 'admin', 'administrator', 'noreply', 'reply', 'system', 'sender', 'from', 'sales', 'team',
  'company', 'business', 'organization', 'organisation', 'org', 'clinic', 'hospital', 'facility',
  'practice', 'office', 'pharmacy', 'provider', 'physician', 'doctor', 'practitioner', 'clinician',
  'prescriber', 'staff', 'vendor', 'merchant', 'store', 'shop', 'service', 'server', 'smtp', 'default',
  'example', 'demo', 'sample', 'notification', 'alert', 'webhook', 'bot',
];

export const builtInCategories: readonly HeuristicCategory[] = [
  // ───────────────────────────── Safe Harbor identifiers (45 CFR 164.514(b)(2)) ─────────────────────────────
  {
    id: 'safe-harbor/name',
    label: 'Names',
    group: 'identifier',
    severity: 'warning',
    description: 'Names of the individual, relatives, employers or household members (Safe Harbor A).',
    patterns: [
      { words: ['first', 'name'] }, { words: ['firstname'] }, { words: ['fname'] },
      { words: ['last', 'name'] }, { words: ['lastname'] }, { words: ['lname'] },
      { words: ['surname'] }, { words: ['full', 'name'] }, { words: ['fullname'] },
      { words: ['given', 'name'] }, { words: ['givenname'] }, { words: ['family', 'name'] }, { words: ['familyname'] },
      { words: ['middle', 'name'] }, { words: ['middlename'] }, { words: ['middle', 'initial'] },
      { words: ['maiden', 'name'] }, { words: ['legal', 'name'] }, { words: ['preferred', 'name'] },
      { words: ['birth', 'name'] }, { words: ['nickname'] }, { words: ['nick', 'name'] },
      { words: ['name'], ambiguous: true }, { words: ['initials'], ambiguous: true },
      { words: ['given'], ambiguous: true }, { words: ['family'], ambiguous: true },
      { words: ['alias'], ambiguous: true },
    ],
    exclude: [['user', 'name'], ['login', 'name'], ['screen', 'name'], ['account', 'name']],
    excludeBefore: organizationQualifiers,
    modifiers: ['first', 'last', 'full', 'given', 'family', 'middle', 'legal', 'preferred', 'official', 'maiden', 'birth', 'usual'],
  },
  {
    id: 'safe-harbor/geographic',
    label: 'Geographic units smaller than a state',
    group: 'identifier',
    severity: 'warning',
    description: 'Street address, city, county, precinct, ZIP code and geocodes (Safe Harbor B). States are not identifiers.',
    patterns: [
      { words: ['street', 'address'] }, { words: ['address', 'line'] }, { words: ['addressline'] },
      { words: ['zip', 'code'] }, { words: ['zipcode'] }, { words: ['zip4'] }, { words: ['zip', 'plus', '4'] },
      { words: ['postal', 'code'] }, { words: ['postalcode'] }, { words: ['postcode'] }, { words: ['post', 'code'] },
      { words: ['home', 'address'] }, { words: ['mailing', 'address'] }, { words: ['residential', 'address'] },
      { words: ['residence', 'address'] }, { words: ['billing', 'address'] }, { words: ['shipping', 'address'] },
      { words: ['permanent', 'address'] }, { words: ['physical', 'address'] }, { words: ['postal', 'address'] },
      { words: ['census', 'tract'] }, { words: ['census', 'block'] }, { words: ['po', 'box'] }, { words: ['pobox'] },
      { words: ['house', 'number'] }, { words: ['street', 'number'] }, { words: ['apartment', 'number'] },
      { words: ['place', 'of', 'birth'] }, { words: ['birthplace'] }, { words: ['birth', 'place'] },
      { words: ['address'], ambiguous: true }, { words: ['addr'], ambiguous: true },
      { words: ['street'], ambiguous: true }, { words: ['city'], ambiguous: true }, { words: ['town'], ambiguous: true },
      { words: ['county'], ambiguous: true }, { words: ['zip'], ambiguous: true }, { words: ['precinct'], ambiguous: true },
      { words: ['neighborhood'], ambiguous: true }, { words: ['neighbourhood'], ambiguous: true },
      { words: ['suburb'], ambiguous: true }, { words: ['locality'], ambiguous: true },
      { words: ['latitude'], ambiguous: true }, { words: ['longitude'], ambiguous: true },
      { words: ['lat'], ambiguous: true }, { words: ['lng'], ambiguous: true }, { words: ['lon'], ambiguous: true },
      { words: ['coordinates'], ambiguous: true }, { words: ['coords'], ambiguous: true },
      { words: ['geolocation'], ambiguous: true }, { words: ['geocode'], ambiguous: true }, { words: ['gps'], ambiguous: true },
      { words: ['location'], ambiguous: true }, { words: ['apartment'], ambiguous: true }, { words: ['apt'], ambiguous: true },
      { words: ['residence'], ambiguous: true },
    ],
    exclude: [['zip', 'file'], ['zip', 'archive'], ['address', 'book'], ['address', 'bar'], ['address', 'space'], ['address', 'family']],
    excludeBefore: [...organizationQualifiers, 'ip', 'mac', 'email', 'web', 'memory', 'base', 'remote', 'local', 'bind', 'listen', 'proxy', 'gateway', 'wallet', 'contract', 'return'],
    modifiers: ['home', 'mailing', 'residential', 'billing', 'shipping', 'permanent', 'physical', 'postal', 'street', 'delivery', 'contact', 'work', 'birth', 'name', 'number'],
  },
  {
    id: 'safe-harbor/date',
    label: 'Dates about a person, and ages',
    group: 'identifier',
    severity: 'warning',
    description: 'Birth, admission, discharge and death dates and other dates about a person (year alone is allowed), and ages over 89 (Safe Harbor C). A name cannot tell the age, so every age counts.',
    patterns: [
      { words: ['dob'], ambiguous: true }, { words: ['date', 'of', 'birth'], ambiguous: true },
      { words: ['birth', 'date'], ambiguous: true }, { words: ['birthdate'], ambiguous: true },
      { words: ['birthday'], ambiguous: true }, { words: ['birth', 'datetime'], ambiguous: true },
      { words: ['birth', 'time'], ambiguous: true },
      { words: ['age'], ambiguous: true }, { words: ['age', 'in', 'years'], ambiguous: true },
      { words: ['years', 'old'], ambiguous: true },
      { words: ['age', 'at', 'death'] }, { words: ['age', 'at', 'diagnosis'] },
      { words: ['date', 'of', 'death'] }, { words: ['death', 'date'] }, { words: ['deceased', 'date'] },
      { words: ['deceased', 'datetime'] }, { words: ['time', 'of', 'death'] }, { words: ['death', 'time'] },
      { words: ['admission', 'date'] }, { words: ['admit', 'date'] }, { words: ['admission', 'time'] },
      { words: ['admission', 'datetime'] }, { words: ['admit', 'time'] }, { words: ['admitted', 'at'] },
      { words: ['admitted', 'on'] }, { words: ['date', 'of', 'admission'] },
      { words: ['discharge', 'date'] }, { words: ['discharge', 'time'] }, { words: ['discharge', 'datetime'] },
      { words: ['discharged', 'at'] }, { words: ['discharged', 'on'] }, { words: ['date', 'of', 'discharge'] },
      { words: ['date', 'of', 'service'] }, { words: ['encounter', 'date'] }, { words: ['appointment', 'date'] },
      { words: ['appointment', 'time'] }, { words: ['procedure', 'date'] }, { words: ['surgery', 'date'] },
      { words: ['date', 'of', 'surgery'] }, { words: ['date', 'of', 'injury'] }, { words: ['injury', 'date'] },
      { words: ['service', 'date'], ambiguous: true }, { words: ['visit', 'date'], ambiguous: true },
    ],
    excludeBefore: organizationQualifiers,
    modifiers: ['patient', 'current', 'years', 'year', 'months', 'days', 'at', 'iso', 'utc', 'local', 'date', 'string', 'str'],
  },
  {
    id: 'safe-harbor/phone',
    label: 'Telephone numbers',
    group: 'identifier',
    severity: 'warning',
    description: 'Voice telephone numbers (Safe Harbor D).',
    patterns: [
      { words: ['phone'] }, { words: ['telephone'] }, { words: ['tel'] }, { words: ['phonenumber'] },
      { words: ['phone', 'number'] }, { words: ['phone', 'no'] }, { words: ['cellphone'] }, { words: ['cell', 'phone'] },
      { words: ['cell', 'number'] }, { words: ['mobile', 'phone'] }, { words: ['mobile', 'number'] },
      { words: ['msisdn'] }, { words: ['contact', 'number'] }, { words: ['sms', 'number'] },
      { words: ['mobile'], ambiguous: true },
    ],
    exclude: [['i', 'phone']],
    excludeBefore: organizationQualifiers,
    modifiers: ['home', 'work', 'personal', 'contact', 'number', 'no', 'num'],
  },
  {
    id: 'safe-harbor/fax',
    label: 'Fax numbers',
    group: 'identifier',
    severity: 'warning',
    description: 'Fax numbers (Safe Harbor E). Most fax numbers in health code are a provider\'s, so they count only about a person.',
    patterns: [
      { words: ['fax'], ambiguous: true }, { words: ['fax', 'number'], ambiguous: true },
      { words: ['facsimile'], ambiguous: true },
    ],
    excludeBefore: organizationQualifiers,
    modifiers: ['home', 'work', 'personal', 'number', 'no', 'num'],
  },
  {
    id: 'safe-harbor/email',
    label: 'Email addresses',
    group: 'identifier',
    severity: 'warning',
    description: 'Electronic mail addresses (Safe Harbor F).',
    patterns: [
      { words: ['email'] }, { words: ['e', 'mail'] }, { words: ['emailaddress'] }, { words: ['email', 'address'] },
      { words: ['email', 'addr'] }, { words: ['mail', 'address'], ambiguous: true },
    ],
    excludeBefore: organizationQualifiers,
    modifiers: ['personal', 'contact', 'home', 'work', 'primary'],
  },
  {
    id: 'safe-harbor/ssn',
    label: 'Social Security and taxpayer numbers',
    group: 'identifier',
    severity: 'warning',
    description: 'Social Security numbers (Safe Harbor G) and taxpayer identification numbers.',
    patterns: [
      { words: ['ssn'] }, { words: ['social', 'security'] }, { words: ['social', 'security', 'number'] }, { words: ['social', 'sec'] }, { words: ['soc', 'sec'] },
      { words: ['socsec'] }, { words: ['tax', 'id'] }, { words: ['taxpayer', 'id'] }, { words: ['itin'] },
      { words: ['tin'], ambiguous: true },
    ],
  },
  {
    id: 'safe-harbor/medical-record-number',
    label: 'Medical record numbers',
    group: 'identifier',
    severity: 'warning',
    description: 'Medical record numbers (Safe Harbor H).',
    patterns: [
      { words: ['mrn'] }, { words: ['medical', 'record', 'number'] }, { words: ['medical', 'record', 'no'] },
      { words: ['medical', 'record', 'num'] }, { words: ['medical', 'record', 'id'] },
      { words: ['medical', 'record', 'identifier'] }, { words: ['chart', 'number'] }, { words: ['chart', 'no'] },
      { words: ['patient', 'number'] }, { words: ['patient', 'no'] }, { words: ['patient', 'num'] },
      { words: ['emr', 'id'] }, { words: ['ehr', 'id'] }, { words: ['emr', 'number'] }, { words: ['hospital', 'number'] },
      { words: ['record', 'number'], ambiguous: true },
    ],
  },
  {
    id: 'safe-harbor/health-plan-number',
    label: 'Health plan beneficiary numbers',
    group: 'identifier',
    severity: 'warning',
    description: 'Health plan beneficiary, subscriber, policy and Medicare/Medicaid numbers (Safe Harbor I).',
    patterns: [
      { words: ['member', 'number'] }, { words: ['member', 'no'] }, { words: ['member', 'num'] },
      { words: ['beneficiary', 'number'] }, { words: ['beneficiary', 'id'] }, { words: ['subscriber', 'id'] },
      { words: ['subscriber', 'number'] }, { words: ['subscriber', 'no'] }, { words: ['insurance', 'id'] },
      { words: ['insurance', 'number'] }, { words: ['insurance', 'member', 'id'] }, { words: ['insurance', 'card'] },
      { words: ['policy', 'number'] }, { words: ['policy', 'no'] }, { words: ['health', 'plan', 'id'] },
      { words: ['health', 'plan', 'number'] }, { words: ['medicare', 'number'] }, { words: ['medicare', 'id'] },
      { words: ['mbi'] }, { words: ['hicn'] }, { words: ['medicaid', 'number'] }, { words: ['medicaid', 'id'] },
      { words: ['group', 'number'], ambiguous: true }, { words: ['policy', 'id'], ambiguous: true },
    ],
  },
  {
    id: 'safe-harbor/account-number',
    label: 'Account numbers',
    group: 'identifier',
    severity: 'warning',
    description: 'Account numbers: billing, bank and card accounts (Safe Harbor J).',
    patterns: [
      { words: ['account', 'number'] }, { words: ['account', 'no'] }, { words: ['account', 'num'] },
      { words: ['acct', 'number'] }, { words: ['acct', 'no'] }, { words: ['acct', 'num'] }, { words: ['acctnum'] },
      { words: ['bank', 'account'] }, { words: ['iban'] }, { words: ['credit', 'card'] }, { words: ['debit', 'card'] },
      { words: ['card', 'number'] }, { words: ['cc', 'number'] }, { words: ['billing', 'account'] },
      { words: ['account', 'id'], ambiguous: true },
    ],
    excludeBefore: [...organizationQualifiers, 'aws', 'gcp', 'azure', 'cloud', 'storage', 'stripe', 'test'],
  },
  {
    id: 'safe-harbor/license-number',
    label: 'Certificate and licence numbers',
    group: 'identifier',
    severity: 'warning',
    description: 'Certificate and licence numbers: driver\'s licence, passport, birth certificate (Safe Harbor K).',
    patterns: [
      { words: ['license', 'number'] }, { words: ['licence', 'number'] }, { words: ['license', 'no'] },
      { words: ['licence', 'no'] }, { words: ['license', 'num'] }, { words: ['drivers', 'license'] },
      { words: ['driver', 'license'] }, { words: ['drivers', 'licence'] }, { words: ['driver', 'licence'] },
      { words: ['driving', 'license'] }, { words: ['driving', 'licence'] }, { words: ['dl', 'number'] }, { words: ['dl', 'no'] },
      { words: ['certificate', 'number'] }, { words: ['certificate', 'no'] }, { words: ['cert', 'number'] },
      { words: ['passport'] }, { words: ['passport', 'number'] }, { words: ['birth', 'certificate'] },
      { words: ['death', 'certificate'] }, { words: ['marriage', 'certificate'] }, { words: ['photo', 'id'] },
      { words: ['id', 'card', 'number'] }, { words: ['state', 'id', 'number'] },
    ],
    excludeBefore: [...organizationQualifiers, 'software', 'product', 'app', 'api', 'ssl', 'tls', 'x509', 'signing', 'root'],
  },
  {
    id: 'safe-harbor/vehicle-id',
    label: 'Vehicle identifiers',
    group: 'identifier',
    severity: 'warning',
    description: 'Vehicle identifiers and serial numbers, including licence plates (Safe Harbor L).',
    patterns: [
      { words: ['vin'] }, { words: ['vehicle', 'identification', 'number'] }, { words: ['vehicle', 'id'] },
      { words: ['vehicle', 'identifier'] }, { words: ['vehicle', 'serial'] }, { words: ['license', 'plate'] },
      { words: ['licence', 'plate'] }, { words: ['plate', 'number'] }, { words: ['number', 'plate'] },
      { words: ['registration', 'plate'] }, { words: ['vehicle', 'registration'] }, { words: ['car', 'registration'] },
    ],
  },
  {
    id: 'safe-harbor/device-id',
    label: 'Device identifiers and serial numbers',
    group: 'identifier',
    severity: 'warning',
    description: 'Device identifiers and serial numbers: implant UDIs, phone IMEIs, advertising IDs (Safe Harbor M).',
    patterns: [
      { words: ['device', 'serial'] }, { words: ['udi'] }, { words: ['unique', 'device', 'identifier'] },
      { words: ['imei'] }, { words: ['meid'] }, { words: ['iccid'] }, { words: ['advertising', 'id'] },
      { words: ['idfa'] }, { words: ['idfv'] }, { words: ['gaid'] }, { words: ['android', 'id'] },
      { words: ['implant', 'serial'] }, { words: ['hardware', 'id'] }, { words: ['hwid'] },
      { words: ['device', 'id'], ambiguous: true }, { words: ['device', 'identifier'], ambiguous: true },
      { words: ['serial', 'number'], ambiguous: true }, { words: ['serial', 'no'], ambiguous: true },
      { words: ['mac', 'address'], ambiguous: true },
    ],
    excludeBefore: [...organizationQualifiers, 'certificate', 'cert', 'software', 'product'],
    modifiers: ['implant', 'pacemaker', 'pump', 'monitor', 'wearable', 'patient'],
  },
  {
    id: 'safe-harbor/url',
    label: 'Web URLs about the person',
    group: 'identifier',
    severity: 'warning',
    description: 'Web URLs (Safe Harbor N): personal sites and social profiles. A bare `url` counts only about a person.',
    patterns: [
      { words: ['profile', 'url'] }, { words: ['personal', 'website'] }, { words: ['personal', 'url'] },
      { words: ['social', 'media'] }, { words: ['social', 'profile'] }, { words: ['linkedin'] },
      { words: ['twitter', 'handle'] }, { words: ['instagram', 'handle'] },
      { words: ['url'], ambiguous: true }, { words: ['uri'], ambiguous: true }, { words: ['website'], ambiguous: true },
      { words: ['web', 'site'], ambiguous: true }, { words: ['homepage'], ambiguous: true },
      { words: ['home', 'page'], ambiguous: true }, { words: ['webpage'], ambiguous: true },
    ],
    excludeBefore: organizationQualifiers,
    modifiers: ['personal', 'profile', 'social', 'home'],
  },
  {
    id: 'safe-harbor/ip-address',
    label: 'IP addresses',
    group: 'identifier',
    severity: 'warning',
    description: 'Internet Protocol address numbers (Safe Harbor O): a visitor\'s or client\'s IP, not a server\'s.',
    patterns: [
      { words: ['ip'] }, { words: ['ip', 'address'] }, { words: ['ipaddress'] }, { words: ['ip', 'addr'] },
      { words: ['ipv4'] }, { words: ['ipv6'] }, { words: ['remote', 'address'] }, { words: ['remote', 'addr'] },
      { words: ['x', 'forwarded', 'for'] }, { words: ['forwarded', 'for'] }, { words: ['x', 'real', 'ip'] },
    ],
    exclude: [
      ['ip', 'range'], ['ip', 'list'], ['ip', 'whitelist'], ['ip', 'allowlist'], ['ip', 'blacklist'], ['ip', 'blocklist'],
      ['ip', 'filter'], ['ip', 'version'], ['ip', 'protocol'], ['ip', 'family'], ['ip', 'pool'], ['ip', 'subnet'],
      ['ip', 'cidr'], ['ip', 'rule'], ['ip', 'restriction'],
    ],
    excludeBefore: [
      ...organizationQualifiers, 'host', 'bind', 'listen', 'proxy', 'gateway', 'dns', 'local', 'localhost', 'loopback',
      'internal', 'private', 'node', 'pod', 'cluster', 'container', 'docker', 'router', 'subnet', 'nat', 'balancer',
      'vpc', 'upstream', 'target', 'destination', 'dest', 'redis', 'db', 'database', 'api', 'allowed', 'blocked',
      'trusted', 'whitelisted', 'blacklisted', 'static', 'elastic', 'public',
    ],
  },
  {
    id: 'safe-harbor/biometric',
    label: 'Biometric identifiers',
    group: 'identifier',
    severity: 'warning',
    description: 'Biometric identifiers, including finger and voice prints (Safe Harbor P).',
    patterns: [
      { words: ['biometric'] }, { words: ['biometrics'] }, { words: ['finger', 'print'] }, { words: ['voiceprint'] },
      { words: ['voice', 'print'] }, { words: ['faceprint'] }, { words: ['face', 'print'] }, { words: ['retina', 'scan'] },
      { words: ['retinal', 'scan'] }, { words: ['iris', 'scan'] }, { words: ['palm', 'print'] }, { words: ['palmprint'] },
      { words: ['face', 'template'] }, { words: ['facial', 'geometry'] }, { words: ['face', 'embedding'] },
      { words: ['face', 'encoding'] }, { words: ['facial', 'recognition'] }, { words: ['hand', 'geometry'] },
      { words: ['fingerprint'], ambiguous: true }, { words: ['gait'], ambiguous: true },
    ],
    modifiers: ['patient', 'thumb', 'index', 'left', 'right', 'scan', 'image', 'template'],
  },
  {
    id: 'safe-harbor/photo',
    label: 'Full-face photographs',
    group: 'identifier',
    severity: 'warning',
    description: 'Full-face photographs and comparable images (Safe Harbor Q).',
    patterns: [
      { words: ['full', 'face', 'photo'] }, { words: ['face', 'photo'] }, { words: ['facial', 'photo'] },
      { words: ['face', 'image'] }, { words: ['facial', 'image'] }, { words: ['headshot'] }, { words: ['head', 'shot'] },
      { words: ['selfie'] }, { words: ['profile', 'photo'] }, { words: ['profile', 'picture'] }, { words: ['profile', 'pic'] },
      { words: ['profile', 'image'] }, { words: ['passport', 'photo'] }, { words: ['mugshot'] },
      { words: ['photo'], ambiguous: true }, { words: ['photograph'], ambiguous: true }, { words: ['picture'], ambiguous: true },
      { words: ['avatar'], ambiguous: true }, { words: ['portrait'], ambiguous: true }, { words: ['face'], ambiguous: true },
    ],
    modifiers: ['url', 'uri', 'src', 'path', 'file', 'image', 'blob', 'base64', 'link', 'thumbnail', 'patient'],
  },
  {
    id: 'safe-harbor/unique-id',
    label: 'Other unique identifying numbers',
    group: 'identifier',
    severity: 'warning',
    description: 'Any other unique identifying number, characteristic or code (Safe Harbor R): patient, member and person IDs, national IDs, passcodes.',
    patterns: [
      { words: ['patient', 'id'] }, { words: ['patient', 'identifier'] }, { words: ['patientid'] },
      { words: ['patient', 'uuid'] }, { words: ['patient', 'guid'] }, { words: ['member', 'id'] }, { words: ['memberid'] },
      { words: ['person', 'id'] }, { words: ['enrollee', 'id'] }, { words: ['resident', 'id'] }, { words: ['applicant', 'id'] },
      { words: ['guarantor', 'id'] }, { words: ['national', 'id'] }, { words: ['national', 'identification', 'number'] },
      { words: ['national', 'insurance', 'number'] }, { words: ['nhs', 'number'] }, { words: ['health', 'card', 'number'] },
      { words: ['empi'] }, { words: ['passcode'] }, { words: ['pass', 'code'] },
      { words: ['user', 'id'], ambiguous: true }, { words: ['userid'], ambiguous: true },
      { words: ['customer', 'id'], ambiguous: true }, { words: ['participant', 'id'], ambiguous: true },
      { words: ['subject', 'id'], ambiguous: true },
    ],
    exclude: [['client', 'id'], ['client', 'secret']],
    excludeBefore: ['oauth', 'app', 'api', 'tenant', 'test'],
  },

  // ───────────────────────────── Clinical data ─────────────────────────────
  {
    id: 'clinical/record',
    label: 'Patient records and clinical notes',
    group: 'clinical',
    severity: 'warning',
    description: 'Whole patient records, medical histories and clinical notes.',
    patterns: [
      { words: ['patient'], head: true }, { words: ['medical', 'record'] }, { words: ['health', 'record'] },
      { words: ['ehr'] }, { words: ['emr'] }, { words: ['phr'] }, { words: ['medical', 'history'] },
      { words: ['health', 'history'] }, { words: ['pmh'] }, { words: ['hpi'] }, { words: ['clinical', 'note'] },
      { words: ['progress', 'note'] }, { words: ['doctor', 'note'] }, { words: ['physician', 'note'] },
      { words: ['nurse', 'note'] }, { words: ['nursing', 'note'] }, { words: ['soap', 'note'] }, { words: ['visit', 'note'] },
      { words: ['encounter', 'note'] }, { words: ['chart', 'note'] }, { words: ['discharge', 'summary'] },
      { words: ['clinical', 'summary'] }, { words: ['care', 'plan'] }, { words: ['treatment', 'plan'] },
      { words: ['family', 'history'] }, { words: ['health', 'data'] }, { words: ['health', 'info'] },
      { words: ['health', 'information'] }, { words: ['medical', 'data'] }, { words: ['medical', 'info'] },
      { words: ['phi'], ambiguous: true }, { words: ['note'], ambiguous: true }, { words: ['encounter'], ambiguous: true },
      { words: ['observation'], ambiguous: true },
    ],
    modifiers: ['clinical', 'medical', 'patient', 'visit', 'care'],
  },
  {
    id: 'clinical/diagnosis',
    label: 'Diagnoses and conditions',
    group: 'clinical',
    severity: 'warning',
    description: 'Diagnoses, conditions, ICD and SNOMED codes, symptoms, named diseases.',
    patterns: [
      { words: ['diagnosis'] }, { words: ['dx'], ambiguous: true }, { words: ['ddx'] }, { words: ['icd'] }, { words: ['icd9'] },
      { words: ['icd10'] }, { words: ['icd11'] }, { words: ['icd10cm'] }, { words: ['snomed'] },
      { words: ['medical', 'condition'] }, { words: ['health', 'condition'] }, { words: ['chronic', 'condition'] },
      { words: ['pre', 'existing', 'condition'] }, { words: ['preexisting', 'condition'] }, { words: ['problem', 'list'] },
      { words: ['chief', 'complaint'] }, { words: ['symptom'] }, { words: ['prognosis'] }, { words: ['disease'] },
      { words: ['disorder'] }, { words: ['illness'] }, { words: ['comorbidity'] }, { words: ['cancer'] },
      { words: ['tumor'] }, { words: ['tumour'] }, { words: ['oncology'] }, { words: ['diabetes'] }, { words: ['diabetic'] },
      { words: ['hypertension'] }, { words: ['asthma'] }, { words: ['copd'] }, { words: ['dementia'] },
      { words: ['alzheimer'] }, { words: ['alzheimers'] }, { words: ['epilepsy'] }, { words: ['hepatitis'] },
      { words: ['tuberculosis'] }, { words: ['obesity'] }, { words: ['disability'] }, { words: ['handicap'] },
      { words: ['smoking', 'status'] }, { words: ['smoker'] }, { words: ['tobacco', 'use'] },
      { words: ['condition'], ambiguous: true }, { words: ['complaint'], ambiguous: true },
      { words: ['stroke'], ambiguous: true }, { words: ['injury'], ambiguous: true },
    ],
    modifiers: ['primary', 'secondary', 'medical', 'chronic', 'active', 'code', 'codes'],
  },
  {
    id: 'clinical/procedure',
    label: 'Procedures and treatments',
    group: 'clinical',
    severity: 'warning',
    description: 'Procedures, CPT and HCPCS codes, surgeries, imaging and therapies other than psychotherapy.',
    patterns: [
      { words: ['cpt'] }, { words: ['hcpcs'] }, { words: ['procedure', 'code'] }, { words: ['surgery'] },
      { words: ['surgical'] }, { words: ['chemotherapy'] }, { words: ['chemo'] }, { words: ['radiation', 'therapy'] },
      { words: ['radiotherapy'] }, { words: ['dialysis'] }, { words: ['transplant'] }, { words: ['physical', 'therapy'] },
      { words: ['occupational', 'therapy'] }, { words: ['physical', 'rehab'] }, { words: ['physical', 'rehabilitation'] },
      { words: ['cardiac', 'rehab'] }, { words: ['cardiac', 'rehabilitation'] }, { words: ['pulmonary', 'rehab'] }, { words: ['speech', 'therapy'] }, { words: ['respiratory', 'therapy'] },
      { words: ['mri'] }, { words: ['ct', 'scan'] }, { words: ['cat', 'scan'] }, { words: ['x', 'ray'] }, { words: ['xray'] },
      { words: ['mammogram'] }, { words: ['colonoscopy'] }, { words: ['ultrasound'] }, { words: ['ekg'] },
      { words: ['ecg'] }, { words: ['echocardiogram'] }, { words: ['radiology'] },
      { words: ['procedure'], ambiguous: true }, { words: ['treatment'], ambiguous: true },
    ],
    modifiers: ['medical', 'surgical', 'patient', 'code', 'codes'],
  },
  {
    id: 'clinical/medication',
    label: 'Medications and prescriptions',
    group: 'clinical',
    severity: 'warning',
    description: 'Medications, prescriptions, doses, NDC and RxNorm codes.',
    patterns: [
      { words: ['medication'] }, { words: ['meds'] }, { words: ['medicine'] }, { words: ['drug'] }, { words: ['rx'], ambiguous: true },
      { words: ['prescription'] }, { words: ['prescribed'] }, { words: ['dosage'] }, { words: ['dose'] },
      { words: ['ndc'] }, { words: ['rxnorm'] }, { words: ['rxcui'] }, { words: ['insulin'] }, { words: ['opioid'] },
      { words: ['antibiotic'] }, { words: ['med', 'list'] },
      { words: ['med'], ambiguous: true }, { words: ['refill'], ambiguous: true }, { words: ['pill'], ambiguous: true },
    ],
    modifiers: ['current', 'active', 'patient'],
  },
  {
    id: 'clinical/allergy',
    label: 'Allergies',
    group: 'clinical',
    severity: 'warning',
    description: 'Allergies, intolerances and adverse reactions.',
    patterns: [
      { words: ['allergy'] }, { words: ['allergy', 'intolerance'] }, { words: ['allergen'] }, { words: ['allergic'] }, { words: ['intolerance'] },
      { words: ['anaphylaxis'] }, { words: ['epipen'] }, { words: ['adverse', 'reaction'] },
    ],
  },
  {
    id: 'clinical/lab-result',
    label: 'Laboratory results',
    group: 'clinical',
    severity: 'warning',
    description: 'Laboratory tests and results: A1c, glucose, cholesterol, viral load, pathology, LOINC codes.',
    patterns: [
      { words: ['lab', 'result'] }, { words: ['lab', 'test'] }, { words: ['lab', 'value'] }, { words: ['lab', 'report'] },
      { words: ['lab', 'order'] }, { words: ['a1c'] }, { words: ['hba1c'] }, { words: ['hb', 'a1c'] },
      { words: ['glucose'] }, { words: ['blood', 'sugar'] }, { words: ['cholesterol'] }, { words: ['total', 'cholesterol'] }, { words: ['ldl'] },
      { words: ['hdl'] }, { words: ['triglyceride'] }, { words: ['creatinine'] }, { words: ['egfr'] },
      { words: ['e', 'gfr'] }, { words: ['gfr'] }, { words: ['hemoglobin'] }, { words: ['haemoglobin'] },
      { words: ['hgb'] }, { words: ['hematocrit'] }, { words: ['inr'], ambiguous: true }, { words: ['psa'] }, { words: ['tsh'] },
      { words: ['cbc'] }, { words: ['complete', 'blood', 'count'] }, { words: ['blood', 'count'] }, { words: ['wbc'] },
      { words: ['rbc'] }, { words: ['platelet'] }, { words: ['cd4'] }, { words: ['cd4', 'count'] },
      { words: ['viral', 'load'] }, { words: ['pathology'] }, { words: ['biopsy'] }, { words: ['specimen'] },
      { words: ['loinc'] }, { words: ['urinalysis'] }, { words: ['toxicology'] }, { words: ['diagnostic', 'report'] },
      { words: ['covid', 'test'] }, { words: ['pcr', 'test'] },
      { words: ['lab'], ambiguous: true }, { words: ['test', 'result'], ambiguous: true },
    ],
    modifiers: ['patient', 'latest', 'recent', 'blood', 'urine', 'value', 'result', 'results', 'level', 'mg', 'dl', 'pct', 'percent'],
  },
  {
    id: 'clinical/vitals',
    label: 'Vital signs and body measurements',
    group: 'clinical',
    severity: 'warning',
    description: 'Blood pressure, heart rate, oxygen saturation, temperature, weight, height, BMI.',
    patterns: [
      { words: ['vitals'] }, { words: ['vital', 'sign'] }, { words: ['blood', 'pressure'] }, { words: ['systolic'] },
      { words: ['diastolic'] }, { words: ['heart', 'rate'] }, { words: ['pulse', 'rate'] }, { words: ['spo2'] },
      { words: ['sp', 'o2'] }, { words: ['o2', 'sat'] }, { words: ['oxygen', 'saturation'] }, { words: ['oxygen', 'level'] },
      { words: ['respiratory', 'rate'] }, { words: ['respiration', 'rate'] }, { words: ['resp', 'rate'] },
      { words: ['body', 'temperature'] }, { words: ['body', 'weight'] }, { words: ['body', 'height'] }, { words: ['bmi'] },
      { words: ['body', 'mass', 'index'] }, { words: ['waist', 'circumference'] }, { words: ['head', 'circumference'] },
      { words: ['bp'], ambiguous: true }, { words: ['hr'], ambiguous: true }, { words: ['pulse'], ambiguous: true },
      { words: ['temperature'], ambiguous: true }, { words: ['weight'], ambiguous: true }, { words: ['height'], ambiguous: true },
    ],
    modifiers: [
      'patient', 'body', 'measured', 'recorded', 'resting', 'avg', 'average', 'latest', 'kg', 'lbs', 'lb', 'cm', 'inches',
      'bpm', 'mmhg', 'celsius', 'fahrenheit', 'reading', 'measurement', 'systolic', 'diastolic', 'birth',
    ],
  },
  {
    id: 'clinical/blood-type',
    label: 'Blood type',
    group: 'clinical',
    severity: 'warning',
    description: 'ABO blood group and Rh factor.',
    patterns: [
      { words: ['blood', 'type'] }, { words: ['blood', 'group'] }, { words: ['abo'] }, { words: ['abo', 'group'] },
      { words: ['rh', 'factor'] }, { words: ['rh', 'type'] },
    ],
  },
  {
    id: 'clinical/reproductive',
    label: 'Pregnancy and reproductive health',
    group: 'clinical',
    severity: 'warning',
    description: 'Pregnancy, fertility, contraception, abortion and menstrual data.',
    patterns: [
      { words: ['pregnancy'] }, { words: ['pregnant'] }, { words: ['gestational', 'age'] }, { words: ['gestation'] },
      { words: ['trimester'] }, { words: ['prenatal'] }, { words: ['antenatal'] }, { words: ['postpartum'] },
      { words: ['postnatal'] }, { words: ['fertility'] }, { words: ['infertility'] }, { words: ['ivf'] },
      { words: ['contraception'] }, { words: ['contraceptive'] }, { words: ['birth', 'control'] }, { words: ['abortion'] },
      { words: ['miscarriage'] }, { words: ['menstrual'] }, { words: ['menstruation'] }, { words: ['lmp'] },
      { words: ['edd'] }, { words: ['obstetric'] }, { words: ['gravida'] },
      { words: ['due', 'date'], ambiguous: true },
    ],
    modifiers: ['estimated', 'expected', 'patient'],
  },
  {
    id: 'clinical/sexual-health',
    label: 'HIV status and sexual health',
    group: 'clinical',
    severity: 'warning',
    description: 'HIV status, sexually transmitted infections and sexual history.',
    patterns: [
      { words: ['hiv'] }, { words: ['hiv', 'status'] }, { words: ['std'], ambiguous: true }, { words: ['sti'], ambiguous: true },
      { words: ['sexually', 'transmitted'] }, { words: ['syphilis'] }, { words: ['gonorrhea'] }, { words: ['chlamydia'] },
      { words: ['herpes'] }, { words: ['hpv'] }, { words: ['sexual', 'history'] }, { words: ['sexual', 'health'] },
    ],
  },
  {
    id: 'clinical/genetic',
    label: 'Genetic information',
    group: 'clinical',
    severity: 'warning',
    description: 'Genetic tests, genomes, genotypes and hereditary conditions.',
    patterns: [
      { words: ['genetic'] }, { words: ['genetics'] }, { words: ['genome'] }, { words: ['genomic'] }, { words: ['genotype'] },
      { words: ['dna'] }, { words: ['brca'] }, { words: ['hereditary'] }, { words: ['carrier', 'status'] },
      { words: ['gene'], ambiguous: true },
    ],
  },
  {
    id: 'clinical/immunization',
    label: 'Immunizations',
    group: 'clinical',
    severity: 'warning',
    description: 'Vaccinations and immunization records.',
    patterns: [
      { words: ['vaccine'] }, { words: ['vaccination'] }, { words: ['immunization'] }, { words: ['immunisation'] },
      { words: ['vaccinated'] }, { words: ['booster'], ambiguous: true },
    ],
  },

  // ───────────────────────────── Mental health and substance use (strictest) ─────────────────────────────
  {
    id: 'mental-health/therapy-notes',
    label: 'Psychotherapy and session notes',
    group: 'mental-health',
    severity: 'error',
    description: 'Psychotherapy and counselling: session notes, therapists, therapy. Psychotherapy notes are protected apart under HIPAA (45 CFR 164.508(a)(2)).',
    patterns: [
      { words: ['psychotherapy'] }, { words: ['psychotherapy', 'note'] }, { words: ['therapy', 'note'] },
      { words: ['therapy', 'session'] }, { words: ['session', 'note'] }, { words: ['counseling', 'note'] },
      { words: ['counselling', 'note'] }, { words: ['therapist', 'note'] }, { words: ['process', 'note'] },
      { words: ['therapist'] }, { words: ['therapy'] }, { words: ['counseling'] }, { words: ['counselling'] },
      { words: ['counselor'] }, { words: ['counsellor'] }, { words: ['psychologist'] }, { words: ['psychiatrist'] },
      { words: ['psychiatry'] }, { words: ['cbt'], ambiguous: true }, { words: ['emdr'] },
    ],
    excludeBefore: [
      'physical', 'occupational', 'speech', 'respiratory', 'radiation', 'gene', 'hormone', 'replacement', 'infusion',
      'iv', 'oxygen', 'light', 'targeted', 'drug', 'physio', 'cell', 'immuno', 'antibiotic', 'antiviral', 'radio',
      'photo', 'financial', 'genetic', 'credit', 'career', 'legal', 'debt', 'lactation',
    ],
  },
  {
    id: 'mental-health/assessment',
    label: 'Mental-health screening scores',
    group: 'mental-health',
    severity: 'error',
    description: 'PHQ-9, GAD-7, EPDS, PCL-5, C-SSRS and mood scores, psychiatric evaluations.',
    patterns: [
      { words: ['phq'] }, { words: ['phq9'] }, { words: ['phq', '9'] }, { words: ['phq2'] }, { words: ['gad7'] }, { words: ['gad', '7'] },
      { words: ['gad2'] }, { words: ['mood', 'score'] }, { words: ['mood', 'rating'] }, { words: ['mood', 'log'] },
      { words: ['mood', 'entry'] }, { words: ['mood', 'tracker'] }, { words: ['depression', 'score'] },
      { words: ['anxiety', 'score'] }, { words: ['depression', 'screening'] }, { words: ['anxiety', 'screening'] },
      { words: ['epds'] }, { words: ['pcl5'] }, { words: ['pcl', '5'] }, { words: ['cssrs'] }, { words: ['c', 'ssrs'] },
      { words: ['mental', 'status'] }, { words: ['psychiatric', 'evaluation'] }, { words: ['psych', 'eval'] },
      { words: ['mood'], ambiguous: true }, { words: ['psych'], ambiguous: true },
    ],
    modifiers: ['current', 'daily', 'patient', 'score', 'level', 'value', 'rating'],
  },
  {
    id: 'mental-health/condition',
    label: 'Mental-health conditions and psychiatric medication',
    group: 'mental-health',
    severity: 'error',
    description: 'Mental-health diagnoses and the medications that reveal them.',
    patterns: [
      { words: ['mental', 'health'] }, { words: ['mental', 'illness'] }, { words: ['behavioral', 'health'] },
      { words: ['behavioural', 'health'] }, { words: ['psychiatric'] }, { words: ['depression'] }, { words: ['depressive'] },
      { words: ['anxiety'] }, { words: ['bipolar'] }, { words: ['schizophrenia'] }, { words: ['schizoaffective'] },
      { words: ['psychosis'] }, { words: ['psychotic'] }, { words: ['ptsd'] }, { words: ['ocd'] }, { words: ['adhd'] },
      { words: ['eating', 'disorder'] }, { words: ['anorexia'] }, { words: ['bulimia'] }, { words: ['binge', 'eating'] },
      { words: ['personality', 'disorder'] }, { words: ['dsm'] }, { words: ['dsm5'] }, { words: ['antidepressant'] },
      { words: ['antipsychotic'] }, { words: ['ssri'] }, { words: ['snri'] }, { words: ['benzodiazepine'] },
      { words: ['mood', 'stabilizer'] }, { words: ['trauma'], ambiguous: true },
    ],
    exclude: [['trauma', 'center']],
  },
  {
    id: 'mental-health/suicide-risk',
    label: 'Suicide risk, self-harm and crisis',
    group: 'mental-health',
    severity: 'error',
    description: 'Suicide risk and ideation, self-harm, crisis flags and safety plans.',
    patterns: [
      { words: ['suicide'] }, { words: ['suicide', 'risk'] }, { words: ['suicide', 'attempt'] }, { words: ['suicidal'] },
      { words: ['suicidal', 'ideation'] }, { words: ['suicidality'] }, { words: ['ideation'] },
      { words: ['self', 'harm'] }, { words: ['selfharm'] }, { words: ['self', 'injury'] }, { words: ['self', 'injurious'] },
      { words: ['nssi'] }, { words: ['crisis'] }, { words: ['safety', 'plan'] }, { words: ['homicidal'] },
    ],
  },
  {
    id: 'mental-health/substance-use',
    label: 'Substance use',
    group: 'mental-health',
    severity: 'error',
    description: 'Substance use, addiction, treatment and recovery; substance-use treatment records fall under 42 CFR Part 2.',
    patterns: [
      { words: ['substance', 'use'] }, { words: ['substance', 'abuse'] }, { words: ['sud'] }, { words: ['oud'] },
      { words: ['opioid', 'use'] }, { words: ['alcohol', 'use'] }, { words: ['alcohol', 'abuse'] },
      { words: ['alcoholism'] }, { words: ['alcoholic'] }, { words: ['drug', 'use'] }, { words: ['drug', 'abuse'] },
      { words: ['drug', 'screen'] }, { words: ['drug', 'screening'] }, { words: ['drug', 'test'] },
      { words: ['tox', 'screen'] }, { words: ['addiction'] }, { words: ['addicted'] }, { words: ['addict'] },
      { words: ['detox'] }, { words: ['detoxification'] }, { words: ['rehab'] }, { words: ['rehabilitation'] },
      { words: ['methadone'] }, { words: ['buprenorphine'] }, { words: ['suboxone'] }, { words: ['naltrexone'] },
      { words: ['vivitrol'] }, { words: ['naloxone'] }, { words: ['narcan'] }, { words: ['sobriety'] }, { words: ['sober'] },
      { words: ['overdose'] }, { words: ['audit', 'c'] }, { words: ['dast'] }, { words: ['cfr', 'part', '2'] },
      { words: ['substance'], ambiguous: true }, { words: ['alcohol'], ambiguous: true }, { words: ['relapse'], ambiguous: true },
    ],
    excludeBefore: [
      'physical', 'cardiac', 'pulmonary', 'stroke', 'ortho', 'orthopedic', 'orthopaedic', 'vocational', 'neuro',
      'post', 'surgical', 'sports', 'injury', 'knee', 'hip', 'shoulder',
    ],
    modifiers: ['patient', 'level', 'history', 'intake', 'status'],
  },
];

// ───────────────────────────── Context words ─────────────────────────────

/**
 * Words for a person, or a relative, employer or household member (whose identifiers Safe Harbor
 * also removes). In a container name they make a person context; in the name itself, before an
 * ambiguous pattern, they make it about a person (`patientName`, `motherMaidenName`).
 */
export const personWords: readonly string[] = [
  'patient', 'subscriber', 'beneficiary', 'enrollee', 'guarantor', 'caregiver', 'carer', 'contact', 'person',
  'people', 'resident', 'applicant', 'customer', 'individual', 'insured', 'policyholder', 'guardian', 'mother',
  'father', 'spouse', 'husband', 'wife', 'son', 'daughter', 'kin', 'nok', 'participant', 'employee', 'employer',
  'claimant', 'recipient', 'donor', 'decedent', 'respondent', 'registrant', 'cardholder', 'householder', 'household',
  'newborn', 'infant',
];

/**
 * Person words that also name code (`memberName` of a class, `clientName` of an OAuth app,
 * `userAgent`), so they make a person context only as the container: `member.name`, `user.email`.
 */
export const containerPersonWords: readonly string[] = ['member', 'client', 'user', 'dependent', 'dependant'];

/** Container words that hold a person's data when they open the container name: `profile.name`, `demographics.dob`, `name.given`. */
export const personContainerWords: readonly string[] = ['profile', 'demographic', 'demographics', 'name', 'humanname'];

/** Words right before a person word that make it software, not a person: `httpClient`, `dbUser`. */
export const techQualifiers: readonly string[] = [
  'http', 'https', 'api', 'rest', 'graphql', 'grpc', 'rpc', 'redis', 'db', 'database', 'sql', 'mongo', 'mongodb',
  'postgres', 'pg', 'mysql', 'sqlite', 's3', 'aws', 'gcp', 'azure', 'sdk', 'oauth', 'oauth2', 'oidc', 'web', 'socket',
  'ws', 'websocket', 'mqtt', 'kafka', 'amqp', 'smtp', 'imap', 'ftp', 'sftp', 'ssh', 'soap', 'elastic', 'search',
  'cache', 'prisma', 'supabase', 'firebase', 'stripe', 'twilio', 'sendgrid', 'axios', 'apollo', 'ldap', 'pubsub',
  'sqs', 'sns', 'dynamo', 'dynamodb', 'blob', 'storage', 'docker', 'tcp', 'udp', 'net', 'proxy', 'mail', 'email',
  'system', 'service', 'bot', 'root', 'anonymous', 'test', 'mock', 'fake', 'dummy', 'default',
];

/** Words right after a person word in a container name that make it code, not data: `UserService`, `userAgent`. */
export const nonPersonContainerTails: readonly string[] = [
  'agent', 'pool', 'service', 'repository', 'repo', 'controller', 'module', 'manager', 'factory', 'provider', 'config',
  'configuration', 'options', 'settings', 'count', 'counter', 'type', 'class', 'schema', 'role', 'permission', 'policy',
  'mapper', 'adapter', 'handler', 'api', 'client', 'query', 'resolver', 'router', 'route', 'table', 'column',
  'validator', 'serializer', 'guard', 'middleware', 'interceptor', 'limit', 'quota', 'token', 'secret', 'key', 'id',
];

/**
 * Container names that say nothing either way (`data.name`, `req.body.email`, `row.dob`): the
 * siblings may still make a person context. Any other container that is not person-like
 * (`file.name`, `config.address`, `font.weight`) is about something else.
 */
export const genericContainerWords: readonly string[] = [
  'data', 'body', 'payload', 'obj', 'object', 'item', 'row', 'record', 'value', 'result', 'response', 'res', 'req',
  'request', 'json', 'params', 'param', 'args', 'arg', 'props', 'input', 'form', 'state', 'doc', 'document',
  'entry', 'details', 'detail', 'info', 'dto', 'model', 'entity', 'attributes', 'attrs', 'fields', 'query',
  'this', 'self', 'ctx', 'context', 'current', 'selected', 'existing', 'updated', 'new', 'old', 'next', 'prev',
  'parsed', 'raw', 'formatted', 'normalized', 'initial', 'default', 'changes', 'patch', 'update', 'values', 'x',
  'o', 'a', 'b', 'd', 'p', 'r', 't', 'v', 'it', 'el', 'acc', 'any', 'unknown', 'partial',
  'array', 'promise', 'readonly', 'string',
];

// ───────────────────────────── Error context ─────────────────────────────

/** Container names that are errors: exactly one of these… */
export const errorContainerNames: readonly string[] = ['e', 'ex', 'err', 'error', 'exc', 'exception'];
/** …or containing one of these words (`validationErrors`, `lastException`). */
export const errorContainerWords: readonly string[] = ['err', 'error', 'exception', 'fault', 'failure', 'rejection'];
/** Sibling keys (lower-cased, separators removed) that alone make an object an error. */
export const errorSiblingMarkers: readonly string[] = ['stack', 'stacktrace', 'errno', 'syscall'];
/** An object with one of `errorMessageSiblings` and one of `errorCodeSiblings` is an error. */
export const errorMessageSiblings: readonly string[] = ['message', 'msg', 'errormessage'];
export const errorCodeSiblings: readonly string[] = ['code', 'errorcode', 'status', 'statuscode', 'error', 'errors'];

// ───────────────────────────── Negative patterns ─────────────────────────────

/** Word sequences that, anywhere in a name (outside the matched pattern), mean it is not PHI. */
export const negativeSequences: readonly (readonly string[])[] = [
  ['file', 'name'], ['host', 'name'], ['display', 'name'], ['user', 'agent'], ['code', 'system'], ['value', 'set'],
  ['status', 'code'], ['error', 'code'], ['response', 'code'], ['exit', 'code'], ['return', 'code'], ['zip', 'file'],
  ['zip', 'archive'], ['zip', 'folder'], ['font', 'family'], ['font', 'weight'], ['line', 'height'], ['class', 'name'],
  ['type', 'name'], ['table', 'name'], ['column', 'name'], ['field', 'name'], ['key', 'name'], ['tag', 'name'],
  ['event', 'name'], ['app', 'name'], ['package', 'name'], ['module', 'name'], ['service', 'name'],
  ['function', 'name'], ['method', 'name'], ['property', 'name'], ['variable', 'name'], ['bucket', 'name'],
  ['queue', 'name'], ['topic', 'name'], ['domain', 'name'], ['path', 'name'], ['dir', 'name'], ['base', 'name'],
];

/**
 * Words that, anywhere in a name outside the matched pattern, mean the value is a derivative
 * that no longer holds the PHI, or test data: `ssnHash`, `redactedName`, `maskedPhone`.
 */
export const negativeWords: readonly string[] = [
  'hash', 'hashed', 'digest', 'checksum', 'redacted', 'redact', 'redaction', 'masked', 'mask', 'anonymized',
  'anonymised', 'anonymous', 'anon', 'deidentified', 'deidentify', 'pseudonymized', 'pseudonymised', 'pseudonym',
  'tokenized', 'tokenised', 'encrypted', 'encrypt', 'encryption', 'cipher', 'ciphertext', 'obfuscated', 'scrubbed',
  'sanitized', 'sanitised', 'fake', 'faker', 'dummy', 'mock', 'mocked', 'stub', 'placeholder', 'regex', 'regexp',
  'schema', 'validator', 'sha', 'sha1', 'sha256', 'sha512', 'md5', 'bcrypt', 'salt', 'salted', 'hmac',
];

/**
 * Words that, before the match, make the name a count, a limit, a function or a flag rather than
 * the value: `numDiagnoses`, `maxAge`, `setEmail`, `onEmailChange`, `showDiagnosis`, `testPatient`.
 */
export const leadingNegatives: readonly string[] = [
  'num', 'count', 'cnt', 'number', 'total', 'max', 'min', 'maximum', 'minimum', 'length', 'size', 'get', 'set', 'on', 'handle',
  'validate', 'verify', 'check', 'format', 'parse', 'normalize', 'normalise', 'sanitize', 'toggle', 'show', 'hide',
  'render', 'should', 'can', 'allow', 'enable', 'disable', 'require', 'requires', 'need', 'needs', 'update', 'delete',
  'remove', 'add', 'create', 'send', 'submit', 'save', 'fetch', 'load', 'upload', 'download', 'export', 'import',
  'print', 'sort', 'filter', 'clear', 'reset', 'edit', 'open', 'close', 'default', 'example', 'sample', 'demo', 'test',
];

/** Like `leadingNegatives`, for identifiers only (a clinical flag such as `isPregnant` is PHI). */
export const identifierLeadingNegatives: readonly string[] = [
  'is', 'has', 'have', 'with', 'without', 'no', 'missing', 'invalid', 'valid', 'unique', 'duplicate', 'use', 'uses',
  'via', 'by',
];

/**
 * Words that, after the match, make the name metadata, UI, code or a record key rather than the
 * value: `nameLength`, `diagnosisCount`, `dobFormat`, `emailInput`, `diagnosisId`, `ssnKey`.
 */
export const trailingNegatives: readonly string[] = [
  'count', 'cnt', 'counter', 'length', 'len', 'size', 'total', 'max', 'min', 'limit', 'format', 'formatter',
  'pattern', 'regex', 'mask', 'label', 'hint', 'tooltip', 'placeholder', 'validation', 'validator', 'valid',
  'invalid', 'error', 'enabled', 'disabled', 'visible', 'visibility', 'hidden', 'required', 'optional', 'changed',
  'change', 'dirty', 'touched', 'pristine', 'focused', 'key', 'id', 'uuid', 'guid', 'index', 'idx', 'offset', 'width',
  'mode', 'style', 'class', 'classname', 'color', 'icon', 'config', 'configuration', 'option', 'setting', 'column',
  'field', 'type', 'kind', 'enum', 'schema', 'template', 'selector', 'ref', 'handler', 'callback', 'cb', 'listener',
  'fn', 'func', 'component', 'view', 'page', 'screen', 'modal', 'dialog', 'form', 'button', 'btn', 'input', 'picker',
  'editor', 'widget', 'panel', 'tab', 'section', 'container', 'wrapper', 'loader', 'loading', 'service',
  'controller', 'repository', 'repo', 'module', 'api', 'endpoint', 'route', 'router', 'resolver', 'mapper', 'query',
  'mutation', 'action', 'reducer', 'table', 'fetcher', 'util', 'utils', 'helper', 'factory', 'spec', 'fixture',
  'permission', 'access', 'version', 'locale', 'lang', 'language', 'translation', 'i18n', 'prefix', 'separator',
  'delimiter', 'to', 'strategy', 'literal', 'parser', 'serializer', 'generator', 'converter', 'cidr', 'subnet',
];

/** Like `trailingNegatives`, for identifiers only (`hivStatus` is PHI, `emailStatus` is not). */
export const identifierTrailingNegatives: readonly string[] = [
  'status', 'verified', 'verification', 'confirmed', 'confirmation', 'consent', 'opt', 'optin', 'opted', 'optout',
  'preference', 'sender', 'client', 'subject', 'body', 'domain', 'queue', 'job', 'worker', 'transport',
  'notification', 'notify', 'sent', 'exists', 'available', 'taken', 'unique', 'match', 'mismatch', 'policy',
  'privacy', 'token', 'otp', 'code', 'country', 'region', 'provider', 'updated', 'sort', 'filter', 'order',
  'direction', 'asc', 'desc',
];

/** Words allowed right before an ambiguous pattern in every category: `formattedDob`, `currentAddress`. */
export const neutralBefore: readonly string[] = [
  'formatted', 'parsed', 'normalized', 'normalised', 'current', 'previous', 'prior', 'primary', 'secondary', 'main',
  'full', 'complete', 'actual', 'verified', 'confirmed',
];

/** Words allowed right after an ambiguous pattern in every category: `addressLine`, `dobIso`, `nameText`. */
export const neutralAfter: readonly string[] = [
  'formatted', 'raw', 'full', 'text', 'value', 'val', 'str', 'string', 'data', 'info', 'details', 'detail', 'line',
  'part', 'iso', 'utc', 'local', 'json', 'display',
];

/**
 * Pattern words that are abbreviations only at the end of a name or before a number: `memberNo`,
 * `phoneNo2`, but not `memberNoExport` or `patientNoShow`.
 */
export const endingAbbreviations: readonly string[] = ['no', 'num'];

/** Words allowed after a `head` pattern: `patientRecord`, `patientsList`, `patientDto`. */
export const recordTails: readonly string[] = [
  'data', 'info', 'information', 'details', 'detail', 'record', 'obj', 'object', 'dto', 'json', 'payload', 'doc',
  'document', 'row', 'entity', 'profile', 'list', 'array', 'summary', 'chart', 'snapshot', 'bundle', 'resource',
  'response', 'result', 'raw', 'full', 'file',
];
