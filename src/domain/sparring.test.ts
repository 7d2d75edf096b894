import { describe, expect, it } from 'vitest';
import { ageBand, byLongestWaiting, waitingDays } from './sparring';

describe('waitingDays', () => {
  it.each([
    ['2026-11-22', '2026-11-22', null, 0],
    ['2026-11-18', '2026-11-22', null, 4],
    ['2026-10-31', '2026-11-02', null, 2],
    ['2026-02-27', '2026-03-01', null, 2],
    ['2024-02-28', '2024-03-01', null, 2],
    ['2026-11-18', '2026-11-22', '2026-11-19', 1],
    ['2026-11-18', '2026-11-22', '2026-11-18', 0],
    ['2026-11-23', '2026-11-22', null, 0],
  ])('requested %s, today %s, taken %s → %i days', (requestedOn, today, takenOn, expected) => {
    expect(waitingDays(requestedOn, today, takenOn)).toBe(expected);
  });
});

describe('byLongestWaiting', () => {
  it('puts the oldest request first, same day by instant, then id', () => {
    const items = [
      { id: 'c', requestedOn: '2026-11-20', requestedAt: '2026-11-20T08:00:00.000Z' },
      { id: 'b', requestedOn: '2026-11-01', requestedAt: '2026-11-01T12:00:00.000Z' },
      { id: 'a', requestedOn: '2026-11-01', requestedAt: '2026-11-01T09:00:00.000Z' },
      { id: 'd', requestedOn: '2026-11-01', requestedAt: '2026-11-01T09:00:00.000Z' },
    ];
    expect(byLongestWaiting(items).map((i) => i.id)).toEqual(['a', 'd', 'b', 'c']);
    expect(items[0].id).toBe('c'); // not sorted in place
  });
});

describe('ageBand', () => {
  it.each([
    [null, '2026-11-22', true, 'expected'],
    [null, '2026-11-22', false, 'unknown'],
    ['2026-11-23', '2026-11-22', false, 'expected'],
    ['2026-06-01', '2026-11-22', false, '0-1'],
    ['2025-11-22', '2026-11-22', false, '1-3'],
    ['2025-11-23', '2026-11-22', false, '0-1'],
    ['2023-11-22', '2026-11-22', false, '3-6'],
    ['2020-11-22', '2026-11-22', false, '6-10'],
    ['2016-11-22', '2026-11-22', false, '10-18'],
    ['2008-11-22', '2026-11-22', false, '18+'],
  ])('born %s on %s (expected %s) → %s', (birth, today, expected, band) => {
    expect(ageBand(birth, today, expected)).toBe(band);
  });
});
