/**
 * Loading and presenting offers, courses and participants. Used by the repo
 * after it has checked access; nothing here checks policy or audits.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import { attendedSessions, type PlaceCandidate } from '../../../domain';
import type { CourseFacts } from '../../access/policies/offers';
import type { DB } from '../../db/types';
import { displayName } from '../children/present';
import type { CourseSummaryShape, OfferShape, ParticipantShape, SessionShape } from './schema';

type Db = Transaction<DB> | Kysely<DB>;

/** An offer row. */
export type OfferRow = {
  id: string;
  municipality_id: string;
  key: string | null;
  name: string;
  description: string;
  age_from_months: number | null;
  age_to_months: number | null;
  audience: string;
  format: string;
  method: string;
  required_certification: string | null;
  unit_ids: string[];
  min_sessions_to_complete: number | null;
  default_capacity: number | null;
  default_session_count: number | null;
  default_session_minutes: number | null;
  active: boolean;
  version: number;
};

/** A course row with its offer's name and completion minimum, its unit's name and its facilitators. */
export interface CourseRow {
  id: string;
  municipality_id: string;
  offer_id: string;
  offer_name: string;
  min_sessions_to_complete: number | null;
  unit_id: string;
  unit_name: string;
  name: string;
  place: string;
  capacity: number;
  start_date: string;
  weekday: number;
  start_time: string;
  duration_minutes: number;
  session_count: number;
  finished_at: Date | null;
  version: number;
  facilitators: { id: string; name: string }[];
}

/** A participant row as stored. */
export interface ParticipantRow {
  id: string;
  course_id: string;
  child_id: string;
  adult_ids: string[];
  source: string;
  referred_by: string;
  reason: string | null;
  referred_at: Date;
  state: string;
  offer_expires_on: string | null;
  enrolled_at: Date | null;
  end_reason: string | null;
  version: number;
}

/** ISO instant of a timestamp from either engine. */
export const iso = (value: Date | string) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());

/**
 * Loads offers of the municipality (all, or those with the ids).
 * @example await loadOffers(trx, municipalityId)
 */
export async function loadOffers(db: Db, municipalityId: string, ids?: string[]): Promise<OfferRow[]> {
  if (ids && ids.length === 0) return [];
  let query = db.selectFrom('offers').selectAll().where('municipality_id', '=', municipalityId);
  if (ids) query = query.where('id', 'in', ids);
  const rows = await query.orderBy('name').orderBy('id').execute();
  return rows.map((r) => ({ ...r, unit_ids: r.unit_ids ?? [] }));
}

/**
 * Names of units by id.
 * @example await unitNames(trx, ['…'])
 */
export async function unitNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.selectFrom('units').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Presents an offer; `myUnitIds` tells whether the actor's unit runs it.
 * @example presentOffer(row, names, actor.units.map((u) => u.id))
 */
export function presentOffer(row: OfferRow, names: Map<string, string>, myUnitIds: string[]): OfferShape {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    ageFromMonths: row.age_from_months,
    ageToMonths: row.age_to_months,
    audience: row.audience as OfferShape['audience'],
    format: row.format as OfferShape['format'],
    method: row.method,
    requiredCertification: row.required_certification,
    units: row.unit_ids.filter((id) => names.has(id)).map((id) => ({ id, name: names.get(id) ?? '' })),
    minSessionsToComplete: row.min_sessions_to_complete,
    defaultCapacity: row.default_capacity,
    defaultSessionCount: row.default_session_count,
    defaultSessionMinutes: row.default_session_minutes,
    active: row.active,
    runByMyUnit: row.unit_ids.some((id) => myUnitIds.includes(id)),
    version: row.version,
  };
}

/**
 * Loads courses (by ids, by offer, or by unit) with facilitators; `lock` takes a row lock on one course.
 * @example await loadCourses(trx, municipalityId, { ids: [courseId] })
 */
export async function loadCourses(
  db: Db,
  municipalityId: string,
  where: { ids?: string[]; offerId?: string; unitId?: string; facilitatorId?: string },
): Promise<CourseRow[]> {
  if (where.ids && where.ids.length === 0) return [];
  let query = db
    .selectFrom('courses as c')
    .innerJoin('offers as o', 'o.id', 'c.offer_id')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select([
      'c.id',
      'c.municipality_id',
      'c.offer_id',
      'o.name as offer_name',
      'o.min_sessions_to_complete',
      'c.unit_id',
      'u.name as unit_name',
      'c.name',
      'c.place',
      'c.capacity',
      'c.start_date',
      'c.weekday',
      'c.start_time',
      'c.duration_minutes',
      'c.session_count',
      'c.finished_at',
      'c.version',
    ])
    .where('c.municipality_id', '=', municipalityId)
    .where('c.cancelled_at', 'is', null);
  if (where.ids) query = query.where('c.id', 'in', where.ids);
  if (where.offerId) query = query.where('c.offer_id', '=', where.offerId);
  if (where.unitId) query = query.where('c.unit_id', '=', where.unitId);
  if (where.facilitatorId) {
    const staffId = where.facilitatorId;
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('course_facilitators as f').select(sql`1`.as('one')).whereRef('f.course_id', '=', 'c.id').where('f.staff_id', '=', staffId)),
    );
  }
  const rows = await query.orderBy('c.start_date', 'desc').orderBy('c.id').execute();
  if (!rows.length) return [];
  const facilitators = await db
    .selectFrom('course_facilitators as f')
    .innerJoin('staff as s', 's.id', 'f.staff_id')
    .select(['f.course_id', 's.id', 's.name'])
    .where(
      'f.course_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('s.name')
    .execute();
  return rows.map((r) => ({
    ...r,
    facilitators: facilitators.filter((f) => f.course_id === r.id).map((f) => ({ id: f.id, name: f.name })),
  }));
}

