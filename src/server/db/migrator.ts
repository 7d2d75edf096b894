/**
 * Ordered, forward-only SQL migrations. Files `migrations/NNNN_name.sql` are
 * applied in name order, each in its own transaction together with its row in
 * `spire_migrations`, under a PostgreSQL advisory lock so that two starting
 * servers never migrate at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import type { DB } from './types';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const LOCK_KEY = 7_311_042; // arbitrary, constant: "spire migrations"

/** One migration file. */
export interface Migration {
  name: string;
  sql: string;
}

/**
 * Lists the migration files in order.
 * @example listMigrations().map((m) => m.name) // ['0001_foundation', …]
 */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ name: file.replace(/\.sql$/, ''), sql: fs.readFileSync(path.join(dir, file), 'utf8') }));
}

/**
 * Applies the migrations that have not run yet and returns their names.
 * @example const applied = await migrate(db);
 */
export async function migrate(db: Kysely<DB>, migrations = listMigrations()): Promise<string[]> {
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${LOCK_KEY})`.execute(conn);
    try {
      await sql`create table if not exists spire_migrations (
        name text primary key,
        applied_at timestamptz not null default now()
      )`.execute(conn);
      const done = new Set((await conn.selectFrom('spire_migrations').select('name').execute()).map((r) => r.name));
      const known = new Set(migrations.map((m) => m.name));
      const unknown = [...done].filter((name) => !known.has(name));
      if (unknown.length > 0) {
        throw new Error(`The database has migrations this version of Spire does not know: ${unknown.join(', ')}`);
      }
      const applied: string[] = [];
      for (const migration of migrations) {
        if (done.has(migration.name)) continue;
        await conn.transaction().execute(async (trx) => {
          await sql.raw(migration.sql).execute(trx);
          await trx.insertInto('spire_migrations').values({ name: migration.name }).execute();
        });
        applied.push(migration.name);
      }
      return applied;
    } finally {
      await sql`select pg_advisory_unlock(${LOCK_KEY})`.execute(conn);
    }
  });
}
