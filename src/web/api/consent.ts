import { api } from './client';

/**
 * Consents and disclosures (samtykke og deling). Shapes as in src/server/modules/consent/schema.ts.
 */

export type ConsentPurpose = 'handover_daycare' | 'handover_school' | 'cooperation' | 'meeting';
export type ConsentCategory = 'basic' | 'health' | 'pedagogical' | 'social';
export type ConsentForm = 'written' | 'oral' | 'digital';
export type ConsentState = 'valid' | 'not_yet_valid' | 'expired' | 'withdrawn';
export type LegalBasis = 'consent' | 'notification_duty' | 'vital_interest';

export const CONSENT_PURPOSES: ConsentPurpose[] = ['handover_daycare', 'handover_school', 'cooperation', 'meeting'];
export const CONSENT_CATEGORIES: ConsentCategory[] = ['basic', 'health', 'pedagogical', 'social'];
export const CONSENT_FORMS: ConsentForm[] = ['written', 'oral', 'digital'];
export const RECIPIENT_PROFESSIONS = ['pedagogue', 'teacher', 'ppr_psychologist', 'social_worker', 'family_therapist'] as const;

export interface PersonRef {
  id: string;
  name: string;
}

export interface Disclosure {
  id: string;
  kind: 'note' | 'handover_part';
  part: string | null;
  referenceId: string | null;
  category: string;
  purpose: string;
  content: { title: string; text?: string; screenings?: { instrument: string; observedOn: string; total: number | null; positive: boolean | null }[] };
  toUnit: { id: string; name: string; kind: string };
  legalBasis: LegalBasis;
  consentId: string | null;
  basisReason: string | null;
  sharedBy: PersonRef;
  sharedAt: string;
  readableByRecipient?: boolean;
}

export interface Consent {
  id: string;
  childId: string;
  givenBy: PersonRef[];
  allCustodyHolders: boolean;
  purpose: ConsentPurpose;
  recipientUnits: { id: string; name: string; kind: string }[];
  recipientProfessions: string[];
  categories: string[];
  form: ConsentForm;
  validFrom: string;
  validUntil: string | null;
  note: string | null;
  state: ConsentState;
  withdrawal: { at: string; recordedBy: PersonRef; byAdult: PersonRef | null; reason: string } | null;
  recordedBy: PersonRef;
  recordedAt: string;
  version: number;
  disclosures: Disclosure[];
}

export interface ChildConsents {
  childId: string;
  canManage: boolean;
  consents: Consent[];
  exceptions: Disclosure[];
  custodyHolders: PersonRef[];
}

export interface CreateConsentInput {
  givenBy: string[];
  purpose: ConsentPurpose;
  recipientUnitIds: string[];
  recipientProfessions: string[];
  categories: ConsentCategory[];
  form: ConsentForm;
  validFrom: string;
  validUntil?: string | null;
  note?: string;
}

export interface SharedWithMe {
  childId: string;
  childName: string | null;
  items: Disclosure[];
}

export interface DisclosureTask {
  id: string;
  childId: string;
  childName: string;
  disclosureId: string;
  toUnitName: string;
  sharedAt: string;
  reason: string | null;
  status: 'open' | 'done' | 'exception';
  note: string | null;
  version: number;
}

const id = encodeURIComponent;

export const consentKeys = {
  child: (childId: string) => ['consent', 'child', childId] as const,
  shared: (childId: string) => ['consent', 'shared', childId] as const,
  tasks: ['consent', 'tasks'] as const,
};

export const getChildConsents = (childId: string) => api<ChildConsents>(`/api/children/${id(childId)}/consents`);
export const createConsent = (childId: string, body: CreateConsentInput) =>
  api<ChildConsents>(`/api/children/${id(childId)}/consents`, { method: 'POST', body });
export const withdrawConsent = (consentId: string, body: { version: number; reason: string; withdrawnByAdultId?: string }) =>
  api<ChildConsents>(`/api/consents/${id(consentId)}/withdraw`, { method: 'POST', body });
export const getSharedWithMe = (childId: string) => api<SharedWithMe>(`/api/children/${id(childId)}/shared-with-me`);
export const getMyDisclosureTasks = () => api<{ items: DisclosureTask[] }>('/api/my-disclosure-tasks').then((r) => r.items);
export const completeDisclosureTask = (taskId: string, body: { version: number; outcome: 'done' | 'exception'; note: string }) =>
  api<DisclosureTask>(`/api/disclosure-tasks/${id(taskId)}/complete`, { method: 'POST', body });
