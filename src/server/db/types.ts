/**
 * Kysely table types for Spire's database. One interface per table, kept in
 * step with the SQL migrations beside this file.
 */
import type { ColumnType, Generated } from 'kysely';

/** A `date` column: always a 'YYYY-MM-DD' string on both engines. */
export type DateString = string;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface MunicipalitiesTable {
  id: string;
  name: string;
  code: string;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface DistrictsTable {
  id: string;
  municipality_id: string;
  name: string;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface ClustersTable {
  id: string;
  district_id: string;
  name: string;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface UnitsTable {
  id: string;
  municipality_id: string;
  district_id: string;
  cluster_id: string | null;
  name: string;
  kind: string;
  address: string | null;
  phone: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface StaffTable {
  id: string;
  municipality_id: string;
  name: string;
  username: string;
  email: string | null;
  profession: string;
  password_hash: string | null;
  active: Generated<boolean>;
  failed_sign_ins: Generated<number>;
  locked_until: Date | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface MembershipsTable {
  id: string;
  staff_id: string;
  unit_id: string;
  starts_on: DateString;
  ends_on: DateString | null;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface CertificationsTable {
  id: string;
  staff_id: string;
  kind: string;
  valid_from: DateString;
  valid_until: DateString | null;
  created_at: CreatedAt;
}

export interface SessionsTable {
  id: string;
  staff_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  absolute_expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: string;
  at: CreatedAt;
  municipality_id: string | null;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  category: string;
  subject_ids: ColumnType<string[], string[] | undefined, never>;
  criterion: string | null;
  purpose: string | null;
  outcome: 'allowed' | 'denied';
  request_id: string | null;
  ip: string | null;
  detail: ColumnType<unknown, string | null, never> | null;
}

export interface PersonsTable {
  id: string;
  municipality_id: string;
  cpr: string | null;
  first_name: string | null;
  last_name: string | null;
  birth_date: DateString | null;
  legal_sex: 'female' | 'male' | null;
  address: string | null;
  postal_code: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  preferred_language: Generated<string>;
  interpreter_needed: Generated<boolean>;
  merged_into: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ChildrenTable {
  person_id: string;
  status: 'expected' | 'born';
  expected_date: DateString | null;
  discharged_within_72h: Generated<boolean>;
  born_registered_at: Date | null;
}

export interface RelationsTable {
  id: string;
  child_id: string;
  adult_id: string;
  relation: string;
  custody: Generated<boolean>;
  lives_with_child: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface EnrolmentsTable {
  id: string;
  child_id: string;
  unit_id: string;
  starts_on: DateString;
  ends_on: DateString | null;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface CaseloadAssignmentsTable {
  id: string;
  child_id: string;
  unit_id: string;
  staff_id: string | null;
  starts_on: DateString;
  ends_on: DateString | null;
  reason: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ExtendedTrackPeriodsTable {
  id: string;
  child_id: string;
  starts_on: DateString;
  reason: string;
  started_by: string | null;
  ends_on: DateString | null;
  end_reason: string | null;
  ended_by: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface VisitTemplatesTable {
  municipality_id: string;
  key: string;
  label_da: string;
  label_en: string;
  track: string;
  anchor: string;
  earliest: ColumnType<Record<string, number>, string, string>;
  latest: ColumnType<Record<string, number>, string, string>;
  position: number;
}

export interface VisitsTable {
  id: string;
  child_id: string;
  template_key: string | null;
  kind: string;
  status: string;
  planned_at: Timestamp;
  staff_id: string | null;
  participant_ids: ColumnType<string[], string[] | undefined, string[]>;
  location: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface JournalNotesTable {
  id: string;
  child_id: string;
  visit_id: string | null;
  author_id: string;
  body: string;
  signed_at: Timestamp;
  supersedes_id: string | null;
  created_at: CreatedAt;
}

export interface MeasurementsTable {
  id: string;
  child_id: string;
  visit_id: string | null;
  measured_on: DateString;
  weight_grams: number | null;
  /** numeric: a decimal string on both engines */
  length_cm: ColumnType<string | null, string | number | null, string | number | null>;
  head_cm: ColumnType<string | null, string | number | null, string | number | null>;
  recorded_by: string;
  created_at: CreatedAt;
}

export interface SpireMigrationsTable {
  name: string;
  applied_at: CreatedAt;
}

/** The whole database, as Kysely sees it. */
export interface DB {
  municipalities: MunicipalitiesTable;
  districts: DistrictsTable;
  clusters: ClustersTable;
  units: UnitsTable;
  staff: StaffTable;
  memberships: MembershipsTable;
  certifications: CertificationsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  persons: PersonsTable;
  children: ChildrenTable;
  relations: RelationsTable;
  enrolments: EnrolmentsTable;
  caseload_assignments: CaseloadAssignmentsTable;
  extended_track_periods: ExtendedTrackPeriodsTable;
  visit_templates: VisitTemplatesTable;
  visits: VisitsTable;
  journal_notes: JournalNotesTable;
  measurements: MeasurementsTable;
  spire_migrations: SpireMigrationsTable;
}

// ---- Screening (0003_screening.sql) ----

/** A municipality's local cut-offs for one instrument. */
export interface InstrumentSettingsTable {
  municipality_id: string;
  instrument_id: string;
  cut_off: number;
  /** EPDS: cut-off per respondent role (`mother`, `father`, `co_parent`). */
  cut_off_by_role: ColumnType<Record<string, number>, string | undefined, string>;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** One licensed text item as loaded by an administrator. */
export interface InstrumentTextItem {
  number: number;
  text: string;
  options: string[] | null;
}

/** A municipality's licensed item texts for one instrument in one language. */
export interface InstrumentTextsTable {
  municipality_id: string;
  instrument_id: string;
  language: string;
  definition_version: string;
  text_version: string;
  items: ColumnType<InstrumentTextItem[], string, string>;
  revision: Generated<number>;
  loaded_by: string | null;
  loaded_at: Timestamp;
}

/** One recorded ADBB, m-ADBB or EPDS. */
export interface ScreeningsTable {
  id: string;
  child_id: string;
  instrument_id: string;
  definition_version: string;
  observed_on: DateString;
  answers: ColumnType<(number | null)[], string, string>;
  complete: boolean;
  total: number | null;
  positive: boolean | null;
  urgent: Generated<boolean>;
  threshold: number;
  child_age_months: number | null;
  visit_id: string | null;
  recorded_by: string;
  respondent_role: string | null;
  respondent_id: string | null;
  timepoint: string | null;
  pregnancy_week: number | null;
  language: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
}

/** Follow-up work for a staff member about a child (and maybe a parent). */
export interface FollowUpTasksTable {
  id: string;
  municipality_id: string;
  child_id: string;
  person_id: string | null;
  kind: string;
  assignee_id: string;
  due_on: DateString;
  urgent: Generated<boolean>;
  suggestions: ColumnType<string[], string | undefined, string>;
  source_screening_id: string | null;
  status: Generated<'open' | 'done'>;
  completed_at: Date | null;
  completed_by: string | null;
  note: string | null;
  decision: ColumnType<string[] | null, string | null | undefined, string | null>;
  version: Generated<number>;
  created_at: CreatedAt;
}

/** A flag on a child, or on a parent in relation to a child. */
export interface FlagsTable {
  id: string;
  municipality_id: string;
  child_id: string;
  person_id: string | null;
  kind: string;
  severity: string;
  source_screening_id: string | null;
  raised_by: string | null;
  raised_at: CreatedAt;
  status: Generated<'open' | 'resolved'>;
  resolved_at: Date | null;
  resolved_by: string | null;
  resolution_note: string | null;
  version: Generated<number>;
}

/** The screening tables, merged into {@link DB} (interface merging keeps this edit additive). */
export interface DB {
  instrument_settings: InstrumentSettingsTable;
  instrument_texts: InstrumentTextsTable;
  screenings: ScreeningsTable;
  follow_up_tasks: FollowUpTasksTable;
  flags: FlagsTable;
}

// ---- Wellbeing ratings (0004_wellbeing.sql) ----

/** One level of a concern scale as stored with the scale (rank 1 = no concern). */
export interface WellbeingLevelRow {
  key: string;
  rank: number;
  colour: string;
  labelDa: string;
  labelEn: string;
  meaningDa: string;
  meaningEn: string;
}

/** A concern scale as a municipality uses it: an immutable snapshot of its levels. */
export interface WellbeingScalesTable {
  id: string;
  municipality_id: string;
  key: string;
  definition_version: string;
  levels: ColumnType<WellbeingLevelRow[], string, never>;
  created_by: string | null;
  created_at: CreatedAt;
}

/** The scale a municipality uses for new rounds. */
export interface WellbeingSettingsTable {
  municipality_id: string;
  scale_id: string;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** A rating round of a daycare or school unit. */
export interface WellbeingRoundsTable {
  id: string;
  municipality_id: string;
  unit_id: string;
  year: number;
  season: string;
  name: string;
  period_start: DateString;
  period_end: DateString;
  scale_id: string;
  created_by: string;
  created_at: CreatedAt;
  version: Generated<number>;
}

/** A child enrolled in the unit when the round was created. */
export interface WellbeingRoundChildrenTable {
  id: string;
  round_id: string;
  child_id: string;
  created_at: CreatedAt;
}

/** One staff member's own rating of a child in a round. */
export interface WellbeingRatingsTable {
  id: string;
  round_id: string;
  child_id: string;
  rater_id: string;
  scale_id: string;
  level: string;
  comment: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** One revision of the joint rating of a child in a round. */
export interface WellbeingJointRatingsTable {
  id: string;
  round_id: string;
  child_id: string;
  revision: number;
  scale_id: string;
  level: string;
  comment: string;
  participant_ids: ColumnType<string[], string[] | undefined, never>;
  individual_ratings: number;
  recorded_by: string;
  recorded_at: CreatedAt;
}

/** The wellbeing tables, merged into {@link DB}. */
export interface DB {
  wellbeing_scales: WellbeingScalesTable;
  wellbeing_settings: WellbeingSettingsTable;
  wellbeing_rounds: WellbeingRoundsTable;
  wellbeing_round_children: WellbeingRoundChildrenTable;
  wellbeing_ratings: WellbeingRatingsTable;
  wellbeing_joint_ratings: WellbeingJointRatingsTable;
}

/** A staff member brought into a child's case by a piece of work (sparring, meeting, course, …). */
export interface ChildInvolvementsTable {
  id: string;
  child_id: string;
  staff_id: string;
  source: string;
  source_id: string;
  created_by: string | null;
  created_at: CreatedAt;
  ended_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** The involvement table, merged into {@link DB}. */
export interface DB {
  child_involvements: ChildInvolvementsTable;
}

/** A municipality's extra closing days for statutory deadlines (no row = the default). */
export interface NotificationSettingsTable {
  municipality_id: string;
  extra_closing_days: ColumnType<string[], string[], string[]>;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** A notification (underretning, Barnets Lov § 133) to the municipality's social services unit. */
export interface NotificationsTable {
  id: string;
  municipality_id: string;
  child_id: string | null;
  expectant_parent_name: string | null;
  expectant_parent_address: string | null;
  expectant_parent_cpr: string | null;
  expected_date: DateString | null;
  grounds: ColumnType<string[], string[], string[]>;
  observations: string;
  parents_informed: boolean;
  not_informed_reason: string | null;
  not_informed_text: string | null;
  notifier_id: string;
  notifier_name: string;
  notifier_profession: string;
  notifier_unit_id: string;
  notifier_workplace: string;
  notifier_workplace_address: string | null;
  recipient_unit_id: string;
  received_at: ColumnType<Date, Date | string, Date | string>;
  receipt_confirmed_on: DateString | null;
  receipt_confirmed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  receipt_confirmed_by: string | null;
  acute_assessed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  acute: boolean | null;
  acute_note: string | null;
  acute_assessed_by: string | null;
  outcome: string | null;
  outcome_note: string | null;
  outcome_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  outcome_by: string | null;
  feedback: string | null;
  feedback_reason: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** The notification tables, merged into {@link DB}. */
export interface DB {
  notification_settings: NotificationSettingsTable;
  notifications: NotificationsTable;
}

/** A consent to share information about a child (rule C2). */
export interface ConsentsTable {
  id: string;
  municipality_id: string;
  child_id: string;
  given_by: string[];
  all_custody_holders: boolean;
  purpose: string;
  recipient_unit_ids: ColumnType<string[], string[] | undefined, string[]>;
  recipient_professions: ColumnType<string[], string[] | undefined, string[]>;
  categories: string[];
  form: string;
  valid_from: DateString;
  valid_until: DateString | null;
  note: string | null;
  withdrawn_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  withdrawn_by: string | null;
  withdrawn_by_adult_id: string | null;
  withdrawal_reason: string | null;
  recorded_by: string;
  recorded_at: CreatedAt;
  version: Generated<number>;
}

/** One crossing of information to another unit, with a frozen copy of the content. */
export interface DisclosuresTable {
  id: string;
  municipality_id: string;
  child_id: string;
  kind: string;
  reference_id: string | null;
  part: string | null;
  category: string;
  purpose: string;
  content: ColumnType<unknown, string, never>;
  to_unit_id: string;
  legal_basis: string;
  consent_id: string | null;
  basis_reason: string | null;
  shared_by: string;
  shared_at: CreatedAt;
}

/** Rule C3: tell the parents after sharing on vital interest. */
export interface DisclosureTasksTable {
  id: string;
  municipality_id: string;
  child_id: string;
  disclosure_id: string;
  assignee_id: string;
  status: Generated<string>;
  note: string | null;
  completed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  completed_by: string | null;
  created_at: CreatedAt;
  version: Generated<number>;
}

/** The handover package from health visiting to daycare. */
export interface HandoversTable {
  id: string;
  municipality_id: string;
  child_id: string;
  enrolment_id: string;
  unit_id: string;
  status: Generated<string>;
  development: Generated<string>;
  works_well: Generated<string>;
  support: Generated<string>;
  parents_words: Generated<string>;
  screening_ids: ColumnType<string[], string[] | undefined, string[]>;
  shared_parts: ColumnType<string[], string[] | undefined, string[]>;
  consent_id: string | null;
  prepared_by: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
  sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  sent_by: string | null;
  acknowledged_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  acknowledged_by: string | null;
  meeting_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  meeting_place: string | null;
  meeting_participants: ColumnType<unknown, string | null | undefined, string | null>;
  meeting_booked_by: string | null;
  version: Generated<number>;
}

/** The consent and handover tables, merged into {@link DB}. */
export interface DB {
  consents: ConsentsTable;
  disclosures: DisclosuresTable;
  disclosure_tasks: DisclosureTasksTable;
  handovers: HandoversTable;
}

/** A district a social worker covers (the sparring queue, wellbeing conversations). */
export interface SocialWorkerDistrictsTable {
  id: string;
  staff_id: string;
  district_id: string;
  created_at: CreatedAt;
}

/** A concern (bekymring) about a child, on the municipality's concern scale. */
export interface ConcernsTable {
  id: string;
  municipality_id: string;
  child_id: string;
  unit_id: string;
  category: 'pedagogical' | 'health';
  author_id: string;
  scale_id: string;
  level: string;
  observed: string;
  observed_since: DateString;
  parents_informed: boolean;
  parents_informed_how: string | null;
  parents_informed_on: DateString | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** A request for sparring with the district social worker (anonymous: no child, no concern). */
export interface SparringRequestsTable {
  id: string;
  municipality_id: string;
  requester_id: string;
  unit_id: string;
  district_id: string;
  mode: 'anonymous' | 'named';
  concern_id: string | null;
  child_id: string | null;
  age_band: string | null;
  scale_id: string;
  level: string;
  question: string;
  consent_given_by: string | null;
  consent_given_on: DateString | null;
  consent_how: string | null;
  status: Generated<'waiting' | 'taken' | 'closed'>;
  requested_at: Timestamp;
  requested_on: DateString;
  taken_by: string | null;
  taken_at: Date | null;
  taken_on: DateString | null;
  closed_by: string | null;
  closed_at: Date | null;
  closing_note: string | null;
  requester_seen_at: Date | null;
  version: Generated<number>;
}

/** A sparring session and its advice. */
export interface SparringSessionsTable {
  id: string;
  request_id: string;
  held_on: DateString;
  advice: string;
  next_step: string | null;
  recorded_by: string;
  created_at: CreatedAt;
}

/** A wellbeing conversation (trivselssamtale) with a pupil. */
export interface WellbeingConversationsTable {
  id: string;
  municipality_id: string;
  child_id: string;
  unit_id: string;
  held_on: DateString;
  parents_agreed: boolean;
  agreement_how: string;
  agreement_on: DateString;
  notes: string;
  next_step: string | null;
  recorded_by: string;
  version: Generated<number>;
  created_at: CreatedAt;
}

/** The concerns and sparring tables, merged into {@link DB}. */
export interface DB {
  social_worker_districts: SocialWorkerDistrictsTable;
  concerns: ConcernsTable;
  sparring_requests: SparringRequestsTable;
  sparring_sessions: SparringSessionsTable;
  wellbeing_conversations: WellbeingConversationsTable;
}

/** An offer (tilbud) in the municipality's catalogue. */
export interface OffersTable {
  id: string;
  municipality_id: string;
  key: string | null;
  name: string;
  description: Generated<string>;
  age_from_months: number | null;
  age_to_months: number | null;
  audience: string;
  format: string;
  method: string;
  required_certification: string | null;
  unit_ids: Generated<string[]>;
  min_sessions_to_complete: number | null;
  default_capacity: number | null;
  default_session_count: number | null;
  default_session_minutes: number | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** A course run (forløb) of an offer. */
export interface CoursesTable {
  id: string;
  municipality_id: string;
  offer_id: string;
  unit_id: string;
  name: string;
  place: string;
  capacity: number;
  start_date: DateString;
  weekday: number;
  start_time: string;
  duration_minutes: number;
  session_count: number;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  cancelled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  version: Generated<number>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** A facilitator of a course. */
export interface CourseFacilitatorsTable {
  course_id: string;
  staff_id: string;
  created_at: CreatedAt;
}

/** A session (møde) of a course. */
export interface CourseSessionsTable {
  id: string;
  course_id: string;
  number: number;
  date: DateString;
  start_time: string;
  duration_minutes: number;
  topic: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** A family's participation in a course. */
export interface CourseParticipantsTable {
  id: string;
  course_id: string;
  child_id: string;
  adult_ids: Generated<string[]>;
  source: string;
  referred_by: string;
  reason: string | null;
  referred_at: Timestamp;
  state: string;
  offered_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  offer_expires_on: DateString | null;
  enrolled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  end_reason: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** Attendance of one parent at one session. */
export interface CourseAttendanceTable {
  id: string;
  session_id: string;
  participant_id: string;
  adult_id: string;
  status: string;
  recorded_by: string;
  recorded_at: Timestamp;
  version: Generated<number>;
}

/** The offers and courses tables, merged into {@link DB}. */
export interface DB {
  offers: OffersTable;
  courses: CoursesTable;
  course_facilitators: CourseFacilitatorsTable;
  course_sessions: CourseSessionsTable;
  course_participants: CourseParticipantsTable;
  course_attendance: CourseAttendanceTable;
}

/** A cross-professional meeting about a child (meetings module, migration 0007). */
export interface MeetingsTable {
  id: string;
  municipality_id: string;
  child_id: string;
  kind: 'cross_professional' | 'daycare_parents';
  held_on: DateString;
  start_time: string | null;
  place: string;
  facilitator_id: string;
  facilitator_unit_id: string;
  legal_basis: 'consent' | 'ssd';
  consent_given_by: string | null;
  consent_given_on: DateString | null;
  consent_form: 'written' | 'oral' | null;
  ssd_ordinal: number | null;
  ssd_special_reason: string | null;
  follows_meeting_id: string | null;
  sparring_request_id: string | null;
  wording: Generated<'safety' | 'wellbeing'>;
  scale_anchor_low: string;
  scale_anchor_high: string;
  parent_summary: string | null;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** A participant of a meeting: staff, parent or network person, with attendance and scale rating. */
export interface MeetingParticipantsTable {
  id: string;
  meeting_id: string;
  kind: 'staff' | 'parent' | 'network';
  staff_id: string | null;
  unit_id: string | null;
  adult_id: string | null;
  name: string;
  relation: string | null;
  attended: boolean | null;
  rating: number | null;
  rating_recorded_by: string | null;
  rating_recorded_at: Date | null;
  added_by: string;
  added_at: CreatedAt;
  version: Generated<number>;
}

/** The Signs of Safety map of a meeting (one versioned JSON document). */
export interface MeetingMapsTable {
  meeting_id: string;
  content: ColumnType<unknown, string, string>;
  updated_by: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** A next step (action item) from a meeting. */
export interface MeetingActionsTable {
  id: string;
  meeting_id: string;
  description: string;
  owner_participant_id: string;
  due_on: DateString;
  status: Generated<'open' | 'done'>;
  completed_at: Date | null;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** A revision of a meeting's minutes (draft or approved and locked). */
export interface MeetingMinutesTable {
  id: string;
  meeting_id: string;
  revision: number;
  text: string;
  status: Generated<'draft' | 'approved'>;
  approved_by: string | null;
  approved_at: Date | null;
  created_by: string;
  created_at: CreatedAt;
  updated_by: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** The meetings tables, merged into {@link DB}. */
export interface DB {
  meetings: MeetingsTable;
  meeting_participants: MeetingParticipantsTable;
  meeting_maps: MeetingMapsTable;
  meeting_actions: MeetingActionsTable;
  meeting_minutes: MeetingMinutesTable;
}

/** A drop-in slot of open counselling (åben rådgivning). */
export interface CounsellingSlotsTable {
  id: string;
  municipality_id: string;
  offer_id: string;
  unit_id: string;
  professional_id: string;
  place: string;
  starts_at: ColumnType<Date, Date | string, Date | string>;
  ends_at: ColumnType<Date, Date | string, Date | string>;
  version: Generated<number>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** A visit in a drop-in slot: anonymous (counted only) or linked to a family with consent. */
export interface CounsellingVisitsTable {
  id: string;
  slot_id: string;
  kind: 'anonymous' | 'linked';
  visited_at: ColumnType<Date, Date | string, Date | string>;
  age_band: string | null;
  topic: string | null;
  child_id: string | null;
  consent_given_by_role: string | null;
  consent_given_by_name: string | null;
  consent_form: string | null;
  consent_given_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  note: string | null;
  recorded_by: string;
  version: Generated<number>;
}

/** A workshop, talk or competence forum for staff. */
export interface StaffWorkshopsTable {
  id: string;
  municipality_id: string;
  offer_id: string;
  unit_id: string;
  theme: string;
  held_on: DateString;
  participants: number;
  facilitator_ids: ColumnType<string[], string[], string[]>;
  note: string | null;
  deleted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  version: Generated<number>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** The open-counselling and workshop tables, merged into {@link DB}. */
export interface DB {
  counselling_slots: CounsellingSlotsTable;
  counselling_visits: CounsellingVisitsTable;
  staff_workshops: StaffWorkshopsTable;
}

/** Closing a meeting (migration 0013), merged into {@link MeetingsTable}. */
export interface MeetingsTable {
  closed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  closed_by: string | null;
}

/** Soft removal of a meeting participant (migration 0013), merged into {@link MeetingParticipantsTable}. */
export interface MeetingParticipantsTable {
  removed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  removed_by: string | null;
}
