/** Shapes for the visit programme: templates, a child's planned contacts, and the extended track. */
import { z } from '@hono/zod-openapi';
import { IsoDate } from '../../http/openapi-shared';
import { text } from '../visits/schema';

export const visitTracks = ['universal', 'pregnancy', 'early_discharge', 'extended'] as const;
export const visitAnchors = ['birth', 'expected'] as const;
export const contactStatuses = ['done', 'overdue', 'due', 'upcoming'] as const;

/** A distance from the anchor date; negative counts back (the pregnancy visit before the expected date). */
export const Offset = z
  .strictObject({
    days: z.number().int().min(-1000).max(1000).optional(),
    weeks: z.number().int().min(-150).max(150).optional(),
    months: z.number().int().min(-24).max(120).optional(),
  })
  .openapi('Offset');

export const VisitTemplate = z
  .strictObject({
    key: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .regex(/^[a-z0-9_]+$/),
    labelDa: text(1, 120),
    labelEn: text(1, 120),
    track: z.enum(visitTracks),
    anchor: z.enum(visitAnchors),
    earliest: Offset,
    latest: Offset,
  })
  .openapi('VisitTemplate');

export const VisitProgramme = z
  .object({ source: z.enum(['municipality', 'default']), templates: z.array(VisitTemplate) })
  .openapi('VisitProgramme');

/** 1–30 templates with unique keys; the repository checks the count and the windows field by field. */
export const ReplaceVisitTemplates = z.strictObject({ templates: z.array(VisitTemplate).max(30) }).openapi('ReplaceVisitTemplates');

export const Contact = z
  .object({
    key: z.string(),
    labelDa: z.string(),
    labelEn: z.string(),
    track: z.enum(visitTracks),
    anchor: z.enum(visitAnchors),
    earliest: z.string(),
    latest: z.string(),
    status: z.enum(contactStatuses),
    visitId: z.uuid().nullable(),
  })
  .openapi('Contact');

const CurrentPeriod = z
  .object({ id: z.uuid(), startsOn: z.string(), reason: z.string(), version: z.number().int() })
  .openapi('ExtendedTrackCurrent');
const PastPeriod = CurrentPeriod.extend({ endsOn: z.string(), endReason: z.string().nullable() }).openapi('ExtendedTrackPeriod');

export const ExtendedTrack = z
  .object({
    current: CurrentPeriod.nullable(),
    /** Periods that have ended, oldest first. */
    history: z.array(PastPeriod),
  })
  .openapi('ExtendedTrack');

export const ChildProgramme = z
  .object({
    childId: z.uuid(),
    today: z.string(),
    source: z.enum(['municipality', 'default']),
    contacts: z.array(Contact),
    extendedTrack: ExtendedTrack,
  })
  .openapi('ChildProgramme');

const reason = text(1, 500);

export const StartExtendedTrack = z.strictObject({ reason, startsOn: IsoDate.optional() }).openapi('StartExtendedTrack');
export const EndExtendedTrack = z
  .strictObject({ reason, endsOn: IsoDate.optional(), version: z.number().int().min(1) })
  .openapi('EndExtendedTrack');

export type VisitTemplateShape = z.infer<typeof VisitTemplate>;
export type VisitProgrammeShape = z.infer<typeof VisitProgramme>;
export type ContactShape = z.infer<typeof Contact>;
export type ExtendedTrackShape = z.infer<typeof ExtendedTrack>;
export type ChildProgrammeShape = z.infer<typeof ChildProgramme>;
export type StartExtendedTrackInput = z.infer<typeof StartExtendedTrack>;
export type EndExtendedTrackInput = z.infer<typeof EndExtendedTrack>;
