/**
 * Queries and presenters shared by the concerns repository: concern rows,
 * sparring request rows, the districts a social worker covers. Access checks
 * are not made here; the repository checks before it presents.
 */
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/types';
import { displayName } from '../children/present';
import { iso, presentLevel, type StoredScale } from '../wellbeing/queries';
import type { ConcernShape, SparringSessionShape } from './schema';

/** Concern rows with author, unit and the child's display fields. */
export function concernQuery(trx: Transaction<DB>) {
  return trx
    .selectFrom('concerns as k')
    .innerJoin('staff as a', 'a.id', 'k.author_id')
    .innerJoin('units as u', 'u.id', 'k.unit_id')
    .select([
      'k.id',
      'k.municipality_id',
      'k.child_id',
      'k.unit_id',
      'u.name as unit_name',
      'k.category',
      'k.author_id',
      'a.name as author_name',
      'k.scale_id',
      'k.level',
      'k.observed',
      'k.observed_since',
      'k.parents_informed',
      'k.parents_informed_how',
      'k.parents_informed_on',
      'k.version',
      'k.created_at',
      'k.updated_at',
    ]);
}

/** One row of {@link concernQuery}. */
export type ConcernRow = Awaited<ReturnType<ReturnType<typeof concernQuery>['execute']>>[number];

/** Sparring request rows with the names of the people, the unit and the district. */
export function sparringQuery(trx: Transaction<DB>) {
  return trx
    .selectFrom('sparring_requests as r')
    .innerJoin('staff as rq', 'rq.id', 'r.requester_id')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .innerJoin('districts as d', 'd.id', 'r.district_id')
    .leftJoin('staff as tk', 'tk.id', 'r.taken_by')
    .select([
      'r.id',
      'r.municipality_id',
      'r.requester_id',
      'rq.name as requester_name',
      'r.unit_id',
      'u.name as unit_name',
      'r.district_id',
      'd.name as district_name',
      'r.mode',
      'r.concern_id',
      'r.child_id',
      'r.age_band',
      'r.scale_id',
      'r.level',
      'r.question',
      'r.consent_given_by',
      'r.consent_given_on',
      'r.consent_how',
      'r.status',
      'r.requested_at',
      'r.requested_on',
      'r.taken_by',
      'tk.name as taken_by_name',
      'r.taken_at',
      'r.taken_on',
      'r.closed_at',
      'r.closing_note',
      'r.requester_seen_at',
      'r.version',
      sql<number>`(select count(*)::int from sparring_sessions s where s.request_id = r.id)`.as('session_count'),
      sql<Date | string | null>`(select max(s.created_at) from sparring_sessions s where s.request_id = r.id)`.as('last_session_at'),
    ]);
}

/** One row of {@link sparringQuery}. */
export type SparringRow = Awaited<ReturnType<ReturnType<typeof sparringQuery>['execute']>>[number];

/**
 * The districts a staff member covers as a social worker.
 * @example const districts = await coveredDistricts(trx, actor.id);
 */
export async function coveredDistricts(trx: Transaction<DB>, staffId: string): Promise<{ id: string; name: string }[]> {
  return trx
    .selectFrom('social_worker_districts as sd')
    .innerJoin('districts as d', 'd.id', 'sd.district_id')
    .select(['d.id', 'd.name'])
    .where('sd.staff_id', '=', staffId)
    .orderBy('d.name')
    .execute();
}

/**
 * Display names of children (or expected children) by id.
 * @example const names = await childNames(trx, ['…']);
 */
export async function childNames(trx: Transaction<DB>, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await trx
    .selectFrom('persons as p')
    .innerJoin('children as c', 'c.person_id', 'p.id')
    .select(['p.id', 'p.first_name', 'p.last_name', 'c.status', 'c.expected_date'])
    .where('p.id', 'in', unique)
    .execute();
  return new Map(rows.map((row) => [row.id, displayName(row)]));
}

/** A concern row as the API shows it. */
export function presentConcern(
  row: ConcernRow,
  scale: StoredScale,
  canEdit: boolean,
  sparring: ConcernShape['sparring'],
): ConcernShape {
  return {
    id: row.id,
    childId: row.child_id,
    unit: { id: row.unit_id, name: row.unit_name },
    category: row.category,
    author: { id: row.author_id, name: row.author_name },
    scale,
    level: presentLevel(scale, row.level),
    observed: row.observed,
    observedSince: row.observed_since,
    parentsInformed: row.parents_informed,
    parentsInformedHow: row.parents_informed_how,
    parentsInformedOn: row.parents_informed_on,
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    canEdit,
    sparring,
  };
}

/** Sparring sessions of requests, oldest first, with the recorder's name. */
export async function sessionsOf(trx: Transaction<DB>, requestId: string): Promise<SparringSessionShape[]> {
  const rows = await trx
    .selectFrom('sparring_sessions as s')
    .innerJoin('staff as st', 'st.id', 's.recorded_by')
    .select(['s.id', 's.held_on', 's.advice', 's.next_step', 's.recorded_by', 'st.name as recorded_by_name', 's.created_at'])
    .where('s.request_id', '=', requestId)
    .orderBy('s.held_on')
    .orderBy('s.created_at')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    heldOn: row.held_on,
    advice: row.advice,
    nextStep: row.next_step,
    recordedBy: { id: row.recorded_by, name: row.recorded_by_name },
    createdAt: iso(row.created_at),
  }));
}
