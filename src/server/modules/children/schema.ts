/** Shapes for the children's registry: children, expected children, the adults around them, enrolments and caseload. */
import { z } from '@hono/zod-openapi';
import { IsoDate } from '../../http/openapi-shared';

export const relationKinds = ['mother', 'father', 'co_parent', 'guardian', 'foster_parent', 'other'] as const;

const name = z.string().trim().min(1).max(100);
const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));
const cpr = z.string().trim().max(11).nullish().transform((v) => (v ? v : null));
const language = z.string().trim().min(2).max(10).regex(/^[a-z]{2,3}(-[A-Za-z]{2})?$/);

export const GuardianInput = z
  .strictObject({
    adultId: z.uuid().optional(),
    cpr,
    firstName: name.optional(),
    lastName: name.optional(),
    relation: z.enum(relationKinds),
    custody: z.boolean(),
    livesWithChild: z.boolean(),
    phone: optionalText(40),
    email: z.email().max(200).nullish().or(z.literal('').transform(() => null)),
    address: optionalText(200),
    postalCode: optionalText(10),
    city: optionalText(80),
    preferredLanguage: language.optional(),
    interpreterNeeded: z.boolean().optional(),
  })
  .refine((g) => g.adultId || g.firstName, { path: ['firstName'], params: { code: 'required' } })
  .refine((g) => g.adultId || g.lastName, { path: ['lastName'], params: { code: 'required' } })
  .openapi('GuardianInput');

export const RegisterChild = z
  .strictObject({
    status: z.enum(['expected', 'born']),
    cpr,
    firstName: name.nullish(),
    lastName: name.nullish(),
    birthDate: IsoDate.nullish(),
    expectedDate: IsoDate.nullish(),
    legalSex: z.enum(['female', 'male']).nullish(),
    dischargedWithin72h: z.boolean().optional(),
    address: optionalText(200),
    postalCode: optionalText(10),
    city: optionalText(80),
    healthUnitId: z.uuid(),
    healthVisitorId: z.uuid().nullish(),
    guardians: z.array(GuardianInput).max(6).default([]),
    confirmNotDuplicate: z.boolean().optional(),
  })
  .superRefine((c, ctx) => {
    const need = (field: string) => ctx.addIssue({ code: 'custom', path: [field], params: { code: 'required' }, message: 'required' });
    if (c.status === 'expected') {
      if (!c.expectedDate) need('expectedDate');
      if (c.guardians.length === 0) need('guardians');
    } else {
      if (!c.firstName) need('firstName');
      if (!c.lastName) need('lastName');
      if (!c.birthDate && !c.cpr) need('birthDate');
    }
  })
  .openapi('RegisterChild');

export const RegisterBirth = z
  .strictObject({
    version: z.number().int().min(1),
    cpr,
    firstName: name,
    lastName: name,
    birthDate: IsoDate.nullish(),
    legalSex: z.enum(['female', 'male']).nullish(),
    dischargedWithin72h: z.boolean().default(false),
  })
  .refine((b) => b.birthDate || b.cpr, { path: ['birthDate'], params: { code: 'required' } })
  .openapi('RegisterBirth');

export const UpdateChild = z
  .strictObject({
    version: z.number().int().min(1),
    firstName: name.optional(),
    lastName: name.optional(),
    expectedDate: IsoDate.optional(),
    dischargedWithin72h: z.boolean().optional(),
    address: optionalText(200).optional(),
    postalCode: optionalText(10).optional(),
    city: optionalText(80).optional(),
  })
  .openapi('UpdateChild');

export const UpdateRelation = z
  .strictObject({
    version: z.number().int().min(1),
    relation: z.enum(relationKinds).optional(),
    custody: z.boolean().optional(),
    livesWithChild: z.boolean().optional(),
    phone: optionalText(40).optional(),
    email: z.email().max(200).nullish().or(z.literal('').transform(() => null)),
    preferredLanguage: language.optional(),
    interpreterNeeded: z.boolean().optional(),
  })
  .openapi('UpdateRelation');

