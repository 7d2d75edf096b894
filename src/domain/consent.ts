/**
 * Consent to share information about a child (domain.md §6.2, rules C1–C2):
 * whether a recorded consent covers a given crossing of information — to
 * this recipient, for this purpose, in this category, on this day.
 *
 * A consent names its recipients as units and/or professions. A profession
 * covers the units where that profession works (a teacher: schools), so that
 * "the child's future teacher" can be consented to before the class is known.
 * Withdrawn or expired consent covers nothing from the day it ends
 * (withdrawal counts from the day it was recorded).
 */
import { addDays } from './dates';
import { addWorkingDays } from './working-days';

/** Why information is shared. */
export const CONSENT_PURPOSES = ['handover_daycare', 'handover_school', 'cooperation', 'meeting'] as const;
/** Why information is shared. */
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** The categories of information a consent can cover. */
export const CONSENT_CATEGORIES = ['basic', 'health', 'pedagogical', 'social'] as const;
/** A category of information a consent can cover. */
export type ConsentCategory = (typeof CONSENT_CATEGORIES)[number];

/** How the consent was given. */
export const CONSENT_FORMS = ['written', 'oral', 'digital'] as const;
/** How the consent was given. */
export type ConsentForm = (typeof CONSENT_FORMS)[number];

/** Where each recipient profession works (unit kinds), for consents that name professions. */
export const PROFESSION_UNIT_KINDS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  pedagogue: ['childminding', 'nursery', 'kindergarten', 'integrated_daycare', 'after_school', 'club'],
  teacher: ['school'],
  ppr_psychologist: ['ppr'],
  social_worker: ['social_services', 'family_centre'],
  family_therapist: ['family_centre'],
});

/** The terms of a consent that decide what it covers. */
export interface ConsentTerms {
  purpose: ConsentPurpose;
  recipientUnitIds: readonly string[];
  recipientProfessions: readonly string[];
  categories: readonly string[];
  /** 'YYYY-MM-DD' */
  validFrom: string;
  /** 'YYYY-MM-DD', inclusive; null = until withdrawn. */
  validUntil: string | null;
  /** The Danish date the withdrawal was recorded ('YYYY-MM-DD'), or null. */
  withdrawnOn: string | null;
}

/** One crossing of information to check. */
export interface SharingQuestion {
  recipientUnitId: string;
  recipientUnitKind: string;
  /** The reader's profession, when a person in the unit reads; left out when sharing to the unit. */
  profession?: string;
  purpose: ConsentPurpose;
  category: string;
  /** 'YYYY-MM-DD' */
  on: string;
}

/** A consent's state on a day. */
export type ConsentState = 'valid' | 'not_yet_valid' | 'expired' | 'withdrawn';

/**
 * The state of a consent on a day: withdrawn wins over expired.
 * @example consentState({ ...terms, validUntil: '2026-01-31' }, '2026-02-01') // 'expired'
 */
export function consentState(consent: ConsentTerms, on: string): ConsentState {
  if (consent.withdrawnOn !== null && consent.withdrawnOn <= on) return 'withdrawn';
  if (on < consent.validFrom) return 'not_yet_valid';
  if (consent.validUntil !== null && on > consent.validUntil) return 'expired';
  return 'valid';
}

/**
 * True when the consent covers the sharing: valid on the day, the same
 * purpose, the category named, and the recipient named — the unit itself, or
 * a profession working in that kind of unit (and, when a reader is given, the
 * reader's own profession).
 * @example consentCovers(consent, { recipientUnitId: nurseryId, recipientUnitKind: 'nursery', purpose: 'handover_daycare', category: 'health', on: '2026-11-23' })
 */
export function consentCovers(consent: ConsentTerms | null | undefined, question: SharingQuestion): boolean {
  if (!consent) return false;
  if (consentState(consent, question.on) !== 'valid') return false;
  if (consent.purpose !== question.purpose) return false;
  if (!consent.categories.includes(question.category)) return false;
  if (consent.recipientUnitIds.includes(question.recipientUnitId)) return true;
  return consent.recipientProfessions.some(
    (profession) =>
      (question.profession === undefined || question.profession === profession) &&
      (PROFESSION_UNIT_KINDS[profession] ?? []).includes(question.recipientUnitKind),
  );
}

/** A handover to daycare becomes due this many days before the start (default 4 weeks). */
export const HANDOVER_LEAD_DAYS = 28;
/** An unacknowledged handover is flagged after this many working days. */
export const HANDOVER_ACKNOWLEDGE_WORKING_DAYS = 5;

/**
 * The day a handover to daycare becomes due: the start minus the lead time.
 * @example handoverDueFrom('2026-12-21') // '2026-11-23'
 */
export function handoverDueFrom(startsOn: string, leadDays: number = HANDOVER_LEAD_DAYS): string {
  return addDays(startsOn, -leadDays);
}

/**
 * True when a sent handover is still unacknowledged 5 working days after the day it was sent.
 * @example handoverAcknowledgementOverdue('2026-11-16', null, '2026-11-23') // true (Mon → next Mon)
 */
export function handoverAcknowledgementOverdue(sentOn: string | null, acknowledgedOn: string | null, today: string): boolean {
  if (sentOn === null || acknowledgedOn !== null) return false;
  return today >= addWorkingDays(sentOn, HANDOVER_ACKNOWLEDGE_WORKING_DAYS);
}
