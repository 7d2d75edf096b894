/** Rendering problems as application/problem+json responses. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { fieldIssuesFromZod, Problem, problemBody } from '../errors';
import { languageFrom } from '../i18n';

/**
 * Renders a problem in the request's language.
 * @example return problemResponse(c, notFound());
 */
export function problemResponse(c: Context, problem: Problem): Response {
  const language = (c.get('language' as never) as 'da' | 'en' | undefined) ?? languageFrom(c.req.header('accept-language'));
  const headers: Record<string, string> = { 'content-type': 'application/problem+json; charset=utf-8' };
  const retry = problem.options.extra?.retryAfterSeconds;
  if (typeof retry === 'number') headers['retry-after'] = String(retry);
  // c.newResponse keeps the headers set earlier in the request (x-request-id, cache-control).
  return c.newResponse(JSON.stringify(problemBody(problem, language)), problem.status as ContentfulStatusCode, headers);
}

/**
 * Maps any thrown value to a Problem: Problems pass through, framework HTTP
 * errors get their stable codes, everything else is a 500.
 * @example toProblem(new HTTPException(400)) // request.malformed
 */
export function toProblem(error: unknown): Problem {
  if (error instanceof Problem) return error;
  if (error instanceof HTTPException) {
    if (error.status === 400 || error.status === 415) return new Problem(400, 'request.malformed', { detail: error.message });
    if (error.status === 401) return new Problem(401, 'auth.required');
    if (error.status === 403) return new Problem(403, 'access.denied');
    if (error.status === 404) return new Problem(404, 'not_found');
    if (error.status === 405) return new Problem(405, 'method.not_allowed');
  }
  if (isBadValueForDatabase(error)) return new Problem(400, 'request.malformed');
  return new Problem(500, 'server.error');
}

/**
 * SQLSTATE class 22 errors that only a client's value can cause (a NUL character,
 * text too long, a number or date out of range that the schema let through):
 * bad input, not a bug. Others (22P02, a malformed literal we built) stay 500s.
 * The transaction has been rolled back, so nothing was changed.
 */
function isBadValueForDatabase(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && ['22021', '22001', '22003', '22007', '22008'].includes(code);
}

/**
 * The validation hook for zod-openapi routes: a failed parse becomes a 400 with field errors.
 * @example new OpenAPIHono({ defaultHook: validationHook })
 */
export function validationHook(
  result: { success: boolean; error?: { issues: unknown[] } },
  c: Context,
): Response | undefined {
  if (result.success) return undefined;
  const issues = fieldIssuesFromZod((result.error?.issues ?? []) as Parameters<typeof fieldIssuesFromZod>[0]);
  return problemResponse(c, new Problem(400, 'validation.failed', { fields: issues }));
}
