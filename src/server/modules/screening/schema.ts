/**
 * Shapes for screening: instrument definitions with the municipality's
 * cut-offs and licensed texts, recorded ADBB/m-ADBB/EPDS, follow-up tasks,
 * flags, the unit's coverage overview and the FHIR exports.
 *
 * Rules that depend on the instrument (number of answers, item ranges, cut-off
 * ranges, item numbers of licensed texts) are checked in the repository
 * against the domain's definitions, so that they are stated once.
 */
import { z } from '@hono/zod-openapi';
import { IsoDate } from '../../http/openapi-shared';
import { instrumentIds, respondentRoles } from './definitions';
import { nextSteps, taskKinds } from './follow-up';

/** Text without NUL characters (PostgreSQL cannot store them). */
const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((value) => !value.includes('\u0000'), { params: { code: 'invalid' } });

/** A language tag such as 'da', 'en' or 'ar'. */
const languageTag = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Za-z]{2})?$/);

export const InstrumentIdParam = z.object({
  id: z.enum(instrumentIds).openapi({ param: { name: 'id', in: 'path' }, example: 'adbb' }),
});

export const InstrumentsQuery = z.object({
  /** Language of the licensed texts to include; default the request's language. */
  language: languageTag.optional(),
});

export const FhirQuery = z.object({ language: z.enum(['da', 'en']).optional() });

export const timepoints = ['pregnancy', 'postnatal'] as const;

const ThresholdsView = z
  .object({
    default: z.number().int(),
    byRole: z.object({ mother: z.number().int(), father: z.number().int(), co_parent: z.number().int() }).nullable(),
    source: z.enum(['domain', 'municipality']),
    version: z.number().int(),
  })
  .openapi('InstrumentThresholds');

export const InstrumentView = z
  .object({
    id: z.enum(instrumentIds),
    version: z.string(),
    nameDa: z.string(),
    nameEn: z.string(),
    items: z.array(
      z.object({
        number: z.number().int(),
        topicDa: z.string(),
        topicEn: z.string(),
        minScore: z.number().int(),
        maxScore: z.number().int(),
        reverseScored: z.boolean(),
        /** Licensed wording in `texts.language`, only when the municipality has loaded it. */
        text: z.string().nullable(),
        /** Licensed response option labels in printed order, only when loaded. */
        options: z.array(z.string()).nullable(),
      }),
    ),
    minTotal: z.number().int(),
    maxTotal: z.number().int(),
    ageRangeMonths: z.object({ min: z.number().int(), max: z.number().int() }).nullable(),
    requiredCertification: z.enum(['adbb']).nullable(),
    respondentRoles: z.array(z.enum(respondentRoles)).nullable(),
    urgentRule: z.object({ itemNumber: z.number().int(), above: z.number().int() }).nullable(),
    thresholds: ThresholdsView,
    /** The loaded licensed texts shown in `items`, or null. */
    texts: z.object({ language: z.string(), version: z.string(), loadedAt: z.string() }).nullable(),
    /** Languages the municipality has loaded licensed texts in. */
    textLanguages: z.array(z.string()),
  })
  .openapi('Instrument');

export const UpdateThresholds = z
  .strictObject({
    /** The thresholds' version you read (0 while the national defaults apply). */
    version: z.number().int().min(0),
    default: z.number().int().min(1).max(100),
    /** EPDS only: cut-off per respondent role; a role left out uses `default`. */
    byRole: z
      .strictObject({
        mother: z.number().int().min(1).max(100).optional(),
        father: z.number().int().min(1).max(100).optional(),
        co_parent: z.number().int().min(1).max(100).optional(),
      })
      .optional(),
  })
  .openapi('UpdateThresholds');

export const LoadTexts = z
  .strictObject({
    language: languageTag,
    /** The edition of the licensed text (e.g. the licence or translation version). */
    version: text(1, 100),
    items: z
      .array(
        z.strictObject({
          number: z.number().int().min(1).max(100),
          text: text(1, 2000),
          /** Response option labels in printed order (EPDS: 4). */
          options: z.array(text(1, 500)).max(10).nullish(),
        }),
      )
      .max(100),
  })
  .openapi('LoadInstrumentTexts');

