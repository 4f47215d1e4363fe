import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  builtInCategories,
  createNameClassifier,
  effectiveCategories,
  nameClassifierOptionProblems,
  nameClassifierOptionsFromConfig,
  splitWords,
  type NameContext,
} from '../src/sources/heuristics/index.js';

/** [name, expected category (undefined: not PHI), expected confidence (default high), context]. */
type Row = readonly [name: string, category: string | undefined, confidence?: 'high' | 'low', context?: NameContext];

const patient: NameContext = { containerName: 'patient' };

const safeHarborRows: Row[] = [
  // (A) names
  ['firstName', 'safe-harbor/name'],
  ['last_name', 'safe-harbor/name'],
  ['fullName', 'safe-harbor/name'],
  ['surname', 'safe-harbor/name'],
  ['givenName', 'safe-harbor/name'],
  ['middleInitial', 'safe-harbor/name'],
  ['motherMaidenName', 'safe-harbor/name'],
  ['preferredName', 'safe-harbor/name'],
  ['patientName', 'safe-harbor/name'],
  ['emergencyContactName', 'safe-harbor/name'],
  ['guardianName', 'safe-harbor/name'],
  ['fname', 'safe-harbor/name'],
  // (B) geography smaller than a state
  ['streetAddress', 'safe-harbor/geographic'],
  ['homeAddress', 'safe-harbor/geographic'],
  ['addressLine1', 'safe-harbor/geographic'],
  ['zipCode', 'safe-harbor/geographic'],
  ['zipcode', 'safe-harbor/geographic'],
  ['postalCode', 'safe-harbor/geographic'],
  ['postcode', 'safe-harbor/geographic'],
  ['patientCity', 'safe-harbor/geographic'],
  ['county', 'safe-harbor/geographic', 'low'],
  ['censusTract', 'safe-harbor/geographic'],
  ['placeOfBirth', 'safe-harbor/geographic'],
  // (C) dates about a person, ages
  ['dateOfBirth', 'safe-harbor/date', 'low'],
  ['birthDate', 'safe-harbor/date', 'low'],
  ['patientDob', 'safe-harbor/date'],
  ['admissionDate', 'safe-harbor/date'],
  ['admitDate', 'safe-harbor/date'],
  ['discharge_date', 'safe-harbor/date'],
  ['dischargedAt', 'safe-harbor/date'],
  ['dateOfDeath', 'safe-harbor/date'],
  ['deceasedDateTime', 'safe-harbor/date'],
  ['appointmentTime', 'safe-harbor/date'],
  ['patientAge', 'safe-harbor/date'],
  ['ageAtDeath', 'safe-harbor/date'],
  // (D) telephone, (E) fax, (F) email
  ['phone', 'safe-harbor/phone'],
  ['phoneNumber', 'safe-harbor/phone'],
  ['homePhone', 'safe-harbor/phone'],
  ['telephone', 'safe-harbor/phone'],
  ['mobileNumber', 'safe-harbor/phone'],
  ['phoneNo', 'safe-harbor/phone'],
  ['faxNumber', 'safe-harbor/fax', 'high', patient],
  ['fax', 'safe-harbor/fax', 'low'],
  ['email', 'safe-harbor/email'],
  ['emailAddress', 'safe-harbor/email'],
  ['e-mail', 'safe-harbor/email'],
  ['patientEmail', 'safe-harbor/email'],
  ['toEmail', 'safe-harbor/email'],
  // (G) SSN, (H) MRN, (I) health plan, (J) account, (K) licence
  ['ssn', 'safe-harbor/ssn'],
  ['socialSecurityNumber', 'safe-harbor/ssn'],
  ['ssnLast4', 'safe-harbor/ssn'],
  ['taxId', 'safe-harbor/ssn'],
  ['mrn', 'safe-harbor/medical-record-number'],
  ['medicalRecordNumber', 'safe-harbor/medical-record-number'],
  ['patientNumber', 'safe-harbor/medical-record-number'],
  ['memberNumber', 'safe-harbor/health-plan-number'],
  ['subscriberId', 'safe-harbor/health-plan-number'],
  ['insuranceMemberId', 'safe-harbor/health-plan-number'],
  ['policyNumber', 'safe-harbor/health-plan-number'],
  ['medicareId', 'safe-harbor/health-plan-number'],
  ['mbi', 'safe-harbor/health-plan-number'],
  ['accountNumber', 'safe-harbor/account-number'],
  ['acctNum', 'safe-harbor/account-number'],
  ['bankAccount', 'safe-harbor/account-number'],
  ['creditCardNumber', 'safe-harbor/account-number'],
  ['iban', 'safe-harbor/account-number'],
  ['licenseNumber', 'safe-harbor/license-number'],
  ['licence_number', 'safe-harbor/license-number'],
  ['driversLicense', 'safe-harbor/license-number'],
  ['passportNumber', 'safe-harbor/license-number'],
  ['birthCertificate', 'safe-harbor/license-number'],
  // (L) vehicles, (M) devices, (N) URLs, (O) IP addresses
  ['vin', 'safe-harbor/vehicle-id'],
  ['licensePlate', 'safe-harbor/vehicle-id'],
  ['vehicleId', 'safe-harbor/vehicle-id'],
  ['deviceSerial', 'safe-harbor/device-id'],
  ['udi', 'safe-harbor/device-id'],
  ['imei', 'safe-harbor/device-id'],
  ['advertisingId', 'safe-harbor/device-id'],
  ['deviceId', 'safe-harbor/device-id', 'low'],
  ['serialNumber', 'safe-harbor/device-id', 'high', patient],
  ['profileUrl', 'safe-harbor/url'],
  ['website', 'safe-harbor/url', 'low'],
  ['url', 'safe-harbor/url', 'high', patient],
  ['ipAddress', 'safe-harbor/ip-address'],
  ['clientIp', 'safe-harbor/ip-address'],
  ['remoteAddress', 'safe-harbor/ip-address'],
  ['x-forwarded-for', 'safe-harbor/ip-address'],
  ['ipv6', 'safe-harbor/ip-address'],
  // (P) biometrics, (Q) photos, (R) other unique identifiers
  ['fingerprint', 'safe-harbor/biometric', 'high', patient],
  ['voiceprint', 'safe-harbor/biometric'],
  ['retinaScan', 'safe-harbor/biometric'],
  ['biometricData', 'safe-harbor/biometric'],
  ['profilePhoto', 'safe-harbor/photo'],
  ['headshot', 'safe-harbor/photo'],
  ['photoUrl', 'safe-harbor/photo', 'high', patient],
  ['photo', 'safe-harbor/photo', 'low'],
  ['patientId', 'safe-harbor/unique-id'],
  ['patient_id', 'safe-harbor/unique-id'],
  ['patientIDs', 'safe-harbor/unique-id'],
  ['memberId', 'safe-harbor/unique-id'],
  ['nhsNumber', 'safe-harbor/unique-id'],
  ['passcode', 'safe-harbor/unique-id'],
  ['userId', 'safe-harbor/unique-id', 'low'],
];

