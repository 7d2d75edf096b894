/**
 * What a recorded screening sets in motion (rules A5, E3, E6 and issue 4's
 * follow-up section). Pure: the repository turns the plan into rows.
 *
 * - ADBB positive: repeat the ADBB within 14 days; a positive within 30 days
 *   after an earlier positive instead asks for a decision on next steps.
 * - m-ADBB positive: a full ADBB within 14 days (the short form does not
 *   replace the full ADBB for follow-up, domain.md §1.6); never a decision,
 *   because totals of the two variants are never combined (rule A7).
 * - EPDS item 10 above 0: an urgent flag on the parent and same-day urgent
 *   tasks, whatever the total and even on an incomplete form (E3); no
 *   rescreen is offered then.
 * - EPDS at or above the cut-off without item-10 risk: rescreen in about
 *   two weeks (E6); the professional records the decision when completing it.
 */
import { addDays, type InstrumentId, type IsoDate, type ScoreResult } from '../../../domain';

/** Days until a repeat ADBB is due after a positive one (rule A5: within 14 days). */
export const ADBB_REPEAT_DAYS = 14;
/** A positive ADBB within this many days after an earlier positive is a confirmed positive. */
export const SECOND_POSITIVE_WINDOW_DAYS = 30;
/** Days to record the decision after a confirmed positive ADBB. */
export const DECISION_DAYS = 7;
/** Days until an EPDS rescreen is due (rule E6: about two weeks). */
export const EPDS_RESCREEN_DAYS = 14;

/** Kinds of follow-up task. */
export const taskKinds = ['adbb_repeat', 'decision', 'epds_rescreen', 'epds_urgent'] as const;
export type TaskKind = (typeof taskKinds)[number];

/** Next steps suggested after a confirmed positive ADBB, and the decisions a task can record. */
export const nextSteps = [
  'extra_visits',
  'referral',
  'cross_professional_meeting',
  'rescreen',
  'gp_referral',
  'psychologist_referral',
  'municipal_offer',
  'group_course',
  'no_further_action',
  'other',
] as const;
export type NextStep = (typeof nextSteps)[number];

/** The suggestions on a 'decision' task (issue 4). */
export const ADBB_DECISION_SUGGESTIONS: readonly NextStep[] = ['extra_visits', 'referral', 'cross_professional_meeting'];

/** Who a planned task is for. */
export type TaskAudience = 'responsible' | 'managers';

/** One task to create. */
export interface PlannedTask {
  kind: TaskKind;
  dueOn: IsoDate;
  urgent: boolean;
  suggestions: NextStep[];
  /** 'responsible' = the child's health visitor (else the recorder); 'managers' = every manager of the child's unit. */
  for: TaskAudience[];
}

/** The flag to raise, if any. */
export interface PlannedFlag {
  kind: 'epds_self_harm';
  severity: 'urgent';
  /** The flag is about the respondent (the parent), on the child's record. */
  about: 'respondent';
}

/** What to do after one screening. */
export interface FollowUpPlan {
  tasks: PlannedTask[];
  flag: PlannedFlag | null;
}

/** Facts the plan depends on. */
export interface FollowUpFacts {
  instrument: InstrumentId;
  result: Pick<ScoreResult, 'positive' | 'urgent'>;
  observedOn: IsoDate;
  /** The day it is recorded (urgent tasks are due that day). */
  today: IsoDate;
  /** Full ADBB: observation dates of the child's earlier positive full ADBBs. */
  earlierPositives?: readonly IsoDate[];
}

/**
 * True when an earlier positive lies within the window before `observedOn`.
 * @example confirmsEarlierPositive('2026-05-20', ['2026-05-06']) // true
 */
export function confirmsEarlierPositive(observedOn: IsoDate, earlierPositives: readonly IsoDate[]): boolean {
  const from = addDays(observedOn, -SECOND_POSITIVE_WINDOW_DAYS);
  return earlierPositives.some((date) => date >= from && date <= observedOn);
}

/**
 * Plans the follow-up of one screening.
 * @example planFollowUp({ instrument: 'adbb', result: { positive: true, urgent: false }, observedOn: '2026-05-06', today: '2026-05-06' })
 * // { tasks: [{ kind: 'adbb_repeat', dueOn: '2026-05-20', urgent: false, suggestions: [], for: ['responsible'] }], flag: null }
 */
export function planFollowUp(facts: FollowUpFacts): FollowUpPlan {
  const { instrument, result, observedOn, today } = facts;
  if (instrument === 'epds') {
    if (result.urgent) {
      return {
        tasks: [{ kind: 'epds_urgent', dueOn: today, urgent: true, suggestions: [], for: ['responsible', 'managers'] }],
        flag: { kind: 'epds_self_harm', severity: 'urgent', about: 'respondent' },
      };
    }
    if (result.positive) {
      return {
        tasks: [{ kind: 'epds_rescreen', dueOn: addDays(observedOn, EPDS_RESCREEN_DAYS), urgent: false, suggestions: [], for: ['responsible'] }],
        flag: null,
      };
    }
    return { tasks: [], flag: null };
  }
  if (!result.positive) return { tasks: [], flag: null };
  if (instrument === 'adbb' && confirmsEarlierPositive(observedOn, facts.earlierPositives ?? [])) {
    return {
      tasks: [{ kind: 'decision', dueOn: addDays(observedOn, DECISION_DAYS), urgent: false, suggestions: [...ADBB_DECISION_SUGGESTIONS], for: ['responsible'] }],
      flag: null,
    };
  }
  return {
    tasks: [{ kind: 'adbb_repeat', dueOn: addDays(observedOn, ADBB_REPEAT_DAYS), urgent: false, suggestions: [], for: ['responsible'] }],
    flag: null,
  };
}
