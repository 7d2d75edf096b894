/**
 * Shapes for offers (tilbud) and courses (forløb): the municipality's
 * catalogue, course runs with facilitators and sessions, the families taking
 * part (referral, waiting list, offered place, enrolment, completion),
 * attendance, a child's offers, the facilitator's courses and a unit's numbers.
 */
import { z } from '@hono/zod-openapi';
import { IsoDate } from '../../http/openapi-shared';

/** Text without NUL characters (PostgreSQL cannot store them). */
const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((value) => !value.includes('\u0000'), { params: { code: 'invalid' } });

/** The version you read. */
const version = z.number().int().min(1).max(1_000_000);
/** 'HH:MM', 24-hour clock. */
const clockTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/).openapi({ example: '09:30' });

/** Who an offer is for. */
export const audiences = ['universal', 'vulnerable', 'staff'] as const;
/** How an offer is delivered. */
export const formats = ['group_course', 'individual_course', 'drop_in', 'workshop', 'talk', 'forum'] as const;
/** States of a family in a course. */
export const participantStates = ['waiting', 'offered', 'enrolled', 'completed', 'not_completed', 'dropped_out', 'declined'] as const;
/** Attendance marks. */
export const attendanceStatuses = ['present', 'absent', 'excused'] as const;

export const ParticipantParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

const Ref = z.object({ id: z.uuid(), name: z.string() });

// ---- The catalogue ----------------------------------------------------------------

export const Offer = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    ageFromMonths: z.number().int().nullable(),
    ageToMonths: z.number().int().nullable(),
    audience: z.enum(audiences),
    format: z.enum(formats),
    method: z.string(),
    requiredCertification: z.string().nullable(),
    units: z.array(Ref),
    minSessionsToComplete: z.number().int().nullable(),
    defaultCapacity: z.number().int().nullable(),
    defaultSessionCount: z.number().int().nullable(),
    defaultSessionMinutes: z.number().int().nullable(),
    active: z.boolean(),
    /** True when you are a member of a unit that runs the offer (you may create courses). */
    runByMyUnit: z.boolean(),
    version: z.number().int(),
  })
  .openapi('Offer');

const offerFields = {
  name: text(1, 200),
  description: text(0, 4000).optional(),
  ageFromMonths: z.number().int().min(0).max(300).nullable().optional(),
  ageToMonths: z.number().int().min(0).max(300).nullable().optional(),
  audience: z.enum(audiences),
  format: z.enum(formats),
  method: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  requiredCertification: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/).nullable().optional(),
  unitIds: z.array(z.uuid()).max(50).optional(),
  minSessionsToComplete: z.number().int().min(1).max(52).nullable().optional(),
  defaultCapacity: z.number().int().min(1).max(200).nullable().optional(),
  defaultSessionCount: z.number().int().min(1).max(52).nullable().optional(),
  defaultSessionMinutes: z.number().int().min(1).max(600).nullable().optional(),
  active: z.boolean().optional(),
};

export const CreateOffer = z.strictObject(offerFields).openapi('CreateOffer');

export const UpdateOffer = z
  .strictObject({
    version,
    name: offerFields.name.optional(),
    description: offerFields.description,
    ageFromMonths: offerFields.ageFromMonths,
    ageToMonths: offerFields.ageToMonths,
    audience: offerFields.audience.optional(),
    format: offerFields.format.optional(),
    method: offerFields.method.optional(),
    requiredCertification: offerFields.requiredCertification,
    unitIds: offerFields.unitIds,
    minSessionsToComplete: offerFields.minSessionsToComplete,
    defaultCapacity: offerFields.defaultCapacity,
    defaultSessionCount: offerFields.defaultSessionCount,
    defaultSessionMinutes: offerFields.defaultSessionMinutes,
    active: offerFields.active,
  })
  .openapi('UpdateOffer');

// ---- Courses ------------------------------------------------------------------------

export const Session = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    date: z.string(),
    startTime: z.string(),
    durationMinutes: z.number().int(),
    topic: z.string().nullable(),
    /** How many attendance marks are recorded for the session. */
    marks: z.number().int(),
    version: z.number().int(),
  })
  .openapi('CourseSession');

const Counts = z.object({
  enrolled: z.number().int(),
  offered: z.number().int(),
  waiting: z.number().int(),
  completed: z.number().int(),
  /** capacity − enrolled − offered (never below 0). */
  free: z.number().int(),
});

