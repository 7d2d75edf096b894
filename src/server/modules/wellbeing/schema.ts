/**
 * Shapes for wellbeing ratings in daycare ("trivselsvurdering"): the
 * municipality's concern scale, rating rounds per unit, individual and joint
 * ratings, a child's ratings over time and the unit's numbers.
 *
 * A level is a key of the round's scale ('green', 'yellow', 'red' on the
 * default scale). Whether a key belongs to the scale is checked in the
 * repository, against the scale the round was created with (rule T3).
 */
import { z } from '@hono/zod-openapi';
import { IsoDate } from '../../http/openapi-shared';
import { seasons } from './rounds';
import { scaleKeys } from './scales';

/** Text without NUL characters (PostgreSQL cannot store them). */
const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((value) => !value.includes('\u0000'), { params: { code: 'invalid' } });

/** A level key of a scale. */
const levelKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/).openapi({ example: 'green' });
/** The version you read: 0 (or left out) when there is nothing yet. */
const readVersion = z.number().int().min(0).max(1_000_000);

export const RoundChildParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  childId: z.uuid().openapi({ param: { name: 'childId', in: 'path' } }),
});

// ---- The scale ------------------------------------------------------------------

export const ScaleLevel = z
  .object({
    key: z.string(),
    /** 1 = no concern; the highest rank is the strongest concern. */
    rank: z.number().int(),
    colour: z.string(),
    labelDa: z.string(),
    labelEn: z.string(),
    meaningDa: z.string(),
    meaningEn: z.string(),
  })
  .openapi('WellbeingScaleLevel');

const ScaleDefinitionView = z.object({
  key: z.enum(scaleKeys),
  definitionVersion: z.string(),
  nameDa: z.string(),
  nameEn: z.string(),
  levels: z.array(ScaleLevel),
});

export const WellbeingScale = ScaleDefinitionView.extend({
  /** 'default' until the municipality has chosen a scale. */
  source: z.enum(['default', 'municipality']),
  /** The setting's version, to send back with a change (0 while the default applies). */
  version: z.number().int(),
  /** The scales the municipality can choose. */
  available: z.array(ScaleDefinitionView),
}).openapi('WellbeingScale');

export const UpdateWellbeingScale = z
  .strictObject({
    version: readVersion,
    scale: z.enum(scaleKeys),
  })
  .openapi('UpdateWellbeingScale');

/** The scale a round or rating was made with. */
export const ScaleRef = z
  .object({ id: z.uuid(), key: z.string(), definitionVersion: z.string(), levels: z.array(ScaleLevel) })
  .openapi('WellbeingScaleRef');

// ---- Rounds --------------------------------------------------------------------------

export const CreateRound = z
  .strictObject({
    /** Default: the season of today (January–June spring, July–December autumn). */
    season: z.enum(seasons).optional(),
    /** Default: this year. */
    year: z.number().int().min(2000).max(2100).optional(),
    /** Default: "Forår 2027" / "Efterår 2026". */
    name: text(1, 100).optional(),
    /** Default: five weeks from 1 March (spring) or 1 October (autumn). */
    periodStart: IsoDate.optional(),
    periodEnd: IsoDate.optional(),
  })
  .openapi('CreateWellbeingRound');

const Person = z.object({ id: z.uuid(), name: z.string() });

const Progress = z.object({
  /** Children in the round. */
  children: z.number().int(),
  /** Children with at least one individual rating. */
  individuallyRated: z.number().int(),
  /** Children rated individually by at least two different staff members (rule T1). */
  readyForJoint: z.number().int(),
  /** Children with a joint rating. */
  jointRated: z.number().int(),
  /** jointRated / children (0 when there are no children). */
  shareJointRated: z.number(),
});

export const Round = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    name: z.string(),
    season: z.enum(seasons),
    year: z.number().int(),
    periodStart: z.string(),
    periodEnd: z.string(),
    scale: ScaleRef,
    createdBy: Person,
    createdAt: z.string(),
    progress: Progress,
  })
  .openapi('WellbeingRound');

export const RoundOverview = Round.extend({
  /** The round's children who are still enrolled in the unit, by name. */
  children: z.array(
    z.object({
      childId: z.uuid(),
      name: z.string(),
      birthDate: z.string().nullable(),
      /** How many staff members have rated the child individually (the levels stay hidden here). */
      individualRatings: z.number().int(),
      ratedByMe: z.boolean(),
      jointSaved: z.boolean(),
      joint: z.object({ version: z.number().int(), level: ScaleLevel, recordedAt: z.string() }).nullable(),
    }),
  ),
  /** Children of the round whose enrolment in the unit has ended since: counted, not named. */
  childrenNoLongerEnrolled: z.number().int(),
}).openapi('WellbeingRoundOverview');

// ---- Ratings ---------------------------------------------------------------------------

