/**
 * Screening instruments as data, and their scoring (domain.md §1, §2, §8).
 *
 * Only item numbers and short TOPIC LABELS are stored here (rules A8, E8): the
 * licensed item wording and response anchors of ADBB, m-ADBB and EPDS must
 * never be committed. Danish EPDS topic labels are our own translations of the
 * English topic labels in domain.md §2.1, not the Danish questionnaire text.
 */

import { ageInMonths } from './age';
import { type IsoDate, isValidIsoDate } from './dates';
import { DomainInputError } from './errors';

/** Identifier of a supported instrument; the variants are never mixed (rule A7). */
export type InstrumentId = 'adbb' | 'm-adbb' | 'epds';

/** Who answered an EPDS: 'mother' = the parent who gave birth; the others are the other parent. */
export type RespondentRole = 'mother' | 'father' | 'co-parent';

/** One item of an instrument. */
export interface InstrumentItem {
  /** 1-based item number, in form order. */
  number: number;
  /** Short Danish topic label (never the licensed item wording). */
  topicDa: string;
  /** Short English topic label (never the licensed item wording). */
  topicEn: string;
  minScore: number;
  maxScore: number;
  /**
   * EPDS only: true when the first printed option scores the maximum, so
   * score = maxScore − option position (rule E2). Scores are always stored as
   * scored values; this flag is only for converting option positions.
   */
  reverseScored: boolean;
}

/** Default positive-screen cut-offs (`total >= cutOff` is positive). */
export interface InstrumentThresholds {
  /** Cut-off when no respondent role applies or none is given. */
  default: number;
  /** Per-role cut-offs (EPDS). */
  byRole?: Readonly<Partial<Record<RespondentRole, number>>>;
}

/** An item whose score above `above` makes the form urgent regardless of the total. */
export interface UrgentRule {
  itemNumber: number;
  above: number;
}

/** A complete instrument definition. */
export interface InstrumentDefinition {
  id: InstrumentId;
  /** Scale variant and edition the definition follows, e.g. 'ADBB-8/2001'. */
  version: string;
  nameDa: string;
  nameEn: string;
  items: readonly InstrumentItem[];
  minTotal: number;
  maxTotal: number;
  /** Inclusive range of age in completed months on the observation date (ADBB variants). */
  ageRangeMonths: { min: number; max: number } | null;
  thresholds: InstrumentThresholds;
  urgentRule: UrgentRule | null;
}

/** Optional context for {@link scoreInstrument}. */
export interface ScoreContext {
  respondentRole?: RespondentRole;
  birthDate?: IsoDate;
  observedOn?: IsoDate;
  /** Local cut-off; overrides the instrument's default and role cut-offs. */
  threshold?: number;
}

/** Result of {@link scoreInstrument}. */
export interface ScoreResult {
  /** Every item answered. */
  complete: boolean;
  /** Sum of the items, or null unless complete (no prorating). */
  total: number | null;
  /** `total >= cut-off`, or null unless complete. */
  positive: boolean | null;
  /** The instrument's urgent rule fired (EPDS item 10 > 0), even on an incomplete form. */
  urgent: boolean;
}

type ItemLabels = readonly [topicDa: string, topicEn: string];

function buildItems(labels: readonly ItemLabels[], maxScore: number, reversed: readonly number[] = []): InstrumentItem[] {
  return labels.map(([topicDa, topicEn], index) =>
    Object.freeze({
      number: index + 1,
      topicDa,
      topicEn,
      minScore: 0,
      maxScore,
      reverseScored: reversed.includes(index + 1),
    }),
  );
}

function define(definition: InstrumentDefinition): InstrumentDefinition {
  return Object.freeze({ ...definition, items: Object.freeze([...definition.items]) });
}

/** Full ADBB: 8 items scored 0–4, total 0–32, positive at ≥ 5, ages 2–24 months (rules A1–A4). */
export const ADBB: InstrumentDefinition = define({
  id: 'adbb',
  version: 'ADBB-8/2001',
  nameDa: 'ADBB (Alarm Distress Baby Scale)',
  nameEn: 'Alarm Distress Baby Scale',
  items: buildItems(
    [
      ['Ansigtsudtryk', 'Facial expression'],
      ['Øjenkontakt', 'Eye contact'],
      ['Generelt aktivitetsniveau', 'General level of activity'],
      ['Selvstimulerende adfærd', 'Self-stimulating gestures'],
      ['Vokalisering', 'Vocalisations'],
      ['Reaktionstid ift. stimulation', 'Briskness of response to stimulation'],
      ['Relation', 'Capacity to engage in a relationship'],
      ['Opmærksomhedsinitiering og -fastholdelse', 'Capacity to attract and keep attention'],
    ],
    4,
  ),
  minTotal: 0,
  maxTotal: 32,
  ageRangeMonths: { min: 2, max: 24 },
  thresholds: { default: 5 },
  urgentRule: null,
});

