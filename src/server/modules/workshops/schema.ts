/**
 * Shapes for workshops, talks and competence forums for staff: an offer of
 * format 'workshop', 'talk' or 'forum', a theme from a fixed list, the date,
 * the unit where it was held (or for whom), the number of participants and
 * the facilitators. No personal data about children.
 */
import { z } from '@hono/zod-openapi';
import { WORKSHOP_THEMES } from '../../../domain/counselling';
import { IsoDate } from '../../http/openapi-shared';

/** Text without NUL characters (PostgreSQL cannot store them). */
const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((value) => !value.includes('\u0000'), { params: { code: 'invalid' } });

const Ref = z.object({ id: z.uuid(), name: z.string() });

export const WorkshopTheme = z.enum(WORKSHOP_THEMES).openapi('WorkshopTheme');

export const CreateWorkshop = z
  .strictObject({
    offerId: z.uuid(),
    theme: WorkshopTheme,
    heldOn: IsoDate,
    unitId: z.uuid(),
    participants: z.number().int().min(0).max(10_000),
    /** Staff members of the offer's running units (at least one). */
    facilitatorIds: z.array(z.uuid()).min(1).max(20),
    note: text(0, 2000).nullish(),
  })
  .openapi('CreateWorkshop');

export const UpdateWorkshop = z
  .strictObject({
    version: z.number().int().min(1).max(1_000_000),
    theme: WorkshopTheme.optional(),
    heldOn: IsoDate.optional(),
    unitId: z.uuid().optional(),
    participants: z.number().int().min(0).max(10_000).optional(),
    facilitatorIds: z.array(z.uuid()).min(1).max(20).optional(),
    note: text(0, 2000).nullable().optional(),
  })
  .openapi('UpdateWorkshop');

export const Workshop = z
  .object({
    id: z.uuid(),
    offer: z.object({ id: z.uuid(), name: z.string(), format: z.string() }),
    theme: WorkshopTheme,
    heldOn: z.string(),
    unit: Ref,
    participants: z.number().int(),
    facilitators: z.array(Ref),
    note: z.string().nullable(),
    version: z.number().int(),
    createdBy: Ref,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Workshop');

export const WorkshopList = z.object({ items: z.array(Workshop) }).openapi('WorkshopList');

export const WorkshopsQuery = z.object({
  from: IsoDate.optional().openapi({ param: { name: 'from', in: 'query' } }),
  to: IsoDate.optional().openapi({ param: { name: 'to', in: 'query' } }),
  unitId: z.uuid().optional().openapi({ param: { name: 'unitId', in: 'query' } }),
  theme: WorkshopTheme.optional().openapi({ param: { name: 'theme', in: 'query' } }),
});

export const DeleteWorkshopQuery = z.object({
  version: z.coerce.number().int().min(1).optional().openapi({ param: { name: 'version', in: 'query' } }),
});

export type CreateWorkshopInput = z.infer<typeof CreateWorkshop>;
export type UpdateWorkshopInput = z.infer<typeof UpdateWorkshop>;
export type WorkshopShape = z.infer<typeof Workshop>;
export type WorkshopsQueryInput = z.infer<typeof WorkshopsQuery>;
