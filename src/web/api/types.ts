/**
 * Types for Spire's JSON API (see the contract in the web brief). Enum values are sent as-is;
 * the UI shows them through i18n labels (`unitKind.*`, `profession.*`, `certificationKind.*`).
 */

export const UNIT_KINDS = [
  'health_visiting',
  'childminding',
  'nursery',
  'kindergarten',
  'integrated_daycare',
  'school',
  'after_school',
  'club',
  'ppr',
  'family_centre',
  'social_services',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const PROFESSIONS = [
  'health_visitor',
  'pedagogue',
  'teacher',
  'ppr_psychologist',
  'social_worker',
  'family_therapist',
  'manager',
  'administrator',
  'analyst',
] as const;
export type Profession = (typeof PROFESSIONS)[number];

export const CERTIFICATION_KINDS = ['adbb', 'cosp_facilitator', 'signs_of_safety'] as const;
export type CertificationKind = (typeof CERTIFICATION_KINDS)[number];

export const AUDIT_ACTIONS = [
  'read',
  'search',
  'create',
  'update',
  'delete',
  'export',
  'disclose',
  'sign_in',
  'sign_out',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** An instant, ISO 8601 with offset. */
export type IsoInstant = string;

export interface UnitRef {
  id: string;
  name: string;
  kind: UnitKind;
}

export interface Me {
  id: string;
  name: string;
  username: string;
  profession: Profession;
  isAdmin: boolean;
  municipality: { id: string; name: string };
  units: UnitRef[];
  certifications: { kind: CertificationKind; validFrom: IsoDate; validUntil: IsoDate | null }[];
}

export interface SessionInfo {
  expiresAt: IsoInstant;
  warnBeforeSeconds?: number;
}

export interface MeResponse {
  user: Me;
  csrfToken: string;
  session: SessionInfo;
}

export interface MyDay {
  date: IsoDate;
  units: UnitRef[];
  certifications: {
    id: string;
    kind: CertificationKind;
    validFrom: IsoDate;
    validUntil: IsoDate | null;
    expiresSoon: boolean;
    expired: boolean;
  }[];
  visits: Record<string, unknown>[];
  tasks: Record<string, unknown>[];
  admin?: { units: number; staff: number; failedSignInsLast24h: number };
}

export interface Cluster {
  id: string;
  name: string;
  version: number;
}

export interface District {
  id: string;
  name: string;
  version: number;
  clusters: Cluster[];
}

export interface Organisation {
  municipality: { id: string; name: string; code: string };
  districts: District[];
}

export interface Unit {
  id: string;
  name: string;
  kind: UnitKind;
  districtId: string;
  districtName: string;
  clusterId: string | null;
  clusterName: string | null;
  address: string | null;
  phone: string | null;
  version: number;
}

export interface UnitInput {
  name: string;
  kind: UnitKind;
  districtId: string;
  clusterId?: string | null;
  address?: string | null;
  phone?: string | null;
}

export interface StaffListItem {
  id: string;
  name: string;
  username: string;
  email: string | null;
  profession: Profession;
  active: boolean;
}

export interface Membership {
  id: string;
  unitId: string;
  unitName: string;
  unitKind: UnitKind;
  startsOn: IsoDate;
  endsOn: IsoDate | null;
  version: number;
}

export interface StaffCertification {
  id: string;
  kind: CertificationKind;
  validFrom: IsoDate;
  validUntil: IsoDate | null;
}

export interface Staff extends StaffListItem {
  version: number;
  memberships: Membership[];
  certifications: StaffCertification[];
}

export interface StaffCreateInput {
  name: string;
  username: string;
  email?: string;
  profession: Profession;
  password: string;
}

export interface StaffPatchInput {
  version: number;
  name?: string;
  email?: string | null;
  profession?: Profession;
  active?: boolean;
}

export interface AuditRow {
  id: string;
  at: IsoInstant;
  actorId: string | null;
  actorName: string | null;
  action: string;
  category: string;
  subjectIds: string[];
  criterion: string | null;
  purpose: string | null;
  outcome: 'allowed' | 'denied';
  requestId: string;
  ip: string | null;
}

export interface AuditPage {
  items: AuditRow[];
  nextCursor: string | null;
}

export interface AuditFilters {
  personId?: string;
  actorId?: string;
  action?: string;
  from?: IsoDate;
  to?: IsoDate;
}

/** One field error in a problem+json body. `field` matches the request JSON key. */
export interface ProblemFieldError {
  field: string;
  code: string;
  message: string;
}

/** RFC 9457 problem details as Spire sends them. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: ProblemFieldError[];
  retryAfterSeconds?: number;
  [extension: string]: unknown;
}
