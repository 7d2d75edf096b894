/**
 * Open counselling (åben rådgivning) through HTTP on both engines: drop-in
 * slots for an offer the unit runs, anonymous visits that never identify a
 * person (the stored row, the JSON and the audit trail), visits linked to a
 * family with the parent's consent, who sees the family, the counts and the
 * unit's numbers, finding the child, stale versions and today's slots.
 */
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInDenmark } from '../../src/server/clock';
import type { Database } from '../../src/server/db/connect';
import { describeEngines, freshDatabase } from '../engines';
import { makeChild, makeStaff, makeUnit, makeWorld, type TestClient } from '../factories';
import { expectJson, expectProblem, type ProblemJson } from '../http';

interface SlotJson {
  id: string;
  offer: { id: string; name: string };
  unit: { id: string; name: string };
  professional: { id: string; name: string };
  place: string;
  startsAt: string;
  endsAt: string;
  version: number;
  counts: { visits: number; anonymous: number; linked: number };
}
interface SlotDetailJson extends SlotJson {
  canRecord: boolean;
  anonymousVisits: Record<string, unknown>[];
  familyVisits: { id: string; child: { id: string; name: string }; consent: { givenByRole: string; givenByName: string; form: string }; note: string | null }[];
  familyVisitsHidden: number;
}
interface SummaryJson {
  dropIn: { slots: number; visits: number; anonymous: number; linked: number; shareAnonymous: number; months: { month: string; anonymous: number; linked: number }[] };
  workshops: { held: number; participants: number; themes: { theme: string; held: number; participants: number }[] };
}

const CHILD = { firstName: 'Ronja', lastName: 'Rådgivningsbarn', cpr: '0102254005', birthDate: '2025-02-01' };

/** An offer in the catalogue (the offers module's table), written straight to the database. */
async function makeOffer(db: Database['db'], municipalityId: string, format: string, method: string, unitIds: string[], name = `Tilbud ${method}`) {
  const id = uuidv7();
  await sql`insert into offers (id, municipality_id, name, audience, format, method, unit_ids)
    values (${id}, ${municipalityId}, ${name}, ${format === 'drop_in' ? 'universal' : 'staff'}, ${format}, ${method}, array[${sql.join(unitIds)}]::uuid[])`.execute(db);
  return id;
}

