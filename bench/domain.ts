// The clinical domain the generated projects are made of: record types with their PHI fields, and
// the specialties that own them.

export type FieldType = 'string' | 'number' | 'boolean' | 'string[]';

export interface Field {
  name: string;
  type: FieldType;
  /** Whether the field holds PHI. */
  phi: boolean;
}

export interface Entity {
  name: string;
  /**
   * `type`: the interface carries `@phi` and the safe fields `@notPhi`;
   * `property`: only the PHI fields carry `@phi`.
   */
  tagging: 'type' | 'property';
  /** Statuses of the record's life cycle (never PHI). */
  statuses: readonly string[];
  fields: readonly Field[];
}

const text = (name: string): Field => ({ name, type: 'string', phi: true });
const safe = (name: string, type: FieldType = 'string'): Field => ({ name, type, phi: false });
const phiOf = (name: string, type: FieldType): Field => ({ name, type, phi: true });

export const ENTITIES: readonly Entity[] = [
  {
    name: 'Patient',
    tagging: 'type',
    statuses: ['active', 'inactive', 'deceased'],
    fields: [text('fullName'), text('dateOfBirth'), text('mrn'), text('phone'), text('email'), text('homeAddress'), phiOf('conditions', 'string[]'), safe('preferredLanguage')],
  },
  {
    name: 'Encounter',
    tagging: 'type',
    statuses: ['planned', 'in-progress', 'finished'],
    fields: [text('chiefComplaint'), text('clinicianNotes'), text('admittedAt'), text('dischargeSummary'), safe('facilityCode'), safe('lengthOfStayDays', 'number')],
  },
  {
    name: 'LabResult',
    tagging: 'type',
    statuses: ['registered', 'preliminary', 'final'],
    fields: [safe('loincCode'), phiOf('value', 'number'), safe('unit'), text('interpretation'), text('specimenCollectedAt'), text('orderingNotes')],
  },
  {
    name: 'Prescription',
    tagging: 'type',
    statuses: ['draft', 'active', 'completed', 'cancelled'],
    fields: [text('drugName'), text('dosage'), text('instructions'), text('prescriberNote'), safe('refillsRemaining', 'number'), safe('pharmacyId')],
  },
  {
    name: 'Appointment',
    tagging: 'property',
    statuses: ['booked', 'arrived', 'fulfilled', 'noshow'],
    fields: [safe('startsAt'), safe('room'), safe('durationMinutes', 'number'), text('reason'), text('patientName'), safe('virtual', 'boolean')],
  },
  {
    name: 'Claim',
    tagging: 'property',
    statuses: ['submitted', 'adjudicated', 'paid', 'denied'],
    fields: [safe('amountCents', 'number'), safe('payerId'), phiOf('diagnosisCodes', 'string[]'), text('memberName'), text('memberId'), safe('batchId')],
  },
  {
    name: 'Referral',
    tagging: 'type',
    statuses: ['requested', 'accepted', 'declined'],
    fields: [safe('specialty'), text('reason'), text('referringNotes'), safe('urgency'), text('contactPhone')],
  },
  {
    name: 'ImagingStudy',
    tagging: 'type',
    statuses: ['scheduled', 'acquired', 'reported'],
    fields: [safe('modality'), text('bodySite'), text('findings'), text('impression'), safe('seriesCount', 'number')],
  },
  {
    name: 'Immunization',
    tagging: 'type',
    statuses: ['completed', 'not-done'],
    fields: [safe('vaccineCode'), text('lotNumber'), text('administeredAt'), text('reactionNotes'), safe('doseNumber', 'number')],
  },
  {
    name: 'Allergy',
    tagging: 'type',
    statuses: ['active', 'resolved'],
    fields: [text('substance'), text('reaction'), safe('severity'), text('notedBy'), safe('verified', 'boolean')],
  },
  {
    name: 'CarePlan',
    tagging: 'property',
    statuses: ['draft', 'active', 'revoked'],
    fields: [safe('title'), phiOf('goals', 'string[]'), text('barriers'), safe('ownerTeam'), text('patientStatement'), safe('reviewIntervalDays', 'number')],
  },
  {
    name: 'VitalSign',
    tagging: 'type',
    statuses: ['preliminary', 'final', 'amended'],
    fields: [phiOf('heartRate', 'number'), phiOf('systolic', 'number'), phiOf('diastolic', 'number'), text('recordedAt'), text('comment'), safe('deviceId')],
  },
];

export const AREAS: readonly string[] = [
  'cardiology', 'oncology', 'pediatrics', 'neurology', 'orthopedics', 'dermatology', 'radiology',
  'urology', 'nephrology', 'psychiatry', 'obstetrics', 'endocrinology', 'pulmonology',
  'gastroenterology', 'hematology', 'rheumatology', 'ophthalmology', 'geriatrics', 'emergency',
  'primaryCare',
];

/** The PHI string fields of an entity: what flows put into sinks. */
export function phiStrings(entity: Entity): Field[] {
  return entity.fields.filter((field) => field.phi && field.type === 'string');
}

/** The fields that are never PHI, besides id, status and updatedAt. */
export function safeFields(entity: Entity): Field[] {
  return entity.fields.filter((field) => !field.phi);
}

export function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

export function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}
