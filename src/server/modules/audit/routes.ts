/** Routes for the access log: a filtered, paged view and a CSV export. */
import { z } from '@hono/zod-openapi';
import { problemResponses } from '../../http/openapi-shared';
import { createRouter, defineRoute, type Router } from '../../http/route';
import { auditCsv } from './csv';
import { AuditPage, AuditQuery } from './schema';

const tags = ['Access log'];
const EXPORT_LIMIT = 50_000;

const listAudit = defineRoute({
  method: 'get',
  path: '/api/audit',
  access: { action: 'search', category: 'audit' },
  tags,
  summary: 'Access log, newest first, filtered by person, actor, action and period',
  request: { query: AuditQuery },
  responses: {
    200: { description: 'One page', content: { 'application/json': { schema: AuditPage } } },
    ...problemResponses(400, 401, 403),
  },
});

const exportAudit = defineRoute({
  method: 'get',
  path: '/api/audit.csv',
  access: { action: 'export', category: 'audit' },
  tags,
  summary: 'Access log as CSV with the same filters',
  request: { query: AuditQuery.omit({ limit: true, cursor: true }) },
  responses: {
    200: { description: 'CSV file', content: { 'text/csv': { schema: z.string() } } },
    ...problemResponses(400, 401, 403),
  },
});

/** The access-log routes. */
export const auditRoutes: Router = createRouter()
  .openapi(listAudit, async (c) => c.json(await c.get('repos').audit.page(c.req.valid('query')), 200))
  .openapi(exportAudit, async (c) => {
    const page = await c.get('repos').audit.page({ ...c.req.valid('query'), limit: EXPORT_LIMIT }, 'export');
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="adgangslog-${new Date().toISOString().slice(0, 10)}.csv"`);
    return c.body(auditCsv(page.items), 200);
  });
