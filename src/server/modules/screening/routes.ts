/** Routes for screening: instruments, a child's ADBB/m-ADBB/EPDS, follow-up tasks and flags, the unit overview, FHIR. */
import { z } from '@hono/zod-openapi';
import { IdParam, problemResponses } from '../../http/openapi-shared';
import { createRouter, defineRoute, type Router } from '../../http/route';
import {
  CompleteTask,
  FhirQuery,
  FhirResource,
  Flag,
  InstrumentIdParam,
  InstrumentView,
  InstrumentsQuery,
  LoadTexts,
  MyTasks,
  RecordedScreening,
  RecordScreening,
  ResolveFlag,
  Screening,
  ScreeningOverviewForChild,
  Task,
  UnitScreeningOverview,
  UpdateThresholds,
} from './schema';

const tags = ['Screening'];
const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
const read = { action: 'read', category: 'health' } as const;
const create = { action: 'create', category: 'health' } as const;
const update = { action: 'update', category: 'health' } as const;
/** Instrument configuration is the municipality's, like its organisation: administrators change it. */
const configure = { action: 'update', category: 'organisation' } as const;

const listInstruments = defineRoute({
  method: 'get', path: '/api/instruments', access: 'signed-in', tags,
  summary: 'Instrument definitions with the cut-offs in force here and, if loaded, the licensed texts in `language` (default: the request’s language)',
  request: { query: InstrumentsQuery },
  responses: { 200: { description: 'Instruments', ...json(z.object({ items: z.array(InstrumentView) })) }, ...problemResponses(400, 401) },
});
const getInstrument = defineRoute({
  method: 'get', path: '/api/instruments/{id}', access: 'signed-in', tags, summary: 'One instrument definition',
  request: { params: InstrumentIdParam, query: InstrumentsQuery },
  responses: { 200: { description: 'Instrument', ...json(InstrumentView) }, ...problemResponses(400, 401) },
});
const putThresholds = defineRoute({
  method: 'put', path: '/api/instruments/{id}/thresholds', access: configure, tags,
  summary: 'Set the municipality’s cut-offs (EPDS also per respondent role); send the version you read, 0 while the defaults apply',
  request: { params: InstrumentIdParam, body: json(UpdateThresholds) },
  responses: { 200: { description: 'Instrument', ...json(InstrumentView) }, ...problemResponses(400, 401, 403, 409) },
});
const putTexts = defineRoute({
  method: 'put', path: '/api/instruments/{id}/texts', access: configure, tags,
  summary: 'Load the municipality’s licensed item texts in one language (every item once; replaces an earlier load)',
  request: { params: InstrumentIdParam, body: json(LoadTexts) },
  responses: { 200: { description: 'Instrument with the texts', ...json(InstrumentView) }, ...problemResponses(400, 401, 403) },
});
const getQuestionnaire = defineRoute({
  method: 'get', path: '/api/instruments/{id}/fhir', access: 'signed-in', tags,
  summary: 'The instrument as a FHIR R4 Questionnaire (topic labels only, never licensed wording)',
  request: { params: InstrumentIdParam, query: FhirQuery },
  responses: { 200: { description: 'Questionnaire', ...json(FhirResource) }, ...problemResponses(400, 401) },
});
const listScreenings = defineRoute({
  method: 'get', path: '/api/children/{id}/screenings', access: read, tags,
  summary: 'The child’s screenings for the charts: ADBB and m-ADBB apart, EPDS per parent, oldest first',
  request: { params: IdParam },
  responses: { 200: { description: 'Screenings', ...json(ScreeningOverviewForChild) }, ...problemResponses(400, 401, 403, 404) },
});
const postScreening = defineRoute({
  method: 'post', path: '/api/children/{id}/screenings', access: create, tags,
  summary: 'Record an ADBB (certified observers only), m-ADBB or EPDS; it is scored with the local cut-off and sets follow-up in motion',
  request: { params: IdParam, body: json(RecordScreening) },
  responses: { 201: { description: 'Recorded', ...json(RecordedScreening) }, ...problemResponses(400, 401, 403, 404) },
});
const getScreening = defineRoute({
  method: 'get', path: '/api/screenings/{id}', access: read, tags, summary: 'One screening',
  request: { params: IdParam },
  responses: { 200: { description: 'Screening', ...json(Screening) }, ...problemResponses(400, 401, 403, 404) },
});
const getQuestionnaireResponse = defineRoute({
  method: 'get', path: '/api/screenings/{id}/fhir', access: read, tags, summary: 'One screening as a FHIR R4 QuestionnaireResponse',
  request: { params: IdParam },
  responses: { 200: { description: 'QuestionnaireResponse', ...json(FhirResource) }, ...problemResponses(400, 401, 403, 404) },
});
const listChildTasks = defineRoute({
  method: 'get', path: '/api/children/{id}/tasks', access: read, tags, summary: 'The child’s follow-up tasks, open first',
  request: { params: IdParam },
  responses: { 200: { description: 'Tasks', ...json(z.object({ items: z.array(Task) })) }, ...problemResponses(400, 401, 403, 404) },
});
const listChildFlags = defineRoute({
  method: 'get', path: '/api/children/{id}/flags', access: read, tags, summary: 'Flags on the child and on its parents in relation to it, open first',
  request: { params: IdParam },
  responses: { 200: { description: 'Flags', ...json(z.object({ items: z.array(Flag) })) }, ...problemResponses(400, 401, 403, 404) },
});
const postCompleteTask = defineRoute({
  method: 'post', path: '/api/tasks/{id}/complete', access: update, tags,
  summary: 'Complete a task with a note (a decision task also needs the decision); send the version you read',
  request: { params: IdParam, body: json(CompleteTask) },
  responses: { 200: { description: 'Completed', ...json(Task) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const postResolveFlag = defineRoute({
  method: 'post', path: '/api/flags/{id}/resolve', access: update, tags, summary: 'Resolve a flag with a note; send the version you read',
  request: { params: IdParam, body: json(ResolveFlag) },
  responses: { 200: { description: 'Resolved', ...json(Flag) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const getMyTasks = defineRoute({
  method: 'get', path: '/api/my-tasks', access: 'signed-in', tags,
  summary: 'Your open tasks and the open flags on children whose health data you may see, with counts',
  responses: { 200: { description: 'Open work', ...json(MyTasks) }, ...problemResponses(401) },
});
const getUnitOverview = defineRoute({
  method: 'get', path: '/api/units/{id}/screening-overview', access: read, tags,
  summary: 'Screening coverage and share positive per expected round for a health-visiting unit’s caseload (counts only)',
  request: { params: IdParam },
  responses: { 200: { description: 'Overview', ...json(UnitScreeningOverview) }, ...problemResponses(400, 401, 403, 404) },
});

/** The screening routes. */
export const screeningRoutes: Router = createRouter()
  .openapi(listInstruments, async (c) =>
    c.json({ items: await c.get('repos').screening.instruments(c.req.valid('query').language ?? c.get('language')) }, 200),
  )
  .openapi(getInstrument, async (c) =>
    c.json(await c.get('repos').screening.instrument(c.req.valid('param').id, c.req.valid('query').language ?? c.get('language')), 200),
  )
  .openapi(putThresholds, async (c) =>
    c.json(await c.get('repos').screening.setThresholds(c.req.valid('param').id, c.req.valid('json'), c.get('language')), 200),
  )
  .openapi(putTexts, async (c) => c.json(await c.get('repos').screening.loadTexts(c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(getQuestionnaire, async (c) =>
    c.json(c.get('repos').screening.questionnaire(c.req.valid('param').id, c.req.valid('query').language ?? c.get('language')), 200),
  )
  .openapi(listScreenings, async (c) => c.json(await c.get('repos').screening.forChild(c.req.valid('param').id), 200))
  .openapi(postScreening, async (c) => c.json(await c.get('repos').screening.record(c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(getScreening, async (c) => c.json(await c.get('repos').screening.get(c.req.valid('param').id), 200))
  .openapi(getQuestionnaireResponse, async (c) => c.json(await c.get('repos').screening.fhirResponse(c.req.valid('param').id), 200))
  .openapi(listChildTasks, async (c) => c.json({ items: await c.get('repos').screening.tasks.forChild(c.req.valid('param').id) }, 200))
  .openapi(listChildFlags, async (c) => c.json({ items: await c.get('repos').screening.tasks.flagsForChild(c.req.valid('param').id) }, 200))
  .openapi(postCompleteTask, async (c) =>
    c.json(await c.get('repos').screening.tasks.complete(c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(postResolveFlag, async (c) =>
    c.json(await c.get('repos').screening.tasks.resolveFlag(c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(getMyTasks, async (c) => c.json(await c.get('repos').screening.tasks.mine(), 200))
  .openapi(getUnitOverview, async (c) => c.json(await c.get('repos').screening.overview.forUnit(c.req.valid('param').id), 200));
