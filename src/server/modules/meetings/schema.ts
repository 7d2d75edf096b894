/**
 * Shapes for cross-professional meetings about a child: the meeting and its
 * legal basis, participants with attendance and scale ratings, the Signs of
 * Safety map, next steps, minutes, and the ratings across follow-up meetings.
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
const readVersion = z.number().int().min(0).max(1_000_000);

export const MeetingParticipantParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  participantId: z.uuid().openapi({ param: { name: 'participantId', in: 'path' } }),
});

export const meetingKinds = ['cross_professional', 'daycare_parents'] as const;
export const legalBases = ['consent', 'ssd'] as const;
export const wordings = ['safety', 'wellbeing'] as const;

const StaffParticipantInput = z.strictObject({
  staffId: z.uuid(),
  /** The unit the staff member attends for; default their first current unit. */
  unitId: z.uuid().optional(),
});
const NetworkParticipantInput = z.strictObject({ name: text(1, 200), relation: text(1, 200) });

/** Participants to invite: staff from the directory, parents from the child's relations, network persons by name. */
export const AddParticipants = z
  .strictObject({
    staff: z.array(StaffParticipantInput).max(30).default([]),
    /** Adults related to the child (ids from the child's relations). */
    parents: z.array(z.uuid()).max(10).default([]),
    network: z.array(NetworkParticipantInput).max(30).default([]),
  })
  .openapi('AddMeetingParticipants');

const Consent = z.strictObject({
  /** The custody holder who consented (an adult related to the child). */
  givenBy: z.uuid(),
  givenOn: IsoDate,
  form: z.enum(['written', 'oral']),
});

export const CreateMeeting = z
  .strictObject({
    childId: z.uuid(),
    kind: z.enum(meetingKinds).default('cross_professional'),
    heldOn: IsoDate,
    startTime: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/).optional(),
    place: text(1, 200),
    /** Default: the creator's first unit that may run this kind of meeting. */
    facilitatorUnitId: z.uuid().optional(),
    legalBasis: z.enum(legalBases),
    /** Required with legalBasis 'consent'. */
    consent: Consent.optional(),
    /** SSD: a second meeting without consent needs specialCase with a reason. */
    ssdSpecialCase: z.boolean().default(false),
    ssdSpecialReason: text(1, 1000).optional(),
    followsMeetingId: z.uuid().optional(),
    sparringRequestId: z.uuid().optional(),
    wording: z.enum(wordings).default('safety'),
    /** Default: the municipality's texts for the wording. */
    scaleAnchorLow: text(1, 500).optional(),
    scaleAnchorHigh: text(1, 500).optional(),
    participants: AddParticipants.optional(),
  })
  .openapi('CreateMeeting');

export const UpdateMeeting = z
  .strictObject({
    version: readVersion,
    heldOn: IsoDate.optional(),
    startTime: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/).nullable().optional(),
    place: text(1, 200).optional(),
    wording: z.enum(wordings).optional(),
    scaleAnchorLow: text(1, 500).optional(),
    scaleAnchorHigh: text(1, 500).optional(),
    /** The plain-language summary for the parents; null clears it. */
    parentSummary: text(1, 10000).nullable().optional(),
  })
  .openapi('UpdateMeeting');

export const UpdateParticipant = z
  .strictObject({
    version: readVersion,
    /** Took part (recorded after the meeting); null: not recorded. */
    attended: z.boolean().nullable().optional(),
    /** The participant's own answer to the scaling question, 0–10; null clears it. */
    rating: z.number().int().min(0).max(10).nullable().optional(),
    /** A network person's name (facilitator only; network persons only). */
    name: text(1, 200).optional(),
    /** A network person's relation to the child (facilitator only; network persons only). */
    relation: text(1, 200).optional(),
  })
  .openapi('UpdateMeetingParticipant');

const listItem = text(1, 2000);
const Pair = z.strictObject({ statement: z.string().trim().max(2000), goal: z.string().trim().max(2000) });

