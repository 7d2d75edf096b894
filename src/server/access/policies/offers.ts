/**
 * Offers and courses (issue 7). The catalogue of offers is the municipality's
 * configuration (category `organisation`: every signed-in staff member reads
 * it, administrators change it). A course's roster, waiting list, offered
 * places and attendance are `course` information (social in kind) about the families taking
 * part: for the members of the unit running the course and for its
 * facilitators. Creating a course needs membership of a unit that runs the
 * offer. Referring a family is decided on the child (`basic` read: whoever
 * sees the child may refer), see modules/offers/repo.ts.
 */
import type { Actor, StaffActor } from '../actor';
import type { ResourceFacts, RuleSet } from '../policy';

/** What the course rules look at: a course (its unit and facilitators) or an offer (the units that run it). */
export interface CourseFacts {
  municipalityId: string;
  /** The course's unit, or the units that run the offer. */
  unitIds: string[];
  /** The course's facilitators (empty for an offer). */
  facilitatorIds: string[];
  /** For acting on one referral (accepting or declining an offered place): the professional who made it. */
  referrerId?: string;
}

const staff = (actor: Actor): StaffActor | null => (actor.kind === 'staff' ? actor : null);

/**
 * Member of the running unit, a facilitator of the course, or the referrer of the referral at hand; without facts: any staff member with a unit.
 * @example runsCourse(actor, { municipalityId, unitIds: [course.unitId], facilitatorIds })
 */
export function runsCourse(actor: Actor, resource?: ResourceFacts): boolean {
  const s = staff(actor);
  if (!s) return false;
  const facts = resource as CourseFacts | undefined;
  if (!facts) return s.units.length > 0;
  if (facts.municipalityId !== s.municipalityId) return false;
  return s.units.some((u) => facts.unitIds.includes(u.id)) || facts.facilitatorIds.includes(s.id) || facts.referrerId === s.id;
}

/** The rules for `course` information: course participants, rosters and attendance. */
export const offersRules: RuleSet = {
  'course:read': runsCourse,
  'course:create': runsCourse,
  'course:update': runsCourse,
};
