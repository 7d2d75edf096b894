/**
 * Notifications (underretninger, Barnets Lov § 133), scoped to the actor
 * (domain.md §6.1, §6.8, rules N1–N7):
 * - any staff member with a unit notifies from one of their own units; the
 *   notifier's name and workplace come from the actor, never from the request
 *   (N1); the child must be one the notifier can see, or the notification is
 *   about expectant parents not yet registered (N2); consent is never looked
 *   at (N3);
 * - the municipality's social services unit receives it: its inbox shows the
 *   24-hour acute-assessment deadline (N4) and the 6-working-day receipt
 *   deadline (N5) with breaches flagged; receipt, the acute assessment and
 *   the outcome are recorded with versions; feedback to the notifier can be
 *   suppressed only with a reason (N6);
 * - the notifier sees their own notifications, the receipt and, where allowed,
 *   the outcome, never the assessment notes.
 * Every read and write is audited as `social` with the child's id.
 */
import { sql, type Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { DEFAULT_EXTRA_CLOSING_DAYS, isValidClosingDayEntry, maskCpr, notificationDeadlines } from '../../../domain';
import type { StaffActor } from '../../access/actor';
import { guardChild } from '../../access/child-access';
import { involveStaff } from '../../access/involvement';
import type { NotificationFacts } from '../../access/policies/notifications';
import { socialServicesUnitsOf } from '../../access/policies/notifications';
import type { Action } from '../../access/policy';
import type { Work } from '../../access/work';
import { todayInDenmark } from '../../clock';
import type { DB } from '../../db/types';
import { expectCurrentVersion, type FieldIssue, invalidFields, notFound, Problem, staleVersion } from '../../errors';
import { displayName } from '../children/present';
import type {
  ConfirmReceiptInput,
  CreateNotificationInput,
  DeadlinesShape,
  HandlerViewShape,
  InboxItemShape,
  InboxShape,
  NotificationSettingsShape,
  NotificationSummaryShape,
  NotifierViewShape,
  RecordAssessmentInput,
  RecordOutcomeInput,
  UpdateNotificationSettingsInput,
} from './schema';

type Row = Awaited<ReturnType<ReturnType<NotificationsRepo['baseQuery']>['executeTakeFirstOrThrow']>>;
type Ground = HandlerViewShape['grounds'][number];
type State = HandlerViewShape['state'];

const iso = (value: Date | string) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());

/** Notifications, scoped to the actor. */
export class NotificationsRepo {
  constructor(private readonly work: Work) {}

  private staff(): StaffActor {
    const actor = this.work.actor;
    if (actor.kind !== 'staff') throw new Error('notifications need a staff actor');
    return actor;
  }

  // ---- Notifying -------------------------------------------------------------------------

  /**
   * Records a notification from the actor (N1: never anonymous, workplace from
   * one of the actor's units) to the municipality's social services unit, and
   * brings the unit's members into the child's case.
   */
  async create(input: CreateNotificationInput): Promise<NotifierViewShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const issues: FieldIssue[] = [];
    const hasChild = Boolean(input.childId);
    const hasParent = Boolean(input.expectantParent);
    if (hasChild === hasParent) issues.push({ field: 'childId', code: 'child_or_expectant_parent' });
    if (hasParent && !input.grounds.includes('unborn_child')) issues.push({ field: 'grounds', code: 'unborn_ground_needed' });
    if (new Set(input.grounds).size !== input.grounds.length) issues.push({ field: 'grounds', code: 'duplicate' });
    if (!input.parentsInformed && !input.notInformedReason) issues.push({ field: 'notInformedReason', code: 'required' });
    if (!input.parentsInformed && input.notInformedReason === 'other' && !input.notInformedText) issues.push({ field: 'notInformedText', code: 'required' });
    if (!actor.units.some((u) => u.id === input.notifierUnitId)) issues.push({ field: 'notifierUnitId', code: 'not_own_unit' });
    if (issues.length) {
      if (issues.some((i) => i.field === 'notifierUnitId')) this.work.audit({ action: 'create', category: 'social', outcome: 'denied', detail: { notifierUnitId: input.notifierUnitId } });
      throw invalidFields(issues);
    }
    this.work.authorize('create', 'social', { kind: 'notification', municipalityId: actor.municipalityId, notifierUnitId: input.notifierUnitId } satisfies NotificationFacts);

