/**
 * Demo consents and handovers for the demo municipality, so that `npm start`
 * shows the feature with real data: in Sundhedsplejen Nord (`sundhed`) one
 * child with a planned start in Vuggestuen Mariehønen within 4 weeks (the
 * handover is due), one handover sent and awaiting acknowledgement by
 * `paedagog`, one acknowledged; and a few consents (valid, expired,
 * withdrawn). Idempotent: does nothing when the demo children exist. All
 * names are invented.
 */
import type { Insertable, Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { addDays, dayOfWeek, planContacts } from '../../domain';
import { todayInDenmark } from '../clock';
import type { DB } from '../db/types';
import { cprFor } from './children';
import { SeededRandom } from './random';

const SURNAME = 'Overgaard';

/**
 * Adds the demo handovers and consents (once).
 * @example await seedDemoConsent(db);
 */
export async function seedDemoConsent(db: Kysely<DB>, today = todayInDenmark()): Promise<void> {
  const municipality = await db.selectFrom('municipalities').select('id').where('code', '=', '0999').executeTakeFirst();
  if (!municipality) return;
  const unit = async (name: string) =>
    (await db.selectFrom('units').select('id').where('municipality_id', '=', municipality.id).where('name', '=', name).executeTakeFirst())?.id;
  const staff = async (username: string) => (await db.selectFrom('staff').select('id').where('username', '=', username).executeTakeFirst())?.id;
  const health = await unit('Sundhedsplejen Nord');
  const nursery = await unit('Vuggestuen Mariehønen');
  const school = await unit('Spireby Skole');
  const sundhed = await staff('sundhed');
  const paedagog = await staff('paedagog');
  if (!health || !nursery || !school || !sundhed || !paedagog) return;
  const done = await db
    .selectFrom('persons')
    .select('id')
    .where('municipality_id', '=', municipality.id)
    .where('last_name', '=', SURNAME)
    .where('first_name', '=', 'Liva')
    .executeTakeFirst();
  if (done) return;

  const random = new SeededRandom(6);
  const usedCpr = new Set((await db.selectFrom('persons').select('cpr').where('cpr', 'is not', null).execute()).map((r) => r.cpr as string));
  await db.transaction().execute(async (trx) => {
    /** A child on sundhed's caseload with two custody holders and a planned or current nursery place. */
    const family = async (first: string, birthDate: string, mother: string, father: string, startsOn: string) => {
      const childId = uuidv7();
      await trx
        .insertInto('persons')
        .values({ id: childId, municipality_id: municipality.id, cpr: cprFor(birthDate, first !== 'Storm', random, usedCpr), first_name: first, last_name: SURNAME, birth_date: birthDate, address: 'Lærkevej 7', postal_code: '9000', city: 'Spireby' })
        .execute();
      await trx.insertInto('children').values({ person_id: childId, status: 'born' }).execute();
      // The programme so far was followed: a done home visit for every contact whose window has passed.
      const visits = planContacts({ birthDate, expectedDate: null, dischargedWithin72h: false, extendedTrack: false })
        .filter((c) => c.latest < today)
        .map((c) => {
          let day = c.earliest;
          while (dayOfWeek(day) === 0 || dayOfWeek(day) === 6) day = addDays(day, 1);
          return { id: uuidv7(), child_id: childId, template_key: c.key, kind: 'home', status: 'done', planned_at: new Date(`${day}T10:00:00+01:00`), staff_id: sundhed };
        });
      if (visits.length) await trx.insertInto('visits').values(visits).execute();
      await trx.insertInto('caseload_assignments').values({ id: uuidv7(), child_id: childId, unit_id: health, staff_id: sundhed, starts_on: birthDate }).execute();
      const enrolmentId = uuidv7();
      await trx.insertInto('enrolments').values({ id: enrolmentId, child_id: childId, unit_id: nursery, starts_on: startsOn }).execute();
      const parents: string[] = [];
      for (const [name, relation] of [
        [mother, 'mother'],
        [father, 'father'],
      ] as const) {
        const id = uuidv7();
        await trx.insertInto('persons').values({ id, municipality_id: municipality.id, first_name: name, last_name: SURNAME, address: 'Lærkevej 7', postal_code: '9000', city: 'Spireby' }).execute();
        await trx.insertInto('relations').values({ id: uuidv7(), child_id: childId, adult_id: id, relation, custody: true }).execute();
        parents.push(id);
      }
      return { childId, enrolmentId, parents };
    };

    // 1. Due: starts in 3 weeks; the screening is there to pick.
    const liva = await family('Liva', addDays(today, -330), 'Camilla', 'Jonas', addDays(today, 21));
    await trx
      .insertInto('screenings')
      .values({ id: uuidv7(), child_id: liva.childId, instrument_id: 'adbb', definition_version: '2001', observed_on: addDays(today, -270), answers: JSON.stringify([0, 1, 0, 0, 1, 0, 0, 0]), complete: true, total: 2, positive: false, threshold: 5, child_age_months: 2, recorded_by: sundhed })
      .execute();

    // 2. Sent, awaiting acknowledgement by the nursery; 3. acknowledged.
    const storm = await family('Storm', addDays(today, -300), 'Julie', 'Mikkel', addDays(today, 10));
    const ellen = await family('Ellen', addDays(today, -400), 'Nadia', 'Anders', addDays(today, -20));
    const sent = [
      { f: storm, sentDaysAgo: 3, acknowledged: false, development: 'Storm er en glad og nysgerrig dreng, der kravler rundt og trækker sig op at stå. Han sover godt om dagen.', worksWell: 'Faste rutiner ved puttetid og en sut med fra hjemmet.', parentsWords: 'Vi glæder os, men er spændte på, hvordan han tager afskeden om morgenen.' },
      { f: ellen, sentDaysAgo: 30, acknowledged: true, development: 'Ellen går selv og siger enkelte ord. Hun trives og spiser alt.', worksWell: 'Hun falder til ro med en sang og en bamse.', parentsWords: 'Ellen er vant til at være sammen med sin storebror og elsker at lege med vand.' },
    ];
    for (const s of sent) {
      const sentAt = new Date(Date.now() - s.sentDaysAgo * 86_400_000);
      const consentId = uuidv7();
      await trx
        .insertInto('consents')
        .values({
          id: consentId,
          municipality_id: municipality.id,
          child_id: s.f.childId,
          given_by: s.f.parents,
          all_custody_holders: true,
          purpose: 'handover_daycare',
          recipient_unit_ids: [nursery],
          recipient_professions: [],
          categories: ['basic', 'health'],
          form: 'written',
          valid_from: todayInDenmark(sentAt),
          valid_until: null,
          note: 'Overlevering: Barnets udvikling og trivsel, Det der fungerer godt, Forældrenes egne ord',
          recorded_by: sundhed,
          recorded_at: sentAt,
        })
        .execute();
      const handoverId = uuidv7();
      await trx
        .insertInto('handovers')
        .values({
          id: handoverId,
          municipality_id: municipality.id,
          child_id: s.f.childId,
          enrolment_id: s.f.enrolmentId,
          unit_id: nursery,
          status: s.acknowledged ? 'acknowledged' : 'sent',
          development: s.development,
          works_well: s.worksWell,
          support: 'Familien har fået to ekstra besøg om søvn; det deles ikke.',
          parents_words: s.parentsWords,
          shared_parts: ['development', 'worksWell', 'parentsWords'],
          consent_id: consentId,
          prepared_by: sundhed,
          created_at: sentAt,
          sent_at: sentAt,
          sent_by: sundhed,
          acknowledged_at: s.acknowledged ? new Date(sentAt.getTime() + 2 * 86_400_000) : null,
          acknowledged_by: s.acknowledged ? paedagog : null,
          version: s.acknowledged ? 3 : 2,
        })
        .execute();
      const parts = [
        ['development', 'Barnets udvikling og trivsel', s.development],
        ['worksWell', 'Det der fungerer godt', s.worksWell],
        ['parentsWords', 'Forældrenes egne ord', s.parentsWords],
      ] as const;
      await trx
        .insertInto('disclosures')
        .values(
          parts.map(([part, title, text]) => ({
            id: uuidv7(),
            municipality_id: municipality.id,
            child_id: s.f.childId,
            kind: 'handover_part',
            reference_id: handoverId,
            part,
            category: 'health',
            purpose: 'handover_daycare',
            content: JSON.stringify({ title, text }),
            to_unit_id: nursery,
            legal_basis: 'consent',
            consent_id: consentId,
            shared_by: sundhed,
            shared_at: sentAt,
          })),
        )
        .execute();
    }

    // Consents on Liva: one valid (to the nursery), one expired (a meeting at the school), one withdrawn (PPR).
    const consent = (over: Partial<Insertable<DB['consents']>>) =>
      trx
        .insertInto('consents')
        .values({
          id: uuidv7(),
          municipality_id: municipality.id,
          child_id: liva.childId,
          given_by: liva.parents,
          all_custody_holders: true,
          purpose: 'cooperation',
          recipient_unit_ids: [nursery],
          recipient_professions: [],
          categories: ['health'],
          form: 'written',
          valid_from: addDays(today, -30),
          valid_until: addDays(today, 335),
          recorded_by: sundhed,
          ...over,
        })
        .execute();
    await consent({ note: 'Samarbejde med vuggestuen om søvn og indkøring' });
    await consent({ purpose: 'meeting', recipient_unit_ids: [school], valid_from: addDays(today, -200), valid_until: addDays(today, -20), form: 'oral', note: 'Møde med storesøsters skole' });
    await consent({
      purpose: 'cooperation',
      given_by: [liva.parents[0]],
      all_custody_holders: false,
      recipient_unit_ids: [],
      recipient_professions: ['ppr_psychologist'],
      form: 'digital',
      valid_from: addDays(today, -90),
      valid_until: null,
      withdrawn_at: new Date(Date.now() - 10 * 86_400_000),
      withdrawn_by: sundhed,
      withdrawn_by_adult_id: liva.parents[0],
      withdrawal_reason: 'Mor ønsker ikke længere, at PPR får oplysninger.',
    });
  });
}
