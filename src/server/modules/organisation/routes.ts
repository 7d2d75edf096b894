/** Routes for the municipality's structure: districts, clusters, units. */
import { z } from '@hono/zod-openapi';
import { IdParam, problemResponses } from '../../http/openapi-shared';
import { createRouter, defineRoute, type Router } from '../../http/route';
import { Cluster, CreateCluster, CreateDistrict, CreateUnit, District, Organisation, Unit, UnitQuery, UpdateUnit } from './schema';

const read = { action: 'read', category: 'organisation' } as const;
const create = { action: 'create', category: 'organisation' } as const;
const update = { action: 'update', category: 'organisation' } as const;
const tags = ['Organisation'];
const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

const getOrganisation = defineRoute({
  method: 'get',
  path: '/api/organisation',
  access: read,
  tags,
  summary: 'The municipality with its districts and clusters',
  responses: { 200: { description: 'Structure', ...json(Organisation) }, ...problemResponses(401, 403) },
});

const postDistrict = defineRoute({
  method: 'post',
  path: '/api/districts',
  access: create,
  tags,
  summary: 'Create a district',
  request: { body: json(CreateDistrict) },
  responses: { 201: { description: 'Created', ...json(District) }, ...problemResponses(400, 401, 403, 409) },
});

const postCluster = defineRoute({
  method: 'post',
  path: '/api/clusters',
  access: create,
  tags,
  summary: 'Create a cluster in a district',
  request: { body: json(CreateCluster) },
  responses: { 201: { description: 'Created', ...json(Cluster) }, ...problemResponses(400, 401, 403, 409) },
});

const listUnits = defineRoute({
  method: 'get',
  path: '/api/units',
  access: read,
  tags,
  summary: 'List units',
  request: { query: UnitQuery },
  responses: {
    200: { description: 'Units', ...json(z.object({ items: z.array(Unit) })) },
    ...problemResponses(400, 401, 403),
  },
});

const getUnit = defineRoute({
  method: 'get',
  path: '/api/units/{id}',
  access: read,
  tags,
  summary: 'One unit',
  request: { params: IdParam },
  responses: { 200: { description: 'Unit', ...json(Unit) }, ...problemResponses(400, 401, 403, 404) },
});

const postUnit = defineRoute({
  method: 'post',
  path: '/api/units',
  access: create,
  tags,
  summary: 'Create a unit',
  request: { body: json(CreateUnit) },
  responses: { 201: { description: 'Created', ...json(Unit) }, ...problemResponses(400, 401, 403) },
});

const patchUnit = defineRoute({
  method: 'patch',
  path: '/api/units/{id}',
  access: update,
  tags,
  summary: 'Change a unit (optimistic concurrency: send the version you read)',
  request: { params: IdParam, body: json(UpdateUnit) },
  responses: { 200: { description: 'Updated', ...json(Unit) }, ...problemResponses(400, 401, 403, 404, 409) },
});

/** The organisation routes. */
export const organisationRoutes: Router = createRouter()
  .openapi(getOrganisation, async (c) => c.json(await c.get('repos').organisation.structure(), 200))
  .openapi(postDistrict, async (c) => c.json(await c.get('repos').organisation.createDistrict(c.req.valid('json').name), 201))
  .openapi(postCluster, async (c) => {
    const body = c.req.valid('json');
    return c.json(await c.get('repos').organisation.createCluster(body.districtId, body.name), 201);
  })
  .openapi(listUnits, async (c) => c.json({ items: await c.get('repos').organisation.listUnits(c.req.valid('query')) }, 200))
  .openapi(getUnit, async (c) => c.json(await c.get('repos').organisation.getUnit(c.req.valid('param').id), 200))
  .openapi(postUnit, async (c) => c.json(await c.get('repos').organisation.createUnit(c.req.valid('json')), 201))
  .openapi(patchUnit, async (c) =>
    c.json(await c.get('repos').organisation.updateUnit(c.req.valid('param').id, c.req.valid('json')), 200),
  );
