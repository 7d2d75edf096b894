/**
 * Visits, journal notes and measurements through HTTP: planning and changing
 * visits (with optimistic concurrency), signed notes whose corrections keep the
 * earlier text, measurement validation, the audit of every read, and who may
 * see any of it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates';
import { todayInDenmark } from '../../src/server/clock';
import type { Database } from '../../src/server/db/connect';
import { describeEngines, freshDatabase } from '../engines';
import { makeChild, makeMunicipality, makeStaff, makeUnit, makeWorld } from '../factories';

interface Visit {
  id: string;
  childId: string;
  templateKey: string | null;
  kind: string;
  status: string;
  plannedAt: string;
  staffId: string;
  staffName: string;
  participantIds: string[];
  participants: { id: string; name: string }[];
  location: string | null;
  version: number;
}
interface NoteVersion {
  id: string;
  body: string;
  authorId: string;
  authorName: string;
  signedAt: string;
}
interface Note extends NoteVersion {
  visitId: string | null;
  supersedesId: string | null;
  history: NoteVersion[];
}
interface Problem {
  code: string;
  errors?: { field: string; code: string; message: string }[];
}

describeEngines('visits, notes and measurements', (engine) => {
  let database: Database;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  const today = todayInDenmark();
  const birthDate = addDays(today, -30);
  let childId: string;
  let colleagueId: string;
  let foreignStaffId: string;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    world = await makeWorld(database);
    colleagueId = await makeStaff(world.db, world.municipality, { username: 'hv2', name: 'Karen Kollega', unitIds: [world.units.healthUnit] });
    const otherUnit = await makeUnit(world.db, world.municipality, 'health_visiting', 'Sundhedsplejen Syd');
    await makeStaff(world.db, world.municipality, { username: 'hv-syd', name: 'Sofie Syd', unitIds: [otherUnit] });
    const elsewhere = await makeMunicipality(world.db, 'Andenby Kommune');
    foreignStaffId = await makeStaff(world.db, elsewhere, { username: 'fremmed', name: 'Frede Fremmed' });
    childId = await makeChild(world.db, world.municipality, {
      healthUnitId: world.units.healthUnit,
      healthVisitorId: world.staff.visitorId,
      firstName: 'Bo',
      birthDate,
      enrolledUnitIds: [world.units.nursery],
    });
  });
  afterAll(() => database.close());

  it('plans a visit with the actor responsible, participants named, status planned', async () => {
    const hv = await world.as('hv');
    const response = await hv.post(`/api/children/${childId}/visits`, {
      templateKey: 'first_month',
      kind: 'cross_professional_home',
      plannedAt: `${addDays(today, 2)}T09:30:00+01:00`,
      participantIds: [world.staff.pedagogueId],
      location: 'Hjemme hos familien',
    });
    expect(response.status).toBe(201);
    const visit = (await response.json()) as Visit;
    expect(visit).toMatchObject({
      childId,
      templateKey: 'first_month',
      kind: 'cross_professional_home',
      status: 'planned',
      staffId: world.staff.visitorId,
      staffName: 'Hanne Sundhed',
      participantIds: [world.staff.pedagogueId],
      participants: [{ id: world.staff.pedagogueId, name: 'Pia Pædagog' }],
      location: 'Hjemme hos familien',
      version: 1,
    });
    expect(new Date(visit.plannedAt).toISOString()).toBe(new Date(`${addDays(today, 2)}T09:30:00+01:00`).toISOString());

    const forColleague = await hv.post(`/api/children/${childId}/visits`, { kind: 'clinic', plannedAt: `${addDays(today, 3)}T08:00:00Z`, staffId: colleagueId });
    expect(forColleague.status).toBe(201);
    expect(await forColleague.json()).toMatchObject({ staffId: colleagueId, staffName: 'Karen Kollega', templateKey: null, participants: [] });

    const list = await hv.get(`/api/children/${childId}/visits`);
    expect(list.status).toBe(200);
    const { items } = (await list.json()) as { items: Visit[] };
    expect(items.map((v) => v.kind)).toEqual(['cross_professional_home', 'clinic']);
  });

  it('refuses participants and staff outside the municipality, unknown contacts and bad input, field by field', async () => {
    const hv = await world.as('hv');
    const plannedAt = `${today}T10:00:00Z`;
    const foreign = await hv.post(`/api/children/${childId}/visits`, { kind: 'home', plannedAt, participantIds: [foreignStaffId] });
    expect(foreign.status).toBe(400);
    expect(((await foreign.json()) as Problem).errors).toEqual([expect.objectContaining({ field: 'participantIds', code: 'invalid_choice' })]);
    const staff = await hv.post(`/api/children/${childId}/visits`, { kind: 'home', plannedAt, staffId: crypto.randomUUID() });
    expect(((await staff.json()) as Problem).errors).toEqual([expect.objectContaining({ field: 'staffId', code: 'invalid_choice' })]);
    const template = await hv.post(`/api/children/${childId}/visits`, { kind: 'home', plannedAt, templateKey: 'no_such_contact' });
    expect(((await template.json()) as Problem).errors).toEqual([expect.objectContaining({ field: 'templateKey', code: 'invalid_choice' })]);
    const bad = await hv.post(`/api/children/${childId}/visits`, { kind: 'teleport', plannedAt: 'tomorrow' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Problem).errors?.map((e) => e.field).sort()).toEqual(['kind', 'plannedAt']);
    await world.db.updateTable('staff').set({ active: false }).where('id', '=', colleagueId).execute();
    const inactive = await hv.post(`/api/children/${childId}/visits`, { kind: 'home', plannedAt, participantIds: [colleagueId] });
    expect(inactive.status).toBe(400);
    await world.db.updateTable('staff').set({ active: true }).where('id', '=', colleagueId).execute();
  });

  it('changes a visit with the version it read, and answers 409 to a stale version', async () => {
    const hv = await world.as('hv');
    const created = (await (await hv.post(`/api/children/${childId}/visits`, { kind: 'home', plannedAt: `${today}T13:00:00Z` })).json()) as Visit;
    const moved = await hv.patch(`/api/visits/${created.id}`, { version: 1, plannedAt: `${addDays(today, 1)}T13:00:00Z`, location: 'Sundhedsplejen' });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ version: 2, location: 'Sundhedsplejen', status: 'planned' });

    const stale = await hv.patch(`/api/visits/${created.id}`, { version: 1, status: 'cancelled' });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ code: 'conflict.stale_version' });

    const done = await hv.patch(`/api/visits/${created.id}`, { version: 2, status: 'done', kind: 'phone_video', participantIds: [colleagueId] });
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ version: 3, status: 'done', kind: 'phone_video', participants: [{ id: colleagueId, name: 'Karen Kollega' }] });

    expect((await hv.patch(`/api/visits/${crypto.randomUUID()}`, { version: 1, status: 'done' })).status).toBe(404);
    const badStatus = await hv.patch(`/api/visits/${created.id}`, { version: 3, status: 'finished' });
    expect(badStatus.status).toBe(400);
  });

  it('signs a note by its author now', async () => {
    const hv = await world.as('hv');
    const before = Date.now();
    const response = await hv.post(`/api/children/${childId}/notes`, { body: 'Bo trives. Mor ammer.' });
    expect(response.status).toBe(201);
    const note = (await response.json()) as Note;
    expect(note).toMatchObject({ body: 'Bo trives. Mor ammer.', authorId: world.staff.visitorId, authorName: 'Hanne Sundhed', supersedesId: null, history: [] });
    expect(new Date(note.signedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect((await hv.post(`/api/children/${childId}/notes`, { body: '   ' })).status).toBe(400);
    expect((await hv.post(`/api/children/${childId}/notes`, { body: 'x'.repeat(10001) })).status).toBe(400);
    const nul = await hv.post(`/api/children/${childId}/notes`, { body: 'Nul\u0000tegn' });
    expect(nul.status).toBe(400);
    expect(((await nul.json()) as Problem).errors).toEqual([expect.objectContaining({ field: 'body', code: 'invalid' })]);
    expect((await hv.post(`/api/children/${childId}/notes`, { body: 'Med besøg', visitId: crypto.randomUUID() })).status).toBe(400);
  });

  it('corrects a note: the earlier text is kept, only the author may correct, and a note is corrected once', async () => {
    const hv = await world.as('hv');
    const original = (await (await hv.post(`/api/children/${childId}/notes`, { body: 'Vægt 4100 g' })).json()) as Note;

    const colleague = await world.as('hv2');
    const notAuthor = await colleague.post(`/api/notes/${original.id}/corrections`, { body: 'Vægt 4200 g' });
    expect(notAuthor.status).toBe(403);
    expect(await notAuthor.json()).toMatchObject({ code: 'notes.not_author' });

    const corrected = await hv.post(`/api/notes/${original.id}/corrections`, { body: 'Vægt 4150 g' });
    expect(corrected.status).toBe(201);
    const first = (await corrected.json()) as Note;
    expect(first).toMatchObject({ body: 'Vægt 4150 g', supersedesId: original.id, history: [{ id: original.id, body: 'Vægt 4100 g' }] });

    const twice = await hv.post(`/api/notes/${original.id}/corrections`, { body: 'Vægt 4000 g' });
    expect(twice.status).toBe(409);
    expect(await twice.json()).toMatchObject({ code: 'notes.already_corrected' });

    const second = (await (await hv.post(`/api/notes/${first.id}/corrections`, { body: 'Vægt 4155 g' })).json()) as Note;
    expect(second.history.map((v) => v.body)).toEqual(['Vægt 4100 g', 'Vægt 4150 g']);

    const list = (await (await hv.get(`/api/children/${childId}/notes`)).json()) as { items: Note[] };
    const current = list.items.find((n) => n.id === second.id);
    expect(current?.history.map((v) => v.body)).toEqual(['Vægt 4100 g', 'Vægt 4150 g']);
    expect(list.items.some((n) => n.id === original.id || n.id === first.id)).toBe(false);
    expect(list.items.map((n) => n.body)).toEqual(['Vægt 4155 g', 'Bo trives. Mor ammer.']);
    // The colleague in the same unit can read the journal, just not rewrite someone else's note.
    expect((await colleague.get(`/api/children/${childId}/notes`)).status).toBe(200);
    expect((await hv.post(`/api/notes/${crypto.randomUUID()}/corrections`, { body: 'x' })).status).toBe(404);
  });

  it('records measurements and returns numbers', async () => {
    const hv = await world.as('hv');
    const visit = (await (await hv.post(`/api/children/${childId}/visits`, { kind: 'home', plannedAt: `${today}T09:00:00Z` })).json()) as Visit;
    const response = await hv.post(`/api/children/${childId}/measurements`, {
      measuredOn: today,
      weightGrams: 4350,
      lengthCm: 54.5,
      headCm: 37,
      visitId: visit.id,
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ measuredOn: today, weightGrams: 4350, lengthCm: 54.5, headCm: 37, visitId: visit.id, recordedByName: 'Hanne Sundhed' });
    expect((await hv.post(`/api/children/${childId}/measurements`, { measuredOn: birthDate, lengthCm: 51 })).status).toBe(201);
    const list = (await (await hv.get(`/api/children/${childId}/measurements`)).json()) as { items: { measuredOn: string; lengthCm: number; weightGrams: number | null }[] };
    expect(list.items).toEqual([
      expect.objectContaining({ measuredOn: birthDate, lengthCm: 51, weightGrams: null, headCm: null }),
      expect.objectContaining({ measuredOn: today, lengthCm: 54.5, weightGrams: 4350 }),
    ]);
    expect(typeof list.items[1].lengthCm).toBe('number');
  });

  it('validates measurements field by field, and wants at least one value', async () => {
    const hv = await world.as('hv');
    const post = async (body: Record<string, unknown>) => {
      const response = await hv.post(`/api/children/${childId}/measurements`, body);
      expect(response.status).toBe(400);
      const problem = (await response.json()) as Problem;
      expect(problem.code).toBe('validation.failed');
      return (problem.errors ?? []).map((e) => `${e.field}:${e.code}`).sort();
    };
    expect(await post({ measuredOn: today })).toEqual(['headCm:at_least_one', 'lengthCm:at_least_one', 'weightGrams:at_least_one']);
    expect(await post({ measuredOn: today, weightGrams: 200 })).toEqual(['weightGrams:too_small']);
    expect(await post({ measuredOn: today, weightGrams: 40001 })).toEqual(['weightGrams:too_big']);
    expect(await post({ measuredOn: today, weightGrams: 4000.5 })).toEqual(['weightGrams:whole_number']);
    expect(await post({ measuredOn: today, lengthCm: 52.35 })).toEqual(['lengthCm:one_decimal']);
    expect(await post({ measuredOn: today, lengthCm: 24.9 })).toEqual(['lengthCm:too_small']);
    expect(await post({ measuredOn: today, headCm: 66 })).toEqual(['headCm:too_big']);
    expect(await post({ measuredOn: addDays(today, 1), weightGrams: 4000 })).toEqual(['measuredOn:in_future']);
    expect(await post({ measuredOn: addDays(birthDate, -1), weightGrams: 4000 })).toEqual(['measuredOn:before_birth']);
    expect(await post({ measuredOn: '2026-02-30', weightGrams: 4000 })).toEqual(['measuredOn:invalid_date']);
    const english = await world.as('hv');
    english.language = 'en';
    const response = await english.post(`/api/children/${childId}/measurements`, { measuredOn: today });
    expect(((await response.json()) as Problem).errors?.[0].message).toBe('Enter at least one of the values.');
    expect(await world.db.selectFrom('measurements').select('id').where('weight_grams', '=', 200).execute()).toEqual([]);
  });

  it('audits every read and write with the child’s id, in the health category', async () => {
    const rows = await world.db
      .selectFrom('audit_log')
      .select(['action', 'subject_ids', 'outcome', 'detail'])
      .where('category', '=', 'health')
      .where('actor_id', '=', world.staff.visitorId)
      .where('outcome', '=', 'allowed')
      .execute();
    for (const row of rows) expect(row.subject_ids).toEqual([childId]);
    const kinds = (action: string, key: string) => rows.filter((r) => r.action === action && key in ((r.detail as object | null) ?? {})).length;
    expect(kinds('read', 'visits')).toBeGreaterThan(0);
    expect(kinds('read', 'notes')).toBeGreaterThan(0);
    expect(kinds('read', 'measurements')).toBeGreaterThan(0);
    expect(kinds('create', 'visit')).toBeGreaterThan(0);
    expect(kinds('update', 'visit')).toBeGreaterThan(0);
    expect(kinds('create', 'note')).toBeGreaterThan(0);
    expect(kinds('update', 'note')).toBeGreaterThan(0);
    expect(kinds('create', 'measurement')).toBeGreaterThan(0);
    const refused = await world.db
      .selectFrom('audit_log')
      .select(['subject_ids', 'action'])
      .where('actor_id', '=', colleagueId)
      .where('outcome', '=', 'denied')
      .execute();
    expect(refused).toEqual([{ subject_ids: [childId], action: 'update' }]);
  });

  it('never gives health data to the pedagogue of the child’s nursery, and hides the child from another health unit', async () => {
    const hv = await world.as('hv');
    const visit = (await (await hv.post(`/api/children/${childId}/visits`, { kind: 'home', plannedAt: `${today}T15:00:00Z` })).json()) as Visit;
    const note = (await (await hv.post(`/api/children/${childId}/notes`, { body: 'Fortroligt: mor er bekymret' })).json()) as Note;
    const attempts = (client: Awaited<ReturnType<typeof world.as>>) => [
      client.get(`/api/children/${childId}/visits`),
      client.post(`/api/children/${childId}/visits`, { kind: 'home', plannedAt: `${today}T10:00:00Z` }),
      client.patch(`/api/visits/${visit.id}`, { version: visit.version, status: 'cancelled' }),
      client.get(`/api/children/${childId}/notes`),
      client.post(`/api/children/${childId}/notes`, { body: 'Forsøg' }),
      client.post(`/api/notes/${note.id}/corrections`, { body: 'Forsøg' }),
      client.get(`/api/children/${childId}/measurements`),
      client.post(`/api/children/${childId}/measurements`, { measuredOn: today, weightGrams: 4000 }),
    ];
    const ped = await world.as('ped');
    for (const response of await Promise.all(attempts(ped))) {
      expect([403, 404]).toContain(response.status);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const text = await response.text();
      expect(text).not.toContain('Fortroligt');
      expect(text).not.toContain('4350');
    }
    const other = await world.as('hv-syd');
    for (const response of await Promise.all(attempts(other))) {
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('Fortroligt');
    }
    const denied = await world.db
      .selectFrom('audit_log as a')
      .innerJoin('staff as s', 's.id', 'a.actor_id')
      .select(['a.subject_ids'])
      .where('s.username', '=', 'hv-syd')
      .where('a.outcome', '=', 'denied')
      .execute();
    expect(denied).toHaveLength(8);
    for (const row of denied) expect(row.subject_ids).toEqual([childId]);
    const unchanged = await world.db.selectFrom('visits').select('status').where('id', '=', visit.id).executeTakeFirstOrThrow();
    expect(unchanged.status).toBe('planned');
  });
});
