/** Sign-in, sign-out, session refresh and "who am I". */
import { z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { RateLimiter } from '../../auth/rate-limit';
import { SESSION_COOKIE } from '../../auth/sessions';
import type { AppConfig } from '../../config';
import { Problem, unauthenticated } from '../../errors';
import { problemResponse } from '../../http/problem-response';
import { createRouter, defineRoute, type Router } from '../../http/route';
import { problemResponses } from '../../http/openapi-shared';
import { Me, Refreshed, SessionState, SignedIn, SignInBody } from './schema';

const signIn = defineRoute({
  method: 'post',
  path: '/api/auth/login',
  access: 'public',
  tags: ['Sign-in'],
  summary: 'Sign in with username and password',
  request: { body: { content: { 'application/json': { schema: SignInBody } } } },
  responses: {
    200: { description: 'Signed in; sets the session cookie', content: { 'application/json': { schema: SignedIn } } },
    ...problemResponses(400, 401, 429),
  },
});

const me = defineRoute({
  method: 'get',
  path: '/api/auth/me',
  access: 'signed-in',
  tags: ['Sign-in'],
  summary: 'The signed-in staff member',
  responses: {
    200: {
      description: 'Current user',
      content: {
        'application/json': { schema: z.object({ user: Me, csrfToken: z.string(), session: SessionState }) },
      },
    },
    ...problemResponses(401),
  },
});

const refresh = defineRoute({
  method: 'post',
  path: '/api/auth/refresh',
  access: 'signed-in',
  tags: ['Sign-in'],
  summary: 'Stay signed in: extend the session',
  responses: {
    200: { description: 'New expiry', content: { 'application/json': { schema: Refreshed } } },
    ...problemResponses(401, 403),
  },
});

const signOut = defineRoute({
  method: 'post',
  path: '/api/auth/logout',
  access: 'signed-in',
  tags: ['Sign-in'],
  summary: 'Sign out',
  responses: { 204: { description: 'Signed out' }, ...problemResponses(401, 403) },
});

/**
 * The sign-in routes; the rate limiter lives as long as the app.
 * @example app.route('/', authRoutes(config));
 */
export function authRoutes(config: AppConfig): Router {
  const limiter = new RateLimiter(config.signInRateLimit, config.signInRateWindowSeconds * 1000);
  const sessionState = (expiresAt: Date) => ({
    expiresAt: expiresAt.toISOString(),
    warnBeforeSeconds: config.sessionWarnSeconds,
  });

  return createRouter()
    .openapi(signIn, async (c) => {
      const { username, password } = c.req.valid('json');
      const ip = c.get('work').origin.ip ?? 'unknown';
      const wait = limiter.hit(ip);
      if (wait > 0) throw new Problem(429, 'auth.rate_limited', { extra: { retryAfterSeconds: wait } });
      const repo = c.get('repos').auth;
      const result = await repo.signIn({ username, password, userAgent: c.req.header('user-agent') ?? null });
      if (!result.ok) {
        // Returned, not thrown: the failure count and the audit row must be committed.
        if (result.reason === 'locked') {
          const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
          return problemResponse(
            c,
            new Problem(429, 'auth.locked', { values: { minutes }, extra: { retryAfterSeconds: result.retryAfterSeconds } }),
          ) as never;
        }
        return problemResponse(c, new Problem(401, 'auth.invalid_credentials')) as never;
      }
      setCookie(c, SESSION_COOKIE, result.session.token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: config.secureCookies,
        path: '/',
        maxAge: config.sessionAbsoluteSeconds,
      });
      const user = await repo.me(result.staffId);
      return c.json({ user, csrfToken: result.session.csrfToken, session: sessionState(result.session.expiresAt) }, 200);
    })
    .openapi(me, async (c) => {
      const actor = c.get('actor');
      const session = c.get('session');
      if (actor.kind !== 'staff' || !session) throw unauthenticated();
      const user = await c.get('repos').auth.me(actor.id);
      return c.json({ user, csrfToken: session.csrfToken, session: sessionState(session.expiresAt) }, 200);
    })
    .openapi(refresh, async (c) => {
      const session = c.get('session');
      if (!session) throw unauthenticated();
      const expiresAt = await c.get('repos').auth.refresh(session.id);
      return c.json({ session: sessionState(expiresAt) }, 200);
    })
    .openapi(signOut, async (c) => {
      const session = c.get('session');
      if (!session) throw unauthenticated();
      await c.get('repos').auth.signOut(session.id);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    });
}