/** The map as sent: the whole document with the version you read. */
export const SaveMap = z
  .strictObject({
    version: readVersion,
    harm: z.array(listItem).max(20).default([]),
    /** Danger (or worry) statements, each with exactly one safety (or wellbeing) goal. */
    dangers: z.array(Pair).max(10).default([]),
    complicating: z.array(listItem).max(20).default([]),
    strengths: z.array(listItem).max(20).default([]),
    existingSafety: z.array(listItem).max(20).default([]),
    /** The child's own perspective, as recorded by a professional. */
    childPerspective: z.string().trim().max(4000).nullable().default(null),
  })
  .openapi('SaveMeetingMap');

export const CreateAction = z
  .strictObject({
    description: text(1, 1000),
    ownerParticipantId: z.uuid(),
    dueOn: IsoDate,
  })
  .openapi('CreateMeetingAction');

export const UpdateAction = z
  .strictObject({
    version: readVersion,
    description: text(1, 1000).optional(),
    dueOn: IsoDate.optional(),
    status: z.enum(['open', 'done']).optional(),
  })
  .openapi('UpdateMeetingAction');

export const SaveMinutes = z
  .strictObject({
    /** The version of the current draft you read; 0 when there are no minutes yet. */
    version: readVersion,
    text: text(1, 50000),
  })
  .openapi('SaveMeetingMinutes');

export const MinutesStep = z.strictObject({ version: readVersion }).openapi('MeetingMinutesStep');

/** Closing a meeting: the meeting's version you read. */
export const CloseMeeting = z.strictObject({ version: readVersion }).openapi('CloseMeeting');

/** Removing a participant: the participant's version you read. */
export const RemoveParticipant = z.strictObject({ version: readVersion }).openapi('RemoveMeetingParticipant');

// ---- Views -------------------------------------------------------------------------

const Person = z.object({ id: z.uuid(), name: z.string() });

