/**
 * Demo offers and courses: the default catalogue (COS-P as a group and an
 * individual course, family groups, open counselling, the three staff
 * workshops, the health visitors' talks in daycare, the competence forum), a
 * full COS-P group in PPR Spireby facilitated by `ppr` with two families
 * waiting and a session today (so Min dag shows it), and a finished group with
 * completions. Families are children on Sundhedsplejen Nord's caseload,
 * referred by `sundhed`. Idempotent: does nothing when the catalogue exists.
 */
import type { Insertable, Kysely } from 'kysely';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { addDays, COSP_DEFAULTS, planSessions } from '../../domain';
import { writeAudit } from '../access/audit';
import { todayInDenmark } from '../clock';
import type { DB } from '../db/types';

type OfferSeed = Omit<Insertable<DB['offers']>, 'id' | 'municipality_id' | 'unit_ids'> & { key: string; units: string[] };

const PPR = 'PPR Spireby';
const FAMILY_CENTRE = 'Familiecentret – Tidlig Forebyggelse';
const HEALTH = ['Sundhedsplejen Nord', 'Sundhedsplejen Syd'];

const cosp = {
  method: 'cosp',
  required_certification: 'cosp_facilitator',
  age_from_months: 6,
  age_to_months: 72,
  min_sessions_to_complete: COSP_DEFAULTS.minSessionsToComplete,
  default_session_count: COSP_DEFAULTS.sessionCount,
  default_session_minutes: COSP_DEFAULTS.durationMinutes,
};

/** The default offers of the demo municipality. */
const OFFERS: OfferSeed[] = [
  {
    key: 'cosp_group',
    name: 'Tryghedscirklen (COS-P) – gruppeforløb',
    description:
      'Circle of Security Parenting: 8 kapitler med film og refleksion, ét møde om ugen på cirka 90 minutter, for forældre til børn fra 6 måneder til 6 år. Grupper på 6–8 forældre.',
    audience: 'universal',
    format: 'group_course',
    default_capacity: COSP_DEFAULTS.capacity,
    units: [PPR, FAMILY_CENTRE],
    ...cosp,
  },
  {
    key: 'cosp_individual',
    name: 'Tryghedscirklen (COS-P) – individuelt forløb',
    description: 'Tryghedscirklens 8 kapitler for én forælder eller et forældrepar, fx ved hjemmebesøg.',
    audience: 'vulnerable',
    format: 'individual_course',
    default_capacity: 1,
    units: [PPR, FAMILY_CENTRE],
    ...cosp,
  },
  {
    key: 'family_groups',
    name: 'Familiegrupper',
    description: 'Gruppeforløb for familier i udsatte positioner med fokus på netværk, hverdagsliv og samspil med barnet.',
    audience: 'vulnerable',
    format: 'group_course',
    method: 'family_group',
    age_from_months: 0,
    age_to_months: 72,
    default_capacity: 8,
    default_session_count: 10,
    default_session_minutes: 120,
    units: [FAMILY_CENTRE],
  },
  {
    key: 'open_counselling',
    name: 'Åben rådgivning',
    description: 'Anonym, åben rådgivning for forældre: kom forbi uden tidsbestilling.',
    audience: 'universal',
    format: 'drop_in',
    method: 'open_counselling',
    units: [FAMILY_CENTRE, PPR],
  },
  {
    key: 'workshop_early_effort',
    name: 'Workshop: Børn i udsatte positioner – den tidlige indsats',
    description: 'Workshop for personalet i dagtilbud om at opdage og handle tidligt.',
    audience: 'staff',
    format: 'workshop',
    method: 'staff_workshop',
    units: [PPR, FAMILY_CENTRE],
  },
  {
    key: 'workshop_parent_cooperation',
    name: 'Workshop: Samarbejde med forældre',
    description: 'Workshop for personalet om den svære samtale og forældresamarbejde.',
    audience: 'staff',
    format: 'workshop',
    method: 'staff_workshop',
    units: [PPR, FAMILY_CENTRE],
  },
  {
    key: 'workshop_child_perspective',
    name: 'Workshop: Inddragelse af barnets perspektiv',
    description: 'Workshop for personalet om at inddrage barnets perspektiv i hverdagen og i bekymringer.',
    audience: 'staff',
    format: 'workshop',
    method: 'staff_workshop',
    units: [PPR, FAMILY_CENTRE],
  },
  {
    key: 'daycare_talks',
    name: 'Sundhedsplejerskens samtaler i dagtilbud',
    description: 'Sundhedsplejersken holder samtaler med personale og forældre i dagtilbuddene.',
    audience: 'universal',
    format: 'talk',
    method: 'daycare_talk',
    units: HEALTH,
  },
  {
    key: 'competence_forum',
    name: 'Kompetenceforum',
    description: 'Tværfagligt forum, hvor PPR, sundhedspleje og dagtilbud deler viden og sparrer om praksis.',
    audience: 'staff',
    format: 'forum',
    method: 'competence_forum',
    units: [PPR],
  },
];

