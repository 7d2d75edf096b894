/**
 * Min dag and Min uge through HTTP: today's visits, the caseload's contacts
 * that need attention (overdue first) with counts, nothing about children
 * outside the caseload, one audit entry naming every child read, and a
 * caseload of 150 children computed with the same number of queries as 3.
 */
import type { KyselyPlugin } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays, dayOfWeek } from '../../src/domain/dates';
import { buildApp } from '../../src/server/app';
import { todayInDenmark } from '../../src/server/clock';
import { defaultConfig } from '../../src/server/config';
import type { Database } from '../../src/server/db/connect';
import { describeEngines, freshDatabase } from '../engines';
import { makeChild, makeStaff, makeUnit, makeWorld, TestClient } from '../factories';

interface CalendarVisit {
  id: string;
  childId: string;
  childName: string;
  date: string;
  time: string;
  kind: string;
  status: string;
  role: string;
}
interface MyDay {
  date: string;
  units: { name: string }[];
  visits: CalendarVisit[];
  contacts: { childId: string; childName: string; key: string; status: string; earliest: string; latest: string }[];
  counts: { visitsToday: number; overdue: number; dueNow: number; upcoming14Days: number; caseload: number };
  tasks: unknown[];
}

/** A time on a Danish calendar day, as an ISO instant with the right offset. */
function inDenmark(date: string, time: string): string {
  const zone = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Copenhagen', timeZoneName: 'longOffset' })
    .formatToParts(new Date(`${date}T12:00:00Z`))
    .find((p) => p.type === 'timeZoneName')?.value;
  return `${date}T${time}:00${zone?.replace('GMT', '') || 'Z'}`;
}

/** 'DD.MM.YYYY' */
const danish = (date: string) => date.split('-').reverse().join('.');

