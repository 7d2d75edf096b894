/** Coverage per screening round: table cases and invariants. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../domain';
import { coverageFor, SCREENING_ROUNDS } from './coverage';

const today = '2026-11-22';

describe('coverageFor', () => {
  it('counts reached, screened and positive per round; m-ADBB is not ADBB coverage; pregnancy EPDS has no age', () => {
    const children = [
      { id: 'a', birthDate: '2026-08-01' }, // 3 months: reached the 2-month round only
      { id: 'b', birthDate: '2026-05-01' }, // 6 months: 2 and 4–6
      { id: 'c', birthDate: '2025-12-01' }, // 11 months: all three, all windows closed
      { id: 'd', birthDate: null }, // not born
    ];
    const screenings = [
      { childId: 'a', instrument: 'adbb', ageMonths: 2, positive: true },
      { childId: 'a', instrument: 'adbb', ageMonths: 2, positive: false },
      { childId: 'b', instrument: 'm-adbb', ageMonths: 2, positive: true },
      { childId: 'b', instrument: 'adbb', ageMonths: 4, positive: false },
      { childId: 'c', instrument: 'adbb', ageMonths: 3, positive: false },
      { childId: 'c', instrument: 'adbb', ageMonths: 7, positive: true }, // between rounds
      { childId: 'c', instrument: 'epds', ageMonths: 2, positive: true },
      { childId: 'b', instrument: 'epds', ageMonths: null, positive: true },
    ];
    const rounds = Object.fromEntries(coverageFor(SCREENING_ROUNDS, children, screenings, today).map((r) => [r.key, r]));
    expect(rounds.adbb_2m).toMatchObject({ reached: 3, windowClosed: 2, screened: 2, positive: 1, positiveShare: 0.5 });
    expect(rounds.adbb_2m.coverage).toBeCloseTo(2 / 3);
    expect(rounds.adbb_4_6m).toMatchObject({ reached: 2, windowClosed: 1, screened: 1, positive: 0, coverage: 0.5, positiveShare: 0 });
    expect(rounds.adbb_8_10m).toMatchObject({ reached: 1, screened: 0, coverage: 0, positiveShare: null });
    expect(rounds.epds_2m).toMatchObject({ reached: 3, screened: 1, positive: 1 });
  });

  it('nobody reached: coverage is null', () => {
    expect(coverageFor(SCREENING_ROUNDS, [], [], today).every((r) => r.coverage === null && r.reached === 0)).toBe(true);
  });

  it('property: positive ≤ screened ≤ reached, windowClosed ≤ reached, shares within 0–1', () => {
    const child = fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e'), birthDate: fc.option(fc.integer({ min: 0, max: 900 }).map((d) => addDays(today, -d)), { nil: null }) });
    const screening = fc.record({
      childId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'x'),
      instrument: fc.constantFrom('adbb', 'm-adbb', 'epds'),
      ageMonths: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
      positive: fc.option(fc.boolean(), { nil: null }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(child, { selector: (c) => c.id }), fc.array(screening, { maxLength: 30 }), (children, screenings) => {
        for (const r of coverageFor(SCREENING_ROUNDS, children, screenings, today)) {
          expect(r.positive).toBeLessThanOrEqual(r.screened);
          expect(r.screened).toBeLessThanOrEqual(r.reached);
          expect(r.windowClosed).toBeLessThanOrEqual(r.reached);
          for (const share of [r.coverage, r.positiveShare]) if (share !== null) expect(share >= 0 && share <= 1).toBe(true);
        }
      }),
    );
  });
});
