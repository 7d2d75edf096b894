/**
 * Shapes for concerns (bekymringer), sparring requests to the district social
 * worker, sparring sessions and wellbeing conversations (trivselssamtaler).
 *
 * A concern's `level` is a key of the municipality's concern scale (the
 * wellbeing scale: 'green', 'yellow', 'red' by default); the repository checks
 * it against the scale and stores the scale id with the concern.
 */
import { z } from '@hono/zod-openapi';
import { AGE_BANDS } from '../../../domain';
import { IsoDate } from '../../http/openapi-shared';
import { ScaleLevel, ScaleRef } from '../wellbeing/schema';

/** Text without NUL characters (PostgreSQL cannot store them). */
const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((value) => !value.includes('\u0000'), { params: { code: 'invalid' } });

const levelKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/).openapi({ example: 'yellow' });
const version = z.number().int().min(1).max(1_000_000);
const Person = z.object({ id: z.uuid(), name: z.string() });

// ---- Concerns --------------------------------------------------------------------------

const concernFields = {
  /** A level key of the municipality's concern scale. */
  level: levelKey,
  /** What was observed, in plain behavioural terms. */
  observed: text(1, 4000),
  /** Since when (not in the future). */
  observedSince: IsoDate,
  /** Have the parents been told about the concern? */
  parentsInformed: z.boolean(),
  /** How they were told (when parentsInformed). */
  parentsInformedHow: text(1, 1000).nullish(),
  /** When they were told (when parentsInformed; not in the future). */
  parentsInformedOn: IsoDate.nullish(),
};

export const CreateConcern = z.strictObject(concernFields).openapi('CreateConcern');
/** The concern's fields, changed together, with the version read. */
export const UpdateConcern = z.strictObject({ ...concernFields, version }).openapi('UpdateConcern');

export const SparringSummary = z.object({
  id: z.uuid(),
  mode: z.enum(['anonymous', 'named']),
  status: z.enum(['waiting', 'taken', 'closed']),
  requestedAt: z.string(),
  takenBy: Person.nullable(),
});

