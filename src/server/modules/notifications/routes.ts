/** Routes for notifications (underretninger): notifying, the notifier's own list, the social services inbox and handling, closing days. */
import { z } from '@hono/zod-openapi';
import { IdParam, problemResponses } from '../../http/openapi-shared';
import { createRouter, defineRoute, type Router } from '../../http/route';
import {
  ConfirmReceipt,
  CreateNotification,
  HandlerView,
  Inbox,
  InboxQuery,
  NotificationSettings,
  NotificationSummary,
  NotificationView,
  NotifierView,
  RecordAssessment,
  RecordOutcome,
  UpdateNotificationSettings,
} from './schema';

const tags = ['Notifications'];
const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
const create = { action: 'create', category: 'social' } as const;
const search = { action: 'search', category: 'social' } as const;
const read = { action: 'read', category: 'social' } as const;
const update = { action: 'update', category: 'social' } as const;

const postNotification = defineRoute({
  method: 'post', path: '/api/notifications', access: create, tags,
  summary: 'Notify social services (Barnets Lov § 133) about a child you can see or about expectant parents; your name and workplace are always recorded (no anonymous notifications)',
  request: { body: json(CreateNotification) },
  responses: { 201: { description: 'Notified', ...json(NotifierView) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const getMine = defineRoute({
  method: 'get', path: '/api/notifications/mine', access: search, tags,
  summary: 'Your own notifications, newest first, with the receipt and (where allowed) the outcome',
  responses: { 200: { description: 'Your notifications', ...json(z.object({ items: z.array(NotifierView) })) }, ...problemResponses(401, 403) },
});
const getInbox = defineRoute({
  method: 'get', path: '/api/notifications/inbox', access: search, tags,
  summary: 'The inbox of your social services unit with both deadlines (24 hours, 6 working days), the nearest first, breaches flagged',
  request: { query: InboxQuery },
  responses: { 200: { description: 'Inbox', ...json(Inbox) }, ...problemResponses(400, 401, 403) },
});
const getSummary = defineRoute({
  method: 'get', path: '/api/notifications/summary', access: 'signed-in', tags,
  summary: 'Counts for Min dag: the inbox due today and overdue (social services), your new receipts (no identities)',
  responses: { 200: { description: 'Counts', ...json(NotificationSummary) }, ...problemResponses(401) },
});
const getSettings = defineRoute({
  method: 'get', path: '/api/notifications/settings', access: 'signed-in', tags,
  summary: 'The municipality’s extra closing days for statutory deadlines (default: 5 June, 24 and 31 December)',
  responses: { 200: { description: 'Settings', ...json(NotificationSettings) }, ...problemResponses(401) },
});
const putSettings = defineRoute({
  method: 'put', path: '/api/notifications/settings', access: { action: 'update', category: 'organisation' }, tags,
  summary: 'Change the extra closing days (administrators; send the version you read, 0 while the default applies)',
  request: { body: json(UpdateNotificationSettings) },
  responses: { 200: { description: 'Settings', ...json(NotificationSettings) }, ...problemResponses(400, 401, 403, 409) },
});
const getOne = defineRoute({
  method: 'get', path: '/api/notifications/{id}', access: read, tags,
  summary: 'One notification: the full record for the recipient unit, a reduced view (no assessment notes) for the notifier',
  request: { params: IdParam },
  responses: { 200: { description: 'Notification', ...json(NotificationView) }, ...problemResponses(400, 401, 403, 404) },
});
const postReceipt = defineRoute({
  method: 'post', path: '/api/notifications/{id}/receipt', access: update, tags,
  summary: 'Record that receipt was confirmed to the notifier (due within 6 working days)',
  request: { params: IdParam, body: json(ConfirmReceipt) },
  responses: { 200: { description: 'Recorded', ...json(HandlerView) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const postAssessment = defineRoute({
  method: 'post', path: '/api/notifications/{id}/assessment', access: update, tags,
  summary: 'Record the acute assessment (due within 24 hours of receipt)',
  request: { params: IdParam, body: json(RecordAssessment) },
  responses: { 200: { description: 'Recorded', ...json(HandlerView) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const postOutcome = defineRoute({
  method: 'post', path: '/api/notifications/{id}/outcome', access: update, tags,
  summary: 'Record the outcome and whether the notifier is told (withholding it needs a reason)',
  request: { params: IdParam, body: json(RecordOutcome) },
  responses: { 200: { description: 'Recorded', ...json(HandlerView) }, ...problemResponses(400, 401, 403, 404, 409) },
});

/** The notification routes. */
export const notificationRoutes: Router = createRouter()
  .openapi(postNotification, async (c) => c.json(await c.get('repos').notifications.create(c.req.valid('json')), 201))
  .openapi(getMine, async (c) => c.json({ items: await c.get('repos').notifications.mine() }, 200))
  .openapi(getInbox, async (c) => c.json(await c.get('repos').notifications.inbox(c.req.valid('query').state), 200))
  .openapi(getSummary, async (c) => c.json(await c.get('repos').notifications.summary(), 200))
  .openapi(getSettings, async (c) => c.json(await c.get('repos').notifications.settings(), 200))
  .openapi(putSettings, async (c) => c.json(await c.get('repos').notifications.setSettings(c.req.valid('json')), 200))
  .openapi(getOne, async (c) => c.json(await c.get('repos').notifications.get(c.req.valid('param').id), 200))
  .openapi(postReceipt, async (c) => c.json(await c.get('repos').notifications.confirmReceipt(c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(postAssessment, async (c) => c.json(await c.get('repos').notifications.recordAssessment(c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(postOutcome, async (c) => c.json(await c.get('repos').notifications.recordOutcome(c.req.valid('param').id, c.req.valid('json')), 200));
