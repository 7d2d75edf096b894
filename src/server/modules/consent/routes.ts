/** Routes for consents and disclosures: record and withdraw consent, share under consent or a legal exception, what was shared with my unit, the C3 task. */
import { z } from '@hono/zod-openapi';
import { IdParam, problemResponses } from '../../http/openapi-shared';
import { createRouter, defineRoute, type Router } from '../../http/route';
import {
  ChildConsents,
  CompleteDisclosureTask,
  CreateConsent,
  CreateDisclosure,
  DisclosureTaskView,
  DisclosureView,
  SharedWithMe,
  WithdrawConsent,
} from './schema';

const tags = ['Consent'];
const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

const getConsents = defineRoute({
  method: 'get', path: '/api/children/{id}/consents', access: { action: 'read', category: 'basic' }, tags,
  summary: 'The child’s consents in force and history, with what was shared under each (health visitor); a receiving unit sees only what concerns it',
  request: { params: IdParam },
  responses: { 200: { description: 'Consents', ...json(ChildConsents) }, ...problemResponses(400, 401, 403, 404) },
});
const postConsent = defineRoute({
  method: 'post', path: '/api/children/{id}/consents', access: { action: 'create', category: 'health' }, tags,
  summary: 'Record a consent given by the child’s custody holders (the child’s health-visiting unit)',
  request: { params: IdParam, body: json(CreateConsent) },
  responses: { 201: { description: 'Recorded', ...json(ChildConsents) }, ...problemResponses(400, 401, 403, 404) },
});
const withdrawConsent = defineRoute({
  method: 'post', path: '/api/consents/{id}/withdraw', access: { action: 'update', category: 'health' }, tags,
  summary: 'Record that the consent was withdrawn: it stops covering new sharing and reading at once',
  request: { params: IdParam, body: json(WithdrawConsent) },
  responses: { 200: { description: 'Withdrawn', ...json(ChildConsents) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const postDisclosure = defineRoute({
  method: 'post', path: '/api/children/{id}/disclosures', access: { action: 'disclose', category: 'health' }, tags,
  summary: 'Share an item with another unit under a consent that covers it, or a recorded legal exception (vital interest creates a task to tell the parents)',
  request: { params: IdParam, body: json(CreateDisclosure) },
  responses: { 201: { description: 'Shared', ...json(DisclosureView) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const getSharedWithMe = defineRoute({
  method: 'get', path: '/api/children/{id}/shared-with-me', access: { action: 'read', category: 'basic' }, tags,
  summary: 'What was shared about the child with your units and may be read today',
  request: { params: IdParam },
  responses: { 200: { description: 'Shared with you', ...json(SharedWithMe) }, ...problemResponses(400, 401, 403, 404) },
});
const getMyTasks = defineRoute({
  method: 'get', path: '/api/my-disclosure-tasks', access: 'signed-in', tags,
  summary: 'Your open tasks to tell parents about information shared on vital interest (rule C3)',
  responses: { 200: { description: 'Tasks', ...json(z.object({ items: z.array(DisclosureTaskView) })) }, ...problemResponses(401) },
});
const completeTask = defineRoute({
  method: 'post', path: '/api/disclosure-tasks/{id}/complete', access: { action: 'update', category: 'health' }, tags,
  summary: 'Mark that the parents were told, or record the exception with its reason',
  request: { params: IdParam, body: json(CompleteDisclosureTask) },
  responses: { 200: { description: 'Completed', ...json(DisclosureTaskView) }, ...problemResponses(400, 401, 403, 404, 409) },
});

/** The consent routes. */
export const consentRoutes: Router = createRouter()
  .openapi(getConsents, async (c) => c.json(await c.get('repos').consent.forChild(c.req.valid('param').id), 200))
  .openapi(postConsent, async (c) => c.json(await c.get('repos').consent.create(c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(withdrawConsent, async (c) => c.json(await c.get('repos').consent.withdraw(c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(postDisclosure, async (c) => c.json(await c.get('repos').consent.disclose(c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(getSharedWithMe, async (c) => c.json(await c.get('repos').consent.sharedWithMe(c.req.valid('param').id), 200))
  .openapi(getMyTasks, async (c) => c.json({ items: await c.get('repos').consent.myTasks() }, 200))
  .openapi(completeTask, async (c) => c.json(await c.get('repos').consent.completeTask(c.req.valid('param').id, c.req.valid('json')), 200));
