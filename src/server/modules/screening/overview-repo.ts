/**
 * A health-visiting unit's screening coverage: per expected round, how many
 * children of its caseload reached the age window, how many were screened,
 * and the share positive. Counts only; the children counted are named in the
 * audit log, never in the response.
 */
import { seesUnitScreeningOverview } from '../../access/policies/screening';
import type { StaffActor } from '../../access/actor';
import type { Work } from '../../access/work';
import { todayInDenmark } from '../../clock';
import { notFound, Problem } from '../../errors';
import { coverageFor, SCREENING_ROUNDS } from './coverage';
import type { UnitScreeningOverviewShape } from './schema';

/** The unit overview, scoped to the actor. */
export class ScreeningOverviewRepo {
  constructor(private readonly work: Work) {}

  private staff(): StaffActor {
    const actor = this.work.actor;
    if (actor.kind !== 'staff') throw new Error('the overview needs a staff actor');
    return actor;
  }

  /** Coverage and share positive per round for the unit's current caseload. */
  async forUnit(unitId: string): Promise<UnitScreeningOverviewShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const unit = await trx
      .selectFrom('units')
      .select(['id', 'kind'])
      .where('id', '=', unitId)
      .where('municipality_id', '=', actor.municipalityId)
      .executeTakeFirst();
    if (unit?.kind !== 'health_visiting') throw notFound();
    if (!seesUnitScreeningOverview(actor, unitId)) {
      this.work.audit({ action: 'read', category: 'health', outcome: 'denied', criterion: `screening-overview unit=${unitId}` });
      throw new Problem(403, 'access.denied');
    }
    const today = todayInDenmark();
    const children = await trx
      .selectFrom('caseload_assignments as ca')
      .innerJoin('persons as p', 'p.id', 'ca.child_id')
      .innerJoin('children as c', 'c.person_id', 'p.id')
      .select(['p.id', 'p.birth_date'])
      .where('ca.unit_id', '=', unitId)
      .where('ca.ends_on', 'is', null)
      .where('c.status', '=', 'born')
      .where('p.merged_into', 'is', null)
      .execute();
    const screenings = await trx
      .selectFrom('screenings as s')
      .innerJoin('caseload_assignments as ca', (join) => join.onRef('ca.child_id', '=', 's.child_id').on('ca.ends_on', 'is', null))
      .select(['s.child_id', 's.instrument_id', 's.child_age_months', 's.positive'])
      .where('ca.unit_id', '=', unitId)
      .where('s.instrument_id', 'in', ['adbb', 'epds'])
      .execute();
    const rounds = coverageFor(
      SCREENING_ROUNDS,
      children.map((c) => ({ id: c.id, birthDate: c.birth_date })),
      screenings.map((s) => ({ childId: s.child_id, instrument: s.instrument_id, ageMonths: s.child_age_months, positive: s.positive })),
      today,
    );
    this.work.audit({
      action: 'read',
      category: 'health',
      subjectIds: [...new Set(screenings.map((s) => s.child_id))],
      criterion: `screening-overview unit=${unitId}`,
      purpose: 'Screeningsoverblik',
      outcome: 'allowed',
      detail: { unitId, children: children.length, screenings: screenings.length },
    });
    return { unitId, date: today, children: children.length, rounds };
  }
}
