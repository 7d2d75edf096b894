/**
 * Demo data for open counselling and staff workshops, on top of the demo
 * catalogue (demo/offers.ts): drop-in slots this week (one today, staffed by
 * the PPR psychologist `ppr`, still without visits so a newcomer can record
 * them), earlier slots with anonymous visits and one visit linked to a family,
 * and workshops, a daycare talk and a competence forum over the last months.
 * Seeded once: nothing happens when slots already exist.
 */
import { type Kysely, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { addDays, dayOfWeek } from '../../domain';
import { COUNSELLING_AGE_BANDS, COUNSELLING_TOPICS } from '../../domain/counselling';
import { todayInDenmark } from '../clock';
import type { DB } from '../db/types';

const PPR = 'PPR Spireby';
const FAMILY_CENTRE = 'Familiecentret – Tidlig Forebyggelse';

/** A Danish wall-clock time on a date, as an instant. */
const at = (date: string, time: string) => sql<Date>`(${date}::date + ${time}::time)::timestamp at time zone 'Europe/Copenhagen'`;

/**
 * Seeds the demo slots, visits and workshops once; returns false when they exist or the catalogue is missing.
 * @example await seedDemoCounselling(db);
 */
export async function seedDemoCounselling(db: Kysely<DB>, today = todayInDenmark()): Promise<boolean> {
  const municipality = await db.selectFrom('municipalities').select('id').where('code', '=', '0999').executeTakeFirst();
  if (!municipality) return false;
  const existing = await db.selectFrom('counselling_slots').select('id').where('municipality_id', '=', municipality.id).limit(1).executeTakeFirst();
  if (existing) return false;
  const offers = (
    await sql<{ id: string; key: string }>`select id, key from offers where municipality_id = ${municipality.id} and key is not null`.execute(db)
  ).rows;
  const offer = (key: string) => offers.find((o) => o.key === key)?.id;
  const dropIn = offer('open_counselling');
  if (!dropIn) return false;

  await db.transaction().execute(async (trx) => {
    const units = await trx.selectFrom('units').select(['id', 'name']).where('municipality_id', '=', municipality.id).execute();
    const unitId = (name: string) => units.find((u) => u.name === name)?.id;
    const staff = await trx.selectFrom('staff').select(['id', 'username']).where('municipality_id', '=', municipality.id).execute();
    const staffId = (username: string) => staff.find((s) => s.username === username)?.id;
    const ppr = unitId(PPR);
    const centre = unitId(FAMILY_CENTRE);
    const psychologist = staffId('ppr');
    const socialWorker = staffId('social');
    if (!ppr || !centre || !psychologist || !socialWorker) return;

    const slot = async (date: string, from: string, to: string, unit: string, professional: string, place: string) => {
      const id = uuidv7();
      await trx
        .insertInto('counselling_slots')
        .values({
          id,
          municipality_id: municipality.id,
          offer_id: dropIn,
          unit_id: unit,
          professional_id: professional,
          place,
          starts_at: at(date, from),
          ends_at: at(date, to),
          created_by: professional,
        })
        .execute();
      return id;
    };
    const anonymous = async (slotId: string, date: string, time: string, n: number, recorder = psychologist) => {
      for (let i = 0; i < n; i++) {
        await trx
          .insertInto('counselling_visits')
          .values({
            id: uuidv7(),
            slot_id: slotId,
            kind: 'anonymous',
            visited_at: at(date, time),
            age_band: COUNSELLING_AGE_BANDS[(i * 3 + n) % COUNSELLING_AGE_BANDS.length],
            topic: i % 4 === 3 ? null : COUNSELLING_TOPICS[(i * 5 + n) % COUNSELLING_TOPICS.length],
            recorded_by: recorder,
          })
          .execute();
      }
    };

    // Today: PPR's drop-in, without visits yet.
    await slot(today, '13:00', '15:00', ppr, psychologist, 'PPR Spireby, Rådhusvej 1 – mødelokale 2');
    // The rest of this week (Monday to Friday), alternating between the family centre and PPR.
    const monday = addDays(today, -((dayOfWeek(today) + 6) % 7));
    for (let d = 0; d < 5; d++) {
      const date = addDays(monday, d);
      if (date === today) continue;
      const atCentre = d % 2 === 0;
      const id = await slot(
        date,
        atCentre ? '09:00' : '14:00',
        atCentre ? '11:00' : '16:00',
        atCentre ? centre : ppr,
        atCentre ? socialWorker : psychologist,
        atCentre ? 'Familiecentret, Familievej 2' : 'PPR Spireby, Rådhusvej 1 – mødelokale 2',
      );
      if (date < today) await anonymous(id, date, atCentre ? '09:30' : '14:30', 2 + d, atCentre ? socialWorker : psychologist);
    }
    // Earlier months: a slot every other week at PPR, with anonymous visits.
    for (let week = 2; week <= 24; week += 2) {
      const date = addDays(monday, -7 * week + 2);
      const id = await slot(date, '14:00', '16:00', ppr, psychologist, 'PPR Spireby, Rådhusvej 1 – mødelokale 2');
      await anonymous(id, date, '14:20', 2 + (week % 5));
    }

    // One visit linked to a family, with the mother's consent, in last week's slot.
    const lastWeek = addDays(monday, -5);
    const linkedSlot = await slot(lastWeek, '14:00', '16:00', ppr, psychologist, 'PPR Spireby, Rådhusvej 1 – mødelokale 2');
    await anonymous(linkedSlot, lastWeek, '14:10', 3);
    const family = await trx
      .selectFrom('relations as r')
      .innerJoin('persons as a', 'a.id', 'r.adult_id')
      .innerJoin('persons as p', 'p.id', 'r.child_id')
      .innerJoin('children as c', 'c.person_id', 'p.id')
      .select(['p.id as child_id', 'a.first_name', 'a.last_name'])
      .where('r.relation', '=', 'mother')
      .where('c.status', '=', 'born')
      .where('p.municipality_id', '=', municipality.id)
      .where('p.birth_date', '<=', addDays(today, -365))
      .orderBy('p.birth_date', 'desc')
      .orderBy('p.id')
      .limit(1)
      .executeTakeFirst();
    if (family) {
      await trx
        .insertInto('counselling_visits')
        .values({
          id: uuidv7(),
          slot_id: linkedSlot,
          kind: 'linked',
          visited_at: at(lastWeek, '14:45'),
          age_band: '1-3',
          topic: 'sleep',
          child_id: family.child_id,
          consent_given_by_role: 'mother',
          consent_given_by_name: [family.first_name, family.last_name].filter(Boolean).join(' ') || 'Mor',
          consent_form: 'oral',
          consent_given_at: at(lastWeek, '14:40'),
          note: 'Mor spørger til søvn og putning. Aftalt, at mor ringer igen om tre uger, hvis det ikke er bedre.',
          recorded_by: psychologist,
        })
        .execute();
    }

    // Workshops, a daycare talk and a competence forum over the last months.
    const daycare = (name: string) => unitId(name) ?? ppr;
    const workshops: { key: string; theme: string; daysAgo: number; unit: string; participants: number; facilitators: (string | undefined)[]; note?: string }[] = [
      { key: 'workshop_early_effort', theme: 'early_intervention', daysAgo: 75, unit: daycare('Vuggestuen Mariehønen'), participants: 14, facilitators: [psychologist, socialWorker] },
      { key: 'workshop_early_effort', theme: 'early_intervention', daysAgo: 30, unit: daycare('Børnehaven Solsikken'), participants: 11, facilitators: [psychologist] },
      { key: 'workshop_parent_cooperation', theme: 'parent_collaboration', daysAgo: 60, unit: daycare('Børnehuset Regnbuen'), participants: 16, facilitators: [socialWorker] },
      { key: 'workshop_parent_cooperation', theme: 'parent_collaboration', daysAgo: 12, unit: daycare('Dagplejen Vest'), participants: 9, facilitators: [socialWorker, psychologist] },
      { key: 'workshop_child_perspective', theme: 'child_perspective', daysAgo: 40, unit: daycare('Vuggestuen Mariehønen'), participants: 13, facilitators: [psychologist], note: 'Personalet ønsker en opfølgning til foråret.' },
      { key: 'daycare_talks', theme: 'wellbeing_concern', daysAgo: 20, unit: daycare('Vuggestuen Mariehønen'), participants: 8, facilitators: [staffId('sundhed')] },
      { key: 'competence_forum', theme: 'case_consultation', daysAgo: 25, unit: ppr, participants: 18, facilitators: [psychologist] },
    ];
    for (const w of workshops) {
      const offerId = offer(w.key);
      const facilitatorIds = w.facilitators.filter((id): id is string => Boolean(id));
      if (!offerId || facilitatorIds.length === 0) continue;
      await trx
        .insertInto('staff_workshops')
        .values({
          id: uuidv7(),
          municipality_id: municipality.id,
          offer_id: offerId,
          unit_id: w.unit,
          theme: w.theme,
          held_on: addDays(today, -w.daysAgo),
          participants: w.participants,
          facilitator_ids: facilitatorIds,
          note: w.note ?? null,
          created_by: facilitatorIds[0],
        })
        .execute();
    }
  });
  return true;
}
