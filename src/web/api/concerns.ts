import { api } from './client';
import type { ScaleLevel, ScaleRef } from './wellbeing';

/**
 * Concerns (bekymringer), sparring requests to the district social worker and wellbeing
 * conversations (trivselssamtaler). Shapes as in src/server/modules/concerns/schema.ts.
 */

export interface PersonRef {
  id: string;
  name: string;
}

export type ConcernCategory = 'pedagogical' | 'health';
export type SparringStatus = 'waiting' | 'taken' | 'closed';

export interface SparringSummary {
  id: string;
  mode: 'anonymous' | 'named';
  status: SparringStatus;
  requestedAt: string;
  takenBy: PersonRef | null;
}

export interface Concern {
  id: string;
  childId: string;
  unit: PersonRef;
  category: ConcernCategory;
  author: PersonRef;
  scale: ScaleRef;
  level: ScaleLevel;
  observed: string;
  observedSince: string;
  parentsInformed: boolean;
  parentsInformedHow: string | null;
  parentsInformedOn: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  canEdit: boolean;
  sparring: SparringSummary[];
}

export interface ConcernList {
  childId: string;
  canCreate: boolean;
  createCategory: ConcernCategory | null;
  scale: ScaleRef;
  items: Concern[];
}

export interface ConcernInput {
  level: string;
  observed: string;
  observedSince: string;
  parentsInformed: boolean;
  parentsInformedHow: string | null;
  parentsInformedOn: string | null;
}

export interface SparringSession {
  id: string;
  heldOn: string;
  advice: string;
  nextStep: string | null;
  recordedBy: PersonRef;
  createdAt: string;
}

export interface SparringRequest {
  id: string;
  mode: 'anonymous' | 'named';
  status: SparringStatus;
  relation: 'queue' | 'taken' | 'requested';
  requester: PersonRef;
  unit: PersonRef;
  district: PersonRef;
  ageBand: string | null;
  level: ScaleLevel;
  question: string;
  requestedAt: string;
  requestedOn: string;
  waitingDays: number;
  takenBy: PersonRef | null;
  takenAt: string | null;
  closedAt: string | null;
  closingNote: string | null;
  version: number;
  sessions: number;
  newAdvice: boolean;
  child: PersonRef | null;
  consent: { givenBy: string; givenOn: string; how: string } | null;
}

export interface SparringRequestDetail extends Omit<SparringRequest, 'sessions'> {
  sessions: SparringSession[];
  concern: Concern | null;
  canTake: boolean;
  canRecord: boolean;
  canClose: boolean;
}

export interface SparringRequestList {
  items: SparringRequest[];
  covers: PersonRef[];
}

export interface SparringRequestInput {
  anonymous: boolean;
  question: string;
  consent: { givenBy: string; givenOn: string; how: string } | null;
}

export interface Conversation {
  id: string;
  child: PersonRef;
  unit: PersonRef;
  heldOn: string;
  parentsAgreed: boolean;
  agreementHow: string;
  agreementOn: string;
  notes: string;
  nextStep: string | null;
  recordedBy: PersonRef;
  createdAt: string;
}

export interface ConversationInput {
  heldOn: string;
  parentsAgreed: boolean;
  agreementHow: string;
  agreementOn: string;
  notes: string;
  nextStep: string | null;
}

/** Query keys. */
export const concernKeys = {
  child: (childId: string) => ['concerns', 'child', childId] as const,
  sparring: ['concerns', 'sparring'] as const,
  request: (id: string) => ['concerns', 'sparring', id] as const,
  conversations: ['concerns', 'conversations'] as const,
  childConversations: (childId: string) => ['concerns', 'conversations', childId] as const,
};

const enc = encodeURIComponent;

export const getChildConcerns = (childId: string) => api<ConcernList>(`/api/children/${enc(childId)}/concerns`);
export const createConcern = (childId: string, body: ConcernInput) =>
  api<Concern>(`/api/children/${enc(childId)}/concerns`, { method: 'POST', body });
export const updateConcern = (id: string, body: ConcernInput & { version: number }) =>
  api<Concern>(`/api/concerns/${enc(id)}`, { method: 'PATCH', body });
export const requestSparring = (concernId: string, body: SparringRequestInput) =>
  api<SparringRequestDetail>(`/api/concerns/${enc(concernId)}/sparring-requests`, { method: 'POST', body });
export const listSparring = () => api<SparringRequestList>('/api/sparring-requests');
export const getSparring = (id: string) => api<SparringRequestDetail>(`/api/sparring-requests/${enc(id)}`);
export const takeSparring = (id: string, version: number) =>
  api<SparringRequestDetail>(`/api/sparring-requests/${enc(id)}/take`, { method: 'POST', body: { version } });
export const addSparringSession = (id: string, body: { heldOn: string; advice: string; nextStep: string | null }) =>
  api<SparringRequestDetail>(`/api/sparring-requests/${enc(id)}/sessions`, { method: 'POST', body });
export const closeSparring = (id: string, body: { version: number; note: string | null }) =>
  api<SparringRequestDetail>(`/api/sparring-requests/${enc(id)}/close`, { method: 'POST', body });
export const getChildConversations = (childId: string) =>
  api<{ items: Conversation[]; canCreate: boolean }>(`/api/children/${enc(childId)}/wellbeing-conversations`);
export const createConversation = (childId: string, body: ConversationInput) =>
  api<Conversation>(`/api/children/${enc(childId)}/wellbeing-conversations`, { method: 'POST', body });
export const listConversations = () => api<{ items: Conversation[]; canCreate: boolean }>('/api/wellbeing-conversations');
