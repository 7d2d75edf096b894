/**
 * Screening rules that are not about one child. The child's own screening
 * data follows `health:*` in ./children.ts (the child's caseload unit only).
 */
import type { Actor } from '../actor';

/**
 * The screening coverage overview of a health-visiting unit (counts only, no
 * child identities) is for the unit's own staff, its managers included: they
 * are members of the unit.
 * @example seesUnitScreeningOverview(actor, unitId) // true for a member of that health-visiting unit
 */
export function seesUnitScreeningOverview(actor: Actor, unitId: string): boolean {
  if (actor.kind !== 'staff') return false;
  return actor.units.some((unit) => unit.id === unitId && unit.kind === 'health_visiting');
}
