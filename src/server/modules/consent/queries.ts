/**
 * Queries and presenters for consents and disclosures, shared by the consent
 * and handover repositories. No access checks here: callers check first, and
 * readability of a disclosure is decided by `access/consent.ts`.
 */
import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { consentState } from '../../../domain/consent';
import type { Actor } from '../../access/actor';
import { consentTermsOf, maySeeDisclosure } from '../../access/consent';
import { todayInDenmark } from '../../clock';
import type { DB } from '../../db/types';
import type { ConsentShape, DisclosureShape } from './schema';

/** An ISO instant. */
export const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();
const personName = (first: string | null, last: string | null) => [first, last].filter(Boolean).join(' ') || 'Uden navn';

/** Consent rows with the recorder's and withdrawer's names. */
export function consentQuery(trx: Transaction<DB>) {
  return trx
    .selectFrom('consents as c')
    .innerJoin('staff as rb', 'rb.id', 'c.recorded_by')
    .leftJoin('staff as wb', 'wb.id', 'c.withdrawn_by')
    .leftJoin('persons as wa', 'wa.id', 'c.withdrawn_by_adult_id')
    .select([
      'c.id',
      'c.municipality_id',
      'c.child_id',
      'c.given_by',
      'c.all_custody_holders',
      'c.purpose',
      'c.recipient_unit_ids',
      'c.recipient_professions',
      'c.categories',
      'c.form',
      'c.valid_from',
      'c.valid_until',
      'c.note',
      'c.withdrawn_at',
      'c.withdrawn_by',
      'wb.name as withdrawn_by_name',
      'c.withdrawn_by_adult_id',
      'wa.first_name as withdrawn_adult_first',
      'wa.last_name as withdrawn_adult_last',
      'c.withdrawal_reason',
      'c.recorded_by',
      'rb.name as recorded_by_name',
      'c.recorded_at',
      'c.version',
    ]);
}

/** One row of {@link consentQuery}. */
export type ConsentRow = Awaited<ReturnType<ReturnType<typeof consentQuery>['execute']>>[number];

/** Disclosure rows with the receiving unit and the sharer. */
export function disclosureQuery(trx: Transaction<DB>) {
  return trx
    .selectFrom('disclosures as d')
    .innerJoin('units as u', 'u.id', 'd.to_unit_id')
    .innerJoin('staff as sb', 'sb.id', 'd.shared_by')
    .select([
      'd.id',
      'd.municipality_id',
      'd.child_id',
      'd.kind',
      'd.reference_id',
      'd.part',
      'd.category',
      'd.purpose',
      'd.content',
      'd.to_unit_id',
      'u.name as to_unit_name',
      'u.kind as to_unit_kind',
      'd.legal_basis',
      'd.consent_id',
      'd.basis_reason',
      'd.shared_by',
      'sb.name as shared_by_name',
      'd.shared_at',
    ]);
}

/** One row of {@link disclosureQuery}. */
export type DisclosureRow = Awaited<ReturnType<ReturnType<typeof disclosureQuery>['execute']>>[number];

/** The consent terms of a row, with withdrawal counted from its Danish date. */
export const termsOf = (row: ConsentRow) => consentTermsOf(row, row.withdrawn_at ? todayInDenmark(new Date(row.withdrawn_at)) : null);

/**
 * May `actor` read the disclosure today (access/consent.ts)?
 * @example readable(actor, row, consentsById, today)
 */
export function readable(actor: Actor, row: DisclosureRow, consents: Map<string, ConsentRow>, today: string): boolean {
  const consent = row.consent_id ? consents.get(row.consent_id) : undefined;
  return maySeeDisclosure(
    actor,
    {
      municipalityId: row.municipality_id,
      toUnitId: row.to_unit_id,
      toUnitKind: row.to_unit_kind,
      category: row.category,
      purpose: row.purpose,
      legalBasis: row.legal_basis as 'consent',
    },
    consent ? termsOf(consent) : null,
    today,
  );
}

/**
 * Would the recipient unit still read it today? Sharing was allowed when it
 * happened, so only the consent's state can have changed since.
 * @example readableByUnit(row, consentsById, today)
 */
export function readableByUnit(row: DisclosureRow, consents: Map<string, ConsentRow>, today: string): boolean {
  if (row.legal_basis !== 'consent') return true;
  const consent = row.consent_id ? consents.get(row.consent_id) : undefined;
  return consent !== undefined && consentState(termsOf(consent), today) === 'valid';
}

