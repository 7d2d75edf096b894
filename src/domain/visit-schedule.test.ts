import { describe, expect, it } from 'vitest';
import { addMonths } from './dates';
import { contactStatus, planContacts, shift } from './visit-schedule';

const window = (facts: Parameters<typeof planContacts>[0], key: string) => {
  const contact = planContacts(facts).find((c) => c.key === key);
  return contact ? [contact.earliest, contact.latest] : undefined;
};

describe('addMonths clamps to the end of the month', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2028-02-29', 48, '2032-02-29'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-11-30', 3, '2027-02-28'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('the national minimum programme', () => {
  it('gives five universal contacts after birth, in order', () => {
    const contacts = planContacts({ birthDate: '2026-03-10' });
    expect(contacts.map((c) => c.key)).toEqual(['establishing', 'first_month', 'two_months', 'four_six_months', 'eight_ten_months']);
    for (const c of contacts) expect(c.earliest <= c.latest).toBe(true);
  });

  it.each([
    // birth date, contact, earliest, latest
    ['2026-01-31', 'first_month', '2026-02-08', '2026-02-28'],
    ['2024-01-31', 'first_month', '2024-02-08', '2024-02-29'],
    ['2026-12-28', 'establishing', '2026-12-31', '2027-01-04'],
    ['2024-02-29', 'establishing', '2024-03-03', '2024-03-07'],
    ['2026-10-31', 'four_six_months', '2027-02-28', '2027-04-30'],
    ['2027-06-30', 'eight_ten_months', '2028-02-29', '2028-04-30'],
    ['2026-11-22', 'two_months', '2027-01-17', '2027-02-14'],
  ])('born %s: %s from %s to %s', (birthDate, key, earliest, latest) => {
    expect(window({ birthDate }, key)).toEqual([earliest, latest]);
  });
});

describe('tracks', () => {
  it('plans only the pregnancy visit before birth, counted back from the expected date', () => {
    const contacts = planContacts({ expectedDate: '2027-03-01' });
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ key: 'pregnancy', earliest: '2026-12-07', latest: '2027-02-01' });
  });

  it('keeps the pregnancy visit after birth when there was a pregnancy record', () => {
    const keys = planContacts({ expectedDate: '2027-03-01', birthDate: '2027-02-26' }).map((c) => c.key);
    expect(keys[0]).toBe('pregnancy');
    expect(keys).toContain('establishing');
  });

  it('adds an early visit on day 2–5 when discharged within 72 hours', () => {
    expect(window({ birthDate: '2026-02-27', dischargedWithin72h: true }, 'early')).toEqual(['2026-03-01', '2026-03-04']);
    expect(window({ birthDate: '2026-02-27', dischargedWithin72h: false }, 'early')).toBeUndefined();
  });

  it('adds visits at 1½ and 3 years on the extended track only', () => {
    expect(window({ birthDate: '2024-02-29', extendedTrack: true }, 'eighteen_months')).toEqual(['2025-07-29', '2025-09-29']);
    expect(window({ birthDate: '2024-02-29', extendedTrack: true }, 'three_years')).toEqual(['2027-01-29', '2027-03-29']);
    expect(window({ birthDate: '2024-02-29' }, 'three_years')).toBeUndefined();
  });

  it('needs a birth date or an expected date', () => {
    expect(() => planContacts({})).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('contact status', () => {
  const contact = { earliest: '2026-03-01', latest: '2026-03-31' };
  it.each([
    ['2026-02-28', false, 'upcoming'],
    ['2026-03-01', false, 'due'],
    ['2026-03-31', false, 'due'],
    ['2026-04-01', false, 'overdue'],
    ['2026-04-01', true, 'done'],
  ] as const)('on %s (done: %s) it is %s', (today, done, status) => {
    expect(contactStatus(contact, today, done)).toBe(status);
  });

  it('shift applies months before days', () => {
    expect(shift('2026-01-31', { months: 1, days: 1 })).toBe('2026-03-01');
  });
});
