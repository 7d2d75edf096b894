import { api, queryString } from './client';
import type { AuditFilters, AuditPage } from './types';

export const AUDIT_PAGE_SIZE = 50;

export const auditKeys = {
  list: (filters: AuditFilters) => ['audit', filters] as const,
};

export const listAudit = (filters: AuditFilters, cursor?: string | null) =>
  api<AuditPage>(`/api/audit${queryString({ ...filters, limit: AUDIT_PAGE_SIZE, cursor })}`);

/** The CSV export link for the same filters (a plain download, not fetched by the app). */
export const auditCsvHref = (filters: AuditFilters) => `/api/audit.csv${queryString({ ...filters })}`;
