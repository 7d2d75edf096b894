/**
 * Demo children for the demo municipality (and the seed generator): born
 * children aged 0–3 years and expected children, with parents, siblings,
 * interpreter needs, daycare enrolments, families on the extended track, and
 * the health-visitor programme partly done and partly overdue. Deterministic
 * for a given seed. All names and addresses are invented.
 */
import type { Insertable, Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { addDays, addMonths, dayOfWeek, daysBetween, planContacts } from '../../domain';
import { writeAudit } from '../access/audit';
import { todayInDenmark } from '../clock';
import type { DB } from '../db/types';
import { SeededRandom } from './random';

const girls = ['Alma', 'Ida', 'Freja', 'Clara', 'Ella', 'Agnes', 'Karla', 'Olivia', 'Emma', 'Sofia', 'Nora', 'Asta', 'Luna', 'Ellen', 'Vigga', 'Aya', 'Maja', 'Lily'];
const boys = ['William', 'Oscar', 'Noah', 'Carl', 'Alfred', 'Valdemar', 'Emil', 'Aksel', 'Arthur', 'Lucas', 'Elias', 'Malthe', 'Otto', 'August', 'Adam', 'Ali', 'Theo', 'Bertram'];
const women = ['Mette', 'Louise', 'Camilla', 'Sara', 'Maria', 'Julie', 'Anna', 'Fatima', 'Line', 'Katrine', 'Nadia', 'Sofie', 'Olena', 'Amina'];
const men = ['Mads', 'Jonas', 'Rasmus', 'Mikkel', 'Omar', 'Anders', 'Jakob', 'Peter', 'Ahmad', 'Thomas', 'Kasper', 'Andrii'];
const surnames = ['Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Madsen', 'Kristensen', 'Olsen', 'Holm', 'Hassan', 'Ali', 'Kowalski', 'Yilmaz', 'Petrenko', 'Møller'];
const streets = ['Skovvej', 'Birkevej', 'Engvej', 'Havnegade', 'Kirkevej', 'Søndergade', 'Vestergade', 'Nørregade', 'Bakkevej', 'Mosevej', 'Lærkevej', 'Ahornvej'];
const languages = [
  { code: 'ar', interpreter: true },
  { code: 'so', interpreter: true },
  { code: 'uk', interpreter: true },
  { code: 'pl', interpreter: false },
  { code: 'tr', interpreter: true },
];
const trackReasons = [
  'Mor har fødselsdepression; tæt opfølgning aftalt',
  'Førstegangsforældre med behov for ekstra støtte',
  'Barnet var for tidligt født; ekstra vejning og opfølgning',
  'Belastet familiesituation; flere besøg aftalt med forældrene',
  'Amning og søvn er svært; behovsbesøg aftalt',
];
const noteTexts = [
  'Besøg gennemført. Barnet trives, spiser godt og er i god kontakt. Forældrene har ingen bekymringer.',
  'Vejet og målt. God trivsel. Talt om søvn og dagsrytme.',
  'Barnet er vågent og nysgerrigt. Mor fortæller om træthed; vi aftalte at følge op næste gang.',
  'Hjemmebesøg. Talt om amning, tandbørstning og ulykkesforebyggelse.',
  'Forældrene er trygge i rollen. Barnet følger sin kurve.',
];

/** How many and from which seed. */
export interface DemoChildrenOptions {
  count: number;
  seed?: number;
  today?: string;
}

type Row<T extends keyof DB> = Insertable<DB[T]>;

/**
 * A demo CPR for a birth date in 1900–2036 with the given sex (digit 7: 0–3 for the 1900s, 5–8 for
 * the 2000s), not in `used` (it is added there).
 * @example cprFor('2026-03-15', true, new SeededRandom(1), new Set()) // '150326…'
 */
export function cprFor(birthDate: string, female: boolean, random: SeededRandom, used: Set<string>): string {
  const [y, m, d] = birthDate.split('-');
  for (;;) {
    const serial = `${Number(y) >= 2000 ? random.int(5, 8) : random.int(0, 3)}${random.int(0, 9)}${random.int(0, 9)}`;
    let last = random.int(0, 9);
    if ((last % 2 === 0) !== female) last = (last + 1) % 10;
    const cpr = `${d}${m}${y.slice(2)}${serial}${last}`;
    if (!used.has(cpr)) {
      used.add(cpr);
      return cpr;
    }
  }
}

/** Moves a Saturday or Sunday to the Monday after: health visitors visit on working days. */
function weekday(date: string): string {
  const day = dayOfWeek(date);
  return day === 6 ? addDays(date, 2) : day === 0 ? addDays(date, 1) : date;
}

/** Typical weight in grams at an age in days (a rough growth curve for demo measurements). */
function typicalWeight(ageDays: number, random: SeededRandom): number {
  const months = ageDays / 30.4;
  const base = months <= 6 ? 3400 + months * 700 : months <= 12 ? 7600 + (months - 6) * 330 : 9600 + (months - 12) * 180;
  return Math.round(base * (0.9 + random.next() * 0.2));
}

/**
 * Adds demo children to the (first) municipality, spread over its health-visiting units.
 * Returns how many were created.
 * @example await seedDemoChildren(db, { count: 300 });
 */
export async function seedDemoChildren(db: Kysely<DB>, options: DemoChildrenOptions): Promise<number> {
  const random = new SeededRandom(options.seed ?? 1000);
  const today = options.today ?? todayInDenmark();
  const municipality = await db.selectFrom('municipalities').select('id').orderBy('created_at').executeTakeFirstOrThrow();
  const healthUnits = await db.selectFrom('units').select('id').where('municipality_id', '=', municipality.id).where('kind', '=', 'health_visiting').orderBy('name').execute();
  const daycares = await db.selectFrom('units').select('id').where('municipality_id', '=', municipality.id).where('kind', 'in', ['childminding', 'nursery', 'integrated_daycare']).execute();
  if (healthUnits.length === 0) throw new Error('The municipality has no health-visiting unit');
  const visitorsByUnit = new Map<string, string[]>();
  for (const unit of healthUnits) {
    const members = await db
      .selectFrom('memberships as m')
      .innerJoin('staff as s', 's.id', 'm.staff_id')
      .select('s.id')
      .where('m.unit_id', '=', unit.id)
      .where('s.profession', '=', 'health_visitor')
      .where('m.ends_on', 'is', null)
      .orderBy('s.username')
      .execute();
    visitorsByUnit.set(unit.id, members.map((m) => m.id));
  }
  const usedCpr = new Set((await db.selectFrom('persons').select('cpr').where('cpr', 'is not', null).execute()).map((r) => r.cpr!));

  const persons: Row<'persons'>[] = [];
  const children: Row<'children'>[] = [];
  const relations: Row<'relations'>[] = [];
  const assignments: Row<'caseload_assignments'>[] = [];
  const enrolments: Row<'enrolments'>[] = [];
  const tracks: Row<'extended_track_periods'>[] = [];
  const visits: Row<'visits'>[] = [];
  const notes: Row<'journal_notes'>[] = [];
  const measurements: Row<'measurements'>[] = [];
  const families: { motherId: string; partnerId: string | null; surname: string; address: string; unitId: string; staffId: string | null }[] = [];
  /** Up to three visits today per health visitor, so that everyone's Min dag has some. */
  const todaysVisits = new Map<string, number>();

  for (let i = 0; i < options.count; i++) {
    const unitId = healthUnits[i % healthUnits.length].id;
    const visitors = visitorsByUnit.get(unitId) ?? [];
    const staffId = visitors.length ? visitors[Math.floor(i / healthUnits.length) % visitors.length] : null;
    // About a third of children get an older sibling's family.
    const reuse = families.length > 10 && random.chance(0.25) ? random.pick(families.filter((f) => f.unitId === unitId).slice(-40)) : undefined;
    let family = reuse;
    if (!family) {
      const surname = random.pick(surnames);
      const foreign = random.chance(0.15) ? random.pick(languages) : null;
      const motherId = uuidv7();
      const address = `${random.pick(streets)} ${random.int(1, 120)}`;
      const motherBirth = addDays(today, -random.int(20 * 365, 40 * 365));
      persons.push({
        id: motherId,
        municipality_id: municipality.id,
        cpr: cprFor(motherBirth, true, random, usedCpr),
        first_name: random.pick(women),
        last_name: surname,
        birth_date: motherBirth,
        legal_sex: 'female',
        address,
        postal_code: '9000',
        city: 'Spireby',
        phone: `2${random.int(1000000, 9999999)}`,
        preferred_language: foreign?.code ?? 'da',
        interpreter_needed: foreign?.interpreter ?? false,
      });
      let partnerId: string | null = null;
      if (random.chance(0.8)) {
        partnerId = uuidv7();
        persons.push({
          id: partnerId,
          municipality_id: municipality.id,
          first_name: random.pick(men),
          last_name: random.chance(0.6) ? surname : random.pick(surnames),
          address: random.chance(0.85) ? address : `${random.pick(streets)} ${random.int(1, 120)}`,
          postal_code: '9000',
          city: 'Spireby',
          phone: `3${random.int(1000000, 9999999)}`,
          preferred_language: foreign?.code ?? 'da',
          interpreter_needed: foreign?.interpreter ?? false,
        });
      }
      family = { motherId, partnerId, surname, address, unitId, staffId };
      families.push(family);
    }

    const childId = uuidv7();
    const expected = random.chance(0.08);
    const female = random.chance(0.5);
    const birthDate = expected ? null : addDays(today, -random.int(1, 3 * 365));
    const expectedDate = expected ? addDays(today, random.int(14, 150)) : random.chance(0.3) && birthDate ? addDays(birthDate, random.int(-10, 14)) : null;
    const discharged = !expected && random.chance(0.35);
    persons.push({
      id: childId,
      municipality_id: municipality.id,
      cpr: birthDate ? cprFor(birthDate, female, random, usedCpr) : null,
      first_name: birthDate ? random.pick(female ? girls : boys) : null,
      last_name: family.surname,
      birth_date: birthDate,
      legal_sex: birthDate ? (female ? 'female' : 'male') : null,
      address: family.address,
      postal_code: '9000',
      city: 'Spireby',
    });
    children.push({ person_id: childId, status: expected ? 'expected' : 'born', expected_date: expectedDate, discharged_within_72h: discharged, born_registered_at: expected ? null : new Date(`${birthDate}T12:00:00Z`) });
    relations.push({ id: uuidv7(), child_id: childId, adult_id: family.motherId, relation: 'mother', custody: true, lives_with_child: true });
    if (family.partnerId) relations.push({ id: uuidv7(), child_id: childId, adult_id: family.partnerId, relation: random.chance(0.9) ? 'father' : 'co_parent', custody: true, lives_with_child: random.chance(0.85) });
    const assignedOn = birthDate ?? addDays(today, -random.int(1, 30));
    assignments.push({ id: uuidv7(), child_id: childId, unit_id: family.unitId, staff_id: family.staffId, starts_on: assignedOn < today ? assignedOn : today, reason: 'Registreret' });

    const extended = !expected && random.chance(0.12);
    if (extended && birthDate) {
      tracks.push({ id: uuidv7(), child_id: childId, starts_on: addDays(birthDate, random.int(7, 60)) < today ? addDays(birthDate, random.int(7, 60)) : today, reason: random.pick(trackReasons), started_by: family.staffId });
    }
    if (birthDate) {
      const ageDays = daysBetween(birthDate, today);
      if (ageDays > 300 && daycares.length && random.chance(0.7)) {
        const start = addMonths(birthDate, random.int(10, 13));
        enrolments.push({ id: uuidv7(), child_id: childId, unit_id: random.pick(daycares).id, starts_on: start });
      }
    }

    const contacts = planContacts({ birthDate, expectedDate, dischargedWithin72h: discharged, extendedTrack: extended });
    for (const contact of contacts) {
      if (contact.latest < today) {
        // Recently missed contacts stay overdue (a handful per caseload); older ones were all made.
        if (daysBetween(contact.latest, today) <= 45 && random.chance(0.15)) continue;
        const span = Math.max(0, daysBetween(contact.earliest, contact.latest));
        const day = weekday(addDays(contact.earliest, random.int(0, span)));
        const visitId = uuidv7();
        const kind = contact.key === 'pregnancy' || random.chance(0.85) ? 'home' : 'clinic';
        const hour = String(random.int(8, 15)).padStart(2, '0');
        const status = random.chance(0.04) ? 'no_show' : 'done';
        if (status === 'no_show') {
          // The family did not show; a new visit was made a week later.
          visits.push({ id: uuidv7(), child_id: childId, template_key: contact.key, kind, status, planned_at: new Date(`${day}T${hour}:00:00+01:00`), staff_id: family.staffId });
        }
        const visitDay = status === 'no_show' ? weekday(addDays(day, 7)) : day;
        const done = visitDay <= today;
        visits.push({ id: visitId, child_id: childId, template_key: contact.key, kind, status: done ? 'done' : 'planned', planned_at: new Date(`${visitDay}T${hour}:00:00+01:00`), staff_id: family.staffId });
        if (done && family.staffId) {
          notes.push({ id: uuidv7(), child_id: childId, visit_id: visitId, author_id: family.staffId, body: random.pick(noteTexts), signed_at: new Date(`${visitDay}T16:00:00+01:00`) });
          if (birthDate && contact.key !== 'pregnancy') {
            const ageDays = daysBetween(birthDate, visitDay);
            measurements.push({ id: uuidv7(), child_id: childId, visit_id: visitId, measured_on: visitDay, weight_grams: typicalWeight(ageDays, random), length_cm: (50 + ageDays / 365 * 25 + random.next() * 2).toFixed(1), head_cm: (35 + Math.min(ageDays, 365) / 365 * 11 + random.next()).toFixed(1), recorded_by: family.staffId });
          }
        }
      } else if (contact.earliest <= addDays(today, 14) && family.staffId && random.chance(0.6)) {
        // Planned soon; some today, so "Min dag" has visits.
        const dueToday = (todaysVisits.get(family.staffId) ?? 0) < 3 && random.chance(0.3);
        const day = dueToday ? today : weekday(addDays(today, random.int(1, 14)));
        if (dueToday) todaysVisits.set(family.staffId, (todaysVisits.get(family.staffId) ?? 0) + 1);
        visits.push({ id: uuidv7(), child_id: childId, template_key: contact.key, kind: 'home', status: 'planned', planned_at: new Date(`${day}T${String(random.int(8, 15)).padStart(2, '0')}:30:00+01:00`), staff_id: family.staffId });
      }
    }
  }

  await db.transaction().execute(async (trx) => {
    const insert = async (table: keyof DB, rows: object[]) => {
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto(table).values(rows.slice(i, i + 500) as never).execute();
    };
    await insert('persons', persons);
    await insert('children', children);
    await insert('relations', relations);
    await insert('caseload_assignments', assignments);
    await insert('enrolments', enrolments);
    await insert('extended_track_periods', tracks);
    await insert('visits', visits);
    await insert('journal_notes', notes);
    await insert('measurements', measurements);
    await writeAudit(trx, { actor: { kind: 'system', reason: 'demo data' }, requestId: 'seed', ip: null }, [
      { action: 'create', category: 'basic', subjectIds: [], outcome: 'allowed', purpose: 'demo data', detail: { children: options.count } },
    ]);
  });
  return options.count;
}
