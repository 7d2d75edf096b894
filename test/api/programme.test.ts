/**
 * The visit programme through HTTP: a child's planned contacts with windows and
 * statuses, the extended track (joining, leaving, history), the municipality's
 * templates, and who may see any of it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates';
import { shift } from '../../src/domain/visit-schedule';
import { todayInDenmark } from '../../src/server/clock';
import type { Database } from '../../src/server/db/connect';
import { describeEngines, freshDatabase } from '../engines';
import { makeChild, makeStaff, makeUnit, makeWorld } from '../factories';

interface Contact {
  key: string;
  earliest: string;
  latest: string;
  status: string;
  visitId: string | null;
  track: string;
}
interface Programme {
  childId: string;
  source: string;
  contacts: Contact[];
  extendedTrack: {
    current: { id: string; startsOn: string; reason: string; version: number } | null;
    history: { id: string; startsOn: string; endsOn: string; reason: string; endReason: string | null }[];
  };
}

/** Noon on a Danish calendar day, as an ISO instant with the right offset. */
function noonInDenmark(date: string): string {
  const zone = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Copenhagen', timeZoneName: 'longOffset' })
    .formatToParts(new Date(`${date}T12:00:00Z`))
    .find((p) => p.type === 'timeZoneName')?.value;
  return `${date}T12:00:00${zone?.replace('GMT', '') || 'Z'}`;
}

