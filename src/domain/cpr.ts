/**
 * Danish CPR numbers (personnummer), domain.md §6.7 and rules S6–S8.
 *
 * Format DDMMYY-SSSS, hyphen optional. Digits 1–6 are the birth date without
 * century; digit 7 together with the two year digits gives the century.
 * The modulus-11 check is reported but never used to reject a number: since
 * 1 October 2007 the CPR office issues valid numbers that fail it.
 *
 * Replacement numbers (erstatningspersonnumre), which add 60 to the day so the
 * day reads 61–91, are deliberately NOT accepted by {@link parseCpr}: it only
 * accepts real calendar dates (rule S6). Such numbers need their own handling.
 */

import { type IsoDate, isValidDateParts, toIsoDate } from './dates';
import { DomainInputError } from './errors';

/** Registered legal sex from the last digit (rule S7) — not gender identity. */
export type LegalSex = 'female' | 'male';

/** Result of {@link parseCpr}. */
export type CprParseResult =
  | { ok: true; cpr: string; birthDate: IsoDate; legalSex: LegalSex; modulus11: boolean }
  | { ok: false; reason: string };

const CPR_PATTERN = /^(\d{2})(\d{2})(\d{2})-?(\d{4})$/;
const MODULUS11_WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1] as const;

/**
 * The century (as the first year of it: 1800, 1900 or 2000) from digit 7 and
 * the two-digit year, per the table in domain.md §6.7.
 *
 * @example
 * cprCentury(4, 26); // 2000
 * cprCentury(4, 37); // 1900
 * cprCentury(5, 60); // 1800
 */
export function cprCentury(digit7: number, yearOfCentury: number): 1800 | 1900 | 2000 {
  if (digit7 >= 5 && digit7 <= 8 && yearOfCentury >= 58) return 1800;
  if (digit7 <= 3) return 1900;
  if ((digit7 === 4 || digit7 === 9) && yearOfCentury >= 37) return 1900;
  return 2000;
}

/**
 * True when the 10 digits pass the modulus-11 check (weights 4,3,2,7,6,5,4,3,2,1).
 * A failure is NOT a reason to reject the number.
 *
 * @example
 * passesModulus11('1503264001'); // true
 * passesModulus11('1503264000'); // false
 */
export function passesModulus11(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(digits[i]) * MODULUS11_WEIGHTS[i];
  return sum % 11 === 0;
}

/**
 * Parses and validates a CPR number given as 10 digits or DDMMYY-SSSS.
 * Never throws; invalid input gives `{ ok: false, reason }` with an English reason.
 * Surrounding whitespace is not trimmed (trim in the caller if wanted).
 *
 * @example
 * parseCpr('150326-4001');
 * // { ok: true, cpr: '1503264001', birthDate: '2026-03-15', legalSex: 'male', modulus11: true }
 * parseCpr('3102264001'); // { ok: false, reason: 'Invalid birth date in CPR number: 31-02-26' }
 */
export function parseCpr(input: string): CprParseResult {
  if (typeof input !== 'string') {
    return { ok: false, reason: 'CPR number must be a string' };
  }
  const match = CPR_PATTERN.exec(input);
  if (!match) {
    return { ok: false, reason: 'CPR number must be 10 digits, written DDMMYYSSSS or DDMMYY-SSSS' };
  }
  const [, dd, mm, yy, serial] = match;
  const day = Number(dd);
  const month = Number(mm);
  const yearOfCentury = Number(yy);
  const year = cprCentury(Number(serial[0]), yearOfCentury) + yearOfCentury;
  if (!isValidDateParts({ year, month, day })) {
    return { ok: false, reason: `Invalid birth date in CPR number: ${dd}-${mm}-${yy}` };
  }
  const cpr = `${dd}${mm}${yy}${serial}`;
  return {
    ok: true,
    cpr,
    birthDate: toIsoDate({ year, month, day }),
    legalSex: Number(serial[3]) % 2 === 0 ? 'female' : 'male',
    modulus11: passesModulus11(cpr),
  };
}

/**
 * Masks the serial part of a CPR number for letters and notifications (rule S8).
 * Accepts 10 digits or DDMMYY-SSSS; throws a DomainInputError (`code` 'INVALID_INPUT')
 * for anything else. The date part is not validated here.
 *
 * @example
 * maskCpr('1503264001');  // '150326-XXXX'
 * maskCpr('150326-4001'); // '150326-XXXX'
 */
export function maskCpr(cpr: string): string {
  const match = typeof cpr === 'string' ? CPR_PATTERN.exec(cpr) : null;
  if (!match) {
    throw new DomainInputError('CPR number must be 10 digits, written DDMMYYSSSS or DDMMYY-SSSS');
  }
  return `${match[1]}${match[2]}${match[3]}-XXXX`;
}

/**
 * True when `text` contains something shaped like an unmasked CPR number:
 * ten digits, optionally split 6+4 by a hyphen or a space, not embedded in a
 * longer run of digits, whose first four digits are a plausible day and month
 * (a day that exists in that month in a leap year; replacement-number days
 * 61–91 count too, because those are personal identifiers as well).
 * Deliberately broader than {@link parseCpr}: it is meant for leak-guard tests
 * on logs, exports and letters. Masked numbers ('150326-XXXX') do not match.
 *
 * @example
 * isCprShaped('Barn: 150326-4001');     // true
 * isCprShaped('Barn: 150326-XXXX');     // false
 * isCprShaped('order 12345678901234');  // false
 */
export function isCprShaped(text: string): boolean {
  if (typeof text !== 'string') return false;
  const pattern = /(?<!\d)(\d{2})(\d{2})\d{2}[- ]?\d{4}(?!\d)/g;
  for (const match of text.matchAll(pattern)) {
    const rawDay = Number(match[1]);
    const day = rawDay > 60 ? rawDay - 60 : rawDay;
    const month = Number(match[2]);
    if (isValidDateParts({ year: 2000, month, day })) return true;
  }
  return false;
}
