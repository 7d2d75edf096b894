/** Shapes for staff accounts, unit memberships and certifications. */
import { z } from '@hono/zod-openapi';
import { MIN_PASSWORD_LENGTH } from '../../auth/passwords';
import { IsoDate } from '../../http/openapi-shared';
import { certificationKinds, professions, unitKinds } from '../organisation/vocabulary';

const email = z
  .email()
  .max(200)
  .nullish()
  .or(z.literal('').transform(() => null));
const password = z.string().min(MIN_PASSWORD_LENGTH).max(200);

export const StaffSummary = z
  .object({
    id: z.uuid(),
    name: z.string(),
    username: z.string(),
    email: z.string().nullable(),
    profession: z.enum(professions),
    active: z.boolean(),
  })
  .openapi('StaffSummary');

export const Membership = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    unitKind: z.enum(unitKinds),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('Membership');

export const Certification = z
  .object({
    id: z.uuid(),
    kind: z.enum(certificationKinds),
    validFrom: z.string(),
    validUntil: z.string().nullable(),
  })
  .openapi('Certification');

export const Staff = StaffSummary.extend({
  version: z.number().int(),
  memberships: z.array(Membership),
  certifications: z.array(Certification),
}).openapi('Staff');

export const StaffQuery = z.object({
  q: z.string().trim().max(100).optional(),
  profession: z.enum(professions).optional(),
  unitId: z.uuid().optional(),
});

export const CreateStaff = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    username: z
      .string()
      .trim()
      .min(2)
      .max(60)
      .regex(/^[a-zA-Z0-9._@-]+$/),
    email,
    profession: z.enum(professions),
    password,
  })
  .openapi('CreateStaff');

export const UpdateStaff = z
  .strictObject({
    version: z.number().int().min(1),
    name: z.string().trim().min(1).max(120).optional(),
    email,
    profession: z.enum(professions).optional(),
    active: z.boolean().optional(),
  })
  .openapi('UpdateStaff');

export const SetPassword = z.strictObject({ password }).openapi('SetPassword');

export const AddMembership = z
  .strictObject({ unitId: z.uuid(), startsOn: IsoDate, endsOn: IsoDate.nullish() })
  .refine((m) => !m.endsOn || m.endsOn >= m.startsOn, {
    path: ['endsOn'],
    params: { code: 'end_before_start' },
  })
  .openapi('AddMembership');

export const EndMembership = z
  .strictObject({ version: z.number().int().min(1), endsOn: IsoDate.nullable() })
  .openapi('EndMembership');

export const AddCertification = z
  .strictObject({ kind: z.enum(certificationKinds), validFrom: IsoDate, validUntil: IsoDate.nullish() })
  .refine((c) => !c.validUntil || c.validUntil >= c.validFrom, {
    path: ['validUntil'],
    params: { code: 'end_before_start' },
  })
  .openapi('AddCertification');

export type StaffShape = z.infer<typeof Staff>;
export type StaffSummaryShape = z.infer<typeof StaffSummary>;
export type CreateStaffInput = z.infer<typeof CreateStaff>;
export type UpdateStaffInput = z.infer<typeof UpdateStaff>;
export type AddMembershipInput = z.infer<typeof AddMembership>;
export type AddCertificationInput = z.infer<typeof AddCertification>;

/** A colleague as any signed-in staff member may see them: name, profession, current units. */
export const Colleague = z
  .object({
    id: z.uuid(),
    name: z.string(),
    profession: z.enum(professions),
    units: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.enum(unitKinds) })),
  })
  .openapi('Colleague');

export const DirectoryQuery = z.object({
  unitId: z.uuid().optional(),
  profession: z.enum(professions).optional(),
  unitKind: z.enum(unitKinds).optional(),
});

export type ColleagueShape = z.infer<typeof Colleague>;
