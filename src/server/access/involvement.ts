/**
 * Bringing a staff member into a child's case. A module that hands someone a
 * piece of work about a named child (a sparring request, a meeting invitation,
 * a course place, a notification) records it here; while it is open, the staff
 * member sees the child's basic data (see `child-access.ts` and the `basic`
 * rules). Ending the work ends the involvement; the row is kept as history.
 */
import type { Kysely, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { DB } from '../db/types';

/** What brought the staff member in. */
export interface InvolvementSource {
  /** The module's word for it: 'sparring', 'meeting', 'course', 'handover', 'notification', … */
  source: string;
  /** The id of the row in that module. */
  sourceId: string;
}

/**
 * Brings the staff members into the child's case for this source (idempotent:
 * an open involvement for the same child, staff member and source is kept).
 * @example await involveStaff(trx, childId, [socialWorkerId], { source: 'sparring', sourceId: request.id }, actor.id);
 */
export async function involveStaff(
  trx: Transaction<DB> | Kysely<DB>,
  childId: string,
  staffIds: string[],
  from: InvolvementSource,
  createdBy: string | null,
): Promise<void> {
  const wanted = [...new Set(staffIds)];
  if (wanted.length === 0) return;
  const open = await trx
    .selectFrom('child_involvements')
    .select('staff_id')
    .where('child_id', '=', childId)
    .where('source', '=', from.source)
    .where('source_id', '=', from.sourceId)
    .where('ended_at', 'is', null)
    .execute();
  const already = new Set(open.map((r) => r.staff_id));
  const rows = wanted
    .filter((id) => !already.has(id))
    .map((staffId) => ({ id: uuidv7(), child_id: childId, staff_id: staffId, source: from.source, source_id: from.sourceId, created_by: createdBy }));
  if (rows.length) await trx.insertInto('child_involvements').values(rows).execute();
}

/**
 * Ends involvements of a source: all of them, or only those of the given staff members.
 * @example await endInvolvement(trx, { source: 'course', sourceId: enrolment.id });
 */
export async function endInvolvement(trx: Transaction<DB> | Kysely<DB>, from: InvolvementSource, staffIds?: string[]): Promise<void> {
  let query = trx
    .updateTable('child_involvements')
    .set({ ended_at: new Date() })
    .where('source', '=', from.source)
    .where('source_id', '=', from.sourceId)
    .where('ended_at', 'is', null);
  if (staffIds) {
    if (staffIds.length === 0) return;
    query = query.where('staff_id', 'in', staffIds);
  }
  await query.execute();
}
