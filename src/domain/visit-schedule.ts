/**
 * The health-visitor programme as data, and the planned contacts it gives a
 * child (domain.md §3.2, rules V1–V3). A template says when a contact falls,
 * relative to the birth (or, for the pregnancy visit, the expected date), and
 * on which track it belongs. Municipalities can replace the templates; these
 * are the defaults: the national minimum of five contacts, a pregnancy visit,
 * an early visit after discharge within 72 hours, and the extended track's
 * visits at 1½ and 3 years.
 */
import { addDays, addMonths, type IsoDate } from './dates';
import { DomainInputError } from './errors';

/** A distance in time from the anchor date: days, weeks and/or months (negative = before). */
export interface Offset {
  days?: number;
  weeks?: number;
  months?: number;
}

/** Which families a contact is for. */
export type VisitTrack = 'universal' | 'pregnancy' | 'early_discharge' | 'extended';

/** One contact in a visit programme. */
export interface VisitTemplate {
  key: string;
  labelDa: string;
  labelEn: string;
  track: VisitTrack;
  /** 'expected' only for contacts before birth. */
  anchor: 'birth' | 'expected';
  earliest: Offset;
  latest: Offset;
}

/** The default programme (national minimum + pregnancy + early discharge + extended track). */
export const DEFAULT_VISIT_TEMPLATES: readonly VisitTemplate[] = Object.freeze([
  { key: 'pregnancy', labelDa: 'Graviditetsbesøg', labelEn: 'Pregnancy visit', track: 'pregnancy', anchor: 'expected', earliest: { weeks: -12 }, latest: { weeks: -4 } },
  { key: 'early', labelDa: 'Barselsbesøg (tidligt besøg)', labelEn: 'Early postnatal visit', track: 'early_discharge', anchor: 'birth', earliest: { days: 2 }, latest: { days: 5 } },
  { key: 'establishing', labelDa: 'Etableringsbesøg (første uge)', labelEn: 'Establishing visit (first week)', track: 'universal', anchor: 'birth', earliest: { days: 3 }, latest: { days: 7 } },
  { key: 'first_month', labelDa: 'Besøg i første måned', labelEn: 'First-month visit', track: 'universal', anchor: 'birth', earliest: { days: 8 }, latest: { months: 1 } },
  { key: 'two_months', labelDa: '2-måneders besøg', labelEn: '2-month visit', track: 'universal', anchor: 'birth', earliest: { weeks: 8 }, latest: { weeks: 12 } },
  { key: 'four_six_months', labelDa: '4–6-måneders besøg', labelEn: '4–6-month visit', track: 'universal', anchor: 'birth', earliest: { months: 4 }, latest: { months: 6 } },
  { key: 'eight_ten_months', labelDa: '8–10-måneders besøg', labelEn: '8–10-month visit', track: 'universal', anchor: 'birth', earliest: { months: 8 }, latest: { months: 10 } },
  { key: 'eighteen_months', labelDa: '1½-års besøg (udvidet indsats)', labelEn: '18-month visit (extended track)', track: 'extended', anchor: 'birth', earliest: { months: 17 }, latest: { months: 19 } },
  { key: 'three_years', labelDa: '3-års besøg (udvidet indsats)', labelEn: '3-year visit (extended track)', track: 'extended', anchor: 'birth', earliest: { months: 35 }, latest: { months: 37 } },
] satisfies VisitTemplate[]);

/** What is known about the child that decides the schedule. */
export interface ScheduleFacts {
  /** Set once the child is born. */
  birthDate?: IsoDate | null;
  /** Set for a pregnancy (and kept after birth). */
  expectedDate?: IsoDate | null;
  /** Mother and baby discharged less than 72 hours after birth. */
  dischargedWithin72h?: boolean;
  /** On the extended track (udvidet indsats) now. */
  extendedTrack?: boolean;
}

/** A contact the child is due, with its window. */
export interface PlannedContact {
  key: string;
  labelDa: string;
  labelEn: string;
  track: VisitTrack;
  earliest: IsoDate;
  latest: IsoDate;
}

/**
 * Moves a date by an offset: months first (clamped to month end), then weeks and days.
 * @example shift('2026-01-31', { months: 1 }) // '2026-02-28'
 */
export function shift(date: IsoDate, offset: Offset): IsoDate {
  const withMonths = offset.months ? addMonths(date, offset.months) : date;
  const days = (offset.weeks ?? 0) * 7 + (offset.days ?? 0);
  return days ? addDays(withMonths, days) : withMonths;
}

/**
 * The contacts a child is due under a programme, in date order. Before birth
 * only the pregnancy contact can be planned (from the expected date); after
 * birth the universal contacts, the early visit when discharged within 72 hours,
 * and the extended track's contacts while the family is on it.
 * @example planContacts({ birthDate: '2026-01-31' }).map((c) => c.key) // ['establishing', 'first_month', …]
 */
export function planContacts(facts: ScheduleFacts, templates: readonly VisitTemplate[] = DEFAULT_VISIT_TEMPLATES): PlannedContact[] {
  const { birthDate, expectedDate } = facts;
  if (!birthDate && !expectedDate) throw new DomainInputError('A schedule needs a birth date or an expected date');
  const contacts: PlannedContact[] = [];
  for (const template of templates) {
    const anchor = template.anchor === 'expected' ? expectedDate : birthDate;
    if (!anchor) continue;
    if (template.track === 'pregnancy' && !expectedDate) continue;
    if (template.track === 'early_discharge' && !facts.dischargedWithin72h) continue;
    if (template.track === 'extended' && !facts.extendedTrack) continue;
    const earliest = shift(anchor, template.earliest);
    const latest = shift(anchor, template.latest);
    if (latest < earliest) throw new DomainInputError(`Template ${template.key} ends before it starts`);
    contacts.push({ key: template.key, labelDa: template.labelDa, labelEn: template.labelEn, track: template.track, earliest, latest });
  }
  return contacts.sort((a, b) => (a.earliest < b.earliest ? -1 : a.earliest > b.earliest ? 1 : 0));
}

/** Where a planned contact stands on a given day. */
export type ContactStatus = 'done' | 'overdue' | 'due' | 'upcoming';

/**
 * Status of a planned contact: done if a visit fulfilled it, else overdue after
 * its latest date, due inside its window, upcoming before it.
 * @example contactStatus({ earliest: '2026-03-01', latest: '2026-03-31' }, '2026-04-01', false) // 'overdue'
 */
export function contactStatus(contact: Pick<PlannedContact, 'earliest' | 'latest'>, today: IsoDate, done: boolean): ContactStatus {
  if (done) return 'done';
  if (today > contact.latest) return 'overdue';
  if (today >= contact.earliest) return 'due';
  return 'upcoming';
}
