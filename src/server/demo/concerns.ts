/**
 * Demo concerns and sparring, so that the district social worker `social`
 * sees a real queue and the pedagogue `paedagog` sees their requests:
 * - `social` covers the districts Nord, Vest and Syd (social_worker_districts);
 * - concerns (yellow and red) on children in Vuggestuen Mariehønen by `paedagog`;
 * - one named request waiting (with the parents' consent), one anonymous
 *   request waiting, and one named request taken by `social` with a session.
 * Idempotent: does nothing when the municipality already has concerns.
 */
import { type Kysely, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { addDays, ageBand } from '../../domain';
import { writeAudit } from '../access/audit';
import { involveStaff } from '../access/involvement';
import { todayInDenmark } from '../clock';
import type { DB } from '../db/types';
import { ensureScale, scaleSetting } from '../modules/wellbeing/queries';

const NURSERY = 'Vuggestuen Mariehønen';

/** An instant `days` days ago at about 09:00 Danish time. */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

/**
 * Seeds the demo concerns and sparring requests once. Returns the number of concerns created.
 * @example await seedDemoConcerns(db);
 */
export async function seedDemoConcerns(db: Kysely<DB>): Promise<number> {
  const social = await db.selectFrom('staff').select(['id', 'municipality_id']).where(sql`lower(username)`, '=', 'social').executeTakeFirst();
  const paedagog = await db.selectFrom('staff').select(['id', 'municipality_id']).where(sql`lower(username)`, '=', 'paedagog').executeTakeFirst();
  const nursery = await db.selectFrom('units').select(['id', 'district_id', 'municipality_id']).where('name', '=', NURSERY).executeTakeFirst();
  if (!social || !paedagog || !nursery) return 0;
  const municipalityId = nursery.municipality_id;

  // `social` covers every district of the municipality (Nord, Vest, Syd in the demo).
  const districts = await db.selectFrom('districts').select('id').where('municipality_id', '=', municipalityId).execute();
  if (districts.length) {
    await db
      .insertInto('social_worker_districts')
      .values(districts.map((d) => ({ id: uuidv7(), staff_id: social.id, district_id: d.id })))
      .onConflict((oc) => oc.columns(['staff_id', 'district_id']).doNothing())
      .execute();
  }

  const existing = await db.selectFrom('concerns').select('id').where('municipality_id', '=', municipalityId).executeTakeFirst();
  if (existing) return 0;
  const today = todayInDenmark();
  const children = await db
    .selectFrom('enrolments as e')
    .innerJoin('persons as p', 'p.id', 'e.child_id')
    .innerJoin('children as c', 'c.person_id', 'p.id')
    .select(['p.id', 'p.first_name', 'p.birth_date'])
    .distinct()
    .where('e.unit_id', '=', nursery.id)
    .where((eb) => eb.or([eb('e.ends_on', 'is', null), eb('e.ends_on', '>=', today)]))
    .where('e.starts_on', '<=', today)
    .where('c.status', '=', 'born')
    .where('p.merged_into', 'is', null)
    .orderBy('p.first_name')
    .orderBy('p.id')
    .limit(4)
    .execute();
  if (children.length < 3) return 0;

  return db.transaction().execute(async (trx) => {
    const scale = await ensureScale(trx, municipalityId, (await scaleSetting(trx, municipalityId)).key, null);
    const levelKeys = scale.levels.map((l) => l.key);
    const middle = levelKeys[Math.floor(levelKeys.length / 2)] ?? levelKeys[0];
    const top = levelKeys.at(-1) ?? middle;
    const concerns = [
      {
        child: children[0],
        level: middle,
        observed: 'Græder længe efter aflevering og lader sig ikke trøste de første 30–40 minutter. Spiser næsten intet til frokost.',
        since: addDays(today, -35),
        informed: { how: 'Samtale med mor ved afhentning', on: addDays(today, -20) },
      },
      {
        child: children[1],
        level: top,
        observed: 'Kommer flere dage om ugen uden tøj efter vejret og er meget sulten om morgenen. Har blå mærker på overarmen, som barnet ikke vil tale om.',
        since: addDays(today, -14),
        informed: { how: 'Kort snak med far ved aflevering', on: addDays(today, -5) },
      },
      {
        child: children[2],
        level: middle,
        observed: 'Siger næsten ingen ord og trækker sig fra de andre børn i leg. Reagerer kun lidt, når de voksne taler til barnet.',
        since: addDays(today, -60),
        informed: null,
      },
    ];
    const ids: string[] = [];
    for (const concern of concerns) {
      const id = uuidv7();
      ids.push(id);
      await trx
        .insertInto('concerns')
        .values({
          id,
          municipality_id: municipalityId,
          child_id: concern.child.id,
          unit_id: nursery.id,
          category: 'pedagogical',
          author_id: paedagog.id,
          scale_id: scale.id,
          level: concern.level,
          observed: concern.observed,
          observed_since: concern.since,
          parents_informed: concern.informed !== null,
          parents_informed_how: concern.informed?.how ?? null,
          parents_informed_on: concern.informed?.on ?? null,
          created_at: daysAgo(10),
          updated_at: daysAgo(10),
        })
        .execute();
    }

    const base = { municipality_id: municipalityId, requester_id: paedagog.id, unit_id: nursery.id, district_id: nursery.district_id, scale_id: scale.id };
    const taken = uuidv7();
    await trx
      .insertInto('sparring_requests')
      .values([
        {
          ...base,
          id: taken,
          mode: 'named',
          concern_id: ids[0],
          child_id: concerns[0].child.id,
          level: concerns[0].level,
          question: 'Hvordan kan vi støtte barnet ved aflevering, og hvordan taler vi med forældrene om det, vi ser?',
          consent_given_by: 'Mor',
          consent_given_on: addDays(today, -20),
          consent_how: 'Mundtligt ved samtale i vuggestuen',
          status: 'taken',
          requested_at: daysAgo(9),
          requested_on: addDays(today, -9),
          taken_by: social.id,
          taken_at: daysAgo(7),
          taken_on: addDays(today, -7),
        },
        {
          ...base,
          id: uuidv7(),
          mode: 'named',
          concern_id: ids[1],
          child_id: concerns[1].child.id,
          level: concerns[1].level,
          question: 'Vi er bekymrede for omsorgen i hjemmet. Skal vi underrette, og hvordan inddrager vi forældrene?',
          consent_given_by: 'Far',
          consent_given_on: addDays(today, -4),
          consent_how: 'Mundtligt ved aflevering',
          requested_at: daysAgo(3),
          requested_on: addDays(today, -3),
        },
        {
          ...base,
          id: uuidv7(),
          mode: 'anonymous',
          age_band: ageBand(concerns[2].child.birth_date, today),
          level: concerns[2].level,
          question: 'Et barn siger næsten ingen ord og trækker sig fra legen. Hvad kan vi gøre i hverdagen, før vi taler med forældrene?',
          requested_at: daysAgo(6),
          requested_on: addDays(today, -6),
        },
      ])
      .execute();
    await trx
      .insertInto('sparring_sessions')
      .values({
        id: uuidv7(),
        request_id: taken,
        held_on: addDays(today, -6),
        advice: 'Lav en fast afleveringsrutine med én kendt voksen, og aftal med mor, hvad barnet kan have med hjemmefra. Skriv ned, hvad I ser, i konkrete ord.',
        next_step: 'Opfølgning om tre uger; overvej et tværfagligt møde, hvis det ikke bliver bedre.',
        recorded_by: social.id,
        created_at: daysAgo(6),
      })
      .execute();
    await involveStaff(trx, concerns[0].child.id, [social.id], { source: 'sparring', sourceId: taken }, social.id);
    await writeAudit(trx, { actor: { kind: 'system', reason: 'demo data' }, requestId: 'seed', ip: null }, [
      { action: 'create', category: 'pedagogical', subjectIds: concerns.map((c) => c.child.id), outcome: 'allowed', purpose: 'demo data', detail: { concerns: ids.length } },
      { action: 'create', category: 'social', subjectIds: [concerns[0].child.id, concerns[1].child.id], outcome: 'allowed', purpose: 'demo data', detail: { sparringRequests: 3 } },
    ]);
    return ids.length;
  });
}
