/**
 * Staff accounts: personal data of employees. Administrators manage them;
 * every read, search and change is audited with the staff member as subject.
 */
import { sql, type Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Work } from '../../access/work';
import { hashPassword } from '../../auth/passwords';
import { isUniqueViolation } from '../../db/errors';
import type { DB } from '../../db/types';
import { expectCurrentVersion, invalidFields, notFound, Problem } from '../../errors';
import { todayInDenmark } from '../../clock';
import type {
  AddCertificationInput,
  ColleagueShape,
  AddMembershipInput,
  CreateStaffInput,
  StaffShape,
  StaffSummaryShape,
  UpdateStaffInput,
} from './schema';

/** Staff of the actor's municipality. */
export class StaffRepo {
  constructor(private readonly work: Work) {}

  private municipalityId(): string {
    const actor = this.work.actor;
    if (actor.kind !== 'staff') throw new Error('staff repo needs a staff actor');
    return actor.municipalityId;
  }

  /** Searches staff by name or username, profession and unit. */
  async search(filter: { q?: string; profession?: string; unitId?: string }): Promise<StaffSummaryShape[]> {
    this.work.authorize('search', 'staff');
    const trx = await this.work.tx();
    let query = trx
      .selectFrom('staff as s')
      .select(['s.id', 's.name', 's.username', 's.email', 's.profession', 's.active'])
      .where('s.municipality_id', '=', this.municipalityId());
    if (filter.q) {
      const pattern = `%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      query = query.where((eb) => eb.or([eb('s.name', 'ilike', pattern), eb('s.username', 'ilike', pattern)]));
    }
    if (filter.profession) query = query.where('s.profession', '=', filter.profession);
    if (filter.unitId) {
      const unitId = filter.unitId;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('memberships as m')
            .select(sql`1`.as('one'))
            .whereRef('m.staff_id', '=', 's.id')
            .where('m.unit_id', '=', unitId),
        ),
      );
    }
    const rows = await query.orderBy('s.name').limit(500).execute();
    this.work.audit({
      action: 'search',
      category: 'staff',
      subjectIds: rows.map((r) => r.id),
      criterion: JSON.stringify(filter),
      outcome: 'allowed',
    });
    return rows.map((r) => ({ ...r, profession: r.profession as StaffSummaryShape['profession'] }));
  }

  /**
   * The staff directory for every signed-in staff member: active colleagues in
   * the municipality with profession and current units (to pick a health
   * visitor or the participants of a meeting). No contact details.
   */
  async directory(filter: { unitId?: string; profession?: string; unitKind?: string }): Promise<ColleagueShape[]> {
    const trx = await this.work.tx();
    const today = todayInDenmark();
    let query = trx
      .selectFrom('staff as s')
      .innerJoin('memberships as m', 'm.staff_id', 's.id')
      .innerJoin('units as u', 'u.id', 'm.unit_id')
      .select(['s.id', 's.name', 's.profession', 'u.id as unit_id', 'u.name as unit_name', 'u.kind as unit_kind'])
      .where('s.municipality_id', '=', this.municipalityId())
      .where('s.active', '=', true)
      .where('m.starts_on', '<=', today)
      .where((eb) => eb.or([eb('m.ends_on', 'is', null), eb('m.ends_on', '>=', today)]));
    if (filter.profession) query = query.where('s.profession', '=', filter.profession);
    const rows = await query.orderBy('s.name').orderBy('u.name').execute();
    const byId = new Map<string, ColleagueShape>();
    for (const row of rows) {
      const colleague = byId.get(row.id) ?? { id: row.id, name: row.name, profession: row.profession as ColleagueShape['profession'], units: [] };
      colleague.units.push({ id: row.unit_id, name: row.unit_name, kind: row.unit_kind as ColleagueShape['units'][number]['kind'] });
      byId.set(row.id, colleague);
    }
    const items = [...byId.values()].filter(
      (c) => (!filter.unitId || c.units.some((u) => u.id === filter.unitId)) && (!filter.unitKind || c.units.some((u) => u.kind === filter.unitKind)),
    );
    this.work.audit({ action: 'search', category: 'staff', subjectIds: items.map((c) => c.id), criterion: JSON.stringify({ directory: filter }), outcome: 'allowed' });
    return items;
  }

  /** One staff member with memberships and certifications; 404 if not visible. */
  async get(id: string): Promise<StaffShape> {
    if (!this.work.may('read', 'staff', { staffId: id })) {
      this.work.audit({ action: 'read', category: 'staff', subjectIds: [id], outcome: 'denied' });
      throw notFound();
    }
    const trx = await this.work.tx();
    const staff = await this.load(trx, id);
    this.work.audit({ action: 'read', category: 'staff', subjectIds: [id], outcome: 'allowed' });
    return staff;
  }

  /** Creates an account with an initial password. */
  async create(input: CreateStaffInput): Promise<StaffShape> {
    this.work.authorize('create', 'staff');
    const trx = await this.work.tx();
    const id = uuidv7();
    const passwordHash = await hashPassword(input.password);
    try {
      await trx
        .insertInto('staff')
        .values({
          id,
          municipality_id: this.municipalityId(),
          name: input.name,
          username: input.username,
          email: input.email ?? null,
          profession: input.profession,
          password_hash: passwordHash,
        })
        .execute();
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new Problem(409, 'staff.username_taken', { fields: [{ field: 'username', code: 'taken' }] });
      }
      throw error;
    }
    this.work.audit({ action: 'create', category: 'staff', subjectIds: [id], outcome: 'allowed' });
    return this.load(trx, id);
  }

  /** Updates name, email, profession or active if `version` is current. */
  async update(id: string, input: UpdateStaffInput): Promise<StaffShape> {
    this.work.authorize('update', 'staff', { staffId: id }, [id]);
    const trx = await this.work.tx();
    const current = await this.load(trx, id);
    const result = await trx
      .updateTable('staff')
      .set({
        name: input.name ?? current.name,
        email: input.email !== undefined ? input.email : current.email,
        profession: input.profession ?? current.profession,
        active: input.active ?? current.active,
        version: input.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    expectCurrentVersion(result);
    if (input.active === false) await trx.deleteFrom('sessions').where('staff_id', '=', id).execute();
    this.work.audit({
      action: 'update',
      category: 'staff',
      subjectIds: [id],
      outcome: 'allowed',
      detail: { fields: Object.keys(input).filter((k) => k !== 'version') },
    });
    return this.load(trx, id);
  }

  /** Sets a new password, ends the person's sessions and lifts a lockout. */
  async setPassword(id: string, password: string): Promise<void> {
    this.work.authorize('update', 'staff', { staffId: id }, [id]);
    const trx = await this.work.tx();
    await this.load(trx, id);
    await trx
      .updateTable('staff')
      .set({ password_hash: await hashPassword(password), failed_sign_ins: 0, locked_until: null })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('sessions').where('staff_id', '=', id).execute();
    this.work.audit({ action: 'update', category: 'staff', subjectIds: [id], outcome: 'allowed', detail: { fields: ['password'] } });
  }

  /** Adds a unit membership with start and optional end date. */
  async addMembership(staffId: string, input: AddMembershipInput): Promise<StaffShape> {
    this.work.authorize('update', 'staff', { staffId }, [staffId]);
    const trx = await this.work.tx();
    await this.load(trx, staffId);
    const unit = await trx
      .selectFrom('units')
      .select('id')
      .where('id', '=', input.unitId)
      .where('municipality_id', '=', this.municipalityId())
      .executeTakeFirst();
    if (!unit) throw invalidFields([{ field: 'unitId', code: 'invalid_choice' }]);
    await trx
      .insertInto('memberships')
      .values({
        id: uuidv7(),
        staff_id: staffId,
        unit_id: input.unitId,
        starts_on: input.startsOn,
        ends_on: input.endsOn ?? null,
      })
      .execute();
    this.work.audit({ action: 'update', category: 'staff', subjectIds: [staffId], outcome: 'allowed', detail: { membership: input.unitId } });
    return this.load(trx, staffId);
  }

  /** Sets (or clears) a membership's end date if `version` is current. */
  async endMembership(membershipId: string, input: { version: number; endsOn: string | null }): Promise<StaffShape> {
    const trx = await this.work.tx();
    const membership = await trx
      .selectFrom('memberships as m')
      .innerJoin('staff as s', 's.id', 'm.staff_id')
      .select(['m.staff_id', 'm.starts_on'])
      .where('m.id', '=', membershipId)
      .where('s.municipality_id', '=', this.municipalityId())
      .executeTakeFirst();
    if (!membership) throw notFound();
    this.work.authorize('update', 'staff', { staffId: membership.staff_id }, [membership.staff_id]);
    if (input.endsOn && input.endsOn < membership.starts_on) {
      throw invalidFields([{ field: 'endsOn', code: 'end_before_start' }]);
    }
    const result = await trx
      .updateTable('memberships')
      .set({ ends_on: input.endsOn, version: input.version + 1 })
      .where('id', '=', membershipId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    expectCurrentVersion(result);
    this.work.audit({ action: 'update', category: 'staff', subjectIds: [membership.staff_id], outcome: 'allowed' });
    return this.load(trx, membership.staff_id);
  }

  /** Records a certification with its validity period. */
  async addCertification(staffId: string, input: AddCertificationInput): Promise<StaffShape> {
    this.work.authorize('update', 'staff', { staffId }, [staffId]);
    const trx = await this.work.tx();
    await this.load(trx, staffId);
    await trx
      .insertInto('certifications')
      .values({
        id: uuidv7(),
        staff_id: staffId,
        kind: input.kind,
        valid_from: input.validFrom,
        valid_until: input.validUntil ?? null,
      })
      .execute();
    this.work.audit({ action: 'update', category: 'staff', subjectIds: [staffId], outcome: 'allowed', detail: { certification: input.kind } });
    return this.load(trx, staffId);
  }

  /** Removes a certification recorded by mistake. */
  async removeCertification(certificationId: string): Promise<StaffShape> {
    const trx = await this.work.tx();
    const row = await trx
      .selectFrom('certifications as c')
      .innerJoin('staff as s', 's.id', 'c.staff_id')
      .select(['c.staff_id', 'c.kind'])
      .where('c.id', '=', certificationId)
      .where('s.municipality_id', '=', this.municipalityId())
      .executeTakeFirst();
    if (!row) throw notFound();
    this.work.authorize('update', 'staff', { staffId: row.staff_id }, [row.staff_id]);
    await trx.deleteFrom('certifications').where('id', '=', certificationId).execute();
    this.work.audit({ action: 'update', category: 'staff', subjectIds: [row.staff_id], outcome: 'allowed', detail: { removedCertification: row.kind } });
    return this.load(trx, row.staff_id);
  }

  private async load(trx: Transaction<DB>, id: string): Promise<StaffShape> {
    const staff = await trx
      .selectFrom('staff')
      .select(['id', 'name', 'username', 'email', 'profession', 'active', 'version'])
      .where('id', '=', id)
      .where('municipality_id', '=', this.municipalityId())
      .executeTakeFirst();
    if (!staff) throw notFound();
    const memberships = await trx
      .selectFrom('memberships as m')
      .innerJoin('units as u', 'u.id', 'm.unit_id')
      .select(['m.id', 'm.unit_id', 'u.name as unit_name', 'u.kind as unit_kind', 'm.starts_on', 'm.ends_on', 'm.version'])
      .where('m.staff_id', '=', id)
      .orderBy('m.starts_on', 'desc')
      .execute();
    const certifications = await trx
      .selectFrom('certifications')
      .select(['id', 'kind', 'valid_from', 'valid_until'])
      .where('staff_id', '=', id)
      .orderBy('valid_from', 'desc')
      .execute();
    return {
      ...staff,
      profession: staff.profession as StaffShape['profession'],
      memberships: memberships.map((m) => ({
        id: m.id,
        unitId: m.unit_id,
        unitName: m.unit_name,
        unitKind: m.unit_kind as StaffShape['memberships'][number]['unitKind'],
        startsOn: m.starts_on,
        endsOn: m.ends_on,
        version: m.version,
      })),
      certifications: certifications.map((c) => ({
        id: c.id,
        kind: c.kind as StaffShape['certifications'][number]['kind'],
        validFrom: c.valid_from,
        validUntil: c.valid_until,
      })),
    };
  }
}
