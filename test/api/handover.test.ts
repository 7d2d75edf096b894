/**
 * The handover from health visiting to daycare through HTTP on both engines:
 * due from the daycare start − 28 days, the package, the parents' consent part
 * by part, the receiving unit seeing exactly the consented parts (and nothing
 * of the others), acknowledgement by a named recipient, the optional meeting,
 * the 5-working-day flag, stale versions and the audit trail.
 */
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays } from '../../src/domain';
import { todayInDenmark } from '../../src/server/clock';
import type { Database } from '../../src/server/db/connect';
import { describeEngines, freshDatabase } from '../engines';
import { makeChild, makeStaff, makeUnit, makeWorld, type TestClient } from '../factories';
import { expectJson, expectProblem } from '../http';

interface SummaryJson {
  id: string | null;
  childId: string;
  enrolmentId: string;
  status: string;
  flagged: boolean;
  startsOn: string;
  dueFrom: string;
}
interface MineJson {
  due: SummaryJson[];
  awaiting: SummaryJson[];
  incoming: SummaryJson[];
}
interface HandoverJson {
  id: string;
  childId: string;
  status: string;
  role: string;
  draft: null | { development: string; screeningIds: string[]; availableScreenings: { id: string; instrument: string; total: number | null }[]; custodyHolders: { id: string }[] };
  shared: { part: string; title: string; text?: string; screenings?: { instrument: string; total: number | null }[] }[];
  sentAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: { name: string } | null;
  flagged: boolean;
  meeting: { place: string; participants: string[] } | null;
  version: number;
}

