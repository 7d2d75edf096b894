/**
 * Cross-professional meetings through HTTP on both engines (domain.md §5.1,
 * §6.3; rules C4, G1–G3): the SSD rule (one meeting, one special-case
 * follow-up, never a third; only the listed kinds of staff), who sees a
 * meeting, the Signs of Safety map (every danger statement with exactly one
 * goal; stale versions), ratings across follow-ups, next steps on the owner's
 * list, minutes that lock on approval and corrections that keep the earlier
 * version, and the audit trail.
 */
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays } from '../../src/domain';
import { todayInDenmark } from '../../src/server/clock';
import type { Database } from '../../src/server/db/connect';
import { describeEngines, freshDatabase } from '../engines';
import { makeChild, makeStaff, makeUnit, makeWorld, type TestClient } from '../factories';
import { expectJson, expectProblem } from '../http';

interface ParticipantJson {
  id: string;
  kind: 'staff' | 'parent' | 'network';
  name: string;
  staffId: string | null;
  adultId: string | null;
  rating: number | null;
  attended: boolean | null;
  relation: string | null;
  version: number;
}
interface MinutesJson {
  id: string;
  revision: number;
  text: string;
  status: 'draft' | 'approved';
  approvedBy: { id: string; name: string } | null;
  version: number;
}
interface ActionJson {
  id: string;
  description: string;
  owner: { participantId: string; name: string; staffId: string | null };
  dueOn: string;
  status: 'open' | 'done';
  overdue: boolean;
  version: number;
}
interface MapJson {
  harm: string[];
  dangers: { statement: string; goal: string }[];
  strengths: string[];
  childPerspective: string | null;
  version: number;
}
interface MeetingJson {
  id: string;
  kind: string;
  facilitatorUnit: { id: string; name: string };
  child: { id: string; name: string };
  legalBasis: 'consent' | 'ssd';
  myRole: string;
  mayEdit: boolean;
  mayFacilitate: boolean;
  consent: { givenBy: { id: string; name: string }; givenOn: string; form: string } | null;
  ssd: { ordinal: number; specialReason: string | null } | null;
  scaleAnchorLow: string;
  scaleAnchorHigh: string;
  participants: ParticipantJson[];
  map: MapJson;
  actions: ActionJson[];
  minutes: MinutesJson | null;
  minutesHistory: MinutesJson[];
  ratingsOverTime: { meetings: { meetingId: string; heldOn: string }[]; series: { key: string; name: string; ratings: (number | null)[] }[] };
  version: number;
  closedAt: string | null;
  closedBy: { id: string; name: string } | null;
  mayClose: boolean;
  mayCompleteActions: boolean;
  removedParticipants: (ParticipantJson & { removedAt: string | null })[];
}

