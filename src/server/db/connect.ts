/**
 * Opens Spire's database: PGlite in a local folder by default, or a PostgreSQL
 * server when a connection URL is given. Both engines return the same
 * JavaScript types: int8 as number, date as 'YYYY-MM-DD', timestamptz as Date,
 * numeric and interval as text, and arrays of these with the same element types.
 */
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acquireDataLock } from './data-lock';
import { PGliteDialect } from './pglite-dialect';
import type { DB } from './types';

const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;
const INTERVAL = 1186;
const INT8_ARRAY = 1016;
const DATE_ARRAY = 1182;
const NUMERIC_ARRAY = 1231;
const INTERVAL_ARRAY = 1187;
const TEXT_ARRAY = 1009;

/** How to reach the database. */
export type DatabaseConfig =
  | { engine: 'pglite'; dataDir: string }
  /** PGlite in memory, optionally started from a dumped data folder (tests clone a migrated template). */
  | { engine: 'pglite-memory'; loadDataDir?: Blob | File }
  | { engine: 'postgres'; url: string; poolSize?: number };

/** An open database and how to close it. */
export interface Database {
  db: Kysely<DB>;
  engine: 'pglite' | 'postgres';
  /** Where the data lives, for messages (folder or URL without password). */
  location: string;
  close(): Promise<void>;
}

const sameTypes = {
  int8: (value: string) => Number(value),
  date: (value: string) => value,
  numeric: (value: string) => value,
};

const pgliteParsers = { [INT8]: sameTypes.int8, [DATE]: sameTypes.date, [NUMERIC]: sameTypes.numeric };

/** pg's own parsers turn int8[] into strings, date[] into Dates and numeric[] into floats; PGlite uses the element parsers above. */
const pgTextArray = (pg.types.getTypeParser as (oid: number) => (value: string) => unknown[])(TEXT_ARRAY);
const mapElements = (value: unknown, parse: (element: string) => unknown): unknown =>
  Array.isArray(value) ? value.map((element) => mapElements(element, parse)) : value === null ? null : parse(value as string);
const pgArrayOf = (parse: (element: string) => unknown) => (value: string) => mapElements(pgTextArray(value), parse);
const pgParsers: Record<number, (value: string) => unknown> = {
  [INT8]: sameTypes.int8,
  [DATE]: sameTypes.date,
  [NUMERIC]: sameTypes.numeric,
  [INTERVAL]: (value) => value,
  [INT8_ARRAY]: pgArrayOf(sameTypes.int8),
  [DATE_ARRAY]: pgArrayOf(sameTypes.date),
  [NUMERIC_ARRAY]: pgArrayOf(sameTypes.numeric),
  [INTERVAL_ARRAY]: pgArrayOf((value) => value),
};

/**
 * Opens the database described by `config`.
 * @example const { db, close } = await openDatabase({ engine: 'pglite', dataDir: './data' });
 */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.engine === 'pglite-memory') {
    const pglite = await PGlite.create({ loadDataDir: config.loadDataDir, parsers: pgliteParsers });
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
    return { db, engine: 'pglite', location: 'memory', close: () => db.destroy() };
  }
  if (config.engine === 'pglite') {
    const release = acquireDataLock(config.dataDir);
    try {
      const pglite = await PGlite.create(`${config.dataDir}/pgdata`, { parsers: pgliteParsers });
      const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
      return {
        db,
        engine: 'pglite',
        location: config.dataDir,
        async close() {
          await db.destroy();
          release();
        },
      };
    } catch (error) {
      release();
      throw error;
    }
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize ?? 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (format !== 'binary' && pgParsers[oid]) return pgParsers[oid];
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // A connection that drops while idle (server restart, failover) must not crash the process:
  // log it; the pool opens a new connection on next use.
  pool.on('error', (error) => console.error(`PostgreSQL connection lost (${error.message}); the pool will reconnect.`));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgres',
    location: config.url.replace(/\/\/[^@/]*@/, '//'),
    close: () => db.destroy(),
  };
}

/**
 * Chooses the engine from the environment: `DATABASE_URL` means PostgreSQL,
 * otherwise PGlite in `dataDir`.
 * @example databaseConfigFromEnv('./data')
 */
export function databaseConfigFromEnv(dataDir: string, env = process.env): DatabaseConfig {
  return env.DATABASE_URL ? { engine: 'postgres', url: env.DATABASE_URL } : { engine: 'pglite', dataDir };
}
