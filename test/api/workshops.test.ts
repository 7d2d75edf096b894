/**
 * Workshops, talks and competence forums for staff through HTTP on both
 * engines: recording them for an offer the unit runs, validation field by
 * field, the list with its filters, who sees and changes them, stale
 * versions, removal, the audit trail and the numbers per theme.
 */
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/connect';
import { describeEngines, freshDatabase } from '../engines';
import { makeStaff, makeUnit, makeWorld, type TestClient } from '../factories';
import { expectJson, expectProblem, type ProblemJson } from '../http';

interface WorkshopJson {
  id: string;
  offer: { id: string; name: string; format: string };
  theme: string;
  heldOn: string;
  unit: { id: string; name: string };
  participants: number;
  facilitators: { id: string; name: string }[];
  note: string | null;
  version: number;
}

/** An offer in the catalogue (the offers module's table), written straight to the database. */
async function makeOffer(db: Database['db'], municipalityId: string, format: string, method: string, unitIds: string[]) {
  const id = uuidv7();
  await sql`insert into offers (id, municipality_id, name, audience, format, method, unit_ids)
    values (${id}, ${municipalityId}, ${`Tilbud ${method}`}, 'staff', ${format}, ${method}, array[${sql.join(unitIds)}]::uuid[])`.execute(db);
  return id;
}