const clinicalRows: Row[] = [
  ['diagnosis', 'clinical/diagnosis'],
  ['diagnoses', 'clinical/diagnosis'],
  ['primaryDiagnosis', 'clinical/diagnosis'],
  ['diagnosisCode', 'clinical/diagnosis'],
  ['dx', 'clinical/diagnosis', 'low'],
  ['dx', 'clinical/diagnosis', 'high', patient],
  ['icd10', 'clinical/diagnosis'],
  ['ICD10Code', 'clinical/diagnosis'],
  ['icd_10_code', 'clinical/diagnosis'],
  ['snomedCode', 'clinical/diagnosis'],
  ['condition', 'clinical/diagnosis', 'high', patient],
  ['medicalConditions', 'clinical/diagnosis'],
  ['chiefComplaint', 'clinical/diagnosis'],
  ['symptoms', 'clinical/diagnosis'],
  ['hasDiabetes', 'clinical/diagnosis'],
  ['smokingStatus', 'clinical/diagnosis'],
  ['cpt', 'clinical/procedure'],
  ['cptCodes', 'clinical/procedure'],
  ['surgeryHistory', 'clinical/procedure'],
  ['physicalTherapy', 'clinical/procedure'],
  ['medication', 'clinical/medication'],
  ['medications', 'clinical/medication'],
  ['meds', 'clinical/medication'],
  ['rx', 'clinical/medication', 'low'],
  ['rx', 'clinical/medication', 'high', patient],
  ['prescription', 'clinical/medication'],
  ['dosage', 'clinical/medication'],
  ['ndcCode', 'clinical/medication'],
  ['drugName', 'clinical/medication'],
  ['allergies', 'clinical/allergy'],
  ['allergyIntolerance', 'clinical/allergy'],
  ['isAllergic', 'clinical/allergy'],
  ['labResults', 'clinical/lab-result'],
  ['a1c', 'clinical/lab-result'],
  ['hba1c', 'clinical/lab-result'],
  ['HbA1c', 'clinical/lab-result'],
  ['HBA1C', 'clinical/lab-result'],
  ['glucoseLevel', 'clinical/lab-result'],
  ['totalCholesterol', 'clinical/lab-result'],
  ['cd4Count', 'clinical/lab-result'],
  ['viralLoad', 'clinical/lab-result'],
  ['vitals', 'clinical/vitals'],
  ['bloodPressure', 'clinical/vitals'],
  ['bp', 'clinical/vitals', 'low'],
  ['bp', 'clinical/vitals', 'high', patient],
  ['hr', 'clinical/vitals', 'high', patient],
  ['heartRate', 'clinical/vitals'],
  ['spo2', 'clinical/vitals'],
  ['SpO2', 'clinical/vitals'],
  ['bmi', 'clinical/vitals'],
  ['weight', 'clinical/vitals', 'high', patient],
  ['weightKg', 'clinical/vitals', 'high', patient],
  ['bloodType', 'clinical/blood-type'],
  ['blood_group', 'clinical/blood-type'],
  ['pregnancyStatus', 'clinical/reproductive'],
  ['isPregnant', 'clinical/reproductive'],
  ['gestationalAge', 'clinical/reproductive'],
  ['hivStatus', 'clinical/sexual-health'],
  ['HIVStatus', 'clinical/sexual-health'],
  ['hasHiv', 'clinical/sexual-health'],
  ['geneticTestResult', 'clinical/genetic'],
  ['vaccinationStatus', 'clinical/immunization'],
  ['patient', 'clinical/record'],
  ['currentPatient', 'clinical/record'],
  ['patientRecord', 'clinical/record'],
  ['medicalHistory', 'clinical/record'],
  ['progressNotes', 'clinical/record'],
  ['notes', 'clinical/record', 'high', patient],
];

