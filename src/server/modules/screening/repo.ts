/**
 * Screening, scoped to the actor: instrument definitions with the
 * municipality's cut-offs and licensed texts (administrators change those),
 * and recording and reading a child's ADBB, m-ADBB and EPDS (health data of
 * the child's caseload unit). Every read and write of screening data is
 * audited as `health` with the child's id and, for EPDS, the parent's id.
 */
import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { addDays, ageInMonths, epdsScoreFromPosition, type InstrumentId, scoreInstrument } from '../../../domain';
import { hasValidCertification, type StaffActor } from '../../access/actor';
import type { Work } from '../../access/work';
import { todayInDenmark } from '../../clock';
import type { DB } from '../../db/types';
import { expectCurrentVersion, type FieldIssue, invalidFields, notFound, Problem, staleVersion } from '../../errors';
import type { Language } from '../../i18n';
import { guardChildHealth } from '../../access/child-access';
import { cutOffInForce, definitionOf, domainRole, instrumentIds, REQUIRED_CERTIFICATION, respondentRoles, type ThresholdsInForce } from './definitions';
import { questionnaireFor, questionnaireResponseFor, type Questionnaire, type QuestionnaireResponse } from './fhir';
import { type PlannedTask, planFollowUp, SECOND_POSITIVE_WINDOW_DAYS } from './follow-up';
import { ScreeningOverviewRepo } from './overview-repo';
import { loadThresholds, presentScreening, type ScreeningRow, screeningQuery } from './queries';
import type {
  ChildScreeningsShape,
  InstrumentViewShape,
  LoadTextsInput,
  RecordedScreeningShape,
  RecordScreeningInput,
  ScreeningShape,
  UpdateThresholdsInput,
} from './schema';
import { TasksRepo } from './tasks-repo';

type TextRow = { instrument_id: string; language: string; definition_version: string; text_version: string; items: { number: number; text: string; options: string[] | null }[]; loaded_at: Date };

/** Screening data and instrument configuration, scoped to the actor. */
export class ScreeningRepo {
  /** Follow-up tasks and flags. */
  readonly tasks: TasksRepo;
  /** A unit's coverage overview. */
  readonly overview: ScreeningOverviewRepo;

  constructor(private readonly work: Work) {
    this.tasks = new TasksRepo(work);
    this.overview = new ScreeningOverviewRepo(work);
  }

  private staff(): StaffActor {
    const actor = this.work.actor;
    if (actor.kind !== 'staff') throw new Error('screening needs a staff actor');
    return actor;
  }

  // ---- Instrument definitions -------------------------------------------------

