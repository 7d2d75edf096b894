/**
 * Server-side sessions in PostgreSQL. The cookie holds a random token; the
 * table holds only its hash. Sessions expire after an idle period (sliding)
 * and at an absolute limit.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { StaffActor } from '../access/actor';
import { todayInDenmark } from '../clock';
import type { AppConfig } from '../config';
import type { DB } from '../db/types';
import type { SessionInfo } from '../http/env';
import { newToken, sessionIdOf } from './tokens';

/** The session cookie's name. */
export const SESSION_COOKIE = 'spire_session';

/** A new session: the token for the cookie and what the client needs. */
export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Creates a session for a staff member.
 * @example const s = await createSession(trx, staffId, config, { ip, userAgent });
 */
export async function createSession(
  trx: Transaction<DB> | Kysely<DB>,
  staffId: string,
  config: AppConfig,
  client: { ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + config.sessionIdleSeconds * 1000);
  await trx
    .insertInto('sessions')
    .values({
      id: sessionIdOf(token),
      staff_id: staffId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
      absolute_expires_at: new Date(now.getTime() + config.sessionAbsoluteSeconds * 1000),
      ip: client.ip,
      user_agent: client.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

/**
 * Finds the live session for a cookie token and builds the staff actor, with
 * today's unit memberships and all certifications. Slides the idle expiry at
 * most once a minute. Returns null for a missing, expired or disabled session.
 * @example const found = await loadSession(db, token, config);
 */
export async function loadSession(
  db: Kysely<DB>,
  token: string,
  config: AppConfig,
  now = new Date(),
): Promise<{ actor: StaffActor; session: SessionInfo } | null> {
  const id = sessionIdOf(token);
  const today = todayInDenmark(now);
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('staff as st', 'st.id', 's.staff_id')
    .select([
      's.id',
      's.csrf_token',
      's.expires_at',
      's.absolute_expires_at',
      's.last_seen_at',
      'st.id as staff_id',
      'st.name',
      'st.username',
      'st.profession',
      'st.municipality_id',
      sql<StaffActor['units'] | null>`(select json_agg(json_build_object('id', u.id, 'kind', u.kind, 'districtId', u.district_id) order by u.name)
        from memberships m join units u on u.id = m.unit_id
        where m.staff_id = st.id and m.starts_on <= ${today}::date and (m.ends_on is null or m.ends_on >= ${today}::date))`.as(
        'units',
      ),
      sql<StaffActor['certifications'] | null>`(select json_agg(json_build_object('kind', c.kind, 'validFrom', c.valid_from, 'validUntil', c.valid_until))
        from certifications c where c.staff_id = st.id)`.as('certifications'),
    ])
    .where('s.id', '=', id)
    .where('s.expires_at', '>', now)
    .where('s.absolute_expires_at', '>', now)
    .where('st.active', '=', true)
    .executeTakeFirst();
  if (!row) return null;
  let expiresAt = row.expires_at;
  if (now.getTime() - row.last_seen_at.getTime() > 60_000) {
    const slid = Math.min(now.getTime() + config.sessionIdleSeconds * 1000, row.absolute_expires_at.getTime());
    expiresAt = new Date(slid);
    await db.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', id).execute();
  }
  return {
    actor: {
      kind: 'staff',
      id: row.staff_id,
      name: row.name,
      username: row.username,
      profession: row.profession,
      municipalityId: row.municipality_id,
      units: row.units ?? [],
      certifications: row.certifications ?? [],
      sessionId: row.id,
    },
    session: { id: row.id, csrfToken: row.csrf_token, expiresAt },
  };
}
