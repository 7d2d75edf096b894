/** Routes for the handover from health visiting to daycare: prepare, send with the parents' consent part by part, receive, acknowledge, meet. */
import { IdParam, problemResponses } from '../../http/openapi-shared';
import { createRouter, defineRoute, type Router } from '../../http/route';
import { AcknowledgeHandover, BookHandoverMeeting, ChildHandovers, CreateHandover, Handover, MyHandovers, SendHandover, UpdateHandover } from './schema';

const tags = ['Handover'];
const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
const handover = { 200: { description: 'Handover', ...json(Handover) } };

const getMine = defineRoute({
  method: 'get', path: '/api/my-handovers', access: 'signed-in', tags,
  summary: 'Min dag: handovers due and awaiting acknowledgement (health visitor), handovers to your units (daycare)',
  responses: { 200: { description: 'Handovers', ...json(MyHandovers) }, ...problemResponses(401) },
});
const listForChild = defineRoute({
  method: 'get', path: '/api/children/{id}/handovers', access: { action: 'read', category: 'basic' }, tags,
  summary: 'The child’s handovers: every daycare enrolment for the health visitor, what was sent to your unit for daycare staff',
  request: { params: IdParam },
  responses: { 200: { description: 'Handovers', ...json(ChildHandovers) }, ...problemResponses(400, 401, 403, 404) },
});
const create = defineRoute({
  method: 'post', path: '/api/children/{id}/handovers', access: { action: 'create', category: 'health' }, tags,
  summary: 'Start preparing the handover for one of the child’s daycare enrolments',
  request: { params: IdParam, body: json(CreateHandover) },
  responses: { 201: { description: 'Handover', ...json(Handover) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const get = defineRoute({
  method: 'get', path: '/api/handovers/{id}', access: { action: 'read', category: 'basic' }, tags,
  summary: 'The handover: the package for the health visitor; exactly the consented parts for the receiving unit',
  request: { params: IdParam },
  responses: { ...handover, ...problemResponses(400, 401, 403, 404) },
});
const update = defineRoute({
  method: 'patch', path: '/api/handovers/{id}', access: { action: 'update', category: 'health' }, tags,
  summary: 'Edit the package while it is a draft (send the version you read)',
  request: { params: IdParam, body: json(UpdateHandover) },
  responses: { ...handover, ...problemResponses(400, 401, 403, 404, 409) },
});
const send = defineRoute({
  method: 'post', path: '/api/handovers/{id}/send', access: { action: 'disclose', category: 'health' }, tags,
  summary: 'Record the parents’ consent part by part and send exactly those parts to the daycare unit',
  request: { params: IdParam, body: json(SendHandover) },
  responses: { ...handover, ...problemResponses(400, 401, 403, 404, 409) },
});
const acknowledge = defineRoute({
  method: 'post', path: '/api/handovers/{id}/acknowledge', access: { action: 'update', category: 'pedagogical' }, tags,
  summary: 'Acknowledge receipt as a member of the receiving unit (your name and the time are recorded)',
  request: { params: IdParam, body: json(AcknowledgeHandover) },
  responses: { ...handover, ...problemResponses(400, 401, 403, 404, 409) },
});
const meeting = defineRoute({
  method: 'post', path: '/api/handovers/{id}/meeting', access: { action: 'read', category: 'basic' }, tags,
  summary: 'Book or move the optional handover meeting (health visitor or receiving unit; the repository checks which)',
  request: { params: IdParam, body: json(BookHandoverMeeting) },
  responses: { ...handover, ...problemResponses(400, 401, 403, 404, 409) },
});

/** The handover routes. */
export const handoverRoutes: Router = createRouter()
  .openapi(getMine, async (c) => c.json(await c.get('repos').handover.mine(), 200))
  .openapi(listForChild, async (c) => c.json(await c.get('repos').handover.forChild(c.req.valid('param').id), 200))
  .openapi(create, async (c) => c.json(await c.get('repos').handover.create(c.req.valid('param').id, c.req.valid('json').enrolmentId), 201))
  .openapi(get, async (c) => c.json(await c.get('repos').handover.get(c.req.valid('param').id), 200))
  .openapi(update, async (c) => c.json(await c.get('repos').handover.update(c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(send, async (c) => c.json(await c.get('repos').handover.send(c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(acknowledge, async (c) => c.json(await c.get('repos').handover.acknowledge(c.req.valid('param').id, c.req.valid('json').version), 200))
  .openapi(meeting, async (c) => c.json(await c.get('repos').handover.bookMeeting(c.req.valid('param').id, c.req.valid('json')), 200));
