import i18n, { locale } from './i18n';

/** Spire's calendar days follow Danish time, whatever the browser's time zone. */
export const TIME_ZONE = 'Europe/Copenhagen';

function parseIsoDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** `2025-11-24` → `24.11.2025` (Danish) or `24/11/2025` (English). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = parseIsoDate(iso);
  if (!d) return iso;
  return new Intl.DateTimeFormat(locale(), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
}

/** `2025-11-24` → `mandag den 24. november 2025` / `Monday 24 November 2025`. */
export function formatLongDate(iso: string): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  return new Intl.DateTimeFormat(locale(), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
}

/** An instant in Danish time: `24.11.2025 kl. 14.32.05` / `24/11/2025 14:32:05`. */
export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '';
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  const date = new Intl.DateTimeFormat(locale(), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: TIME_ZONE,
  }).format(d);
  const time = new Intl.DateTimeFormat(locale(), {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
    timeZone: TIME_ZONE,
  }).format(d);
  return i18n.language === 'en' ? `${date} ${time}` : `${date} kl. ${time}`;
}

/** Today's date in Denmark as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: TIME_ZONE,
  }).format(now);
}

/** The hour of day in Denmark (0–23), for the greeting. */
export function danishHour(now: Date = new Date()): number {
  return Number(
    new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hour12: false, timeZone: TIME_ZONE }).format(now),
  ) % 24;
}

/** The Danish calendar day of an instant, `YYYY-MM-DD`. */
export const danishDateOf = (instant: string): string => todayIso(new Date(instant));

/** The Danish wall-clock time of an instant, `HH:MM` (for `<input type="time">`). */
export function danishTimeOf(instant: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE }).format(d);
}

/** A time of day as people write it: `kl. 10.00` (Danish) or `10:00` (English). */
export function formatTime(hhmm: string): string {
  if (!/^\d{2}:\d{2}$/.test(hhmm)) return hhmm;
  return i18n.language === 'en' ? hhmm : `kl. ${hhmm.replace(':', '.')}`;
}

/** Minutes Copenhagen is ahead of UTC at an instant (60 in winter, 120 in summer). */
function copenhagenOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'));
  return Math.round((local - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The instant of a Danish local date and time, as ISO 8601 (what the API's `plannedAt` wants).
 * @example instantFromDanish('2026-11-23', '10:00') // '2026-11-23T09:00:00.000Z'
 */
export function instantFromDanish(date: string, time: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const asUtc = Date.UTC(y, m - 1, d, hh, mm);
  let instant = asUtc - copenhagenOffsetMinutes(new Date(asUtc)) * 60_000;
  // Around the change to and from summer time the first guess can be an hour off; one more step settles it.
  instant = asUtc - copenhagenOffsetMinutes(new Date(instant)) * 60_000;
  return new Date(instant).toISOString();
}

/** `YYYY-MM-DD` plus `days` (may be negative). */
export function addDaysIso(iso: string, days: number): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Monday of the week `iso` is in. */
export function mondayOf(iso: string): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  return addDaysIso(iso, -((d.getUTCDay() + 6) % 7));
}

/** `2025-11-24` → `mandag 24. november` / `Monday 24 November` (no year). */
export function formatWeekday(iso: string): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  return new Intl.DateTimeFormat(locale(), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(d);
}

/** A language's name from its code (`ar` → `arabisk` / `Arabic`), falling back to the code. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([locale()], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A number the Danish or English way (`3.278` / `3,278`; `51,2` / `51.2`). */
export function formatNumber(n: number, decimals = 0): string {
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(n);
}

/**
 * A decimal number typed by a person: accepts `51,2` and `51.2`; null for empty or unreadable.
 * @example parseDecimal('51,2') // 51.2
 */
export function parseDecimal(text: string): number | null {
  const s = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!s) return null;
  if (!/^\d+(\.\d+)?$/.test(s)) return Number.NaN;
  return Number(s);
}

/**
 * Grams typed by a person: `3650`, `3 650` or `3.650` (Danish thousands separator); NaN when unreadable.
 * @example parseGrams('3.650') // 3650
 */
export function parseGrams(text: string): number | null {
  const s = text.trim().replace(/\s/g, '');
  if (!s) return null;
  if (/^\d{1,2}\.\d{3}$/.test(s)) return Number(s.replace('.', ''));
  if (!/^\d+$/.test(s)) return Number.NaN;
  return Number(s);
}

/** An instant in Danish time to the minute: `24.11.2025 kl. 14.32` / `24/11/2025 14:32`. */
export function formatDateTimeShort(instant: string | null | undefined): string {
  if (!instant) return '';
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  return `${formatDate(danishDateOf(instant))} ${formatTime(danishTimeOf(instant))}`;
}

/** A Danish phone number in pairs (`26093584` → `26 09 35 84`, also after +45); others as given. */
export function formatPhone(phone: string): string {
  const compact = phone.replace(/[\s-]/g, '');
  const m = /^(\+45)?(\d{8})$/.exec(compact);
  if (!m) return phone;
  const pairs = m[2].replace(/(\d{2})(?=\d)/g, '$1 ');
  return m[1] ? `${m[1]} ${pairs}` : pairs;
}
