/**
 * Rules for courses (forløb) of the municipality's offers (domain.md §4):
 * the sessions of a course, capacity and the waiting list (who is offered the
 * next free place), facilitator certification, completion, and the small-number
 * suppression of the unit overview. Pure: no I/O, dates as 'YYYY-MM-DD'.
 */
import { addDays, dayOfWeek, type IsoDate } from './dates';

/** Circle of Security Parenting defaults: 8 chapters, weekly, about 90 minutes, about 6–8 parents, complete at 6 of 8. */
export const COSP_DEFAULTS = { sessionCount: 8, durationMinutes: 90, capacity: 6, minSessionsToComplete: 6 } as const;

/** How many days a family has to accept an offered place. */
export const PLACE_OFFER_DAYS = 7;

/** Below this many participants the unit overview shows "fewer than 5" instead of a number. */
export const SMALL_NUMBER_THRESHOLD = 5;

/** One planned session of a course. */
export interface PlannedSession {
  number: number;
  date: IsoDate;
  startTime: string;
  durationMinutes: number;
}

/** What a course's session plan is made from. */
export interface SessionPlanInput {
  startDate: IsoDate;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  startTime: string;
  durationMinutes: number;
  sessionCount: number;
}

/**
 * The first date on or after `date` that falls on the ISO weekday (1 = Monday … 7 = Sunday).
 * @example firstWeekdayOnOrAfter('2026-11-22', 1) // '2026-11-23'
 */
export function firstWeekdayOnOrAfter(date: IsoDate, weekday: number): IsoDate {
  const iso = ((dayOfWeek(date) + 6) % 7) + 1;
  return addDays(date, (weekday - iso + 7) % 7);
}

/**
 * The weekly sessions of a course: the first on the course's weekday on or after the start date, then every 7 days.
 * @example planSessions({ startDate: '2026-11-23', weekday: 1, startTime: '09:00', durationMinutes: 90, sessionCount: 8 })
 */
export function planSessions(input: SessionPlanInput): PlannedSession[] {
  const first = firstWeekdayOnOrAfter(input.startDate, input.weekday);
  return Array.from({ length: input.sessionCount }, (_, i) => ({
    number: i + 1,
    date: addDays(first, i * 7),
    startTime: input.startTime,
    durationMinutes: input.durationMinutes,
  }));
}

/** A family's state in a course. */
export type ParticipantState = 'waiting' | 'offered' | 'enrolled' | 'completed' | 'not_completed' | 'dropped_out' | 'declined';

/** What the place rules need to know about a participant. */
export interface PlaceCandidate {
  id: string;
  state: ParticipantState;
  /** When the family was referred or signed up (ISO instant): the waiting list's order. */
  referredAt: string;
  /** For an offered place: the last day to accept. */
  offerExpiresOn?: string | null;
}

/** States that hold a place on the course. */
const HOLDS_PLACE: ParticipantState[] = ['enrolled', 'offered', 'completed', 'not_completed'];

/**
 * The waiting list in order: by time of referral, then id (uuid v7, itself in time order).
 * @example waitingList(participants).map((p) => p.id)
 */
export function waitingList<T extends PlaceCandidate>(participants: T[]): T[] {
  return participants
    .filter((p) => p.state === 'waiting')
    .sort((a, b) => (a.referredAt < b.referredAt ? -1 : a.referredAt > b.referredAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** What to change so that free places go to the next in line. */
export interface PlacePlan {
  /** Offered places not accepted in time: they become `declined`. */
  expire: string[];
  /** Waiting families, first in line first, who are now offered a place. */
  offer: string[];
  /** Free places after the plan. */
  freeAfter: number;
}

/**
 * Free places go to the next in line: offers past their expiry lapse, then
 * the first waiting families (by time of referral) are offered the places
 * that are free. An offered place counts as taken until it is accepted,
 * declined or lapses.
 * @example planPlaces(6, participants, '2026-11-22') // { expire: [], offer: ['…first waiting…'], freeAfter: 0 }
 */
export function planPlaces(capacity: number, participants: PlaceCandidate[], today: IsoDate): PlacePlan {
  const expire = participants
    .filter((p) => p.state === 'offered' && p.offerExpiresOn != null && p.offerExpiresOn < today)
    .map((p) => p.id);
  const taken = participants.filter((p) => HOLDS_PLACE.includes(p.state) && !expire.includes(p.id)).length;
  const free = Math.max(0, capacity - taken);
  const offer = waitingList(participants)
    .slice(0, free)
    .map((p) => p.id);
  return { expire, offer, freeAfter: free - offer.length };
}

/**
 * Where a new family goes: offered a place when one is free and nobody is
 * waiting before them, otherwise onto the waiting list.
 * @example placeForNewcomer(6, participants, '2026-11-22') // 'waiting'
 */
export function placeForNewcomer(capacity: number, participants: PlaceCandidate[], today: IsoDate): 'offered' | 'waiting' {
  const plan = planPlaces(capacity, participants, today);
  return plan.freeAfter > 0 ? 'offered' : 'waiting';
}

/** A period a facilitator's certification is valid. */
export interface CertificationPeriod {
  kind: string;
  validFrom: IsoDate;
  validUntil: IsoDate | null;
}

/**
 * True when the certifications cover `kind` on every date given (the course's
 * session dates): a facilitator must be certified for the whole course.
 * @example certifiedOnAll([{ kind: 'cosp_facilitator', validFrom: '2025-01-01', validUntil: null }], 'cosp_facilitator', ['2026-11-23'])
 */
export function certifiedOnAll(certifications: CertificationPeriod[], kind: string, dates: IsoDate[]): boolean {
  return dates.every((date) =>
    certifications.some((c) => c.kind === kind && c.validFrom <= date && (c.validUntil === null || c.validUntil >= date)),
  );
}

/** Attendance of one parent at one session. */
export interface AttendanceMark {
  sessionId: string;
  status: 'present' | 'absent' | 'excused';
}

/**
 * The sessions the family attended: those where at least one participating parent was present.
 * @example attendedSessions([{ sessionId: 'a', status: 'present' }, { sessionId: 'a', status: 'absent' }]) // 1
 */
export function attendedSessions(marks: AttendanceMark[]): number {
  return new Set(marks.filter((m) => m.status === 'present').map((m) => m.sessionId)).size;
}

/**
 * The completion rule: a family completes when it attended at least the
 * municipality's minimum number of sessions (COS-P default 6 of 8). Without a
 * minimum, attending any session completes.
 * @example isCompleted(6, 6) // true
 * @example isCompleted(5, 6) // false
 */
export function isCompleted(attended: number, minSessionsToComplete: number | null): boolean {
  return attended >= (minSessionsToComplete ?? 1);
}

/**
 * The median of some numbers, or null for none.
 * @example median([3, 1, 2]) // 2
 */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * A count that could identify a child is hidden: below the threshold the overview shows "fewer than 5".
 * @example isSmallNumber(4) // true
 */
export function isSmallNumber(participants: number): boolean {
  return participants < SMALL_NUMBER_THRESHOLD;
}