export const AddEnrolment = z
  .strictObject({ unitId: z.uuid(), startsOn: IsoDate, endsOn: IsoDate.nullish() })
  .refine((e) => !e.endsOn || e.endsOn >= e.startsOn, { path: ['endsOn'], params: { code: 'end_before_start' } })
  .openapi('AddEnrolment');

export const EndEnrolment = z.strictObject({ version: z.number().int().min(1), endsOn: IsoDate.nullable() }).openapi('EndEnrolment');

export const Reassign = z
  .strictObject({ unitId: z.uuid(), staffId: z.uuid().nullish(), reason: z.string().trim().min(1).max(500), startsOn: IsoDate.optional() })
  .openapi('Reassign');

export const MergeChildren = z.strictObject({ duplicateId: z.uuid() }).openapi('MergeChildren');

export const ChildQuery = z
  .strictObject({
    q: z.string().trim().max(100).optional(),
    birthDate: IsoDate.optional(),
    status: z.enum(['expected', 'born']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .openapi('ChildSearch');

/** The same filters in a URL, where a CPR number must never appear (interop.md §7.2). */
export const ChildListQuery = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .refine((q) => !/\d{6}-?\d{4}/.test(q), { params: { code: 'cpr_in_url' } })
    .optional(),
  birthDate: IsoDate.optional(),
  status: z.enum(['expected', 'born']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ChildSummary = z
  .object({
    id: z.uuid(),
    status: z.enum(['expected', 'born']),
    displayName: z.string(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    cprMasked: z.string().nullable(),
    birthDate: z.string().nullable(),
    expectedDate: z.string().nullable(),
    ageMonths: z.number().int().nullable(),
    address: z.string().nullable(),
    healthUnitName: z.string().nullable(),
    healthVisitorName: z.string().nullable(),
    /** Health information: null when the actor may not see the child's health data. */
    extendedTrack: z.boolean().nullable(),
  })
  .openapi('ChildSummary');

export const Relation = z
  .object({
    id: z.uuid(),
    adultId: z.uuid(),
    name: z.string(),
    cprMasked: z.string().nullable(),
    relation: z.enum(relationKinds),
    custody: z.boolean(),
    livesWithChild: z.boolean(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    address: z.string().nullable(),
    preferredLanguage: z.string(),
    interpreterNeeded: z.boolean(),
    version: z.number().int(),
  })
  .openapi('Relation');

export const Enrolment = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    unitKind: z.string(),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    state: z.enum(['planned', 'current', 'ended']),
    version: z.number().int(),
  })
  .openapi('Enrolment');

const Assignment = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  staffId: z.uuid().nullable(),
  staffName: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  reason: z.string().nullable(),
});

export const ChildDetail = ChildSummary.extend({
  legalSex: z.enum(['female', 'male']).nullable(),
  /** Health information: null when the actor may not see the child's health data. */
  dischargedWithin72h: z.boolean().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  version: z.number().int(),
  relations: z.array(Relation),
  siblings: z.array(z.object({ id: z.uuid(), displayName: z.string(), birthDate: z.string().nullable(), visible: z.boolean() })),
  household: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.string() })),
  enrolments: z.array(Enrolment),
  caseload: z.object({ current: Assignment.nullable(), history: z.array(Assignment) }),
  access: z.object({ health: z.boolean(), edit: z.boolean() }),
}).openapi('ChildDetail');

export const RevealedCpr = z.object({ cpr: z.string(), formatted: z.string() }).openapi('RevealedCpr');

export type RegisterChildInput = z.infer<typeof RegisterChild>;
export type GuardianInputShape = z.infer<typeof GuardianInput>;
export type ChildSummaryShape = z.infer<typeof ChildSummary>;
export type ChildDetailShape = z.infer<typeof ChildDetail>;
