/**
 * Consent and disclosures through HTTP on both engines (domain.md §6.2–6.3,
 * rules C1–C3): the consent matrix — every category × recipient (nursery
 * pedagogue, school teacher, PPR psychologist) × consent state (none, valid,
 * expired, withdrawn) — legal exceptions, the vital-interest task, stale
 * versions, who sees which consents, and the audit trail.
 *
 * Chosen behaviour (access/consent.ts): withdrawn or expired consent blocks
 * new sharing at once AND stops the recipient reading, through Spire, what
 * was shared under it; the health visitor still sees the record of it.
 */
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain';
import { todayInDenmark } from '../../src/server/clock';
import type { Database } from '../../src/server/db/connect';
import { describeEngines, freshDatabase } from '../engines';
import { makeChild, makeStaff, makeUnit, makeWorld, type TestClient } from '../factories';
import { expectJson, expectProblem } from '../http';

interface DisclosureJson {
  id: string;
  category: string;
  content: { title: string; text?: string };
  toUnit: { id: string };
  legalBasis: string;
  consentId: string | null;
  readableByRecipient?: boolean;
}
interface ConsentJson {
  id: string;
  state: string;
  version: number;
  allCustodyHolders: boolean;
  givenBy: { id: string; name: string }[];
  categories: string[];
  recipientUnits: { id: string }[];
  disclosures: DisclosureJson[];
}
interface ChildConsentsJson {
  canManage: boolean;
  consents: ConsentJson[];
  exceptions: DisclosureJson[];
  custodyHolders: { id: string }[];
}
interface SharedJson {
  childId: string;
  items: DisclosureJson[];
}
interface TaskJson {
  id: string;
  childId: string;
  status: string;
  version: number;
}

const CATEGORIES = ['basic', 'health', 'pedagogical', 'social'] as const;
const STATES = ['none', 'valid', 'expired', 'withdrawn'] as const;

