/**
 * The administrator's flows end to end through HTTP: the municipality's
 * structure (districts, clusters, units), staff accounts with memberships and
 * certifications, deactivation and password reset, and what the new staff
 * member then sees. Everybody else is refused every change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInDenmark } from '../../src/server/clock';
import type { Database } from '../../src/server/db/connect';
import { describeEngines, freshDatabase } from '../engines';
import { makeWorld, TestClient } from '../factories';
import { apiRoutes, bodySchemaOf, fillPath, openApiDocument, operationOf, plausibleValue } from '../routes';

interface UnitJson {
  id: string;
  name: string;
  kind: string;
  districtId: string;
  districtName: string;
  clusterId: string | null;
  clusterName: string | null;
  address: string | null;
  phone: string | null;
  version: number;
}
interface StaffJson {
  id: string;
  name: string;
  username: string;
  email: string | null;
  profession: string;
  active: boolean;
  version: number;
  memberships: { id: string; unitId: string; unitName: string; startsOn: string; endsOn: string | null; version: number }[];
  certifications: { id: string; kind: string; validFrom: string; validUntil: string | null }[];
}

const NEW_PASSWORD = 'nyt-kodeord-til-nanna';
const RESET_PASSWORD = 'nulstillet-kodeord-2026';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describeEngines('organisation and staff administration', (engine) => {
  let database: Database;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  let admin: TestClient;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    world = await makeWorld(database, { signInRateLimit: 10_000 });
    admin = await world.as('admin');
  });
  afterAll(() => database.close());

  async function json<T>(response: Response, status: number): Promise<T> {
    const text = await response.text();
    expect(response.status, text).toBe(status);
    return JSON.parse(text) as T;
  }

  describe('the municipality’s structure', () => {
    let south: { id: string };
    let cluster: { id: string };
    let kindergarten: UnitJson;

    it('creates a district, and refuses a second one with the same name', async () => {
      south = await json<{ id: string; name: string; version: number; clusters: unknown[] }>(await admin.post('/api/districts', { name: 'Syd' }), 201);
      expect(south).toMatchObject({ name: 'Syd', version: 1, clusters: [] });
      const duplicate = await json<{ code: string }>(await admin.post('/api/districts', { name: 'Syd' }), 409);
      expect(duplicate.code).toBe('organisation.name_taken');
    });

    it('creates a cluster in a district, but not in an unknown district', async () => {
      cluster = await json<{ id: string; name: string }>(await admin.post('/api/clusters', { districtId: south.id, name: 'Klynge Strand' }), 201);
      const unknown = await json<{ errors: { field: string }[] }>(
        await admin.post('/api/clusters', { districtId: crypto.randomUUID(), name: 'Klynge Ingen' }),
        400,
      );
      expect(unknown.errors.map((e) => e.field)).toEqual(['districtId']);
    });

    it('shows the structure with districts and their clusters', async () => {
      const structure = await json<{ municipality: { id: string }; districts: { id: string; name: string; clusters: { id: string; name: string }[] }[] }>(
        await admin.get('/api/organisation'),
        200,
      );
      expect(structure.municipality.id).toBe(world.municipality.id);
      expect(structure.districts.map((d) => d.name)).toEqual(['Nord', 'Syd']);
      expect(structure.districts.find((d) => d.id === south.id)?.clusters).toEqual([expect.objectContaining({ id: cluster.id, name: 'Klynge Strand' })]);
    });

    it('creates a unit in a district and cluster', async () => {
      kindergarten = await json<UnitJson>(
        await admin.post('/api/units', {
          name: 'Børnehaven Strandlyst',
          kind: 'kindergarten',
          districtId: south.id,
          clusterId: cluster.id,
          address: 'Strandvejen 1',
          phone: '',
        }),
        201,
      );
      expect(kindergarten).toMatchObject({
        name: 'Børnehaven Strandlyst',
        kind: 'kindergarten',
        districtId: south.id,
        districtName: 'Syd',
        clusterId: cluster.id,
        clusterName: 'Klynge Strand',
        address: 'Strandvejen 1',
        phone: null,
        version: 1,
      });
    });

    it('refuses a cluster from another district (field clusterId) and creates nothing', async () => {
      const refused = await json<{ code: string; errors: { field: string; code: string }[] }>(
        await admin.post('/api/units', { name: 'Forkert Klynge', kind: 'nursery', districtId: world.municipality.districtId, clusterId: cluster.id }),
        400,
      );
      expect(refused.code).toBe('organisation.cluster_outside_district');
      expect(refused.errors).toEqual([expect.objectContaining({ field: 'clusterId' })]);
      const moved = await json<{ errors: { field: string }[] }>(
        await admin.patch(`/api/units/${kindergarten.id}`, { version: kindergarten.version, districtId: world.municipality.districtId, clusterId: cluster.id }),
        400,
      );
      expect(moved.errors.map((e) => e.field)).toEqual(['clusterId']);
      const units = await json<{ items: UnitJson[] }>(await admin.get('/api/units'), 200);
      expect(units.items.map((u) => u.name)).not.toContain('Forkert Klynge');
    });

    it('lists units by name and filters them by kind and district', async () => {
      const all = await json<{ items: UnitJson[] }>(await admin.get('/api/units'), 200);
      expect(all.items.map((u) => u.name)).toEqual(['Børnehaven Strandlyst', 'Sundhedsplejen Test', 'Vuggestuen Test']);
      const kindergartens = await json<{ items: UnitJson[] }>(await admin.get('/api/units?kind=kindergarten'), 200);
      expect(kindergartens.items.map((u) => u.id)).toEqual([kindergarten.id]);
      const north = await json<{ items: UnitJson[] }>(await admin.get(`/api/units?districtId=${world.municipality.districtId}`), 200);
      expect(north.items.map((u) => u.name)).toEqual(['Sundhedsplejen Test', 'Vuggestuen Test']);
      const none = await json<{ items: UnitJson[] }>(await admin.get(`/api/units?districtId=${south.id}&kind=nursery`), 200);
      expect(none.items).toEqual([]);
    });

    it('reads one unit, and 404 for one that does not exist', async () => {
      expect(await json<UnitJson>(await admin.get(`/api/units/${kindergarten.id}`), 200)).toEqual(kindergarten);
      const missing = await json<{ code: string }>(await admin.get(`/api/units/${crypto.randomUUID()}`), 404);
      expect(missing.code).toBe('not_found');
    });

    it('lets every staff member read the structure', async () => {
      const pedagogue = await world.as('ped');
      expect((await pedagogue.get('/api/organisation')).status).toBe(200);
      expect((await pedagogue.get('/api/units')).status).toBe(200);
    });
  });

  describe('a staff member’s account, from creation to reset', () => {
    let nanna: StaffJson;
    let unitId: string;
    let nannaClient: TestClient;

    beforeAll(async () => {
      unitId = (await json<UnitJson>(
        await admin.post('/api/units', { name: 'Vuggestuen Mariehønen', kind: 'nursery', districtId: world.municipality.districtId }),
        201,
      )).id;
    });

    it('creates a staff account without ever showing the password', async () => {
      const response = await admin.post('/api/staff', {
        name: 'Nanna Nyansat',
        username: 'Nanna.Ny',
        email: 'nanna@test.example',
        profession: 'pedagogue',
        password: NEW_PASSWORD,
      });
      const text = await response.clone().text();
      nanna = await json<StaffJson>(response, 201);
      expect(nanna).toMatchObject({
        name: 'Nanna Nyansat',
        username: 'Nanna.Ny',
        email: 'nanna@test.example',
        profession: 'pedagogue',
        active: true,
        version: 1,
        memberships: [],
        certifications: [],
      });
      expect(text).not.toContain(NEW_PASSWORD);
      expect(text).not.toMatch(/argon2|password/i);
    });

    it('refuses a username that differs only in case (409 staff.username_taken on field username)', async () => {
      const body = await json<{ code: string; errors: { field: string }[] }>(
        await admin.post('/api/staff', { name: 'Nanna To', username: 'nanna.ny', profession: 'teacher', password: NEW_PASSWORD }),
        409,
      );
      expect(body.code).toBe('staff.username_taken');
      expect(body.errors.map((e) => e.field)).toEqual(['username']);
      const clash = await json<{ code: string }>(
        await admin.post('/api/staff', { name: 'Admin To', username: 'ADMIN', profession: 'teacher', password: NEW_PASSWORD }),
        409,
      );
      expect(clash.code).toBe('staff.username_taken');
    });

    it('adds a unit membership and a certification', async () => {
      const withMembership = await json<StaffJson>(
        await admin.post(`/api/staff/${nanna.id}/memberships`, { unitId, startsOn: '2026-01-01' }),
        201,
      );
      expect(withMembership.memberships).toEqual([
        expect.objectContaining({ unitId, unitName: 'Vuggestuen Mariehønen', startsOn: '2026-01-01', endsOn: null, version: 1 }),
      ]);
      const withCertification = await json<StaffJson>(
        await admin.post(`/api/staff/${nanna.id}/certifications`, { kind: 'adbb', validFrom: '2026-01-01', validUntil: '2028-12-31' }),
        201,
      );
      expect(withCertification.certifications).toEqual([
        expect.objectContaining({ kind: 'adbb', validFrom: '2026-01-01', validUntil: '2028-12-31' }),
      ]);
      nanna = withCertification;
    });

    it('refuses a membership of a unit that does not exist', async () => {
      const body = await json<{ errors: { field: string }[] }>(
        await admin.post(`/api/staff/${nanna.id}/memberships`, { unitId: crypto.randomUUID(), startsOn: '2026-01-01' }),
        400,
      );
      expect(body.errors.map((e) => e.field)).toEqual(['unitId']);
    });

    it('finds the staff member by name, profession and unit', async () => {
      const byName = await json<{ items: { id: string }[] }>(await admin.get('/api/staff?q=nyansat'), 200);
      expect(byName.items.map((s) => s.id)).toEqual([nanna.id]);
      const byUnit = await json<{ items: { id: string }[] }>(await admin.get(`/api/staff?unitId=${unitId}`), 200);
      expect(byUnit.items.map((s) => s.id)).toEqual([nanna.id]);
      const byProfession = await json<{ items: { id: string }[] }>(await admin.get('/api/staff?profession=pedagogue'), 200);
      expect(byProfession.items.map((s) => s.id).sort()).toEqual([nanna.id, world.staff.pedagogueId].sort());
      const wildcard = await json<{ items: unknown[] }>(await admin.get('/api/staff?q=%25'), 200);
      expect(wildcard.items).toEqual([]); // '%' is searched for literally
    });

    it('lets the new staff member sign in and see their unit and certification', async () => {
      nannaClient = await new TestClient(world.app).signIn('nanna.ny', NEW_PASSWORD);
      const me = await json<{ user: { id: string; units: { id: string; name: string }[]; certifications: { kind: string }[]; isAdmin: boolean } }>(
        await nannaClient.get('/api/auth/me'),
        200,
      );
      expect(me.user).toMatchObject({ id: nanna.id, isAdmin: false });
      expect(me.user.units).toEqual([{ id: unitId, name: 'Vuggestuen Mariehønen', kind: 'nursery' }]);
      expect(me.user.certifications.map((c) => c.kind)).toEqual(['adbb']);
      const myDay = await json<{ units: { id: string }[]; certifications: { kind: string; expired: boolean }[]; admin?: unknown }>(
        await nannaClient.get('/api/my-day'),
        200,
      );
      expect(myDay.units.map((u) => u.id)).toEqual([unitId]);
      expect(myDay.certifications).toEqual([expect.objectContaining({ kind: 'adbb', expired: false })]);
      expect(myDay.admin).toBeUndefined();
    });

    it('lets the staff member read their own account, but nobody else’s', async () => {
      expect((await nannaClient.get(`/api/staff/${nanna.id}`)).status).toBe(200);
      expect([403, 404]).toContain((await nannaClient.get(`/api/staff/${world.staff.visitorId}`)).status);
    });

    it('drops a unit from Min dag once the membership has ended', async () => {
      const today = todayInDenmark();
      const [membership] = nanna.memberships;
      const ended = await json<StaffJson>(
        await admin.patch(`/api/memberships/${membership.id}`, { version: membership.version, endsOn: addDays(today, -1) }),
        200,
      );
      expect(ended.memberships[0]).toMatchObject({ endsOn: addDays(today, -1), version: 2 });
      const myDay = await json<{ units: unknown[] }>(await nannaClient.get('/api/my-day'), 200);
      expect(myDay.units).toEqual([]);
      const reopened = await json<StaffJson>(await admin.patch(`/api/memberships/${membership.id}`, { version: 2, endsOn: null }), 200);
      expect(reopened.memberships[0]).toMatchObject({ endsOn: null, version: 3 });
      expect((await json<{ units: unknown[] }>(await nannaClient.get('/api/my-day'), 200)).units).toHaveLength(1);
    });

    it('removes a certification recorded by mistake', async () => {
      const [certification] = nanna.certifications;
      const after = await json<StaffJson>(await admin.delete(`/api/certifications/${certification.id}`), 200);
      expect(after.certifications).toEqual([]);
      expect((await admin.delete(`/api/certifications/${certification.id}`)).status).toBe(404);
    });

    it('ends every session of a deactivated staff member, and refuses their sign-in', async () => {
      const current = await json<StaffJson>(await admin.get(`/api/staff/${nanna.id}`), 200);
      const deactivated = await json<StaffJson>(await admin.patch(`/api/staff/${nanna.id}`, { version: current.version, active: false }), 200);
      expect(deactivated.active).toBe(false);
      const next = await json<{ code: string }>(await nannaClient.get('/api/my-day'), 401);
      expect(next.code).toBe('auth.required');
      const again = await new TestClient(world.app).request('POST', '/api/auth/login', { username: 'nanna.ny', password: NEW_PASSWORD });
      expect(again.status).toBe(401);
      const sessions = await world.db.selectFrom('sessions').select('id').where('staff_id', '=', nanna.id).execute();
      expect(sessions).toEqual([]);

      const reactivated = await json<StaffJson>(await admin.patch(`/api/staff/${nanna.id}`, { version: deactivated.version, active: true }), 200);
      expect(reactivated.active).toBe(true);
      nannaClient = await new TestClient(world.app).signIn('nanna.ny', NEW_PASSWORD);
    });

    it('resets a password: the old one and the old sessions stop working, the new one works', async () => {
      expect((await admin.post(`/api/staff/${nanna.id}/password`, { password: RESET_PASSWORD })).status).toBe(204);
      expect((await nannaClient.get('/api/auth/me')).status).toBe(401);
      const old = await new TestClient(world.app).request('POST', '/api/auth/login', { username: 'nanna.ny', password: NEW_PASSWORD });
      expect(old.status).toBe(401);
      const fresh = await new TestClient(world.app).signIn('nanna.ny', RESET_PASSWORD);
      expect((await fresh.get('/api/auth/me')).status).toBe(200);
    });

    it('lifts a lockout when the password is reset', async () => {
      await world.db.updateTable('staff').set({ locked_until: new Date(Date.now() + 3_600_000) }).where('id', '=', nanna.id).execute();
      const locked = await new TestClient(world.app).request('POST', '/api/auth/login', { username: 'nanna.ny', password: RESET_PASSWORD });
      expect(locked.status).toBe(429);
      expect((await admin.post(`/api/staff/${nanna.id}/password`, { password: `${RESET_PASSWORD}!` })).status).toBe(204);
      await new TestClient(world.app).signIn('nanna.ny', `${RESET_PASSWORD}!`);
    });
  });

  describe('everybody else', () => {
    it('refuses every change to the structure and to staff with 403, and changes nothing', async () => {
      const doc = await openApiDocument(world.app);
      const changes = apiRoutes(world.app).filter((route) => {
        const access = operationOf(doc, route)?.['x-spire-access'] ?? '';
        return route.method !== 'GET' && /^(organisation|staff):/.test(access);
      });
      expect(changes.map((r) => `${r.method} ${r.path}`)).toEqual(
        expect.arrayContaining(['POST /api/districts', 'POST /api/units', 'PATCH /api/units/:id', 'POST /api/staff', 'PATCH /api/staff/:id', 'POST /api/staff/:id/password']),
      );
      const membership = await world.db.selectFrom('memberships').select('id').where('staff_id', '=', world.staff.pedagogueId).executeTakeFirstOrThrow();
      const snapshot = async () => ({
        units: await world.db.selectFrom('units').selectAll().orderBy('id').execute(),
        districts: await world.db.selectFrom('districts').selectAll().orderBy('id').execute(),
        staff: await world.db.selectFrom('staff').select(['id', 'name', 'active', 'version', 'password_hash']).orderBy('id').execute(),
        memberships: await world.db.selectFrom('memberships').selectAll().orderBy('id').execute(),
        certifications: await world.db.selectFrom('certifications').selectAll().orderBy('id').execute(),
      });
      const before = await snapshot();
      for (const username of ['hv', 'ped']) {
        const client = await world.as(username);
        const ownId = username === 'hv' ? world.staff.visitorId : world.staff.pedagogueId;
        for (const route of changes) {
          const schema = bodySchemaOf(operationOf(doc, route));
          // Their own account, their own membership and unit: the closest thing to something they might be allowed.
          const ids: Record<string, string> = {
            '/api/units/:id': world.units.nursery,
            '/api/memberships/:id': membership.id,
          };
          const target = fillPath(route.path, () => ids[route.path] ?? ownId);
          const body = schema ? plausibleValue(doc, schema) : undefined;
          const response = await client.request(route.method, target, body ?? (route.method === 'DELETE' ? undefined : {}));
          expect(response.status, `${username} ${route.method} ${target}`).toBe(403);
          expect(await response.json()).toMatchObject({ code: 'access.denied' });
        }
      }
      expect(await snapshot()).toEqual(before);
    });
  });
});

describeEngines('staff directory', (engine) => {
  let database: Database;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    world = await makeWorld(database);
  });
  afterAll(() => database.close());

  it('lists active colleagues with profession and units, without contact details, for any signed-in staff member', async () => {
    const hv = await world.as('hv');
    const response = await hv.get(`/api/staff-directory?unitKind=nursery`);
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: { name: string; profession: string; units: { name: string }[] }[] };
    expect(items).toEqual([expect.objectContaining({ name: 'Pia Pædagog', profession: 'pedagogue', units: [expect.objectContaining({ name: 'Vuggestuen Test' })] })]);
    const all = await (await hv.get('/api/staff-directory')).text();
    expect(all).not.toContain('hanne@test.example');
    expect(all).not.toContain('"username"');
  });
});
