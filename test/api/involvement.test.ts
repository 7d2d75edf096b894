/** Involvement: a staff member brought into a child's case sees the child's basic data while the work is open, and nothing after. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { endInvolvement, involveStaff } from '../../src/server/access/involvement';
import type { Database } from '../../src/server/db/connect';
import { describeEngines, freshDatabase } from '../engines';
import { makeChild, makeStaff, makeUnit, makeWorld } from '../factories';

describeEngines('child involvement', (engine) => {
  let database: Database;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  let childId: string;
  let socialWorkerId: string;
  const source = { source: 'sparring', sourceId: '01900000-0000-7000-8000-000000000001' };

  beforeAll(async () => {
    database = await freshDatabase(engine);
    world = await makeWorld(database);
    const familyCentre = await makeUnit(world.db, world.municipality, 'family_centre', 'Familiecentret Test');
    socialWorkerId = await makeStaff(world.db, world.municipality, { username: 'sw', profession: 'social_worker', unitIds: [familyCentre] });
    childId = await makeChild(world.db, world.municipality, { healthUnitId: world.units.healthUnit, firstName: 'Ida', lastName: 'Inddraget' });
  });
  afterAll(() => database.close());

  it('shows the child only while the involvement is open, and never the health data', async () => {
    const sw = await world.as('sw');
    expect((await sw.get(`/api/children/${childId}`)).status).toBe(404);
    expect((await sw.post('/api/children/search', { q: 'Inddraget' }).then((r) => r.json())).items).toHaveLength(0);

    await involveStaff(world.db, childId, [socialWorkerId, socialWorkerId], source, world.staff.visitorId);
    await involveStaff(world.db, childId, [socialWorkerId], source, world.staff.visitorId); // idempotent
    const rows = await world.db.selectFrom('child_involvements').selectAll().where('child_id', '=', childId).execute();
    expect(rows).toHaveLength(1);

    const page = await sw.get(`/api/children/${childId}`);
    expect(page.status).toBe(200);
    expect(((await page.json()) as { access: { health: boolean } }).access.health).toBe(false);
    expect((await sw.post('/api/children/search', { q: 'Inddraget' }).then((r) => r.json())).items).toHaveLength(1);
    expect((await sw.get(`/api/children/${childId}/visits`)).status).toBe(403);

    await endInvolvement(world.db, source);
    expect((await sw.get(`/api/children/${childId}`)).status).toBe(404);
  });
});
