/** The children's registry through HTTP: registration, pregnancy → birth, guardians, search, duplicates, merge, CPR, access. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/connect';
import { describeEngines, freshDatabase } from '../engines';
import { makeChild, makeStaff, makeUnit, makeWorld } from '../factories';

type Child = {
  id: string;
  version: number;
  status: string;
  displayName: string;
  cprMasked: string | null;
  birthDate: string | null;
  relations: { id: string; adultId: string; name: string; custody: boolean; version: number; cprMasked: string | null }[];
  siblings: { id: string; visible: boolean }[];
  household: { name: string; role: string }[];
  enrolments: { id: string; unitName: string; state: string; version: number }[];
  caseload: { current: { unitName: string; staffName: string | null } | null; history: { unitName: string }[] };
  access: { health: boolean; edit: boolean };
};

describeEngines('children registry', (engine) => {
  let database: Database;
  let world: Awaited<ReturnType<typeof makeWorld>>;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    world = await makeWorld(database);
  });
  afterAll(() => database.close());

  const register = async (body: Record<string, unknown>) => {
    const hv = await world.as('hv');
    return hv.post('/api/children', { healthUnitId: world.units.healthUnit, ...body });
  };

  it('registers a born child with parents, with CPR masked and household derived', async () => {
    const response = await register({
      status: 'born',
      cpr: '150326-4001',
      firstName: 'Alma',
      lastName: 'Nielsen',
      address: 'Skovvej 1',
      healthVisitorId: world.staff.visitorId,
      guardians: [
        { firstName: 'Mette', lastName: 'Nielsen', cpr: '0101904000', relation: 'mother', custody: true, livesWithChild: true, preferredLanguage: 'da' },
        { firstName: 'Omar', lastName: 'Hassan', relation: 'father', custody: true, livesWithChild: false, preferredLanguage: 'ar', interpreterNeeded: true },
      ],
    });
    expect(response.status).toBe(201);
    const child = (await response.json()) as Child;
    expect(child).toMatchObject({ status: 'born', displayName: 'Alma Nielsen', cprMasked: '150326-XXXX', birthDate: '2026-03-15' });
    expect(JSON.stringify(child)).not.toContain('1503264001');
    expect(child.relations.map((r) => r.name)).toEqual(['Mette Nielsen', 'Omar Hassan']);
    expect(child.household.map((h) => h.role)).toEqual(['Mor']);
    expect(child.caseload.current).toMatchObject({ unitName: 'Sundhedsplejen Test', staffName: 'Hanne Sundhed' });
    expect(child.access).toEqual({ health: true, edit: true });
  });

  it('accepts a CPR that fails modulus 11 and refuses an impossible one, field by field', async () => {
    const ok = await register({ status: 'born', cpr: '0101074000', firstName: 'Ny', lastName: 'Årsbarn' });
    expect(ok.status).toBe(201);
    const bad = await register({ status: 'born', cpr: '3102264001', firstName: 'X', lastName: 'Y' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ errors: [{ field: 'cpr', code: 'invalid_cpr' }] });
  });

  it('registers a pregnancy and turns it into the child at birth, keeping what was recorded', async () => {
    const created = await register({
      status: 'expected',
      expectedDate: '2027-01-20',
      guardians: [{ firstName: 'Freja', lastName: 'Holm', relation: 'mother', custody: true, livesWithChild: true }],
    });
    expect(created.status).toBe(201);
    const expected = (await created.json()) as Child;
    expect(expected.displayName).toBe('Forventet barn (termin 20.01.2027)');
    const hv = await world.as('hv');
    const born = await hv.post(`/api/children/${expected.id}/birth`, { version: expected.version, firstName: 'Ida', lastName: 'Holm', birthDate: '2026-11-20', dischargedWithin72h: true });
    expect(born.status).toBe(200);
    const child = (await born.json()) as Child;
    expect(child).toMatchObject({ id: expected.id, status: 'born', displayName: 'Ida Holm', birthDate: '2026-11-20' });
    expect(child.relations.map((r) => r.name)).toEqual(['Freja Holm']);
    const again = await hv.post(`/api/children/${expected.id}/birth`, { version: child.version, firstName: 'Ida', lastName: 'Holm', birthDate: '2026-11-20' });
    expect(again.status).toBe(409);
  });

  it('searches by name, CPR, birth date and a parent’s name, and audits the search without the CPR', async () => {
    const hv = await world.as('hv');
    const byName = (await (await hv.get('/api/children?q=alma')).json()) as { items: Child[] };
    expect(byName.items.map((c) => c.displayName)).toContain('Alma Nielsen');
    const byCpr = (await (await hv.post('/api/children/search', { q: '150326-4001' })).json()) as { items: Child[] };
    expect(byCpr.items).toHaveLength(1);
    const inUrl = await hv.get('/api/children?q=1503264001');
    expect(inUrl.status).toBe(400);
    expect(await inUrl.json()).toMatchObject({ errors: [{ field: 'q', code: 'cpr_in_url' }] });
    const byParent = (await (await hv.get('/api/children?q=Freja')).json()) as { items: Child[] };
    expect(byParent.items.map((c) => c.displayName)).toEqual(['Ida Holm']);
    const byDate = (await (await hv.get('/api/children?birthDate=2026-03-15')).json()) as { items: Child[] };
    expect(byDate.items.map((c) => c.displayName)).toEqual(['Alma Nielsen']);
    const audit = await world.db.selectFrom('audit_log').select(['criterion']).where('action', '=', 'search').where('category', '=', 'basic').execute();
    expect(audit.length).toBeGreaterThanOrEqual(4);
    for (const row of audit) expect(row.criterion ?? '').not.toMatch(/\d{6}-?\d{4}/);
  });

  it('warns about a likely duplicate and registers only when confirmed', async () => {
    const body = { status: 'born', firstName: 'Alma', lastName: 'Nielsen', birthDate: '2026-03-15' };
    const first = await register(body);
    expect(first.status).toBe(409);
    expect(await first.json()).toMatchObject({ code: 'registry.possible_duplicate' });
    const confirmed = await register({ ...body, confirmNotDuplicate: true });
    expect(confirmed.status).toBe(201);
    const sameCpr = await register({ status: 'born', cpr: '1503264001', firstName: 'A', lastName: 'B', confirmNotDuplicate: true });
    expect(sameCpr.status).toBe(409);
    expect(await sameCpr.json()).toMatchObject({ code: 'registry.cpr_exists' });
  });

  it('merges two records of the same child, keeping every entry and auditing it', async () => {
    const hv = await world.as('hv');
    const list = (await (await hv.get('/api/children?q=Alma')).json()) as { items: Child[] };
    const [withCpr, duplicate] = [list.items.find((c) => c.cprMasked), list.items.find((c) => !c.cprMasked)];
    await hv.post(`/api/children/${duplicate!.id}/enrolments`, { unitId: world.units.nursery, startsOn: '2027-08-01' });
    await hv.post(`/api/children/${duplicate!.id}/relations`, { firstName: 'Bedste', lastName: 'Nielsen', relation: 'other', custody: false, livesWithChild: false });
    const merged = await hv.post(`/api/children/${withCpr!.id}/merge`, { duplicateId: duplicate!.id });
    expect(merged.status).toBe(200);
    const child = (await merged.json()) as Child;
    expect(child.enrolments.map((e) => e.unitName)).toEqual(['Vuggestuen Test']);
    expect(child.relations.map((r) => r.name)).toContain('Bedste Nielsen');
    expect((await hv.get(`/api/children/${duplicate!.id}`)).status).toBe(404);
    const audit = await world.db.selectFrom('audit_log').select(['subject_ids', 'detail']).where('action', '=', 'update').execute();
    expect(audit.some((r) => r.subject_ids.includes(duplicate!.id) && r.subject_ids.includes(withCpr!.id))).toBe(true);
  });

  it('reveals a full CPR only on request, audited as a disclosure', async () => {
    const hv = await world.as('hv');
    const [alma] = ((await (await hv.post('/api/children/search', { q: '150326' })).json()) as { items: Child[] }).items;
    const revealed = await hv.post(`/api/persons/${alma.id}/reveal-cpr`);
    expect(await revealed.json()).toEqual({ cpr: '1503264001', formatted: '150326-4001' });
    const rows = await world.db.selectFrom('audit_log').select(['subject_ids', 'outcome']).where('action', '=', 'disclose').execute();
    expect(rows).toContainEqual({ subject_ids: [alma.id], outcome: 'allowed' });
    const ped = await world.as('ped');
    expect([403, 404]).toContain((await ped.post(`/api/persons/${alma.id}/reveal-cpr`)).status);
  });

  it('lets a pedagogue see the basic record only of children enrolled in their unit, and never health', async () => {
    const enrolled = await makeChild(world.db, world.municipality, { healthUnitId: world.units.healthUnit, firstName: 'Bo', enrolledUnitIds: [world.units.nursery] });
    const notEnrolled = await makeChild(world.db, world.municipality, { healthUnitId: world.units.healthUnit, firstName: 'Carl' });
    await world.db.insertInto('extended_track_periods').values({ id: crypto.randomUUID(), child_id: enrolled, starts_on: '2026-01-01', reason: 'Mor har fødselsdepression' }).execute();
    const ped = await world.as('ped');
    const seen = await ped.get(`/api/children/${enrolled}`);
    expect(seen.status).toBe(200);
    const seenBody = (await seen.json()) as Child & { extendedTrack: boolean | null; dischargedWithin72h: boolean | null };
    expect(seenBody.access).toEqual({ health: false, edit: false });
    expect(seenBody.extendedTrack).toBeNull();
    expect(seenBody.dischargedWithin72h).toBeNull();
    expect(JSON.stringify(seenBody)).not.toContain('fødselsdepression');
    const listed = (await (await ped.post('/api/children/search', { q: 'Bo' })).json()) as { items: { id: string; extendedTrack: boolean | null }[] };
    expect(listed.items.find((c) => c.id === enrolled)?.extendedTrack).toBeNull();
    const hvSees = (await (await world.as('hv')).get(`/api/children/${enrolled}`).then((r) => r.json())) as { extendedTrack: boolean };
    expect(hvSees.extendedTrack).toBe(true);
    const hidden = await ped.get(`/api/children/${notEnrolled}`);
    expect(hidden.status).toBe(404);
    expect(await hidden.text()).not.toContain('Carl');
    const found = (await (await ped.get('/api/children?q=Carl')).json()) as { items: Child[] };
    expect(found.items).toHaveLength(0);
    expect((await ped.patch(`/api/children/${enrolled}`, { version: 1, firstName: 'X' })).status).toBe(403);
  });

  it('hides children from an unrelated health visitor', async () => {
    const otherUnit = await makeUnit(world.db, world.municipality, 'health_visiting', 'Sundhedsplejen Syd');
    await makeStaff(world.db, world.municipality, { username: 'hv2', unitIds: [otherUnit] });
    const other = await world.as('hv2');
    const list = (await (await other.get('/api/children?q=Alma')).json()) as { items: Child[] };
    expect(list.items).toHaveLength(0);
    const hv = await world.as('hv');
    const [alma] = ((await (await hv.post('/api/children/search', { q: '150326' })).json()) as { items: Child[] }).items;
    expect((await other.get(`/api/children/${alma.id}`)).status).toBe(404);
  });

  it('reassigns to another unit with history; the old unit loses access', async () => {
    const syd = await makeUnit(world.db, world.municipality, 'health_visiting', 'Sundhedsplejen Øst');
    const hv = await world.as('hv');
    const child = await makeChild(world.db, world.municipality, { healthUnitId: world.units.healthUnit, firstName: 'Dina' });
    const moved = await hv.post(`/api/children/${child}/assignment`, { unitId: syd, reason: 'Familien er flyttet' });
    expect(moved.status).toBe(200);
    const detail = (await moved.json()) as Child;
    expect(detail.caseload.current?.unitName).toBe('Sundhedsplejen Øst');
    expect((await hv.get(`/api/children/${child}`)).status).toBe(404);
    await makeStaff(world.db, world.municipality, { username: 'hv-oest', unitIds: [syd] });
    const newUnit = (await (await world.as('hv-oest')).get(`/api/children/${child}`).then((r) => r.json())) as Child;
    expect(newUnit.caseload.history.map((h) => h.unitName)).toEqual(['Sundhedsplejen Test']);
  });

  it('shows siblings from any member, and enrolments with a planned start', async () => {
    const hv = await world.as('hv');
    const [alma] = ((await (await hv.post('/api/children/search', { q: '150326' })).json()) as { items: Child[] }).items;
    const almaDetail = (await (await hv.get(`/api/children/${alma.id}`)).json()) as Child;
    const mother = almaDetail.relations.find((r) => r.name === 'Mette Nielsen')!;
    const sibling = await register({ status: 'born', firstName: 'Emil', lastName: 'Nielsen', birthDate: '2024-05-01', guardians: [{ adultId: mother.adultId, relation: 'mother', custody: true, livesWithChild: true }] });
    expect(sibling.status).toBe(201);
    const emil = (await sibling.json()) as Child;
    expect(emil.siblings.map((s) => s.id)).toContain(alma.id);
    const almaAgain = (await (await hv.get(`/api/children/${alma.id}`)).json()) as Child;
    expect(almaAgain.siblings.map((s) => s.id)).toContain(emil.id);
    expect(almaAgain.household.map((h) => h.name)).toContain('Emil Nielsen');
    const enrolled = await hv.post(`/api/children/${emil.id}/enrolments`, { unitId: world.units.nursery, startsOn: '2099-01-01' });
    expect(((await enrolled.json()) as Child).enrolments[0].state).toBe('planned');
    const ped = await world.as('ped');
    expect((await ped.get(`/api/children/${emil.id}`)).status).toBe(200);
  });
});
