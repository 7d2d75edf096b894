/** Shapes for the municipality's structure: districts, clusters and units. */
import { z } from '@hono/zod-openapi';
import { unitKinds } from './vocabulary';

const name = z.string().trim().min(1).max(120);
const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));
/** A Danish or international phone number: digits and spaces, optional leading +, at least 8 digits. */
const phone = z
  .string()
  .trim()
  .max(40)
  .refine((v) => v === '' || (/^\+?[0-9 ]+$/.test(v) && v.replace(/\D/g, '').length >= 8), { params: { code: 'invalid_phone' } })
  .nullish()
  .transform((v) => (v ? v : null));

export const Cluster = z.object({ id: z.uuid(), name: z.string(), version: z.number().int() }).openapi('Cluster');
export const District = z
  .object({ id: z.uuid(), name: z.string(), version: z.number().int(), clusters: z.array(Cluster) })
  .openapi('District');
export const Organisation = z
  .object({
    municipality: z.object({ id: z.uuid(), name: z.string(), code: z.string() }),
    districts: z.array(District),
  })
  .openapi('Organisation');

export const CreateDistrict = z.strictObject({ name }).openapi('CreateDistrict');
export const CreateCluster = z.strictObject({ districtId: z.uuid(), name }).openapi('CreateCluster');

export const Unit = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(unitKinds),
    districtId: z.uuid(),
    districtName: z.string(),
    clusterId: z.uuid().nullable(),
    clusterName: z.string().nullable(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('Unit');

export const CreateUnit = z
  .strictObject({
    name,
    kind: z.enum(unitKinds),
    districtId: z.uuid(),
    clusterId: z.uuid().nullish(),
    address: optionalText(200),
    phone,
  })
  .openapi('CreateUnit');

export const UpdateUnit = z
  .strictObject({
    version: z.number().int().min(1),
    name: name.optional(),
    kind: z.enum(unitKinds).optional(),
    districtId: z.uuid().optional(),
    clusterId: z.uuid().nullish(),
    address: optionalText(200).optional(),
    phone: phone.optional(),
  })
  .openapi('UpdateUnit');

export const UnitQuery = z.object({
  kind: z.enum(unitKinds).optional(),
  districtId: z.uuid().optional(),
});

export type UnitShape = z.infer<typeof Unit>;
export type CreateUnitInput = z.infer<typeof CreateUnit>;
export type UpdateUnitInput = z.infer<typeof UpdateUnit>;
