/**
 * Shapes for consents and disclosures (domain.md §6.2–6.3, rules C1–C3):
 * recording and withdrawing a consent, sharing an item with another unit
 * under a consent or a recorded legal exception, what was shared with the
 * reader's unit, and the "tell the parents afterwards" task (C3).
 */
import { z } from '@hono/zod-openapi';
import { CONSENT_CATEGORIES, CONSENT_FORMS, CONSENT_PURPOSES } from '../../../domain/consent';
import { IsoDate } from '../../http/openapi-shared';

/** Text without NUL characters (PostgreSQL cannot store them). */
export const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((value) => !value.includes('\u0000'), { params: { code: 'invalid' } });

/** The version you read. */
export const readVersion = z.number().int().min(1).max(1_000_000);

const recipientProfessions = ['pedagogue', 'teacher', 'ppr_psychologist', 'social_worker', 'family_therapist'] as const;

const Person = z.object({ id: z.uuid(), name: z.string() });

export const CreateConsent = z
  .strictObject({
    /** The custody holders who gave the consent (adults related to the child with custody). */
    givenBy: z.array(z.uuid()).min(1).max(4),
    purpose: z.enum(CONSENT_PURPOSES),
    recipientUnitIds: z.array(z.uuid()).max(20).default([]),
    recipientProfessions: z.array(z.enum(recipientProfessions)).max(5).default([]),
    categories: z.array(z.enum(CONSENT_CATEGORIES)).min(1).max(4),
    form: z.enum(CONSENT_FORMS),
    validFrom: IsoDate,
    validUntil: IsoDate.nullable().optional(),
    note: text(0, 2000).optional(),
  })
  .openapi('CreateConsent');

export const WithdrawConsent = z
  .strictObject({
    version: readVersion,
    reason: text(1, 2000),
    /** The custody holder who withdrew it, if recorded. */
    withdrawnByAdultId: z.uuid().optional(),
  })
  .openapi('WithdrawConsent');

export const DisclosureView = z
  .object({
    id: z.uuid(),
    kind: z.enum(['note', 'handover_part']),
    part: z.string().nullable(),
    referenceId: z.uuid().nullable(),
    category: z.string(),
    purpose: z.string(),
    /** The frozen copy of what was shared. */
    content: z.object({ title: z.string(), text: z.string().optional(), screenings: z.array(z.object({ instrument: z.string(), observedOn: z.string(), total: z.number().nullable(), positive: z.boolean().nullable() })).optional() }),
    toUnit: z.object({ id: z.uuid(), name: z.string(), kind: z.string() }),
    legalBasis: z.enum(['consent', 'notification_duty', 'vital_interest']),
    consentId: z.uuid().nullable(),
    basisReason: z.string().nullable(),
    sharedBy: Person,
    sharedAt: z.string(),
    /** For the health visitor: whether the recipient may still read it today. */
    readableByRecipient: z.boolean(),
  })
  .openapi('Disclosure');

export const ConsentView = z
  .object({
    id: z.uuid(),
    childId: z.uuid(),
    givenBy: z.array(Person),
    allCustodyHolders: z.boolean(),
    purpose: z.enum(CONSENT_PURPOSES),
    recipientUnits: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string() })),
    recipientProfessions: z.array(z.string()),
    categories: z.array(z.string()),
    form: z.enum(CONSENT_FORMS),
    validFrom: z.string(),
    validUntil: z.string().nullable(),
    note: z.string().nullable(),
    /** Today: valid, not yet valid, expired or withdrawn. */
    state: z.enum(['valid', 'not_yet_valid', 'expired', 'withdrawn']),
    withdrawal: z.object({ at: z.string(), recordedBy: Person, byAdult: Person.nullable(), reason: z.string() }).nullable(),
    recordedBy: Person,
    recordedAt: z.string(),
    version: z.number().int(),
    /** What was shared under this consent (for recipients: with their units only). */
    disclosures: z.array(DisclosureView),
  })
  .openapi('Consent');

export const ChildConsents = z
  .object({
    childId: z.uuid(),
    /** True for the child's health visitor: may record and withdraw consents and share. */
    canManage: z.boolean(),
    consents: z.array(ConsentView),
    /** Items shared on a legal exception (notification duty, vital interest). */
    exceptions: z.array(DisclosureView),
    /** Custody holders, for recording a consent (health visitor only). */
    custodyHolders: z.array(Person),
  })
  .openapi('ChildConsents');

export const CreateDisclosure = z
  .strictObject({
    toUnitId: z.uuid(),
    category: z.enum(CONSENT_CATEGORIES),
    purpose: z.enum(CONSENT_PURPOSES),
    title: text(1, 200),
    text: text(1, 10_000),
    legalBasis: z.enum(['consent', 'notification_duty', 'vital_interest']),
    /** Required when the legal basis is consent. */
    consentId: z.uuid().optional(),
    /** Required for notification duty and vital interest. */
    reason: text(1, 2000).optional(),
  })
  .openapi('CreateDisclosure');

export const SharedWithMe = z
  .object({
    childId: z.uuid(),
    childName: z.string().nullable(),
    items: z.array(DisclosureView.omit({ readableByRecipient: true })),
  })
  .openapi('SharedWithMe');

export const DisclosureTaskView = z
  .object({
    id: z.uuid(),
    childId: z.uuid(),
    childName: z.string(),
    disclosureId: z.uuid(),
    toUnitName: z.string(),
    sharedAt: z.string(),
    reason: z.string().nullable(),
    status: z.enum(['open', 'done', 'exception']),
    note: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('DisclosureTask');

export const CompleteDisclosureTask = z
  .strictObject({
    version: readVersion,
    /** done: the parents were told; exception: they are not told, for the reason in the note. */
    outcome: z.enum(['done', 'exception']),
    note: text(1, 2000),
  })
  .openapi('CompleteDisclosureTask');

export type CreateConsentInput = z.infer<typeof CreateConsent>;
export type WithdrawConsentInput = z.infer<typeof WithdrawConsent>;
export type CreateDisclosureInput = z.infer<typeof CreateDisclosure>;
export type CompleteDisclosureTaskInput = z.infer<typeof CompleteDisclosureTask>;
export type DisclosureShape = z.infer<typeof DisclosureView>;
export type ConsentShape = z.infer<typeof ConsentView>;
export type ChildConsentsShape = z.infer<typeof ChildConsents>;
export type SharedWithMeShape = z.infer<typeof SharedWithMe>;
export type DisclosureTaskShape = z.infer<typeof DisclosureTaskView>;