const mentalHealthRows: Row[] = [
  ['therapyNotes', 'mental-health/therapy-notes'],
  ['sessionNotes', 'mental-health/therapy-notes'],
  ['session_notes', 'mental-health/therapy-notes'],
  ['psychotherapyNotes', 'mental-health/therapy-notes'],
  ['psychotherapy', 'mental-health/therapy-notes'],
  ['therapist', 'mental-health/therapy-notes'],
  ['counselingNotes', 'mental-health/therapy-notes'],
  ['phq9', 'mental-health/assessment'],
  ['phq9Score', 'mental-health/assessment'],
  ['PHQ-9', 'mental-health/assessment'],
  ['PHQ9_SCORE', 'mental-health/assessment'],
  ['gad7', 'mental-health/assessment'],
  ['GAD-7', 'mental-health/assessment'],
  ['gad7Score', 'mental-health/assessment'],
  ['moodScore', 'mental-health/assessment'],
  ['mood', 'mental-health/assessment', 'high', patient],
  ['mood', 'mental-health/assessment', 'low'],
  ['depressionScreening', 'mental-health/assessment'],
  ['depression', 'mental-health/condition'],
  ['bipolarDisorder', 'mental-health/condition'],
  ['ptsd', 'mental-health/condition'],
  ['antidepressant', 'mental-health/condition'],
  ['suicideRisk', 'mental-health/suicide-risk'],
  ['suicidalIdeation', 'mental-health/suicide-risk'],
  ['selfHarm', 'mental-health/suicide-risk'],
  ['self_harm', 'mental-health/suicide-risk'],
  ['SELF_HARM_FLAG', 'mental-health/suicide-risk'],
  ['crisisFlag', 'mental-health/suicide-risk'],
  ['isInCrisis', 'mental-health/suicide-risk'],
  ['safetyPlan', 'mental-health/suicide-risk'],
  ['substanceUse', 'mental-health/substance-use'],
  ['substance_abuse_history', 'mental-health/substance-use'],
  ['addiction', 'mental-health/substance-use'],
  ['alcoholUse', 'mental-health/substance-use'],
  ['drugUse', 'mental-health/substance-use'],
  ['drugScreen', 'mental-health/substance-use'],
  ['methadoneDose', 'mental-health/substance-use'],
  ['rehab', 'mental-health/substance-use'],
  ['rehabilitationProgram', 'mental-health/substance-use'],
  ['overdose', 'mental-health/substance-use'],
  ['sobrietyDate', 'mental-health/substance-use'],
];

