/**
 * Audit entries. A request collects its entries and writes them with one
 * multi-row insert in the same transaction as the work itself, so that work
 * without its audit trail can never be committed.
 */
import type { Kysely, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { DB } from '../db/types';
import type { Actor } from './actor';
import type { Action, Category } from './policy';

/** Audit actions: the data actions plus sign-in events. */
export type AuditAction = Action | 'sign_in' | 'sign_out' | 'system_job';

/** One thing to be logged. */
export interface AuditEntry {
  action: AuditAction;
  category: Category;
  /** The persons the data concern. */
  subjectIds?: string[];
  /** For searches: the criterion used, without CPR numbers. */
  criterion?: string;
  purpose?: string;
  outcome: 'allowed' | 'denied';
  detail?: Record<string, unknown>;
  /** Who acted, when it is not the request's actor (a sign-in names the person signing in). */
  actor?: { id: string; name: string };
}

/** Where and by whom: the request's facts added to every row. */
export interface AuditOrigin {
  actor: Actor;
  requestId: string;
  ip: string | null;
}

/**
 * Writes the entries as one insert. Does nothing for an empty list.
 * @example await writeAudit(trx, origin, [{ action: 'read', category: 'staff', subjectIds: [id], outcome: 'allowed' }]);
 */
export async function writeAudit(
  db: Kysely<DB> | Transaction<DB>,
  origin: AuditOrigin,
  entries: AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const { actor } = origin;
  await db
    .insertInto('audit_log')
    .values(
      entries.map((entry) => ({
        id: uuidv7(),
        municipality_id: actor.kind === 'staff' ? actor.municipalityId : null,
        actor_id: entry.actor?.id ?? (actor.kind === 'staff' ? actor.id : null),
        actor_name:
          entry.actor?.name ??
          (actor.kind === 'staff' ? actor.name : actor.kind === 'system' ? `system: ${actor.reason}` : null),
        action: entry.action,
        category: entry.category,
        subject_ids: entry.subjectIds ?? [],
        criterion: entry.criterion ?? null,
        purpose: entry.purpose ?? (actor.kind === 'system' ? actor.reason : null),
        outcome: entry.outcome,
        request_id: origin.requestId,
        ip: origin.ip,
        detail: entry.detail ? JSON.stringify(entry.detail) : null,
      })),
    )
    .execute();
}
