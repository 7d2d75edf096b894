/**
 * The route guard (architecture.md §4): walks every route the app registers.
 * Nobody signed in gets 401 unless the route is public; a staff member with no
 * relation to anyone gets 403 or 404 on personal data; and no response ever
 * carries another staff member's personal details.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/connect';
import { describeEngines, freshDatabase } from '../engines';
import { makeChild, makeStaff, makeUnit, makeWorld, TestClient } from '../factories';
import { type ApiRoute, apiRoutes, bodySchemaOf, fillPath, type OpenApiDocument, openApiDocument, operationOf, plausibleBody } from '../routes';

/** The victim's personal details: none of them may show up in anyone else's responses. */
const VICTIM = { name: 'Vibeke Qwertzland', username: 'vibeke.qz7', email: 'vibeke.qz7@offer.example' };
/** A child on the victim's caseload, equally private. */
const VICTIM_CHILD = { firstName: 'Xenia', lastName: 'Qwertzbarn', cpr: '2908257913' };
/** Who is unrelated to the victim: [description, username]. */
const OUTSIDERS: [string, string][] = [
  ['pedagogue', 'outsider'],
  ['health visitor', 'outsider.hv'],
];
const victimStrings = [VICTIM.name, VICTIM.username, VICTIM.email, VICTIM_CHILD.lastName, VICTIM_CHILD.cpr, '290825-7913'];

