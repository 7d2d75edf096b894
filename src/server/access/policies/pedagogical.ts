/**
 * Pedagogical data (architecture.md §4): daycare and school staff see
 * `pedagogical` information (wellbeing ratings, observations) about children
 * enrolled (now or planned) in a unit they are a member of. Health visitors do
 * not: their units are health-visiting units, and crossing that professional
 * boundary needs a legal basis (a consent feature, later), not a rule here.
 *
 * A rule looks at one of two kinds of resource facts:
 * - a child ({@link ChildFacts}: `municipalityId`, `enrolledUnitIds`), optionally
 *   narrowed to one unit with `unitId` (a round's unit: data stay with the institution);
 * - a unit (`{ unitId }` without `enrolledUnitIds`): the actor is a member of it.
 * Without facts a rule answers "could this actor ever" (the route gate): any
 * membership of a unit that is not a health-visiting unit.
 */
import type { Actor, StaffActor } from '../actor';
import type { ResourceFacts, RuleSet } from '../policy';

/** Facts a pedagogical rule looks at. */
export interface PedagogicalFacts {
  municipalityId?: string;
  /** The child's units with a current or planned enrolment (a child resource). */
  enrolledUnitIds?: string[];
  /** The unit the data belong to (a round's unit), or the unit asked about. */
  unitId?: string;
}

const staff = (actor: Actor): StaffActor | null => (actor.kind === 'staff' ? actor : null);

/**
 * The actor's units that may hold pedagogical data: every unit that is not a health-visiting unit.
 * @example pedagogicalUnitsOf(actor) // ['…nursery id…']
 */
export function pedagogicalUnitsOf(actor: Actor): string[] {
  const s = staff(actor);
  return s ? s.units.filter((u) => u.kind !== 'health_visiting').map((u) => u.id) : [];
}

/**
 * Member of a non-health unit where the child is enrolled (and, when `unitId`
 * is given, that very unit); for a unit resource, member of that unit.
 * @example seesPedagogical(actor, { ...childFacts, unitId: round.unitId })
 */
export function seesPedagogical(actor: Actor, resource?: ResourceFacts): boolean {
  const s = staff(actor);
  if (!s) return false;
  const units = pedagogicalUnitsOf(s);
  const facts = resource as PedagogicalFacts | undefined;
  if (!facts) return units.length > 0;
  if (facts.municipalityId !== undefined && facts.municipalityId !== s.municipalityId) return false;
  if (facts.unitId !== undefined && !units.includes(facts.unitId)) return false;
  if (facts.enrolledUnitIds === undefined) return facts.unitId !== undefined;
  const enrolled = facts.enrolledUnitIds;
  return facts.unitId !== undefined ? enrolled.includes(facts.unitId) : units.some((id) => enrolled.includes(id));
}

/** The rules for `pedagogical` information. */
export const pedagogicalRules: RuleSet = {
  'pedagogical:read': seesPedagogical,
  'pedagogical:create': seesPedagogical,
  'pedagogical:update': seesPedagogical,
};
