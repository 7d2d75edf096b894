/**
 * Kysely table types for Spire's database. One interface per table, kept in
 * step with the SQL migrations beside this file.
 */
import type { ColumnType, Generated } from 'kysely';

/** A `date` column: always a 'YYYY-MM-DD' string on both engines. */
export type DateString = string;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface MunicipalitiesTable {
  id: string;
  name: string;
  code: string;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface DistrictsTable {
  id: string;
  municipality_id: string;
  name: string;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface ClustersTable {
  id: string;
  district_id: string;
  name: string;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface UnitsTable {
  id: string;
  municipality_id: string;
  district_id: string;
  cluster_id: string | null;
  name: string;
  kind: string;
  address: string | null;
  phone: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface StaffTable {
  id: string;
  municipality_id: string;
  name: string;
  username: string;
  email: string | null;
  profession: string;
  password_hash: string | null;
  active: Generated<boolean>;
  failed_sign_ins: Generated<number>;
  locked_until: Date | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface MembershipsTable {
  id: string;
  staff_id: string;
  unit_id: string;
  starts_on: DateString;
  ends_on: DateString | null;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface CertificationsTable {
  id: string;
  staff_id: string;
  kind: string;
  valid_from: DateString;
  valid_until: DateString | null;
  created_at: CreatedAt;
}

export interface SessionsTable {
  id: string;
  staff_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  absolute_expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: string;
  at: CreatedAt;
  municipality_id: string | null;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  category: string;
  subject_ids: ColumnType<string[], string[] | undefined, never>;
  criterion: string | null;
  purpose: string | null;
  outcome: 'allowed' | 'denied';
  request_id: string | null;
  ip: string | null;
  detail: ColumnType<unknown, string | null, never> | null;
}

export interface SpireMigrationsTable {
  name: string;
  applied_at: CreatedAt;
}

/** The whole database, as Kysely sees it. */
export interface DB {
  municipalities: MunicipalitiesTable;
  districts: DistrictsTable;
  clusters: ClustersTable;
  units: UnitsTable;
  staff: StaffTable;
  memberships: MembershipsTable;
  certifications: CertificationsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  spire_migrations: SpireMigrationsTable;
}
