/**
 * Our PGlite dialect under concurrency (architecture.md §9): many transactions
 * at once, some rolled back, interleaved with plain queries and controlled
 * transactions, lose nothing, leak nothing, and report exact row counts. The
 * same suite runs on PostgreSQL, which is the behaviour to match.
 */
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/connect';
import { describeEngines, freshDatabase } from '../engines';

interface TestDB {
  dialect_rows: { id: string; tag: string; n: number; kind: string };
}

const ROLLED_BACK = new Error('roll this one back');

/** Sorted by id in JavaScript, independent of the database's collation. */
const byId = <T extends { id: string }>(rows: T[]): T[] => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describeEngines('PGlite dialect parity', (engine) => {
  let database: Database;
  let db: Kysely<TestDB>;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    db = database.db as unknown as Kysely<TestDB>;
    await sql`create table dialect_rows (
      id text primary key,
      tag text not null,
      n integer not null,
      kind text not null
    )`.execute(db);
  });
  afterAll(() => database.close());
  beforeEach(async () => {
    await db.deleteFrom('dialect_rows').execute();
  });

  const rowsTagged = (tag: string) => db.selectFrom('dialect_rows').selectAll().where('tag', '=', tag).orderBy('id').execute();

  it('runs 200 concurrent transactions (every 3rd rolled back) interleaved with plain queries, exactly', async () => {
    let active = 0;
    let maxActive = 0;
    const transactions = Array.from({ length: 200 }, (_, i) =>
      db
        .transaction()
        .execute(async (trx) => {
          const tag = `tx-${i}`;
          const inserted = await trx
            .insertInto('dialect_rows')
            .values([0, 1, 2].map((j) => ({ id: `${tag}-${j}`, tag, n: j, kind: 'tx' })))
            .executeTakeFirstOrThrow();
          active++;
          maxActive = Math.max(maxActive, active);
          expect(inserted.numInsertedOrUpdatedRows).toBe(3n);
          await new Promise((resolve) => setTimeout(resolve, i % 7)); // give the others a chance to interleave
          const updated = await trx.updateTable('dialect_rows').set({ n: sql`n + 10` }).where('tag', '=', tag).executeTakeFirstOrThrow();
          expect(updated.numUpdatedRows).toBe(3n);
          // The transaction sees its own rows, and only its own changes to them.
          const own = await trx.selectFrom('dialect_rows').select(['id', 'n']).where('tag', '=', tag).orderBy('id').execute();
          expect(own.map((row) => row.n)).toEqual([10, 11, 12]);
          active--;
          if (i % 3 === 0) throw ROLLED_BACK;
          return i;
        })
        .then(
          (value) => ({ i, committed: true as const, value }),
          (error: unknown) => {
            if (error !== ROLLED_BACK) throw error;
            return { i, committed: false as const };
          },
        ),
    );
    // Plain queries (no transaction) at the same time: they must neither wait forever nor
    // end up inside someone else's transaction (and be rolled back with it).
    const plain = Array.from({ length: 40 }, async (_, k) => {
      const tag = `plain-${k}`;
      const inserted = await db
        .insertInto('dialect_rows')
        .values(Array.from({ length: 7 }, (_, j) => ({ id: `${tag}-${j}`, tag, n: j, kind: 'plain' })))
        .executeTakeFirstOrThrow();
      expect(inserted.numInsertedOrUpdatedRows).toBe(7n);
      const updated = await db.updateTable('dialect_rows').set({ n: sql`n * 2` }).where('tag', '=', tag).executeTakeFirstOrThrow();
      expect(updated.numUpdatedRows).toBe(7n);
      const none = await db.updateTable('dialect_rows').set({ n: 0 }).where('tag', '=', `${tag}-nobody`).executeTakeFirstOrThrow();
      expect(none.numUpdatedRows).toBe(0n);
      const deleted = await db.deleteFrom('dialect_rows').where('tag', '=', tag).where('n', '>=', 8).executeTakeFirstOrThrow();
      expect(deleted.numDeletedRows).toBe(3n); // n was 0,2,4,…,12: 8, 10 and 12 go
      const counted = await db.selectFrom('dialect_rows').select((eb) => eb.fn.countAll<number>().as('c')).where('tag', '=', tag).executeTakeFirstOrThrow();
      expect(counted.c).toBe(4);
    });

    const outcomes = await Promise.all(transactions);
    await Promise.all(plain);

    if (engine === 'pglite') expect(maxActive).toBe(1); // one transaction at a time on the single connection
    else expect(maxActive).toBeGreaterThan(1); // PostgreSQL really ran them side by side

    expect(outcomes.filter((o) => o.committed)).toHaveLength(133);
    const all = byId(await db.selectFrom('dialect_rows').selectAll().execute());
    const expected = [
      ...outcomes
        .filter((o) => o.committed)
        .flatMap(({ i }) => [0, 1, 2].map((j) => ({ id: `tx-${i}-${j}`, tag: `tx-${i}`, n: j + 10, kind: 'tx' }))),
      ...Array.from({ length: 40 }, (_, k) =>
        [0, 1, 2, 3].map((j) => ({ id: `plain-${k}-${j}`, tag: `plain-${k}`, n: j * 2, kind: 'plain' })),
      ).flat(),
    ];
    expect(all).toHaveLength(133 * 3 + 40 * 4);
    expect(all).toEqual(byId(expected));
    expect(all.some((row) => Number(row.tag.slice(3)) % 3 === 0 && row.kind === 'tx')).toBe(false);
  }, 60_000);

  it('reports exact affected-row counts for updates, deletes and inserts, also with RETURNING and raw SQL', async () => {
    await db
      .insertInto('dialect_rows')
      .values(Array.from({ length: 12 }, (_, j) => ({ id: `c-${String(j).padStart(2, '0')}`, tag: j < 7 ? 'seven' : 'five', n: j, kind: 'count' })))
      .execute();

    const updated = await db.updateTable('dialect_rows').set({ n: 100 }).where('tag', '=', 'seven').executeTakeFirstOrThrow();
    expect(updated.numUpdatedRows).toBe(7n);
    const returning = await db.updateTable('dialect_rows').set({ n: 200 }).where('tag', '=', 'five').returning('id').execute();
    expect(returning).toHaveLength(5);
    const inserted = await db
      .insertInto('dialect_rows')
      .values({ id: 'c-99', tag: 'five', n: 1, kind: 'count' })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirstOrThrow();
    expect(inserted.numInsertedOrUpdatedRows).toBe(1n);
    const conflicting = await db
      .insertInto('dialect_rows')
      .values({ id: 'c-99', tag: 'five', n: 1, kind: 'count' })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirstOrThrow();
    expect(conflicting.numInsertedOrUpdatedRows).toBe(0n);
    const fromSelect = await db
      .insertInto('dialect_rows')
      .columns(['id', 'tag', 'n', 'kind'])
      .expression((eb) =>
        eb.selectFrom('dialect_rows').select([sql<string>`id || '-copy'`.as('id'), sql<string>`'copy'`.as('tag'), 'n', 'kind']).where('tag', '=', 'seven'),
      )
      .executeTakeFirstOrThrow();
    expect(fromSelect.numInsertedOrUpdatedRows).toBe(7n);

    const rawUpdate = await sql`update dialect_rows set n = n + 1 where tag = ${'five'}`.execute(db);
    expect(rawUpdate.numAffectedRows).toBe(6n);
    const rawScript = await sql`update dialect_rows set n = n where tag = 'five'`.execute(db); // no parameters: simple protocol on PGlite
    expect(rawScript.numAffectedRows).toBe(6n);
    const deleted = await db.deleteFrom('dialect_rows').where('tag', 'in', ['seven', 'copy']).executeTakeFirstOrThrow();
    expect(deleted.numDeletedRows).toBe(14n);
    const none = await db.deleteFrom('dialect_rows').where('tag', '=', 'seven').executeTakeFirstOrThrow();
    expect(none.numDeletedRows).toBe(0n);
    expect(byId(await db.selectFrom('dialect_rows').select(['id', 'n']).execute())).toEqual([
      ...['c-07', 'c-08', 'c-09', 'c-10', 'c-11'].map((id) => ({ id, n: 201 })),
      { id: 'c-99', n: 2 },
    ]);
  }, 60_000);

  it('keeps a controlled transaction apart from queries issued while it is open', async () => {
    // Commit: the transaction sees its own row at once; afterwards everyone does.
    const trx = await db.startTransaction().execute();
    await trx.insertInto('dialect_rows').values({ id: 'ctl-1', tag: 'ctl', n: 1, kind: 'controlled' }).execute();
    const outsideInsert = db.insertInto('dialect_rows').values({ id: 'out-1', tag: 'out', n: 1, kind: 'plain' }).execute();
    const outsideRead = rowsTagged('ctl');
    expect((await trx.selectFrom('dialect_rows').select('id').where('tag', '=', 'ctl').execute()).map((r) => r.id)).toEqual(['ctl-1']);
    const trxUpdate = await trx.updateTable('dialect_rows').set({ n: 2 }).where('tag', '=', 'ctl').executeTakeFirstOrThrow();
    expect(trxUpdate.numUpdatedRows).toBe(1n);
    await trx.commit().execute();
    await outsideInsert;
    const seenOutside = await outsideRead;
    // PGlite makes the read wait for the commit (first in, first out). PostgreSQL may run it before or
    // after the commit, but never sees the uncommitted state (n = 1).
    if (engine === 'pglite') expect(seenOutside.map((r) => r.n)).toEqual([2]);
    else expect([[], [2]]).toContainEqual(seenOutside.map((r) => r.n));
    expect(await rowsTagged('ctl')).toEqual([{ id: 'ctl-1', tag: 'ctl', n: 2, kind: 'controlled' }]);

    // Rollback: the transaction's rows vanish; a plain insert issued meanwhile survives,
    // and a plain read issued meanwhile never sees the rolled-back rows.
    const doomed = await db.startTransaction().execute();
    await doomed.insertInto('dialect_rows').values({ id: 'ctl-2', tag: 'doomed', n: 1, kind: 'controlled' }).execute();
    const survivor = db.insertInto('dialect_rows').values({ id: 'out-2', tag: 'out', n: 2, kind: 'plain' }).executeTakeFirstOrThrow();
    const peek = rowsTagged('doomed');
    const otherTransaction = db.transaction().execute(async (t) => {
      await t.insertInto('dialect_rows').values({ id: 'tx-2', tag: 'other', n: 3, kind: 'tx' }).execute();
      return t.selectFrom('dialect_rows').select('id').where('tag', '=', 'doomed').execute();
    });
    await doomed.updateTable('dialect_rows').set({ n: 5 }).where('tag', '=', 'doomed').execute();
    await doomed.rollback().execute();
    expect((await survivor).numInsertedOrUpdatedRows).toBe(1n);
    expect(await peek).toEqual([]);
    expect(await otherTransaction).toEqual([]);
    expect(await rowsTagged('doomed')).toEqual([]);
    expect(byId(await db.selectFrom('dialect_rows').select('id').execute()).map((r) => r.id)).toEqual([
      'ctl-1',
      'out-1',
      'out-2',
      'tx-2',
    ]);
    expect(trx.isCommitted).toBe(true);
    expect(doomed.isRolledBack).toBe(true);
  }, 60_000);

  it('a failing statement in one transaction does not poison the others, or plain queries', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        db.transaction().execute(async (trx) => {
          const tag = `f-${i}`;
          await trx.insertInto('dialect_rows').values({ id: `${tag}-a`, tag, n: i, kind: 'tx' }).execute();
          if (i % 5 === 0) {
            // duplicate primary key: the statement fails and the transaction is aborted
            await trx.insertInto('dialect_rows').values({ id: `${tag}-a`, tag, n: i, kind: 'tx' }).execute();
          }
          if (i % 5 === 1) await sql`select 1 / ${0}::int`.execute(trx); // division by zero
          await trx.insertInto('dialect_rows').values({ id: `${tag}-b`, tag, n: i, kind: 'tx' }).execute();
          return i;
        }),
      ),
    );
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [i] : []));
    expect(failed).toEqual(Array.from({ length: 30 }, (_, i) => i).filter((i) => i % 5 === 0 || i % 5 === 1));
    for (const i of failed) {
      const reason = (results[i] as PromiseRejectedResult).reason as { code?: string };
      expect(reason.code).toBe(i % 5 === 0 ? '23505' : '22012');
    }
    const rows = byId(await db.selectFrom('dialect_rows').select('id').execute());
    const committed = Array.from({ length: 30 }, (_, i) => i).filter((i) => !failed.includes(i));
    expect(rows.map((r) => r.id)).toEqual(committed.flatMap((i) => [`f-${i}-a`, `f-${i}-b`]).sort());

    // A failing plain statement is just as harmless, and the connection is usable right after.
    await expect(db.insertInto('dialect_rows').values({ id: 'f-2-a', tag: 'dup', n: 0, kind: 'plain' }).execute()).rejects.toMatchObject({
      code: '23505',
    });
    const after = await db.transaction().execute((trx) =>
      trx.insertInto('dialect_rows').values({ id: 'z-after', tag: 'after', n: 0, kind: 'tx' }).executeTakeFirstOrThrow(),
    );
    expect(after.numInsertedOrUpdatedRows).toBe(1n);
    // No transaction was left open: a fresh read outside any transaction sees the committed row.
    expect(await rowsTagged('after')).toHaveLength(1);
    const status = await sql<{ in_transaction: boolean }>`select now() <> statement_timestamp() as in_transaction`.execute(db);
    expect(status.rows[0].in_transaction).toBe(false);
  }, 60_000);
});
