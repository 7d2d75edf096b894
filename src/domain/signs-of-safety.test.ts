import { describe, expect, it } from 'vitest';
import { checkStatementPairs, DEFAULT_SCALE_ANCHORS, decideSsdMeeting, isOverdue, isScaleRating, mayJoinSsdMeeting, SSD_UNIT_KINDS } from './signs-of-safety';

describe('decideSsdMeeting (rule C4: one meeting, one follow-up in special cases)', () => {
  it.each([
    [0, false, null, { allowed: true, ordinal: 1 }],
    [0, true, 'Særligt', { allowed: true, ordinal: 1 }],
    [1, false, null, { allowed: false, reason: 'follow_up_needs_special_case' }],
    [1, true, null, { allowed: false, reason: 'follow_up_needs_special_case' }],
    [1, true, '   ', { allowed: false, reason: 'follow_up_needs_special_case' }],
    [1, false, 'Begrundelse', { allowed: false, reason: 'follow_up_needs_special_case' }],
    [1, true, 'Aftalerne skal følges op', { allowed: true, ordinal: 2 }],
    [2, true, 'Aftalerne skal følges op', { allowed: false, reason: 'limit_reached' }],
    [2, false, null, { allowed: false, reason: 'limit_reached' }],
    [5, true, 'x', { allowed: false, reason: 'limit_reached' }],
  ] as const)('%i earlier, special case %s, reason %j → %j', (existing, specialCase, reason, expected) => {
    expect(decideSsdMeeting(existing, { specialCase, reason })).toEqual(expected);
  });
});

describe('mayJoinSsdMeeting (the listed kinds of § 49 a, stk. 1)', () => {
  it.each([
    ['health_visiting', 'health_visitor', true],
    ['nursery', 'pedagogue', true],
    ['childminding', 'pedagogue', true],
    ['kindergarten', 'manager', true],
    ['integrated_daycare', 'pedagogue', true],
    ['school', 'teacher', true],
    ['after_school', 'pedagogue', true],
    ['club', 'pedagogue', true],
    ['ppr', 'ppr_psychologist', true],
    ['family_centre', 'social_worker', true],
    ['social_services', 'social_worker', true],
    ['social_services', 'administrator', false],
    ['family_centre', 'analyst', false],
    [null, 'social_worker', false],
    ['dental_clinic_private', 'dentist', false],
  ] as const)('%s / %s → %s', (kind, profession, expected) => {
    expect(mayJoinSsdMeeting(kind, profession)).toBe(expected);
  });

  it('lists eleven unit kinds and is frozen', () => {
    expect(SSD_UNIT_KINDS).toHaveLength(11);
    expect(Object.isFrozen(SSD_UNIT_KINDS)).toBe(true);
  });
});

describe('checkStatementPairs (rule G1)', () => {
  it.each([
    [[], []],
    [[{ statement: 'Bekymring', goal: 'Mål' }], []],
    [[{ statement: 'Bekymring', goal: '' }], [{ index: 0, field: 'goal', code: 'goal_missing' }]],
    [[{ statement: 'Bekymring', goal: '  ' }], [{ index: 0, field: 'goal', code: 'goal_missing' }]],
    [[{ statement: '', goal: 'Mål' }], [{ index: 0, field: 'statement', code: 'statement_missing' }]],
    [[{ statement: '', goal: '' }], [{ index: 0, field: 'statement', code: 'statement_missing' }]],
    [
      [
        { statement: 'A', goal: 'B' },
        { statement: 'C', goal: '' },
        { statement: '', goal: 'D' },
      ],
      [
        { index: 1, field: 'goal', code: 'goal_missing' },
        { index: 2, field: 'statement', code: 'statement_missing' },
      ],
    ],
  ])('%j → %j', (pairs, expected) => {
    expect(checkStatementPairs(pairs)).toEqual(expected);
  });
});

describe('isScaleRating', () => {
  it.each([
    [0, true],
    [10, true],
    [5, true],
    [-1, false],
    [11, false],
    [5.5, false],
    ['5', false],
    [null, false],
  ])('%j → %s', (value, expected) => {
    expect(isScaleRating(value)).toBe(expected);
  });
});

describe('DEFAULT_SCALE_ANCHORS', () => {
  it('has Danish texts for 0 and 10 for both wordings', () => {
    expect(DEFAULT_SCALE_ANCHORS.safety.low).toContain('ikke sikkert');
    expect(DEFAULT_SCALE_ANCHORS.safety.high).toContain('lukkes');
    expect(DEFAULT_SCALE_ANCHORS.wellbeing.high).toContain('trives');
  });
});

describe('isOverdue', () => {
  it.each([
    ['2026-11-20', 'open', '2026-11-22', true],
    ['2026-11-22', 'open', '2026-11-22', false],
    ['2026-11-23', 'open', '2026-11-22', false],
    ['2026-11-20', 'done', '2026-11-22', false],
  ] as const)('%s %s on %s → %s', (due, status, today, expected) => {
    expect(isOverdue(due, status, today)).toBe(expected);
  });
});
