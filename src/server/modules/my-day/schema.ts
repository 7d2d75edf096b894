/** The shape of "Min dag", the start page, and of "Min uge", the week's visits. */
import { z } from '@hono/zod-openapi';
import { MyTasks } from '../screening/schema';
import { IsoDate } from '../../http/openapi-shared';
import { certificationKinds, unitKinds } from '../organisation/vocabulary';
import { contactStatuses, visitTracks } from '../programme/schema';
import { CalendarVisit } from '../visits/schema';

/** A planned contact for a child on the actor's caseload that needs attention soon. */
export const CaseloadContact = z
  .object({
    childId: z.uuid(),
    childName: z.string(),
    key: z.string(),
    labelDa: z.string(),
    labelEn: z.string(),
    track: z.enum(visitTracks),
    earliest: z.string(),
    latest: z.string(),
    status: z.enum(contactStatuses),
    visitId: z.uuid().nullable(),
  })
  .openapi('CaseloadContact');

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
    /** The actor's visits today (responsible or taking part), by time. */
    visits: z.array(CalendarVisit),
    /** Caseload contacts overdue, due now, or starting within 14 days; overdue first. */
    contacts: z.array(CaseloadContact),
    counts: z.object({
      visitsToday: z.number().int(),
      overdue: z.number().int(),
      dueNow: z.number().int(),
      upcoming14Days: z.number().int(),
      caseload: z.number().int(),
    }),
    /** The actor's open follow-up tasks (urgent first) and open flags on their caseload, with counts. */
    tasks: MyTasks.shape.tasks,
    flags: MyTasks.shape.flags,
    taskCounts: MyTasks.shape.counts,
    admin: z
      .object({ units: z.number().int(), staff: z.number().int(), failedSignInsLast24h: z.number().int() })
      .optional(),
  })
  .openapi('MyDay');

export const MyWeekQuery = z.object({ start: IsoDate.optional() });

export const MyWeek = z
  .object({
    start: z.string(),
    /** The last day of the week (inclusive). */
    end: z.string(),
    days: z.array(z.object({ date: z.string(), visits: z.array(CalendarVisit) })).length(7),
  })
  .openapi('MyWeek');

export type MyDayShape = z.infer<typeof MyDay>;
export type MyWeekShape = z.infer<typeof MyWeek>;
export type CaseloadContactShape = z.infer<typeof CaseloadContact>;
