/**
 * The programme as the server computes it: the municipality's templates (or the
 * national defaults), and a child's planned contacts with their status, from
 * the child's dates, the extended track and the visits already planned or done.
 * Shared by the programme route and Min dag; every function here works on rows
 * already loaded, so a caseload of any size costs the same few queries.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  type ContactStatus,
  contactStatus,
  DEFAULT_VISIT_TEMPLATES,
  type Offset,
  planContacts,
  shift,
  type VisitTemplate,
  type VisitTrack,
} from '../../../domain/visit-schedule';
import type { DB } from '../../db/types';

/** The programme in force for a municipality, and where it comes from. */
export interface Programme {
  source: 'municipality' | 'default';
  templates: VisitTemplate[];
}

/**
 * The municipality's templates in `position` order, or the defaults when it has none.
 * @example const { templates } = await loadTemplates(trx, actor.municipalityId);
 */
export async function loadTemplates(trx: Transaction<DB> | Kysely<DB>, municipalityId: string): Promise<Programme> {
  const rows = await trx
    .selectFrom('visit_templates')
    .select(['key', 'label_da', 'label_en', 'track', 'anchor', 'earliest', 'latest'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('position')
    .execute();
  if (rows.length === 0) return { source: 'default', templates: DEFAULT_VISIT_TEMPLATES.map((t) => ({ ...t })) };
  return {
    source: 'municipality',
    templates: rows.map((r) => ({
      key: r.key,
      labelDa: r.label_da,
      labelEn: r.label_en,
      track: r.track as VisitTrack,
      anchor: r.anchor as VisitTemplate['anchor'],
      earliest: parseOffset(r.earliest),
      latest: parseOffset(r.latest),
    })),
  };
}

function parseOffset(value: unknown): Offset {
  const raw = (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown> | null;
  const offset: Offset = {};
  for (const unit of ['days', 'weeks', 'months'] as const) {
    if (typeof raw?.[unit] === 'number') offset[unit] = raw[unit] as number;
  }
  return offset;
}

/** What decides a child's schedule, as loaded from the registry. */
export interface ScheduleChild {
  status: string;
  birthDate: string | null;
  expectedDate: string | null;
  dischargedWithin72h: boolean;
  extendedTrack: boolean;
}

/** A visit that may fulfil a contact. */
export interface ContactVisit {
  id: string;
  templateKey: string | null;
  status: string;
  plannedAt: Date;
}

/** A planned contact with where it stands today. */
export interface ChildContact {
  key: string;
  labelDa: string;
  labelEn: string;
  track: VisitTrack;
  anchor: 'birth' | 'expected';
  earliest: string;
  latest: string;
  status: ContactStatus;
  /** The visit that fulfilled it, else the first one planned for it. */
  visitId: string | null;
}

/**
 * The child's planned contacts with status: done when a visit with the
 * contact's key is done; otherwise overdue, due or upcoming on `today`.
 * @example contactsFor(child, programme.templates, visits, '2026-11-22')
 */
export function contactsFor(
  child: ScheduleChild,
  templates: readonly VisitTemplate[],
  visits: readonly ContactVisit[],
  today: string,
): ChildContact[] {
  if (!child.birthDate && !child.expectedDate) return [];
  const planned = planContacts(
    {
      birthDate: child.birthDate,
      expectedDate: child.expectedDate,
      dischargedWithin72h: child.dischargedWithin72h,
      extendedTrack: child.extendedTrack,
    },
    templates,
  );
  const anchorOf = new Map(templates.map((t) => [t.key, t.anchor]));
  return planned.map((contact) => {
    const mine = visits.filter((v) => v.templateKey === contact.key);
    const done = mine.find((v) => v.status === 'done');
    const plannedVisit = mine
      .filter((v) => v.status === 'planned')
      .sort((a, b) => a.plannedAt.getTime() - b.plannedAt.getTime())[0];
    return {
      ...contact,
      anchor: anchorOf.get(contact.key) ?? 'birth',
      status: contactStatus(contact, today, done !== undefined),
      visitId: done?.id ?? plannedVisit?.id ?? null,
    };
  });
}

/** Reference dates for checking a programme: every day of a common and a leap year. */
const REFERENCE_YEARS = [2027, 2028];

/**
 * True when the template's latest date is never before its earliest, whatever
 * the anchor date (months are clamped to month end, so this is checked on
 * every day of a common and a leap year).
 * @example windowIsSound({ earliest: { months: 1 }, latest: { days: 30 } }) // false: 1 Jan + 1 month is after 1 Jan + 30 days
 */
export function windowIsSound(template: Pick<VisitTemplate, 'earliest' | 'latest'>): boolean {
  for (const year of REFERENCE_YEARS) {
    const start = Date.UTC(year, 0, 1);
    for (let day = 0; day < 366; day++) {
      const anchor = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
      if (!anchor.startsWith(String(year))) break;
      if (shift(anchor, template.latest) < shift(anchor, template.earliest)) return false;
    }
  }
  return true;
}
