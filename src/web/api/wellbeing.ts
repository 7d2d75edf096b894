import i18n from '../i18n';
import { api, queryString } from './client';
import type { UnitKind } from './types';

/**
 * Wellbeing ratings in daycare ("trivselsvurdering"), the unit overview numbers and the
 * municipality's scale. Shapes as in src/server/modules/wellbeing/schema.ts and the health side's
 * UnitScreeningOverview (src/server/modules/screening/schema.ts).
 */

export type Season = 'spring' | 'autumn';

export interface ScaleLevel {
  key: string;
  /** 1 = no concern; the highest rank is the strongest concern. */
  rank: number;
  colour: string;
  labelDa: string;
  labelEn: string;
  meaningDa: string;
  meaningEn: string;
}

export interface ScaleDefinition {
  key: string;
  definitionVersion: string;
  nameDa: string;
  nameEn: string;
  levels: ScaleLevel[];
}

export interface WellbeingScale extends ScaleDefinition {
  source: 'default' | 'municipality';
  version: number;
  available: ScaleDefinition[];
}

export interface ScaleRef {
  id: string;
  key: string;
  definitionVersion: string;
  levels: ScaleLevel[];
}

export interface Person {
  id: string;
  name: string;
}

export interface Round {
  id: string;
  unitId: string;
  unitName: string;
  name: string;
  season: Season;
  year: number;
  periodStart: string;
  periodEnd: string;
  scale: ScaleRef;
  createdBy: Person;
  createdAt: string;
  progress: {
    children: number;
    individuallyRated: number;
    readyForJoint: number;
    jointRated: number;
    shareJointRated: number;
  };
}

export interface RoundChild {
  childId: string;
  name: string;
  birthDate: string | null;
  individualRatings: number;
  ratedByMe: boolean;
  jointSaved: boolean;
  joint: { version: number; level: ScaleLevel; recordedAt: string } | null;
}

export interface RoundOverview extends Round {
  children: RoundChild[];
  childrenNoLongerEnrolled: number;
}

