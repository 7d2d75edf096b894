/** "Min dag" and "Min uge": the start page's data and the week's visits for the signed-in person. */
import { problemResponses } from '../../http/openapi-shared';
import { createRouter, defineRoute } from '../../http/route';
import { MyDay, MyWeek, MyWeekQuery } from './schema';

const getMyDay = defineRoute({
  method: 'get',
  path: '/api/my-day',
  access: 'signed-in',
  tags: ['Min dag'],
  summary: 'Today for the signed-in staff member: visits, caseload contacts due, counts',
  responses: {
    200: { description: 'Min dag', content: { 'application/json': { schema: MyDay } } },
    ...problemResponses(401),
  },
});

const getMyWeek = defineRoute({
  method: 'get',
  path: '/api/my-week',
  access: 'signed-in',
  tags: ['Min dag'],
  summary: 'The signed-in staff member’s visits for 7 days from `start` (default: this week’s Monday)',
  request: { query: MyWeekQuery },
  responses: {
    200: { description: 'Min uge', content: { 'application/json': { schema: MyWeek } } },
    ...problemResponses(400, 401),
  },
});

/** The Min dag routes. */
export const myDayRoutes = createRouter()
  .openapi(getMyDay, async (c) => c.json(await c.get('repos').myDay.today(), 200))
  .openapi(getMyWeek, async (c) => c.json(await c.get('repos').myDay.week(c.req.valid('query').start), 200));
