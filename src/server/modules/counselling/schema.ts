/**
 * Shapes for open counselling (åben rådgivning): drop-in slots, anonymous
 * visits (counted only, described with fixed lists), visits linked to a family
 * with the parent's consent, the professional's slots today and the unit's
 * numbers. Request bodies are strict: a field the shape does not name (a name,
 * a child, free text on an anonymous visit) is refused field by field.
 */
import { z } from '@hono/zod-openapi';
import { CONSENT_FORMS } from '../../../domain/consent';
import { CONSENT_GIVERS, COUNSELLING_AGE_BANDS, COUNSELLING_TOPICS } from '../../../domain/counselling';
import { IsoDate } from '../../http/openapi-shared';

/** Text without NUL characters (PostgreSQL cannot store them). */
const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((value) => !value.includes('\u0000'), { params: { code: 'invalid' } });

const Instant = z.iso.datetime({ offset: true });
const readVersion = z.number().int().min(1).max(1_000_000);
const Ref = z.object({ id: z.uuid(), name: z.string() });

export const AgeBand = z.enum(COUNSELLING_AGE_BANDS).openapi('CounsellingAgeBand');
export const Topic = z.enum(COUNSELLING_TOPICS).openapi('CounsellingTopic');

// ---- Offers the actor's units run --------------------------------------------------

export const CounsellingOffers = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        format: z.string(),
        method: z.string(),
        /** The running units the actor is a member of, with their staff (to choose a professional or facilitators). */
        units: z.array(z.object({ id: z.uuid(), name: z.string(), staff: z.array(Ref) })),
      }),
    ),
  })
  .openapi('CounsellingOffers');

export const OffersQuery = z.object({
  /** 'drop_in' for open counselling, 'staff' for workshops, talks and forums. */
  kind: z.enum(['drop_in', 'staff']).optional().openapi({ param: { name: 'kind', in: 'query' } }),
});

// ---- Slots ---------------------------------------------------------------------------

export const CreateSlot = z
  .strictObject({
    offerId: z.uuid(),
    /** A unit that runs the offer (default: the first of the actor's running units). */
    unitId: z.uuid().optional(),
    /** A staff member of a running unit (default: you). */
    professionalId: z.uuid().optional(),
    place: text(1, 200),
    startsAt: Instant,
    endsAt: Instant,
  })
  .openapi('CreateCounsellingSlot');

export const UpdateSlot = z
  .strictObject({
    version: readVersion,
    professionalId: z.uuid().optional(),
    place: text(1, 200).optional(),
    startsAt: Instant.optional(),
    endsAt: Instant.optional(),
  })
  .openapi('UpdateCounsellingSlot');

const Counts = z.object({
  visits: z.number().int(),
  anonymous: z.number().int(),
  linked: z.number().int(),
});

export const Slot = z
  .object({
    id: z.uuid(),
    offer: z.object({ id: z.uuid(), name: z.string() }),
    unit: Ref,
    professional: Ref,
    place: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    version: z.number().int(),
    counts: Counts,
  })
  .openapi('CounsellingSlot');

export const SlotsQuery = z.object({
  from: IsoDate.optional().openapi({ param: { name: 'from', in: 'query' } }),
  to: IsoDate.optional().openapi({ param: { name: 'to', in: 'query' } }),
  offerId: z.uuid().optional().openapi({ param: { name: 'offerId', in: 'query' } }),
});

export const SlotList = z.object({ items: z.array(Slot) }).openapi('CounsellingSlotList');

// ---- Visits --------------------------------------------------------------------------

/** An anonymous visit: nothing but an age band and a topic from fixed lists (both optional). */
export const CreateAnonymousVisit = z
  .strictObject({
    ageBand: AgeBand.optional(),
    topic: Topic.optional(),
  })
  .openapi('CreateAnonymousCounsellingVisit');

export const CreateFamilyVisit = z
  .strictObject({
    childId: z.uuid(),
    consentGivenByRole: z.enum(CONSENT_GIVERS),
    /** The name of the parent who consented. */
    consentGivenByName: text(1, 200),
    consentForm: z.enum(CONSENT_FORMS),
    consentGivenAt: Instant,
    topic: Topic.optional(),
    note: text(0, 2000).optional(),
  })
  .openapi('CreateFamilyCounsellingVisit');

