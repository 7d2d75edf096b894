/**
 * Queries and presenters shared by the wellbeing repository: the scale in
 * force for a municipality, stored scales, and shaping rating rows for the
 * API. Access checks are not made here; callers check first.
 */
import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { DB } from '../../db/types';
import { DEFAULT_SCALE, levelOf, type ScaleKey, type ScaleLevel, scaleDefinition, scaleKeys } from './scales';
import type { JointRatingShape, RatingShape, ScaleRefShape } from './schema';

/** Daycare and school units: where children are enrolled and wellbeing is rated. */
export const DAYCARE_AND_SCHOOL = ['childminding', 'nursery', 'kindergarten', 'integrated_daycare', 'school', 'after_school', 'club'];

/** A stored scale as the API shows it. */
export type StoredScale = ScaleRefShape;

/** ISO text of a timestamp from either engine. */
export const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

/** A person's name for display. */
export const personName = (first: string | null, last: string | null) => [first, last].filter(Boolean).join(' ') || 'Uden navn';

/**
 * The scale a municipality uses for new rounds: its setting, or the default
 * (version 0) while it has chosen none.
 * @example const { key, version } = await scaleSetting(trx, municipalityId);
 */
export async function scaleSetting(trx: Transaction<DB>, municipalityId: string): Promise<{ key: ScaleKey; version: number; source: 'default' | 'municipality' }> {
  const row = await trx
    .selectFrom('wellbeing_settings as ws')
    .innerJoin('wellbeing_scales as s', 's.id', 'ws.scale_id')
    .select(['s.key', 'ws.version'])
    .where('ws.municipality_id', '=', municipalityId)
    .executeTakeFirst();
  if (!row || !scaleKeys.includes(row.key as ScaleKey)) return { key: DEFAULT_SCALE, version: 0, source: 'default' };
  return { key: row.key as ScaleKey, version: row.version, source: 'municipality' };
}

/**
 * The municipality's stored copy of the current definition of a scale,
 * written on first use (concurrent first uses end up with the same row).
 * @example const scale = await ensureScale(trx, municipalityId, 'barometer-5', actor.id);
 */
export async function ensureScale(trx: Transaction<DB>, municipalityId: string, key: ScaleKey, actorId: string | null): Promise<StoredScale> {
  const definition = scaleDefinition(key);
  await trx
    .insertInto('wellbeing_scales')
    .values({
      id: uuidv7(),
      municipality_id: municipalityId,
      key,
      definition_version: definition.definitionVersion,
      levels: JSON.stringify(definition.levels),
      created_by: actorId,
    })
    .onConflict((oc) => oc.columns(['municipality_id', 'key', 'definition_version']).doNothing())
    .execute();
  const row = await trx
    .selectFrom('wellbeing_scales')
    .select(['id', 'key', 'definition_version', 'levels'])
    .where('municipality_id', '=', municipalityId)
    .where('key', '=', key)
    .where('definition_version', '=', definition.definitionVersion)
    .executeTakeFirstOrThrow();
  return presentScale(row);
}

/**
 * Stored scales by id (the ones rounds and ratings point at).
 * @example const scales = await scalesById(trx, [round.scale_id]);
 */
export async function scalesById(trx: Transaction<DB>, ids: string[]): Promise<Map<string, StoredScale>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await trx.selectFrom('wellbeing_scales').select(['id', 'key', 'definition_version', 'levels']).where('id', 'in', unique).execute();
  return new Map(rows.map((row) => [row.id, presentScale(row)]));
}

/** A stored scale row as the API shows it, levels in rank order. */
export function presentScale(row: { id: string; key: string; definition_version: string; levels: ScaleLevel[] }): StoredScale {
  return { id: row.id, key: row.key, definitionVersion: row.definition_version, levels: [...row.levels].sort((a, b) => a.rank - b.rank) };
}

/**
 * The level `key` of a stored scale. A key the scale does not know (which the
 * repository never stores) is shown as itself rather than dropped.
 */
export function presentLevel(scale: StoredScale | undefined, key: string): ScaleLevel {
  const level = scale ? levelOf(scale.levels, key) : undefined;
  return level ?? { key, rank: 0, colour: '#6f777b', labelDa: key, labelEn: key, meaningDa: '', meaningEn: '' };
}

/** Individual rating rows of one child in one round, with the raters' names, oldest change first. */
export function ratingQuery(trx: Transaction<DB>) {
  return trx
    .selectFrom('wellbeing_ratings as wr')
    .innerJoin('staff as rs', 'rs.id', 'wr.rater_id')
    .select(['wr.id', 'wr.round_id', 'wr.child_id', 'wr.rater_id', 'rs.name as rater_name', 'wr.scale_id', 'wr.level', 'wr.comment', 'wr.version', 'wr.created_at', 'wr.updated_at'])
    .orderBy('wr.updated_at')
    .orderBy('wr.id');
}

/** One row of {@link ratingQuery}. */
export type RatingRow = Awaited<ReturnType<ReturnType<typeof ratingQuery>['execute']>>[number];

/**
 * One rating per staff member: the latest. (Only after two records of the same
 * child were merged can a staff member have two in a round.)
 */
export function latestPerRater(rows: RatingRow[]): RatingRow[] {
  const byRater = new Map<string, RatingRow>();
  for (const row of rows) byRater.set(row.rater_id, row); // rows come oldest first
  return [...byRater.values()];
}

/** An individual rating as the API shows it. */
export function presentRating(row: RatingRow, scales: Map<string, StoredScale>): RatingShape {
  return {
    id: row.id,
    rater: { id: row.rater_id, name: row.rater_name },
    level: presentLevel(scales.get(row.scale_id), row.level),
    comment: row.comment,
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** Joint rating rows with the recorder's name, newest version first. */
export function jointQuery(trx: Transaction<DB>) {
  return trx
    .selectFrom('wellbeing_joint_ratings as j')
    .innerJoin('staff as jb', 'jb.id', 'j.recorded_by')
    .select([
      'j.id',
      'j.round_id',
      'j.child_id',
      'j.revision',
      'j.scale_id',
      'j.level',
      'j.comment',
      'j.participant_ids',
      'j.individual_ratings',
      'j.recorded_by',
      'jb.name as recorded_by_name',
      'j.recorded_at',
    ])
    .orderBy('j.revision', 'desc')
    .orderBy('j.recorded_at', 'desc')
    .orderBy('j.id', 'desc');
}

/** One row of {@link jointQuery}. */
export type JointRow = Awaited<ReturnType<ReturnType<typeof jointQuery>['execute']>>[number];

/**
 * The names of staff members by id (participants of joint ratings).
 * @example const names = await staffNames(trx, ['…']);
 */
export async function staffNames(trx: Transaction<DB>, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await trx.selectFrom('staff').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** A joint rating as the API shows it. */
export function presentJoint(row: JointRow, scales: Map<string, StoredScale>, names: Map<string, string>): JointRatingShape {
  return {
    id: row.id,
    version: row.revision,
    level: presentLevel(scales.get(row.scale_id), row.level),
    comment: row.comment,
    participants: row.participant_ids.map((id) => ({ id, name: names.get(id) ?? '' })),
    individualRatings: row.individual_ratings,
    recordedBy: { id: row.recorded_by, name: row.recorded_by_name },
    recordedAt: iso(row.recorded_at),
  };
}
