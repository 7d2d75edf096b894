/**
 * Who is acting. Every request has exactly one Actor: a signed-in staff member,
 * the system (a job, with a reason) or nobody.
 */

/** A unit the actor belongs to today. */
export interface ActorUnit {
  id: string;
  kind: string;
  districtId: string;
}

/** A certification the actor holds. */
export interface ActorCertification {
  kind: string;
  validFrom: string;
  validUntil: string | null;
}

/** A signed-in staff member. */
export interface StaffActor {
  kind: 'staff';
  id: string;
  name: string;
  username: string;
  profession: string;
  municipalityId: string;
  units: ActorUnit[];
  certifications: ActorCertification[];
  sessionId: string;
}

/** The system itself, acting for a stated reason (jobs, seeding, admin tasks). */
export interface SystemActor {
  kind: 'system';
  reason: string;
}

/** Nobody is signed in. */
export interface AnonymousActor {
  kind: 'anonymous';
}

/** Any actor. */
export type Actor = StaffActor | SystemActor | AnonymousActor;

/** The anonymous actor. */
export const anonymous: AnonymousActor = { kind: 'anonymous' };

/**
 * True when the actor is a staff member whose profession is administrator.
 * @example isAdministrator(actor)
 */
export function isAdministrator(actor: Actor): boolean {
  return actor.kind === 'staff' && actor.profession === 'administrator';
}

/**
 * True when the actor holds a certification of `kind` valid on `onDate` (YYYY-MM-DD).
 * @example hasValidCertification(actor, 'adbb', '2026-11-22')
 */
export function hasValidCertification(actor: Actor, kind: string, onDate: string): boolean {
  if (actor.kind !== 'staff') return false;
  return actor.certifications.some(
    (c) => c.kind === kind && c.validFrom <= onDate && (c.validUntil === null || c.validUntil >= onDate),
  );
}
