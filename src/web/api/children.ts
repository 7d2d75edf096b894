import { api } from './client';
import type {
  ChildDetail,
  ChildSearchInput,
  ChildSummary,
  Enrolment,
  GuardianInput,
  IsoDate,
  RegisterBirthInput,
  RegisterChildInput,
  UpdateChildInput,
  UpdateRelationInput,
} from './types';

/**
 * The children's registry. Searches always go through `POST /api/children/search`, so a CPR
 * number typed in the search field never ends up in a URL, the browser history or a log.
 */
export const childKeys = {
  all: ['children'] as const,
  search: (input: ChildSearchInput) => ['children', 'search', input] as const,
  detail: (id: string) => ['children', 'detail', id] as const,
};

const id = (s: string) => encodeURIComponent(s);

export const searchChildren = (input: ChildSearchInput) =>
  api<{ items: ChildSummary[] }>('/api/children/search', { method: 'POST', body: input }).then((r) => r.items);

export const getChild = (childId: string) => api<ChildDetail>(`/api/children/${id(childId)}`);

export const registerChild = (body: RegisterChildInput) => api<ChildDetail>('/api/children', { method: 'POST', body });

export const updateChild = (childId: string, body: UpdateChildInput) =>
  api<ChildDetail>(`/api/children/${id(childId)}`, { method: 'PATCH', body });

export const registerBirth = (childId: string, body: RegisterBirthInput) =>
  api<ChildDetail>(`/api/children/${id(childId)}/birth`, { method: 'POST', body });

export const addRelation = (childId: string, body: GuardianInput) =>
  api<ChildDetail>(`/api/children/${id(childId)}/relations`, { method: 'POST', body });

export const updateRelation = (relationId: string, body: UpdateRelationInput) =>
  api<ChildDetail>(`/api/relations/${id(relationId)}`, { method: 'PATCH', body });

export const addEnrolment = (childId: string, body: { unitId: string; startsOn: IsoDate; endsOn?: IsoDate | null }) =>
  api<ChildDetail>(`/api/children/${id(childId)}/enrolments`, { method: 'POST', body });

export const endEnrolment = (enrolment: Pick<Enrolment, 'id' | 'version'>, endsOn: IsoDate | null) =>
  api<ChildDetail>(`/api/enrolments/${id(enrolment.id)}`, {
    method: 'PATCH',
    body: { version: enrolment.version, endsOn },
  });

export const reassignChild = (
  childId: string,
  body: { unitId: string; staffId?: string | null; reason: string; startsOn?: IsoDate },
) => api<ChildDetail>(`/api/children/${id(childId)}/assignment`, { method: 'POST', body });

/** The full CPR number of a child or an adult; the server writes a disclosure to the access log. */
export const revealCpr = (personId: string) =>
  api<{ cpr: string; formatted: string }>(`/api/persons/${id(personId)}/reveal-cpr`, { method: 'POST' });
