/**
 * Merging two records of the same child: every entry on the duplicate moves to
 * the surviving record, missing identity fields are filled in, and the
 * duplicate is marked as merged (never deleted). Tables that hold entries about
 * a child are listed here once; later modules add theirs.
 */
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/types';

/** Tables with a `child_id` column that must follow a merge. */
export const CHILD_LINKED_TABLES = ['enrolments', 'extended_track_periods', 'visits', 'journal_notes', 'measurements', 'screenings', 'follow_up_tasks', 'flags', 'wellbeing_round_children', 'wellbeing_ratings', 'wellbeing_joint_ratings', 'child_involvements', 'meetings', 'concerns', 'sparring_requests', 'wellbeing_conversations', 'counselling_visits', 'course_participants', 'consents', 'disclosures', 'disclosure_tasks', 'handovers', 'notifications'] as const;

/**
 * Moves everything from `duplicateId` to `survivorId` inside the transaction.
 * @example await mergeChildRecords(trx, survivorId, duplicateId, today);
 */
export async function mergeChildRecords(trx: Transaction<DB>, survivorId: string, duplicateId: string, today: string): Promise<void> {
  for (const table of CHILD_LINKED_TABLES) {
    await sql`update ${sql.table(table)} set child_id = ${survivorId} where child_id = ${duplicateId}`.execute(trx);
  }
  // Two open extended-track periods cannot both stay open: keep the earliest.
  const open = await trx
    .selectFrom('extended_track_periods')
    .select(['id'])
    .where('child_id', '=', survivorId)
    .where('ends_on', 'is', null)
    .orderBy('starts_on')
    .execute();
  for (const extra of open.slice(1)) {
    await trx
      .updateTable('extended_track_periods')
      .set({ ends_on: today, end_reason: 'Sammenlagt med en anden registrering af samme barn' })
      .where('id', '=', extra.id)
      .execute();
  }
  // Relations: adults not yet related to the survivor move; the rest are dropped as duplicates.
  await sql`update relations r set child_id = ${survivorId}
    where r.child_id = ${duplicateId}
      and not exists (select 1 from relations s where s.child_id = ${survivorId} and s.adult_id = r.adult_id)`.execute(trx);
  await trx.deleteFrom('relations').where('child_id', '=', duplicateId).execute();
  // Caseload: the duplicate's history moves, its open assignment is closed unless the survivor has none.
  const survivorHasCurrent = await trx
    .selectFrom('caseload_assignments')
    .select('id')
    .where('child_id', '=', survivorId)
    .where('ends_on', 'is', null)
    .executeTakeFirst();
  if (survivorHasCurrent) {
    await trx
      .updateTable('caseload_assignments')
      .set({ ends_on: today, reason: 'Sammenlagt med en anden registrering af samme barn' })
      .where('child_id', '=', duplicateId)
      .where('ends_on', 'is', null)
      .execute();
  }
  await trx.updateTable('caseload_assignments').set({ child_id: survivorId }).where('child_id', '=', duplicateId).execute();
  // Identity: fill what the survivor lacks, then retire the duplicate.
  const dup = await trx.selectFrom('persons').selectAll().where('id', '=', duplicateId).executeTakeFirstOrThrow();
  await trx.updateTable('persons').set({ merged_into: survivorId, cpr: null, version: dup.version + 1 }).where('id', '=', duplicateId).execute();
  await sql`update persons set
      cpr = coalesce(cpr, ${dup.cpr}),
      first_name = coalesce(first_name, ${dup.first_name}),
      last_name = coalesce(last_name, ${dup.last_name}),
      birth_date = coalesce(birth_date, ${dup.birth_date}::date),
      legal_sex = coalesce(legal_sex, ${dup.legal_sex}),
      address = coalesce(address, ${dup.address}),
      postal_code = coalesce(postal_code, ${dup.postal_code}),
      city = coalesce(city, ${dup.city}),
      version = version + 1,
      updated_at = now()
    where id = ${survivorId}`.execute(trx);
  const dupChild = await trx.selectFrom('children').selectAll().where('person_id', '=', duplicateId).executeTakeFirst();
  if (dupChild) {
    await sql`update children set
        expected_date = coalesce(expected_date, ${dupChild.expected_date}::date),
        discharged_within_72h = discharged_within_72h or ${dupChild.discharged_within_72h},
        status = case when status = 'born' or ${dupChild.status} = 'born' then 'born' else 'expected' end
      where person_id = ${survivorId}`.execute(trx);
  }
}