/**
 * Takes the row lock on a course (select … for update): serialises changes to its places.
 * @example await lockCourse(trx, courseId)
 */
export async function lockCourse(trx: Db, courseId: string): Promise<void> {
  await trx.selectFrom('courses').select('id').where('id', '=', courseId).forUpdate().execute();
}

/** The policy facts of a course. */
export const courseFacts = (course: CourseRow, extra: Partial<CourseFacts> = {}): CourseFacts => ({
  municipalityId: course.municipality_id,
  unitIds: [course.unit_id],
  facilitatorIds: course.facilitators.map((f) => f.id),
  ...extra,
});

/**
 * The participants of courses, oldest referral first.
 * @example await loadParticipants(trx, { courseIds: [id] })
 */
export async function loadParticipants(db: Db, where: { courseIds?: string[]; ids?: string[]; childId?: string }): Promise<ParticipantRow[]> {
  if ((where.courseIds && !where.courseIds.length) || (where.ids && !where.ids.length)) return [];
  let query = db
    .selectFrom('course_participants')
    .select([
      'id',
      'course_id',
      'child_id',
      'adult_ids',
      'source',
      'referred_by',
      'reason',
      'referred_at',
      'state',
      'offer_expires_on',
      'enrolled_at',
      'end_reason',
      'version',
    ]);
  if (where.courseIds) query = query.where('course_id', 'in', where.courseIds);
  if (where.ids) query = query.where('id', 'in', where.ids);
  if (where.childId) query = query.where('child_id', '=', where.childId);
  const rows = await query.orderBy('referred_at').orderBy('id').execute();
  return rows.map((r) => ({ ...r, adult_ids: r.adult_ids ?? [], referred_at: new Date(r.referred_at) }));
}

/** The place rules' view of a participant. */
export const candidate = (p: ParticipantRow): PlaceCandidate => ({
  id: p.id,
  state: p.state as PlaceCandidate['state'],
  referredAt: iso(p.referred_at),
  offerExpiresOn: p.offer_expires_on,
});

/**
 * Sessions attended per participant (at least one participating parent present).
 * @example (await attendanceCounts(trx, ids)).get(participantId) // 6
 */
export async function attendanceCounts(db: Db, participantIds: string[]): Promise<Map<string, number>> {
  if (!participantIds.length) return new Map();
  const rows = await db
    .selectFrom('course_attendance')
    .select(['participant_id', 'session_id', 'status'])
    .where('participant_id', 'in', participantIds)
    .execute();
  const result = new Map<string, number>();
  for (const id of participantIds) {
    result.set(
      id,
      attendedSessions(rows.filter((r) => r.participant_id === id).map((r) => ({ sessionId: r.session_id, status: r.status as 'present' }))),
    );
  }
  return result;
}

/**
 * The sessions of courses with the number of marks recorded.
 * @example await loadSessions(trx, [courseId])
 */
export async function loadSessions(db: Db, courseIds: string[]): Promise<(SessionShape & { courseId: string })[]> {
  if (!courseIds.length) return [];
  const rows = await db
    .selectFrom('course_sessions as s')
    .select([
      's.id',
      's.course_id',
      's.number',
      's.date',
      's.start_time',
      's.duration_minutes',
      's.topic',
      's.version',
      sql<number>`(select count(*)::int from course_attendance a where a.session_id = s.id)`.as('marks'),
    ])
    .where('s.course_id', 'in', courseIds)
    .orderBy('s.course_id')
    .orderBy('s.number')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    courseId: r.course_id,
    number: r.number,
    date: r.date,
    startTime: r.start_time,
    durationMinutes: r.duration_minutes,
    topic: r.topic,
    marks: Number(r.marks),
    version: r.version,
  }));
}

/**
 * Place counts per course.
 * @example (await placeCounts(trx, ids)).get(courseId)
 */
