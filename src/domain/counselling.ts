/**
 * Open counselling (åben rådgivning) and staff workshops: the fixed lists a
 * visit or a workshop is described with, and the pure rules around them.
 * An anonymous visit is described only with these lists, never with free
 * text, so that nothing recorded about it can identify a person.
 */

/** Age bands of the child a visit is about ('pregnancy' before the birth). */
export const COUNSELLING_AGE_BANDS = ['pregnancy', '0-1', '1-3', '3-6', '6+'] as const;
/** An age band. */
export type CounsellingAgeBand = (typeof COUNSELLING_AGE_BANDS)[number];

/** Topic categories of a counselling visit. */
export const COUNSELLING_TOPICS = [
  'sleep',
  'eating',
  'crying',
  'development',
  'language',
  'behaviour',
  'attachment',
  'parenting',
  'family_life',
  'daycare',
  'wellbeing',
  'other',
] as const;
/** A topic category. */
export type CounsellingTopic = (typeof COUNSELLING_TOPICS)[number];

/** Who gave the consent to link a visit to the family. */
export const CONSENT_GIVERS = ['mother', 'father', 'co_parent', 'custody_holder', 'other'] as const;
/** Who gave the consent. */
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];

/** The three workshop themes for daycare staff, then the themes of talks and competence forums. */
export const WORKSHOP_THEMES = [
  'early_intervention',
  'parent_collaboration',
  'child_perspective',
  'wellbeing_concern',
  'attachment',
  'language',
  'case_consultation',
] as const;
/** A workshop theme. */
export type WorkshopTheme = (typeof WORKSHOP_THEMES)[number];

/**
 * The age band of a child on a date, from the birth date (null: expected child, 'pregnancy').
 * @example ageBandOn('2025-03-01', '2026-11-22') // '1-3'
 */
export function ageBandOn(birthDate: string | null, onDate: string): CounsellingAgeBand {
  if (!birthDate) return 'pregnancy';
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = onDate.split('-').map(Number);
  let years = y - by;
  if (m < bm || (m === bm && d < bd)) years--;
  if (years < 1) return '0-1';
  if (years < 3) return '1-3';
  if (years < 6) return '3-6';
  return '6+';
}

/**
 * The share of anonymous visits (0 when there are none).
 * @example shareAnonymous(3, 1) // 0.75
 */
export function shareAnonymous(anonymous: number, linked: number): number {
  const total = anonymous + linked;
  return total === 0 ? 0 : anonymous / total;
}

/**
 * The months 'YYYY-MM' from the month of `from` to the month of `to`, oldest first.
 * @example monthsBetween('2026-10-15', '2026-12-01') // ['2026-10', '2026-11', '2026-12']
 */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return months;
}
