/** Calendar dates as Danish users see them (Europe/Copenhagen). */

const copenhagenDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * Today's date in Denmark as 'YYYY-MM-DD'.
 * @example todayInDenmark(new Date('2026-11-22T23:30:00Z')) // '2026-11-23'
 */
export function todayInDenmark(now: Date = new Date()): string {
  return copenhagenDate.format(now);
}