describeEngines('staff workshops', (engine) => {
  let database: Database;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  let centre: string;
  let workshopOffer: string;
  let dropInOffer: string;
  let socialId: string;
  let social: TestClient;
  let pedagogue: TestClient;
  let outsider: TestClient;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    world = await makeWorld(database, { signInRateLimit: 100_000 });
    centre = await makeUnit(world.db, world.municipality, 'family_centre', 'Familiecentret Test');
    socialId = await makeStaff(world.db, world.municipality, { username: 'soc', profession: 'social_worker', name: 'Sara Social', unitIds: [centre] });
    const farNursery = await makeUnit(world.db, world.municipality, 'nursery', 'Vuggestuen Fjern');
    await makeStaff(world.db, world.municipality, { username: 'far', profession: 'pedagogue', unitIds: [farNursery] });
    workshopOffer = await makeOffer(world.db, world.municipality.id, 'workshop', 'staff_workshop', [centre]);
    dropInOffer = await makeOffer(world.db, world.municipality.id, 'drop_in', 'open_counselling', [centre]);
    social = await world.as('soc');
    pedagogue = await world.as('ped'); // member of the nursery the workshops are held for
    outsider = await world.as('far');
  });
  afterAll(() => database.close());

  /** Unlike the other API tests, an empty body (the 204 from a removal) is allowed here and gives undefined. */
  const ok = <T>(response: Response, status = 200) => expectJson<T>(response, status, { allowEmpty: true });
  /** Unlike the other API tests, this file does not check the problem's content type. */
  const problem = (response: Response, status: number) => expectProblem(response, status, { anyContentType: true });
  const fields = (p: ProblemJson) => (p.errors ?? []).map((e) => `${e.field}:${e.code}`).sort();
  const body = (extra: Record<string, unknown> = {}) => ({
    offerId: workshopOffer,
    theme: 'early_intervention',
    heldOn: '2026-10-07',
    unitId: world.units.nursery,
    participants: 14,
    facilitatorIds: [socialId],
    ...extra,
  });

  it('records a workshop for an offer the unit runs, audited as the facilitators’ data', async () => {
    const created = await ok<WorkshopJson>(await social.post('/api/workshops', body({ note: 'God dialog om tidlige tegn.' })), 201);
    expect(created).toMatchObject({ theme: 'early_intervention', heldOn: '2026-10-07', participants: 14, version: 1, note: 'God dialog om tidlige tegn.' });
    expect(created.unit.id).toBe(world.units.nursery);
    expect(created.facilitators).toEqual([{ id: socialId, name: 'Sara Social' }]);
    expect(created.offer).toMatchObject({ id: workshopOffer, format: 'workshop' });
    const audit = await world.db.selectFrom('audit_log').select(['action', 'category', 'subject_ids']).where(sql`detail::text`, 'like', `%${created.id}%`).execute();
    expect(audit).toEqual([{ action: 'create', category: 'staff', subject_ids: [socialId] }]);
  });

  it('checks the input field by field', async () => {
    expect(fields(await problem(await social.post('/api/workshops', body({ participants: -1 })), 400))).toEqual(['participants:too_small']);
    expect(fields(await problem(await social.post('/api/workshops', body({ theme: 'astrology' })), 400))).toEqual(['theme:invalid_choice']);
    expect(fields(await problem(await social.post('/api/workshops', body({ participants: 2.5, heldOn: '2026-02-30' })), 400))).toEqual([
      'heldOn:invalid_date',
      'participants:invalid_type',
    ]);
    expect(fields(await problem(await social.post('/api/workshops', body({ offerId: dropInOffer })), 400))).toEqual(['offerId:workshop_offer']);
    expect(fields(await problem(await social.post('/api/workshops', body({ facilitatorIds: [world.staff.pedagogueId, socialId, socialId], unitId: uuidv7() })), 400))).toEqual([
      'facilitatorIds.0:not_offer_staff',
      'facilitatorIds:duplicate',
      'unitId:unknown_unit',
    ]);
    expect(fields(await problem(await social.post('/api/workshops', body({ childId: uuidv7() })), 400))).toEqual(['childId:unknown_field']);
  });

  it('is refused to staff of units that do not run the offer', async () => {
    await problem(await outsider.post('/api/workshops', body()), 403);
    await problem(await pedagogue.post('/api/workshops', body()), 403);
  });

  it('lists with filters by period, unit and theme; the unit it was held for sees it, others nothing', async () => {
    const a = await ok<WorkshopJson>(await social.post('/api/workshops', body({ theme: 'parent_collaboration', heldOn: '2026-09-01', participants: 10 })), 201);
    const b = await ok<WorkshopJson>(await social.post('/api/workshops', body({ theme: 'child_perspective', heldOn: '2026-11-01', unitId: centre, participants: 6 })), 201);
    const list = async (client: TestClient, query = '') => (await ok<{ items: WorkshopJson[] }>(await client.get(`/api/workshops${query}`))).items.map((w) => w.id);
    expect(await list(social, '?theme=parent_collaboration')).toEqual([a.id]);
    expect(await list(social, `?unitId=${centre}`)).toEqual([b.id]);
    expect(await list(social, '?from=2026-10-15&to=2026-11-30')).toEqual([b.id]);
    expect((await list(social, '?from=2026-08-01')).slice(0, 2)).toEqual([b.id, expect.any(String)]);
    expect(await list(pedagogue)).toContain(a.id);
    expect(await list(pedagogue)).not.toContain(b.id);
    expect(await list(outsider)).toEqual([]);
    expect(fields(await problem(await social.get('/api/workshops?theme=astrology'), 400))).toEqual(['theme:invalid_choice']);
    await problem(await outsider.get(`/api/workshops/${a.id}`), 404);
    expect((await ok<WorkshopJson>(await pedagogue.get(`/api/workshops/${a.id}`))).participants).toBe(10);
  });

  it('changes with the version read (stale → 409), only by staff of running units, and removes', async () => {
    const w = await ok<WorkshopJson>(await social.post('/api/workshops', body({ theme: 'attachment', heldOn: '2026-06-01', participants: 8 })), 201);
    const changed = await ok<WorkshopJson>(await social.patch(`/api/workshops/${w.id}`, { version: w.version, participants: 9, note: null }));
    expect(changed).toMatchObject({ participants: 9, version: 2 });
    expect((await problem(await social.patch(`/api/workshops/${w.id}`, { version: 1, participants: 11 }), 409)).code).toBe('conflict.stale_version');
    expect(fields(await problem(await social.patch(`/api/workshops/${w.id}`, { version: 2, participants: -3 }), 400))).toEqual(['participants:too_small']);
    await problem(await pedagogue.patch(`/api/workshops/${w.id}`, { version: 2, participants: 1 }), 404);
    await problem(await social.delete(`/api/workshops/${w.id}?version=1`), 409);
    await ok(await social.delete(`/api/workshops/${w.id}?version=2`), 204);
    await problem(await social.get(`/api/workshops/${w.id}`), 404);
  });

  it('counts workshops held and participants per theme for the unit overview, without names', async () => {
    const summary = await ok<{ workshops: { held: number; participants: number; themes: { theme: string; held: number; participants: number }[] } }>(
      await social.get(`/api/units/${centre}/counselling-summary?from=2026-01-01&to=2026-12-31`),
    );
    const rows = await world.db.selectFrom('staff_workshops').select(['theme', 'participants']).where('deleted_at', 'is', null).execute();
    const expected = new Map<string, { held: number; participants: number }>();
    for (const r of rows) {
      const t = expected.get(r.theme) ?? { held: 0, participants: 0 };
      expected.set(r.theme, { held: t.held + 1, participants: t.participants + r.participants });
    }
    expect(summary.workshops.themes).toEqual([...expected.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([theme, v]) => ({ theme, ...v })));
    expect(summary.workshops.held).toBe(rows.length);
    expect(JSON.stringify(summary)).not.toContain('Sara Social');
    // The nursery the workshops were held for sees its own: not the centre's own child-perspective workshop.
    const nursery = await ok<{ workshops: { themes: { theme: string }[] } }>(await pedagogue.get(`/api/units/${world.units.nursery}/counselling-summary?from=2026-01-01&to=2026-12-31`));
    expect(nursery.workshops.themes.map((t) => t.theme)).not.toContain('child_perspective');
  });
});
