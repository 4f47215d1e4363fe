/**
 * FHIR resources that carry data about a person. Terminology, conformance and infrastructure
 * resources (CodeSystem, ValueSet, StructureDefinition, CapabilityStatement, OperationOutcome…)
 * are left out: they describe the system, not a patient. So are containers (Bundle, Parameters):
 * they hold PHI when what they contain does, which the type checker sees through their elements.
 */
export const personFhirResources: ReadonlySet<string> = new Set([
  'Account', 'AdverseEvent', 'AllergyIntolerance', 'Appointment', 'AppointmentResponse',
  'AuditEvent', 'Basic', 'Binary', 'BodyStructure', 'CarePlan', 'CareTeam', 'ChargeItem',
  'Claim', 'ClaimResponse', 'ClinicalImpression', 'Communication', 'CommunicationRequest',
  'Composition', 'Condition', 'Consent', 'Contract', 'Coverage', 'CoverageEligibilityRequest',
  'CoverageEligibilityResponse', 'DetectedIssue', 'Device', 'DeviceRequest', 'DeviceUseStatement',
  'DiagnosticReport', 'DocumentManifest', 'DocumentReference', 'Encounter', 'EnrollmentRequest',
  'EnrollmentResponse', 'EpisodeOfCare', 'ExplanationOfBenefit', 'FamilyMemberHistory', 'Flag',
  'Goal', 'Group', 'GuidanceResponse', 'ImagingStudy', 'Immunization', 'ImmunizationEvaluation',
  'ImmunizationRecommendation', 'Invoice', 'List', 'Media', 'MedicationAdministration',
  'MedicationDispense', 'MedicationRequest', 'MedicationStatement', 'MolecularSequence',
  'NutritionOrder', 'NutritionIntake', 'Observation', 'Patient', 'Person', 'Procedure', 'Provenance',
  'QuestionnaireResponse', 'RelatedPerson', 'RequestGroup', 'RequestOrchestration', 'RiskAssessment',
  'Schedule', 'ServiceRequest', 'Specimen', 'SupplyDelivery', 'SupplyRequest', 'Task',
  'VisionPrescription',
]);

/** Elements of every FHIR resource that identify the record, not the person. */
export const nonPhiFhirElements: ReadonlySet<string> = new Set(['resourceType', 'id', 'meta']);

export function isFhirDeclarationFile(fileName: string): boolean {
  const normalized = fileName.replace(/\\/g, '/');
  return normalized.includes('/node_modules/@types/fhir/') || normalized.includes('/node_modules/@medplum/fhirtypes/');
}
