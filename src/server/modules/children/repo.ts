/**
 * The children's registry, scoped to the actor: a child is visible to the
 * health-visiting unit that has it on its caseload and to the daycare or
 * school units it is enrolled in (now or planned). Everything else answers
 * "not found". Every search, read, disclosure and change is audited.
 */
import { sql, type Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { parseCpr } from '../../../domain';
import type { StaffActor } from '../../access/actor';
import { type ChildFacts, guardChild, loadChildFacts, visibleChildCondition } from '../../access/child-access';
import type { Work } from '../../access/work';
import { todayInDenmark } from '../../clock';
import { isUniqueViolation } from '../../db/errors';
import type { DB } from '../../db/types';
import { expectCurrentVersion, type FieldIssue, invalidFields, notFound, Problem } from '../../errors';
import { mergeChildRecords } from './merge';
import { ageToday, displayName, maskedCpr, safeCriterion } from './present';
import type { ChildDetailShape, ChildSummaryShape, GuardianInputShape, RegisterChildInput } from './schema';

const DAYCARE_AND_SCHOOL = ['childminding', 'nursery', 'kindergarten', 'integrated_daycare', 'school', 'after_school', 'club'];

/** A CPR from input: parsed, or a field error. Numbers failing modulus 11 are valid (domain.md S6). */
function checkedCpr(value: string | null | undefined, field: string): { cpr: string; birthDate: string; legalSex: 'female' | 'male' } | null {
  if (!value) return null;
  const parsed = parseCpr(value);
  if (!parsed.ok) throw invalidFields([{ field, code: 'invalid_cpr' }]);
  return { cpr: parsed.cpr, birthDate: parsed.birthDate, legalSex: parsed.legalSex };
}

/** Children of the actor's caseload and units. */
export class ChildrenRepo {
  constructor(private readonly work: Work) {}

  private staff(): StaffActor {
    const actor = this.work.actor;
    if (actor.kind !== 'staff') throw new Error('children repo needs a staff actor');
    return actor;
  }

  private summaryQuery(trx: Transaction<DB>) {
    const today = todayInDenmark();
    return trx
      .selectFrom('persons as p')
      .innerJoin('children as c', 'c.person_id', 'p.id')
      .leftJoin('caseload_assignments as ca', (join) => join.onRef('ca.child_id', '=', 'p.id').on('ca.ends_on', 'is', null))
      .leftJoin('units as hu', 'hu.id', 'ca.unit_id')
      .leftJoin('staff as hv', 'hv.id', 'ca.staff_id')
      .select([
        'p.id',
        'c.status',
        'p.first_name',
        'p.last_name',
        'p.cpr',
        'p.birth_date',
        'c.expected_date',
        'p.address',
        'hu.name as health_unit_name',
        'ca.unit_id as health_unit_id',
        'hv.name as health_visitor_name',
        sql<boolean>`exists (select 1 from extended_track_periods t where t.child_id = p.id and t.ends_on is null and t.starts_on <= ${today}::date)`.as('extended_track'),
      ])
      .where('p.merged_into', 'is', null);
  }

  private toSummary(row: Awaited<ReturnType<ReturnType<ChildrenRepo['summaryQuery']>['execute']>>[number]): ChildSummaryShape {
    return {
      id: row.id,
      status: row.status,
      displayName: displayName(row),
      firstName: row.first_name,
      lastName: row.last_name,
      cprMasked: maskedCpr(row.cpr),
      birthDate: row.birth_date,
      expectedDate: row.expected_date,
      ageMonths: ageToday(row.birth_date, todayInDenmark()),
      address: row.address,
      healthUnitName: row.health_unit_name,
      healthVisitorName: row.health_visitor_name,
      extendedTrack: this.seesHealthOf(row.health_unit_id) ? row.extended_track : null,
    };
  }

  /** Whether the actor works in the health-visiting unit that has the child on its caseload (presenter rule). */
  private seesHealthOf(healthUnitId: string | null): boolean {
    const actor = this.work.actor;
    return actor.kind === 'staff' && healthUnitId !== null && actor.units.some((u) => u.kind === 'health_visiting' && u.id === healthUnitId);
  }

  /** Searches visible children by name, CPR, birth date, address or an expectant parent's name. */
  async search(filter: { q?: string; birthDate?: string; status?: 'expected' | 'born'; limit: number }): Promise<ChildSummaryShape[]> {
    this.work.authorize('search', 'basic');
    const trx = await this.work.tx();
    const actor = this.staff();
    let query = this.summaryQuery(trx).where((eb) => visibleChildCondition(eb, actor));
    if (filter.status) query = query.where('c.status', '=', filter.status);
    if (filter.birthDate) query = query.where('p.birth_date', '=', filter.birthDate);
    const q = filter.q?.trim();
    if (q) {
      const digits = q.replace(/[\s-]/g, '');
      if (/^\d{6,10}$/.test(digits)) {
        query = query.where('p.cpr', 'like', `${digits}%`);
      } else {
        const words = q.split(/\s+/).filter(Boolean).slice(0, 5);
        for (const word of words) {
          const pattern = `%${word.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
          query = query.where((eb) =>
            eb.or([
              eb('p.first_name', 'ilike', pattern),
              eb('p.last_name', 'ilike', pattern),
              eb('p.address', 'ilike', pattern),
              eb.exists(
                eb
                  .selectFrom('relations as r')
                  .innerJoin('persons as a', 'a.id', 'r.adult_id')
                  .select(sql`1`.as('one'))
                  .whereRef('r.child_id', '=', 'p.id')
                  .where((w) => w.or([w('a.first_name', 'ilike', pattern), w('a.last_name', 'ilike', pattern)])),
              ),
            ]),
          );
        }
      }
    }
    const rows = await query.orderBy(sql`coalesce(p.birth_date, c.expected_date)`, 'desc').orderBy('p.id').limit(filter.limit).execute();
    this.work.audit({
      action: 'search',
      category: 'basic',
      subjectIds: rows.map((r) => r.id),
      criterion: safeCriterion(JSON.stringify(filter)),
      outcome: 'allowed',
    });
    return rows.map((row) => this.toSummary(row));
  }

  /** One child's basic record: identity, adults, siblings, household, enrolments, caseload. */
  async get(childId: string): Promise<ChildDetailShape> {
    const trx = await this.work.tx();
    const facts = await guardChild(this.work, childId, 'read', 'basic');
    const detail = await this.load(trx, childId, facts);
    this.work.audit({ action: 'read', category: 'basic', subjectIds: [childId], outcome: 'allowed' });
    return detail;
  }

  /** The full CPR number of a child or of an adult related to a visible child (audited disclosure). */
  async revealCpr(personId: string): Promise<{ cpr: string; formatted: string }> {
    const trx = await this.work.tx();
    const person = await trx.selectFrom('persons').select(['id', 'cpr']).where('id', '=', personId).where('merged_into', 'is', null).executeTakeFirst();
    const childIds = person
      ? [personId, ...(await trx.selectFrom('relations').select('child_id').where('adult_id', '=', personId).execute()).map((r) => r.child_id)]
      : [];
    let allowedVia: string | undefined;
    for (const childId of childIds) {
      const facts = await loadChildFacts(trx, childId);
      if (facts && this.work.may('disclose', 'basic', facts)) {
        allowedVia = childId;
        break;
      }
    }
    if (!person || !allowedVia) {
      this.work.audit({ action: 'disclose', category: 'basic', subjectIds: person ? [personId] : [], outcome: 'denied', detail: { field: 'cpr' } });
      throw notFound();
    }
    if (!person.cpr) throw new Problem(404, 'registry.no_cpr');
    this.work.audit({ action: 'disclose', category: 'basic', subjectIds: [personId], outcome: 'allowed', detail: { field: 'cpr', via: allowedVia } });
    return { cpr: person.cpr, formatted: `${person.cpr.slice(0, 6)}-${person.cpr.slice(6)}` };
  }

  /** Registers a child or an expected child with its adults, on a health-visiting unit's caseload. */
  async register(input: RegisterChildInput): Promise<ChildDetailShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const unit = await trx
      .selectFrom('units')
      .select(['id', 'kind'])
      .where('id', '=', input.healthUnitId)
      .where('municipality_id', '=', actor.municipalityId)
      .executeTakeFirst();
    if (unit?.kind !== 'health_visiting') throw invalidFields([{ field: 'healthUnitId', code: 'invalid_choice' }]);
    const facts: ChildFacts = { childId: '', municipalityId: actor.municipalityId, healthUnitIds: [unit.id], enrolledUnitIds: [], involvedStaffIds: [], responsibleStaffId: null };
    this.work.authorize('create', 'basic', facts);
    if (input.healthVisitorId) await this.checkStaffInUnit(trx, input.healthVisitorId, unit.id, 'healthVisitorId');

    const cpr = checkedCpr(input.cpr, 'cpr');
    const born = input.status === 'born';
    const birthDate = born ? (input.birthDate ?? cpr?.birthDate ?? null) : null;
    const issues: FieldIssue[] = [];
    if (cpr && input.birthDate && cpr.birthDate !== input.birthDate) issues.push({ field: 'birthDate', code: 'cpr_date_mismatch' });
    if (!born && cpr) issues.push({ field: 'cpr', code: 'invalid' });
    if (birthDate && birthDate > todayInDenmark()) issues.push({ field: 'birthDate', code: 'in_future' });
    if (issues.length) throw invalidFields(issues);
    const guardianCprs = input.guardians.map((g, i) => checkedCpr(g.cpr, `guardians.${i}.cpr`));

    if (!input.confirmNotDuplicate) await this.checkDuplicates(trx, { cpr: cpr?.cpr, firstName: input.firstName, lastName: input.lastName, birthDate, expectedDate: input.expectedDate ?? null, guardianCprs: guardianCprs.flatMap((g) => (g ? [g.cpr] : [])) });
    else if (cpr) await this.checkCprFree(trx, cpr.cpr, 'cpr');

    const childId = uuidv7();
    await trx
      .insertInto('persons')
      .values({
        id: childId,
        municipality_id: actor.municipalityId,
        cpr: cpr?.cpr ?? null,
        first_name: input.firstName ?? null,
        last_name: input.lastName ?? null,
        birth_date: birthDate,
        legal_sex: input.legalSex ?? cpr?.legalSex ?? null,
        address: input.address,
        postal_code: input.postalCode,
        city: input.city,
      })
      .execute();
    await trx
      .insertInto('children')
      .values({
        person_id: childId,
        status: input.status,
        expected_date: input.expectedDate ?? null,
        discharged_within_72h: input.dischargedWithin72h ?? false,
        born_registered_at: born ? new Date() : null,
      })
      .execute();
    await trx
      .insertInto('caseload_assignments')
      .values({ id: uuidv7(), child_id: childId, unit_id: unit.id, staff_id: input.healthVisitorId ?? null, starts_on: todayInDenmark(), reason: 'Registreret', created_by: actor.id })
      .execute();
    const adultIds: string[] = [];
    for (const [index, guardian] of input.guardians.entries()) {
      adultIds.push(await this.addAdult(trx, childId, guardian, guardianCprs[index], `guardians.${index}`));
    }
    this.work.audit({ action: 'create', category: 'basic', subjectIds: [childId, ...adultIds], outcome: 'allowed' });
    return this.load(trx, childId, (await loadChildFacts(trx, childId))!);
  }

  /** Turns an expected child into a born child, keeping everything recorded so far. */
  async registerBirth(childId: string, input: { version: number; cpr?: string | null; firstName: string; lastName: string; birthDate?: string | null; legalSex?: 'female' | 'male' | null; dischargedWithin72h: boolean }): Promise<ChildDetailShape> {
    const trx = await this.work.tx();
    const facts = await guardChild(this.work, childId, 'update', 'basic');
    const child = await trx.selectFrom('children').select(['status']).where('person_id', '=', childId).executeTakeFirstOrThrow();
    if (child.status === 'born') throw new Problem(409, 'registry.already_born');
    const cpr = checkedCpr(input.cpr, 'cpr');
    const birthDate = input.birthDate ?? cpr?.birthDate ?? null;
    if (cpr && input.birthDate && cpr.birthDate !== input.birthDate) throw invalidFields([{ field: 'birthDate', code: 'cpr_date_mismatch' }]);
    if (birthDate && birthDate > todayInDenmark()) throw invalidFields([{ field: 'birthDate', code: 'in_future' }]);
    if (cpr) await this.checkCprFree(trx, cpr.cpr, 'cpr');
    const updated = await trx
      .updateTable('persons')
      .set({
        cpr: cpr?.cpr ?? null,
        first_name: input.firstName,
        last_name: input.lastName,
        birth_date: birthDate,
        legal_sex: input.legalSex ?? cpr?.legalSex ?? null,
        version: input.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', childId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    expectCurrentVersion(updated);
    await trx
      .updateTable('children')
      .set({ status: 'born', discharged_within_72h: input.dischargedWithin72h, born_registered_at: new Date() })
      .where('person_id', '=', childId)
      .execute();
    this.work.audit({ action: 'update', category: 'basic', subjectIds: [childId], outcome: 'allowed', detail: { birthRegistered: true } });
    return this.load(trx, childId, facts);
  }

  /** Changes a child's basic fields if `version` is current. */
  async update(childId: string, input: { version: number; firstName?: string; lastName?: string; expectedDate?: string; dischargedWithin72h?: boolean; address?: string | null; postalCode?: string | null; city?: string | null }): Promise<ChildDetailShape> {
    const trx = await this.work.tx();
    const facts = await guardChild(this.work, childId, 'update', 'basic');
    const person = await trx.selectFrom('persons').selectAll().where('id', '=', childId).executeTakeFirstOrThrow();
    const updated = await trx
      .updateTable('persons')
      .set({
        first_name: input.firstName ?? person.first_name,
        last_name: input.lastName ?? person.last_name,
        address: input.address !== undefined ? input.address : person.address,
        postal_code: input.postalCode !== undefined ? input.postalCode : person.postal_code,
        city: input.city !== undefined ? input.city : person.city,
        version: input.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', childId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    expectCurrentVersion(updated);
    if (input.expectedDate !== undefined || input.dischargedWithin72h !== undefined) {
      const set: { expected_date?: string; discharged_within_72h?: boolean } = {};
      if (input.expectedDate !== undefined) set.expected_date = input.expectedDate;
      if (input.dischargedWithin72h !== undefined) set.discharged_within_72h = input.dischargedWithin72h;
      await trx.updateTable('children').set(set).where('person_id', '=', childId).execute();
    }
    this.work.audit({ action: 'update', category: 'basic', subjectIds: [childId], outcome: 'allowed', detail: { fields: Object.keys(input).filter((k) => k !== 'version') } });
    return this.load(trx, childId, facts);
  }

  /** Adds a parent, expectant parent or other adult to a child. */
  async addRelation(childId: string, guardian: GuardianInputShape): Promise<ChildDetailShape> {
    const trx = await this.work.tx();
    const facts = await guardChild(this.work, childId, 'update', 'basic');
    const adultId = await this.addAdult(trx, childId, guardian, checkedCpr(guardian.cpr, 'cpr'), '');
    this.work.audit({ action: 'update', category: 'basic', subjectIds: [childId, adultId], outcome: 'allowed', detail: { relationAdded: guardian.relation } });
    return this.load(trx, childId, facts);
  }

  /** Changes a relation (custody, living with the child, contact details) if `version` is current. */
  async updateRelation(relationId: string, input: { version: number; relation?: string; custody?: boolean; livesWithChild?: boolean; phone?: string | null; email?: string | null; preferredLanguage?: string; interpreterNeeded?: boolean }): Promise<ChildDetailShape> {
    const trx = await this.work.tx();
    const relation = await trx.selectFrom('relations').selectAll().where('id', '=', relationId).executeTakeFirst();
    if (!relation) throw notFound();
    const facts = await guardChild(this.work, relation.child_id, 'update', 'basic');
    const updated = await trx
      .updateTable('relations')
      .set({
        relation: input.relation ?? relation.relation,
        custody: input.custody ?? relation.custody,
        lives_with_child: input.livesWithChild ?? relation.lives_with_child,
        version: input.version + 1,
      })
      .where('id', '=', relationId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    expectCurrentVersion(updated);
    const personChanges: { phone?: string | null; email?: string | null; preferred_language?: string; interpreter_needed?: boolean } = {};
    if (input.phone !== undefined) personChanges.phone = input.phone;
    if (input.email !== undefined) personChanges.email = input.email;
    if (input.preferredLanguage !== undefined) personChanges.preferred_language = input.preferredLanguage;
    if (input.interpreterNeeded !== undefined) personChanges.interpreter_needed = input.interpreterNeeded;
    if (Object.keys(personChanges).length) {
      await trx.updateTable('persons').set({ ...personChanges, version: sql`version + 1`, updated_at: new Date() }).where('id', '=', relation.adult_id).execute();
    }
    this.work.audit({ action: 'update', category: 'basic', subjectIds: [relation.child_id, relation.adult_id], outcome: 'allowed' });
    return this.load(trx, relation.child_id, facts);
  }

  /** Enrols a child in a daycare or school unit, also for a planned future start. */
  async addEnrolment(childId: string, input: { unitId: string; startsOn: string; endsOn?: string | null }): Promise<ChildDetailShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const facts = await guardChild(this.work, childId, 'update', 'basic');
    const unit = await trx.selectFrom('units').select(['kind']).where('id', '=', input.unitId).where('municipality_id', '=', actor.municipalityId).executeTakeFirst();
    if (!unit || !DAYCARE_AND_SCHOOL.includes(unit.kind)) throw invalidFields([{ field: 'unitId', code: 'invalid_choice' }]);
    await trx.insertInto('enrolments').values({ id: uuidv7(), child_id: childId, unit_id: input.unitId, starts_on: input.startsOn, ends_on: input.endsOn ?? null }).execute();
    this.work.audit({ action: 'update', category: 'basic', subjectIds: [childId], outcome: 'allowed', detail: { enrolment: input.unitId } });
    return this.load(trx, childId, facts);
  }

  /** Sets or clears an enrolment's end date if `version` is current. */
  async endEnrolment(enrolmentId: string, input: { version: number; endsOn: string | null }): Promise<ChildDetailShape> {
    const trx = await this.work.tx();
    const enrolment = await trx.selectFrom('enrolments').selectAll().where('id', '=', enrolmentId).executeTakeFirst();
    if (!enrolment) throw notFound();
    const facts = await guardChild(this.work, enrolment.child_id, 'update', 'basic');
    if (input.endsOn && input.endsOn < enrolment.starts_on) throw invalidFields([{ field: 'endsOn', code: 'end_before_start' }]);
    const updated = await trx
      .updateTable('enrolments')
      .set({ ends_on: input.endsOn, version: input.version + 1 })
      .where('id', '=', enrolmentId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    expectCurrentVersion(updated);
    this.work.audit({ action: 'update', category: 'basic', subjectIds: [enrolment.child_id], outcome: 'allowed' });
    return this.load(trx, enrolment.child_id, facts);
  }

  /** Moves a child to another health-visiting unit and/or health visitor; the old assignment is kept as history. */
  async reassign(childId: string, input: { unitId: string; staffId?: string | null; reason: string; startsOn?: string }): Promise<ChildDetailShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    await guardChild(this.work, childId, 'update', 'basic');
    const unit = await trx.selectFrom('units').select(['id', 'kind']).where('id', '=', input.unitId).where('municipality_id', '=', actor.municipalityId).executeTakeFirst();
    if (unit?.kind !== 'health_visiting') throw invalidFields([{ field: 'unitId', code: 'invalid_choice' }]);
    if (input.staffId) await this.checkStaffInUnit(trx, input.staffId, unit.id, 'staffId');
    const startsOn = input.startsOn ?? todayInDenmark();
    const current = await trx.selectFrom('caseload_assignments').select(['id', 'starts_on']).where('child_id', '=', childId).where('ends_on', 'is', null).executeTakeFirst();
    if (current) {
      if (startsOn < current.starts_on) throw invalidFields([{ field: 'startsOn', code: 'end_before_start' }]);
      await trx.updateTable('caseload_assignments').set({ ends_on: startsOn }).where('id', '=', current.id).execute();
    }
    await trx
      .insertInto('caseload_assignments')
      .values({ id: uuidv7(), child_id: childId, unit_id: unit.id, staff_id: input.staffId ?? null, starts_on: startsOn, reason: input.reason, created_by: actor.id })
      .execute();
    this.work.audit({ action: 'update', category: 'basic', subjectIds: [childId], outcome: 'allowed', detail: { reassignedTo: unit.id } });
    const facts = await loadChildFacts(trx, childId);
    return this.load(trx, childId, facts!);
  }

  /** Merges a duplicate record of the same child into this one; every entry is kept. */
  async merge(survivorId: string, duplicateId: string): Promise<ChildDetailShape> {
    if (survivorId === duplicateId) throw invalidFields([{ field: 'duplicateId', code: 'invalid' }]);
    const trx = await this.work.tx();
    await guardChild(this.work, survivorId, 'update', 'basic');
    await guardChild(this.work, duplicateId, 'update', 'basic');
    const [a, b] = await trx.selectFrom('persons').select(['id', 'cpr']).where('id', 'in', [survivorId, duplicateId]).execute();
    if (a?.cpr && b?.cpr && a.cpr !== b.cpr) throw new Problem(409, 'registry.merge_different_cpr');
    await mergeChildRecords(trx, survivorId, duplicateId, todayInDenmark());
    this.work.audit({ action: 'update', category: 'basic', subjectIds: [survivorId, duplicateId], outcome: 'allowed', detail: { mergedFrom: duplicateId } });
    const facts = await loadChildFacts(trx, survivorId);
    return this.load(trx, survivorId, facts!);
  }

  private async checkStaffInUnit(trx: Transaction<DB>, staffId: string, unitId: string, field: string) {
    const today = todayInDenmark();
    const member = await trx
      .selectFrom('memberships as m')
      .innerJoin('staff as s', 's.id', 'm.staff_id')
      .select('m.id')
      .where('m.staff_id', '=', staffId)
      .where('m.unit_id', '=', unitId)
      .where('s.active', '=', true)
      .where('m.starts_on', '<=', today)
      .where((eb) => eb.or([eb('m.ends_on', 'is', null), eb('m.ends_on', '>=', today)]))
      .executeTakeFirst();
    if (!member) throw invalidFields([{ field, code: 'invalid_choice' }]);
  }

  private async checkCprFree(trx: Transaction<DB>, cpr: string, field: string) {
    const existing = await trx.selectFrom('persons').select('id').where('municipality_id', '=', this.staff().municipalityId).where('cpr', '=', cpr).where('merged_into', 'is', null).executeTakeFirst();
    if (existing) throw new Problem(409, 'registry.cpr_exists', { fields: [{ field, code: 'taken' }] });
  }

  /** Refuses a registration that looks like a person already registered (unless confirmed), naming only what the actor may see. */
  private async checkDuplicates(trx: Transaction<DB>, c: { cpr?: string; firstName?: string | null; lastName?: string | null; birthDate: string | null; expectedDate: string | null; guardianCprs: string[] }) {
    const actor = this.staff();
    if (c.cpr) await this.checkCprFree(trx, c.cpr, 'cpr');
    let candidates: { id: string }[] = [];
    if (c.birthDate && c.firstName && c.lastName) {
      candidates = await trx
        .selectFrom('persons as p')
        .innerJoin('children as ch', 'ch.person_id', 'p.id')
        .select('p.id')
        .where('p.municipality_id', '=', actor.municipalityId)
        .where('p.merged_into', 'is', null)
        .where('p.birth_date', '=', c.birthDate)
        .where(sql`lower(p.first_name)`, '=', c.firstName.toLowerCase())
        .where(sql`lower(p.last_name)`, '=', c.lastName.toLowerCase())
        .execute();
    } else if (c.expectedDate && c.guardianCprs.length) {
      candidates = await trx
        .selectFrom('children as ch')
        .innerJoin('persons as p', 'p.id', 'ch.person_id')
        .innerJoin('relations as r', 'r.child_id', 'p.id')
        .innerJoin('persons as a', 'a.id', 'r.adult_id')
        .select('p.id')
        .distinct()
        .where('p.merged_into', 'is', null)
        .where('ch.status', '=', 'expected')
        .where('a.cpr', 'in', c.guardianCprs)
        .execute();
    }
    if (candidates.length === 0) return;
    const visible = [];
    for (const candidate of candidates) {
      const facts = await loadChildFacts(trx, candidate.id);
      if (facts && this.work.may('read', 'basic', facts)) visible.push(candidate.id);
    }
    throw new Problem(409, 'registry.possible_duplicate', { extra: { candidates: visible, hiddenCandidates: candidates.length - visible.length } });
  }

  private async addAdult(trx: Transaction<DB>, childId: string, g: GuardianInputShape, cpr: { cpr: string; birthDate: string; legalSex: 'female' | 'male' } | null, prefix: string): Promise<string> {
    const actor = this.staff();
    const field = (name: string) => (prefix ? `${prefix}.${name}` : name);
    let adultId = g.adultId;
    if (adultId) {
      const related = await trx.selectFrom('relations').select('child_id').where('adult_id', '=', adultId).execute();
      let allowed = false;
      for (const r of related) {
        const facts = await loadChildFacts(trx, r.child_id);
        if (facts && this.work.may('update', 'basic', facts)) allowed = true;
      }
      if (!allowed) throw invalidFields([{ field: field('adultId'), code: 'invalid_choice' }]);
    } else if (cpr) {
      const existing = await trx.selectFrom('persons').select('id').where('municipality_id', '=', actor.municipalityId).where('cpr', '=', cpr.cpr).where('merged_into', 'is', null).executeTakeFirst();
      adultId = existing?.id;
    }
    if (!adultId) {
      adultId = uuidv7();
      await trx
        .insertInto('persons')
        .values({
          id: adultId,
          municipality_id: actor.municipalityId,
          cpr: cpr?.cpr ?? null,
          first_name: g.firstName ?? null,
          last_name: g.lastName ?? null,
          birth_date: cpr?.birthDate ?? null,
          legal_sex: cpr?.legalSex ?? null,
          phone: g.phone,
          email: g.email ?? null,
          address: g.address,
          postal_code: g.postalCode,
          city: g.city,
          preferred_language: g.preferredLanguage ?? 'da',
          interpreter_needed: g.interpreterNeeded ?? false,
        })
        .execute();
    }
    try {
      await trx.insertInto('relations').values({ id: uuidv7(), child_id: childId, adult_id: adultId, relation: g.relation, custody: g.custody, lives_with_child: g.livesWithChild }).execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw new Problem(409, 'registry.relation_exists', { fields: [{ field: field('adultId'), code: 'invalid' }] });
      throw error;
    }
    return adultId;
  }

  private async load(trx: Transaction<DB>, childId: string, facts: ChildFacts): Promise<ChildDetailShape> {
    const today = todayInDenmark();
    const row = await this.summaryQuery(trx)
      .select(['p.legal_sex', 'p.postal_code', 'p.city', 'p.version', 'c.discharged_within_72h'])
      .where('p.id', '=', childId)
      .executeTakeFirstOrThrow();
    const relations = await trx
      .selectFrom('relations as r')
      .innerJoin('persons as a', 'a.id', 'r.adult_id')
      .select(['r.id', 'r.adult_id', 'a.first_name', 'a.last_name', 'a.cpr', 'r.relation', 'r.custody', 'r.lives_with_child', 'a.phone', 'a.email', 'a.address', 'a.preferred_language', 'a.interpreter_needed', 'r.version'])
      .where('r.child_id', '=', childId)
      .orderBy('r.created_at')
      .execute();
    const adultIds = relations.map((r) => r.adult_id);
    const siblingRows = adultIds.length
      ? await this.summaryQuery(trx)
          .innerJoin('relations as sr', 'sr.child_id', 'p.id')
          .select(sql<boolean>`bool_or(sr.lives_with_child)`.as('lives_together'))
          .where('sr.adult_id', 'in', adultIds)
          .where('p.id', '!=', childId)
          .groupBy(['p.id', 'c.status', 'p.first_name', 'p.last_name', 'p.cpr', 'p.birth_date', 'c.expected_date', 'p.address', 'hu.name', 'ca.unit_id', 'hv.name'])
          .execute()
      : [];
    const siblings = [];
    for (const s of siblingRows) {
      const sFacts = await loadChildFacts(trx, s.id);
      const visible = !!sFacts && this.work.may('read', 'basic', sFacts);
      siblings.push({ id: s.id, displayName: visible ? displayName(s) : 'Søskende (ikke i din enheds sager)', birthDate: visible ? s.birth_date : null, visible, livesTogether: s.lives_together });
    }
    const enrolments = await trx
      .selectFrom('enrolments as e')
      .innerJoin('units as u', 'u.id', 'e.unit_id')
      .select(['e.id', 'e.unit_id', 'u.name', 'u.kind', 'e.starts_on', 'e.ends_on', 'e.version'])
      .where('e.child_id', '=', childId)
      .orderBy('e.starts_on', 'desc')
      .execute();
    const assignments = await trx
      .selectFrom('caseload_assignments as ca')
      .innerJoin('units as u', 'u.id', 'ca.unit_id')
      .leftJoin('staff as s', 's.id', 'ca.staff_id')
      .select(['ca.id', 'ca.unit_id', 'u.name as unit_name', 'ca.staff_id', 's.name as staff_name', 'ca.starts_on', 'ca.ends_on', 'ca.reason'])
      .where('ca.child_id', '=', childId)
      .orderBy('ca.created_at', 'desc')
      .execute();
    const health = this.work.may('read', 'health', facts);
    // Reasons for moving a child can carry health information: only the health unit sees them.
    const toAssignment = (a: (typeof assignments)[number]) => ({ id: a.id, unitId: a.unit_id, unitName: a.unit_name, staffId: a.staff_id, staffName: a.staff_name, startsOn: a.starts_on, endsOn: a.ends_on, reason: health ? a.reason : null });
    const personName = (r: { first_name: string | null; last_name: string | null }) => [r.first_name, r.last_name].filter(Boolean).join(' ') || 'Uden navn';
    const relationLabel: Record<string, string> = { mother: 'Mor', father: 'Far', co_parent: 'Medmor/medforælder', guardian: 'Værge', foster_parent: 'Plejeforælder', other: 'Anden voksen' };
    return {
      ...this.toSummary(row),
      legalSex: row.legal_sex,
      dischargedWithin72h: health ? row.discharged_within_72h : null,
      postalCode: row.postal_code,
      city: row.city,
      version: row.version,
      relations: relations.map((r) => ({
        id: r.id,
        adultId: r.adult_id,
        name: personName(r),
        cprMasked: maskedCpr(r.cpr),
        relation: r.relation as ChildDetailShape['relations'][number]['relation'],
        custody: r.custody,
        livesWithChild: r.lives_with_child,
        phone: r.phone,
        email: r.email,
        address: r.address,
        preferredLanguage: r.preferred_language,
        interpreterNeeded: r.interpreter_needed,
        version: r.version,
      })),
      siblings: siblings.map(({ livesTogether: _, ...s }) => s),
      household: [
        ...relations.filter((r) => r.lives_with_child).map((r) => ({ id: r.adult_id, name: personName(r), role: relationLabel[r.relation] ?? r.relation })),
        ...siblings.filter((s) => s.visible && s.livesTogether).map((s) => ({ id: s.id, name: s.displayName, role: 'Søskende' })),
      ],
      enrolments: enrolments.map((e) => ({
        id: e.id,
        unitId: e.unit_id,
        unitName: e.name,
        unitKind: e.kind,
        startsOn: e.starts_on,
        endsOn: e.ends_on,
        state: e.starts_on > today ? 'planned' : e.ends_on && e.ends_on < today ? 'ended' : 'current',
        version: e.version,
      })),
      caseload: {
        current: assignments.filter((a) => a.ends_on === null).map(toAssignment)[0] ?? null,
        history: health ? assignments.filter((a) => a.ends_on !== null).map(toAssignment) : [],
      },
      access: {
        health,
        edit: this.work.may('update', 'basic', facts),
      },
    };
  }
}
