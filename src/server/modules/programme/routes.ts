/** Routes for the visit programme: a child's planned contacts, the extended track, and the municipality's templates. */
import { IdParam, problemResponses } from '../../http/openapi-shared';
import { createRouter, defineRoute } from '../../http/route';
import { ChildProgramme, EndExtendedTrack, ExtendedTrack, ReplaceVisitTemplates, StartExtendedTrack, VisitProgramme } from './schema';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
const tags = ['Programme'];

const getProgramme = defineRoute({
  method: 'get',
  path: '/api/children/{id}/programme',
  access: { action: 'read', category: 'health' },
  tags,
  summary: 'The child’s planned contacts with status, and the extended track',
  request: { params: IdParam },
  responses: { 200: { description: 'Programme', ...json(ChildProgramme) }, ...problemResponses(400, 401, 403, 404) },
});

const postExtended = defineRoute({
  method: 'post',
  path: '/api/children/{id}/extended-track',
  access: { action: 'create', category: 'health' },
  tags,
  summary: 'Put the family on the extended track (udvidet indsats)',
  request: { params: IdParam, body: json(StartExtendedTrack) },
  responses: { 201: { description: 'On the extended track', ...json(ExtendedTrack) }, ...problemResponses(400, 401, 403, 404, 409) },
});

const postExtendedEnd = defineRoute({
  method: 'post',
  path: '/api/children/{id}/extended-track/end',
  access: { action: 'update', category: 'health' },
  tags,
  summary: 'Record that the family leaves the extended track (send the version you read)',
  request: { params: IdParam, body: json(EndExtendedTrack) },
  responses: { 200: { description: 'Left the extended track', ...json(ExtendedTrack) }, ...problemResponses(400, 401, 403, 404, 409) },
});

const getTemplates = defineRoute({
  method: 'get',
  path: '/api/visit-templates',
  access: { action: 'read', category: 'organisation' },
  tags,
  summary: 'The municipality’s visit programme (or the national default)',
  responses: { 200: { description: 'Programme', ...json(VisitProgramme) }, ...problemResponses(401, 403) },
});

const putTemplates = defineRoute({
  method: 'put',
  path: '/api/visit-templates',
  access: { action: 'update', category: 'organisation' },
  tags,
  summary: 'Replace the municipality’s visit programme (1–30 templates)',
  request: { body: json(ReplaceVisitTemplates) },
  responses: { 200: { description: 'Replaced', ...json(VisitProgramme) }, ...problemResponses(400, 401, 403, 409) },
});

/** The programme routes. */
export const programmeRoutes = createRouter()
  .openapi(getProgramme, async (c) => c.json(await c.get('repos').programme.forChild(c.req.valid('param').id), 200))
  .openapi(postExtended, async (c) =>
    c.json(await c.get('repos').programme.startExtended(c.req.valid('param').id, c.req.valid('json')), 201),
  )
  .openapi(postExtendedEnd, async (c) =>
    c.json(await c.get('repos').programme.endExtended(c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(getTemplates, async (c) => c.json(await c.get('repos').programme.templates(), 200))
  .openapi(putTemplates, async (c) => c.json(await c.get('repos').programme.replaceTemplates(c.req.valid('json').templates), 200));
