/** The shape of "Min dag", the start page. Later work adds visits and tasks. */
import { z } from '@hono/zod-openapi';
import { certificationKinds, unitKinds } from '../organisation/vocabulary';

export const MyDay = z
  .object({
    date: z.string(),
    units: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.enum(unitKinds) })),
    certifications: z.array(
      z.object({
        id: z.uuid(),
        kind: z.enum(certificationKinds),
        validFrom: z.string(),
        validUntil: z.string().nullable(),
        expiresSoon: z.boolean(),
        expired: z.boolean(),
      }),
    ),
    visits: z.array(z.unknown()).max(0),
    tasks: z.array(z.unknown()).max(0),
    admin: z
      .object({ units: z.number().int(), staff: z.number().int(), failedSignInsLast24h: z.number().int() })
      .optional(),
  })
  .openapi('MyDay');

export type MyDayShape = z.infer<typeof MyDay>;
