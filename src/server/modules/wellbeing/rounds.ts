/**
 * Rating rounds: twice a year per unit, spring and autumn (domain.md §5.2,
 * rule T2), each over about five weeks. Pure rules, no I/O.
 */
import { addDays } from '../../../domain';

/** The two rounds of a year. */
export const seasons = ['spring', 'autumn'] as const;
/** A round's season. */
export type Season = (typeof seasons)[number];

/** Days in the default rating period: five weeks. */
export const DEFAULT_PERIOD_DAYS = 35;

/** Where the default period starts: spring 1 March, autumn 1 October. */
const SEASON_START: Record<Season, string> = { spring: '03-01', autumn: '10-01' };
const SEASON_NAME: Record<Season, string> = { spring: 'Forår', autumn: 'Efterår' };

/** What a new round needs. */
export interface RoundPlan {
  season: Season;
  year: number;
  name: string;
  periodStart: string;
  periodEnd: string;
}

/**
 * Fills in a new round: the season of `today` (January–June spring, July–December
 * autumn) and its year unless given, the name "Forår 2027" / "Efterår 2026"
 * and a five-week period from 1 March / 1 October unless given.
 * @example planRound('2026-11-22', {}) // { season: 'autumn', year: 2026, name: 'Efterår 2026', periodStart: '2026-10-01', periodEnd: '2026-11-04' }
 */
export function planRound(
  today: string,
  input: { season?: Season; year?: number; name?: string; periodStart?: string; periodEnd?: string },
): RoundPlan {
  const season = input.season ?? (Number(today.slice(5, 7)) <= 6 ? 'spring' : 'autumn');
  const year = input.year ?? Number(today.slice(0, 4));
  const periodStart = input.periodStart ?? `${year}-${SEASON_START[season]}`;
  const periodEnd = input.periodEnd ?? addDays(periodStart, DEFAULT_PERIOD_DAYS - 1);
  return { season, year, name: input.name ?? `${SEASON_NAME[season]} ${year}`, periodStart, periodEnd };
}
