/** The pedagogical rules (architecture.md §4): daycare and school staff for children enrolled in their unit; never health visitors. */
import { describe, expect, it } from 'vitest';
import type { Actor, StaffActor } from '../actor';
import { decide } from '../policy';

const M = 'municipality-1';
const staff = (profession: string, units: { id: string; kind: string }[], municipalityId = M): StaffActor => ({
  kind: 'staff',
  id: `${profession}-id`,
  name: profession,
  username: profession,
  profession,
  municipalityId,
  units: units.map((u) => ({ ...u, districtId: 'd' })),
  certifications: [],
  sessionId: 's',
});
const nursery = { id: 'nursery', kind: 'nursery' };
const kindergarten = { id: 'kindergarten', kind: 'kindergarten' };
const health = { id: 'health', kind: 'health_visiting' };
const child = (enrolledUnitIds: string[], municipalityId = M) => ({ childId: 'c', municipalityId, healthUnitIds: ['health'], responsibleStaffId: null, enrolledUnitIds });

const pedagogue = staff('pedagogue', [nursery]);
const manager = staff('manager', [nursery, kindergarten]);
const visitor = staff('health_visitor', [health]);
const admin = staff('administrator', []);
const elsewhere = staff('pedagogue', [nursery], 'municipality-2');

describe('pedagogical policy', () => {
  const cases: [string, Actor, object | undefined, boolean][] = [
    ['a pedagogue, at the door', pedagogue, undefined, true],
    ['a health visitor, at the door', visitor, undefined, false],
    ['an administrator, at the door', admin, undefined, false],
    ['nobody, at the door', { kind: 'anonymous' }, undefined, false],
    ['a pedagogue, a child enrolled in their unit', pedagogue, child(['nursery']), true],
    ['a pedagogue, a child enrolled elsewhere', pedagogue, child(['kindergarten']), false],
    ['a pedagogue, a child of their unit in another municipality', elsewhere, child(['nursery']), false],
    ['a health visitor, a child on their caseload', visitor, child(['nursery']), false],
    ['a manager of two units, the child in one, asked about that one', manager, { ...child(['kindergarten']), unitId: 'kindergarten' }, true],
    ['a manager of two units, the child in one, asked about the other', manager, { ...child(['kindergarten']), unitId: 'nursery' }, false],
    ['a pedagogue, their own unit', pedagogue, { unitId: 'nursery', municipalityId: M }, true],
    ['a pedagogue, another unit', pedagogue, { unitId: 'kindergarten', municipalityId: M }, false],
    ['a health visitor, their own (health) unit', visitor, { unitId: 'health', municipalityId: M }, false],
  ];
  for (const [name, actor, resource, allowed] of cases) {
    it(`${name} → ${allowed ? 'allowed' : 'refused'}`, () => {
      for (const action of ['read', 'create', 'update'] as const) expect(decide(actor, action, 'pedagogical', resource)).toBe(allowed);
    });
  }

  it('has no rule for deleting, exporting or disclosing pedagogical data (deny by default)', () => {
    for (const action of ['delete', 'export', 'disclose'] as const) expect(decide(pedagogue, action, 'pedagogical', child(['nursery']))).toBe(false);
  });
});
