/**
 * Reading the app's own route table and OpenAPI document, for tests that must
 * cover every route (the route guard, the OpenAPI check, the validation
 * property test): new routes are picked up without touching the tests.
 */
import fc from 'fast-check';
import type { SpireApp } from '../src/server/app';

/** An API route as registered in the app. */
export interface ApiRoute {
  /** Upper case: GET, POST, PATCH, DELETE, … */
  method: string;
  /** Hono's path: '/api/staff/:id'. */
  path: string;
  /** The same path as OpenAPI writes it: '/api/staff/{id}'. */
  openApiPath: string;
}

/** The bits of an OpenAPI schema object the tests look at. */
export interface SchemaObject {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  pattern?: string;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  anyOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  allOf?: SchemaObject[];
  additionalProperties?: boolean | SchemaObject;
}

/** One operation of the OpenAPI document. */
export interface Operation {
  'x-spire-access'?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: SchemaObject }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: SchemaObject }> };
  responses?: Record<string, unknown>;
}

/** The OpenAPI document as served at /api/openapi.json. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, SchemaObject> };
}

/** Paths that are not API operations: the docs viewer and the document itself. */
const notApi = (path: string) => path === '/api/openapi.json' || path === '/api/docs' || path.startsWith('/api/docs/');

/**
 * Every API route registered in the app, once per method and path. Middleware
 * (method ALL, from `use`) and the docs are left out; paths outside /api are
 * the web app.
 * @example apiRoutes(world.app).map((r) => `${r.method} ${r.path}`) // ['GET /api/health', …]
 */
export function apiRoutes(app: SpireApp): ApiRoute[] {
  const seen = new Map<string, ApiRoute>();
  for (const route of app.routes) {
    if (route.method === 'ALL') continue;
    if (!route.path.startsWith('/api/') || notApi(route.path)) continue;
    const key = `${route.method} ${route.path}`;
    if (!seen.has(key)) seen.set(key, { method: route.method, path: route.path, openApiPath: toOpenApiPath(route.path) });
  }
  return [...seen.values()];
}

/**
 * Hono's ':id' (optionally with a '{regex}') becomes OpenAPI's '{id}'.
 * @example toOpenApiPath('/api/staff/:id/memberships') // '/api/staff/{id}/memberships'
 */
export function toOpenApiPath(path: string): string {
  return path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');
}

/**
 * Fills each ':param' of a Hono path with `fill(name)`, URL-encoded unless
 * `encode` is false (to send raw, possibly broken, percent sequences).
 * @example fillPath('/api/staff/:id', () => crypto.randomUUID())
 */
export function fillPath(path: string, fill: (name: string) => string, encode = true): string {
  return path.replace(/:(\w+)(\{[^}]*\})?/g, (_, name: string) => (encode ? encodeURIComponent(wellFormed(fill(name))) : fill(name)));
}

/** Replaces lone surrogates (which cannot be URL-encoded) with U+FFFD, like String.prototype.toWellFormed. */
function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/**
 * Fetches the app's OpenAPI document.
 * @example const doc = await openApiDocument(world.app);
 */
export async function openApiDocument(app: SpireApp): Promise<OpenApiDocument> {
  const response = await app.request('/api/openapi.json');
  if (response.status !== 200) throw new Error(`GET /api/openapi.json: ${response.status} ${await response.text()}`);
  return (await response.json()) as OpenApiDocument;
}

/** The OpenAPI operation of a registered route (undefined if it is not documented). */
export function operationOf(doc: OpenApiDocument, route: ApiRoute): Operation | undefined {
  return doc.paths[route.openApiPath]?.[route.method.toLowerCase()];
}

/** The JSON request body schema of an operation, if it takes one. */
export function bodySchemaOf(operation: Operation | undefined): SchemaObject | undefined {
  return operation?.requestBody?.content?.['application/json']?.schema;
}

/** Follows a local '#/components/schemas/…' reference. */
export function resolve(doc: OpenApiDocument, schema: SchemaObject): SchemaObject {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 20; hops++) {
    const name = current.$ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`Unresolved $ref ${current.$ref}`);
    current = target;
  }
  return current;
}

/** Ways to build a plausible value; the default is the plainest one. */
export interface PlausibleOptions {
  /** Fill optional properties too, not only required ones and those with a default. */
  all?: boolean;
  /** Put one plausible item in arrays instead of leaving them empty. */
  arrayItem?: boolean;
  /** Take the last enum value instead of the first. */
  lastEnum?: boolean;
}

