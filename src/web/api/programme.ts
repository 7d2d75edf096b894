import { api } from './client';
import type { ChildProgramme, ExtendedTrack, IsoDate } from './types';

/** A child's planned contacts and the extended track (udvidet indsats). */
export const programmeKeys = {
  child: (childId: string) => ['children', 'programme', childId] as const,
};

const id = (s: string) => encodeURIComponent(s);

export const getProgramme = (childId: string) => api<ChildProgramme>(`/api/children/${id(childId)}/programme`);

export const startExtendedTrack = (childId: string, body: { reason: string; startsOn?: IsoDate }) =>
  api<ExtendedTrack>(`/api/children/${id(childId)}/extended-track`, { method: 'POST', body });

export const endExtendedTrack = (childId: string, body: { reason: string; endsOn?: IsoDate; version: number }) =>
  api<ExtendedTrack>(`/api/children/${id(childId)}/extended-track/end`, { method: 'POST', body });

export interface VisitTemplate {
  key: string;
  labelDa: string;
  labelEn: string;
  track: string;
  anchor: 'birth' | 'expected';
}

export const templateKeys = { all: ['visit-templates'] as const };

/** The municipality's visit programme (or the national default): names for a visit's `templateKey`. */
export const getVisitTemplates = () =>
  api<{ source: 'municipality' | 'default'; templates: VisitTemplate[] }>('/api/visit-templates').then((r) => r.templates);
