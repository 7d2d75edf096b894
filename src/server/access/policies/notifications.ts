/**
 * Notifications (underretninger, Barnets Lov § 133; domain.md §6.1, N1–N7) are
 * `social` information:
 * - any staff member with a unit (a public employee) may notify, from one of
 *   their own units (never anonymously, N1); consent is never asked (N3);
 * - the notifier reads their own notifications (a reduced view, without the
 *   social services' assessment notes);
 * - the members of the recipient social services unit read and handle them.
 *
 * A rule looks at {@link NotificationFacts} (`kind: 'notification'`); without
 * facts it answers "could this actor ever" (the route gate).
 */
import type { Actor, StaffActor } from '../actor';
import type { ResourceFacts, RuleSet } from '../policy';

/** Facts about one notification (or, for `create`, the unit notified from). */
export interface NotificationFacts {
  /** Other areas' `social` rules look at their own kinds; these rules only at this one. */
  kind: 'notification';
  municipalityId?: string;
  notifierId?: string;
  /** The unit the notification is sent from (create). */
  notifierUnitId?: string;
  /** The social services unit that received it. */
  recipientUnitId?: string;
}

const staff = (actor: Actor): StaffActor | null => (actor.kind === 'staff' ? actor : null);
/** The facts, or null when they are another area's (`social` is shared with sparring and conversations). */
const asNotification = (resource?: ResourceFacts): NotificationFacts | null | undefined =>
  resource === undefined ? undefined : (resource as { kind?: unknown }).kind === 'notification' ? (resource as NotificationFacts) : null;
const sameMunicipality = (s: StaffActor, facts: NotificationFacts) => facts.municipalityId === undefined || facts.municipalityId === s.municipalityId;

/**
 * The actor's social services units (the units that receive notifications).
 * @example socialServicesUnitsOf(actor) // ['…Børn og Familie id…']
 */
export function socialServicesUnitsOf(actor: Actor): string[] {
  const s = staff(actor);
  return s ? s.units.filter((u) => u.kind === 'social_services').map((u) => u.id) : [];
}

/** A staff member with a unit, notifying from one of their own units. */
function mayNotify(actor: Actor, resource?: ResourceFacts): boolean {
  const s = staff(actor);
  if (!s || s.units.length === 0) return false;
  const facts = asNotification(resource);
  if (facts === undefined) return true;
  if (facts === null) return false;
  return sameMunicipality(s, facts) && facts.notifierUnitId !== undefined && s.units.some((u) => u.id === facts.notifierUnitId);
}

/** A member of the recipient social services unit. */
function handles(actor: Actor, resource?: ResourceFacts): boolean {
  const s = staff(actor);
  if (!s) return false;
  const units = socialServicesUnitsOf(s);
  const facts = asNotification(resource);
  if (facts === undefined) return units.length > 0;
  if (facts === null) return false;
  return sameMunicipality(s, facts) && facts.recipientUnitId !== undefined && units.includes(facts.recipientUnitId);
}

/** The notifier themself, or a member of the recipient unit. */
function reads(actor: Actor, resource?: ResourceFacts): boolean {
  const s = staff(actor);
  if (!s || s.units.length === 0) return false;
  const facts = asNotification(resource);
  if (facts === undefined) return true;
  if (facts === null) return false;
  return (sameMunicipality(s, facts) && facts.notifierId === s.id) || handles(s, facts);
}

/**
 * The rules for `social` information about notifications. `social` is shared
 * with other areas, so policy.ts OR-combines these with theirs; each rule
 * answers false for facts of another kind.
 */
export const notificationRules: RuleSet = {
  'social:create': mayNotify,
  'social:search': reads,
  'social:read': reads,
  'social:update': handles,
};
