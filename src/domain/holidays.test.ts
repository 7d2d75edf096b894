import { describe, expect, it } from 'vitest';
import { addDays } from './dates';
import { danishPublicHolidays, easterSunday, isDanishPublicHoliday } from './holidays';

/** Every Danish public holiday 2023–2030, worked out by hand from the Easter dates. */
const HOLIDAYS_BY_YEAR: ReadonlyArray<[number, string[]]> = [
  [2023, ['2023-01-01', '2023-04-06', '2023-04-07', '2023-04-09', '2023-04-10', '2023-05-05', '2023-05-18', '2023-05-28', '2023-05-29', '2023-12-25', '2023-12-26']],
  [2024, ['2024-01-01', '2024-03-28', '2024-03-29', '2024-03-31', '2024-04-01', '2024-05-09', '2024-05-19', '2024-05-20', '2024-12-25', '2024-12-26']],
  [2025, ['2025-01-01', '2025-04-17', '2025-04-18', '2025-04-20', '2025-04-21', '2025-05-29', '2025-06-08', '2025-06-09', '2025-12-25', '2025-12-26']],
  [2026, ['2026-01-01', '2026-04-02', '2026-04-03', '2026-04-05', '2026-04-06', '2026-05-14', '2026-05-24', '2026-05-25', '2026-12-25', '2026-12-26']],
  [2027, ['2027-01-01', '2027-03-25', '2027-03-26', '2027-03-28', '2027-03-29', '2027-05-06', '2027-05-16', '2027-05-17', '2027-12-25', '2027-12-26']],
  [2028, ['2028-01-01', '2028-04-13', '2028-04-14', '2028-04-16', '2028-04-17', '2028-05-25', '2028-06-04', '2028-06-05', '2028-12-25', '2028-12-26']],
  [2029, ['2029-01-01', '2029-03-29', '2029-03-30', '2029-04-01', '2029-04-02', '2029-05-10', '2029-05-20', '2029-05-21', '2029-12-25', '2029-12-26']],
  [2030, ['2030-01-01', '2030-04-18', '2030-04-19', '2030-04-21', '2030-04-22', '2030-05-30', '2030-06-09', '2030-06-10', '2030-12-25', '2030-12-26']],
];

describe('easterSunday', () => {
  it.each([
    [2023, '2023-04-09'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    [1818, '1818-03-22'], // earliest possible date
    [1943, '1943-04-25'], // latest possible date
    [2000, '2000-04-23'],
  ])('%i → %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it('rejects years outside the Gregorian range', () => {
    expect(() => easterSunday(1500)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => easterSunday(2026.5)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('danishPublicHolidays', () => {
  it.each(HOLIDAYS_BY_YEAR)('%i has exactly the expected dates, sorted', (year, dates) => {
    const holidays = danishPublicHolidays(year);
    expect(holidays).toHaveLength(year <= 2023 ? 11 : 10);
    expect(holidays.map((holiday) => holiday.date)).toEqual(dates);
  });

  it.each(HOLIDAYS_BY_YEAR)('%i: every listed date is a holiday', (_year, dates) => {
    for (const date of dates) expect(isDanishPublicHoliday(date), date).toBe(true);
  });

  it.each(HOLIDAYS_BY_YEAR)('%i: no other day of the year is a holiday', (year, dates) => {
    const expected = new Set(dates);
    let date = `${year}-01-01`;
    while (date.startsWith(String(year))) {
      expect(isDanishPublicHoliday(date), date).toBe(expected.has(date));
      date = addDays(date, 1);
    }
  });

  it('names each holiday in Danish and English', () => {
    expect(danishPublicHolidays(2023)).toEqual([
      { date: '2023-01-01', name: 'Nytårsdag', nameEn: "New Year's Day" },
      { date: '2023-04-06', name: 'Skærtorsdag', nameEn: 'Maundy Thursday' },
      { date: '2023-04-07', name: 'Langfredag', nameEn: 'Good Friday' },
      { date: '2023-04-09', name: 'Påskedag', nameEn: 'Easter Sunday' },
      { date: '2023-04-10', name: '2. påskedag', nameEn: 'Easter Monday' },
      { date: '2023-05-05', name: 'Store bededag', nameEn: 'General Prayer Day' },
      { date: '2023-05-18', name: 'Kristi himmelfartsdag', nameEn: 'Ascension Day' },
      { date: '2023-05-28', name: 'Pinsedag', nameEn: 'Whit Sunday' },
      { date: '2023-05-29', name: '2. pinsedag', nameEn: 'Whit Monday' },
      { date: '2023-12-25', name: 'Juledag', nameEn: 'Christmas Day' },
      { date: '2023-12-26', name: '2. juledag', nameEn: 'Boxing Day' },
    ]);
  });
});

describe('isDanishPublicHoliday', () => {
  it.each([
    ['2023-05-05', true], // General Prayer Day 2023: still a holiday
    ['2024-04-26', false], // General Prayer Day abolished from 2024
    ['2026-05-01', false],
    ['2026-06-05', false], // Constitution Day: closing day, not a holiday
    ['2026-12-24', false],
    ['2026-12-31', false],
    ['2028-06-05', true], // Whit Monday falls on Constitution Day
  ])('%s → %s', (date, expected) => {
    expect(isDanishPublicHoliday(date)).toBe(expected);
  });

  it('throws INVALID_INPUT for an invalid date', () => {
    expect(() => isDanishPublicHoliday('2026-02-30')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