export const CourseSummary = z
  .object({
    id: z.uuid(),
    offerId: z.uuid(),
    offerName: z.string(),
    unit: Ref,
    name: z.string(),
    place: z.string(),
    capacity: z.number().int(),
    startDate: z.string(),
    weekday: z.number().int(),
    startTime: z.string(),
    durationMinutes: z.number().int(),
    sessionCount: z.number().int(),
    facilitators: z.array(Ref),
    finished: z.boolean(),
    counts: Counts,
    /** True when you are a facilitator or a member of the running unit (you see the roster). */
    runByMe: z.boolean(),
    version: z.number().int(),
  })
  .openapi('CourseSummary');

export const OfferWithCourses = Offer.extend({ courses: z.array(CourseSummary) }).openapi('OfferWithCourses');

const Adult = z.object({
  id: z.uuid(),
  name: z.string(),
  relation: z.string().nullable(),
  preferredLanguage: z.string(),
  interpreterNeeded: z.boolean(),
});

export const Participant = z
  .object({
    id: z.uuid(),
    courseId: z.uuid(),
    child: z.object({ id: z.uuid(), name: z.string(), birthDate: z.string().nullable() }),
    adults: z.array(Adult),
    source: z.enum(['referral', 'self']),
    referredBy: Ref,
    reason: z.string().nullable(),
    referredAt: z.string(),
    state: z.enum(participantStates),
    /** Place on the waiting list (1 = next in line), for waiting families. */
    position: z.number().int().nullable(),
    offerExpiresOn: z.string().nullable(),
    endReason: z.string().nullable(),
    /** Sessions the family attended (at least one parent present). */
    attended: z.number().int(),
    version: z.number().int(),
  })
  .openapi('CourseParticipant');

export const CourseDetail = CourseSummary.extend({
  minSessionsToComplete: z.number().int().nullable(),
  sessions: z.array(Session),
  /** Enrolled, offered, completed and not completed families. */
  roster: z.array(Participant),
  /** The waiting list, first in line first. */
  waiting: z.array(Participant),
  /** Families who dropped out or declined. */
  ended: z.array(Participant),
}).openapi('CourseDetail');

export const CreateCourse = z
  .strictObject({
    /** The running unit: one of the offer's units, and yours. */
    unitId: z.uuid(),
    name: text(1, 200).optional(),
    place: text(1, 300),
    /** Default: the offer's default capacity (COS-P: 6). */
    capacity: z.number().int().min(1).max(200).optional(),
    startDate: IsoDate,
    /** ISO weekday 1–7 (Monday = 1); default: the start date's weekday. */
    weekday: z.number().int().min(1).max(7).optional(),
    startTime: clockTime,
    /** Default: the offer's default (COS-P: 90). */
    durationMinutes: z.number().int().min(1).max(600).optional(),
    /** Default: the offer's default (COS-P: 8). */
    sessionCount: z.number().int().min(1).max(52).optional(),
    facilitatorIds: z.array(z.uuid()).min(1).max(10),
  })
  .openapi('CreateCourse');

export const UpdateCourse = z
  .strictObject({
    version,
    name: text(1, 200).optional(),
    place: text(1, 300).optional(),
    capacity: z.number().int().min(1).max(200).optional(),
    facilitatorIds: z.array(z.uuid()).min(1).max(10).optional(),
  })
  .openapi('UpdateCourse');

export const UpdateSession = z
  .strictObject({
    version,
    date: IsoDate.optional(),
    startTime: clockTime.optional(),
    durationMinutes: z.number().int().min(1).max(600).optional(),
    topic: text(0, 300).nullable().optional(),
  })
  .openapi('UpdateCourseSession');

export const FinishCourse = z.strictObject({ version }).openapi('FinishCourse');

// ---- Participants ----------------------------------------------------------------------

export const Refer = z
  .strictObject({
    childId: z.uuid(),
    /** The participating parents: adults related to the child. Default: the parents with custody. */
    adultIds: z.array(z.uuid()).max(4).optional(),
    /** 'referral' by a professional, or 'self' (the family signed up; you record it). */
    source: z.enum(['referral', 'self']).default('referral'),
    reason: text(0, 2000).optional(),
  })
  .openapi('ReferToCourse');

export const ParticipantAction = z.strictObject({ version }).openapi('CourseParticipantAction');
export const EndParticipation = z.strictObject({ version, reason: text(1, 1000) }).openapi('EndCourseParticipation');
export const Decline = z.strictObject({ version, reason: text(0, 1000).optional() }).openapi('DeclineCoursePlace');

