/** The fixed vocabularies of the organisation: unit kinds, professions, certifications. */

/** Kinds of unit a municipality has. */
export const unitKinds = [
  'health_visiting',
  'childminding',
  'nursery',
  'kindergarten',
  'integrated_daycare',
  'school',
  'after_school',
  'club',
  'ppr',
  'family_centre',
  'social_services',
] as const;

/** Professions of staff members. */
export const professions = [
  'health_visitor',
  'pedagogue',
  'teacher',
  'ppr_psychologist',
  'social_worker',
  'family_therapist',
  'manager',
  'administrator',
  'analyst',
] as const;

/** Certifications Spire checks before certain work (ADBB, COS-P, Signs of Safety). */
export const certificationKinds = ['adbb', 'cosp_facilitator', 'signs_of_safety'] as const;

export type UnitKind = (typeof unitKinds)[number];
export type Profession = (typeof professions)[number];
export type CertificationKind = (typeof certificationKinds)[number];