describeEngines('programme', (engine) => {
  let database: Database;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  const today = todayInDenmark();
  const birthDate = addDays(today, -60);
  const expectedDate = addDays(today, 60);
  let bornId: string;
  let expectedId: string;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    world = await makeWorld(database);
    const otherUnit = await makeUnit(world.db, world.municipality, 'health_visiting', 'Sundhedsplejen Syd');
    await makeStaff(world.db, world.municipality, { username: 'hv-syd', name: 'Sofie Syd', unitIds: [otherUnit] });
    bornId = await makeChild(world.db, world.municipality, {
      healthUnitId: world.units.healthUnit,
      healthVisitorId: world.staff.visitorId,
      firstName: 'Alma',
      birthDate,
      enrolledUnitIds: [world.units.nursery],
    });
    expectedId = await makeChild(world.db, world.municipality, { healthUnitId: world.units.healthUnit, expectedDate });
  });
  afterAll(() => database.close());

  const programmeOf = async (childId: string, username = 'hv') => {
    const response = await (await world.as(username)).get(`/api/children/${childId}/programme`);
    expect(response.status).toBe(200);
    return (await response.json()) as Programme;
  };

  it('shows a born child’s contacts with the default windows and today’s statuses', async () => {
    const programme = await programmeOf(bornId);
    expect(programme.source).toBe('default');
    expect(programme.contacts.map((c) => c.key)).toEqual(['establishing', 'first_month', 'two_months', 'four_six_months', 'eight_ten_months']);
    const byKey = Object.fromEntries(programme.contacts.map((c) => [c.key, c]));
    expect(byKey.establishing).toMatchObject({ earliest: addDays(birthDate, 3), latest: addDays(birthDate, 7), status: 'overdue', visitId: null });
    expect(byKey.first_month).toMatchObject({ earliest: addDays(birthDate, 8), latest: shift(birthDate, { months: 1 }), status: 'overdue' });
    expect(byKey.two_months).toMatchObject({ earliest: addDays(birthDate, 56), latest: addDays(birthDate, 84), status: 'due' });
    expect(byKey.four_six_months).toMatchObject({ earliest: shift(birthDate, { months: 4 }), latest: shift(birthDate, { months: 6 }), status: 'upcoming' });
    expect(programme.extendedTrack).toEqual({ current: null, history: [] });
  });

  it('adds the early visit when mother and baby went home within 72 hours', async () => {
    await world.db.updateTable('children').set({ discharged_within_72h: true }).where('person_id', '=', bornId).execute();
    const programme = await programmeOf(bornId);
    expect(programme.contacts[0]).toMatchObject({ key: 'early', earliest: addDays(birthDate, 2), latest: addDays(birthDate, 5), status: 'overdue' });
    await world.db.updateTable('children').set({ discharged_within_72h: false }).where('person_id', '=', bornId).execute();
  });

  it('shows only the pregnancy contact for an expected child, counted back from the expected date', async () => {
    const programme = await programmeOf(expectedId);
    expect(programme.contacts).toHaveLength(1);
    expect(programme.contacts[0]).toMatchObject({
      key: 'pregnancy',
      track: 'pregnancy',
      earliest: addDays(expectedDate, -84),
      latest: addDays(expectedDate, -28),
      status: 'due',
    });
  });

  it('marks a contact done when a visit with its key is done, and links a planned visit', async () => {
    const hv = await world.as('hv');
    const planned = await hv.post(`/api/children/${bornId}/visits`, { templateKey: 'establishing', kind: 'home', plannedAt: noonInDenmark(addDays(today, -55)) });
    expect(planned.status).toBe(201);
    const visit = (await planned.json()) as { id: string; version: number };
    let byKey = Object.fromEntries((await programmeOf(bornId)).contacts.map((c) => [c.key, c]));
    expect(byKey.establishing).toMatchObject({ status: 'overdue', visitId: visit.id });

    expect((await hv.patch(`/api/visits/${visit.id}`, { version: visit.version, status: 'done' })).status).toBe(200);
    byKey = Object.fromEntries((await programmeOf(bornId)).contacts.map((c) => [c.key, c]));
    expect(byKey.establishing).toMatchObject({ status: 'done', visitId: visit.id });
    expect(byKey.first_month.status).toBe('overdue');
  });

  it('puts the family on the extended track, which adds the 18-month and 3-year contacts, and records leaving it', async () => {
    const hv = await world.as('hv');
    const started = await hv.post(`/api/children/${bornId}/extended-track`, { reason: 'Mor har fødselsdepression', startsOn: today });
    expect(started.status).toBe(201);
    const track = (await started.json()) as Programme['extendedTrack'];
    expect(track.current).toMatchObject({ startsOn: today, reason: 'Mor har fødselsdepression', version: 1 });

    const again = await hv.post(`/api/children/${bornId}/extended-track`, { reason: 'Igen' });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'programme.already_extended' });

    let programme = await programmeOf(bornId);
    const extended = programme.contacts.filter((c) => c.track === 'extended');
    expect(extended.map((c) => c.key)).toEqual(['eighteen_months', 'three_years']);
    expect(extended[0]).toMatchObject({ earliest: shift(birthDate, { months: 17 }), latest: shift(birthDate, { months: 19 }), status: 'upcoming' });
    expect(programme.extendedTrack.current?.id).toBe(track.current?.id);

    const stale = await hv.post(`/api/children/${bornId}/extended-track/end`, { reason: 'Trives', version: 7 });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ code: 'conflict.stale_version' });
    const future = await hv.post(`/api/children/${bornId}/extended-track/end`, { reason: 'Trives', version: 1, endsOn: addDays(today, 3) });
    expect(future.status).toBe(400);

    const ended = await hv.post(`/api/children/${bornId}/extended-track/end`, { reason: 'Familien trives nu', version: 1 });
    expect(ended.status).toBe(200);
    programme = await programmeOf(bornId);
    expect(programme.contacts.some((c) => c.track === 'extended')).toBe(false);
    expect(programme.extendedTrack.current).toBeNull();
    expect(programme.extendedTrack.history).toEqual([
      expect.objectContaining({ startsOn: today, endsOn: today, reason: 'Mor har fødselsdepression', endReason: 'Familien trives nu' }),
    ]);

    const notOn = await hv.post(`/api/children/${bornId}/extended-track/end`, { reason: 'Igen', version: 2 });
    expect(notOn.status).toBe(409);
    expect(await notOn.json()).toMatchObject({ code: 'programme.not_extended' });

    // Joining again later is a new period; the old one stays in the history.
    expect((await hv.post(`/api/children/${bornId}/extended-track`, { reason: 'Ny bekymring' })).status).toBe(201);
    programme = await programmeOf(bornId);
    expect(programme.extendedTrack.current?.reason).toBe('Ny bekymring');
    expect(programme.extendedTrack.history).toHaveLength(1);
    const rows = await world.db.selectFrom('extended_track_periods').selectAll().where('child_id', '=', bornId).execute();
    expect(rows).toHaveLength(2);
  });

  it('validates the extended-track reason', async () => {
    const hv = await world.as('hv');
    const empty = await hv.post(`/api/children/${expectedId}/extended-track`, { reason: '' });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ code: 'validation.failed', errors: [expect.objectContaining({ field: 'reason' })] });
    const long = await hv.post(`/api/children/${expectedId}/extended-track`, { reason: 'x'.repeat(501) });
    expect(long.status).toBe(400);
  });

  it('lets any staff member read the programme templates, and only administrators replace them', async () => {
    const ped = await world.as('ped');
    const read = await ped.get('/api/visit-templates');
    expect(read.status).toBe(200);
    const defaults = (await read.json()) as { source: string; templates: { key: string }[] };
    expect(defaults.source).toBe('default');
    expect(defaults.templates).toHaveLength(9);

    const hv = await world.as('hv');
    const refused = await hv.request('PUT', '/api/visit-templates', { templates: defaults.templates });
    expect(refused.status).toBe(403);
  });

  it('validates a replacement programme field by field', async () => {
    const admin = await world.as('admin');
    const template = { key: 'a', labelDa: 'A', labelEn: 'A', track: 'universal', anchor: 'birth', earliest: { days: 3 }, latest: { days: 10 } };
    const empty = await admin.request('PUT', '/api/visit-templates', { templates: [] });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['templates']);

    const bad = await admin.request('PUT', '/api/visit-templates', {
      templates: [
        template,
        { ...template, latest: { days: 2 } },
        { ...template, key: 'b', earliest: { months: 1 }, latest: { days: 30 } },
        { ...template, key: 'c', track: 'pregnancy' },
      ],
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { errors: { field: string; code: string }[] };
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'templates.1.key', code: 'duplicate' }),
        expect.objectContaining({ field: 'templates.1.latest', code: 'end_before_start' }),
        expect.objectContaining({ field: 'templates.2.latest', code: 'end_before_start' }),
        expect.objectContaining({ field: 'templates.3.anchor', code: 'pregnancy_anchor' }),
      ]),
    );
    const tooMany = await admin.request('PUT', '/api/visit-templates', {
      templates: Array.from({ length: 31 }, (_, i) => ({ ...template, key: `k${i}` })),
    });
    expect(tooMany.status).toBe(400);
    expect(((await admin.get('/api/visit-templates').then((r) => r.json())) as { source: string }).source).toBe('default');
  });

  it('uses the municipality’s own programme once it has one, in its order', async () => {
    const admin = await world.as('admin');
    const templates = [
      { key: 'pregnancy', labelDa: 'Graviditetsbesøg', labelEn: 'Pregnancy visit', track: 'pregnancy', anchor: 'expected', earliest: { weeks: -10 }, latest: { weeks: -2 } },
      { key: 'three_weeks', labelDa: '3-ugers besøg', labelEn: '3-week visit', track: 'universal', anchor: 'birth', earliest: { weeks: 3 }, latest: { weeks: 4 } },
      { key: 'two_months', labelDa: '2-måneders besøg', labelEn: '2-month visit', track: 'universal', anchor: 'birth', earliest: { weeks: 8 }, latest: { weeks: 10 } },
    ];
    const put = await admin.request('PUT', '/api/visit-templates', { templates });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ source: 'municipality', templates });

    const programme = await programmeOf(bornId);
    expect(programme.source).toBe('municipality');
    expect(programme.contacts.map((c) => [c.key, c.earliest, c.latest])).toEqual([
      ['three_weeks', addDays(birthDate, 21), addDays(birthDate, 28)],
      ['two_months', addDays(birthDate, 56), addDays(birthDate, 70)],
    ]);
    const audit = await world.db
      .selectFrom('audit_log')
      .select(['action', 'category', 'actor_id'])
      .where('category', '=', 'organisation')
      .where('action', '=', 'update')
      .where('outcome', '=', 'allowed')
      .execute();
    expect(audit).toEqual([{ action: 'update', category: 'organisation', actor_id: world.staff.adminId }]);
    // Back to the defaults for the other tests: the API always wants at least one template, so clear directly.
    await world.db.deleteFrom('visit_templates').execute();
  });

  it('audits every programme read with the child’s id', async () => {
    const rows = await world.db
      .selectFrom('audit_log')
      .select(['action', 'category', 'subject_ids', 'outcome', 'actor_id'])
      .where('category', '=', 'health')
      .where('action', '=', 'read')
      .execute();
    const mine = rows.filter((r) => r.subject_ids.includes(bornId) && r.outcome === 'allowed' && r.actor_id === world.staff.visitorId);
    expect(mine.length).toBeGreaterThan(3);
    expect(rows.some((r) => r.subject_ids.includes(expectedId))).toBe(true);
  });

  it('refuses the pedagogue who has the child in the nursery, and hides the child from another health unit', async () => {
    const ped = await world.as('ped');
    for (const response of [
      await ped.get(`/api/children/${bornId}/programme`),
      await ped.post(`/api/children/${bornId}/extended-track`, { reason: 'Forsøg' }),
      await ped.post(`/api/children/${bornId}/extended-track/end`, { reason: 'Forsøg', version: 1 }),
    ]) {
      expect([403, 404]).toContain(response.status);
      expect(await response.text()).not.toContain('Mor har');
    }
    const other = await world.as('hv-syd');
    const hidden = await other.get(`/api/children/${bornId}/programme`);
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toMatchObject({ code: 'not_found' });
    const denied = await world.db
      .selectFrom('audit_log as a')
      .innerJoin('staff as s', 's.id', 'a.actor_id')
      .select(['a.subject_ids', 'a.category'])
      .where('s.username', '=', 'hv-syd')
      .where('a.outcome', '=', 'denied')
      .execute();
    expect(denied).toEqual([{ subject_ids: [bornId], category: 'health' }]);
  });
});