export const RateChild = z
  .strictObject({
    level: levelKey,
    comment: text(0, 2000).nullish(),
    /** The version of your own rating you read; 0 or left out for your first rating. */
    version: readVersion.optional(),
  })
  .openapi('RateChild');

export const SaveJointRating = z
  .strictObject({
    level: levelKey,
    /** What the discussion concluded; required. */
    comment: text(1, 4000),
    /** The staff members who took part in the joint discussion (at least two, members of the unit). */
    participantIds: z.array(z.uuid()).max(30),
    /** The joint rating's version you read; 0 or left out for the first. A correction makes a new version. */
    version: readVersion.optional(),
  })
  .openapi('SaveJointRating');

export const Rating = z
  .object({
    id: z.uuid(),
    rater: Person,
    level: ScaleLevel,
    comment: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('WellbeingRating');

export const JointRating = z
  .object({
    id: z.uuid(),
    /** 1 for the first joint rating; each correction is the next version. */
    version: z.number().int(),
    level: ScaleLevel,
    comment: z.string(),
    participants: z.array(Person),
    /** How many different staff members had rated individually when it was saved. */
    individualRatings: z.number().int(),
    recordedBy: Person,
    recordedAt: z.string(),
  })
  .openapi('WellbeingJointRating');

export const ChildInRound = z
  .object({
    roundId: z.uuid(),
    roundName: z.string(),
    childId: z.uuid(),
    childName: z.string(),
    scale: ScaleRef,
    myRating: Rating.nullable(),
    colleagues: z.object({
      /** How many colleagues have rated. */
      count: z.number().int(),
      /**
       * True until you have rated yourself (and no joint rating is saved): your
       * colleagues' levels and comments are withheld so they cannot anchor yours.
       */
      hidden: z.boolean(),
      items: z.array(Rating),
    }),
    /** At least two different staff members have rated individually (rule T1). */
    jointAllowed: z.boolean(),
    /** Individual ratings close when the joint rating is saved. */
    individualRatingsOpen: z.boolean(),
    /** The child's rating for the round: the latest version of the joint rating. */
    joint: JointRating.nullable(),
    /** Earlier versions of the joint rating, newest first. */
    jointHistory: z.array(JointRating),
  })
  .openapi('WellbeingChildInRound');

// ---- Over time, and the unit's numbers -------------------------------------------------

export const ChildWellbeing = z
  .object({
    childId: z.uuid(),
    /** Joint ratings (latest version per round) from your units' rounds, oldest first: for a chart with a table beside it. */
    items: z.array(
      z.object({
        roundId: z.uuid(),
        roundName: z.string(),
        unitId: z.uuid(),
        unitName: z.string(),
        periodStart: z.string(),
        periodEnd: z.string(),
        scale: ScaleRef,
        level: ScaleLevel,
        /** Number of levels on the round's scale (the chart's height). */
        levelCount: z.number().int(),
        comment: z.string(),
        version: z.number().int(),
        recordedAt: z.string(),
      }),
    ),
  })
  .openapi('ChildWellbeing');

export const UnitWellbeingSummary = z
  .object({
    unitId: z.uuid(),
    unitName: z.string(),
    /** Newest round first; counts only, no child identities. */
    rounds: z.array(
      z.object({
        roundId: z.uuid(),
        name: z.string(),
        season: z.enum(seasons),
        year: z.number().int(),
        periodStart: z.string(),
        periodEnd: z.string(),
        scale: ScaleRef,
        children: z.number().int(),
        jointRated: z.number().int(),
        /** jointRated / children (0 when there are no children). */
        shareRated: z.number(),
        /** One entry per level of the round's scale, zeros included, in rank order. */
        counts: z.array(z.object({ level: ScaleLevel, count: z.number().int() })),
      }),
    ),
  })
  .openapi('UnitWellbeingSummary');

export type WellbeingScaleShape = z.infer<typeof WellbeingScale>;
export type UpdateWellbeingScaleInput = z.infer<typeof UpdateWellbeingScale>;
export type ScaleRefShape = z.infer<typeof ScaleRef>;
export type CreateRoundInput = z.infer<typeof CreateRound>;
export type RoundShape = z.infer<typeof Round>;
export type RoundOverviewShape = z.infer<typeof RoundOverview>;
export type RateChildInput = z.infer<typeof RateChild>;
export type SaveJointRatingInput = z.infer<typeof SaveJointRating>;
export type RatingShape = z.infer<typeof Rating>;
export type JointRatingShape = z.infer<typeof JointRating>;
export type ChildInRoundShape = z.infer<typeof ChildInRound>;
export type ChildWellbeingShape = z.infer<typeof ChildWellbeing>;
export type UnitWellbeingSummaryShape = z.infer<typeof UnitWellbeingSummary>;