describeEngines('open counselling', (engine) => {
  let database: Database;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  let pprUnit: string;
  let offerId: string;
  let pprId: string;
  let colleagueId: string;
  let childId: string;
  let ppr: TestClient;
  let colleague: TestClient;
  let outsider: TestClient;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    world = await makeWorld(database, { signInRateLimit: 100_000 });
    pprUnit = await makeUnit(world.db, world.municipality, 'ppr', 'PPR Test');
    pprId = await makeStaff(world.db, world.municipality, { username: 'ppr1', profession: 'ppr_psychologist', name: 'Per Psykolog', unitIds: [pprUnit] });
    colleagueId = await makeStaff(world.db, world.municipality, { username: 'ppr2', profession: 'ppr_psychologist', name: 'Pia Kollega', unitIds: [pprUnit] });
    offerId = await makeOffer(world.db, world.municipality.id, 'drop_in', 'open_counselling', [pprUnit], 'Åben rådgivning PPR');
    childId = await makeChild(world.db, world.municipality, { ...CHILD, healthUnitId: world.units.healthUnit });
    ppr = await world.as('ppr1');
    colleague = await world.as('ppr2');
    outsider = await world.as('ped');
  });
  afterAll(() => database.close());

  const fields = (p: ProblemJson) => (p.errors ?? []).map((e) => `${e.field}:${e.code}`).sort();

  /** A slot starting now, two hours long (today in Denmark). */
  const newSlot = async (client = ppr, body: Record<string, unknown> = {}) => {
    const now = Date.now();
    return expectJson<SlotJson>(
      await client.post('/api/counselling/slots', {
        offerId,
        place: 'Rådgivningen, Rådhusvej 1',
        startsAt: new Date(now).toISOString(),
        endsAt: new Date(now + 2 * 3600_000).toISOString(),
        ...body,
      }),
      201,
    );
  };
  const consent = () => ({
    consentGivenByRole: 'mother',
    consentGivenByName: 'Rikke Rådgivningsbarn',
    consentForm: 'oral',
    consentGivenAt: new Date(Date.now() - 60_000).toISOString(),
  });
  const auditRows = (slotId: string) =>
    sql<{ action: string; category: string; subject_ids: string[]; outcome: string; detail: unknown }>`
      select action, category, subject_ids, outcome, detail from audit_log where detail::text like ${`%${slotId}%`} order by id`.execute(world.db);

  describe('slots', () => {
    it('are created by staff of a unit that runs the offer, with the creator as professional by default', async () => {
      const slot = await newSlot();
      expect(slot.professional).toEqual({ id: pprId, name: 'Per Psykolog' });
      expect(slot.unit.id).toBe(pprUnit);
      expect(slot.counts).toEqual({ visits: 0, anonymous: 0, linked: 0 });
      const other = await newSlot(ppr, { professionalId: colleagueId });
      expect(other.professional.name).toBe('Pia Kollega');
    });

    it('are refused to staff of other units, and checked field by field', async () => {
      await expectProblem(await outsider.post('/api/counselling/slots', { offerId, place: 'X', startsAt: new Date().toISOString(), endsAt: new Date(Date.now() + 3600_000).toISOString() }), 403);
      const start = new Date().toISOString();
      const bad = await expectProblem(
        await ppr.post('/api/counselling/slots', { offerId, place: '', startsAt: start, endsAt: start, professionalId: world.staff.pedagogueId }),
        400,
      );
      expect(fields(bad)).toEqual(['place:required']);
      const bad2 = await expectProblem(await ppr.post('/api/counselling/slots', { offerId, place: 'X', startsAt: start, endsAt: start, professionalId: world.staff.pedagogueId }), 400);
      expect(fields(bad2)).toEqual(['endsAt:end_before_start', 'professionalId:not_offer_staff']);
      const unknown = await expectProblem(await ppr.post('/api/counselling/slots', { offerId: uuidv7(), place: 'X', startsAt: start, endsAt: new Date(Date.now() + 3600_000).toISOString() }), 400);
      expect(fields(unknown)).toEqual(['offerId:counselling_offer']);
    });

    it('refuses a stale version with 409 and keeps the newer change', async () => {
      const slot = await newSlot();
      const changed = await expectJson<SlotJson>(await ppr.patch(`/api/counselling/slots/${slot.id}`, { version: slot.version, place: 'Biblioteket' }));
      expect(changed.version).toBe(slot.version + 1);
      const stale = await expectProblem(await colleague.patch(`/api/counselling/slots/${slot.id}`, { version: slot.version, place: 'Skolen' }), 409);
      expect(stale.code).toBe('conflict.stale_version');
      expect((await expectJson<SlotDetailJson>(await ppr.get(`/api/counselling/slots/${slot.id}`))).place).toBe('Biblioteket');
    });

    it('shows today’s own slots on Min dag, and the list only to staff of running units', async () => {
      const slot = await newSlot();
      const today = await expectJson<{ date: string; items: SlotJson[] }>(await ppr.get('/api/counselling/today'));
      expect(today.date).toBe(todayInDenmark());
      expect(today.items.map((s) => s.id)).toContain(slot.id);
      expect((await expectJson<{ items: SlotJson[] }>(await colleague.get('/api/counselling/today'))).items.map((s) => s.id)).not.toContain(slot.id);
      expect((await expectJson<{ items: SlotJson[] }>(await colleague.get('/api/counselling/slots'))).items.map((s) => s.id)).toContain(slot.id);
      expect((await expectJson<{ items: SlotJson[] }>(await outsider.get('/api/counselling/slots'))).items).toEqual([]);
      await expectProblem(await outsider.get(`/api/counselling/slots/${slot.id}`), 404);
    });
  });

  describe('anonymous visits', () => {
    it('store only the slot, the minute, an age band and a topic — in the row, the JSON and the audit trail', async () => {
      const slot = await newSlot();
      const visit = await expectJson<Record<string, unknown>>(await ppr.post(`/api/counselling/slots/${slot.id}/anonymous-visits`, { ageBand: '0-1', topic: 'sleep' }), 201);
      expect(Object.keys(visit).sort()).toEqual(['ageBand', 'id', 'kind', 'topic', 'visitedAt']);
      expect(visit).toMatchObject({ kind: 'anonymous', ageBand: '0-1', topic: 'sleep' });
      expect(new Date(visit.visitedAt as string).getSeconds()).toBe(0);
      const bare = await expectJson<Record<string, unknown>>(await ppr.post(`/api/counselling/slots/${slot.id}/anonymous-visits`, {}), 201);
      expect(bare).toMatchObject({ ageBand: null, topic: null });

      const row = await world.db.selectFrom('counselling_visits').selectAll().where('id', '=', visit.id as string).executeTakeFirstOrThrow();
      const filled = Object.entries(row).filter(([, value]) => value !== null).map(([key]) => key).sort();
      expect(filled).toEqual(['age_band', 'id', 'kind', 'recorded_by', 'slot_id', 'topic', 'version', 'visited_at']);
      expect(row.recorded_by).toBe(pprId); // the professional, not the visitor

      const audit = (await auditRows(visit.id as string)).rows;
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'create', category: 'social', subject_ids: [], outcome: 'allowed' });

      // The slot page shows the same facts and nothing else.
      const detail = await expectJson<SlotDetailJson>(await colleague.get(`/api/counselling/slots/${slot.id}`));
      expect(detail.anonymousVisits.map((v) => Object.keys(v).sort())).toEqual([
        ['ageBand', 'id', 'kind', 'topic', 'visitedAt'],
        ['ageBand', 'id', 'kind', 'topic', 'visitedAt'],
      ]);
    });

    it('refuse a child, names and free text field by field, and store nothing', async () => {
      const slot = await newSlot();
      const refused = await expectProblem(
        await ppr.post(`/api/counselling/slots/${slot.id}/anonymous-visits`, {
          ageBand: '1-3',
          childId,
          firstName: 'Ronja',
          parentName: 'Rikke',
          note: 'Mor til Ronja, bor på Engvej',
        }),
        400,
      );
      expect(refused.errors?.map((e) => e.code)).toEqual(['unknown_field']);
      expect(refused.errors?.[0].field.split(', ').sort()).toEqual(['childId', 'firstName', 'note', 'parentName']);
      const badChoice = await expectProblem(await ppr.post(`/api/counselling/slots/${slot.id}/anonymous-visits`, { ageBand: 'Ronja', topic: 'Engvej 4' }), 400);
      expect(fields(badChoice)).toEqual(['ageBand:invalid_choice', 'topic:invalid_choice']);
      const count = await world.db.selectFrom('counselling_visits').select(sql<number>`count(*)::int`.as('n')).where('slot_id', '=', slot.id).executeTakeFirstOrThrow();
      expect(count.n).toBe(0);
    });

    it('cannot hold a child or a note even when written straight to the table', async () => {
      const slot = await newSlot();
      await expect(
        world.db
          .insertInto('counselling_visits')
          .values({ id: uuidv7(), slot_id: slot.id, kind: 'anonymous', visited_at: new Date(), child_id: childId, recorded_by: pprId })
          .execute(),
      ).rejects.toThrow();
      await expect(
        world.db
          .insertInto('counselling_visits')
          .values({ id: uuidv7(), slot_id: slot.id, kind: 'anonymous', visited_at: new Date(), note: 'Ronja', recorded_by: pprId })
          .execute(),
      ).rejects.toThrow();
    });

    it('are refused to staff of other units', async () => {
      const slot = await newSlot();
      await expectProblem(await outsider.post(`/api/counselling/slots/${slot.id}/anonymous-visits`, {}), 404);
    });
  });

  describe('visits linked to a family', () => {
    it('need the parent’s consent: who, in what form, when', async () => {
      const slot = await newSlot();
      const missing = await expectProblem(await ppr.post(`/api/counselling/slots/${slot.id}/family-visits`, { childId }), 400);
      expect(fields(missing)).toEqual(['consentForm:invalid_choice', 'consentGivenAt:required', 'consentGivenByName:required', 'consentGivenByRole:invalid_choice']);
      const future = await expectProblem(
        await ppr.post(`/api/counselling/slots/${slot.id}/family-visits`, { childId, ...consent(), consentGivenAt: new Date(Date.now() + 86_400_000).toISOString() }),
        400,
      );
      expect(fields(future)).toEqual(['consentGivenAt:in_future']);
      const unknown = await expectProblem(await ppr.post(`/api/counselling/slots/${slot.id}/family-visits`, { childId: uuidv7(), ...consent() }), 400);
      expect(fields(unknown)).toEqual(['childId:unknown_child']);
    });

    it('are recorded with the consent and audited with the child; colleagues see them counted, not named', async () => {
      const slot = await newSlot();
      await expectJson(await ppr.post(`/api/counselling/slots/${slot.id}/anonymous-visits`, { ageBand: '3-6' }), 201);
      await expectJson(await ppr.post(`/api/counselling/slots/${slot.id}/anonymous-visits`, { topic: 'crying' }), 201);
      const visit = await expectJson<SlotDetailJson['familyVisits'][number] & { ageBand: string }>(
        await ppr.post(`/api/counselling/slots/${slot.id}/family-visits`, { childId, ...consent(), topic: 'sleep', note: 'Aftalt opfølgning om søvn.' }),
        201,
      );
      expect(visit.child).toMatchObject({ id: childId, name: 'Ronja Rådgivningsbarn' });
      expect(visit.consent).toMatchObject({ givenByRole: 'mother', givenByName: 'Rikke Rådgivningsbarn', form: 'oral' });
      expect(visit.ageBand).toBe('1-3');

      const audit = (await auditRows(visit.id)).rows;
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'create', category: 'social', subject_ids: [childId], outcome: 'allowed' });

      const own = await expectJson<SlotDetailJson>(await ppr.get(`/api/counselling/slots/${slot.id}`));
      expect(own.counts).toEqual({ visits: 3, anonymous: 2, linked: 1 });
      expect(own.familyVisits.map((v) => v.child.id)).toEqual([childId]);
      expect(own.familyVisits[0].note).toBe('Aftalt opfølgning om søvn.');

      const colleagues = await colleague.get(`/api/counselling/slots/${slot.id}`);
      const text = await colleagues.text();
      expect(colleagues.status).toBe(200);
      const seen = JSON.parse(text) as SlotDetailJson;
      expect(seen.counts).toEqual({ visits: 3, anonymous: 2, linked: 1 });
      expect(seen.familyVisits).toEqual([]);
      expect(seen.familyVisitsHidden).toBe(1);
      for (const secret of [CHILD.lastName, childId, 'Rikke', 'søvn']) expect(text).not.toContain(secret);

      const outsiders = await outsider.get(`/api/counselling/slots/${slot.id}`);
      expect(outsiders.status).toBe(404);
      expect(await outsiders.text()).not.toContain(CHILD.lastName);
    });

    it('find the child by CPR number or by full name and birth date, audited as a search', async () => {
      const slot = await newSlot();
      const byCpr = await expectJson<{ items: { id: string; name: string; cprMasked: string }[] }>(await ppr.post(`/api/counselling/slots/${slot.id}/child-lookup`, { cpr: '010225-4005' }));
      expect(byCpr.items).toEqual([{ id: childId, name: 'Ronja Rådgivningsbarn', birthDate: CHILD.birthDate, cprMasked: '010225-XXXX' }]);
      const byName = await expectJson<{ items: { id: string }[] }>(
        await ppr.post(`/api/counselling/slots/${slot.id}/child-lookup`, { firstName: 'ronja', lastName: 'RÅDGIVNINGSBARN', birthDate: CHILD.birthDate }),
      );
      expect(byName.items.map((c) => c.id)).toEqual([childId]);
      const none = await expectJson<{ items: unknown[] }>(await ppr.post(`/api/counselling/slots/${slot.id}/child-lookup`, { firstName: 'Ronja', lastName: 'Rådgivningsbarn', birthDate: '2025-02-02' }));
      expect(none.items).toEqual([]);
      expect(fields(await expectProblem(await ppr.post(`/api/counselling/slots/${slot.id}/child-lookup`, { firstName: 'Ronja' }), 400))).toEqual(['cpr:lookup_criteria']);
      expect(fields(await expectProblem(await ppr.post(`/api/counselling/slots/${slot.id}/child-lookup`, { cpr: '12345' }), 400))).toEqual(['cpr:invalid_cpr']);
      const audit = (await auditRows(slot.id)).rows.filter((r) => r.action === 'search');
      expect(audit.map((r) => [r.category, r.subject_ids])).toEqual([
        ['basic', [childId]],
        ['basic', [childId]],
        ['basic', []],
      ]);
      const refused = await outsider.post(`/api/counselling/slots/${slot.id}/child-lookup`, { cpr: '010225-4005' });
      expect(refused.status).toBe(404);
      expect(await refused.text()).not.toContain(CHILD.lastName);
    });
  });

  describe('the unit’s numbers', () => {
    it('count visits per month, anonymous and linked, for members of the unit only', async () => {
      const summary = await expectJson<SummaryJson>(await colleague.get(`/api/units/${pprUnit}/counselling-summary`));
      const all = await world.db
        .selectFrom('counselling_visits as v')
        .innerJoin('counselling_slots as s', 's.id', 'v.slot_id')
        .select(['v.kind'])
        .where('s.unit_id', '=', pprUnit)
        .execute();
      const anonymous = all.filter((v) => v.kind === 'anonymous').length;
      const linked = all.length - anonymous;
      expect(linked).toBeGreaterThan(0);
      expect(summary.dropIn).toMatchObject({ visits: all.length, anonymous, linked, shareAnonymous: anonymous / all.length });
      expect(summary.dropIn.months).toHaveLength(12);
      const thisMonth = summary.dropIn.months.at(-1);
      expect(thisMonth).toMatchObject({ month: todayInDenmark().slice(0, 7), anonymous, linked });
      expect(JSON.stringify(summary)).not.toContain(CHILD.lastName);
      await expectProblem(await outsider.get(`/api/units/${pprUnit}/counselling-summary`), 403);
      await expectProblem(await outsider.get(`/api/units/${uuidv7()}/counselling-summary`), 404);
    });
  });
});