/** Modified ADBB: 5 items scored 0–2, total 0–10, positive at ≥ 2, ages 2–24 months (rule A7). */
export const M_ADBB: InstrumentDefinition = define({
  id: 'm-adbb',
  version: 'm-ADBB-5/2005',
  nameDa: 'm-ADBB (modificeret ADBB)',
  nameEn: 'Modified Alarm Distress Baby Scale',
  items: buildItems(
    [
      ['Ansigtsudtryk', 'Facial expression'],
      ['Øjenkontakt', 'Eye contact'],
      ['Vokalisering', 'Vocalisation'],
      ['Aktivitetsniveau', 'Activity'],
      ['Relation', 'Relationship'],
    ],
    2,
  ),
  minTotal: 0,
  maxTotal: 10,
  ageRangeMonths: { min: 2, max: 24 },
  thresholds: { default: 2 },
  urgentRule: null,
});

/**
 * EPDS: 10 items scored 0–3, total 0–30; positive at ≥ 11 for the mother and
 * ≥ 10 for the father/co-parent; item 10 > 0 is urgent (rules E1–E4).
 */
export const EPDS: InstrumentDefinition = define({
  id: 'epds',
  version: 'EPDS-10/1987',
  nameDa: 'EPDS (Edinburgh Postnatal Depression Scale)',
  nameEn: 'Edinburgh Postnatal Depression Scale',
  items: buildItems(
    [
      ['Evne til at le / se det humoristiske', 'Ability to laugh / see the funny side'],
      ['Glæde ved at se frem til ting', 'Looking forward with enjoyment'],
      ['Ubegrundet selvbebrejdelse', 'Unwarranted self-blame'],
      ['Angst / bekymring uden god grund', 'Anxiety / worry without good reason'],
      ['Frygt / panik uden god grund', 'Fear / panic without good reason'],
      ['Følelse af at være overvældet', 'Feeling overwhelmed / not coping'],
      ['Ulykkelighed der forstyrrer søvnen', 'Unhappiness disturbing sleep'],
      ['Tristhed / nedtrykthed', 'Sadness / misery'],
      ['Ulykkelighed der fører til gråd', 'Unhappiness leading to crying'],
      ['Tanker om at skade sig selv', 'Thoughts of harming oneself'],
    ],
    3,
    [3, 5, 6, 7, 8, 9, 10],
  ),
  minTotal: 0,
  maxTotal: 30,
  ageRangeMonths: null,
  thresholds: { default: 11, byRole: { mother: 11, father: 10, 'co-parent': 10 } },
  urgentRule: { itemNumber: 10, above: 0 },
});

/** All instrument definitions by id. */
export const INSTRUMENTS: Readonly<Record<InstrumentId, InstrumentDefinition>> = Object.freeze({
  adbb: ADBB,
  'm-adbb': M_ADBB,
  epds: EPDS,
});

const RESPONDENT_ROLES: readonly RespondentRole[] = ['mother', 'father', 'co-parent'];

/**
 * The definition for an instrument id; throws a DomainInputError for an unknown id.
 *
 * @example
 * getInstrument('epds').items.length; // 10
 */
export function getInstrument(id: InstrumentId): InstrumentDefinition {
  if (typeof id !== 'string' || !Object.hasOwn(INSTRUMENTS, id)) {
    throw new DomainInputError(`Unknown instrument: ${JSON.stringify(id)}`);
  }
  return INSTRUMENTS[id];
}

/**
 * The cut-off that applies: `context.threshold` if given, else the role's
 * default, else the instrument default. For EPDS without a role that is the
 * mother's cut-off, 11.
 *
 * @example
 * cutOffFor(EPDS, { respondentRole: 'father' }); // 10
 * cutOffFor(ADBB, { threshold: 6 });              // 6
 */
export function cutOffFor(instrument: InstrumentDefinition, context: ScoreContext = {}): number {
  if (context.threshold !== undefined) return context.threshold;
  const role = context.respondentRole;
  return (role && instrument.thresholds.byRole?.[role]) ?? instrument.thresholds.default;
}

