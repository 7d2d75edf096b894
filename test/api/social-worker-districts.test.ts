/**
 * Which districts each social worker covers, through HTTP on both engines:
 * administrators read and set the coverage, others are refused, unknown
 * districts and non-social-workers are refused field by field, the change is
 * audited, and the sparring queue follows the new coverage.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays } from '../../src/domain';
import { todayInDenmark } from '../../src/server/clock';
import type { Database } from '../../src/server/db/connect';
import { describeEngines, freshDatabase } from '../engines';
import { makeChild, makeMunicipality, makeStaff, makeUnit, makeWorld, type TestClient } from '../factories';
import { expectJson, expectProblem } from '../http';

interface Ref {
  id: string;
  name: string;
}
interface Worker {
  id: string;
  name: string;
  units: Ref[];
  districts: Ref[];
}
interface Coverage {
  districts: Ref[];
  socialWorkers: Worker[];
}

/** PUT with a JSON body. */
const put = (client: TestClient, path: string, body: unknown) => client.request('PUT', path, body);

describeEngines('social worker districts', (engine) => {
  let database: Database;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  let socialId: string;
  let south: string;
  const today = todayInDenmark();

  beforeAll(async () => {
    database = await freshDatabase(engine);
    world = await makeWorld(database, { signInRateLimit: 100_000 });
    const familyCentre = await makeUnit(world.db, world.municipality, 'family_centre', 'Familiecentret Test');
    socialId = await makeStaff(world.db, world.municipality, { username: 'social', profession: 'social_worker', name: 'Sara Social', unitIds: [familyCentre] });
    south = uuidv7();
    await world.db.insertInto('districts').values({ id: south, municipality_id: world.municipality.id, name: 'Syd' }).execute();
    await world.db.insertInto('social_worker_districts').values({ id: uuidv7(), staff_id: socialId, district_id: south }).execute();
  });
  afterAll(() => database.close());

  it('lets an administrator read every social worker with the districts they cover, and set them', async () => {
    const admin = await world.as('admin');
    const before = await expectJson<Coverage>(await admin.get('/api/social-worker-districts'));
    expect(before.districts.map((d) => d.id)).toEqual(expect.arrayContaining([world.municipality.districtId, south]));
    expect(before.socialWorkers).toEqual([expect.objectContaining({ id: socialId, name: 'Sara Social', districts: [{ id: south, name: 'Syd' }], units: [expect.objectContaining({ name: 'Familiecentret Test' })] })]);

    const set = await expectJson<Worker>(await put(admin, `/api/staff/${socialId}/districts`, { districtIds: [world.municipality.districtId, south, south], previousDistrictIds: [south] }));
    expect(set.districts.map((d) => d.id).sort()).toEqual([world.municipality.districtId, south].sort());
    const after = await expectJson<Coverage>(await admin.get('/api/social-worker-districts'));
    expect(after.socialWorkers[0].districts).toHaveLength(2);

    // Saving over a change made meanwhile is refused and changes nothing.
    const stale = await expectProblem(await put(admin, `/api/staff/${socialId}/districts`, { districtIds: [], previousDistrictIds: [south] }), 409);
    expect(stale.code).toBe('conflict.stale_version');
    const cleared = await expectJson<Worker>(await put(admin, `/api/staff/${socialId}/districts`, { districtIds: [south], previousDistrictIds: [south, world.municipality.districtId] }));
    expect(cleared.districts).toEqual([{ id: south, name: 'Syd' }]);
    const rows = await world.db.selectFrom('social_worker_districts').select('district_id').where('staff_id', '=', socialId).execute();
    expect(rows.map((r) => r.district_id)).toEqual([south]);

    const audit = await world.db
      .selectFrom('audit_log')
      .selectAll()
      .where('category', '=', 'staff')
      .where('action', '=', 'update')
      .where('outcome', '=', 'allowed')
      .execute();
    expect(audit.some((row) => JSON.stringify(row).includes(socialId))).toBe(true);
  });

  it('refuses everyone but administrators', async () => {
    for (const username of ['hv', 'ped', 'social']) {
      const client = await world.as(username);
      await expectProblem(await client.get('/api/social-worker-districts'), 403);
      await expectProblem(await put(client, `/api/staff/${socialId}/districts`, { districtIds: [world.municipality.districtId], previousDistrictIds: [south] }), 403);
    }
    const rows = await world.db.selectFrom('social_worker_districts').select('district_id').where('staff_id', '=', socialId).execute();
    expect(rows.map((r) => r.district_id)).toEqual([south]);
  });

  it('refuses unknown districts, districts of another municipality, malformed ids and staff who are not social workers', async () => {
    const admin = await world.as('admin');
    const unknown = await expectProblem(await put(admin, `/api/staff/${socialId}/districts`, { districtIds: [uuidv7()], previousDistrictIds: [south] }), 400);
    expect(unknown.errors?.map((e) => [e.field, e.code])).toEqual([['districtIds', 'invalid_choice']]);
    const elsewhere = await makeMunicipality(world.db, 'Andenkommune');
    const foreign = await expectProblem(await put(admin, `/api/staff/${socialId}/districts`, { districtIds: [elsewhere.districtId], previousDistrictIds: [south] }), 400);
    expect(foreign.errors?.map((e) => e.field)).toEqual(['districtIds']);
    const malformed = await expectProblem(await put(admin, `/api/staff/${socialId}/districts`, { districtIds: ['nord'], previousDistrictIds: [south] }), 400);
    expect(malformed.errors?.[0].field).toMatch(/^districtIds/);
    const notSocial = await expectProblem(await put(admin, `/api/staff/${world.staff.visitorId}/districts`, { districtIds: [south], previousDistrictIds: [] }), 400);
    expect(notSocial.code).toBe('social_worker_districts.not_social_worker');
    await expectProblem(await put(admin, `/api/staff/${uuidv7()}/districts`, { districtIds: [], previousDistrictIds: [] }), 404);
    const rows = await world.db.selectFrom('social_worker_districts').select('district_id').execute();
    expect(rows.map((r) => r.district_id)).toEqual([south]);
  });

  it('sends sparring requests to the social workers who cover the unit’s district after the change', async () => {
    const admin = await world.as('admin');
    const ped = await world.as('ped');
    const social = await world.as('social');
    await expectJson(await put(admin, `/api/staff/${socialId}/districts`, { districtIds: [south], previousDistrictIds: [south] }));
    const childId = await makeChild(world.db, world.municipality, { healthUnitId: world.units.healthUnit, enrolledUnitIds: [world.units.nursery], firstName: 'Dina', lastName: 'Distrikt', birthDate: '2025-02-01' });
    const concern = await expectJson<{ id: string }>(
      await ped.post(`/api/children/${childId}/concerns`, {
        level: 'yellow',
        observed: 'Trækker sig fra legen.',
        observedSince: addDays(today, -20),
        parentsInformed: true,
        parentsInformedHow: 'Samtale ved afhentning',
        parentsInformedOn: addDays(today, -2),
      }),
      201,
    );
    const request = await expectJson<{ id: string }>(await ped.post(`/api/concerns/${concern.id}/sparring-requests`, { anonymous: true, question: 'Hvordan tager vi snakken?' }), 201);
    const queue = async () => expectJson<{ items: { id: string }[]; covers: Ref[] }>(await social.get('/api/sparring-requests'));
    expect((await queue()).items.map((i) => i.id)).not.toContain(request.id);

    await expectJson(await put(admin, `/api/staff/${socialId}/districts`, { districtIds: [world.municipality.districtId], previousDistrictIds: [south] }));
    const covered = await queue();
    expect(covered.items.map((i) => i.id)).toContain(request.id);
    expect(covered.covers.map((d) => d.id)).toEqual([world.municipality.districtId]);

    await expectJson(await put(admin, `/api/staff/${socialId}/districts`, { districtIds: [], previousDistrictIds: [world.municipality.districtId] }));
    expect((await queue()).items.map((i) => i.id)).not.toContain(request.id);
  });
});
