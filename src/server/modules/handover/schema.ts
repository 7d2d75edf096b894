/**
 * Shapes for the handover from health visiting to daycare ("overlevering"):
 * the package (development and wellbeing, what works well, agreed support,
 * screening results, the parents' own words), the parents' consent part by
 * part, the receiving unit's view and acknowledgement, the optional meeting,
 * and the Min dag lists.
 */
import { z } from '@hono/zod-openapi';
import { CONSENT_FORMS } from '../../../domain/consent';
import { readVersion, text } from '../consent/schema';

/** The parts of a handover package, in the order shown. */
export const HANDOVER_PARTS = ['development', 'worksWell', 'support', 'screenings', 'parentsWords'] as const;
/** A part of the handover package. */
export type HandoverPart = (typeof HANDOVER_PARTS)[number];

/** Who takes part in a handover meeting. */
export const MEETING_PARTICIPANTS = ['health_visitor', 'pedagogue', 'parents'] as const;

const Person = z.object({ id: z.uuid(), name: z.string() });
const Unit = z.object({ id: z.uuid(), name: z.string(), kind: z.string() });

const ScreeningResult = z.object({
  instrument: z.string(),
  observedOn: z.string(),
  total: z.number().nullable(),
  positive: z.boolean().nullable(),
});

export const CreateHandover = z.strictObject({ enrolmentId: z.uuid() }).openapi('CreateHandover');

export const UpdateHandover = z
  .strictObject({
    version: readVersion,
    development: text(0, 10_000).optional(),
    worksWell: text(0, 10_000).optional(),
    support: text(0, 10_000).optional(),
    parentsWords: text(0, 10_000).optional(),
    screeningIds: z.array(z.uuid()).max(30).optional(),
  })
  .openapi('UpdateHandover');

export const SendHandover = z
  .strictObject({
    version: readVersion,
    /** The parts the parents consented to share; only these are sent. */
    parts: z.array(z.enum(HANDOVER_PARTS)).min(1).max(5),
    /** The custody holders who consented. */
    givenBy: z.array(z.uuid()).min(1).max(4),
    form: z.enum(CONSENT_FORMS),
  })
  .openapi('SendHandover');

export const AcknowledgeHandover = z.strictObject({ version: readVersion }).openapi('AcknowledgeHandover');

export const BookHandoverMeeting = z
  .strictObject({
    version: readVersion,
    at: z.iso.datetime({ offset: true }),
    place: text(1, 300),
    participants: z.array(z.enum(MEETING_PARTICIPANTS)).min(1).max(3),
  })
  .openapi('BookHandoverMeeting');

/** One shared part as the recipient sees it (the frozen copy). */
export const SharedPart = z.object({
  part: z.enum(HANDOVER_PARTS),
  title: z.string(),
  text: z.string().optional(),
  screenings: z.array(ScreeningResult).optional(),
});

export const Handover = z
  .object({
    id: z.uuid(),
    childId: z.uuid(),
    childName: z.string(),
    unit: Unit,
    enrolment: z.object({ id: z.uuid(), startsOn: z.string() }),
    dueFrom: z.string(),
    status: z.enum(['draft', 'sent', 'acknowledged']),
    /** How the reader stands: the child's health visitor, or a member of the receiving unit. */
    role: z.enum(['health_visitor', 'recipient']),
    /** The package being prepared (health visitor only). */
    draft: z
      .object({
        development: z.string(),
        worksWell: z.string(),
        support: z.string(),
        parentsWords: z.string(),
        screeningIds: z.array(z.uuid()),
        availableScreenings: z.array(ScreeningResult.extend({ id: z.uuid() })),
        custodyHolders: z.array(Person),
      })
      .nullable(),
    /** What was sent and may be read by the reader now (recipients see exactly this and nothing else). */
    shared: z.array(SharedPart),
    preparedBy: Person,
    sentAt: z.string().nullable(),
    sentBy: Person.nullable(),
    acknowledgedAt: z.string().nullable(),
    acknowledgedBy: Person.nullable(),
    /** Sent, and unacknowledged 5 working days after. */
    flagged: z.boolean(),
    meeting: z.object({ at: z.string(), place: z.string(), participants: z.array(z.enum(MEETING_PARTICIPANTS)) }).nullable(),
    version: z.number().int(),
  })
  .openapi('Handover');

export const HandoverSummary = z
  .object({
    id: z.uuid().nullable(),
    childId: z.uuid(),
    childName: z.string(),
    unit: Unit,
    enrolmentId: z.uuid(),
    startsOn: z.string(),
    dueFrom: z.string(),
    status: z.enum(['due', 'draft', 'sent', 'acknowledged']),
    sentAt: z.string().nullable(),
    acknowledgedAt: z.string().nullable(),
    flagged: z.boolean(),
  })
  .openapi('HandoverSummary');

export const ChildHandovers = z
  .object({ childId: z.uuid(), canPrepare: z.boolean(), items: z.array(HandoverSummary) })
  .openapi('ChildHandovers');

export const MyHandovers = z
  .object({
    /** Health visitor: due (not yet sent) handovers for children on your caseload. */
    due: z.array(HandoverSummary),
    /** Health visitor: sent and awaiting acknowledgement. */
    awaiting: z.array(HandoverSummary),
    /** Receiving unit: handovers to your units, unacknowledged first. */
    incoming: z.array(HandoverSummary),
  })
  .openapi('MyHandovers');

export type HandoverShape = z.infer<typeof Handover>;
export type HandoverSummaryShape = z.infer<typeof HandoverSummary>;
export type ChildHandoversShape = z.infer<typeof ChildHandovers>;
export type MyHandoversShape = z.infer<typeof MyHandovers>;
export type UpdateHandoverInput = z.infer<typeof UpdateHandover>;
export type SendHandoverInput = z.infer<typeof SendHandover>;
export type BookHandoverMeetingInput = z.infer<typeof BookHandoverMeeting>;
