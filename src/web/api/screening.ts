import { api, queryString } from './client';
import type {
  ChildScreenings,
  Flag,
  Instrument,
  InstrumentId,
  LoadTextsInput,
  NextStep,
  RecordedScreening,
  RecordScreeningInput,
  Task,
  UpdateThresholdsInput,
} from './types';

/**
 * Screening instruments (ADBB, m-ADBB, EPDS), a child's screenings, follow-up tasks and flags.
 * Licensed item wording only ever comes from the server, and only when the municipality loaded it.
 */
export const screeningKeys = {
  instruments: (language: string) => ['instruments', language] as const,
  child: (childId: string) => ['children', 'screenings', childId] as const,
  tasks: (childId: string) => ['children', 'tasks', childId] as const,
  flags: (childId: string) => ['children', 'flags', childId] as const,
};

const id = (s: string) => encodeURIComponent(s);

export const listInstruments = (language?: string) =>
  api<{ items: Instrument[] }>(`/api/instruments${queryString({ language })}`).then((r) => r.items);

export const updateThresholds = (instrument: InstrumentId, body: UpdateThresholdsInput) =>
  api<Instrument>(`/api/instruments/${id(instrument)}/thresholds`, { method: 'PUT', body });

export const loadTexts = (instrument: InstrumentId, body: LoadTextsInput) =>
  api<Instrument>(`/api/instruments/${id(instrument)}/texts`, { method: 'PUT', body });

export const getChildScreenings = (childId: string) => api<ChildScreenings>(`/api/children/${id(childId)}/screenings`);

export const recordScreening = (childId: string, body: RecordScreeningInput) =>
  api<RecordedScreening>(`/api/children/${id(childId)}/screenings`, { method: 'POST', body });

export const listChildTasks = (childId: string) =>
  api<{ items: Task[] }>(`/api/children/${id(childId)}/tasks`).then((r) => r.items);

export const listChildFlags = (childId: string) =>
  api<{ items: Flag[] }>(`/api/children/${id(childId)}/flags`).then((r) => r.items);

export const completeTask = (task: Pick<Task, 'id' | 'version'>, note: string, decision?: NextStep[]) =>
  api<Task>(`/api/tasks/${id(task.id)}/complete`, {
    method: 'POST',
    body: { version: task.version, note, ...(decision ? { decision } : {}) },
  });

export const resolveFlag = (flag: Pick<Flag, 'id' | 'version'>, note: string) =>
  api<Flag>(`/api/flags/${id(flag.id)}/resolve`, { method: 'POST', body: { version: flag.version, note } });
