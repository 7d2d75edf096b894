/**
 * The single answer to "may this staff member read this shared item now?"
 * (domain.md §6.2–6.3, rules C1–C3).
 *
 * A disclosure is readable by a staff member when
 * - they are a current member of the unit it was shared with, in the same
 *   municipality, and
 * - its legal basis is a recorded exception (notification duty, vital
 *   interest), or the consent it was shared under still covers it today:
 *   same recipient (the unit, or the reader's profession for consents naming
 *   professions), purpose and category.
 *
 * Chosen behaviour on withdrawal and expiry: the consent stops covering at
 * once, for new sharing AND for reading through Spire what was shared under
 * it. What the recipient already read cannot be unread, but Spire no longer
 * shows it; the disclosure row itself (with its frozen copy) stays as the
 * record of what was shared, for the health visitor and the parents.
 */
import { type ConsentPurpose, type ConsentTerms, consentCovers } from '../../domain/consent';
import type { Actor } from './actor';

/** What the rule needs about a disclosure. */
export interface DisclosureFacts {
  municipalityId: string;
  toUnitId: string;
  toUnitKind: string;
  category: string;
  purpose: string;
  legalBasis: 'consent' | 'notification_duty' | 'vital_interest';
}

/**
 * The consent terms of a consent row (withdrawal counted from the Danish date it was recorded).
 * @example consentTermsOf(row, todayInDenmark(row.withdrawn_at))
 */
export function consentTermsOf(
  row: { purpose: string; recipient_unit_ids: string[]; recipient_professions: string[]; categories: string[]; valid_from: string; valid_until: string | null },
  withdrawnOn: string | null,
): ConsentTerms {
  return {
    purpose: row.purpose as ConsentPurpose,
    recipientUnitIds: row.recipient_unit_ids,
    recipientProfessions: row.recipient_professions,
    categories: row.categories,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    withdrawnOn,
  };
}

/**
 * True when the actor may read the disclosed item on `today`.
 * @example maySeeDisclosure(actor, facts, consentTerms, todayInDenmark())
 */
export function maySeeDisclosure(actor: Actor, disclosure: DisclosureFacts, consent: ConsentTerms | null, today: string): boolean {
  if (actor.kind !== 'staff') return false;
  if (actor.municipalityId !== disclosure.municipalityId) return false;
  if (!actor.units.some((unit) => unit.id === disclosure.toUnitId)) return false;
  if (disclosure.legalBasis !== 'consent') return true;
  return consentCovers(consent, {
    recipientUnitId: disclosure.toUnitId,
    recipientUnitKind: disclosure.toUnitKind,
    profession: actor.profession,
    purpose: disclosure.purpose as ConsentPurpose,
    category: disclosure.category,
    on: today,
  });
}

/**
 * True when the consent allows sharing to the unit now (rule C2: withdrawn or expired blocks new sharing at once).
 * @example mayShareUnderConsent(terms, { unitId, unitKind: 'nursery' }, 'handover_daycare', 'health', today)
 */
export function mayShareUnderConsent(
  consent: ConsentTerms | null,
  to: { unitId: string; unitKind: string },
  purpose: ConsentPurpose,
  category: string,
  today: string,
): boolean {
  return consentCovers(consent, { recipientUnitId: to.unitId, recipientUnitKind: to.unitKind, purpose, category, on: today });
}