describeEngines('route guard', (engine) => {
  let database: Database;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  let doc: OpenApiDocument;
  let routes: ApiRoute[];
  /** Ids that point at the victim's data; every path parameter is tried with a random UUID and with these. */
  let victimIds: string[];

  beforeAll(async () => {
    database = await freshDatabase(engine);
    world = await makeWorld(database, { signInRateLimit: 10_000 });
    const victimUnit = await makeUnit(world.db, world.municipality, 'health_visiting', 'Sundhedsplejen Offer');
    const victimId = await makeStaff(world.db, world.municipality, { ...VICTIM, profession: 'health_visitor', unitIds: [victimUnit] });
    const certificationId = uuidv7();
    await world.db
      .insertInto('certifications')
      .values({ id: certificationId, staff_id: victimId, kind: 'adbb', valid_from: '2025-01-01' })
      .execute();
    const membership = await world.db.selectFrom('memberships').select('id').where('staff_id', '=', victimId).executeTakeFirstOrThrow();
    const childId = await makeChild(world.db, world.municipality, { ...VICTIM_CHILD, healthUnitId: victimUnit, healthVisitorId: victimId, birthDate: '2025-08-29' });
    victimIds = [victimId, membership.id, certificationId, victimUnit, childId];

    // The outsiders, related to nobody: a pedagogue in a nursery of their own, and a health visitor in
    // another health-visiting unit (who gets past the policy's first gate for health data).
    const farNursery = await makeUnit(world.db, world.municipality, 'nursery', 'Vuggestuen Fjernt');
    await makeStaff(world.db, world.municipality, { username: 'outsider', profession: 'pedagogue', name: 'Otto Udenfor', unitIds: [farNursery] });
    const farHealthUnit = await makeUnit(world.db, world.municipality, 'health_visiting', 'Sundhedsplejen Fjernt');
    await makeStaff(world.db, world.municipality, { username: 'outsider.hv', profession: 'health_visitor', name: 'Ulla Udenfor', unitIds: [farHealthUnit] });

    doc = await openApiDocument(world.app);
    routes = apiRoutes(world.app);
  });
  afterAll(() => database.close());

  const accessOf = (route: ApiRoute) => operationOf(doc, route)?.['x-spire-access'];

  /** Sends `route` once per way of filling its path: random UUIDs, then each of the victim's ids. */
  async function sendAll(client: TestClient, route: ApiRoute): Promise<{ target: string; response: Response }[]> {
    const targets = route.path.includes(':')
      ? [fillPath(route.path, () => crypto.randomUUID()), ...victimIds.map((id) => fillPath(route.path, () => id))]
      : [route.path];
    const results = [];
    for (const target of targets) {
      const body = plausibleBody(world.app, doc, route)?.body ?? (route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
      results.push({ target, response: await client.request(route.method, target, body) });
    }
    return results;
  }

  it('walks the routes the app registers, from the app itself', () => {
    const listed = routes.map((r) => `${r.method} ${r.path}`);
    expect(listed.length).toBeGreaterThan(10);
    expect(listed).toContain('GET /api/staff/:id');
    expect(listed).toContain('PATCH /api/units/:id');
    expect(listed).toContain('GET /api/audit.csv');
    expect(listed.some((r) => r.includes('/api/docs') || r.includes('openapi.json'))).toBe(false);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('knows the declared access of every route', () => {
    for (const route of routes) expect(accessOf(route), `${route.method} ${route.path}`).toMatch(/^(public|signed-in|[a-z]+:[a-z]+)$/);
  });

  it('builds request bodies that pass each route’s own validation, so that the policy is what answers', () => {
    const withBody = routes.filter((route) => bodySchemaOf(operationOf(doc, route)));
    expect(withBody.length).toBeGreaterThan(5);
    const invalid = withBody.filter((route) => !plausibleBody(world.app, doc, route)?.valid).map((r) => `${r.method} ${r.path}`);
    expect(invalid).toEqual([]);
  });

  it('answers 401 to anyone not signed in, except on public routes', { timeout: 120_000 }, async () => {
    const anonymous = world.client();
    const failures: string[] = [];
    for (const route of routes) {
      if (accessOf(route) === 'public') continue;
      for (const { target, response } of await sendAll(anonymous, route)) {
        const body = await response.text();
        if (response.status !== 401 || !body.includes('"code":"auth.required"')) {
          failures.push(`${route.method} ${target} → ${response.status} ${body.slice(0, 200)}`);
        }
        for (const secret of victimStrings) if (body.includes(secret)) failures.push(`${route.method} ${target} leaks '${secret}'`);
      }
    }
    expect(failures).toEqual([]);
  });

  it.each(OUTSIDERS)('answers 403 or 404 (or an empty search) to an unrelated %s on every route about personal data', { timeout: 120_000 }, async (_, username) => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const access = accessOf(route) ?? '';
      if (!access.includes(':') || access.startsWith('organisation:')) continue;
      const outsider = await new TestClient(world.app).signIn(username);
      for (const { target, response } of await sendAll(outsider, route)) {
        checked++;
        // A search may answer, but it must find nothing of anyone unrelated.
        if (access.endsWith(':search') && response.status === 200) {
          const body = (await response.json()) as { items?: unknown[] };
          if (!Array.isArray(body.items) || body.items.length > 0) failures.push(`${route.method} ${target} (${access}) → 200 with ${JSON.stringify(body).slice(0, 200)}`);
        } else if (access.endsWith(':create') && !route.path.includes(':')) {
          // Creating something new concerns nobody yet; made up of random references it must still be refused.
          if (response.status < 400) failures.push(`${route.method} ${target} (${access}) → ${response.status}`);
        } else if (response.status !== 403 && response.status !== 404) {
          failures.push(`${route.method} ${target} (${access}) → ${response.status} ${(await response.text()).slice(0, 200)}`);
        } else {
          expect(response.headers.get('content-type')).toContain('application/problem+json');
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });

  it.each(OUTSIDERS)('never shows another staff member’s details, or a child of theirs, to an unrelated %s, on any route', { timeout: 120_000 }, async (_, username) => {
    const failures: string[] = [];
    for (const route of routes) {
      // A fresh session per route: sign-out and refresh are routes too.
      const outsider = await new TestClient(world.app).signIn(username);
      for (const { target, response } of await sendAll(outsider, route)) {
        expect(response.status, `${route.method} ${target}`).toBeLessThan(500);
        const body = await response.text();
        // The staff directory shows colleagues' names and units by design (to pick a health visitor or
        // meeting participants); nothing else of theirs, and no child, may show there either.
        const secrets = route.path === '/api/staff-directory' ? victimStrings.filter((s) => s !== VICTIM.name) : victimStrings;
        for (const secret of secrets) if (body.includes(secret)) failures.push(`${route.method} ${target} → ${response.status} shows '${secret}'`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('does show the victim’s details to those entitled, so the secrets above are real', async () => {
    const admin = await world.as('admin');
    const response = await admin.get(`/api/staff/${victimIds[0]}`);
    expect(response.status).toBe(200);
    const body = await response.text();
    for (const secret of [VICTIM.name, VICTIM.username, VICTIM.email]) expect(body).toContain(secret);
    // …and the child is really there for the health visitor whose caseload it is on.
    const victim = await world.as(VICTIM.username);
    const child = await victim.get(`/api/children/${victimIds[4]}`);
    expect(child.status).toBe(200);
    expect(await child.text()).toContain(VICTIM_CHILD.lastName);
  });
});
