import type { ConsentForm } from '../../domain/consent';
import type { ConsentGiver, CounsellingAgeBand as AgeBand, CounsellingTopic as Topic } from '../../domain/counselling';
import { api, queryString } from './client';

/**
 * Open counselling (åben rådgivning): drop-in slots, anonymous visits and visits linked to a
 * family, today's slots and the unit's numbers. Shapes as in src/server/modules/counselling/schema.ts.
 * The fixed lists come from the domain rules, so the screens and the API cannot drift apart.
 */

export { CONSENT_FORMS, type ConsentForm } from '../../domain/consent';
export {
  CONSENT_GIVERS,
  COUNSELLING_AGE_BANDS as AGE_BANDS,
  COUNSELLING_TOPICS as TOPICS,
  type ConsentGiver,
  type CounsellingAgeBand as AgeBand,
  type CounsellingTopic as Topic,
} from '../../domain/counselling';

export interface Ref {
  id: string;
  name: string;
}

export interface CounsellingOffer {
  id: string;
  name: string;
  format: string;
  method: string;
  units: { id: string; name: string; staff: Ref[] }[];
}

export interface Slot {
  id: string;
  offer: Ref;
  unit: Ref;
  professional: Ref;
  place: string;
  startsAt: string;
  endsAt: string;
  version: number;
  counts: { visits: number; anonymous: number; linked: number };
}

export interface AnonymousVisit {
  id: string;
  kind: 'anonymous';
  visitedAt: string;
  ageBand: AgeBand | null;
  topic: Topic | null;
}

export interface FamilyVisit {
  id: string;
  kind: 'linked';
  visitedAt: string;
  ageBand: AgeBand | null;
  topic: Topic | null;
  child: { id: string; name: string; birthDate: string | null };
  consent: { givenByRole: ConsentGiver; givenByName: string; form: ConsentForm; givenAt: string };
  note: string | null;
  recordedBy: Ref;
}

export interface SlotDetail extends Slot {
  canRecord: boolean;
  anonymousVisits: AnonymousVisit[];
  familyVisits: FamilyVisit[];
  familyVisitsHidden: number;
}

export interface ChildFound {
  id: string;
  name: string;
  birthDate: string | null;
  cprMasked: string | null;
}

export interface CounsellingSummary {
  unitId: string;
  from: string;
  to: string;
  dropIn: {
    slots: number;
    visits: number;
    anonymous: number;
    linked: number;
    shareAnonymous: number;
    visitsPerSlot: number;
    months: { month: string; slots: number; anonymous: number; linked: number }[];
  };
  workshops: { held: number; participants: number; themes: { theme: string; held: number; participants: number }[] };
}

/** Query keys. */
export const counsellingKeys = {
  all: ['counselling'] as const,
  offers: (kind: 'drop_in' | 'staff') => ['counselling', 'offers', kind] as const,
  slots: (from: string, to: string) => ['counselling', 'slots', from, to] as const,
  slot: (id: string) => ['counselling', 'slot', id] as const,
  today: ['counselling', 'today'] as const,
  summary: (unitId: string) => ['counselling', 'summary', unitId] as const,
};

export const listCounsellingOffers = async (kind: 'drop_in' | 'staff') =>
  (await api<{ items: CounsellingOffer[] }>(`/api/counselling/offers${queryString({ kind })}`)).items;
export const listSlots = async (from: string, to: string) =>
  (await api<{ items: Slot[] }>(`/api/counselling/slots${queryString({ from, to })}`)).items;
export const getSlot = (id: string) => api<SlotDetail>(`/api/counselling/slots/${encodeURIComponent(id)}`);
export const getTodaySlots = () => api<{ date: string; items: Slot[] }>('/api/counselling/today');
export const createSlot = (body: { offerId: string; unitId?: string; professionalId?: string; place: string; startsAt: string; endsAt: string }) =>
  api<Slot>('/api/counselling/slots', { method: 'POST', body });
export const recordAnonymousVisit = (slotId: string, body: { ageBand?: AgeBand; topic?: Topic }) =>
  api<AnonymousVisit>(`/api/counselling/slots/${encodeURIComponent(slotId)}/anonymous-visits`, { method: 'POST', body });
export const recordFamilyVisit = (
  slotId: string,
  body: {
    childId: string;
    consentGivenByRole: ConsentGiver | '';
    consentGivenByName: string;
    consentForm: ConsentForm | '';
    consentGivenAt: string;
    topic?: Topic;
    note?: string;
  },
) => api<FamilyVisit>(`/api/counselling/slots/${encodeURIComponent(slotId)}/family-visits`, { method: 'POST', body });
export const lookupChild = async (slotId: string, body: { cpr?: string; firstName?: string; lastName?: string; birthDate?: string }) =>
  (await api<{ items: ChildFound[] }>(`/api/counselling/slots/${encodeURIComponent(slotId)}/child-lookup`, { method: 'POST', body })).items;
export const getCounsellingSummary = (unitId: string) => api<CounsellingSummary>(`/api/units/${encodeURIComponent(unitId)}/counselling-summary`);

/** Unit kinds whose staff run open counselling and workshops (PPR, the family centre, health visiting). */
export const COUNSELLING_UNIT_KINDS = ['ppr', 'family_centre', 'health_visiting'];