/** A disclosure as the API shows it. */
export function presentDisclosure(row: DisclosureRow, readableByRecipient: boolean): DisclosureShape {
  return {
    id: row.id,
    kind: row.kind as DisclosureShape['kind'],
    part: row.part,
    referenceId: row.reference_id,
    category: row.category,
    purpose: row.purpose,
    content: row.content as DisclosureShape['content'],
    toUnit: { id: row.to_unit_id, name: row.to_unit_name, kind: row.to_unit_kind },
    legalBasis: row.legal_basis as DisclosureShape['legalBasis'],
    consentId: row.consent_id,
    basisReason: row.basis_reason,
    sharedBy: { id: row.shared_by, name: row.shared_by_name },
    sharedAt: iso(row.shared_at),
    readableByRecipient,
  };
}

/**
 * A consent as the API shows it, with the names it refers to and what was shared under it.
 * @example presentConsent(row, names, units, disclosures, today)
 */
export function presentConsent(
  row: ConsentRow,
  adults: Map<string, string>,
  units: Map<string, { name: string; kind: string }>,
  disclosures: DisclosureShape[],
  today: string,
): ConsentShape {
  return {
    id: row.id,
    childId: row.child_id,
    givenBy: row.given_by.map((id) => ({ id, name: adults.get(id) ?? '' })),
    allCustodyHolders: row.all_custody_holders,
    purpose: row.purpose as ConsentShape['purpose'],
    recipientUnits: row.recipient_unit_ids.map((id) => ({ id, name: units.get(id)?.name ?? '', kind: units.get(id)?.kind ?? '' })),
    recipientProfessions: row.recipient_professions,
    categories: row.categories,
    form: row.form as ConsentShape['form'],
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    note: row.note,
    state: consentState(termsOf(row), today),
    withdrawal:
      row.withdrawn_at && row.withdrawn_by
        ? {
            at: iso(row.withdrawn_at),
            recordedBy: { id: row.withdrawn_by, name: row.withdrawn_by_name ?? '' },
            byAdult: row.withdrawn_by_adult_id ? { id: row.withdrawn_by_adult_id, name: personName(row.withdrawn_adult_first, row.withdrawn_adult_last) } : null,
            reason: row.withdrawal_reason ?? '',
          }
        : null,
    recordedBy: { id: row.recorded_by, name: row.recorded_by_name },
    recordedAt: iso(row.recorded_at),
    version: row.version,
    disclosures,
  };
}

/** Names of persons by id (one query). */
export async function personNames(trx: Transaction<DB>, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await trx.selectFrom('persons').select(['id', 'first_name', 'last_name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, personName(r.first_name, r.last_name)]));
}

/** Units by id (one query). */
export async function unitsById(trx: Transaction<DB>, ids: string[]): Promise<Map<string, { name: string; kind: string }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await trx.selectFrom('units').select(['id', 'name', 'kind']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, kind: r.kind }]));
}

/** The custody holders of a child: adults related with custody. */
export async function custodyHolders(trx: Transaction<DB>, childId: string): Promise<{ id: string; name: string }[]> {
  const rows = await trx
    .selectFrom('relations as r')
    .innerJoin('persons as p', 'p.id', 'r.adult_id')
    .select(['p.id', 'p.first_name', 'p.last_name'])
    .where('r.child_id', '=', childId)
    .where('r.custody', '=', true)
    .where('p.merged_into', 'is', null)
    .orderBy('p.first_name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: personName(r.first_name, r.last_name) }));
}

/** A disclosure to write. */
export interface NewDisclosure {
  municipalityId: string;
  childId: string;
  kind: 'note' | 'handover_part';
  referenceId?: string | null;
  part?: string | null;
  category: string;
  purpose: string;
  content: DisclosureShape['content'];
  toUnitId: string;
  legalBasis: 'consent' | 'notification_duty' | 'vital_interest';
  consentId?: string | null;
  basisReason?: string | null;
  sharedBy: string;
}

/**
 * Writes disclosures (one multi-row insert) and returns their ids. The caller audits them (`disclose`).
 * @example const ids = await insertDisclosures(trx, [{ … }]);
 */
export async function insertDisclosures(trx: Transaction<DB>, items: NewDisclosure[]): Promise<string[]> {
  if (items.length === 0) return [];
  const rows = items.map((d) => ({
    id: uuidv7(),
    municipality_id: d.municipalityId,
    child_id: d.childId,
    kind: d.kind,
    reference_id: d.referenceId ?? null,
    part: d.part ?? null,
    category: d.category,
    purpose: d.purpose,
    content: JSON.stringify(d.content),
    to_unit_id: d.toUnitId,
    legal_basis: d.legalBasis,
    consent_id: d.consentId ?? null,
    basis_reason: d.basisReason ?? null,
    shared_by: d.sharedBy,
  }));
  await trx.insertInto('disclosures').values(rows).execute();
  return rows.map((r) => r.id);
}
