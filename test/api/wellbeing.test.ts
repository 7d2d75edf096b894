/**
 * Wellbeing ratings in daycare ("trivselsvurdering") through HTTP on both
 * engines, by the rules of domain.md §8: T1 (a joint rating needs individual
 * ratings by two different staff members), T2 (rounds per unit for the
 * unit's enrolled children; data stay with the institution), T3 (the
 * municipality's scale; old ratings keep theirs). Also: colleagues' ratings
 * hidden until you have rated, stale versions, corrections kept as history,
 * who may see what, and the audit trail.
 */
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { todayInDenmark } from '../../src/server/clock';
import type { Database } from '../../src/server/db/connect';
import { addDays } from '../../src/domain';
import { describeEngines, freshDatabase } from '../engines';
import { makeChild, makeMunicipality, makeStaff, makeUnit, makeWorld, type TestClient } from '../factories';
import { expectJson, expectProblem } from '../http';

interface LevelJson {
  key: string;
  rank: number;
  labelDa: string;
  labelEn: string;
  meaningDa: string;
}
interface ScaleJson {
  key: string;
  definitionVersion: string;
  levels: LevelJson[];
  source: string;
  version: number;
  available: { key: string; levels: LevelJson[] }[];
}
interface RoundJson {
  id: string;
  unitId: string;
  name: string;
  season: string;
  year: number;
  periodStart: string;
  periodEnd: string;
  scale: { id: string; key: string; levels: LevelJson[] };
  progress: { children: number; individuallyRated: number; readyForJoint: number; jointRated: number; shareJointRated: number };
}
interface OverviewJson extends RoundJson {
  children: { childId: string; name: string; individualRatings: number; ratedByMe: boolean; jointSaved: boolean; joint: { version: number; level: LevelJson } | null }[];
  childrenNoLongerEnrolled: number;
}
interface RatingJson {
  id: string;
  rater: { id: string; name: string };
  level: LevelJson;
  comment: string | null;
  version: number;
}
interface JointJson {
  version: number;
  level: LevelJson;
  comment: string;
  participants: { id: string; name: string }[];
  individualRatings: number;
  recordedBy: { id: string; name: string };
}
interface ChildInRoundJson {
  childId: string;
  childName: string;
  myRating: RatingJson | null;
  colleagues: { count: number; hidden: boolean; items: RatingJson[] };
  jointAllowed: boolean;
  individualRatingsOpen: boolean;
  joint: JointJson | null;
  jointHistory: JointJson[];
}
interface ChildWellbeingJson {
  childId: string;
  items: { roundId: string; roundName: string; unitId: string; scale: { key: string }; level: LevelJson; levelCount: number; comment: string; version: number }[];
}
interface SummaryJson {
  unitId: string;
  rounds: { roundId: string; name: string; children: number; jointRated: number; shareRated: number; scale: { key: string }; counts: { level: LevelJson; count: number }[] }[];
}

const BIRTH = '2024-05-01';

