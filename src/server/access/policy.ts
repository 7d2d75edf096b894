/**
 * Policies: who may do what with which category of information. Deny by
 * default — an action/category pair without a rule is refused for everyone.
 * Rules live in ./policies/<area>.ts and are registered here.
 */
import type { Actor } from './actor';
import { organisationRules } from './policies/organisation';
import { staffRules } from './policies/staff';
import { auditRules } from './policies/audit';
import { childRules } from './policies/children';
import { pedagogicalRules } from './policies/pedagogical';
import { meetingRules } from './policies/meetings';
import { notificationRules } from './policies/notifications';
import { offersRules } from './policies/offers';
import { consentRules } from './policies/consent';
import { concernRules } from './policies/concerns';
import { counsellingRules } from './policies/counselling';

/** What is done with information. */
export type Action = 'read' | 'search' | 'create' | 'update' | 'delete' | 'export' | 'disclose';

/**
 * Categories of information (architecture.md §4) plus the organisational ones:
 * `staff` (personal data of employees), `organisation` (units, districts — not
 * personal), `audit` (the access log).
 */
export type Category =
  | 'basic'
  | 'health'
  | 'pedagogical'
  | 'social'
  | 'meeting'
  /** A family's participation in a course: roster, waiting list, attendance (policies/offers.ts). */
  | 'course'
  | 'staff'
  | 'organisation'
  | 'audit'
  | 'session'
  | 'system';

/** Facts about the resource a rule may look at (owner, units, …); each rule file knows its own shape. */
export type ResourceFacts = object;

/** A rule: may this actor do this to a resource with these facts? Without facts: could they ever? */
export type Rule = (actor: Actor, resource?: ResourceFacts) => boolean;

/** Rules keyed `category:action`. */
export type RuleSet = Partial<Record<`${Category}:${Action}`, Rule>>;

/**
 * Joins rule sets; where two areas rule on the same `category:action` (e.g.
 * `social:*` for notifications and for sparring), either may allow it. Each
 * area's rule refuses resource facts that are not its own, so neither widens the other.
 */
function joinRules(...sets: RuleSet[]): RuleSet {
  const joined: RuleSet = {};
  for (const set of sets) {
    for (const [key, rule] of Object.entries(set) as [keyof RuleSet, Rule][]) {
      const before = joined[key];
      joined[key] = before ? (actor, resource) => before(actor, resource) || rule(actor, resource) : rule;
    }
  }
  return joined;
}

const rules: RuleSet = joinRules(organisationRules, staffRules, auditRules, childRules, pedagogicalRules, notificationRules, consentRules, offersRules, concernRules, meetingRules, counsellingRules);

/**
 * Decides one access question. Without `resource`, answers whether the actor
 * may do the action on the category at all (the route-level gate).
 * @example decide(actor, 'update', 'organisation') // true for administrators
 */
export function decide(actor: Actor, action: Action, category: Category, resource?: ResourceFacts): boolean {
  if (actor.kind === 'system') return true; // systemRepo: allowed, and audited with its reason
  const rule = rules[`${category}:${action}`];
  return rule ? rule(actor, resource) : false;
}
