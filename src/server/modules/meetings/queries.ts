/**
 * Loading meetings for the meetings repository: a meeting with its access
 * facts, its participants, and the views of map, next steps and minutes.
 * No access checks here; the repository decides who gets what.
 */
import type { Kysely, Transaction } from 'kysely';
import { isOverdue, mayJoinSsdMeeting } from '../../../domain/signs-of-safety';
import type { MeetingFacts } from '../../access/policies/meetings';
import type { DB } from '../../db/types';
import { displayName } from '../children/present';
import type { ActionShape, MeetingMapShape, MinutesShape, ParticipantShape } from './schema';

type Db = Transaction<DB> | Kysely<DB>;

/** ISO instant of a timestamp column (PGlite and PostgreSQL both give Dates; strings are accepted too). */
export const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

/** A person's name for display. */
export const personName = (first: string | null, last: string | null) => [first, last].filter(Boolean).join(' ') || 'Uden navn';

/** A meeting row with the names the views need. */
export interface MeetingRow {
  id: string;
  municipality_id: string;
  child_id: string;
  child_first_name: string | null;
  child_last_name: string | null;
  child_birth_date: string | null;
  child_status: string;
  child_expected_date: string | null;
  kind: 'cross_professional' | 'daycare_parents';
  held_on: string;
  start_time: string | null;
  place: string;
  facilitator_id: string;
  facilitator_name: string;
  facilitator_unit_id: string;
  facilitator_unit_name: string;
  legal_basis: 'consent' | 'ssd';
  consent_given_by: string | null;
  consent_given_on: string | null;
  consent_form: 'written' | 'oral' | null;
  ssd_ordinal: number | null;
  ssd_special_reason: string | null;
  follows_meeting_id: string | null;
  sparring_request_id: string | null;
  wording: 'safety' | 'wellbeing';
  scale_anchor_low: string;
  scale_anchor_high: string;
  parent_summary: string | null;
  closed_at: Date | string | null;
  closed_by: string | null;
  closed_by_name: string | null;
  version: number;
}

/** A participant row with staff and unit details. */
export interface ParticipantRow {
  id: string;
  meeting_id: string;
  kind: 'staff' | 'parent' | 'network';
  staff_id: string | null;
  profession: string | null;
  unit_id: string | null;
  unit_name: string | null;
  unit_kind: string | null;
  adult_id: string | null;
  name: string;
  relation: string | null;
  attended: boolean | null;
  rating: number | null;
  /** Set when the facilitator removed the participant (the row is kept for the ratings history). */
  removed_at: Date | string | null;
  version: number;
}

/**
 * Meetings with the names their views need; filter with `where`.
 * @example await meetingQuery(trx).where('m.id', '=', id).executeTakeFirst()
 */
export function meetingQuery(db: Db) {
  return db
    .selectFrom('meetings as m')
    .innerJoin('persons as p', 'p.id', 'm.child_id')
    .innerJoin('children as c', 'c.person_id', 'p.id')
    .innerJoin('staff as f', 'f.id', 'm.facilitator_id')
    .innerJoin('units as u', 'u.id', 'm.facilitator_unit_id')
    .leftJoin('staff as cb', 'cb.id', 'm.closed_by')
    .select([
      'm.id',
      'm.municipality_id',
      'm.child_id',
      'p.first_name as child_first_name',
      'p.last_name as child_last_name',
      'p.birth_date as child_birth_date',
      'c.status as child_status',
      'c.expected_date as child_expected_date',
      'm.kind',
      'm.held_on',
      'm.start_time',
      'm.place',
      'm.facilitator_id',
      'f.name as facilitator_name',
      'm.facilitator_unit_id',
      'u.name as facilitator_unit_name',
      'm.legal_basis',
      'm.consent_given_by',
      'm.consent_given_on',
      'm.consent_form',
      'm.ssd_ordinal',
      'm.ssd_special_reason',
      'm.follows_meeting_id',
      'm.sparring_request_id',
      'm.wording',
      'm.scale_anchor_low',
      'm.scale_anchor_high',
      'm.parent_summary',
      'm.closed_at',
      'm.closed_by',
      'cb.name as closed_by_name',
      'm.version',
    ]);
}

