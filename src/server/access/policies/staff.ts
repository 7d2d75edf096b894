/** Staff accounts are personal data of employees. */
import { isAdministrator } from '../actor';
import type { RuleSet } from '../policy';

/** Administrators manage staff; everyone may read their own account (resource.staffId). */
export const staffRules: RuleSet = {
  'staff:read': (actor, resource) => {
    if (actor.kind !== 'staff') return false;
    return isAdministrator(actor) || resource === undefined || (resource as { staffId?: string }).staffId === actor.id;
  },
  'staff:search': isAdministrator,
  'staff:create': isAdministrator,
  'staff:update': isAdministrator,
  'staff:delete': isAdministrator,
};
