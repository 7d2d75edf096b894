import { describe, expect, it } from 'vitest';
import {
  attendedSessions,
  certifiedOnAll,
  firstWeekdayOnOrAfter,
  isCompleted,
  isSmallNumber,
  median,
  type PlaceCandidate,
  placeForNewcomer,
  planPlaces,
  planSessions,
  waitingList,
} from './courses';

const p = (id: string, state: PlaceCandidate['state'], referredAt: string, offerExpiresOn: string | null = null): PlaceCandidate => ({
  id,
  state,
  referredAt,
  offerExpiresOn,
});

describe('the sessions of a course', () => {
  it.each([
    ['2026-11-22', 1, '2026-11-23'], // Sunday → next Monday
    ['2026-11-23', 1, '2026-11-23'], // already Monday
    ['2026-11-23', 7, '2026-11-29'],
    ['2026-12-31', 4, '2026-12-31'], // Thursday
    ['2026-12-31', 3, '2027-01-06'],
  ])('from %s the first ISO weekday %i is %s', (date, weekday, expected) => {
    expect(firstWeekdayOnOrAfter(date, weekday)).toBe(expected);
  });

  it('plans COS-P as 8 weekly sessions of 90 minutes, over the new year', () => {
    const sessions = planSessions({ startDate: '2026-12-01', weekday: 3, startTime: '09:30', durationMinutes: 90, sessionCount: 8 });
    expect(sessions.map((s) => s.date)).toEqual([
      '2026-12-02', '2026-12-09', '2026-12-16', '2026-12-23', '2026-12-30', '2027-01-06', '2027-01-13', '2027-01-20',
    ]);
    expect(sessions.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(sessions.map((s) => `${s.startTime}/${s.durationMinutes}`))).toEqual(new Set(['09:30/90']));
  });
});

describe('capacity and the waiting list', () => {
  const full = [
    p('e1', 'enrolled', '2026-10-01T08:00:00Z'),
    p('e2', 'enrolled', '2026-10-01T09:00:00Z'),
    p('w2', 'waiting', '2026-10-03T08:00:00Z'),
    p('w1', 'waiting', '2026-10-02T08:00:00Z'),
    p('d1', 'dropped_out', '2026-09-01T08:00:00Z'),
  ];

  it('orders the waiting list by time of referral', () => {
    expect(waitingList(full).map((x) => x.id)).toEqual(['w1', 'w2']);
  });

  it.each([
    // capacity, participants, today, expire, offer, free after
    ['a full course offers nothing', 2, full, '2026-11-01', [], [], 0],
    ['one free place goes to the first in line, not the second', 3, full, '2026-11-01', [], ['w1'], 0],
    ['two free places go to both, in order', 5, full, '2026-11-01', [], ['w1', 'w2'], 1],
    [
      'a lapsed offer frees its place for the next in line',
      3,
      [...full.filter((x) => x.id !== 'w1'), p('o1', 'offered', '2026-09-30T00:00:00Z', '2026-10-31')],
      '2026-11-01',
      ['o1'],
      ['w2'],
      0,
    ],
    [
      'an offer still open on its last day holds the place',
      3,
      [...full.filter((x) => x.id !== 'w1'), p('o1', 'offered', '2026-09-30T00:00:00Z', '2026-11-01')],
      '2026-11-01',
      [],
      [],
      0,
    ],
    ['completed families keep their places', 2, [p('c1', 'completed', '2026-01-01'), p('n1', 'not_completed', '2026-01-01'), p('w', 'waiting', '2026-02-01')], '2026-11-01', [], [], 0],
    ['declined and dropped-out families free theirs', 2, [p('x1', 'declined', '2026-01-01'), p('d', 'dropped_out', '2026-01-01'), p('w', 'waiting', '2026-02-01')], '2026-11-01', [], ['w'], 1],
  ] as const)('%s', (_, capacity, participants, today, expire, offer, freeAfter) => {
    const plan = planPlaces(capacity, [...participants], today);
    expect(plan).toEqual({ expire: [...expire], offer: [...offer], freeAfter });
  });

  it('puts a newcomer on the waiting list when full or when others wait first', () => {
    expect(placeForNewcomer(2, full, '2026-11-01')).toBe('waiting');
    expect(placeForNewcomer(3, full, '2026-11-01')).toBe('waiting'); // w1 is first in line for the free place
    expect(placeForNewcomer(5, full, '2026-11-01')).toBe('offered');
    expect(placeForNewcomer(6, [], '2026-11-01')).toBe('offered');
  });
});

describe('facilitator certification', () => {
  const cosp = (validFrom: string, validUntil: string | null) => ({ kind: 'cosp_facilitator', validFrom, validUntil });
  it.each([
    ['valid for good', [cosp('2025-01-01', null)], true],
    ['expired before the course', [cosp('2020-01-01', '2026-11-01')], false],
    ['expires during the course', [cosp('2020-01-01', '2026-12-10')], false],
    ['starts during the course', [cosp('2026-12-05', null)], false],
    ['renewed without a gap', [cosp('2020-01-01', '2026-12-09'), cosp('2026-12-10', null)], true],
    ['another kind only', [{ kind: 'adbb', validFrom: '2020-01-01', validUntil: null }], false],
    ['none', [], false],
  ])('%s → %s', (_, certifications, expected) => {
    expect(certifiedOnAll(certifications, 'cosp_facilitator', ['2026-12-02', '2026-12-09', '2026-12-16'])).toBe(expected);
  });
});

describe('completion', () => {
  const marks = (present: number, absent: number) => [
    ...Array.from({ length: present }, (_, i) => ({ sessionId: `s${i}`, status: 'present' as const })),
    ...Array.from({ length: absent }, (_, i) => ({ sessionId: `s${present + i}`, status: 'absent' as const })),
  ];
  it.each([
    [8, 0, 6, true],
    [6, 2, 6, true],
    [5, 3, 6, false],
    [0, 8, 6, false],
    [1, 0, null, true],
    [0, 1, null, false],
  ])('%i present, %i absent, minimum %s → completed %s', (present, absent, minimum, expected) => {
    expect(isCompleted(attendedSessions(marks(present, absent)), minimum)).toBe(expected);
  });

  it('counts a session once when both parents came', () => {
    expect(attendedSessions([{ sessionId: 'a', status: 'present' }, { sessionId: 'a', status: 'present' }, { sessionId: 'b', status: 'excused' }])).toBe(1);
  });
});

describe('unit overview numbers', () => {
  it.each([
    [[], null],
    [[4], 4],
    [[3, 1, 2], 2],
    [[1, 2, 3, 10], 2.5],
  ])('median of %j is %s', (values, expected) => expect(median(values)).toBe(expected));

  it.each([
    [0, true],
    [4, true],
    [5, false],
  ])('%i participants is a small number: %s', (n, expected) => expect(isSmallNumber(n)).toBe(expected));
});