const dropReasons = ['Familien er flyttet fra kommunen'];

/**
 * Seeds the demo catalogue and courses once; returns false when the catalogue already exists or there is no demo municipality.
 * @example await seedDemoOffers(db);
 */
export async function seedDemoOffers(db: Kysely<DB>, today = todayInDenmark()): Promise<boolean> {
  const municipality = await db.selectFrom('municipalities').select('id').where('code', '=', '0999').executeTakeFirst();
  if (!municipality) return false;
  const existing = await db.selectFrom('offers').select('id').where('municipality_id', '=', municipality.id).where('key', '=', 'cosp_group').executeTakeFirst();
  if (existing) return false;

  await db.transaction().execute(async (trx) => {
    const units = await trx.selectFrom('units').select(['id', 'name']).where('municipality_id', '=', municipality.id).execute();
    const unitId = (name: string) => units.find((u) => u.name === name)?.id;
    const staff = await trx.selectFrom('staff').select(['id', 'username']).where('municipality_id', '=', municipality.id).execute();
    const staffId = (username: string) => staff.find((s) => s.username === username)?.id;
    const offerIds = new Map<string, string>();
    for (const { key, units: names, ...offer } of OFFERS) {
      const id = uuidv7();
      offerIds.set(key, id);
      const ids = names.map(unitId).filter((x): x is string => Boolean(x));
      await trx
        .insertInto('offers')
        .values({ ...offer, id, key, municipality_id: municipality.id, unit_ids: sql<string[]>`${ids}::uuid[]` })
        .execute();
    }

    const ppr = unitId(PPR);
    const facilitator = staffId('ppr');
    const referrer = staffId('sundhed');
    const nord = unitId('Sundhedsplejen Nord');
    const offerId = offerIds.get('cosp_group');
    if (!ppr || !facilitator || !referrer || !nord || !offerId) return;

    // Families: born children 6 months – 6 years on Sundhedsplejen Nord's caseload, with their parents.
    const children = await trx
      .selectFrom('persons as p')
      .innerJoin('children as c', 'c.person_id', 'p.id')
      .innerJoin('caseload_assignments as ca', 'ca.child_id', 'p.id')
      .select(['p.id'])
      .where('ca.unit_id', '=', nord)
      .where('ca.ends_on', 'is', null)
      .where('c.status', '=', 'born')
      .where('p.birth_date', '<=', addDays(today, -183))
      .where('p.merged_into', 'is', null)
      .orderBy('p.birth_date')
      .orderBy('p.id')
      .limit(20)
      .execute();
    const relations = children.length
      ? await trx.selectFrom('relations').select(['child_id', 'adult_id', 'custody']).where('child_id', 'in', children.map((c) => c.id)).execute()
      : [];
    const families = children
      .map((c) => ({ childId: c.id, adultIds: relations.filter((r) => r.child_id === c.id && r.custody).map((r) => r.adult_id) }))
      .filter((f) => f.adultIds.length > 0);

    const weekday = ((new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
    const makeCourse = async (name: string, startDate: string, finished: boolean) => {
      const id = uuidv7();
      const sessions = planSessions({ startDate, weekday, startTime: '09:30', durationMinutes: 90, sessionCount: 8 });
      await trx
        .insertInto('courses')
        .values({
          id,
          municipality_id: municipality.id,
          offer_id: offerId,
          unit_id: ppr,
          name,
          place: 'PPR Spireby, Rådhusvej 1 – mødelokale 2',
          capacity: 6,
          start_date: startDate,
          weekday,
          start_time: '09:30',
          duration_minutes: 90,
          session_count: 8,
          created_by: facilitator,
          finished_at: finished ? new Date(`${sessions[7].date}T12:00:00Z`) : null,
        })
        .execute();
      await trx.insertInto('course_facilitators').values({ course_id: id, staff_id: facilitator }).execute();
      const sessionRows = sessions.map((s) => ({ id: uuidv7(), course_id: id, number: s.number, date: s.date, start_time: s.startTime, duration_minutes: s.durationMinutes }));
      await trx.insertInto('course_sessions').values(sessionRows).execute();
      return { id, sessions: sessionRows };
    };
    const participant = async (
      courseId: string,
      family: (typeof families)[number],
      state: string,
      referredOn: string,
      enrolledOn: string | null,
      extra: Partial<Insertable<DB['course_participants']>> = {},
    ) => {
      const id = uuidv7();
      await trx
        .insertInto('course_participants')
        .values({
          id,
          course_id: courseId,
          child_id: family.childId,
          adult_ids: sql<string[]>`${family.adultIds}::uuid[]`,
          source: 'referral',
          referred_by: referrer,
          reason: 'Forælderen ønsker støtte til at forstå barnets signaler',
          referred_at: new Date(`${referredOn}T10:00:00Z`),
          state,
          enrolled_at: enrolledOn ? new Date(`${enrolledOn}T10:00:00Z`) : null,
          ...extra,
        })
        .execute();
      if (['waiting', 'offered', 'enrolled'].includes(state)) {
        await trx.insertInto('child_involvements').values({ id: uuidv7(), child_id: family.childId, staff_id: facilitator, source: 'course', source_id: id, created_by: referrer }).execute();
      }
      return id;
    };
    const mark = async (sessionId: string, participantId: string, adultIds: string[], present: boolean) => {
      await trx
        .insertInto('course_attendance')
        .values(adultIds.map((adultId) => ({ id: uuidv7(), session_id: sessionId, participant_id: participantId, adult_id: adultId, status: present ? 'present' : 'absent', recorded_by: facilitator })))
        .execute();
    };

    // The running group: full, two families waiting, the third session today.
    const running = await makeCourse('Tryghedscirklen – efterårsholdet', addDays(today, -14), false);
    const current = families.slice(0, 8);
    for (const [i, family] of current.entries()) {
      if (i < 6) {
        const id = await participant(running.id, family, 'enrolled', addDays(today, -40 + i), addDays(today, -30 + i));
        for (const session of running.sessions.slice(0, 2)) await mark(session.id, id, family.adultIds, (i + session.number) % 5 !== 0);
      } else {
        await participant(running.id, family, 'waiting', addDays(today, -10 + i), null);
      }
    }

    // A finished group: four completed, one did not reach the minimum, one dropped out.
    const finished = await makeCourse('Tryghedscirklen – forårsholdet', addDays(today, -150), true);
    for (const [i, family] of families.slice(8, 14).entries()) {
      const enrolledOn = addDays(today, -165 + i * 2);
      const state = i < 4 ? 'completed' : i === 4 ? 'not_completed' : 'dropped_out';
      const id = await participant(finished.id, family, state, addDays(today, -190 + i * 3), enrolledOn, {
        finished_at: new Date(`${finished.sessions[7].date}T12:00:00Z`),
        end_reason: state === 'dropped_out' ? dropReasons[0] : null,
      });
      const attended = state === 'completed' ? 7 - (i % 2) : state === 'not_completed' ? 4 : 2;
      for (const session of finished.sessions) {
        if (state === 'dropped_out' && session.number > 3) break;
        await mark(session.id, id, family.adultIds, session.number <= attended);
      }
    }

    await writeAudit(trx, { actor: { kind: 'system', reason: 'demo data' }, requestId: 'seed', ip: null }, [
      { action: 'create', category: 'course', subjectIds: [...current, ...families.slice(8, 14)].map((f) => f.childId), outcome: 'allowed', purpose: 'demo data', detail: { offers: OFFERS.length, courses: 2 } },
    ]);
  });
  return true;
}
