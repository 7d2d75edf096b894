/**
 * Danish public holidays (helligdage), domain.md §6.8.
 *
 * Statutory holidays only. Constitution Day (5 June), Christmas Eve and New
 * Year's Eve are NOT public holidays; they are handled as configurable extra
 * closing days in `working-days.ts`. General Prayer Day (store bededag) is a
 * holiday up to and including 2023 and was abolished from 2024. The calendar
 * models the present-day statutory list and is not meant to be historically
 * accurate for centuries past (Gregorian years 1583–9999 are accepted).
 */

import { addDays, type IsoDate, parseIsoDate, toIsoDate } from './dates';
import { DomainInputError } from './errors';

/** One public holiday. */
export interface PublicHoliday {
  date: IsoDate;
  /** Danish name, e.g. 'Skærtorsdag'. */
  name: string;
  /** English name, e.g. 'Maundy Thursday'. */
  nameEn: string;
}

/** Last year in which General Prayer Day (store bededag) was a public holiday. */
export const LAST_GENERAL_PRAYER_DAY_YEAR = 2023;

function assertGregorianYear(year: number): void {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new DomainInputError(`Year must be an integer from 1583 to 9999: ${String(year)}`);
  }
}

/**
 * Easter Sunday in the Gregorian calendar (anonymous Gregorian /
 * Meeus–Jones–Butcher algorithm).
 *
 * @example
 * easterSunday(2026); // '2026-04-05'
 * easterSunday(2027); // '2027-03-28'
 */
export function easterSunday(year: number): IsoDate {
  assertGregorianYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toIsoDate({ year, month, day });
}

/**
 * All Danish public holidays of a year, sorted by date: New Year's Day,
 * Maundy Thursday, Good Friday, Easter Sunday, Easter Monday, General Prayer
 * Day (up to 2023 only), Ascension Day, Whit Sunday, Whit Monday, Christmas
 * Day and Boxing Day — 11 holidays up to 2023, 10 from 2024.
 *
 * @example
 * danishPublicHolidays(2026)[1]; // { date: '2026-04-02', name: 'Skærtorsdag', nameEn: 'Maundy Thursday' }
 * danishPublicHolidays(2026).length; // 10
 */
export function danishPublicHolidays(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  const fixed = (mmdd: string) => `${String(year).padStart(4, '0')}-${mmdd}`;
  const holidays: PublicHoliday[] = [
    { date: fixed('01-01'), name: 'Nytårsdag', nameEn: "New Year's Day" },
    { date: addDays(easter, -3), name: 'Skærtorsdag', nameEn: 'Maundy Thursday' },
    { date: addDays(easter, -2), name: 'Langfredag', nameEn: 'Good Friday' },
    { date: easter, name: 'Påskedag', nameEn: 'Easter Sunday' },
    { date: addDays(easter, 1), name: '2. påskedag', nameEn: 'Easter Monday' },
  ];
  if (year <= LAST_GENERAL_PRAYER_DAY_YEAR) {
    holidays.push({ date: addDays(easter, 26), name: 'Store bededag', nameEn: 'General Prayer Day' });
  }
  holidays.push(
    { date: addDays(easter, 39), name: 'Kristi himmelfartsdag', nameEn: 'Ascension Day' },
    { date: addDays(easter, 49), name: 'Pinsedag', nameEn: 'Whit Sunday' },
    { date: addDays(easter, 50), name: '2. pinsedag', nameEn: 'Whit Monday' },
    { date: fixed('12-25'), name: 'Juledag', nameEn: 'Christmas Day' },
    { date: fixed('12-26'), name: '2. juledag', nameEn: 'Boxing Day' },
  );
  return holidays.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

const holidayCache = new Map<number, ReadonlySet<IsoDate>>();

function holidaySet(year: number): ReadonlySet<IsoDate> {
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(danishPublicHolidays(year).map((holiday) => holiday.date));
    holidayCache.set(year, set);
  }
  return set;
}

/**
 * True when the date is a Danish statutory public holiday. 5 June, 24 and
 * 31 December return false (they are closing days, not holidays).
 *
 * @example
 * isDanishPublicHoliday('2026-04-03'); // true  (Good Friday)
 * isDanishPublicHoliday('2026-05-01'); // false (former General Prayer Day)
 * isDanishPublicHoliday('2026-06-05'); // false
 */
export function isDanishPublicHoliday(date: IsoDate): boolean {
  const { year } = parseIsoDate(date);
  return holidaySet(year).has(date);
}