export const Participant = z
  .object({
    id: z.uuid(),
    kind: z.enum(['staff', 'parent', 'network']),
    name: z.string(),
    staffId: z.uuid().nullable(),
    profession: z.string().nullable(),
    unit: z.object({ id: z.uuid(), name: z.string(), kind: z.string() }).nullable(),
    adultId: z.uuid().nullable(),
    relation: z.string().nullable(),
    attended: z.boolean().nullable(),
    rating: z.number().int().nullable(),
    /** When the facilitator removed them; null for current participants. */
    removedAt: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('MeetingParticipant');

export const MeetingMap = z
  .object({
    harm: z.array(z.string()),
    dangers: z.array(z.object({ statement: z.string(), goal: z.string() })),
    complicating: z.array(z.string()),
    strengths: z.array(z.string()),
    existingSafety: z.array(z.string()),
    childPerspective: z.string().nullable(),
    version: z.number().int(),
    updatedBy: Person.nullable(),
    updatedAt: z.string(),
  })
  .openapi('MeetingMap');

export const Action = z
  .object({
    id: z.uuid(),
    meetingId: z.uuid(),
    description: z.string(),
    owner: z.object({ participantId: z.uuid(), name: z.string(), kind: z.enum(['staff', 'parent', 'network']), staffId: z.uuid().nullable() }),
    dueOn: z.string(),
    status: z.enum(['open', 'done']),
    overdue: z.boolean(),
    version: z.number().int(),
  })
  .openapi('MeetingAction');

export const Minutes = z
  .object({
    id: z.uuid(),
    revision: z.number().int(),
    text: z.string(),
    status: z.enum(['draft', 'approved']),
    approvedBy: Person.nullable(),
    approvedAt: z.string().nullable(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('MeetingMinutes');

const MeetingSummaryFields = {
  id: z.uuid(),
  child: z.object({ id: z.uuid(), name: z.string(), birthDate: z.string().nullable() }),
  kind: z.enum(meetingKinds),
  heldOn: z.string(),
  startTime: z.string().nullable(),
  place: z.string(),
  facilitator: Person,
  facilitatorUnit: z.object({ id: z.uuid(), name: z.string() }),
  legalBasis: z.enum(legalBases),
  followsMeetingId: z.uuid().nullable(),
  /** Your role in it: facilitator, participant or a member of the facilitator's unit. */
  myRole: z.enum(['facilitator', 'participant', 'unit']),
  /** When the facilitator closed the meeting (read-only from then on), or null while it is open. */
  closedAt: z.string().nullable(),
  closedBy: Person.nullable(),
};

export const MeetingSummary = z.object(MeetingSummaryFields).openapi('MeetingSummary');

/** One point of the ratings chart: a meeting in the chain (first meeting → this one). */
const ChainMeeting = z.object({ meetingId: z.uuid(), heldOn: z.string() });

export const Meeting = z
  .object({
    ...MeetingSummaryFields,
    consent: z.object({ givenBy: Person, givenOn: z.string(), form: z.enum(['written', 'oral']) }).nullable(),
    ssd: z.object({ ordinal: z.number().int(), specialReason: z.string().nullable() }).nullable(),
    sparringRequestId: z.uuid().nullable(),
    wording: z.enum(wordings),
    scaleAnchorLow: z.string(),
    scaleAnchorHigh: z.string(),
    parentSummary: z.string().nullable(),
    version: z.number().int(),
    /** What you may do: co-author (map, ratings, next steps, minutes drafts), facilitate (participants, details, approve). */
    mayEdit: z.boolean(),
    mayFacilitate: z.boolean(),
    /** You may close the meeting (facilitator, still open); the server also needs approved minutes. */
    mayClose: z.boolean(),
    /** You may mark next steps done or open again (co-authors; still allowed after closing). */
    mayCompleteActions: z.boolean(),
    /** Current participants. */
    participants: z.array(Participant),
    /** Participants the facilitator removed, kept with their ratings for the history. */
    removedParticipants: z.array(Participant),
    map: MeetingMap,
    actions: z.array(Action),
    /** The current minutes revision (the newest), or null. */
    minutes: Minutes.nullable(),
    /** Earlier revisions, newest first. */
    minutesHistory: z.array(Minutes),
    /** Ratings across the chain of follow-up meetings, oldest first (meetings you may see). */
    ratingsOverTime: z.object({
      meetings: z.array(ChainMeeting),
      series: z.array(z.object({ key: z.string(), name: z.string(), ratings: z.array(z.number().int().nullable()) })),
    }),
  })
  .openapi('Meeting');

/** One of your own open next steps, for Min dag. */
export const MyAction = Action.extend({
  child: z.object({ id: z.uuid(), name: z.string() }),
  meetingHeldOn: z.string(),
}).openapi('MyMeetingAction');

export type CreateMeetingInput = z.infer<typeof CreateMeeting>;
export type UpdateMeetingInput = z.infer<typeof UpdateMeeting>;
export type AddParticipantsInput = z.infer<typeof AddParticipants>;
export type UpdateParticipantInput = z.infer<typeof UpdateParticipant>;
export type SaveMapInput = z.infer<typeof SaveMap>;
export type CreateActionInput = z.infer<typeof CreateAction>;
export type UpdateActionInput = z.infer<typeof UpdateAction>;
export type SaveMinutesInput = z.infer<typeof SaveMinutes>;
export type MeetingShape = z.infer<typeof Meeting>;
export type MeetingSummaryShape = z.infer<typeof MeetingSummary>;
export type ParticipantShape = z.infer<typeof Participant>;
export type ActionShape = z.infer<typeof Action>;
export type MyActionShape = z.infer<typeof MyAction>;
export type MinutesShape = z.infer<typeof Minutes>;
export type MeetingMapShape = z.infer<typeof MeetingMap>;
