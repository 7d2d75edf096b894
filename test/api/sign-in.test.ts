/** Sign-in: credentials, lockout, sessions, CSRF, sign-out, and the audit of every attempt. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/connect';
import { describeEngines, freshDatabase } from '../engines';
import { makeWorld, TEST_PASSWORD } from '../factories';

describeEngines('sign-in', (engine) => {
  let database: Database;
  let world: Awaited<ReturnType<typeof makeWorld>>;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    world = await makeWorld(database, { lockoutThreshold: 3, lockoutSeconds: 60 });
  });
  afterAll(() => database.close());

  it('signs in with the right password and knows who you are', async () => {
    const client = await world.as('hv');
    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    const body = (await me.json()) as { user: { name: string; units: { name: string }[] } };
    expect(body.user.name).toBe('Hanne Sundhed');
    expect(body.user.units.map((u) => u.name)).toEqual(['Sundhedsplejen Test']);
  });

  it('sets an HttpOnly, SameSite session cookie', async () => {
    const response = await world.client().request('POST', '/api/auth/login', { username: 'hv', password: TEST_PASSWORD });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^spire_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('refuses a wrong password with a clear message in Danish or English', async () => {
    const da = await world.client().request('POST', '/api/auth/login', { username: 'ped', password: 'wrong-password' });
    expect(da.status).toBe(401);
    expect(da.headers.get('content-type')).toContain('application/problem+json');
    expect(await da.json()).toMatchObject({ code: 'auth.invalid_credentials', title: 'Forkert brugernavn eller adgangskode.' });
    const client = world.client();
    client.language = 'en';
    const en = await client.request('POST', '/api/auth/login', { username: 'nobody', password: 'wrong-password' });
    expect(await en.json()).toMatchObject({ code: 'auth.invalid_credentials', title: 'Wrong username or password.' });
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    await world.db.insertInto('staff').values({
      id: '01900000-0000-7000-8000-00000000aaaa',
      municipality_id: world.municipality.id,
      name: 'Lars Lås',
      username: 'locky',
      profession: 'teacher',
      password_hash: (await world.db.selectFrom('staff').select('password_hash').where('username', '=', 'hv').executeTakeFirstOrThrow()).password_hash,
    }).execute();
    const attempt = (password: string) => world.client().request('POST', '/api/auth/login', { username: 'locky', password });
    expect((await attempt('nope-1')).status).toBe(401);
    expect((await attempt('nope-2')).status).toBe(401);
    const third = await attempt('nope-3');
    expect(third.status).toBe(429);
    expect(await third.json()).toMatchObject({ code: 'auth.locked' });
    const right = await attempt(TEST_PASSWORD);
    expect(right.status).toBe(429);
    expect(right.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('audits every attempt, success and failure, with the person concerned', async () => {
    const rows = await world.db
      .selectFrom('audit_log')
      .select(['action', 'outcome', 'actor_id', 'criterion', 'detail'])
      .where('action', '=', 'sign_in')
      .execute();
    expect(rows.some((r) => r.outcome === 'allowed' && r.actor_id === world.staff.visitorId)).toBe(true);
    expect(rows.some((r) => r.outcome === 'denied' && r.actor_id === world.staff.pedagogueId)).toBe(true);
    expect(rows.some((r) => r.outcome === 'denied' && r.actor_id === null && r.criterion === 'username=nobody')).toBe(true);
    expect(rows.filter((r) => (r.detail as { reason?: string } | null)?.reason === 'locked').length).toBeGreaterThan(0);
  });

  it('refuses state-changing requests without the CSRF token or from another site', async () => {
    const client = await world.as('admin');
    const noToken = await client.request('POST', '/api/districts', { name: 'Øst' }, { 'x-csrf-token': 'forged' });
    expect(noToken.status).toBe(403);
    expect(await noToken.json()).toMatchObject({ code: 'auth.csrf' });
    const crossSite = await client.request('POST', '/api/districts', { name: 'Øst' }, { origin: 'https://evil.example', host: 'spire.example' });
    expect(crossSite.status).toBe(403);
    const ok = await client.post('/api/districts', { name: 'Øst' });
    expect(ok.status).toBe(201);
  });

  it('signs out: the session no longer works', async () => {
    const client = await world.as('hv');
    const cookie = client.cookie;
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    client.cookie = cookie;
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('expires idle sessions', async () => {
    const client = await world.as('hv');
    await world.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000) }).where('staff_id', '=', world.staff.visitorId).execute();
    const response = await client.get('/api/my-day');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'auth.required' });
  });

  it('refresh extends the session but never past the absolute limit', async () => {
    const client = await world.as('ped');
    const absolute = new Date(Date.now() + 5 * 60 * 1000);
    await world.db.updateTable('sessions').set({ absolute_expires_at: absolute }).where('staff_id', '=', world.staff.pedagogueId).execute();
    const response = await client.post('/api/auth/refresh');
    expect(response.status).toBe(200);
    const { session } = (await response.json()) as { session: { expiresAt: string } };
    expect(new Date(session.expiresAt).getTime()).toBeLessThanOrEqual(absolute.getTime());
  });
});