/**
 * A plausible value for a schema, so that validation passes and the policy or
 * the repository is what answers: uuid → a random UUID, date → '2026-01-15',
 * enum → its first value, string → 'Testværdi' (lengthened to minLength),
 * integer → 1 (or the minimum), boolean → true; objects get their required
 * properties and those with a default.
 * @example plausibleValue(doc, bodySchemaOf(operation)!) // { name: 'Testværdi', kind: 'health_visiting', … }
 */
export function plausibleValue(doc: OpenApiDocument, input: SchemaObject, options: PlausibleOptions = {}): unknown {
  const schema = resolve(doc, input);
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum && schema.enum.length > 0) return options.lastEnum ? schema.enum[schema.enum.length - 1] : schema.enum[0];
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) {
    const nonNull = choices.map((c) => resolve(doc, c)).find((c) => c.type !== 'null');
    return plausibleValue(doc, nonNull ?? choices[0], options);
  }
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((part) => plausibleValue(doc, part, options)));
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const type = types.find((t) => t !== 'null') ?? (schema.properties ? 'object' : 'null');
  switch (type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      const required = new Set(schema.required ?? []);
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        if (options.all || required.has(key) || resolve(doc, property).default !== undefined) {
          value[key] = plausibleValue(doc, property, options);
        }
      }
      return value;
    }
    case 'array':
      return options.arrayItem && schema.items ? [plausibleValue(doc, schema.items, options)] : [];
    case 'integer':
    case 'number':
      return schema.minimum !== undefined ? Math.max(1, schema.minimum) : 1;
    case 'boolean':
      return true;
    case 'string':
      return plausibleString(schema);
    default:
      return null;
  }
}

/** A zod schema, as far as these tests use it. */
interface Parser {
  safeParse(value: unknown): { success: boolean; error?: unknown };
}

/** The zod schema the app validates a route's JSON body with (undefined without a body). */
export function zodBodySchemaOf(app: SpireApp, route: ApiRoute): Parser | undefined {
  for (const definition of app.openAPIRegistry.definitions) {
    if (definition.type !== 'route') continue;
    if (definition.route.path !== route.openApiPath || definition.route.method !== route.method.toLowerCase()) continue;
    const content = definition.route.request?.body?.content as Record<string, { schema?: unknown }> | undefined;
    const schema = content?.['application/json']?.schema as Partial<Parser> | undefined;
    return typeof schema?.safeParse === 'function' ? (schema as Parser) : undefined;
  }
  return undefined;
}

/**
 * A plausible JSON body for a route: the plainest variant of `plausibleValue`
 * that the route's own zod schema accepts (cross-field rules such as "an
 * expected child needs a due date" are met by trying richer variants), or
 * undefined when the route takes no body.
 * @example await client.request(route.method, path, plausibleBody(app, doc, route))
 */
export function plausibleBody(app: SpireApp, doc: OpenApiDocument, route: ApiRoute): { body: unknown; valid: boolean } | undefined {
  const schema = bodySchemaOf(operationOf(doc, route));
  if (!schema) return undefined;
  const variants: PlausibleOptions[] = [];
  for (const all of [false, true]) for (const arrayItem of [false, true]) for (const lastEnum of [false, true]) variants.push({ all, arrayItem, lastEnum });
  const parser = zodBodySchemaOf(app, route);
  for (const options of variants) {
    const body = plausibleValue(doc, schema, options);
    if (parser?.safeParse(body).success) return { body, valid: true };
  }
  return { body: plausibleValue(doc, schema), valid: false };
}

function plausibleString(schema: SchemaObject): string {
  if (schema.format === 'uuid') return crypto.randomUUID();
  if (schema.format === 'date') return '2026-01-15';
  if (schema.format === 'date-time') return '2026-01-15T10:00:00.000Z';
  if (schema.format === 'email') return 'test@example.org';
  let text = 'Testværdi';
  while (text.length < (schema.minLength ?? 0)) text += 'x';
  if (schema.maxLength !== undefined) text = text.slice(0, schema.maxLength);
  if (!schema.pattern) return text;
  const pattern = new RegExp(schema.pattern, 'u');
  const fits = (candidate: string) =>
    pattern.test(candidate) && candidate.length >= (schema.minLength ?? 0) && candidate.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY);
  if (fits(text)) return text;
  if (fits('testvaerdi')) return 'testvaerdi';
  // Let fast-check find a string the pattern accepts (always the same one: fixed seed).
  return fc.sample(fc.stringMatching(pattern), { numRuns: 200, seed: 42 }).find(fits) ?? text;
}
