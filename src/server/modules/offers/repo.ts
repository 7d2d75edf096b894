/**
 * Offers (tilbud) and courses (forløb), scoped to the actor (issue 7; domain.md §3.5, §4):
 * - the catalogue is the municipality's configuration: every signed-in staff
 *   member reads it, administrators change it (versioned);
 * - a course is run by one of the offer's units; staff of that unit create it,
 *   with facilitators certified for the offer on every session date;
 * - families are referred by a professional who sees the child (or their own
 *   sign-up is recorded): free place → offered (7 days to accept), full →
 *   waiting list in order of referral; a freed place (drop-out, decline, lapsed
 *   offer, more capacity) is offered to the next in line automatically;
 * - attendance per session and parent; completion by the offer's minimum
 *   when the last session is recorded or the course is finished.
 *
 * Rosters, waiting lists and attendance are category `course`: for the members
 * of the running unit and the facilitators. Facilitators are brought into each
 * family's case (involvement, source 'course') while the family takes part. A
 * child's offers are shown to whoever sees the child's basic data. Every
 * change to places happens under a row lock on the course (select … for
 * update), so concurrent referrals never overfill a course.
 */
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  addDays,
  certifiedOnAll,
  daysBetween,
  isCompleted,
  isSmallNumber,
  median,
  PLACE_OFFER_DAYS,
  placeForNewcomer,
  planPlaces,
  planSessions,
  waitingList,
} from '../../../domain';
import type { StaffActor } from '../../access/actor';
import { guardChild } from '../../access/child-access';
import { endInvolvement, involveStaff } from '../../access/involvement';
import type { CourseFacts } from '../../access/policies/offers';
import type { Action } from '../../access/policy';
import type { Work } from '../../access/work';
import { todayInDenmark } from '../../clock';
import { expectCurrentVersion, type FieldIssue, invalidFields, notFound, Problem, staleVersion } from '../../errors';
import { danishDate } from '../children/present';
import {
  attendanceCounts,
  type CourseRow,
  candidate,
  courseFacts,
  iso,
  loadCourses,
  loadOffers,
  loadParticipants,
  loadSessions,
  lockCourse,
  lookupPeople,
  type OfferRow,
  type ParticipantRow,
  placeCounts,
  presentCourse,
  presentOffer,
  presentParticipant,
  unitNames,
} from './queries';
import type {
  AttendanceSheetShape,
  ChildOffersShape,
  CourseDetailShape,
  CourseSummaryShape,
  CreateCourseInput,
  CreateOfferInput,
  MyCoursesShape,
  OfferShape,
  OfferWithCoursesShape,
  ParticipantShape,
  ReferInput,
  SaveAttendanceInput,
  UnitOfferStatsShape,
  UpdateCourseInput,
  UpdateOfferInput,
  UpdateSessionInput,
} from './schema';

/** States in which a family is still in a course (not finished, not ended). */
const ACTIVE = ['waiting', 'offered', 'enrolled'];
/** States whose attendance counts (and may be recorded). */
const ATTENDING = ['enrolled', 'completed', 'not_completed'];
/** The involvement source of a course participation. */
const involvement = (participantId: string) => ({ source: 'course', sourceId: participantId });

/** Offers and courses, scoped to the actor. */
export class OffersRepo {
  constructor(private readonly work: Work) {}

  private staff(): StaffActor {
    const actor = this.work.actor;
    if (actor.kind !== 'staff') throw new Error('offers needs a staff actor');
    return actor;
  }

  private myUnitIds(): string[] {
    return this.staff().units.map((u) => u.id);
  }

  // ---- The catalogue -----------------------------------------------------------------

