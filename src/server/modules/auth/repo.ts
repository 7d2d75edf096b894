/**
 * Sign-in, sign-out and the signed-in user's own account. Every sign-in
 * attempt is audited, success or failure; five failures in a row lock the
 * account for a while (config.lockoutThreshold / lockoutSeconds).
 */
import { sql } from 'kysely';
import type { Work } from '../../access/work';
import { createSession, type NewSession } from '../../auth/sessions';
import { verifyPassword } from '../../auth/passwords';
import { todayInDenmark } from '../../clock';
import type { AppConfig } from '../../config';
import type { MeShape } from './schema';

/** The outcome of a sign-in attempt. */
export type SignInResult =
  | { ok: true; staffId: string; session: NewSession }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; retryAfterSeconds: number };

/** Credentials and sessions. */
export class AuthRepo {
  constructor(
    private readonly work: Work,
    private readonly config: AppConfig,
  ) {}

  /**
   * Checks credentials and opens a session. Failures are counted and audited
   * (and committed: the caller returns the refusal rather than throwing).
   */
  async signIn(input: { username: string; password: string; userAgent: string | null }): Promise<SignInResult> {
    const trx = await this.work.tx();
    const now = new Date();
    const staff = await trx
      .selectFrom('staff')
      .select(['id', 'name', 'password_hash', 'active', 'failed_sign_ins', 'locked_until'])
      .where(sql`lower(username)`, '=', input.username.toLowerCase())
      .forUpdate()
      .executeTakeFirst();
    const audit = (outcome: 'allowed' | 'denied', reason?: string) =>
      this.work.audit({
        action: 'sign_in',
        category: 'session',
        subjectIds: staff ? [staff.id] : [],
        criterion: `username=${input.username.slice(0, 100)}`,
        outcome,
        actor: staff ? { id: staff.id, name: staff.name } : undefined,
        detail: reason ? { reason } : undefined,
      });

    if (staff?.locked_until && staff.locked_until > now) {
      await verifyPassword(null, input.password); // same work either way
      audit('denied', 'locked');
      return { ok: false, reason: 'locked', retryAfterSeconds: Math.ceil((staff.locked_until.getTime() - now.getTime()) / 1000) };
    }
    const passwordOk = await verifyPassword(staff?.password_hash ?? null, input.password);
    if (!staff || !passwordOk || !staff.active) {
      audit('denied', !staff ? 'unknown_user' : !passwordOk ? 'wrong_password' : 'inactive');
      if (staff && !passwordOk) {
        const failures = staff.failed_sign_ins + 1;
        const lock = failures >= this.config.lockoutThreshold;
        await trx
          .updateTable('staff')
          .set({
            failed_sign_ins: lock ? 0 : failures,
            locked_until: lock ? new Date(now.getTime() + this.config.lockoutSeconds * 1000) : null,
          })
          .where('id', '=', staff.id)
          .execute();
        if (lock) return { ok: false, reason: 'locked', retryAfterSeconds: this.config.lockoutSeconds };
      }
      return { ok: false, reason: 'invalid' };
    }
    await trx.updateTable('staff').set({ failed_sign_ins: 0, locked_until: null }).where('id', '=', staff.id).execute();
    const origin = this.work.origin;
    const session = await createSession(trx, staff.id, this.config, { ip: origin.ip, userAgent: input.userAgent }, now);
    audit('allowed');
    return { ok: true, staffId: staff.id, session };
  }

  /** Ends the current session. */
  async signOut(sessionId: string): Promise<void> {
    const trx = await this.work.tx();
    await trx.deleteFrom('sessions').where('id', '=', sessionId).execute();
    this.work.audit({ action: 'sign_out', category: 'session', outcome: 'allowed' });
  }

  /** Extends the idle expiry of the current session (never past the absolute limit). */
  async refresh(sessionId: string): Promise<Date> {
    const trx = await this.work.tx();
    const now = Date.now();
    const row = await trx
      .updateTable('sessions')
      .set({
        last_seen_at: new Date(now),
        expires_at: sql`least(${new Date(now + this.config.sessionIdleSeconds * 1000)}::timestamptz, absolute_expires_at)`,
      })
      .where('id', '=', sessionId)
      .returning('expires_at')
      .executeTakeFirstOrThrow();
    return row.expires_at;
  }

  /** The signed-in staff member's own account, units today and certifications. */
  async me(staffId: string): Promise<MeShape> {
    const trx = await this.work.tx();
    const today = todayInDenmark();
    const staff = await trx
      .selectFrom('staff as s')
      .innerJoin('municipalities as m', 'm.id', 's.municipality_id')
      .select(['s.id', 's.name', 's.username', 's.profession', 'm.id as municipality_id', 'm.name as municipality_name'])
      .where('s.id', '=', staffId)
      .executeTakeFirstOrThrow();
    const units = await trx
      .selectFrom('memberships as ms')
      .innerJoin('units as u', 'u.id', 'ms.unit_id')
      .select(['u.id', 'u.name', 'u.kind'])
      .where('ms.staff_id', '=', staffId)
      .where('ms.starts_on', '<=', today)
      .where((eb) => eb.or([eb('ms.ends_on', 'is', null), eb('ms.ends_on', '>=', today)]))
      .orderBy('u.name')
      .execute();
    const certifications = await trx
      .selectFrom('certifications')
      .select(['kind', 'valid_from', 'valid_until'])
      .where('staff_id', '=', staffId)
      .orderBy('valid_from')
      .execute();
    return {
      id: staff.id,
      name: staff.name,
      username: staff.username,
      profession: staff.profession as MeShape['profession'],
      isAdmin: staff.profession === 'administrator',
      municipality: { id: staff.municipality_id, name: staff.municipality_name },
      units: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind as MeShape['units'][number]['kind'] })),
      certifications: certifications.map((c) => ({
        kind: c.kind as MeShape['certifications'][number]['kind'],
        validFrom: c.valid_from,
        validUntil: c.valid_until,
      })),
    };
  }
}
