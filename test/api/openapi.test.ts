/**
 * The OpenAPI document describes every API route the app registers, with its
 * access level, and the docs viewer works offline (no CDN).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/connect';
import { describeEngines, freshDatabase } from '../engines';
import { makeWorld } from '../factories';
import { apiRoutes, type OpenApiDocument, openApiDocument, toOpenApiPath } from '../routes';

const METHODS = new Set(['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace']);
const CATEGORIES = ['basic', 'health', 'pedagogical', 'social', 'meeting', 'course', 'staff', 'organisation', 'audit', 'session', 'system'];
const ACTIONS = ['read', 'search', 'create', 'update', 'delete', 'export', 'disclose'];

/** Every '$ref' string anywhere in a JSON value. */
function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string') found.push(inner);
      else refsIn(inner, found);
    }
  }
  return found;
}

describeEngines('OpenAPI document', (engine) => {
  let database: Database;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    world = await makeWorld(database);
    doc = await openApiDocument(world.app);
  });
  afterAll(() => database.close());

  it('is served as JSON without signing in', async () => {
    const response = await world.client().get('/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
  });

  it('looks like a valid OpenAPI 3.x document', () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    expect(Object.keys(doc.paths).length).toBeGreaterThan(0);
    for (const [path, item] of Object.entries(doc.paths)) {
      expect(path).toMatch(/^\/api\//);
      expect(path).not.toContain(':'); // OpenAPI writes {id}, not :id
      for (const [method, operation] of Object.entries(item)) {
        if (!METHODS.has(method)) continue;
        expect(Object.keys(operation.responses ?? {}).length, `${method} ${path} has responses`).toBeGreaterThan(0);
        for (const match of path.matchAll(/\{(\w+)\}/g)) {
          const parameter = operation.parameters?.find((p) => p.in === 'path' && p.name === match[1]);
          expect(parameter?.required, `${method} ${path} declares path parameter ${match[1]}`).toBe(true);
        }
      }
    }
  });

  it('resolves every $ref to a component schema', () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components?.schemas?.[ref.replace('#/components/schemas/', '')], ref).toBeDefined();
    }
  });

  it('documents every registered API route, and nothing that is not registered', () => {
    const registered = apiRoutes(world.app).map((r) => `${r.method.toLowerCase()} ${r.openApiPath}`);
    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((m) => METHODS.has(m))
        .map((m) => `${m} ${path}`),
    );
    expect(registered.length).toBeGreaterThan(10);
    expect(registered.filter((r) => !documented.includes(r))).toEqual([]);
    expect(documented.filter((d) => !registered.includes(d))).toEqual([]);
  });

  it('maps Hono path parameters to OpenAPI ones', () => {
    expect(toOpenApiPath('/api/staff/:id/memberships')).toBe('/api/staff/{id}/memberships');
    expect(toOpenApiPath('/api/docs/:file{swagger-ui(-bundle\\.js|\\.css)}')).toBe('/api/docs/{file}');
    expect(doc.paths['/api/staff/{id}']?.get).toBeDefined();
  });

  it('states the access level of every operation as x-spire-access', () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (!METHODS.has(method)) continue;
        const access = operation['x-spire-access'];
        const label = `${method} ${path}: ${access}`;
        expect(access, label).toBeDefined();
        if (access === 'public' || access === 'signed-in') continue;
        const [category, action] = (access ?? '').split(':');
        expect(CATEGORIES, label).toContain(category);
        expect(ACTIONS, label).toContain(action);
      }
    }
    expect(doc.paths['/api/health']?.get?.['x-spire-access']).toBe('public');
    expect(doc.paths['/api/staff/{id}']?.get?.['x-spire-access']).toBe('staff:read');
  });

  it('serves the docs page with Swagger UI from the same origin, no CDN', async () => {
    const response = await world.client().get('/api/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    const urls = [...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1]);
    expect(urls.some((u) => u.includes('swagger-ui-bundle'))).toBe(true);
    expect(urls.some((u) => u.includes('swagger-ui.css'))).toBe(true);
    for (const url of urls) {
      expect(url, 'same-origin path').toMatch(/^\/(?!\/)/);
      expect(url).not.toMatch(/unpkg|jsdelivr|cdnjs|cdn\./i);
    }
    expect(html).not.toMatch(/https?:\/\//);
    // Every asset the page loads is really served, and the page is allowed to run only same-origin scripts.
    for (const url of urls) {
      const asset = await world.client().get(url);
      expect(asset.status, url).toBe(200);
      expect((await asset.arrayBuffer()).byteLength, url).toBeGreaterThan(0);
    }
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
  });

  it('points the docs viewer at this server’s own document', async () => {
    const page = await (await world.client().get('/api/docs')).text();
    const scripts = [...page.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    const sources = await Promise.all(scripts.filter((s) => !s.includes('bundle')).map(async (s) => (await world.client().get(s)).text()));
    expect(sources.join('\n')).toContain("'/api/openapi.json'");
  });
});