describeEngines('handover to daycare', (engine) => {
  let database: Database;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  let hv: TestClient;
  let ped: TestClient;
  let otherPed: TestClient;
  let counter = 0;
  const today = () => todayInDenmark();

  beforeAll(async () => {
    database = await freshDatabase(engine);
    world = await makeWorld(database, { signInRateLimit: 100_000 });
    const otherNursery = await makeUnit(world.db, world.municipality, 'nursery', 'Vuggestuen Anden');
    await makeStaff(world.db, world.municipality, { username: 'other', profession: 'pedagogue', name: 'Olga Anden', unitIds: [otherNursery] });
    hv = await world.as('hv');
    ped = await world.as('ped');
    otherPed = await world.as('other');
  });
  afterAll(() => database.close());

  /** Unlike the other API tests, this file does not check the problem's content type. */
  const problem = (response: Response, status: number) => expectProblem(response, status, { anyContentType: true });

  /** A child on hv's caseload with parents, a planned nursery start in `startsIn` days and an ADBB screening. */
  async function family(startsIn = 20) {
    counter++;
    const childId = await makeChild(world.db, world.municipality, { healthUnitId: world.units.healthUnit, healthVisitorId: world.staff.visitorId, firstName: `Overlevering${counter}`, lastName: 'Barn', birthDate: '2025-09-01' });
    const enrolmentId = uuidv7();
    await world.db.insertInto('enrolments').values({ id: enrolmentId, child_id: childId, unit_id: world.units.nursery, starts_on: addDays(today(), startsIn) }).execute();
    const parents: string[] = [];
    for (const [first, relation] of [['Mette', 'mother'], ['Mads', 'father']] as const) {
      const id = uuidv7();
      await world.db.insertInto('persons').values({ id, municipality_id: world.municipality.id, first_name: `${first}${counter}`, last_name: 'Barn' }).execute();
      await world.db.insertInto('relations').values({ id: uuidv7(), child_id: childId, adult_id: id, relation, custody: true }).execute();
      parents.push(id);
    }
    const screeningId = uuidv7();
    await world.db
      .insertInto('screenings')
      .values({ id: screeningId, child_id: childId, instrument_id: 'adbb', definition_version: '2001', observed_on: '2026-01-15', answers: JSON.stringify([0, 0, 1, 0, 0, 1, 0, 0]), complete: true, total: 2, positive: false, threshold: 5, recorded_by: world.staff.visitorId })
      .execute();
    return { childId, enrolmentId, mother: parents[0], father: parents[1], screeningId };
  }

  /** A prepared package with a marker text in every part. */
  async function prepared(f: Awaited<ReturnType<typeof family>>) {
    const draft = await expectJson<HandoverJson>(await hv.post(`/api/children/${f.childId}/handovers`, { enrolmentId: f.enrolmentId }), 201);
    const marker = (part: string) => `${part.toUpperCase()}-TEKST-${counter}`;
    const filled = await expectJson<HandoverJson>(
      await hv.patch(`/api/handovers/${draft.id}`, {
        version: draft.version,
        development: marker('udvikling'),
        worksWell: marker('godt'),
        support: marker('stoette'),
        parentsWords: marker('foraeldre'),
        screeningIds: [f.screeningId],
      }),
    );
    return { handover: filled, marker };
  }

  it('is due from 4 weeks before a daycare start on the health visitor’s Min dag, not earlier', async () => {
    const soon = await family(20);
    const later = await family(40);
    const mine = await expectJson<MineJson>(await hv.get('/api/my-handovers'));
    const due = mine.due.find((d) => d.enrolmentId === soon.enrolmentId);
    expect(due).toMatchObject({ status: 'due', id: null, startsOn: addDays(today(), 20), dueFrom: addDays(today(), -8) });
    expect(mine.due.some((d) => d.enrolmentId === later.enrolmentId)).toBe(false);
    // The pedagogue has no due list, and nothing incoming yet.
    const theirs = await expectJson<MineJson>(await ped.get('/api/my-handovers'));
    expect(theirs.due).toEqual([]);
    expect(theirs.incoming.some((i) => i.childId === soon.childId)).toBe(false);
  });

  it('sends exactly the consented parts: the pedagogue sees those and none of the others, acknowledges, books the meeting', async () => {
    const f = await family();
    const { handover, marker } = await prepared(f);
    expect(handover.draft?.availableScreenings.map((s) => s.id)).toEqual([f.screeningId]);
    // A draft is the health visitor's alone.
    await problem(await ped.get(`/api/handovers/${handover.id}`), 404);

    const sent = await expectJson<HandoverJson>(
      await hv.post(`/api/handovers/${handover.id}/send`, { version: handover.version, parts: ['development', 'worksWell', 'screenings', 'parentsWords'], givenBy: [f.mother, f.father], form: 'written' }),
    );
    expect(sent.status).toBe('sent');
    expect(sent.shared.map((p) => p.part)).toEqual(['development', 'worksWell', 'screenings', 'parentsWords']);
    // Sent is sent: no more edits.
    expect((await problem(await hv.patch(`/api/handovers/${handover.id}`, { version: sent.version, support: 'x' }), 409)).code).toBe('handover.not_draft');

    const incoming = await expectJson<MineJson>(await ped.get('/api/my-handovers'));
    expect(incoming.incoming.find((i) => i.id === handover.id)).toMatchObject({ status: 'sent', flagged: false });

    const response = await ped.get(`/api/handovers/${handover.id}`);
    const text = await response.text();
    expect(response.status, text).toBe(200);
    const view = JSON.parse(text) as HandoverJson;
    expect(view.role).toBe('recipient');
    expect(view.draft).toBeNull();
    expect(text).toContain(marker('udvikling'));
    expect(text).toContain(marker('godt'));
    expect(text).toContain(marker('foraeldre'));
    expect(text).not.toContain(marker('stoette'));
    expect(view.shared.find((p) => p.part === 'screenings')?.screenings).toEqual([{ instrument: 'adbb', observedOn: '2026-01-15', total: 2, positive: false }]);
    const shared = await (await ped.get(`/api/children/${f.childId}/shared-with-me`)).text();
    expect(shared).toContain(marker('udvikling'));
    expect(shared).not.toContain(marker('stoette'));
    // Another nursery sees nothing of it.
    await problem(await otherPed.get(`/api/handovers/${handover.id}`), 404);

    // The health visitor cannot acknowledge for the nursery; a stale version is refused.
    await problem(await hv.post(`/api/handovers/${handover.id}/acknowledge`, { version: view.version }), 403);
    await problem(await ped.post(`/api/handovers/${handover.id}/acknowledge`, { version: view.version + 1 }), 409);
    const acknowledged = await expectJson<HandoverJson>(await ped.post(`/api/handovers/${handover.id}/acknowledge`, { version: view.version }));
    expect(acknowledged.status).toBe('acknowledged');
    expect(acknowledged.acknowledgedBy?.name).toBe('Pia Pædagog');
    expect(acknowledged.acknowledgedAt).not.toBeNull();
    expect((await problem(await ped.post(`/api/handovers/${handover.id}/acknowledge`, { version: acknowledged.version }), 409)).code).toBe('handover.already_acknowledged');

    const met = await expectJson<HandoverJson>(
      await ped.post(`/api/handovers/${handover.id}/meeting`, { version: acknowledged.version, at: `${addDays(today(), 10)}T09:00:00+01:00`, place: 'Vuggestuen, mødelokalet', participants: ['health_visitor', 'pedagogue', 'parents'] }),
    );
    expect(met.meeting).toMatchObject({ place: 'Vuggestuen, mødelokalet', participants: ['health_visitor', 'pedagogue', 'parents'] });
    await problem(await otherPed.post(`/api/handovers/${handover.id}/meeting`, { version: met.version, at: `${today()}T09:00:00+01:00`, place: 'x', participants: ['parents'] }), 404);

    // The consent is recorded like any other: purpose handover_daycare, to the nursery, health and basic.
    const consents = await expectJson<{ consents: { purpose: string; categories: string[]; recipientUnits: { id: string }[]; allCustodyHolders: boolean; disclosures: unknown[]; id: string; version: number }[] }>(
      await hv.get(`/api/children/${f.childId}/consents`),
    );
    expect(consents.consents).toHaveLength(1);
    expect(consents.consents[0]).toMatchObject({ purpose: 'handover_daycare', categories: ['basic', 'health'], recipientUnits: [{ id: world.units.nursery }], allCustodyHolders: true });
    expect(consents.consents[0].disclosures).toHaveLength(4);

    // Withdrawing it takes the parts away from the nursery at once.
    await expectJson(await hv.post(`/api/consents/${consents.consents[0].id}/withdraw`, { version: consents.consents[0].version, reason: 'Forældrene har fortrudt' }));
    const afterWithdrawal = await expectJson<HandoverJson>(await ped.get(`/api/handovers/${handover.id}`));
    expect(afterWithdrawal.shared).toEqual([]);
    expect(JSON.stringify(afterWithdrawal)).not.toContain(marker('udvikling'));
  });

  it('refuses sending an empty part, consent from someone without custody, or a stale version', async () => {
    const f = await family();
    const draft = await expectJson<HandoverJson>(await hv.post(`/api/children/${f.childId}/handovers`, { enrolmentId: f.enrolmentId }), 201);
    expect((await problem(await hv.post(`/api/children/${f.childId}/handovers`, { enrolmentId: f.enrolmentId }), 409)).code).toBe('handover.exists');
    const filled = await expectJson<HandoverJson>(await hv.patch(`/api/handovers/${draft.id}`, { version: draft.version, development: 'Trives' }));
    await problem(await hv.patch(`/api/handovers/${draft.id}`, { version: draft.version, development: 'Forældet' }), 409);
    const empty = await problem(await hv.post(`/api/handovers/${draft.id}/send`, { version: filled.version, parts: ['development', 'support'], givenBy: [f.mother], form: 'oral' }), 400);
    expect(empty.errors).toEqual([expect.objectContaining({ field: 'parts.1', code: 'empty_part' })]);
    const stranger = uuidv7();
    await world.db.insertInto('persons').values({ id: stranger, municipality_id: world.municipality.id, first_name: 'Fremmed', last_name: 'Person' }).execute();
    const notCustody = await problem(await hv.post(`/api/handovers/${draft.id}/send`, { version: filled.version, parts: ['development'], givenBy: [stranger], form: 'oral' }), 400);
    expect(notCustody.errors?.[0]).toMatchObject({ field: 'givenBy.0', code: 'not_custody_holder' });
    await problem(await hv.post(`/api/handovers/${draft.id}/send`, { version: filled.version - 1, parts: ['development'], givenBy: [f.mother], form: 'oral' }), 409);
    const badScreening = await problem(await hv.patch(`/api/handovers/${draft.id}`, { version: filled.version, screeningIds: [uuidv7()] }), 400);
    expect(badScreening.errors?.[0]).toMatchObject({ field: 'screeningIds.0', code: 'not_child_screening' });
    // Only a daycare enrolment of this child.
    const other = await family();
    expect((await problem(await hv.post(`/api/children/${f.childId}/handovers`, { enrolmentId: other.enrolmentId }), 400)).errors?.[0].code).toBe('not_daycare_enrolment');
    // The pedagogue prepares nothing.
    await problem(await ped.post(`/api/children/${other.childId}/handovers`, { enrolmentId: other.enrolmentId }), 403);
  });

  it('flags a handover unacknowledged 5 working days after it was sent, for both sides', async () => {
    const f = await family();
    const { handover } = await prepared(f);
    await expectJson(await hv.post(`/api/handovers/${handover.id}/send`, { version: handover.version, parts: ['development'], givenBy: [f.mother], form: 'digital' }));
    expect((await expectJson<MineJson>(await hv.get('/api/my-handovers'))).awaiting.find((a) => a.id === handover.id)?.flagged).toBe(false);
    // Sent 8 calendar days ago: at least 5 working days whatever the weekday (ignoring holidays).
    await world.db.updateTable('handovers').set({ sent_at: new Date(Date.now() - 8 * 86_400_000) }).where('id', '=', handover.id).execute();
    expect((await expectJson<MineJson>(await hv.get('/api/my-handovers'))).awaiting.find((a) => a.id === handover.id)?.flagged).toBe(true);
    expect((await expectJson<MineJson>(await ped.get('/api/my-handovers'))).incoming.find((a) => a.id === handover.id)?.flagged).toBe(true);
    expect((await expectJson<HandoverJson>(await ped.get(`/api/handovers/${handover.id}`))).flagged).toBe(true);
    // Sent 2 calendar days ago: never 5 working days.
    await world.db.updateTable('handovers').set({ sent_at: new Date(Date.now() - 2 * 86_400_000) }).where('id', '=', handover.id).execute();
    expect((await expectJson<MineJson>(await hv.get('/api/my-handovers'))).awaiting.find((a) => a.id === handover.id)?.flagged).toBe(false);
  });

  it('audits the sending as disclose/health with the child, and the pedagogue’s reading as a health read', async () => {
    const f = await family();
    const { handover } = await prepared(f);
    await expectJson(await hv.post(`/api/handovers/${handover.id}/send`, { version: handover.version, parts: ['worksWell'], givenBy: [f.father], form: 'oral' }));
    await expectJson(await ped.get(`/api/handovers/${handover.id}`));
    const rows = await world.db
      .selectFrom('audit_log')
      .select(['action', 'category', 'outcome', 'actor_name'])
      .where(sql<boolean>`${f.childId}::uuid = any(subject_ids)`)
      .execute();
    expect(rows).toContainEqual({ action: 'disclose', category: 'health', outcome: 'allowed', actor_name: 'Hanne Sundhed' });
    expect(rows).toContainEqual({ action: 'read', category: 'health', outcome: 'allowed', actor_name: 'Pia Pædagog' });
    expect(rows).toContainEqual({ action: 'create', category: 'basic', outcome: 'allowed', actor_name: 'Hanne Sundhed' });
  });
});