describeEngines('wellbeing ratings', (engine) => {
  let database: Database;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  let counter = 0;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    world = await makeWorld(database, { signInRateLimit: 100_000 });
  });
  afterAll(() => database.close());


  /** A nursery of its own with `staff` pedagogues (usernames returned), so every test has its own children and rounds. */
  async function nursery(staff = 2, municipality = world.municipality) {
    counter++;
    const unit = await makeUnit(world.db, municipality, 'nursery', `Vuggestuen ${counter}`);
    const users: string[] = [];
    const ids: string[] = [];
    for (let i = 0; i < staff; i++) {
      const username = `ped${counter}-${i}`;
      ids.push(await makeStaff(world.db, municipality, { username, profession: i === staff - 1 && staff > 2 ? 'manager' : 'pedagogue', name: `Pædagog ${counter}-${i}`, unitIds: [unit] }));
      users.push(username);
    }
    const clients: TestClient[] = [];
    for (const username of users) clients.push(await world.as(username));
    return { unit, users, ids, clients };
  }

  const child = (unitIds: string[], firstName: string, municipality = world.municipality, healthUnitId = world.units.healthUnit) =>
    makeChild(world.db, municipality, { healthUnitId, enrolledUnitIds: unitIds, firstName, lastName: 'Trivsel', birthDate: BIRTH });

  const createRound = async (client: TestClient, unit: string, body: Record<string, unknown> = {}) =>
    expectJson<RoundJson>(await client.post(`/api/units/${unit}/wellbeing-rounds`, body), 201);
  const rate = (client: TestClient, round: string, childId: string, body: Record<string, unknown>) =>
    client.post(`/api/wellbeing-rounds/${round}/children/${childId}/ratings`, body);
  const joint = (client: TestClient, round: string, childId: string, body: Record<string, unknown>) =>
    client.post(`/api/wellbeing-rounds/${round}/children/${childId}/joint`, body);
  const view = async (client: TestClient, round: string, childId: string) =>
    expectJson<ChildInRoundJson>(await client.get(`/api/wellbeing-rounds/${round}/children/${childId}`));

  // ---- The scale (T3) ------------------------------------------------------------------

  it('T3: the default scale is TOPI-style green/yellow/red with Danish and English labels and meanings; the 5-level barometer is offered', async () => {
    const scale = await expectJson<ScaleJson>(await world.client().signIn('ped').then((c) => c.get('/api/wellbeing/scale')));
    expect(scale).toMatchObject({ key: 'topi-3', source: 'default', version: 0 });
    expect(scale.levels.map((l) => [l.key, l.rank, l.labelDa, l.labelEn])).toEqual([
      ['green', 1, 'Grøn – trives', 'Green – thriving'],
      ['yellow', 2, 'Gul – i risiko / opmærksomhed', 'Yellow – at risk / attention'],
      ['red', 3, 'Rød – mistrivsel / bekymring', 'Red – not thriving / concern'],
    ]);
    for (const level of scale.levels) expect(level.meaningDa.length).toBeGreaterThan(20);
    expect(scale.available.map((s) => [s.key, s.levels.length])).toEqual([
      ['topi-3', 3],
      ['barometer-5', 5],
    ]);
    expect((await world.client().get('/api/wellbeing/scale')).status).toBe(401);
  });

  // ---- Rounds (T2) -----------------------------------------------------------------------

  it('T2: a round belongs to one unit and holds the children enrolled there when it is created; twice a year per unit', async () => {
    const { unit, clients } = await nursery(2);
    const [a] = clients;
    const other = await makeUnit(world.db, world.municipality, 'kindergarten', 'Børnehaven Anden');
    const anna = await child([unit], 'Anna');
    const bo = await child([unit], 'Bo');
    await child([other], 'Carl'); // another unit's child
    const left = await child([], 'Dina'); // left the unit yesterday
    await world.db.insertInto('enrolments').values({ id: uuidv7(), child_id: left, unit_id: unit, starts_on: '2025-01-01', ends_on: addDays(todayInDenmark(), -1) }).execute();
    const planned = await child([], 'Eik'); // starts next month
    await world.db.insertInto('enrolments').values({ id: uuidv7(), child_id: planned, unit_id: unit, starts_on: addDays(todayInDenmark(), 30) }).execute();

    const round = await createRound(a, unit, { season: 'autumn', year: 2026 });
    expect(round).toMatchObject({ unitId: unit, name: 'Efterår 2026', season: 'autumn', year: 2026, periodStart: '2026-10-01', periodEnd: '2026-11-04' });
    expect(round.scale.key).toBe('topi-3');
    expect(round.progress).toEqual({ children: 2, individuallyRated: 0, readyForJoint: 0, jointRated: 0, shareJointRated: 0 });

    const overview = await expectJson<OverviewJson>(await a.get(`/api/wellbeing-rounds/${round.id}`));
    expect(overview.children.map((c) => [c.childId, c.name, c.individualRatings, c.jointSaved])).toEqual([
      [anna, 'Anna Trivsel', 0, false],
      [bo, 'Bo Trivsel', 0, false],
    ]);
    expect(overview.childrenNoLongerEnrolled).toBe(0);

    // One autumn round per unit and year; spring is the other one.
    const twice = await expectProblem(await a.post(`/api/units/${unit}/wellbeing-rounds`, { season: 'autumn', year: 2026, name: 'Ekstra' }), 409);
    expect(twice.code).toBe('wellbeing.round_exists');
    const spring = await createRound(a, unit, { season: 'spring', year: 2027 });
    expect(spring).toMatchObject({ name: 'Forår 2027', periodStart: '2027-03-01', periodEnd: '2027-04-04' });
    const custom = await createRound(a, unit, { season: 'spring', year: 2026, name: 'Forårsrunden', periodStart: '2026-04-01', periodEnd: '2026-05-15' });
    expect(custom).toMatchObject({ name: 'Forårsrunden', periodStart: '2026-04-01', periodEnd: '2026-05-15' });
    const list = await expectJson<{ items: RoundJson[] }>(await a.get(`/api/units/${unit}/wellbeing-rounds`));
    expect(list.items.map((r) => r.name)).toEqual(['Forår 2027', 'Efterår 2026', 'Forårsrunden']);

    const backwards = await expectProblem(await a.post(`/api/units/${unit}/wellbeing-rounds`, { season: 'autumn', year: 2027, periodStart: '2027-10-10', periodEnd: '2027-10-01' }), 400);
    expect(backwards.errors).toEqual([{ field: 'periodEnd', code: 'end_before_start', message: 'Periodens slutning skal ligge efter startdatoen.' }]);
    // Rounds are for daycare and school units only.
    expect((await a.post(`/api/units/${world.units.healthUnit}/wellbeing-rounds`, {})).status).toBe(404);
  });

  it('T2: data are scoped to the institution: another unit’s pedagogue gets 404 (403 on the unit itself), a health visitor and an administrator 403', async () => {
    const { unit, clients } = await nursery(2);
    const [a, b] = clients;
    const kid = await child([unit], 'Frida');
    const round = await createRound(a, unit, { season: 'autumn', year: 2026 });
    await expectJson(await rate(a, round.id, kid, { level: 'green' }), 201);
    await expectJson(await rate(b, round.id, kid, { level: 'green' }), 201);

    const elsewhere = await nursery(1);
    const outsider = elsewhere.clients[0];
    const hv = await world.as('hv');
    const admin = await world.as('admin');
    for (const [path, method] of [
      [`/api/wellbeing-rounds/${round.id}`, 'GET'],
      [`/api/wellbeing-rounds/${round.id}/children/${kid}`, 'GET'],
      [`/api/wellbeing-rounds/${round.id}/children/${kid}/ratings`, 'POST'],
      [`/api/wellbeing-rounds/${round.id}/children/${kid}/joint`, 'POST'],
      [`/api/children/${kid}/wellbeing`, 'GET'],
    ] as const) {
      const body = method === 'GET' ? undefined : path.endsWith('/joint') ? { level: 'red', comment: 'Udefra', participantIds: elsewhere.ids } : { level: 'red' };
      const response = await outsider.request(method, path, body);
      const text = await response.text();
      expect(response.status, `${method} ${path}: ${text}`).toBe(404);
      expect(text).not.toContain('Frida');
      // Pedagogical data are not the health visitor's (without a consent feature) nor the administrator's.
      for (const client of [hv, admin]) expect((await client.request(method, path, body)).status, `${method} ${path}`).toBe(403);
    }
    for (const path of [`/api/units/${unit}/wellbeing-rounds`, `/api/units/${unit}/wellbeing-summary`]) {
      expect((await outsider.get(path)).status).toBe(403);
      expect((await hv.get(path)).status).toBe(403);
    }
    expect((await outsider.post(`/api/units/${unit}/wellbeing-rounds`, { season: 'spring', year: 2027 })).status).toBe(403);
    expect((await a.get(`/api/units/${uuidv7()}/wellbeing-rounds`)).status).toBe(404);
    expect(await world.db.selectFrom('wellbeing_ratings').select('id').where('child_id', '=', kid).execute()).toHaveLength(2);
  });

  it('T2: the child’s ratings over time are the ones from the rounds of your own unit; they do not follow the child to another unit', async () => {
    const nurseryX = await nursery(2);
    const kindergarten = await nursery(2);
    const kid = await child([nurseryX.unit, kindergarten.unit], 'Gry');
    const [a, b] = nurseryX.clients;
    const r1 = await createRound(a, nurseryX.unit, { season: 'spring', year: 2026 });
    const r2 = await createRound(a, nurseryX.unit, { season: 'autumn', year: 2026 });
    for (const [round, level] of [[r1, 'yellow'], [r2, 'green']] as const) {
      await expectJson(await rate(a, round.id, kid, { level }), 201);
      await expectJson(await rate(b, round.id, kid, { level }), 201);
      await expectJson(await joint(a, round.id, kid, { level, comment: `Fælles: ${level}`, participantIds: nurseryX.ids }), 201);
    }
    const history = await expectJson<ChildWellbeingJson>(await b.get(`/api/children/${kid}/wellbeing`));
    expect(history.items.map((i) => [i.roundName, i.level.key, i.level.rank, i.levelCount, i.comment, i.unitId])).toEqual([
      ['Forår 2026', 'yellow', 2, 3, 'Fælles: yellow', nurseryX.unit],
      ['Efterår 2026', 'green', 1, 3, 'Fælles: green', nurseryX.unit],
    ]);
    // The kindergarten's staff see the child (it is enrolled there) but none of the nursery's ratings.
    expect((await expectJson<ChildWellbeingJson>(await kindergarten.clients[0].get(`/api/children/${kid}/wellbeing`))).items).toEqual([]);
    expect((await kindergarten.clients[0].get(`/api/wellbeing-rounds/${r1.id}`)).status).toBe(404);
  });

  // ---- Individual and joint ratings (T1) ---------------------------------------------------

  it('T1: one individual rating → the joint rating is refused; the same staff member rating twice still counts once; two different staff → allowed', async () => {
    const { unit, clients, ids } = await nursery(2);
    const [a, b] = clients;
    const kid = await child([unit], 'Hugo');
    const round = await createRound(a, unit, { season: 'autumn', year: 2026 });
    const body = { level: 'yellow', comment: 'Vi aftaler at følge op med forældrene.', participantIds: ids };

    const first = await expectJson<ChildInRoundJson>(await rate(a, round.id, kid, { level: 'green' }), 201);
    expect(first.myRating).toMatchObject({ level: { key: 'green' }, version: 1 });
    expect(first.jointAllowed).toBe(false);
    const refused = await expectProblem(await joint(a, round.id, kid, body), 409);
    expect(refused.code).toBe('wellbeing.two_ratings_required');
    expect(refused.title).toBe('Mindst to forskellige medarbejdere skal først have vurderet barnet hver for sig, før den fælles vurdering kan gemmes.');

    // Re-rating replaces one's own rating: still one staff member.
    const again = await expectJson<ChildInRoundJson>(await rate(a, round.id, kid, { level: 'yellow', version: 1 }), 200);
    expect(again.myRating).toMatchObject({ level: { key: 'yellow' }, version: 2 });
    expect(await world.db.selectFrom('wellbeing_ratings').select('id').where('child_id', '=', kid).execute()).toHaveLength(1);
    b.language = 'en';
    const stillRefused = await expectProblem(await joint(b, round.id, kid, body), 409);
    expect(stillRefused).toMatchObject({ code: 'wellbeing.two_ratings_required', title: 'At least two different staff members must first rate the child individually before the joint rating can be saved.' });
    expect(await world.db.selectFrom('wellbeing_joint_ratings').select('id').where('child_id', '=', kid).execute()).toEqual([]);

    await expectJson(await rate(b, round.id, kid, { level: 'red', comment: 'Trækker sig ofte' }), 201);
    const saved = await expectJson<ChildInRoundJson>(await joint(b, round.id, kid, body), 201);
    expect(saved.joint).toMatchObject({ version: 1, level: { key: 'yellow' }, comment: body.comment, individualRatings: 2, recordedBy: { id: ids[1] } });
    expect(saved.joint?.participants.map((p) => p.id).sort()).toEqual([...ids].sort());
    expect(saved.jointHistory).toEqual([]);
    expect(saved.individualRatingsOpen).toBe(false);

    // Once saved it is the child's rating for the round.
    const overview = await expectJson<OverviewJson>(await a.get(`/api/wellbeing-rounds/${round.id}`));
    expect(overview.children).toEqual([expect.objectContaining({ childId: kid, individualRatings: 2, ratedByMe: true, jointSaved: true, joint: expect.objectContaining({ version: 1, level: expect.objectContaining({ key: 'yellow' }) }) })]);
    expect(overview.progress).toEqual({ children: 1, individuallyRated: 1, readyForJoint: 1, jointRated: 1, shareJointRated: 1 });
    // Individual ratings close when the joint rating is saved.
    expect((await expectProblem(await rate(a, round.id, kid, { level: 'red', version: 2 }), 409)).code).toBe('wellbeing.joint_saved');
  });

  it('T1: the joint rating needs a level of the scale, a comment, and at least two participants from the unit', async () => {
    const { unit, clients, ids } = await nursery(2);
    const [a, b] = clients;
    const kid = await child([unit], 'Ida');
    const round = await createRound(a, unit, { season: 'autumn', year: 2026 });
    await expectJson(await rate(a, round.id, kid, { level: 'green' }), 201);
    await expectJson(await rate(b, round.id, kid, { level: 'green' }), 201);
    const cases: [Record<string, unknown>, { field: string; code: string }[]][] = [
      [{ level: 'green', participantIds: ids }, [{ field: 'comment', code: 'required' }]],
      [{ level: 'green', comment: '   ', participantIds: ids }, [{ field: 'comment', code: 'required' }]],
      [{ level: 'purple', comment: 'x', participantIds: ids }, [{ field: 'level', code: 'not_on_scale' }]],
      [{ level: 'green', comment: 'x', participantIds: [ids[0]] }, [{ field: 'participantIds', code: 'too_few' }]],
      [{ level: 'green', comment: 'x', participantIds: [ids[0], ids[0]] }, [{ field: 'participantIds', code: 'duplicate' }]],
      [{ level: 'green', comment: 'x', participantIds: [ids[0], world.staff.visitorId] }, [{ field: 'participantIds.1', code: 'not_unit_staff' }]],
    ];
    for (const [body, errors] of cases) {
      const refused = await expectProblem(await joint(a, round.id, kid, body), 400);
      expect(refused.errors?.map((e) => ({ field: e.field, code: e.code })), JSON.stringify(body)).toEqual(errors);
    }
    const level = await expectProblem(await joint(a, round.id, kid, { level: 'purple', comment: 'x', participantIds: ids }), 400);
    expect(level.errors?.[0].message).toBe('Vælg et af niveauerne på rundens skala (green, yellow, red).');
    expect(await world.db.selectFrom('wellbeing_joint_ratings').select('id').where('child_id', '=', kid).execute()).toEqual([]);
  });

  it('a correction of the joint rating is a new version; the earlier ones are kept; a stale version is refused with 409', async () => {
    const { unit, clients, ids } = await nursery(2);
    const [a, b] = clients;
    const kid = await child([unit], 'Jens');
    const round = await createRound(a, unit, { season: 'autumn', year: 2026 });
    await expectJson(await rate(a, round.id, kid, { level: 'yellow' }), 201);
    await expectJson(await rate(b, round.id, kid, { level: 'red' }), 201);
    await expectJson(await joint(a, round.id, kid, { level: 'yellow', comment: 'Første', participantIds: ids }), 201);
    // Saving "the first" again while one exists is stale.
    expect((await expectProblem(await joint(b, round.id, kid, { level: 'red', comment: 'Også første', participantIds: ids }), 409)).code).toBe('conflict.stale_version');
    const corrected = await expectJson<ChildInRoundJson>(await joint(b, round.id, kid, { level: 'red', comment: 'Rettet efter samtale', participantIds: ids, version: 1 }), 201);
    expect(corrected.joint).toMatchObject({ version: 2, level: { key: 'red' }, comment: 'Rettet efter samtale' });
    expect(corrected.jointHistory.map((j) => [j.version, j.level.key, j.comment])).toEqual([[1, 'yellow', 'Første']]);
    expect((await expectProblem(await joint(a, round.id, kid, { level: 'green', comment: 'Forældet', participantIds: ids, version: 1 }), 409)).code).toBe('conflict.stale_version');
    const rows = await world.db.selectFrom('wellbeing_joint_ratings').select(['revision', 'level']).where('child_id', '=', kid).orderBy('revision').execute();
    expect(rows).toEqual([
      { revision: 1, level: 'yellow' },
      { revision: 2, level: 'red' },
    ]);
    const history = await expectJson<ChildWellbeingJson>(await a.get(`/api/children/${kid}/wellbeing`));
    expect(history.items.map((i) => [i.level.key, i.version])).toEqual([['red', 2]]);
  });

  it('re-rating needs the version of your own rating you read: a stale or missing version → 409, nothing changed', async () => {
    const { unit, clients } = await nursery(2);
    const [a] = clients;
    const kid = await child([unit], 'Kaja');
    const round = await createRound(a, unit, { season: 'autumn', year: 2026 });
    expect((await expectProblem(await rate(a, round.id, kid, { level: 'green', version: 3 }), 409)).code).toBe('conflict.stale_version');
    await expectJson(await rate(a, round.id, kid, { level: 'green', comment: 'Glad' }), 201);
    expect((await expectProblem(await rate(a, round.id, kid, { level: 'red' }), 409)).code).toBe('conflict.stale_version');
    expect((await expectProblem(await rate(a, round.id, kid, { level: 'red', version: 0 }), 409)).code).toBe('conflict.stale_version');
    await expectJson(await rate(a, round.id, kid, { level: 'yellow', version: 1 }), 200);
    expect((await expectProblem(await rate(a, round.id, kid, { level: 'red', version: 1 }), 409)).code).toBe('conflict.stale_version');
    const row = await world.db.selectFrom('wellbeing_ratings').select(['level', 'version', 'comment']).where('child_id', '=', kid).executeTakeFirstOrThrow();
    expect(row).toEqual({ level: 'yellow', version: 2, comment: null });
    expect((await expectProblem(await rate(a, round.id, kid, { level: 'blue', version: 2 }), 400)).errors).toEqual([expect.objectContaining({ field: 'level', code: 'not_on_scale' })]);
  });

  it('two first ratings or two first joint ratings sent at once: one is saved, the other gets 409', async () => {
    const { unit, clients, ids } = await nursery(2);
    const [a, b] = clients;
    const kid = await child([unit], 'Xander');
    const round = await createRound(a, unit, { season: 'autumn', year: 2026 });
    const ratings = await Promise.all([rate(a, round.id, kid, { level: 'green' }), rate(a, round.id, kid, { level: 'red' })]);
    expect(ratings.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await world.db.selectFrom('wellbeing_ratings').select('id').where('child_id', '=', kid).execute()).toHaveLength(1);
    await expectJson(await rate(b, round.id, kid, { level: 'green' }), 201);
    const joints = await Promise.all([
      joint(a, round.id, kid, { level: 'green', comment: 'A', participantIds: ids }),
      joint(b, round.id, kid, { level: 'yellow', comment: 'B', participantIds: ids }),
    ]);
    expect(joints.map((r) => r.status).sort()).toEqual([201, 409]);
    const rows = await world.db.selectFrom('wellbeing_joint_ratings').select('revision').where('child_id', '=', kid).execute();
    expect(rows).toEqual([{ revision: 1 }]);
    const rounds = await Promise.all([1, 2].map(() => a.post(`/api/units/${unit}/wellbeing-rounds`, { season: 'spring', year: 2030 })));
    expect(rounds.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  // ---- Anchoring --------------------------------------------------------------------------------

  it('hides colleagues’ individual ratings until you have rated yourself (or the joint rating is saved); the overview never shows them', async () => {
    const { unit, clients, ids } = await nursery(3);
    const [a, b, leader] = clients;
    const kid = await child([unit], 'Lars');
    const round = await createRound(a, unit, { season: 'autumn', year: 2026 });
    await expectJson(await rate(a, round.id, kid, { level: 'red', comment: 'Hemmelig-vurdering-qz' }), 201);

    const before = await b.get(`/api/wellbeing-rounds/${round.id}/children/${kid}`);
    const beforeText = await before.text();
    expect(before.status).toBe(200);
    const hidden = JSON.parse(beforeText) as ChildInRoundJson;
    expect(hidden).toMatchObject({ myRating: null, colleagues: { count: 1, hidden: true, items: [] }, joint: null });
    expect(beforeText).not.toContain('Hemmelig-vurdering-qz');
    const overview = await a.get(`/api/wellbeing-rounds/${round.id}`);
    expect(await overview.text()).not.toContain('Hemmelig-vurdering-qz');

    // Rating yourself reveals the colleagues' ratings.
    const after = await expectJson<ChildInRoundJson>(await rate(b, round.id, kid, { level: 'yellow' }), 201);
    expect(after.colleagues).toMatchObject({ count: 1, hidden: false });
    expect(after.colleagues.items).toEqual([
      expect.objectContaining({ rater: { id: ids[0], name: expect.any(String) }, level: expect.objectContaining({ key: 'red' }), comment: 'Hemmelig-vurdering-qz' }),
    ]);
    expect((await view(a, round.id, kid)).colleagues.items.map((r) => r.level.key)).toEqual(['yellow']);
    // The leader has not rated: still hidden; once the joint rating is saved, everything is open.
    expect((await view(leader, round.id, kid)).colleagues).toMatchObject({ count: 2, hidden: true, items: [] });
    await expectJson(await joint(leader, round.id, kid, { level: 'yellow', comment: 'Drøftet på personalemødet', participantIds: ids }), 201);
    const open = await view(leader, round.id, kid);
    expect(open.colleagues.hidden).toBe(false);
    expect(open.colleagues.items.map((r) => r.level.key).sort()).toEqual(['red', 'yellow']);
  });

  // ---- T3: the barometer ------------------------------------------------------------------------

  it('T3: with the 5-level barometer configured, new rounds validate levels against it; old rounds and ratings keep their scale', async () => {
    const m = await makeMunicipality(world.db, 'Barometerby Kommune');
    const health = await makeUnit(world.db, m, 'health_visiting', 'Sundhedsplejen Barometerby');
    await makeStaff(world.db, m, { username: 'admin-barometer', profession: 'administrator' });
    const { unit, clients, ids } = await nursery(2, m);
    const [a, b] = clients;
    const kid = await child([unit], 'Maja', m, health);
    const other = await child([unit], 'Nils', m, health);
    const admin = await world.as('admin-barometer');

    const old = await createRound(a, unit, { season: 'spring', year: 2026 });
    expect(old.scale.key).toBe('topi-3');
    await expectJson(await rate(a, old.id, kid, { level: 'yellow' }), 201);
    await expectJson(await rate(b, old.id, kid, { level: 'yellow' }), 201);
    await expectJson(await joint(a, old.id, kid, { level: 'yellow', comment: 'Gul i foråret', participantIds: ids }), 201);

    // Only administrators change the scale, with the version they read.
    expect((await a.request('PUT', '/api/wellbeing/scale', { version: 0, scale: 'barometer-5' })).status).toBe(403);
    const changed = await expectJson<ScaleJson>(await admin.request('PUT', '/api/wellbeing/scale', { version: 0, scale: 'barometer-5' }));
    expect(changed).toMatchObject({ key: 'barometer-5', source: 'municipality', version: 1 });
    expect(changed.levels.map((l) => l.key)).toEqual(['thriving', 'fragile', 'attention', 'concern', 'serious_concern']);
    expect((await expectProblem(await admin.request('PUT', '/api/wellbeing/scale', { version: 0, scale: 'topi-3' }), 409)).code).toBe('conflict.stale_version');
    expect((await expectProblem(await admin.request('PUT', '/api/wellbeing/scale', { version: 1, scale: 'seven' }), 400)).errors?.[0]).toMatchObject({ field: 'scale', code: 'invalid_choice' });
    // The other municipality still has the default.
    expect((await expectJson<ScaleJson>(await (await world.as('ped')).get('/api/wellbeing/scale'))).key).toBe('topi-3');

    const current = await createRound(a, unit, { season: 'autumn', year: 2026 });
    expect(current.scale.key).toBe('barometer-5');
    expect(current.scale.levels).toHaveLength(5);
    const wrong = await expectProblem(await rate(a, current.id, kid, { level: 'green' }), 400);
    expect(wrong.errors).toEqual([
      { field: 'level', code: 'not_on_scale', message: 'Vælg et af niveauerne på rundens skala (thriving, fragile, attention, concern, serious_concern).' },
    ]);
    await expectJson(await rate(a, current.id, kid, { level: 'concern' }), 201);
    await expectJson(await rate(b, current.id, kid, { level: 'attention' }), 201);
    await expectJson(await joint(b, current.id, kid, { level: 'concern', comment: 'Bekymring i efteråret', participantIds: ids }), 201);

    // The spring round keeps its three levels.
    expect((await expectProblem(await rate(a, old.id, other, { level: 'concern' }), 400)).errors?.[0].code).toBe('not_on_scale');
    await expectJson(await rate(a, old.id, other, { level: 'red' }), 201);

    const history = await expectJson<ChildWellbeingJson>(await a.get(`/api/children/${kid}/wellbeing`));
    expect(history.items.map((i) => [i.roundName, i.scale.key, i.level.key, i.level.rank, i.levelCount])).toEqual([
      ['Forår 2026', 'topi-3', 'yellow', 2, 3],
      ['Efterår 2026', 'barometer-5', 'concern', 4, 5],
    ]);
    const stored = await world.db
      .selectFrom('wellbeing_joint_ratings as j')
      .innerJoin('wellbeing_scales as s', 's.id', 'j.scale_id')
      .select(['s.key', 's.definition_version', 'j.level'])
      .where('j.child_id', '=', kid)
      .orderBy('j.recorded_at')
      .execute();
    expect(stored).toEqual([
      { key: 'topi-3', definition_version: 'TOPI-3/1', level: 'yellow' },
      { key: 'barometer-5', definition_version: 'BAROMETER-5/1', level: 'concern' },
    ]);
    // Switching back does not touch anything either.
    await expectJson(await admin.request('PUT', '/api/wellbeing/scale', { version: 1, scale: 'topi-3' }));
    expect((await expectJson<ChildWellbeingJson>(await a.get(`/api/children/${kid}/wellbeing`))).items.map((i) => i.scale.key)).toEqual(['topi-3', 'barometer-5']);
  });

  // ---- The unit's numbers -----------------------------------------------------------------------

  it('the unit summary counts joint ratings per level and the share rated, per round, without naming children', async () => {
    const { unit, clients, ids } = await nursery(2);
    const [a, b] = clients;
    const kids = [await child([unit], 'Olga'), await child([unit], 'Per'), await child([unit], 'Rikke'), await child([unit], 'Sofus')];
    const round = await createRound(a, unit, { season: 'autumn', year: 2026 });
    for (const [kid, level] of [[kids[0], 'green'], [kids[1], 'green'], [kids[2], 'red']] as const) {
      await expectJson(await rate(a, round.id, kid, { level }), 201);
      await expectJson(await rate(b, round.id, kid, { level }), 201);
      await expectJson(await joint(a, round.id, kid, { level, comment: 'Fælles vurdering', participantIds: ids }), 201);
    }
    await expectJson(await rate(a, round.id, kids[3], { level: 'yellow' }), 201); // not yet joint
    const response = await b.get(`/api/units/${unit}/wellbeing-summary`);
    const text = await response.text();
    expect(response.status, text).toBe(200);
    const summary = JSON.parse(text) as SummaryJson;
    expect(summary.rounds).toHaveLength(1);
    expect(summary.rounds[0]).toMatchObject({ roundId: round.id, name: 'Efterår 2026', children: 4, jointRated: 3, shareRated: 0.75 });
    expect(summary.rounds[0].counts.map((c) => [c.level.key, c.count])).toEqual([
      ['green', 2],
      ['yellow', 0],
      ['red', 1],
    ]);
    for (const name of ['Olga', 'Per', 'Rikke', 'Sofus', 'Trivsel', ...kids]) expect(text).not.toContain(name);
    const list = await expectJson<{ items: RoundJson[] }>(await a.get(`/api/units/${unit}/wellbeing-rounds`));
    expect(list.items[0].progress).toEqual({ children: 4, individuallyRated: 4, readyForJoint: 3, jointRated: 3, shareJointRated: 0.75 });
  });

  // ---- Leaving the unit, merging records ----------------------------------------------------------

  it('a child who has left the unit is no longer named in the round nor open for rating, but still counted', async () => {
    const { unit, clients } = await nursery(2);
    const [a] = clients;
    const stays = await child([unit], 'Tea');
    const leaves = await child([unit], 'Ulrik');
    const round = await createRound(a, unit, { season: 'autumn', year: 2026 });
    await world.db.updateTable('enrolments').set({ ends_on: addDays(todayInDenmark(), -1) }).where('child_id', '=', leaves).execute();
    const overview = await expectJson<OverviewJson>(await a.get(`/api/wellbeing-rounds/${round.id}`));
    expect(overview.children.map((c) => c.childId)).toEqual([stays]);
    expect(overview.childrenNoLongerEnrolled).toBe(1);
    expect(overview.progress.children).toBe(2);
    expect((await rate(a, round.id, leaves, { level: 'green' })).status).toBe(404);
    expect((await a.get(`/api/children/${leaves}/wellbeing`)).status).toBe(404);
  });

  it('merging two records of a child that are both in a round keeps every rating and shows the child once', async () => {
    const { unit, clients, ids } = await nursery(2);
    const [a, b] = clients;
    const survivor = await makeChild(world.db, world.municipality, { healthUnitId: world.units.healthUnit, healthVisitorId: world.staff.visitorId, enrolledUnitIds: [unit], firstName: 'Vera', lastName: 'Dublet', birthDate: BIRTH });
    const duplicate = await makeChild(world.db, world.municipality, { healthUnitId: world.units.healthUnit, healthVisitorId: world.staff.visitorId, enrolledUnitIds: [unit], firstName: 'Vera', lastName: 'Dublet', birthDate: BIRTH });
    const round = await createRound(a, unit, { season: 'autumn', year: 2026 });
    await expectJson(await rate(a, round.id, survivor, { level: 'green' }), 201);
    await expectJson(await rate(a, round.id, duplicate, { level: 'yellow' }), 201);
    await expectJson(await rate(b, round.id, duplicate, { level: 'yellow' }), 201);
    await expectJson(await joint(b, round.id, duplicate, { level: 'yellow', comment: 'På dubletten', participantIds: ids }), 201);

    const hv = await world.as('hv');
    expect((await hv.post(`/api/children/${survivor}/merge`, { duplicateId: duplicate })).status).toBe(200);
    const overview = await expectJson<OverviewJson>(await a.get(`/api/wellbeing-rounds/${round.id}`));
    expect(overview.children).toEqual([expect.objectContaining({ childId: survivor, individualRatings: 2, jointSaved: true })]);
    expect(overview.progress.children).toBe(1);
    const merged = await view(a, round.id, survivor);
    expect(merged.joint).toMatchObject({ version: 1, level: { key: 'yellow' } });
    expect(merged.colleagues.items.map((r) => r.rater.id)).toEqual([ids[1]]);
    expect(await world.db.selectFrom('wellbeing_ratings').select('id').where('child_id', '=', duplicate).execute()).toEqual([]);
  });

  // ---- Audit --------------------------------------------------------------------------------------

  it('audits every read and write as pedagogical with the child, refusals too, without the ratings themselves', async () => {
    const { unit, clients, ids } = await nursery(2);
    const [a, b] = clients;
    const kid = await child([unit], 'Wilma');
    const round = await createRound(a, unit, { season: 'autumn', year: 2026 });
    await expectJson(await rate(a, round.id, kid, { level: 'red', comment: 'Audit-kommentar-qz' }), 201);
    await expectJson(await rate(a, round.id, kid, { level: 'yellow', version: 1 }), 200);
    await expectProblem(await joint(a, round.id, kid, { level: 'yellow', comment: 'Audit-fælles-qz', participantIds: ids }), 409);
    await expectJson(await rate(b, round.id, kid, { level: 'yellow' }), 201);
    await expectJson(await joint(a, round.id, kid, { level: 'yellow', comment: 'Audit-fælles-qz', participantIds: ids }), 201);
    await view(b, round.id, kid);
    await expectJson(await b.get(`/api/children/${kid}/wellbeing`));
    await expectJson(await b.get(`/api/wellbeing-rounds/${round.id}`));
    const outsider = (await nursery(1)).clients[0];
    await outsider.get(`/api/children/${kid}/wellbeing`);
    await (await world.as('hv')).get(`/api/children/${kid}/wellbeing`);

    const rows = await world.db
      .selectFrom('audit_log')
      .select(['action', 'category', 'subject_ids', 'outcome', 'actor_id', 'detail'])
      .where(sql<boolean>`${kid}::uuid = any(subject_ids)`)
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(rows.every((r) => r.category === 'pedagogical' || r.category === 'basic')).toBe(true);
    const pedagogical = rows.filter((r) => r.category === 'pedagogical').map((r) => [r.action, r.outcome, r.actor_id]);
    expect(pedagogical).toEqual([
      ['create', 'allowed', ids[0]], // the round, with its children
      ['create', 'allowed', ids[0]], // a's rating
      ['update', 'allowed', ids[0]], // a re-rates
      ['create', 'denied', ids[0]], // joint refused (T1)
      ['create', 'allowed', ids[1]], // b's rating
      ['create', 'allowed', ids[0]], // the joint rating
      ['read', 'allowed', ids[1]], // the child in the round
      ['read', 'allowed', ids[1]], // over time
      ['read', 'allowed', ids[1]], // the round overview
      ['read', 'denied', expect.any(String)], // another unit's pedagogue
    ]);
    expect(JSON.stringify(rows)).not.toContain('qz');
    expect(JSON.stringify(rows.map((r) => r.detail))).not.toMatch(/"(red|yellow|green)"/);
    // The health visitor was refused at the door: audited as a pedagogical read, denied.
    const hvDenied = await world.db
      .selectFrom('audit_log')
      .select(['action', 'category', 'outcome'])
      .where('actor_id', '=', world.staff.visitorId)
      .where('category', '=', 'pedagogical')
      .execute();
    expect(hvDenied).toContainEqual({ action: 'read', category: 'pedagogical', outcome: 'denied' });
  });
});