describeEngines('cross-professional meetings', (engine) => {
  let database: Database;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  let familyCentre: string;
  let swId: string;
  let farId: string;
  let counter = 0;
  let sw: TestClient;
  let ped: TestClient;
  let hv: TestClient;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    world = await makeWorld(database, { signInRateLimit: 100_000 });
    familyCentre = await makeUnit(world.db, world.municipality, 'family_centre', 'Familiecentret Test');
    swId = await makeStaff(world.db, world.municipality, { username: 'sw', profession: 'social_worker', name: 'Sara Social', unitIds: [familyCentre] });
    await makeStaff(world.db, world.municipality, { username: 'sw2', profession: 'social_worker', name: 'Søren Kollega', unitIds: [familyCentre] });
    const farNursery = await makeUnit(world.db, world.municipality, 'nursery', 'Vuggestuen Fjern');
    farId = await makeStaff(world.db, world.municipality, { username: 'far', profession: 'pedagogue', name: 'Frida Fjern', unitIds: [farNursery] });
    sw = await world.as('sw');
    ped = await world.as('ped');
    hv = await world.as('hv');
  });
  afterAll(() => database.close());


  /** A child in the test nursery on the test health unit, with two custody-holding parents; the social worker is brought in as by a sparring request. */
  async function family() {
    counter++;
    const childId = await makeChild(world.db, world.municipality, { healthUnitId: world.units.healthUnit, enrolledUnitIds: [world.units.nursery], firstName: `Møde${counter}`, lastName: 'Barn', birthDate: '2025-03-01' });
    const parents: string[] = [];
    for (const [first, relation] of [
      ['Mette', 'mother'],
      ['Mads', 'father'],
    ] as const) {
      const adult = uuidv7();
      await world.db.insertInto('persons').values({ id: adult, municipality_id: world.municipality.id, first_name: first, last_name: `Forælder${counter}` }).execute();
      await world.db.insertInto('relations').values({ id: uuidv7(), child_id: childId, adult_id: adult, relation, custody: true }).execute();
      parents.push(adult);
    }
    await world.db
      .insertInto('child_involvements')
      .values({ id: uuidv7(), child_id: childId, staff_id: swId, source: 'sparring', source_id: uuidv7(), created_by: swId })
      .execute();
    return { childId, parents };
  }

  const consentBody = (childId: string, parents: string[], extra: Record<string, unknown> = {}) => ({
    childId,
    heldOn: todayInDenmark(),
    startTime: '09:30',
    place: 'Vuggestuen Test, personalerummet',
    legalBasis: 'consent',
    consent: { givenBy: parents[0], givenOn: todayInDenmark(), form: 'written' },
    participants: { staff: [{ staffId: world.staff.pedagogueId }, { staffId: world.staff.visitorId }], parents, network: [{ name: 'Mormor Inge', relation: 'Mormor' }] },
    ...extra,
  });
  const ssdBody = (childId: string, extra: Record<string, unknown> = {}) => ({
    childId,
    heldOn: todayInDenmark(),
    place: 'Familiecentret',
    legalBasis: 'ssd',
    participants: { staff: [{ staffId: world.staff.pedagogueId }] },
    ...extra,
  });
  const create = async (body: Record<string, unknown>, client = sw) => expectJson<MeetingJson>(await client.post('/api/meetings', body), 201);
  const participant = (meeting: MeetingJson, name: string) => meeting.participants.find((p) => p.name.startsWith(name)) as ParticipantJson;

  it('sets up a meeting with consent: facilitator, staff, both parents and the network; anchors stored; participants brought into the case', async () => {
    const { childId, parents } = await family();
    const meeting = await create(consentBody(childId, parents));
    expect(meeting).toMatchObject({ legalBasis: 'consent', myRole: 'facilitator', mayEdit: true, mayFacilitate: true, ssd: null });
    expect(meeting.consent).toMatchObject({ givenBy: { id: parents[0], name: `Mette Forælder${counter}` }, form: 'written' });
    expect(meeting.participants.map((p) => [p.kind, p.name])).toEqual([
      ['staff', 'Sara Social'],
      ['staff', 'Pia Pædagog'],
      ['staff', 'Hanne Sundhed'],
      ['parent', `Mette Forælder${counter}`],
      ['parent', `Mads Forælder${counter}`],
      ['network', 'Mormor Inge'],
    ]);
    expect(meeting.scaleAnchorLow).toBe('Barnet er ikke sikkert nok til at blive hjemme nu.');
    expect(meeting.scaleAnchorHigh).toBe('Alle ved, at barnet er sikkert nok til, at sagen kan lukkes.');
    const involved = await world.db.selectFrom('child_involvements').select('staff_id').where('source', '=', 'meeting').where('source_id', '=', meeting.id).execute();
    expect(involved.map((r) => r.staff_id).sort()).toEqual([swId, world.staff.pedagogueId, world.staff.visitorId].sort());

    // Consent must come from a custody holder; a stranger's id is refused field by field.
    const stranger = await expectProblem(await sw.post('/api/meetings', consentBody(childId, parents, { consent: { givenBy: uuidv7(), givenOn: todayInDenmark(), form: 'oral' } })), 400);
    expect(stranger.errors).toEqual([{ field: 'consent.givenBy', code: 'not_custody_holder', message: 'Samtykket skal gives af en forælder med forældremyndighed over barnet.' }]);
    const missing = await expectProblem(await sw.post('/api/meetings', { ...consentBody(childId, parents), consent: undefined }), 400);
    expect(missing.errors?.map((e) => [e.field, e.code])).toEqual([['consent', 'required']]);
    // Only a social worker sets up a cross-professional meeting; a child nobody showed them is not found.
    expect((await ped.post('/api/meetings', consentBody(childId, parents))).status).toBe(403);
    const far = await world.as('far');
    expect((await far.post('/api/meetings', consentBody(childId, parents))).status).toBe(404);
  });

  it('a pedagogue holds an extra meeting with the parents in the daycare the child attends, and facilitates it', async () => {
    const { childId, parents } = await family();
    const meeting = await create(consentBody(childId, parents, { kind: 'daycare_parents', participants: { parents } }), ped);
    expect(meeting).toMatchObject({ kind: 'daycare_parents', myRole: 'facilitator', facilitatorUnit: { id: world.units.nursery } });
    expect(meeting.participants.map((p) => p.kind)).toEqual(['staff', 'parent', 'parent']);
    // Another nursery's pedagogue cannot hold one about a child who does not attend there.
    const far = await world.as('far');
    expect((await far.post('/api/meetings', consentBody(childId, parents, { kind: 'daycare_parents' }))).status).toBe(404);
    // The social worker's unit is not a daycare: no extra parent meeting from there.
    expect((await sw.post('/api/meetings', consentBody(childId, parents, { kind: 'daycare_parents' }))).status).toBe(403);
  });

  it('C4: without consent one meeting, a follow-up only as a special case with a reason, and never a third', async () => {
    const { childId, parents } = await family();
    const first = await create(ssdBody(childId));
    expect(first.ssd).toEqual({ ordinal: 1, specialReason: null });
    const plain = await expectProblem(await sw.post('/api/meetings', ssdBody(childId, { followsMeetingId: first.id })), 422);
    expect(plain.code).toBe('meetings.ssd_follow_up_needs_special_case');
    const noReason = await expectProblem(await sw.post('/api/meetings', ssdBody(childId, { ssdSpecialCase: true })), 422);
    expect(noReason.code).toBe('meetings.ssd_follow_up_needs_special_case');
    const second = await create(ssdBody(childId, { followsMeetingId: first.id, ssdSpecialCase: true, ssdSpecialReason: 'Aftalerne fra første møde skal følges op.' }));
    expect(second.ssd).toEqual({ ordinal: 2, specialReason: 'Aftalerne fra første møde skal følges op.' });
    const third = await expectProblem(await sw.post('/api/meetings', ssdBody(childId, { ssdSpecialCase: true, ssdSpecialReason: 'Igen' })), 422);
    expect(third.code).toBe('meetings.ssd_limit_reached');
    expect(third.status).toBe(422);
    // With the parents' consent a further meeting is fine.
    await create(consentBody(childId, parents, { followsMeetingId: second.id }));
    expect(await world.db.selectFrom('meetings').select('id').where('child_id', '=', childId).where('legal_basis', '=', 'ssd').execute()).toHaveLength(2);
  });

  it('C4: under SSD only staff of the listed kinds take part, also when added later; consent covers them', async () => {
    const { childId, parents } = await family();
    const analystUnit = await makeUnit(world.db, world.municipality, 'social_services', `Børn og Familie ${counter}`);
    const analystId = await makeStaff(world.db, world.municipality, { username: `analytiker${counter}`, profession: 'analyst', name: 'Anders Analytiker', unitIds: [analystUnit] });
    const teacherUnit = await makeUnit(world.db, world.municipality, 'school', `Skolen ${counter}`);
    const teacherId = await makeStaff(world.db, world.municipality, { username: `laerer${counter}`, profession: 'teacher', name: 'Lise Lærer', unitIds: [teacherUnit] });

    const refusedAtStart = await expectProblem(await sw.post('/api/meetings', ssdBody(childId, { participants: { staff: [{ staffId: world.staff.pedagogueId }, { staffId: analystId }] } })), 422);
    expect(refusedAtStart.code).toBe('meetings.ssd_participant_not_allowed');
    expect(refusedAtStart.errors?.map((e) => [e.field, e.code])).toEqual([['participants.staff.1.staffId', 'ssd_not_allowed']]);

    const meeting = await create(ssdBody(childId));
    const later = await expectProblem(await sw.post(`/api/meetings/${meeting.id}/participants`, { staff: [{ staffId: analystId }] }), 422);
    expect(later.errors?.map((e) => [e.field, e.code])).toEqual([['staff.0.staffId', 'ssd_not_allowed']]);
    const analyst = await world.as(`analytiker${counter}`);
    expect((await analyst.get(`/api/meetings/${meeting.id}`)).status).toBe(404);
    // A teacher (school: a listed kind) may be added later, and then sees the meeting.
    const added = await expectJson<MeetingJson>(await sw.post(`/api/meetings/${meeting.id}/participants`, { staff: [{ staffId: teacherId }] }));
    expect(added.participants.map((p) => p.name)).toContain('Lise Lærer');
    expect((await expectJson<MeetingJson>(await (await world.as(`laerer${counter}`)).get(`/api/meetings/${meeting.id}`))).myRole).toBe('participant');

    // Under consent the same analyst is covered by the parents' consent.
    const withConsent = await create(consentBody(childId, parents));
    await expectJson(await sw.post(`/api/meetings/${withConsent.id}/participants`, { staff: [{ staffId: analystId }] }));
    expect((await analyst.get(`/api/meetings/${withConsent.id}`)).status).toBe(200);
    // Only the facilitator invites.
    expect((await ped.post(`/api/meetings/${withConsent.id}/participants`, { network: [{ name: 'Nabo', relation: 'Nabo' }] })).status).toBe(403);
  });

  it('shows the meeting to its participants and the facilitator’s unit, and to nobody else', async () => {
    const { childId, parents } = await family();
    const meeting = await create(consentBody(childId, parents));
    expect((await expectJson<MeetingJson>(await ped.get(`/api/meetings/${meeting.id}`))).myRole).toBe('participant');
    expect((await expectJson<MeetingJson>(await hv.get(`/api/meetings/${meeting.id}`))).mayFacilitate).toBe(false);
    const colleague = await world.as('sw2');
    const seen = await expectJson<MeetingJson>(await colleague.get(`/api/meetings/${meeting.id}`));
    expect(seen).toMatchObject({ myRole: 'unit', mayEdit: false, mayFacilitate: false });
    // The colleague reads but does not co-author.
    expect((await colleague.request('PUT', `/api/meetings/${meeting.id}/map`, { version: 1, strengths: ['x'] })).status).toBe(403);
    const far = await world.as('far');
    const hidden = await expectProblem(await far.get(`/api/meetings/${meeting.id}`), 404);
    expect(JSON.stringify(hidden)).not.toContain('Barn');
    expect((await far.get(`/api/children/${childId}/meetings`)).status).toBe(404);
    expect((await expectJson<{ items: unknown[] }>(await far.get('/api/meetings'))).items).toEqual([]);
    // Lists: mine and the child's.
    const mine = await expectJson<{ items: { id: string; myRole: string }[] }>(await ped.get('/api/meetings'));
    expect(mine.items.find((m) => m.id === meeting.id)?.myRole).toBe('participant');
    const forChild = await expectJson<{ items: { id: string }[] }>(await hv.get(`/api/children/${childId}/meetings`));
    expect(forChild.items.map((m) => m.id)).toEqual([meeting.id]);
    expect((await expectJson<{ items: { id: string }[] }>(await colleague.get('/api/meetings'))).items.map((m) => m.id)).toContain(meeting.id);
  });

  it('G1: a danger statement without a goal (or a goal without a statement) is refused field by field; a stale map version gets 409', async () => {
    const { childId, parents } = await family();
    const meeting = await create(consentBody(childId, parents));
    const map = (client: TestClient, body: Record<string, unknown>) => client.request('PUT', `/api/meetings/${meeting.id}/map`, body);
    const refused = await expectProblem(
      await map(sw, {
        version: 1,
        dangers: [
          { statement: 'Pædagogerne er bekymrede for, at Møde bliver hentet af en voksen, der har drukket.', goal: 'Møde hentes altid af en ædru voksen.' },
          { statement: 'Sundhedsplejersken er bekymret for søvnen.', goal: '' },
          { statement: '', goal: 'Et mål uden udsagn' },
        ],
      }),
      400,
    );
    expect(refused.errors).toEqual([
      { field: 'dangers.1.goal', code: 'goal_missing', message: 'Skriv et mål til bekymringsudsagnet. Hvert bekymringsudsagn skal have præcis ét mål.' },
      { field: 'dangers.2.statement', code: 'statement_missing', message: 'Skriv bekymringsudsagnet, som målet hører til.' },
    ]);
    const saved = await expectJson<MapJson>(
      await map(ped, {
        version: 1,
        harm: [],
        dangers: [{ statement: 'Vi er bekymrede for, at Møde ikke får sovet nok.', goal: 'Møde sover 11 timer hver nat i tre måneder.' }],
        complicating: ['Familien har lige fået en lillebror.'],
        strengths: ['Mor og far kommer til alle aftaler.'],
        existingSafety: ['Mormor henter om torsdagen.'],
        childPerspective: 'Møde siger, at det er rart hos mormor.',
      }),
    );
    expect(saved).toMatchObject({ version: 2, strengths: ['Mor og far kommer til alle aftaler.'], childPerspective: 'Møde siger, at det er rart hos mormor.' });
    // Someone else still holding version 1 does not overwrite.
    const stale = await expectProblem(await map(hv, { version: 1, strengths: ['Overskriver'] }), 409);
    expect(stale.code).toBe('conflict.stale_version');
    const reread = await expectJson<MeetingJson>(await hv.get(`/api/meetings/${meeting.id}`));
    expect(reread.map.strengths).toEqual(['Mor og far kommer til alle aftaler.']);
  });

  it('G1/G3: one 0–10 rating per participant, parents included; follow-ups show each participant’s ratings over time', async () => {
    const { childId, parents } = await family();
    const first = await create(consentBody(childId, parents, { heldOn: addDays(todayInDenmark(), -30) }));
    const rate = async (meeting: MeetingJson, name: string, rating: number) => {
      const p = participant(meeting, name);
      return expectJson<ParticipantJson>(await sw.patch(`/api/meetings/${meeting.id}/participants/${p.id}`, { version: p.version, rating, attended: true }));
    };
    await rate(first, 'Mette', 3);
    await rate(first, 'Pia', 4);
    const tooHigh = await expectProblem(await sw.patch(`/api/meetings/${first.id}/participants/${participant(first, 'Mads').id}`, { version: 1, rating: 11 }), 400);
    expect(tooHigh.errors?.map((e) => [e.field, e.code])).toEqual([['rating', 'too_big']]);
    const half = await expectProblem(await sw.patch(`/api/meetings/${first.id}/participants/${participant(first, 'Mads').id}`, { version: 1, rating: 5.5 }), 400);
    expect(half.errors?.[0].field).toBe('rating');
    const staleRating = await expectProblem(await sw.patch(`/api/meetings/${first.id}/participants/${participant(first, 'Mette').id}`, { version: 1, rating: 9 }), 409);
    expect(staleRating.code).toBe('conflict.stale_version');

    const followUp = await create(consentBody(childId, parents, { followsMeetingId: first.id }));
    await rate(followUp, 'Mette', 6);
    await rate(followUp, 'Pia', 7);
    await rate(followUp, 'Hanne', 5);
    const seen = await expectJson<MeetingJson>(await ped.get(`/api/meetings/${followUp.id}`));
    expect(seen.ratingsOverTime.meetings.map((m) => m.meetingId)).toEqual([first.id, followUp.id]);
    expect(seen.ratingsOverTime.series.map((s) => [s.name, s.ratings])).toEqual([
      ['Pia Pædagog', [4, 7]],
      ['Hanne Sundhed', [null, 5]],
      [`Mette Forælder${counter}`, [3, 6]],
    ]);
    // A follow-up must be about the same child.
    const other = await family();
    const wrong = await expectProblem(await sw.post('/api/meetings', consentBody(other.childId, other.parents, { followsMeetingId: first.id })), 400);
    expect(wrong.errors?.map((e) => e.field)).toEqual(['followsMeetingId']);
  });

  it('next steps reach their owner’s list (overdue flagged), not anyone else’s, and leave it when done', async () => {
    const { childId, parents } = await family();
    const meeting = await create(consentBody(childId, parents));
    const pia = participant(meeting, 'Pia');
    const mette = participant(meeting, 'Mette');
    const overdue = await expectJson<ActionJson>(await sw.post(`/api/meetings/${meeting.id}/actions`, { description: 'Tal med forældrene om søvn', ownerParticipantId: pia.id, dueOn: addDays(todayInDenmark(), -2) }), 201);
    expect(overdue).toMatchObject({ status: 'open', overdue: true, owner: { participantId: pia.id, name: 'Pia Pædagog', staffId: world.staff.pedagogueId } });
    const soon = await expectJson<ActionJson>(await hv.post(`/api/meetings/${meeting.id}/actions`, { description: 'Send referat til PPR', ownerParticipantId: pia.id, dueOn: addDays(todayInDenmark(), 7) }), 201);
    expect(soon.overdue).toBe(false);
    await expectJson(await sw.post(`/api/meetings/${meeting.id}/actions`, { description: 'Mor laver en sovedagbog', ownerParticipantId: mette.id, dueOn: addDays(todayInDenmark(), 14) }), 201);
    const notParticipant = await expectProblem(await sw.post(`/api/meetings/${meeting.id}/actions`, { description: 'x', ownerParticipantId: uuidv7(), dueOn: todayInDenmark() }), 400);
    expect(notParticipant.errors?.map((e) => e.field)).toEqual(['ownerParticipantId']);

    const mine = await expectJson<{ items: (ActionJson & { child: { id: string } })[] }>(await ped.get('/api/my-meeting-actions'));
    const ours = mine.items.filter((a) => a.child.id === childId);
    expect(ours.map((a) => [a.description, a.overdue])).toEqual([
      ['Tal med forældrene om søvn', true],
      ['Send referat til PPR', false],
    ]);
    const hvList = await expectJson<{ items: ActionJson[] }>(await hv.get('/api/my-meeting-actions'));
    expect(hvList.items.filter((a) => a.id === overdue.id || a.id === soon.id)).toEqual([]);
    const far = await expectJson<{ items: ActionJson[] }>(await (await world.as('far')).get('/api/my-meeting-actions'));
    expect(far.items).toEqual([]);

    const done = await expectJson<ActionJson>(await ped.patch(`/api/meeting-actions/${overdue.id}`, { version: overdue.version, status: 'done' }));
    expect(done).toMatchObject({ status: 'done', overdue: false });
    expect((await ped.patch(`/api/meeting-actions/${overdue.id}`, { version: overdue.version, status: 'open' })).status).toBe(409);
    const after = await expectJson<{ items: ActionJson[] }>(await ped.get('/api/my-meeting-actions'));
    expect(after.items.map((a) => a.id)).not.toContain(overdue.id);
    expect((await (await world.as('far')).patch(`/api/meeting-actions/${soon.id}`, { version: 1, status: 'done' })).status).toBe(404);
  });

  it('minutes: drafts are edited, approval by the facilitator locks them, a correction is a new version with the earlier one kept', async () => {
    const { childId, parents } = await family();
    const meeting = await create(consentBody(childId, parents));
    const put = (client: TestClient, body: Record<string, unknown>) => client.request('PUT', `/api/meetings/${meeting.id}/minutes`, body);
    const draft = await expectJson<MinutesJson>(await put(ped, { version: 0, text: 'Referat: vi talte om søvn.' }));
    expect(draft).toMatchObject({ revision: 1, status: 'draft', version: 1 });
    const edited = await expectJson<MinutesJson>(await put(sw, { version: 1, text: 'Referat: vi talte om søvn og aftalte næste skridt.' }));
    expect(edited.version).toBe(2);
    expect((await put(hv, { version: 1, text: 'Gammel' })).status).toBe(409);
    expect((await ped.post(`/api/meetings/${meeting.id}/minutes/approve`, { version: 2 })).status).toBe(403);
    const approved = await expectJson<MinutesJson>(await sw.post(`/api/meetings/${meeting.id}/minutes/approve`, { version: 2 }));
    expect(approved).toMatchObject({ status: 'approved', approvedBy: { id: swId, name: 'Sara Social' } });

    const locked = await expectProblem(await put(sw, { version: approved.version, text: 'Ændret efter godkendelse' }), 409);
    expect(locked.code).toBe('meetings.minutes_locked');
    expect((await expectProblem(await sw.post(`/api/meetings/${meeting.id}/minutes/approve`, { version: approved.version }), 409)).code).toBe('meetings.minutes_locked');

    const correction = await expectJson<MinutesJson>(await sw.post(`/api/meetings/${meeting.id}/minutes/correct`, { version: approved.version }), 201);
    expect(correction).toMatchObject({ revision: 2, status: 'draft', text: 'Referat: vi talte om søvn og aftalte næste skridt.' });
    await expectJson(await put(ped, { version: correction.version, text: 'Rettet referat.' }));
    const view = await expectJson<MeetingJson>(await hv.get(`/api/meetings/${meeting.id}`));
    expect(view.minutes).toMatchObject({ revision: 2, text: 'Rettet referat.', status: 'draft' });
    expect(view.minutesHistory.map((m) => [m.revision, m.status, m.text])).toEqual([[1, 'approved', 'Referat: vi talte om søvn og aftalte næste skridt.']]);
    const notApproved = await expectProblem(await sw.post(`/api/meetings/${meeting.id}/minutes/correct`, { version: 2 }), 409);
    expect(notApproved.code).toBe('meetings.minutes_not_approved');

    // The parents' plain-language summary (facilitator), with the meeting's version.
    const withSummary = await expectJson<MeetingJson>(await sw.patch(`/api/meetings/${meeting.id}`, { version: meeting.version, parentSummary: 'Vi mødtes for at tale om Mødes søvn.' }));
    expect(withSummary.version).toBe(meeting.version + 1);
    expect((await sw.patch(`/api/meetings/${meeting.id}`, { version: meeting.version, place: 'Andet sted' })).status).toBe(409);
    expect((await ped.patch(`/api/meetings/${meeting.id}`, { version: withSummary.version, place: 'Andet sted' })).status).toBe(403);
  });

  it('audits reads, writes and refusals as `meeting` with the child’s id, without the content', async () => {
    const { childId, parents } = await family();
    const meeting = await create(consentBody(childId, parents));
    await expectJson(await ped.get(`/api/meetings/${meeting.id}`));
    await expectJson(await ped.request('PUT', `/api/meetings/${meeting.id}/map`, { version: 1, strengths: ['Hemmelig-styrke-qz'] }));
    await (await world.as('far')).get(`/api/meetings/${meeting.id}`);
    const rows = await world.db
      .selectFrom('audit_log')
      .select(['action', 'category', 'outcome', 'actor_id', 'subject_ids', 'detail'])
      .where(sql<boolean>`${childId}::uuid = any(subject_ids)`)
      .where('category', '=', 'meeting')
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.action, r.outcome])).toEqual([
      ['create', 'allowed'],
      ['read', 'allowed'],
      ['update', 'allowed'],
      ['read', 'denied'],
    ]);
    expect(rows[0].subject_ids).toEqual(expect.arrayContaining([childId, ...parents]));
    expect(rows[1].actor_id).toBe(world.staff.pedagogueId);
    expect(JSON.stringify(rows)).not.toContain('qz');
  });

  /** A consent meeting that also invites Frida, who sees the child only through the meeting. */
  const withFrida = (childId: string, parents: string[]) =>
    consentBody(childId, parents, {
      participants: { staff: [{ staffId: world.staff.pedagogueId }, { staffId: farId }], parents, network: [{ name: 'Mormor Inge', relation: 'Mormor' }, { name: 'Nabo Ole', relation: 'Nabo' }] },
    });
  const openInvolvement = async (meetingId: string, staffId: string) =>
    (await world.db.selectFrom('child_involvements').select('id').where('source', '=', 'meeting').where('source_id', '=', meetingId).where('staff_id', '=', staffId).where('ended_at', 'is', null).execute()).length;

  it('closing: only after approved minutes; the participants’ involvement ends, the meeting stays visible and read-only; open next steps can still be done', async () => {
    const { childId, parents } = await family();
    const meeting = await create(withFrida(childId, parents));
    expect(meeting).toMatchObject({ closedAt: null, closedBy: null, mayClose: true });
    const far = await world.as('far');
    expect((await far.get(`/api/children/${childId}`)).status).toBe(200);
    const frida = participant(meeting, 'Frida');
    const step = await expectJson<ActionJson>(await sw.post(`/api/meetings/${meeting.id}/actions`, { description: 'Frida følger op med mor', ownerParticipantId: frida.id, dueOn: addDays(todayInDenmark(), 7) }), 201);
    // A follow-up that is still open keeps its own participants (Sara, Pia) involved.
    const followUp = await create(consentBody(childId, parents, { followsMeetingId: meeting.id, participants: { staff: [{ staffId: world.staff.pedagogueId }] } }));

    const close = (client: TestClient, version: number) => client.post(`/api/meetings/${meeting.id}/close`, { version });
    expect((await expectProblem(await close(sw, meeting.version), 409)).code).toBe('meetings.close_needs_approved_minutes');
    const draft = await expectJson<MinutesJson>(await sw.request('PUT', `/api/meetings/${meeting.id}/minutes`, { version: 0, text: 'Referat.' }));
    const notYet = await expectProblem(await close(sw, meeting.version), 409);
    expect(notYet.code).toBe('meetings.close_needs_approved_minutes');
    expect(notYet.title).toBe('Mødet kan først afsluttes, når referatet er godkendt.');
    await expectJson(await sw.post(`/api/meetings/${meeting.id}/minutes/approve`, { version: draft.version }));
    expect((await close(ped, meeting.version)).status).toBe(403);
    expect((await expectProblem(await close(sw, meeting.version + 5), 409)).code).toBe('conflict.stale_version');
    const closed = await expectJson<MeetingJson>(await close(sw, meeting.version));
    expect(closed).toMatchObject({ closedBy: { id: swId, name: 'Sara Social' }, mayEdit: false, mayFacilitate: false, mayClose: false, mayCompleteActions: true, version: meeting.version + 1 });
    expect(closed.closedAt).toEqual(expect.any(String));
    expect((await expectProblem(await close(sw, closed.version), 409)).code).toBe('meetings.closed');

    // Frida no longer sees the child's page, but still sees the meeting she took part in.
    expect((await far.get(`/api/children/${childId}`)).status).toBe(404);
    const seen = await expectJson<MeetingJson>(await far.get(`/api/meetings/${meeting.id}`));
    expect(seen).toMatchObject({ myRole: 'participant', mayEdit: false, closedAt: closed.closedAt });
    expect((await expectJson<{ items: { id: string; closedAt: string | null }[] }>(await far.get('/api/meetings'))).items.find((m) => m.id === meeting.id)?.closedAt).toBe(closed.closedAt);
    expect((await expectJson<MeetingJson>(await (await world.as('sw2')).get(`/api/meetings/${meeting.id}`))).myRole).toBe('unit');
    expect(await openInvolvement(meeting.id, farId)).toBe(0);
    expect(await openInvolvement(meeting.id, world.staff.pedagogueId)).toBe(0);
    expect(await openInvolvement(followUp.id, world.staff.pedagogueId)).toBe(1);

    // Read-only: every change is refused with meetings.closed.
    const refused = [
      await ped.request('PUT', `/api/meetings/${meeting.id}/map`, { version: closed.map.version, strengths: ['x'] }),
      await sw.patch(`/api/meetings/${meeting.id}/participants/${frida.id}`, { version: frida.version, rating: 5 }),
      await sw.patch(`/api/meetings/${meeting.id}/participants/${participant(meeting, 'Mormor').id}`, { version: 1, name: 'Mormor Ingrid' }),
      await sw.post(`/api/meetings/${meeting.id}/participants`, { staff: [{ staffId: world.staff.visitorId }] }),
      await sw.post(`/api/meetings/${meeting.id}/participants/${frida.id}/remove`, { version: frida.version }),
      await sw.post(`/api/meetings/${meeting.id}/actions`, { description: 'Ny', ownerParticipantId: frida.id, dueOn: todayInDenmark() }),
      await sw.patch(`/api/meetings/${meeting.id}`, { version: closed.version, place: 'Andet sted' }),
      await sw.request('PUT', `/api/meetings/${meeting.id}/minutes`, { version: closed.minutes?.version ?? 0, text: 'Ændret' }),
      await sw.post(`/api/meetings/${meeting.id}/minutes/correct`, { version: closed.minutes?.version ?? 0 }),
      await far.patch(`/api/meeting-actions/${step.id}`, { version: step.version, description: 'Omformuleret' }),
    ];
    for (const response of refused) expect((await expectProblem(response, 409)).code).toBe('meetings.closed');

    // Frida's open next step stays on her list and can still be marked done.
    const fridasList = await expectJson<{ items: ActionJson[] }>(await far.get('/api/my-meeting-actions'));
    expect(fridasList.items.map((a) => a.id)).toContain(step.id);
    expect(await expectJson<ActionJson>(await far.patch(`/api/meeting-actions/${step.id}`, { version: step.version, status: 'done' }))).toMatchObject({ status: 'done' });

    const audit = await world.db
      .selectFrom('audit_log')
      .select(['actor_id', 'outcome', 'detail'])
      .where(sql<boolean>`${childId}::uuid = any(subject_ids)`)
      .where('category', '=', 'meeting')
      .where('action', '=', 'update')
      .orderBy('at')
      .orderBy('id')
      .execute();
    const closing = audit.filter((r) => JSON.stringify(r.detail).includes('"closed":true'));
    expect(closing[0]).toMatchObject({ actor_id: swId, outcome: 'allowed' });
    expect(closing[0].detail).toMatchObject({ meetingId: meeting.id, involvementsEnded: 1, stillInvolvedElsewhere: 2 });
    expect(closing.slice(1).every((r) => r.outcome === 'denied')).toBe(true);
    expect(audit.some((r) => r.outcome === 'denied' && JSON.stringify(r.detail).includes('minutes_not_approved'))).toBe(true);
  });

  it('removing a participant: facilitator only; soft, the rating stays in the history; a removed staff member loses the meeting and the child', async () => {
    const { childId, parents } = await family();
    const meeting = await create(withFrida(childId, parents));
    const frida = participant(meeting, 'Frida');
    const rated = await expectJson<ParticipantJson>(await sw.patch(`/api/meetings/${meeting.id}/participants/${frida.id}`, { version: frida.version, rating: 6 }));
    const far = await world.as('far');
    expect((await far.get(`/api/children/${childId}`)).status).toBe(200);
    const remove = (client: TestClient, p: { id: string }, version: number) => client.post(`/api/meetings/${meeting.id}/participants/${p.id}/remove`, { version });

    expect((await remove(ped, frida, rated.version)).status).toBe(403);
    expect((await expectProblem(await remove(sw, participant(meeting, 'Sara'), 1), 422)).code).toBe('meetings.facilitator_stays');
    expect((await expectProblem(await remove(sw, frida, frida.version), 409)).code).toBe('conflict.stale_version');
    const after = await expectJson<MeetingJson>(await remove(sw, frida, rated.version));
    expect(after.participants.map((p) => p.name)).not.toContain('Frida Fjern');
    expect(after.removedParticipants).toEqual([expect.objectContaining({ id: frida.id, name: 'Frida Fjern', rating: 6, removedAt: expect.any(String) })]);
    expect(after.ratingsOverTime.series.map((s) => [s.name, s.ratings])).toEqual([['Frida Fjern', [6]]]);
    expect(await openInvolvement(meeting.id, farId)).toBe(0);
    expect((await far.get(`/api/meetings/${meeting.id}`)).status).toBe(404);
    expect((await far.get(`/api/children/${childId}`)).status).toBe(404);
    expect((await expectJson<{ items: { id: string }[] }>(await far.get('/api/meetings'))).items.map((m) => m.id)).not.toContain(meeting.id);
    // Removed: no more ratings or next steps for them; removing twice is not found.
    expect((await sw.patch(`/api/meetings/${meeting.id}/participants/${frida.id}`, { version: rated.version + 1, rating: 2 })).status).toBe(404);
    const noOwner = await expectProblem(await sw.post(`/api/meetings/${meeting.id}/actions`, { description: 'x', ownerParticipantId: frida.id, dueOn: todayInDenmark() }), 400);
    expect(noOwner.errors?.map((e) => e.field)).toEqual(['ownerParticipantId']);
    expect((await remove(sw, frida, rated.version + 1)).status).toBe(404);

    // A parent and a network person can be removed too.
    const mads = participant(meeting, 'Mads');
    const ole = participant(meeting, 'Nabo');
    await expectJson(await remove(sw, mads, mads.version));
    const lastly = await expectJson<MeetingJson>(await remove(sw, ole, ole.version));
    expect(lastly.participants.map((p) => p.name)).toEqual(['Sara Social', 'Pia Pædagog', `Mette Forælder${counter}`, 'Mormor Inge']);
    expect(lastly.removedParticipants.map((p) => p.kind)).toEqual(['staff', 'parent', 'network']);

    // Frida can be invited again; she is back in the case.
    const again = await expectJson<MeetingJson>(await sw.post(`/api/meetings/${meeting.id}/participants`, { staff: [{ staffId: farId }] }));
    expect(again.participants.filter((p) => p.staffId === farId)).toHaveLength(1);
    expect((await far.get(`/api/children/${childId}`)).status).toBe(200);

    const audit = await world.db
      .selectFrom('audit_log')
      .select(['outcome', 'subject_ids', 'detail'])
      .where(sql<boolean>`${childId}::uuid = any(subject_ids)`)
      .where('category', '=', 'meeting')
      .execute();
    const removals = audit.filter((r) => JSON.stringify(r.detail).includes('participantRemoved'));
    expect(removals.map((r) => (r.detail as { kind: string }).kind).sort()).toEqual(['network', 'parent', 'staff']);
    expect(removals.find((r) => (r.detail as { kind: string }).kind === 'parent')?.subject_ids).toEqual(expect.arrayContaining([childId, parents[1]]));
  });

  it('a network person’s name and relation can be corrected by the facilitator, with the participant’s version', async () => {
    const { childId, parents } = await family();
    const meeting = await create(withFrida(childId, parents));
    const inge = participant(meeting, 'Mormor');
    const patch = (client: TestClient, p: { id: string }, body: Record<string, unknown>) => client.patch(`/api/meetings/${meeting.id}/participants/${p.id}`, body);
    const renamed = await expectJson<ParticipantJson>(await patch(sw, inge, { version: inge.version, name: 'Inge Hansen', relation: 'Mormor (mors mor)' }));
    expect(renamed).toMatchObject({ name: 'Inge Hansen', relation: 'Mormor (mors mor)', version: inge.version + 1 });
    expect((await expectProblem(await patch(sw, inge, { version: inge.version, name: 'Inge H.' }), 409)).code).toBe('conflict.stale_version');
    expect((await patch(ped, inge, { version: renamed.version, name: 'Inge H.' })).status).toBe(403);
    const parent = await expectProblem(await patch(sw, participant(meeting, 'Mette'), { version: 1, name: 'Mor' }), 400);
    expect(parent.errors?.map((e) => [e.field, e.code])).toEqual([['name', 'not_applicable']]);
    const duplicate = await expectProblem(await patch(sw, inge, { version: renamed.version, name: 'nabo ole' }), 400);
    expect(duplicate.errors?.map((e) => [e.field, e.code])).toEqual([['name', 'duplicate']]);
    const empty = await expectProblem(await patch(sw, inge, { version: renamed.version, relation: '  ' }), 400);
    expect(empty.errors?.map((e) => e.field)).toEqual(['relation']);
    const view = await expectJson<MeetingJson>(await ped.get(`/api/meetings/${meeting.id}`));
    expect(participant(view, 'Inge')).toMatchObject({ name: 'Inge Hansen', relation: 'Mormor (mors mor)' });
  });
});
