/**
 * What the access rules need to know about a child: which health-visiting unit
 * has the child on its caseload, and which daycare or school units the child
 * attends or will attend. Loaded once per child per request, and used both as
 * policy facts and, in SQL form, to scope searches.
 */
import { type ExpressionBuilder, type Kysely, sql, type Transaction } from 'kysely';
import { todayInDenmark } from '../clock';
import type { DB } from '../db/types';
import { notFound } from '../errors';
import type { Actor } from './actor';
import type { Action } from './policy';
import type { Work } from './work';

/** Access facts about one child. */
export interface ChildFacts {
  childId: string;
  municipalityId: string;
  /** The current caseload unit (health visiting), if any. */
  healthUnitIds: string[];
  responsibleStaffId: string | null;
  /** Units with a current or planned enrolment. */
  enrolledUnitIds: string[];
  /** Staff brought into the child's case by open work (sparring, meeting, course, …; see involvement.ts). */
  involvedStaffIds: string[];
}

/**
 * Loads the facts for a child that is not merged away, or null if there is none.
 * @example const facts = await loadChildFacts(trx, childId);
 */
export async function loadChildFacts(trx: Transaction<DB> | Kysely<DB>, childId: string): Promise<ChildFacts | null> {
  const today = todayInDenmark();
  const row = await trx
    .selectFrom('children as c')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .select([
      'p.id',
      'p.municipality_id',
      sql<string[]>`coalesce((select array_agg(unit_id) from caseload_assignments ca where ca.child_id = p.id and ca.ends_on is null), '{}')`.as('health_unit_ids'),
      sql<string | null>`(select staff_id from caseload_assignments ca where ca.child_id = p.id and ca.ends_on is null)`.as('responsible_staff_id'),
      sql<string[]>`coalesce((select array_agg(distinct unit_id) from enrolments e where e.child_id = p.id and (e.ends_on is null or e.ends_on >= ${today}::date)), '{}')`.as('enrolled_unit_ids'),
      sql<string[]>`coalesce((select array_agg(distinct staff_id) from child_involvements i where i.child_id = p.id and i.ended_at is null), '{}')`.as('involved_staff_ids'),
    ])
    .where('p.id', '=', childId)
    .where('p.merged_into', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  return {
    childId: row.id,
    municipalityId: row.municipality_id,
    healthUnitIds: row.health_unit_ids,
    responsibleStaffId: row.responsible_staff_id,
    enrolledUnitIds: row.enrolled_unit_ids,
    involvedStaffIds: row.involved_staff_ids,
  };
}

/**
 * SQL condition: the child (column `p.id`) is visible to the actor — on the
 * caseload of one of the actor's health-visiting units, enrolled (now or
 * planned) in one of the actor's other units, or with an open involvement of
 * the actor (involvement.ts). Nothing for other actors.
 * @example query.where((eb) => visibleChildCondition(eb, actor))
 */
export function visibleChildCondition(eb: ExpressionBuilder<DB & { p: DB['persons'] }, 'p'>, actor: Actor) {
  if (actor.kind !== 'staff') return eb.val(false);
  const healthUnits = actor.units.filter((u) => u.kind === 'health_visiting').map((u) => u.id);
  const otherUnits = actor.units.filter((u) => u.kind !== 'health_visiting').map((u) => u.id);
  const today = todayInDenmark();
  const conditions = [
    eb.exists(
      eb
        .selectFrom('child_involvements as ci')
        .select(sql`1`.as('one'))
        .whereRef('ci.child_id', '=', 'p.id')
        .where('ci.staff_id', '=', actor.id)
        .where('ci.ended_at', 'is', null),
    ),
  ];
  if (healthUnits.length) {
    conditions.push(
      eb.exists(
        eb
          .selectFrom('caseload_assignments as ca')
          .select(sql`1`.as('one'))
          .whereRef('ca.child_id', '=', 'p.id')
          .where('ca.ends_on', 'is', null)
          .where('ca.unit_id', 'in', healthUnits),
      ),
    );
  }
  if (otherUnits.length) {
    conditions.push(
      eb.exists(
        eb
          .selectFrom('enrolments as e')
          .select(sql`1`.as('one'))
          .whereRef('e.child_id', '=', 'p.id')
          .where('e.unit_id', 'in', otherUnits)
          .where((w) => w.or([w('e.ends_on', 'is', null), w('e.ends_on', '>=', today)])),
      ),
    );
  }
  return eb.and([eb('p.municipality_id', '=', actor.municipalityId), eb.or(conditions)]);
}

/**
 * The door to one child's data: a child the actor cannot see at all is "not
 * found" (404); a child the actor sees but may not do `action` on in `category`
 * is refused (403). Both refusals are audited with the child's id.
 * @example const facts = await guardChild(this.work, childId, 'read', 'health');
 */
export async function guardChild(work: Work, childId: string, action: Action, category: 'basic' | 'health'): Promise<ChildFacts> {
  const trx = await work.tx();
  const facts = await loadChildFacts(trx, childId);
  if (!facts || !work.may('read', 'basic', facts)) {
    work.audit({ action, category, subjectIds: [childId], outcome: 'denied' });
    throw notFound();
  }
  work.authorize(action, category, facts, [childId]);
  return facts;
}

/**
 * {@link guardChild} for the child's health data (visits, notes, measurements, programme, screening).
 * @example const facts = await guardChildHealth(this.work, childId, 'read');
 */
export function guardChildHealth(work: Work, childId: string, action: 'read' | 'create' | 'update'): Promise<ChildFacts> {
  return guardChild(work, childId, action, 'health');
}