/**
 * The participants of some meetings, in the order they were added.
 * @example await participantsOf(trx, [meetingId])
 */
export async function participantsOf(db: Db, meetingIds: string[]): Promise<ParticipantRow[]> {
  if (meetingIds.length === 0) return [];
  return db
    .selectFrom('meeting_participants as mp')
    .leftJoin('staff as s', 's.id', 'mp.staff_id')
    .leftJoin('units as u', 'u.id', 'mp.unit_id')
    .select([
      'mp.id',
      'mp.meeting_id',
      'mp.kind',
      'mp.staff_id',
      's.profession',
      'mp.unit_id',
      'u.name as unit_name',
      'u.kind as unit_kind',
      'mp.adult_id',
      'mp.name',
      'mp.relation',
      'mp.attended',
      'mp.rating',
      'mp.removed_at',
      'mp.version',
    ])
    .where('mp.meeting_id', 'in', meetingIds)
    .orderBy('mp.added_at')
    .orderBy('mp.id')
    .execute();
}

/**
 * True while the participant has not been removed from the meeting.
 * @example participants.filter(isCurrent)
 */
export const isCurrent = (p: Pick<ParticipantRow, 'removed_at'>) => p.removed_at === null;

/**
 * The staff participants the meeting's legal basis covers (removed participants never count): under consent every
 * invited staff member; under SSD only those attending for a listed unit kind
 * and of a listed profession (rule C4).
 * @example coveredStaffIds('ssd', participants)
 */
export function coveredStaffIds(legalBasis: 'consent' | 'ssd', participants: ParticipantRow[]): string[] {
  return participants
    .filter((p) => p.kind === 'staff' && p.staff_id && isCurrent(p))
    .filter((p) => legalBasis === 'consent' || mayJoinSsdMeeting(p.unit_kind, p.profession ?? ''))
    .map((p) => p.staff_id as string);
}

/**
 * The access facts of a meeting.
 * @example factsOf(row, participants)
 */
export function factsOf(row: MeetingRow, participants: ParticipantRow[]): MeetingFacts {
  return {
    municipalityId: row.municipality_id,
    facilitatorId: row.facilitator_id,
    facilitatorUnitId: row.facilitator_unit_id,
    coveredStaffIds: coveredStaffIds(row.legal_basis, participants.filter((p) => p.meeting_id === row.id)),
  };
}

/** The child's display name from a meeting row. */
export const childNameOf = (row: MeetingRow) =>
  displayName({ first_name: row.child_first_name, last_name: row.child_last_name, status: row.child_status, expected_date: row.child_expected_date });

/**
 * A participant as the API shows it.
 * @example participants.map(presentParticipant)
 */
export function presentParticipant(p: ParticipantRow): ParticipantShape {
  return {
    id: p.id,
    kind: p.kind,
    name: p.name,
    staffId: p.staff_id,
    profession: p.profession,
    unit: p.unit_id ? { id: p.unit_id, name: p.unit_name ?? '', kind: p.unit_kind ?? '' } : null,
    adultId: p.adult_id,
    relation: p.relation,
    attended: p.attended,
    rating: p.rating,
    removedAt: p.removed_at ? iso(p.removed_at) : null,
    version: p.version,
  };
}

/** The stored map document. */
export interface MapContent {
  harm: string[];
  dangers: { statement: string; goal: string }[];
  complicating: string[];
  strengths: string[];
  existingSafety: string[];
  childPerspective: string | null;
}

/** An empty map. */
export const emptyMap = (): MapContent => ({ harm: [], dangers: [], complicating: [], strengths: [], existingSafety: [], childPerspective: null });