describeEngines('consent and disclosures', (engine) => {
  let database: Database;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  let hv: TestClient;
  let school: string;
  let ppr: string;
  const recipients: { name: string; username: string; unit: () => string; client?: TestClient }[] = [
    { name: 'nursery pedagogue', username: 'ped', unit: () => world.units.nursery },
    { name: 'school teacher', username: 'teacher', unit: () => school },
    { name: 'PPR psychologist', username: 'psych', unit: () => ppr },
  ];
  let counter = 0;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    world = await makeWorld(database, { signInRateLimit: 100_000 });
    school = await makeUnit(world.db, world.municipality, 'school', 'Testby Skole');
    ppr = await makeUnit(world.db, world.municipality, 'ppr', 'PPR Testby');
    await makeStaff(world.db, world.municipality, { username: 'teacher', profession: 'teacher', name: 'Tove Lærer', unitIds: [school] });
    await makeStaff(world.db, world.municipality, { username: 'psych', profession: 'ppr_psychologist', name: 'Poul Psykolog', unitIds: [ppr] });
    hv = await world.as('hv');
    for (const r of recipients) r.client = await world.as(r.username);
  });
  afterAll(() => database.close());


  /** A child on the test health unit's caseload, in the nursery and the school, with two custody holders and one without custody. */
  async function family() {
    counter++;
    const childId = await makeChild(world.db, world.municipality, {
      healthUnitId: world.units.healthUnit,
      enrolledUnitIds: [world.units.nursery, school],
      firstName: `Barn${counter}`,
      lastName: 'Samtykke',
    });
    const adults: string[] = [];
    for (const [first, custody] of [['Mor', true], ['Far', true], ['Bonusfar', false]] as const) {
      const id = uuidv7();
      await world.db.insertInto('persons').values({ id, municipality_id: world.municipality.id, first_name: `${first}${counter}`, last_name: 'Samtykke' }).execute();
      await world.db.insertInto('relations').values({ id: uuidv7(), child_id: childId, adult_id: id, relation: first === 'Mor' ? 'mother' : first === 'Far' ? 'father' : 'other', custody }).execute();
      adults.push(id);
    }
    return { childId, mother: adults[0], father: adults[1], stepfather: adults[2] };
  }

  const recordConsent = async (childId: string, body: Record<string, unknown>) =>
    expectJson<ChildConsentsJson>(await hv.post(`/api/children/${childId}/consents`, { purpose: 'cooperation', form: 'written', validFrom: todayInDenmark(), ...body }), 201);
  const share = (childId: string, body: Record<string, unknown>) =>
    hv.post(`/api/children/${childId}/disclosures`, { purpose: 'cooperation', title: 'Oplysning', legalBasis: 'consent', ...body });
  /** What the recipient can read: the items, or none when the child is not visible to them at all (404). */
  async function readable(client: TestClient, childId: string): Promise<string> {
    const response = await client.get(`/api/children/${childId}/shared-with-me`);
    if (response.status === 404) return '';
    return JSON.stringify((await expectJson<SharedJson>(response)).items);
  }

  describe('the consent matrix', () => {
    for (const recipient of recipients) {
      for (const category of CATEGORIES) {
        it.each(STATES)(`${category} → ${recipient.name}, consent %s`, async (state) => {
          const client = recipient.client!;
          const unit = recipient.unit();
          const f = await family();
          const marker = `Hemmelig-${category}-${state}-${counter}`;
          let consentId: string = uuidv7();
          if (state !== 'none') {
            const recorded = await recordConsent(f.childId, { givenBy: [f.mother, f.father], recipientUnitIds: [unit], categories: [category] });
            consentId = recorded.consents[0].id;
            expect(recorded.consents[0].allCustodyHolders).toBe(true);
          }
          if (state === 'valid' || state === 'expired' || state === 'withdrawn') {
            // Shared while the consent was valid…
            await expectJson<DisclosureJson>(await share(f.childId, { toUnitId: unit, category, consentId, text: marker }), 201);
            expect(await readable(client, f.childId)).toContain(marker);
          }
          if (state === 'expired') {
            // …and later the consent ran out.
            await world.db
              .updateTable('consents')
              .set({ valid_from: addDays(todayInDenmark(), -60), valid_until: addDays(todayInDenmark(), -1) })
              .where('id', '=', consentId)
              .execute();
          }
          if (state === 'withdrawn') {
            const consents = await expectJson<ChildConsentsJson>(await hv.get(`/api/children/${f.childId}/consents`));
            await expectJson(await hv.post(`/api/consents/${consentId}/withdraw`, { version: consents.consents[0].version, reason: 'Forældrene ønsker ikke længere deling', withdrawnByAdultId: f.father }));
          }

          // New sharing: only a valid consent allows it.
          const again = await share(f.childId, { toUnitId: unit, category, consentId, text: `${marker}-ny` });
          if (state === 'valid') await expectJson(again, 201);
          else expect((await expectProblem(again, 409)).code).toBe('consent.not_covered');

          // Reading: only while the consent is valid (also what was shared before).
          const seen = await readable(client, f.childId);
          if (state === 'valid') {
            expect(seen).toContain(marker);
            expect(seen).toContain(`${marker}-ny`);
          } else {
            expect(seen).not.toContain(marker);
          }

          // The consent covers only its category and its recipient.
          if (state === 'valid') {
            const other = CATEGORIES.find((c) => c !== category)!;
            expect((await expectProblem(await share(f.childId, { toUnitId: unit, category: other, consentId, text: 'x' }), 409)).code).toBe('consent.not_covered');
            const elsewhere = recipients.find((r) => r !== recipient)!;
            expect((await expectProblem(await share(f.childId, { toUnitId: elsewhere.unit(), category, consentId, text: 'x' }), 409)).code).toBe('consent.not_covered');
            expect(await readable(elsewhere.client!, f.childId)).not.toContain(marker);
            // And only its purpose.
            expect((await expectProblem(await share(f.childId, { toUnitId: unit, category, consentId, purpose: 'meeting', text: 'x' }), 409)).code).toBe('consent.not_covered');
          }

          // The health visitor keeps the record of what was shared, and sees whether it can still be read.
          const overview = await expectJson<ChildConsentsJson>(await hv.get(`/api/children/${f.childId}/consents`));
          if (state === 'none') expect(overview.consents).toEqual([]);
          else {
            expect(overview.consents[0].state).toBe(state);
            expect(JSON.stringify(overview.consents[0].disclosures)).toContain(marker);
            expect(overview.consents[0].disclosures.every((d) => d.readableByRecipient === (state === 'valid'))).toBe(true);
          }
        });
      }
    }
  });

  it('refuses a consent that is already expired or not yet valid when sharing', async () => {
    const f = await family();
    const expired = await recordConsent(f.childId, { givenBy: [f.mother], recipientUnitIds: [world.units.nursery], categories: ['health'], validFrom: '2025-01-01', validUntil: '2025-12-31' });
    expect(expired.consents[0].state).toBe('expired');
    expect(expired.consents[0].allCustodyHolders).toBe(false);
    expect((await expectProblem(await share(f.childId, { toUnitId: world.units.nursery, category: 'health', consentId: expired.consents[0].id, text: 'x' }), 409)).code).toBe('consent.not_covered');
    const future = await recordConsent(f.childId, { givenBy: [f.mother], recipientUnitIds: [world.units.nursery], categories: ['health'], validFrom: addDays(todayInDenmark(), 5) });
    const futureId = future.consents.find((c) => c.state === 'not_yet_valid')!.id;
    expect((await expectProblem(await share(f.childId, { toUnitId: world.units.nursery, category: 'health', consentId: futureId, text: 'x' }), 409)).code).toBe('consent.not_covered');
  });

  it('covers a profession: a consent to "the teacher" lets the school’s teacher read, not a pedagogue of another unit', async () => {
    const f = await family();
    const recorded = await recordConsent(f.childId, { givenBy: [f.mother, f.father], recipientProfessions: ['teacher'], categories: ['health'], purpose: 'handover_school' });
    const consentId = recorded.consents[0].id;
    await expectJson(await share(f.childId, { toUnitId: school, category: 'health', consentId, purpose: 'handover_school', text: 'Til læreren' }), 201);
    expect(await readable(recipients[1].client!, f.childId)).toContain('Til læreren');
    expect((await expectProblem(await share(f.childId, { toUnitId: world.units.nursery, category: 'health', consentId, purpose: 'handover_school', text: 'x' }), 409)).code).toBe('consent.not_covered');
  });

  it('validates a consent field by field: custody holders only, known units, at least one recipient', async () => {
    const f = await family();
    const body = await expectProblem(
      await hv.post(`/api/children/${f.childId}/consents`, { givenBy: [f.stepfather], purpose: 'cooperation', recipientUnitIds: [uuidv7()], categories: ['health'], form: 'oral', validFrom: '2026-01-01' }),
      400,
    );
    expect(body.errors?.map((e) => `${e.field}:${e.code}`).sort()).toEqual(['givenBy.0:not_custody_holder', 'recipientUnitIds.0:unknown_unit']);
    const none = await expectProblem(await hv.post(`/api/children/${f.childId}/consents`, { givenBy: [f.mother], purpose: 'cooperation', categories: ['health'], form: 'oral', validFrom: '2026-01-01' }), 400);
    expect(none.errors?.[0].code).toBe('at_least_one_recipient');
    const dates = await expectProblem(
      await hv.post(`/api/children/${f.childId}/consents`, { givenBy: [f.mother], purpose: 'cooperation', recipientUnitIds: [school], categories: ['health'], form: 'oral', validFrom: '2026-02-01', validUntil: '2026-01-01' }),
      400,
    );
    expect(dates.errors?.[0]).toMatchObject({ field: 'validUntil', code: 'end_before_start' });
    // Only the child's health-visiting unit records consents.
    await expectProblem(await recipients[0].client!.post(`/api/children/${f.childId}/consents`, { givenBy: [f.mother], purpose: 'cooperation', recipientUnitIds: [school], categories: ['health'], form: 'oral', validFrom: '2026-01-01' }), 403);
  });

  it('withdrawal needs the version read: a stale one is 409, a second withdrawal too', async () => {
    const f = await family();
    const recorded = await recordConsent(f.childId, { givenBy: [f.mother], recipientUnitIds: [school], categories: ['health'] });
    const consent = recorded.consents[0];
    await expectProblem(await hv.post(`/api/consents/${consent.id}/withdraw`, { version: consent.version + 1, reason: 'x' }), 409);
    const after = await expectJson<ChildConsentsJson>(await hv.post(`/api/consents/${consent.id}/withdraw`, { version: consent.version, reason: 'Tilbagekaldt mundtligt' }));
    expect(after.consents[0].state).toBe('withdrawn');
    expect((await expectProblem(await hv.post(`/api/consents/${consent.id}/withdraw`, { version: after.consents[0].version, reason: 'igen' }), 409)).code).toBe('consent.already_withdrawn');
    // Nobody else withdraws for the parents.
    await expectProblem(await recipients[1].client!.post(`/api/consents/${consent.id}/withdraw`, { version: after.consents[0].version, reason: 'x' }), 403);
  });

  it('shares on notification duty without consent, and on vital interest with a task to tell the parents afterwards (C3)', async () => {
    const f = await family();
    const missing = await expectProblem(await share(f.childId, { toUnitId: ppr, category: 'health', legalBasis: 'vital_interest', text: 'x' }), 400);
    expect(missing.errors?.[0]).toMatchObject({ field: 'reason', code: 'required' });
    await expectJson(await share(f.childId, { toUnitId: ppr, category: 'health', legalBasis: 'notification_duty', reason: 'Underretning § 133', text: 'Underretningsgrundlag' }), 201);
    await expectJson(await share(f.childId, { toUnitId: ppr, category: 'health', legalBasis: 'vital_interest', reason: 'Akut fare for barnets helbred', text: 'Livsvigtig oplysning' }), 201);
    const seen = await readable(recipients[2].client!, f.childId);
    expect(seen).toContain('Underretningsgrundlag');
    expect(seen).toContain('Livsvigtig oplysning');

    const tasks = (await expectJson<{ items: TaskJson[] }>(await hv.get('/api/my-disclosure-tasks'))).items.filter((t) => t.childId === f.childId);
    expect(tasks).toHaveLength(1);
    const task = tasks[0];
    expect(task.status).toBe('open');
    // Not for the recipient to close, and not with a stale version.
    await expectProblem(await recipients[2].client!.post(`/api/disclosure-tasks/${task.id}/complete`, { version: task.version, outcome: 'done', note: 'x' }), 403);
    await expectProblem(await hv.post(`/api/disclosure-tasks/${task.id}/complete`, { version: task.version + 1, outcome: 'done', note: 'x' }), 409);
    const done = await expectJson<TaskJson>(await hv.post(`/api/disclosure-tasks/${task.id}/complete`, { version: task.version, outcome: 'done', note: 'Ringede til mor dagen efter' }));
    expect(done.status).toBe('done');
    expect((await expectJson<{ items: TaskJson[] }>(await hv.get('/api/my-disclosure-tasks'))).items.some((t) => t.id === task.id)).toBe(false);

    const overview = await expectJson<ChildConsentsJson>(await hv.get(`/api/children/${f.childId}/consents`));
    expect(overview.exceptions.map((d) => d.legalBasis).sort()).toEqual(['notification_duty', 'vital_interest']);
  });

  it('shows recipients only the consents that name their unit; the health visitor all of them, with the custody holders', async () => {
    const f = await family();
    await recordConsent(f.childId, { givenBy: [f.mother], recipientUnitIds: [world.units.nursery], categories: ['health'] });
    await recordConsent(f.childId, { givenBy: [f.mother], recipientUnitIds: [school], categories: ['health'], note: 'Kun til skolen' });
    const mine = await expectJson<ChildConsentsJson>(await recipients[0].client!.get(`/api/children/${f.childId}/consents`));
    expect(mine.canManage).toBe(false);
    expect(mine.consents.map((c) => c.recipientUnits[0].id)).toEqual([world.units.nursery]);
    expect(JSON.stringify(mine)).not.toContain('Kun til skolen');
    expect(mine.custodyHolders).toEqual([]);
    const all = await expectJson<ChildConsentsJson>(await hv.get(`/api/children/${f.childId}/consents`));
    expect(all.canManage).toBe(true);
    expect(all.consents).toHaveLength(2);
    expect(all.custodyHolders.map((h) => h.id).sort()).toEqual([f.mother, f.father].sort());
    // The PPR psychologist, with nothing shared, does not see the child at all.
    await expectProblem(await recipients[2].client!.get(`/api/children/${f.childId}/consents`), 404);
    await expectProblem(await recipients[2].client!.get(`/api/children/${f.childId}/shared-with-me`), 404);
  });

  it('writes audit entries: disclose/health with the child for every share, and a denied one for a refused share', async () => {
    const f = await family();
    const recorded = await recordConsent(f.childId, { givenBy: [f.mother], recipientUnitIds: [school], categories: ['health'] });
    await expectJson(await share(f.childId, { toUnitId: school, category: 'health', consentId: recorded.consents[0].id, text: 'Revideret' }), 201);
    await expectProblem(await share(f.childId, { toUnitId: world.units.nursery, category: 'health', consentId: recorded.consents[0].id, text: 'Nej' }), 409);
    await recipients[1].client!.get(`/api/children/${f.childId}/shared-with-me`);
    const rows = await world.db
      .selectFrom('audit_log')
      .select(['action', 'category', 'outcome', 'actor_name'])
      .where(sql<boolean>`${f.childId}::uuid = any(subject_ids)`)
      .execute();
    expect(rows).toContainEqual({ action: 'disclose', category: 'health', outcome: 'allowed', actor_name: 'Hanne Sundhed' });
    expect(rows).toContainEqual({ action: 'disclose', category: 'health', outcome: 'denied', actor_name: 'Hanne Sundhed' });
    expect(rows).toContainEqual({ action: 'read', category: 'health', outcome: 'allowed', actor_name: 'Tove Lærer' });
  });
});
