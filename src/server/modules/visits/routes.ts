/** Routes for a child's visits, journal notes and measurements (health data). */
import { z } from '@hono/zod-openapi';
import { IdParam, problemResponses } from '../../http/openapi-shared';
import { createRouter, defineRoute, type Router } from '../../http/route';
import { CorrectNote, CreateMeasurement, CreateNote, CreateVisit, Measurement, Note, UpdateVisit, Visit } from './schema';

const read = { action: 'read', category: 'health' } as const;
const create = { action: 'create', category: 'health' } as const;
const update = { action: 'update', category: 'health' } as const;
const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

const listVisits = defineRoute({
  method: 'get',
  path: '/api/children/{id}/visits',
  access: read,
  tags: ['Visits'],
  summary: 'The child’s visits',
  request: { params: IdParam },
  responses: { 200: { description: 'Visits', ...json(z.object({ items: z.array(Visit) })) }, ...problemResponses(400, 401, 403, 404) },
});

const postVisit = defineRoute({
  method: 'post',
  path: '/api/children/{id}/visits',
  access: create,
  tags: ['Visits'],
  summary: 'Plan a visit (the actor is responsible unless staffId says otherwise)',
  request: { params: IdParam, body: json(CreateVisit) },
  responses: { 201: { description: 'Planned', ...json(Visit) }, ...problemResponses(400, 401, 403, 404) },
});

const patchVisit = defineRoute({
  method: 'patch',
  path: '/api/visits/{id}',
  access: update,
  tags: ['Visits'],
  summary: 'Change a visit: status, time, kind, participants, place (send the version you read)',
  request: { params: IdParam, body: json(UpdateVisit) },
  responses: { 200: { description: 'Updated', ...json(Visit) }, ...problemResponses(400, 401, 403, 404, 409) },
});

const listNotes = defineRoute({
  method: 'get',
  path: '/api/children/{id}/notes',
  access: read,
  tags: ['Journal'],
  summary: 'The child’s journal notes, newest first, each with its earlier versions',
  request: { params: IdParam },
  responses: { 200: { description: 'Notes', ...json(z.object({ items: z.array(Note) })) }, ...problemResponses(400, 401, 403, 404) },
});

const postNote = defineRoute({
  method: 'post',
  path: '/api/children/{id}/notes',
  access: create,
  tags: ['Journal'],
  summary: 'Write a journal note, signed by you now',
  request: { params: IdParam, body: json(CreateNote) },
  responses: { 201: { description: 'Signed', ...json(Note) }, ...problemResponses(400, 401, 403, 404) },
});

const postCorrection = defineRoute({
  method: 'post',
  path: '/api/notes/{id}/corrections',
  access: update,
  tags: ['Journal'],
  summary: 'Correct your own note; the earlier text is kept',
  request: { params: IdParam, body: json(CorrectNote) },
  responses: { 201: { description: 'Corrected', ...json(Note) }, ...problemResponses(400, 401, 403, 404, 409) },
});

const listMeasurements = defineRoute({
  method: 'get',
  path: '/api/children/{id}/measurements',
  access: read,
  tags: ['Measurements'],
  summary: 'The child’s measurements, oldest first',
  request: { params: IdParam },
  responses: {
    200: { description: 'Measurements', ...json(z.object({ items: z.array(Measurement) })) },
    ...problemResponses(400, 401, 403, 404),
  },
});

const postMeasurement = defineRoute({
  method: 'post',
  path: '/api/children/{id}/measurements',
  access: create,
  tags: ['Measurements'],
  summary: 'Record weight, length and/or head circumference (at least one)',
  request: { params: IdParam, body: json(CreateMeasurement) },
  responses: { 201: { description: 'Recorded', ...json(Measurement) }, ...problemResponses(400, 401, 403, 404) },
});

/** The visit, journal and measurement routes. */
export const visitRoutes: Router = createRouter()
  .openapi(listVisits, async (c) => c.json({ items: await c.get('repos').visits.list(c.req.valid('param').id) }, 200))
  .openapi(postVisit, async (c) => c.json(await c.get('repos').visits.create(c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(patchVisit, async (c) => c.json(await c.get('repos').visits.update(c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(listNotes, async (c) => c.json({ items: await c.get('repos').visits.notes.list(c.req.valid('param').id) }, 200))
  .openapi(postNote, async (c) => c.json(await c.get('repos').visits.notes.create(c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(postCorrection, async (c) =>
    c.json(await c.get('repos').visits.notes.correct(c.req.valid('param').id, c.req.valid('json')), 201),
  )
  .openapi(listMeasurements, async (c) =>
    c.json({ items: await c.get('repos').visits.measurements.list(c.req.valid('param').id) }, 200),
  )
  .openapi(postMeasurement, async (c) =>
    c.json(await c.get('repos').visits.measurements.create(c.req.valid('param').id, c.req.valid('json')), 201),
  );
