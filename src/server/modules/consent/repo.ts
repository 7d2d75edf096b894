/**
 * Consents and disclosures, scoped to the actor (domain.md §6.2–6.3, rules C1–C3):
 * - the child's health-visiting unit records consents (custody holders,
 *   purpose, recipients, categories, form, validity) and withdraws them;
 * - it shares an item with another unit under a consent that covers it today,
 *   or under a recorded legal exception (notification duty; vital interest,
 *   which creates a task to tell the parents afterwards — C3);
 * - staff of a receiving unit read what was shared with their unit while it
 *   may be read (access/consent.ts), and the consents that concern them.
 * Every disclosure is audited as `disclose`/`health` with the child's id.
 */
import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { ConsentPurpose } from '../../../domain/consent';
import type { StaffActor } from '../../access/actor';
import { type ChildFacts, guardChild, loadChildFacts } from '../../access/child-access';
import { mayShareUnderConsent } from '../../access/consent';
import type { Work } from '../../access/work';
import { todayInDenmark } from '../../clock';
import type { DB } from '../../db/types';
import { expectCurrentVersion, type FieldIssue, invalidFields, notFound, Problem } from '../../errors';
import { displayName } from '../children/present';
import {
  type ConsentRow,
  consentQuery,
  custodyHolders,
  type DisclosureRow,
  disclosureQuery,
  insertDisclosures,
  iso,
  personNames,
  presentConsent,
  presentDisclosure,
  readable,
  readableByUnit,
  termsOf,
  unitsById,
} from './queries';
import type {
  ChildConsentsShape,
  CompleteDisclosureTaskInput,
  CreateConsentInput,
  CreateDisclosureInput,
  DisclosureShape,
  DisclosureTaskShape,
  SharedWithMeShape,
  WithdrawConsentInput,
} from './schema';

/** How the actor stands to a child's consents. */
type Standing = { facts: ChildFacts; manager: boolean };

/** Consents and disclosures, scoped to the actor. */
export class ConsentRepo {
  constructor(private readonly work: Work) {}

  private staff(): StaffActor {
    const actor = this.work.actor;
    if (actor.kind !== 'staff') throw new Error('consent needs a staff actor');
    return actor;
  }

