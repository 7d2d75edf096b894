import { api, queryString } from './client';
import type { Cluster, District, Organisation, Unit, UnitInput, UnitKind } from './types';

export const organisationKeys = {
  organisation: ['organisation'] as const,
  units: (filters: { kind?: UnitKind | ''; districtId?: string }) => ['units', filters] as const,
  allUnits: ['units'] as const,
  unit: (id: string) => ['unit', id] as const,
};

export const getOrganisation = () => api<Organisation>('/api/organisation');

export const createDistrict = (body: { name: string }) =>
  api<District>('/api/districts', { method: 'POST', body });

export const createCluster = (body: { districtId: string; name: string }) =>
  api<Cluster>('/api/clusters', { method: 'POST', body });

export const listUnits = (filters: { kind?: UnitKind | ''; districtId?: string } = {}) =>
  api<{ items: Unit[] }>(`/api/units${queryString(filters)}`).then((r) => r.items);

export const getUnit = (id: string) => api<Unit>(`/api/units/${encodeURIComponent(id)}`);

export const createUnit = (body: UnitInput) => api<Unit>('/api/units', { method: 'POST', body });

export const updateUnit = (id: string, body: Partial<UnitInput> & { version: number }) =>
  api<Unit>(`/api/units/${encodeURIComponent(id)}`, { method: 'PATCH', body });