export const Concern = z
  .object({
    id: z.uuid(),
    childId: z.uuid(),
    unit: Person,
    category: z.enum(['pedagogical', 'health']),
    author: Person,
    scale: ScaleRef,
    level: ScaleLevel,
    observed: z.string(),
    observedSince: z.string(),
    parentsInformed: z.boolean(),
    parentsInformedHow: z.string().nullable(),
    parentsInformedOn: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** The actor may change it and ask for sparring (the unit's own view). */
    canEdit: z.boolean(),
    /** The concern's named sparring requests (anonymous requests are not linked to it). */
    sparring: z.array(SparringSummary),
  })
  .openapi('Concern');

export const ConcernList = z
  .object({
    childId: z.uuid(),
    /** The actor may record a concern about this child (and with which category). */
    canCreate: z.boolean(),
    createCategory: z.enum(['pedagogical', 'health']).nullable(),
    /** The scale a new concern uses. */
    scale: ScaleRef,
    items: z.array(Concern),
  })
  .openapi('ConcernList');

// ---- Sparring ----------------------------------------------------------------------------

const Consent = z.strictObject({
  /** Who gave consent (e.g. "Mor, Maria Hansen"). */
  givenBy: text(1, 200),
  /** When (not in the future). */
  givenOn: IsoDate,
  /** How (orally at pick-up, in writing, …). */
  how: text(1, 500),
});

export const CreateSparringRequest = z
  .strictObject({
    /** Anonymous: the child is not identified (only the age band, the level and your question). */
    anonymous: z.boolean(),
    /** What you would like sparring about; in an anonymous request, do not name the child or family. */
    question: text(1, 2000),
    /** The parents' consent: required for a named request, not allowed in an anonymous one. */
    consent: Consent.nullish(),
  })
  .openapi('CreateSparringRequest');

export const VersionBody = z.strictObject({ version }).openapi('SparringVersion');
export const CloseSparringRequest = z.strictObject({ version, note: text(1, 2000).nullish() }).openapi('CloseSparringRequest');
export const CreateSparringSession = z
  .strictObject({
    heldOn: IsoDate,
    advice: text(1, 4000),
    nextStep: text(1, 1000).nullish(),
  })
  .openapi('CreateSparringSession');

export const SparringSession = z
  .object({ id: z.uuid(), heldOn: z.string(), advice: z.string(), nextStep: z.string().nullable(), recordedBy: Person, createdAt: z.string() })
  .openapi('SparringSession');

export const SparringRequest = z
  .object({
    id: z.uuid(),
    mode: z.enum(['anonymous', 'named']),
    status: z.enum(['waiting', 'taken', 'closed']),
    /** How the actor relates to it: in their queue, taken by them, or their own request. */
    relation: z.enum(['queue', 'taken', 'requested']),
    requester: Person,
    unit: Person,
    district: Person,
    ageBand: z.enum(AGE_BANDS).nullable(),
    level: ScaleLevel,
    question: z.string(),
    requestedAt: z.string(),
    requestedOn: z.string(),
    /** Days waited: until taken, or until today while waiting. */
    waitingDays: z.number().int(),
    takenBy: Person.nullable(),
    takenAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    closingNote: z.string().nullable(),
    version: z.number().int(),
    sessions: z.number().int(),
    /** For the requester: advice recorded since they last opened the request. */
    newAdvice: z.boolean(),
    /** Named requests, to the requester and to the social worker who took it; never for anonymous ones. */
    child: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    consent: z.object({ givenBy: z.string(), givenOn: z.string(), how: z.string() }).nullable(),
  })
  .openapi('SparringRequest');

export const SparringRequestDetail = SparringRequest.extend({
  sessions: z.array(SparringSession),
  /** The concern behind a named request, when the actor may read it (never a health concern for non-health staff). */
  concern: Concern.nullable(),
  canTake: z.boolean(),
  canRecord: z.boolean(),
  canClose: z.boolean(),
}).openapi('SparringRequestDetail');

export const SparringRequestList = z
  .object({
    items: z.array(SparringRequest),
    /** The districts the actor covers as a social worker (empty for others). */
    covers: z.array(Person),
  })
  .openapi('SparringRequestList');

// ---- Wellbeing conversations ---------------------------------------------------------------

export const CreateConversation = z
  .strictObject({
    heldOn: IsoDate,
    /** The parents' agreement is required. */
    parentsAgreed: z.boolean(),
    agreementHow: text(1, 500),
    agreementOn: IsoDate,
    /** Notes: what the pupil said. */
    notes: text(1, 4000),
    nextStep: text(1, 1000).nullish(),
  })
  .openapi('CreateWellbeingConversation');

export const Conversation = z
  .object({
    id: z.uuid(),
    child: z.object({ id: z.uuid(), name: z.string() }),
    unit: Person,
    heldOn: z.string(),
    parentsAgreed: z.boolean(),
    agreementHow: z.string(),
    agreementOn: z.string(),
    notes: z.string(),
    nextStep: z.string().nullable(),
    recordedBy: Person,
    createdAt: z.string(),
  })
  .openapi('WellbeingConversation');

export const ConversationList = z
  .object({ items: z.array(Conversation), canCreate: z.boolean() })
  .openapi('WellbeingConversationList');

export type CreateConcernInput = z.infer<typeof CreateConcern>;
export type UpdateConcernInput = z.infer<typeof UpdateConcern>;
export type ConcernShape = z.infer<typeof Concern>;
export type ConcernListShape = z.infer<typeof ConcernList>;
export type CreateSparringRequestInput = z.infer<typeof CreateSparringRequest>;
export type CreateSparringSessionInput = z.infer<typeof CreateSparringSession>;
export type CloseSparringRequestInput = z.infer<typeof CloseSparringRequest>;
export type SparringRequestShape = z.infer<typeof SparringRequest>;
export type SparringRequestDetailShape = z.infer<typeof SparringRequestDetail>;
export type SparringRequestListShape = z.infer<typeof SparringRequestList>;
export type SparringSessionShape = z.infer<typeof SparringSession>;
export type CreateConversationInput = z.infer<typeof CreateConversation>;
export type ConversationShape = z.infer<typeof Conversation>;
