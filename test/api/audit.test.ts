/**
 * The audit trail (architecture.md §4): every read of personal data and every
 * refusal is logged with the request id; a request's entries are written with
 * one insert in its own transaction, so that work without its audit rows is
 * never committed; the log is append-only, searchable and exportable by
 * administrators only.
 */
import { type KyselyPlugin, type RootOperationNode, sql, ValuesNode } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StaffActor } from '../../src/server/access/actor';
import { Work } from '../../src/server/access/work';
import { buildApp } from '../../src/server/app';
import { defaultConfig } from '../../src/server/config';
import type { Database } from '../../src/server/db/connect';
import { systemRepo } from '../../src/server/repos';
import { describeEngines, freshDatabase } from '../engines';
import { makeStaff, makeWorld, TestClient } from '../factories';

interface AuditRowJson {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  category: string;
  subjectIds: string[];
  criterion: string | null;
  outcome: 'allowed' | 'denied';
  requestId: string | null;
}
interface AuditPageJson {
  items: AuditRowJson[];
  nextCursor: string | null;
}

/**
 * A Kysely plugin that records every INSERT into audit_log (with its number of
 * rows), so that tests can see how many statements a request really sends.
 */
function auditInsertCounter() {
  const inserts: number[] = [];
  const plugin: KyselyPlugin = {
    transformQuery(args): RootOperationNode {
      const node = args.node;
      if (node.kind === 'InsertQueryNode' && node.into?.table.identifier.name === 'audit_log') {
        inserts.push(node.values && ValuesNode.is(node.values) ? node.values.values.length : 1);
      }
      return node;
    },
    async transformResult(args) {
      return args.result;
    },
  };
  return { plugin, inserts };
}

