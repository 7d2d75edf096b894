import { api } from './client';

/**
 * Cross-professional meetings: the meeting, participants, the Signs of Safety map, next steps,
 * minutes and ratings over time. Shapes as in src/server/modules/meetings/schema.ts.
 */

export type MeetingKind = 'cross_professional' | 'daycare_parents';
export type LegalBasis = 'consent' | 'ssd';
export type Wording = 'safety' | 'wellbeing';

export interface MeetingPerson {
  id: string;
  name: string;
}

export interface MeetingSummary {
  id: string;
  child: { id: string; name: string; birthDate: string | null };
  kind: MeetingKind;
  heldOn: string;
  startTime: string | null;
  place: string;
  facilitator: MeetingPerson;
  facilitatorUnit: MeetingPerson;
  legalBasis: LegalBasis;
  followsMeetingId: string | null;
  myRole: 'facilitator' | 'participant' | 'unit';
  /** Set once the facilitator has closed the meeting (read-only from then on). */
  closedAt: string | null;
  closedBy: MeetingPerson | null;
}

export interface Participant {
  id: string;
  kind: 'staff' | 'parent' | 'network';
  name: string;
  staffId: string | null;
  profession: string | null;
  unit: { id: string; name: string; kind: string } | null;
  adultId: string | null;
  relation: string | null;
  attended: boolean | null;
  rating: number | null;
  removedAt: string | null;
  version: number;
}

export interface StatementPair {
  statement: string;
  goal: string;
}

export interface MeetingMapContent {
  harm: string[];
  dangers: StatementPair[];
  complicating: string[];
  strengths: string[];
  existingSafety: string[];
  childPerspective: string | null;
}

export interface MeetingMap extends MeetingMapContent {
  version: number;
  updatedBy: MeetingPerson | null;
  updatedAt: string;
}

export interface MeetingAction {
  id: string;
  meetingId: string;
  description: string;
  owner: { participantId: string; name: string; kind: Participant['kind']; staffId: string | null };
  dueOn: string;
  status: 'open' | 'done';
  overdue: boolean;
  version: number;
}

export interface MyMeetingAction extends MeetingAction {
  child: { id: string; name: string };
  meetingHeldOn: string;
}

export interface Minutes {
  id: string;
  revision: number;
  text: string;
  status: 'draft' | 'approved';
  approvedBy: MeetingPerson | null;
  approvedAt: string | null;
  updatedAt: string;
  version: number;
}

export interface Meeting extends MeetingSummary {
  consent: { givenBy: MeetingPerson; givenOn: string; form: 'written' | 'oral' } | null;
  ssd: { ordinal: number; specialReason: string | null } | null;
  sparringRequestId: string | null;
  wording: Wording;
  scaleAnchorLow: string;
  scaleAnchorHigh: string;
  parentSummary: string | null;
  version: number;
  mayEdit: boolean;
  mayFacilitate: boolean;
  mayClose: boolean;
  mayCompleteActions: boolean;
  participants: Participant[];
  removedParticipants: Participant[];
  map: MeetingMap;
  actions: MeetingAction[];
  minutes: Minutes | null;
  minutesHistory: Minutes[];
  ratingsOverTime: {
    meetings: { meetingId: string; heldOn: string }[];
    series: { key: string; name: string; ratings: (number | null)[] }[];
  };
}

export interface ParticipantsInput {
  staff?: { staffId: string; unitId?: string }[];
  parents?: string[];
  network?: { name: string; relation: string }[];
}

export interface CreateMeetingInput {
  childId: string;
  kind?: MeetingKind;
  heldOn: string;
  startTime?: string;
  place: string;
  legalBasis: LegalBasis;
  consent?: { givenBy: string; givenOn: string; form: 'written' | 'oral' };
  ssdSpecialCase?: boolean;
  ssdSpecialReason?: string;
  followsMeetingId?: string;
  sparringRequestId?: string;
  wording?: Wording;
  participants?: ParticipantsInput;
}

export const meetingKeys = {
  mine: ['meetings', 'mine'] as const,
  detail: (id: string) => ['meetings', 'detail', id] as const,
  child: (childId: string) => ['meetings', 'child', childId] as const,
  myActions: ['meetings', 'my-actions'] as const,
};

const id = (s: string) => encodeURIComponent(s);

export const listMyMeetings = () => api<{ items: MeetingSummary[] }>('/api/meetings').then((r) => r.items);
export const listChildMeetings = (childId: string) =>
  api<{ items: MeetingSummary[] }>(`/api/children/${id(childId)}/meetings`).then((r) => r.items);
export const getMeeting = (meetingId: string) => api<Meeting>(`/api/meetings/${id(meetingId)}`);
export const createMeeting = (body: CreateMeetingInput) => api<Meeting>('/api/meetings', { method: 'POST', body });
export const updateMeeting = (meetingId: string, body: { version: number; parentSummary?: string | null; place?: string; heldOn?: string }) =>
  api<Meeting>(`/api/meetings/${id(meetingId)}`, { method: 'PATCH', body });
export const addParticipants = (meetingId: string, body: ParticipantsInput) =>
  api<Meeting>(`/api/meetings/${id(meetingId)}/participants`, { method: 'POST', body });
export const updateParticipant = (
  meetingId: string,
  participantId: string,
  body: { version: number; attended?: boolean | null; rating?: number | null; name?: string; relation?: string },
) => api<Participant>(`/api/meetings/${id(meetingId)}/participants/${id(participantId)}`, { method: 'PATCH', body });
/** Removes a participant (facilitator; the participant's version). */
export const removeParticipant = (meetingId: string, participantId: string, version: number) =>
  api<Meeting>(`/api/meetings/${id(meetingId)}/participants/${id(participantId)}/remove`, { method: 'POST', body: { version } });
/** Closes the meeting (facilitator; needs approved minutes; the meeting's version). */
export const closeMeeting = (meetingId: string, version: number) => api<Meeting>(`/api/meetings/${id(meetingId)}/close`, { method: 'POST', body: { version } });
export const saveMap = (meetingId: string, body: MeetingMapContent & { version: number }) =>
  api<MeetingMap>(`/api/meetings/${id(meetingId)}/map`, { method: 'PUT', body });
export const createAction = (meetingId: string, body: { description: string; ownerParticipantId: string; dueOn: string }) =>
  api<MeetingAction>(`/api/meetings/${id(meetingId)}/actions`, { method: 'POST', body });
export const updateAction = (actionId: string, body: { version: number; status?: 'open' | 'done' }) =>
  api<MeetingAction>(`/api/meeting-actions/${id(actionId)}`, { method: 'PATCH', body });
export const listMyActions = () => api<{ items: MyMeetingAction[] }>('/api/my-meeting-actions').then((r) => r.items);
export const saveMinutes = (meetingId: string, body: { version: number; text: string }) =>
  api<Minutes>(`/api/meetings/${id(meetingId)}/minutes`, { method: 'PUT', body });
export const approveMinutes = (meetingId: string, version: number) =>
  api<Minutes>(`/api/meetings/${id(meetingId)}/minutes/approve`, { method: 'POST', body: { version } });
export const correctMinutes = (meetingId: string, version: number) =>
  api<Minutes>(`/api/meetings/${id(meetingId)}/minutes/correct`, { method: 'POST', body: { version } });