const contextRows: Row[] = [
  ['name', 'safe-harbor/name', 'high', { personContext: true }],
  ['name', 'safe-harbor/name', 'low'],
  ['name', undefined, undefined, { personContext: false }],
  ['name', 'safe-harbor/name', 'high', { containerName: 'user' }],
  ['name', 'safe-harbor/name', 'high', { containerName: 'req.user' }],
  ['name', 'safe-harbor/name', 'high', { containerName: 'PatientDto' }],
  ['name', 'safe-harbor/name', 'high', { containerName: 'Array<Member>' }],
  ['name', 'safe-harbor/name', 'high', { containerName: 'subscriber' }],
  ['name', undefined, undefined, { containerName: 'file' }],
  ['name', undefined, undefined, { containerName: 'config' }],
  ['name', undefined, undefined, { containerName: 'httpClient' }],
  ['name', undefined, undefined, { containerName: 'UserService' }],
  ['name', undefined, undefined, { containerName: 'userAgent' }],
  ['given', 'safe-harbor/name', 'high', { containerName: 'name' }],
  ['address', 'safe-harbor/geographic', 'high', patient],
  ['address', 'safe-harbor/geographic', 'low'],
  ['address', undefined, undefined, { containerName: 'server' }],
  ['dob', 'safe-harbor/date', 'high', { containerName: 'member' }],
  ['dob', 'safe-harbor/date', 'low'],
  ['city', undefined, undefined, { containerName: 'weatherConfig' }],
  ['location', undefined, undefined, { containerName: 'window' }],
  // siblings make a person: one clear identifier, or two ambiguous ones
  ['name', 'safe-harbor/name', 'high', { containerName: 'data', siblings: ['name', 'ssn'] }],
  ['address', 'safe-harbor/geographic', 'high', { siblings: ['firstName', 'lastName', 'address'] }],
  ['name', 'safe-harbor/name', 'high', { siblings: ['name', 'dob', 'address'] }],
  ['name', 'safe-harbor/name', 'low', { siblings: ['name', 'size', 'type'] }],
  // error objects: identifiers are not PHI, clinical keys are less certain
  ['email', undefined, undefined, { siblings: ['code', 'message', 'email'] }],
  ['email', undefined, undefined, { containerName: 'err' }],
  ['email', undefined, undefined, { containerName: 'validationErrors' }],
  ['name', undefined, undefined, { siblings: ['name', 'message', 'stack'] }],
  ['ssn', undefined, undefined, { containerName: 'error' }],
  ['diagnosis', 'clinical/diagnosis', 'low', { containerName: 'exception' }],
  // a name inside the name, or a qualifier, decides
  ['fileName', undefined, undefined, patient],
  ['planName', undefined, undefined, { containerName: 'member' }],
  ['doctorName', undefined, undefined, patient],
  ['hostName', undefined, undefined, patient],
];

