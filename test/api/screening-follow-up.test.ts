/**
 * Follow-up of screenings through HTTP on both engines (rules A5, E3, E6 and
 * issue 4): repeat and decision tasks after positive ADBBs, EPDS rescreen and
 * the urgent pathway with its flag and same-day tasks for the health visitor
 * and the manager, "Mine opgaver", completing tasks and resolving flags.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays } from '../../src/domain';
import type { Database } from '../../src/server/db/connect';
import { describeEngines, freshDatabase } from '../engines';
import {
  ADBB_NEGATIVE,
  ADBB_POSITIVE,
  childAged,
  daysFromToday,
  epds,
  type FlagJson,
  makeParent,
  makeScreeningWorld,
  type ProblemJson,
  type ScreeningJson,
  type TaskJson,
  today,
} from '../screening-fixtures';

interface MyTasksJson {
  date: string;
  tasks: TaskJson[];
  flags: FlagJson[];
  counts: { tasks: number; urgent: number; overdue: number; dueToday: number; flags: number };
}

describeEngines('screening follow-up', (engine) => {
  let database: Database;
  let world: Awaited<ReturnType<typeof makeScreeningWorld>>;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    world = await makeScreeningWorld(database);
  });
  afterAll(() => database.close());

  const record = async (childId: string, body: Record<string, unknown>, username = 'hv') => {
    const client = await world.as(username);
    const response = await client.post(`/api/children/${childId}/screenings`, { observedOn: today(), ...body });
    const text = await response.text();
    expect(response.status, text).toBe(201);
    return JSON.parse(text) as ScreeningJson;
  };
  const epdsBody = (respondentId: string, answers: (number | null)[], respondentRole = 'mother') => ({
    instrument: 'epds',
    respondentRole,
    respondentId,
    timepoint: 'postnatal',
    language: 'da',
    answers,
  });
  const tasksOf = async (childId: string) => {
    const hv = await world.as('hv');
    return ((await (await hv.get(`/api/children/${childId}/tasks`)).json()) as { items: TaskJson[] }).items;
  };
  const mine = async (username: string) => {
    const client = await world.as(username);
    const response = await client.get('/api/my-tasks');
    expect(response.status).toBe(200);
    return (await response.json()) as MyTasksJson;
  };

  it('A5: a positive ADBB creates a repeat task due within 14 days for the child’s health visitor, on their Min dag list', async () => {
    const child = await childAged(world, 4, { firstName: 'Rasmus' });
    const observedOn = daysFromToday(-2);
    const s = await record(child, { instrument: 'adbb', answers: ADBB_POSITIVE, observedOn }, 'hv');
    expect(s.followUp?.taskIds).toHaveLength(1);
    const [task] = await tasksOf(child);
    expect(task).toMatchObject({ kind: 'adbb_repeat', dueOn: addDays(observedOn, 14), urgent: false, status: 'open', childName: 'Rasmus Jensen', assignee: { id: world.staff.visitorId } });
    const list = await mine('hv');
    expect(list.tasks.map((t) => t.id)).toContain(task.id);
    expect(list.counts.tasks).toBe(list.tasks.length);
    // A negative ADBB creates nothing.
    const other = await childAged(world, 4);
    expect((await record(other, { instrument: 'adbb', answers: ADBB_NEGATIVE })).followUp?.taskIds).toEqual([]);
  });

  it('A5: without a health visitor on the caseload the task goes to whoever recorded it', async () => {
    const child = await childAged(world, 4, { healthVisitorId: null });
    const s = await record(child, { instrument: 'm-adbb', answers: [1, 1, 0, 0, 0] }, 'hv-uncert');
    expect(s.positive).toBe(true);
    const [task] = await tasksOf(child);
    expect(task).toMatchObject({ kind: 'adbb_repeat', assignee: { id: world.staff.uncertifiedId } });
    expect((await mine('hv-uncert')).tasks.map((t) => t.id)).toContain(task.id);
  });

  it('a second positive ADBB within 30 days completes the repeat task and asks for a decision; the decision is recorded with a note', async () => {
    const child = await childAged(world, 6);
    const first = await record(child, { instrument: 'adbb', answers: ADBB_POSITIVE, observedOn: daysFromToday(-10) });
    const [repeat] = await tasksOf(child);
    expect(repeat.id).toBe(first.followUp?.taskIds[0]);
    const second = await record(child, { instrument: 'adbb', answers: [2, 2, 1, 0, 0, 0, 0, 0] });
    expect(second.followUp?.completedTaskIds).toEqual([repeat.id]);
    const tasks = await tasksOf(child);
    const decision = tasks.find((t) => t.kind === 'decision')!;
    expect(decision).toMatchObject({ status: 'open', dueOn: addDays(today(), 7), suggestions: ['extra_visits', 'referral', 'cross_professional_meeting'] });
    expect(tasks.find((t) => t.id === repeat.id)).toMatchObject({ status: 'done', decision: ['rescreen'] });

    const hv = await world.as('hv');
    const noNote = (await (await hv.post(`/api/tasks/${decision.id}/complete`, { version: decision.version, decision: ['referral'] })).json()) as ProblemJson;
    expect(noNote.errors).toEqual([expect.objectContaining({ field: 'note', code: 'required' })]);
    const blankNote = (await (await hv.post(`/api/tasks/${decision.id}/complete`, { version: decision.version, note: '   ', decision: ['referral'] })).json()) as ProblemJson;
    expect(blankNote.errors).toEqual([expect.objectContaining({ field: 'note', code: 'required' })]);
    const noDecision = (await (await hv.post(`/api/tasks/${decision.id}/complete`, { version: decision.version, note: 'Talt med forældrene' })).json()) as ProblemJson;
    expect(noDecision.errors).toEqual([expect.objectContaining({ field: 'decision', code: 'required' })]);
    const stale = await hv.post(`/api/tasks/${decision.id}/complete`, { version: decision.version + 5, note: 'Talt med forældrene', decision: ['referral'] });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as ProblemJson).code).toBe('conflict.stale_version');

    const done = await hv.post(`/api/tasks/${decision.id}/complete`, { version: decision.version, note: 'Talt med forældrene; henvist til egen læge', decision: ['extra_visits', 'referral'] });
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ status: 'done', note: 'Talt med forældrene; henvist til egen læge', decision: ['extra_visits', 'referral'], completedBy: { id: world.staff.visitorId } });
    const again = await hv.post(`/api/tasks/${decision.id}/complete`, { version: decision.version + 1, note: 'Igen', decision: ['referral'] });
    expect(again.status).toBe(409);
    expect(((await again.json()) as ProblemJson).code).toBe('tasks.already_completed');
    expect((await mine('hv')).tasks.map((t) => t.id)).not.toContain(decision.id);
    const audit = await world.db.selectFrom('audit_log').select(['subject_ids', 'detail']).where('action', '=', 'update').where('category', '=', 'health').execute();
    expect(audit.some((a) => a.subject_ids.includes(child) && JSON.stringify(a.detail).includes(decision.id))).toBe(true);
  });

  it('a positive ADBB more than 30 days after the previous positive starts over with a repeat task; m-ADBB never confirms an ADBB', async () => {
    const child = await childAged(world, 8);
    await record(child, { instrument: 'adbb', answers: ADBB_POSITIVE, observedOn: daysFromToday(-45) });
    await record(child, { instrument: 'm-adbb', answers: [2, 2, 0, 0, 0], observedOn: daysFromToday(-5) });
    await record(child, { instrument: 'adbb', answers: ADBB_POSITIVE });
    const kinds = (await tasksOf(child)).map((t) => t.kind);
    expect(kinds).not.toContain('decision');
    expect(kinds.filter((k) => k === 'adbb_repeat')).toHaveLength(3);
  });

  it('E6: an EPDS at or above the cut-off without item-10 risk creates a rescreen task in about 2 weeks; the next EPDS by that parent completes it', async () => {
    const child = await childAged(world, 2);
    const father = await makeParent(world.db, world.municipality.id, child, 'father', 'Frode');
    const mother = await makeParent(world.db, world.municipality.id, child, 'mother', 'Maja');
    const s = await record(child, epdsBody(father, epds(10), 'father'));
    expect(s).toMatchObject({ positive: true, urgent: false });
    const [rescreen] = await tasksOf(child);
    expect(rescreen).toMatchObject({ kind: 'epds_rescreen', dueOn: addDays(today(), 14), urgent: false, personId: father, assignee: { id: world.staff.visitorId } });
    // Below the cut-off: nothing more; the mother's EPDS does not complete the father's task.
    const motherLow = await record(child, epdsBody(mother, epds(10)));
    expect(motherLow.followUp).toEqual({ taskIds: [], flagId: null, completedTaskIds: [] });
    const next = await record(child, epdsBody(father, epds(4), 'father'));
    expect(next.followUp?.completedTaskIds).toEqual([rescreen.id]);
  });

  it('E3: item 10 = 1 raises an urgent flag on the parent and child and same-day urgent tasks for the health visitor and the manager, whatever the total', async () => {
    const child = await childAged(world, 2, { firstName: 'Ulrik' });
    const mother = await makeParent(world.db, world.municipality.id, child, 'mother', 'Ursula');
    const s = await record(child, epdsBody(mother, epds(12, 1)));
    expect(s).toMatchObject({ total: 12, positive: true, urgent: true });
    expect(s.followUp?.flagId).toBeTruthy();

    const tasks = await tasksOf(child);
    expect(tasks.map((t) => [t.kind, t.assignee.id, t.dueOn, t.urgent, t.personId]).sort()).toEqual(
      [
        ['epds_urgent', world.staff.visitorId, today(), true, mother],
        ['epds_urgent', world.staff.managerId, today(), true, mother],
      ].sort(),
    );
    expect(tasks.map((t) => t.kind)).not.toContain('epds_rescreen');

    for (const username of ['hv', 'leder']) {
      const list = await mine(username);
      const urgent = list.tasks.find((t) => t.childId === child);
      expect(urgent, username).toMatchObject({ kind: 'epds_urgent', urgent: true, dueOn: today(), childName: 'Ulrik Jensen' });
      expect(list.tasks[0].urgent, `${username}: urgent first`).toBe(true);
      expect(list.flags.map((f) => f.id), username).toContain(s.followUp?.flagId);
      expect(list.counts.urgent).toBeGreaterThanOrEqual(1);
      expect(list.counts.dueToday).toBeGreaterThanOrEqual(1);
    }
    const hv = await world.as('hv');
    const flags = ((await (await hv.get(`/api/children/${child}/flags`)).json()) as { items: FlagJson[] }).items;
    expect(flags).toEqual([expect.objectContaining({ kind: 'epds_self_harm', severity: 'urgent', childId: child, personId: mother, status: 'open' })]);
    // Min dag's reads are audited with the child and the parent.
    const audit = await world.db.selectFrom('audit_log').select(['subject_ids', 'purpose']).where('purpose', '=', 'Mine opgaver').execute();
    expect(audit.some((a) => a.subject_ids.includes(child) && a.subject_ids.includes(mother))).toBe(true);
  });

  it('E3: an incomplete EPDS with item 10 above 0 is still urgent', async () => {
    const child = await childAged(world, 3);
    const coParent = await makeParent(world.db, world.municipality.id, child, 'co_parent', 'Cille');
    const s = await record(child, epdsBody(coParent, [null, 0, null, null, null, null, null, null, null, 2], 'co_parent'));
    expect(s).toMatchObject({ complete: false, total: null, positive: null, urgent: true });
    expect(s.followUp?.flagId).toBeTruthy();
    expect(s.followUp?.taskIds).toHaveLength(2);
  });

  it('resolving a flag needs a note; it then leaves the open lists, and resolving twice is refused', async () => {
    const child = await childAged(world, 2);
    const mother = await makeParent(world.db, world.municipality.id, child);
    const s = await record(child, epdsBody(mother, epds(3, 1)));
    const hv = await world.as('hv');
    const [flag] = ((await (await hv.get(`/api/children/${child}/flags`)).json()) as { items: FlagJson[] }).items;
    expect(flag.id).toBe(s.followUp?.flagId);

    const noNote = await hv.post(`/api/flags/${flag.id}/resolve`, { version: flag.version });
    expect(noNote.status).toBe(400);
    expect(((await noNote.json()) as ProblemJson).errors).toEqual([expect.objectContaining({ field: 'note', code: 'required' })]);
    const empty = await hv.post(`/api/flags/${flag.id}/resolve`, { version: flag.version, note: '' });
    expect(empty.status).toBe(400);
    const stale = await hv.post(`/api/flags/${flag.id}/resolve`, { version: flag.version + 1, note: 'Lægen kontaktet' });
    expect(stale.status).toBe(409);

    const resolved = await hv.post(`/api/flags/${flag.id}/resolve`, { version: flag.version, note: 'Mor set af egen læge samme dag' });
    expect(resolved.status).toBe(200);
    expect(await resolved.json()).toMatchObject({ status: 'resolved', resolutionNote: 'Mor set af egen læge samme dag', resolvedBy: { id: world.staff.visitorId } });
    const again = await hv.post(`/api/flags/${flag.id}/resolve`, { version: flag.version + 1, note: 'Igen' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as ProblemJson).code).toBe('flags.already_resolved');
    expect((await mine('hv')).flags.map((f) => f.id)).not.toContain(flag.id);
    expect((await mine('leder')).flags.map((f) => f.id)).not.toContain(flag.id);
    const audit = await world.db.selectFrom('audit_log').select(['subject_ids', 'detail']).where('action', '=', 'update').where('category', '=', 'health').execute();
    expect(audit.some((a) => a.subject_ids.includes(child) && a.subject_ids.includes(mother) && JSON.stringify(a.detail).includes(flag.id))).toBe(true);
  });

  it('the manager completes their own urgent task with a note; the health visitor’s stays open', async () => {
    const child = await childAged(world, 2);
    const mother = await makeParent(world.db, world.municipality.id, child);
    await record(child, epdsBody(mother, epds(0, 3)));
    const tasks = await tasksOf(child);
    const managers = tasks.find((t) => t.assignee.id === world.staff.managerId)!;
    const leder = await world.as('leder');
    const done = await leder.post(`/api/tasks/${managers.id}/complete`, { version: managers.version, note: 'Sundhedsplejersken har handlet samme dag' });
    expect(done.status).toBe(200);
    const after = await tasksOf(child);
    expect(after.find((t) => t.assignee.id === world.staff.visitorId)?.status).toBe('open');
    expect(after.find((t) => t.id === managers.id)?.status).toBe('done');
  });

  it('a task or flag id that does not exist, or belongs to another municipality’s child, answers 404', async () => {
    const hv = await world.as('hv');
    expect((await hv.post(`/api/tasks/${crypto.randomUUID()}/complete`, { version: 1, note: 'x' })).status).toBe(404);
    expect((await hv.post(`/api/flags/${crypto.randomUUID()}/resolve`, { version: 1, note: 'x' })).status).toBe(404);
  });
});
