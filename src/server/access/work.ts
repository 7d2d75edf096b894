/**
 * The unit of work behind one request (or one job): the actor, a lazily opened
 * transaction, and the audit entries collected on the way. Repositories are
 * built on top of it and are the only code that touches the database.
 *
 * finish(true) writes the audit entries in the transaction and commits; if the
 * audit write fails, nothing is committed. finish(false) rolls back and still
 * writes the entries marked `denied` (in a transaction of their own), so that
 * refused attempts are always logged.
 */
import type { ControlledTransaction, Kysely } from 'kysely';
import type { DB } from '../db/types';
import { forbidden } from '../errors';
import type { Actor } from './actor';
import { type AuditEntry, type AuditOrigin, writeAudit } from './audit';
import { type Action, type Category, decide, type ResourceFacts } from './policy';

/** A request's database work, scoped to its actor. */
export class Work {
  #trx: ControlledTransaction<DB> | undefined;
  #opening: Promise<ControlledTransaction<DB>> | undefined;
  #entries: AuditEntry[] = [];
  #finished = false;

  constructor(
    private readonly db: Kysely<DB>,
    readonly origin: AuditOrigin,
  ) {}

  /** The acting person or system. */
  get actor(): Actor {
    return this.origin.actor;
  }

  /** The request's transaction, opened on first use. */
  async tx(): Promise<ControlledTransaction<DB>> {
    if (this.#finished) throw new Error('This unit of work has finished');
    if (this.#trx) return this.#trx;
    this.#opening ??= this.db
      .startTransaction()
      .execute()
      .then((trx) => {
        this.#trx = trx;
        return trx;
      });
    return this.#opening;
  }

  /** Adds an audit entry, written when the work finishes. */
  audit(entry: AuditEntry): void {
    this.#entries.push(entry);
  }

  /**
   * Checks the policy; on refusal logs a denied entry and throws 403.
   * @example work.authorize('update', 'organisation', { unitId })
   */
  authorize(action: Action, category: Category, resource?: ResourceFacts, subjectIds: string[] = []): void {
    if (decide(this.actor, action, category, resource)) return;
    this.audit({ action, category, subjectIds, outcome: 'denied' });
    throw forbidden();
  }

  /** True when the policy allows it; no audit, no throw (for shaping output). */
  may(action: Action, category: Category, resource?: ResourceFacts): boolean {
    return decide(this.actor, action, category, resource);
  }

  /** Commits (with the audit rows) or rolls back (keeping the denied rows). */
  async finish(success: boolean): Promise<void> {
    if (this.#finished) return;
    if (this.#opening && !this.#trx) await this.#opening.catch(() => undefined);
    this.#finished = true;
    const trx = this.#trx;
    const entries = this.#entries;
    this.#entries = [];
    if (success) {
      if (trx) {
        try {
          await writeAudit(trx, this.origin, entries);
          await trx.commit().execute();
        } catch (error) {
          // A failed audit write or commit must still release the connection (on PGlite, the only one).
          await trx.rollback().execute().catch(() => undefined);
          throw error;
        }
      } else {
        await writeAudit(this.db, this.origin, entries);
      }
      return;
    }
    if (trx) await trx.rollback().execute();
    const denied = entries.filter((entry) => entry.outcome === 'denied');
    await writeAudit(this.db, this.origin, denied);
  }
}

/**
 * Runs `fn` as a unit of work for `actor` and finishes it: commit on success,
 * rollback (keeping denied audit rows) on error.
 * @example await runWork(db, { actor, requestId, ip: null }, (work) => new StaffRepo(work).get(id));
 */
export async function runWork<T>(db: Kysely<DB>, origin: AuditOrigin, fn: (work: Work) => Promise<T>): Promise<T> {
  const work = new Work(db, origin);
  let result: T;
  try {
    result = await fn(work);
  } catch (error) {
    await work.finish(false);
    throw error;
  }
  await work.finish(true);
  return result;
}
