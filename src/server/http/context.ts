/**
 * Middleware that gives every API request its context: a request id, the
 * language, the actor (from the session cookie), CSRF protection, and the
 * unit of work with its repositories, finished after the handler ran.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { anonymous } from '../access/actor';
import { Work } from '../access/work';
import { loadSession, SESSION_COOKIE } from '../auth/sessions';
import { sameSecret } from '../auth/tokens';
import type { AppConfig } from '../config';
import type { Database } from '../db/connect';
import { invalidFields, Problem } from '../errors';
import { languageFrom } from '../i18n';
import { makeRepos } from '../repos';
import type { AppEnv } from './env';
import { problemResponse } from './problem-response';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function clientIp(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // not behind a Node socket (in-process requests in tests)
  }
}

/** The dotted path of the first string holding a NUL character in a JSON value, if any. */
function pathToNul(value: unknown, path: string[] = []): string | undefined {
  if (typeof value === 'string') return value.includes('\0') ? path.join('.') || '(body)' : undefined;
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = pathToNul(inner, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Request id, language, actor and CSRF check.
 * @example app.use('/api/*', requestContext(database, config));
 */
export function requestContext(database: Database, config: AppConfig): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('requestId', c.req.header('x-request-id')?.slice(0, 64) || crypto.randomUUID());
    c.set('language', languageFrom(c.req.header('accept-language')));
    c.header('x-request-id', c.get('requestId'));
    c.header('cache-control', 'no-store');

    const token = getCookie(c, SESSION_COOKIE);
    const found = token ? await loadSession(database.db, token, config) : null;
    c.set('actor', found?.actor ?? anonymous);
    c.set('session', found?.session);
    // The session slides with use; the web app reads this to time its expiry warning.
    if (found) c.header('x-session-expires-at', found.session.expiresAt.toISOString());

    // PostgreSQL text cannot hold NUL characters: refuse them at the door, field by field where we can.
    if (c.req.url.includes('%00')) return problemResponse(c, invalidFields([{ field: '(query)', code: 'invalid' }]));
    if ((c.req.header('content-type') ?? '').includes('json') && (await c.req.text()).includes('\\u0000')) {
      const field = pathToNul(await c.req.json().catch(() => undefined)) ?? '(body)';
      return problemResponse(c, invalidFields([{ field, code: 'invalid' }]));
    }

    if (!SAFE_METHODS.has(c.req.method)) {
      const crossSite = c.req.header('sec-fetch-site') === 'cross-site';
      const origin = c.req.header('origin');
      const host = c.req.header('host');
      const wrongOrigin = origin !== undefined && origin !== 'null' && host !== undefined && new URL(origin).host !== host;
      const missingToken = found !== null && !sameSecret(c.req.header('x-csrf-token'), found.session.csrfToken);
      if (crossSite || wrongOrigin || origin === 'null' || missingToken) {
        return problemResponse(c, new Problem(403, 'auth.csrf'));
      }
    }

    const work = new Work(database.db, { actor: c.get('actor'), requestId: c.get('requestId'), ip: clientIp(c) });
    c.set('work', work);
    c.set('repos', makeRepos(work, config));
    await next();
    try {
      await work.finish(!c.error);
    } catch (error) {
      console.error('Could not finish the unit of work (nothing was committed):', error);
      c.res = problemResponse(c, new Problem(500, 'server.error'));
    }
  };
}
