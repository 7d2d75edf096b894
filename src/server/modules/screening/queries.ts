/**
 * Queries and presenters shared by the screening repositories: the cut-offs
 * in force for a municipality, screening rows, task rows and flag rows.
 * Access checks are not made here; callers check first.
 */
import type { Transaction } from 'kysely';
import type { InstrumentId } from '../../../domain';
import type { DB } from '../../db/types';
import { childDisplayName } from '../visits/present';
import { type ApiRespondentRole, definitionOf, type StoredThresholds, type ThresholdsInForce, thresholdsInForce } from './definitions';
import type { NextStep, TaskKind } from './follow-up';
import type { FlagShape, ScreeningShape, TaskShape } from './schema';

/**
 * The cut-offs in force for every instrument in a municipality (one query).
 * @example (await loadThresholds(trx, municipalityId)).epds.byRole?.father // 10
 */
export async function loadThresholds(trx: Transaction<DB>, municipalityId: string): Promise<Record<InstrumentId, ThresholdsInForce>> {
  const rows = await trx
    .selectFrom('instrument_settings')
    .select(['instrument_id', 'cut_off', 'cut_off_by_role', 'version'])
    .where('municipality_id', '=', municipalityId)
    .execute();
  const stored = new Map<string, StoredThresholds>(
    rows.map((r) => [r.instrument_id, { cutOff: r.cut_off, byRole: r.cut_off_by_role ?? {}, version: r.version }]),
  );
  const ids: InstrumentId[] = ['adbb', 'm-adbb', 'epds'];
  return Object.fromEntries(ids.map((id) => [id, thresholdsInForce(definitionOf(id), stored.get(id) ?? null)])) as Record<
    InstrumentId,
    ThresholdsInForce
  >;
}

const personName = (first: string | null, last: string | null) => [first, last].filter(Boolean).join(' ') || 'Uden navn';
const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

/** Screening rows with the recorder's and respondent's names. */
export function screeningQuery(trx: Transaction<DB>) {
  return trx
    .selectFrom('screenings as s')
    .innerJoin('staff as rb', 'rb.id', 's.recorded_by')
    .leftJoin('persons as rp', 'rp.id', 's.respondent_id')
    .select([
      's.id',
      's.child_id',
      's.instrument_id',
      's.definition_version',
      's.observed_on',
      's.child_age_months',
      's.answers',
      's.complete',
      's.total',
      's.positive',
      's.urgent',
      's.threshold',
      's.visit_id',
      's.recorded_by',
      'rb.name as recorded_by_name',
      's.respondent_id',
      's.respondent_role',
      'rp.first_name as respondent_first_name',
      'rp.last_name as respondent_last_name',
      's.timepoint',
      's.pregnancy_week',
      's.language',
      's.created_at',
    ]);
}

/** One row of {@link screeningQuery}. */
export type ScreeningRow = Awaited<ReturnType<ReturnType<typeof screeningQuery>['execute']>>[number];

/** A screening row as the API shows it. */
export function presentScreening(row: ScreeningRow): ScreeningShape {
  return {
    id: row.id,
    childId: row.child_id,
    instrument: row.instrument_id as ScreeningShape['instrument'],
    definitionVersion: row.definition_version,
    observedOn: row.observed_on,
    ageMonths: row.child_age_months,
    answers: row.answers,
    complete: row.complete,
    total: row.total,
    positive: row.positive,
    urgent: row.urgent,
    threshold: row.threshold,
    visitId: row.visit_id,
    recordedBy: { id: row.recorded_by, name: row.recorded_by_name },
    respondent:
      row.respondent_id && row.respondent_role
        ? {
            id: row.respondent_id,
            name: personName(row.respondent_first_name, row.respondent_last_name),
            role: row.respondent_role as ApiRespondentRole,
          }
        : null,
    timepoint: row.timepoint as ScreeningShape['timepoint'],
    pregnancyWeek: row.pregnancy_week,
    language: row.language,
    createdAt: iso(row.created_at),
  };
}

/** Task rows with child, parent and staff names. */
export function taskQuery(trx: Transaction<DB>) {
  return trx
    .selectFrom('follow_up_tasks as t')
    .innerJoin('persons as p', 'p.id', 't.child_id')
    .innerJoin('children as c', 'c.person_id', 't.child_id')
    .innerJoin('staff as a', 'a.id', 't.assignee_id')
    .leftJoin('persons as tp', 'tp.id', 't.person_id')
    .leftJoin('staff as cb', 'cb.id', 't.completed_by')
    .select([
      't.id',
      't.municipality_id',
      't.kind',
      't.child_id',
      'p.first_name',
      'p.last_name',
      'c.status as child_status',
      'c.expected_date',
      't.person_id',
      'tp.first_name as person_first_name',
      'tp.last_name as person_last_name',
      't.assignee_id',
      'a.name as assignee_name',
      't.due_on',
      't.urgent',
      't.suggestions',
      't.source_screening_id',
      't.status',
      't.completed_at',
      't.completed_by',
      'cb.name as completed_by_name',
      't.note',
      't.decision',
      't.created_at',
      't.version',
    ]);
}

/** One row of {@link taskQuery}. */
export type TaskRow = Awaited<ReturnType<ReturnType<typeof taskQuery>['execute']>>[number];

