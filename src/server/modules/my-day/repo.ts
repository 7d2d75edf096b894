/**
 * What the signed-in person needs today: their visits, the contacts due for
 * their caseload, their units and certifications and, for administrators, a
 * health check; and their week's visits. The caseload is computed with a fixed
 * number of queries whatever its size, and each page load writes one audit
 * entry naming every child whose health data it read.
 */
import { sql } from 'kysely';
import { addDays, dayOfWeek } from '../../../domain/dates';
import { isAdministrator, type StaffActor } from '../../access/actor';
import type { Work } from '../../access/work';
import { todayInDenmark } from '../../clock';
import { contactsFor, loadTemplates } from '../programme/schedule';
import { openTasksFor } from '../screening/tasks-repo';
import { childDisplayName } from '../visits/present';
import { fetchVisits, presentCalendarVisit } from '../visits/queries';
import type { CaseloadContactShape, MyDayShape, MyWeekShape } from './schema';

/** Certifications that end within this many days are flagged. */
export const EXPIRY_WARNING_DAYS = 60;
/** Contacts whose window opens within this many days are shown as coming up. */
export const UPCOMING_DAYS = 14;

const statusRank = { overdue: 0, due: 1, upcoming: 2, done: 3 } as const;

/** The actor's own day and week. */
export class MyDayRepo {
  constructor(private readonly work: Work) {}

  /** Builds "Min dag" for the signed-in staff member. */
  async today(): Promise<MyDayShape> {
    const actor = this.staff();
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
    const visits = await fetchVisits(trx, actor.municipalityId, { staffId: actor.id, fromDate: date, toDate: addDays(date, 1) });
    const caseload = await this.caseload(actor, date);
    const contacts = caseload.contacts;
    const open = await openTasksFor(trx, actor, date);
    const subjects = new Set([...caseload.childIds, ...visits.map((v) => v.childId), ...open.subjectIds]);
    if (subjects.size > 0) {
      this.work.audit({
        action: 'read',
        category: 'health',
        subjectIds: [...subjects],
        purpose: 'Min dag',
        outcome: 'allowed',
        detail: { caseload: caseload.childIds.length, contacts: contacts.length, visits: visits.length, tasks: open.tasks.length, flags: open.flags.length },
      });
    }
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
      visits: visits.map((v) => presentCalendarVisit(v, actor.id)),
      contacts,
      counts: {
        visitsToday: visits.length,
        overdue: contacts.filter((c) => c.status === 'overdue').length,
        dueNow: contacts.filter((c) => c.status === 'due').length,
        upcoming14Days: contacts.filter((c) => c.status === 'upcoming').length,
        caseload: caseload.childIds.length,
      },
      tasks: open.tasks,
      flags: open.flags,
      taskCounts: open.counts,
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

  /** The actor's visits for the 7 days from `start` (default: this week's Monday), grouped by day. */
  async week(start?: string): Promise<MyWeekShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const today = todayInDenmark();
    const first = start ?? addDays(today, -((dayOfWeek(today) + 6) % 7));
    const rows = await fetchVisits(trx, actor.municipalityId, { staffId: actor.id, fromDate: first, toDate: addDays(first, 7) });
    const visits = rows.map((v) => presentCalendarVisit(v, actor.id));
    const childIds = [...new Set(rows.map((v) => v.childId))];
    if (childIds.length > 0) {
      this.work.audit({ action: 'read', category: 'health', subjectIds: childIds, purpose: 'Min uge', outcome: 'allowed', detail: { visits: rows.length } });
    }
    const days = Array.from({ length: 7 }, (_, i) => {
      const date = addDays(first, i);
      return { date, visits: visits.filter((v) => v.date === date) };
    });
    return { start: first, end: addDays(first, 6), days };
  }

  private staff(): StaffActor {
    const actor = this.work.actor;
    if (actor.kind !== 'staff') throw new Error('Min dag needs a staff actor');
    return actor;
  }

