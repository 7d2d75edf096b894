/** What the signed-in person needs today: their units, certifications and, for administrators, a health check. */
import { sql } from 'kysely';
import { isAdministrator } from '../../access/actor';
import type { Work } from '../../access/work';
import { todayInDenmark } from '../../clock';
import type { MyDayShape } from './schema';

/** Certifications that end within this many days are flagged. */
export const EXPIRY_WARNING_DAYS = 60;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The actor's own day. */
export class MyDayRepo {
  constructor(private readonly work: Work) {}

  /** Builds "Min dag" for the signed-in staff member. */
  async today(): Promise<MyDayShape> {
    const actor = this.work.actor;
    if (actor.kind !== 'staff') throw new Error('Min dag needs a staff actor');
    const trx = await this.work.tx();
    const date = todayInDenmark();
    const warnUntil = addDays(date, EXPIRY_WARNING_DAYS);
    const units = await trx
      .selectFrom('memberships as m')
      .innerJoin('units as u', 'u.id', 'm.unit_id')
      .select(['u.id', 'u.name', 'u.kind'])
      .where('m.staff_id', '=', actor.id)
      .where('m.starts_on', '<=', date)
      .where((eb) => eb.or([eb('m.ends_on', 'is', null), eb('m.ends_on', '>=', date)]))
      .orderBy('u.name')
      .execute();
    const certifications = await trx
      .selectFrom('certifications')
      .select(['id', 'kind', 'valid_from', 'valid_until'])
      .where('staff_id', '=', actor.id)
      .orderBy('kind')
      .execute();
    const result: MyDayShape = {
      date,
      units: units.map((u) => ({ ...u, kind: u.kind as MyDayShape['units'][number]['kind'] })),
      certifications: certifications.map((c) => ({
        id: c.id,
        kind: c.kind as MyDayShape['certifications'][number]['kind'],
        validFrom: c.valid_from,
        validUntil: c.valid_until,
        expired: c.valid_until !== null && c.valid_until < date,
        expiresSoon: c.valid_until !== null && c.valid_until >= date && c.valid_until <= warnUntil,
      })),
      visits: [],
      tasks: [],
    };
    if (isAdministrator(actor)) {
      const counts = await sql<{ units: number; staff: number; failed: number }>`
        select
          (select count(*)::int from units where municipality_id = ${actor.municipalityId}) as units,
          (select count(*)::int from staff where municipality_id = ${actor.municipalityId} and active) as staff,
          (select count(*)::int from audit_log a join staff s on s.id = a.actor_id
            where a.action = 'sign_in' and a.outcome = 'denied' and s.municipality_id = ${actor.municipalityId}
              and a.at > now() - interval '24 hours') as failed`.execute(trx);
      const row = counts.rows[0];
      result.admin = { units: row.units, staff: row.staff, failedSignInsLast24h: row.failed };
    }
    return result;
  }
}
