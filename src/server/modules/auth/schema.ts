/** Request and response shapes for sign-in and the signed-in user. */
import { z } from '@hono/zod-openapi';
import { certificationKinds, professions, unitKinds } from '../organisation/vocabulary';

export const SignInBody = z
  .object({
    username: z.string().trim().min(1).max(100),
    password: z.string().min(1).max(200),
  })
  .openapi('SignIn');

export const Me = z
  .object({
    id: z.uuid(),
    name: z.string(),
    username: z.string(),
    profession: z.enum(professions),
    isAdmin: z.boolean(),
    municipality: z.object({ id: z.uuid(), name: z.string() }),
    units: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.enum(unitKinds) })),
    certifications: z.array(
      z.object({ kind: z.enum(certificationKinds), validFrom: z.string(), validUntil: z.string().nullable() }),
    ),
  })
  .openapi('Me');

export const SessionState = z
  .object({ expiresAt: z.string(), warnBeforeSeconds: z.number().int() })
  .openapi('SessionState');

export const SignedIn = z.object({ user: Me, csrfToken: z.string(), session: SessionState }).openapi('SignedIn');
export const Refreshed = z.object({ session: SessionState }).openapi('Refreshed');

export type MeShape = z.infer<typeof Me>;
