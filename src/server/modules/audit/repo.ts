/**
 * Reading the access log. Looking at the log is itself logged, with the
 * filter as the criterion (who looked at whose look-ups).
 */
import { addDays } from '../../../domain';
import type { Work } from '../../access/work';
import { invalidFields } from '../../errors';
import type { AuditFilter, AuditRowShape } from './schema';

/** Days are Danish calendar days: [from 00:00, to+1 00:00) in Europe/Copenhagen. */
const dayStart = (date: string) => `${date} 00:00:00 Europe/Copenhagen`;

/** The access log of the actor's municipality. */
export class AuditRepo {
  constructor(private readonly work: Work) {}

  /** One page of log rows, newest first, filtered. */
  async page(filter: AuditFilter, action: 'search' | 'export' = 'search'): Promise<{ items: AuditRowShape[]; nextCursor: string | null }> {
    this.work.authorize(action, 'audit');
    const actor = this.work.actor;
    if (actor.kind !== 'staff') throw new Error('audit repo needs a staff actor');
    const trx = await this.work.tx();
    let query = trx
      .selectFrom('audit_log')
      .select(['id', 'at', 'actor_id', 'actor_name', 'action', 'category', 'subject_ids', 'criterion', 'purpose', 'outcome', 'request_id', 'ip'])
      .where((eb) =>
        eb.or([
          eb('municipality_id', '=', actor.municipalityId),
          // sign-in attempts are logged before the municipality is known
          eb.and([eb('municipality_id', 'is', null), eb('actor_id', 'in', eb.selectFrom('staff').select('id').where('municipality_id', '=', actor.municipalityId))]),
        ]),
      );
    if (filter.personId) query = query.where((eb) => eb('subject_ids', '@>', eb.val([filter.personId as string])));
    if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
    if (filter.action) query = query.where('action', '=', filter.action);
    if (filter.from) query = query.where('at', '>=', dayStart(filter.from) as never);
    if (filter.to) query = query.where('at', '<', dayStart(addDays(filter.to, 1)) as never);
    if (filter.cursor) {
      const [at, id] = decodeCursor(filter.cursor);
      query = query.where((eb) => eb.or([eb('at', '<', at as never), eb.and([eb('at', '=', at as never), eb('id', '<', id)])]));
    }
    const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(filter.limit + 1).execute();
    const more = rows.length > filter.limit;
    const items = rows.slice(0, filter.limit).map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      category: r.category,
      subjectIds: r.subject_ids,
      criterion: r.criterion,
      purpose: r.purpose,
      outcome: r.outcome,
      requestId: r.request_id,
      ip: r.ip,
    }));
    const last = items[items.length - 1];
    this.work.audit({
      action,
      category: 'audit',
      criterion: JSON.stringify({ ...filter, cursor: undefined }),
      subjectIds: filter.personId ? [filter.personId] : [],
      outcome: 'allowed',
    });
    return { items, nextCursor: more && last ? encodeCursor(last.at, last.id) : null };
  }
}

function encodeCursor(at: string, id: string): string {
  return Buffer.from(JSON.stringify([at, id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string' && /^[0-9a-f-]{36}$/i.test(value[1]) && !Number.isNaN(Date.parse(value[0]))) {
      return [value[0], value[1]];
    }
  } catch {
    // fall through
  }
  throw invalidFields([{ field: 'cursor', code: 'invalid_format' }]);
}
