/** Shapes for visits, journal notes and measurements (all `health` data about one child). */
import { z } from '@hono/zod-openapi';
import { IsoDate } from '../../http/openapi-shared';

/** Where a visit takes place or how it is held. */
export const visitKinds = ['home', 'clinic', 'daycare', 'cross_professional_home', 'phone_video'] as const;
/** Where a visit stands. */
export const visitStatuses = ['planned', 'done', 'cancelled', 'no_show'] as const;

/**
 * Trimmed text of `min`–`max` characters without NUL characters (which
 * PostgreSQL cannot store in text): a field error, never a 500.
 * @example text(1, 500)
 */
export const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((value) => !value.includes('\u0000'), { params: { code: 'invalid' } });

const StaffRef = z.object({ id: z.uuid(), name: z.string() }).openapi('StaffRef');
const location = text(0, 200).nullish().transform((v) => (v ? v : null));
const participantIds = z.array(z.uuid()).max(10);
const dateTime = z.iso.datetime({ offset: true });

export const Visit = z
  .object({
    id: z.uuid(),
    childId: z.uuid(),
    templateKey: z.string().nullable(),
    kind: z.enum(visitKinds),
    status: z.enum(visitStatuses),
    plannedAt: z.string().openapi({ format: 'date-time' }),
    staffId: z.uuid().nullable(),
    staffName: z.string().nullable(),
    participantIds: z.array(z.uuid()),
    participants: z.array(StaffRef),
    location: z.string().nullable(),
    version: z.number().int(),
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Visit');

/** A visit in someone's calendar: with the child's name and the local date and time. */
export const CalendarVisit = Visit.extend({
  childName: z.string(),
  date: z.string(),
  time: z.string(),
  role: z.enum(['responsible', 'participant']),
}).openapi('CalendarVisit');

export const CreateVisit = z
  .strictObject({
    templateKey: text(1, 40).nullish(),
    kind: z.enum(visitKinds),
    plannedAt: dateTime,
    staffId: z.uuid().nullish(),
    participantIds: participantIds.optional(),
    location,
  })
  .openapi('CreateVisit');

export const UpdateVisit = z
  .strictObject({
    version: z.number().int().min(1),
    status: z.enum(visitStatuses).optional(),
    plannedAt: dateTime.optional(),
    kind: z.enum(visitKinds).optional(),
    participantIds: participantIds.optional(),
    location: text(0, 200).nullish(),
  })
  .openapi('UpdateVisit');

const NoteVersion = z
  .object({
    id: z.uuid(),
    body: z.string(),
    authorId: z.uuid(),
    authorName: z.string(),
    signedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('NoteVersion');

export const Note = NoteVersion.extend({
  childId: z.uuid(),
  visitId: z.uuid().nullable(),
  supersedesId: z.uuid().nullable(),
  /** Earlier versions of this note, oldest first; empty for a note never corrected. */
  history: z.array(NoteVersion),
}).openapi('Note');

const body = text(1, 10000);

export const CreateNote = z.strictObject({ body, visitId: z.uuid().nullish() }).openapi('CreateNote');
export const CorrectNote = z.strictObject({ body }).openapi('CorrectNote');

/** At most one decimal: 52.3 yes, 52.35 no. */
const oneDecimal = (min: number, max: number) =>
  z
    .number()
    .min(min)
    .max(max)
    .refine((v) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-6, { params: { code: 'one_decimal' } });

export const Measurement = z
  .object({
    id: z.uuid(),
    childId: z.uuid(),
    visitId: z.uuid().nullable(),
    measuredOn: z.string(),
    weightGrams: z.number().int().nullable(),
    lengthCm: z.number().nullable(),
    headCm: z.number().nullable(),
    recordedById: z.uuid(),
    recordedByName: z.string(),
  })
  .openapi('Measurement');

/** At least one of the three values is required; the repository says so field by field. */
export const CreateMeasurement = z
  .strictObject({
    measuredOn: IsoDate,
    weightGrams: z
      .number()
      .min(300)
      .max(40000)
      .refine(Number.isInteger, { params: { code: 'whole_number' } })
      .openapi({ type: 'integer' })
      .nullish(),
    lengthCm: oneDecimal(25, 150).nullish(),
    headCm: oneDecimal(20, 65).nullish(),
    visitId: z.uuid().nullish(),
  })
  .openapi('CreateMeasurement');

export type VisitShape = z.infer<typeof Visit>;
export type CalendarVisitShape = z.infer<typeof CalendarVisit>;
export type CreateVisitInput = z.infer<typeof CreateVisit>;
export type UpdateVisitInput = z.infer<typeof UpdateVisit>;
export type NoteShape = z.infer<typeof Note>;
export type NoteVersionShape = z.infer<typeof NoteVersion>;
export type CreateNoteInput = z.infer<typeof CreateNote>;
export type MeasurementShape = z.infer<typeof Measurement>;
export type CreateMeasurementInput = z.infer<typeof CreateMeasurement>;
