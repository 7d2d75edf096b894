/** Routes for workshops, talks and competence forums for staff: list with filters, record, change, remove. */
import { IdParam, problemResponses } from '../../http/openapi-shared';
import { createRouter, defineRoute, type Router } from '../../http/route';
import { CreateWorkshop, DeleteWorkshopQuery, UpdateWorkshop, Workshop, WorkshopList, WorkshopsQuery } from './schema';

const tags = ['Workshops'];
const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

const listWorkshops = defineRoute({
  method: 'get', path: '/api/workshops', access: { action: 'search', category: 'social' }, tags,
  summary: 'Workshops, talks and forums of the offers your units run or held for your units, newest first (filters: period, unit, theme)',
  request: { query: WorkshopsQuery },
  responses: { 200: { description: 'Workshops', ...json(WorkshopList) }, ...problemResponses(400, 401, 403) },
});
const postWorkshop = defineRoute({
  method: 'post', path: '/api/workshops', access: { action: 'create', category: 'social' }, tags,
  summary: 'Record a workshop, talk or forum of an offer your unit runs: theme, date, unit, participants, facilitators',
  request: { body: json(CreateWorkshop) },
  responses: { 201: { description: 'Workshop', ...json(Workshop) }, ...problemResponses(400, 401, 403) },
});
const getWorkshop = defineRoute({
  method: 'get', path: '/api/workshops/{id}', access: { action: 'read', category: 'social' }, tags,
  summary: 'One workshop',
  request: { params: IdParam },
  responses: { 200: { description: 'Workshop', ...json(Workshop) }, ...problemResponses(400, 401, 403, 404) },
});
const patchWorkshop = defineRoute({
  method: 'patch', path: '/api/workshops/{id}', access: { action: 'update', category: 'social' }, tags,
  summary: 'Change a workshop (send the version you read)',
  request: { params: IdParam, body: json(UpdateWorkshop) },
  responses: { 200: { description: 'Workshop', ...json(Workshop) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const deleteWorkshop = defineRoute({
  method: 'delete', path: '/api/workshops/{id}', access: { action: 'delete', category: 'social' }, tags,
  summary: 'Remove a workshop recorded by mistake (?version= the version you read)',
  request: { params: IdParam, query: DeleteWorkshopQuery },
  responses: { 204: { description: 'Removed' }, ...problemResponses(400, 401, 403, 404, 409) },
});

/** The workshop routes. */
export const workshopRoutes: Router = createRouter()
  .openapi(listWorkshops, async (c) => c.json({ items: await c.get('repos').workshops.list(c.req.valid('query')) }, 200))
  .openapi(postWorkshop, async (c) => c.json(await c.get('repos').workshops.create(c.req.valid('json')), 201))
  .openapi(getWorkshop, async (c) => c.json(await c.get('repos').workshops.get(c.req.valid('param').id), 200))
  .openapi(patchWorkshop, async (c) => c.json(await c.get('repos').workshops.update(c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(deleteWorkshop, async (c) => {
    await c.get('repos').workshops.remove(c.req.valid('param').id, c.req.valid('query').version);
    return c.body(null, 204);
  });
