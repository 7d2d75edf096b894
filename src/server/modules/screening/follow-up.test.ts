/** The follow-up plan (rules A5, E3, E6): table-driven, plus properties the domain's own tests do not cover. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreInstrument } from '../../../domain';
import { confirmsEarlierPositive, planFollowUp } from './follow-up';

const day = '2026-05-06';

describe('planFollowUp', () => {
  const cases = [
    { name: 'negative ADBB: nothing', instrument: 'adbb', positive: false, urgent: false, earlier: [], expect: [] },
    { name: 'first positive ADBB: repeat within 14 days', instrument: 'adbb', positive: true, urgent: false, earlier: [], expect: [['adbb_repeat', '2026-05-20', false]] },
    { name: 'positive ADBB 14 days after a positive: decision', instrument: 'adbb', positive: true, urgent: false, earlier: ['2026-04-22'], expect: [['decision', '2026-05-13', false]] },
    { name: 'positive ADBB 30 days after a positive: decision', instrument: 'adbb', positive: true, urgent: false, earlier: ['2026-04-06'], expect: [['decision', '2026-05-13', false]] },
    { name: 'positive ADBB 31 days after a positive: a new repeat', instrument: 'adbb', positive: true, urgent: false, earlier: ['2026-04-05'], expect: [['adbb_repeat', '2026-05-20', false]] },
    { name: 'negative ADBB after a positive: nothing', instrument: 'adbb', positive: false, urgent: false, earlier: ['2026-04-22'], expect: [] },
    { name: 'positive m-ADBB: a full ADBB within 14 days, never a decision', instrument: 'm-adbb', positive: true, urgent: false, earlier: ['2026-04-22'], expect: [['adbb_repeat', '2026-05-20', false]] },
    { name: 'EPDS below cut-off: nothing', instrument: 'epds', positive: false, urgent: false, earlier: [], expect: [] },
    { name: 'EPDS at cut-off: rescreen in 14 days', instrument: 'epds', positive: true, urgent: false, earlier: [], expect: [['epds_rescreen', '2026-05-20', false]] },
    { name: 'EPDS item 10 > 0: urgent today, no rescreen', instrument: 'epds', positive: true, urgent: true, earlier: [], expect: [['epds_urgent', '2026-05-07', true]] },
    { name: 'incomplete EPDS with item 10 > 0: urgent', instrument: 'epds', positive: null, urgent: true, earlier: [], expect: [['epds_urgent', '2026-05-07', true]] },
    { name: 'incomplete EPDS without item 10: nothing', instrument: 'epds', positive: null, urgent: false, earlier: [], expect: [] },
  ] as const;
  for (const c of cases) {
    it(c.name, () => {
      const plan = planFollowUp({ instrument: c.instrument, result: { positive: c.positive, urgent: c.urgent }, observedOn: day, today: '2026-05-07', earlierPositives: c.earlier });
      expect(plan.tasks.map((t) => [t.kind, t.dueOn, t.urgent])).toEqual(c.expect);
      expect(plan.flag !== null).toBe(c.urgent);
    });
  }

  it('urgent EPDS tasks go to the health visitor and the managers; a decision lists the next steps', () => {
    const urgent = planFollowUp({ instrument: 'epds', result: { positive: null, urgent: true }, observedOn: day, today: day });
    expect(urgent.tasks[0].for).toEqual(['responsible', 'managers']);
    expect(urgent.flag).toEqual({ kind: 'epds_self_harm', severity: 'urgent', about: 'respondent' });
    const decision = planFollowUp({ instrument: 'adbb', result: { positive: true, urgent: false }, observedOn: day, today: day, earlierPositives: [day] });
    expect(decision.tasks[0].suggestions).toEqual(['extra_visits', 'referral', 'cross_professional_meeting']);
  });

  it('an earlier positive after the observation does not confirm it', () => {
    expect(confirmsEarlierPositive('2026-05-06', ['2026-05-07'])).toBe(false);
  });

  it('property: every EPDS with item 10 > 0 raises the flag and only same-day urgent tasks, whatever else was answered', () => {
    const answers = fc.tuple(fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }), { minLength: 9, maxLength: 9 }), fc.integer({ min: 1, max: 3 }));
    fc.assert(
      fc.property(answers, fc.integer({ min: 1, max: 30 }), ([rest, item10], threshold) => {
        const result = scoreInstrument('epds', [...rest, item10], { threshold });
        const plan = planFollowUp({ instrument: 'epds', result, observedOn: '2026-01-10', today: '2026-01-12' });
        expect(plan.flag).not.toBeNull();
        expect(plan.tasks.map((t) => [t.kind, t.dueOn, t.urgent])).toEqual([['epds_urgent', '2026-01-12', true]]);
      }),
    );
  });

  it('property: a screening that is not positive and not urgent never creates work', () => {
    fc.assert(
      fc.property(fc.constantFrom('adbb' as const, 'm-adbb' as const, 'epds' as const), fc.constantFrom(false, null), (instrument, positive) => {
        const plan = planFollowUp({ instrument, result: { positive, urgent: false }, observedOn: day, today: day, earlierPositives: [day] });
        expect(plan).toEqual({ tasks: [], flag: null });
      }),
    );
  });
});
