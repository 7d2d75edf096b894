import { describe, expect, it } from 'vitest';
import { type ConsentTerms, consentCovers, consentState, handoverAcknowledgementOverdue, handoverDueFrom, type SharingQuestion } from './consent';

const consent: ConsentTerms = {
  purpose: 'handover_daycare',
  recipientUnitIds: ['nursery-1'],
  recipientProfessions: [],
  categories: ['basic', 'health'],
  validFrom: '2026-11-01',
  validUntil: '2026-12-31',
  withdrawnOn: null,
};
const ask: SharingQuestion = { recipientUnitId: 'nursery-1', recipientUnitKind: 'nursery', purpose: 'handover_daycare', category: 'health', on: '2026-11-23' };

describe('consentCovers', () => {
  it.each([
    ['none', null, ask, false],
    ['valid', consent, ask, true],
    ['valid on its first day', consent, { ...ask, on: '2026-11-01' }, true],
    ['valid on its last day', consent, { ...ask, on: '2026-12-31' }, true],
    ['valid without an end', { ...consent, validUntil: null }, { ...ask, on: '2030-01-01' }, true],
    ['expired', consent, { ...ask, on: '2027-01-01' }, false],
    ['not yet valid', consent, { ...ask, on: '2026-10-31' }, false],
    ['withdrawn today', { ...consent, withdrawnOn: '2026-11-23' }, ask, false],
    ['withdrawn earlier', { ...consent, withdrawnOn: '2026-11-02' }, ask, false],
    ['withdrawal recorded later does not rewrite the past', { ...consent, withdrawnOn: '2026-11-24' }, ask, true],
    ['wrong recipient unit', consent, { ...ask, recipientUnitId: 'nursery-2' }, false],
    ['wrong category', consent, { ...ask, category: 'social' }, false],
    ['wrong purpose', consent, { ...ask, purpose: 'cooperation' }, false],
    ['named unit, any reader in it', consent, { ...ask, profession: 'manager' }, true],
    ['profession: a teacher at a school', { ...consent, recipientUnitIds: [], recipientProfessions: ['teacher'] }, { ...ask, recipientUnitId: 'school-1', recipientUnitKind: 'school' }, true],
    ['profession: a teacher reading', { ...consent, recipientUnitIds: [], recipientProfessions: ['teacher'] }, { ...ask, recipientUnitId: 'school-1', recipientUnitKind: 'school', profession: 'teacher' }, true],
    ['profession: another profession at the school', { ...consent, recipientUnitIds: [], recipientProfessions: ['teacher'] }, { ...ask, recipientUnitId: 'school-1', recipientUnitKind: 'school', profession: 'pedagogue' }, false],
    ['profession: a teacher, but not at a school', { ...consent, recipientUnitIds: [], recipientProfessions: ['teacher'] }, ask, false],
    ['profession: PPR psychologist at PPR', { ...consent, recipientUnitIds: [], recipientProfessions: ['ppr_psychologist'] }, { ...ask, recipientUnitId: 'ppr-1', recipientUnitKind: 'ppr' }, true],
  ] as Array<[string, ConsentTerms | null, SharingQuestion, boolean]>)('%s → %s', (_, terms, question, expected) => {
    expect(consentCovers(terms, question)).toBe(expected);
  });
});

describe('consentState', () => {
  it.each([
    ['2026-11-23', null, 'valid'],
    ['2026-10-31', null, 'not_yet_valid'],
    ['2027-01-01', null, 'expired'],
    ['2027-01-01', '2026-12-01', 'withdrawn'],
    ['2026-11-23', '2026-11-23', 'withdrawn'],
  ] as Array<[string, string | null, string]>)('on %s, withdrawn %s → %s', (on, withdrawnOn, expected) => {
    expect(consentState({ ...consent, withdrawnOn }, on)).toBe(expected);
  });
});

describe('handover deadlines', () => {
  it('is due 28 days before the start', () => {
    expect(handoverDueFrom('2026-12-21')).toBe('2026-11-23');
    expect(handoverDueFrom('2026-12-21', 14)).toBe('2026-12-07');
  });
  it.each([
    ['2026-11-16', null, '2026-11-20', false], // Mon → Fri: 4 working days
    ['2026-11-16', null, '2026-11-23', true], // Mon → next Mon: 5 working days
    ['2026-11-20', null, '2026-11-26', false], // Fri → Thu: 4 working days (weekend skipped)
    ['2026-11-20', null, '2026-11-27', true],
    ['2026-11-16', '2026-11-18', '2026-12-01', false], // acknowledged
    [null, null, '2026-12-01', false], // not sent
    ['2026-12-21', null, '2026-12-29', false], // 24, 25, 26 December are not working days
  ] as Array<[string | null, string | null, string, boolean]>)('sent %s, acknowledged %s, on %s → flagged %s', (sent, acknowledged, today, expected) => {
    expect(handoverAcknowledgementOverdue(sent, acknowledged, today)).toBe(expected);
  });
});
