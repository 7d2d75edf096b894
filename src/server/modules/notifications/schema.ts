/**
 * Shapes for notifications (underretninger, Barnets Lov § 133; domain.md §6.1,
 * rules N1–N7): what a professional sends, what the social services unit sees
 * and records, and the reduced view the notifier gets back.
 *
 * Cross-field rules (a child or the expectant parent; a reason when the
 * parents were not told; a reason when feedback is withheld) are checked in
 * the repository and answered field by field.
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

/** The four grounds of Barnets Lov § 133 (N2). */
export const grounds = ['special_support', 'unborn_child', 'school_absence', 'abuse'] as const;
/** Why the parents were not told beforehand (N7). */
export const notInformedReasons = ['suspected_abuse_by_parents', 'risk_to_child', 'could_not_reach', 'other'] as const;
/** What the notification led to. */
export const outcomes = ['no_further_action', 'investigation', 'measures', 'referred_elsewhere'] as const;
/** Whether the notifier is told the outcome (N6). */
export const feedbackChoices = ['told', 'suppressed'] as const;
/** Where a notification is in its handling. */
export const states = ['received', 'receipt_confirmed', 'assessed', 'closed'] as const;
/** Inbox filters. */
export const inboxFilters = ['open', 'closed', 'all'] as const;

const readVersion = z.number().int().min(1).max(1_000_000);

export const ExpectantParentInput = z
  .strictObject({
    name: text(1, 200),
    /** Where the expectant parent lives, if known. */
    address: text(0, 300).nullable().optional(),
    /** The expectant parent's CPR number, if known (DDMMYY-XXXX or 10 digits). */
    cpr: z
      .string()
      .trim()
      .regex(/^\d{6}-?\d{4}$/)
      .nullable()
      .optional()
      .openapi({ example: '010190-1234' }),
    /** The expected date of birth, if known. */
    expectedDate: IsoDate.nullable().optional(),
  })
  .openapi('NotificationExpectantParent');

export const CreateNotification = z
  .strictObject({
    /** A born child, or an expected child in the registry, that you can see. Leave out to notify about expectant parents not yet registered. */
    childId: z.uuid().nullable().optional(),
    /** Expectant parents not in the registry (ground "unborn child"; no child CPR needed). */
    expectantParent: ExpectantParentInput.nullable().optional(),
    grounds: z.array(z.enum(grounds)).min(1).max(4),
    observations: text(1, 20_000),
    /** Were the parents told about the notification beforehand? */
    parentsInformed: z.boolean(),
    /** Required when the parents were not told. */
    notInformedReason: z.enum(notInformedReasons).nullable().optional(),
    notInformedText: text(0, 2_000).nullable().optional(),
    /** Your workplace: one of your own units (its address is used, never a private one). */
    notifierUnitId: z.uuid(),
  })
  .openapi('CreateNotification');

export const ConfirmReceipt = z
  .strictObject({
    version: readVersion,
    /** The date the receipt was sent to the notifier; default today. */
    confirmedOn: IsoDate.optional(),
  })
  .openapi('ConfirmNotificationReceipt');