/** Parses CSV text (RFC 4180, every cell quoted) into rows of cells. */
function parseCsv(text: string): string[][] {
  const lines = text.replace(/^\uFEFF/, '').split('\r\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => [...line.matchAll(/"((?:[^"]|"")*)"(?:,|$)/g)].map((m) => m[1].replace(/""/g, '"')));
}

describeEngines('audit', (engine) => {
  let database: Database;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  let admin: TestClient;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    world = await makeWorld(database, { signInRateLimit: 10_000 });
    admin = await world.as('admin');
  });
  afterAll(() => database.close());

  const rowsOfRequest = (requestId: string) =>
    world.db.selectFrom('audit_log').selectAll().where('request_id', '=', requestId).orderBy('id').execute();

  describe('what is written', () => {
    it('logs a read of a staff member with actor, subjects and the response’s request id', async () => {
      const response = await admin.get(`/api/staff/${world.staff.visitorId}`);
      expect(response.status).toBe(200);
      const requestId = response.headers.get('x-request-id');
      expect(requestId).toBeTruthy();
      const rows = await rowsOfRequest(requestId!);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        actor_id: world.staff.adminId,
        actor_name: 'Ada Admin',
        municipality_id: world.municipality.id,
        action: 'read',
        category: 'staff',
        subject_ids: [world.staff.visitorId],
        outcome: 'allowed',
        request_id: requestId,
      });
      expect(rows[0].at).toBeInstanceOf(Date);
    });

    it('logs a refused read as denied, although the request failed and its work was rolled back', async () => {
      const pedagogue = await world.as('ped');
      const response = await pedagogue.get(`/api/staff/${world.staff.visitorId}`);
      expect([403, 404]).toContain(response.status);
      const rows = await rowsOfRequest(response.headers.get('x-request-id')!);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        actor_id: world.staff.pedagogueId,
        action: 'read',
        category: 'staff',
        subject_ids: [world.staff.visitorId],
        outcome: 'denied',
      });
    });

    it('logs a refused change as denied', async () => {
      const visitor = await world.as('hv');
      const response = await visitor.post('/api/districts', { name: 'Ikke tilladt' });
      expect(response.status).toBe(403);
      const rows = await rowsOfRequest(response.headers.get('x-request-id')!);
      expect(rows).toMatchObject([{ actor_id: world.staff.visitorId, action: 'create', category: 'organisation', outcome: 'denied' }]);
      expect(await world.db.selectFrom('districts').select('id').where('name', '=', 'Ikke tilladt').execute()).toEqual([]);
    });

    it('gives refused and failed requests a request id and no-store too, so that they can be traced', async () => {
      const pedagogue = await world.as('ped');
      const responses = [
        await world.client().get('/api/units'), // 401
        await pedagogue.post('/api/districts', { name: 'x' }), // 403
        await pedagogue.get(`/api/units/${uuidv7()}`), // 404
        await admin.get('/api/staff/not-a-uuid'), // 400
      ];
      for (const response of responses) {
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.headers.get('x-request-id'), String(response.status)).toMatch(/^[0-9a-f-]{36}$/);
        expect(response.headers.get('cache-control'), String(response.status)).toBe('no-store');
      }
    });

    it('uses the request id the client sent, so that logs can be correlated', async () => {
      const requestId = `trace-${uuidv7()}`;
      const response = await admin.request('GET', `/api/staff/${world.staff.pedagogueId}`, undefined, { 'x-request-id': requestId });
      expect(response.headers.get('x-request-id')).toBe(requestId);
      expect(await rowsOfRequest(requestId)).toMatchObject([{ action: 'read', subject_ids: [world.staff.pedagogueId] }]);
    });
  });

  describe('one insert per request', () => {
    it('sends one audit insert for a request that audits, and none for one that does not', async () => {
      const counter = auditInsertCounter();
      const app = buildApp({ ...database, db: database.db.withPlugin(counter.plugin) }, { ...defaultConfig, signInRateLimit: 10_000 });
      const client = await new TestClient(app).signIn('admin');
      counter.inserts.length = 0;
      expect((await client.get('/api/units')).status).toBe(200);
      expect(counter.inserts).toEqual([]);
      expect((await client.get(`/api/staff/${world.staff.visitorId}`)).status).toBe(200);
      expect(counter.inserts).toEqual([1]);
    });

    it('writes several entries of one unit of work with a single multi-row insert', async () => {
      const counter = auditInsertCounter();
      const db = database.db.withPlugin(counter.plugin);
      const actor = await adminActor();
      const requestId = `multi-${uuidv7()}`;
      const work = new Work(db, { actor, requestId, ip: '127.0.0.1' });
      await (await work.tx()).selectFrom('staff').select('id').execute();
      work.audit({ action: 'read', category: 'staff', subjectIds: [world.staff.visitorId], outcome: 'allowed' });
      work.audit({ action: 'read', category: 'staff', subjectIds: [world.staff.pedagogueId], outcome: 'allowed' });
      work.audit({ action: 'search', category: 'staff', criterion: '{"q":"a"}', subjectIds: [world.staff.visitorId, world.staff.pedagogueId], outcome: 'allowed' });
      await work.finish(true);
      expect(counter.inserts).toEqual([3]);
      const rows = await rowsOfRequest(requestId);
      expect(rows).toHaveLength(3);
      expect(new Set(rows.map((r) => r.ip))).toEqual(new Set(['127.0.0.1']));
    });

    it('keeps only the denied entries of failed work, again in one insert', async () => {
      const counter = auditInsertCounter();
      const db = database.db.withPlugin(counter.plugin);
      const requestId = `failed-${uuidv7()}`;
      const work = new Work(db, { actor: await adminActor(), requestId, ip: null });
      await (await work.tx()).selectFrom('units').select('id').execute();
      work.audit({ action: 'read', category: 'staff', subjectIds: [world.staff.visitorId], outcome: 'allowed' });
      work.audit({ action: 'update', category: 'staff', subjectIds: [world.staff.visitorId], outcome: 'denied' });
      work.audit({ action: 'delete', category: 'staff', subjectIds: [world.staff.pedagogueId], outcome: 'denied' });
      await work.finish(false);
      expect(counter.inserts).toEqual([2]);
      expect((await rowsOfRequest(requestId)).map((r) => r.outcome)).toEqual(['denied', 'denied']);
    });

    it('writes a system job’s own row and its work’s rows together, with the reason as purpose', async () => {
      const counter = auditInsertCounter();
      const wrapped = { ...database, db: database.db.withPlugin(counter.plugin) };
      const requestId = await systemRepo(wrapped, defaultConfig, { reason: 'test: nightly check' }, async (_repos, work) => {
        work.audit({ action: 'read', category: 'staff', subjectIds: [world.staff.visitorId], outcome: 'allowed' });
        return work.origin.requestId;
      });
      expect(counter.inserts).toEqual([2]);
      const rows = await rowsOfRequest(requestId);
      expect(rows.map((r) => r.action).sort()).toEqual(['read', 'system_job']);
      expect(new Set(rows.map((r) => r.purpose))).toEqual(new Set(['test: nightly check']));
    });
  });

  describe('no work without its audit trail', () => {
    it('fails the request and commits nothing when the audit write fails', async () => {
      await sql`create function audit_test_refuse() returns trigger language plpgsql as $$
        begin
          if new.action = 'create' and new.category = 'organisation' then
            raise exception 'audit write refused by test';
          end if;
          return new;
        end;
        $$`.execute(world.db);
      await sql`create trigger audit_test_refuse before insert on audit_log for each row execute function audit_test_refuse()`.execute(world.db);
      const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        const response = await admin.post('/api/units', { name: 'Uden revisionsspor', kind: 'kindergarten', districtId: world.municipality.districtId });
        expect(response.status).toBe(500);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        expect(await response.json()).toMatchObject({ status: 500, code: 'server.error' });
        const units = await world.db.selectFrom('units').select('id').where('name', '=', 'Uden revisionsspor').execute();
        expect(units).toEqual([]);
        expect(await rowsOfRequest(response.headers.get('x-request-id')!)).toEqual([]);
        expect(String(logged.mock.calls[0]?.[0])).toMatch(/nothing was committed/); // and the operator hears of it
        // Work that audits something else is unaffected.
        expect((await admin.get(`/api/staff/${world.staff.visitorId}`)).status).toBe(200);
      } finally {
        logged.mockRestore();
        await sql`drop trigger audit_test_refuse on audit_log`.execute(world.db);
        await sql`drop function audit_test_refuse()`.execute(world.db);
      }
      const again = await admin.post('/api/units', { name: 'Uden revisionsspor', kind: 'kindergarten', districtId: world.municipality.districtId });
      expect(again.status).toBe(201);
    });

    it('refuses to change or remove audit rows (append-only)', async () => {
      const before = await world.db.selectFrom('audit_log').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
      expect(before.n).toBeGreaterThan(0);
      await expect(world.db.updateTable('audit_log').set({ outcome: 'denied' }).execute()).rejects.toThrow(/append-only/);
      await expect(world.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
      const after = await world.db.selectFrom('audit_log').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
      expect(after.n).toBe(before.n);
    });
  });

  describe('reading the log', () => {
    let subjectId: string;

    beforeAll(async () => {
      subjectId = await makeStaff(world.db, world.municipality, { username: 'subject', profession: 'teacher', name: 'Sofus Subjekt' });
    });

    const page = async (query: string): Promise<AuditPageJson> => {
      const response = await admin.get(`/api/audit?${query}`);
      expect(response.status, await response.clone().text()).toBe(200);
      return (await response.json()) as AuditPageJson;
    };

    it('filters by the person concerned', async () => {
      for (let i = 0; i < 3; i++) expect((await admin.get(`/api/staff/${subjectId}`)).status).toBe(200);
      const { items } = await page(`personId=${subjectId}&action=read`);
      expect(items).toHaveLength(3);
      for (const item of items) expect(item).toMatchObject({ subjectIds: [subjectId], action: 'read', actorId: world.staff.adminId });
      expect((await page(`personId=${uuidv7()}`)).items).toEqual([]);
    });

    it('filters by actor, including their sign-ins', async () => {
      const visitor = await world.as('hv');
      expect((await visitor.get(`/api/staff/${world.staff.visitorId}`)).status).toBe(200); // their own account
      const { items } = await page(`actorId=${world.staff.visitorId}`);
      expect(items.length).toBeGreaterThanOrEqual(2);
      expect(new Set(items.map((i) => i.actorId))).toEqual(new Set([world.staff.visitorId]));
      expect(items.map((i) => i.action)).toEqual(expect.arrayContaining(['sign_in', 'read']));
    });

    it('filters by action', async () => {
      const { items } = await page('action=sign_in');
      expect(items.length).toBeGreaterThan(0);
      expect(new Set(items.map((i) => i.action))).toEqual(new Set(['sign_in']));
    });

    it('filters by period in Danish calendar days', async () => {
      const insert = (at: string) =>
        world.db
          .insertInto('audit_log')
          .values({ id: uuidv7(), at: new Date(at), municipality_id: world.municipality.id, action: 'read', category: 'staff', subject_ids: [subjectId], criterion: at, outcome: 'allowed' })
          .execute();
      // 15 January 2026 in Copenhagen (CET, UTC+1) runs from 14 Jan 23:00 UTC to 15 Jan 23:00 UTC.
      for (const at of ['2026-01-14T22:59:59.999Z', '2026-01-14T23:00:00.000Z', '2026-01-15T12:00:00.000Z', '2026-01-15T22:59:59.999Z', '2026-01-15T23:00:00.000Z']) {
        await insert(at);
      }
      const day = await page(`personId=${subjectId}&from=2026-01-15&to=2026-01-15`);
      expect(day.items.map((i) => i.criterion)).toEqual(['2026-01-15T22:59:59.999Z', '2026-01-15T12:00:00.000Z', '2026-01-14T23:00:00.000Z']);
      const from = await page(`personId=${subjectId}&from=2026-01-16&to=2026-01-16`);
      expect(from.items.map((i) => i.criterion)).toEqual(['2026-01-15T23:00:00.000Z']);
      const to = await page(`personId=${subjectId}&to=2026-01-14`);
      expect(to.items.map((i) => i.criterion)).toEqual(['2026-01-14T22:59:59.999Z']);
    });

    it('pages newest first with nextCursor, without duplicates or gaps, also within one millisecond', async () => {
      const pagedId = await makeStaff(world.db, world.municipality, { username: 'paged', profession: 'teacher', name: 'Palle Side' });
      for (let i = 0; i < 8; i++) expect((await admin.get(`/api/staff/${pagedId}`)).status).toBe(200);
      const sameMoment = new Date(Date.now() - 60_000);
      for (let i = 0; i < 7; i++) {
        await world.db
          .insertInto('audit_log')
          .values({ id: uuidv7(), at: sameMoment, municipality_id: world.municipality.id, action: 'read', category: 'staff', subject_ids: [pagedId], outcome: 'allowed' })
          .execute();
      }
      const all = await page(`personId=${pagedId}&action=read&limit=500`);
      expect(all.items).toHaveLength(15);
      expect(all.nextCursor).toBeNull();

      const seen: AuditRowJson[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const next: AuditPageJson = await page(`personId=${pagedId}&action=read&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
        expect(next.items.length).toBeLessThanOrEqual(4);
        seen.push(...next.items);
        cursor = next.nextCursor;
        pages++;
      } while (cursor && pages < 20);
      expect(pages).toBe(4);
      expect(seen.map((i) => i.id)).toEqual(all.items.map((i) => i.id));
      expect(new Set(seen.map((i) => i.id)).size).toBe(15);
      const times = seen.map((i) => Date.parse(i.at));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    });

    it('refuses a broken cursor with 400', async () => {
      const response = await admin.get('/api/audit?cursor=bm90LWEtY3Vyc29y');
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'validation.failed', errors: [{ field: 'cursor', code: 'invalid_format' }] });
    });

    it('logs who looked at the log, with the filter as criterion', async () => {
      const response = await admin.get(`/api/audit?personId=${subjectId}`);
      const rows = await rowsOfRequest(response.headers.get('x-request-id')!);
      expect(rows).toMatchObject([{ action: 'search', category: 'audit', actor_id: world.staff.adminId, subject_ids: [subjectId], outcome: 'allowed' }]);
      expect(JSON.parse(rows[0].criterion ?? '{}')).toMatchObject({ personId: subjectId });
    });

    it('shows the log and its export to administrators only', async () => {
      for (const username of ['hv', 'ped']) {
        const client = await world.as(username);
        for (const path of ['/api/audit', '/api/audit.csv', `/api/audit?personId=${subjectId}`]) {
          const response = await client.get(path);
          expect(response.status, `${username} ${path}`).toBe(403);
          expect(await response.json()).toMatchObject({ code: 'access.denied' });
        }
      }
      expect((await world.client().get('/api/audit')).status).toBe(401);
    });
  });

  describe('CSV export', () => {
    it('exports the filtered rows as CSV, one line per row, with spreadsheet formulas neutralised', async () => {
      const created = await admin.post('/api/staff', {
        name: '=HYPERLINK("http://evil.example","klik")',
        username: 'formula',
        profession: 'teacher',
        password: 'formula-password-1',
      });
      expect(created.status).toBe(201);
      const formulaId = ((await created.json()) as { id: string }).id;
      const formula = await new TestClient(world.app).signIn('formula', 'formula-password-1');
      expect((await formula.get(`/api/staff/${formulaId}`)).status).toBe(200);

      const response = await admin.get(`/api/audit.csv?actorId=${formulaId}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.csv"$/);
      const rows = parseCsv(await response.text());
      const [header, ...lines] = rows;
      expect(header).toEqual(['time', 'actor', 'actor_id', 'action', 'category', 'persons', 'criterion', 'purpose', 'outcome', 'request_id', 'ip']);

      const json = await (await admin.get(`/api/audit?actorId=${formulaId}&limit=500`)).json() as AuditPageJson;
      expect(json.items.length).toBeGreaterThanOrEqual(2); // the sign-in and the read
      expect(lines).toHaveLength(json.items.length);
      for (const line of lines) expect(line).toHaveLength(header.length);
      expect(lines.map((l) => l[3]).sort()).toEqual(json.items.map((i) => i.action).sort());

      const actorCells = lines.map((l) => l[1]);
      expect(actorCells).toContain(`'=HYPERLINK("http://evil.example","klik")`);
      for (const cell of lines.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    });

    it('logs the export itself as an export', async () => {
      const response = await admin.get(`/api/audit.csv?personId=${world.staff.visitorId}`);
      expect(response.status).toBe(200);
      const rows = await rowsOfRequest(response.headers.get('x-request-id')!);
      expect(rows).toMatchObject([{ action: 'export', category: 'audit', actor_id: world.staff.adminId, outcome: 'allowed', subject_ids: [world.staff.visitorId] }]);
    });
  });

  /** The administrator as an Actor, as a session would build it. */
  async function adminActor(): Promise<StaffActor> {
    return {
      kind: 'staff',
      id: world.staff.adminId,
      name: 'Ada Admin',
      username: 'admin',
      profession: 'administrator',
      municipalityId: world.municipality.id,
      units: [],
      certifications: [],
      sessionId: 'test',
    };
  }
});
