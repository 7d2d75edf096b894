/**
 * Cross-professional meetings (category `meeting`; domain.md §6.3, rule C4).
 *
 * - Read: a meeting's content is for its facilitator, the members of the
 *   facilitator's unit, and the staff participants whom the meeting's legal
 *   basis covers (`coveredStaffIds`: under consent every invited staff member;
 *   under SSD only those attending for a listed unit kind — the repository
 *   works that list out with `mayJoinSsdMeeting`).
 * - Update (the map, ratings, next steps, minutes drafts, attendance): the
 *   facilitator and the covered staff participants; the facilitator's unit
 *   colleagues read but do not co-author.
 * - Facilitator-only steps (adding participants, changing the details,
 *   approving minutes) use {@link isMeetingFacilitator}.
 * - Create: a social worker for a cross-professional meeting; a pedagogue or
 *   manager of a daycare unit the child attends for an extra meeting with the
 *   parents in daycare. The actor must also see the child (the repository
 *   calls `guardChild` first).
 * Without facts a rule answers "could this actor ever" (the route gate).
 */
import type { Actor, StaffActor } from '../actor';
import type { ResourceFacts, RuleSet } from '../policy';

/** Facts about one meeting. */
export interface MeetingFacts {
  municipalityId: string;
  facilitatorId: string;
  facilitatorUnitId: string;
  /** Staff participants the legal basis covers. */
  coveredStaffIds: string[];
}

/** Facts about a meeting someone wants to create. */
export interface NewMeetingFacts {
  municipalityId: string;
  kind: 'cross_professional' | 'daycare_parents';
  /** The unit the facilitator runs the meeting for. */
  unitId: string;
  unitKind: string;
  /** The child's units with a current or planned enrolment. */
  enrolledUnitIds: string[];
}

/** Daycare unit kinds where an extra meeting with the parents can be held. */
export const DAYCARE_KINDS: readonly string[] = Object.freeze(['childminding', 'nursery', 'kindergarten', 'integrated_daycare']);

const staff = (actor: Actor): StaffActor | null => (actor.kind === 'staff' ? actor : null);
const isMeeting = (resource?: ResourceFacts): resource is MeetingFacts => !!resource && 'facilitatorId' in resource;

/**
 * True when the actor facilitates the meeting.
 * @example isMeetingFacilitator(actor, facts)
 */
export function isMeetingFacilitator(actor: Actor, facts: MeetingFacts): boolean {
  const s = staff(actor);
  return !!s && s.municipalityId === facts.municipalityId && s.id === facts.facilitatorId;
}

/** Facilitator, a covered staff participant, or (for reading) a member of the facilitator's unit. */
function seesMeeting(includeUnit: boolean) {
  return (actor: Actor, resource?: ResourceFacts): boolean => {
    const s = staff(actor);
    if (!s) return false;
    if (!resource) return true;
    if (!isMeeting(resource) || resource.municipalityId !== s.municipalityId) return false;
    if (s.id === resource.facilitatorId || resource.coveredStaffIds.includes(s.id)) return true;
    return includeUnit && s.units.some((u) => u.id === resource.facilitatorUnitId);
  };
}

/** Who may set up a meeting of a kind for a unit (see the file comment). */
function mayCreate(actor: Actor, resource?: ResourceFacts): boolean {
  const s = staff(actor);
  if (!s) return false;
  if (!resource) return s.units.length > 0;
  const facts = resource as NewMeetingFacts;
  if (facts.municipalityId !== s.municipalityId || !s.units.some((u) => u.id === facts.unitId)) return false;
  if (facts.kind === 'cross_professional') return s.profession === 'social_worker';
  return (
    (s.profession === 'pedagogue' || s.profession === 'manager') && DAYCARE_KINDS.includes(facts.unitKind) && facts.enrolledUnitIds.includes(facts.unitId)
  );
}

/** The rules for `meeting` information. */
export const meetingRules: RuleSet = {
  'meeting:search': (actor) => actor.kind === 'staff',
  'meeting:read': seesMeeting(true),
  'meeting:update': seesMeeting(false),
  'meeting:create': mayCreate,
};
