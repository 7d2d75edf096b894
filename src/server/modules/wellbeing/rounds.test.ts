/** Rating rounds: spring and autumn by default, five weeks each (rule T2). */
import { describe, expect, it } from 'vitest';
import { planRound } from './rounds';

describe('planRound', () => {
  const cases = [
    { today: '2026-11-22', input: {}, expected: { season: 'autumn', year: 2026, name: 'Efterår 2026', periodStart: '2026-10-01', periodEnd: '2026-11-04' } },
    { today: '2026-06-30', input: {}, expected: { season: 'spring', year: 2026, name: 'Forår 2026', periodStart: '2026-03-01', periodEnd: '2026-04-04' } },
    { today: '2026-07-01', input: {}, expected: { season: 'autumn', year: 2026, name: 'Efterår 2026', periodStart: '2026-10-01', periodEnd: '2026-11-04' } },
    { today: '2026-11-22', input: { season: 'spring', year: 2027 }, expected: { season: 'spring', year: 2027, name: 'Forår 2027', periodStart: '2027-03-01', periodEnd: '2027-04-04' } },
    { today: '2026-11-22', input: { season: 'spring', year: 2028 }, expected: { season: 'spring', year: 2028, name: 'Forår 2028', periodStart: '2028-03-01', periodEnd: '2028-04-04' } },
    { today: '2026-11-22', input: { periodStart: '2026-09-15' }, expected: { season: 'autumn', year: 2026, name: 'Efterår 2026', periodStart: '2026-09-15', periodEnd: '2026-10-19' } },
    { today: '2026-11-22', input: { name: 'Ekstra', periodStart: '2026-12-01', periodEnd: '2026-12-10' }, expected: { season: 'autumn', year: 2026, name: 'Ekstra', periodStart: '2026-12-01', periodEnd: '2026-12-10' } },
  ] as const;
  for (const c of cases) {
    it(`${c.today} ${JSON.stringify(c.input)} → ${c.expected.name} ${c.expected.periodStart}..${c.expected.periodEnd}`, () => {
      expect(planRound(c.today, c.input)).toEqual(c.expected);
    });
  }
});
