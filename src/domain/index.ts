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
export {
  ACUTE_ASSESSMENT_HOURS,
  acuteAssessmentDueAt,
  type DeadlineBreach,
  type DeadlineStatus,
  type NotificationDeadlineFacts,
  type NotificationDeadlines,
  notificationDeadlines,
  RECEIPT_WORKING_DAYS,
  receiptDueOn,
} from './notification-deadlines';
export {
  checkStatementPairs,
  DEFAULT_SCALE_ANCHORS,
  decideSsdMeeting,
  isOverdue,
  isScaleRating,
  type MeetingLegalBasis,
  mayJoinSsdMeeting,
  type PairIssue,
  SSD_EXCLUDED_PROFESSIONS,
  SSD_MAX_MEETINGS,
  SSD_UNIT_KINDS,
  type SsdDecision,
  type StatementPair,
} from './signs-of-safety';
export {
  type AttendanceMark,
  attendedSessions,
  type CertificationPeriod,
  certifiedOnAll,
  COSP_DEFAULTS,
  firstWeekdayOnOrAfter,
  isCompleted,
  isSmallNumber,
  median,
  type ParticipantState,
  PLACE_OFFER_DAYS,
  type PlaceCandidate,
  type PlacePlan,
  placeForNewcomer,
  planPlaces,
  type PlannedSession,
  planSessions,
  type SessionPlanInput,
  SMALL_NUMBER_THRESHOLD,
  waitingList,
} from './courses';
export { AGE_BANDS, type AgeBand, ageBand, byLongestWaiting, type Waiting, waitingDays } from './sparring';
export {
  CONSENT_CATEGORIES,
  CONSENT_PURPOSES,
  type ConsentCategory,
  consentCovers,
  type ConsentPurpose,
  consentState,
  type ConsentState,
  HANDOVER_ACKNOWLEDGE_WORKING_DAYS,
  HANDOVER_LEAD_DAYS,
  handoverAcknowledgementOverdue,
  handoverDueFrom,
  type ConsentTerms,
  PROFESSION_UNIT_KINDS,
  type SharingQuestion,
} from './consent';
export {
  ageBandOn,
  COUNSELLING_AGE_BANDS,
  COUNSELLING_TOPICS,
  type CounsellingAgeBand,
  type CounsellingTopic,
  monthsBetween,
  shareAnonymous,
  WORKSHOP_THEMES,
  type WorkshopTheme,
} from './counselling';
