/** Routes for offers (tilbud) and courses (forløb): the catalogue, courses and sessions, referrals and places, attendance, a child's offers, my courses, a unit's numbers. */
import { z } from '@hono/zod-openapi';
import { IdParam, problemResponses } from '../../http/openapi-shared';
import { createRouter, defineRoute, type Router } from '../../http/route';
import {
  AttendanceSheet,
  ChildOffers,
  CourseDetail,
  CreateCourse,
  CreateOffer,
  Decline,
  EndParticipation,
  FinishCourse,
  MyCourses,
  Offer,
  OfferWithCourses,
  Participant,
  ParticipantAction,
  Refer,
  SaveAttendance,
  UnitOfferStats,
  UpdateCourse,
  UpdateOffer,
  UpdateSession,
} from './schema';

const tags = ['Offers'];
const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
const readCourse = { action: 'read', category: 'course' } as const;
const updateCourse = { action: 'update', category: 'course' } as const;
/** Whoever sees a child's basic data may refer the family and see the child's offers. */
const childBasic = { action: 'read', category: 'basic' } as const;

const listOffers = defineRoute({
  method: 'get', path: '/api/offers', access: { action: 'read', category: 'organisation' }, tags,
  summary: 'The municipality’s offers: target group, format, method, the units that run them and the certification a facilitator needs',
  responses: { 200: { description: 'Offers', ...json(z.object({ items: z.array(Offer) })) }, ...problemResponses(401, 403) },
});
const getOffer = defineRoute({
  method: 'get', path: '/api/offers/{id}', access: { action: 'read', category: 'organisation' }, tags,
  summary: 'An offer with its courses (places and waiting numbers; rosters are for those running a course)',
  request: { params: IdParam },
  responses: { 200: { description: 'Offer', ...json(OfferWithCourses) }, ...problemResponses(400, 401, 403, 404) },
});
const postOffer = defineRoute({
  method: 'post', path: '/api/offers', access: { action: 'create', category: 'organisation' }, tags,
  summary: 'Add an offer to the catalogue (administrators)',
  request: { body: json(CreateOffer) },
  responses: { 201: { description: 'Offer', ...json(Offer) }, ...problemResponses(400, 401, 403) },
});
const patchOffer = defineRoute({
  method: 'patch', path: '/api/offers/{id}', access: { action: 'update', category: 'organisation' }, tags,
  summary: 'Change an offer (administrators; send the version you read)',
  request: { params: IdParam, body: json(UpdateOffer) },
  responses: { 200: { description: 'Offer', ...json(Offer) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const postCourse = defineRoute({
  method: 'post', path: '/api/offers/{id}/courses', access: { action: 'create', category: 'course' }, tags,
  summary: 'Start a course of the offer in your unit: facilitators certified on every session date, place, capacity and weekly sessions (COS-P: 8 × 90 min)',
  request: { params: IdParam, body: json(CreateCourse) },
  responses: { 201: { description: 'Course', ...json(CourseDetail) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const getCourse = defineRoute({
  method: 'get', path: '/api/courses/{id}', access: readCourse, tags,
  summary: 'A course: sessions, roster with interpreter needs, the waiting list in order and offered places (the running unit and the facilitators)',
  request: { params: IdParam },
  responses: { 200: { description: 'Course', ...json(CourseDetail) }, ...problemResponses(400, 401, 403, 404) },
});
const patchCourse = defineRoute({
  method: 'patch', path: '/api/courses/{id}', access: updateCourse, tags,
  summary: 'Change a course’s name, place, capacity or facilitators (send the version you read); more capacity offers places to the next in line',
  request: { params: IdParam, body: json(UpdateCourse) },
  responses: { 200: { description: 'Course', ...json(CourseDetail) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const postFinish = defineRoute({
  method: 'post', path: '/api/courses/{id}/finish', access: updateCourse, tags,
  summary: 'Finish the course: families who attended the offer’s minimum (COS-P: 6 of 8) have completed it',
  request: { params: IdParam, body: json(FinishCourse) },
  responses: { 200: { description: 'Course', ...json(CourseDetail) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const patchSession = defineRoute({
  method: 'patch', path: '/api/course-sessions/{id}', access: updateCourse, tags,
  summary: 'Move a session or set its topic (send the version you read)',
  request: { params: IdParam, body: json(UpdateSession) },
  responses: { 200: { description: 'Course', ...json(CourseDetail) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const postParticipant = defineRoute({
  method: 'post', path: '/api/courses/{id}/participants', access: childBasic, tags,
  summary: 'Refer a family to the course, or record their own sign-up: a free place is offered, a full course puts them on the waiting list',
  request: { params: IdParam, body: json(Refer) },
  responses: { 201: { description: 'Participant', ...json(Participant) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const postAccept = defineRoute({
  method: 'post', path: '/api/course-participants/{id}/accept', access: updateCourse, tags,
  summary: 'Accept an offered place: the family is enrolled (the running unit, the facilitators or the referrer)',
  request: { params: IdParam, body: json(ParticipantAction) },
  responses: { 200: { description: 'Participant', ...json(Participant) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const postDecline = defineRoute({
  method: 'post', path: '/api/course-participants/{id}/decline', access: updateCourse, tags,
  summary: 'Decline an offered place or leave the waiting list; the place goes to the next in line',
  request: { params: IdParam, body: json(Decline) },
  responses: { 200: { description: 'Participant', ...json(Participant) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const postDropOut = defineRoute({
  method: 'post', path: '/api/course-participants/{id}/drop-out', access: updateCourse, tags,
  summary: 'Record that an enrolled family dropped out, with the reason; the place goes to the next in line',
  request: { params: IdParam, body: json(EndParticipation) },
  responses: { 200: { description: 'Participant', ...json(Participant) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const getAttendance = defineRoute({
  method: 'get', path: '/api/course-sessions/{id}/attendance', access: readCourse, tags,
  summary: 'The attendance sheet of a session: one row per participating parent, with interpreter needs',
  request: { params: IdParam },
  responses: { 200: { description: 'Attendance', ...json(AttendanceSheet) }, ...problemResponses(400, 401, 403, 404) },
});
const putAttendance = defineRoute({
  method: 'put', path: '/api/course-sessions/{id}/attendance', access: updateCourse, tags,
  summary: 'Record attendance (present, absent, excused) per parent; the last session finishes the course and decides completion',
  request: { params: IdParam, body: json(SaveAttendance) },
  responses: { 200: { description: 'Attendance', ...json(AttendanceSheet) }, ...problemResponses(400, 401, 403, 404, 409) },
});
const getChildOffers = defineRoute({
  method: 'get', path: '/api/children/{id}/offers', access: childBasic, tags,
  summary: 'The offers the family has been referred to, is waiting for or offered, attends and has completed',
  request: { params: IdParam },
  responses: { 200: { description: 'The child’s offers', ...json(ChildOffers) }, ...problemResponses(400, 401, 403, 404) },
});
const getMine = defineRoute({
  method: 'get', path: '/api/my-courses', access: 'signed-in', tags,
  summary: 'Your courses as facilitator with today’s and the next session (for Min dag)',
  responses: { 200: { description: 'My courses', ...json(MyCourses) }, ...problemResponses(401) },
});
const getUnitStats = defineRoute({
  method: 'get', path: '/api/units/{id}/offer-stats', access: readCourse, tags,
  summary: 'Per offer with courses run by the unit: fill rate, median waiting days, completion rate; numbers from fewer than 5 families are withheld',
  request: { params: IdParam },
  responses: { 200: { description: 'Numbers', ...json(UnitOfferStats) }, ...problemResponses(400, 401, 403, 404) },
});

/** The offers and courses routes. */
export const offersRoutes: Router = createRouter()
  .openapi(listOffers, async (c) => c.json({ items: await c.get('repos').offers.list() }, 200))
  .openapi(getOffer, async (c) => c.json(await c.get('repos').offers.get(c.req.valid('param').id), 200))
  .openapi(postOffer, async (c) => c.json(await c.get('repos').offers.create(c.req.valid('json')), 201))
  .openapi(patchOffer, async (c) => c.json(await c.get('repos').offers.update(c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(postCourse, async (c) => c.json(await c.get('repos').offers.createCourse(c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(getCourse, async (c) => c.json(await c.get('repos').offers.course(c.req.valid('param').id), 200))
  .openapi(patchCourse, async (c) => c.json(await c.get('repos').offers.updateCourse(c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(postFinish, async (c) => c.json(await c.get('repos').offers.finishCourse(c.req.valid('param').id, c.req.valid('json').version), 200))
  .openapi(patchSession, async (c) => c.json(await c.get('repos').offers.updateSession(c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(postParticipant, async (c) => c.json(await c.get('repos').offers.refer(c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(postAccept, async (c) => c.json(await c.get('repos').offers.accept(c.req.valid('param').id, c.req.valid('json').version), 200))
  .openapi(postDecline, async (c) => {
    const body = c.req.valid('json');
    return c.json(await c.get('repos').offers.decline(c.req.valid('param').id, body.version, body.reason), 200);
  })
  .openapi(postDropOut, async (c) => {
    const body = c.req.valid('json');
    return c.json(await c.get('repos').offers.dropOut(c.req.valid('param').id, body.version, body.reason), 200);
  })
  .openapi(getAttendance, async (c) => c.json(await c.get('repos').offers.attendance(c.req.valid('param').id), 200))
  .openapi(putAttendance, async (c) => c.json(await c.get('repos').offers.saveAttendance(c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(getChildOffers, async (c) => c.json(await c.get('repos').offers.forChild(c.req.valid('param').id), 200))
  .openapi(getMine, async (c) => c.json(await c.get('repos').offers.mine(), 200))
  .openapi(getUnitStats, async (c) => c.json(await c.get('repos').offers.unitStats(c.req.valid('param').id), 200));
