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
