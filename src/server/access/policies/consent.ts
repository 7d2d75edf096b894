/**
 * Sharing health information with another unit (domain.md §6.2, rule C1):
 * only the child's own health-visiting unit discloses it. Whether a
 * recipient may read what was disclosed is decided in ../consent.ts.
 */
import type { Actor } from '../actor';
import type { ChildFacts } from '../child-access';
import type { ResourceFacts, RuleSet } from '../policy';

/**
 * A member of the child's caseload unit (or, without facts: of any health-visiting unit).
 * @example disclosesHealth(actor, childFacts) // true for the child's health visitor
 */
export function disclosesHealth(actor: Actor, resource?: ResourceFacts): boolean {
  if (actor.kind !== 'staff') return false;
  const units = actor.units.filter((u) => u.kind === 'health_visiting').map((u) => u.id);
  const child = resource as ChildFacts | undefined;
  if (!child) return units.length > 0;
  return child.municipalityId === actor.municipalityId && units.some((id) => child.healthUnitIds.includes(id));
}

/** The rule for disclosing `health` information. */
export const consentRules: RuleSet = {
  'health:disclose': disclosesHealth,
};