describeEngines('Min dag', (engine) => {
  let database: Database;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  const today = todayInDenmark();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await freshDatabase(engine);
    world = await makeWorld(database);
    const m = world.municipality;
    const unit = world.units.healthUnit;
    const hv = world.staff.visitorId;
    ids.colleague = await makeStaff(world.db, m, { username: 'hv2', name: 'Karen Kollega', unitIds: [unit] });
    await makeStaff(world.db, m, { username: 'leder', name: 'Lene Leder', profession: 'manager', unitIds: [unit] });
    const otherUnit = await makeUnit(world.db, m, 'health_visiting', 'Sundhedsplejen Syd');
    ids.other = await makeStaff(world.db, m, { username: 'hv-syd', name: 'Sofie Syd', unitIds: [otherUnit] });
    // On hv's caseload: A (60 days old, establishing visit done), B (expected in 60 days), E (50 days old).
    ids.a = await makeChild(world.db, m, { healthUnitId: unit, healthVisitorId: hv, firstName: 'Alma', lastName: 'Andersen', birthDate: addDays(today, -60), enrolledUnitIds: [world.units.nursery] });
    ids.b = await makeChild(world.db, m, { healthUnitId: unit, healthVisitorId: hv, expectedDate: addDays(today, 60) });
    ids.e = await makeChild(world.db, m, { healthUnitId: unit, healthVisitorId: hv, firstName: 'Emil', lastName: 'Eriksen', birthDate: addDays(today, -50) });
    // Not hv's: a colleague's child in the same unit, and a child of another unit.
    ids.c = await makeChild(world.db, m, { healthUnitId: unit, healthVisitorId: ids.colleague, firstName: 'Carla', lastName: 'Colleaguesen', birthDate: addDays(today, -60) });
    ids.d = await makeChild(world.db, m, { healthUnitId: otherUnit, healthVisitorId: ids.other, firstName: 'Dennis', lastName: 'Dalby', birthDate: addDays(today, -60) });

    const client = await world.as('hv');
    const plan = async (childId: string, body: Record<string, unknown>) => {
      const response = await client.post(`/api/children/${childId}/visits`, body);
      expect(response.status).toBe(201);
      return (await response.json()) as { id: string; version: number };
    };
    const establishing = await plan(ids.a, { templateKey: 'establishing', kind: 'home', plannedAt: inDenmark(addDays(today, -55), '10:00') });
    expect((await client.patch(`/api/visits/${establishing.id}`, { version: 1, status: 'done' })).status).toBe(200);
    ids.todayVisit = (await plan(ids.a, { templateKey: 'two_months', kind: 'cross_professional_home', plannedAt: inDenmark(today, '10:30'), participantIds: [world.staff.pedagogueId] })).id;
    ids.tomorrowVisit = (await plan(ids.e, { kind: 'clinic', plannedAt: inDenmark(addDays(today, 1), '09:00') })).id;
    await plan(ids.e, { kind: 'clinic', plannedAt: inDenmark(addDays(today, -1), '23:30') });
    const colleague = await world.as('hv2');
    expect((await colleague.post(`/api/children/${ids.c}/visits`, { kind: 'home', plannedAt: inDenmark(today, '11:00') })).status).toBe(201);
  });
  afterAll(() => database.close());

  const myDay = async (client: TestClient) => {
    const response = await client.get('/api/my-day');
    expect(response.status).toBe(200);
    return { body: (await response.json()) as MyDay, requestId: response.headers.get('x-request-id') ?? '' };
  };

  it('shows the health visitor today’s visit with the child’s name, time, kind and status', async () => {
    const { body } = await myDay(await world.as('hv'));
    expect(body.date).toBe(today);
    expect(body.units.map((u) => u.name)).toEqual(['Sundhedsplejen Test']);
    expect(body.visits).toEqual([
      expect.objectContaining({
        id: ids.todayVisit,
        childId: ids.a,
        childName: 'Alma Andersen',
        date: today,
        time: '10:30',
        kind: 'cross_professional_home',
        status: 'planned',
        role: 'responsible',
      }),
    ]);
    expect(body.tasks).toEqual([]);
  });

  it('lists the caseload’s contacts that need attention, overdue first, with correct counts', async () => {
    const { body } = await myDay(await world.as('hv'));
    const summary = body.contacts.map((c) => `${c.status} ${c.childName} ${c.key}`);
    expect(summary).toEqual([
      'overdue Emil Eriksen establishing',
      'overdue Alma Andersen first_month',
      'overdue Emil Eriksen first_month',
      'due Alma Andersen two_months',
      `due Forventet barn (termin ${danish(addDays(today, 60))}) pregnancy`,
      'upcoming Emil Eriksen two_months',
    ]);
    expect(body.counts).toEqual({ visitsToday: 1, overdue: 3, dueNow: 2, upcoming14Days: 1, caseload: 3 });
    const upcoming = body.contacts.find((c) => c.status === 'upcoming');
    expect(upcoming).toMatchObject({ childId: ids.e, earliest: addDays(today, 6) });
  });

  it('says nothing about children outside the caseload', async () => {
    const response = await (await world.as('hv')).get('/api/my-day');
    const text = await response.text();
    for (const secret of [ids.c, ids.d, 'Carla', 'Dennis']) expect(text).not.toContain(secret);
  });

  it('writes one audit entry naming every child whose health data it read', async () => {
    const { requestId } = await myDay(await world.as('hv'));
    const rows = await world.db
      .selectFrom('audit_log')
      .select(['action', 'category', 'subject_ids', 'outcome', 'purpose'])
      .where('request_id', '=', requestId)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'read', category: 'health', outcome: 'allowed' });
    expect([...rows[0].subject_ids].sort()).toEqual([ids.a, ids.b, ids.e].sort());
  });

  it('gives a manager every child of their health-visiting unit', async () => {
    const { body } = await myDay(await world.as('leder'));
    expect(body.counts.caseload).toBe(4);
    expect(new Set(body.contacts.map((c) => c.childId))).toEqual(new Set([ids.a, ids.b, ids.c, ids.e]));
    expect(body.visits).toEqual([]);
  });

  it('shows the pedagogue the cross-professional visit they take part in, and no caseload', async () => {
    const { body, requestId } = await myDay(await world.as('ped'));
    expect(body.visits).toEqual([expect.objectContaining({ id: ids.todayVisit, role: 'participant', childName: 'Alma Andersen' })]);
    expect(body.contacts).toEqual([]);
    expect(body.counts).toEqual({ visitsToday: 1, overdue: 0, dueNow: 0, upcoming14Days: 0, caseload: 0 });
    const rows = await world.db.selectFrom('audit_log').select(['subject_ids']).where('request_id', '=', requestId).execute();
    expect(rows).toEqual([{ subject_ids: [ids.a] }]);
  });

  it('shows another health unit’s visitor only their own caseload', async () => {
    const { body } = await myDay(await world.as('hv-syd'));
    expect(body.counts.caseload).toBe(1);
    expect(new Set(body.contacts.map((c) => c.childId))).toEqual(new Set([ids.d]));
  });

  it('keeps an administrator’s day free of health data', async () => {
    const { body, requestId } = await myDay(await world.as('admin'));
    expect(body.visits).toEqual([]);
    expect(body.contacts).toEqual([]);
    expect(body.counts.caseload).toBe(0);
    const rows = await world.db.selectFrom('audit_log').select('category').where('request_id', '=', requestId).execute();
    expect(rows).toEqual([]);
  });

  it('shows the week’s visits by day, from this week’s Monday unless told otherwise', async () => {
    const hv = await world.as('hv');
    const response = await hv.get('/api/my-week');
    expect(response.status).toBe(200);
    const week = (await response.json()) as { start: string; end: string; days: { date: string; visits: CalendarVisit[] }[] };
    expect(dayOfWeek(week.start)).toBe(1);
    expect(week.days).toHaveLength(7);
    expect(week.end).toBe(addDays(week.start, 6));
    expect(week.days.find((d) => d.date === today)?.visits.map((v) => v.id)).toEqual([ids.todayVisit]);

    const fromToday = (await (await hv.get(`/api/my-week?start=${today}`)).json()) as typeof week;
    expect(fromToday.days.map((d) => d.date)).toEqual(Array.from({ length: 7 }, (_, i) => addDays(today, i)));
    expect(fromToday.days[0].visits.map((v) => v.id)).toEqual([ids.todayVisit]);
    expect(fromToday.days[1].visits).toEqual([expect.objectContaining({ id: ids.tomorrowVisit, childName: 'Emil Eriksen', time: '09:00' })]);
    // 23:30 Danish time yesterday belongs to yesterday, whatever the UTC date.
    const fromYesterday = (await (await hv.get(`/api/my-week?start=${addDays(today, -1)}`)).json()) as typeof week;
    expect(fromYesterday.days[0].visits.map((v) => v.time)).toEqual(['23:30']);

    const bad = await hv.get('/api/my-week?start=2026-13-01');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'validation.failed', errors: [expect.objectContaining({ field: 'start' })] });
    expect((await world.client().get('/api/my-week')).status).toBe(401);
  });

  it('computes a caseload of 150 children with the same number of queries as a caseload of 3', async () => {
    let queries = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => {
        queries++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const counted = buildApp({ ...database, db: database.db.withPlugin(counter) }, defaultConfig);
    const client = await new TestClient(counted).signIn('hv');
    const measure = async () => {
      queries = 0;
      const { body } = await myDay(client);
      return { queries, caseload: body.counts.caseload };
    };
    const small = await measure();
    expect(small.caseload).toBe(3);
    expect(small.queries).toBeGreaterThan(5); // the counter sees the request's queries, transaction included

    const m = world.municipality;
    const people = Array.from({ length: 147 }, (_, i) => ({ id: uuidv7(), birthDate: addDays(today, -(i * 5)) }));
    await world.db
      .insertInto('persons')
      .values(people.map((p, i) => ({ id: p.id, municipality_id: m.id, first_name: `Barn${i}`, last_name: 'Masse', birth_date: p.birthDate })))
      .execute();
    await world.db.insertInto('children').values(people.map((p) => ({ person_id: p.id, status: 'born' as const }))).execute();
    await world.db
      .insertInto('caseload_assignments')
      .values(people.map((p) => ({ id: uuidv7(), child_id: p.id, unit_id: world.units.healthUnit, staff_id: world.staff.visitorId, starts_on: '2026-01-01' })))
      .execute();
    await world.db
      .insertInto('visits')
      .values(people.map((p) => ({ id: uuidv7(), child_id: p.id, template_key: 'establishing', kind: 'home', status: 'done', planned_at: new Date(`${addDays(p.birthDate, 4)}T10:00:00Z`), staff_id: world.staff.visitorId })))
      .execute();

    const large = await measure();
    expect(large.caseload).toBe(150);
    expect(large.queries).toBe(small.queries);
    await client.post('/api/auth/logout');
  });
});
