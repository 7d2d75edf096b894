/**
 * Reading the offer catalogue (table `offers`, owned by the offers module)
 * for open counselling and workshops: the offer itself, the offers the actor's
 * units run, and the staff of the running units. Plain SQL, so that this
 * module does not depend on the catalogue's table types.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import { todayInDenmark } from '../../clock';
import type { DB } from '../../db/types';

type Db = Transaction<DB> | Kysely<DB>;

/** Offer formats of open counselling. */
export const DROP_IN_FORMATS = ['drop_in'] as const;
/** Offer formats of workshops, talks and forums for staff. */
export const STAFF_FORMATS = ['workshop', 'talk', 'forum'] as const;

/** An offer as this module needs it. */
export interface OfferRow {
  id: string;
  municipality_id: string;
  name: string;
  format: string;
  method: string;
  unit_ids: string[];
}

/**
 * The offer with this id in the municipality, or undefined.
 * @example const offer = await loadOffer(trx, offerId, actor.municipalityId);
 */
export async function loadOffer(db: Db, offerId: string, municipalityId: string): Promise<OfferRow | undefined> {
  const result = await sql<OfferRow>`select id, municipality_id, name, format, method, unit_ids from offers
    where id = ${offerId} and municipality_id = ${municipalityId}`.execute(db);
  return result.rows[0];
}

/**
 * The active offers of the given formats that one of `unitIds` runs, by name.
 * @example await offersRunBy(trx, m, actorUnitIds, ['drop_in'])
 */
export async function offersRunBy(db: Db, municipalityId: string, unitIds: string[], formats: readonly string[]): Promise<OfferRow[]> {
  if (unitIds.length === 0) return [];
  const result = await sql<OfferRow>`select id, municipality_id, name, format, method, unit_ids from offers
    where municipality_id = ${municipalityId} and active
      and format in (${sql.join(formats)})
      and unit_ids && array[${sql.join(unitIds)}]::uuid[]
    order by name, id`.execute(db);
  return result.rows;
}

/** A staff member in a unit. */
export interface UnitStaffRow {
  unit_id: string;
  id: string;
  name: string;
}

/**
 * Active staff with a current membership of one of the units, by name.
 * @example await staffOfUnits(trx, m, offer.unit_ids)
 */
export async function staffOfUnits(db: Db, municipalityId: string, unitIds: string[]): Promise<UnitStaffRow[]> {
  if (unitIds.length === 0) return [];
  const today = todayInDenmark();
  return db
    .selectFrom('memberships as m')
    .innerJoin('staff as s', 's.id', 'm.staff_id')
    .select(['m.unit_id', 's.id', 's.name'])
    .where('m.unit_id', 'in', unitIds)
    .where('s.municipality_id', '=', municipalityId)
    .where('s.active', '=', true)
    .where('m.starts_on', '<=', today)
    .where((eb) => eb.or([eb('m.ends_on', 'is', null), eb('m.ends_on', '>=', today)]))
    .orderBy('s.name')
    .orderBy('s.id')
    .execute();
}

/**
 * Names of staff members by id.
 * @example (await staffNamesById(trx, ids)).get(id)
 */
export async function staffNamesById(db: Db, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('staff').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** An instant as ISO 8601 (both drivers give Date; be lenient with strings). */
export const iso = (value: Date | string): string => (value instanceof Date ? value : new Date(value)).toISOString();
