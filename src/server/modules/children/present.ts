/** Shaping children's rows for output: display names, masked CPR, age. */
import { ageInMonths, maskCpr } from '../../../domain';

/** Formats a date 'YYYY-MM-DD' as Danish 'DD.MM.YYYY'. */
export function danishDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

/**
 * The name to show for a child: the name, or for an expected child "Forventet barn (termin …)".
 * @example displayName({ first_name: null, last_name: null, status: 'expected', expected_date: '2027-03-01' })
 */
export function displayName(row: {
  first_name: string | null;
  last_name: string | null;
  status: string;
  expected_date: string | null;
}): string {
  const name = [row.first_name, row.last_name].filter(Boolean).join(' ');
  if (row.status === 'expected') return `Forventet barn${row.expected_date ? ` (termin ${danishDate(row.expected_date)})` : ''}${name ? ` – ${name}` : ''}`;
  return name || 'Uden navn';
}

/** Masked CPR or null. */
export const maskedCpr = (cpr: string | null) => (cpr ? maskCpr(cpr) : null);

/** Whole months of age today, or null before birth. */
export const ageToday = (birthDate: string | null, today: string) =>
  birthDate && birthDate <= today ? ageInMonths(birthDate, today) : null;

/**
 * A search criterion safe for the audit log: digit runs that could be CPR numbers are masked.
 * @example safeCriterion('q=150326-4001') // 'q=150326-XXXX'
 */
export function safeCriterion(text: string): string {
  return text.replace(/(\d{6})-?(\d{4})/g, '$1-XXXX');
}