/**
 * A meeting's map as the API shows it.
 * @example await loadMap(trx, meetingId)
 */
export async function loadMap(db: Db, meetingId: string): Promise<MeetingMapShape> {
  const row = await db
    .selectFrom('meeting_maps as mm')
    .leftJoin('staff as s', 's.id', 'mm.updated_by')
    .select(['mm.content', 'mm.version', 'mm.updated_by', 's.name as updated_by_name', 'mm.updated_at'])
    .where('mm.meeting_id', '=', meetingId)
    .executeTakeFirstOrThrow();
  const stored = (typeof row.content === 'string' ? JSON.parse(row.content) : row.content) as Partial<MapContent>;
  const content = { ...emptyMap(), ...stored };
  return {
    ...content,
    version: row.version,
    updatedBy: row.updated_by ? { id: row.updated_by, name: row.updated_by_name ?? '' } : null,
    updatedAt: iso(row.updated_at),
  };
}

/** An action row with its owner. */
export interface ActionRow {
  id: string;
  meeting_id: string;
  description: string;
  owner_participant_id: string;
  owner_name: string;
  owner_kind: 'staff' | 'parent' | 'network';
  owner_staff_id: string | null;
  due_on: string;
  status: 'open' | 'done';
  version: number;
}

/**
 * Next steps with their owners; filter with `where`.
 * @example await actionQuery(trx).where('a.meeting_id', '=', id).execute()
 */
export function actionQuery(db: Db) {
  return db
    .selectFrom('meeting_actions as a')
    .innerJoin('meeting_participants as o', 'o.id', 'a.owner_participant_id')
    .select([
      'a.id',
      'a.meeting_id',
      'a.description',
      'a.owner_participant_id',
      'o.name as owner_name',
      'o.kind as owner_kind',
      'o.staff_id as owner_staff_id',
      'a.due_on',
      'a.status',
      'a.version',
    ]);
}

/**
 * A next step as the API shows it, overdue when open and due before `today`.
 * @example presentAction(row, todayInDenmark())
 */
export function presentAction(row: ActionRow, today: string): ActionShape {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    description: row.description,
    owner: { participantId: row.owner_participant_id, name: row.owner_name, kind: row.owner_kind, staffId: row.owner_staff_id },
    dueOn: row.due_on,
    status: row.status,
    overdue: isOverdue(row.due_on, row.status, today),
    version: row.version,
  };
}

/**
 * The minutes revisions of a meeting, newest first.
 * @example const [current, ...history] = await loadMinutes(trx, meetingId);
 */
export async function loadMinutes(db: Db, meetingId: string): Promise<MinutesShape[]> {
  const rows = await db
    .selectFrom('meeting_minutes as mm')
    .leftJoin('staff as s', 's.id', 'mm.approved_by')
    .select(['mm.id', 'mm.revision', 'mm.text', 'mm.status', 'mm.approved_by', 's.name as approved_by_name', 'mm.approved_at', 'mm.updated_at', 'mm.version'])
    .where('mm.meeting_id', '=', meetingId)
    .orderBy('mm.revision', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    revision: r.revision,
    text: r.text,
    status: r.status,
    approvedBy: r.approved_by ? { id: r.approved_by, name: r.approved_by_name ?? '' } : null,
    approvedAt: r.approved_at ? iso(r.approved_at) : null,
    updatedAt: iso(r.updated_at),
    version: r.version,
  }));
}

/**
 * The key that follows a participant across a chain of meetings: the staff
 * member, the adult, or the network person's name.
 * @example participantKey(p) // 'staff:…'
 */
export function participantKey(p: Pick<ParticipantRow, 'kind' | 'staff_id' | 'adult_id' | 'name'>): string {
  if (p.staff_id) return `staff:${p.staff_id}`;
  if (p.adult_id) return `adult:${p.adult_id}`;
  return `network:${p.name.trim().toLowerCase()}`;
}
