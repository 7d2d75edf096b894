/** Shared OpenAPI pieces: the problem+json schema and common error responses. */
import { z } from '@hono/zod-openapi';

/** application/problem+json body. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

const descriptions: Record<number, string> = {
  400: 'Invalid input, field by field',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found, or not visible to you',
  409: 'Conflict: stale version or duplicate',
  429: 'Too many attempts',
};

/**
 * OpenAPI response entries for the given problem statuses.
 * @example responses: { 200: …, ...problemResponses(400, 401, 403) }
 */
export function problemResponses<S extends number>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: descriptions[status] ?? 'Error', content: { 'application/problem+json': { schema: ProblemSchema } } },
    ]),
  ) as Record<S, { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } }>;
}

/** Path parameter `id` as a UUID. */
export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

/** A calendar date 'YYYY-MM-DD'. */
export const IsoDate = z.iso.date();
