/**
 * Routes for concerns (bekymringer), sparring requests to the district social
 * worker and wellbeing conversations (trivselssamtaler). The route gate is
 * `social` for all of them ("could this staff member ever"); the repository
 * decides per concern (pedagogical or health, by the author's unit) and per
 * request or conversation (see access/policies/concerns.ts).
 */
import { IdParam, problemResponses } from '../../http/openapi-shared';
import { createRouter, defineRoute, type Router } from '../../http/route';
import {
  CloseSparringRequest,
  Concern,
  ConcernList,
  Conversation,
  ConversationList,
  CreateConcern,
  CreateConversation,
  CreateSparringRequest,
  CreateSparringSession,
  SparringRequestDetail,
  SparringRequestList,
  UpdateConcern,
  VersionBody,
} from './schema';

const tags = ['Concerns and sparring'];
const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
const read = { action: 'read', category: 'social' } as const;
const search = { action: 'search', category: 'social' } as const;
const create = { action: 'create', category: 'social' } as const;
const update = { action: 'update', category: 'social' } as const;

const listConcerns = defineRoute({
  method: 'get', path: '/api/children/{id}/concerns', access: read, tags,
  summary: 'The child’s concerns you may see (your unit’s; a social worker: those of named sparring requests they took), newest first',
  request: { params: IdParam },
  responses: { 200: { description: 'Concerns', ...json(ConcernList) }, ...problemResponses(400, 401, 403, 404) },
});
const postConcern = defineRoute({
  method: 'post', path: '/api/children/{id}/concerns', access: create, tags,
  summary: 'Record a concern: level on the municipality’s concern scale, what was observed, since when, and whether the parents have been told',
  request: { params: IdParam, body: json(CreateConcern) },
  responses: { 201: { description: 'Recorded', ...json(Concern) }, ...problemResponses(400, 401, 403, 404) },
});
const patchConcern = defineRoute({
  method: 'patch', path: '/api/concerns/{id}', access: update, tags,
  summary: 'Change a concern (send the version you read)',
  request: { params: IdParam, body: json(UpdateConcern) },
  responses: { 200: { description: 'Changed', ...json(Concern) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const postSparring = defineRoute({
  method: 'post', path: '/api/concerns/{id}/sparring-requests', access: create, tags,
  summary: 'Ask the district social worker for sparring about a concern: anonymously, or about the named child with the parents’ consent',
  request: { params: IdParam, body: json(CreateSparringRequest) },
  responses: { 201: { description: 'Requested', ...json(SparringRequestDetail) }, ...problemResponses(400, 401, 403, 404) },
});
const listSparring = defineRoute({
  method: 'get', path: '/api/sparring-requests', access: search, tags,
  summary: 'Your queue as a social worker (waiting requests in the districts you cover, longest waiting first), requests you took, and your own requests',
  responses: { 200: { description: 'Requests', ...json(SparringRequestList) }, ...problemResponses(401, 403) },
});
const getSparring = defineRoute({
  method: 'get', path: '/api/sparring-requests/{id}', access: read, tags,
  summary: 'A sparring request with its sessions and advice',
  request: { params: IdParam },
  responses: { 200: { description: 'Request', ...json(SparringRequestDetail) }, ...problemResponses(400, 401, 403, 404) },
});
const takeSparring = defineRoute({
  method: 'post', path: '/api/sparring-requests/{id}/take', access: update, tags,
  summary: 'Take a waiting request from the queue (a social worker covering its district); a named request brings you into the child’s case',
  request: { params: IdParam, body: json(VersionBody) },
  responses: { 200: { description: 'Taken', ...json(SparringRequestDetail) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const postSession = defineRoute({
  method: 'post', path: '/api/sparring-requests/{id}/sessions', access: update, tags,
  summary: 'Record a sparring session and its advice (the social worker who took the request)',
  request: { params: IdParam, body: json(CreateSparringSession) },
  responses: { 201: { description: 'Recorded', ...json(SparringRequestDetail) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const closeSparring = defineRoute({
  method: 'post', path: '/api/sparring-requests/{id}/close', access: update, tags,
  summary: 'Close a request (the social worker who took it, or the requester withdrawing it); send the version you read',
  request: { params: IdParam, body: json(CloseSparringRequest) },
  responses: { 200: { description: 'Closed', ...json(SparringRequestDetail) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const listChildConversations = defineRoute({
  method: 'get', path: '/api/children/{id}/wellbeing-conversations', access: read, tags,
  summary: 'The child’s wellbeing conversations recorded in your unit',
  request: { params: IdParam },
  responses: { 200: { description: 'Conversations', ...json(ConversationList) }, ...problemResponses(400, 401, 403, 404) },
});
const postConversation = defineRoute({
  method: 'post', path: '/api/children/{id}/wellbeing-conversations', access: create, tags,
  summary: 'Record a wellbeing conversation with a pupil (social workers; the parents’ agreement is required)',
  request: { params: IdParam, body: json(CreateConversation) },
  responses: { 201: { description: 'Recorded', ...json(Conversation) }, ...problemResponses(400, 401, 403, 404) },
});
const listConversations = defineRoute({
  method: 'get', path: '/api/wellbeing-conversations', access: search, tags,
  summary: 'The wellbeing conversations recorded in your units, newest first',
  responses: { 200: { description: 'Conversations', ...json(ConversationList) }, ...problemResponses(401, 403) },
});

/** The concerns, sparring and wellbeing conversation routes. */
export const concernRoutes: Router = createRouter()
  .openapi(listConcerns, async (c) => c.json(await c.get('repos').concerns.listForChild(c.req.valid('param').id), 200))
  .openapi(postConcern, async (c) => c.json(await c.get('repos').concerns.createConcern(c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(patchConcern, async (c) => c.json(await c.get('repos').concerns.updateConcern(c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(postSparring, async (c) => c.json(await c.get('repos').concerns.requestSparring(c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(listSparring, async (c) => c.json(await c.get('repos').concerns.listSparring(), 200))
  .openapi(getSparring, async (c) => c.json(await c.get('repos').concerns.getSparring(c.req.valid('param').id), 200))
  .openapi(takeSparring, async (c) => c.json(await c.get('repos').concerns.take(c.req.valid('param').id, c.req.valid('json').version), 200))
  .openapi(postSession, async (c) => c.json(await c.get('repos').concerns.addSession(c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(closeSparring, async (c) => c.json(await c.get('repos').concerns.close(c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(listChildConversations, async (c) => c.json(await c.get('repos').concerns.conversationsForChild(c.req.valid('param').id), 200))
  .openapi(postConversation, async (c) => c.json(await c.get('repos').concerns.createConversation(c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(listConversations, async (c) => c.json(await c.get('repos').concerns.listConversations(), 200));

