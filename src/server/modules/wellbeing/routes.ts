/** Routes for wellbeing ratings in daycare: the scale, rounds per unit, individual and joint ratings, a child over time, the unit's numbers. */
import { IdParam, problemResponses } from '../../http/openapi-shared';
import { createRouter, defineRoute, type Router } from '../../http/route';
import {
  ChildInRound,
  ChildWellbeing,
  CreateRound,
  RateChild,
  Round,
  RoundChildParams,
  RoundOverview,
  SaveJointRating,
  UnitWellbeingSummary,
  UpdateWellbeingScale,
  WellbeingScale,
} from './schema';
import { z } from '@hono/zod-openapi';

const tags = ['Wellbeing'];
const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
const read = { action: 'read', category: 'pedagogical' } as const;
const create = { action: 'create', category: 'pedagogical' } as const;
/** The scale is the municipality's configuration, like its organisation: administrators change it. */
const configure = { action: 'update', category: 'organisation' } as const;

const getScale = defineRoute({
  method: 'get', path: '/api/wellbeing/scale', access: 'signed-in', tags,
  summary: 'The concern scale new rounds use (3-level TOPI-style by default) and the scales the municipality can choose',
  responses: { 200: { description: 'Scale', ...json(WellbeingScale) }, ...problemResponses(401) },
});
const putScale = defineRoute({
  method: 'put', path: '/api/wellbeing/scale', access: configure, tags,
  summary: 'Choose the municipality’s scale for new rounds (send the version you read, 0 while the default applies); earlier ratings keep theirs',
  request: { body: json(UpdateWellbeingScale) },
  responses: { 200: { description: 'Scale', ...json(WellbeingScale) }, ...problemResponses(400, 401, 403, 409) },
});
const postRound = defineRoute({
  method: 'post', path: '/api/units/{id}/wellbeing-rounds', access: create, tags,
  summary: 'Start a rating round (spring or autumn) for the children enrolled in the unit today; for the unit’s own staff',
  request: { params: IdParam, body: json(CreateRound) },
  responses: { 201: { description: 'Round', ...json(Round) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const listRounds = defineRoute({
  method: 'get', path: '/api/units/{id}/wellbeing-rounds', access: read, tags,
  summary: 'The unit’s rating rounds with progress, newest first',
  request: { params: IdParam },
  responses: { 200: { description: 'Rounds', ...json(z.object({ items: z.array(Round) })) }, ...problemResponses(400, 401, 403, 404) },
});
const getRound = defineRoute({
  method: 'get', path: '/api/wellbeing-rounds/{id}', access: read, tags,
  summary: 'The round overview for the unit’s staff: each child with the number of individual ratings and the joint rating',
  request: { params: IdParam },
  responses: { 200: { description: 'Round overview', ...json(RoundOverview) }, ...problemResponses(400, 401, 403, 404) },
});
const getChildInRound = defineRoute({
  method: 'get', path: '/api/wellbeing-rounds/{id}/children/{childId}', access: read, tags,
  summary: 'A child’s ratings in a round; colleagues’ individual ratings stay hidden until you have rated yourself',
  request: { params: RoundChildParams },
  responses: { 200: { description: 'The child in the round', ...json(ChildInRound) }, ...problemResponses(400, 401, 403, 404) },
});
const postRating = defineRoute({
  method: 'post', path: '/api/wellbeing-rounds/{id}/children/{childId}/ratings', access: create, tags,
  summary: 'Your own rating of the child (201 the first time; rating again replaces yours: send its version, 200)',
  request: { params: RoundChildParams, body: json(RateChild) },
  responses: {
    201: { description: 'Rated', ...json(ChildInRound) },
    200: { description: 'Your rating replaced', ...json(ChildInRound) },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});
const postJoint = defineRoute({
  method: 'post', path: '/api/wellbeing-rounds/{id}/children/{childId}/joint', access: create, tags,
  summary: 'Save the joint rating with a comment (needs individual ratings by two different staff members); a correction is a new version',
  request: { params: RoundChildParams, body: json(SaveJointRating) },
  responses: { 201: { description: 'Saved', ...json(ChildInRound) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const getChildWellbeing = defineRoute({
  method: 'get', path: '/api/children/{id}/wellbeing', access: read, tags,
  summary: 'The child’s joint ratings over time from your unit’s rounds (for a chart with a table beside it)',
  request: { params: IdParam },
  responses: { 200: { description: 'Ratings over time', ...json(ChildWellbeing) }, ...problemResponses(400, 401, 403, 404) },
});
const getSummary = defineRoute({
  method: 'get', path: '/api/units/{id}/wellbeing-summary', access: read, tags,
  summary: 'The unit’s numbers per round: count per level and share rated (no child identities)',
  request: { params: IdParam },
  responses: { 200: { description: 'Summary', ...json(UnitWellbeingSummary) }, ...problemResponses(400, 401, 403, 404) },
});

/** The wellbeing routes. */
export const wellbeingRoutes: Router = createRouter()
  .openapi(getScale, async (c) => c.json(await c.get('repos').wellbeing.scale(), 200))
  .openapi(putScale, async (c) => c.json(await c.get('repos').wellbeing.setScale(c.req.valid('json')), 200))
  .openapi(postRound, async (c) => c.json(await c.get('repos').wellbeing.createRound(c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(listRounds, async (c) => c.json({ items: await c.get('repos').wellbeing.roundsForUnit(c.req.valid('param').id) }, 200))
  .openapi(getRound, async (c) => c.json(await c.get('repos').wellbeing.round(c.req.valid('param').id), 200))
  .openapi(getChildInRound, async (c) => {
    const { id, childId } = c.req.valid('param');
    return c.json(await c.get('repos').wellbeing.childInRound(id, childId), 200);
  })
  .openapi(postRating, async (c) => {
    const { id, childId } = c.req.valid('param');
    const result = await c.get('repos').wellbeing.rate(id, childId, c.req.valid('json'));
    return result.created ? c.json(result.view, 201) : c.json(result.view, 200);
  })
  .openapi(postJoint, async (c) => {
    const { id, childId } = c.req.valid('param');
    return c.json(await c.get('repos').wellbeing.saveJoint(id, childId, c.req.valid('json')), 201);
  })
  .openapi(getChildWellbeing, async (c) => c.json(await c.get('repos').wellbeing.forChild(c.req.valid('param').id), 200))
  .openapi(getSummary, async (c) => c.json(await c.get('repos').wellbeing.summary(c.req.valid('param').id), 200));
