/** Routes for open counselling (åben rådgivning): offers, drop-in slots, anonymous and family visits, today's slots, the unit's numbers. */
import { IdParam, problemResponses } from '../../http/openapi-shared';
import { createRouter, defineRoute, type Router } from '../../http/route';
import {
  AnonymousVisit,
  ChildLookup,
  ChildLookupResult,
  CounsellingOffers,
  CounsellingSummary,
  CreateAnonymousVisit,
  CreateFamilyVisit,
  CreateSlot,
  FamilyVisit,
  OffersQuery,
  Slot,
  SlotDetail,
  SlotList,
  SlotsQuery,
  SummaryQuery,
  TodaySlots,
  UpdateSlot,
} from './schema';

const tags = ['Open counselling'];
const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
const search = { action: 'search', category: 'social' } as const;
const read = { action: 'read', category: 'social' } as const;
const create = { action: 'create', category: 'social' } as const;
const update = { action: 'update', category: 'social' } as const;

const listOffers = defineRoute({
  method: 'get', path: '/api/counselling/offers', access: search, tags,
  summary: 'Drop-in offers (or, with kind=staff, workshop, talk and forum offers) that your units run, with those units and their staff',
  request: { query: OffersQuery },
  responses: { 200: { description: 'Offers', ...json(CounsellingOffers) }, ...problemResponses(400, 401, 403) },
});
const listSlots = defineRoute({
  method: 'get', path: '/api/counselling/slots', access: search, tags,
  summary: 'Drop-in slots of the offers your units run (default: today and the next four weeks), with visit counts',
  request: { query: SlotsQuery },
  responses: { 200: { description: 'Slots', ...json(SlotList) }, ...problemResponses(400, 401, 403) },
});
const postSlot = defineRoute({
  method: 'post', path: '/api/counselling/slots', access: create, tags,
  summary: 'Create a drop-in slot for an offer your unit runs (professional: a staff member of a running unit, default you)',
  request: { body: json(CreateSlot) },
  responses: { 201: { description: 'Slot', ...json(Slot) }, ...problemResponses(400, 401, 403, 404) },
});
const today = defineRoute({
  method: 'get', path: '/api/counselling/today', access: 'signed-in', tags,
  summary: 'Your own drop-in slots today, with visit counts (for Min dag)',
  responses: { 200: { description: 'Today', ...json(TodaySlots) }, ...problemResponses(401) },
});
const getSlot = defineRoute({
  method: 'get', path: '/api/counselling/slots/{id}', access: read, tags,
  summary: 'A slot with its visits: anonymous visits as counted facts; families only for the slot’s professional and who recorded the visit',
  request: { params: IdParam },
  responses: { 200: { description: 'Slot', ...json(SlotDetail) }, ...problemResponses(400, 401, 403, 404) },
});
const patchSlot = defineRoute({
  method: 'patch', path: '/api/counselling/slots/{id}', access: update, tags,
  summary: 'Change a slot’s professional, place or time (send the version you read)',
  request: { params: IdParam, body: json(UpdateSlot) },
  responses: { 200: { description: 'Slot', ...json(Slot) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const postAnonymous = defineRoute({
  method: 'post', path: '/api/counselling/slots/{id}/anonymous-visits', access: create, tags,
  summary: 'Count an anonymous visit: at most an age band and a topic from fixed lists; no child, no name, no free text',
  request: { params: IdParam, body: json(CreateAnonymousVisit) },
  responses: { 201: { description: 'Counted', ...json(AnonymousVisit) }, ...problemResponses(400, 401, 403, 404) },
});
const postFamily = defineRoute({
  method: 'post', path: '/api/counselling/slots/{id}/family-visits', access: create, tags,
  summary: 'Record a visit linked to a family, with the parent’s consent (who, form, when) and a short note',
  request: { params: IdParam, body: json(CreateFamilyVisit) },
  responses: { 201: { description: 'Recorded', ...json(FamilyVisit) }, ...problemResponses(400, 401, 403, 404) },
});
const postLookup = defineRoute({
  method: 'post', path: '/api/counselling/slots/{id}/child-lookup', access: search, tags,
  summary: 'Find the child the parent names (CPR number, or first name, last name and birth date), to link a visit with consent',
  request: { params: IdParam, body: json(ChildLookup) },
  responses: { 200: { description: 'Children found', ...json(ChildLookupResult) }, ...problemResponses(400, 401, 403, 404) },
});
const getSummary = defineRoute({
  method: 'get', path: '/api/units/{id}/counselling-summary', access: read, tags,
  summary: 'The unit’s numbers: drop-in visits per month (anonymous and linked) and workshops held and participants per theme; no names',
  request: { params: IdParam, query: SummaryQuery },
  responses: { 200: { description: 'Summary', ...json(CounsellingSummary) }, ...problemResponses(400, 401, 403, 404) },
});

/** The open-counselling routes. */
export const counsellingRoutes: Router = createRouter()
  .openapi(listOffers, async (c) => c.json(await c.get('repos').counselling.offers(c.req.valid('query').kind), 200))
  .openapi(listSlots, async (c) => c.json({ items: await c.get('repos').counselling.listSlots(c.req.valid('query')) }, 200))
  .openapi(postSlot, async (c) => c.json(await c.get('repos').counselling.createSlot(c.req.valid('json')), 201))
  .openapi(today, async (c) => c.json(await c.get('repos').counselling.today(), 200))
  .openapi(getSlot, async (c) => c.json(await c.get('repos').counselling.slot(c.req.valid('param').id), 200))
  .openapi(patchSlot, async (c) => c.json(await c.get('repos').counselling.updateSlot(c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(postAnonymous, async (c) => c.json(await c.get('repos').counselling.recordAnonymous(c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(postFamily, async (c) => c.json(await c.get('repos').counselling.recordFamilyVisit(c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(postLookup, async (c) => c.json(await c.get('repos').counselling.lookupChild(c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(getSummary, async (c) => c.json(await c.get('repos').counselling.summary(c.req.valid('param').id, c.req.valid('query')), 200));
