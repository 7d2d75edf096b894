import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageInMonths } from './age';
import { daysInMonth, toIsoDate } from './dates';

describe('ageInMonths', () => {
  it.each([
    // ordinary days
    ['2026-01-10', '2026-01-10', 0],
    ['2026-01-10', '2026-02-09', 0],
    ['2026-01-10', '2026-02-10', 1],
    ['2025-12-15', '2026-01-14', 0],
    ['2025-12-15', '2026-01-15', 1],
    ['2026-01-10', '2028-01-10', 24],
    ['2026-01-10', '2028-02-09', 24],
    ['2026-01-10', '2028-02-10', 25],
    // month ends: the last day of a short month completes the month
    ['2026-01-31', '2026-02-27', 0],
    ['2026-01-31', '2026-02-28', 1],
    ['2026-01-29', '2026-02-28', 1],
    ['2026-01-31', '2026-03-30', 1],
    ['2026-01-31', '2026-03-31', 2],
    ['2026-03-31', '2026-04-29', 0],
    ['2026-03-31', '2026-04-30', 1],
    ['2026-05-31', '2026-06-30', 1],
    ['2026-08-31', '2026-09-30', 1],
    ['2026-10-31', '2026-11-30', 1],
    ['2026-04-30', '2026-05-30', 1],
    ['2026-04-30', '2026-05-29', 0],
    // leap years
    ['2024-01-31', '2024-02-28', 0], // 28 February is not the last day in 2024
    ['2024-01-31', '2024-02-29', 1],
    ['2024-01-30', '2024-02-29', 1],
    ['2024-02-29', '2024-03-28', 0],
    ['2024-02-29', '2024-03-29', 1],
    ['2024-02-29', '2025-02-27', 11],
    ['2024-02-29', '2025-02-28', 12], // leap-day baby is one year old on 28 February
    ['2024-02-29', '2028-02-28', 47],
    ['2024-02-29', '2028-02-29', 48],
  ])('born %s, on %s → %i', (birthDate, onDate, expected) => {
    expect(ageInMonths(birthDate, onDate)).toBe(expected);
  });

  it('throws INVALID_INPUT when onDate is before the birth date', () => {
    expect(() => ageInMonths('2026-01-10', '2026-01-09')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('throws INVALID_INPUT for an invalid date', () => {
    expect(() => ageInMonths('2026-02-30', '2026-03-01')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  /** Reference: the largest n with "birth + n months, clamped to month end" ≤ onDate. */
  function referenceAge(birth: { year: number; month: number; day: number }, onDate: string): number {
    let n = 0;
    for (;;) {
      const index = birth.month - 1 + n + 1;
      const year = birth.year + Math.floor(index / 12);
      const month = (index % 12) + 1;
      const day = Math.min(birth.day, daysInMonth(year, month));
      if (toIsoDate({ year, month, day }) > onDate) return n;
      n += 1;
    }
  }

  const dateArb = fc
    .date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2035, 11, 31)), noInvalidDate: true })
    .map((d) => toIsoDate(d));

  it('equals the clamped-month-addition reference for random dates', () => {
    fc.assert(
      fc.property(dateArb, dateArb, (a, b) => {
        const [birthDate, onDate] = a <= b ? [a, b] : [b, a];
        const [year, month, day] = birthDate.split('-').map(Number);
        expect(ageInMonths(birthDate, onDate)).toBe(referenceAge({ year, month, day }, onDate));
      }),
    );
  });
});
