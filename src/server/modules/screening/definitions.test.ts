/** Cut-offs in force: the domain's defaults, a municipality's override, EPDS per role. */
import { describe, expect, it } from 'vitest';
import { ADBB, EPDS, M_ADBB } from '../../../domain';
import { cutOffInForce, domainRole, REQUIRED_CERTIFICATION, thresholdsInForce } from './definitions';

describe('thresholdsInForce', () => {
  const cases = [
    { name: 'ADBB default ≥ 5', def: ADBB, stored: null, role: null, cutOff: 5 },
    { name: 'm-ADBB default ≥ 2', def: M_ADBB, stored: null, role: null, cutOff: 2 },
    { name: 'EPDS mother 11', def: EPDS, stored: null, role: 'mother', cutOff: 11 },
    { name: 'EPDS father 10', def: EPDS, stored: null, role: 'father', cutOff: 10 },
    { name: 'EPDS co-parent 10', def: EPDS, stored: null, role: 'co_parent', cutOff: 10 },
    { name: 'ADBB local 6', def: ADBB, stored: { cutOff: 6, byRole: {}, version: 2 }, role: null, cutOff: 6 },
    { name: 'EPDS legacy 13 for everyone', def: EPDS, stored: { cutOff: 13, byRole: {}, version: 1 }, role: 'father', cutOff: 13 },
    { name: 'EPDS local per role', def: EPDS, stored: { cutOff: 13, byRole: { father: 9 }, version: 1 }, role: 'father', cutOff: 9 },
  ] as const;
  for (const c of cases) {
    it(c.name, () => {
      const inForce = thresholdsInForce(c.def, c.stored ? { ...c.stored, byRole: { ...c.stored.byRole } } : null);
      expect(cutOffInForce(inForce, c.role)).toBe(c.cutOff);
      expect(inForce.source).toBe(c.stored ? 'municipality' : 'domain');
      expect(inForce.version).toBe(c.stored?.version ?? 0);
    });
  }

  it('only EPDS has roles; only the full ADBB needs a certification', () => {
    expect(thresholdsInForce(ADBB, null).byRole).toBeNull();
    expect(thresholdsInForce(EPDS, null).byRole).toEqual({ mother: 11, father: 10, co_parent: 10 });
    expect(REQUIRED_CERTIFICATION).toEqual({ adbb: 'adbb', 'm-adbb': null, epds: null });
    expect(domainRole('co_parent')).toBe('co-parent');
  });
});
