/**
 * The handover from health visiting to daycare ("overlevering"), scoped to the actor:
 * - due from the daycare start − 28 days for children on the health visitor's
 *   caseload (computed at query time from enrolments);
 * - the health visitor prepares the package, goes through it with the parents
 *   and sends exactly the parts they consent to: one consent row (purpose
 *   handover_daycare, recipient the daycare unit, categories basic + health)
 *   and one disclosure per consented part, with a frozen copy;
 * - members of the receiving unit see only those parts, while the consent
 *   covers them (access/consent.ts), acknowledge receipt and may book the
 *   optional handover meeting; unacknowledged after 5 working days is flagged.
 */
import { sql, type Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { HANDOVER_LEAD_DAYS, handoverAcknowledgementOverdue, handoverDueFrom } from '../../../domain/consent';
import { addDays } from '../../../domain/dates';
import type { StaffActor } from '../../access/actor';
import { loadChildFacts } from '../../access/child-access';
import type { Work } from '../../access/work';
import { todayInDenmark } from '../../clock';
import type { DB } from '../../db/types';
import { expectCurrentVersion, type FieldIssue, forbidden, invalidFields, notFound, Problem, staleVersion } from '../../errors';
import { displayName } from '../children/present';
import { consentQuery, custodyHolders, disclosureQuery, insertDisclosures, iso, readable } from '../consent/queries';
import { screeningQuery } from '../screening/queries';
import {
  type BookHandoverMeetingInput,
  type ChildHandoversShape,
  HANDOVER_PARTS,
  type HandoverPart,
  type HandoverShape,
  type HandoverSummaryShape,
  type MEETING_PARTICIPANTS,
  type MyHandoversShape,
  type SendHandoverInput,
  type UpdateHandoverInput,
} from './schema';

/** Daycare unit kinds that receive a handover from health visiting. */
export const DAYCARE_KINDS = ['childminding', 'nursery', 'kindergarten', 'integrated_daycare'];

/** Danish part titles, kept in the frozen copy. */
const PART_TITLES: Record<HandoverPart, string> = {
  development: 'Barnets udvikling og trivsel',
  worksWell: 'Det der fungerer godt',
  support: 'Aftalt støtte',
  screenings: 'Screeningsresultater',
  parentsWords: 'Forældrenes egne ord',
};

type Role = 'health_visitor' | 'recipient';

/** Handovers, scoped to the actor. */
export class HandoverRepo {
  constructor(private readonly work: Work) {}

  private staff(): StaffActor {
    const actor = this.work.actor;
    if (actor.kind !== 'staff') throw new Error('handover needs a staff actor');
    return actor;
  }

  private healthUnits(): string[] {
    return this.staff().units.filter((u) => u.kind === 'health_visiting').map((u) => u.id);
  }

  // ---- Lists ------------------------------------------------------------------------

  /** The child's handovers: for the health visitor every daycare enrolment (due or not), for a receiving unit what was sent to it. */
  async forChild(childId: string): Promise<ChildHandoversShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const facts = await loadChildFacts(trx, childId);
    const myUnits = actor.units.map((u) => u.id);
    const manager = facts !== null && this.work.may('read', 'health', facts);
    const recipient = facts !== null && facts.municipalityId === actor.municipalityId && facts.enrolledUnitIds.some((id) => myUnits.includes(id));
    if (!facts || (!manager && !recipient)) {
      this.work.audit({ action: 'read', category: 'basic', subjectIds: facts ? [childId] : [], outcome: 'denied', detail: facts ? { handovers: true } : { childId } });
      throw notFound();
    }
    let query = this.summaryQuery(trx).where('e.child_id', '=', childId);
    if (!manager) query = query.where('e.unit_id', 'in', myUnits).where('h.status', 'in', ['sent', 'acknowledged']);
    const rows = await query.orderBy('e.starts_on', 'desc').execute();
    this.work.audit({ action: 'read', category: 'basic', subjectIds: [childId], purpose: 'Overlevering', outcome: 'allowed', detail: { handovers: rows.length } });
    return { childId, canPrepare: manager && this.work.may('create', 'health', facts), items: rows.map((r) => this.presentSummary(r)) };
  }

  /** Min dag: the health visitor's due and awaiting handovers; the receiving unit's incoming ones. */
  async mine(): Promise<MyHandoversShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const today = todayInDenmark();
    const healthUnits = this.healthUnits();
    const otherUnits = actor.units.filter((u) => u.kind !== 'health_visiting').map((u) => u.id);
    let due: HandoverSummaryShape[] = [];
    let awaiting: HandoverSummaryShape[] = [];
    let incoming: HandoverSummaryShape[] = [];
    if (healthUnits.length) {
      const caseload = (q: ReturnType<HandoverRepo['summaryQuery']>) =>
        q.where((eb) =>
          eb.exists(
            eb
              .selectFrom('caseload_assignments as ca')
              .select(sql`1`.as('one'))
              .whereRef('ca.child_id', '=', 'e.child_id')
              .where('ca.ends_on', 'is', null)
              .where('ca.unit_id', 'in', healthUnits)
              .where((w) => w.or([w('ca.staff_id', '=', actor.id), w('ca.staff_id', 'is', null)])),
          ),
        );
      const dueRows = await caseload(this.summaryQuery(trx))
        .where('e.starts_on', '<=', addDays(today, HANDOVER_LEAD_DAYS))
        .where('e.starts_on', '>=', addDays(today, -HANDOVER_LEAD_DAYS))
        .where((eb) => eb.or([eb('h.id', 'is', null), eb('h.status', '=', 'draft')]))
        .orderBy('e.starts_on')
        .execute();
      const awaitingRows = await caseload(this.summaryQuery(trx)).where('h.status', '=', 'sent').orderBy('h.sent_at').execute();
      due = dueRows.map((r) => this.presentSummary(r));
      awaiting = awaitingRows.map((r) => this.presentSummary(r));
    }
    if (otherUnits.length) {
      const rows = await this.summaryQuery(trx)
        .where('h.unit_id', 'in', otherUnits)
        .where((eb) =>
          eb.or([eb('h.status', '=', 'sent'), eb.and([eb('h.status', '=', 'acknowledged'), eb('h.acknowledged_at', '>=', new Date(Date.now() - 30 * 86_400_000))])]),
        )
        .orderBy('h.status', 'desc')
        .orderBy('h.sent_at')
        .execute();
      incoming = rows.map((r) => this.presentSummary(r));
    }
    const subjects = [...new Set([...due, ...awaiting, ...incoming].map((s) => s.childId))];
    if (subjects.length) {
      this.work.audit({ action: 'read', category: 'basic', subjectIds: subjects, purpose: 'Min dag', outcome: 'allowed', detail: { due: due.length, awaiting: awaiting.length, incoming: incoming.length } });
    }
    return { due, awaiting, incoming };
  }

  // ---- One handover -----------------------------------------------------------------

  /** Starts preparing the handover for a daycare enrolment of the child (health visitor). */
  async create(childId: string, enrolmentId: string): Promise<HandoverShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const facts = await loadChildFacts(trx, childId);
    if (!facts || !this.work.may('read', 'basic', facts)) {
      this.work.audit({ action: 'create', category: 'health', subjectIds: facts ? [childId] : [], outcome: 'denied', detail: facts ? undefined : { childId } });
      throw notFound();
    }
    this.work.authorize('create', 'health', facts, [childId]);
    const enrolment = await trx
      .selectFrom('enrolments as e')
      .innerJoin('units as u', 'u.id', 'e.unit_id')
      .select(['e.id', 'e.unit_id', 'u.kind'])
      .where('e.id', '=', enrolmentId)
      .where('e.child_id', '=', childId)
      .executeTakeFirst();
    if (!enrolment || !DAYCARE_KINDS.includes(enrolment.kind)) throw invalidFields([{ field: 'enrolmentId', code: 'not_daycare_enrolment' }]);
    const id = uuidv7();
    const inserted = await trx
      .insertInto('handovers')
      .values({ id, municipality_id: facts.municipalityId, child_id: childId, enrolment_id: enrolment.id, unit_id: enrolment.unit_id, prepared_by: actor.id })
      .onConflict((oc) => oc.column('enrolment_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw new Problem(409, 'handover.exists');
    this.work.audit({ action: 'create', category: 'health', subjectIds: [childId], purpose: 'Overlevering', outcome: 'allowed', detail: { handoverId: id } });
    return this.view(trx, id, 'health_visitor');
  }

  /** The handover: the package for the health visitor; exactly the consented, readable parts for the receiving unit. */
  async get(handoverId: string): Promise<HandoverShape> {
    const trx = await this.work.tx();
    const { role, row } = await this.standing(trx, handoverId, 'read');
    return this.view(trx, row.id, role, true);
  }

  /** Edits the package while it is a draft (health visitor; send the version you read). */
  async update(handoverId: string, input: UpdateHandoverInput): Promise<HandoverShape> {
    const trx = await this.work.tx();
    const { row } = await this.standing(trx, handoverId, 'update', 'health_visitor');
    if (row.status !== 'draft') throw new Problem(409, 'handover.not_draft');
    if (input.screeningIds?.length) await this.checkScreenings(trx, row.child_id, input.screeningIds);
    const updated = await trx
      .updateTable('handovers')
      .set({
        ...(input.development !== undefined ? { development: input.development } : {}),
        ...(input.worksWell !== undefined ? { works_well: input.worksWell } : {}),
        ...(input.support !== undefined ? { support: input.support } : {}),
        ...(input.parentsWords !== undefined ? { parents_words: input.parentsWords } : {}),
        ...(input.screeningIds !== undefined ? { screening_ids: [...new Set(input.screeningIds)] } : {}),
        version: input.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', row.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    expectCurrentVersion(updated);
    this.work.audit({ action: 'update', category: 'health', subjectIds: [row.child_id], purpose: 'Overlevering', outcome: 'allowed', detail: { handoverId: row.id } });
    return this.view(trx, row.id, 'health_visitor');
  }

  /**
   * Records the parents' consent part by part and sends exactly the consented
   * parts to the receiving unit (one consent, one disclosure per part).
   */
  async send(handoverId: string, input: SendHandoverInput): Promise<HandoverShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const { row } = await this.standing(trx, handoverId, 'disclose', 'health_visitor');
    await trx.selectFrom('handovers').select('id').where('id', '=', row.id).forUpdate().execute();
    const current = await this.row(trx, row.id);
    if (!current || current.version !== input.version) throw staleVersion();
    if (current.status !== 'draft') throw new Problem(409, 'handover.not_draft');
    const parts = HANDOVER_PARTS.filter((p) => input.parts.includes(p));
    const issues: FieldIssue[] = [];
    const holders = await custodyHolders(trx, current.child_id);
    input.givenBy.forEach((id, index) => {
      if (!holders.some((h) => h.id === id)) issues.push({ field: `givenBy.${index}`, code: 'not_custody_holder' });
    });
    const texts: Record<Exclude<HandoverPart, 'screenings'>, string> = {
      development: current.development,
      worksWell: current.works_well,
      support: current.support,
      parentsWords: current.parents_words,
    };
    const screenings = current.screening_ids.length ? await this.screenings(trx, current.child_id, current.screening_ids) : [];
    parts.forEach((part) => {
      const empty = part === 'screenings' ? screenings.length === 0 : texts[part].trim() === '';
      if (empty) issues.push({ field: `parts.${input.parts.indexOf(part)}`, code: 'empty_part' });
    });
    if (issues.length) throw invalidFields(issues);

    const today = todayInDenmark();
    const givenBy = [...new Set(input.givenBy)];
    const consentId = uuidv7();
    await trx
      .insertInto('consents')
      .values({
        id: consentId,
        municipality_id: current.municipality_id,
        child_id: current.child_id,
        given_by: givenBy,
        all_custody_holders: holders.length > 0 && holders.every((h) => givenBy.includes(h.id)),
        purpose: 'handover_daycare',
        recipient_unit_ids: [current.unit_id],
        recipient_professions: [],
        categories: ['basic', 'health'],
        form: input.form,
        valid_from: today,
        valid_until: null,
        note: `Overlevering: ${parts.map((p) => PART_TITLES[p]).join(', ')}`,
        recorded_by: actor.id,
      })
      .execute();
    const disclosureIds = await insertDisclosures(
      trx,
      parts.map((part) => ({
        municipalityId: current.municipality_id,
        childId: current.child_id,
        kind: 'handover_part' as const,
        referenceId: current.id,
        part,
        category: 'health',
        purpose: 'handover_daycare',
        content:
          part === 'screenings'
            ? { title: PART_TITLES[part], screenings: screenings.map(({ id: _, ...s }) => s) }
            : { title: PART_TITLES[part], text: texts[part] },
        toUnitId: current.unit_id,
        legalBasis: 'consent' as const,
        consentId,
        sharedBy: actor.id,
      })),
    );
    await trx
      .updateTable('handovers')
      .set({ status: 'sent', shared_parts: parts, consent_id: consentId, sent_at: new Date(), sent_by: actor.id, version: current.version + 1, updated_at: new Date() })
      .where('id', '=', current.id)
      .execute();
    this.work.audit({ action: 'create', category: 'basic', subjectIds: [current.child_id], purpose: 'Samtykke', outcome: 'allowed', detail: { consentId, handoverId: current.id } });
    this.work.audit({
      action: 'disclose',
      category: 'health',
      subjectIds: [current.child_id],
      purpose: 'Overlevering',
      outcome: 'allowed',
      detail: { handoverId: current.id, toUnitId: current.unit_id, legalBasis: 'consent', consentId, disclosureIds, parts },
    });
    return this.view(trx, current.id, 'health_visitor');
  }

  /** The signed-in member of the receiving unit acknowledges receipt (timestamp and name). */
  async acknowledge(handoverId: string, version: number): Promise<HandoverShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const { row } = await this.standing(trx, handoverId, 'update', 'recipient');
    if (row.status === 'acknowledged') throw new Problem(409, 'handover.already_acknowledged');
    const updated = await trx
      .updateTable('handovers')
      .set({ status: 'acknowledged', acknowledged_at: new Date(), acknowledged_by: actor.id, version: version + 1, updated_at: new Date() })
      .where('id', '=', row.id)
      .where('version', '=', version)
      .where('status', '=', 'sent')
      .executeTakeFirst();
    expectCurrentVersion(updated);
    this.work.audit({ action: 'update', category: 'basic', subjectIds: [row.child_id], purpose: 'Overlevering kvitteret', outcome: 'allowed', detail: { handoverId: row.id } });
    return this.view(trx, row.id, 'recipient', true);
  }

  /** Books (or moves) the optional handover meeting: the health visitor or the receiving unit. */
  async bookMeeting(handoverId: string, input: BookHandoverMeetingInput): Promise<HandoverShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const { role, row } = await this.standing(trx, handoverId, 'update');
    if (row.status === 'draft') throw new Problem(409, 'handover.not_sent');
    const updated = await trx
      .updateTable('handovers')
      .set({
        meeting_at: input.at,
        meeting_place: input.place,
        meeting_participants: JSON.stringify([...new Set(input.participants)]),
        meeting_booked_by: actor.id,
        version: input.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', row.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    expectCurrentVersion(updated);
    this.work.audit({ action: 'update', category: 'basic', subjectIds: [row.child_id], purpose: 'Overleveringsmøde', outcome: 'allowed', detail: { handoverId: row.id } });
    return this.view(trx, row.id, role, role === 'recipient');
  }

  // ---- Access -----------------------------------------------------------------------

  /**
   * How the actor stands to the handover: the child's health visitor (caseload
   * unit), or a member of the receiving unit once it is sent. Anyone else, or
   * the wrong one for the action: 404 (audited).
   */
  private async standing(
    trx: Transaction<DB>,
    handoverId: string,
    action: 'read' | 'update' | 'disclose',
    needs?: Role,
  ): Promise<{ role: Role; row: NonNullable<Awaited<ReturnType<HandoverRepo['row']>>> }> {
    const actor = this.staff();
    const row = await this.row(trx, handoverId);
    const facts = row && row.municipality_id === actor.municipalityId ? await loadChildFacts(trx, row.child_id) : null;
    let role: Role | null = null;
    if (row && facts) {
      if (this.healthUnits().some((id) => facts.healthUnitIds.includes(id))) role = 'health_visitor';
      else if (row.status !== 'draft' && actor.units.some((u) => u.id === row.unit_id)) role = 'recipient';
    }
    const category = role === 'health_visitor' || needs === 'health_visitor' ? 'health' : 'basic';
    if (!row || !role || (needs && role !== needs)) {
      this.work.audit({ action, category, subjectIds: row && role ? [row.child_id] : [], criterion: `handover=${handoverId}`, outcome: 'denied' });
      if (row && role) throw forbidden();
      throw notFound();
    }
    if (role === 'health_visitor' && action !== 'read') this.work.authorize(action === 'disclose' ? 'disclose' : 'update', 'health', facts ?? undefined, [row.child_id]);
    return { role, row };
  }

  // ---- Helpers ----------------------------------------------------------------------

  private row(trx: Transaction<DB>, id: string) {
    return trx.selectFrom('handovers').selectAll().where('id', '=', id).executeTakeFirst();
  }

  private summaryQuery(trx: Transaction<DB>) {
    const actor = this.staff();
    return trx
      .selectFrom('enrolments as e')
      .innerJoin('units as u', 'u.id', 'e.unit_id')
      .innerJoin('persons as p', 'p.id', 'e.child_id')
      .innerJoin('children as c', 'c.person_id', 'e.child_id')
      .leftJoin('handovers as h', 'h.enrolment_id', 'e.id')
      .select([
        'e.id as enrolment_id',
        'e.child_id',
        'e.starts_on',
        'u.id as unit_id',
        'u.name as unit_name',
        'u.kind as unit_kind',
        'p.first_name',
        'p.last_name',
        'c.status as child_status',
        'c.expected_date',
        'h.id as handover_id',
        'h.status',
        'h.sent_at',
        'h.acknowledged_at',
      ])
      .where('u.kind', 'in', DAYCARE_KINDS)
      .where('p.municipality_id', '=', actor.municipalityId)
      .where('p.merged_into', 'is', null);
  }

  private presentSummary(r: Awaited<ReturnType<ReturnType<HandoverRepo['summaryQuery']>['execute']>>[number]): HandoverSummaryShape {
    const today = todayInDenmark();
    return {
      id: r.handover_id,
      childId: r.child_id,
      childName: displayName({ first_name: r.first_name, last_name: r.last_name, status: r.child_status, expected_date: r.expected_date }),
      unit: { id: r.unit_id, name: r.unit_name, kind: r.unit_kind },
      enrolmentId: r.enrolment_id,
      startsOn: r.starts_on,
      dueFrom: handoverDueFrom(r.starts_on),
      status: (r.status ?? 'due') as HandoverSummaryShape['status'],
      sentAt: r.sent_at ? iso(r.sent_at) : null,
      acknowledgedAt: r.acknowledged_at ? iso(r.acknowledged_at) : null,
      flagged: handoverAcknowledgementOverdue(r.sent_at ? todayInDenmark(new Date(r.sent_at)) : null, r.acknowledged_at ? 'yes' : null, today),
    };
  }

  /** The child's complete screenings: name, date, result (never item wording). */
  private async screenings(trx: Transaction<DB>, childId: string, ids?: string[]) {
    let query = screeningQuery(trx).where('s.child_id', '=', childId).where('s.complete', '=', true);
    if (ids) query = query.where('s.id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000']);
    const rows = await query.orderBy('s.observed_on').execute();
    return rows.map((s) => ({ id: s.id, instrument: s.instrument_id, observedOn: s.observed_on, total: s.total, positive: s.positive }));
  }

  private async checkScreenings(trx: Transaction<DB>, childId: string, ids: string[]): Promise<void> {
    const found = new Set((await this.screenings(trx, childId, ids)).map((s) => s.id));
    const issues: FieldIssue[] = [];
    ids.forEach((id, index) => {
      if (!found.has(id)) issues.push({ field: `screeningIds.${index}`, code: 'not_child_screening' });
    });
    if (issues.length) throw invalidFields(issues);
  }

  /** The handover as the role sees it; recipients' reads of shared parts are audited as health reads. */
  private async view(trx: Transaction<DB>, id: string, role: Role, audit = false): Promise<HandoverShape> {
    const actor = this.staff();
    const today = todayInDenmark();
    const h = await trx
      .selectFrom('handovers as h')
      .innerJoin('enrolments as e', 'e.id', 'h.enrolment_id')
      .innerJoin('units as u', 'u.id', 'h.unit_id')
      .innerJoin('persons as p', 'p.id', 'h.child_id')
      .innerJoin('children as c', 'c.person_id', 'h.child_id')
      .innerJoin('staff as pb', 'pb.id', 'h.prepared_by')
      .leftJoin('staff as sb', 'sb.id', 'h.sent_by')
      .leftJoin('staff as ab', 'ab.id', 'h.acknowledged_by')
      .selectAll('h')
      .select(['e.starts_on', 'u.name as unit_name', 'u.kind as unit_kind', 'p.first_name', 'p.last_name', 'c.status as child_status', 'c.expected_date', 'pb.name as prepared_by_name', 'sb.name as sent_by_name', 'ab.name as acknowledged_by_name'])
      .where('h.id', '=', id)
      .executeTakeFirstOrThrow();
    const disclosures = await disclosureQuery(trx).where('d.reference_id', '=', h.id).where('d.kind', '=', 'handover_part').execute();
    const consentIds = [...new Set(disclosures.map((d) => d.consent_id).filter((c): c is string => c !== null))];
    const consents = new Map((consentIds.length ? await consentQuery(trx).where('c.id', 'in', consentIds).execute() : []).map((c) => [c.id, c]));
    const visible = role === 'health_visitor' ? disclosures : disclosures.filter((d) => readable(actor, d, consents, today));
    const shared = HANDOVER_PARTS.flatMap((part) => {
      const d = visible.find((x) => x.part === part);
      if (!d) return [];
      const content = d.content as { title: string; text?: string; screenings?: HandoverShape['shared'][number]['screenings'] };
      return [{ part, title: content.title, ...(content.text !== undefined ? { text: content.text } : {}), ...(content.screenings ? { screenings: content.screenings } : {}) }];
    });
    if (audit) {
      this.work.audit({
        action: 'read',
        category: role === 'health_visitor' || visible.length ? 'health' : 'basic',
        subjectIds: [h.child_id],
        purpose: 'Overlevering',
        outcome: 'allowed',
        detail: { handoverId: h.id, disclosureIds: visible.map((d) => d.id) },
      });
    }
    const participants = (h.meeting_participants ?? []) as (typeof MEETING_PARTICIPANTS)[number][];
    return {
      id: h.id,
      childId: h.child_id,
      childName: displayName({ first_name: h.first_name, last_name: h.last_name, status: h.child_status, expected_date: h.expected_date }),
      unit: { id: h.unit_id, name: h.unit_name, kind: h.unit_kind },
      enrolment: { id: h.enrolment_id, startsOn: h.starts_on },
      dueFrom: handoverDueFrom(h.starts_on),
      status: h.status as HandoverShape['status'],
      role,
      draft:
        role === 'health_visitor'
          ? {
              development: h.development,
              worksWell: h.works_well,
              support: h.support,
              parentsWords: h.parents_words,
              screeningIds: h.screening_ids,
              availableScreenings: await this.screenings(trx, h.child_id),
              custodyHolders: await custodyHolders(trx, h.child_id),
            }
          : null,
      shared,
      preparedBy: { id: h.prepared_by, name: h.prepared_by_name },
      sentAt: h.sent_at ? iso(h.sent_at) : null,
      sentBy: h.sent_by ? { id: h.sent_by, name: h.sent_by_name ?? '' } : null,
      acknowledgedAt: h.acknowledged_at ? iso(h.acknowledged_at) : null,
      acknowledgedBy: h.acknowledged_by ? { id: h.acknowledged_by, name: h.acknowledged_by_name ?? '' } : null,
      flagged: handoverAcknowledgementOverdue(h.sent_at ? todayInDenmark(new Date(h.sent_at)) : null, h.acknowledged_at ? 'yes' : null, today),
      meeting: h.meeting_at && h.meeting_place ? { at: iso(h.meeting_at), place: h.meeting_place, participants } : null,
      version: h.version,
    };
  }
}