export const RecordScreening = z
  .strictObject({
    instrument: z.enum(instrumentIds),
    observedOn: IsoDate,
    /** Item values in item order; null = not answered (EPDS only). */
    answers: z.array(z.number().int().min(0).max(10).nullable()).max(20),
    /** 'scores' (default): scored values. 'positions' (EPDS): printed option positions 0–3, converted by rule E2. */
    answerFormat: z.enum(['scores', 'positions']).default('scores'),
    visitId: z.uuid().nullish(),
    respondentRole: z.enum(respondentRoles).optional(),
    respondentId: z.uuid().optional(),
    timepoint: z.enum(timepoints).optional(),
    pregnancyWeek: z.number().int().min(1).max(45).optional(),
    language: languageTag.optional(),
  })
  .superRefine((input, ctx) => {
    const issue = (field: string, code: 'required' | 'not_applicable') =>
      ctx.addIssue({ code: 'custom', path: [field], params: { code }, message: code });
    const epdsFields = ['respondentRole', 'respondentId', 'timepoint', 'language'] as const;
    if (input.instrument === 'epds') {
      for (const field of epdsFields) if (input[field] === undefined) issue(field, 'required');
      if (input.timepoint === 'pregnancy' && input.pregnancyWeek === undefined) issue('pregnancyWeek', 'required');
      if (input.timepoint === 'postnatal' && input.pregnancyWeek !== undefined) issue('pregnancyWeek', 'not_applicable');
    } else {
      for (const field of [...epdsFields, 'pregnancyWeek'] as const) if (input[field] !== undefined) issue(field, 'not_applicable');
      if (input.answerFormat === 'positions') issue('answerFormat', 'not_applicable');
    }
  })
  .openapi('RecordScreening');

const StaffRef = z.object({ id: z.uuid(), name: z.string() });

