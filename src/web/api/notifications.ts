import { api, queryString } from './client';

/**
 * Notifications (underretninger, Barnets Lov § 133): notifying, the notifier's own list, the
 * social services inbox and handling. Shapes as in src/server/modules/notifications/schema.ts.
 */

export type Ground = 'special_support' | 'unborn_child' | 'school_absence' | 'abuse';
export type NotInformedReason = 'suspected_abuse_by_parents' | 'risk_to_child' | 'could_not_reach' | 'other';
export type Outcome = 'no_further_action' | 'investigation' | 'measures' | 'referred_elsewhere';
export type Feedback = 'told' | 'suppressed';
export type NotificationState = 'received' | 'receipt_confirmed' | 'assessed' | 'closed';
export type InboxFilter = 'open' | 'closed' | 'all';

/** The four § 133 grounds, in the order of the law. */
export const GROUNDS: Ground[] = ['special_support', 'unborn_child', 'school_absence', 'abuse'];
export const NOT_INFORMED_REASONS: NotInformedReason[] = ['suspected_abuse_by_parents', 'risk_to_child', 'could_not_reach', 'other'];
export const OUTCOMES: Outcome[] = ['no_further_action', 'investigation', 'measures', 'referred_elsewhere'];

export interface Deadlines {
  acuteDueAt: string;
  acuteStatus: 'met' | 'met_late' | 'open' | 'overdue';
  receiptDueOn: string;
  receiptStatus: 'met' | 'met_late' | 'open' | 'due_today' | 'overdue';
  breaches: ('receipt_late' | 'acute_late')[];
}

interface Subject {
  child: { id: string; name: string; status: 'born' | 'expected'; expectedDate: string | null } | null;
  expectantParent: { name: string; address: string | null; cprMasked: string | null; expectedDate: string | null } | null;
  label: string;
}

interface Common extends Subject {
  id: string;
  grounds: Ground[];
  observations: string;
  parentsInformed: boolean;
  notInformedReason: NotInformedReason | null;
  notInformedText: string | null;
  notifier: { id: string; name: string; profession: string; unitId: string; workplace: string; workplaceAddress: string | null };
  recipientUnit: { id: string; name: string };
  receivedAt: string;
  receivedOn: string;
  state: NotificationState;
}

export interface NotifierView extends Common {
  view: 'notifier';
  receipt: { confirmedOn: string } | null;
  feedback: { status: 'pending' | 'told' | 'withheld'; outcome: Outcome | null };
}

interface PersonRef {
  id: string;
  name: string;
}

export interface HandlerView extends Common {
  view: 'handler';
  version: number;
  deadlines: Deadlines;
  receipt: { confirmedOn: string; recordedAt: string; recordedBy: PersonRef | null } | null;
  assessment: { assessedAt: string; acute: boolean; note: string | null; recordedBy: PersonRef | null } | null;
  outcome: {
    outcome: Outcome;
    note: string | null;
    feedback: Feedback;
    feedbackReason: string | null;
    recordedAt: string;
    recordedBy: PersonRef | null;
  } | null;
}

export type NotificationView = HandlerView | NotifierView;

export interface InboxItem extends Subject {
  id: string;
  version: number;
  grounds: Ground[];
  notifier: { name: string; workplace: string };
  receivedAt: string;
  state: NotificationState;
  deadlines: Deadlines;
}

export interface InboxCounts {
  open: number;
  dueToday: number;
  overdue: number;
}

export interface NotificationSummary {
  inbox: InboxCounts | null;
  mine: { total: number; newReceipts: number };
}

export interface CreateNotificationInput {
  childId?: string | null;
  expectantParent?: { name: string; address?: string | null; cpr?: string | null; expectedDate?: string | null } | null;
  grounds: Ground[];
  observations: string;
  parentsInformed: boolean;
  notInformedReason?: NotInformedReason | null;
  notInformedText?: string | null;
  notifierUnitId: string;
}

export const notificationKeys = {
  all: ['notifications'] as const,
  mine: ['notifications', 'mine'] as const,
  inbox: (filter: InboxFilter) => ['notifications', 'inbox', filter] as const,
  one: (id: string) => ['notifications', 'one', id] as const,
  summary: ['notifications', 'summary'] as const,
};

const id = (s: string) => encodeURIComponent(s);

export const createNotification = (body: CreateNotificationInput) => api<NotifierView>('/api/notifications', { method: 'POST', body });

export const listMyNotifications = () => api<{ items: NotifierView[] }>('/api/notifications/mine').then((r) => r.items);

export const getInbox = (state: InboxFilter) =>
  api<{ items: InboxItem[]; counts: InboxCounts }>(`/api/notifications/inbox${queryString({ state })}`);

export const getNotification = (notificationId: string) => api<NotificationView>(`/api/notifications/${id(notificationId)}`);

export const getNotificationSummary = () => api<NotificationSummary>('/api/notifications/summary');

export const confirmReceipt = (notificationId: string, body: { version: number; confirmedOn?: string }) =>
  api<HandlerView>(`/api/notifications/${id(notificationId)}/receipt`, { method: 'POST', body });

export const recordAssessment = (notificationId: string, body: { version: number; acute: boolean; note: string }) =>
  api<HandlerView>(`/api/notifications/${id(notificationId)}/assessment`, { method: 'POST', body });

export const recordOutcome = (
  notificationId: string,
  body: { version: number; outcome: Outcome; note?: string | null; feedback: Feedback; feedbackReason?: string | null },
) => api<HandlerView>(`/api/notifications/${id(notificationId)}/outcome`, { method: 'POST', body });
