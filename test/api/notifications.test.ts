/**
 * Notifications (underretninger, Barnets Lov § 133) through HTTP on both
 * engines, by the rules of domain.md §8: N1 (never anonymous: notifier and
 * workplace from the actor), N2 (the unborn-child ground without a child
 * CPR), N3 (consent never asked), N4/N5 (24-hour and 6-working-day deadlines,
 * breaches flagged), N6 (feedback suppressed only with a reason), N7 (parents
 * informed, or why not). Also: the notifier's reduced view, the inbox scoped
 * to the social services unit and municipality, stale versions, audit rows.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { todayInDenmark } from '../../src/server/clock';
import type { Database } from '../../src/server/db/connect';
import { describeEngines, freshDatabase } from '../engines';
import { makeChild, makeMunicipality, makeStaff, makeUnit, makeWorld, type TestClient } from '../factories';
import { expectJson, expectProblem } from '../http';

interface Deadlines {
  acuteDueAt: string;
  acuteStatus: string;
  receiptDueOn: string;
  receiptStatus: string;
  breaches: string[];
}
interface NotificationJson {
  id: string;
  view: 'handler' | 'notifier';
  version?: number;
  label: string;
  child: { id: string; name: string; status: string } | null;
  expectantParent: { name: string; address: string | null; cprMasked: string | null; expectedDate: string | null } | null;
  grounds: string[];
  parentsInformed: boolean;
  notInformedReason: string | null;
  notifier: { id: string; name: string; profession: string; unitId: string; workplace: string; workplaceAddress: string | null };
  recipientUnit: { id: string; name: string };
  receivedAt: string;
  receivedOn: string;
  state: string;
  deadlines?: Deadlines;
  receipt: { confirmedOn: string } | null;
  assessment?: { acute: boolean; note: string | null } | null;
  outcome?: { outcome: string; feedback: string; feedbackReason: string | null } | null;
  feedback?: { status: string; outcome: string | null };
}
interface InboxJson {
  items: (NotificationJson & { deadlines: Deadlines })[];
  counts: { open: number; dueToday: number; overdue: number };
}

describeEngines('notifications', (engine) => {
  let database: Database;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  let socialUnit: string;
  let caseworkerId: string;
  let hv: TestClient;
  let ped: TestClient;
  let caseworker: TestClient;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    world = await makeWorld(database, { signInRateLimit: 100_000 });
    await world.db.updateTable('units').set({ address: 'Sundhedsvej 1, 9000 Testby' }).where('id', '=', world.units.healthUnit).execute();
    socialUnit = await makeUnit(world.db, world.municipality, 'social_services', 'Børn og Familie Test');
    caseworkerId = await makeStaff(world.db, world.municipality, { username: 'cw', profession: 'social_worker', name: 'Mette Myndighed', unitIds: [socialUnit] });
    await makeStaff(world.db, world.municipality, { username: 'nounit', profession: 'pedagogue', name: 'Uden Enhed' });
    hv = await world.as('hv');
    ped = await world.as('ped');
    caseworker = await world.as('cw');
  });
  afterAll(() => database.close());


  const bornChild = (firstName: string) =>
    makeChild(world.db, world.municipality, { healthUnitId: world.units.healthUnit, firstName, lastName: 'Underret', birthDate: '2025-09-01' });
  const body = (extra: Record<string, unknown> = {}) => ({
    grounds: ['special_support'],
    observations: 'Barnet virker trist og uplejet over flere besøg.',
    parentsInformed: true,
    notifierUnitId: world.units.healthUnit,
    ...extra,
  });
  const notify = async (client: TestClient, extra: Record<string, unknown>) => expectJson<NotificationJson>(await client.post('/api/notifications', body(extra)), 201);
  /** Moves a notification's receipt to a fixed instant (the clock itself is not faked). */
  const receivedAt = (id: string, at: string) => world.db.updateTable('notifications').set({ received_at: at }).where('id', '=', id).execute();

  // ---- N1: never anonymous ----------------------------------------------------------------

  it('N1: the notifier and workplace are always the actor and one of their units; without a unit nobody can notify', async () => {
    const child = await bornChild('Alma');
    const created = await notify(hv, { childId: child });
    expect(created.view).toBe('notifier');
    expect(created.notifier).toMatchObject({
      id: world.staff.visitorId,
      name: 'Hanne Sundhed',
      profession: 'health_visitor',
      unitId: world.units.healthUnit,
      workplace: 'Sundhedsplejen Test',
      workplaceAddress: 'Sundhedsvej 1, 9000 Testby',
    });
    expect(created.recipientUnit).toEqual({ id: socialUnit, name: 'Børn og Familie Test' });
    expect(created.state).toBe('received');

    // The notifier cannot be named by the request…
    const named = await expectProblem(await hv.post('/api/notifications', body({ childId: child, notifierName: 'Anonym' })), 400);
    expect(named.errors?.map((e) => e.code)).toContain('unknown_field');
    // …nor the workplace be someone else's unit.
    const foreign = await expectProblem(await hv.post('/api/notifications', body({ childId: child, notifierUnitId: world.units.nursery })), 400);
    expect(foreign.errors).toEqual([{ field: 'notifierUnitId', code: 'not_own_unit', message: 'Vælg en af dine egne arbejdspladser.' }]);
    // A staff member without a unit cannot notify at all.
    const nounit = await world.as('nounit');
    expect((await nounit.post('/api/notifications', body({ childId: child }))).status).toBe(403);
  });

  // ---- N2, N3, N7: grounds, expected children, parents ----------------------------------

  it('N2: a notification about an expected child (registry record, no CPR) or about expectant parents not registered', async () => {
    const expected = await makeChild(world.db, world.municipality, { healthUnitId: world.units.healthUnit, expectedDate: '2027-02-01', birthDate: null, lastName: 'Termin' });
    const aboutRecord = await notify(hv, { childId: expected, grounds: ['unborn_child'] });
    expect(aboutRecord.child).toMatchObject({ id: expected, status: 'expected' });

    const aboutParents = await notify(ped, {
      grounds: ['unborn_child'],
      notifierUnitId: world.units.nursery,
      expectantParent: { name: 'Lise Gravid', address: 'Storgade 3, 9000 Testby', expectedDate: '2027-03-01' },
    });
    expect(aboutParents.child).toBeNull();
    expect(aboutParents.expectantParent).toEqual({ name: 'Lise Gravid', address: 'Storgade 3, 9000 Testby', cprMasked: null, expectedDate: '2027-03-01' });
    expect(aboutParents.label).toBe('Vordende forælder: Lise Gravid');

    const withCpr = await notify(ped, { grounds: ['unborn_child', 'abuse'], notifierUnitId: world.units.nursery, expectantParent: { name: 'Mia Mor', cpr: '010190-1234' } });
    expect(withCpr.expectantParent?.cprMasked).toBe('010190-XXXX');

    // Expectant parents need the unborn-child ground; a child or the parents, not both, not neither.
    const noGround = await expectProblem(await ped.post('/api/notifications', body({ notifierUnitId: world.units.nursery, expectantParent: { name: 'X' } })), 400);
    expect(noGround.errors?.map((e) => [e.field, e.code])).toEqual([['grounds', 'unborn_ground_needed']]);
    const neither = await expectProblem(await hv.post('/api/notifications', body()), 400);
    expect(neither.errors?.map((e) => [e.field, e.code])).toEqual([['childId', 'child_or_expectant_parent']]);
    const both = await expectProblem(await hv.post('/api/notifications', body({ childId: expected, grounds: ['unborn_child'], expectantParent: { name: 'Y' } })), 400);
    expect(both.errors?.map((e) => e.code)).toEqual(['child_or_expectant_parent']);
    const badGround = await expectProblem(await hv.post('/api/notifications', body({ childId: expected, grounds: ['neglect'] })), 400);
    expect(badGround.errors?.[0]).toMatchObject({ field: 'grounds.0', code: 'invalid_choice' });

    // Social services see both in their inbox.
    const inbox = await expectJson<InboxJson>(await caseworker.get('/api/notifications/inbox'));
    const ids = inbox.items.map((i) => i.id);
    expect(ids).toContain(aboutRecord.id);
    expect(ids).toContain(aboutParents.id);
  });

  it('N7 and N3: parents not told needs a reason (suspected abuse by the parents is one); consent is never asked', async () => {
    const child = await bornChild('Bodil');
    const noReason = await expectProblem(await hv.post('/api/notifications', body({ childId: child, parentsInformed: false })), 400);
    expect(noReason.errors?.map((e) => [e.field, e.code])).toEqual([['notInformedReason', 'required']]);
    const other = await expectProblem(await hv.post('/api/notifications', body({ childId: child, parentsInformed: false, notInformedReason: 'other' })), 400);
    expect(other.errors?.map((e) => [e.field, e.code])).toEqual([['notInformedText', 'required']]);
    // No consent of any kind is recorded for this child, and the notification goes through.
    const created = await notify(hv, { childId: child, grounds: ['abuse'], parentsInformed: false, notInformedReason: 'suspected_abuse_by_parents' });
    expect(created).toMatchObject({ parentsInformed: false, notInformedReason: 'suspected_abuse_by_parents', grounds: ['abuse'] });
  });

  it('the notifier must see the child (404 otherwise); the recipient unit is brought into the child’s basic data', async () => {
    const child = await bornChild('Cecilie');
    expect((await ped.post('/api/notifications', body({ childId: child, notifierUnitId: world.units.nursery }))).status).toBe(404);
    expect((await caseworker.get(`/api/children/${child}`)).status).toBe(404);
    await notify(hv, { childId: child });
    const seen = await expectJson<{ id: string }>(await caseworker.get(`/api/children/${child}`));
    expect(seen.id).toBe(child);
  });

  // ---- N4, N5: deadlines and breaches -----------------------------------------------------

  it('N4/N5: deadlines through the API across Easter and Christmas, with the municipality’s closing days', async () => {
    const easter = await notify(hv, { childId: await bornChild('Dagmar') });
    await receivedAt(easter.id, '2026-03-31T10:00:00+02:00');
    const christmas = await notify(hv, { childId: await bornChild('Ellen') });
    await receivedAt(christmas.id, '2025-12-22T23:30:00+01:00');
    const saturday = await notify(hv, { childId: await bornChild('Frida') });
    await receivedAt(saturday.id, '2025-11-29T12:00:00+01:00');

    const easterView = await expectJson<NotificationJson>(await caseworker.get(`/api/notifications/${easter.id}`));
    expect(easterView.view).toBe('handler');
    expect(easterView.receivedOn).toBe('2026-03-31');
    // 2, 3 and 6 April 2026 are public holidays: the 6th working day is 13 April.
    expect(easterView.deadlines).toEqual({
      acuteDueAt: '2026-04-01T08:00:00.000Z',
      acuteStatus: 'overdue',
      receiptDueOn: '2026-04-13',
      receiptStatus: 'overdue',
      breaches: ['receipt_late', 'acute_late'],
    });
    // 24, 25, 26, 31 December and 1 January are not working days (default closing days).
    const christmasView = await expectJson<NotificationJson>(await caseworker.get(`/api/notifications/${christmas.id}`));
    expect(christmasView.receivedOn).toBe('2025-12-22');
    expect(christmasView.deadlines?.receiptDueOn).toBe('2026-01-06');
    expect(christmasView.deadlines?.acuteDueAt).toBe('2025-12-23T22:30:00.000Z');
    // Received on a Saturday: counted from the Saturday.
    const saturdayView = await expectJson<NotificationJson>(await caseworker.get(`/api/notifications/${saturday.id}`));
    expect(saturdayView.deadlines?.receiptDueOn).toBe('2025-12-08');

    // The municipality works on 24 and 31 December: the receipt is due on 2 January.
    const admin = await world.as('admin');
    const settings = await expectJson<{ extraClosingDays: string[]; source: string; version: number }>(await admin.get('/api/notifications/settings'));
    expect(settings).toEqual({ extraClosingDays: ['06-05', '12-24', '12-31'], source: 'default', version: 0 });
    const bad = await expectProblem(await admin.request('PUT', '/api/notifications/settings', { version: 0, extraClosingDays: ['24/12'] }), 400);
    expect(bad.errors?.[0]).toMatchObject({ field: 'extraClosingDays.0', code: 'invalid_closing_day' });
    expect((await caseworker.request('PUT', '/api/notifications/settings', { version: 0, extraClosingDays: [] })).status).toBe(403);
    const changed = await expectJson<{ version: number; source: string }>(await admin.request('PUT', '/api/notifications/settings', { version: 0, extraClosingDays: ['06-05'] }));
    expect(changed).toMatchObject({ version: 1, source: 'municipality' });
    expect((await admin.request('PUT', '/api/notifications/settings', { version: 0, extraClosingDays: [] })).status).toBe(409);
    const without = await expectJson<NotificationJson>(await caseworker.get(`/api/notifications/${christmas.id}`));
    expect(without.deadlines?.receiptDueOn).toBe('2026-01-02');
    await expectJson(await admin.request('PUT', '/api/notifications/settings', { version: 1, extraClosingDays: ['06-05', '12-24', '12-31'] }));
  });

  it('breaches: receipt confirmed after the due date and the acute assessment after 24 hours are flagged; in time is not', async () => {
    const late = await notify(hv, { childId: await bornChild('Gerda') });
    await receivedAt(late.id, '2026-01-05T09:00:00+01:00');
    const inTime = await notify(hv, { childId: await bornChild('Hanna') });
    await receivedAt(inTime.id, '2026-01-05T09:00:00+01:00');

    let view = await expectJson<NotificationJson>(await caseworker.post(`/api/notifications/${late.id}/receipt`, { version: 1 }));
    expect(view.receipt?.confirmedOn).toBe(todayInDenmark());
    expect(view.deadlines).toMatchObject({ receiptDueOn: '2026-01-13', receiptStatus: 'met_late' });
    view = await expectJson<NotificationJson>(await caseworker.post(`/api/notifications/${late.id}/assessment`, { version: 2, acute: false, note: 'Ikke akut.' }));
    expect(view.deadlines).toMatchObject({ acuteStatus: 'met_late', breaches: ['receipt_late', 'acute_late'] });
    expect(view.state).toBe('assessed');

    view = await expectJson<NotificationJson>(await caseworker.post(`/api/notifications/${inTime.id}/receipt`, { version: 1, confirmedOn: '2026-01-13' }));
    view = await expectJson<NotificationJson>(
      await caseworker.post(`/api/notifications/${inTime.id}/assessment`, { version: 2, acute: true, note: 'Akut: barnet er i fare.', assessedAt: '2026-01-06T08:59:00+01:00' }),
    );
    expect(view.deadlines).toMatchObject({ receiptStatus: 'met', acuteStatus: 'met', breaches: [] });
    expect(view.assessment).toMatchObject({ acute: true, note: 'Akut: barnet er i fare.' });

    // Not before receipt, not in the future; stale versions are refused.
    const early = await expectProblem(await caseworker.post(`/api/notifications/${inTime.id}/receipt`, { version: 3, confirmedOn: '2026-01-04' }), 400);
    expect(early.errors?.[0]).toMatchObject({ field: 'confirmedOn', code: 'before_received' });
    expect((await caseworker.post(`/api/notifications/${inTime.id}/receipt`, { version: 1, confirmedOn: '2026-01-10' })).status).toBe(409);

    // The inbox flags the still-open breach and counts it.
    const fresh = await notify(hv, { childId: await bornChild('Ida') });
    await receivedAt(fresh.id, '2025-06-02T09:00:00+02:00'); // 5 June closed, 9 June Whit Monday
    const inbox = await expectJson<InboxJson>(await caseworker.get('/api/notifications/inbox'));
    const item = inbox.items.find((i) => i.id === fresh.id);
    expect(item?.deadlines).toMatchObject({ receiptDueOn: '2025-06-12', receiptStatus: 'overdue', breaches: ['receipt_late', 'acute_late'] });
    expect(inbox.counts.overdue).toBeGreaterThanOrEqual(1);
    // The oldest deadline first.
    const dueDates = inbox.items.filter((i) => i.deadlines.receiptStatus === 'overdue').map((i) => i.deadlines.receiptDueOn);
    expect(dueDates).toEqual([...dueDates].sort());
    expect(inbox.items[0].id).toBe(fresh.id);
  });

  it('a notification received today is due today+6 working days and counted as open, not overdue', async () => {
    const created = await notify(hv, { childId: await bornChild('Jytte') });
    const view = await expectJson<NotificationJson>(await caseworker.get(`/api/notifications/${created.id}`));
    expect(view.receivedOn).toBe(todayInDenmark());
    expect(view.deadlines).toMatchObject({ receiptStatus: 'open', acuteStatus: 'open', breaches: [] });
    const summary = await expectJson<{ inbox: { open: number } | null; mine: { total: number } }>(await caseworker.get('/api/notifications/summary'));
    expect(summary.inbox?.open).toBeGreaterThan(0);
    const hvSummary = await expectJson<{ inbox: unknown; mine: { total: number } }>(await hv.get('/api/notifications/summary'));
    expect(hvSummary.inbox).toBeNull();
    expect(hvSummary.mine.total).toBeGreaterThan(0);
  });

  // ---- N6: outcome and feedback -----------------------------------------------------------

  it('N6: the outcome is told to the notifier, or withheld only with a reason the notifier does not see; assessment notes stay with social services', async () => {
    const child = await bornChild('Karla');
    const created = await notify(hv, { childId: child });
    await expectJson(await caseworker.post(`/api/notifications/${created.id}/receipt`, { version: 1 }));
    await expectJson(await caseworker.post(`/api/notifications/${created.id}/assessment`, { version: 2, acute: false, note: 'HEMMELIG-VURDERING om familien.' }));

    const noReason = await expectProblem(await caseworker.post(`/api/notifications/${created.id}/outcome`, { version: 3, outcome: 'investigation', feedback: 'suppressed' }), 400);
    expect(noReason.errors?.map((e) => [e.field, e.code])).toEqual([['feedbackReason', 'required']]);
    const closed = await expectJson<NotificationJson>(
      await caseworker.post(`/api/notifications/${created.id}/outcome`, { version: 3, outcome: 'investigation', note: 'HEMMELIG-NOTE', feedback: 'suppressed', feedbackReason: 'HEMMELIG-GRUND: kan skade barnet' }),
    );
    expect(closed.state).toBe('closed');
    expect(closed.outcome).toMatchObject({ outcome: 'investigation', feedback: 'suppressed', feedbackReason: 'HEMMELIG-GRUND: kan skade barnet' });

    const response = await hv.get(`/api/notifications/${created.id}`);
    const text = await response.text();
    expect(response.status).toBe(200);
    for (const secret of ['HEMMELIG-VURDERING', 'HEMMELIG-NOTE', 'HEMMELIG-GRUND', 'investigation']) expect(text).not.toContain(secret);
    const notifierView = JSON.parse(text) as NotificationJson;
    expect(notifierView).toMatchObject({ view: 'notifier', state: 'closed', receipt: { confirmedOn: todayInDenmark() }, feedback: { status: 'withheld', outcome: null } });
    expect(notifierView).not.toHaveProperty('assessment');
    expect(notifierView).not.toHaveProperty('deadlines');

    // Told: the notifier sees that it led to measures.
    const told = await notify(hv, { childId: await bornChild('Lilje') });
    await expectJson(await caseworker.post(`/api/notifications/${told.id}/outcome`, { version: 1, outcome: 'measures', feedback: 'told' }));
    const mine = await expectJson<{ items: NotificationJson[] }>(await hv.get('/api/notifications/mine'));
    expect(mine.items.find((i) => i.id === told.id)?.feedback).toEqual({ status: 'told', outcome: 'measures' });
    expect(mine.items.every((i) => i.view === 'notifier' && i.notifier.id === world.staff.visitorId)).toBe(true);
    expect(JSON.stringify(mine)).not.toContain('HEMMELIG');
  });

  // ---- Who sees what -------------------------------------------------------------------

  it('unrelated staff get 404; the inbox is only for social services and only their municipality', async () => {
    const created = await notify(hv, { childId: await bornChild('Maja') });
    // A pedagogue of another unit, and a colleague in the notifier's own unit, see nothing.
    await makeStaff(world.db, world.municipality, { username: 'hv2', profession: 'health_visitor', name: 'Kollega', unitIds: [world.units.healthUnit] });
    for (const client of [ped, await world.as('hv2')]) {
      expect((await client.get(`/api/notifications/${created.id}`)).status).toBe(404);
      expect([403, 404]).toContain((await client.post(`/api/notifications/${created.id}/receipt`, { version: 1 })).status);
      expect((await client.get('/api/notifications/inbox')).status).toBe(403);
    }
    // The notifier cannot handle their own notification.
    expect([403, 404]).toContain((await hv.post(`/api/notifications/${created.id}/receipt`, { version: 1 })).status);
    const ownMine = await expectJson<{ items: NotificationJson[] }>(await ped.get('/api/notifications/mine'));
    expect(ownMine.items.map((i) => i.id)).not.toContain(created.id);

    // Another municipality's social services see nothing of ours, and we nothing of theirs.
    const other = await makeMunicipality(world.db, 'Andenby Kommune');
    const otherSocial = await makeUnit(world.db, other, 'social_services', 'Børn og Familie Andenby');
    const otherHealth = await makeUnit(world.db, other, 'health_visiting', 'Sundhedsplejen Andenby');
    await makeStaff(world.db, other, { username: 'cw.other', profession: 'social_worker', unitIds: [otherSocial] });
    await makeStaff(world.db, other, { username: 'hv.other', profession: 'health_visitor', unitIds: [otherHealth] });
    const otherChild = await makeChild(world.db, other, { healthUnitId: otherHealth, firstName: 'Nanna' });
    const theirs = await expectJson<NotificationJson>(await (await world.as('hv.other')).post('/api/notifications', body({ childId: otherChild, notifierUnitId: otherHealth })), 201);
    expect(theirs.recipientUnit.id).toBe(otherSocial);
    const otherCw = await world.as('cw.other');
    const otherInbox = await expectJson<InboxJson>(await otherCw.get('/api/notifications/inbox?state=all'));
    expect(otherInbox.items.map((i) => i.id)).toEqual([theirs.id]);
    expect((await otherCw.get(`/api/notifications/${created.id}`)).status).toBe(404);
    const ourInbox = await expectJson<InboxJson>(await caseworker.get('/api/notifications/inbox?state=all'));
    expect(ourInbox.items.map((i) => i.id)).not.toContain(theirs.id);
    expect((await caseworker.get(`/api/notifications/${theirs.id}`)).status).toBe(404);
    expect((await caseworker.get('/api/notifications/inbox?state=nonsense')).status).toBe(400);
  });

  it('inbox filters: open (default) and closed', async () => {
    const created = await notify(hv, { childId: await bornChild('Olga') });
    await expectJson(await caseworker.post(`/api/notifications/${created.id}/outcome`, { version: 1, outcome: 'no_further_action', feedback: 'told' }));
    const open = await expectJson<InboxJson>(await caseworker.get('/api/notifications/inbox'));
    const closed = await expectJson<InboxJson>(await caseworker.get('/api/notifications/inbox?state=closed'));
    expect(open.items.map((i) => i.id)).not.toContain(created.id);
    expect(closed.items.map((i) => i.id)).toContain(created.id);
    expect(closed.items.every((i) => i.state === 'closed')).toBe(true);
  });

  // ---- Audit -------------------------------------------------------------------------------

  it('audits creating, reading and handling with the child’s id, and denied attempts', async () => {
    const child = await bornChild('Petra');
    const created = await notify(hv, { childId: child });
    await expectJson(await caseworker.get(`/api/notifications/${created.id}`));
    await expectJson(await caseworker.post(`/api/notifications/${created.id}/receipt`, { version: 1 }));
    await ped.get(`/api/notifications/${created.id}`);
    const rows = await world.db
      .selectFrom('audit_log')
      .select(['actor_id', 'action', 'category', 'outcome', 'subject_ids', 'detail'])
      .where(sql<boolean>`${child}::uuid = any(subject_ids)`)
      .orderBy('at')
      .orderBy('id')
      .execute();
    const summary = rows.map((r) => [r.actor_id, r.action, r.category, r.outcome]);
    expect(summary).toContainEqual([world.staff.visitorId, 'create', 'social', 'allowed']);
    expect(summary).toContainEqual([caseworkerId, 'read', 'social', 'allowed']);
    expect(summary).toContainEqual([caseworkerId, 'update', 'social', 'allowed']);
    expect(summary).toContainEqual([world.staff.pedagogueId, 'read', 'social', 'denied']);
    const createRow = rows.find((r) => r.action === 'create' && r.category === 'social');
    expect(createRow?.detail).toMatchObject({ notification: created.id, grounds: ['special_support'] });
  });
});
