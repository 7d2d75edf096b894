import { describe, expect, it } from 'vitest';
import { addWorkingDays, DEFAULT_EXTRA_CLOSING_DAYS, isWorkingDay } from './working-days';

describe('DEFAULT_EXTRA_CLOSING_DAYS', () => {
  it('is 5 June, 24 December and 31 December, and frozen', () => {
    expect(DEFAULT_EXTRA_CLOSING_DAYS).toEqual(['06-05', '12-24', '12-31']);
    expect(Object.isFrozen(DEFAULT_EXTRA_CLOSING_DAYS)).toBe(true);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-11-24', undefined, true],
    ['2026-11-21', undefined, false], // Saturday
    ['2026-11-22', undefined, false], // Sunday
    ['2026-04-03', undefined, false], // Good Friday
    ['2026-06-05', undefined, false], // Constitution Day (default closing day)
    ['2026-06-05', [], true],
    ['2026-12-24', undefined, false],
    ['2026-12-24', [], true],
    ['2026-12-24', ['12-31'], true],
    ['2026-12-28', ['2026-12-28'], false],
    ['2027-12-28', ['2026-12-28'], true],
    ['2026-04-03', [], false], // holidays are never working days
  ] as Array<[string, string[] | undefined, boolean]>)('%s with %j → %s', (date, closing, expected) => {
    expect(isWorkingDay(date, closing)).toBe(expected);
  });
});

describe('addWorkingDays', () => {
  it.each([
    // Christmas / New Year with the default closing days (24 and 31 December)
    ['2026-12-22', 1, undefined, '2026-12-23'],
    ['2026-12-22', 2, undefined, '2026-12-28'],
    ['2026-12-22', 3, undefined, '2026-12-29'],
    ['2026-12-22', 4, undefined, '2026-12-30'],
    ['2026-12-22', 5, undefined, '2027-01-04'],
    ['2026-12-22', 6, undefined, '2027-01-05'],
    ['2026-12-24', 6, undefined, '2027-01-06'],
    ['2026-12-25', 1, undefined, '2026-12-28'], // received on a holiday
    ['2027-12-23', 6, undefined, '2028-01-04'], // 24–26 Dec 2027 are Fri–Sun
    // empty list: 24 and 31 December are working days
    ['2026-12-22', 2, [], '2026-12-24'],
    ['2026-12-22', 6, [], '2026-12-31'],
    ['2026-12-22', 7, [], '2027-01-04'],
    // custom list replaces the default
    ['2026-12-22', 1, ['12-23'], '2026-12-24'],
    ['2026-12-22', 6, ['12-23'], '2027-01-04'],
    ['2026-12-22', 3, ['2026-12-28'], '2026-12-29'],
    ['2026-12-22', 3, ['2026-12-28', '12-24'], '2026-12-30'],
    // Constitution Day
    ['2026-06-04', 1, undefined, '2026-06-08'],
    ['2026-06-04', 1, [], '2026-06-05'],
    // counting convention: day 0 is the day of receipt
    ['2026-11-21', 0, undefined, '2026-11-21'],
    ['2026-11-22', 1, undefined, '2026-11-23'],
    ['2026-11-23', 5, undefined, '2026-11-30'],
  ] as Array<[string, number, string[] | undefined, string]>)(
    'addWorkingDays(%s, %i, %j) → %s',
    (date, days, closing, expected) => {
      const options = closing === undefined ? undefined : { extraClosingDays: closing };
      expect(addWorkingDays(date, days, options)).toBe(expected);
    },
  );

  it('treats a missing extraClosingDays option like the default', () => {
    expect(addWorkingDays('2026-12-22', 6, {})).toBe(addWorkingDays('2026-12-22', 6));
  });

  it.each([
    ['2026-02-30', 1, undefined],
    ['2026-12-22', -1, undefined],
    ['2026-12-22', 1.5, undefined],
    ['2026-12-22', Number.NaN, undefined],
    ['2026-12-22', 1, ['12-32']],
    ['2026-12-22', 1, ['2026-02-30']],
    ['2026-12-22', 1, ['24/12']],
  ] as Array<[string, number, string[] | undefined]>)(
    'addWorkingDays(%s, %s, %j) throws INVALID_INPUT',
    (date, days, closing) => {
      expect(() => addWorkingDays(date, days, { extraClosingDays: closing })).toThrow(
        expect.objectContaining({ code: 'INVALID_INPUT' }),
      );
    },
  );
});

describe('addWorkingDays across Easter and the General Prayer Day, 2023–2030', () => {
  it.each([
    ['2023-04-05', 6, '2023-04-18'], // Easter 2023: 6, 7, 9, 10 April
    ['2023-05-04', 1, '2023-05-08'], // General Prayer Day 5 May 2023 is still a holiday
    ['2024-04-25', 1, '2024-04-26'], // …abolished from 2024: 26 April 2024 is a working day
    ['2024-03-27', 6, '2024-04-09'], // Easter 2024
    ['2025-04-16', 6, '2025-04-29'], // Easter 2025: 17, 18, 20, 21 April
    ['2026-03-31', 6, '2026-04-13'], // Easter 2026
    ['2027-03-22', 6, '2027-04-02'], // Easter 2027
    ['2028-04-12', 6, '2028-04-25'], // Easter 2028: 13, 14, 16, 17 April
    ['2029-03-28', 6, '2029-04-10'], // Easter 2029: 29, 30 March, 1, 2 April
    ['2030-04-17', 6, '2030-04-30'], // Easter 2030: 18, 19, 21, 22 April
    ['2030-05-29', 2, '2030-06-03'], // Ascension Day 30 May 2030
  ] as Array<[string, number, string]>)('addWorkingDays(%s, %i) → %s', (date, days, expected) => {
    expect(addWorkingDays(date, days)).toBe(expected);
  });
});
