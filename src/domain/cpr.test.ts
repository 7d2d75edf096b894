import { describe, expect, it } from 'vitest';
import { cprCentury, isCprShaped, maskCpr, parseCpr, passesModulus11 } from './cpr';

/** Century table from domain.md §6.7: digit 7 × year band → century. */
const CENTURY_TABLE: ReadonlyArray<[digit7: number, low: number, mid: number, high: number]> = [
  // digit 7, year 00–36, year 37–57, year 58–99
  [0, 1900, 1900, 1900],
  [1, 1900, 1900, 1900],
  [2, 1900, 1900, 1900],
  [3, 1900, 1900, 1900],
  [4, 2000, 1900, 1900],
  [5, 2000, 2000, 1800],
  [6, 2000, 2000, 1800],
  [7, 2000, 2000, 1800],
  [8, 2000, 2000, 1800],
  [9, 2000, 1900, 1900],
];

const YEAR_BANDS: ReadonlyArray<[band: 1 | 2 | 3, years: number[]]> = [
  [1, [0, 1, 36]],
  [2, [37, 50, 57]],
  [3, [58, 80, 99]],
];

describe('parseCpr century table (domain.md §6.7)', () => {
  const rows: Array<[string, string]> = [];
  for (const row of CENTURY_TABLE) {
    for (const [band, years] of YEAR_BANDS) {
      for (const yy of years) {
        const yy2 = String(yy).padStart(2, '0');
        rows.push([`0101${yy2}${row[0]}000`, `${row[band] + yy}-01-01`]);
      }
    }
  }

  it.each(rows)('%s → born %s', (cpr, birthDate) => {
    expect(parseCpr(cpr)).toMatchObject({ ok: true, birthDate });
  });

  it.each(CENTURY_TABLE)('cprCentury agrees with the table for digit 7 = %i', (digit7, low, mid, high) => {
    expect(cprCentury(digit7, 0)).toBe(low);
    expect(cprCentury(digit7, 36)).toBe(low);
    expect(cprCentury(digit7, 37)).toBe(mid);
    expect(cprCentury(digit7, 57)).toBe(mid);
    expect(cprCentury(digit7, 58)).toBe(high);
    expect(cprCentury(digit7, 99)).toBe(high);
  });
});

describe('parseCpr', () => {
  it('parses a number born in the 1800s', () => {
    expect(parseCpr('3112585001')).toMatchObject({ ok: true, birthDate: '1858-12-31', legalSex: 'male' });
    expect(parseCpr('0101995000')).toMatchObject({ ok: true, birthDate: '1899-01-01' });
  });

  it('returns the full result shape', () => {
    expect(parseCpr('150326-4001')).toEqual({
      ok: true,
      cpr: '1503264001',
      birthDate: '2026-03-15',
      legalSex: 'male',
      modulus11: true,
    });
  });

  it.each([
    ['1503264000', 'female'],
    ['1503264001', 'male'],
    ['1503264002', 'female'],
    ['1503264003', 'male'],
    ['1503264004', 'female'],
    ['1503264005', 'male'],
    ['1503264006', 'female'],
    ['1503264007', 'male'],
    ['1503264008', 'female'],
    ['1503264009', 'male'],
  ])('%s → legal sex %s (last digit)', (cpr, legalSex) => {
    expect(parseCpr(cpr)).toMatchObject({ ok: true, legalSex });
  });

  it('reports but never rejects a modulus-11 failure', () => {
    expect(parseCpr('0101074000')).toMatchObject({ ok: true, modulus11: false });
    expect(parseCpr('3112990002')).toMatchObject({ ok: true, modulus11: true });
  });

  // Replacement numbers (erstatningspersonnumre) add 60 to the day. Plain
  // parseCpr accepts only real calendar dates (rule S6), so days 61–91 are invalid.
  it.each([
    ['6101264001', 'day 61 (replacement-number style)'],
    ['7503264001', 'day 75 (replacement-number style)'],
    ['9112264001', 'day 91 (replacement-number style)'],
    ['3203264001', 'day 32'],
    ['0003264001', 'day 00'],
    ['0100264001', 'month 00'],
    ['3104264001', '31 April'],
    ['2902014007', '29 February 2001'],
  ])('%s: %s', (cpr, label) => {
    const result = parseCpr(cpr);
    expect(result.ok, label).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/date/i);
  });

  it('validates 29 February against the century from digit 7', () => {
    expect(parseCpr('2902000001').ok).toBe(false); // digit 7 = 0 → 1900, not a leap year
    expect(parseCpr('2902005001')).toMatchObject({ ok: true, birthDate: '2000-02-29' }); // digit 7 = 5 → 2000
  });

  it.each([
    [''],
    ['150326400'],
    ['15032640011'],
    ['15032640A1'],
    ['150326 4001'],
    ['15032-64001'],
    ['150326--4001'],
    [' 1503264001'],
    ['1503264001\n'],
    ['１５０３２６４００１'], // full-width digits
  ])('rejects the malformed input %j with a reason', (input) => {
    const result = parseCpr(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.length).toBeGreaterThan(0);
  });

  it('does not throw for a non-string at runtime', () => {
    expect(parseCpr(1503264001 as unknown as string).ok).toBe(false);
  });
});

describe('passesModulus11', () => {
  it.each([
    ['1503264001', true],
    ['1503264000', false],
    ['2902245009', true],
    ['3112990002', true],
    ['150326400', false],
  ])('%s → %s', (digits, expected) => {
    expect(passesModulus11(digits)).toBe(expected);
  });
});

describe('maskCpr', () => {
  it.each([
    ['1503264001', '150326-XXXX'],
    ['150326-4001', '150326-XXXX'],
  ])('%s → %s', (cpr, masked) => {
    expect(maskCpr(cpr)).toBe(masked);
  });

  it('throws INVALID_INPUT for something that is not a CPR number', () => {
    expect(() => maskCpr('15032640')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('isCprShaped', () => {
  it.each([
    ['Barn: 1503264001', true],
    ['Barn: 150326-4001.', true],
    ['150326 4001', true],
    ['cpr=6101264001', true], // replacement number: still a personal identifier
    ['2902014007', true], // leak guard is broader than parseCpr
    ['Barn: 150326-XXXX', false],
    ['order 12345678901234', false],
    ['3213264001', false], // month 13
    ['0000004001', false],
    ['phone 12 34 56 78', false],
    ['2026-03-15', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(isCprShaped(text)).toBe(expected);
  });

  it('finds a CPR after a non-matching candidate', () => {
    expect(isCprShaped('id 9999999999 and 1503264001')).toBe(true);
  });
});