  /**
   * The actor's caseload — children whose current assignment names the actor,
   * or for a manager every child of their health-visiting units — and the
   * contacts that need attention: overdue, due, or opening within 14 days.
   * Four queries whatever the caseload's size.
   */
  private async caseload(actor: StaffActor, today: string): Promise<{ childIds: string[]; contacts: CaseloadContactShape[] }> {
    const healthUnits = actor.units.filter((u) => u.kind === 'health_visiting').map((u) => u.id);
    if (healthUnits.length === 0) return { childIds: [], contacts: [] };
    const trx = await this.work.tx();
    const wholeUnit = actor.profession === 'manager';
    const children = await trx
      .selectFrom('caseload_assignments as ca')
      .innerJoin('persons as p', 'p.id', 'ca.child_id')
      .innerJoin('children as c', 'c.person_id', 'p.id')
      .select([
        'p.id',
        'p.municipality_id',
        'p.first_name',
        'p.last_name',
        'p.birth_date',
        'c.status',
        'c.expected_date',
        'c.discharged_within_72h',
        'ca.unit_id',
        'ca.staff_id',
        (eb) =>
          eb
            .exists(eb.selectFrom('extended_track_periods as e').select(sql`1`.as('one')).whereRef('e.child_id', '=', 'p.id').where('e.ends_on', 'is', null))
            .as('extended'),
      ])
      .where('ca.ends_on', 'is', null)
      .where('ca.unit_id', 'in', healthUnits)
      .where('p.municipality_id', '=', actor.municipalityId)
      .where('p.merged_into', 'is', null)
      .$if(!wholeUnit, (q) => q.where('ca.staff_id', '=', actor.id))
      .execute();
    // The policy has the last word on every child (same facts as loadChildFacts, without a query per child).
    const visible = children.filter((c) =>
      this.work.may('read', 'health', {
        childId: c.id,
        municipalityId: c.municipality_id,
        healthUnitIds: [c.unit_id],
        responsibleStaffId: c.staff_id,
        enrolledUnitIds: [],
        involvedStaffIds: [],
      }),
    );
    if (visible.length === 0) return { childIds: [], contacts: [] };
    const { templates } = await loadTemplates(trx, actor.municipalityId);
    const visits = await trx
      .selectFrom('visits as v')
      .innerJoin('caseload_assignments as ca', (join) => join.onRef('ca.child_id', '=', 'v.child_id').on('ca.ends_on', 'is', null))
      .select(['v.id', 'v.child_id', 'v.template_key', 'v.status', 'v.planned_at'])
      .where('ca.unit_id', 'in', healthUnits)
      .$if(!wholeUnit, (q) => q.where('ca.staff_id', '=', actor.id))
      .where('v.template_key', 'is not', null)
      .where('v.status', 'in', ['planned', 'done'])
      .execute();
    const visitsByChild = new Map<string, { id: string; templateKey: string | null; status: string; plannedAt: Date }[]>();
    for (const v of visits) {
      const list = visitsByChild.get(v.child_id) ?? [];
      list.push({ id: v.id, templateKey: v.template_key, status: v.status, plannedAt: new Date(v.planned_at) });
      visitsByChild.set(v.child_id, list);
    }
    const horizon = addDays(today, UPCOMING_DAYS);
    const contacts: CaseloadContactShape[] = [];
    for (const child of visible) {
      const childName = childDisplayName(child);
      const planned = contactsFor(
        {
          status: child.status,
          birthDate: child.birth_date,
          expectedDate: child.expected_date,
          dischargedWithin72h: child.discharged_within_72h,
          extendedTrack: Boolean(child.extended),
        },
        templates,
        visitsByChild.get(child.id) ?? [],
        today,
      );
      for (const contact of planned) {
        if (contact.status === 'done') continue;
        if (contact.status === 'upcoming' && contact.earliest > horizon) continue;
        // A pregnancy contact not made before the birth can no longer be made: nothing to act on.
        if (child.status === 'born' && contact.anchor === 'expected') continue;
        contacts.push({
          childId: child.id,
          childName,
          key: contact.key,
          labelDa: contact.labelDa,
          labelEn: contact.labelEn,
          track: contact.track,
          earliest: contact.earliest,
          latest: contact.latest,
          status: contact.status,
          visitId: contact.visitId,
        });
      }
    }
    contacts.sort(
      (a, b) =>
        statusRank[a.status] - statusRank[b.status] ||
        (a.status === 'upcoming' ? a.earliest.localeCompare(b.earliest) : a.latest.localeCompare(b.latest)) ||
        a.childName.localeCompare(b.childName, 'da') ||
        a.earliest.localeCompare(b.earliest),
    );
    return { childIds: visible.map((c) => c.id), contacts };
  }
}
