/** Routes for staff accounts, memberships and certifications (administrators). */
import { z } from '@hono/zod-openapi';
import { IdParam, problemResponses } from '../../http/openapi-shared';
import { createRouter, defineRoute, type Router } from '../../http/route';
import {
  AddCertification,
  AddMembership,
  Colleague,
  CreateStaff,
  DirectoryQuery,
  EndMembership,
  SetPassword,
  Staff,
  StaffQuery,
  StaffSummary,
  UpdateStaff,
} from './schema';

const tags = ['Staff'];
const search = { action: 'search', category: 'staff' } as const;
const read = { action: 'read', category: 'staff' } as const;
const create = { action: 'create', category: 'staff' } as const;
const update = { action: 'update', category: 'staff' } as const;
const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

const listStaff = defineRoute({
  method: 'get',
  path: '/api/staff',
  access: search,
  tags,
  summary: 'Search staff',
  request: { query: StaffQuery },
  responses: {
    200: { description: 'Matches', ...json(z.object({ items: z.array(StaffSummary) })) },
    ...problemResponses(400, 401, 403),
  },
});

const directory = defineRoute({
  method: 'get',
  path: '/api/staff-directory',
  access: 'signed-in',
  tags,
  summary: 'Colleagues in the municipality: name, profession, current units (no contact details)',
  request: { query: DirectoryQuery },
  responses: {
    200: { description: 'Colleagues', ...json(z.object({ items: z.array(Colleague) })) },
    ...problemResponses(400, 401),
  },
});

const getStaff = defineRoute({
  method: 'get',
  path: '/api/staff/{id}',
  access: read,
  tags,
  summary: 'One staff member',
  request: { params: IdParam },
  responses: { 200: { description: 'Staff member', ...json(Staff) }, ...problemResponses(400, 401, 403, 404) },
});

const postStaff = defineRoute({
  method: 'post',
  path: '/api/staff',
  access: create,
  tags,
  summary: 'Create a staff account',
  request: { body: json(CreateStaff) },
  responses: { 201: { description: 'Created', ...json(Staff) }, ...problemResponses(400, 401, 403, 409) },
});

const patchStaff = defineRoute({
  method: 'patch',
  path: '/api/staff/{id}',
  access: update,
  tags,
  summary: 'Change a staff account (send the version you read)',
  request: { params: IdParam, body: json(UpdateStaff) },
  responses: { 200: { description: 'Updated', ...json(Staff) }, ...problemResponses(400, 401, 403, 404, 409) },
});

const postPassword = defineRoute({
  method: 'post',
  path: '/api/staff/{id}/password',
  access: update,
  tags,
  summary: 'Set a new password (ends the person’s sessions)',
  request: { params: IdParam, body: json(SetPassword) },
  responses: { 204: { description: 'Password set' }, ...problemResponses(400, 401, 403, 404) },
});

const postMembership = defineRoute({
  method: 'post',
  path: '/api/staff/{id}/memberships',
  access: update,
  tags,
  summary: 'Add a unit membership',
  request: { params: IdParam, body: json(AddMembership) },
  responses: { 201: { description: 'Added', ...json(Staff) }, ...problemResponses(400, 401, 403, 404) },
});

const patchMembership = defineRoute({
  method: 'patch',
  path: '/api/memberships/{id}',
  access: update,
  tags,
  summary: 'Set or clear the end date of a membership',
  request: { params: IdParam, body: json(EndMembership) },
  responses: { 200: { description: 'Updated', ...json(Staff) }, ...problemResponses(400, 401, 403, 404, 409) },
});

const postCertification = defineRoute({
  method: 'post',
  path: '/api/staff/{id}/certifications',
  access: update,
  tags,
  summary: 'Record a certification',
  request: { params: IdParam, body: json(AddCertification) },
  responses: { 201: { description: 'Added', ...json(Staff) }, ...problemResponses(400, 401, 403, 404) },
});

const deleteCertification = defineRoute({
  method: 'delete',
  path: '/api/certifications/{id}',
  access: update,
  tags,
  summary: 'Remove a certification',
  request: { params: IdParam },
  responses: { 200: { description: 'Removed', ...json(Staff) }, ...problemResponses(400, 401, 403, 404) },
});

/** The staff routes. */
export const staffRoutes: Router = createRouter()
  .openapi(listStaff, async (c) => c.json({ items: await c.get('repos').staff.search(c.req.valid('query')) }, 200))
  .openapi(directory, async (c) => c.json({ items: await c.get('repos').staff.directory(c.req.valid('query')) }, 200))
  .openapi(getStaff, async (c) => c.json(await c.get('repos').staff.get(c.req.valid('param').id), 200))
  .openapi(postStaff, async (c) => c.json(await c.get('repos').staff.create(c.req.valid('json')), 201))
  .openapi(patchStaff, async (c) => c.json(await c.get('repos').staff.update(c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(postPassword, async (c) => {
    await c.get('repos').staff.setPassword(c.req.valid('param').id, c.req.valid('json').password);
    return c.body(null, 204);
  })
  .openapi(postMembership, async (c) =>
    c.json(await c.get('repos').staff.addMembership(c.req.valid('param').id, c.req.valid('json')), 201),
  )
  .openapi(patchMembership, async (c) =>
    c.json(await c.get('repos').staff.endMembership(c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(postCertification, async (c) =>
    c.json(await c.get('repos').staff.addCertification(c.req.valid('param').id, c.req.valid('json')), 201),
  )
  .openapi(deleteCertification, async (c) =>
    c.json(await c.get('repos').staff.removeCertification(c.req.valid('param').id), 200),
  );
