/**
 * Spire's pure domain library: no I/O, no dependencies.
 *
 * Every function named in `shared/vectors/*.json` must be exported from here;
 * `vectors.test.ts` looks them up by name.
 *
 * @example
 * import { parseCpr, addWorkingDays } from './domain';
 * parseCpr('150326-4001').ok;         // true
 * addWorkingDays('2026-11-23', 6);    // '2026-12-01'
 */

export { ageInMonths } from './age';
export { type CprParseResult, cprCentury, isCprShaped, type LegalSex, maskCpr, parseCpr, passesModulus11 } from './cpr';
export {
  addDays,
  addMonths,
  type DateParts,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  type IsoDate,
  isLeapYear,
  isValidDateParts,
  isValidIsoDate,
  parseIsoDate,
  toIsoDate,
} from './dates';
export { DomainInputError, INVALID_INPUT, isInvalidInputError } from './errors';
export {
  danishPublicHolidays,
  easterSunday,
  isDanishPublicHoliday,
  LAST_GENERAL_PRAYER_DAY_YEAR,
  type PublicHoliday,
} from './holidays';
export {
  ADBB,
  cutOffFor,
  EPDS,
  epdsScoreFromPosition,
  getInstrument,
  INSTRUMENTS,
  type InstrumentDefinition,
  type InstrumentId,
  type InstrumentItem,
  type InstrumentThresholds,
  M_ADBB,
  type RespondentRole,
  type ScoreContext,
  type ScoreResult,
  scoreInstrument,
  type UrgentRule,
} from './instruments';
export {
  addWorkingDays,
  DEFAULT_EXTRA_CLOSING_DAYS,
  isValidClosingDayEntry,
  isWorkingDay,
  type WorkingDayOptions,
} from './working-days';
export {
  contactStatus,
  type ContactStatus,
  DEFAULT_VISIT_TEMPLATES,
  type Offset,
  type PlannedContact,
  planContacts,
  type ScheduleFacts,
  shift,
  type VisitTemplate,
  type VisitTrack,
} from './visit-schedule';
