import { api } from './client';
import type { Audience, Offer, OfferFormat } from './offers';

/**
 * Administrator settings that live in the API: the catalogue of offers (create/change),
 * the extra closing days for statutory deadlines, and which districts each social worker covers.
 * Shapes as in src/server/modules/offers/schema.ts, notifications/schema.ts and concerns/districts-schema.ts.
 */

/** The fields of an offer an administrator sets (POST /api/offers; PATCH adds `version`). */
export interface OfferInput {
  name: string;
  description: string;
  ageFromMonths: number | null;
  ageToMonths: number | null;
  audience: Audience;
  format: OfferFormat;
  method: string;
  requiredCertification: string | null;
  unitIds: string[];
  minSessionsToComplete: number | null;
  defaultCapacity: number | null;
  defaultSessionCount: number | null;
  defaultSessionMinutes: number | null;
  active: boolean;
}

/** The extra closing days ('MM-DD' every year, 'YYYY-MM-DD' that date only). */
export interface ClosingDaySettings {
  extraClosingDays: string[];
  source: 'default' | 'municipality';
  version: number;
}

export interface Ref {
  id: string;
  name: string;
}

export interface SocialWorkerCoverage {
  id: string;
  name: string;
  units: Ref[];
  districts: Ref[];
}

export interface SocialWorkerDistricts {
  districts: Ref[];
  socialWorkers: SocialWorkerCoverage[];
}

export const adminSettingsKeys = {
  closingDays: ['notifications', 'settings'] as const,
  coverage: ['social-worker-districts'] as const,
};

/** Adds an offer to the catalogue. */
export const createOffer = (body: OfferInput) => api<Offer>('/api/offers', { method: 'POST', body });
/** Changes an offer; 409 when someone changed it since `version` was read. */
export const updateOffer = (id: string, body: Partial<OfferInput> & { version: number }) =>
  api<Offer>(`/api/offers/${encodeURIComponent(id)}`, { method: 'PATCH', body });
/** The municipality's extra closing days (the default until changed). */
export const getClosingDays = () => api<ClosingDaySettings>('/api/notifications/settings');
/** Replaces the extra closing days (send the version read; 0 while the default applies). */
export const saveClosingDays = (body: { version: number; extraClosingDays: string[] }) =>
  api<ClosingDaySettings>('/api/notifications/settings', { method: 'PUT', body });
/** Every social worker with the districts they cover. */
export const getSocialWorkerDistricts = () => api<SocialWorkerDistricts>('/api/social-worker-districts');
/** Replaces the districts a social worker covers, if they still cover `previousDistrictIds` (else 409). */
export const setSocialWorkerDistricts = (staffId: string, districtIds: string[], previousDistrictIds: string[]) =>
  api<SocialWorkerCoverage>(`/api/staff/${encodeURIComponent(staffId)}/districts`, { method: 'PUT', body: { districtIds, previousDistrictIds } });
