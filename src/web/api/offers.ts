import { api } from './client';

/**
 * Offers (tilbud) and courses (forløb): the catalogue, courses with sessions and rosters,
 * referrals and places, attendance, a child's offers, my courses and a unit's numbers.
 * Shapes as in src/server/modules/offers/schema.ts.
 */

export type Audience = 'universal' | 'vulnerable' | 'staff';
export type OfferFormat = 'group_course' | 'individual_course' | 'drop_in' | 'workshop' | 'talk' | 'forum';
export type ParticipantState = 'waiting' | 'offered' | 'enrolled' | 'completed' | 'not_completed' | 'dropped_out' | 'declined';
export type AttendanceStatus = 'present' | 'absent' | 'excused';

export interface Ref {
  id: string;
  name: string;
}

export interface Offer {
  id: string;
  name: string;
  description: string;
  ageFromMonths: number | null;
  ageToMonths: number | null;
  audience: Audience;
  format: OfferFormat;
  method: string;
  requiredCertification: string | null;
  units: Ref[];
  minSessionsToComplete: number | null;
  defaultCapacity: number | null;
  defaultSessionCount: number | null;
  defaultSessionMinutes: number | null;
  active: boolean;
  runByMyUnit: boolean;
  version: number;
}

export interface CourseCounts {
  enrolled: number;
  offered: number;
  waiting: number;
  completed: number;
  free: number;
}

export interface CourseSummary {
  id: string;
  offerId: string;
  offerName: string;
  unit: Ref;
  name: string;
  place: string;
  capacity: number;
  startDate: string;
  weekday: number;
  startTime: string;
  durationMinutes: number;
  sessionCount: number;
  facilitators: Ref[];
  finished: boolean;
  counts: CourseCounts;
  runByMe: boolean;
  version: number;
}

export interface OfferWithCourses extends Offer {
  courses: CourseSummary[];
}

export interface Session {
  id: string;
  number: number;
  date: string;
  startTime: string;
  durationMinutes: number;
  topic: string | null;
  marks: number;
  version: number;
}

export interface ParticipantAdult {
  id: string;
  name: string;
  relation: string | null;
  preferredLanguage: string;
  interpreterNeeded: boolean;
}

export interface Participant {
  id: string;
  courseId: string;
  child: { id: string; name: string; birthDate: string | null };
  adults: ParticipantAdult[];
  source: 'referral' | 'self';
  referredBy: Ref;
  reason: string | null;
  referredAt: string;
  state: ParticipantState;
  position: number | null;
  offerExpiresOn: string | null;
  endReason: string | null;
  attended: number;
  version: number;
}

export interface CourseDetail extends CourseSummary {
  minSessionsToComplete: number | null;
  sessions: Session[];
  roster: Participant[];
  waiting: Participant[];
  ended: Participant[];
}

export interface CreateCourseInput {
  unitId: string;
  name?: string;
  place: string;
  capacity?: number;
  startDate: string;
  startTime: string;
  durationMinutes?: number;
  sessionCount?: number;
  facilitatorIds: string[];
}

export interface AttendanceSheet {
  courseId: string;
  courseName: string;
  session: Session;
  sessionCount: number;
  finished: boolean;
  /** One row per participating parent; `version` is the mark's version (0 while there is none). */
  rows: { participantId: string; childName: string; adult: ParticipantAdult; status: AttendanceStatus | null; version: number }[];
}

export interface ChildOfferItem {
  participantId: string;
  courseId: string;
  courseName: string;
  offerName: string;
  unitName: string;
  state: ParticipantState;
  position: number | null;
  offerExpiresOn: string | null;
  referredAt: string;
  referredBy: Ref;
  source: 'referral' | 'self';
  reason: string | null;
  attended: number;
  sessionCount: number;
  startDate: string;
  endReason: string | null;
  version: number;
}

export interface MyCourse {
  id: string;
  name: string;
  offerName: string;
  place: string;
  capacity: number;
  sessionCount: number;
  counts: CourseCounts;
  todaySessions: Session[];
  nextSession: Session | null;
}

