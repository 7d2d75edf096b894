/** The concern and sparring rules: the unit's own view, the health/pedagogical boundary, and who takes, advises and closes. */
import { describe, expect, it } from 'vitest';
import type { StaffActor } from '../actor';
import type { ChildFacts } from '../child-access';
import { decide } from '../policy';
import { type ConcernFacts, concernUnitFor, ownsConcern, type SparringFacts, seesConcern } from './concerns';

const M = 'municipality-1';
const staff = (id: string, profession: string, units: { id: string; kind: string }[], municipalityId = M): StaffActor => ({
  kind: 'staff',
  id,
  name: id,
  username: id,
  profession,
  municipalityId,
  units: units.map((u) => ({ ...u, districtId: 'd' })),
  certifications: [],
  sessionId: 's',
});
const child: ChildFacts = { childId: 'c', municipalityId: M, healthUnitIds: ['health'], responsibleStaffId: null, enrolledUnitIds: ['nursery'], involvedStaffIds: [] };
const pedagogue = staff('ped', 'pedagogue', [{ id: 'nursery', kind: 'nursery' }]);
const colleague = staff('colleague', 'pedagogue', [{ id: 'nursery', kind: 'nursery' }]);
const otherDaycare = staff('other', 'pedagogue', [{ id: 'other', kind: 'nursery' }]);
const visitor = staff('hv', 'health_visitor', [{ id: 'health', kind: 'health_visiting' }]);
const social = staff('social', 'social_worker', [{ id: 'centre', kind: 'family_centre' }]);

const pedagogical: ConcernFacts = { unitId: 'nursery', category: 'pedagogical', authorId: 'ped', child, sparringStaffIds: ['social'] };
const healthConcern: ConcernFacts = { unitId: 'health', category: 'health', authorId: 'hv', child, sparringStaffIds: ['social'] };

describe('concerns policy', () => {
  it('puts a new concern in the actor’s unit that holds the child, health before pedagogical', () => {
    expect(concernUnitFor(pedagogue, child)).toEqual({ unitId: 'nursery', category: 'pedagogical' });
    expect(concernUnitFor(visitor, child)).toEqual({ unitId: 'health', category: 'health' });
    expect(concernUnitFor(otherDaycare, child)).toBeNull();
    expect(concernUnitFor(social, child)).toBeNull();
    expect(concernUnitFor(staff('far', 'pedagogue', [{ id: 'nursery', kind: 'nursery' }], 'municipality-2'), child)).toBeNull();
  });

  it.each([
    ['the author', pedagogue, pedagogical, true, true],
    ['a colleague in the unit', colleague, pedagogical, true, true],
    ['another daycare', otherDaycare, pedagogical, false, false],
    ['a health visitor, for a pedagogue’s concern', visitor, pedagogical, false, false],
    ['a pedagogue, for a health visitor’s concern', pedagogue, healthConcern, false, false],
    ['the social worker of the sparring, pedagogical', social, pedagogical, true, false],
    ['the social worker of the sparring, health data', social, healthConcern, false, false],
  ] as const)('%s: sees %s, owns %s', (_, actor, facts, sees, owns) => {
    expect(seesConcern(actor, facts)).toBe(sees);
    expect(ownsConcern(actor, facts)).toBe(owns);
  });

  it('a colleague of a unit that no longer holds the child does not see its concern', () => {
    expect(seesConcern(colleague, { ...pedagogical, child: { ...child, enrolledUnitIds: [] } })).toBe(false);
    expect(seesConcern(pedagogue, { ...pedagogical, child: { ...child, enrolledUnitIds: [] } })).toBe(true); // the author
  });

  const request = (over: Partial<SparringFacts> = {}): SparringFacts => ({ kind: 'sparring', municipalityId: M, requesterId: 'ped', status: 'waiting', takenBy: null, actorCovers: false, ...over });
  it.each([
    ['requester reads', pedagogue, request(), 'read', true],
    ['requester cannot take', pedagogue, request({ actorCovers: true }), 'update:take', false],
    ['covering social worker reads a waiting one', social, request({ actorCovers: true }), 'read', true],
    ['covering social worker takes a waiting one', social, request({ actorCovers: true, op: 'take' }), 'update', true],
    ['social worker of another district', social, request({ op: 'take' }), 'update', false],
    ['covering, but taken by someone else', social, request({ actorCovers: true, status: 'taken', takenBy: 'x' }), 'read', false],
    ['the taker records a session', social, request({ status: 'taken', takenBy: 'social', op: 'session' }), 'update', true],
    ['the requester cannot record a session', pedagogue, request({ status: 'taken', takenBy: 'social', op: 'session' }), 'update', false],
    ['the requester withdraws', pedagogue, request({ op: 'close' }), 'update', true],
    ['nobody closes a closed one', social, request({ status: 'closed', takenBy: 'social', op: 'close' }), 'update', false],
    ['another daycare reads nothing', otherDaycare, request(), 'read', false],
  ] as const)('%s', (_, actor, facts, action, allowed) => {
    const act = action === 'update:take' ? 'update' : action;
    const withOp = action === 'update:take' ? { ...facts, op: 'take' as const } : facts;
    expect(decide(actor, act, 'social', withOp)).toBe(allowed);
  });

  it('records wellbeing conversations for social workers only', () => {
    const facts = { kind: 'new-conversation', municipalityId: M, seesChild: true, pupilInCoveredDistrict: false };
    expect(decide(social, 'create', 'social', facts)).toBe(true);
    expect(decide(pedagogue, 'create', 'social', facts)).toBe(false);
    expect(decide(social, 'create', 'social', { ...facts, seesChild: false })).toBe(false);
    expect(decide(social, 'create', 'social', { ...facts, seesChild: false, pupilInCoveredDistrict: true })).toBe(true);
  });
});
