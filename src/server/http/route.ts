/**
 * Declaring API routes. Every route states who may call it, and that decides
 * the middleware in front of validation:
 * - `public`: anyone (health checks, sign-in);
 * - `signed-in`: any signed-in staff member, for their own things (Min dag, /me);
 * - `{ action, category }`: signed-in and allowed by policy to do that action on
 *   that category at all; the repository then checks the specific resource.
 * The access level is also written into the OpenAPI document as `x-spire-access`,
 * which the route guard test reads.
 */
import { createRoute, OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Action, Category } from '../access/policy';
import { unauthenticated } from '../errors';
import type { AppEnv } from './env';
import { validationHook } from './problem-response';

/** Who may call a route. */
export type RouteAccess = 'public' | 'signed-in' | { action: Action; category: Category };

const requireSignedIn: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.get('actor').kind !== 'staff') throw unauthenticated();
  await next();
};

function requirePermission(action: Action, category: Category): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get('actor').kind !== 'staff') throw unauthenticated();
    c.get('work').authorize(action, category);
    await next();
  };
}

/**
 * Declares a route with its access level; JSON bodies are required when declared.
 * @example defineRoute({ method: 'get', path: '/api/units', access: { action: 'read', category: 'organisation' }, responses })
 */
export function defineRoute<R extends Omit<RouteConfig, 'middleware'>>(config: R & { access: RouteAccess }) {
  const { access, ...route } = config;
  const middleware =
    access === 'public' ? [] : access === 'signed-in' ? [requireSignedIn] : [requirePermission(access.action, access.category)];
  const request = route.request?.body ? { ...route.request, body: { ...route.request.body, required: true } } : route.request;
  return createRoute({
    ...route,
    request,
    middleware,
    'x-spire-access': access === 'public' || access === 'signed-in' ? access : `${access.category}:${access.action}`,
  } as unknown as R & { middleware: MiddlewareHandler<AppEnv>[] });
}

/** A module's router, with its route types erased (keeps the app's type small). */
export type Router = OpenAPIHono<AppEnv>;

/**
 * A router for one module's routes, with Spire's validation hook.
 * @example const router = createRouter(); router.openapi(route, handler);
 */
export function createRouter(): Router {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}