export interface UnitOfferStats {
  unitId: string;
  offers: {
    offerId: string;
    name: string;
    courses: number;
    capacity: number;
    participants: number | null;
    suppressed: boolean;
    fillRate: number | null;
    medianWaitingDays: number | null;
    completionRate: number | null;
    waitingNow: number | null;
  }[];
}

export const offerKeys = {
  all: ['offers'] as const,
  list: ['offers', 'list'] as const,
  offer: (id: string) => ['offers', 'offer', id] as const,
  course: (id: string) => ['offers', 'course', id] as const,
  attendance: (sessionId: string) => ['offers', 'attendance', sessionId] as const,
  child: (childId: string) => ['offers', 'child', childId] as const,
  mine: ['offers', 'mine'] as const,
  unit: (unitId: string) => ['offers', 'unit', unitId] as const,
};

const id = (s: string) => encodeURIComponent(s);

export const listOffers = () => api<{ items: Offer[] }>('/api/offers').then((r) => r.items);
export const getOffer = (offerId: string) => api<OfferWithCourses>(`/api/offers/${id(offerId)}`);
export const createCourse = (offerId: string, body: CreateCourseInput) =>
  api<CourseDetail>(`/api/offers/${id(offerId)}/courses`, { method: 'POST', body });
export const getCourse = (courseId: string) => api<CourseDetail>(`/api/courses/${id(courseId)}`);
/** Changes a course's name, place, capacity or facilitators; more capacity offers places to the next in line. */
export const updateCourse = (courseId: string, body: { version: number; capacity?: number; place?: string; name?: string; facilitatorIds?: string[] }) =>
  api<CourseDetail>(`/api/courses/${id(courseId)}`, { method: 'PATCH', body });
export const finishCourse = (courseId: string, version: number) =>
  api<CourseDetail>(`/api/courses/${id(courseId)}/finish`, { method: 'POST', body: { version } });
/** Moves a session or sets its topic (send the version you read); answers with the whole course. */
export const updateSession = (sessionId: string, body: { version: number; date?: string; startTime?: string; durationMinutes?: number; topic?: string | null }) =>
  api<CourseDetail>(`/api/course-sessions/${id(sessionId)}`, { method: 'PATCH', body });
export const refer = (courseId: string, body: { childId: string; source: 'referral' | 'self'; reason?: string; adultIds?: string[] }) =>
  api<Participant>(`/api/courses/${id(courseId)}/participants`, { method: 'POST', body });
export const acceptPlace = (participantId: string, version: number) =>
  api<Participant>(`/api/course-participants/${id(participantId)}/accept`, { method: 'POST', body: { version } });
export const declinePlace = (participantId: string, version: number, reason?: string) =>
  api<Participant>(`/api/course-participants/${id(participantId)}/decline`, { method: 'POST', body: { version, reason } });
export const dropOut = (participantId: string, version: number, reason: string) =>
  api<Participant>(`/api/course-participants/${id(participantId)}/drop-out`, { method: 'POST', body: { version, reason } });
export const getAttendance = (sessionId: string) => api<AttendanceSheet>(`/api/course-sessions/${id(sessionId)}/attendance`);
/** Saves marks, each with the version of the mark you read (0 if none): a colleague's newer mark gives 409. */
export const saveAttendance = (sessionId: string, marks: { participantId: string; adultId: string; status: AttendanceStatus; version: number }[]) =>
  api<AttendanceSheet>(`/api/course-sessions/${id(sessionId)}/attendance`, { method: 'PUT', body: { marks } });
export const getChildOffers = (childId: string) =>
  api<{ childId: string; items: ChildOfferItem[] }>(`/api/children/${id(childId)}/offers`).then((r) => r.items);
export const getMyCourses = () => api<{ today: string; items: MyCourse[] }>('/api/my-courses');
export const getUnitOfferStats = (unitId: string) => api<UnitOfferStats>(`/api/units/${id(unitId)}/offer-stats`);
