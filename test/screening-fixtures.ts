/**
 * Test data for the screening suites: a world with certified, uncertified and
 * expired health visitors and a manager in the health unit, children of a
 * given age, and parents related to them. Dates are relative to today in
 * Denmark, because the server checks ages and due dates against today.
 */
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { addDays, addMonths } from '../src/domain';
import { todayInDenmark } from '../src/server/clock';
import type { Database } from '../src/server/db/connect';
import type { DB } from '../src/server/db/types';
import { makeChild, makeStaff, makeWorld } from './factories';

/** Today in Denmark, as the server sees it. */
export const today = () => todayInDenmark();
/** A date `n` days from today (negative: in the past). */
export const daysFromToday = (n: number) => addDays(today(), n);
/** The birth date of a child who is exactly `months` completed months old today. */
export const bornMonthsAgo = (months: number) => addMonths(today(), -months);

/** ADBB answers: total 5 (positive at the default cut-off) and 4 (negative). */
export const ADBB_POSITIVE = [1, 1, 1, 1, 1, 0, 0, 0];
export const ADBB_NEGATIVE = [1, 1, 1, 1, 0, 0, 0, 0];

/**
 * EPDS scored values with the given total over items 1–9 and `item10` as item 10.
 * @example epds(11) // [3, 3, 3, 2, 0, 0, 0, 0, 0, 0]
 */
export function epds(total: number, item10 = 0): number[] {
  let left = total - item10;
  const answers = Array.from({ length: 9 }, () => {
    const value = Math.min(3, Math.max(0, left));
    left -= value;
    return value;
  });
  return [...answers, item10];
}

/** The screening world: makeWorld plus staff with and without ADBB certification and a manager. */
export async function makeScreeningWorld(database: Database) {
  const world = await makeWorld(database, { signInRateLimit: 100_000 });
  const { db, municipality, units } = world;
  await certify(db, world.staff.visitorId, '2020-01-01', null);
  const uncertifiedId = await makeStaff(db, municipality, { username: 'hv-uncert', name: 'Ulla Ucertificeret', unitIds: [units.healthUnit] });
  const expiredId = await makeStaff(db, municipality, { username: 'hv-expired', name: 'Else Udløbet', unitIds: [units.healthUnit] });
  await certify(db, expiredId, '2020-01-01', daysFromToday(-30));
  const managerId = await makeStaff(db, municipality, { username: 'leder', profession: 'manager', name: 'Lene Leder', unitIds: [units.healthUnit] });
  return { ...world, staff: { ...world.staff, uncertifiedId, expiredId, managerId } };
}

/** Gives a staff member an ADBB certification. */
export async function certify(db: Kysely<DB>, staffId: string, validFrom: string, validUntil: string | null) {
  await db.insertInto('certifications').values({ id: uuidv7(), staff_id: staffId, kind: 'adbb', valid_from: validFrom, valid_until: validUntil }).execute();
}

/** A child of `months` months on the health visitor's caseload (optionally enrolled in the nursery). */
export async function childAged(
  world: Awaited<ReturnType<typeof makeScreeningWorld>>,
  months: number,
  options: { healthVisitorId?: string | null; enrolled?: boolean; firstName?: string } = {},
) {
  return makeChild(world.db, world.municipality, {
    healthUnitId: world.units.healthUnit,
    healthVisitorId: options.healthVisitorId === undefined ? world.staff.visitorId : options.healthVisitorId,
    birthDate: bornMonthsAgo(months),
    firstName: options.firstName,
    enrolledUnitIds: options.enrolled ? [world.units.nursery] : [],
  });
}

/** An adult related to the child (a parent by default). */
export async function makeParent(db: Kysely<DB>, municipalityId: string, childId: string, relation = 'mother', firstName = 'Mette') {
  const id = uuidv7();
  await db.insertInto('persons').values({ id, municipality_id: municipalityId, first_name: firstName, last_name: 'Forælder' }).execute();
  await db.insertInto('relations').values({ id: uuidv7(), child_id: childId, adult_id: id, relation, custody: true }).execute();
  return id;
}

/** Minimal shapes of the API's answers. */
export interface ScreeningJson {
  id: string;
  instrument: string;
  definitionVersion: string;
  observedOn: string;
  ageMonths: number | null;
  answers: (number | null)[];
  complete: boolean;
  total: number | null;
  positive: boolean | null;
  urgent: boolean;
  threshold: number;
  respondent: { id: string; name: string; role: string } | null;
  timepoint: string | null;
  pregnancyWeek: number | null;
  language: string | null;
  followUp?: { taskIds: string[]; flagId: string | null; completedTaskIds: string[] };
}
export interface TaskJson {
  id: string;
  kind: string;
  childId: string;
  childName: string;
  personId: string | null;
  assignee: { id: string; name: string };
  dueOn: string;
  urgent: boolean;
  overdue: boolean;
  suggestions: string[];
  status: string;
  note: string | null;
  decision: string[] | null;
  version: number;
}
export interface FlagJson {
  id: string;
  kind: string;
  severity: string;
  childId: string;
  personId: string | null;
  status: string;
  resolutionNote: string | null;
  version: number;
}
export type { ProblemJson } from './http';