function validateContext(instrument: InstrumentDefinition, context: ScoreContext): void {
  if (context === null || typeof context !== 'object') {
    throw new DomainInputError('Context must be an object');
  }
  const { respondentRole, birthDate, observedOn, threshold } = context;
  if (respondentRole !== undefined && !RESPONDENT_ROLES.includes(respondentRole)) {
    throw new DomainInputError(`Unknown respondent role: ${JSON.stringify(respondentRole)}`);
  }
  if (threshold !== undefined && (typeof threshold !== 'number' || !Number.isFinite(threshold))) {
    throw new DomainInputError(`Threshold must be a finite number: ${String(threshold)}`);
  }
  for (const [key, value] of [
    ['birthDate', birthDate],
    ['observedOn', observedOn],
  ] as const) {
    if (value !== undefined && !isValidIsoDate(value)) {
      throw new DomainInputError(`${key} is not a valid date (YYYY-MM-DD): ${JSON.stringify(value)}`);
    }
  }
  const range = instrument.ageRangeMonths;
  if (range && birthDate !== undefined && observedOn !== undefined) {
    if (observedOn < birthDate) {
      throw new DomainInputError(`Observation date ${observedOn} is before the birth date ${birthDate}`);
    }
    const months = ageInMonths(birthDate, observedOn);
    if (months < range.min || months > range.max) {
      throw new DomainInputError(
        `${instrument.nameEn} is for ages ${range.min}–${range.max} months; the child was ${months} months old`,
      );
    }
  }
}

/**
 * Scores a form. `answers` are scored values in item order; `null` = not answered.
 *
 * - Throws an Error with `code` 'INVALID_INPUT' for an unknown instrument, the
 *   wrong number of items, a score that is not an integer in the item's range,
 *   an invalid context, or — when both `birthDate` and `observedOn` are given —
 *   an age outside the instrument's range (completed months, inclusive; ADBB
 *   and m-ADBB: 2–24).
 * - `total` and `positive` are null unless every item is answered (no prorating).
 * - `positive` is `total >= cut-off` (see {@link cutOffFor}).
 * - `urgent` is true when the urgent rule fires (EPDS item 10 > 0), even on an
 *   incomplete form.
 *
 * @example
 * scoreInstrument('adbb', [1, 1, 1, 1, 1, 0, 0, 0]);
 * // { complete: true, total: 5, positive: true, urgent: false }
 * scoreInstrument('epds', [null, null, null, null, null, null, null, null, null, 2], { respondentRole: 'mother' });
 * // { complete: false, total: null, positive: null, urgent: true }
 */
export function scoreInstrument(
  instrumentId: InstrumentId,
  answers: readonly (number | null)[],
  context: ScoreContext = {},
): ScoreResult {
  const instrument = getInstrument(instrumentId);
  if (!Array.isArray(answers)) {
    throw new DomainInputError('Answers must be an array');
  }
  if (answers.length !== instrument.items.length) {
    throw new DomainInputError(
      `${instrument.nameEn} has ${instrument.items.length} items; got ${answers.length} answers`,
    );
  }
  instrument.items.forEach((item, index) => {
    const score = answers[index];
    if (score === null) return;
    if (typeof score !== 'number' || !Number.isInteger(score) || score < item.minScore || score > item.maxScore) {
      throw new DomainInputError(
        `Item ${item.number} must be an integer ${item.minScore}–${item.maxScore} or null; got ${String(score)}`,
      );
    }
  });
  validateContext(instrument, context);

  const complete = answers.every((score) => score !== null);
  const total = complete ? answers.reduce<number>((sum, score) => sum + (score ?? 0), 0) : null;
  const positive = total === null ? null : total >= cutOffFor(instrument, context);
  const rule = instrument.urgentRule;
  const urgentScore = rule ? answers[rule.itemNumber - 1] : null;
  const urgent = rule !== null && urgentScore !== null && urgentScore > rule.above;
  return { complete, total, positive, urgent };
}

/**
 * Converts an EPDS option position (0 = first printed option … 3 = last) to the
 * scored value (rule E2): items 1, 2 and 4 score the position; items 3 and
 * 5–10 score 3 − position. Throws a DomainInputError for an item outside 1–10
 * or a position that is not an integer 0–3.
 *
 * @example
 * epdsScoreFromPosition(1, 0);  // 0
 * epdsScoreFromPosition(10, 0); // 3
 * epdsScoreFromPosition(4, 2);  // 2
 */
export function epdsScoreFromPosition(itemNumber: number, position: number): number {
  const item = EPDS.items.find((candidate) => candidate.number === itemNumber);
  if (!item) {
    throw new DomainInputError(`EPDS has items 1–10; got ${String(itemNumber)}`);
  }
  if (!Number.isInteger(position) || position < item.minScore || position > item.maxScore) {
    throw new DomainInputError(`EPDS option position must be an integer 0–3; got ${String(position)}`);
  }
  return item.reverseScored ? item.maxScore - position : position;
}
