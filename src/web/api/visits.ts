import { api } from './client';
import type {
  CreateMeasurementInput,
  CreateVisitInput,
  Measurement,
  Note,
  UpdateVisitInput,
  Visit,
} from './types';

/** A child's visits, journal notes and measurements (health data: only the child's health-visiting unit). */
export const visitKeys = {
  visits: (childId: string) => ['children', 'visits', childId] as const,
  notes: (childId: string) => ['children', 'notes', childId] as const,
  measurements: (childId: string) => ['children', 'measurements', childId] as const,
};

const id = (s: string) => encodeURIComponent(s);

export const listVisits = (childId: string) =>
  api<{ items: Visit[] }>(`/api/children/${id(childId)}/visits`).then((r) => r.items);

export const createVisit = (childId: string, body: CreateVisitInput) =>
  api<Visit>(`/api/children/${id(childId)}/visits`, { method: 'POST', body });

export const updateVisit = (visitId: string, body: UpdateVisitInput) =>
  api<Visit>(`/api/visits/${id(visitId)}`, { method: 'PATCH', body });

export const listNotes = (childId: string) =>
  api<{ items: Note[] }>(`/api/children/${id(childId)}/notes`).then((r) => r.items);

export const createNote = (childId: string, body: { body: string; visitId?: string | null }) =>
  api<Note>(`/api/children/${id(childId)}/notes`, { method: 'POST', body });

export const correctNote = (noteId: string, body: string) =>
  api<Note>(`/api/notes/${id(noteId)}/corrections`, { method: 'POST', body: { body } });

export const listMeasurements = (childId: string) =>
  api<{ items: Measurement[] }>(`/api/children/${id(childId)}/measurements`).then((r) => r.items);

export const createMeasurement = (childId: string, body: CreateMeasurementInput) =>
  api<Measurement>(`/api/children/${id(childId)}/measurements`, { method: 'POST', body });