export const RecordAssessment = z
  .strictObject({
    version: readVersion,
    /** Is the child's health or development in danger, so that acute measures are needed? */
    acute: z.boolean(),
    note: text(1, 10_000),
    /** When the assessment was made; default now. */
    assessedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .openapi('RecordNotificationAssessment');

export const RecordOutcome = z
  .strictObject({
    version: readVersion,
    outcome: z.enum(outcomes),
    note: text(0, 10_000).nullable().optional(),
    /** Is the notifier told whether it led to an investigation or measures? */
    feedback: z.enum(feedbackChoices),
    /** Required when the feedback is suppressed: why telling would harm the child. */
    feedbackReason: text(0, 2_000).nullable().optional(),
  })
  .openapi('RecordNotificationOutcome');

export const InboxQuery = z.object({
  state: z.enum(inboxFilters).optional().openapi({ param: { name: 'state', in: 'query' } }),
});

export const UpdateNotificationSettings = z
  .strictObject({
    /** The version you read (0 while the default applies). */
    version: z.number().int().min(0).max(1_000_000),
    /** 'MM-DD' (every year) or 'YYYY-MM-DD' (that date only). */
    extraClosingDays: z.array(z.string().trim().max(10)).max(100),
  })
  .openapi('UpdateNotificationSettings');

const Person = z.object({ id: z.uuid(), name: z.string() });

const Subject = z.object({
  /** The child in the registry, or null for expectant parents not registered. */
  child: z.object({ id: z.uuid(), name: z.string(), status: z.enum(['born', 'expected']), expectedDate: z.string().nullable() }).nullable(),
  expectantParent: z
    .object({ name: z.string(), address: z.string().nullable(), cprMasked: z.string().nullable(), expectedDate: z.string().nullable() })
    .nullable(),
  /** A short label for lists: the child's name or "Vordende forælder: <name>". */
  label: z.string(),
});

const Notifier = z.object({
  id: z.uuid(),
  name: z.string(),
  profession: z.string(),
  unitId: z.uuid(),
  workplace: z.string(),
  workplaceAddress: z.string().nullable(),
});

export const Deadlines = z
  .object({
    acuteDueAt: z.string(),
    acuteStatus: z.enum(['met', 'met_late', 'open', 'overdue']),
    receiptDueOn: z.string(),
    receiptStatus: z.enum(['met', 'met_late', 'open', 'due_today', 'overdue']),
    breaches: z.array(z.enum(['receipt_late', 'acute_late'])),
  })
  .openapi('NotificationDeadlines');

const Common = Subject.extend({
  id: z.uuid(),
  grounds: z.array(z.enum(grounds)),
  observations: z.string(),
  parentsInformed: z.boolean(),
  notInformedReason: z.enum(notInformedReasons).nullable(),
  notInformedText: z.string().nullable(),
  notifier: Notifier,
  recipientUnit: z.object({ id: z.uuid(), name: z.string() }),
  receivedAt: z.string(),
  receivedOn: z.string(),
  state: z.enum(states),
});

/** What the notifier sees: the receipt and, where allowed, the outcome; never the assessment notes. */
export const NotifierView = Common.extend({
  view: z.literal('notifier'),
  receipt: z.object({ confirmedOn: z.string() }).nullable(),
  /** 'pending' until an outcome is recorded; 'withheld' when social services suppressed the feedback (no reason shown). */
  feedback: z.object({ status: z.enum(['pending', 'told', 'withheld']), outcome: z.enum(outcomes).nullable() }),
}).openapi('NotificationForNotifier');

/** What the social services unit sees and records. */
export const HandlerView = Common.extend({
  view: z.literal('handler'),
  version: z.number().int(),
  deadlines: Deadlines,
  receipt: z.object({ confirmedOn: z.string(), recordedAt: z.string(), recordedBy: Person.nullable() }).nullable(),
  assessment: z.object({ assessedAt: z.string(), acute: z.boolean(), note: z.string().nullable(), recordedBy: Person.nullable() }).nullable(),
  outcome: z
    .object({
      outcome: z.enum(outcomes),
      note: z.string().nullable(),
      feedback: z.enum(feedbackChoices),
      feedbackReason: z.string().nullable(),
      recordedAt: z.string(),
      recordedBy: Person.nullable(),
    })
    .nullable(),
}).openapi('NotificationForSocialServices');

export const NotificationView = z.union([HandlerView, NotifierView]).openapi('Notification');

export const InboxItem = Subject.extend({
  id: z.uuid(),
  version: z.number().int(),
  grounds: z.array(z.enum(grounds)),
  notifier: z.object({ name: z.string(), workplace: z.string() }),
  receivedAt: z.string(),
  state: z.enum(states),
  deadlines: Deadlines,
}).openapi('NotificationInboxItem');

export const Inbox = z
  .object({
    items: z.array(InboxItem),
    /** Open notifications of the actor's social services units: receipt due today, overdue (any breach still open), all open. */
    counts: z.object({ open: z.number().int(), dueToday: z.number().int(), overdue: z.number().int() }),
  })
  .openapi('NotificationInbox');

export const NotificationSummary = z
  .object({
    /** For members of a social services unit; null for everyone else. */
    inbox: z.object({ open: z.number().int(), dueToday: z.number().int(), overdue: z.number().int() }).nullable(),
    /** The actor's own notifications: receipts confirmed in the last 7 days. */
    mine: z.object({ total: z.number().int(), newReceipts: z.number().int() }),
  })
  .openapi('NotificationSummary');

export const NotificationSettings = z
  .object({
    extraClosingDays: z.array(z.string()),
    source: z.enum(['default', 'municipality']),
    version: z.number().int(),
  })
  .openapi('NotificationSettings');

export type CreateNotificationInput = z.infer<typeof CreateNotification>;
export type ConfirmReceiptInput = z.infer<typeof ConfirmReceipt>;
export type RecordAssessmentInput = z.infer<typeof RecordAssessment>;
export type RecordOutcomeInput = z.infer<typeof RecordOutcome>;
export type UpdateNotificationSettingsInput = z.infer<typeof UpdateNotificationSettings>;
export type NotifierViewShape = z.infer<typeof NotifierView>;
export type HandlerViewShape = z.infer<typeof HandlerView>;
export type InboxShape = z.infer<typeof Inbox>;
export type InboxItemShape = z.infer<typeof InboxItem>;
export type NotificationSummaryShape = z.infer<typeof NotificationSummary>;
export type NotificationSettingsShape = z.infer<typeof NotificationSettings>;
export type DeadlinesShape = z.infer<typeof Deadlines>;
