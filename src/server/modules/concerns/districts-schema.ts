/** Shapes for which districts each district social worker covers (administrators). */
import { z } from '@hono/zod-openapi';

const Ref = z.object({ id: z.uuid(), name: z.string() });

export const SocialWorker = z
  .object({
    id: z.uuid(),
    name: z.string(),
    /** The units the social worker is a member of today. */
    units: z.array(Ref),
    /** The districts they cover: sparring requests from units in these districts reach them. */
    districts: z.array(Ref),
  })
  .openapi('SocialWorkerDistricts');

export const SocialWorkerDistricts = z
  .object({
    /** Every district of the municipality, by name. */
    districts: z.array(Ref),
    /** Every active social worker, by name. */
    socialWorkers: z.array(SocialWorker),
  })
  .openapi('SocialWorkerDistrictsList');

export const SetDistricts = z
  .strictObject({
    /** The districts the social worker covers from now on (replaces the current set; may be empty). */
    districtIds: z.array(z.uuid()).max(100),
    /** The districts you saw the social worker cover: if someone changed them since, the change is refused (409) rather than overwritten. */
    previousDistrictIds: z.array(z.uuid()).max(100),
  })
  .openapi('SetSocialWorkerDistricts');

export type SocialWorkerShape = z.infer<typeof SocialWorker>;
export type SocialWorkerDistrictsShape = z.infer<typeof SocialWorkerDistricts>;
export type SetDistrictsInput = z.infer<typeof SetDistricts>;
