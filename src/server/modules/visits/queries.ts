/**
 * Loading visits with the names people need to see (child, responsible staff,
 * participants) in a fixed number of queries, whatever the number of visits.
 * Callers check access and write the audit entry; these only read.
 */
import { type ExpressionBuilder, type Kysely, sql, type Transaction } from 'kysely';
import { todayInDenmark } from '../../clock';
import type { DB } from '../../db/types';
import { childDisplayName, timeInDenmark } from './present';
import type { CalendarVisitShape, VisitShape } from './schema';

type Db = Transaction<DB> | Kysely<DB>;
type VisitEb = ExpressionBuilder<DB & { v: DB['visits']; p: DB['persons'] }, 'v' | 'p'>;

/** Which visits to load. */
export type VisitFilter =
  | { childId: string }
  | { visitId: string }
  /** The person's own calendar: responsible for, or taking part in, visits planned in [fromDate, toDate) (Danish days). */
  | { staffId: string; fromDate: string; toDate: string };

/** A loaded visit with the child's name fields. */
export interface VisitRow extends VisitShape {
  childFirstName: string | null;
  childLastName: string | null;
  childStatus: string;
  childExpectedDate: string | null;
}

/** SQL: the instant a Danish calendar day starts. */
export const dayStartInDenmark = (date: string) => sql<Date>`(${date}::date)::timestamp at time zone 'Europe/Copenhagen'`;

/**
 * Visits matching `filter` in the municipality, ordered by planned time.
 * @example await fetchVisits(trx, actor.municipalityId, { childId })
 */
export async function fetchVisits(db: Db, municipalityId: string, filter: VisitFilter): Promise<VisitRow[]> {
  let query = db
    .selectFrom('visits as v')
    .innerJoin('persons as p', 'p.id', 'v.child_id')
    .innerJoin('children as c', 'c.person_id', 'p.id')
    .leftJoin('staff as s', 's.id', 'v.staff_id')
    .select([
      'v.id',
      'v.child_id',
      'v.template_key',
      'v.kind',
      'v.status',
      'v.planned_at',
      'v.staff_id',
      's.name as staff_name',
      'v.participant_ids',
      'v.location',
      'v.version',
      'v.updated_at',
      'p.first_name',
      'p.last_name',
      'c.status as child_status',
      'c.expected_date',
    ])
    .where('p.municipality_id', '=', municipalityId);
  if ('childId' in filter) query = query.where('v.child_id', '=', filter.childId);
  else if ('visitId' in filter) query = query.where('v.id', '=', filter.visitId);
  else {
    const { staffId, fromDate, toDate } = filter;
    query = query
      .where('p.merged_into', 'is', null)
      .where('v.planned_at', '>=', dayStartInDenmark(fromDate))
      .where('v.planned_at', '<', dayStartInDenmark(toDate))
      .where((eb: VisitEb) => eb.or([eb('v.staff_id', '=', staffId), eb(sql<string>`${staffId}::uuid`, '=', eb.fn.any('v.participant_ids'))]));
  }
  const rows = await query.orderBy('v.planned_at').orderBy('v.id').execute();
  const participantIds = [...new Set(rows.flatMap((r) => r.participant_ids))];
  const names = new Map<string, string>();
  if (participantIds.length > 0) {
    const staff = await db
      .selectFrom('staff')
      .select(['id', 'name'])
      .where('id', 'in', participantIds)
      .where('municipality_id', '=', municipalityId)
      .execute();
    for (const s of staff) names.set(s.id, s.name);
  }
  return rows.map((r) => ({
    id: r.id,
    childId: r.child_id,
    templateKey: r.template_key,
    kind: r.kind as VisitShape['kind'],
    status: r.status as VisitShape['status'],
    plannedAt: new Date(r.planned_at).toISOString(),
    staffId: r.staff_id,
    staffName: r.staff_name,
    participantIds: r.participant_ids,
    participants: r.participant_ids.map((id) => ({ id, name: names.get(id) ?? '' })),
    location: r.location,
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
    childFirstName: r.first_name,
    childLastName: r.last_name,
    childStatus: r.child_status,
    childExpectedDate: r.expected_date,
  }));
}

/** A loaded visit as the API shows it. */
export function presentVisit(row: VisitRow): VisitShape {
  return {
    id: row.id,
    childId: row.childId,
    templateKey: row.templateKey,
    kind: row.kind,
    status: row.status,
    plannedAt: row.plannedAt,
    staffId: row.staffId,
    staffName: row.staffName,
    participantIds: row.participantIds,
    participants: row.participants,
    location: row.location,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

/** A loaded visit as a calendar entry for `staffId`. */
export function presentCalendarVisit(row: VisitRow, staffId: string): CalendarVisitShape {
  const at = new Date(row.plannedAt);
  return {
    ...presentVisit(row),
    childName: childDisplayName({
      first_name: row.childFirstName,
      last_name: row.childLastName,
      status: row.childStatus,
      expected_date: row.childExpectedDate,
    }),
    date: todayInDenmark(at),
    time: timeInDenmark(at),
    role: row.staffId === staffId ? 'responsible' : 'participant',
  };
}
