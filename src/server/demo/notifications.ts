/**
 * Demo notifications (underretninger) so that `myndighed` (Børn og Familie)
 * sees a real inbox and `sundhed` and `paedagog` see their own notifications:
 * one about an expected child from the health visitor (today), one from the
 * pedagogue received last week with receipt confirmed and the acute
 * assessment made, and one from the health visitor that is overdue.
 * Idempotent: does nothing when the municipality already has notifications.
 */
import { type Kysely, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { addDays } from '../../domain';
import { writeAudit } from '../access/audit';
import { involveStaff } from '../access/involvement';
import { hashPassword } from '../auth/passwords';
import { todayInDenmark } from '../clock';
import type { DB } from '../db/types';
import { DEMO_PASSWORD } from './organisation';

const SOCIAL_SERVICES = 'Børn og Familie (myndighed)';

/** Staff member with their first current unit, by username. */
async function staffWithUnit(db: Kysely<DB>, username: string) {
  return db
    .selectFrom('staff as s')
    .innerJoin('memberships as m', 'm.staff_id', 's.id')
    .innerJoin('units as u', 'u.id', 'm.unit_id')
    .select(['s.id', 's.name', 's.profession', 's.municipality_id', 'u.id as unit_id', 'u.name as unit_name', 'u.address as unit_address'])
    .where(sql`lower(s.username)`, '=', username)
    .where('m.ends_on', 'is', null)
    .orderBy('m.starts_on')
    .executeTakeFirst();
}

/**
 * Seeds the demo notifications once (and the `myndighed` account if an older
 * demo database lacks it). Returns the number of notifications created.
 * @example await seedDemoNotifications(db);
 */
export async function seedDemoNotifications(db: Kysely<DB>): Promise<number> {
  const recipient = await db.selectFrom('units').select(['id', 'municipality_id']).where('name', '=', SOCIAL_SERVICES).where('kind', '=', 'social_services').executeTakeFirst();
  if (!recipient) return 0;
  const existing = await db.selectFrom('notifications').select('id').where('municipality_id', '=', recipient.municipality_id).executeTakeFirst();
  if (existing) return 0;

  let caseworker = await db.selectFrom('staff').select('id').where(sql`lower(username)`, '=', 'myndighed').executeTakeFirst();
  if (!caseworker) {
    const id = uuidv7();
    await db
      .insertInto('staff')
      .values({ id, municipality_id: recipient.municipality_id, name: 'Maria Myndighed', username: 'myndighed', email: 'myndighed@spireby.example', profession: 'social_worker', password_hash: await hashPassword(DEMO_PASSWORD) })
      .execute();
    await db.insertInto('memberships').values({ id: uuidv7(), staff_id: id, unit_id: recipient.id, starts_on: '2024-01-01' }).execute();
    caseworker = { id };
  }

  const sundhed = await staffWithUnit(db, 'sundhed');
  const paedagog = await staffWithUnit(db, 'paedagog');
  if (!sundhed || !paedagog) return 0;
  const today = todayInDenmark();

  const expectedChild = await db
    .selectFrom('children as c')
    .innerJoin('caseload_assignments as ca', 'ca.child_id', 'c.person_id')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .select('c.person_id as id')
    .where('c.status', '=', 'expected')
    .where('ca.unit_id', '=', sundhed.unit_id)
    .where('ca.ends_on', 'is', null)
    .where('p.merged_into', 'is', null)
    .orderBy('c.expected_date')
    .executeTakeFirst();
  const bornOnCaseload = await db
    .selectFrom('children as c')
    .innerJoin('caseload_assignments as ca', 'ca.child_id', 'c.person_id')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .select('c.person_id as id')
    .where('c.status', '=', 'born')
    .where('ca.unit_id', '=', sundhed.unit_id)
    .where('ca.ends_on', 'is', null)
    .where('p.merged_into', 'is', null)
    .orderBy('p.birth_date', 'desc')
    .executeTakeFirst();
  const enrolled = await db
    .selectFrom('enrolments as e')
    .innerJoin('children as c', 'c.person_id', 'e.child_id')
    .innerJoin('persons as p', 'p.id', 'e.child_id')
    .select('e.child_id as id')
    .where('e.unit_id', '=', paedagog.unit_id)
    .where('c.status', '=', 'born')
    .where('p.merged_into', 'is', null)
    .where((eb) => eb.or([eb('e.ends_on', 'is', null), eb('e.ends_on', '>=', today)]))
    .orderBy('p.birth_date', 'desc')
    .executeTakeFirst();

  const notifier = (s: NonNullable<typeof sundhed>) => ({
    notifier_id: s.id,
    notifier_name: s.name,
    notifier_profession: s.profession,
    notifier_unit_id: s.unit_id,
    notifier_workplace: s.unit_name,
    notifier_workplace_address: s.unit_address,
  });
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
  const base = { municipality_id: recipient.municipality_id, recipient_unit_id: recipient.id };
  const values = [
    {
      ...base,
      ...notifier(sundhed),
      id: uuidv7(),
      // An expected child; without a registered one, the expectant mother herself (no child record needed).
      child_id: expectedChild?.id ?? null,
      expectant_parent_name: expectedChild ? null : 'Camilla Vordende',
      expectant_parent_address: expectedChild ? null : 'Havnegade 41, 2. th., 9000 Spireby',
      expected_date: expectedChild ? null : addDays(today, 90),
      grounds: ['unborn_child'],
      observations:
        'Ved graviditetsbesøget fortalte den gravide om et stort forbrug af alkohol i graviditeten og om vold i hjemmet. Hun har ikke kontakt med sin egen læge og ønsker ikke at tale om fødslen. Jeg vurderer, at barnet kan få behov for særlig støtte umiddelbart efter fødslen.',
      parents_informed: true,
      received_at: hoursAgo(2),
    },
    {
      ...base,
      ...notifier(paedagog),
      id: uuidv7(),
      child_id: enrolled?.id ?? bornOnCaseload?.id ?? null,
      expectant_parent_name: enrolled || bornOnCaseload ? null : 'Ukendt forælder',
      grounds: ['special_support'],
      observations:
        'Barnet er gennem de sidste to måneder blevet mere stille og indadvendt, kommer ofte sultent og i for tynde klæder. Forældrene er svære at få i tale ved aflevering.',
      parents_informed: true,
      received_at: new Date(`${addDays(today, -7)}T08:40:00Z`),
      receipt_confirmed_on: addDays(today, -5),
      receipt_confirmed_at: new Date(`${addDays(today, -5)}T10:00:00Z`),
      receipt_confirmed_by: caseworker.id,
      acute_assessed_at: new Date(`${addDays(today, -7)}T14:00:00Z`),
      acute: false,
      acute_note: 'Ikke akut. Forældrene indkaldes til samtale; børnefaglig undersøgelse overvejes.',
      acute_assessed_by: caseworker.id,
    },
    {
      ...base,
      ...notifier(sundhed),
      id: uuidv7(),
      child_id: bornOnCaseload?.id ?? null,
      expectant_parent_name: bornOnCaseload ? null : 'Ukendt forælder',
      grounds: ['special_support', 'abuse'],
      observations: 'Barnet havde ved besøget blå mærker på overarmene, som forældrene ikke kunne forklare. Mor virkede bange for far.',
      parents_informed: false,
      not_informed_reason: 'suspected_abuse_by_parents',
      not_informed_text: 'Mistanke om vold fra far; forældrene er ikke orienteret for ikke at bringe barnet i fare.',
      received_at: new Date(`${addDays(today, -12)}T09:15:00Z`),
    },
  ];
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('notifications').values(values).execute();
    for (const row of values) {
      if (row.child_id) await involveStaff(trx, row.child_id, [caseworker.id], { source: 'notification', sourceId: row.id }, row.notifier_id);
    }
    await writeAudit(trx, { actor: { kind: 'system', reason: 'demo data' }, requestId: 'seed', ip: null }, [
      {
        action: 'create',
        category: 'social',
        subjectIds: values.flatMap((row) => (row.child_id ? [row.child_id] : [])),
        outcome: 'allowed',
        purpose: 'demo data',
        detail: { notifications: values.length },
      },
    ]);
  });
  return values.length;
}
