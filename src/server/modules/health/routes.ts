/** A liveness check: no database, no personal data. Also the benchmark's bare endpoint. */
import { z } from '@hono/zod-openapi';
import { createRouter, defineRoute, type Router } from '../../http/route';

const health = defineRoute({
  method: 'get',
  path: '/api/health',
  access: 'public',
  tags: ['Health'],
  summary: 'Is the server up?',
  responses: { 200: { description: 'Up', content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } } } },
});

/** The health route. */
export const healthRoutes: Router = createRouter().openapi(health, (c) => c.json({ ok: true as const }, 200));