export const AnonymousVisit = z
  .object({
    id: z.uuid(),
    kind: z.literal('anonymous'),
    visitedAt: z.string(),
    ageBand: AgeBand.nullable(),
    topic: Topic.nullable(),
  })
  .openapi('AnonymousCounsellingVisit');

export const FamilyVisit = z
  .object({
    id: z.uuid(),
    kind: z.literal('linked'),
    visitedAt: z.string(),
    ageBand: AgeBand.nullable(),
    topic: Topic.nullable(),
    child: z.object({ id: z.uuid(), name: z.string(), birthDate: z.string().nullable() }),
    consent: z.object({ givenByRole: z.enum(CONSENT_GIVERS), givenByName: z.string(), form: z.enum(CONSENT_FORMS), givenAt: z.string() }),
    note: z.string().nullable(),
    recordedBy: Ref,
  })
  .openapi('FamilyCounsellingVisit');

export const SlotDetail = Slot.extend({
  /** True when you may record visits (a member of a running unit). */
  canRecord: z.boolean(),
  anonymousVisits: z.array(AnonymousVisit),
  /** Linked visits you may see (the slot's professional and who recorded them); others are only counted. */
  familyVisits: z.array(FamilyVisit),
  /** Linked visits counted but not shown to you. */
  familyVisitsHidden: z.number().int(),
}).openapi('CounsellingSlotDetail');

// ---- Finding the family ---------------------------------------------------------------

/** Find the child the parent tells you about: by CPR number, or by full name and date of birth. In the body, never in the address. */
export const ChildLookup = z
  .strictObject({
    cpr: z.string().trim().max(11).optional(),
    firstName: text(1, 100).optional(),
    lastName: text(1, 100).optional(),
    birthDate: IsoDate.optional(),
  })
  .openapi('CounsellingChildLookup');

export const ChildLookupResult = z
  .object({
    items: z.array(z.object({ id: z.uuid(), name: z.string(), birthDate: z.string().nullable(), cprMasked: z.string().nullable() })),
  })
  .openapi('CounsellingChildLookupResult');

// ---- Today, and the unit's numbers -------------------------------------------------------

export const TodaySlots = z.object({ date: z.string(), items: z.array(Slot) }).openapi('CounsellingToday');

export const SummaryQuery = z.object({
  from: IsoDate.optional().openapi({ param: { name: 'from', in: 'query' } }),
  to: IsoDate.optional().openapi({ param: { name: 'to', in: 'query' } }),
});

export const CounsellingSummary = z
  .object({
    unitId: z.uuid(),
    from: z.string(),
    to: z.string(),
    dropIn: z.object({
      slots: z.number().int(),
      visits: z.number().int(),
      anonymous: z.number().int(),
      linked: z.number().int(),
      /** anonymous / visits (0 when there are none). */
      shareAnonymous: z.number(),
      /** visits / slots (0 without slots). */
      visitsPerSlot: z.number(),
      /** One row per month of the period, oldest first, zeros included. */
      months: z.array(z.object({ month: z.string(), slots: z.number().int(), anonymous: z.number().int(), linked: z.number().int() })),
    }),
    workshops: z.object({
      held: z.number().int(),
      participants: z.number().int(),
      /** Per theme, only themes with at least one workshop. */
      themes: z.array(z.object({ theme: z.string(), held: z.number().int(), participants: z.number().int() })),
    }),
  })
  .openapi('CounsellingUnitSummary');

export type CreateSlotInput = z.infer<typeof CreateSlot>;
export type UpdateSlotInput = z.infer<typeof UpdateSlot>;
export type SlotShape = z.infer<typeof Slot>;
export type SlotDetailShape = z.infer<typeof SlotDetail>;
export type CreateAnonymousVisitInput = z.infer<typeof CreateAnonymousVisit>;
export type CreateFamilyVisitInput = z.infer<typeof CreateFamilyVisit>;
export type AnonymousVisitShape = z.infer<typeof AnonymousVisit>;
export type FamilyVisitShape = z.infer<typeof FamilyVisit>;
export type ChildLookupInput = z.infer<typeof ChildLookup>;
export type ChildLookupResultShape = z.infer<typeof ChildLookupResult>;
export type CounsellingOffersShape = z.infer<typeof CounsellingOffers>;
export type CounsellingSummaryShape = z.infer<typeof CounsellingSummary>;
