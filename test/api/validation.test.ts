/**
 * Bad input (architecture.md §6): a 400 problem+json with field errors in the
 * request's language, never a 500, and never a change to the data. The
 * property test at the end throws arbitrary input at every route.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/connect';
import { fieldMessage, problemTitles } from '../../src/server/i18n';
import { describeEngines, freshDatabase } from '../engines';
import { makeWorld, type TestClient } from '../factories';
import {
  apiRoutes,
  bodySchemaOf,
  fillPath,
  type OpenApiDocument,
  openApiDocument,
  operationOf,
  plausibleValue,
  resolve,
} from '../routes';

interface FieldError {
  field: string;
  code: string;
  message: string;
}
interface ProblemJson {
  type: string;
  title: string;
  status: number;
  code: string;
  errors?: FieldError[];
}

describeEngines('validation', (engine) => {
  let database: Database;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  let admin: TestClient;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    world = await makeWorld(database, { signInRateLimit: 100_000 });
    admin = await world.as('admin');
  });
  afterAll(() => database.close());

  /** Expects a 400 problem+json and returns its body. */
  async function badRequest(response: Response): Promise<ProblemJson> {
    const text = await response.text();
    expect(response.status, text).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const body = JSON.parse(text) as ProblemJson;
    expect(body.status).toBe(400);
    return body;
  }

  const rowCounts = async () =>
    (
      await sql<{ units: number; staff: number; districts: number; clusters: number; memberships: number }>`
        select (select count(*)::int from units) as units, (select count(*)::int from staff) as staff,
               (select count(*)::int from districts) as districts, (select count(*)::int from clusters) as clusters,
               (select count(*)::int from memberships) as memberships`.execute(world.db)
    ).rows[0];

  it('lists each wrong field with a stable code and a Danish message by default', async () => {
    const before = await rowCounts();
    const body = await badRequest(await admin.post('/api/units', { kind: 'castle', districtId: world.municipality.districtId }));
    expect(body.code).toBe('validation.failed');
    expect(body.title).toBe(problemTitles['validation.failed'].da);
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { field: 'name', code: 'required', message: fieldMessage('required', 'name', 'da') },
        { field: 'kind', code: 'invalid_choice', message: fieldMessage('invalid_choice', 'kind', 'da') },
      ]),
    );
    expect(body.errors).toHaveLength(2);
    for (const error of body.errors ?? []) expect(error.message).not.toBe(fieldMessage(error.code as 'required', error.field, 'en'));
    expect(body.errors?.[0].message).toMatch(/navn/);
    expect(await rowCounts()).toEqual(before);
  });

  it('speaks English when the request prefers it', async () => {
    admin.language = 'en';
    try {
      const body = await badRequest(await admin.post('/api/units', { kind: 'castle', districtId: world.municipality.districtId }));
      expect(body.title).toBe(problemTitles['validation.failed'].en);
      expect(body.errors).toEqual(
        expect.arrayContaining([
          { field: 'name', code: 'required', message: fieldMessage('required', 'name', 'en') },
          { field: 'kind', code: 'invalid_choice', message: fieldMessage('invalid_choice', 'kind', 'en') },
        ]),
      );
      expect(body.errors?.[0].message).toMatch(/name/);
    } finally {
      admin.language = 'da';
    }
  });

  it('refuses a short password with field password and code too_short', async () => {
    const body = await badRequest(
      await admin.post('/api/staff', { name: 'Kort Kode', username: 'kortkode', profession: 'pedagogue', password: 'kort' }),
    );
    expect(body.errors).toEqual([{ field: 'password', code: 'too_short', message: fieldMessage('too_short', 'password', 'da', { minimum: 12 }) }]);
    expect(body.errors?.[0].message).toContain('12');
    const staff = await world.db.selectFrom('staff').select('id').where('username', '=', 'kortkode').execute();
    expect(staff).toEqual([]);
  });

  it('refuses a membership that ends before it starts (end_before_start)', async () => {
    const before = await rowCounts();
    const body = await badRequest(
      await admin.post(`/api/staff/${world.staff.visitorId}/memberships`, {
        unitId: world.units.nursery,
        startsOn: '2026-03-01',
        endsOn: '2026-02-28',
      }),
    );
    expect(body.errors).toEqual([{ field: 'endsOn', code: 'end_before_start', message: fieldMessage('end_before_start', 'endsOn', 'da') }]);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses ending an existing membership before its start date, and keeps it as it was', async () => {
    const membership = await world.db
      .selectFrom('memberships')
      .select(['id', 'ends_on', 'version'])
      .where('staff_id', '=', world.staff.pedagogueId)
      .executeTakeFirstOrThrow();
    const body = await badRequest(await admin.patch(`/api/memberships/${membership.id}`, { version: membership.version, endsOn: '2019-12-31' }));
    expect(body.errors).toEqual([expect.objectContaining({ field: 'endsOn', code: 'end_before_start' })]);
    const after = await world.db.selectFrom('memberships').select(['ends_on', 'version']).where('id', '=', membership.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ ends_on: membership.ends_on, version: membership.version });
  });

  it('refuses a certification valid until before it is valid from', async () => {
    const body = await badRequest(
      await admin.post(`/api/staff/${world.staff.visitorId}/certifications`, { kind: 'adbb', validFrom: '2026-05-01', validUntil: '2026-04-30' }),
    );
    expect(body.errors).toEqual([expect.objectContaining({ field: 'validUntil', code: 'end_before_start' })]);
  });

  it('answers malformed JSON with 400 request.malformed', async () => {
    const body = await badRequest(await admin.request('POST', '/api/districts', '{"name": "Syd"', {}));
    expect(body.code).toBe('request.malformed');
    expect(body.title).toBe(problemTitles['request.malformed'].da);
  });

  it('answers a body that is not JSON with 400', async () => {
    const plain = await badRequest(await admin.request('POST', '/api/districts', 'name=Syd', { 'content-type': 'text/plain' }));
    expect(plain.code).toBe('request.malformed');
    const form = await badRequest(
      await admin.request('POST', '/api/districts', 'name=Syd', { 'content-type': 'application/x-www-form-urlencoded' }),
    );
    expect(form.code).toBe('request.malformed');
    const districts = await world.db.selectFrom('districts').select('name').where('name', '=', 'Syd').execute();
    expect(districts).toEqual([]);
  });

  it('refuses unknown fields instead of ignoring them', async () => {
    const created = await badRequest(await admin.post('/api/districts', { name: 'Vest', isAdmin: true }));
    expect(created.errors).toEqual([{ field: 'isAdmin', code: 'unknown_field', message: fieldMessage('unknown_field', 'isAdmin', 'da') }]);
    const unit = await world.db.selectFrom('units').select(['id', 'version']).where('id', '=', world.units.nursery).executeTakeFirstOrThrow();
    const patched = await badRequest(await admin.patch(`/api/units/${unit.id}`, { version: unit.version, municipalityId: crypto.randomUUID() }));
    expect(patched.errors).toEqual([expect.objectContaining({ field: 'municipalityId', code: 'unknown_field' })]);
  });

  it('refuses a path id that is not a UUID, and a query value outside its list', async () => {
    const id = await badRequest(await admin.get('/api/staff/not-a-uuid'));
    expect(id.errors).toEqual([expect.objectContaining({ field: 'id', code: 'invalid_id' })]);
    const kind = await badRequest(await admin.get('/api/units?kind=castle'));
    expect(kind.errors).toEqual([expect.objectContaining({ field: 'kind', code: 'invalid_choice' })]);
  });

  it('reports a value of the wrong type as invalid_type, not as missing', async () => {
    const body = await badRequest(await admin.post('/api/districts', { name: 123 }));
    expect(body.errors).toEqual([{ field: 'name', code: 'invalid_type', message: fieldMessage('invalid_type', 'name', 'da') }]);
  });

  it('answers text with a NUL character with 400, not 500', async () => {
    const search = await admin.get('/api/staff?q=a%00b');
    expect(search.status).toBe(400);
    const create = await admin.post('/api/districts', { name: 'Nul\u0000distrikt' });
    expect(create.status).toBe(400);
  });

  it('never answers 500 and never changes data, whatever is sent to any route', { timeout: 240_000 }, async () => {
    const doc: OpenApiDocument = await openApiDocument(world.app);
    const routes = apiRoutes(world.app);
    expect(routes.length).toBeGreaterThan(10);
    const membership = await world.db.selectFrom('memberships').select('id').where('staff_id', '=', world.staff.visitorId).executeTakeFirstOrThrow();
    // Real ids make some requests reach the repositories; the administrator's own id is left out so that the test keeps its session.
    const realIds = [
      world.staff.visitorId,
      world.staff.pedagogueId,
      world.units.healthUnit,
      world.units.nursery,
      world.municipality.districtId,
      membership.id,
    ];
    // Characters that trip up parsers, SQL and databases, mixed into otherwise random text.
    const nasty = fc.constantFrom('\u0000', '\ud800', '\uffff', '\u202e', "'", '"', '\\', '%', '_', '\n', ' ', '{', 'ø', '💥', '1e999');
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.string({ maxLength: 30 }),
      fc.array(fc.oneof(nasty, fc.string({ maxLength: 4 })), { maxLength: 6 }).map((parts) => parts.join('')),
      fc.constantFrom(...realIds),
    );
    const json = fc.oneof(fc.jsonValue({ stringUnit: 'binary', maxDepth: 3 }), text);
    const statuses: number[] = [];

    for (const route of routes) {
      const operation = operationOf(doc, route);
      const schema = bodySchemaOf(operation);
      const plausible = schema ? plausibleValue(doc, schema) : undefined;
      const propertyNames = schema ? Object.keys(resolve(doc, schema).properties ?? {}) : [];
      const queryNames = (operation?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);

      const nearlyValid = fc
        .record({
          key: fc.constantFrom(...propertyNames, 'unexpected'),
          value: fc.oneof(json, text),
          drop: fc.boolean(),
        })
        .map(({ key, value, drop }) => {
          const body = { ...(plausible as Record<string, unknown>) };
          if (drop) delete body[key];
          else body[key] = value;
          return JSON.stringify(body);
        });
      const bodyText = fc.oneof(
        json.map((v) => JSON.stringify(v)),
        fc.anything({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? 'null'),
        fc.string({ unit: 'binary', maxLength: 40 }),
        ...(plausible && typeof plausible === 'object' ? [nearlyValid, nearlyValid] : []),
      );
      const query = fc.dictionary(fc.constantFrom(...queryNames, 'x', 'limit', 'cursor'), text, { maxKeys: 3 });
      // Already URL-encoded path segments, some of them broken on purpose.
      const rawSegment = fc.constantFrom('%', '%E0%A4%A', '%00', '%C0%AF', '%2F', '..', '%2e%2e', '%ZZ', '%F0%9F%92');
      const pathParam = fc.oneof(
        text.map((t) => ({ value: t, encode: true })),
        fc.uuid().map((t) => ({ value: t, encode: true })),
        rawSegment.map((t) => ({ value: t, encode: false })),
      );

      await fc.assert(
        fc.asyncProperty(pathParam, query, bodyText, async (param, params, body) => {
          const target = `${fillPath(route.path, () => param.value, param.encode)}?${new URLSearchParams(params)}`;
          const before = await rowCounts();
          const hasBody = route.method !== 'GET' && route.method !== 'HEAD';
          const response = await admin.request(route.method, target, hasBody ? body : undefined, hasBody ? { 'content-type': 'application/json' } : {});
          const responseText = await response.text();
          const label = `${route.method} ${target} ${hasBody ? body : ''} → ${response.status} ${responseText.slice(0, 300)}`;
          statuses.push(response.status);
          expect(response.status, label).toBeLessThan(500);
          if (response.status >= 400) {
            expect(response.headers.get('content-type'), label).toContain('application/problem+json');
            const problem = JSON.parse(responseText) as ProblemJson;
            expect(typeof problem.code, label).toBe('string');
            expect(problem.status, label).toBe(response.status);
            expect(await rowCounts(), `refused, yet data changed: ${label}`).toEqual(before);
          }
          if (admin.cookie === undefined) await admin.signIn('admin'); // signed out by /api/auth/logout
        }),
        { numRuns: 30 },
      );
    }
    expect(statuses.some((s) => s >= 200 && s < 300)).toBe(true);
    expect(statuses.some((s) => s >= 400)).toBe(true);
  });
});
