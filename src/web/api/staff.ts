import { api, queryString } from './client';
import type {
  CertificationKind,
  IsoDate,
  Profession,
  Staff,
  StaffCreateInput,
  StaffListItem,
  StaffPatchInput,
} from './types';

export interface StaffFilters {
  q?: string;
  profession?: Profession | '';
  unitId?: string;
}

export const staffKeys = {
  all: ['staff'] as const,
  list: (filters: StaffFilters) => ['staff', 'list', filters] as const,
  detail: (id: string) => ['staff', 'detail', id] as const,
};

const id = (s: string) => encodeURIComponent(s);

export const listStaff = (filters: StaffFilters = {}) =>
  api<{ items: StaffListItem[] }>(`/api/staff${queryString({ ...filters })}`).then((r) => r.items);

export const getStaff = (staffId: string) => api<Staff>(`/api/staff/${id(staffId)}`);

export const createStaff = (body: StaffCreateInput) => api<Staff>('/api/staff', { method: 'POST', body });

export const updateStaff = (staffId: string, body: StaffPatchInput) =>
  api<Staff>(`/api/staff/${id(staffId)}`, { method: 'PATCH', body });

export const resetPassword = (staffId: string, password: string) =>
  api<void>(`/api/staff/${id(staffId)}/password`, { method: 'POST', body: { password } });

export const addMembership = (staffId: string, body: { unitId: string; startsOn: IsoDate; endsOn?: IsoDate }) =>
  api<Staff>(`/api/staff/${id(staffId)}/memberships`, { method: 'POST', body });

export const endMembership = (membershipId: string, body: { version: number; endsOn: IsoDate }) =>
  api<Staff>(`/api/memberships/${id(membershipId)}`, { method: 'PATCH', body });

export const addCertification = (
  staffId: string,
  body: { kind: CertificationKind; validFrom: IsoDate; validUntil?: IsoDate },
) => api<Staff>(`/api/staff/${id(staffId)}/certifications`, { method: 'POST', body });

export const removeCertification = (certificationId: string) =>
  api<Staff>(`/api/certifications/${id(certificationId)}`, { method: 'DELETE' });
