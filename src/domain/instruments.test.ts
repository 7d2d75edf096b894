import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ADBB,
  cutOffFor,
  EPDS,
  epdsScoreFromPosition,
  getInstrument,
  INSTRUMENTS,
  type InstrumentId,
  M_ADBB,
  type ScoreContext,
  scoreInstrument,
} from './instruments';

const INVALID = expect.objectContaining({ code: 'INVALID_INPUT' });
const IDS: InstrumentId[] = ['adbb', 'm-adbb', 'epds'];

describe('instrument definitions', () => {
  it.each([
    ['adbb', 8, 4, 32, 5],
    ['m-adbb', 5, 2, 10, 2],
    ['epds', 10, 3, 30, 11],
  ] as Array<[InstrumentId, number, number, number, number]>)(
    '%s: %i items scored 0–%i, total up to %i, default cut-off %i',
    (id, count, maxScore, maxTotal, cutOff) => {
      const instrument = getInstrument(id);
      expect(instrument.id).toBe(id);
      expect(instrument.version).toMatch(/\S/);
      expect(instrument.items.map((item) => item.number)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
      for (const item of instrument.items) {
        expect(item.minScore).toBe(0);
        expect(item.maxScore).toBe(maxScore);
        expect(item.topicDa).toMatch(/\S/);
        expect(item.topicEn).toMatch(/\S/);
      }
      expect(instrument.minTotal).toBe(0);
      expect(instrument.maxTotal).toBe(maxTotal);
      expect(instrument.thresholds.default).toBe(cutOff);
      expect(Object.isFrozen(instrument)).toBe(true);
    },
  );

  it('ADBB variants are for ages 2–24 months; EPDS has no age range', () => {
    expect(ADBB.ageRangeMonths).toEqual({ min: 2, max: 24 });
    expect(M_ADBB.ageRangeMonths).toEqual({ min: 2, max: 24 });
    expect(EPDS.ageRangeMonths).toBeNull();
  });

  it('EPDS reverse-scored flags follow rule E2 (items 3 and 5–10)', () => {
    expect(EPDS.items.filter((item) => item.reverseScored).map((item) => item.number)).toEqual([3, 5, 6, 7, 8, 9, 10]);
    expect(ADBB.items.some((item) => item.reverseScored)).toBe(false);
    expect(M_ADBB.items.some((item) => item.reverseScored)).toBe(false);
  });

  it('EPDS cut-offs: mother 11, father and co-parent 10; urgent on item 10 > 0', () => {
    expect(EPDS.thresholds.byRole).toEqual({ mother: 11, father: 10, 'co-parent': 10 });
    expect(EPDS.urgentRule).toEqual({ itemNumber: 10, above: 0 });
  });

  it('m-ADBB items are the five named in rule A7', () => {
    expect(M_ADBB.items.map((item) => item.topicEn)).toEqual([
      'Facial expression',
      'Eye contact',
      'Vocalisation',
      'Activity',
      'Relationship',
    ]);
  });

  it('INSTRUMENTS lists all three', () => {
    expect(Object.keys(INSTRUMENTS).sort()).toEqual(['adbb', 'epds', 'm-adbb']);
  });

  it('getInstrument rejects an unknown id', () => {
    expect(() => getInstrument('cbcl' as InstrumentId)).toThrow(INVALID);
    expect(() => getInstrument('toString' as InstrumentId)).toThrow(INVALID);
  });
});

describe('cutOffFor', () => {
  it.each([
    ['epds', {}, 11],
    ['epds', { respondentRole: 'mother' }, 11],
    ['epds', { respondentRole: 'father' }, 10],
    ['epds', { respondentRole: 'co-parent' }, 10],
    ['epds', { respondentRole: 'father', threshold: 13 }, 13],
    ['adbb', {}, 5],
    ['adbb', { respondentRole: 'mother' }, 5],
    ['adbb', { threshold: 6 }, 6],
    ['m-adbb', {}, 2],
  ] as Array<[InstrumentId, ScoreContext, number]>)('%s with %j → %i', (id, context, expected) => {
    expect(cutOffFor(getInstrument(id), context)).toBe(expected);
  });
});

describe('scoreInstrument', () => {
  it('co-parent uses the partner cut-off 10', () => {
    const answers = [2, 2, 2, 2, 1, 1, 0, 0, 0, 0];
    expect(scoreInstrument('epds', answers, { respondentRole: 'co-parent' })).toEqual({
      complete: true,
      total: 10,
      positive: true,
      urgent: false,
    });
    expect(scoreInstrument('epds', answers)).toMatchObject({ total: 10, positive: false });
  });

  it('a threshold of 0 makes every complete form positive', () => {
    expect(scoreInstrument('adbb', [0, 0, 0, 0, 0, 0, 0, 0], { threshold: 0 }).positive).toBe(true);
  });

  it.each([
    ['2026-01-10', '2026-03-10', true], // exactly 2 months
    ['2026-01-10', '2026-03-09', false], // 1 month 27 days
    ['2026-01-10', '2028-01-10', true], // exactly 24 months
    ['2026-01-10', '2028-02-09', true], // still 24 completed months
    ['2026-01-10', '2028-02-10', false], // 25 months
    ['2026-01-10', '2026-01-09', false], // observed before birth
  ])('ADBB age check: born %s, observed %s → accepted %s', (birthDate, observedOn, accepted) => {
    for (const id of ['adbb', 'm-adbb'] as const) {
      const answers = Array(getInstrument(id).items.length).fill(0);
      const call = () => scoreInstrument(id, answers, { birthDate, observedOn });
      if (accepted) expect(call()).toMatchObject({ complete: true, total: 0 });
      else expect(call).toThrow(INVALID);
    }
  });

  it('checks age only when both dates are given', () => {
    const answers = Array(8).fill(0);
    expect(scoreInstrument('adbb', answers, { birthDate: '2026-01-10' }).total).toBe(0);
    expect(scoreInstrument('adbb', answers, { observedOn: '2026-01-11' }).total).toBe(0);
  });

  it('EPDS has no age range', () => {
    const answers = Array(10).fill(0);
    expect(scoreInstrument('epds', answers, { birthDate: '2026-01-10', observedOn: '2026-01-12' }).total).toBe(0);
  });

  it.each([
    ['unknown instrument', () => scoreInstrument('whooley' as InstrumentId, [0, 0])],
    ['answers not an array', () => scoreInstrument('adbb', 'none' as unknown as number[])],
    ['too many items', () => scoreInstrument('epds', Array(11).fill(0))],
    ['negative score', () => scoreInstrument('epds', [-1, 0, 0, 0, 0, 0, 0, 0, 0, 0])],
    ['NaN score', () => scoreInstrument('epds', [Number.NaN, 0, 0, 0, 0, 0, 0, 0, 0, 0])],
    ['string score', () => scoreInstrument('epds', ['1', 0, 0, 0, 0, 0, 0, 0, 0, 0] as unknown as number[])],
    ['undefined score', () => scoreInstrument('epds', [undefined, 0, 0, 0, 0, 0, 0, 0, 0, 0] as unknown as number[])],
    ['sparse array', () => scoreInstrument('m-adbb', new Array(5))],
    ['unknown role', () => scoreInstrument('epds', Array(10).fill(0), { respondentRole: 'grandmother' as 'mother' })],
    ['non-numeric threshold', () => scoreInstrument('adbb', Array(8).fill(0), { threshold: '5' as unknown as number })],
    ['infinite threshold', () => scoreInstrument('adbb', Array(8).fill(0), { threshold: Number.POSITIVE_INFINITY })],
    [
      'invalid birth date',
      () => scoreInstrument('adbb', Array(8).fill(0), { birthDate: '2026-02-30', observedOn: '2026-06-01' }),
    ],
  ])('%s throws INVALID_INPUT', (_label, call) => {
    expect(call).toThrow(INVALID);
  });

  it('an out-of-range score is rejected even on an incomplete form', () => {
    expect(() => scoreInstrument('epds', [null, null, null, null, null, null, null, null, null, 4])).toThrow(INVALID);
  });

  it('ADBB variants are never urgent', () => {
    expect(scoreInstrument('adbb', [4, 4, 4, 4, 4, 4, 4, 4]).urgent).toBe(false);
    expect(scoreInstrument('m-adbb', [2, 2, 2, 2, 2]).urgent).toBe(false);
  });
});

describe('scoreInstrument properties', () => {
  const idArb = fc.constantFrom(...IDS);
  const roleArb = fc.option(fc.constantFrom('mother' as const, 'father' as const, 'co-parent' as const), {
    nil: undefined,
  });

  function completeAnswers(id: InstrumentId) {
    const items = getInstrument(id).items;
    return fc.tuple(...items.map((item) => fc.integer({ min: item.minScore, max: item.maxScore })));
  }

  function answersWithAtLeastOneNull(id: InstrumentId) {
    const items = getInstrument(id).items;
    return fc
      .tuple(
        fc.tuple(...items.map((item) => fc.option(fc.integer({ min: item.minScore, max: item.maxScore }), { nil: null }))),
        fc.integer({ min: 0, max: items.length - 1 }),
      )
      .map(([answers, blank]) => answers.map((score, index) => (index === blank ? null : score)));
  }

  it('complete valid answers: total is in range, equals the sum, positive follows the cut-off', () => {
    fc.assert(
      fc.property(
        idArb.chain((id) => fc.tuple(fc.constant(id), completeAnswers(id), roleArb)),
        ([id, answers, respondentRole]) => {
          const instrument = getInstrument(id);
          const result = scoreInstrument(id, answers, { respondentRole });
          const sum = answers.reduce((a, b) => a + b, 0);
          expect(result.complete).toBe(true);
          expect(result.total).toBe(sum);
          expect(result.total).toBeGreaterThanOrEqual(instrument.minTotal);
          expect(result.total).toBeLessThanOrEqual(instrument.maxTotal);
          expect(result.positive).toBe(sum >= cutOffFor(instrument, { respondentRole }));
        },
      ),
    );
  });

  it('a local threshold overrides the default', () => {
    fc.assert(
      fc.property(
        idArb.chain((id) => fc.tuple(fc.constant(id), completeAnswers(id), fc.integer({ min: 0, max: 40 }))),
        ([id, answers, threshold]) => {
          const sum = answers.reduce((a, b) => a + b, 0);
          expect(scoreInstrument(id, answers, { threshold }).positive).toBe(sum >= threshold);
        },
      ),
    );
  });

  it('any EPDS with item 10 > 0 is urgent, whatever the other items (nulls included)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }), { minLength: 9, maxLength: 9 }),
        fc.integer({ min: 1, max: 3 }),
        roleArb,
        (firstNine, item10, respondentRole) => {
          expect(scoreInstrument('epds', [...firstNine, item10], { respondentRole }).urgent).toBe(true);
        },
      ),
    );
  });

  it('an EPDS with item 10 = 0 or unanswered is never urgent', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }), { minLength: 9, maxLength: 9 }),
        fc.constantFrom(0, null),
        (firstNine, item10) => {
          expect(scoreInstrument('epds', [...firstNine, item10]).urgent).toBe(false);
        },
      ),
    );
  });

  it('any form with a null never gets a total', () => {
    fc.assert(
      fc.property(
        idArb.chain((id) => fc.tuple(fc.constant(id), answersWithAtLeastOneNull(id), roleArb)),
        ([id, answers, respondentRole]) => {
          const result = scoreInstrument(id, answers, { respondentRole });
          expect(result.complete).toBe(false);
          expect(result.total).toBeNull();
          expect(result.positive).toBeNull();
        },
      ),
    );
  });

  it('a wrong number of items always throws INVALID_INPUT', () => {
    fc.assert(
      fc.property(
        idArb,
        fc.integer({ min: 0, max: 20 }),
        (id, length) => {
          fc.pre(length !== getInstrument(id).items.length);
          expect(() => scoreInstrument(id, Array(length).fill(0))).toThrow(INVALID);
        },
      ),
    );
  });
});

describe('epdsScoreFromPosition (rule E2)', () => {
  it.each([1, 2, 4])('item %i scores the position', (item) => {
    expect([0, 1, 2, 3].map((position) => epdsScoreFromPosition(item, position))).toEqual([0, 1, 2, 3]);
  });

  it.each([3, 5, 6, 7, 8, 9, 10])('item %i scores 3 − position', (item) => {
    expect([0, 1, 2, 3].map((position) => epdsScoreFromPosition(item, position))).toEqual([3, 2, 1, 0]);
  });

  it.each([
    [0, 0],
    [11, 0],
    [1.5, 0],
    [1, -1],
    [1, 4],
    [1, 0.5],
  ])('item %s, position %s throws INVALID_INPUT', (item, position) => {
    expect(() => epdsScoreFromPosition(item, position)).toThrow(INVALID);
  });
});
