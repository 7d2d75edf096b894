/**
 * Age in whole completed calendar months (used for the ADBB age range, rule A4).
 *
 * Month-end rule (our documented choice): a month is completed on the same
 * day-of-month as the birth day, or — when the later month is too short to
 * have that day — on the last day of that month. Equivalently, the age is the
 * largest n such that "birth date + n months, clamped to the month's end" is on
 * or before `onDate`. So a baby born on 31 January is 1 month old on 28
 * February (29 in a leap year), and a baby born on 29 February 2024 is
 * 12 months old on 28 February 2025.
 */

import { daysInMonth, type IsoDate, parseIsoDate } from './dates';
import { DomainInputError } from './errors';

/**
 * Whole completed calendar months from `birthDate` to `onDate`.
 *
 * Computed as the difference in months, minus 1 if `onDate`'s day-of-month is
 * before the birth day-of-month — except when `onDate` is the last day of its
 * month and that month has fewer days than the birth day (month-end rule).
 * Throws a DomainInputError (`code` 'INVALID_INPUT') for an invalid date or
 * when `onDate` is before `birthDate`.
 *
 * @example
 * ageInMonths('2026-01-10', '2026-03-09'); // 1
 * ageInMonths('2026-01-10', '2026-03-10'); // 2
 * ageInMonths('2026-01-31', '2026-02-28'); // 1 (month-end rule)
 */
export function ageInMonths(birthDate: IsoDate, onDate: IsoDate): number {
  const birth = parseIsoDate(birthDate);
  const on = parseIsoDate(onDate);
  if (onDate < birthDate) {
    throw new DomainInputError(`Date ${onDate} is before the birth date ${birthDate}`);
  }
  let months = (on.year - birth.year) * 12 + (on.month - birth.month);
  if (on.day < birth.day) {
    const lastDayOfMonth = daysInMonth(on.year, on.month);
    const monthEndReached = on.day === lastDayOfMonth && birth.day > lastDayOfMonth;
    if (!monthEndReached) months -= 1;
  }
  return months;
}