// ---- Attendance ------------------------------------------------------------------------

export const AttendanceSheet = z
  .object({
    courseId: z.uuid(),
    courseName: z.string(),
    session: Session,
    sessionCount: z.number().int(),
    rows: z.array(
      z.object({
        participantId: z.uuid(),
        childName: z.string(),
        adult: Adult,
        status: z.enum(attendanceStatuses).nullable(),
        /** The mark's version, 0 while there is none: send it back when marking. */
        version: z.number().int(),
      }),
    ),
    finished: z.boolean(),
  })
  .openapi('AttendanceSheet');

export const SaveAttendance = z
  .strictObject({
    marks: z
      .array(
        z.strictObject({
          participantId: z.uuid(),
          adultId: z.uuid(),
          status: z.enum(attendanceStatuses),
          /** The version of the mark you read (0 if the parent had none): two people marking the same parent never silently overwrite each other. */
          version: z.number().int().min(0),
        }),
      )
      .min(1)
      .max(100),
  })
  .openapi('SaveAttendance');

// ---- A child's offers, my courses, a unit's numbers ----------------------------------

export const ChildOffers = z
  .object({
    childId: z.uuid(),
    items: z.array(
      z.object({
        participantId: z.uuid(),
        courseId: z.uuid(),
        courseName: z.string(),
        offerName: z.string(),
        unitName: z.string(),
        state: z.enum(participantStates),
        position: z.number().int().nullable(),
        offerExpiresOn: z.string().nullable(),
        referredAt: z.string(),
        referredBy: Ref,
        source: z.enum(['referral', 'self']),
        reason: z.string().nullable(),
        attended: z.number().int(),
        sessionCount: z.number().int(),
        startDate: z.string(),
        endReason: z.string().nullable(),
        version: z.number().int(),
      }),
    ),
  })
  .openapi('ChildOffers');

export const MyCourses = z
  .object({
    today: z.string(),
    items: z.array(
      CourseSummary.pick({ id: true, name: true, offerName: true, place: true, capacity: true, sessionCount: true, counts: true }).extend({
        todaySessions: z.array(Session),
        nextSession: Session.nullable(),
      }),
    ),
  })
  .openapi('MyCourses');

export const UnitOfferStats = z
  .object({
    unitId: z.uuid(),
    offers: z.array(
      z.object({
        offerId: z.uuid(),
        name: z.string(),
        courses: z.number().int(),
        capacity: z.number().int(),
        /** Families who took part (enrolled, completed, not completed, dropped out). */
        participants: z.number().int().nullable(),
        /** True when fewer than 5 families took part: the other numbers are then withheld. */
        suppressed: z.boolean(),
        /** enrolled / capacity in running courses, 0–1. */
        fillRate: z.number().nullable(),
        /** Median days from referral to enrolment. */
        medianWaitingDays: z.number().nullable(),
        /** completed / (completed + not completed + dropped out), 0–1. */
        completionRate: z.number().nullable(),
        waitingNow: z.number().int().nullable(),
      }),
    ),
  })
  .openapi('UnitOfferStats');

export type OfferShape = z.infer<typeof Offer>;
export type OfferWithCoursesShape = z.infer<typeof OfferWithCourses>;
export type CreateOfferInput = z.infer<typeof CreateOffer>;
export type UpdateOfferInput = z.infer<typeof UpdateOffer>;
export type SessionShape = z.infer<typeof Session>;
export type CourseSummaryShape = z.infer<typeof CourseSummary>;
export type CourseDetailShape = z.infer<typeof CourseDetail>;
export type ParticipantShape = z.infer<typeof Participant>;
export type CreateCourseInput = z.infer<typeof CreateCourse>;
export type UpdateCourseInput = z.infer<typeof UpdateCourse>;
export type UpdateSessionInput = z.infer<typeof UpdateSession>;
export type ReferInput = z.infer<typeof Refer>;
export type AttendanceSheetShape = z.infer<typeof AttendanceSheet>;
export type SaveAttendanceInput = z.infer<typeof SaveAttendance>;
export type ChildOffersShape = z.infer<typeof ChildOffers>;
export type MyCoursesShape = z.infer<typeof MyCourses>;
export type UnitOfferStatsShape = z.infer<typeof UnitOfferStats>;
