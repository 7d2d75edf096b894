/**
 * Rules for sparring requests to the district social worker: how long a request
 * has waited (the queue is ordered by it, oldest first) and the age band an
 * anonymous request shows instead of the child's identity.
 */
import { ageInMonths } from './age';
import { daysBetween, type IsoDate } from './dates';

/**
 * Whole calendar days a request has waited: from the Danish date it was made
 * until it was taken, or until today while it waits. Never negative.
 *
 * @example
 * waitingDays('2026-11-18', '2026-11-22');               // 4 (still waiting)
 * waitingDays('2026-11-18', '2026-11-22', '2026-11-19'); // 1 (taken the next day)
 */
export function waitingDays(requestedOn: IsoDate, today: IsoDate, takenOn?: IsoDate | null): number {
  const end = takenOn ?? today;
  return Math.max(0, daysBetween(requestedOn, end));
}

/** Something in a queue: when it was requested (a Danish date) and its id as a tie-breaker. */
export interface Waiting {
  id: string;
  requestedOn: IsoDate;
  /** An instant ('…Z'), orders requests of the same day. */
  requestedAt: string;
}

/**
 * The queue order: the longest waiting first (earliest request), ties by instant, then id.
 *
 * @example
 * byLongestWaiting([{ id: 'b', requestedOn: '2026-11-20', requestedAt: '…' }, { id: 'a', requestedOn: '2026-11-01', requestedAt: '…' }])
 * // a first
 */
export function byLongestWaiting<T extends Waiting>(items: T[]): T[] {
  return [...items].sort(
    (x, y) => x.requestedOn.localeCompare(y.requestedOn) || x.requestedAt.localeCompare(y.requestedAt) || x.id.localeCompare(y.id),
  );
}

/** Age bands shown on anonymous requests. */
export const AGE_BANDS = ['expected', '0-1', '1-3', '3-6', '6-10', '10-18', '18+', 'unknown'] as const;
/** An age band. */
export type AgeBand = (typeof AGE_BANDS)[number];

/**
 * The age band of a child on a day: 'expected' before birth, then 0–1, 1–3,
 * 3–6, 6–10, 10–18 years and 18+ (lower bound included). No birth date
 * and not expected gives 'unknown'.
 *
 * @example
 * ageBand('2025-06-01', '2026-11-22');        // '1-3'
 * ageBand(null, '2026-11-22', true);          // 'expected'
 */
export function ageBand(birthDate: IsoDate | null, today: IsoDate, expected = false): AgeBand {
  if (expected) return 'expected';
  if (!birthDate) return 'unknown';
  if (today < birthDate) return 'expected';
  const years = Math.floor(ageInMonths(birthDate, today) / 12);
  if (years < 1) return '0-1';
  if (years < 3) return '1-3';
  if (years < 6) return '3-6';
  if (years < 10) return '6-10';
  if (years < 18) return '10-18';
  return '18+';
}