export interface Rating {
  id: string;
  rater: Person;
  level: ScaleLevel;
  comment: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface JointRating {
  id: string;
  version: number;
  level: ScaleLevel;
  comment: string;
  participants: Person[];
  individualRatings: number;
  recordedBy: Person;
  recordedAt: string;
}

export interface ChildInRound {
  roundId: string;
  roundName: string;
  childId: string;
  childName: string;
  scale: ScaleRef;
  myRating: Rating | null;
  colleagues: { count: number; hidden: boolean; items: Rating[] };
  jointAllowed: boolean;
  individualRatingsOpen: boolean;
  joint: JointRating | null;
  jointHistory: JointRating[];
}

export interface ChildWellbeingItem {
  roundId: string;
  roundName: string;
  unitId: string;
  unitName: string;
  periodStart: string;
  periodEnd: string;
  scale: ScaleRef;
  level: ScaleLevel;
  levelCount: number;
  comment: string;
  version: number;
  recordedAt: string;
}

export interface UnitWellbeingSummary {
  unitId: string;
  unitName: string;
  rounds: {
    roundId: string;
    name: string;
    season: Season;
    year: number;
    periodStart: string;
    periodEnd: string;
    scale: ScaleRef;
    children: number;
    jointRated: number;
    shareRated: number;
    counts: { level: ScaleLevel; count: number }[];
  }[];
}

export interface UnitScreeningOverview {
  unitId: string;
  date: string;
  children: number;
  rounds: {
    key: string;
    instrument: 'adbb' | 'epds';
    labelDa: string;
    labelEn: string;
    minMonths: number;
    maxMonths: number;
    reached: number;
    windowClosed: number;
    screened: number;
    positive: number;
    coverage: number | null;
    positiveShare: number | null;
  }[];
}

export interface Colleague {
  id: string;
  name: string;
  profession: string;
  units: { id: string; name: string; kind: UnitKind }[];
}

export interface CreateRoundInput {
  season?: Season;
  year?: number;
  name?: string;
}

export interface RateChildInput {
  level: string;
  comment?: string | null;
  version?: number;
}

export interface SaveJointInput {
  level: string;
  comment: string;
  participantIds: string[];
  version?: number;
}

export const wellbeingKeys = {
  scale: ['wellbeing', 'scale'] as const,
  rounds: (unitId: string) => ['wellbeing', 'rounds', unitId] as const,
  round: (roundId: string) => ['wellbeing', 'round', roundId] as const,
  childInRound: (roundId: string, childId: string) => ['wellbeing', 'round', roundId, 'child', childId] as const,
  child: (childId: string) => ['wellbeing', 'child', childId] as const,
  summary: (unitId: string) => ['wellbeing', 'summary', unitId] as const,
  screeningOverview: (unitId: string) => ['screening', 'unit-overview', unitId] as const,
  colleagues: (unitId: string) => ['staff-directory', unitId] as const,
};

const id = (s: string) => encodeURIComponent(s);

export const getScale = () => api<WellbeingScale>('/api/wellbeing/scale');

export const setScale = (body: { version: number; scale: string }) =>
  api<WellbeingScale>('/api/wellbeing/scale', { method: 'PUT', body });

export const listRounds = (unitId: string) =>
  api<{ items: Round[] }>(`/api/units/${id(unitId)}/wellbeing-rounds`).then((r) => r.items);

export const createRound = (unitId: string, body: CreateRoundInput) =>
  api<Round>(`/api/units/${id(unitId)}/wellbeing-rounds`, { method: 'POST', body });

export const getRound = (roundId: string) => api<RoundOverview>(`/api/wellbeing-rounds/${id(roundId)}`);

export const getChildInRound = (roundId: string, childId: string) =>
  api<ChildInRound>(`/api/wellbeing-rounds/${id(roundId)}/children/${id(childId)}`);

export const rateChild = (roundId: string, childId: string, body: RateChildInput) =>
  api<ChildInRound>(`/api/wellbeing-rounds/${id(roundId)}/children/${id(childId)}/ratings`, { method: 'POST', body });

export const saveJoint = (roundId: string, childId: string, body: SaveJointInput) =>
  api<ChildInRound>(`/api/wellbeing-rounds/${id(roundId)}/children/${id(childId)}/joint`, { method: 'POST', body });

export const getChildWellbeing = (childId: string) =>
  api<{ childId: string; items: ChildWellbeingItem[] }>(`/api/children/${id(childId)}/wellbeing`).then((r) => r.items);

export const getWellbeingSummary = (unitId: string) => api<UnitWellbeingSummary>(`/api/units/${id(unitId)}/wellbeing-summary`);

export const getScreeningOverview = (unitId: string) =>
  api<UnitScreeningOverview>(`/api/units/${id(unitId)}/screening-overview`);

export const listColleagues = (unitId: string) =>
  api<{ items: Colleague[] }>(`/api/staff-directory${queryString({ unitId })}`).then((r) => r.items);

/** A level's label and plain-language meaning in the user's language. */
export const levelLabel = (l: Pick<ScaleLevel, 'labelDa' | 'labelEn'>) => (i18n.language === 'en' ? l.labelEn : l.labelDa);
export const levelMeaning = (l: Pick<ScaleLevel, 'meaningDa' | 'meaningEn'>) =>
  i18n.language === 'en' ? l.meaningEn : l.meaningDa;
export const scaleName = (s: Pick<ScaleDefinition, 'nameDa' | 'nameEn'>) => (i18n.language === 'en' ? s.nameEn : s.nameDa);

/** Daycare kinds whose staff rate wellbeing (not health visiting, not school). */
export const DAYCARE_KINDS: UnitKind[] = ['childminding', 'nursery', 'kindergarten', 'integrated_daycare'];