export async function placeCounts(db: Db, courses: CourseRow[]): Promise<Map<string, CourseSummaryShape['counts']>> {
  const rows = courses.length
    ? await db
        .selectFrom('course_participants')
        .select(['course_id', 'state', sql<number>`count(*)::int`.as('n')])
        .where(
          'course_id',
          'in',
          courses.map((c) => c.id),
        )
        .groupBy(['course_id', 'state'])
        .execute()
    : [];
  const result = new Map<string, CourseSummaryShape['counts']>();
  for (const course of courses) {
    const n = (state: string) => Number(rows.find((r) => r.course_id === course.id && r.state === state)?.n ?? 0);
    const enrolled = n('enrolled');
    const offered = n('offered');
    const held = enrolled + offered + n('completed') + n('not_completed');
    result.set(course.id, { enrolled, offered, waiting: n('waiting'), completed: n('completed'), free: Math.max(0, course.capacity - held) });
  }
  return result;
}

/**
 * Presents a course for lists.
 * @example presentCourse(course, counts.get(course.id)!, actorId, unitIds)
 */
export function presentCourse(course: CourseRow, counts: CourseSummaryShape['counts'], runByMe: boolean): CourseSummaryShape {
  return {
    id: course.id,
    offerId: course.offer_id,
    offerName: course.offer_name,
    unit: { id: course.unit_id, name: course.unit_name },
    name: course.name,
    place: course.place,
    capacity: course.capacity,
    startDate: course.start_date,
    weekday: course.weekday,
    startTime: course.start_time,
    durationMinutes: course.duration_minutes,
    sessionCount: course.session_count,
    facilitators: course.facilitators,
    finished: course.finished_at !== null,
    counts,
    runByMe,
    version: course.version,
  };
}

/** Names and facts of the people around participants. */
export interface PeopleLookup {
  children: Map<string, { name: string; birthDate: string | null }>;
  adults: Map<string, { name: string; preferredLanguage: string; interpreterNeeded: boolean }>;
  relations: Map<string, string>;
  staff: Map<string, string>;
}

/**
 * Looks up the children, adults, relations and referrers of participants.
 * @example const people = await lookupPeople(trx, participants)
 */
export async function lookupPeople(db: Db, participants: ParticipantRow[]): Promise<PeopleLookup> {
  const childIds = [...new Set(participants.map((p) => p.child_id))];
  const adultIds = [...new Set(participants.flatMap((p) => p.adult_ids))];
  const staffIds = [...new Set(participants.map((p) => p.referred_by))];
  const children = childIds.length
    ? await db
        .selectFrom('persons as p')
        .innerJoin('children as c', 'c.person_id', 'p.id')
        .select(['p.id', 'p.first_name', 'p.last_name', 'p.birth_date', 'c.status', 'c.expected_date'])
        .where('p.id', 'in', childIds)
        .execute()
    : [];
  const adults = adultIds.length
    ? await db.selectFrom('persons').select(['id', 'first_name', 'last_name', 'preferred_language', 'interpreter_needed']).where('id', 'in', adultIds).execute()
    : [];
  const relations = childIds.length && adultIds.length
    ? await db.selectFrom('relations').select(['child_id', 'adult_id', 'relation']).where('child_id', 'in', childIds).where('adult_id', 'in', adultIds).execute()
    : [];
  const staff = staffIds.length ? await db.selectFrom('staff').select(['id', 'name']).where('id', 'in', staffIds).execute() : [];
  return {
    children: new Map(children.map((c) => [c.id, { name: displayName(c), birthDate: c.birth_date }])),
    adults: new Map(
      adults.map((a) => [
        a.id,
        { name: [a.first_name, a.last_name].filter(Boolean).join(' ') || 'Uden navn', preferredLanguage: a.preferred_language, interpreterNeeded: a.interpreter_needed },
      ]),
    ),
    relations: new Map(relations.map((r) => [`${r.child_id}/${r.adult_id}`, r.relation])),
    staff: new Map(staff.map((s) => [s.id, s.name])),
  };
}

/**
 * Presents a participant for the course's roster.
 * @example presentParticipant(p, people, attended.get(p.id) ?? 0, position)
 */
export function presentParticipant(p: ParticipantRow, people: PeopleLookup, attended: number, position: number | null): ParticipantShape {
  const child = people.children.get(p.child_id);
  return {
    id: p.id,
    courseId: p.course_id,
    child: { id: p.child_id, name: child?.name ?? 'Uden navn', birthDate: child?.birthDate ?? null },
    adults: p.adult_ids.map((id) => {
      const adult = people.adults.get(id);
      return {
        id,
        name: adult?.name ?? 'Uden navn',
        relation: people.relations.get(`${p.child_id}/${id}`) ?? null,
        preferredLanguage: adult?.preferredLanguage ?? 'da',
        interpreterNeeded: adult?.interpreterNeeded ?? false,
      };
    }),
    source: p.source as ParticipantShape['source'],
    referredBy: { id: p.referred_by, name: people.staff.get(p.referred_by) ?? '' },
    reason: p.reason,
    referredAt: iso(p.referred_at),
    state: p.state as ParticipantShape['state'],
    position,
    offerExpiresOn: p.offer_expires_on,
    endReason: p.end_reason,
    attended,
    version: p.version,
  };
}
