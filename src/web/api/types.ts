/**
 * Types for Spire's JSON API (see the contract in the web brief). Enum values are sent as-is;
 * the UI shows them through i18n labels (`unitKind.*`, `profession.*`, `certificationKind.*`).
 */

export const UNIT_KINDS = [
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
export type UnitKind = (typeof UNIT_KINDS)[number];

export const PROFESSIONS = [
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
export type Profession = (typeof PROFESSIONS)[number];

export const CERTIFICATION_KINDS = ['adbb', 'cosp_facilitator', 'signs_of_safety'] as const;
export type CertificationKind = (typeof CERTIFICATION_KINDS)[number];

export const AUDIT_ACTIONS = [
  'read',
  'search',
  'create',
  'update',
  'delete',
  'export',
  'disclose',
  'sign_in',
  'sign_out',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** An instant, ISO 8601 with offset. */
export type IsoInstant = string;

export interface UnitRef {
  id: string;
  name: string;
  kind: UnitKind;
}

export interface Me {
  id: string;
  name: string;
  username: string;
  profession: Profession;
  isAdmin: boolean;
  municipality: { id: string; name: string };
  units: UnitRef[];
  certifications: { kind: CertificationKind; validFrom: IsoDate; validUntil: IsoDate | null }[];
}

export interface SessionInfo {
  expiresAt: IsoInstant;
  warnBeforeSeconds?: number;
}

export interface MeResponse {
  user: Me;
  csrfToken: string;
  session: SessionInfo;
}

export interface MyDay {
  date: IsoDate;
  units: UnitRef[];
  certifications: {
    id: string;
    kind: CertificationKind;
    validFrom: IsoDate;
    validUntil: IsoDate | null;
    expiresSoon: boolean;
    expired: boolean;
  }[];
  /** The user's visits today (responsible or taking part), by time. */
  visits: CalendarVisit[];
  /** Caseload contacts overdue, due now, or starting within 14 days; overdue first. */
  contacts: CaseloadContact[];
  counts: { visitsToday: number; overdue: number; dueNow: number; upcoming14Days: number; caseload: number };
  /** Open follow-up tasks after screenings (urgent first), and open flags on the caseload. */
  tasks: FollowUpTask[];
  flags?: FollowUpFlag[];
  taskCounts?: { tasks: number; urgent: number; overdue: number; dueToday: number; flags: number };
  admin?: { units: number; staff: number; failedSignInsLast24h: number };
}

/** A follow-up task from a screening (src/server/modules/screening/schema.ts `Task`); the fields Min dag uses. */
export interface FollowUpTask {
  id: string;
  kind: string;
  childId: string;
  childName: string;
  personName: string | null;
  dueOn: IsoDate;
  urgent: boolean;
  overdue: boolean;
}

/** An open flag on a child or parent (e.g. EPDS item 10); the fields Min dag uses. */
export interface FollowUpFlag {
  id: string;
  kind: string;
  severity: 'urgent' | 'high' | 'moderate';
  childId: string;
  childName: string;
  personName: string | null;
  raisedAt: IsoInstant;
}

export interface MyWeek {
  start: IsoDate;
  end: IsoDate;
  days: { date: IsoDate; visits: CalendarVisit[] }[];
}

export interface Cluster {
  id: string;
  name: string;
  version: number;
}

export interface District {
  id: string;
  name: string;
  version: number;
  clusters: Cluster[];
}

export interface Organisation {
  municipality: { id: string; name: string; code: string };
  districts: District[];
}

export interface Unit {
  id: string;
  name: string;
  kind: UnitKind;
  districtId: string;
  districtName: string;
  clusterId: string | null;
  clusterName: string | null;
  address: string | null;
  phone: string | null;
  version: number;
}

export interface UnitInput {
  name: string;
  kind: UnitKind;
  districtId: string;
  clusterId?: string | null;
  address?: string | null;
  phone?: string | null;
}

export interface StaffListItem {
  id: string;
  name: string;
  username: string;
  email: string | null;
  profession: Profession;
  active: boolean;
}

export interface Membership {
  id: string;
  unitId: string;
  unitName: string;
  unitKind: UnitKind;
  startsOn: IsoDate;
  endsOn: IsoDate | null;
  version: number;
}

export interface StaffCertification {
  id: string;
  kind: CertificationKind;
  validFrom: IsoDate;
  validUntil: IsoDate | null;
}

export interface Staff extends StaffListItem {
  version: number;
  memberships: Membership[];
  certifications: StaffCertification[];
}

export interface StaffCreateInput {
  name: string;
  username: string;
  email?: string;
  profession: Profession;
  password: string;
}

export interface StaffPatchInput {
  version: number;
  name?: string;
  email?: string | null;
  profession?: Profession;
  active?: boolean;
}

export interface AuditRow {
  id: string;
  at: IsoInstant;
  actorId: string | null;
  actorName: string | null;
  action: string;
  category: string;
  subjectIds: string[];
  criterion: string | null;
  purpose: string | null;
  outcome: 'allowed' | 'denied';
  requestId: string;
  ip: string | null;
}

export interface AuditPage {
  items: AuditRow[];
  nextCursor: string | null;
}

export interface AuditFilters {
  personId?: string;
  actorId?: string;
  action?: string;
  from?: IsoDate;
  to?: IsoDate;
}

/** One field error in a problem+json body. `field` matches the request JSON key. */
export interface ProblemFieldError {
  field: string;
  code: string;
  message: string;
}

/** RFC 9457 problem details as Spire sends them. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: ProblemFieldError[];
  retryAfterSeconds?: number;
  [extension: string]: unknown;
}

// ---- Children's registry (src/server/modules/children/schema.ts) ----

export const RELATION_KINDS = ['mother', 'father', 'co_parent', 'guardian', 'foster_parent', 'other'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];
export type ChildStatus = 'expected' | 'born';
export type LegalSex = 'female' | 'male';

export interface ChildSummary {
  id: string;
  status: ChildStatus;
  /** The server's Danish display name ("Forventet barn (termin …)" for an expected child). */
  displayName: string;
  firstName: string | null;
  lastName: string | null;
  cprMasked: string | null;
  birthDate: IsoDate | null;
  expectedDate: IsoDate | null;
  ageMonths: number | null;
  address: string | null;
  healthUnitName: string | null;
  healthVisitorName: string | null;
  extendedTrack: boolean;
}

export interface Relation {
  id: string;
  adultId: string;
  name: string;
  cprMasked: string | null;
  relation: RelationKind;
  custody: boolean;
  livesWithChild: boolean;
  phone: string | null;
  email: string | null;
  address: string | null;
  preferredLanguage: string;
  interpreterNeeded: boolean;
  version: number;
}

export interface Enrolment {
  id: string;
  unitId: string;
  unitName: string;
  unitKind: string;
  startsOn: IsoDate;
  endsOn: IsoDate | null;
  state: 'planned' | 'current' | 'ended';
  version: number;
}

export interface CaseloadAssignment {
  id: string;
  unitId: string;
  unitName: string;
  staffId: string | null;
  staffName: string | null;
  startsOn: IsoDate;
  endsOn: IsoDate | null;
  reason: string | null;
}

export interface ChildDetail extends ChildSummary {
  legalSex: LegalSex | null;
  dischargedWithin72h: boolean;
  postalCode: string | null;
  city: string | null;
  version: number;
  relations: Relation[];
  siblings: { id: string; displayName: string; birthDate: IsoDate | null; visible: boolean }[];
  household: { id: string; name: string; role: string }[];
  enrolments: Enrolment[];
  caseload: { current: CaseloadAssignment | null; history: CaseloadAssignment[] };
  access: { health: boolean; edit: boolean };
}

export interface GuardianInput {
  adultId?: string;
  cpr?: string | null;
  firstName?: string;
  lastName?: string;
  relation: RelationKind;
  custody: boolean;
  livesWithChild: boolean;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  postalCode?: string | null;
  city?: string | null;
  preferredLanguage?: string;
  interpreterNeeded?: boolean;
}

export interface RegisterChildInput {
  status: ChildStatus;
  cpr?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  birthDate?: IsoDate | null;
  expectedDate?: IsoDate | null;
  legalSex?: LegalSex | null;
  dischargedWithin72h?: boolean;
  address?: string | null;
  postalCode?: string | null;
  city?: string | null;
  healthUnitId: string;
  healthVisitorId?: string | null;
  guardians: GuardianInput[];
  confirmNotDuplicate?: boolean;
}

export interface RegisterBirthInput {
  version: number;
  cpr?: string | null;
  firstName: string;
  lastName: string;
  birthDate?: IsoDate | null;
  legalSex?: LegalSex | null;
  dischargedWithin72h: boolean;
}

export interface UpdateChildInput {
  version: number;
  firstName?: string;
  lastName?: string;
  expectedDate?: IsoDate;
  dischargedWithin72h?: boolean;
  address?: string | null;
  postalCode?: string | null;
  city?: string | null;
}

export interface UpdateRelationInput {
  version: number;
  relation?: RelationKind;
  custody?: boolean;
  livesWithChild?: boolean;
  phone?: string | null;
  email?: string | null;
  preferredLanguage?: string;
  interpreterNeeded?: boolean;
}

export interface ChildSearchInput {
  q?: string;
  birthDate?: IsoDate;
  status?: ChildStatus;
  limit?: number;
}

// ---- Visits, journal and measurements (src/server/modules/visits/schema.ts) ----

export const VISIT_KINDS = ['home', 'clinic', 'daycare', 'cross_professional_home', 'phone_video'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];
export const VISIT_STATUSES = ['planned', 'done', 'cancelled', 'no_show'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export interface StaffRef {
  id: string;
  name: string;
}

export interface Visit {
  id: string;
  childId: string;
  templateKey: string | null;
  kind: VisitKind;
  status: VisitStatus;
  plannedAt: IsoInstant;
  staffId: string | null;
  staffName: string | null;
  participantIds: string[];
  participants: StaffRef[];
  location: string | null;
  version: number;
  updatedAt: IsoInstant;
}

export interface CalendarVisit extends Visit {
  childName: string;
  /** The Danish calendar day, YYYY-MM-DD. */
  date: IsoDate;
  /** The Danish local time, HH:MM. */
  time: string;
  role: 'responsible' | 'participant';
}

export interface CreateVisitInput {
  templateKey?: string | null;
  kind: VisitKind;
  plannedAt: IsoInstant;
  staffId?: string | null;
  participantIds?: string[];
  location?: string | null;
}

export interface UpdateVisitInput {
  version: number;
  status?: VisitStatus;
  plannedAt?: IsoInstant;
  kind?: VisitKind;
  participantIds?: string[];
  location?: string | null;
}

export interface NoteVersion {
  id: string;
  body: string;
  authorId: string;
  authorName: string;
  signedAt: IsoInstant;
}

export interface Note extends NoteVersion {
  childId: string;
  visitId: string | null;
  supersedesId: string | null;
  /** Earlier versions, oldest first. */
  history: NoteVersion[];
}

export interface Measurement {
  id: string;
  childId: string;
  visitId: string | null;
  measuredOn: IsoDate;
  weightGrams: number | null;
  lengthCm: number | null;
  headCm: number | null;
  recordedById: string;
  recordedByName: string;
}

export interface CreateMeasurementInput {
  measuredOn: IsoDate;
  weightGrams?: number | null;
  lengthCm?: number | null;
  headCm?: number | null;
  visitId?: string | null;
}

// ---- The programme (src/server/modules/programme/schema.ts) ----

export type ContactStatus = 'done' | 'overdue' | 'due' | 'upcoming';
export type VisitTrack = 'universal' | 'pregnancy' | 'early_discharge' | 'extended';

export interface Contact {
  key: string;
  labelDa: string;
  labelEn: string;
  track: VisitTrack;
  anchor: 'birth' | 'expected';
  earliest: IsoDate;
  latest: IsoDate;
  status: ContactStatus;
  visitId: string | null;
}

export interface CaseloadContact {
  childId: string;
  childName: string;
  key: string;
  labelDa: string;
  labelEn: string;
  track: VisitTrack;
  earliest: IsoDate;
  latest: IsoDate;
  status: ContactStatus;
  visitId: string | null;
}

export interface ExtendedTrack {
  current: { id: string; startsOn: IsoDate; reason: string; version: number } | null;
  /** Ended periods, oldest first. */
  history: { id: string; startsOn: IsoDate; reason: string; version: number; endsOn: IsoDate; endReason: string | null }[];
}

export interface ChildProgramme {
  childId: string;
  today: IsoDate;
  source: 'municipality' | 'default';
  contacts: Contact[];
  extendedTrack: ExtendedTrack;
}

// ---- Screening (src/server/modules/screening/schema.ts) ----

export const INSTRUMENT_IDS = ['adbb', 'm-adbb', 'epds'] as const;
export type InstrumentId = (typeof INSTRUMENT_IDS)[number];
export const RESPONDENT_ROLES = ['mother', 'father', 'co_parent'] as const;
export type RespondentRole = (typeof RESPONDENT_ROLES)[number];
export type Timepoint = 'pregnancy' | 'postnatal';
export const NEXT_STEPS = [
  'extra_visits',
  'referral',
  'cross_professional_meeting',
  'rescreen',
  'gp_referral',
  'psychologist_referral',
  'municipal_offer',
  'group_course',
  'no_further_action',
  'other',
] as const;
export type NextStep = (typeof NEXT_STEPS)[number];
export type TaskKind = 'adbb_repeat' | 'decision' | 'epds_rescreen' | 'epds_urgent';

export interface InstrumentItem {
  number: number;
  topicDa: string;
  topicEn: string;
  minScore: number;
  maxScore: number;
  reverseScored: boolean;
  /** Licensed wording, only when the municipality has loaded it. */
  text: string | null;
  /** Licensed response option labels in printed order, only when loaded. */
  options: string[] | null;
}

export interface InstrumentThresholds {
  default: number;
  byRole: Record<RespondentRole, number> | null;
  source: 'domain' | 'municipality';
  version: number;
}

export interface Instrument {
  id: InstrumentId;
  version: string;
  nameDa: string;
  nameEn: string;
  items: InstrumentItem[];
  minTotal: number;
  maxTotal: number;
  ageRangeMonths: { min: number; max: number } | null;
  requiredCertification: 'adbb' | null;
  respondentRoles: RespondentRole[] | null;
  urgentRule: { itemNumber: number; above: number } | null;
  thresholds: InstrumentThresholds;
  texts: { language: string; version: string; loadedAt: IsoInstant } | null;
  textLanguages: string[];
}

export interface UpdateThresholdsInput {
  version: number;
  default: number;
  byRole?: Partial<Record<RespondentRole, number>>;
}

export interface LoadTextsInput {
  language: string;
  version: string;
  items: { number: number; text: string; options?: string[] | null }[];
}

export interface RecordScreeningInput {
  instrument: InstrumentId;
  observedOn: IsoDate;
  /** Scored values in item order; null = not answered (EPDS only). */
  answers: (number | null)[];
  visitId?: string | null;
  respondentRole?: RespondentRole;
  respondentId?: string;
  timepoint?: Timepoint;
  pregnancyWeek?: number;
  language?: string;
}

export interface Screening {
  id: string;
  childId: string;
  instrument: InstrumentId;
  definitionVersion: string;
  observedOn: IsoDate;
  /** Completed months on the observation date; null in pregnancy. */
  ageMonths: number | null;
  answers: (number | null)[];
  complete: boolean;
  total: number | null;
  positive: boolean | null;
  urgent: boolean;
  threshold: number;
  visitId: string | null;
  recordedBy: StaffRef;
  respondent: { id: string; name: string; role: RespondentRole } | null;
  timepoint: Timepoint | null;
  pregnancyWeek: number | null;
  language: string | null;
  createdAt: IsoInstant;
}

export interface RecordedScreening extends Screening {
  followUp: { taskIds: string[]; flagId: string | null; completedTaskIds: string[] };
}

export interface ChildScreenings {
  childId: string;
  adbb: { cutOff: number; maxTotal: number; items: Screening[] };
  mAdbb: { cutOff: number; maxTotal: number; items: Screening[] };
  epds: {
    maxTotal: number;
    respondents: { personId: string; name: string; role: RespondentRole; cutOff: number; items: Screening[] }[];
  };
}

/** A follow-up task after a screening (`Task`). */
export interface Task extends FollowUpTask {
  kind: TaskKind;
  personId: string | null;
  assignee: StaffRef;
  suggestions: NextStep[];
  sourceScreeningId: string | null;
  status: 'open' | 'done';
  completedAt: IsoInstant | null;
  completedBy: StaffRef | null;
  note: string | null;
  decision: NextStep[] | null;
  createdAt: IsoInstant;
  version: number;
}

/** A flag on a child or parent (`Flag`). */
export interface Flag extends FollowUpFlag {
  kind: 'epds_self_harm';
  personId: string | null;
  sourceScreeningId: string | null;
  raisedBy: StaffRef | null;
  status: 'open' | 'resolved';
  resolvedAt: IsoInstant | null;
  resolvedBy: StaffRef | null;
  resolutionNote: string | null;
  version: number;
}
