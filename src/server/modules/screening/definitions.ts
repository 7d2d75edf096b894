/**
 * What the server adds to the domain's instrument definitions
 * (`src/domain/instruments.ts`): which certification recording needs, the
 * API's respondent-role spelling, and the cut-offs in force for a
 * municipality. Pure; the definitions themselves are never copied here.
 */
import { cutOffFor, type InstrumentDefinition, type InstrumentId, INSTRUMENTS, type RespondentRole } from '../../../domain';

/** Instrument ids, in the order the API lists them. */
export const instrumentIds = ['adbb', 'm-adbb', 'epds'] as const satisfies readonly InstrumentId[];

/** EPDS respondent roles as the API (and the relations table) spell them. */
export const respondentRoles = ['mother', 'father', 'co_parent'] as const;
export type ApiRespondentRole = (typeof respondentRoles)[number];

/**
 * The certification a recorder must hold on the observation date (rule A6).
 * m-ADBB needs none: it is meant for front-line staff (domain.md §1.6) and
 * does not replace the full ADBB for follow-up.
 */
export const REQUIRED_CERTIFICATION: Readonly<Record<InstrumentId, 'adbb' | null>> = Object.freeze({
  adbb: 'adbb',
  'm-adbb': null,
  epds: null,
});

/**
 * The domain's spelling of an API respondent role.
 * @example domainRole('co_parent') // 'co-parent'
 */
export function domainRole(role: ApiRespondentRole): RespondentRole {
  return role === 'co_parent' ? 'co-parent' : role;
}

/** A municipality's stored cut-offs for one instrument (a row of instrument_settings). */
export interface StoredThresholds {
  cutOff: number;
  byRole: Partial<Record<ApiRespondentRole, number>>;
  version: number;
}

/** The cut-offs in force for one instrument. */
export interface ThresholdsInForce {
  /** Cut-off when no role applies (ADBB variants), or for a role without its own. */
  default: number;
  /** EPDS: the cut-off per respondent role; null for the ADBB variants. */
  byRole: Record<ApiRespondentRole, number> | null;
  /** 'domain' = the national defaults from domain.md; 'municipality' = set locally. */
  source: 'domain' | 'municipality';
  /** Version of the local setting; 0 while the defaults apply (send it back to change them). */
  version: number;
}

/**
 * The cut-offs in force: the municipality's where set (a role without its own
 * cut-off uses the municipality's default), else the domain's defaults.
 * @example thresholdsInForce(INSTRUMENTS.epds, null).byRole // { mother: 11, father: 10, co_parent: 10 }
 * @example thresholdsInForce(INSTRUMENTS.epds, { cutOff: 13, byRole: {}, version: 1 }).byRole // { mother: 13, father: 13, co_parent: 13 }
 */
export function thresholdsInForce(definition: InstrumentDefinition, stored: StoredThresholds | null): ThresholdsInForce {
  const hasRoles = definition.thresholds.byRole !== undefined;
  if (!stored) {
    return {
      default: cutOffFor(definition),
      byRole: hasRoles
        ? (Object.fromEntries(respondentRoles.map((r) => [r, cutOffFor(definition, { respondentRole: domainRole(r) })])) as Record<ApiRespondentRole, number>)
        : null,
      source: 'domain',
      version: 0,
    };
  }
  return {
    default: stored.cutOff,
    byRole: hasRoles ? (Object.fromEntries(respondentRoles.map((r) => [r, stored.byRole[r] ?? stored.cutOff])) as Record<ApiRespondentRole, number>) : null,
    source: 'municipality',
    version: stored.version,
  };
}

/**
 * The one cut-off to score a form with.
 * @example cutOffInForce(thresholdsInForce(INSTRUMENTS.epds, null), 'father') // 10
 */
export function cutOffInForce(thresholds: ThresholdsInForce, role?: ApiRespondentRole | null): number {
  return (role && thresholds.byRole?.[role]) ?? thresholds.default;
}

/**
 * The definition for an id known to be valid (route parameters are checked by zod).
 * @example definitionOf('adbb').items.length // 8
 */
export function definitionOf(id: InstrumentId): InstrumentDefinition {
  return INSTRUMENTS[id];
}
