import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  isLeapYear,
  isValidIsoDate,
  parseIsoDate,
  toIsoDate,
} from './dates';

describe('isValidIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-1-01', false],
    ['26-01-01', false],
    ['2026-01-01T00:00:00Z', false],
    [' 2026-01-01', false],
    ['0000-01-01', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isValidIsoDate(value)).toBe(expected);
  });

  it('rejects non-strings', () => {
    expect(isValidIsoDate(20260101)).toBe(false);
    expect(isValidIsoDate(null)).toBe(false);
    expect(isValidIsoDate(new Date())).toBe(false);
  });
});

describe('isLeapYear / daysInMonth', () => {
  it.each([
    [2024, true],
    [2025, false],
    [2000, true],
    [1900, false],
    [2100, false],
  ])('isLeapYear(%i) → %s', (year, expected) => {
    expect(isLeapYear(year)).toBe(expected);
  });

  it.each([
    [2024, 2, 29],
    [2025, 2, 28],
    [2026, 1, 31],
    [2026, 4, 30],
    [2026, 6, 30],
    [2026, 9, 30],
    [2026, 11, 30],
    [2026, 12, 31],
  ])('daysInMonth(%i, %i) → %i', (year, month, expected) => {
    expect(daysInMonth(year, month)).toBe(expected);
  });
});

describe('parseIsoDate / toIsoDate', () => {
  it('round-trips', () => {
    expect(parseIsoDate('2026-03-05')).toEqual({ year: 2026, month: 3, day: 5 });
    expect(toIsoDate({ year: 2026, month: 3, day: 5 })).toBe('2026-03-05');
    expect(toIsoDate({ year: 12, month: 1, day: 1 })).toBe('0012-01-01');
  });

  it('reads a Date in UTC, not local time', () => {
    expect(toIsoDate(new Date(Date.UTC(2026, 2, 5, 23, 59, 59)))).toBe('2026-03-05');
    expect(toIsoDate(new Date(Date.UTC(2026, 2, 5, 0, 0, 0)))).toBe('2026-03-05');
  });

  it('throws INVALID_INPUT for invalid dates', () => {
    expect(() => parseIsoDate('2025-02-29')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => toIsoDate({ year: 2025, month: 2, day: 29 })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});

describe('addDays', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-03-28', 2, '2026-03-30'], // across the EU daylight-saving change
    ['2026-10-24', 2, '2026-10-26'],
    ['2026-01-10', 0, '2026-01-10'],
    ['2024-01-01', 366, '2025-01-01'],
    ['0050-01-01', 1, '0050-01-02'], // two-digit years are not mapped to the 1900s
  ])('addDays(%s, %i) → %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('rejects a non-integer number of days', () => {
    expect(() => addDays('2026-01-01', 1.5)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('dayOfWeek / daysBetween', () => {
  it.each([
    ['2026-11-22', 0],
    ['2026-11-23', 1],
    ['2026-11-27', 5],
    ['2026-11-21', 6],
    ['2000-01-01', 6],
  ])('dayOfWeek(%s) → %i', (date, expected) => {
    expect(dayOfWeek(date)).toBe(expected);
  });

  it('counts days between dates', () => {
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-02-27')).toBe(-2);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });
});
