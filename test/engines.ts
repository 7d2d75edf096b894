/**
 * The engine loop: integration tests run once on PGlite and once on a real
 * PostgreSQL (from the run's global setup). Each test file gets fresh,
 * migrated databases cloned from a template, never a shared one.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { Kysely } from 'kysely';
import { describe, inject } from 'vitest';
import { type Database, openDatabase } from '../src/server/db/connect';
import { migrate } from '../src/server/db/migrator';
import { PGliteDialect } from '../src/server/db/pglite-dialect';
import type { DB } from '../src/server/db/types';

/** The engines under test. */
export type Engine = 'pglite' | 'postgres';

let pgliteTemplate: Promise<File | Blob> | undefined;

async function pgliteFromTemplate(): Promise<Database> {
  pgliteTemplate ??= (async () => {
    // Migrate once in memory, dump the data folder, and load it into every test database.
    const pglite = await PGlite.create();
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
    await migrate(db);
    const dump = await pglite.dumpDataDir('none');
    await db.destroy();
    return dump;
  })();
  return openDatabase({ engine: 'pglite-memory', loadDataDir: await pgliteTemplate });
}

const TEMPLATE_DB = 'spire_test_template';

async function postgresFromTemplate(adminUrl: string): Promise<Database> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const name = `spire_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  try {
    await admin.query('select pg_advisory_lock(42)');
    const exists = await admin.query('select 1 from pg_database where datname = $1', [TEMPLATE_DB]);
    if (exists.rowCount === 0) {
      await admin.query(`create database ${TEMPLATE_DB}`);
      const template = await openDatabase({ engine: 'postgres', url: withDatabase(adminUrl, TEMPLATE_DB), poolSize: 1 });
      await migrate(template.db);
      await template.close();
    }
    await admin.query(`create database ${name} template ${TEMPLATE_DB}`);
  } finally {
    await admin.query('select pg_advisory_unlock(42)').catch(() => undefined);
    await admin.end();
  }
  const database = await openDatabase({ engine: 'postgres', url: withDatabase(adminUrl, name), poolSize: 5 });
  return {
    ...database,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      // Our own connections may still be closing: wait for them rather than terminating them
      // (terminated clients emit FATAL 57P01), and force only as a last resort.
      for (let attempt = 0; ; attempt++) {
        try {
          await cleanup.query(`drop database if exists ${name}${attempt >= 20 ? ' with (force)' : ''}`);
          break;
        } catch (error) {
          if ((error as { code?: string }).code !== '55006' || attempt >= 20) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      await cleanup.end();
    },
  };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A fresh migrated database on `engine`.
 * @example const database = await freshDatabase('pglite');
 */
export function freshDatabase(engine: Engine): Promise<Database> {
  if (engine === 'pglite') return pgliteFromTemplate();
  const url = inject('pgUrl');
  if (!url) throw new Error('No PostgreSQL for this run (SPIRE_TEST_ENGINES=pglite)');
  return postgresFromTemplate(url);
}

/** The engines this run tests: both, unless SPIRE_TEST_ENGINES=pglite. */
export function enginesUnderTest(): Engine[] {
  return inject('pgUrl') ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * Runs a describe block once per engine.
 * @example describeEngines('units', (engine) => { it('…', async () => { const db = await freshDatabase(engine); … }) });
 */
export function describeEngines(name: string, body: (engine: Engine) => void): void {
  for (const engine of enginesUnderTest()) describe(`${name} [${engine}]`, () => body(engine));
}
