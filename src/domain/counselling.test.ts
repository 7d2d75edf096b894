import { describe, expect, it } from 'vitest';
import { ageBandOn, monthsBetween, shareAnonymous } from './counselling';

describe('ageBandOn', () => {
  it.each([
    [null, '2026-11-22', 'pregnancy'],
    ['2026-11-22', '2026-11-22', '0-1'],
    ['2025-11-23', '2026-11-22', '0-1'],
    ['2025-11-22', '2026-11-22', '1-3'],
    ['2023-11-23', '2026-11-22', '1-3'],
    ['2023-11-22', '2026-11-22', '3-6'],
    ['2020-11-23', '2026-11-22', '3-6'],
    ['2020-11-22', '2026-11-22', '6+'],
  ])('born %s, on %s → %s', (birth, on, band) => {
    expect(ageBandOn(birth, on)).toBe(band);
  });
});

describe('shareAnonymous', () => {
  it.each([
    [0, 0, 0],
    [3, 1, 0.75],
    [0, 2, 0],
    [2, 0, 1],
  ])('%i anonymous, %i linked → %d', (a, l, share) => {
    expect(shareAnonymous(a, l)).toBe(share);
  });
});

describe('monthsBetween', () => {
  it.each([
    ['2026-10-15', '2026-12-01', ['2026-10', '2026-11', '2026-12']],
    ['2026-11-30', '2027-02-01', ['2026-11', '2026-12', '2027-01', '2027-02']],
    ['2026-11-01', '2026-11-30', ['2026-11']],
    ['2026-12-01', '2026-11-30', []],
  ])('%s to %s', (from, to, months) => {
    expect(monthsBetween(from, to)).toEqual(months);
  });
});
