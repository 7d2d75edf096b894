import { api } from './client';

/**
 * The handover from health visiting to daycare (overlevering). Shapes as in src/server/modules/handover/schema.ts.
 */

export type HandoverPart = 'development' | 'worksWell' | 'support' | 'screenings' | 'parentsWords';
export const HANDOVER_PARTS: HandoverPart[] = ['development', 'worksWell', 'support', 'screenings', 'parentsWords'];
export type MeetingParticipant = 'health_visitor' | 'pedagogue' | 'parents';
export const MEETING_PARTICIPANTS: MeetingParticipant[] = ['health_visitor', 'pedagogue', 'parents'];

export interface ScreeningResult {
  instrument: string;
  observedOn: string;
  total: number | null;
  positive: boolean | null;
}

export interface Handover {
  id: string;
  childId: string;
  childName: string;
  unit: { id: string; name: string; kind: string };
  enrolment: { id: string; startsOn: string };
  dueFrom: string;
  status: 'draft' | 'sent' | 'acknowledged';
  role: 'health_visitor' | 'recipient';
  draft: null | {
    development: string;
    worksWell: string;
    support: string;
    parentsWords: string;
    screeningIds: string[];
    availableScreenings: (ScreeningResult & { id: string })[];
    custodyHolders: { id: string; name: string }[];
  };
  shared: { part: HandoverPart; title: string; text?: string; screenings?: ScreeningResult[] }[];
  preparedBy: { id: string; name: string };
  sentAt: string | null;
  sentBy: { id: string; name: string } | null;
  acknowledgedAt: string | null;
  acknowledgedBy: { id: string; name: string } | null;
  flagged: boolean;
  meeting: { at: string; place: string; participants: MeetingParticipant[] } | null;
  version: number;
}

export interface HandoverSummary {
  id: string | null;
  childId: string;
  childName: string;
  unit: { id: string; name: string; kind: string };
  enrolmentId: string;
  startsOn: string;
  dueFrom: string;
  status: 'due' | 'draft' | 'sent' | 'acknowledged';
  sentAt: string | null;
  acknowledgedAt: string | null;
  flagged: boolean;
}

export interface MyHandovers {
  due: HandoverSummary[];
  awaiting: HandoverSummary[];
  incoming: HandoverSummary[];
}

const id = encodeURIComponent;

export const handoverKeys = {
  mine: ['handover', 'mine'] as const,
  child: (childId: string) => ['handover', 'child', childId] as const,
  one: (handoverId: string) => ['handover', 'one', handoverId] as const,
};

/** The address of a handover screen. */
export const handoverPath = (childId: string, handoverId: string, print = false) =>
  `/boern/${id(childId)}/overlevering/${id(handoverId)}${print ? '/print' : ''}`;

export const getMyHandovers = () => api<MyHandovers>('/api/my-handovers');
export const getChildHandovers = (childId: string) =>
  api<{ childId: string; canPrepare: boolean; items: HandoverSummary[] }>(`/api/children/${id(childId)}/handovers`);
export const createHandover = (childId: string, enrolmentId: string) =>
  api<Handover>(`/api/children/${id(childId)}/handovers`, { method: 'POST', body: { enrolmentId } });
export const getHandover = (handoverId: string) => api<Handover>(`/api/handovers/${id(handoverId)}`);
export const updateHandover = (
  handoverId: string,
  body: { version: number; development?: string; worksWell?: string; support?: string; parentsWords?: string; screeningIds?: string[] },
) => api<Handover>(`/api/handovers/${id(handoverId)}`, { method: 'PATCH', body });
export const sendHandover = (handoverId: string, body: { version: number; parts: HandoverPart[]; givenBy: string[]; form: 'written' | 'oral' | 'digital' }) =>
  api<Handover>(`/api/handovers/${id(handoverId)}/send`, { method: 'POST', body });
export const acknowledgeHandover = (handoverId: string, version: number) =>
  api<Handover>(`/api/handovers/${id(handoverId)}/acknowledge`, { method: 'POST', body: { version } });
export const bookHandoverMeeting = (handoverId: string, body: { version: number; at: string; place: string; participants: MeetingParticipant[] }) =>
  api<Handover>(`/api/handovers/${id(handoverId)}/meeting`, { method: 'POST', body });