/** A task row as the API shows it. */
export function presentTask(row: TaskRow, today: string): TaskShape {
  return {
    id: row.id,
    kind: row.kind as TaskKind,
    childId: row.child_id,
    childName: childDisplayName({ first_name: row.first_name, last_name: row.last_name, status: row.child_status, expected_date: row.expected_date }),
    personId: row.person_id,
    personName: row.person_id ? personName(row.person_first_name, row.person_last_name) : null,
    assignee: { id: row.assignee_id, name: row.assignee_name },
    dueOn: row.due_on,
    urgent: row.urgent,
    overdue: row.status === 'open' && row.due_on < today,
    suggestions: (row.suggestions ?? []) as NextStep[],
    sourceScreeningId: row.source_screening_id,
    status: row.status,
    completedAt: row.completed_at ? iso(row.completed_at) : null,
    completedBy: row.completed_by ? { id: row.completed_by, name: row.completed_by_name ?? '' } : null,
    note: row.note,
    decision: (row.decision ?? null) as NextStep[] | null,
    createdAt: iso(row.created_at),
    version: row.version,
  };
}

/** Open first, urgent first, then by due date. */
export const taskOrder = (a: TaskShape, b: TaskShape) =>
  (a.status === 'open' ? 0 : 1) - (b.status === 'open' ? 0 : 1) ||
  Number(b.urgent) - Number(a.urgent) ||
  a.dueOn.localeCompare(b.dueOn) ||
  a.createdAt.localeCompare(b.createdAt);

/** Flag rows with child, parent and staff names. */
export function flagQuery(trx: Transaction<DB>) {
  return trx
    .selectFrom('flags as f')
    .innerJoin('persons as p', 'p.id', 'f.child_id')
    .innerJoin('children as c', 'c.person_id', 'f.child_id')
    .leftJoin('persons as fp', 'fp.id', 'f.person_id')
    .leftJoin('staff as rb', 'rb.id', 'f.raised_by')
    .leftJoin('staff as sb', 'sb.id', 'f.resolved_by')
    .select([
      'f.id',
      'f.municipality_id',
      'f.kind',
      'f.severity',
      'f.child_id',
      'p.first_name',
      'p.last_name',
      'c.status as child_status',
      'c.expected_date',
      'f.person_id',
      'fp.first_name as person_first_name',
      'fp.last_name as person_last_name',
      'f.source_screening_id',
      'f.raised_at',
      'f.raised_by',
      'rb.name as raised_by_name',
      'f.status',
      'f.resolved_at',
      'f.resolved_by',
      'sb.name as resolved_by_name',
      'f.resolution_note',
      'f.version',
    ]);
}

/** One row of {@link flagQuery}. */
export type FlagRow = Awaited<ReturnType<ReturnType<typeof flagQuery>['execute']>>[number];

/** A flag row as the API shows it. */
export function presentFlag(row: FlagRow): FlagShape {
  return {
    id: row.id,
    kind: row.kind as FlagShape['kind'],
    severity: row.severity as FlagShape['severity'],
    childId: row.child_id,
    childName: childDisplayName({ first_name: row.first_name, last_name: row.last_name, status: row.child_status, expected_date: row.expected_date }),
    personId: row.person_id,
    personName: row.person_id ? personName(row.person_first_name, row.person_last_name) : null,
    sourceScreeningId: row.source_screening_id,
    raisedAt: iso(row.raised_at),
    raisedBy: row.raised_by ? { id: row.raised_by, name: row.raised_by_name ?? '' } : null,
    status: row.status,
    resolvedAt: row.resolved_at ? iso(row.resolved_at) : null,
    resolvedBy: row.resolved_by ? { id: row.resolved_by, name: row.resolved_by_name ?? '' } : null,
    resolutionNote: row.resolution_note,
    version: row.version,
  };
}

/** Open first, most severe first, newest first. */
export const flagOrder = (a: FlagShape, b: FlagShape) => {
  const rank = { urgent: 0, high: 1, moderate: 2 } as const;
  return (
    (a.status === 'open' ? 0 : 1) - (b.status === 'open' ? 0 : 1) ||
    rank[a.severity] - rank[b.severity] ||
    b.raisedAt.localeCompare(a.raisedAt)
  );
};

/**
 * The current caseload units and responsible staff of some children (one query),
 * as policy facts for `health` (which looks at caseload units only).
 * @example const facts = await caseloadFacts(trx, ['…']);
 */
export async function caseloadFacts(
  trx: Transaction<DB>,
  childIds: string[],
): Promise<Map<string, { childId: string; municipalityId: string; healthUnitIds: string[]; responsibleStaffId: string | null; enrolledUnitIds: string[] }>> {
  const result = new Map();
  if (childIds.length === 0) return result;
  const rows = await trx
    .selectFrom('persons as p')
    .leftJoin('caseload_assignments as ca', (join) => join.onRef('ca.child_id', '=', 'p.id').on('ca.ends_on', 'is', null))
    .select(['p.id', 'p.municipality_id', 'ca.unit_id', 'ca.staff_id'])
    .where('p.id', 'in', childIds)
    .where('p.merged_into', 'is', null)
    .execute();
  for (const row of rows) {
    result.set(row.id, {
      childId: row.id,
      municipalityId: row.municipality_id,
      healthUnitIds: row.unit_id ? [row.unit_id] : [],
      responsibleStaffId: row.staff_id,
      enrolledUnitIds: [],
      involvedStaffIds: [],
    });
  }
  return result;
}
