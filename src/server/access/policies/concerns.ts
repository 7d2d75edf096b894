/**
 * Concerns (bekymringer), sparring with the district social worker, and
 * wellbeing conversations (trivselssamtaler).
 *
 * A concern belongs to the unit of the professional who recorded it, and its
 * category follows that unit: a daycare or school unit makes it `pedagogical`,
 * a health-visiting unit makes it `health`. Who sees a concern
 * ({@link seesConcern}):
 * - its author;
 * - members of its unit while the unit still holds the child (enrolled for a
 *   pedagogical concern, on the caseload for a health concern) — so a health
 *   visitor never sees a pedagogue's concern and vice versa;
 * - the social worker who took a named sparring request about it — but only
 *   for a pedagogical concern: health data never go to non-health staff.
 *
 * Sparring requests and wellbeing conversations are `social` information;
 * their rules are registered under `social:*` and look at `facts.kind`
 * ('sparring', 'conversation', 'new-conversation'). Without facts a rule
 * answers "could this actor ever": any staff member with a unit.
 */
import type { Actor, StaffActor } from '../actor';
import type { ChildFacts } from '../child-access';
import type { ResourceFacts, RuleSet } from '../policy';

const staff = (actor: Actor): StaffActor | null => (actor.kind === 'staff' ? actor : null);

/** Facts about one concern. */
export interface ConcernFacts {
  unitId: string;
  category: 'pedagogical' | 'health';
  authorId: string;
  child: ChildFacts;
  /** Social workers holding a taken (not closed) named sparring request about this concern. */
  sparringStaffIds: string[];
}

/**
 * The actor's unit where a new concern about the child would belong: a
 * health-visiting unit with the child on its caseload (health), else a daycare
 * or school unit the child is enrolled in (pedagogical); null when neither.
 * @example concernUnitFor(actor, facts) // { unitId: '…', category: 'pedagogical' }
 */
export function concernUnitFor(actor: Actor, child: ChildFacts): { unitId: string; category: 'pedagogical' | 'health' } | null {
  const s = staff(actor);
  if (!s || s.municipalityId !== child.municipalityId) return null;
  const health = s.units.find((u) => u.kind === 'health_visiting' && child.healthUnitIds.includes(u.id));
  if (health) return { unitId: health.id, category: 'health' };
  const other = s.units.find((u) => u.kind !== 'health_visiting' && child.enrolledUnitIds.includes(u.id));
  return other ? { unitId: other.id, category: 'pedagogical' } : null;
}

/**
 * The unit's own view: the author, or a member of the concern's unit while the
 * unit still holds the child. These may also change the concern and ask for sparring.
 * @example ownsConcern(actor, facts)
 */
export function ownsConcern(actor: Actor, facts: ConcernFacts): boolean {
  const s = staff(actor);
  if (!s || s.municipalityId !== facts.child.municipalityId) return false;
  if (facts.authorId === s.id) return true;
  if (!s.units.some((u) => u.id === facts.unitId)) return false;
  return facts.category === 'health' ? facts.child.healthUnitIds.includes(facts.unitId) : facts.child.enrolledUnitIds.includes(facts.unitId);
}

/**
 * May the actor read the concern? The unit's own view ({@link ownsConcern}), or
 * the social worker who took a named sparring request about a pedagogical concern.
 * @example seesConcern(actor, facts)
 */
export function seesConcern(actor: Actor, facts: ConcernFacts): boolean {
  if (ownsConcern(actor, facts)) return true;
  const s = staff(actor);
  return !!s && facts.category !== 'health' && facts.sparringStaffIds.includes(s.id) && s.municipalityId === facts.child.municipalityId;
}

/** Facts about one sparring request. */
export interface SparringFacts {
  kind: 'sparring';
  municipalityId: string;
  requesterId: string;
  status: 'waiting' | 'taken' | 'closed';
  takenBy: string | null;
  /** Whether the actor is a social worker covering the request's district. */
  actorCovers: boolean;
  /** What is to be done: read it, take it, record a session, close it. */
  op?: 'read' | 'take' | 'session' | 'close';
}

/** Facts about a recorded wellbeing conversation. */
export interface ConversationFacts {
  kind: 'conversation';
  municipalityId: string;
  /** The recorder's unit: its members (the recorder's colleagues) see the conversation. */
  unitId: string;
}

/** Facts for recording a new wellbeing conversation with a child. */
export interface NewConversationFacts {
  kind: 'new-conversation';
  municipalityId: string;
  /** The actor may see the child's basic data (brought into the case, …). */
  seesChild: boolean;
  /** The child attends a school in a district the actor covers. */
  pupilInCoveredDistrict: boolean;
}

type SocialFacts = SparringFacts | ConversationFacts | NewConversationFacts;

/**
 * Sparring: the requester reads their request and may close (withdraw) it; a
 * social worker covering the district reads and takes a waiting request; the
 * one who took it reads it, records sessions and closes it.
 * @example maySparring(actor, { kind: 'sparring', …, op: 'take' })
 */
export function maySparring(actor: Actor, facts: SparringFacts): boolean {
  const s = staff(actor);
  if (!s || s.municipalityId !== facts.municipalityId) return false;
  const requester = facts.requesterId === s.id;
  const taker = facts.takenBy === s.id;
  const coveringWaiting = facts.status === 'waiting' && facts.actorCovers && s.profession === 'social_worker';
  switch (facts.op ?? 'read') {
    case 'read':
      return requester || taker || coveringWaiting;
    case 'take':
      return coveringWaiting;
    case 'session':
      return taker && facts.status === 'taken';
    case 'close':
      return facts.status !== 'closed' && (taker || requester);
  }
}

/** Members of the conversation's unit (the recorder and colleagues) read it. */
function seesConversation(s: StaffActor, facts: ConversationFacts): boolean {
  return s.municipalityId === facts.municipalityId && s.units.some((u) => u.id === facts.unitId);
}

/** A social worker records conversations with children they may see, or pupils of schools in their districts. */
function recordsConversation(s: StaffActor, facts: NewConversationFacts): boolean {
  return s.municipalityId === facts.municipalityId && s.profession === 'social_worker' && (facts.seesChild || facts.pupilInCoveredDistrict);
}

function socialRule(action: 'read' | 'create' | 'update') {
  return (actor: Actor, resource?: ResourceFacts): boolean => {
    const s = staff(actor);
    if (!s) return false;
    const facts = resource as SocialFacts | undefined;
    if (!facts) return s.units.length > 0;
    if (facts.kind === 'sparring') return maySparring(s, action === 'read' ? { ...facts, op: 'read' } : facts);
    if (facts.kind === 'conversation') return action === 'read' && seesConversation(s, facts);
    if (facts.kind === 'new-conversation') return action === 'create' && recordsConversation(s, facts);
    return false;
  };
}

/**
 * The rules for `social` information (sparring, wellbeing conversations). Lists are scoped in SQL,
 * so searching is only the route gate (no facts): any staff member with a unit. Facts belong to
 * another area's search and are refused here, so this rule never widens theirs.
 */
export const concernRules: RuleSet = {
  'social:search': (actor, resource) => resource === undefined && (staff(actor)?.units.length ?? 0) > 0,
  'social:read': socialRule('read'),
  'social:create': socialRule('create'),
  'social:update': socialRule('update'),
};