const negativeRows: Row[] = [
  ['fileName', undefined],
  ['filename', undefined],
  ['hostName', undefined],
  ['hostname', undefined],
  ['displayName', undefined],
  ['userName', undefined],
  ['className', undefined],
  ['codeSystemUrl', undefined],
  ['code_system_url', undefined],
  ['diagnosisCodeSystem', undefined],
  ['hash', undefined],
  ['ssnHash', undefined],
  ['hashedSsn', undefined],
  ['emailSha256', undefined],
  ['redacted', undefined],
  ['redactedEmail', undefined],
  ['maskedPhone', undefined],
  ['encryptedSsn', undefined],
  ['count', undefined],
  ['length', undefined],
  ['nameLength', undefined],
  ['diagnosisCount', undefined],
  ['numDiagnoses', undefined],
  ['totalPatients', undefined],
  ['patientCount', undefined],
  ['ssnLength', undefined],
  ['statusCode', undefined],
  ['errorCode', undefined],
  ['zipFile', undefined],
  ['zip_archive', undefined],
  ['zipCodeRegex', undefined],
  ['userAgent', undefined],
  ['maxAge', undefined],
  ['cacheAge', undefined],
  ['fontFamily', undefined],
  ['fontWeight', undefined],
  ['imageHeight', undefined],
  ['apiUrl', undefined],
  ['baseUrl', undefined],
  ['serverIp', undefined],
  ['ipWhitelist', undefined],
  ['browserFingerprint', undefined],
  ['clientId', undefined],
  ['clientSecret', undefined],
  ['sessionId', undefined],
  ['requestId', undefined],
  ['diagnosisId', undefined],
  ['emailVerified', undefined],
  ['emailTemplate', undefined],
  ['emailService', undefined],
  ['supportEmail', undefined],
  ['noReplyEmail', undefined],
  ['clinicPhone', undefined],
  ['phoneType', undefined],
  ['iPhone', undefined],
  ['isEmail', undefined],
  ['hasEmail', undefined],
  ['setEmail', undefined],
  ['onEmailChange', undefined],
  ['validateEmail', undefined],
  ['emailInput', undefined],
  ['dobFormat', undefined],
  ['showDiagnosis', undefined],
  ['nameServer', undefined],
  ['addressFamily', undefined],
  ['whereCondition', undefined],
  ['storedProcedure', undefined],
  ['patientService', undefined],
  ['testPatient', undefined],
  ['birthYear', undefined],
  ['memberNoShow', undefined],
  ['awsAccountId', undefined],
  ['crisisMode', undefined],
  ['physicalRehab', 'clinical/procedure'],
  ['statusCodeText', undefined],
  ['id', undefined],
  ['key', undefined],
  ['data', undefined],
  ['', undefined],
  ['__proto__', undefined],
  ['wGR3sQDxEWaWCkxyGS7D', undefined],
];

const classify = createNameClassifier();

function title([name, category, confidence, context]: Row): string {
  const where = context ? ` in ${JSON.stringify(context)}` : '';
  return `${JSON.stringify(name)}${where} → ${category ?? 'not PHI'}${category ? ` (${confidence ?? 'high'})` : ''}`;
}

function check([name, category, confidence, context]: Row): void {
  const result = classify(name, context);
  if (category === undefined) {
    expect(result, `${name} ${JSON.stringify(context ?? {})}`).toBeUndefined();
    return;
  }
  expect(result, `${name} ${JSON.stringify(context ?? {})}`).toBeDefined();
  expect({ name: result?.name, category: result?.category, confidence: result?.confidence })
    .toEqual({ name, category, confidence: confidence ?? 'high' });
}

describe('splitWords', () => {
  it.each([
    ['patientDOB', ['patient', 'dob']],
    ['date_of_birth', ['date', 'of', 'birth']],
    ['first-name', ['first', 'name']],
    ['SSN', ['ssn']],
    ['mrn2', ['mrn2']],
    ['HIVStatus', ['hiv', 'status']],
    ['phq9Score', ['phq9', 'score']],
    ['HbA1c', ['hb', 'a1c']],
    ['PATIENT_SSN', ['patient', 'ssn']],
    ['patientIDs', ['patient', 'ids']],
    ['XMLHttpRequest', ['xml', 'http', 'request']],
    ['ICD10Code', ['icd10', 'code']],
    ['Date of Birth', ['date', 'of', 'birth']],
    ['patient.name', ['patient', 'name']],
    ['_private$field', ['private', 'field']],
    ['', []],
  ] as const)('%s', (identifier, words) => {
    expect(splitWords(identifier)).toEqual(words);
  });
});

