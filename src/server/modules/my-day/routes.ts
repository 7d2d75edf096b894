/** "Min dag": the start page's data for the signed-in person. */
import { problemResponses } from '../../http/openapi-shared';
import { createRouter, defineRoute } from '../../http/route';
import { MyDay } from './schema';

const getMyDay = defineRoute({
  method: 'get',
  path: '/api/my-day',
  access: 'signed-in',
  tags: ['Min dag'],
  summary: 'Today for the signed-in staff member',
  responses: {
    200: { description: 'Min dag', content: { 'application/json': { schema: MyDay } } },
    ...problemResponses(401),
  },
});

/** The Min dag route. */
export const myDayRoutes = createRouter().openapi(getMyDay, async (c) => c.json(await c.get('repos').myDay.today(), 200));
