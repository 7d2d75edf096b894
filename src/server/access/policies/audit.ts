/** The access log is itself access-controlled (domain.md §8 S2). */
import { isAdministrator } from '../actor';
import type { RuleSet } from '../policy';

/** Only administrators read and export the access log. */
export const auditRules: RuleSet = {
  'audit:read': isAdministrator,
  'audit:search': isAdministrator,
  'audit:export': isAdministrator,
};
