/** Shapes for the access log viewer. */
import { z } from '@hono/zod-openapi';
import { IsoDate } from '../../http/openapi-shared';

export const AuditQuery = z.object({
  personId: z.uuid().optional(),
  actorId: z.uuid().optional(),
  action: z.string().trim().max(40).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});

export const AuditRow = z
  .object({
    id: z.uuid(),
    at: z.string(),
    actorId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    category: z.string(),
    subjectIds: z.array(z.uuid()),
    criterion: z.string().nullable(),
    purpose: z.string().nullable(),
    outcome: z.enum(['allowed', 'denied']),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
  })
  .openapi('AuditRow');

export const AuditPage = z.object({ items: z.array(AuditRow), nextCursor: z.string().nullable() }).openapi('AuditPage');

export type AuditFilter = z.infer<typeof AuditQuery>;
export type AuditRowShape = z.infer<typeof AuditRow>;
