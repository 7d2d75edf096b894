/** Routes for the children's registry. */
import { z } from '@hono/zod-openapi';
import { IdParam, problemResponses } from '../../http/openapi-shared';
import { createRouter, defineRoute, type Router } from '../../http/route';
import {
  AddEnrolment,
  ChildDetail,
  ChildListQuery,
  ChildQuery,
  ChildSummary,
  EndEnrolment,
  GuardianInput,
  MergeChildren,
  Reassign,
  RegisterBirth,
  RegisterChild,
  RevealedCpr,
  UpdateChild,
  UpdateRelation,
} from './schema';

const tags = ['Children'];
const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
const search = { action: 'search', category: 'basic' } as const;
const read = { action: 'read', category: 'basic' } as const;
const create = { action: 'create', category: 'basic' } as const;
const update = { action: 'update', category: 'basic' } as const;
const disclose = { action: 'disclose', category: 'basic' } as const;
const detail = (status: 200 | 201, description: string) => ({ [status]: { description, ...json(ChildDetail) } }) as { [K in typeof status]: { description: string; content: { 'application/json': { schema: typeof ChildDetail } } } };

const listChildren = defineRoute({
  method: 'get', path: '/api/children', access: search, tags, summary: 'List or search the children visible to you (name, birth date, address, parent name; CPR only through POST /api/children/search)',
  request: { query: ChildListQuery },
  responses: { 200: { description: 'Matches', ...json(z.object({ items: z.array(ChildSummary) })) }, ...problemResponses(400, 401, 403) },
});
const searchChildren = defineRoute({
  method: 'post', path: '/api/children/search', access: search, tags, summary: 'Search by anything, CPR included (POST keeps CPR numbers out of URLs and logs)',
  request: { body: json(ChildQuery) },
  responses: { 200: { description: 'Matches', ...json(z.object({ items: z.array(ChildSummary) })) }, ...problemResponses(400, 401, 403) },
});
const registerChild = defineRoute({
  method: 'post', path: '/api/children', access: create, tags, summary: 'Register a child or an expected child (pregnancy) with its adults',
  request: { body: json(RegisterChild) },
  responses: { ...detail(201, 'Registered'), ...problemResponses(400, 401, 403, 409) },
});
const getChild = defineRoute({
  method: 'get', path: '/api/children/{id}', access: read, tags, summary: 'A child’s basic record',
  request: { params: IdParam },
  responses: { ...detail(200, 'Child'), ...problemResponses(400, 401, 403, 404) },
});
const patchChild = defineRoute({
  method: 'patch', path: '/api/children/{id}', access: update, tags, summary: 'Change basic fields (send the version you read)',
  request: { params: IdParam, body: json(UpdateChild) },
  responses: { ...detail(200, 'Updated'), ...problemResponses(400, 401, 403, 404, 409) },
});
const postBirth = defineRoute({
  method: 'post', path: '/api/children/{id}/birth', access: update, tags, summary: 'Register the birth of an expected child (keeps everything recorded)',
  request: { params: IdParam, body: json(RegisterBirth) },
  responses: { ...detail(200, 'Born'), ...problemResponses(400, 401, 403, 404, 409) },
});
const postRelation = defineRoute({
  method: 'post', path: '/api/children/{id}/relations', access: update, tags, summary: 'Add a parent or other adult',
  request: { params: IdParam, body: json(GuardianInput) },
  responses: { ...detail(201, 'Added'), ...problemResponses(400, 401, 403, 404, 409) },
});
const patchRelation = defineRoute({
  method: 'patch', path: '/api/relations/{id}', access: update, tags, summary: 'Change custody, living arrangement or contact details',
  request: { params: IdParam, body: json(UpdateRelation) },
  responses: { ...detail(200, 'Updated'), ...problemResponses(400, 401, 403, 404, 409) },
});
const postEnrolment = defineRoute({
  method: 'post', path: '/api/children/{id}/enrolments', access: update, tags, summary: 'Enrol in a daycare or school unit (also a planned future start)',
  request: { params: IdParam, body: json(AddEnrolment) },
  responses: { ...detail(201, 'Enrolled'), ...problemResponses(400, 401, 403, 404) },
});
const patchEnrolment = defineRoute({
  method: 'patch', path: '/api/enrolments/{id}', access: update, tags, summary: 'Set or clear an enrolment’s end date',
  request: { params: IdParam, body: json(EndEnrolment) },
  responses: { ...detail(200, 'Updated'), ...problemResponses(400, 401, 403, 404, 409) },
});
const postAssignment = defineRoute({
  method: 'post', path: '/api/children/{id}/assignment', access: update, tags, summary: 'Reassign to another health-visiting unit or health visitor (history kept)',
  request: { params: IdParam, body: json(Reassign) },
  responses: { ...detail(200, 'Reassigned'), ...problemResponses(400, 401, 403, 404) },
});
const postMerge = defineRoute({
  method: 'post', path: '/api/children/{id}/merge', access: update, tags, summary: 'Merge a duplicate record of the same child into this one',
  request: { params: IdParam, body: json(MergeChildren) },
  responses: { ...detail(200, 'Merged'), ...problemResponses(400, 401, 403, 404, 409) },
});
const postRevealCpr = defineRoute({
  method: 'post', path: '/api/persons/{id}/reveal-cpr', access: disclose, tags, summary: 'Show a full CPR number (audited)',
  request: { params: IdParam },
  responses: { 200: { description: 'The CPR number', ...json(RevealedCpr) }, ...problemResponses(400, 401, 403, 404) },
});

/** The registry routes. */
export const childrenRoutes: Router = createRouter()
  .openapi(listChildren, async (c) => c.json({ items: await c.get('repos').children.search(c.req.valid('query')) }, 200))
  .openapi(searchChildren, async (c) => c.json({ items: await c.get('repos').children.search(c.req.valid('json')) }, 200))
  .openapi(registerChild, async (c) => c.json(await c.get('repos').children.register(c.req.valid('json')), 201))
  .openapi(getChild, async (c) => c.json(await c.get('repos').children.get(c.req.valid('param').id), 200))
  .openapi(patchChild, async (c) => c.json(await c.get('repos').children.update(c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(postBirth, async (c) => c.json(await c.get('repos').children.registerBirth(c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(postRelation, async (c) => c.json(await c.get('repos').children.addRelation(c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(patchRelation, async (c) => c.json(await c.get('repos').children.updateRelation(c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(postEnrolment, async (c) => c.json(await c.get('repos').children.addEnrolment(c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(patchEnrolment, async (c) => c.json(await c.get('repos').children.endEnrolment(c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(postAssignment, async (c) => c.json(await c.get('repos').children.reassign(c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(postMerge, async (c) => c.json(await c.get('repos').children.merge(c.req.valid('param').id, c.req.valid('json').duplicateId), 200))
  .openapi(postRevealCpr, async (c) => c.json(await c.get('repos').children.revealCpr(c.req.valid('param').id), 200));
