/** Checks shared by the visit, note and measurement repositories. */
import type { Transaction } from 'kysely';
import type { StaffActor } from '../../access/actor';
import type { Work } from '../../access/work';
import type { DB } from '../../db/types';
import type { FieldIssue } from '../../errors';

/** The actor, who must be a staff member for anything here. */
export function staffActor(work: Work): StaffActor {
  const actor = work.actor;
  if (actor.kind !== 'staff') throw new Error('health data needs a staff actor');
  return actor;
}

/**
 * Field issues for staff ids that are not active staff of the municipality.
 * @example await unknownStaff(trx, municipalityId, ['…'], 'participantIds')
 */
export async function unknownStaff(trx: Transaction<DB>, municipalityId: string, ids: string[], field: string): Promise<FieldIssue[]> {
  if (ids.length === 0) return [];
  const found = await trx
    .selectFrom('staff')
    .select('id')
    .where('id', 'in', ids)
    .where('municipality_id', '=', municipalityId)
    .where('active', '=', true)
    .execute();
  const known = new Set(found.map((s) => s.id));
  return ids.some((id) => !known.has(id)) ? [{ field, code: 'invalid_choice' }] : [];
}

/**
 * Field issue when `visitId` is not a visit to this child.
 * @example await foreignVisit(trx, childId, input.visitId)
 */
export async function foreignVisit(trx: Transaction<DB>, childId: string, visitId: string | null | undefined): Promise<FieldIssue[]> {
  if (!visitId) return [];
  const visit = await trx.selectFrom('visits').select('id').where('id', '=', visitId).where('child_id', '=', childId).executeTakeFirst();
  return visit ? [] : [{ field: 'visitId', code: 'invalid_choice' }];
}
