/** Routes for which districts each district social worker covers (administrators). */
import { IdParam, problemResponses } from '../../http/openapi-shared';
import { createRouter, defineRoute, type Router } from '../../http/route';
import { SetDistricts, SocialWorker, SocialWorkerDistricts } from './districts-schema';

const tags = ['Concerns'];
const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

const listCoverage = defineRoute({
  method: 'get', path: '/api/social-worker-districts', access: { action: 'search', category: 'staff' }, tags,
  summary: 'The districts and which of them each social worker covers (administrators); sparring requests go to the covering social workers',
  responses: { 200: { description: 'Coverage', ...json(SocialWorkerDistricts) }, ...problemResponses(401, 403) },
});
const putCoverage = defineRoute({
  method: 'put', path: '/api/staff/{id}/districts', access: { action: 'update', category: 'organisation' }, tags,
  summary: 'Set the districts a social worker covers (administrators; replaces the set; districts of your municipality)',
  request: { params: IdParam, body: json(SetDistricts) },
  responses: { 200: { description: 'The social worker’s coverage', ...json(SocialWorker) }, ...problemResponses(400, 401, 403, 404) },
});

/** The social worker district coverage routes. */
export const socialWorkerDistrictRoutes: Router = createRouter()
  .openapi(listCoverage, async (c) => c.json(await c.get('repos').socialWorkerDistricts.list(), 200))
  .openapi(putCoverage, async (c) => c.json(await c.get('repos').socialWorkerDistricts.setDistricts(c.req.valid('param').id, c.req.valid('json')), 200));
