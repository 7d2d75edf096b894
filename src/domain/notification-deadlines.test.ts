import { describe, expect, it } from 'vitest';
import { acuteAssessmentDueAt, notificationDeadlines, receiptDueOn } from './notification-deadlines';

describe('receiptDueOn (6 working days, day of receipt = day 0)', () => {
  it.each([
    // An ordinary week
    ['2026-11-23', undefined, '2026-12-01'], // Monday → Tuesday next week
    ['2026-11-27', undefined, '2026-12-07'], // Friday
    ['2026-11-28', undefined, '2026-12-07'], // Saturday counts from the Saturday
    ['2026-11-29', undefined, '2026-12-07'], // Sunday
    // Easter 2026 (2, 3, 5, 6 April)
    ['2026-03-31', undefined, '2026-04-13'],
    ['2026-04-01', undefined, '2026-04-14'],
    ['2026-03-27', undefined, '2026-04-09'],
    // Easter 2027 (25, 26, 28, 29 March)
    ['2027-03-22', undefined, '2027-04-02'],
    // Easter 2024 (28, 29, 31 March, 1 April) and the abolished General Prayer Day (26 April 2024 is a working day)
    ['2024-03-27', undefined, '2024-04-09'],
    ['2024-04-22', undefined, '2024-04-30'],
    // 2023: General Prayer Day (5 May) still a holiday
    ['2023-04-28', undefined, '2023-05-09'],
    // Christmas and New Year with the default closing days (24 and 31 December)
    ['2026-12-22', undefined, '2027-01-05'],
    ['2026-12-23', undefined, '2027-01-06'],
    ['2026-12-24', undefined, '2027-01-06'],
    ['2027-12-23', undefined, '2028-01-04'],
    ['2028-12-20', undefined, '2029-01-02'],
    // Without extra closing days
    ['2026-12-22', [], '2026-12-31'],
    ['2026-12-23', [], '2027-01-04'],
    // Constitution Day, and a municipality's own closing day
    ['2026-06-01', undefined, '2026-06-10'],
    ['2026-06-01', [], '2026-06-09'],
    ['2026-11-23', ['2026-11-27'], '2026-12-02'],
  ] as Array<[string, string[] | undefined, string]>)('%s with %j → %s', (received, closing, expected) => {
    expect(receiptDueOn(received, closing)).toBe(expected);
  });
});

describe('acuteAssessmentDueAt (24 hours)', () => {
  it('is 24 hours after receipt, across the change to summer time too', () => {
    expect(acuteAssessmentDueAt('2026-11-23T08:15:00.000Z')).toBe('2026-11-24T08:15:00.000Z');
    expect(acuteAssessmentDueAt('2026-03-28T12:00:00.000Z')).toBe('2026-03-29T12:00:00.000Z');
  });

  it('throws INVALID_INPUT for something that is not an instant', () => {
    expect(() => acuteAssessmentDueAt('soon')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('notificationDeadlines', () => {
  const base = { receivedAt: '2026-11-23T08:00:00.000Z', receivedOn: '2026-11-23' };

  it.each([
    // [today, now, confirmedOn, assessedAt, receiptStatus, acuteStatus, breaches]
    ['2026-11-23', '2026-11-23T10:00:00.000Z', null, null, 'open', 'open', []],
    ['2026-12-01', '2026-12-01T10:00:00.000Z', null, null, 'due_today', 'overdue', ['acute_late']],
    ['2026-12-02', '2026-12-02T10:00:00.000Z', null, null, 'overdue', 'overdue', ['receipt_late', 'acute_late']],
    ['2026-12-02', '2026-12-02T10:00:00.000Z', '2026-12-01', '2026-11-24T08:00:00.000Z', 'met', 'met', []],
    ['2026-12-02', '2026-12-02T10:00:00.000Z', '2026-12-02', '2026-11-24T08:00:01.000Z', 'met_late', 'met_late', ['receipt_late', 'acute_late']],
    ['2026-11-24', '2026-11-24T07:59:59.000Z', null, null, 'open', 'open', []],
  ] as Array<[string, string, string | null, string | null, string, string, string[]]>)(
    'today %s, now %s, confirmed %s, assessed %s → %s / %s',
    (today, now, confirmedOn, assessedAt, receiptStatus, acuteStatus, breaches) => {
      const result = notificationDeadlines({ ...base, today, now, receiptConfirmedOn: confirmedOn, acuteAssessedAt: assessedAt });
      expect(result).toEqual({ acuteDueAt: '2026-11-24T08:00:00.000Z', acuteStatus, receiptDueOn: '2026-12-01', receiptStatus, breaches });
    },
  );

  it('uses the municipality’s extra closing days', () => {
    const result = notificationDeadlines({ ...base, today: '2026-12-02', now: '2026-12-02T10:00:00.000Z', extraClosingDays: ['2026-11-30'] });
    expect(result.receiptDueOn).toBe('2026-12-02');
    expect(result.receiptStatus).toBe('due_today');
  });
});
