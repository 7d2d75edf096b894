/** Organisation structure (municipality, districts, clusters, units) is not personal data. */
import { isAdministrator } from '../actor';
import type { RuleSet } from '../policy';

const anyStaff = (actor: { kind: string }) => actor.kind === 'staff';

/** Every signed-in staff member reads the structure; administrators change it. */
export const organisationRules: RuleSet = {
  'organisation:read': anyStaff,
  'organisation:search': anyStaff,
  'organisation:create': isAdministrator,
  'organisation:update': isAdministrator,
};