describe('name classification table', () => {
  const rows = [...safeHarborRows, ...clinicalRows, ...mentalHealthRows, ...contextRows, ...negativeRows];

  it('has at least 150 names', () => {
    expect(rows.length).toBeGreaterThanOrEqual(150);
  });

  describe('Safe Harbor identifiers', () => {
    for (const row of safeHarborRows) it(title(row), () => check(row));
  });
  describe('clinical data', () => {
    for (const row of clinicalRows) it(title(row), () => check(row));
  });
  describe('mental health and substance use', () => {
    for (const row of mentalHealthRows) it(title(row), () => check(row));
  });
  describe('context', () => {
    for (const row of contextRows) it(title(row), () => check(row));
  });
  describe('negative patterns', () => {
    for (const row of negativeRows) it(title(row), () => check(row));
  });

  it('covers all 18 Safe Harbor identifier categories', () => {
    const covered = new Set(safeHarborRows.map(([, category]) => category));
    const identifiers = builtInCategories.filter((category) => category.group === 'identifier').map((category) => category.id);
    expect(identifiers).toHaveLength(18);
    for (const id of identifiers) expect(covered, id).toContain(id);
  });

  it('holds mental health and substance use to the strictest severity', () => {
    for (const [name, , , context] of mentalHealthRows) {
      expect(classify(name, context)?.severity, name).toBe('error');
    }
    for (const category of builtInCategories) {
      expect(category.severity, category.id).toBe(category.group === 'mental-health' ? 'error' : 'warning');
    }
  });

  it('prefers the stricter category when several match', () => {
    expect(classify('therapistName')?.category).toBe('mental-health/therapy-notes');
    expect(classify('patientSubstanceUseHistory')?.category).toBe('mental-health/substance-use');
  });

  it('keeps a broad code exclusion from losing passcode', () => {
    expect(classify('passcode')?.category).toBe('safe-harbor/unique-id');
    expect(classify('statusCode')).toBeUndefined();
    expect(classify('zipCode')?.category).toBe('safe-harbor/geographic');
    expect(classify('zipFile')).toBeUndefined();
  });
});

describe('explanations', () => {
  it('says which name, pattern and category', () => {
    const result = classify('patientDateOfBirth');
    expect(result).toMatchObject({
      name: 'patientDateOfBirth',
      category: 'safe-harbor/date',
      label: 'Dates about a person, and ages',
      group: 'identifier',
      severity: 'warning',
      pattern: 'date of birth',
      confidence: 'high',
    });
    expect(result?.reason).toContain('"patientDateOfBirth"');
    expect(result?.reason).toContain('"date of birth"');
    expect(result?.reason).toContain('safe-harbor/date');
    expect(result?.reason).toContain('"patient"');
  });

  it('names the container that made the person context', () => {
    expect(classify('name', { containerName: 'subscriber' })?.reason).toContain('container "subscriber"');
    expect(classify('name', { siblings: ['name', 'ssn'] })?.reason).toContain('sibling "ssn"');
  });

  it('memoizes without mixing contexts', () => {
    expect(classify('name', { containerName: 'file' })).toBeUndefined();
    expect(classify('name', { containerName: 'patient' })?.confidence).toBe('high');
    expect(classify('name')?.confidence).toBe('low');
    expect(classify('name', { containerName: 'file' })).toBeUndefined();
    const first = classify('patientEmail');
    expect(classify('patientEmail')).toBe(first);
  });
});

