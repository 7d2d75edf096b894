/**
 * Offers and group courses (issue 7) through HTTP on both engines: the
 * catalogue, courses with certified facilitators and weekly sessions,
 * referral → waiting list → offered place → enrolment, drop-out with a reason
 * (the first in line is offered the place, not the second), concurrent
 * referrals into the last place, attendance and completion (6 of 8 vs 5 of 8),
 * a child's offers, Min dag's courses, the unit's numbers with small-number
 * suppression, who may see what, stale versions and the audit trail.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays } from '../../src/domain';
import { todayInDenmark } from '../../src/server/clock';
import type { Database } from '../../src/server/db/connect';
import { describeEngines, freshDatabase } from '../engines';
import { makeChild, makeStaff, makeUnit, makeWorld, type TestClient } from '../factories';
import { expectJson, expectProblem } from '../http';

interface OfferJson {
  id: string;
  name: string;
  format: string;
  method: string;
  requiredCertification: string | null;
  units: { id: string; name: string }[];
  minSessionsToComplete: number | null;
  runByMyUnit: boolean;
  version: number;
}
interface SessionJson {
  id: string;
  number: number;
  date: string;
  startTime: string;
  durationMinutes: number;
  marks: number;
  version: number;
}
interface ParticipantJson {
  id: string;
  child: { id: string; name: string };
  adults: { id: string; name: string; preferredLanguage: string; interpreterNeeded: boolean }[];
  state: string;
  position: number | null;
  offerExpiresOn: string | null;
  endReason: string | null;
  attended: number;
  referredBy: { id: string; name: string };
  version: number;
}
interface CourseJson {
  id: string;
  name: string;
  capacity: number;
  facilitators: { id: string; name: string }[];
  finished: boolean;
  counts: { enrolled: number; offered: number; waiting: number; completed: number; free: number };
  sessions: SessionJson[];
  roster: ParticipantJson[];
  waiting: ParticipantJson[];
  ended: ParticipantJson[];
  version: number;
}

describeEngines('offers and courses', (engine) => {
  let database: Database;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  let ppr: string;
  let familyCentre: string;
  let facilitatorId: string;
  let uncertifiedId: string;
  let expiredId: string;
  let admin: TestClient;
  let hv: TestClient;
  let facilitator: TestClient;
  let colleague: TestClient;
  let ped: TestClient;
  let cosp: OfferJson;
  let counter = 0;
  const today = todayInDenmark();

  beforeAll(async () => {
    database = await freshDatabase(engine);
    world = await makeWorld(database, { signInRateLimit: 100_000 });
    ppr = await makeUnit(world.db, world.municipality, 'ppr', 'PPR Test');
    familyCentre = await makeUnit(world.db, world.municipality, 'family_centre', 'Familiecentret Test');
    facilitatorId = await makeStaff(world.db, world.municipality, { username: 'facil', profession: 'ppr_psychologist', name: 'Frida Forløbsleder', unitIds: [ppr] });
    uncertifiedId = await makeStaff(world.db, world.municipality, { username: 'uncert', profession: 'ppr_psychologist', name: 'Ulrik Ucertificeret', unitIds: [ppr] });
    expiredId = await makeStaff(world.db, world.municipality, { username: 'expired', profession: 'family_therapist', name: 'Eva Udløbet', unitIds: [familyCentre] });
    await world.db
      .insertInto('certifications')
      .values([
        { id: uuidv7(), staff_id: facilitatorId, kind: 'cosp_facilitator', valid_from: '2022-01-01', valid_until: null },
        { id: uuidv7(), staff_id: expiredId, kind: 'cosp_facilitator', valid_from: '2020-01-01', valid_until: addDays(today, 20) },
        { id: uuidv7(), staff_id: uncertifiedId, kind: 'adbb', valid_from: '2020-01-01', valid_until: null },
      ])
      .execute();
    admin = await world.as('admin');
    hv = await world.as('hv');
    facilitator = await world.as('facil');
    colleague = await world.as('uncert');
    ped = await world.as('ped');
    const created = await admin.post('/api/offers', {
      name: 'Tryghedscirklen (COS-P) – gruppeforløb',
      description: 'Circle of Security Parenting i grupper.',
      ageFromMonths: 6,
      ageToMonths: 72,
      audience: 'universal',
      format: 'group_course',
      method: 'cosp',
      requiredCertification: 'cosp_facilitator',
      unitIds: [ppr, familyCentre],
      minSessionsToComplete: 6,
      defaultCapacity: 6,
      defaultSessionCount: 8,
      defaultSessionMinutes: 90,
    });
    expect(created.status, await created.clone().text()).toBe(201);
    cosp = (await created.json()) as OfferJson;
  });
  afterAll(() => database.close());


  /** A child on the health visitor's caseload with a mother (who may need an interpreter) and a father. */
  async function family(interpreter = false) {
    counter++;
    const childId = await makeChild(world.db, world.municipality, { healthUnitId: world.units.healthUnit, firstName: `Barn${counter}`, lastName: 'Qvistbarn', birthDate: '2025-03-01' });
    const mother = uuidv7();
    const father = uuidv7();
    await world.db
      .insertInto('persons')
      .values([
        { id: mother, municipality_id: world.municipality.id, first_name: `Mor${counter}`, last_name: 'Qvist', preferred_language: interpreter ? 'ar' : 'da', interpreter_needed: interpreter },
        { id: father, municipality_id: world.municipality.id, first_name: `Far${counter}`, last_name: 'Qvist' },
      ])
      .execute();
    await world.db
      .insertInto('relations')
      .values([
        { id: uuidv7(), child_id: childId, adult_id: mother, relation: 'mother', custody: true },
        { id: uuidv7(), child_id: childId, adult_id: father, relation: 'father', custody: false },
      ])
      .execute();
    return { childId, mother, father };
  }

  const newCourse = (body: Record<string, unknown> = {}) =>
    facilitator.post(`/api/offers/${cosp.id}/courses`, { unitId: ppr, place: 'PPR, mødelokale 2', startDate: addDays(today, 7), startTime: '09:30', facilitatorIds: [facilitatorId], ...body });
  const refer = (courseId: string, childId: string, body: Record<string, unknown> = {}) =>
    hv.post(`/api/courses/${courseId}/participants`, { childId, reason: 'Usikker tilknytning', ...body });
  const getCourse = async (id: string, client = facilitator) => expectJson<CourseJson>(await client.get(`/api/courses/${id}`));

  // ---- The catalogue -------------------------------------------------------------------

  it('lists the catalogue for every signed-in staff member; only administrators change it, versioned', async () => {
    const list = await expectJson<{ items: OfferJson[] }>(await hv.get('/api/offers'));
    const found = list.items.find((o) => o.id === cosp.id);
    expect(found).toMatchObject({ format: 'group_course', method: 'cosp', requiredCertification: 'cosp_facilitator', minSessionsToComplete: 6, runByMyUnit: false });
    expect(found?.units.map((u) => u.name).sort()).toEqual(['Familiecentret Test', 'PPR Test']);
    const mine = await expectJson<{ items: OfferJson[] }>(await facilitator.get('/api/offers'));
    expect(mine.items.find((o) => o.id === cosp.id)?.runByMyUnit).toBe(true);
    expect((await world.client().get('/api/offers')).status).toBe(401);

    expect((await hv.post('/api/offers', { name: 'X', audience: 'universal', format: 'drop_in', method: 'open_counselling' })).status).toBe(403);
    const drop = await expectJson<OfferJson>(await admin.post('/api/offers', { name: 'Åben rådgivning test', audience: 'universal', format: 'drop_in', method: 'open_counselling' }), 201);
    const changed = await expectJson<OfferJson>(await admin.patch(`/api/offers/${drop.id}`, { version: drop.version, description: 'Hver tirsdag' }));
    expect(changed.version).toBe(drop.version + 1);
    expect((await expectProblem(await admin.patch(`/api/offers/${drop.id}`, { version: drop.version, name: 'Gammel' }), 409)).code).toBe('conflict.stale_version');
    const bad = await expectProblem(await admin.post('/api/offers', { name: 'Y', audience: 'universal', format: 'talk', method: 'x', ageFromMonths: 12, ageToMonths: 6 }), 400);
    expect(bad.errors?.map((e) => e.field)).toEqual(['ageToMonths']);
  });

  // ---- Courses and certification ---------------------------------------------------------

  it('creates a COS-P course with 8 weekly sessions of 90 minutes by default', async () => {
    const created = await expectJson<CourseJson>(await newCourse({ startDate: '2027-02-01', weekday: 3 }), 201);
    expect(created.capacity).toBe(6);
    expect(created.sessions.map((s) => s.date)).toEqual(['2027-02-03', '2027-02-10', '2027-02-17', '2027-02-24', '2027-03-03', '2027-03-10', '2027-03-17', '2027-03-24']);
    expect(created.sessions.every((s) => s.durationMinutes === 90 && s.startTime === '09:30')).toBe(true);
    expect(created.facilitators).toEqual([{ id: facilitatorId, name: 'Frida Forløbsleder' }]);
    const offer = await expectJson<OfferJson & { courses: { id: string; runByMe: boolean }[] }>(await hv.get(`/api/offers/${cosp.id}`));
    expect(offer.courses.find((c) => c.id === created.id)?.runByMe).toBe(false);
  });

  it('refuses an uncertified facilitator, and one whose certification expires during the course, by name', async () => {
    const uncertified = await expectProblem(await newCourse({ facilitatorIds: [facilitatorId, uncertifiedId] }), 400);
    expect(uncertified.errors).toEqual([
      { field: 'facilitatorIds.1', code: 'not_certified', message: 'Ulrik Ucertificeret har ikke en gyldig certificering til metoden på alle forløbets mødedatoer.' },
    ]);
    // Eva's certification runs out after the third session.
    const eva = await world.as('expired');
    const expired = await expectProblem(
      await eva.post(`/api/offers/${cosp.id}/courses`, { unitId: familyCentre, place: 'Familiecentret', startDate: addDays(today, 1), startTime: '10:00', facilitatorIds: [expiredId] }),
      400,
    );
    expect(expired.errors?.[0]).toMatchObject({ field: 'facilitatorIds.0', code: 'not_certified' });
    expect(expired.errors?.[0].message).toContain('Eva Udløbet');
    // A short course that ends before the expiry is fine.
    await expectJson(await eva.post(`/api/offers/${cosp.id}/courses`, { unitId: familyCentre, place: 'Familiecentret', startDate: addDays(today, 1), startTime: '10:00', sessionCount: 2, facilitatorIds: [expiredId] }), 201);
    // Staff outside the units that run the offer cannot start a course.
    expect((await hv.post(`/api/offers/${cosp.id}/courses`, { unitId: ppr, place: 'X', startDate: today, startTime: '10:00', facilitatorIds: [facilitatorId] })).status).toBe(403);
    // …and a member must pick their own running unit.
    const wrongUnit = await expectProblem(await newCourse({ unitId: familyCentre }), 400);
    expect(wrongUnit.errors?.map((e) => [e.field, e.code])).toEqual([['unitId', 'not_running_unit']]);
  });

  // ---- Capacity and the waiting list -------------------------------------------------------

  it('offers free places, then keeps a waiting list in order; a drop-out (with a reason) offers the place to the first in line, not the second', async () => {
    const c = await expectJson<CourseJson>(await newCourse({ capacity: 2 }), 201);
    const [a, b, w1, w2] = [await family(), await family(true), await family(), await family()];
    const pa = await expectJson<ParticipantJson>(await refer(c.id, a.childId), 201);
    const pb = await expectJson<ParticipantJson>(await refer(c.id, b.childId), 201);
    const q1 = await expectJson<ParticipantJson>(await refer(c.id, w1.childId), 201);
    const q2 = await expectJson<ParticipantJson>(await refer(c.id, w2.childId), 201);
    expect([pa.state, pb.state, q1.state, q2.state]).toEqual(['offered', 'offered', 'waiting', 'waiting']);
    expect(pa.offerExpiresOn).toBe(addDays(today, 7));
    expect([q1.position, q2.position]).toEqual([1, 2]);
    // The parents with custody take part by default; the interpreter need comes from the registry.
    expect(pb.adults).toEqual([{ id: b.mother, name: `Mor${counter - 2} Qvist`, relation: 'mother', preferredLanguage: 'ar', interpreterNeeded: true }]);
    expect((await expectProblem(await refer(c.id, a.childId), 409)).code).toBe('offers.already_participating');

    // Accepting enrols (the facilitator, or the referrer on the family's behalf).
    await expectJson(await facilitator.post(`/api/course-participants/${pa.id}/accept`, { version: pa.version }));
    await expectJson(await hv.post(`/api/course-participants/${pb.id}/accept`, { version: pb.version }));
    expect((await expectProblem(await facilitator.post(`/api/course-participants/${pa.id}/accept`, { version: pa.version }), 409)).code).toBe('offers.not_offered');

    let view = await getCourse(c.id);
    expect(view.counts).toEqual({ enrolled: 2, offered: 0, waiting: 2, completed: 0, free: 0 });
    expect(view.waiting.map((p) => [p.child.id, p.position])).toEqual([
      [w1.childId, 1],
      [w2.childId, 2],
    ]);
    expect(view.roster.find((p) => p.child.id === b.childId)?.adults[0].interpreterNeeded).toBe(true);

    // Dropping out needs a reason.
    const enrolledA = view.roster.find((p) => p.child.id === a.childId) as ParticipantJson;
    const noReason = await expectProblem(await facilitator.post(`/api/course-participants/${enrolledA.id}/drop-out`, { version: enrolledA.version, reason: ' ' }), 400);
    expect(noReason.errors?.map((e) => e.field)).toEqual(['reason']);
    // The referrer cannot record a drop-out; the facilitator can.
    expect((await hv.post(`/api/course-participants/${enrolledA.id}/drop-out`, { version: enrolledA.version, reason: 'Flyttet' })).status).toBe(404);
    await expectJson(await facilitator.post(`/api/course-participants/${enrolledA.id}/drop-out`, { version: enrolledA.version, reason: 'Flyttet fra kommunen' }));

    view = await getCourse(c.id);
    const first = view.roster.find((p) => p.child.id === w1.childId);
    expect(first?.state).toBe('offered');
    expect(view.waiting.map((p) => [p.child.id, p.position])).toEqual([[w2.childId, 1]]);
    expect(view.ended.map((p) => [p.child.id, p.state, p.endReason])).toEqual([[a.childId, 'dropped_out', 'Flyttet fra kommunen']]);

    // Declining the offered place moves it to the next in line.
    await expectJson(await facilitator.post(`/api/course-participants/${first?.id}/decline`, { version: first?.version, reason: 'Passer ikke med arbejde' }));
    view = await getCourse(c.id);
    expect(view.roster.find((p) => p.child.id === w2.childId)?.state).toBe('offered');
    expect(view.waiting).toEqual([]);

    // More capacity offers places too; and a stale version is refused.
    const w3 = await family();
    await expectJson(await refer(c.id, w3.childId), 201);
    const renamed = await expectJson<CourseJson>(await facilitator.patch(`/api/courses/${c.id}`, { version: view.version, place: 'PPR, mødelokale 3' }));
    expect((await expectProblem(await facilitator.patch(`/api/courses/${c.id}`, { version: view.version, capacity: 3 }), 409)).code).toBe('conflict.stale_version');
    const bigger = await expectJson<CourseJson>(await facilitator.patch(`/api/courses/${c.id}`, { version: renamed.version, capacity: 3 }));
    expect(bigger.roster.find((p) => p.child.id === w3.childId)?.state).toBe('offered');
    expect((await expectProblem(await facilitator.patch(`/api/courses/${c.id}`, { version: bigger.version, capacity: 1 }), 400)).errors?.[0]).toMatchObject({ field: 'capacity', code: 'too_small' });
  });

  it('takes a waiting or offered family off the list with a reason (versioned); the queue moves on and the place goes to the next in line', async () => {
    const c = await expectJson<CourseJson>(await newCourse({ capacity: 1 }), 201);
    const [a, w1, w2, w3] = [await family(), await family(), await family(), await family()];
    const pa = await expectJson<ParticipantJson>(await refer(c.id, a.childId), 201);
    const q1 = await expectJson<ParticipantJson>(await refer(c.id, w1.childId), 201);
    await expectJson<ParticipantJson>(await refer(c.id, w2.childId), 201);
    await expectJson<ParticipantJson>(await refer(c.id, w3.childId), 201);
    // Unrelated staff learn nothing; a stale version changes nothing.
    expect([403, 404]).toContain((await ped.post(`/api/course-participants/${q1.id}/decline`, { version: q1.version, reason: 'Ønsker ikke' })).status);
    expect((await expectProblem(await facilitator.post(`/api/course-participants/${q1.id}/decline`, { version: q1.version + 1, reason: 'Ønsker ikke' }), 409)).code).toBe('conflict.stale_version');
    // The first waiting family leaves the list: the others move up, the offered place is untouched.
    const gone = await expectJson<ParticipantJson>(await facilitator.post(`/api/course-participants/${q1.id}/decline`, { version: q1.version, reason: 'Har fået hjælp i PPR' }));
    expect([gone.state, gone.endReason, gone.position]).toEqual(['declined', 'Har fået hjælp i PPR', null]);
    let view = await getCourse(c.id);
    expect(view.roster.map((p) => [p.child.id, p.state])).toEqual([[a.childId, 'offered']]);
    expect(view.waiting.map((p) => [p.child.id, p.position])).toEqual([
      [w2.childId, 1],
      [w3.childId, 2],
    ]);
    expect(view.ended.map((p) => [p.child.id, p.endReason])).toEqual([[w1.childId, 'Har fået hjælp i PPR']]);
    expect((await expectProblem(await facilitator.post(`/api/course-participants/${q1.id}/decline`, { version: gone.version, reason: 'Igen' }), 409)).code).toBe('offers.not_offered');
    // The family offered the place withdraws: the place goes to the first in line.
    await expectJson(await facilitator.post(`/api/course-participants/${pa.id}/decline`, { version: pa.version, reason: 'Passer ikke med arbejde' }));
    view = await getCourse(c.id);
    expect(view.roster.map((p) => [p.child.id, p.state])).toEqual([[w2.childId, 'offered']]);
    expect(view.waiting.map((p) => [p.child.id, p.position])).toEqual([[w3.childId, 1]]);
    // Leaving is audited with the child's id.
    const audit = await world.db.selectFrom('audit_log').select(['action', 'outcome', 'subject_ids']).where('actor_id', '=', facilitatorId).where('category', '=', 'course').execute();
    expect(audit.some((e) => (e.subject_ids ?? []).includes(w1.childId) && e.action === 'update' && e.outcome === 'allowed')).toBe(true);
  });

  it('moves a session (date, time, duration, topic) for those running the course, versioned and validated', async () => {
    const c = await expectJson<CourseJson>(await newCourse(), 201);
    const s = c.sessions[1];
    const moved = await expectJson<CourseJson>(
      await colleague.patch(`/api/course-sessions/${s.id}`, { version: s.version, date: addDays(s.date, 1), startTime: '13:00', durationMinutes: 120, topic: 'Cirklen og behov' }),
    );
    const after = moved.sessions.find((x) => x.id === s.id) as SessionJson & { topic: string | null };
    expect([after.date, after.startTime.slice(0, 5), after.durationMinutes, after.topic, after.version]).toEqual([addDays(s.date, 1), '13:00', 120, 'Cirklen og behov', s.version + 1]);
    expect((await expectProblem(await facilitator.patch(`/api/course-sessions/${s.id}`, { version: s.version, startTime: '10:00' }), 409)).code).toBe('conflict.stale_version');
    const bad = await expectProblem(await facilitator.patch(`/api/course-sessions/${s.id}`, { version: after.version, startTime: '25:00', durationMinutes: 0 }), 400);
    expect(bad.errors?.map((e) => e.field).sort()).toEqual(['durationMinutes', 'startTime']);
    expect([403, 404]).toContain((await ped.patch(`/api/course-sessions/${s.id}`, { version: after.version, topic: 'Nej' })).status);
    expect((await hv.patch(`/api/course-sessions/${s.id}`, { version: after.version, topic: 'Nej' })).status).toBeGreaterThanOrEqual(403);
    expect(((await getCourse(c.id)).sessions.find((x) => x.id === s.id) as SessionJson & { topic: string | null }).topic).toBe('Cirklen og behov');
  });

  it('admits exactly one of three concurrent referrals into the last place (row lock on the course)', async () => {
    const c = await expectJson<CourseJson>(await newCourse({ capacity: 1 }), 201);
    const families = [await family(), await family(), await family()];
    const clients = [hv, await world.as('hv'), await world.as('hv')];
    const responses = await Promise.all(families.map((f, i) => clients[i].post(`/api/courses/${c.id}/participants`, { childId: f.childId })));
    const states: string[] = [];
    for (const response of responses) states.push((await expectJson<ParticipantJson>(response, 201)).state);
    expect(states.sort()).toEqual(['offered', 'waiting', 'waiting']);
    const view = await getCourse(c.id);
    expect(view.counts).toMatchObject({ offered: 1, waiting: 2, free: 0 });
    expect(view.waiting.map((p) => p.position)).toEqual([1, 2]);
  });

  // ---- Attendance and completion -----------------------------------------------------------

  it('records attendance per parent; when the last session is recorded, 6 of 8 completes and 5 of 8 does not', async () => {
    // A course whose eight weekly sessions all lie in the past (the last one today).
    const c = await expectJson<CourseJson>(await newCourse({ startDate: addDays(today, -49), capacity: 3 }), 201);
    expect(c.sessions.at(-1)?.date).toBe(today);
    const six = await family(true);
    const five = await family();
    const ps = [await expectJson<ParticipantJson>(await refer(c.id, six.childId, { adultIds: [six.mother, six.father] }), 201), await expectJson<ParticipantJson>(await refer(c.id, five.childId), 201)];
    for (const p of ps) await expectJson(await facilitator.post(`/api/course-participants/${p.id}/accept`, { version: p.version }));

    // A parent who does not take part cannot be marked.
    const wrong = await expectProblem(await facilitator.request('PUT', `/api/course-sessions/${c.sessions[0].id}/attendance`, { marks: [{ participantId: ps[1].id, adultId: five.father, status: 'present', version: 0 }] }), 400);
    expect(wrong.errors?.map((e) => [e.field, e.code])).toEqual([['marks.0.adultId', 'not_related']]);

    for (const [i, session] of c.sessions.entries()) {
      const sheet = await expectJson<{ rows: { participantId: string; adult: { id: string; interpreterNeeded: boolean } }[] }>(await facilitator.get(`/api/course-sessions/${session.id}/attendance`));
      expect(sheet.rows.length).toBe(3); // two parents of the first family, one of the second
      const marks = [
        // Family "six": only the father comes to sessions 1–6; the mother is there at session 1.
        { participantId: ps[0].id, adultId: six.father, status: i < 6 ? 'present' : 'absent', version: 0 },
        { participantId: ps[0].id, adultId: six.mother, status: i === 0 ? 'present' : 'excused', version: 0 },
        { participantId: ps[1].id, adultId: five.mother, status: i < 5 ? 'present' : 'absent', version: 0 },
      ];
      await expectJson(await facilitator.request('PUT', `/api/course-sessions/${session.id}/attendance`, { marks }));
      if (i < 7) expect((await getCourse(c.id)).finished).toBe(false);
    }
    const done = await getCourse(c.id);
    expect(done.finished).toBe(true);
    expect(done.roster.map((p) => [p.child.id, p.state, p.attended])).toEqual([
      [six.childId, 'completed', 6],
      [five.childId, 'not_completed', 5],
    ]);
    // A correction needs the version of the mark it corrects: one made without reading it is refused and changes nothing.
    const correction = { participantId: ps[1].id, adultId: five.mother, status: 'present' };
    const sessionSeven = `/api/course-sessions/${c.sessions[6].id}/attendance`;
    expect((await expectProblem(await facilitator.request('PUT', sessionSeven, { marks: [{ ...correction, version: 0 }] }), 409)).code).toBe('conflict.stale_version');
    const sheetSeven = await expectJson<{ rows: { adult: { id: string }; status: string; version: number }[] }>(await facilitator.get(sessionSeven));
    const markSeven = sheetSeven.rows.find((r) => r.adult.id === five.mother);
    expect(markSeven).toMatchObject({ status: 'absent', version: 1 });
    // A correction after the end is evaluated again.
    await expectJson(await facilitator.request('PUT', sessionSeven, { marks: [{ ...correction, version: markSeven?.version }] }));
    expect((await getCourse(c.id)).roster.find((p) => p.child.id === five.childId)?.state).toBe('completed');

    // The child's page shows the completed course to whoever sees the child.
    const childOffers = await expectJson<{ items: { state: string; attended: number; sessionCount: number; offerName: string }[] }>(await hv.get(`/api/children/${six.childId}/offers`));
    expect(childOffers.items).toEqual([expect.objectContaining({ state: 'completed', attended: 6, sessionCount: 8, offerName: cosp.name })]);
  });

  it('finishes a course on request, and refuses attendance for a session that has not taken place', async () => {
    const c = await expectJson<CourseJson>(await newCourse({ startDate: addDays(today, -7), capacity: 2 }), 201);
    const f = await family();
    const p = await expectJson<ParticipantJson>(await refer(c.id, f.childId), 201);
    await expectJson(await facilitator.post(`/api/course-participants/${p.id}/accept`, { version: p.version }));
    const future = c.sessions.find((s) => s.date > today) as SessionJson;
    expect((await expectProblem(await facilitator.request('PUT', `/api/course-sessions/${future.id}/attendance`, { marks: [{ participantId: p.id, adultId: f.mother, status: 'present', version: 0 }] }), 409)).code).toBe('offers.session_in_future');
    await expectJson(await facilitator.request('PUT', `/api/course-sessions/${c.sessions[0].id}/attendance`, { marks: [{ participantId: p.id, adultId: f.mother, status: 'present', version: 0 }] }));
    const before = await getCourse(c.id);
    const finished = await expectJson<CourseJson>(await facilitator.post(`/api/courses/${c.id}/finish`, { version: before.version }));
    expect(finished.finished).toBe(true);
    expect(finished.roster.map((x) => [x.state, x.attended])).toEqual([['not_completed', 1]]);
    expect((await expectProblem(await refer(c.id, (await family()).childId), 409)).code).toBe('offers.course_finished');
    expect((await expectProblem(await facilitator.patch(`/api/course-sessions/${c.sessions[0].id}`, { version: c.sessions[0].version, topic: 'For sent' }), 409)).code).toBe('offers.course_finished');
  });

  // ---- The child's page, Min dag, the unit's numbers ------------------------------------------

  it('shows the child’s referrals and waiting places on the child page, and nothing to unrelated staff', async () => {
    const c = await expectJson<CourseJson>(await newCourse({ capacity: 1 }), 201);
    const first = await family();
    const second = await family();
    await expectJson(await refer(c.id, first.childId), 201);
    await expectJson(await refer(c.id, second.childId), 201);
    const offers = await expectJson<{ items: { state: string; position: number | null; referredBy: { name: string }; courseName: string }[] }>(await hv.get(`/api/children/${second.childId}/offers`));
    expect(offers.items).toEqual([expect.objectContaining({ state: 'waiting', position: 1, referredBy: { id: world.staff.visitorId, name: 'Hanne Sundhed' }, courseName: c.name })]);
    // The facilitator is brought into the family's case: they see the child's basic data.
    expect((await facilitator.get(`/api/children/${second.childId}`)).status).toBe(200);
    // Unrelated staff: the pedagogue sees neither the child's offers nor the course.
    expect((await ped.get(`/api/children/${second.childId}/offers`)).status).toBe(404);
    expect((await ped.get(`/api/courses/${c.id}`)).status).toBe(404);
    expect((await ped.get(`/api/course-sessions/${c.sessions[0].id}/attendance`)).status).toBe(404);
    expect((await ped.post(`/api/courses/${c.id}/participants`, { childId: second.childId })).status).toBe(404);
    // The referring health visitor sees their referral on the child page, not the course roster.
    expect((await hv.get(`/api/courses/${c.id}`)).status).toBe(404);
    // A colleague in the running unit sees the roster.
    expect((await getCourse(c.id, colleague)).waiting.length).toBe(1);
  });

  it('lists the facilitator’s courses with today’s sessions for Min dag', async () => {
    const c = await expectJson<CourseJson>(await newCourse({ startDate: today, name: 'Min dag-gruppen' }), 201);
    const mine = await expectJson<{ today: string; items: { id: string; name: string; todaySessions: SessionJson[]; nextSession: SessionJson | null }[] }>(await facilitator.get('/api/my-courses'));
    const item = mine.items.find((i) => i.id === c.id);
    expect(item?.todaySessions.map((s) => s.number)).toEqual([1]);
    expect(item?.nextSession?.date).toBe(addDays(today, 7));
    expect((await expectJson<{ items: unknown[] }>(await hv.get('/api/my-courses'))).items).toEqual([]);
  });

  it('gives the unit fill rate, median waiting days and completion rate, withholding numbers from fewer than 5 families', async () => {
    const unit = await makeUnit(world.db, world.municipality, 'family_centre', 'Familiecentret Tal');
    const certified = await makeStaff(world.db, world.municipality, { username: 'tal', profession: 'family_therapist', unitIds: [unit] });
    await world.db.insertInto('certifications').values({ id: uuidv7(), staff_id: certified, kind: 'cosp_facilitator', valid_from: '2020-01-01', valid_until: null }).execute();
    const offer = await expectJson<OfferJson>(await admin.patch(`/api/offers/${cosp.id}`, { version: (await expectJson<OfferJson>(await hv.get(`/api/offers/${cosp.id}`))).version, unitIds: [ppr, familyCentre, unit] }));
    cosp = offer;
    const tal = await world.as('tal');
    const c = await expectJson<CourseJson>(await tal.post(`/api/offers/${cosp.id}/courses`, { unitId: unit, place: 'Salen', startDate: addDays(today, -49), startTime: '09:00', facilitatorIds: [certified], capacity: 8 }), 201);
    const stats = async () =>
      (await expectJson<{ offers: { offerId: string; participants: number | null; suppressed: boolean; fillRate: number | null; medianWaitingDays: number | null; completionRate: number | null; waitingNow: number | null }[] }>(await tal.get(`/api/units/${unit}/offer-stats`))).offers.find(
        (o) => o.offerId === cosp.id,
      );
    const families = [];
    for (let i = 0; i < 4; i++) families.push(await family());
    const ps: ParticipantJson[] = [];
    for (const f of families) ps.push(await expectJson<ParticipantJson>(await refer(c.id, f.childId), 201));
    for (const p of ps) await expectJson(await tal.post(`/api/course-participants/${p.id}/accept`, { version: p.version }));
    expect(await stats()).toMatchObject({ suppressed: true, participants: null, fillRate: null, completionRate: null, medianWaitingDays: null });

    const fifth = await family();
    const p5 = await expectJson<ParticipantJson>(await refer(c.id, fifth.childId), 201);
    await expectJson(await tal.post(`/api/course-participants/${p5.id}/accept`, { version: p5.version }));
    expect(await stats()).toMatchObject({ suppressed: false, participants: 5, fillRate: 5 / 8, medianWaitingDays: 0, completionRate: null, waitingNow: 0 });
    // One drops out; at the end 3 of the 4 remaining attended enough.
    const view = await getCourse(c.id, tal);
    const dropping = view.roster[4];
    await expectJson(await tal.post(`/api/course-participants/${dropping.id}/drop-out`, { version: dropping.version, reason: 'Sygdom' }));
    const all = [...families.slice(0, 4)];
    for (const [i, session] of c.sessions.entries()) {
      const marks = all.map((f, k) => ({ participantId: ps[k].id, adultId: f.mother, status: k < 3 || i < 2 ? 'present' : 'absent', version: 0 }));
      await expectJson(await tal.request('PUT', `/api/course-sessions/${session.id}/attendance`, { marks }));
    }
    expect(await stats()).toMatchObject({ suppressed: false, participants: 5, completionRate: 3 / 5, fillRate: null });
    // Only the unit's members get its numbers.
    expect((await facilitator.get(`/api/units/${unit}/offer-stats`)).status).toBe(403);
    expect((await ped.get(`/api/units/${unit}/offer-stats`)).status).toBe(403);
    const body = await (await tal.get(`/api/units/${unit}/offer-stats`)).text();
    expect(body).not.toContain('Qvist');
  });

  // ---- Audit -------------------------------------------------------------------------------

  it('audits referrals, roster reads and attendance with the children’s ids, and refusals', async () => {
    const c = await expectJson<CourseJson>(await newCourse({ capacity: 2 }), 201);
    const f = await family();
    await expectJson(await refer(c.id, f.childId), 201);
    await getCourse(c.id);
    await ped.get(`/api/courses/${c.id}`);
    const rows = await world.db.selectFrom('audit_log').select(['action', 'category', 'outcome', 'subject_ids', 'actor_id']).where('category', '=', 'course').execute();
    const about = rows.filter((r) => (r.subject_ids ?? []).includes(f.childId));
    expect(about.some((r) => r.action === 'create' && r.actor_id === world.staff.visitorId && r.outcome === 'allowed')).toBe(true);
    expect(about.some((r) => r.action === 'read' && r.actor_id === facilitatorId)).toBe(true);
    expect(rows.some((r) => r.outcome === 'denied' && r.actor_id === world.staff.pedagogueId)).toBe(true);
  });

});
