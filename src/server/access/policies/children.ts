/**
 * Children's data (architecture.md §4): health visitors see `basic` and
 * `health` for children on their unit's caseload; daycare and school staff see
 * `basic` for children enrolled (now or planned) in their unit, never `health`;
 * staff brought into a child's case by open work (a sparring request, a meeting,
 * a course: `involvedStaffIds`) see `basic`.
 * Without resource facts a rule answers "could this actor ever" (the route gate).
 */
import type { Actor, StaffActor } from '../actor';
import type { ChildFacts } from '../child-access';
import type { ResourceFacts, RuleSet } from '../policy';

const staff = (actor: Actor): StaffActor | null => (actor.kind === 'staff' ? actor : null);
const healthUnitsOf = (actor: StaffActor) => actor.units.filter((u) => u.kind === 'health_visiting').map((u) => u.id);
const otherUnitsOf = (actor: StaffActor) => actor.units.filter((u) => u.kind !== 'health_visiting').map((u) => u.id);
const asChild = (resource?: ResourceFacts) => resource as ChildFacts | undefined;
const overlaps = (a: string[], b: string[]) => a.some((id) => b.includes(id));

/** In one of the child's caseload units (or, without facts: in any health-visiting unit). */
function inHealthUnit(actor: Actor, resource?: ResourceFacts): boolean {
  const s = staff(actor);
  if (!s) return false;
  const child = asChild(resource);
  if (!child) return healthUnitsOf(s).length > 0;
  return child.municipalityId === s.municipalityId && overlaps(healthUnitsOf(s), child.healthUnitIds);
}

/** In the child's caseload unit, a unit the child is enrolled in, or brought into the child's case. */
function seesBasic(actor: Actor, resource?: ResourceFacts): boolean {
  const s = staff(actor);
  if (!s) return false;
  const child = asChild(resource);
  if (!child) return s.units.length > 0;
  if (child.municipalityId !== s.municipalityId) return false;
  return (
    overlaps(healthUnitsOf(s), child.healthUnitIds) ||
    overlaps(otherUnitsOf(s), child.enrolledUnitIds) ||
    child.involvedStaffIds.includes(s.id)
  );
}

/** The rules for `basic` and `health` information about children. */
export const childRules: RuleSet = {
  'basic:search': seesBasic,
  'basic:read': seesBasic,
  'basic:create': inHealthUnit,
  'basic:update': inHealthUnit,
  'basic:disclose': inHealthUnit,
  'health:read': inHealthUnit,
  'health:create': inHealthUnit,
  'health:update': inHealthUnit,
};
