/**
 * Migrations (architecture.md §5): applied in order, once, under a lock,
 * recorded in `spire_migrations`; a database from a newer Spire is refused;
 * and both engines end up with the same schema and return the same values.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { type Database, openDatabase } from '../../src/server/db/connect';
import { listMigrations, type Migration, migrate } from '../../src/server/db/migrator';
import type { DB } from '../../src/server/db/types';
import { describeEngines, type Engine, freshDatabase } from '../engines';

const pgUrl = inject('pgUrl');
const realMigrations = listMigrations();
/** Migrating a new PGlite database takes seconds, many more on a busy 2-core machine. */
const SLOW = 120_000;

/** Databases to drop at the end (PostgreSQL). */
const createdDatabases: string[] = [];

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** A new, empty PostgreSQL database (no migrations applied); returns its URL. */
async function emptyPostgresDatabase(): Promise<string> {
  const name = `spire_mig_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  createdDatabases.push(name);
  return withDatabase(pgUrl, name);
}

/** An open, empty database on `engine`. */
async function emptyDatabase(engine: Engine, poolSize = 2): Promise<Database> {
  if (engine === 'pglite') return openDatabase({ engine: 'pglite-memory' });
  return openDatabase({ engine: 'postgres', url: await emptyPostgresDatabase(), poolSize });
}

afterAll(async () => {
  if (!pgUrl || createdDatabases.length === 0) return;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  for (const name of createdDatabases) await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
});

const recorded = async (db: Kysely<DB>) =>
  (await db.selectFrom('spire_migrations').select(['name', 'applied_at']).orderBy('applied_at').orderBy('name').execute()).map((r) => r.name);

const tableExists = async (db: Kysely<DB>, name: string) =>
  (await sql<{ found: boolean }>`select to_regclass(${name}) is not null as found`.execute(db)).rows[0].found;

/** Advisory locks in this database (pg_locks covers the whole server). */
const advisoryLocksHeld = async (db: Kysely<DB>, waitingOnly = false) =>
  (
    await sql<{ n: number }>`select count(*) as n from pg_locks
      where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())
        and (not ${waitingOnly} or not granted)`.execute(db)
  ).rows[0].n;

describeEngines('migrations', (engine) => {
  it('applies every migration in order, records it, and applies nothing the second time', async () => {
    const database = await emptyDatabase(engine);
    try {
      const applied = await migrate(database.db);
      expect(applied).toEqual(realMigrations.map((m) => m.name));
      expect(applied).toEqual([...applied].sort());
      expect(await recorded(database.db)).toEqual(applied);
      const rows = await database.db.selectFrom('spire_migrations').selectAll().execute();
      for (const row of rows) expect(row.applied_at).toBeInstanceOf(Date);

      expect(await migrate(database.db)).toEqual([]);
      expect(await recorded(database.db)).toEqual(applied);
      expect(await advisoryLocksHeld(database.db)).toBe(0); // the lock was released
    } finally {
      await database.close();
    }
  }, SLOW);

  it('applies new files after the recorded ones, in name order, each in its own transaction', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spire-migrations-'));
    try {
      fs.writeFileSync(path.join(dir, '0002_second.sql'), 'create table second (id int);\ninsert into second values (2);');
      fs.writeFileSync(path.join(dir, '0001_first.sql'), '-- a comment\ncreate table first (id int);\ninsert into first values (1);');
      fs.writeFileSync(path.join(dir, 'README.md'), 'not a migration');
      fs.writeFileSync(path.join(dir, '0003_Bad-Name.sql'), 'select 1;'); // not matching NNNN_name.sql: ignored
      expect(listMigrations(dir).map((m) => m.name)).toEqual(['0001_first', '0002_second']);

      const database = await emptyDatabase(engine);
      try {
        expect(await migrate(database.db, listMigrations(dir))).toEqual(['0001_first', '0002_second']);
        // A later version adds 0003; one that fails half-way leaves nothing behind.
        fs.writeFileSync(path.join(dir, '0003_third.sql'), 'create table third (id int);');
        fs.writeFileSync(path.join(dir, '0004_broken.sql'), 'create table fourth (id int);\ninsert into fourth values (1 / 0);');
        await expect(migrate(database.db, listMigrations(dir))).rejects.toMatchObject({ code: '22012' });
        expect(await recorded(database.db)).toEqual(['0001_first', '0002_second', '0003_third']);
        expect(await tableExists(database.db, 'third')).toBe(true);
        expect(await tableExists(database.db, 'fourth')).toBe(false); // rolled back with its record
        expect(await advisoryLocksHeld(database.db)).toBe(0);
        // Fixed, it applies on the next start.
        fs.writeFileSync(path.join(dir, '0004_broken.sql'), 'create table fourth (id int);');
        expect(await migrate(database.db, listMigrations(dir))).toEqual(['0004_broken']);
      } finally {
        await database.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, SLOW);

  it('refuses a database with a migration this version does not know, and changes nothing', async () => {
    const database = await freshDatabase(engine);
    try {
      await database.db.insertInto('spire_migrations').values({ name: '9999_from_a_newer_spire' }).execute();
      const extra: Migration = { name: '0500_would_be_new', sql: 'create table would_be_new (id int);' };
      const error = await migrate(database.db, [...realMigrations, extra]).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error).toBeInstanceOf(Error);
      expect(error?.message).toBe('The database has migrations this version of Spire does not know: 9999_from_a_newer_spire');
      expect(await tableExists(database.db, 'would_be_new')).toBe(false);
      // The lock was released and the connection is usable (no hang on PGlite's single connection).
      expect(await advisoryLocksHeld(database.db)).toBe(0);
      await expect(migrate(database.db)).rejects.toThrow(/9999_from_a_newer_spire/);
    } finally {
      await database.close();
    }
  }, SLOW);
});

describe.skipIf(!pgUrl)('migrations on PostgreSQL', () => {
  it('two servers migrating a fresh database at the same time apply each migration exactly once', async () => {
    const url = await emptyPostgresDatabase();
    const a = await openDatabase({ engine: 'postgres', url, poolSize: 1 });
    const b = await openDatabase({ engine: 'postgres', url, poolSize: 1 });
    const watcher = await openDatabase({ engine: 'postgres', url, poolSize: 1 });
    try {
      // A slow first step makes sure the two really overlap: the second must wait for the lock.
      const migrations: Migration[] = [{ name: '0000_pause', sql: 'select pg_sleep(0.5);' }, ...realMigrations];
      const both = Promise.all([migrate(a.db, migrations), migrate(b.db, migrations)]);
      let sawWaiter = false;
      for (let i = 0; i < 40 && !sawWaiter; i++) {
        sawWaiter = (await advisoryLocksHeld(watcher.db, true)) > 0;
        if (!sawWaiter) await new Promise((resolve) => setTimeout(resolve, 25));
      }
      const [first, second] = await both;
      expect(sawWaiter).toBe(true);
      expect([...first, ...second].sort()).toEqual(migrations.map((m) => m.name).sort());
      expect([first, second]).toContainEqual(migrations.map((m) => m.name)); // one did all the work …
      expect([first, second]).toContainEqual([]); // … the other found nothing to do
      const rows = await watcher.db.selectFrom('spire_migrations').select('name').execute();
      expect(rows.map((r) => r.name).sort()).toEqual(migrations.map((m) => m.name).sort());
    } finally {
      await Promise.all([a.close(), b.close(), watcher.close()]);
    }
  }, SLOW);
});

describe.skipIf(!pgUrl)('engine parity', () => {
  let lite: Database;
  let postgres: Database;

  afterAll(async () => {
    await lite?.close();
    await postgres?.close();
  });

  it('has the same tables, columns, types, defaults and indexes on PGlite and PostgreSQL', async () => {
    lite = await freshDatabase('pglite');
    postgres = await freshDatabase('postgres');
    const columns = sql`
      select table_name, column_name, ordinal_position, data_type, udt_name, is_nullable, column_default,
             character_maximum_length, numeric_precision, numeric_scale
      from information_schema.columns where table_schema = 'public'
      order by table_name collate "C", ordinal_position`;
    const indexes = sql`select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' order by indexname collate "C"`;
    const constraints = sql`
      select conrelid::regclass::text as table_name, conname, contype, pg_get_constraintdef(oid) as definition
      from pg_constraint where connamespace = 'public'::regnamespace order by conrelid::regclass::text collate "C", conname collate "C"`;
    const triggers = sql`select event_object_table, trigger_name, event_manipulation, action_timing, action_statement
      from information_schema.triggers where trigger_schema = 'public' order by trigger_name collate "C", event_manipulation collate "C"`;
    for (const query of [columns, indexes, constraints, triggers]) {
      const [a, b] = await Promise.all([query.execute(lite.db), query.execute(postgres.db)]);
      expect(a.rows.length).toBeGreaterThan(0);
      expect(a.rows).toEqual(b.rows);
    }
    const tables = (await columns.execute(lite.db)).rows.map((r) => (r as { table_name: string }).table_name);
    for (const table of ['municipalities', 'staff', 'sessions', 'audit_log', 'spire_migrations']) expect(tables).toContain(table);
  }, SLOW);

  it('returns identical JavaScript values and types for counts, sums, dates, instants, numerics, booleans, uuid[] and jsonb', async () => {
    lite ??= await freshDatabase('pglite');
    postgres ??= await freshDatabase('postgres');
    const municipalityId = uuidv7();
    const unitIds = [uuidv7(), uuidv7()];
    const auditId = uuidv7();
    const staffIds = [uuidv7(), uuidv7(), uuidv7()];
    const at = '2025-03-30T01:30:00.123Z'; // the night Denmark moves to summer time
    for (const { db } of [lite, postgres]) {
      await db.insertInto('municipalities').values({ id: municipalityId, name: 'Paritet Kommune', code: '0998' }).execute();
      await db
        .insertInto('staff')
        .values(
          staffIds.map((id, i) => ({
            id,
            municipality_id: municipalityId,
            name: `Person ${i}`,
            username: `person${i}`,
            profession: 'health_visitor',
            failed_sign_ins: [2, 3, 7][i],
            active: i !== 1,
            locked_until: i === 0 ? new Date(at) : null,
          })),
        )
        .execute();
      await db
        .insertInto('audit_log')
        .values({
          id: auditId,
          municipality_id: municipalityId,
          action: 'read',
          category: 'health',
          subject_ids: unitIds,
          outcome: 'allowed',
          detail: JSON.stringify({ reason: 'ÆØÅ æøå', count: 2, nested: { list: [1, 'to', null, true] }, big: 12345678901234 }),
        })
        .execute();
    }
    const query = sql`
      select count(*) as staff_count,
             sum(s.failed_sign_ins) as failed_sum,
             avg(s.failed_sign_ins) as failed_avg,
             max(s.failed_sign_ins)::numeric(10, 2) as max_numeric,
             '2024-02-29'::date as leap_day,
             min(s.locked_until) as locked_until,
             bool_and(s.active) as all_active,
             bool_or(s.active) as any_active,
             (select subject_ids from audit_log where id = ${auditId}) as subject_ids,
             (select detail from audit_log where id = ${auditId}) as detail,
             array_agg(s.failed_sign_ins order by s.username) as int_array,
             array_agg(s.failed_sign_ins::int8 order by s.username) as int8_array,
             array['2024-01-31'::date, '2024-12-24'] as date_array,
             array[1.10::numeric, 2.25] as numeric_array,
             interval '1 day 02:03:04' as an_interval,
             (select count(*)::int from staff) as count_as_int,
             null::text as nothing
      from staff s where s.municipality_id = ${municipalityId}`;
    const [fromLite, fromPostgres] = await Promise.all([query.execute(lite.db), query.execute(postgres.db)]);
    const a = fromLite.rows[0] as Record<string, unknown>;
    const b = fromPostgres.rows[0] as Record<string, unknown>;
    expect(a).toEqual(b);
    expect(a).toEqual({
      staff_count: 3,
      failed_sum: 12,
      failed_avg: '4.0000000000000000',
      max_numeric: '7.00',
      leap_day: '2024-02-29',
      locked_until: new Date(at),
      all_active: false,
      any_active: true,
      subject_ids: unitIds,
      detail: { reason: 'ÆØÅ æøå', count: 2, nested: { list: [1, 'to', null, true] }, big: 12345678901234 },
      int_array: [2, 3, 7],
      int8_array: [2, 3, 7],
      date_array: ['2024-01-31', '2024-12-24'],
      numeric_array: ['1.10', '2.25'],
      an_interval: '1 day 02:03:04',
      count_as_int: 3,
      nothing: null,
    });
    for (const row of [a, b]) {
      expect(typeof row.staff_count).toBe('number');
      expect(typeof row.failed_sum).toBe('number');
      expect(typeof row.failed_avg).toBe('string');
      expect(typeof row.max_numeric).toBe('string');
      expect(typeof row.leap_day).toBe('string');
      expect(row.locked_until).toBeInstanceOf(Date);
      expect(typeof row.all_active).toBe('boolean');
      expect(Array.isArray(row.subject_ids)).toBe(true);
      expect(typeof (row.subject_ids as unknown[])[0]).toBe('string');
      expect(typeof row.detail).toBe('object');
      expect((row.int8_array as unknown[]).map((x) => typeof x)).toEqual(['number', 'number', 'number']);
      expect(typeof row.count_as_int).toBe('number');
    }
    // Through Kysely's query builder as well, with the column types of types.ts.
    const built = async ({ db }: Database) =>
      db
        .selectFrom('staff')
        .select(['id', 'active', 'failed_sign_ins', 'locked_until', 'created_at'])
        .select((eb) => eb.fn.countAll().over().as('total'))
        .where('municipality_id', '=', municipalityId)
        .orderBy('username')
        .execute();
    const [builtLite, builtPostgres] = await Promise.all([built(lite), built(postgres)]);
    expect(builtLite.map(({ created_at, ...rest }) => rest)).toEqual(builtPostgres.map(({ created_at, ...rest }) => rest));
    expect(builtLite[0].total).toBe(3);
    for (const row of [...builtLite, ...builtPostgres]) expect(row.created_at).toBeInstanceOf(Date);
  }, SLOW);
});
