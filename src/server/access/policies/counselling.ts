/**
 * Open counselling and staff workshops (issue 7). Both belong to an offer in
 * the catalogue, and the staff of the units that run the offer do the work:
 * they create drop-in slots and workshops, record visits and see the counts.
 * A visit linked to a family (category `social`) is for the slot's
 * professional and whoever recorded it: colleagues see it counted, not named.
 *
 * The category `social` is shared with other areas (sparring, notifications),
 * whose rules policy.ts joins with these: so these rules refuse every resource
 * not tagged `area: 'counselling'`.
 */
import type { Actor } from '../actor';
import type { ResourceFacts, RuleSet } from '../policy';

/** Facts about a counselling or workshop resource. */
export interface CounsellingFacts {
  area: 'counselling';
  municipalityId: string;
  /** The units that run the offer (offers.unit_ids). */
  runningUnitIds: string[];
  /** For a linked visit: only these staff see who the family is. */
  familyViewerIds?: string[];
}

/**
 * Facts for a counselling resource.
 * @example work.authorize('create', 'social', counsellingFacts(offer.municipality_id, offer.unit_ids))
 */
export function counsellingFacts(municipalityId: string, runningUnitIds: string[], familyViewerIds?: string[]): CounsellingFacts {
  return { area: 'counselling', municipalityId, runningUnitIds, ...(familyViewerIds ? { familyViewerIds } : {}) };
}

/** True for facts made by {@link counsellingFacts}. */
const isCounselling = (resource?: ResourceFacts): resource is CounsellingFacts =>
  (resource as { area?: unknown } | undefined)?.area === 'counselling';

/**
 * The counselling rule for every action: without facts (the route gate), a
 * staff member with a unit; with facts, a member of a unit that runs the
 * offer, and for a family's details one of the named viewers.
 * @example runsOffer(actor, counsellingFacts(m, [pprUnitId])) // true for PPR staff
 */
export function runsOffer(actor: Actor, resource?: ResourceFacts): boolean {
  if (actor.kind !== 'staff') return false;
  if (!resource) return actor.units.length > 0;
  if (!isCounselling(resource) || resource.municipalityId !== actor.municipalityId) return false;
  if (resource.familyViewerIds) return resource.familyViewerIds.includes(actor.id);
  return actor.units.some((u) => resource.runningUnitIds.includes(u.id));
}

/** The rules for counselling resources (joined with the other areas' `social` rules in policy.ts). */
export const counsellingRules: RuleSet = {
  'social:read': runsOffer,
  'social:search': runsOffer,
  'social:create': runsOffer,
  'social:update': runsOffer,
  'social:delete': runsOffer,
};
