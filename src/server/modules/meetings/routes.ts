/** Routes for cross-professional meetings: the meeting, participants, the Signs of Safety map, next steps and minutes. */
import { z } from '@hono/zod-openapi';
import { IdParam, problemResponses } from '../../http/openapi-shared';
import { createRouter, defineRoute, type Router } from '../../http/route';
import {
  Action,
  AddParticipants,
  CloseMeeting,
  CreateAction,
  CreateMeeting,
  Meeting,
  MeetingMap,
  MeetingParticipantParams,
  MeetingSummary,
  Minutes,
  MinutesStep,
  MyAction,
  Participant,
  RemoveParticipant,
  SaveMap,
  SaveMinutes,
  UpdateAction,
  UpdateMeeting,
  UpdateParticipant,
} from './schema';

const tags = ['Meetings'];
const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
const read = { action: 'read', category: 'meeting' } as const;
const search = { action: 'search', category: 'meeting' } as const;
const create = { action: 'create', category: 'meeting' } as const;
const update = { action: 'update', category: 'meeting' } as const;

const listMine = defineRoute({
  method: 'get', path: '/api/meetings', access: search, tags,
  summary: 'Meetings you facilitate, take part in, or that your unit facilitates; newest first',
  responses: { 200: { description: 'Meetings', ...json(z.object({ items: z.array(MeetingSummary) })) }, ...problemResponses(401, 403) },
});
const postMeeting = defineRoute({
  method: 'post', path: '/api/meetings', access: create, tags,
  summary: 'Set up a meeting about a child with its legal basis (consent, or SSD: one meeting and one special-case follow-up per child); you facilitate it',
  request: { body: json(CreateMeeting) },
  responses: { 201: { description: 'Meeting', ...json(Meeting) }, ...problemResponses(400, 401, 403, 404, 422) },
});
const getMeeting = defineRoute({
  method: 'get', path: '/api/meetings/{id}', access: read, tags,
  summary: 'A meeting with participants, map, ratings, next steps, minutes and the ratings across follow-up meetings',
  request: { params: IdParam },
  responses: { 200: { description: 'Meeting', ...json(Meeting) }, ...problemResponses(400, 401, 403, 404) },
});
const patchMeeting = defineRoute({
  method: 'patch', path: '/api/meetings/{id}', access: update, tags,
  summary: 'Change date, place, wording, scale anchors or the parents’ summary (facilitator; send the version you read)',
  request: { params: IdParam, body: json(UpdateMeeting) },
  responses: { 200: { description: 'Meeting', ...json(Meeting) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const postParticipants = defineRoute({
  method: 'post', path: '/api/meetings/{id}/participants', access: update, tags,
  summary: 'Invite staff, parents or network persons (facilitator); under SSD only the listed kinds of staff',
  request: { params: IdParam, body: json(AddParticipants) },
  responses: { 200: { description: 'Meeting', ...json(Meeting) }, ...problemResponses(400, 401, 403, 404, 422) },
});
const patchParticipant = defineRoute({
  method: 'patch', path: '/api/meetings/{id}/participants/{participantId}', access: update, tags,
  summary: 'Record attendance and/or the participant’s 0–10 rating, or correct a network person’s name and relation (facilitator); send the participant’s version',
  request: { params: MeetingParticipantParams, body: json(UpdateParticipant) },
  responses: { 200: { description: 'Participant', ...json(Participant) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const removeParticipant = defineRoute({
  method: 'post', path: '/api/meetings/{id}/participants/{participantId}/remove', access: update, tags,
  summary: 'Remove a participant (facilitator, while open; send the participant’s version): kept with their rating for the history; a staff member loses the meeting and the involvement',
  request: { params: MeetingParticipantParams, body: json(RemoveParticipant) },
  responses: { 200: { description: 'Meeting', ...json(Meeting) }, ...problemResponses(400, 401, 403, 404, 409, 422) },
});
const closeMeeting = defineRoute({
  method: 'post', path: '/api/meetings/{id}/close', access: update, tags,
  summary: 'Close the meeting (facilitator; needs approved minutes, else 409 meetings.close_needs_approved_minutes): read-only from then on, participants’ involvement in the child’s case ends',
  request: { params: IdParam, body: json(CloseMeeting) },
  responses: { 200: { description: 'Meeting', ...json(Meeting) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const putMap = defineRoute({
  method: 'put', path: '/api/meetings/{id}/map', access: update, tags,
  summary: 'Save the Signs of Safety map (every danger statement with exactly one goal; send the version you read)',
  request: { params: IdParam, body: json(SaveMap) },
  responses: { 200: { description: 'Map', ...json(MeetingMap) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const postAction = defineRoute({
  method: 'post', path: '/api/meetings/{id}/actions', access: update, tags,
  summary: 'Add a next step with an owner (a participant) and a due date',
  request: { params: IdParam, body: json(CreateAction) },
  responses: { 201: { description: 'Next step', ...json(Action) }, ...problemResponses(400, 401, 403, 404) },
});
const patchAction = defineRoute({
  method: 'patch', path: '/api/meeting-actions/{id}', access: update, tags,
  summary: 'Mark a next step done (or open again), reword it or move its date (send the version you read)',
  request: { params: IdParam, body: json(UpdateAction) },
  responses: { 200: { description: 'Next step', ...json(Action) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const getMyActions = defineRoute({
  method: 'get', path: '/api/my-meeting-actions', access: search, tags,
  summary: 'Your own open next steps from meetings, soonest first, overdue flagged (Min dag)',
  responses: { 200: { description: 'Next steps', ...json(z.object({ items: z.array(MyAction) })) }, ...problemResponses(401, 403) },
});
const putMinutes = defineRoute({
  method: 'put', path: '/api/meetings/{id}/minutes', access: update, tags,
  summary: 'Write the minutes draft (version 0 starts them); approved minutes are locked (409 meetings.minutes_locked)',
  request: { params: IdParam, body: json(SaveMinutes) },
  responses: { 200: { description: 'Minutes', ...json(Minutes) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const approveMinutes = defineRoute({
  method: 'post', path: '/api/meetings/{id}/minutes/approve', access: update, tags,
  summary: 'Approve and lock the minutes draft (facilitator; send its version)',
  request: { params: IdParam, body: json(MinutesStep) },
  responses: { 200: { description: 'Minutes', ...json(Minutes) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const correctMinutes = defineRoute({
  method: 'post', path: '/api/meetings/{id}/minutes/correct', access: update, tags,
  summary: 'Start a correction of approved minutes: a new draft revision; the approved one is kept (facilitator)',
  request: { params: IdParam, body: json(MinutesStep) },
  responses: { 201: { description: 'New draft', ...json(Minutes) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const getChildMeetings = defineRoute({
  method: 'get', path: '/api/children/{id}/meetings', access: read, tags,
  summary: 'The child’s meetings that you may see',
  request: { params: IdParam },
  responses: { 200: { description: 'Meetings', ...json(z.object({ items: z.array(MeetingSummary) })) }, ...problemResponses(400, 401, 403, 404) },
});

/** The meetings routes. */
export const meetingRoutes: Router = createRouter()
  .openapi(listMine, async (c) => c.json({ items: await c.get('repos').meetings.mine() }, 200))
  .openapi(postMeeting, async (c) => c.json(await c.get('repos').meetings.create(c.req.valid('json')), 201))
  .openapi(getMeeting, async (c) => c.json(await c.get('repos').meetings.get(c.req.valid('param').id), 200))
  .openapi(patchMeeting, async (c) => c.json(await c.get('repos').meetings.update(c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(postParticipants, async (c) => c.json(await c.get('repos').meetings.addParticipants(c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(patchParticipant, async (c) => {
    const { id, participantId } = c.req.valid('param');
    return c.json(await c.get('repos').meetings.updateParticipant(id, participantId, c.req.valid('json')), 200);
  })
  .openapi(removeParticipant, async (c) => {
    const { id, participantId } = c.req.valid('param');
    return c.json(await c.get('repos').meetings.removeParticipant(id, participantId, c.req.valid('json').version), 200);
  })
  .openapi(closeMeeting, async (c) => c.json(await c.get('repos').meetings.close(c.req.valid('param').id, c.req.valid('json').version), 200))
  .openapi(putMap, async (c) => c.json(await c.get('repos').meetings.saveMap(c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(postAction, async (c) => c.json(await c.get('repos').meetings.createAction(c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(patchAction, async (c) => c.json(await c.get('repos').meetings.updateAction(c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(getMyActions, async (c) => c.json({ items: await c.get('repos').meetings.myActions() }, 200))
  .openapi(putMinutes, async (c) => c.json(await c.get('repos').meetings.saveMinutes(c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(approveMinutes, async (c) => c.json(await c.get('repos').meetings.approveMinutes(c.req.valid('param').id, c.req.valid('json').version), 200))
  .openapi(correctMinutes, async (c) => c.json(await c.get('repos').meetings.correctMinutes(c.req.valid('param').id, c.req.valid('json').version), 201))
  .openapi(getChildMeetings, async (c) => c.json({ items: await c.get('repos').meetings.forChild(c.req.valid('param').id) }, 200));