  /** The municipality's offers (active first), for every signed-in staff member. */
  async list(): Promise<OfferShape[]> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const offers = await loadOffers(trx, actor.municipalityId);
    const names = await unitNames(trx, offers.flatMap((o) => o.unit_ids));
    return offers.map((o) => presentOffer(o, names, this.myUnitIds())).sort((a, b) => Number(b.active) - Number(a.active));
  }

  /** One offer with its courses (counts only; rosters are for those running the course). */
  async get(id: string): Promise<OfferWithCoursesShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const offer = await this.offerOrThrow(id);
    const names = await unitNames(trx, offer.unit_ids);
    const courses = await loadCourses(trx, actor.municipalityId, { offerId: id });
    const counts = await placeCounts(trx, courses);
    return {
      ...presentOffer(offer, names, this.myUnitIds()),
      courses: courses.map((c) => presentCourse(c, counts.get(c.id) ?? emptyCounts(c), this.work.may('read', 'course', courseFacts(c)))),
    };
  }

  /** Creates an offer (administrators). */
  async create(input: CreateOfferInput): Promise<OfferShape> {
    this.work.authorize('create', 'organisation');
    const actor = this.staff();
    const trx = await this.work.tx();
    await this.checkOfferFields(input);
    const id = uuidv7();
    await trx
      .insertInto('offers')
      .values({
        id,
        municipality_id: actor.municipalityId,
        name: input.name,
        description: input.description ?? '',
        age_from_months: input.ageFromMonths ?? null,
        age_to_months: input.ageToMonths ?? null,
        audience: input.audience,
        format: input.format,
        method: input.method,
        required_certification: input.requiredCertification ?? null,
        unit_ids: sql<string[]>`${uniq(input.unitIds ?? [])}::uuid[]`,
        min_sessions_to_complete: input.minSessionsToComplete ?? null,
        default_capacity: input.defaultCapacity ?? null,
        default_session_count: input.defaultSessionCount ?? null,
        default_session_minutes: input.defaultSessionMinutes ?? null,
        active: input.active ?? true,
        created_by: actor.id,
      })
      .execute();
    this.work.audit({ action: 'create', category: 'organisation', outcome: 'allowed', detail: { offer: id } });
    return this.present(id);
  }

  /** Changes an offer (administrators; send the version you read). */
  async update(id: string, input: UpdateOfferInput): Promise<OfferShape> {
    this.work.authorize('update', 'organisation');
    const trx = await this.work.tx();
    const offer = await this.offerOrThrow(id);
    await this.checkOfferFields({
      ageFromMonths: input.ageFromMonths === undefined ? offer.age_from_months : input.ageFromMonths,
      ageToMonths: input.ageToMonths === undefined ? offer.age_to_months : input.ageToMonths,
      unitIds: input.unitIds,
    });
    const set: Record<string, unknown> = { version: input.version + 1, updated_at: new Date() };
    const columns: [keyof UpdateOfferInput, string][] = [
      ['name', 'name'],
      ['description', 'description'],
      ['ageFromMonths', 'age_from_months'],
      ['ageToMonths', 'age_to_months'],
      ['audience', 'audience'],
      ['format', 'format'],
      ['method', 'method'],
      ['requiredCertification', 'required_certification'],
      ['minSessionsToComplete', 'min_sessions_to_complete'],
      ['defaultCapacity', 'default_capacity'],
      ['defaultSessionCount', 'default_session_count'],
      ['defaultSessionMinutes', 'default_session_minutes'],
      ['active', 'active'],
    ];
    for (const [field, column] of columns) if (input[field] !== undefined) set[column] = input[field];
    if (input.unitIds !== undefined) set.unit_ids = sql`${uniq(input.unitIds)}::uuid[]`;
    const result = await trx.updateTable('offers').set(set).where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
    expectCurrentVersion(result);
    this.work.audit({ action: 'update', category: 'organisation', outcome: 'allowed', detail: { offer: id } });
    return this.present(id);
  }

  private async present(id: string): Promise<OfferShape> {
    const trx = await this.work.tx();
    const offer = await this.offerOrThrow(id);
    return presentOffer(offer, await unitNames(trx, offer.unit_ids), this.myUnitIds());
  }

  private async offerOrThrow(id: string): Promise<OfferRow> {
    const [offer] = await loadOffers(await this.work.tx(), this.staff().municipalityId, [id]);
    if (!offer) throw notFound();
    return offer;
  }

  private async checkOfferFields(input: { ageFromMonths?: number | null; ageToMonths?: number | null; unitIds?: string[] }): Promise<void> {
    const fields: FieldIssue[] = [];
    if (input.ageFromMonths != null && input.ageToMonths != null && input.ageToMonths < input.ageFromMonths) {
      fields.push({ field: 'ageToMonths', code: 'too_small', values: { minimum: input.ageFromMonths } });
    }
    const unitIds = uniq(input.unitIds ?? []);
    if (unitIds.length) {
      const trx = await this.work.tx();
      const found = await trx.selectFrom('units').select('id').where('id', 'in', unitIds).where('municipality_id', '=', this.staff().municipalityId).execute();
      unitIds.forEach((id, i) => {
        if (!found.some((u) => u.id === id)) fields.push({ field: `unitIds.${i}`, code: 'invalid_id' });
      });
    }
    if (fields.length) throw invalidFields(fields);
  }

  // ---- Courses -------------------------------------------------------------------------

  /**
   * Creates a course of an offer, run by one of its units (the actor's own),
   * with its weekly sessions. Each facilitator must hold the offer's
   * certification on every session date; otherwise a field error names them.
   */
  async createCourse(offerId: string, input: CreateCourseInput): Promise<CourseDetailShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const offer = await this.offerOrThrow(offerId);
    this.work.authorize('create', 'course', { municipalityId: actor.municipalityId, unitIds: offer.unit_ids, facilitatorIds: [] } satisfies CourseFacts);
    if (!offer.active) throw new Problem(409, 'offers.inactive');
    const fields: FieldIssue[] = [];
    if (!offer.unit_ids.includes(input.unitId) || !this.myUnitIds().includes(input.unitId)) fields.push({ field: 'unitId', code: 'not_running_unit' });
    const weekday = input.weekday ?? isoWeekday(input.startDate);
    const sessions = planSessions({
      startDate: input.startDate,
      weekday,
      startTime: input.startTime,
      durationMinutes: input.durationMinutes ?? offer.default_session_minutes ?? 90,
      sessionCount: input.sessionCount ?? offer.default_session_count ?? 1,
    });
    fields.push(...(await this.checkFacilitators(offer, input.facilitatorIds, sessions.map((s) => s.date))));
    if (fields.length) throw invalidFields(fields);

    const id = uuidv7();
    await trx
      .insertInto('courses')
      .values({
        id,
        municipality_id: actor.municipalityId,
        offer_id: offer.id,
        unit_id: input.unitId,
        name: input.name ?? `${offer.name} – start ${danishDate(sessions[0].date)}`,
        place: input.place,
        capacity: input.capacity ?? offer.default_capacity ?? 8,
        start_date: input.startDate,
        weekday,
        start_time: input.startTime,
        duration_minutes: sessions[0].durationMinutes,
        session_count: sessions.length,
        created_by: actor.id,
      })
      .execute();
    await trx
      .insertInto('course_facilitators')
      .values(uniq(input.facilitatorIds).map((staffId) => ({ course_id: id, staff_id: staffId })))
      .execute();
    await trx
      .insertInto('course_sessions')
      .values(sessions.map((s) => ({ id: uuidv7(), course_id: id, number: s.number, date: s.date, start_time: s.startTime, duration_minutes: s.durationMinutes })))
      .execute();
    this.work.audit({ action: 'create', category: 'course', outcome: 'allowed', detail: { course: id, offer: offer.id } });
    return this.course(id);
  }

  /** Field errors for facilitators who do not exist or are not certified on every session date. */
  private async checkFacilitators(offer: OfferRow, facilitatorIds: string[], dates: string[]): Promise<FieldIssue[]> {
    const trx = await this.work.tx();
    const ids = uniq(facilitatorIds);
    const staff = await trx
      .selectFrom('staff')
      .select(['id', 'name'])
      .where('id', 'in', ids)
      .where('municipality_id', '=', this.staff().municipalityId)
      .where('active', '=', true)
      .execute();
    const certifications = offer.required_certification
      ? await trx.selectFrom('certifications').select(['staff_id', 'kind', 'valid_from', 'valid_until']).where('staff_id', 'in', ids).execute()
      : [];
    const fields: FieldIssue[] = [];
    facilitatorIds.forEach((id, i) => {
      const person = staff.find((s) => s.id === id);
      if (!person) {
        fields.push({ field: `facilitatorIds.${i}`, code: 'invalid_id' });
        return;
      }
      const kind = offer.required_certification;
      if (!kind) return;
      const held = certifications.filter((c) => c.staff_id === id).map((c) => ({ kind: c.kind, validFrom: c.valid_from, validUntil: c.valid_until }));
      if (!certifiedOnAll(held, kind, dates)) fields.push({ field: `facilitatorIds.${i}`, code: 'not_certified', values: { name: person.name } });
    });
    return fields;
  }

  /**
   * A course with its sessions, roster (with interpreter needs), waiting list
   * in order and offered places; for the running unit and the facilitators.
   * Lapsed offers are settled first (the place goes to the next in line).
   */
  async course(id: string): Promise<CourseDetailShape> {
    const course = await this.guardCourse(id, 'read');
    const trx = await this.work.tx();
    if (!course.finished_at) {
      await lockCourse(trx, id);
      await this.settle(course);
    }
    const participants = await loadParticipants(trx, { courseIds: [id] });
    const people = await lookupPeople(trx, participants);
    const attended = await attendanceCounts(trx, participants.map((p) => p.id));
    const queue = waitingList(participants.map(candidate)).map((c) => c.id);
    const view = (p: ParticipantRow) => presentParticipant(p, people, attended.get(p.id) ?? 0, queue.includes(p.id) ? queue.indexOf(p.id) + 1 : null);
    const counts = await placeCounts(trx, [course]);
    this.work.audit({
      action: 'read',
      category: 'course',
      subjectIds: uniq(participants.flatMap((p) => [p.child_id, ...p.adult_ids])),
      outcome: 'allowed',
      detail: { course: id },
    });
    return {
      ...presentCourse(course, counts.get(id) ?? emptyCounts(course), true),
      minSessionsToComplete: course.min_sessions_to_complete,
      sessions: (await loadSessions(trx, [id])).map(({ courseId: _, ...s }) => s),
      roster: participants.filter((p) => ['offered', 'enrolled', 'completed', 'not_completed'].includes(p.state)).map(view),
      waiting: queue.map((qid) => view(participants.find((p) => p.id === qid) as ParticipantRow)),
      ended: participants.filter((p) => ['dropped_out', 'declined'].includes(p.state)).map(view),
    };
  }

  /** Changes a course's name, place, capacity or facilitators (send the version you read); more capacity offers places to the next in line. */
  async updateCourse(id: string, input: UpdateCourseInput): Promise<CourseDetailShape> {
    const course = await this.guardCourse(id, 'update');
    const trx = await this.work.tx();
    await lockCourse(trx, id);
    const fields: FieldIssue[] = [];
    if (input.capacity !== undefined) {
      const held = (await loadParticipants(trx, { courseIds: [id] })).filter((p) => ['offered', 'enrolled', 'completed', 'not_completed'].includes(p.state)).length;
      if (input.capacity < held) fields.push({ field: 'capacity', code: 'too_small', values: { minimum: held } });
    }
    if (input.facilitatorIds) {
      const [offer] = await loadOffers(trx, course.municipality_id, [course.offer_id]);
      const dates = (await loadSessions(trx, [id])).map((s) => s.date);
      fields.push(...(await this.checkFacilitators(offer, input.facilitatorIds, dates)));
    }
    if (fields.length) throw invalidFields(fields);
    const set: Record<string, unknown> = { version: input.version + 1, updated_at: new Date() };
    if (input.name !== undefined) set.name = input.name;
    if (input.place !== undefined) set.place = input.place;
    if (input.capacity !== undefined) set.capacity = input.capacity;
    expectCurrentVersion(await trx.updateTable('courses').set(set).where('id', '=', id).where('version', '=', input.version).executeTakeFirst());
    if (input.facilitatorIds) {
      const wanted = uniq(input.facilitatorIds);
      const removed = course.facilitators.map((f) => f.id).filter((f) => !wanted.includes(f));
      await trx.deleteFrom('course_facilitators').where('course_id', '=', id).execute();
      await trx.insertInto('course_facilitators').values(wanted.map((staffId) => ({ course_id: id, staff_id: staffId }))).execute();
      const participants = await loadParticipants(trx, { courseIds: [id] });
      for (const p of participants.filter((x) => ACTIVE.includes(x.state))) {
        await endInvolvement(trx, involvement(p.id), removed);
        await involveStaff(trx, p.child_id, wanted, involvement(p.id), this.staff().id);
      }
    }
    const [fresh] = await loadCourses(trx, course.municipality_id, { ids: [id] });
    const changed = await this.settle(fresh);
    this.work.audit({ action: 'update', category: 'course', subjectIds: changed, outcome: 'allowed', detail: { course: id, fields: Object.keys(input).filter((k) => k !== 'version') } });
    return this.course(id);
  }

  /** Moves a session (date, time, duration, topic) of a course that is not finished; send the version you read. */
  async updateSession(sessionId: string, input: UpdateSessionInput): Promise<CourseDetailShape> {
    const trx = await this.work.tx();
    const session = await trx.selectFrom('course_sessions').select(['id', 'course_id']).where('id', '=', sessionId).executeTakeFirst();
    if (!session) throw notFound();
    const course = await this.guardCourse(session.course_id, 'update');
    if (course.finished_at) throw new Problem(409, 'offers.course_finished');
    const set: Record<string, unknown> = { version: input.version + 1, updated_at: new Date() };
    if (input.date !== undefined) set.date = input.date;
    if (input.startTime !== undefined) set.start_time = input.startTime;
    if (input.durationMinutes !== undefined) set.duration_minutes = input.durationMinutes;
    if (input.topic !== undefined) set.topic = input.topic;
    expectCurrentVersion(await trx.updateTable('course_sessions').set(set).where('id', '=', sessionId).where('version', '=', input.version).executeTakeFirst());
    this.work.audit({ action: 'update', category: 'course', outcome: 'allowed', detail: { course: session.course_id, session: sessionId } });
    return this.course(session.course_id);
  }

  /** Finishes a course: enrolled families complete when they attended the offer's minimum, otherwise not. */
  async finishCourse(id: string, version: number): Promise<CourseDetailShape> {
    const course = await this.guardCourse(id, 'update');
    const trx = await this.work.tx();
    await lockCourse(trx, id);
    if (course.version !== version) throw new Problem(409, 'conflict.stale_version');
    if (course.finished_at) throw new Problem(409, 'offers.course_finished');
    await this.complete(course);
    return this.course(id);
  }

  /** Marks the course finished and evaluates completion for its attending families (again, after a correction). */
  private async complete(course: CourseRow): Promise<void> {
    const trx = await this.work.tx();
    const participants = (await loadParticipants(trx, { courseIds: [course.id] })).filter((p) => ATTENDING.includes(p.state));
    const attended = await attendanceCounts(trx, participants.map((p) => p.id));
    const now = new Date();
    for (const p of participants) {
      const state = isCompleted(attended.get(p.id) ?? 0, course.min_sessions_to_complete) ? 'completed' : 'not_completed';
      if (state === p.state) continue;
      await trx
        .updateTable('course_participants')
        .set({ state, finished_at: now, version: p.version + 1, updated_at: now })
        .where('id', '=', p.id)
        .execute();
      await endInvolvement(trx, involvement(p.id));
    }
    // Families still waiting or offered a place when the course ends are not going to get one.
    const open = (await loadParticipants(trx, { courseIds: [course.id] })).filter((p) => p.state === 'waiting' || p.state === 'offered');
    for (const p of open) {
      await trx
        .updateTable('course_participants')
        .set({ state: 'declined', end_reason: 'course_finished', finished_at: now, version: p.version + 1, updated_at: now })
        .where('id', '=', p.id)
        .execute();
      await endInvolvement(trx, involvement(p.id));
    }
    if (!course.finished_at) {
      await trx.updateTable('courses').set({ finished_at: now, version: course.version + 1, updated_at: now }).where('id', '=', course.id).execute();
    }
    this.work.audit({
      action: 'update',
      category: 'course',
      subjectIds: uniq([...participants, ...open].map((p) => p.child_id)),
      outcome: 'allowed',
      detail: { course: course.id, finished: true },
    });
  }

  /**
   * Applies the place rules under the course's lock: lapsed offers are
   * declined, free places are offered to the first waiting families.
   * Returns the children whose state changed.
   */
  private async settle(course: CourseRow): Promise<string[]> {
    const trx = await this.work.tx();
    const participants = await loadParticipants(trx, { courseIds: [course.id] });
    const today = todayInDenmark();
    const plan = planPlaces(course.capacity, participants.map(candidate), today);
    const now = new Date();
    const changed: string[] = [];
    for (const id of plan.expire) {
      const p = participants.find((x) => x.id === id) as ParticipantRow;
      await trx
        .updateTable('course_participants')
        .set({ state: 'declined', end_reason: 'offer_expired', finished_at: now, version: p.version + 1, updated_at: now })
        .where('id', '=', id)
        .execute();
      await endInvolvement(trx, involvement(id));
      changed.push(p.child_id);
    }
    for (const id of plan.offer) {
      const p = participants.find((x) => x.id === id) as ParticipantRow;
      await trx
        .updateTable('course_participants')
        .set({ state: 'offered', offered_at: now, offer_expires_on: addDays(today, PLACE_OFFER_DAYS), version: p.version + 1, updated_at: now })
        .where('id', '=', id)
        .execute();
      changed.push(p.child_id);
    }
    if (changed.length) {
      this.work.audit({ action: 'update', category: 'course', subjectIds: changed, outcome: 'allowed', detail: { course: course.id, expired: plan.expire, offered: plan.offer } });
    }
    return changed;
  }

  /** Loads a course the actor may `action` (404 when not theirs to see at all, 403 when seen but not allowed); audited when refused. */
  private async guardCourse(id: string, action: Action, extra: Partial<CourseFacts> = {}): Promise<CourseRow> {
    const actor = this.staff();
    const [course] = await loadCourses(await this.work.tx(), actor.municipalityId, { ids: [id] });
    if (!course) throw notFound();
    const facts = courseFacts(course, extra);
    if (!this.work.may('read', 'course', facts)) {
      this.work.audit({ action, category: 'course', outcome: 'denied', detail: { course: id } });
      throw notFound();
    }
    this.work.authorize(action, 'course', facts);
    return course;
  }

  // ---- Participants ----------------------------------------------------------------------

  /**
   * Refers a family to a course (or records their own sign-up), for whoever
   * sees the child: offered a place when one is free and nobody waits before
   * them, otherwise onto the waiting list. The facilitators are brought into
   * the child's case.
   */
  async refer(courseId: string, input: ReferInput): Promise<ParticipantShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const [found] = await loadCourses(trx, actor.municipalityId, { ids: [courseId] });
    if (!found) throw notFound();
    await guardChild(this.work, input.childId, 'read', 'basic');
    await lockCourse(trx, courseId);
    const [course] = await loadCourses(trx, actor.municipalityId, { ids: [courseId] });
    if (course.finished_at) throw new Problem(409, 'offers.course_finished');
    const existing = await loadParticipants(trx, { courseIds: [courseId] });
    if (existing.some((p) => p.child_id === input.childId && ACTIVE.includes(p.state))) throw new Problem(409, 'offers.already_participating');

    const relations = await trx.selectFrom('relations').select(['adult_id', 'custody']).where('child_id', '=', input.childId).orderBy('created_at').execute();
    let adultIds = uniq(input.adultIds ?? []);
    const fields: FieldIssue[] = [];
    adultIds.forEach((id, i) => {
      if (!relations.some((r) => r.adult_id === id)) fields.push({ field: `adultIds.${i}`, code: 'not_related' });
    });
    if (fields.length) throw invalidFields(fields);
    if (!input.adultIds) {
      const custody = relations.filter((r) => r.custody).map((r) => r.adult_id);
      adultIds = custody.length ? custody : relations.map((r) => r.adult_id);
    }

    await this.settle(course);
    const today = todayInDenmark();
    const state = placeForNewcomer(course.capacity, (await loadParticipants(trx, { courseIds: [courseId] })).map(candidate), today);
    const id = uuidv7();
    const now = new Date();
    await trx
      .insertInto('course_participants')
      .values({
        id,
        course_id: courseId,
        child_id: input.childId,
        adult_ids: sql<string[]>`${adultIds}::uuid[]`,
        source: input.source,
        referred_by: actor.id,
        reason: input.reason || null,
        referred_at: now,
        state,
        offered_at: state === 'offered' ? now : null,
        offer_expires_on: state === 'offered' ? addDays(today, PLACE_OFFER_DAYS) : null,
      })
      .execute();
    await involveStaff(trx, input.childId, course.facilitators.map((f) => f.id), involvement(id), actor.id);
    this.work.audit({ action: 'create', category: 'course', subjectIds: [input.childId, ...adultIds], outcome: 'allowed', detail: { course: courseId, participant: id, state, source: input.source } });
    return this.participantView(id);
  }

  /** Accepts an offered place: the family is enrolled (the running unit, the facilitators or the referrer). */
  async accept(participantId: string, version: number): Promise<ParticipantShape> {
    const { participant } = await this.guardParticipant(participantId, true);
    if (participant.state !== 'offered') throw new Problem(409, 'offers.not_offered');
    const trx = await this.work.tx();
    const now = new Date();
    expectCurrentVersion(
      await trx
        .updateTable('course_participants')
        .set({ state: 'enrolled', enrolled_at: now, offer_expires_on: null, version: version + 1, updated_at: now })
        .where('id', '=', participantId)
        .where('version', '=', version)
        .executeTakeFirst(),
    );
    this.work.audit({ action: 'update', category: 'course', subjectIds: [participant.child_id], outcome: 'allowed', detail: { participant: participantId, state: 'enrolled' } });
    return this.participantView(participantId);
  }

  /** Declines an offered place, or leaves the waiting list; the place goes to the next in line. */
  async decline(participantId: string, version: number, reason?: string): Promise<ParticipantShape> {
    const { participant, course } = await this.guardParticipant(participantId, true);
    if (participant.state !== 'offered' && participant.state !== 'waiting') throw new Problem(409, 'offers.not_offered');
    await this.end(participant, course, version, 'declined', reason || null);
    return this.participantView(participantId);
  }

  /** Records that an enrolled family dropped out, with the reason; the place goes to the next in line. */
  async dropOut(participantId: string, version: number, reason: string): Promise<ParticipantShape> {
    const { participant, course } = await this.guardParticipant(participantId, false);
    if (participant.state !== 'enrolled') throw new Problem(409, 'offers.not_enrolled');
    await this.end(participant, course, version, 'dropped_out', reason);
    return this.participantView(participantId);
  }

  private async end(participant: ParticipantRow, course: CourseRow, version: number, state: 'declined' | 'dropped_out', reason: string | null): Promise<void> {
    const trx = await this.work.tx();
    const now = new Date();
    expectCurrentVersion(
      await trx
        .updateTable('course_participants')
        .set({ state, end_reason: reason, finished_at: now, version: version + 1, updated_at: now })
        .where('id', '=', participant.id)
        .where('version', '=', version)
        .executeTakeFirst(),
    );
    await endInvolvement(trx, involvement(participant.id));
    this.work.audit({ action: 'update', category: 'course', subjectIds: [participant.child_id], outcome: 'allowed', detail: { participant: participant.id, state } });
    await this.settle(course);
  }

  /** Loads a participant and its course under the course's lock, for those running it (and, when `referrerToo`, the referrer). */
  private async guardParticipant(participantId: string, referrerToo: boolean): Promise<{ participant: ParticipantRow; course: CourseRow }> {
    const trx = await this.work.tx();
    const [first] = await loadParticipants(trx, { ids: [participantId] });
    if (!first) throw notFound();
    const course = await this.guardCourse(first.course_id, 'update', referrerToo ? { referrerId: first.referred_by } : {});
    await lockCourse(trx, course.id);
    if (course.finished_at) throw new Problem(409, 'offers.course_finished');
    const [participant] = await loadParticipants(trx, { ids: [participantId] });
    return { participant, course };
  }

  private async participantView(participantId: string): Promise<ParticipantShape> {
    const trx = await this.work.tx();
    const [p] = await loadParticipants(trx, { ids: [participantId] });
    const all = await loadParticipants(trx, { courseIds: [p.course_id] });
    const queue = waitingList(all.map(candidate)).map((c) => c.id);
    const people = await lookupPeople(trx, [p]);
    const attended = await attendanceCounts(trx, [p.id]);
    return presentParticipant(p, people, attended.get(p.id) ?? 0, queue.includes(p.id) ? queue.indexOf(p.id) + 1 : null);
  }

  // ---- Attendance -------------------------------------------------------------------------

  /** The attendance sheet of a session: one row per participating parent of the attending families. */
  async attendance(sessionId: string): Promise<AttendanceSheetShape> {
    const trx = await this.work.tx();
    const session = await trx.selectFrom('course_sessions').select(['id', 'course_id']).where('id', '=', sessionId).executeTakeFirst();
    if (!session) throw notFound();
    const course = await this.guardCourse(session.course_id, 'read');
    const participants = (await loadParticipants(trx, { courseIds: [course.id] })).filter((p) => ATTENDING.includes(p.state));
    const people = await lookupPeople(trx, participants);
    const marks = await trx.selectFrom('course_attendance').select(['participant_id', 'adult_id', 'status', 'version']).where('session_id', '=', sessionId).execute();
    const sessions = await loadSessions(trx, [course.id]);
    const { courseId: _, ...sessionView } = sessions.find((s) => s.id === sessionId) as (typeof sessions)[number];
    this.work.audit({
      action: 'read',
      category: 'course',
      subjectIds: uniq(participants.flatMap((p) => [p.child_id, ...p.adult_ids])),
      outcome: 'allowed',
      detail: { course: course.id, session: sessionId },
    });
    return {
      courseId: course.id,
      courseName: course.name,
      session: sessionView,
      sessionCount: course.session_count,
      finished: course.finished_at !== null,
      rows: participants.flatMap((p) => {
        const view = presentParticipant(p, people, 0, null);
        return view.adults.map((adult) => {
          const mark = marks.find((m) => m.participant_id === p.id && m.adult_id === adult.id);
          return { participantId: p.id, childName: view.child.name, adult, status: (mark?.status ?? null) as 'present' | null, version: mark?.version ?? 0 };
        });
      }),
    };
  }

  /**
   * Records attendance for a session (a mark per parent replaces an earlier
   * one, if the caller read its current version: else 409 and nothing is
   * saved). Recording the last session finishes the course and evaluates
   * completion; a correction after the end evaluates it again.
   */
  async saveAttendance(sessionId: string, input: SaveAttendanceInput): Promise<AttendanceSheetShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const session = await trx.selectFrom('course_sessions').select(['id', 'course_id', 'number', 'date']).where('id', '=', sessionId).executeTakeFirst();
    if (!session) throw notFound();
    await this.guardCourse(session.course_id, 'update');
    await lockCourse(trx, session.course_id);
    const [course] = await loadCourses(trx, actor.municipalityId, { ids: [session.course_id] });
    if (session.date > todayInDenmark()) throw new Problem(409, 'offers.session_in_future');
    const participants = (await loadParticipants(trx, { courseIds: [course.id] })).filter((p) => ATTENDING.includes(p.state));
    const fields: FieldIssue[] = [];
    input.marks.forEach((mark, i) => {
      const p = participants.find((x) => x.id === mark.participantId);
      if (!p) fields.push({ field: `marks.${i}.participantId`, code: 'invalid_id' });
      else if (!p.adult_ids.includes(mark.adultId)) fields.push({ field: `marks.${i}.adultId`, code: 'not_related' });
    });
    if (fields.length) throw invalidFields(fields);
    // Optimistic concurrency per mark (the course row lock above serialises savers).
    const current = await trx.selectFrom('course_attendance').select(['participant_id', 'adult_id', 'version']).where('session_id', '=', sessionId).execute();
    const stale = input.marks.some((mark) => (current.find((m) => m.participant_id === mark.participantId && m.adult_id === mark.adultId)?.version ?? 0) !== mark.version);
    if (stale) throw staleVersion();
    const now = new Date();
    for (const mark of input.marks) {
      await trx
        .insertInto('course_attendance')
        .values({ id: uuidv7(), session_id: sessionId, participant_id: mark.participantId, adult_id: mark.adultId, status: mark.status, recorded_by: actor.id, recorded_at: now })
        .onConflict((oc) =>
          oc.columns(['session_id', 'participant_id', 'adult_id']).doUpdateSet({
            status: mark.status,
            recorded_by: actor.id,
            recorded_at: now,
            version: sql<number>`course_attendance.version + 1`,
          }),
        )
        .execute();
    }
    const subjects = uniq(participants.filter((p) => input.marks.some((m) => m.participantId === p.id)).flatMap((p) => [p.child_id]));
    this.work.audit({ action: 'update', category: 'course', subjectIds: subjects, outcome: 'allowed', detail: { course: course.id, session: sessionId, marks: input.marks.length } });
    if (course.finished_at || session.number >= course.session_count) await this.complete(course);
    return this.attendance(sessionId);
  }

  // ---- A child's offers, my courses, a unit's numbers ------------------------------------

  /** The family's referrals, waiting places, courses and completions, for whoever sees the child's basic data. */
  async forChild(childId: string): Promise<ChildOffersShape> {
    await guardChild(this.work, childId, 'read', 'basic');
    const actor = this.staff();
    const trx = await this.work.tx();
    const participants = await loadParticipants(trx, { childId });
    const courses = await loadCourses(trx, actor.municipalityId, { ids: uniq(participants.map((p) => p.course_id)) });
    const everyone = await loadParticipants(trx, { courseIds: courses.map((c) => c.id) });
    const people = await lookupPeople(trx, participants);
    const attended = await attendanceCounts(trx, participants.map((p) => p.id));
    this.work.audit({ action: 'read', category: 'course', subjectIds: [childId], outcome: 'allowed', detail: { childOffers: participants.length } });
    return {
      childId,
      items: participants
        .filter((p) => courses.some((c) => c.id === p.course_id))
        .sort((a, b) => (a.referred_at < b.referred_at ? 1 : -1))
        .map((p) => {
          const course = courses.find((c) => c.id === p.course_id) as CourseRow;
          const queue = waitingList(everyone.filter((x) => x.course_id === course.id).map(candidate)).map((c) => c.id);
          return {
            participantId: p.id,
            courseId: course.id,
            courseName: course.name,
            offerName: course.offer_name,
            unitName: course.unit_name,
            state: p.state as ChildOffersShape['items'][number]['state'],
            position: queue.includes(p.id) ? queue.indexOf(p.id) + 1 : null,
            offerExpiresOn: p.offer_expires_on,
            referredAt: iso(p.referred_at),
            referredBy: { id: p.referred_by, name: people.staff.get(p.referred_by) ?? '' },
            source: p.source as 'referral',
            reason: p.reason,
            attended: attended.get(p.id) ?? 0,
            sessionCount: course.session_count,
            startDate: course.start_date,
            endReason: p.end_reason,
            version: p.version,
          };
        }),
    };
  }

  /** The actor's courses as facilitator that are not finished, with today's and the next session (no names of families). */
  async mine(): Promise<MyCoursesShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const today = todayInDenmark();
    const courses = (await loadCourses(trx, actor.municipalityId, { facilitatorId: actor.id })).filter((c) => !c.finished_at);
    const sessions = await loadSessions(trx, courses.map((c) => c.id));
    const counts = await placeCounts(trx, courses);
    const strip = ({ courseId: _, ...s }: (typeof sessions)[number]) => s;
    return {
      today,
      items: courses.map((c) => {
        const own = sessions.filter((s) => s.courseId === c.id);
        const next = own.find((s) => s.date > today);
        return {
          id: c.id,
          name: c.name,
          offerName: c.offer_name,
          place: c.place,
          capacity: c.capacity,
          sessionCount: c.session_count,
          counts: counts.get(c.id) ?? emptyCounts(c),
          todaySessions: own.filter((s) => s.date === today).map(strip),
          nextSession: next ? strip(next) : null,
        };
      }),
    };
  }

  /**
   * Per offer with courses run by the unit: fill rate, median waiting days and
   * completion rate; no child is named, and numbers from fewer than 5 families are withheld.
   */
  async unitStats(unitId: string): Promise<UnitOfferStatsShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const unit = await trx.selectFrom('units').select('id').where('id', '=', unitId).where('municipality_id', '=', actor.municipalityId).executeTakeFirst();
    if (!unit) throw notFound();
    this.work.authorize('read', 'course', { municipalityId: actor.municipalityId, unitIds: [unitId], facilitatorIds: [] } satisfies CourseFacts);
    const courses = await loadCourses(trx, actor.municipalityId, { unitId });
    const offers = (await loadOffers(trx, actor.municipalityId)).filter((o) => courses.some((c) => c.offer_id === o.id));
    const participants = await loadParticipants(trx, { courseIds: courses.map((c) => c.id) });
    this.work.audit({ action: 'read', category: 'course', outcome: 'allowed', detail: { unitOfferStats: unitId } });
    return {
      unitId,
      offers: offers.map((offer) => {
        const own = courses.filter((c) => c.offer_id === offer.id);
        const running = own.filter((c) => !c.finished_at);
        const mine = participants.filter((p) => own.some((c) => c.id === p.course_id));
        const took = mine.filter((p) => ['enrolled', 'completed', 'not_completed', 'dropped_out'].includes(p.state));
        const capacity = running.reduce((sum, c) => sum + c.capacity, 0);
        const enrolledNow = mine.filter((p) => p.state === 'enrolled' && running.some((c) => c.id === p.course_id)).length;
        const finished = took.filter((p) => p.state !== 'enrolled');
        const suppressed = isSmallNumber(took.length);
        const waits = took.filter((p) => p.enrolled_at).map((p) => daysBetween(iso(p.referred_at).slice(0, 10), iso(p.enrolled_at as Date).slice(0, 10)));
        return {
          offerId: offer.id,
          name: offer.name,
          courses: own.length,
          capacity,
          participants: suppressed ? null : took.length,
          suppressed,
          fillRate: suppressed || capacity === 0 ? null : enrolledNow / capacity,
          medianWaitingDays: suppressed ? null : median(waits),
          completionRate: suppressed || finished.length === 0 ? null : finished.filter((p) => p.state === 'completed').length / finished.length,
          waitingNow: suppressed ? null : mine.filter((p) => p.state === 'waiting').length,
        };
      }),
    };
  }
}

const uniq = (values: string[]) => [...new Set(values)];
const emptyCounts = (course: CourseRow): CourseSummaryShape['counts'] => ({ enrolled: 0, offered: 0, waiting: 0, completed: 0, free: course.capacity });
/** ISO weekday (1 = Monday … 7 = Sunday) of a date. */
const isoWeekday = (date: string) => ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
