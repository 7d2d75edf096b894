/** The single rule for reading shared items (access/consent.ts): the receiving unit only, while the legal basis holds. */
import { describe, expect, it } from 'vitest';
import type { ConsentTerms } from '../../domain/consent';
import type { StaffActor } from './actor';
import { type DisclosureFacts, maySeeDisclosure, mayShareUnderConsent } from './consent';

const staff = (profession: string, unitId: string, kind: string, municipalityId = 'm1'): StaffActor => ({
  kind: 'staff', id: `${profession}-id`, name: profession, username: profession, profession, municipalityId,
  units: [{ id: unitId, kind, districtId: 'd' }], certifications: [], sessionId: 's',
});
const pedagogue = staff('pedagogue', 'nursery', 'nursery');
const consent: ConsentTerms = { purpose: 'handover_daycare', recipientUnitIds: ['nursery'], recipientProfessions: [], categories: ['health'], validFrom: '2026-01-01', validUntil: null, withdrawnOn: null };
const disclosure: DisclosureFacts = { municipalityId: 'm1', toUnitId: 'nursery', toUnitKind: 'nursery', category: 'health', purpose: 'handover_daycare', legalBasis: 'consent' };
const today = '2026-11-23';

describe('maySeeDisclosure', () => {
  it.each([
    ['the receiving unit under a valid consent', pedagogue, disclosure, consent, true],
    ['another unit', staff('pedagogue', 'other', 'nursery'), disclosure, consent, false],
    ['another municipality', staff('pedagogue', 'nursery', 'nursery', 'm2'), disclosure, consent, false],
    ['the receiving unit, consent withdrawn', pedagogue, disclosure, { ...consent, withdrawnOn: '2026-11-20' }, false],
    ['the receiving unit, consent expired', pedagogue, disclosure, { ...consent, validUntil: '2026-11-22' }, false],
    ['the receiving unit, no consent', pedagogue, disclosure, null, false],
    ['notification duty needs no consent', pedagogue, { ...disclosure, legalBasis: 'notification_duty' }, null, true],
    ['vital interest needs no consent', pedagogue, { ...disclosure, legalBasis: 'vital_interest' }, null, true],
    ['an exception still only for the receiving unit', staff('pedagogue', 'other', 'nursery'), { ...disclosure, legalBasis: 'vital_interest' }, null, false],
    ['nobody signed in', { kind: 'anonymous' } as const, disclosure, consent, false],
  ] as const)('%s → %s', (_, actor, facts, terms, expected) => {
    expect(maySeeDisclosure(actor, facts, terms, today)).toBe(expected);
  });
});

describe('mayShareUnderConsent', () => {
  it('needs the unit, purpose and category covered today', () => {
    expect(mayShareUnderConsent(consent, { unitId: 'nursery', unitKind: 'nursery' }, 'handover_daycare', 'health', today)).toBe(true);
    expect(mayShareUnderConsent(consent, { unitId: 'nursery', unitKind: 'nursery' }, 'handover_daycare', 'social', today)).toBe(false);
    expect(mayShareUnderConsent(consent, { unitId: 'school', unitKind: 'school' }, 'handover_daycare', 'health', today)).toBe(false);
    expect(mayShareUnderConsent({ ...consent, withdrawnOn: today }, { unitId: 'nursery', unitKind: 'nursery' }, 'handover_daycare', 'health', today)).toBe(false);
  });
});
