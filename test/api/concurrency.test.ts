/**
 * Optimistic concurrency (architecture.md §5): an update carries the version it
 * read; a stale version gets 409 conflict.stale_version and nobody's edit is
 * silently overwritten.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/connect';
import { problemTitles } from '../../src/server/i18n';
import { describeEngines, freshDatabase } from '../engines';
import { makeStaff, makeWorld, type TestClient } from '../factories';

interface Versioned {
  version: number;
}
interface UnitBody extends Versioned {
  name: string;
  phone: string | null;
}
interface StaffBody extends Versioned {
  name: string;
  email: string | null;
  memberships: { id: string; endsOn: string | null; version: number }[];
}

describeEngines('optimistic concurrency', (engine) => {
  let database: Database;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  let first: TestClient;
  let second: TestClient;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    world = await makeWorld(database, { signInRateLimit: 10_000 });
    await makeStaff(world.db, world.municipality, { username: 'admin2', profession: 'administrator', name: 'Bo Bestyrer' });
    first = await world.as('admin');
    second = await world.as('admin2');
  });
  afterAll(() => database.close());

  async function read<T>(client: TestClient, path: string): Promise<T> {
    const response = await client.get(path);
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  }

  async function expectStale(response: Response) {
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const body = (await response.json()) as { code: string; title: string };
    expect(body.code).toBe('conflict.stale_version');
    expect(body.title).toBe(problemTitles['conflict.stale_version'].da);
  }

  it('refuses a unit edit made on a stale version and keeps the first edit', async () => {
    const path = `/api/units/${world.units.nursery}`;
    const seenByFirst = await read<UnitBody>(first, path);
    const seenBySecond = await read<UnitBody>(second, path);
    expect(seenByFirst.version).toBe(1);
    expect(seenBySecond.version).toBe(1);

    const won = await first.patch(path, { version: seenByFirst.version, name: 'Vuggestuen Solsikken' });
    expect(won.status).toBe(200);
    expect(await won.json()).toMatchObject({ name: 'Vuggestuen Solsikken', version: 2 });

    await expectStale(await second.patch(path, { version: seenBySecond.version, name: 'Vuggestuen Mælkebøtten', phone: '12345678' }));

    expect(await read<UnitBody>(first, path)).toMatchObject({ name: 'Vuggestuen Solsikken', phone: null, version: 2 });
    // Re-reading and retrying works.
    const retried = await second.patch(path, { version: 2, phone: '12345678' });
    expect(retried.status).toBe(200);
    expect(await retried.json()).toMatchObject({ name: 'Vuggestuen Solsikken', phone: '12345678', version: 3 });
  });

  it('refuses a staff edit made on a stale version and keeps the first edit', async () => {
    const path = `/api/staff/${world.staff.visitorId}`;
    const seenByFirst = await read<StaffBody>(first, path);
    const seenBySecond = await read<StaffBody>(second, path);
    expect(seenBySecond.version).toBe(seenByFirst.version);

    const won = await first.patch(path, { version: seenByFirst.version, name: 'Hanne Sundhed-Larsen' });
    expect(won.status).toBe(200);
    expect(await won.json()).toMatchObject({ name: 'Hanne Sundhed-Larsen', version: seenByFirst.version + 1 });

    await expectStale(await second.patch(path, { version: seenBySecond.version, email: 'overwritten@test.example' }));

    expect(await read<StaffBody>(first, path)).toMatchObject({
      name: 'Hanne Sundhed-Larsen',
      email: 'hanne@test.example',
      version: seenByFirst.version + 1,
    });
  });

  it('refuses a membership edit made on a stale version and keeps the first edit', async () => {
    const staffPath = `/api/staff/${world.staff.pedagogueId}`;
    const [membership] = (await read<StaffBody>(first, staffPath)).memberships;
    const [sameAsSeenBySecond] = (await read<StaffBody>(second, staffPath)).memberships;
    expect(membership.version).toBe(1);
    expect(sameAsSeenBySecond.version).toBe(1);

    const won = await first.patch(`/api/memberships/${membership.id}`, { version: 1, endsOn: '2030-06-30' });
    expect(won.status).toBe(200);
    expect((await won.json()).memberships[0]).toMatchObject({ id: membership.id, endsOn: '2030-06-30', version: 2 });

    await expectStale(await second.patch(`/api/memberships/${membership.id}`, { version: 1, endsOn: null }));

    const [after] = (await read<StaffBody>(first, staffPath)).memberships;
    expect(after).toMatchObject({ endsOn: '2030-06-30', version: 2 });
  });

  it('lets exactly one of two simultaneous edits of the same version win', async () => {
    const path = `/api/units/${world.units.healthUnit}`;
    const { version } = await read<UnitBody>(first, path);
    const [a, b] = await Promise.all([
      first.patch(path, { version, name: 'Sundhedsplejen A' }),
      second.patch(path, { version, name: 'Sundhedsplejen B' }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = a.status === 200 ? 'Sundhedsplejen A' : 'Sundhedsplejen B';
    expect(await read<UnitBody>(first, path)).toMatchObject({ name: winner, version: version + 1 });
  });

  it('refuses a version from the future as stale too', async () => {
    const path = `/api/units/${world.units.healthUnit}`;
    const current = await read<UnitBody>(first, path);
    await expectStale(await first.patch(path, { version: current.version + 5, name: 'Fremtiden' }));
    expect(await read<UnitBody>(first, path)).toMatchObject({ name: current.name, version: current.version });
  });
});