    // The notifier must see the child (404 otherwise). Consent is never looked at (N3).
    const childId = input.childId ?? null;
    if (childId) await guardChild(this.work, childId, 'read', 'basic');

    const unit = await trx
      .selectFrom('units')
      .select(['id', 'name', 'address'])
      .where('id', '=', input.notifierUnitId)
      .where('municipality_id', '=', actor.municipalityId)
      .executeTakeFirstOrThrow();
    const recipient = await trx
      .selectFrom('units')
      .select(['id', 'name'])
      .where('municipality_id', '=', actor.municipalityId)
      .where('kind', '=', 'social_services')
      .orderBy('created_at')
      .orderBy('id')
      .executeTakeFirst();
    if (!recipient) throw new Problem(409, 'notifications.no_recipient');

    const parent = input.expectantParent ?? null;
    const id = uuidv7();
    await trx
      .insertInto('notifications')
      .values({
        id,
        municipality_id: actor.municipalityId,
        child_id: childId,
        expectant_parent_name: parent?.name ?? null,
        expectant_parent_address: parent?.address || null,
        expectant_parent_cpr: parent?.cpr ? parent.cpr.replace('-', '') : null,
        expected_date: parent?.expectedDate ?? null,
        grounds: input.grounds,
        observations: input.observations,
        parents_informed: input.parentsInformed,
        not_informed_reason: input.parentsInformed ? null : (input.notInformedReason ?? null),
        not_informed_text: input.parentsInformed ? null : input.notInformedText || null,
        notifier_id: actor.id,
        notifier_name: actor.name,
        notifier_profession: actor.profession,
        notifier_unit_id: unit.id,
        notifier_workplace: unit.name,
        notifier_workplace_address: unit.address,
        recipient_unit_id: recipient.id,
        received_at: new Date(),
      })
      .execute();
    if (childId) {
      const members = await this.currentMembers(trx, recipient.id);
      await involveStaff(trx, childId, members, { source: 'notification', sourceId: id }, actor.id);
    }
    this.work.audit({
      action: 'create',
      category: 'social',
      subjectIds: childId ? [childId] : [],
      outcome: 'allowed',
      detail: { notification: id, grounds: input.grounds, recipientUnitId: recipient.id, expectantParent: hasParent },
    });
    const row = await this.baseQuery(trx).where('n.id', '=', id).executeTakeFirstOrThrow();
    return this.notifierView(row);
  }

  /** The actor's own notifications, newest first (the notifier's view). */
  async mine(): Promise<NotifierViewShape[]> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const rows = await this.baseQuery(trx)
      .where('n.notifier_id', '=', actor.id)
      .where('n.municipality_id', '=', actor.municipalityId)
      .orderBy('n.received_at', 'desc')
      .orderBy('n.id', 'desc')
      .execute();
    this.work.audit({
      action: 'search',
      category: 'social',
      subjectIds: [...new Set(rows.flatMap((r) => (r.child_id ? [r.child_id] : [])))],
      criterion: 'notifications mine',
      outcome: 'allowed',
      detail: { notifications: rows.length },
    });
    return rows.map((row) => this.notifierView(row));
  }

  /** One notification: the full view for the recipient unit's members, the reduced one for the notifier; 404 for anyone else. */
  async get(id: string): Promise<HandlerViewShape | NotifierViewShape> {
    const trx = await this.work.tx();
    const row = await this.visible(trx, id, 'read');
    const handler = this.work.may('update', 'social', this.facts(row));
    this.work.audit({ action: 'read', category: 'social', subjectIds: row.child_id ? [row.child_id] : [], outcome: 'allowed', detail: { notification: id, view: handler ? 'handler' : 'notifier' } });
    return handler ? this.handlerView(row, await this.closingDays(trx, row.municipality_id)) : this.notifierView(row);
  }

  // ---- The social services inbox ------------------------------------------------------

  /** The inbox of the actor's social services units: open (default), closed or all; the nearest deadline first. */
  async inbox(filter: 'open' | 'closed' | 'all' = 'open'): Promise<InboxShape> {
    const actor = this.staff();
    const units = socialServicesUnitsOf(actor);
    if (units.length === 0) {
      this.work.audit({ action: 'search', category: 'social', criterion: 'notifications inbox', outcome: 'denied' });
      throw new Problem(403, 'access.denied');
    }
    const trx = await this.work.tx();
    let query = this.baseQuery(trx).where('n.recipient_unit_id', 'in', units).where('n.municipality_id', '=', actor.municipalityId);
    if (filter === 'open') query = query.where('n.outcome', 'is', null);
    if (filter === 'closed') query = query.where('n.outcome', 'is not', null);
    const rows = await query.orderBy('n.received_at').orderBy('n.id').execute();
    const closing = await this.closingDays(trx, actor.municipalityId);
    const items = rows.map((row) => this.inboxItem(row, closing));
    // The next deadline still pending (acute assessment or receipt) first; then those with none pending; closed last.
    const pending = new Set(['open', 'due_today', 'overdue']);
    const urgency = (item: InboxItemShape) => {
      if (item.state === 'closed') return '9999-12-31';
      const dates = [];
      if (pending.has(item.deadlines.acuteStatus)) dates.push(todayInDenmark(new Date(item.deadlines.acuteDueAt)));
      if (pending.has(item.deadlines.receiptStatus)) dates.push(item.deadlines.receiptDueOn);
      return dates.length ? dates.sort()[0] : '9999-12-30';
    };
    items.sort((a, b) => (urgency(a) < urgency(b) ? -1 : urgency(a) > urgency(b) ? 1 : a.receivedAt < b.receivedAt ? -1 : 1));
    this.work.audit({
      action: 'search',
      category: 'social',
      subjectIds: [...new Set(rows.flatMap((r) => (r.child_id ? [r.child_id] : [])))],
      criterion: `notifications inbox state=${filter}`,
      outcome: 'allowed',
      detail: { notifications: rows.length },
    });
    return { items, counts: await this.counts(trx, units, actor.municipalityId, closing) };
  }

  /** Counts for Min dag: the inbox (social services members only) and the actor's own receipts. No identities. */
  async summary(): Promise<NotificationSummaryShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const units = socialServicesUnitsOf(actor);
    const inbox = units.length ? await this.counts(trx, units, actor.municipalityId, await this.closingDays(trx, actor.municipalityId)) : null;
    const since = new Date(Date.now() - 7 * 86_400_000);
    const mine = await trx
      .selectFrom('notifications')
      .select([
        sql<number>`count(*)::int`.as('total'),
        sql<number>`count(*) filter (where receipt_confirmed_at >= ${since})::int`.as('new_receipts'),
      ])
      .where('notifier_id', '=', actor.id)
      .executeTakeFirstOrThrow();
    return { inbox, mine: { total: Number(mine.total), newReceipts: Number(mine.new_receipts) } };
  }

  /** Confirms receipt to the notifier (N5); send the version you read. */
  async confirmReceipt(id: string, input: ConfirmReceiptInput): Promise<HandlerViewShape> {
    const trx = await this.work.tx();
    const row = await this.handled(trx, id);
    const confirmedOn = input.confirmedOn ?? todayInDenmark();
    const receivedOn = todayInDenmark(new Date(row.received_at));
    if (confirmedOn < receivedOn) throw invalidFields([{ field: 'confirmedOn', code: 'before_received' }]);
    if (confirmedOn > todayInDenmark()) throw invalidFields([{ field: 'confirmedOn', code: 'in_future' }]);
    const actor = this.staff();
    await this.update(trx, id, input.version, { receipt_confirmed_on: confirmedOn, receipt_confirmed_at: new Date(), receipt_confirmed_by: actor.id });
    return this.afterUpdate(trx, id, 'receipt', { confirmedOn });
  }

  /** Records the acute assessment (N4); send the version you read. */
  async recordAssessment(id: string, input: RecordAssessmentInput): Promise<HandlerViewShape> {
    const trx = await this.work.tx();
    const row = await this.handled(trx, id);
    const assessedAt = input.assessedAt ? new Date(input.assessedAt) : new Date();
    if (assessedAt.getTime() < new Date(row.received_at).getTime()) throw invalidFields([{ field: 'assessedAt', code: 'before_received' }]);
    if (assessedAt.getTime() > Date.now() + 60_000) throw invalidFields([{ field: 'assessedAt', code: 'in_future' }]);
    const actor = this.staff();
    await this.update(trx, id, input.version, { acute_assessed_at: assessedAt, acute: input.acute, acute_note: input.note, acute_assessed_by: actor.id });
    return this.afterUpdate(trx, id, 'assessment', { acute: input.acute });
  }

  /** Records the outcome and whether the notifier is told; withholding it needs a reason (N6). */
  async recordOutcome(id: string, input: RecordOutcomeInput): Promise<HandlerViewShape> {
    const trx = await this.work.tx();
    await this.handled(trx, id);
    if (input.feedback === 'suppressed' && !input.feedbackReason) throw invalidFields([{ field: 'feedbackReason', code: 'required' }]);
    const actor = this.staff();
    await this.update(trx, id, input.version, {
      outcome: input.outcome,
      outcome_note: input.note || null,
      outcome_at: new Date(),
      outcome_by: actor.id,
      feedback: input.feedback,
      feedback_reason: input.feedback === 'suppressed' ? (input.feedbackReason ?? null) : null,
    });
    return this.afterUpdate(trx, id, 'outcome', { outcome: input.outcome, feedback: input.feedback });
  }

  // ---- Settings: extra closing days (§6.8) ---------------------------------------------

  /** The municipality's extra closing days for statutory deadlines (the default until changed). */
  async settings(): Promise<NotificationSettingsShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const row = await trx
      .selectFrom('notification_settings')
      .select(['extra_closing_days', 'version'])
      .where('municipality_id', '=', actor.municipalityId)
      .executeTakeFirst();
    return row
      ? { extraClosingDays: row.extra_closing_days, source: 'municipality', version: row.version }
      : { extraClosingDays: [...DEFAULT_EXTRA_CLOSING_DAYS], source: 'default', version: 0 };
  }

  /** Changes the extra closing days (administrators; send the version you read, 0 while the default applies). */
  async setSettings(input: UpdateNotificationSettingsInput): Promise<NotificationSettingsShape> {
    this.work.authorize('update', 'organisation');
    const actor = this.staff();
    const bad = input.extraClosingDays.map((entry, index) => ({ entry, index })).filter(({ entry }) => !isValidClosingDayEntry(entry));
    if (bad.length) throw invalidFields(bad.map(({ index }) => ({ field: `extraClosingDays.${index}`, code: 'invalid_closing_day' })));
    const days = [...new Set(input.extraClosingDays)].sort();
    const trx = await this.work.tx();
    if (input.version === 0) {
      const inserted = await trx
        .insertInto('notification_settings')
        .values({ municipality_id: actor.municipalityId, extra_closing_days: days, updated_by: actor.id })
        .onConflict((oc) => oc.column('municipality_id').doNothing())
        .returning('municipality_id')
        .executeTakeFirst();
      if (!inserted) throw staleVersion();
    } else {
      expectCurrentVersion(
        await trx
          .updateTable('notification_settings')
          .set({ extra_closing_days: days, version: input.version + 1, updated_by: actor.id, updated_at: new Date() })
          .where('municipality_id', '=', actor.municipalityId)
          .where('version', '=', input.version)
          .executeTakeFirst(),
      );
    }
    this.work.audit({ action: 'update', category: 'organisation', outcome: 'allowed', detail: { notificationClosingDays: days } });
    return this.settings();
  }

  // ---- Access ----------------------------------------------------------------------------

  private facts(row: Row): NotificationFacts {
    return { kind: 'notification', municipalityId: row.municipality_id, notifierId: row.notifier_id, recipientUnitId: row.recipient_unit_id };
  }

  /** A notification the actor may `action` on; anything else is "not found" (audited). */
  private async visible(trx: Transaction<DB>, id: string, action: Action): Promise<Row> {
    const row = await this.baseQuery(trx).where('n.id', '=', id).executeTakeFirst();
    if (!row || !this.work.may(action, 'social', this.facts(row))) {
      this.work.audit({
        action,
        category: 'social',
        subjectIds: row?.child_id ? [row.child_id] : [],
        criterion: `notification=${id}`,
        outcome: 'denied',
      });
      throw notFound();
    }
    return row;
  }

  /** A notification of the actor's social services unit, locked for the update. */
  private async handled(trx: Transaction<DB>, id: string): Promise<Row> {
    await trx.selectFrom('notifications').select('id').where('id', '=', id).forUpdate().execute();
    return this.visible(trx, id, 'update');
  }

  private async update(trx: Transaction<DB>, id: string, version: number, values: Record<string, unknown>): Promise<void> {
    expectCurrentVersion(
      await trx
        .updateTable('notifications')
        .set({ ...values, version: version + 1, updated_at: new Date() })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst(),
    );
  }

  private async afterUpdate(trx: Transaction<DB>, id: string, step: string, detail: Record<string, unknown>): Promise<HandlerViewShape> {
    const row = await this.baseQuery(trx).where('n.id', '=', id).executeTakeFirstOrThrow();
    this.work.audit({ action: 'update', category: 'social', subjectIds: row.child_id ? [row.child_id] : [], outcome: 'allowed', detail: { notification: id, step, ...detail } });
    return this.handlerView(row, await this.closingDays(trx, row.municipality_id));
  }

  private async currentMembers(trx: Transaction<DB>, unitId: string): Promise<string[]> {
    const today = todayInDenmark();
    const rows = await trx
      .selectFrom('memberships as m')
      .innerJoin('staff as s', 's.id', 'm.staff_id')
      .select('m.staff_id')
      .where('m.unit_id', '=', unitId)
      .where('s.active', '=', true)
      .where('m.starts_on', '<=', today)
      .where((eb) => eb.or([eb('m.ends_on', 'is', null), eb('m.ends_on', '>=', today)]))
      .execute();
    return rows.map((r) => r.staff_id);
  }

  private async closingDays(trx: Transaction<DB>, municipalityId: string): Promise<readonly string[]> {
    const row = await trx.selectFrom('notification_settings').select('extra_closing_days').where('municipality_id', '=', municipalityId).executeTakeFirst();
    return row ? row.extra_closing_days : DEFAULT_EXTRA_CLOSING_DAYS;
  }

  private async counts(trx: Transaction<DB>, units: string[], municipalityId: string, closing: readonly string[]): Promise<InboxShape['counts']> {
    const rows = await trx
      .selectFrom('notifications')
      .select(['received_at', 'receipt_confirmed_on', 'acute_assessed_at'])
      .where('recipient_unit_id', 'in', units)
      .where('municipality_id', '=', municipalityId)
      .where('outcome', 'is', null)
      .execute();
    let dueToday = 0;
    let overdue = 0;
    for (const row of rows) {
      const d = this.deadlines(row, closing);
      if (d.receiptStatus === 'overdue' || d.acuteStatus === 'overdue') overdue++;
      else if (d.receiptStatus === 'due_today') dueToday++;
    }
    return { open: rows.length, dueToday, overdue };
  }

  // ---- Reading and presenting ------------------------------------------------------------

  private baseQuery(trx: Transaction<DB>) {
    return trx
      .selectFrom('notifications as n')
      .leftJoin('persons as p', 'p.id', 'n.child_id')
      .leftJoin('children as c', 'c.person_id', 'n.child_id')
      .innerJoin('units as ru', 'ru.id', 'n.recipient_unit_id')
      .leftJoin('staff as rs', 'rs.id', 'n.receipt_confirmed_by')
      .leftJoin('staff as as', 'as.id', 'n.acute_assessed_by')
      .leftJoin('staff as os', 'os.id', 'n.outcome_by')
      .selectAll('n')
      .select([
        'p.first_name',
        'p.last_name',
        'c.status as child_status',
        'c.expected_date as child_expected_date',
        'ru.name as recipient_unit_name',
        'rs.name as receipt_by_name',
        'as.name as assessed_by_name',
        'os.name as outcome_by_name',
      ]);
  }

  private deadlines(row: { received_at: Date | string; receipt_confirmed_on: string | null; acute_assessed_at: Date | string | null }, closing: readonly string[]): DeadlinesShape {
    const receivedAt = iso(row.received_at);
    const now = new Date();
    return notificationDeadlines({
      receivedAt,
      receivedOn: todayInDenmark(new Date(receivedAt)),
      receiptConfirmedOn: row.receipt_confirmed_on,
      acuteAssessedAt: row.acute_assessed_at ? iso(row.acute_assessed_at) : null,
      today: todayInDenmark(now),
      now: now.toISOString(),
      extraClosingDays: closing,
    });
  }

  private state(row: Row): State {
    if (row.outcome) return 'closed';
    if (row.acute_assessed_at) return 'assessed';
    if (row.receipt_confirmed_on) return 'receipt_confirmed';
    return 'received';
  }

  private subject(row: Row) {
    const child =
      row.child_id && row.child_status
        ? {
            id: row.child_id,
            name: displayName({ first_name: row.first_name, last_name: row.last_name, status: row.child_status, expected_date: row.child_expected_date }),
            status: row.child_status as 'born' | 'expected',
            expectedDate: row.child_expected_date,
          }
        : null;
    const expectantParent = row.expectant_parent_name
      ? {
          name: row.expectant_parent_name,
          address: row.expectant_parent_address,
          cprMasked: row.expectant_parent_cpr ? maskCpr(row.expectant_parent_cpr) : null,
          expectedDate: row.expected_date,
        }
      : null;
    const label = child ? child.name : `Vordende forælder: ${row.expectant_parent_name ?? ''}`;
    return { child, expectantParent, label };
  }

  private common(row: Row) {
    return {
      ...this.subject(row),
      id: row.id,
      grounds: row.grounds as Ground[],
      observations: row.observations,
      parentsInformed: row.parents_informed,
      notInformedReason: row.not_informed_reason as HandlerViewShape['notInformedReason'],
      notInformedText: row.not_informed_text,
      notifier: {
        id: row.notifier_id,
        name: row.notifier_name,
        profession: row.notifier_profession,
        unitId: row.notifier_unit_id,
        workplace: row.notifier_workplace,
        workplaceAddress: row.notifier_workplace_address,
      },
      recipientUnit: { id: row.recipient_unit_id, name: row.recipient_unit_name },
      receivedAt: iso(row.received_at),
      receivedOn: todayInDenmark(new Date(row.received_at)),
      state: this.state(row),
    };
  }

  private notifierView(row: Row): NotifierViewShape {
    const status = !row.outcome ? 'pending' : row.feedback === 'told' ? 'told' : 'withheld';
    return {
      ...this.common(row),
      view: 'notifier',
      receipt: row.receipt_confirmed_on ? { confirmedOn: row.receipt_confirmed_on } : null,
      feedback: { status, outcome: status === 'told' ? (row.outcome as NotifierViewShape['feedback']['outcome']) : null },
    };
  }

  private handlerView(row: Row, closing: readonly string[]): HandlerViewShape {
    const person = (id: string | null, name: string | null) => (id && name ? { id, name } : null);
    return {
      ...this.common(row),
      view: 'handler',
      version: row.version,
      deadlines: this.deadlines(row, closing),
      receipt:
        row.receipt_confirmed_on && row.receipt_confirmed_at
          ? { confirmedOn: row.receipt_confirmed_on, recordedAt: iso(row.receipt_confirmed_at), recordedBy: person(row.receipt_confirmed_by, row.receipt_by_name) }
          : null,
      assessment:
        row.acute_assessed_at && row.acute !== null
          ? { assessedAt: iso(row.acute_assessed_at), acute: row.acute, note: row.acute_note, recordedBy: person(row.acute_assessed_by, row.assessed_by_name) }
          : null,
      outcome:
        row.outcome && row.outcome_at && row.feedback
          ? {
              outcome: row.outcome as NonNullable<HandlerViewShape['outcome']>['outcome'],
              note: row.outcome_note,
              feedback: row.feedback as 'told' | 'suppressed',
              feedbackReason: row.feedback_reason,
              recordedAt: iso(row.outcome_at),
              recordedBy: person(row.outcome_by, row.outcome_by_name),
            }
          : null,
    };
  }

  private inboxItem(row: Row, closing: readonly string[]): InboxItemShape {
    return {
      ...this.subject(row),
      id: row.id,
      version: row.version,
      grounds: row.grounds as Ground[],
      notifier: { name: row.notifier_name, workplace: row.notifier_workplace },
      receivedAt: iso(row.received_at),
      state: this.state(row),
      deadlines: this.deadlines(row, closing),
    };
  }
}
