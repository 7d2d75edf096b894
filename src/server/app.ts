/**
 * Builds Spire's HTTP app: the JSON API under /api (with its OpenAPI document
 * and docs) and, when a built web app is given, the web app on the same port.
 * Used alike by `npm start`, the tests and the benchmark.
 */
import path from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import type { AppConfig } from './config';
import type { Database } from './db/connect';
import { Problem } from './errors';
import { apiDocs } from './http/api-docs';
import { requestContext } from './http/context';
import type { AppEnv } from './http/env';
import { problemResponse, toProblem, validationHook } from './http/problem-response';
import { sendFile } from './http/static-files';
import { auditRoutes } from './modules/audit/routes';
import { authRoutes } from './modules/auth/routes';
import { childrenRoutes } from './modules/children/routes';
import { myDayRoutes } from './modules/my-day/routes';
import { organisationRoutes } from './modules/organisation/routes';
import { programmeRoutes } from './modules/programme/routes';
import { staffRoutes } from './modules/staff/routes';
import { visitRoutes } from './modules/visits/routes';
import { screeningRoutes } from './modules/screening/routes';
import { wellbeingRoutes } from './modules/wellbeing/routes';
import { consentRoutes } from './modules/consent/routes';
import { handoverRoutes } from './modules/handover/routes';
import { meetingRoutes } from './modules/meetings/routes';
import { concernRoutes } from './modules/concerns/routes';
import { socialWorkerDistrictRoutes } from './modules/concerns/districts-routes';
import { notificationRoutes } from './modules/notifications/routes';
import { healthRoutes } from './modules/health/routes';
import { counsellingRoutes } from './modules/counselling/routes';
import { workshopRoutes } from './modules/workshops/routes';
import { offersRoutes } from './modules/offers/routes';

/**
 * Creates the app on an open database.
 * @example const app = buildApp(database, defaultConfig); serve({ fetch: app.fetch, port: 3000 });
 */
export function buildApp(database: Database, config: AppConfig) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  const context = requestContext(database, config);
  app.use('/api/*', async (c, next) => {
    if (c.req.path === '/api/docs' || c.req.path.startsWith('/api/docs/') || c.req.path === '/api/openapi.json') return next();
    return context(c, next);
  });

  app.route('/', healthRoutes);
  app.route('/', authRoutes(config));
  app.route('/', myDayRoutes);
  app.route('/', organisationRoutes);
  app.route('/', staffRoutes);
  app.route('/', auditRoutes);
  app.route('/', programmeRoutes);
  app.route('/', visitRoutes);
  app.route('/', childrenRoutes);
  app.route('/', screeningRoutes);
  app.route('/', wellbeingRoutes);
  app.route('/', consentRoutes);
  app.route('/', handoverRoutes);
  app.route('/', meetingRoutes);
  app.route('/', concernRoutes);
  app.route('/', socialWorkerDistrictRoutes);
  app.route('/', notificationRoutes);
  app.route('/', counsellingRoutes);
  app.route('/', workshopRoutes);
  app.route('/', offersRoutes);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Spire API',
      version: '0.1.0',
      description:
        'Spire’s JSON API. Sign in with POST /api/auth/login; state-changing requests need the x-csrf-token header. Errors are application/problem+json with a stable `code`.',
    },
  });
  app.route('/', apiDocs);

  app.onError((error, c) => {
    const problem = toProblem(error);
    if (problem.status >= 500) console.error(`[${c.get('requestId') ?? '-'}]`, error);
    return problemResponse(c, problem);
  });

  app.notFound(async (c) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/api' || !config.webDir) {
      return problemResponse(c, new Problem(404, 'not_found'));
    }
    if (c.req.path === '/was') {
      // The accessibility statement lives in Digitaliseringsstyrelsen's WAS-Tool under our domain with dashes.
      const host = (c.req.header('host') ?? 'localhost').replace(/:\d+$/, '').replace(/\./g, '-');
      return c.redirect(`https://was.digst.dk/${host}`, 302);
    }
    const webDir = config.webDir;
    const asset = await sendFile(c, webDir, c.req.path, c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (asset) return asset;
    return (await sendFile(c, webDir, 'index.html')) ?? problemResponse(c, new Problem(404, 'not_found'));
  });

  return app;
}

/** The app type, for tests. */
export type SpireApp = ReturnType<typeof buildApp>;

/** Where `vite build` puts the web app. */
export const defaultWebDir = path.resolve('dist/web');
