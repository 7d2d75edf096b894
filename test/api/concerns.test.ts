/**
 * Concerns (bekymringer), sparring with the district social worker and
 * wellbeing conversations, through HTTP on both engines: field errors in
 * problem+json, concerns about expected children, who sees which concern,
 * anonymous sparring that never names the child (row and JSON), named
 * sparring only with consent, the queue for covering social workers ordered by
 * waiting time, taking a named request bringing the social worker into the
 * child's case, stale versions and the audit trail.
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

interface LevelJson {
  key: string;
  rank: number;
  labelDa: string;
  colour: string;
}
interface ConcernJson {
  id: string;
  childId: string;
  unit: { id: string; name: string };
  category: 'pedagogical' | 'health';
  author: { id: string; name: string };
  scale: { id: string; key: string; levels: LevelJson[] };
  level: LevelJson;
  observed: string;
  observedSince: string;
  parentsInformed: boolean;
  parentsInformedHow: string | null;
  version: number;
  canEdit: boolean;
  sparring: { id: string; mode: string; status: string }[];
}
interface ConcernListJson {
  childId: string;
  canCreate: boolean;
  createCategory: string | null;
  scale: { key: string; levels: LevelJson[] };
  items: ConcernJson[];
}
interface SparringJson {
  id: string;
  mode: 'anonymous' | 'named';
  status: 'waiting' | 'taken' | 'closed';
  relation: 'queue' | 'taken' | 'requested';
  ageBand: string | null;
  level: LevelJson;
  question: string;
  requestedOn: string;
  waitingDays: number;
  takenBy: { id: string; name: string } | null;
  version: number;
  newAdvice: boolean;
  child: { id: string; name: string } | null;
  consent: { givenBy: string; givenOn: string; how: string } | null;
}
interface SparringDetailJson extends Omit<SparringJson, 'sessions'> {
  sessions: { id: string; heldOn: string; advice: string; nextStep: string | null; recordedBy: { name: string } }[];
  concern: ConcernJson | null;
  canTake: boolean;
  canRecord: boolean;
  canClose: boolean;
}

describeEngines('concerns and sparring', (engine) => {
  let database: Database;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  let otherNursery: string;
  let familyCentre: string;
  let otherDistrict: string;
  let socialId: string;
  let counter = 0;
  const today = todayInDenmark();

  beforeAll(async () => {
    database = await freshDatabase(engine);
    world = await makeWorld(database, { signInRateLimit: 100_000 });
    otherNursery = await makeUnit(world.db, world.municipality, 'nursery', 'Vuggestuen Andet');
    await makeStaff(world.db, world.municipality, { username: 'ped.other', profession: 'pedagogue', name: 'Ole Anden', unitIds: [otherNursery] });
    await makeStaff(world.db, world.municipality, { username: 'ped.colleague', profession: 'pedagogue', name: 'Kaja Kollega', unitIds: [world.units.nursery] });
    familyCentre = await makeUnit(world.db, world.municipality, 'family_centre', 'Familiecentret Test');
    socialId = await makeStaff(world.db, world.municipality, { username: 'social', profession: 'social_worker', name: 'Sara Social', unitIds: [familyCentre] });
    await world.db.insertInto('social_worker_districts').values({ id: uuidv7(), staff_id: socialId, district_id: world.municipality.districtId }).execute();
    // A social worker who covers another district only, and one who covers nothing.
    otherDistrict = uuidv7();
    await world.db.insertInto('districts').values({ id: otherDistrict, municipality_id: world.municipality.id, name: 'Syd' }).execute();
    const farSocial = await makeStaff(world.db, world.municipality, { username: 'social.far', profession: 'social_worker', name: 'Frida Fjern', unitIds: [familyCentre] });
    await world.db.insertInto('social_worker_districts').values({ id: uuidv7(), staff_id: farSocial, district_id: otherDistrict }).execute();
  });
  afterAll(() => database.close());

  const child = (firstName: string, enrolled = [world.units.nursery]) => {
    counter++;
    return makeChild(world.db, world.municipality, { healthUnitId: world.units.healthUnit, enrolledUnitIds: enrolled, firstName, lastName: `Bekymring${counter}`, birthDate: '2025-03-01' });
  };
  const concernBody = (overrides: Record<string, unknown> = {}) => ({
    level: 'yellow',
    observed: 'Trækker sig fra legen og græder meget ved aflevering.',
    observedSince: addDays(today, -30),
    parentsInformed: true,
    parentsInformedHow: 'Samtale med mor ved afhentning',
    parentsInformedOn: addDays(today, -2),
    ...overrides,
  });
  const record = async (client: TestClient, childId: string, overrides: Record<string, unknown> = {}) =>
    expectJson<ConcernJson>(await client.post(`/api/children/${childId}/concerns`, concernBody(overrides)), 201);
  const consent = { givenBy: 'Mor, Maria Hansen', givenOn: addDays(today, -1), how: 'Mundtligt ved afhentning' };
  const askNamed = async (client: TestClient, concernId: string) =>
    expectJson<SparringDetailJson>(await client.post(`/api/concerns/${concernId}/sparring-requests`, { anonymous: false, question: 'Hvordan taler vi med forældrene?', consent }), 201);
  const queue = async (client: TestClient) => expectJson<{ items: SparringJson[]; covers: { id: string; name: string }[] }>(await client.get('/api/sparring-requests'));

  // ---- Recording -----------------------------------------------------------------------

  it('records a concern on the municipality’s scale with the level’s label and colour, as pedagogical data of the unit', async () => {
    const ped = await world.as('ped');
    const childId = await child('Alma');
    const concern = await record(ped, childId);
    expect(concern).toMatchObject({
      childId,
      category: 'pedagogical',
      unit: { id: world.units.nursery },
      author: { id: world.staff.pedagogueId },
      scale: { key: 'topi-3' },
      level: { key: 'yellow', rank: 2 },
      parentsInformed: true,
      parentsInformedHow: 'Samtale med mor ved afhentning',
      version: 1,
      canEdit: true,
    });
    expect(concern.level.labelDa).toContain('Gul');
    expect(concern.level.colour).toMatch(/^#/);
    const list = await expectJson<ConcernListJson>(await ped.get(`/api/children/${childId}/concerns`));
    expect(list).toMatchObject({ canCreate: true, createCategory: 'pedagogical', scale: { key: 'topi-3' } });
    expect(list.items.map((c) => c.id)).toEqual([concern.id]);
    const row = await world.db.selectFrom('concerns').selectAll().where('id', '=', concern.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ child_id: childId, unit_id: world.units.nursery, category: 'pedagogical', level: 'yellow', scale_id: concern.scale.id });
  });

  it('refuses bad concerns field by field in problem+json: missing level, unknown level, missing observation, date in the future, how the parents were told', async () => {
    const ped = await world.as('ped');
    const childId = await child('Bodil');
    const missing = await expectProblem(await ped.post(`/api/children/${childId}/concerns`, { observedSince: today, parentsInformed: false }), 400);
    expect(missing.code).toBe('validation.failed');
    expect(missing.errors?.map((e) => [e.field, e.code]).sort()).toEqual([
      ['level', 'required'],
      ['observed', 'required'],
    ]);
    const unknown = await expectProblem(await ped.post(`/api/children/${childId}/concerns`, concernBody({ level: 'purple' })), 400);
    expect(unknown.errors).toEqual([expect.objectContaining({ field: 'level', code: 'not_on_scale' })]);
    expect(unknown.errors?.[0].message).toContain('green, yellow, red');
    const empty = await expectProblem(await ped.post(`/api/children/${childId}/concerns`, concernBody({ observed: '   ' })), 400);
    expect(empty.errors?.map((e) => [e.field, e.code])).toEqual([['observed', 'required']]);
    const future = await expectProblem(await ped.post(`/api/children/${childId}/concerns`, concernBody({ observedSince: addDays(today, 1), parentsInformedOn: addDays(today, 3) })), 400);
    expect(future.errors?.map((e) => [e.field, e.code])).toEqual([
      ['observedSince', 'in_future'],
      ['parentsInformedOn', 'in_future'],
    ]);
    const how = await expectProblem(await ped.post(`/api/children/${childId}/concerns`, concernBody({ parentsInformedHow: null })), 400);
    expect(how.errors?.map((e) => [e.field, e.code])).toEqual([['parentsInformedHow', 'required']]);
    expect(how.errors?.[0].message).toMatch(/forældrene/);
    // Nothing was stored.
    const rows = await world.db.selectFrom('concerns').select('id').where('child_id', '=', childId).execute();
    expect(rows).toEqual([]);
  });

  it('records a concern about an expected child (the health visitor, as health data of the caseload unit)', async () => {
    const hv = await world.as('hv');
    const expectedId = await makeChild(world.db, world.municipality, { healthUnitId: world.units.healthUnit, expectedDate: addDays(today, 60), lastName: 'Termin' });
    const concern = await record(hv, expectedId, { level: 'red', observed: 'Mor fortæller om uro i hjemmet og sover meget lidt.' });
    expect(concern).toMatchObject({ childId: expectedId, category: 'health', unit: { id: world.units.healthUnit }, level: { key: 'red', rank: 3 } });
    const list = await expectJson<ConcernListJson>(await hv.get(`/api/children/${expectedId}/concerns`));
    expect(list.createCategory).toBe('health');
    expect(list.items).toHaveLength(1);
  });

  it('shows a concern to the author’s unit only: not another daycare, and never across the health/pedagogical boundary', async () => {
    const ped = await world.as('ped');
    const hv = await world.as('hv');
    const colleague = await world.as('ped.colleague');
    const other = await world.as('ped.other');
    const childId = await child('Cecilie');
    const pedConcern = await record(ped, childId);
    const hvConcern = await record(hv, childId, { level: 'red', observed: 'Vægten står stille, mor virker meget træt.' });

    const colleagueSees = await expectJson<ConcernListJson>(await colleague.get(`/api/children/${childId}/concerns`));
    expect(colleagueSees.items.map((c) => c.id)).toEqual([pedConcern.id]);
    expect(colleagueSees.items[0].canEdit).toBe(true);

    const hvSees = await expectJson<ConcernListJson>(await hv.get(`/api/children/${childId}/concerns`));
    expect(hvSees.items.map((c) => c.id)).toEqual([hvConcern.id]);
    expect(JSON.stringify(hvSees)).not.toContain('græder meget');

    const pedSees = await expectJson<ConcernListJson>(await ped.get(`/api/children/${childId}/concerns`));
    expect(pedSees.items.map((c) => c.id)).toEqual([pedConcern.id]);
    expect(JSON.stringify(pedSees)).not.toContain('Vægten');

    await expectProblem(await other.get(`/api/children/${childId}/concerns`), 404);
    await expectProblem(await other.post(`/api/children/${childId}/concerns`, concernBody()), 404);
    await expectProblem(await hv.patch(`/api/concerns/${pedConcern.id}`, { ...concernBody(), version: 1 }), 404);
    await expectProblem(await ped.post(`/api/concerns/${hvConcern.id}/sparring-requests`, { anonymous: true, question: 'Hjælp' }), 404);
    await expectProblem(await other.patch(`/api/concerns/${pedConcern.id}`, { ...concernBody(), version: 1 }), 404);
  });

  it('changes a concern with the version read, and answers 409 to a stale version', async () => {
    const ped = await world.as('ped');
    const colleague = await world.as('ped.colleague');
    const childId = await child('Dagmar');
    const concern = await record(ped, childId);
    const changed = await expectJson<ConcernJson>(await colleague.patch(`/api/concerns/${concern.id}`, { ...concernBody({ level: 'red' }), version: 1 }));
    expect(changed).toMatchObject({ version: 2, level: { key: 'red' } });
    const stale = await expectProblem(await ped.patch(`/api/concerns/${concern.id}`, { ...concernBody({ level: 'green' }), version: 1 }), 409);
    expect(stale.code).toBe('conflict.stale_version');
    const row = await world.db.selectFrom('concerns').select(['level', 'version']).where('id', '=', concern.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ level: 'red', version: 2 });
  });

  // ---- Sparring ---------------------------------------------------------------------------

  it('an anonymous sparring request never stores or returns the child’s id or name', async () => {
    const ped = await world.as('ped');
    const social = await world.as('social');
    const childId = await child('Esther');
    const concern = await record(ped, childId);
    const created = await expectJson<SparringDetailJson>(
      await ped.post(`/api/concerns/${concern.id}/sparring-requests`, { anonymous: true, question: 'Et barn på halvandet år trækker sig. Hvordan tager vi snakken?' }),
      201,
    );
    expect(created).toMatchObject({ mode: 'anonymous', status: 'waiting', ageBand: '1-3', child: null, consent: null, concern: null, relation: 'requested' });
    const row = await world.db.selectFrom('sparring_requests').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.child_id).toBeNull();
    expect(row.concern_id).toBeNull();
    expect(row.age_band).toBe('1-3');
    const rowText = JSON.stringify(row);
    expect(rowText).not.toContain(childId);
    expect(rowText).not.toContain(concern.id);

    const seenBySocial = await expectJson<SparringDetailJson>(await social.get(`/api/sparring-requests/${created.id}`));
    const listed = await queue(social);
    for (const body of [JSON.stringify(created), JSON.stringify(seenBySocial), JSON.stringify(listed)]) {
      expect(body).not.toContain(childId);
      expect(body).not.toContain('Esther');
      expect(body).not.toContain(concern.id);
    }
    // Taken and advised, it still names nobody; the concern is not linked to it.
    const taken = await expectJson<SparringDetailJson>(await social.post(`/api/sparring-requests/${created.id}/take`, { version: created.version }));
    expect(taken.child).toBeNull();
    expect(JSON.stringify(taken)).not.toContain(childId);
    const involved = await world.db.selectFrom('child_involvements').select('id').where('source_id', '=', created.id).execute();
    expect(involved).toEqual([]);
    const concerns = await expectJson<ConcernListJson>(await ped.get(`/api/children/${childId}/concerns`));
    expect(concerns.items[0].sparring).toEqual([]);
  });

  it('refuses a named sparring request without the parents’ consent, and consent on an anonymous one', async () => {
    const ped = await world.as('ped');
    const childId = await child('Frida');
    const concern = await record(ped, childId);
    const refused = await expectProblem(await ped.post(`/api/concerns/${concern.id}/sparring-requests`, { anonymous: false, question: 'Hjælp til samtalen' }), 400);
    expect(refused.errors?.map((e) => [e.field, e.code])).toEqual([['consent', 'consent_required']]);
    const partial = await expectProblem(await ped.post(`/api/concerns/${concern.id}/sparring-requests`, { anonymous: false, question: 'Hjælp', consent: { givenBy: 'Mor' } }), 400);
    expect(partial.errors?.map((e) => e.field).sort()).toEqual(['consent.givenOn', 'consent.how']);
    const future = await expectProblem(await ped.post(`/api/concerns/${concern.id}/sparring-requests`, { anonymous: false, question: 'Hjælp', consent: { ...consent, givenOn: addDays(today, 2) } }), 400);
    expect(future.errors?.map((e) => [e.field, e.code])).toEqual([['consent.givenOn', 'in_future']]);
    const anonymousWithConsent = await expectProblem(await ped.post(`/api/concerns/${concern.id}/sparring-requests`, { anonymous: true, question: 'Hjælp', consent }), 400);
    expect(anonymousWithConsent.errors?.map((e) => e.field)).toEqual(['consent']);
    const rows = await world.db.selectFrom('sparring_requests').select('id').where('concern_id', '=', concern.id).execute();
    expect(rows).toEqual([]);
  });

  it('queues requests for the social workers covering the district only, the longest waiting first, with waiting days', async () => {
    const ped = await world.as('ped');
    const social = await world.as('social');
    const far = await world.as('social.far');
    const hv = await world.as('hv');
    const childId = await child('Gro');
    const concern = await record(ped, childId);
    const newer = await askNamed(ped, concern.id);
    const older = await askNamed(ped, concern.id);
    // Make one wait five days and the other two.
    await world.db.updateTable('sparring_requests').set({ requested_on: addDays(today, -5), requested_at: new Date(Date.now() - 5 * 86_400_000) }).where('id', '=', older.id).execute();
    await world.db.updateTable('sparring_requests').set({ requested_on: addDays(today, -2), requested_at: new Date(Date.now() - 2 * 86_400_000) }).where('id', '=', newer.id).execute();

    const list = await queue(social);
    expect(list.covers.map((d) => d.id)).toEqual([world.municipality.districtId]);
    const mine = list.items.filter((i) => i.id === older.id || i.id === newer.id);
    expect(mine.map((i) => [i.id, i.relation, i.waitingDays])).toEqual([
      [older.id, 'queue', 5],
      [newer.id, 'queue', 2],
    ]);
    const queued = list.items.filter((i) => i.relation === 'queue');
    expect(queued.map((i) => i.waitingDays)).toEqual([...queued.map((i) => i.waitingDays)].sort((a, b) => b - a));
    // In the queue the named child is not yet shown.
    expect(mine.every((i) => i.child === null)).toBe(true);
    expect(JSON.stringify(list)).not.toContain('Gro');

    // A social worker of another district, and staff who are not social workers, have no queue.
    const farList = await queue(far);
    expect(farList.items.filter((i) => i.id === older.id || i.id === newer.id)).toEqual([]);
    await expectProblem(await far.get(`/api/sparring-requests/${older.id}`), 404);
    await expectProblem(await far.post(`/api/sparring-requests/${older.id}/take`, { version: 1 }), 404);
    const hvList = await queue(hv);
    expect(hvList.items.some((i) => i.id === older.id)).toBe(false);
    expect(hvList.covers).toEqual([]);

    // The requester sees their own requests with the child.
    const own = await queue(ped);
    const ownOlder = own.items.find((i) => i.id === older.id);
    expect(ownOlder).toMatchObject({ relation: 'requested', status: 'waiting', child: { id: childId } });
  });

  it('taking a named request brings the social worker into the child’s case; sessions give the requester advice; closing ends it', async () => {
    const ped = await world.as('ped');
    const social = await world.as('social');
    const childId = await child('Hilda');
    const concern = await record(ped, childId);
    const request = await askNamed(ped, concern.id);
    expect(request).toMatchObject({ mode: 'named', status: 'waiting', child: { id: childId }, consent });

    // Before taking: the child is not the social worker's to see.
    await expectProblem(await social.get(`/api/children/${childId}`), 404);
    const waiting = await expectJson<SparringDetailJson>(await social.get(`/api/sparring-requests/${request.id}`));
    expect(waiting).toMatchObject({ child: null, concern: null, canTake: true, canRecord: false });
    await expectProblem(await social.post(`/api/sparring-requests/${request.id}/sessions`, { heldOn: today, advice: 'Råd' }), 403);

    const stale = await expectProblem(await social.post(`/api/sparring-requests/${request.id}/take`, { version: 99 }), 409);
    expect(stale.code).toBe('conflict.stale_version');
    const taken = await expectJson<SparringDetailJson>(await social.post(`/api/sparring-requests/${request.id}/take`, { version: request.version }));
    expect(taken).toMatchObject({ status: 'taken', relation: 'taken', takenBy: { id: socialId }, child: { id: childId }, canRecord: true });
    expect(taken.concern?.id).toBe(concern.id);
    expect(taken.concern?.canEdit).toBe(false);

    const basic = await expectJson<{ id: string; firstName?: string }>(await social.get(`/api/children/${childId}`));
    expect(basic.id).toBe(childId);
    const concerns = await expectJson<ConcernListJson>(await social.get(`/api/children/${childId}/concerns`));
    expect(concerns).toMatchObject({ canCreate: false, items: [{ id: concern.id, canEdit: false }] });
    await expectProblem(await social.patch(`/api/concerns/${concern.id}`, { ...concernBody(), version: 1 }), 403);

    // Someone else cannot take it now.
    await world.db.insertInto('social_worker_districts').values({ id: uuidv7(), staff_id: (await world.db.selectFrom('staff').select('id').where('username', '=', 'social.far').executeTakeFirstOrThrow()).id, district_id: world.municipality.districtId }).execute();
    const far = await world.as('social.far');
    expect((await expectProblem(await far.post(`/api/sparring-requests/${request.id}/take`, { version: taken.version }), 409)).code).toBe('sparring.not_waiting');
    await world.db.deleteFrom('social_worker_districts').where('district_id', '=', world.municipality.districtId).where('staff_id', '<>', socialId).execute();

    const future = await expectProblem(await social.post(`/api/sparring-requests/${request.id}/sessions`, { heldOn: addDays(today, 1), advice: 'Råd' }), 400);
    expect(future.errors?.map((e) => [e.field, e.code])).toEqual([['heldOn', 'in_future']]);
    const advised = await expectJson<SparringDetailJson>(
      await social.post(`/api/sparring-requests/${request.id}/sessions`, { heldOn: today, advice: 'Tal med forældrene om rutinerne ved aflevering.', nextStep: 'Ny snak om to uger' }),
      201,
    );
    expect(advised.sessions).toEqual([expect.objectContaining({ heldOn: today, advice: 'Tal med forældrene om rutinerne ved aflevering.', nextStep: 'Ny snak om to uger', recordedBy: expect.objectContaining({ name: 'Sara Social' }) })]);

    const requesterList = await queue(ped);
    expect(requesterList.items.find((i) => i.id === request.id)).toMatchObject({ status: 'taken', newAdvice: true, takenBy: { name: 'Sara Social' } });
    const seen = await expectJson<SparringDetailJson>(await ped.get(`/api/sparring-requests/${request.id}`));
    expect(seen.sessions[0].advice).toContain('rutinerne');
    expect((await queue(ped)).items.find((i) => i.id === request.id)?.newAdvice).toBe(false);

    const closed = await expectJson<SparringDetailJson>(await social.post(`/api/sparring-requests/${request.id}/close`, { version: advised.version, note: 'Afsluttet efter én samtale' }));
    expect(closed.status).toBe('closed');
    await expectProblem(await social.get(`/api/children/${childId}`), 404);
    const involvement = await world.db.selectFrom('child_involvements').select(['ended_at']).where('source_id', '=', request.id).executeTakeFirstOrThrow();
    expect(involvement.ended_at).not.toBeNull();
  });

  it('never shows a health visitor’s concern to the social worker who took the named request about it', async () => {
    const hv = await world.as('hv');
    const social = await world.as('social');
    const childId = await child('Ingrid');
    const concern = await record(hv, childId, { observed: 'Mor har høj EPDS-score og græder meget.' });
    const request = await askNamed(hv, concern.id);
    const taken = await expectJson<SparringDetailJson>(await social.post(`/api/sparring-requests/${request.id}/take`, { version: request.version }));
    expect(taken.child?.id).toBe(childId);
    expect(taken.concern).toBeNull();
    expect(JSON.stringify(taken)).not.toContain('EPDS');
    const list = await expectJson<ConcernListJson>(await social.get(`/api/children/${childId}/concerns`));
    expect(list.items).toEqual([]);
  });

  it('writes audit rows with the child’s id: concerns by their category, sparring as social', async () => {
    const ped = await world.as('ped');
    const social = await world.as('social');
    const other = await world.as('ped.other');
    const childId = await child('Jytte');
    const concern = await record(ped, childId);
    const request = await askNamed(ped, concern.id);
    await social.post(`/api/sparring-requests/${request.id}/take`, { version: request.version });
    await other.get(`/api/children/${childId}/concerns`);
    const rows = await world.db
      .selectFrom('audit_log')
      .select(['action', 'category', 'outcome'])
      .where(sql<boolean>`${childId} = any(subject_ids)`)
      .execute();
    const seen = rows.map((r) => `${r.action}:${r.category}:${r.outcome}`);
    expect(seen).toContain('create:pedagogical:allowed');
    expect(seen).toContain('create:social:allowed');
    expect(seen).toContain('update:social:allowed');
    expect(seen.some((s) => s.endsWith(':denied'))).toBe(true);
  });

  // ---- Wellbeing conversations ----------------------------------------------------------------

  it('records wellbeing conversations with a pupil only with the parents’ agreement, for social workers', async () => {
    const social = await world.as('social');
    const ped = await world.as('ped');
    const school = await makeUnit(world.db, world.municipality, 'school', 'Testby Skole');
    const pupilId = await child('Karl', [school]);
    const body = { heldOn: today, parentsAgreed: true, agreementHow: 'Telefonsamtale med far', agreementOn: addDays(today, -3), notes: 'Karl fortæller, at han er alene i frikvartererne.', nextStep: 'Opfølgning med klasselærer' };
    const refused = await expectProblem(await social.post(`/api/children/${pupilId}/wellbeing-conversations`, { ...body, parentsAgreed: false }), 400);
    expect(refused.errors?.map((e) => [e.field, e.code])).toEqual([['parentsAgreed', 'agreement_required']]);
    const created = await expectJson<{ id: string; child: { id: string }; notes: string }>(await social.post(`/api/children/${pupilId}/wellbeing-conversations`, body), 201);
    expect(created.child.id).toBe(pupilId);
    const list = await expectJson<{ items: { id: string }[] }>(await social.get('/api/wellbeing-conversations'));
    expect(list.items.map((i) => i.id)).toContain(created.id);
    const forChild = await expectJson<{ items: { id: string }[]; canCreate: boolean }>(await social.get(`/api/children/${pupilId}/wellbeing-conversations`));
    expect(forChild).toMatchObject({ canCreate: true, items: [{ id: created.id }] });
    // Not a social worker: refused; not their pupil: not found.
    await expectProblem(await ped.post(`/api/children/${pupilId}/wellbeing-conversations`, body), 404);
    const far = await world.as('social.far');
    await expectProblem(await far.post(`/api/children/${pupilId}/wellbeing-conversations`, body), 404);
    const own = await world.as('ped');
    const nurseryChild = await child('Lis');
    await expectProblem(await own.post(`/api/children/${nurseryChild}/wellbeing-conversations`, body), 403);
    const audit = await world.db.selectFrom('audit_log').select('category').where(sql<boolean>`${pupilId} = any(subject_ids)`).where('action', '=', 'create').execute();
    expect(audit.map((a) => a.category)).toContain('social');
  });
});