describe('options', () => {
  it('disables a category, a category prefix or a group', () => {
    expect(createNameClassifier({ disabledCategories: ['safe-harbor/url'] })('url', patient)).toBeUndefined();
    const noClinical = createNameClassifier({ disabledCategories: ['clinical'] });
    expect(noClinical('diagnosis')).toBeUndefined();
    expect(noClinical('ssn')?.category).toBe('safe-harbor/ssn');
    expect(createNameClassifier({ disabledCategories: ['identifier'] })('ssn')).toBeUndefined();
    expect(createNameClassifier({ disabledCategories: ['mental-health'] })('therapistName')).toBeUndefined();
  });

  it('adds a pattern to a category, in any spelling', () => {
    const classifier = createNameClassifier({
      extraPatterns: [
        { category: 'clinical/medication', pattern: 'semaglutide' },
        { category: 'safe-harbor/unique-id', pattern: 'chart_key', ambiguous: true },
      ],
    });
    expect(classifier('semaglutideWeekly')).toMatchObject({ category: 'clinical/medication', pattern: 'semaglutide' });
    expect(classifier('CHART_KEY')).toMatchObject({ category: 'safe-harbor/unique-id', pattern: 'chart key', confidence: 'low' });
    expect(classifier('chartKey', patient)).toMatchObject({ category: 'safe-harbor/unique-id', confidence: 'high' });
    expect(classify('semaglutideWeekly')).toBeUndefined();
  });

  it('disables a pattern everywhere or in one category', () => {
    expect(createNameClassifier({ disabledPatterns: ['hr'] })('hr', patient)).toBeUndefined();
    expect(createNameClassifier({ disabledPatterns: ['clinical/vitals:weight'] })('weight', patient)).toBeUndefined();
    const noDob = createNameClassifier({ disabledPatterns: ['dob'] });
    expect(noDob('dob', patient)).toBeUndefined();
    expect(noDob('dateOfBirth', patient)?.category).toBe('safe-harbor/date');
  });

  it('adds categories and negative patterns', () => {
    const classifier = createNameClassifier({
      extraCategories: [{ id: 'custom/study-arm', label: 'Study arm', patterns: ['study arm'], ambiguousPatterns: ['arm'], exclude: ['arm64'] }],
      extraNegatives: ['ssn example', 'sandbox'],
    });
    expect(classifier('studyArm')).toMatchObject({ category: 'custom/study-arm', group: 'clinical', severity: 'warning', confidence: 'high' });
    expect(classifier('arm')).toMatchObject({ category: 'custom/study-arm', confidence: 'low' });
    expect(classifier('arm64')).toBeUndefined();
    expect(classifier('ssnExample')).toBeUndefined();
    expect(classifier('sandboxEmail')).toBeUndefined();
    expect(classifier('ssn')?.category).toBe('safe-harbor/ssn');
  });

  it('reports configuration mistakes', () => {
    expect(nameClassifierOptionProblems({})).toEqual([]);
    const problems = nameClassifierOptionProblems({
      disabledCategories: ['safe-harbor/nmae'],
      extraPatterns: [{ category: 'clinical/unknown', pattern: 'x ray' }],
      disabledPatterns: ['no such pattern'],
      extraCategories: [{ id: 'clinical/diagnosis', patterns: ['dup'] }],
    });
    expect(problems).toHaveLength(4);
    expect(() => createNameClassifier({ disabledCategories: ['nope'] })).toThrow(/Unknown heuristic category "nope"/);
  });

  it('maps the proposed phi.config.json shape', () => {
    const options = nameClassifierOptionsFromConfig({
      disable: ['safe-harbor/url'],
      patterns: [{ category: 'clinical/medication', pattern: 'glp1 dose' }],
      disablePatterns: ['hr'],
      ignore: ['sandbox'],
    });
    expect(options).toEqual({
      disabledCategories: ['safe-harbor/url'],
      extraPatterns: [{ category: 'clinical/medication', pattern: 'glp1 dose' }],
      disabledPatterns: ['hr'],
      extraNegatives: ['sandbox'],
      extraCategories: [],
    });
    expect(effectiveCategories(options).some((category) => category.id === 'safe-harbor/url')).toBe(false);
  });
});

describe('data and documentation', () => {
  it('has unique category ids and lower-case, non-empty patterns', () => {
    const ids = builtInCategories.map((category) => category.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const category of builtInCategories) {
      expect(category.patterns.length, category.id).toBeGreaterThan(0);
      for (const pattern of category.patterns) {
        expect(pattern.words.length).toBeGreaterThan(0);
        for (const word of pattern.words) expect(word, category.id).toMatch(/^[a-z0-9]+$/);
      }
    }
  });

  it('documents every built-in category', () => {
    const docs = readFileSync(new URL('../docs/heuristics.md', import.meta.url), 'utf8');
    for (const category of builtInCategories) expect(docs, category.id).toContain(`\`${category.id}\``);
  });

  it('is fast enough to run on every name', () => {
    const classifier = createNameClassifier();
    const names = [...safeHarborRows, ...clinicalRows, ...negativeRows].map(([name]) => name);
    const started = performance.now();
    for (let round = 0; round < 20; round++) {
      for (const name of names) classifier(`${name}${round}`, { containerName: 'record' });
    }
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
