/** Small shaping helpers shared by visits, the programme and Min dag. */
import { danishDate } from '../children/present';

const copenhagenTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Copenhagen',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * The local time of an instant in Denmark, 'HH:MM'.
 * @example timeInDenmark(new Date('2026-11-23T08:30:00Z')) // '09:30'
 */
export function timeInDenmark(at: Date): string {
  return copenhagenTime.format(at);
}

/**
 * The short name to show for a child in lists of work (Min dag, tasks): first and
 * last name, or for an expected child just "Forventet barn (termin DD.MM.YYYY)".
 * The registry's own `displayName` (children/present.ts) adds the family name.
 * @example childDisplayName({ first_name: null, last_name: 'Jensen', status: 'expected', expected_date: '2027-03-01' }) // 'Forventet barn (termin 01.03.2027)'
 */
export function childDisplayName(row: {
  first_name: string | null;
  last_name: string | null;
  status: string;
  expected_date: string | null;
}): string {
  if (row.status === 'expected') return row.expected_date ? `Forventet barn (termin ${danishDate(row.expected_date)})` : 'Forventet barn';
  return [row.first_name, row.last_name].filter(Boolean).join(' ') || 'Uden navn';
}

/** Numeric columns arrive as decimal strings on both engines; JSON wants numbers. */
export const toNumber = (value: string | number | null): number | null => (value === null ? null : Number(value));
