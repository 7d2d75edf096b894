/**
 * Deadlines for the municipality's handling of a notification (underretning),
 * domain.md §6.1 and §6.8, rules N4 and N5:
 * - the acute assessment (is the child's health or development in danger?)
 *   within 24 hours of receipt;
 * - the receipt (kvittering) to the notifier within 6 working days, the day of
 *   receipt being day 0 (a notification received on a Saturday counts from
 *   that Saturday), due by the end of the 6th working day.
 * A deadline met late, or missed and now past, is a breach.
 */

import type { IsoDate } from './dates';
import { DomainInputError } from './errors';
import { addWorkingDays, DEFAULT_EXTRA_CLOSING_DAYS } from './working-days';

/** Working days allowed for confirming receipt to the notifier (N5). */
export const RECEIPT_WORKING_DAYS = 6;

/** Hours allowed for the acute assessment (N4). */
export const ACUTE_ASSESSMENT_HOURS = 24;

/** Where a deadline stands: met in time, met late, still open, due today (receipt only) or overdue. */
export type DeadlineStatus = 'met' | 'met_late' | 'open' | 'due_today' | 'overdue';

/** A breach of a statutory deadline. */
export type DeadlineBreach = 'receipt_late' | 'acute_late';

/** Facts about one notification for {@link notificationDeadlines}. */
export interface NotificationDeadlineFacts {
  /** When the notification was received (ISO instant). */
  receivedAt: string;
  /** The Danish (Europe/Copenhagen) calendar date of `receivedAt`. */
  receivedOn: IsoDate;
  /** The date receipt was confirmed, if it has been. */
  receiptConfirmedOn?: IsoDate | null;
  /** When the acute assessment was recorded, if it has been (ISO instant). */
  acuteAssessedAt?: string | null;
  /** Today's Danish date. */
  today: IsoDate;
  /** The current instant (ISO). */
  now: string;
  /** The municipality's extra closing days; defaults to {@link DEFAULT_EXTRA_CLOSING_DAYS}. */
  extraClosingDays?: readonly string[];
}

/** The two deadlines of a notification and where they stand. */
export interface NotificationDeadlines {
  /** The acute assessment is due by this instant (ISO). */
  acuteDueAt: string;
  acuteStatus: Exclude<DeadlineStatus, 'due_today'>;
  /** Receipt is due by the end of this date. */
  receiptDueOn: IsoDate;
  receiptStatus: DeadlineStatus;
  /** Breaches, in a fixed order: receipt first. */
  breaches: DeadlineBreach[];
}

function instant(value: string, what: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new DomainInputError(`${what} must be an ISO instant: ${JSON.stringify(value)}`);
  return ms;
}

/**
 * The instant by which the acute assessment is due: 24 hours after receipt (N4).
 * @example acuteAssessmentDueAt('2026-03-24T09:00:00.000Z'); // '2026-03-25T09:00:00.000Z'
 */
export function acuteAssessmentDueAt(receivedAt: string): string {
  return new Date(instant(receivedAt, 'receivedAt') + ACUTE_ASSESSMENT_HOURS * 3_600_000).toISOString();
}

/**
 * The date by the end of which receipt must be confirmed: the 6th working day
 * after the (Danish) date of receipt (N5, §6.8).
 * @example receiptDueOn('2026-03-31');          // '2026-04-13' (Easter: 2, 3 and 6 April are holidays)
 * @example receiptDueOn('2026-12-22');          // '2027-01-05'
 * @example receiptDueOn('2026-12-22', []);      // '2026-12-31'
 */
export function receiptDueOn(receivedOn: IsoDate, extraClosingDays: readonly string[] = DEFAULT_EXTRA_CLOSING_DAYS): IsoDate {
  return addWorkingDays(receivedOn, RECEIPT_WORKING_DAYS, { extraClosingDays });
}

/**
 * Both deadlines of a notification, their status and the breaches.
 * - receipt: met (confirmed on or before the due date), met_late, due_today,
 *   overdue (not confirmed, due date passed: a breach) or open;
 * - acute assessment: met, met_late, overdue (not assessed, 24 hours passed: a breach) or open.
 * @example
 * notificationDeadlines({ receivedAt: '2026-11-23T08:00:00Z', receivedOn: '2026-11-23', today: '2026-12-02', now: '2026-12-02T08:00:00Z' })
 * // { receiptDueOn: '2026-12-01', receiptStatus: 'overdue', acuteStatus: 'overdue', breaches: ['receipt_late', 'acute_late'], … }
 */
export function notificationDeadlines(facts: NotificationDeadlineFacts): NotificationDeadlines {
  const acuteDueAt = acuteAssessmentDueAt(facts.receivedAt);
  const dueOn = receiptDueOn(facts.receivedOn, facts.extraClosingDays ?? DEFAULT_EXTRA_CLOSING_DAYS);
  const breaches: DeadlineBreach[] = [];

  let receiptStatus: DeadlineStatus;
  if (facts.receiptConfirmedOn) receiptStatus = facts.receiptConfirmedOn <= dueOn ? 'met' : 'met_late';
  else if (facts.today > dueOn) receiptStatus = 'overdue';
  else receiptStatus = facts.today === dueOn ? 'due_today' : 'open';
  if (receiptStatus === 'met_late' || receiptStatus === 'overdue') breaches.push('receipt_late');

  const dueMs = instant(acuteDueAt, 'acuteDueAt');
  let acuteStatus: NotificationDeadlines['acuteStatus'];
  if (facts.acuteAssessedAt) acuteStatus = instant(facts.acuteAssessedAt, 'acuteAssessedAt') <= dueMs ? 'met' : 'met_late';
  else acuteStatus = instant(facts.now, 'now') > dueMs ? 'overdue' : 'open';
  if (acuteStatus === 'met_late' || acuteStatus === 'overdue') breaches.push('acute_late');

  return { acuteDueAt, acuteStatus, receiptDueOn: dueOn, receiptStatus, breaches };
}
