/**
 * Pure rules for cross-professional meetings about a child and their Signs of
 * Safety map (domain.md §5.1, §6.3; rules C4, G1–G3).
 *
 * - The SSD rule (old serviceloven § 49 a, stk. 2; rule C4): without the
 *   parents' consent, information about a specific child may be exchanged at
 *   one meeting and, in special cases, at one follow-up meeting — never a third.
 *   Only participants of the listed kinds may take part.
 * - The map (G1, G2): every danger (or worry) statement is paired with exactly
 *   one safety (or wellbeing) goal; harm statements are optional.
 * - The scale (G1, G3): one 0–10 whole number per participant, with the
 *   anchor texts for 0 and 10 stored with the meeting.
 */

/** The legal basis for sharing information in a meeting. */
export type MeetingLegalBasis = 'consent' | 'ssd';

/** The most meetings about one child that the SSD rule allows without consent (one, plus one follow-up in special cases). */
export const SSD_MAX_MEETINGS = 2;

/**
 * Unit kinds whose staff may take part in an SSD meeting without consent, mapped
 * from the bodies listed in § 49 a, stk. 1:
 * - health visiting (sundhedsplejen: "sundhedsplejersker");
 * - daycare: childminding, nursery, kindergarten, integrated daycare ("dagtilbud");
 * - school, after-school care and club ("skoler, skolefritidsordninger, fritidshjem og klubber");
 * - social services, the family centre and PPR, as "the authorities for vulnerable children"
 *   (myndigheden for udsatte børn; PPR and the family centre act on its behalf in early prevention).
 */
export const SSD_UNIT_KINDS: readonly string[] = Object.freeze([
  'health_visiting',
  'childminding',
  'nursery',
  'kindergarten',
  'integrated_daycare',
  'school',
  'after_school',
  'club',
  'social_services',
  'family_centre',
  'ppr',
]);

/**
 * Professions that never take part under SSD even from a listed unit: the
 * municipality's administrators and analysts work with the system, not with
 * the child.
 */
export const SSD_EXCLUDED_PROFESSIONS: readonly string[] = Object.freeze(['administrator', 'analyst']);

/**
 * Whether a staff member may take part in an SSD meeting: attending for a unit
 * of a listed kind (see {@link SSD_UNIT_KINDS}) and not of an excluded profession.
 * @example mayJoinSsdMeeting('nursery', 'pedagogue') // true
 * @example mayJoinSsdMeeting(null, 'analyst') // false
 */
export function mayJoinSsdMeeting(unitKind: string | null, profession: string): boolean {
  if (!unitKind || !SSD_UNIT_KINDS.includes(unitKind)) return false;
  return !SSD_EXCLUDED_PROFESSIONS.includes(profession);
}

/** What the SSD rule says about a new meeting without consent. */
export type SsdDecision =
  | { allowed: true; ordinal: 1 | 2 }
  | { allowed: false; reason: 'follow_up_needs_special_case' | 'limit_reached' };

/**
 * The SSD rule for a new meeting about a child without consent, given how many
 * SSD meetings the child already has: the first is allowed; a second only as a
 * follow-up marked as a special case with a reason; a third never.
 * @example decideSsdMeeting(0, { specialCase: false }) // { allowed: true, ordinal: 1 }
 * @example decideSsdMeeting(1, { specialCase: true, reason: 'Opfølgning på aftaler' }) // { allowed: true, ordinal: 2 }
 * @example decideSsdMeeting(2, { specialCase: true, reason: 'x' }) // { allowed: false, reason: 'limit_reached' }
 */
export function decideSsdMeeting(existingSsdMeetings: number, request: { specialCase: boolean; reason?: string | null }): SsdDecision {
  if (existingSsdMeetings >= SSD_MAX_MEETINGS) return { allowed: false, reason: 'limit_reached' };
  if (existingSsdMeetings === 0) return { allowed: true, ordinal: 1 };
  if (!request.specialCase || !request.reason?.trim()) return { allowed: false, reason: 'follow_up_needs_special_case' };
  return { allowed: true, ordinal: 2 };
}

/** A danger (or worry) statement with its paired safety (or wellbeing) goal. */
export interface StatementPair {
  statement: string;
  goal: string;
}

/** A problem with one pair, by index and field. */
export interface PairIssue {
  index: number;
  field: 'statement' | 'goal';
  code: 'goal_missing' | 'statement_missing';
}

/**
 * Checks rule G1: every danger statement has exactly one goal and every goal
 * belongs to a statement. Returns one issue per pair with a side missing
 * (blank text counts as missing); an empty list means the pairs are fine.
 * @example checkStatementPairs([{ statement: 'Mor er bekymret …', goal: '' }]) // [{ index: 0, field: 'goal', code: 'goal_missing' }]
 */
export function checkStatementPairs(pairs: readonly StatementPair[]): PairIssue[] {
  const issues: PairIssue[] = [];
  pairs.forEach((pair, index) => {
    const statement = pair.statement.trim();
    const goal = pair.goal.trim();
    if (statement && !goal) issues.push({ index, field: 'goal', code: 'goal_missing' });
    if (!statement && goal) issues.push({ index, field: 'statement', code: 'statement_missing' });
    if (!statement && !goal) issues.push({ index, field: 'statement', code: 'statement_missing' });
  });
  return issues;
}

/**
 * Whether a scale rating is a whole number from 0 to 10 (G1).
 * @example isScaleRating(7) // true
 * @example isScaleRating(7.5) // false
 */
export function isScaleRating(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10;
}

/** The municipality's default anchor texts for the 0–10 scale (G3), Danish; a meeting may change them. */
export const DEFAULT_SCALE_ANCHORS = Object.freeze({
  safety: Object.freeze({
    low: 'Barnet er ikke sikkert nok til at blive hjemme nu.',
    high: 'Alle ved, at barnet er sikkert nok til, at sagen kan lukkes.',
  }),
  wellbeing: Object.freeze({
    low: 'Vi er så bekymrede for barnets trivsel, at der skal ske noget nu.',
    high: 'Alle ved, at barnet trives, og at der ikke er brug for mere hjælp.',
  }),
});

/**
 * Whether a due date has passed: open action items due before today are overdue.
 * @example isOverdue('2026-11-20', 'open', '2026-11-22') // true
 */
export function isOverdue(dueOn: string, status: 'open' | 'done', today: string): boolean {
  return status === 'open' && dueOn < today;
}
