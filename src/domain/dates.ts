/**
 * Calendar-date helpers on plain ISO strings ('YYYY-MM-DD').
 *
 * An {@link IsoDate} is a calendar date with no time of day and no time zone.
 * All arithmetic goes through `Date` objects pinned to UTC midnight, so the
 * result never depends on the machine's local time zone or on daylight saving.
 * Years are limited to 0001–9999 (four digits), which keeps string comparison
 * of two IsoDates equal to chronological comparison.
 */

import { DomainInputError } from './errors';

/** A calendar date as 'YYYY-MM-DD' (four-digit year, zero-padded month and day). */
export type IsoDate = string;

/** The numeric parts of an {@link IsoDate}; `month` is 1–12, `day` is 1–31. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * True for a Gregorian leap year.
 *
 * @example
 * isLeapYear(2024); // true
 * isLeapYear(1900); // false
 * isLeapYear(2000); // true
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Number of days in a month (`month` is 1–12).
 *
 * @example
 * daysInMonth(2024, 2); // 29
 * daysInMonth(2025, 2); // 28
 * daysInMonth(2026, 4); // 30
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * True when the parts form a real calendar date with a year in 1–9999.
 *
 * @example
 * isValidDateParts({ year: 2024, month: 2, day: 29 }); // true
 * isValidDateParts({ year: 2025, month: 2, day: 29 }); // false
 */
export function isValidDateParts(parts: DateParts): boolean {
  const { year, month, day } = parts;
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/**
 * True when `value` is a string 'YYYY-MM-DD' naming a real calendar date.
 *
 * @example
 * isValidIsoDate('2024-02-29'); // true
 * isValidIsoDate('2025-02-29'); // false
 * isValidIsoDate('2025-2-1');   // false (not zero-padded)
 */
export function isValidIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return false;
  return isValidDateParts({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) });
}

/**
 * Splits an {@link IsoDate} into numbers. Throws a {@link DomainInputError}
 * (`code` 'INVALID_INPUT') if the string is not a valid calendar date.
 *
 * @example
 * parseIsoDate('2026-03-15'); // { year: 2026, month: 3, day: 15 }
 */
export function parseIsoDate(value: string): DateParts {
  if (!isValidIsoDate(value)) {
    throw new DomainInputError(`Not a valid calendar date (expected YYYY-MM-DD): ${JSON.stringify(value)}`);
  }
  return { year: Number(value.slice(0, 4)), month: Number(value.slice(5, 7)), day: Number(value.slice(8, 10)) };
}

/**
 * Formats date parts, or a `Date` read in UTC, as an {@link IsoDate}.
 * Throws a {@link DomainInputError} if the parts are not a valid date.
 *
 * @example
 * toIsoDate({ year: 2026, month: 3, day: 5 });          // '2026-03-05'
 * toIsoDate(new Date(Date.UTC(2026, 2, 5, 23, 59)));   // '2026-03-05'
 */
export function toIsoDate(value: DateParts | Date): IsoDate {
  const parts =
    value instanceof Date
      ? { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() }
      : value;
  if (!isValidDateParts(parts)) {
    throw new DomainInputError(`Not a valid calendar date: ${JSON.stringify(parts)}`);
  }
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
}

/** UTC midnight of the given parts; avoids Date.UTC's 0–99 → 1900s year mapping. */
function utcMidnight(parts: DateParts): Date {
  const date = new Date(0);
  date.setUTCFullYear(parts.year, parts.month - 1, parts.day);
  return date;
}

/**
 * Adds a whole number of calendar days (negative to go back).
 *
 * @example
 * addDays('2024-02-28', 1);  // '2024-02-29'
 * addDays('2026-01-01', -1); // '2025-12-31'
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) {
    throw new DomainInputError(`Days must be an integer: ${String(days)}`);
  }
  const start = utcMidnight(parseIsoDate(date));
  return toIsoDate(new Date(start.getTime() + days * MS_PER_DAY));
}

/**
 * Day of the week, JavaScript style: 0 = Sunday, 1 = Monday, …, 6 = Saturday.
 *
 * @example
 * dayOfWeek('2026-11-23'); // 1 (Monday)
 * dayOfWeek('2026-11-21'); // 6 (Saturday)
 */
export function dayOfWeek(date: IsoDate): number {
  return utcMidnight(parseIsoDate(date)).getUTCDay();
}

/**
 * Whole days from `from` to `to` (negative when `to` is earlier).
 *
 * @example
 * daysBetween('2026-02-27', '2026-03-01'); // 2
 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = utcMidnight(parseIsoDate(from)).getTime();
  const b = utcMidnight(parseIsoDate(to)).getTime();
  return Math.round((b - a) / MS_PER_DAY);
}

/**
 * Adds calendar months; a day that does not exist in the target month becomes
 * that month's last day (31 Jan + 1 month = 28 or 29 Feb).
 *
 * @example
 * addMonths('2026-01-31', 1);  // '2026-02-28'
 * addMonths('2024-01-31', 1);  // '2024-02-29'
 * addMonths('2026-03-31', -1); // '2026-02-28'
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) {
    throw new DomainInputError(`Months must be an integer: ${String(months)}`);
  }
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return toIsoDate({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}
