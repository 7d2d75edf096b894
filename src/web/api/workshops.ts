import { api, queryString } from './client';
import type { Ref } from './counselling';

/** Workshops, talks and competence forums for staff. Shapes as in src/server/modules/workshops/schema.ts. */

export const WORKSHOP_THEMES = [
  'early_intervention',
  'parent_collaboration',
  'child_perspective',
  'wellbeing_concern',
  'attachment',
  'language',
  'case_consultation',
] as const;
export type WorkshopTheme = (typeof WORKSHOP_THEMES)[number];

export interface Workshop {
  id: string;
  offer: { id: string; name: string; format: string };
  theme: WorkshopTheme;
  heldOn: string;
  unit: Ref;
  participants: number;
  facilitators: Ref[];
  note: string | null;
  version: number;
  createdBy: Ref;
  createdAt: string;
  updatedAt: string;
}

export interface WorkshopFilter {
  from?: string;
  to?: string;
  unitId?: string;
  theme?: string;
}

export interface WorkshopInput {
  offerId: string;
  theme: string;
  heldOn: string;
  unitId: string;
  participants: number | string;
  facilitatorIds: string[];
  note?: string | null;
}

/** Query keys. */
export const workshopKeys = {
  all: ['workshops'] as const,
  list: (filter: WorkshopFilter) => ['workshops', 'list', filter] as const,
  one: (id: string) => ['workshops', 'one', id] as const,
};

export const listWorkshops = async (filter: WorkshopFilter) =>
  (await api<{ items: Workshop[] }>(`/api/workshops${queryString({ ...filter })}`)).items;
export const getWorkshop = (id: string) => api<Workshop>(`/api/workshops/${encodeURIComponent(id)}`);
export const createWorkshop = (body: WorkshopInput) => api<Workshop>('/api/workshops', { method: 'POST', body });
export const updateWorkshop = (id: string, body: Partial<WorkshopInput> & { version: number }) =>
  api<Workshop>(`/api/workshops/${encodeURIComponent(id)}`, { method: 'PATCH', body });
export const deleteWorkshop = (id: string, version: number) =>
  api<void>(`/api/workshops/${encodeURIComponent(id)}${queryString({ version })}`, { method: 'DELETE' });
