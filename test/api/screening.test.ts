/**
 * Screening through HTTP on both engines: instrument definitions, cut-offs and
 * licensed texts; recording ADBB, m-ADBB and EPDS by the rules of domain.md §8
 * (A1–A7, E1–E7); who may see screening data; the audit trail; FHIR; the
 * unit's coverage overview. Follow-up tasks and flags: screening-follow-up.test.ts.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/connect';
import { describeEngines, freshDatabase } from '../engines';
import { makeChild, makeMunicipality, makeStaff, makeUnit } from '../factories';
import { expectProblem } from '../http';
import {
  ADBB_NEGATIVE,
  ADBB_POSITIVE,
  bornMonthsAgo,
  childAged,
  daysFromToday,
  epds,
  makeParent,
  makeScreeningWorld,
  type ScreeningJson,
  today,
} from '../screening-fixtures';

interface InstrumentJson {
  id: string;
  version: string;
  items: { number: number; topicDa: string; topicEn: string; minScore: number; maxScore: number; reverseScored: boolean; text: string | null; options: string[] | null }[];
  ageRangeMonths: { min: number; max: number } | null;
  requiredCertification: string | null;
  respondentRoles: string[] | null;
  thresholds: { default: number; byRole: Record<string, number> | null; source: string; version: number };
  texts: { language: string; version: string } | null;
  textLanguages: string[];
}

/** A made-up stand-in for licensed wording: it must appear only where a municipality loaded it. */
const LICENSED = (n: number) => `Licenseret testtekst ${n} – qzx`;