  /** Every instrument with the cut-offs in force and, if loaded, the licensed texts in `language`. */
  async instruments(language: string): Promise<InstrumentViewShape[]> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const thresholds = await loadThresholds(trx, actor.municipalityId);
    const texts = await this.textRows(trx, actor.municipalityId);
    return instrumentIds.map((id) => this.present(id, thresholds[id], texts, language));
  }

  /** One instrument, as in {@link instruments}. */
  async instrument(id: InstrumentId, language: string): Promise<InstrumentViewShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const thresholds = await loadThresholds(trx, actor.municipalityId);
    return this.present(id, thresholds[id], await this.textRows(trx, actor.municipalityId, id), language);
  }

  /** Sets the municipality's cut-offs for an instrument (administrators; send the version you read, 0 for the defaults). */
  async setThresholds(id: InstrumentId, input: UpdateThresholdsInput, language: string): Promise<InstrumentViewShape> {
    this.work.authorize('update', 'organisation');
    const actor = this.staff();
    const definition = definitionOf(id);
    const issues: FieldIssue[] = [];
    const tooBig = (field: string, value: number | undefined) => {
      if (value !== undefined && value > definition.maxTotal) issues.push({ field, code: 'too_big', values: { maximum: definition.maxTotal } });
    };
    tooBig('default', input.default);
    if (input.byRole && !definition.thresholds.byRole) issues.push({ field: 'byRole', code: 'not_applicable' });
    for (const role of respondentRoles) tooBig(`byRole.${role}`, input.byRole?.[role]);
    if (issues.length) throw invalidFields(issues);

    const trx = await this.work.tx();
    const byRole = JSON.stringify(input.byRole ?? {});
    if (input.version === 0) {
      const inserted = await trx
        .insertInto('instrument_settings')
        .values({ municipality_id: actor.municipalityId, instrument_id: id, cut_off: input.default, cut_off_by_role: byRole, updated_by: actor.id })
        .onConflict((oc) => oc.columns(['municipality_id', 'instrument_id']).doNothing())
        .returning('instrument_id')
        .executeTakeFirst();
      if (!inserted) throw staleVersion();
    } else {
      const updated = await trx
        .updateTable('instrument_settings')
        .set({ cut_off: input.default, cut_off_by_role: byRole, version: input.version + 1, updated_by: actor.id, updated_at: new Date() })
        .where('municipality_id', '=', actor.municipalityId)
        .where('instrument_id', '=', id)
        .where('version', '=', input.version)
        .executeTakeFirst();
      expectCurrentVersion(updated);
    }
    this.work.audit({
      action: 'update',
      category: 'organisation',
      outcome: 'allowed',
      detail: { instrumentSettings: id, default: input.default, byRole: input.byRole ?? null },
    });
    return this.instrument(id, language);
  }

  /**
   * Loads the municipality's licensed item texts for an instrument in one
   * language, replacing any earlier load. Every item of the definition must be
   * given exactly once; option labels, when given, must match the item's range.
   */
  async loadTexts(id: InstrumentId, input: LoadTextsInput): Promise<InstrumentViewShape> {
    this.work.authorize('update', 'organisation');
    const actor = this.staff();
    const definition = definitionOf(id);
    const issues: FieldIssue[] = [];
    const seen = new Set<number>();
    input.items.forEach((item, index) => {
      const known = definition.items.find((candidate) => candidate.number === item.number);
      if (!known) {
        issues.push({ field: `items.${index}.number`, code: 'unknown_item', values: { number: item.number } });
        return;
      }
      if (seen.has(item.number)) issues.push({ field: `items.${index}.number`, code: 'duplicate' });
      seen.add(item.number);
      const count = known.maxScore - known.minScore + 1;
      if (item.options && item.options.length !== count) {
        issues.push({ field: `items.${index}.options`, code: 'option_count', values: { number: item.number, count } });
      }
    });
    const missing = definition.items.map((item) => item.number).filter((number) => !seen.has(number));
    if (missing.length) issues.push({ field: 'items', code: 'missing_items', values: { numbers: missing.join(', ') } });
    if (issues.length) throw invalidFields(issues);

    const trx = await this.work.tx();
    const items = JSON.stringify(
      [...input.items].sort((a, b) => a.number - b.number).map((item) => ({ number: item.number, text: item.text, options: item.options ?? null })),
    );
    await trx
      .insertInto('instrument_texts')
      .values({
        municipality_id: actor.municipalityId,
        instrument_id: id,
        language: input.language,
        definition_version: definition.version,
        text_version: input.version,
        items,
        loaded_by: actor.id,
      })
      .onConflict((oc) =>
        oc.columns(['municipality_id', 'instrument_id', 'language']).doUpdateSet((eb) => ({
          definition_version: definition.version,
          text_version: input.version,
          items,
          loaded_by: actor.id,
          loaded_at: new Date(),
          revision: eb('instrument_texts.revision', '+', 1),
        })),
      )
      .execute();
    // The texts themselves are licensed material, not personal data: the log names the load, not the wording.
    this.work.audit({
      action: 'update',
      category: 'organisation',
      outcome: 'allowed',
      detail: { instrumentTexts: id, language: input.language, textVersion: input.version, items: input.items.length },
    });
    return this.instrument(id, input.language);
  }

  /** The FHIR R4 Questionnaire of an instrument (topic labels only). */
  questionnaire(id: InstrumentId, language: Language): Questionnaire {
    this.staff();
    return questionnaireFor(definitionOf(id), language);
  }

  private async textRows(trx: Transaction<DB>, municipalityId: string, id?: InstrumentId): Promise<TextRow[]> {
    return trx
      .selectFrom('instrument_texts')
      .select(['instrument_id', 'language', 'definition_version', 'text_version', 'items', 'loaded_at'])
      .where('municipality_id', '=', municipalityId)
      .$if(id !== undefined, (q) => q.where('instrument_id', '=', id as string))
      .orderBy('language')
      .execute();
  }

  private present(id: InstrumentId, thresholds: ThresholdsInForce, texts: TextRow[], language: string): InstrumentViewShape {
    const definition = definitionOf(id);
    // Texts loaded for another edition of the definition are not shown: item numbers may not match.
    const current = texts.filter((t) => t.instrument_id === id && t.definition_version === definition.version);
    const loaded = current.find((t) => t.language === language) ?? null;
    return {
      id,
      version: definition.version,
      nameDa: definition.nameDa,
      nameEn: definition.nameEn,
      items: definition.items.map((item) => {
        const licensed = loaded?.items.find((t) => t.number === item.number);
        return {
          number: item.number,
          topicDa: item.topicDa,
          topicEn: item.topicEn,
          minScore: item.minScore,
          maxScore: item.maxScore,
          reverseScored: item.reverseScored,
          text: licensed?.text ?? null,
          options: licensed?.options ?? null,
        };
      }),
      minTotal: definition.minTotal,
      maxTotal: definition.maxTotal,
      ageRangeMonths: definition.ageRangeMonths ? { ...definition.ageRangeMonths } : null,
      requiredCertification: REQUIRED_CERTIFICATION[id],
      respondentRoles: definition.thresholds.byRole ? [...respondentRoles] : null,
      urgentRule: definition.urgentRule ? { ...definition.urgentRule } : null,
      thresholds,
      texts: loaded ? { language: loaded.language, version: loaded.text_version, loadedAt: new Date(loaded.loaded_at).toISOString() } : null,
      textLanguages: current.map((t) => t.language),
    };
  }

  // ---- Recording and reading ------------------------------------------------------

  /**
   * Records an ADBB, m-ADBB or EPDS for a child, scores it with the
   * municipality's cut-off, and sets the follow-up in motion (tasks, flag).
   */
  async record(childId: string, input: RecordScreeningInput): Promise<RecordedScreeningShape> {
    const actor = this.staff();
    const facts = await guardChildHealth(this.work, childId, 'create');
    const trx = await this.work.tx();
    const id = input.instrument;
    const definition = definitionOf(id);
    const today = todayInDenmark();
    const subjects = [childId, ...(input.respondentId ? [input.respondentId] : [])];

    // Rule A6: the observer's certification on the observation date, before anything else is looked at.
    const certification = REQUIRED_CERTIFICATION[id];
    if (certification && !hasValidCertification(actor, certification, input.observedOn)) {
      this.work.audit({ action: 'create', category: 'health', subjectIds: [childId], outcome: 'denied', detail: { instrument: id, reason: 'certification' } });
      throw new Problem(403, 'screening.certification_required');
    }

    const issues: FieldIssue[] = [];
    if (input.observedOn > today) issues.push({ field: 'observedOn', code: 'in_future' });
    const child = await trx
      .selectFrom('persons as p')
      .innerJoin('children as c', 'c.person_id', 'p.id')
      .select(['p.birth_date', 'c.status'])
      .where('p.id', '=', childId)
      .executeTakeFirstOrThrow();
    const birthDate = child.status === 'born' ? child.birth_date : null;

    // Age on the observation date (rule A4 for the ADBB variants; E7 for a postnatal EPDS).
    let ageMonths: number | null = null;
    const needsAge = definition.ageRangeMonths !== null || input.timepoint === 'postnatal';
    if (needsAge) {
      if (!birthDate) issues.push({ field: 'observedOn', code: 'not_born' });
      else if (input.observedOn < birthDate) issues.push({ field: 'observedOn', code: 'before_birth' });
      else ageMonths = ageInMonths(birthDate, input.observedOn);
    }
    const range = definition.ageRangeMonths;
    if (range && ageMonths !== null && (ageMonths < range.min || ageMonths > range.max)) {
      issues.push({ field: 'observedOn', code: 'age_out_of_range', values: { min: range.min, max: range.max, age: ageMonths } });
    }
    if (input.timepoint === 'pregnancy' && birthDate && input.observedOn >= birthDate) {
      issues.push({ field: 'observedOn', code: 'after_birth' });
    }

    // EPDS: the respondent must be an adult related to the child (rule E7).
    if (id === 'epds' && input.respondentId) {
      const related = await trx
        .selectFrom('relations as r')
        .innerJoin('persons as a', 'a.id', 'r.adult_id')
        .select('r.id')
        .where('r.child_id', '=', childId)
        .where('r.adult_id', '=', input.respondentId)
        .where('a.merged_into', 'is', null)
        .executeTakeFirst();
      if (!related) issues.push({ field: 'respondentId', code: 'not_related' });
    }

    if (input.visitId) {
      const visit = await trx.selectFrom('visits').select('id').where('id', '=', input.visitId).where('child_id', '=', childId).executeTakeFirst();
      if (!visit) issues.push({ field: 'visitId', code: 'invalid_choice' });
    }

    const answers = this.checkedAnswers(id, input, issues);
    if (issues.length) throw invalidFields(issues);

    const thresholds = await loadThresholds(trx, actor.municipalityId);
    const threshold = cutOffInForce(thresholds[id], input.respondentRole ?? null);
    // Age was checked above with a field error of its own, so it is not passed again here.
    const result = scoreInstrument(id, answers, {
      ...(input.respondentRole ? { respondentRole: domainRole(input.respondentRole) } : {}),
      threshold,
    });

    const screeningId = uuidv7();
    await trx
      .insertInto('screenings')
      .values({
        id: screeningId,
        child_id: childId,
        instrument_id: id,
        definition_version: definition.version,
        observed_on: input.observedOn,
        answers: JSON.stringify(answers),
        complete: result.complete,
        total: result.total,
        positive: result.positive,
        urgent: result.urgent,
        threshold,
        child_age_months: ageMonths,
        visit_id: input.visitId ?? null,
        recorded_by: actor.id,
        respondent_role: input.respondentRole ?? null,
        respondent_id: input.respondentId ?? null,
        timepoint: input.timepoint ?? null,
        pregnancy_week: input.timepoint === 'pregnancy' ? (input.pregnancyWeek ?? null) : null,
        language: input.language ?? null,
      })
      .execute();

    // A new full ADBB is the repeat that open repeat tasks asked for; a new EPDS by the same parent is the rescreen.
    const completedTaskIds = await this.completeAnsweredTasks(trx, actor, childId, id, input.respondentId ?? null, input.observedOn);

    const earlierPositives =
      id === 'adbb' && result.positive
        ? (
            await trx
              .selectFrom('screenings')
              .select('observed_on')
              .where('child_id', '=', childId)
              .where('instrument_id', '=', 'adbb')
              .where('positive', '=', true)
              .where('id', '!=', screeningId)
              .where('observed_on', '<=', input.observedOn)
              .where('observed_on', '>=', addDays(input.observedOn, -SECOND_POSITIVE_WINDOW_DAYS))
              .execute()
          ).map((r) => r.observed_on)
        : [];
    const plan = planFollowUp({ instrument: id, result, observedOn: input.observedOn, today, earlierPositives });

    const taskIds: string[] = [];
    for (const task of plan.tasks) {
      for (const assignee of await this.assignees(trx, task, facts.responsibleStaffId ?? actor.id, facts.healthUnitIds)) {
        const taskId = uuidv7();
        await trx
          .insertInto('follow_up_tasks')
          .values({
            id: taskId,
            municipality_id: actor.municipalityId,
            child_id: childId,
            person_id: id === 'epds' ? (input.respondentId ?? null) : null,
            kind: task.kind,
            assignee_id: assignee,
            due_on: task.dueOn,
            urgent: task.urgent,
            suggestions: JSON.stringify(task.suggestions),
            source_screening_id: screeningId,
          })
          .execute();
        taskIds.push(taskId);
      }
    }
    let flagId: string | null = null;
    if (plan.flag) {
      flagId = uuidv7();
      await trx
        .insertInto('flags')
        .values({
          id: flagId,
          municipality_id: actor.municipalityId,
          child_id: childId,
          person_id: plan.flag.about === 'respondent' ? (input.respondentId ?? null) : null,
          kind: plan.flag.kind,
          severity: plan.flag.severity,
          source_screening_id: screeningId,
          raised_by: actor.id,
        })
        .execute();
    }

    this.work.audit({
      action: 'create',
      category: 'health',
      subjectIds: subjects,
      outcome: 'allowed',
      detail: { screening: screeningId, instrument: id, tasks: taskIds.length, flag: flagId, completedTasks: completedTaskIds.length },
    });
    const row = await screeningQuery(trx).where('s.id', '=', screeningId).executeTakeFirstOrThrow();
    return { ...presentScreening(row), followUp: { taskIds, flagId, completedTaskIds } };
  }

  /** A child's screenings for the charts: ADBB and m-ADBB apart, EPDS per parent, oldest first. */
  async forChild(childId: string): Promise<ChildScreeningsShape> {
    const actor = this.staff();
    await guardChildHealth(this.work, childId, 'read');
    const trx = await this.work.tx();
    const rows = await screeningQuery(trx)
      .where('s.child_id', '=', childId)
      .orderBy('s.observed_on')
      .orderBy('s.created_at')
      .execute();
    const thresholds = await loadThresholds(trx, actor.municipalityId);
    const screenings = rows.map(presentScreening);
    const of = (instrument: string) => screenings.filter((s) => s.instrument === instrument);
    const respondents = new Map<string, ChildScreeningsShape['epds']['respondents'][number]>();
    for (const s of of('epds')) {
      if (!s.respondent) continue;
      const entry = respondents.get(s.respondent.id) ?? { personId: s.respondent.id, name: s.respondent.name, role: s.respondent.role, cutOff: 0, items: [] };
      entry.role = s.respondent.role; // the latest recorded role
      entry.items.push(s);
      respondents.set(s.respondent.id, entry);
    }
    for (const entry of respondents.values()) entry.cutOff = cutOffInForce(thresholds.epds, entry.role);
    this.work.audit({
      action: 'read',
      category: 'health',
      subjectIds: [childId, ...respondents.keys()],
      outcome: 'allowed',
      detail: { screenings: rows.length },
    });
    return {
      childId,
      adbb: { cutOff: thresholds.adbb.default, maxTotal: definitionOf('adbb').maxTotal, items: of('adbb') },
      mAdbb: { cutOff: thresholds['m-adbb'].default, maxTotal: definitionOf('m-adbb').maxTotal, items: of('m-adbb') },
      epds: { maxTotal: definitionOf('epds').maxTotal, respondents: [...respondents.values()] },
    };
  }

  /** One screening. */
  async get(screeningId: string): Promise<ScreeningShape> {
    const row = await this.visibleRow(screeningId);
    this.work.audit({ action: 'read', category: 'health', subjectIds: subjectsOf(row), outcome: 'allowed', detail: { screening: screeningId } });
    return presentScreening(row);
  }

  /** One screening as a FHIR R4 QuestionnaireResponse. */
  async fhirResponse(screeningId: string): Promise<QuestionnaireResponse> {
    const row = await this.visibleRow(screeningId);
    this.work.audit({
      action: 'read',
      category: 'health',
      subjectIds: subjectsOf(row),
      outcome: 'allowed',
      detail: { screening: screeningId, format: 'fhir' },
    });
    return questionnaireResponseFor({
      id: row.id,
      instrumentId: row.instrument_id,
      definitionVersion: row.definition_version,
      childId: row.child_id,
      recordedBy: { id: row.recorded_by, name: row.recorded_by_name },
      respondentId: row.respondent_id,
      observedOn: row.observed_on,
      answers: row.answers,
      total: row.total,
      positive: row.positive,
      urgent: row.urgent,
      threshold: row.threshold,
    });
  }

  private async visibleRow(screeningId: string): Promise<ScreeningRow> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const row = await screeningQuery(trx)
      .innerJoin('persons as cp', 'cp.id', 's.child_id')
      .where('s.id', '=', screeningId)
      .where('cp.municipality_id', '=', actor.municipalityId)
      .executeTakeFirst();
    if (!row) throw notFound();
    await guardChildHealth(this.work, row.child_id, 'read');
    return row;
  }

  /** Answers as scored values, with field issues for the wrong count, range or a missing item. */
  private checkedAnswers(id: InstrumentId, input: RecordScreeningInput, issues: FieldIssue[]): (number | null)[] {
    const definition = definitionOf(id);
    if (input.answers.length !== definition.items.length) {
      issues.push({ field: 'answers', code: 'answer_count', values: { count: definition.items.length } });
      return [];
    }
    const nullable = id === 'epds'; // an EPDS may be handed in incomplete (no total then, rule E5); ADBB needs all items (A1)
    return definition.items.map((item, index) => {
      const value = input.answers[index];
      const field = `answers.${index}`;
      if (value === null) {
        if (!nullable) issues.push({ field, code: 'item_required', values: { number: item.number } });
        return null;
      }
      if (value < item.minScore || value > item.maxScore) {
        issues.push({ field, code: 'item_range', values: { number: item.number, min: item.minScore, max: item.maxScore } });
        return null;
      }
      // Rule E2: printed option positions become scored values.
      return input.answerFormat === 'positions' ? epdsScoreFromPosition(item.number, value) : value;
    });
  }

  /** Who gets a planned task: the responsible health visitor (else the recorder) and/or every manager of the child's unit. */
  private async assignees(trx: Transaction<DB>, task: PlannedTask, responsible: string, unitIds: string[]): Promise<string[]> {
    const ids = new Set<string>();
    if (task.for.includes('responsible')) ids.add(responsible);
    if (task.for.includes('managers') && unitIds.length) {
      const today = todayInDenmark();
      const managers = await trx
        .selectFrom('memberships as m')
        .innerJoin('staff as s', 's.id', 'm.staff_id')
        .select('s.id')
        .where('m.unit_id', 'in', unitIds)
        .where('s.profession', '=', 'manager')
        .where('s.active', '=', true)
        .where('m.starts_on', '<=', today)
        .where((eb) => eb.or([eb('m.ends_on', 'is', null), eb('m.ends_on', '>=', today)]))
        .orderBy('s.name')
        .execute();
      for (const m of managers) ids.add(m.id);
    }
    return [...ids];
  }

  /**
   * Completes the open tasks that this screening answers: a full ADBB answers
   * open 'adbb_repeat' tasks from earlier screenings; an EPDS by a parent
   * answers that parent's open 'epds_rescreen' tasks.
   */
  private async completeAnsweredTasks(
    trx: Transaction<DB>,
    actor: StaffActor,
    childId: string,
    instrument: InstrumentId,
    respondentId: string | null,
    observedOn: string,
  ): Promise<string[]> {
    const kind = instrument === 'adbb' ? 'adbb_repeat' : instrument === 'epds' ? 'epds_rescreen' : null;
    if (!kind) return [];
    const open = await trx
      .selectFrom('follow_up_tasks as t')
      .innerJoin('screenings as src', 'src.id', 't.source_screening_id')
      .select(['t.id'])
      .where('t.child_id', '=', childId)
      .where('t.kind', '=', kind)
      .where('t.status', '=', 'open')
      .where('src.observed_on', '<=', observedOn)
      .$if(kind === 'epds_rescreen', (q) => q.where('t.person_id', '=', respondentId))
      .execute();
    if (open.length === 0) return [];
    const note = kind === 'adbb_repeat' ? `Gentaget ADBB registreret (${observedOn}).` : `Ny EPDS registreret (${observedOn}).`;
    await trx
      .updateTable('follow_up_tasks')
      .set((eb) => ({
        status: 'done',
        completed_at: new Date(),
        completed_by: actor.id,
        note,
        decision: JSON.stringify(['rescreen']),
        version: eb('version', '+', 1),
      }))
      .where('id', 'in', open.map((t) => t.id))
      .execute();
    return open.map((t) => t.id);
  }
}

/** The persons a screening is about: the child and, for EPDS, the parent. */
function subjectsOf(row: ScreeningRow): string[] {
  return row.respondent_id ? [row.child_id, row.respondent_id] : [row.child_id];
}
