/**
 * Small factories for test data, written straight to the test database (set-up,
 * not behaviour under test), plus an HTTP client that signs in like a browser.
 */
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { buildApp, type SpireApp } from '../src/server/app';
import { hashPassword } from '../src/server/auth/passwords';
import { type AppConfig, defaultConfig } from '../src/server/config';
import type { Database } from '../src/server/db/connect';
import type { DB } from '../src/server/db/types';

/** The password every factory-made account gets. */
export const TEST_PASSWORD = 'test-password-123';
let cachedHash: Promise<string> | undefined;

/** A municipality with one district. */
export async function makeMunicipality(db: Kysely<DB>, name = 'Testby Kommune') {
  const id = uuidv7();
  const districtId = uuidv7();
  await db.insertInto('municipalities').values({ id, name, code: String(Math.floor(Math.random() * 9000) + 1000) }).execute();
  await db.insertInto('districts').values({ id: districtId, municipality_id: id, name: 'Nord' }).execute();
  return { id, districtId };
}

/** A unit of `kind` in the municipality's district. */
export async function makeUnit(db: Kysely<DB>, m: { id: string; districtId: string }, kind = 'health_visiting', name = `Enhed ${kind}`) {
  const id = uuidv7();
  await db.insertInto('units').values({ id, municipality_id: m.id, district_id: m.districtId, name, kind }).execute();
  return id;
}

/** A staff member with a password (TEST_PASSWORD) and optional unit memberships. */
export async function makeStaff(
  db: Kysely<DB>,
  m: { id: string },
  options: { username: string; profession?: string; name?: string; unitIds?: string[]; email?: string },
) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const id = uuidv7();
  await db
    .insertInto('staff')
    .values({
      id,
      municipality_id: m.id,
      name: options.name ?? `Test ${options.username}`,
      username: options.username,
      email: options.email ?? null,
      profession: options.profession ?? 'health_visitor',
      password_hash: await cachedHash,
    })
    .execute();
  for (const unitId of options.unitIds ?? []) {
    await db.insertInto('memberships').values({ id: uuidv7(), staff_id: id, unit_id: unitId, starts_on: '2020-01-01' }).execute();
  }
  return id;
}

/** A browser-like client: keeps the session cookie and sends the CSRF token. */
export class TestClient {
  cookie: string | undefined;
  csrfToken: string | undefined;
  language: 'da' | 'en' = 'da';

  constructor(readonly app: SpireApp) {}

  /** Sends a request; `body` is sent as JSON. */
  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const init: RequestInit = { method, headers: { 'accept-language': this.language, ...headers } };
    const h = init.headers as Record<string, string>;
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET') h['x-csrf-token'] ??= this.csrfToken;
    if (body !== undefined) {
      h['content-type'] ??= 'application/json';
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const response = await this.app.request(path, init);
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    return response;
  }

  /** Signs in and remembers the session; throws when it fails. */
  async signIn(username: string, password = TEST_PASSWORD): Promise<this> {
    const response = await this.request('POST', '/api/auth/login', { username, password });
    if (response.status !== 200) throw new Error(`sign-in as ${username} failed: ${response.status} ${await response.text()}`);
    this.csrfToken = ((await response.json()) as { csrfToken: string }).csrfToken;
    return this;
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body?: unknown) => this.request('POST', path, body ?? {});
  patch = (path: string, body: unknown) => this.request('PATCH', path, body);
  delete = (path: string) => this.request('DELETE', path);
}

/**
 * A test world: the app on a fresh database, one municipality with a health
 * visiting unit and a nursery, an administrator, a health visitor and a pedagogue.
 */
export async function makeWorld(database: Database, config: Partial<AppConfig> = {}) {
  const db = database.db;
  const municipality = await makeMunicipality(db);
  const healthUnit = await makeUnit(db, municipality, 'health_visiting', 'Sundhedsplejen Test');
  const nursery = await makeUnit(db, municipality, 'nursery', 'Vuggestuen Test');
  const adminId = await makeStaff(db, municipality, { username: 'admin', profession: 'administrator', name: 'Ada Admin' });
  const visitorId = await makeStaff(db, municipality, { username: 'hv', profession: 'health_visitor', name: 'Hanne Sundhed', unitIds: [healthUnit], email: 'hanne@test.example' });
  const pedagogueId = await makeStaff(db, municipality, { username: 'ped', profession: 'pedagogue', name: 'Pia Pædagog', unitIds: [nursery] });
  const app = buildApp(database, { ...defaultConfig, ...config });
  return {
    app,
    db,
    municipality,
    units: { healthUnit, nursery },
    staff: { adminId, visitorId, pedagogueId },
    client: () => new TestClient(app),
    as: (username: string) => new TestClient(app).signIn(username),
  };
}

/**
 * A born child (or, with `expectedDate` and no birthDate, an expected child) on
 * the caseload of `healthUnitId`, optionally enrolled in daycare units.
 */
export async function makeChild(
  db: Kysely<DB>,
  m: { id: string },
  options: {
    healthUnitId: string;
    healthVisitorId?: string | null;
    firstName?: string;
    lastName?: string;
    birthDate?: string | null;
    expectedDate?: string | null;
    cpr?: string | null;
    enrolledUnitIds?: string[];
  },
) {
  const id = uuidv7();
  const born = options.birthDate !== null && (options.birthDate !== undefined || !options.expectedDate);
  await db
    .insertInto('persons')
    .values({
      id,
      municipality_id: m.id,
      cpr: options.cpr ?? null,
      first_name: options.firstName ?? (born ? 'Testbarn' : null),
      last_name: options.lastName ?? 'Jensen',
      birth_date: born ? (options.birthDate ?? '2026-06-01') : null,
    })
    .execute();
  await db
    .insertInto('children')
    .values({ person_id: id, status: born ? 'born' : 'expected', expected_date: options.expectedDate ?? null })
    .execute();
  await db
    .insertInto('caseload_assignments')
    .values({ id: uuidv7(), child_id: id, unit_id: options.healthUnitId, staff_id: options.healthVisitorId ?? null, starts_on: '2026-01-01' })
    .execute();
  for (const unitId of options.enrolledUnitIds ?? []) {
    await db.insertInto('enrolments').values({ id: uuidv7(), child_id: id, unit_id: unitId, starts_on: '2026-01-01' }).execute();
  }
  return id;
}