describeEngines('screening', (engine) => {
  let database: Database;
  let world: Awaited<ReturnType<typeof makeScreeningWorld>>;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    world = await makeScreeningWorld(database);
  });
  afterAll(() => database.close());

  const record = async (username: string, childId: string, body: Record<string, unknown>) => {
    const client = await world.as(username);
    return client.post(`/api/children/${childId}/screenings`, { observedOn: today(), ...body });
  };
  const created = async (response: Response) => {
    const text = await response.text();
    expect(response.status, text).toBe(201);
    return JSON.parse(text) as ScreeningJson;
  };

  // ---- Definitions ---------------------------------------------------------------

  it('lists the three instruments as data: items with topic labels, ranges, reverse scoring, ages, certification, defaults', async () => {
    const hv = await world.as('hv');
    const { items } = (await (await hv.get('/api/instruments')).json()) as { items: InstrumentJson[] };
    const byId = Object.fromEntries(items.map((i) => [i.id, i]));
    expect(Object.keys(byId)).toEqual(['adbb', 'm-adbb', 'epds']);
    expect(byId.adbb).toMatchObject({ version: 'ADBB-8/2001', ageRangeMonths: { min: 2, max: 24 }, requiredCertification: 'adbb', respondentRoles: null });
    expect(byId.adbb.items).toHaveLength(8);
    expect(byId.adbb.items[0]).toEqual({ number: 1, topicDa: 'Ansigtsudtryk', topicEn: 'Facial expression', minScore: 0, maxScore: 4, reverseScored: false, text: null, options: null });
    expect(byId.adbb.thresholds).toEqual({ default: 5, byRole: null, source: 'domain', version: 0 });
    expect(byId['m-adbb']).toMatchObject({ requiredCertification: null, thresholds: { default: 2 } });
    expect(byId['m-adbb'].items.map((i) => i.maxScore)).toEqual([2, 2, 2, 2, 2]);
    expect(byId.epds.thresholds.byRole).toEqual({ mother: 11, father: 10, co_parent: 10 });
    expect(byId.epds.items.filter((i) => i.reverseScored).map((i) => i.number)).toEqual([3, 5, 6, 7, 8, 9, 10]);
    expect(byId.epds.respondentRoles).toEqual(['mother', 'father', 'co_parent']);
  });

  it('never returns licensed texts a municipality has not loaded; loaded texts appear in their language only, for that municipality only', async () => {
    const admin = await world.as('admin');
    const hv = await world.as('hv');
    const before = (await (await hv.get('/api/instruments?language=da')).json()) as { items: InstrumentJson[] };
    for (const instrument of before.items) {
      expect(instrument.texts).toBeNull();
      expect(instrument.textLanguages).toEqual([]);
      expect(instrument.items.every((i) => i.text === null && i.options === null)).toBe(true);
    }

    const items = Array.from({ length: 10 }, (_, i) => ({ number: i + 1, text: LICENSED(i + 1), options: ['A', 'B', 'C', 'D'] }));
    // Only administrators load texts; the item numbers are checked against the definition.
    await expectProblem(await hv.request('PUT', '/api/instruments/epds/texts', { language: 'da', version: 'DK 2024', items }), 403);
    const missing = await expectProblem(await admin.request('PUT', '/api/instruments/epds/texts', { language: 'da', version: 'DK 2024', items: items.slice(0, 8) }), 400);
    expect(missing.errors).toEqual([expect.objectContaining({ field: 'items', code: 'missing_items', message: 'Der mangler tekst til punkt 9, 10.' })]);
    const unknown = await expectProblem(
      await admin.request('PUT', '/api/instruments/epds/texts', { language: 'da', version: 'DK 2024', items: [...items, { number: 11, text: 'x' }] }),
      400,
    );
    expect(unknown.errors).toEqual([expect.objectContaining({ field: 'items.10.number', code: 'unknown_item' })]);
    const duplicate = await expectProblem(
      await admin.request('PUT', '/api/instruments/epds/texts', { language: 'da', version: 'DK 2024', items: [...items, { number: 3, text: 'x' }] }),
      400,
    );
    expect(duplicate.errors).toEqual([expect.objectContaining({ field: 'items.10.number', code: 'duplicate' })]);
    const options = await expectProblem(
      await admin.request('PUT', '/api/instruments/epds/texts', { language: 'da', version: 'DK 2024', items: items.map((i) => ({ ...i, options: i.number === 2 ? ['A'] : i.options })) }),
      400,
    );
    expect(options.errors).toEqual([expect.objectContaining({ field: 'items.1.options', code: 'option_count' })]);
    expect((await (await hv.get('/api/instruments/epds?language=da')).json()) as InstrumentJson).toMatchObject({ texts: null });

    const loaded = await admin.request('PUT', '/api/instruments/epds/texts', { language: 'da', version: 'DK 2024', items: [...items].reverse() });
    expect(loaded.status).toBe(200);
    const epdsDa = (await (await hv.get('/api/instruments/epds?language=da')).json()) as InstrumentJson;
    expect(epdsDa.texts).toMatchObject({ language: 'da', version: 'DK 2024' });
    expect(epdsDa.items.map((i) => i.text)).toEqual(items.map((i) => i.text));
    expect(epdsDa.items[0].options).toEqual(['A', 'B', 'C', 'D']);
    expect(epdsDa.textLanguages).toEqual(['da']);
    // The request's language is the default.
    const all = (await (await hv.get('/api/instruments')).json()) as { items: InstrumentJson[] };
    expect(all.items.find((i) => i.id === 'epds')?.items[9].text).toBe(LICENSED(10));
    expect(all.items.find((i) => i.id === 'adbb')?.texts).toBeNull();
    const epdsEn = (await (await hv.get('/api/instruments/epds?language=en')).json()) as InstrumentJson;
    expect(epdsEn.texts).toBeNull();
    expect(JSON.stringify(epdsEn)).not.toContain('qzx');
    // The FHIR export never carries them.
    expect(await (await hv.get('/api/instruments/epds/fhir')).text()).not.toContain('qzx');

    // Another municipality sees none of them.
    const other = await makeMunicipality(world.db, 'Andenby Kommune');
    await makeStaff(world.db, other, { username: 'admin-andenby', profession: 'administrator' });
    const otherAdmin = await world.as('admin-andenby');
    expect(await (await otherAdmin.get('/api/instruments?language=da')).text()).not.toContain('qzx');

    // Loading is audited without the wording.
    const audit = await world.db.selectFrom('audit_log').select(['category', 'detail']).where('action', '=', 'update').where('category', '=', 'organisation').execute();
    expect(audit.some((a) => JSON.stringify(a.detail).includes('"instrumentTexts":"epds"'))).toBe(true);
    expect(JSON.stringify(audit)).not.toContain('qzx');
  });

  // ---- ADBB: certification (A6) ----------------------------------------------------

  const certificationCases = [
    { who: 'a certified health visitor', username: 'hv', instrument: 'adbb', status: 201 },
    { who: 'an uncertified colleague', username: 'hv-uncert', instrument: 'adbb', status: 403 },
    { who: 'a colleague whose certification has expired', username: 'hv-expired', instrument: 'adbb', status: 403 },
    { who: 'an uncertified colleague (m-ADBB needs no certification)', username: 'hv-uncert', instrument: 'm-adbb', status: 201 },
  ] as const;
  for (const c of certificationCases) {
    it(`A6: ${c.who} recording ${c.instrument} → ${c.status}`, async () => {
      const child = await childAged(world, 4);
      const answers = c.instrument === 'adbb' ? ADBB_NEGATIVE : [0, 0, 0, 0, 0];
      const response = await record(c.username, child, { instrument: c.instrument, answers });
      if (c.status === 201) {
        await created(response);
        return;
      }
      const body = await expectProblem(response, 403);
      expect(body.code).toBe('screening.certification_required');
      expect(body.title).toBe('Du skal have en gyldig ADBB-certificering på observationsdatoen for at registrere en ADBB.');
      const count = await world.db.selectFrom('screenings').select('id').where('child_id', '=', child).execute();
      expect(count).toEqual([]);
      const denied = await world.db.selectFrom('audit_log').select(['category', 'subject_ids']).where('outcome', '=', 'denied').where('action', '=', 'create').execute();
      expect(denied).toContainEqual({ category: 'health', subject_ids: [child] });
    });
  }

  it('A6: the certification must be valid on the observation date, and the refusal speaks English when asked', async () => {
    const child = await childAged(world, 6);
    // hv-expired was certified until 30 days ago: an observation 40 days ago is fine.
    await created(await record('hv-expired', child, { instrument: 'adbb', answers: ADBB_NEGATIVE, observedOn: daysFromToday(-40) }));
    const client = await world.as('hv-uncert');
    client.language = 'en';
    const body = await expectProblem(await client.post(`/api/children/${child}/screenings`, { instrument: 'adbb', observedOn: today(), answers: ADBB_NEGATIVE }), 403);
    expect(body.title).toBe('You need an ADBB certification that is valid on the observation date to record an ADBB.');
  });

  // ---- ADBB: age window (A4), items (A1, A2, A7) ---------------------------------

  const ageCases = [
    { months: 1, ok: false },
    { months: 2, ok: true },
    { months: 13, ok: true },
    { months: 24, ok: true },
    { months: 25, ok: false },
  ];
  for (const c of ageCases) {
    it(`A4: ADBB and m-ADBB for a child of ${c.months} months → ${c.ok ? 'recorded' : 'field error on observedOn'}`, async () => {
      const child = await childAged(world, c.months);
      for (const [instrument, answers] of [['adbb', ADBB_NEGATIVE], ['m-adbb', [0, 0, 0, 0, 0]]] as const) {
        const response = await record('hv', child, { instrument, answers });
        if (c.ok) {
          expect((await created(response)).ageMonths).toBe(c.months);
        } else {
          const body = await expectProblem(response, 400);
          expect(body.errors).toEqual([
            { field: 'observedOn', code: 'age_out_of_range', message: `Barnet skal være 2–24 måneder på observationsdatoen, men var ${c.months} måneder.` },
          ]);
        }
      }
    });
  }

  it('A4: an expected child, an observation before the birth or in the future are refused field by field', async () => {
    const expected = await makeChild(world.db, world.municipality, { healthUnitId: world.units.healthUnit, healthVisitorId: world.staff.visitorId, expectedDate: daysFromToday(60) });
    expect((await expectProblem(await record('hv', expected, { instrument: 'adbb', answers: ADBB_NEGATIVE }), 400)).errors).toEqual([expect.objectContaining({ field: 'observedOn', code: 'not_born' })]);
    const child = await childAged(world, 3);
    const before = await expectProblem(await record('hv', child, { instrument: 'adbb', answers: ADBB_NEGATIVE, observedOn: daysFromToday(-120) }), 400);
    expect(before.errors).toEqual([expect.objectContaining({ field: 'observedOn', code: 'before_birth' })]);
    const future = await expectProblem(await record('hv', child, { instrument: 'adbb', answers: ADBB_NEGATIVE, observedOn: daysFromToday(1) }), 400);
    expect(future.errors?.map((e) => e.code)).toContain('in_future');
  });

  const itemCases = [
    { name: 'A1: ADBB with 7 items', instrument: 'adbb', answers: [0, 0, 0, 0, 0, 0, 0], field: 'answers', code: 'answer_count' },
    { name: 'A1: ADBB item above 4', instrument: 'adbb', answers: [0, 0, 5, 0, 0, 0, 0, 0], field: 'answers.2', code: 'item_range' },
    { name: 'A2: ADBB with an item missing (no partial totals)', instrument: 'adbb', answers: [0, 0, 0, 0, null, 0, 0, 0], field: 'answers.4', code: 'item_required' },
    { name: 'A7: m-ADBB with 8 items', instrument: 'm-adbb', answers: ADBB_NEGATIVE, field: 'answers', code: 'answer_count' },
    { name: 'A7: m-ADBB item above 2', instrument: 'm-adbb', answers: [0, 3, 0, 0, 0], field: 'answers.1', code: 'item_range' },
    { name: 'E1: EPDS item above 3', instrument: 'epds', answers: [0, 0, 0, 0, 0, 0, 0, 0, 4, 0], field: 'answers.8', code: 'item_range' },
    { name: 'E1: EPDS with 9 items', instrument: 'epds', answers: [0, 0, 0, 0, 0, 0, 0, 0, 0], field: 'answers', code: 'answer_count' },
  ] as const;
  for (const c of itemCases) {
    it(`${c.name} → 400 ${c.code}`, async () => {
      const child = await childAged(world, 4);
      const parent = await makeParent(world.db, world.municipality.id, child);
      const extra = c.instrument === 'epds' ? { respondentRole: 'mother', respondentId: parent, timepoint: 'postnatal', language: 'da' } : {};
      const body = await expectProblem(await record('hv', child, { instrument: c.instrument, answers: c.answers, ...extra }), 400);
      expect(body.errors).toEqual([expect.objectContaining({ field: c.field, code: c.code })]);
      expect(await world.db.selectFrom('screenings').select('id').where('child_id', '=', child).execute()).toEqual([]);
    });
  }

  const adbbScoreCases = [
    { instrument: 'adbb', answers: ADBB_POSITIVE, total: 5, positive: true, threshold: 5, version: 'ADBB-8/2001' },
    { instrument: 'adbb', answers: ADBB_NEGATIVE, total: 4, positive: false, threshold: 5, version: 'ADBB-8/2001' },
    { instrument: 'adbb', answers: [4, 4, 4, 4, 4, 4, 4, 4], total: 32, positive: true, threshold: 5, version: 'ADBB-8/2001' },
    { instrument: 'm-adbb', answers: [1, 1, 0, 0, 0], total: 2, positive: true, threshold: 2, version: 'm-ADBB-5/2005' },
    { instrument: 'm-adbb', answers: [1, 0, 0, 0, 0], total: 1, positive: false, threshold: 2, version: 'm-ADBB-5/2005' },
  ] as const;
  for (const c of adbbScoreCases) {
    it(`A2/A3/A7: ${c.instrument} ${JSON.stringify(c.answers)} → total ${c.total}, ${c.positive ? 'positive' : 'negative'}, stored with version and cut-off`, async () => {
      const child = await childAged(world, 5);
      const s = await created(await record('hv', child, { instrument: c.instrument, answers: c.answers }));
      expect(s).toMatchObject({ instrument: c.instrument, complete: true, total: c.total, positive: c.positive, urgent: false, threshold: c.threshold, definitionVersion: c.version });
      const row = await world.db.selectFrom('screenings').select(['definition_version', 'threshold', 'total']).where('id', '=', s.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ definition_version: c.version, threshold: c.threshold, total: c.total });
    });
  }

  it('A3: a municipality cut-off changes positivity from then on; earlier results keep the cut-off they were scored with', async () => {
    const admin = await world.as('admin');
    const hv = await world.as('hv');
    const child = await childAged(world, 5);
    const before = await created(await record('hv', child, { instrument: 'adbb', answers: ADBB_POSITIVE, observedOn: daysFromToday(-40) }));
    expect(before).toMatchObject({ positive: true, threshold: 5 });

    // Only administrators; only EPDS has roles; at most the instrument's maximum total.
    await expectProblem(await hv.request('PUT', '/api/instruments/adbb/thresholds', { version: 0, default: 6 }), 403);
    const roles = await expectProblem(await admin.request('PUT', '/api/instruments/adbb/thresholds', { version: 0, default: 6, byRole: { mother: 6 } }), 400);
    expect(roles.errors).toEqual([expect.objectContaining({ field: 'byRole', code: 'not_applicable' })]);
    const big = await expectProblem(await admin.request('PUT', '/api/instruments/adbb/thresholds', { version: 0, default: 33 }), 400);
    expect(big.errors).toEqual([expect.objectContaining({ field: 'default', code: 'too_big' })]);

    const set = await admin.request('PUT', '/api/instruments/adbb/thresholds', { version: 0, default: 6 });
    expect(set.status).toBe(200);
    expect(((await set.json()) as InstrumentJson).thresholds).toEqual({ default: 6, byRole: null, source: 'municipality', version: 1 });
    // A second writer with the version read earlier is refused.
    expect((await expectProblem(await admin.request('PUT', '/api/instruments/adbb/thresholds', { version: 0, default: 7 }), 409)).code).toBe('conflict.stale_version');
    try {
      const after = await created(await record('hv', child, { instrument: 'adbb', answers: ADBB_POSITIVE }));
      expect(after).toMatchObject({ total: 5, positive: false, threshold: 6 });
      const six = await created(await record('hv', child, { instrument: 'adbb', answers: [1, 1, 1, 1, 1, 1, 0, 0] }));
      expect(six).toMatchObject({ total: 6, positive: true, threshold: 6 });
      const list = (await (await hv.get(`/api/children/${child}/screenings`)).json()) as { adbb: { cutOff: number; items: ScreeningJson[] } };
      expect(list.adbb.cutOff).toBe(6);
      expect(list.adbb.items.map((s) => [s.total, s.threshold, s.positive])).toEqual([
        [5, 5, true],
        [5, 6, false],
        [6, 6, true],
      ]);
    } finally {
      const restore = await admin.request('PUT', '/api/instruments/adbb/thresholds', { version: 1, default: 5 });
      expect(restore.status).toBe(200);
    }
  });

  // ---- EPDS (E1–E7) ----------------------------------------------------------------

  const epdsCutOffCases = [
    { role: 'mother', relation: 'mother', total: 11, positive: true, threshold: 11 },
    { role: 'mother', relation: 'mother', total: 10, positive: false, threshold: 11 },
    { role: 'father', relation: 'father', total: 10, positive: true, threshold: 10 },
    { role: 'father', relation: 'father', total: 9, positive: false, threshold: 10 },
    { role: 'co_parent', relation: 'co_parent', total: 10, positive: true, threshold: 10 },
    { role: 'co_parent', relation: 'co_parent', total: 9, positive: false, threshold: 10 },
  ] as const;
  for (const c of epdsCutOffCases) {
    it(`E4: EPDS ${c.role} total ${c.total} → ${c.positive ? 'positive' : 'negative'} (cut-off ${c.threshold})`, async () => {
      const child = await childAged(world, 2);
      const parent = await makeParent(world.db, world.municipality.id, child, c.relation);
      const s = await created(
        await record('hv', child, { instrument: 'epds', respondentRole: c.role, respondentId: parent, timepoint: 'postnatal', language: 'da', answers: epds(c.total) }),
      );
      expect(s).toMatchObject({ complete: true, total: c.total, positive: c.positive, urgent: false, threshold: c.threshold, definitionVersion: 'EPDS-10/1987' });
    });
  }

  it('E4: a municipality can set EPDS cut-offs per role (legacy 13 for mothers, father left at the default)', async () => {
    const admin = await world.as('admin');
    const set = await admin.request('PUT', '/api/instruments/epds/thresholds', { version: 0, default: 10, byRole: { mother: 13 } });
    expect(((await set.json()) as InstrumentJson).thresholds).toEqual({ default: 10, byRole: { mother: 13, father: 10, co_parent: 10 }, source: 'municipality', version: 1 });
    try {
      const child = await childAged(world, 2);
      const mother = await makeParent(world.db, world.municipality.id, child, 'mother');
      const s = await created(await record('hv', child, { instrument: 'epds', respondentRole: 'mother', respondentId: mother, timepoint: 'postnatal', language: 'da', answers: epds(12) }));
      expect(s).toMatchObject({ total: 12, positive: false, threshold: 13 });
    } finally {
      await admin.request('PUT', '/api/instruments/epds/thresholds', { version: 1, default: 11, byRole: { mother: 11, father: 10, co_parent: 10 } });
    }
  });

  it('E7: stores role, respondent, timepoint with pregnancy week or child age, language and who administered it', async () => {
    const expected = await makeChild(world.db, world.municipality, { healthUnitId: world.units.healthUnit, healthVisitorId: world.staff.visitorId, expectedDate: daysFromToday(60) });
    const father = await makeParent(world.db, world.municipality.id, expected, 'father', 'Frank');
    const pregnancy = await created(
      await record('hv', expected, { instrument: 'epds', respondentRole: 'father', respondentId: father, timepoint: 'pregnancy', pregnancyWeek: 30, language: 'en', answers: epds(3) }),
    );
    expect(pregnancy).toMatchObject({ timepoint: 'pregnancy', pregnancyWeek: 30, ageMonths: null, language: 'en', respondent: { id: father, name: 'Frank Forælder', role: 'father' } });
    const row = await world.db.selectFrom('screenings').select(['recorded_by', 'respondent_role']).where('id', '=', pregnancy.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ recorded_by: world.staff.visitorId, respondent_role: 'father' });

    const child = await childAged(world, 2);
    const mother = await makeParent(world.db, world.municipality.id, child);
    const postnatal = await created(await record('hv', child, { instrument: 'epds', respondentRole: 'mother', respondentId: mother, timepoint: 'postnatal', language: 'da', answers: epds(3) }));
    expect(postnatal).toMatchObject({ timepoint: 'postnatal', ageMonths: 2, pregnancyWeek: null });
  });

  it('E7: refuses a missing role, timepoint, week or language, a respondent not related to the child, and a postnatal EPDS before the birth', async () => {
    const child = await childAged(world, 2);
    const stranger = await makeParent(world.db, world.municipality.id, await childAged(world, 3));
    const missing = await expectProblem(await record('hv', child, { instrument: 'epds', answers: epds(3) }), 400);
    expect(missing.errors?.map((e) => [e.field, e.code])).toEqual([
      ['respondentRole', 'required'],
      ['respondentId', 'required'],
      ['timepoint', 'required'],
      ['language', 'required'],
    ]);
    const week = await expectProblem(await record('hv', child, { instrument: 'epds', respondentRole: 'mother', respondentId: stranger, timepoint: 'pregnancy', language: 'da', answers: epds(3) }), 400);
    expect(week.errors).toEqual([expect.objectContaining({ field: 'pregnancyWeek', code: 'required' })]);
    const notRelated = await expectProblem(await record('hv', child, { instrument: 'epds', respondentRole: 'mother', respondentId: stranger, timepoint: 'postnatal', language: 'da', answers: epds(3) }), 400);
    expect(notRelated.errors).toEqual([expect.objectContaining({ field: 'respondentId', code: 'not_related', message: 'Besvarer skal være en voksen, der er tilknyttet barnet.' })]);
    const onAdbb = await expectProblem(await record('hv', child, { instrument: 'adbb', respondentRole: 'mother', answers: ADBB_NEGATIVE }), 400);
    expect(onAdbb.errors).toEqual([expect.objectContaining({ field: 'respondentRole', code: 'not_applicable' })]);
  });

  it('E2: option positions are converted to scored values (items 3, 5–10 reversed)', async () => {
    const child = await childAged(world, 2);
    const mother = await makeParent(world.db, world.municipality.id, child);
    const s = await created(
      await record('hv', child, { instrument: 'epds', respondentRole: 'mother', respondentId: mother, timepoint: 'postnatal', language: 'da', answerFormat: 'positions', answers: [0, 1, 0, 2, 3, 3, 3, 3, 3, 3] }),
    );
    expect(s.answers).toEqual([0, 1, 3, 2, 0, 0, 0, 0, 0, 0]);
    expect(s).toMatchObject({ total: 6, urgent: false });
  });

  it('E3/E5: an incomplete EPDS gets no total and no verdict, yet item 10 above 0 makes it urgent', async () => {
    const child = await childAged(world, 2);
    const mother = await makeParent(world.db, world.municipality.id, child);
    const body = { instrument: 'epds', respondentRole: 'mother', respondentId: mother, timepoint: 'postnatal', language: 'da' };
    const quiet = await created(await record('hv', child, { ...body, answers: [3, 3, 3, 3, 3, 3, 3, 3, null, 0] }));
    expect(quiet).toMatchObject({ complete: false, total: null, positive: null, urgent: false });
    const urgent = await created(await record('hv', child, { ...body, answers: [null, null, null, null, null, null, null, null, null, 1] }));
    expect(urgent).toMatchObject({ complete: false, total: null, positive: null, urgent: true });
  });

  // ---- Reading, separation of variants, access, audit ------------------------------

  it('A7: lists ADBB and m-ADBB apart (never mixed) and EPDS per parent over time, for the charts', async () => {
    const child = await childAged(world, 6);
    const mother = await makeParent(world.db, world.municipality.id, child, 'mother', 'Mona');
    const father = await makeParent(world.db, world.municipality.id, child, 'father', 'Finn');
    await created(await record('hv', child, { instrument: 'adbb', answers: ADBB_NEGATIVE, observedOn: daysFromToday(-20) }));
    await created(await record('hv', child, { instrument: 'm-adbb', answers: [0, 1, 0, 0, 0] }));
    await created(await record('hv', child, { instrument: 'adbb', answers: [0, 0, 0, 0, 0, 0, 0, 1] }));
    const epdsBody = { instrument: 'epds', timepoint: 'postnatal', language: 'da' };
    await created(await record('hv', child, { ...epdsBody, respondentRole: 'mother', respondentId: mother, answers: epds(4), observedOn: daysFromToday(-60) }));
    await created(await record('hv', child, { ...epdsBody, respondentRole: 'mother', respondentId: mother, answers: epds(8) }));
    await created(await record('hv', child, { ...epdsBody, respondentRole: 'father', respondentId: father, answers: epds(2) }));
    const hv = await world.as('hv');
    const response = await hv.get(`/api/children/${child}/screenings`);
    expect(response.status).toBe(200);
    const list = (await response.json()) as {
      adbb: { cutOff: number; maxTotal: number; items: ScreeningJson[] };
      mAdbb: { cutOff: number; maxTotal: number; items: ScreeningJson[] };
      epds: { respondents: { personId: string; name: string; role: string; cutOff: number; items: ScreeningJson[] }[] };
    };
    expect(list.adbb).toMatchObject({ cutOff: 5, maxTotal: 32 });
    expect(list.adbb.items.map((s) => s.total)).toEqual([4, 1]);
    expect(list.mAdbb).toMatchObject({ cutOff: 2, maxTotal: 10 });
    expect(list.mAdbb.items.map((s) => [s.instrument, s.total])).toEqual([['m-adbb', 1]]);
    expect(list.epds.respondents.map((r) => [r.name, r.role, r.cutOff, r.items.map((s) => s.total)])).toEqual([
      ['Mona Forælder', 'mother', 11, [4, 8]],
      ['Finn Forælder', 'father', 10, [2]],
    ]);
    // Reads are audited as health with the child and both parents.
    const reads = await world.db.selectFrom('audit_log').select(['subject_ids']).where('action', '=', 'read').where('category', '=', 'health').execute();
    expect(reads.some((r) => [child, mother, father].every((id) => r.subject_ids.includes(id)))).toBe(true);
    // Writes too: an EPDS names the child and the parent.
    const writes = await world.db.selectFrom('audit_log').select(['subject_ids']).where('action', '=', 'create').where('category', '=', 'health').where('outcome', '=', 'allowed').execute();
    expect(writes).toContainEqual({ subject_ids: [child, father] });
    expect(writes).toContainEqual({ subject_ids: [child] });
  });

  it('a pedagogue where the child is enrolled gets no screening data; nor does a health visitor of another unit', async () => {
    const child = await childAged(world, 4, { enrolled: true, firstName: 'Sigurd' });
    const mother = await makeParent(world.db, world.municipality.id, child);
    const s = await created(await record('hv', child, { instrument: 'adbb', answers: ADBB_POSITIVE }));
    const u = await created(await record('hv', child, { instrument: 'epds', respondentRole: 'mother', respondentId: mother, timepoint: 'postnatal', language: 'da', answers: epds(2, 1) }));
    const ped = await world.as('ped');
    expect((await ped.get(`/api/children/${child}`)).status).toBe(200); // basic data: yes
    const paths = [
      `/api/children/${child}/screenings`,
      `/api/children/${child}/tasks`,
      `/api/children/${child}/flags`,
      `/api/screenings/${s.id}`,
      `/api/screenings/${s.id}/fhir`,
      `/api/units/${world.units.healthUnit}/screening-overview`,
    ];
    for (const path of paths) {
      const response = await ped.get(path);
      expect([403, 404], path).toContain(response.status);
      const body = await response.text();
      expect(body).not.toContain('"total"');
    }
    expect([403, 404]).toContain((await ped.post(`/api/children/${child}/screenings`, { instrument: 'm-adbb', observedOn: today(), answers: [0, 0, 0, 0, 0] })).status);
    expect([403, 404]).toContain((await ped.post(`/api/flags/${u.followUp?.flagId}/resolve`, { version: 1, note: 'Set' })).status);
    const mine = (await (await ped.get('/api/my-tasks')).json()) as { tasks: unknown[]; flags: unknown[] };
    expect(mine).toMatchObject({ tasks: [], flags: [] });

    const south = await makeUnit(world.db, world.municipality, 'health_visiting', 'Sundhedsplejen Syd');
    await makeStaff(world.db, world.municipality, { username: 'hv-syd', unitIds: [south] });
    const other = await world.as('hv-syd');
    expect((await other.get(`/api/children/${child}/screenings`)).status).toBe(404);
    expect((await other.get(`/api/screenings/${s.id}`)).status).toBe(404);
    expect((await other.get(`/api/units/${world.units.healthUnit}/screening-overview`)).status).toBe(403);
    const denied = await world.db.selectFrom('audit_log').select(['subject_ids']).where('outcome', '=', 'denied').where('category', '=', 'health').execute();
    expect(denied.some((d) => d.subject_ids.includes(child))).toBe(true);
  });

  it('a merge keeps the duplicate record’s screenings', async () => {
    const survivor = await childAged(world, 5, { firstName: 'Merle' });
    const duplicate = await childAged(world, 5, { firstName: 'Merle' });
    await created(await record('hv', duplicate, { instrument: 'adbb', answers: ADBB_NEGATIVE }));
    const hv = await world.as('hv');
    expect((await hv.post(`/api/children/${survivor}/merge`, { duplicateId: duplicate })).status).toBe(200);
    const list = (await (await hv.get(`/api/children/${survivor}/screenings`)).json()) as { adbb: { items: ScreeningJson[] } };
    expect(list.adbb.items).toHaveLength(1);
  });

  // ---- FHIR ------------------------------------------------------------------------

  it('exports an instrument as a FHIR R4 Questionnaire and a screening as a QuestionnaireResponse', async () => {
    const hv = await world.as('hv');
    const q = (await (await hv.get('/api/instruments/adbb/fhir?language=en')).json()) as Record<string, unknown> & { item: { linkId: string; type: string; text: string }[] };
    expect(q).toMatchObject({ resourceType: 'Questionnaire', url: 'https://spire.example/fhir/Questionnaire/adbb', version: 'ADBB-8/2001', status: 'active' });
    expect(q.item.map((i) => i.linkId)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', 'total']);
    expect(q.item[1]).toMatchObject({ type: 'integer', text: 'Eye contact' });
    const e = (await (await hv.get('/api/instruments/epds/fhir')).json()) as { item: { type: string; text: string }[] };
    expect(e.item[0]).toMatchObject({ type: 'choice', text: 'Evne til at le / se det humoristiske' });

    const child = await childAged(world, 3);
    const mother = await makeParent(world.db, world.municipality.id, child);
    const s = await created(await record('hv', child, { instrument: 'epds', respondentRole: 'mother', respondentId: mother, timepoint: 'postnatal', language: 'da', answers: epds(7) }));
    const r = (await (await hv.get(`/api/screenings/${s.id}/fhir`)).json()) as Record<string, unknown> & { item: { linkId: string; answer: { valueInteger: number }[] }[] };
    expect(r).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      id: s.id,
      questionnaire: 'https://spire.example/fhir/Questionnaire/epds|EPDS-10/1987',
      status: 'completed',
      subject: { reference: `Patient/${child}` },
      author: { reference: `Practitioner/${world.staff.visitorId}`, display: 'Hanne Sundhed' },
      source: { reference: `RelatedPerson/${mother}` },
      authored: today(),
    });
    expect(r.item).toHaveLength(11);
    expect(r.item.at(-1)).toEqual({ linkId: 'total', answer: [{ valueInteger: 7 }] });
    const exportAudit = await world.db.selectFrom('audit_log').select(['subject_ids', 'detail']).where('action', '=', 'read').where('category', '=', 'health').execute();
    expect(exportAudit.some((a) => JSON.stringify(a.detail).includes('"format":"fhir"') && a.subject_ids.includes(mother))).toBe(true);
  });

  // ---- Unit overview ---------------------------------------------------------------

  it('shows the unit’s coverage per round to its staff and manager, with counts and no child identities', async () => {
    // A unit of its own, so that the other tests' children do not count.
    const unit = await makeUnit(world.db, world.municipality, 'health_visiting', 'Sundhedsplejen Vest');
    const visitor = await makeStaff(world.db, world.municipality, { username: 'hv-vest', name: 'Vera Vest', unitIds: [unit] });
    await world.db.insertInto('certifications').values({ id: crypto.randomUUID(), staff_id: visitor, kind: 'adbb', valid_from: '2020-01-01' }).execute();
    await makeStaff(world.db, world.municipality, { username: 'leder-vest', profession: 'manager', unitIds: [unit] });
    const kids = [];
    for (const [months, name] of [[3, 'Ane'], [3, 'Bent'], [5, 'Carla'], [12, 'Dorit']] as const) {
      kids.push(await makeChild(world.db, world.municipality, { healthUnitId: unit, healthVisitorId: visitor, birthDate: bornMonthsAgo(months), firstName: name }));
    }
    await created(await record('hv-vest', kids[0], { instrument: 'adbb', answers: ADBB_POSITIVE }));
    await created(await record('hv-vest', kids[2], { instrument: 'adbb', answers: ADBB_NEGATIVE, observedOn: daysFromToday(-70) }));
    await created(await record('hv-vest', kids[2], { instrument: 'm-adbb', answers: [1, 1, 0, 0, 0] }));
    const mother = await makeParent(world.db, world.municipality.id, kids[1]);
    await created(await record('hv-vest', kids[1], { instrument: 'epds', respondentRole: 'mother', respondentId: mother, timepoint: 'postnatal', language: 'da', answers: epds(12) }));

    for (const username of ['hv-vest', 'leder-vest']) {
      const client = await world.as(username);
      const response = await client.get(`/api/units/${unit}/screening-overview`);
      const text = await response.text();
      expect(response.status, text).toBe(200);
      for (const id of [...kids, mother]) expect(text).not.toContain(id);
      for (const name of ['Ane', 'Bent', 'Carla', 'Dorit']) expect(text).not.toContain(name);
      const overview = JSON.parse(text) as { children: number; rounds: { key: string; reached: number; screened: number; positive: number; coverage: number | null; positiveShare: number | null }[] };
      expect(overview.children).toBe(4);
      const byKey = Object.fromEntries(overview.rounds.map((r) => [r.key, r]));
      expect(byKey.adbb_2m).toMatchObject({ reached: 4, screened: 2, positive: 1, coverage: 0.5, positiveShare: 0.5 });
      expect(byKey.adbb_4_6m).toMatchObject({ reached: 2, screened: 0, positive: 0, coverage: 0, positiveShare: null });
      expect(byKey.adbb_8_10m).toMatchObject({ reached: 1, screened: 0 });
      expect(byKey.epds_2m).toMatchObject({ reached: 4, screened: 1, positive: 1, positiveShare: 1 });
    }
    const hv = await world.as('hv');
    expect((await hv.get(`/api/units/${unit}/screening-overview`)).status).toBe(403);
    expect((await hv.get(`/api/units/${world.units.nursery}/screening-overview`)).status).toBe(404);
    const audit = await world.db.selectFrom('audit_log').select(['subject_ids', 'criterion']).where('criterion', '=', `screening-overview unit=${unit}`).where('outcome', '=', 'allowed').execute();
    expect(audit.length).toBe(2);
    expect(audit[0].subject_ids.sort()).toEqual([kids[0], kids[1], kids[2]].sort());
  });
});
