/**
 * Working days (hverdage) for statutory deadlines, domain.md §6.8 and rule N5.
 *
 * A working day is Monday–Friday that is neither a Danish public holiday nor
 * an extra closing day. Extra closing days are configurable per municipality;
 * the default treats Constitution Day (5 June), Christmas Eve and New Year's
 * Eve as non-working. An entry is either 'MM-DD' (every year) or a full
 * 'YYYY-MM-DD' (that date only).
 */

import { addDays, dayOfWeek, type IsoDate, isValidDateParts, isValidIsoDate } from './dates';
import { DomainInputError } from './errors';
import { isDanishPublicHoliday } from './holidays';

/** Default extra closing days as 'MM-DD': 5 June, 24 December, 31 December. */
export const DEFAULT_EXTRA_CLOSING_DAYS: readonly string[] = Object.freeze(['06-05', '12-24', '12-31']);

/** Options for {@link addWorkingDays}. */
export interface WorkingDayOptions {
  /** 'MM-DD' (every year) or 'YYYY-MM-DD' entries; defaults to {@link DEFAULT_EXTRA_CLOSING_DAYS}. */
  extraClosingDays?: readonly string[];
}

const MONTH_DAY_PATTERN = /^(\d{2})-(\d{2})$/;

function isValidMonthDay(entry: string): boolean {
  const match = MONTH_DAY_PATTERN.exec(entry);
  // Checked against a leap year so that '02-29' is accepted (it matches in leap years only).
  return match !== null && isValidDateParts({ year: 2000, month: Number(match[1]), day: Number(match[2]) });
}

/**
 * True when `entry` is a valid extra-closing-day entry ('MM-DD' or 'YYYY-MM-DD').
 *
 * @example
 * isValidClosingDayEntry('12-24');      // true
 * isValidClosingDayEntry('2026-12-28'); // true
 * isValidClosingDayEntry('13-01');      // false
 */
export function isValidClosingDayEntry(entry: unknown): entry is string {
  return typeof entry === 'string' && (isValidMonthDay(entry) || isValidIsoDate(entry));
}

function assertClosingDays(entries: readonly string[]): void {
  if (!Array.isArray(entries)) {
    throw new DomainInputError('extraClosingDays must be an array of MM-DD or YYYY-MM-DD strings');
  }
  for (const entry of entries) {
    if (!isValidClosingDayEntry(entry)) {
      throw new DomainInputError(`Invalid extra closing day (expected MM-DD or YYYY-MM-DD): ${JSON.stringify(entry)}`);
    }
  }
}

function isClosingDay(date: IsoDate, entries: readonly string[]): boolean {
  const monthDay = date.slice(5);
  return entries.some((entry) => entry === date || entry === monthDay);
}

function isWorkingDayUnchecked(date: IsoDate, extraClosingDays: readonly string[]): boolean {
  const weekday = dayOfWeek(date);
  if (weekday === 0 || weekday === 6) return false;
  if (isDanishPublicHoliday(date)) return false;
  return !isClosingDay(date, extraClosingDays);
}

/**
 * True for Monday–Friday that is neither a public holiday nor an extra closing day.
 *
 * @example
 * isWorkingDay('2026-11-24');               // true  (Tuesday)
 * isWorkingDay('2026-12-24');               // false (default closing day)
 * isWorkingDay('2026-12-24', []);           // true  (no extra closing days)
 * isWorkingDay('2026-12-28', ['2026-12-28']); // false
 */
export function isWorkingDay(date: IsoDate, extraClosingDays: readonly string[] = DEFAULT_EXTRA_CLOSING_DAYS): boolean {
  if (!isValidIsoDate(date)) {
    throw new DomainInputError(`Not a valid calendar date (expected YYYY-MM-DD): ${JSON.stringify(date)}`);
  }
  assertClosingDays(extraClosingDays);
  return isWorkingDayUnchecked(date, extraClosingDays);
}

/**
 * The date by which something is due "within `days` working days" of `date`.
 * The day of receipt is day 0 (whatever day it is, a Saturday included); the
 * result is the `days`-th working day after it. `days` = 0 returns `date`.
 * Throws a DomainInputError for an invalid date, a negative or non-integer
 * `days`, or an invalid closing-day entry.
 *
 * @example
 * addWorkingDays('2026-11-23', 6);                               // '2026-12-01'
 * addWorkingDays('2026-04-01', 6);                               // '2026-04-14' (Easter)
 * addWorkingDays('2026-12-23', 1, { extraClosingDays: [] });     // '2026-12-24'
 */
export function addWorkingDays(date: IsoDate, days: number, options: WorkingDayOptions = {}): IsoDate {
  if (!isValidIsoDate(date)) {
    throw new DomainInputError(`Not a valid calendar date (expected YYYY-MM-DD): ${JSON.stringify(date)}`);
  }
  if (!Number.isInteger(days) || days < 0) {
    throw new DomainInputError(`Working days must be a non-negative integer: ${String(days)}`);
  }
  const extraClosingDays = options.extraClosingDays ?? DEFAULT_EXTRA_CLOSING_DAYS;
  assertClosingDays(extraClosingDays);
  let current = date;
  let counted = 0;
  while (counted < days) {
    current = addDays(current, 1);
    if (isWorkingDayUnchecked(current, extraClosingDays)) counted += 1;
  }
  return current;
}