  /**
   * The child's consents (in force and history) with what was shared under
   * each, for the child's health visitor; for a receiving unit only the
   * consents naming it and what was shared with it and may be read.
   */
  async forChild(childId: string): Promise<ChildConsentsShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const today = todayInDenmark();
    const standing = await this.standing(trx, childId, 'read');
    const consents = await consentQuery(trx).where('c.child_id', '=', childId).orderBy('c.recorded_at', 'desc').execute();
    const byId = new Map(consents.map((c) => [c.id, c]));
    const myUnits = actor.units.map((u) => u.id);
    let disclosures = await disclosureQuery(trx).where('d.child_id', '=', childId).orderBy('d.shared_at', 'desc').execute();
    let visibleConsents = consents;
    if (!standing.manager) {
      disclosures = disclosures.filter((d) => readable(actor, d, byId, today));
      visibleConsents = consents.filter(
        (c) =>
          c.recipient_unit_ids.some((id) => myUnits.includes(id)) ||
          (c.recipient_professions.includes(actor.profession) && disclosures.some((d) => d.consent_id === c.id)),
      );
    }
    const present = (d: DisclosureRow): DisclosureShape => presentDisclosure(d, standing.manager ? readableByUnit(d, byId, today) : true);
    const adults = await personNames(trx, visibleConsents.flatMap((c) => c.given_by));
    const units = await unitsById(trx, visibleConsents.flatMap((c) => c.recipient_unit_ids));
    this.work.audit({
      action: 'read',
      category: standing.manager ? 'health' : 'basic',
      subjectIds: [childId],
      purpose: 'Samtykke og deling',
      outcome: 'allowed',
      detail: { consents: visibleConsents.length, disclosures: disclosures.length },
    });
    return {
      childId,
      canManage: standing.manager,
      consents: visibleConsents.map((c) =>
        presentConsent(c, adults, units, disclosures.filter((d) => d.consent_id === c.id).map(present), today),
      ),
      exceptions: disclosures.filter((d) => d.legal_basis !== 'consent').map(present),
      custodyHolders: standing.manager ? await custodyHolders(trx, childId) : [],
    };
  }

  /** Records a consent given by the child's custody holders (health visitor of the child's unit). */
  async create(childId: string, input: CreateConsentInput): Promise<ChildConsentsShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    await guardChild(this.work, childId, 'create', 'health');
    const holders = await custodyHolders(trx, childId);
    const issues: FieldIssue[] = [];
    const givenBy = [...new Set(input.givenBy)];
    input.givenBy.forEach((id, index) => {
      if (!holders.some((h) => h.id === id)) issues.push({ field: `givenBy.${index}`, code: 'not_custody_holder' });
    });
    const unitIds = [...new Set(input.recipientUnitIds)];
    const units = await this.municipalUnits(trx, unitIds);
    input.recipientUnitIds.forEach((id, index) => {
      if (!units.has(id)) issues.push({ field: `recipientUnitIds.${index}`, code: 'unknown_unit' });
    });
    if (unitIds.length + input.recipientProfessions.length === 0) issues.push({ field: 'recipientUnitIds', code: 'at_least_one_recipient' });
    if (input.validUntil && input.validUntil < input.validFrom) issues.push({ field: 'validUntil', code: 'end_before_start' });
    if (issues.length) throw invalidFields(issues);
    const id = uuidv7();
    await trx
      .insertInto('consents')
      .values({
        id,
        municipality_id: actor.municipalityId,
        child_id: childId,
        given_by: givenBy,
        all_custody_holders: holders.length > 0 && holders.every((h) => givenBy.includes(h.id)),
        purpose: input.purpose,
        recipient_unit_ids: unitIds,
        recipient_professions: [...new Set(input.recipientProfessions)],
        categories: [...new Set(input.categories)],
        form: input.form,
        valid_from: input.validFrom,
        valid_until: input.validUntil ?? null,
        note: input.note ? input.note : null,
        recorded_by: actor.id,
      })
      .execute();
    this.work.audit({ action: 'create', category: 'basic', subjectIds: [childId], purpose: 'Samtykke', outcome: 'allowed', detail: { consentId: id, purpose: input.purpose } });
    return this.forChild(childId);
  }

  /** Records that the consent was withdrawn: it stops covering at once (new sharing and reading). */
  async withdraw(consentId: string, input: WithdrawConsentInput): Promise<ChildConsentsShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const consent = await this.consentRow(trx, consentId);
    await guardChild(this.work, consent.child_id, 'update', 'health');
    if (consent.withdrawn_at) throw new Problem(409, 'consent.already_withdrawn');
    if (input.withdrawnByAdultId && !(await custodyHolders(trx, consent.child_id)).some((h) => h.id === input.withdrawnByAdultId)) {
      throw invalidFields([{ field: 'withdrawnByAdultId', code: 'not_custody_holder' }]);
    }
    const updated = await trx
      .updateTable('consents')
      .set({
        withdrawn_at: new Date(),
        withdrawn_by: actor.id,
        withdrawn_by_adult_id: input.withdrawnByAdultId ?? null,
        withdrawal_reason: input.reason,
        version: input.version + 1,
      })
      .where('id', '=', consent.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    expectCurrentVersion(updated);
    this.work.audit({ action: 'update', category: 'basic', subjectIds: [consent.child_id], purpose: 'Samtykke tilbagekaldt', outcome: 'allowed', detail: { consentId } });
    return this.forChild(consent.child_id);
  }

  /**
   * Shares an item with another unit (rule C1): under a consent that covers
   * the unit, purpose and category today, or a recorded legal exception. A
   * share on vital interest creates a task to tell the parents afterwards (C3).
   */
  async disclose(childId: string, input: CreateDisclosureInput): Promise<DisclosureShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const facts = await guardChild(this.work, childId, 'disclose', 'health');
    const unit = (await this.municipalUnits(trx, [input.toUnitId])).get(input.toUnitId);
    const issues: FieldIssue[] = [];
    if (!unit || unit.kind === 'health_visiting') issues.push({ field: 'toUnitId', code: 'unknown_unit' });
    if (input.legalBasis === 'consent' && !input.consentId) issues.push({ field: 'consentId', code: 'required' });
    if (input.legalBasis !== 'consent' && !input.reason) issues.push({ field: 'reason', code: 'required' });
    if (issues.length || !unit) throw invalidFields(issues);
    if (input.legalBasis === 'consent') {
      const consent = await consentQuery(trx).where('c.id', '=', input.consentId!).where('c.child_id', '=', childId).executeTakeFirst();
      const covers = consent ? mayShareUnderConsent(termsOf(consent), { unitId: unit.id, unitKind: unit.kind }, input.purpose as ConsentPurpose, input.category, todayInDenmark()) : false;
      if (!covers) {
        this.work.audit({ action: 'disclose', category: 'health', subjectIds: [childId], outcome: 'denied', detail: { toUnitId: unit.id, consentId: input.consentId, reason: 'consent does not cover' } });
        throw new Problem(409, 'consent.not_covered');
      }
    }
    const [id] = await insertDisclosures(trx, [
      {
        municipalityId: facts.municipalityId,
        childId,
        kind: 'note',
        category: input.category,
        purpose: input.purpose,
        content: { title: input.title, text: input.text },
        toUnitId: unit.id,
        legalBasis: input.legalBasis,
        consentId: input.legalBasis === 'consent' ? input.consentId : null,
        basisReason: input.legalBasis === 'consent' ? null : input.reason,
        sharedBy: actor.id,
      },
    ]);
    if (input.legalBasis === 'vital_interest') {
      await trx
        .insertInto('disclosure_tasks')
        .values({ id: uuidv7(), municipality_id: facts.municipalityId, child_id: childId, disclosure_id: id, assignee_id: actor.id })
        .execute();
    }
    this.work.audit({
      action: 'disclose',
      category: 'health',
      subjectIds: [childId],
      outcome: 'allowed',
      detail: { disclosureIds: [id], toUnitId: unit.id, legalBasis: input.legalBasis, consentId: input.consentId ?? null },
    });
    const row = await disclosureQuery(trx).where('d.id', '=', id).executeTakeFirstOrThrow();
    return presentDisclosure(row, true);
  }

  /** What was shared with the actor's units about the child and may be read today. */
  async sharedWithMe(childId: string): Promise<SharedWithMeShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const today = todayInDenmark();
    await this.standing(trx, childId, 'read');
    const rows = await disclosureQuery(trx)
      .where('d.child_id', '=', childId)
      .where('d.to_unit_id', 'in', actor.units.length ? actor.units.map((u) => u.id) : ['00000000-0000-0000-0000-000000000000'])
      .orderBy('d.shared_at', 'desc')
      .execute();
    const consents = await this.consentsOf(trx, rows);
    const items = rows.filter((row) => readable(actor, row, consents, today));
    const child = await trx
      .selectFrom('persons as p')
      .innerJoin('children as c', 'c.person_id', 'p.id')
      .select(['p.first_name', 'p.last_name', 'c.status', 'c.expected_date'])
      .where('p.id', '=', childId)
      .executeTakeFirst();
    this.work.audit({
      action: 'read',
      category: items.length ? 'health' : 'basic',
      subjectIds: [childId],
      purpose: 'Delt med os',
      outcome: 'allowed',
      detail: { disclosureIds: items.map((i) => i.id), withheld: rows.length - items.length },
    });
    return {
      childId,
      childName: child ? displayName(child) : null,
      items: items.map((row) => {
        const { readableByRecipient: _, ...rest } = presentDisclosure(row, true);
        return rest;
      }),
    };
  }

  /** The actor's open "tell the parents afterwards" tasks (rule C3), for Min dag. */
  async myTasks(): Promise<DisclosureTaskShape[]> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const rows = await this.taskQuery(trx).where('t.assignee_id', '=', actor.id).where('t.status', '=', 'open').orderBy('t.created_at').execute();
    if (rows.length) {
      this.work.audit({ action: 'read', category: 'basic', subjectIds: [...new Set(rows.map((r) => r.child_id))], purpose: 'Min dag', outcome: 'allowed', detail: { disclosureTasks: rows.length } });
    }
    return rows.map((r) => this.presentTask(r));
  }

  /** Marks a task done (the parents were told) or records the exception with its reason. */
  async completeTask(taskId: string, input: CompleteDisclosureTaskInput): Promise<DisclosureTaskShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const task = await this.taskQuery(trx).where('t.id', '=', taskId).where('t.municipality_id', '=', actor.municipalityId).executeTakeFirst();
    if (!task) {
      this.work.audit({ action: 'update', category: 'health', criterion: `disclosure-task=${taskId}`, outcome: 'denied' });
      throw notFound();
    }
    await guardChild(this.work, task.child_id, 'update', 'health');
    if (task.status !== 'open') throw new Problem(409, 'tasks.already_completed');
    const updated = await trx
      .updateTable('disclosure_tasks')
      .set({ status: input.outcome, note: input.note, completed_at: new Date(), completed_by: actor.id, version: input.version + 1 })
      .where('id', '=', task.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    expectCurrentVersion(updated);
    this.work.audit({ action: 'update', category: 'health', subjectIds: [task.child_id], outcome: 'allowed', detail: { disclosureTask: task.id, outcome: input.outcome } });
    const row = await this.taskQuery(trx).where('t.id', '=', task.id).executeTakeFirstOrThrow();
    return this.presentTask(row);
  }

  // ---- Helpers ----------------------------------------------------------------------

  /**
   * The actor's standing with the child: the child's health visitor manages;
   * a member of a unit named in a consent or sent a disclosure, or anyone who
   * sees the child's basic data, may look (and sees only what concerns them).
   * Anyone else: 404, audited.
   */
  private async standing(trx: Transaction<DB>, childId: string, action: 'read'): Promise<Standing> {
    const actor = this.staff();
    const facts = await loadChildFacts(trx, childId);
    if (facts && facts.municipalityId === actor.municipalityId) {
      if (this.work.may('read', 'health', facts)) return { facts, manager: true };
      if (this.work.may('read', 'basic', facts)) return { facts, manager: false };
      const units = actor.units.map((u) => u.id);
      if (units.length) {
        const concerned = await trx
          .selectFrom('disclosures')
          .select('id')
          .where('child_id', '=', childId)
          .where('to_unit_id', 'in', units)
          .limit(1)
          .executeTakeFirst();
        if (concerned) return { facts, manager: false };
      }
    }
    this.work.audit({ action, category: 'basic', subjectIds: facts ? [childId] : [], outcome: 'denied', detail: facts ? undefined : { childId } });
    throw notFound();
  }

  private async consentRow(trx: Transaction<DB>, consentId: string): Promise<ConsentRow> {
    const actor = this.staff();
    const row = await consentQuery(trx).where('c.id', '=', consentId).where('c.municipality_id', '=', actor.municipalityId).executeTakeFirst();
    if (!row) {
      this.work.audit({ action: 'update', category: 'basic', criterion: `consent=${consentId}`, outcome: 'denied' });
      throw notFound();
    }
    return row;
  }

  private async consentsOf(trx: Transaction<DB>, rows: DisclosureRow[]): Promise<Map<string, ConsentRow>> {
    const ids = [...new Set(rows.map((r) => r.consent_id).filter((id): id is string => id !== null))];
    if (ids.length === 0) return new Map();
    const consents = await consentQuery(trx).where('c.id', 'in', ids).execute();
    return new Map(consents.map((c) => [c.id, c]));
  }

  /** Units of the actor's municipality by id. */
  private async municipalUnits(trx: Transaction<DB>, ids: string[]): Promise<Map<string, { id: string; kind: string; name: string }>> {
    if (ids.length === 0) return new Map();
    const rows = await trx.selectFrom('units').select(['id', 'kind', 'name']).where('id', 'in', ids).where('municipality_id', '=', this.staff().municipalityId).execute();
    return new Map(rows.map((r) => [r.id, r]));
  }

  private taskQuery(trx: Transaction<DB>) {
    return trx
      .selectFrom('disclosure_tasks as t')
      .innerJoin('disclosures as d', 'd.id', 't.disclosure_id')
      .innerJoin('units as u', 'u.id', 'd.to_unit_id')
      .innerJoin('persons as p', 'p.id', 't.child_id')
      .innerJoin('children as c', 'c.person_id', 't.child_id')
      .select(['t.id', 't.child_id', 't.disclosure_id', 't.status', 't.note', 't.version', 'u.name as to_unit_name', 'd.shared_at', 'd.basis_reason', 'p.first_name', 'p.last_name', 'c.status as child_status', 'c.expected_date']);
  }

  private presentTask(row: Awaited<ReturnType<ReturnType<ConsentRepo['taskQuery']>['execute']>>[number]): DisclosureTaskShape {
    return {
      id: row.id,
      childId: row.child_id,
      childName: displayName({ first_name: row.first_name, last_name: row.last_name, status: row.child_status, expected_date: row.expected_date }),
      disclosureId: row.disclosure_id,
      toUnitName: row.to_unit_name,
      sharedAt: iso(row.shared_at),
      reason: row.basis_reason,
      status: row.status as DisclosureTaskShape['status'],
      note: row.note,
      version: row.version,
    };
  }
}
