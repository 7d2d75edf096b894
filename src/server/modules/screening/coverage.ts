/**
 * Screening coverage for a unit's overview: per expected screening round, how
 * many children of the caseload have reached the round's age window, how
 * many were screened in it, and how many screened positive. Pure; counts only,
 * never which children.
 *
 * The rounds follow domain.md §1.5 (Danish data grouped at about 2, 4 and 8
 * months; the exact national visit set is unverified) and §2.4 (EPDS about
 * 2 months after birth). Ages are completed months on the observation date.
 */
import { ageInMonths, type IsoDate } from '../../../domain';

/** One expected screening round. */
export interface ScreeningRound {
  key: string;
  instrument: 'adbb' | 'epds';
  labelDa: string;
  labelEn: string;
  /** Inclusive window of the child's age in completed months. */
  minMonths: number;
  maxMonths: number;
}

/** The expected rounds. m-ADBB is not a round: it never counts as ADBB coverage (rule A7). */
export const SCREENING_ROUNDS: readonly ScreeningRound[] = [
  { key: 'adbb_2m', instrument: 'adbb', labelDa: 'ADBB ved 2-månedersbesøget', labelEn: 'ADBB at the 2-month contact', minMonths: 2, maxMonths: 3 },
  { key: 'adbb_4_6m', instrument: 'adbb', labelDa: 'ADBB ved 4–6-månedersbesøget', labelEn: 'ADBB at the 4–6-month contact', minMonths: 4, maxMonths: 6 },
  { key: 'adbb_8_10m', instrument: 'adbb', labelDa: 'ADBB ved 8–10-månedersbesøget', labelEn: 'ADBB at the 8–10-month contact', minMonths: 8, maxMonths: 10 },
  { key: 'epds_2m', instrument: 'epds', labelDa: 'EPDS ca. 2 måneder efter fødslen', labelEn: 'EPDS about 2 months after birth', minMonths: 1, maxMonths: 3 },
];

/** A child of the caseload (born children only count). */
export interface CoverageChild {
  id: string;
  birthDate: IsoDate | null;
}

/** A recorded screening, reduced to what coverage needs. */
export interface CoverageScreening {
  childId: string;
  instrument: string;
  /** Completed months at observation; null in pregnancy. */
  ageMonths: number | null;
  positive: boolean | null;
}

/** The counts for one round. */
export interface RoundCoverage {
  key: string;
  instrument: 'adbb' | 'epds';
  labelDa: string;
  labelEn: string;
  minMonths: number;
  maxMonths: number;
  /** Children whose age today is at least the window's start. */
  reached: number;
  /** Of those, children whose window has ended. */
  windowClosed: number;
  /** Children with at least one screening of the instrument in the window. */
  screened: number;
  /** Screened children with at least one positive screening in the window. */
  positive: number;
  /** screened / reached, or null when nobody has reached the window. */
  coverage: number | null;
  /** positive / screened, or null when nobody was screened. */
  positiveShare: number | null;
}

/**
 * Counts coverage per round.
 * @example coverageFor(SCREENING_ROUNDS, [{ id: 'a', birthDate: '2026-01-01' }], [], '2026-03-05')[0]
 * // { key: 'adbb_2m', reached: 1, screened: 0, coverage: 0, … }
 */
export function coverageFor(
  rounds: readonly ScreeningRound[],
  children: readonly CoverageChild[],
  screenings: readonly CoverageScreening[],
  today: IsoDate,
): RoundCoverage[] {
  const ages = new Map<string, number>();
  for (const child of children) {
    if (child.birthDate && child.birthDate <= today) ages.set(child.id, ageInMonths(child.birthDate, today));
  }
  return rounds.map((round) => {
    const reached = new Set([...ages].filter(([, age]) => age >= round.minMonths).map(([id]) => id));
    const windowClosed = [...reached].filter((id) => (ages.get(id) ?? 0) > round.maxMonths).length;
    const screened = new Set<string>();
    const positive = new Set<string>();
    for (const s of screenings) {
      if (s.instrument !== round.instrument || !reached.has(s.childId) || s.ageMonths === null) continue;
      if (s.ageMonths < round.minMonths || s.ageMonths > round.maxMonths) continue;
      screened.add(s.childId);
      if (s.positive) positive.add(s.childId);
    }
    return {
      ...round,
      reached: reached.size,
      windowClosed,
      screened: screened.size,
      positive: positive.size,
      coverage: reached.size ? screened.size / reached.size : null,
      positiveShare: screened.size ? positive.size / screened.size : null,
    };
  });
}
