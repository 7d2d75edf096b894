/**
 * Demo meetings: a cross-professional meeting about a child in Vuggestuen
 * Mariehønen, facilitated by the social worker `social` with the pedagogue
 * `paedagog`, the health visitor `sundhed` and both parents, with a filled
 * Signs of Safety map, ratings, approved minutes and a parents' summary; and a
 * follow-up meeting (so the ratings chart has two points) with open next steps
 * for `paedagog`, one of them overdue. Both meetings rest on the parents'
 * written consent. Idempotent: does nothing when a meeting exists.
 */
import { type Kysely, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { addDays } from '../../domain/dates';
import { DEFAULT_SCALE_ANCHORS } from '../../domain/signs-of-safety';
import { writeAudit } from '../access/audit';
import { involveStaff } from '../access/involvement';
import { todayInDenmark } from '../clock';
import type { DB } from '../db/types';

/** A demo staff member by username. */
async function staffId(db: Kysely<DB>, username: string): Promise<string | null> {
  const row = await db.selectFrom('staff').select('id').where(sql`lower(username)`, '=', username).executeTakeFirst();
  return row?.id ?? null;
}

/** A staff member's membership unit by name. */
async function unitId(db: Kysely<DB>, name: string): Promise<string | null> {
  const row = await db.selectFrom('units').select('id').where('name', '=', name).executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Seeds the demo meetings once. Returns the number of meetings created (0 when
 * they exist already or the demo organisation is missing).
 * @example await seedDemoMeetings(db);
 */
export async function seedDemoMeetings(db: Kysely<DB>, today = todayInDenmark()): Promise<number> {
  if (await db.selectFrom('meetings').select('id').executeTakeFirst()) return 0;
  const [social, paedagog, sundhed] = await Promise.all([staffId(db, 'social'), staffId(db, 'paedagog'), staffId(db, 'sundhed')]);
  const [nursery, familyCentre, healthNord] = await Promise.all([unitId(db, 'Vuggestuen Mariehønen'), unitId(db, 'Familiecentret – Tidlig Forebyggelse'), unitId(db, 'Sundhedsplejen Nord')]);
  if (!social || !paedagog || !sundhed || !nursery || !familyCentre || !healthNord) return 0;

  // A child in Mariehønen with two custody holders, preferably on Sundhedsplejen Nord's caseload.
  const candidates = await db
    .selectFrom('enrolments as e')
    .innerJoin('persons as p', 'p.id', 'e.child_id')
    .innerJoin('children as c', 'c.person_id', 'p.id')
    .select(['p.id', 'p.first_name', sql<number>`(select count(*) from caseload_assignments ca where ca.child_id = p.id and ca.ends_on is null and ca.unit_id = ${healthNord})`.as('nord')])
    .where('e.unit_id', '=', nursery)
    .where('e.starts_on', '<=', today)
    .where((eb) => eb.or([eb('e.ends_on', 'is', null), eb('e.ends_on', '>=', today)]))
    .where('c.status', '=', 'born')
    .where('p.merged_into', 'is', null)
    .where(sql<boolean>`(select count(*) from relations r where r.child_id = p.id and r.custody) = 2`)
    .orderBy('p.last_name')
    .orderBy('p.first_name')
    .execute();
  const child = candidates.find((c) => Number(c.nord) > 0) ?? candidates[0];
  if (!child) return 0;
  const parents = await db
    .selectFrom('relations as r')
    .innerJoin('persons as a', 'a.id', 'r.adult_id')
    .select(['a.id', 'a.first_name', 'a.last_name', 'r.relation'])
    .where('r.child_id', '=', child.id)
    .where('r.custody', '=', true)
    .orderBy('r.relation', 'desc')
    .execute();
  const names = await db.selectFrom('staff').select(['id', 'name']).where('id', 'in', [social, paedagog, sundhed]).execute();
  const nameOf = (id: string) => names.find((n) => n.id === id)?.name ?? '';
  const firstName = child.first_name ?? 'Barnet';
  const [mother, father] = parents;

  const first = uuidv7();
  const followUp = uuidv7();
  const firstOn = addDays(today, -35);
  const followUpOn = addDays(today, -7);

  await db.transaction().execute(async (trx) => {
    const municipality = await trx.selectFrom('persons').select('municipality_id').where('id', '=', child.id).executeTakeFirstOrThrow();
    const meeting = (id: string, heldOn: string, follows: string | null, summary: string) => ({
      id,
      municipality_id: municipality.municipality_id,
      child_id: child.id,
      kind: 'cross_professional' as const,
      held_on: heldOn,
      start_time: '09:00',
      place: 'Vuggestuen Mariehønen, mødelokalet',
      facilitator_id: social,
      facilitator_unit_id: familyCentre,
      legal_basis: 'consent' as const,
      consent_given_by: mother.id,
      consent_given_on: addDays(firstOn, -3),
      consent_form: 'written' as const,
      follows_meeting_id: follows,
      scale_anchor_low: DEFAULT_SCALE_ANCHORS.safety.low,
      scale_anchor_high: DEFAULT_SCALE_ANCHORS.safety.high,
      parent_summary: summary,
      created_by: social,
    });
    for (const [id, heldOn, follows, summary] of [
      [first, firstOn, null, `Vi mødtes, fordi personalet i vuggestuen og sundhedsplejersken har været bekymrede for, om ${firstName} får sovet nok og bliver hentet til tiden. I fortalte om en travl periode med nyt arbejde. Vi aftalte, at ${firstName} skal have faste sovetider, og at vuggestuen og I taler sammen hver fredag.`],
      [followUp, followUpOn, first, `Vi mødtes igen for at se, hvordan det går. ${firstName} sover bedre og bliver hentet til tiden. Vi fortsætter med fredagssamtalerne og mødes igen om to måneder.`],
    ] as const) {
      await trx.insertInto('meetings').values(meeting(id, heldOn, follows, summary)).execute();
    }

    const ratings: Record<string, [number, number]> = { [social]: [4, 6], [paedagog]: [3, 6], [sundhed]: [4, 5], [mother.id]: [6, 8], ...(father ? { [father.id]: [5, 7] } : {}) };
    const participantIds: Record<string, Record<string, string>> = { [first]: {}, [followUp]: {} };
    for (const [index, id] of [first, followUp].entries()) {
      const rows = [
        ...[
          [social, familyCentre],
          [paedagog, nursery],
          [sundhed, healthNord],
        ].map(([staff, unit]) => ({ id: uuidv7(), meeting_id: id, kind: 'staff' as const, staff_id: staff, unit_id: unit, name: nameOf(staff), attended: true, rating: ratings[staff][index], rating_recorded_by: social, rating_recorded_at: new Date(), added_by: social })),
        ...parents.map((p) => ({ id: uuidv7(), meeting_id: id, kind: 'parent' as const, adult_id: p.id, name: [p.first_name, p.last_name].filter(Boolean).join(' '), relation: p.relation, attended: true, rating: ratings[p.id]?.[index] ?? null, rating_recorded_by: social, rating_recorded_at: new Date(), added_by: social })),
        { id: uuidv7(), meeting_id: id, kind: 'network' as const, name: 'Inge (mormor)', relation: 'Mormor', attended: index === 1, added_by: social },
      ];
      await trx.insertInto('meeting_participants').values(rows).execute();
      for (const r of rows) participantIds[id][('staff_id' in r ? r.staff_id : 'adult_id' in r ? r.adult_id : r.name) as string] = r.id;
      await involveStaff(trx, child.id, [social, paedagog, sundhed], { source: 'meeting', sourceId: id }, social);
    }

    const map = (strengths: string[]) =>
      JSON.stringify({
        harm: [],
        dangers: [
          {
            statement: `Personalet i vuggestuen og sundhedsplejersken er bekymrede for, at ${firstName} ofte kommer træt og uden morgenmad, og for at ${firstName} bliver utryg og ikke udvikler sig alderssvarende, hvis det fortsætter.`,
            goal: `${firstName} møder udhvilet og har spist morgenmad hver dag, og far og mor har haft faste sovetider i mindst tre måneder.`,
          },
          {
            statement: `Vuggestuen er bekymret for, at ${firstName} flere gange er blevet hentet sent, uden at nogen har givet besked, så ${firstName} bliver ked af det og utryg ved at blive afleveret.`,
            goal: `${firstName} bliver hentet til den aftalte tid, og vuggestuen får besked, hvis planen ændres.`,
          },
        ],
        complicating: ['Mor er begyndt på nyt arbejde med skiftende vagter.', 'Familien har ikke bil, og bussen kører sjældent om eftermiddagen.'],
        strengths,
        existingSafety: ['Mormor Inge henter om torsdagen og kender aftalerne.', 'Far har fast fri om fredagen.'],
        childPerspective: `${firstName} peger på billedet af mormor og siger "hjem". ${firstName} falder til ro, når den kendte pædagog tager imod om morgenen.`,
      });
    await trx
      .insertInto('meeting_maps')
      .values([
        { meeting_id: first, content: map(['Forældrene kommer til alle aftaler og vil gerne samarbejde.', `${firstName} er glad for sine voksne i vuggestuen.`]), updated_by: social },
        { meeting_id: followUp, content: map(['Forældrene kommer til alle aftaler og vil gerne samarbejde.', 'Faste sovetider er indført derhjemme.', `${firstName} smiler og leger mere.`]), updated_by: paedagog, version: 3 },
      ])
      .execute();

    const own = (meetingId: string, key: string) => participantIds[meetingId][key];
    await trx
      .insertInto('meeting_actions')
      .values([
        { id: uuidv7(), meeting_id: first, description: 'Aftale faste sovetider med forældrene og skrive dem ind i dagbogen', owner_participant_id: own(first, paedagog), due_on: addDays(firstOn, 7), status: 'done', completed_at: new Date(), created_by: social },
        { id: uuidv7(), meeting_id: followUp, description: `Fredagssamtale med forældrene om ${firstName}s uge`, owner_participant_id: own(followUp, paedagog), due_on: addDays(today, -2), created_by: social },
        { id: uuidv7(), meeting_id: followUp, description: 'Sende et kort referat af fredagssamtalerne til mødelederen', owner_participant_id: own(followUp, paedagog), due_on: addDays(today, 10), created_by: social },
        { id: uuidv7(), meeting_id: followUp, description: 'Hjemmebesøg med fokus på søvn og rutiner', owner_participant_id: own(followUp, sundhed), due_on: addDays(today, 14), created_by: social },
        { id: uuidv7(), meeting_id: followUp, description: 'Lave en sovedagbog i to uger', owner_participant_id: own(followUp, mother.id), due_on: addDays(today, 14), created_by: social },
      ])
      .execute();
    await trx
      .insertInto('meeting_minutes')
      .values([
        {
          id: uuidv7(),
          meeting_id: first,
          revision: 1,
          text: `Referat af tværfagligt møde om ${firstName}.\n\nTil stede: forældrene, ${nameOf(paedagog)} (vuggestuen), ${nameOf(sundhed)} (sundhedsplejen) og ${nameOf(social)} (mødeleder).\n\nVi gennemgik bekymringerne om søvn og afhentning. Forældrene genkender billedet og vil gerne have hjælp til faste rutiner. Næste skridt er aftalt (se listen). Opfølgende møde om ca. en måned.`,
          status: 'approved',
          approved_by: social,
          approved_at: new Date(`${firstOn}T14:00:00Z`),
          created_by: social,
          updated_by: social,
          version: 2,
        },
        {
          id: uuidv7(),
          meeting_id: followUp,
          revision: 1,
          text: `Opfølgende møde om ${firstName}.\n\nSøvnen er blevet bedre, og ${firstName} er blevet hentet til tiden de sidste tre uger. Alle skalerer højere end sidst.`,
          created_by: social,
          updated_by: social,
        },
      ])
      .execute();
    await writeAudit(trx, { actor: { kind: 'system', reason: 'demo data' }, requestId: 'seed', ip: null }, [
      { action: 'create', category: 'meeting', subjectIds: [child.id, ...parents.map((p) => p.id)], outcome: 'allowed', detail: { demoMeetings: 2 } },
    ]);
  });
  return 2;
}