export const Screening = z
  .object({
    id: z.uuid(),
    childId: z.uuid(),
    instrument: z.enum(instrumentIds),
    definitionVersion: z.string(),
    observedOn: z.string(),
    /** Completed months on the observation date; null in pregnancy. */
    ageMonths: z.number().int().nullable(),
    answers: z.array(z.number().int().nullable()),
    complete: z.boolean(),
    total: z.number().int().nullable(),
    positive: z.boolean().nullable(),
    urgent: z.boolean(),
    /** The cut-off the form was scored with. */
    threshold: z.number().int(),
    visitId: z.uuid().nullable(),
    recordedBy: StaffRef,
    respondent: z.object({ id: z.uuid(), name: z.string(), role: z.enum(respondentRoles) }).nullable(),
    timepoint: z.enum(timepoints).nullable(),
    pregnancyWeek: z.number().int().nullable(),
    language: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Screening');

const SeriesPoint = Screening;

export const ScreeningOverviewForChild = z
  .object({
    childId: z.uuid(),
    /** Full ADBB only, oldest first, with the cut-off in force now (for the chart's line). */
    adbb: z.object({ cutOff: z.number().int(), maxTotal: z.number().int(), items: z.array(SeriesPoint) }),
    /** m-ADBB only; never mixed with ADBB (rule A7). */
    mAdbb: z.object({ cutOff: z.number().int(), maxTotal: z.number().int(), items: z.array(SeriesPoint) }),
    /** EPDS per parent, oldest first. */
    epds: z.object({
      maxTotal: z.number().int(),
      respondents: z.array(
        z.object({
          personId: z.uuid(),
          name: z.string(),
          role: z.enum(respondentRoles),
          cutOff: z.number().int(),
          items: z.array(SeriesPoint),
        }),
      ),
    }),
  })
  .openapi('ChildScreenings');

export const RecordedScreening = Screening.extend({
  /** What the recording set in motion. */
  followUp: z.object({
    taskIds: z.array(z.uuid()),
    flagId: z.uuid().nullable(),
    /** Open repeat tasks this screening completed. */
    completedTaskIds: z.array(z.uuid()),
  }),
}).openapi('RecordedScreening');

export const Task = z
  .object({
    id: z.uuid(),
    kind: z.enum(taskKinds),
    childId: z.uuid(),
    childName: z.string(),
    personId: z.uuid().nullable(),
    personName: z.string().nullable(),
    assignee: StaffRef,
    dueOn: z.string(),
    urgent: z.boolean(),
    overdue: z.boolean(),
    suggestions: z.array(z.enum(nextSteps)),
    sourceScreeningId: z.uuid().nullable(),
    status: z.enum(['open', 'done']),
    completedAt: z.string().nullable(),
    completedBy: StaffRef.nullable(),
    note: z.string().nullable(),
    decision: z.array(z.enum(nextSteps)).nullable(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .openapi('Task');

export const Flag = z
  .object({
    id: z.uuid(),
    kind: z.enum(['epds_self_harm']),
    severity: z.enum(['urgent', 'high', 'moderate']),
    childId: z.uuid(),
    childName: z.string(),
    /** The parent the flag is about; null when it is about the child. */
    personId: z.uuid().nullable(),
    personName: z.string().nullable(),
    sourceScreeningId: z.uuid().nullable(),
    raisedAt: z.string(),
    raisedBy: StaffRef.nullable(),
    status: z.enum(['open', 'resolved']),
    resolvedAt: z.string().nullable(),
    resolvedBy: StaffRef.nullable(),
    resolutionNote: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('Flag');

export const CompleteTask = z
  .strictObject({
    version: z.number().int().min(0),
    note: text(1, 4000),
    /** The next steps decided (required on a 'decision' task). */
    decision: z.array(z.enum(nextSteps)).max(nextSteps.length).optional(),
  })
  .openapi('CompleteTask');

export const ResolveFlag = z.strictObject({ version: z.number().int().min(0), note: text(1, 4000) }).openapi('ResolveFlag');

export const MyTasks = z
  .object({
    date: z.string(),
    /** The actor's open tasks: urgent first, then by due date. */
    tasks: z.array(Task),
    /** Open flags on children whose health data the actor may see. */
    flags: z.array(Flag),
    counts: z.object({
      tasks: z.number().int(),
      urgent: z.number().int(),
      overdue: z.number().int(),
      dueToday: z.number().int(),
      flags: z.number().int(),
    }),
  })
  .openapi('MyTasks');

export const UnitScreeningOverview = z
  .object({
    unitId: z.uuid(),
    date: z.string(),
    /** Born children on the unit's caseload. */
    children: z.number().int(),
    rounds: z.array(
      z.object({
        key: z.string(),
        instrument: z.enum(['adbb', 'epds']),
        labelDa: z.string(),
        labelEn: z.string(),
        minMonths: z.number().int(),
        maxMonths: z.number().int(),
        reached: z.number().int(),
        windowClosed: z.number().int(),
        screened: z.number().int(),
        positive: z.number().int(),
        coverage: z.number().nullable(),
        positiveShare: z.number().nullable(),
      }),
    ),
  })
  .openapi('UnitScreeningOverview');

/** A FHIR R4 resource as plain JSON. */
export const FhirResource = z.looseObject({ resourceType: z.string() }).openapi('FhirResource');

export type InstrumentViewShape = z.infer<typeof InstrumentView>;
export type UpdateThresholdsInput = z.infer<typeof UpdateThresholds>;
export type LoadTextsInput = z.infer<typeof LoadTexts>;
export type RecordScreeningInput = z.infer<typeof RecordScreening>;
export type ScreeningShape = z.infer<typeof Screening>;
export type ChildScreeningsShape = z.infer<typeof ScreeningOverviewForChild>;
export type RecordedScreeningShape = z.infer<typeof RecordedScreening>;
export type TaskShape = z.infer<typeof Task>;
export type FlagShape = z.infer<typeof Flag>;
export type CompleteTaskInput = z.infer<typeof CompleteTask>;
export type ResolveFlagInput = z.infer<typeof ResolveFlag>;
export type MyTasksShape = z.infer<typeof MyTasks>;
export type UnitScreeningOverviewShape = z.infer<typeof UnitScreeningOverview>;
