/**
 * Workshops, talks and competence forums for staff, scoped to the actor. A
 * workshop belongs to an offer of format 'workshop', 'talk' or 'forum'; the
 * staff of the units that run the offer record, change and remove them, and
 * see them together with the staff of the unit it was held for. No personal
 * data about children: a theme from a fixed list, a date, a unit, a number of
 * participants and the facilitators (staff, audited as their data).
 */
import { type RawBuilder, sql, type Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { WorkshopTheme } from '../../../domain/counselling';
import type { StaffActor } from '../../access/actor';
import { type CounsellingFacts, counsellingFacts, runsOffer } from '../../access/policies/counselling';
import type { Action } from '../../access/policy';
import type { Work } from '../../access/work';
import type { DB } from '../../db/types';
import { expectCurrentVersion, type FieldIssue, forbidden, invalidFields, notFound } from '../../errors';
import { iso, loadOffer, type OfferRow, STAFF_FORMATS, staffNamesById, staffOfUnits } from '../counselling/offers';
import type { CreateWorkshopInput, UpdateWorkshopInput, WorkshopShape, WorkshopsQueryInput } from './schema';

/** A workshop with its offer and unit. */
interface WorkshopRow {
  id: string;
  municipality_id: string;
  offer_id: string;
  offer_name: string;
  offer_format: string;
  unit_ids: string[];
  unit_id: string;
  unit_name: string;
  theme: string;
  held_on: string;
  participants: number;
  facilitator_ids: string[];
  note: string | null;
  version: number;
  created_by: string;
  created_by_name: string;
  created_at: Date;
  updated_at: Date;
}

/** Workshops and talks for staff, scoped to the actor. */
export class WorkshopsRepo {
  constructor(private readonly work: Work) {}

  private staff(): StaffActor {
    const actor = this.work.actor;
    if (actor.kind !== 'staff') throw new Error('workshops need a staff actor');
    return actor;
  }

  /** Records a workshop, talk or forum of an offer the actor's unit runs. */
  async create(input: CreateWorkshopInput): Promise<WorkshopShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const offer = await this.staffOffer(trx, input.offerId);
    await this.check(trx, offer, input.unitId, input.facilitatorIds);
    const id = uuidv7();
    await trx
      .insertInto('staff_workshops')
      .values({
        id,
        municipality_id: actor.municipalityId,
        offer_id: offer.id,
        unit_id: input.unitId,
        theme: input.theme,
        held_on: input.heldOn,
        participants: input.participants,
        facilitator_ids: [...input.facilitatorIds],
        note: input.note ? input.note : null,
        created_by: actor.id,
      })
      .execute();
    this.work.audit({ action: 'create', category: 'staff', subjectIds: input.facilitatorIds, outcome: 'allowed', detail: { workshop: id, offerId: offer.id } });
    return this.present(trx, await this.row(trx, id));
  }

  /** Workshops the actor may see, newest first, filtered by period, unit and theme. */
  async list(query: WorkshopsQueryInput): Promise<WorkshopShape[]> {
    const trx = await this.work.tx();
    const mine = this.staff().units.map((u) => u.id);
    if (mine.length === 0) return [];
    const conditions: RawBuilder<unknown>[] = [sql`(o.unit_ids && array[${sql.join(mine)}]::uuid[] or w.unit_id in (${sql.join(mine)}))`];
    if (query.from) conditions.push(sql`w.held_on >= ${query.from}::date`);
    if (query.to) conditions.push(sql`w.held_on <= ${query.to}::date`);
    if (query.unitId) conditions.push(sql`w.unit_id = ${query.unitId}`);
    if (query.theme) conditions.push(sql`w.theme = ${query.theme}`);
    const rows = await this.rows(trx, conditions);
    this.work.audit({
      action: 'search',
      category: 'staff',
      subjectIds: [...new Set(rows.flatMap((r) => r.facilitator_ids))],
      criterion: `workshops ${Object.entries(query).filter(([, v]) => v).map(([k, v]) => `${k}=${v}`).join(' ')}`.trim(),
      outcome: 'allowed',
      detail: { workshops: rows.length },
    });
    return this.presentAll(trx, rows);
  }

  /** One workshop. */
  async get(id: string): Promise<WorkshopShape> {
    const trx = await this.work.tx();
    const row = await this.visible(trx, id, 'read');
    this.work.audit({ action: 'read', category: 'staff', subjectIds: row.facilitator_ids, outcome: 'allowed', detail: { workshop: row.id } });
    return this.present(trx, row);
  }

  /** Changes a workshop (send the version you read); staff of the offer's running units. */
  async update(id: string, input: UpdateWorkshopInput): Promise<WorkshopShape> {
    const trx = await this.work.tx();
    const row = await this.visible(trx, id, 'update');
    const offer = (await loadOffer(trx, row.offer_id, row.municipality_id)) as OfferRow;
    if (input.unitId !== undefined || input.facilitatorIds !== undefined) {
      await this.check(trx, offer, input.unitId ?? row.unit_id, input.facilitatorIds ?? row.facilitator_ids);
    }
    const result = await trx
      .updateTable('staff_workshops')
      .set({
        ...(input.theme !== undefined ? { theme: input.theme } : {}),
        ...(input.heldOn !== undefined ? { held_on: input.heldOn } : {}),
        ...(input.unitId !== undefined ? { unit_id: input.unitId } : {}),
        ...(input.participants !== undefined ? { participants: input.participants } : {}),
        ...(input.facilitatorIds !== undefined ? { facilitator_ids: [...input.facilitatorIds] } : {}),
        ...(input.note !== undefined ? { note: input.note ? input.note : null } : {}),
        version: input.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', row.id)
      .where('version', '=', input.version)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    expectCurrentVersion(result);
    this.work.audit({
      action: 'update',
      category: 'staff',
      subjectIds: [...new Set([...row.facilitator_ids, ...(input.facilitatorIds ?? [])])],
      outcome: 'allowed',
      detail: { workshop: row.id },
    });
    return this.present(trx, await this.row(trx, row.id));
  }

  /** Removes a workshop recorded by mistake (send the version you read); kept in the table, marked deleted. */
  async remove(id: string, version: number | undefined): Promise<void> {
    const trx = await this.work.tx();
    const row = await this.visible(trx, id, 'delete');
    if (version === undefined) throw invalidFields([{ field: 'version', code: 'required' }]);
    const result = await trx
      .updateTable('staff_workshops')
      .set({ deleted_at: new Date(), version: version + 1, updated_at: new Date() })
      .where('id', '=', row.id)
      .where('version', '=', version)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    expectCurrentVersion(result);
    this.work.audit({ action: 'delete', category: 'staff', subjectIds: row.facilitator_ids, outcome: 'allowed', detail: { workshop: row.id } });
  }

  // ---- Access and checks ----------------------------------------------------------------

  /** An offer of format workshop/talk/forum (else a field error) that the actor's unit runs (else 403). */
  private async staffOffer(trx: Transaction<DB>, offerId: string): Promise<OfferRow> {
    const offer = await loadOffer(trx, offerId, this.staff().municipalityId);
    if (!offer || !(STAFF_FORMATS as readonly string[]).includes(offer.format)) throw invalidFields([{ field: 'offerId', code: 'workshop_offer' }]);
    const facts = counsellingFacts(offer.municipality_id, offer.unit_ids);
    if (!this.allowed('create', facts)) {
      this.work.audit({ action: 'create', category: 'staff', criterion: `workshop-offer=${offer.id}`, outcome: 'denied' });
      throw forbidden();
    }
    return offer;
  }

  /**
   * A workshop the actor may see (read: staff of a running unit or of the unit
   * it was held for; changes: staff of a running unit); otherwise "not found".
   */
  private async visible(trx: Transaction<DB>, id: string, action: Action): Promise<WorkshopRow> {
    const row = (await this.rows(trx, [sql`w.id = ${id}`]))[0];
    const units = row ? (action === 'read' ? [...row.unit_ids, row.unit_id] : row.unit_ids) : [];
    if (!row || !this.allowed(action, counsellingFacts(row.municipality_id, units))) {
      this.work.audit({ action, category: 'staff', criterion: `workshop=${id}`, outcome: 'denied' });
      throw notFound();
    }
    return row;
  }

  /** The policy's answer and this area's own rule (other areas' `social` rules are joined with ours in policy.ts). */
  private allowed(action: Action, facts: CounsellingFacts): boolean {
    return this.work.may(action, 'social', facts) && runsOffer(this.work.actor, facts);
  }

  /** The unit is one of the municipality's; the facilitators are distinct staff of the offer's running units. */
  private async check(trx: Transaction<DB>, offer: OfferRow, unitId: string, facilitatorIds: string[]): Promise<void> {
    const issues: FieldIssue[] = [];
    const unit = await trx.selectFrom('units').select('id').where('id', '=', unitId).where('municipality_id', '=', offer.municipality_id).executeTakeFirst();
    if (!unit) issues.push({ field: 'unitId', code: 'unknown_unit' });
    const staff = new Set((await staffOfUnits(trx, offer.municipality_id, offer.unit_ids)).map((s) => s.id));
    facilitatorIds.forEach((id, index) => {
      if (!staff.has(id)) issues.push({ field: `facilitatorIds.${index}`, code: 'not_offer_staff' });
    });
    if (new Set(facilitatorIds).size < facilitatorIds.length) issues.push({ field: 'facilitatorIds', code: 'duplicate' });
    if (issues.length) throw invalidFields(issues);
  }

  // ---- Helpers ----------------------------------------------------------------------

  private async rows(trx: Transaction<DB>, conditions: RawBuilder<unknown>[]): Promise<WorkshopRow[]> {
    const result = await sql<WorkshopRow>`
      select w.id, w.municipality_id, w.offer_id, o.name as offer_name, o.format as offer_format, o.unit_ids,
        w.unit_id, u.name as unit_name, w.theme, w.held_on, w.participants, w.facilitator_ids, w.note, w.version,
        w.created_by, cb.name as created_by_name, w.created_at, w.updated_at
      from staff_workshops w
      join offers o on o.id = w.offer_id
      join units u on u.id = w.unit_id
      join staff cb on cb.id = w.created_by
      where w.municipality_id = ${this.staff().municipalityId} and w.deleted_at is null and ${sql.join(conditions, sql` and `)}
      order by w.held_on desc, w.id desc`.execute(trx);
    return result.rows;
  }

  private async row(trx: Transaction<DB>, id: string): Promise<WorkshopRow> {
    const row = (await this.rows(trx, [sql`w.id = ${id}`]))[0];
    if (!row) throw notFound();
    return row;
  }

  private async present(trx: Transaction<DB>, row: WorkshopRow): Promise<WorkshopShape> {
    return (await this.presentAll(trx, [row]))[0];
  }

  private async presentAll(trx: Transaction<DB>, rows: WorkshopRow[]): Promise<WorkshopShape[]> {
    const names = await staffNamesById(trx, rows.flatMap((r) => r.facilitator_ids));
    return rows.map((row) => ({
      id: row.id,
      offer: { id: row.offer_id, name: row.offer_name, format: row.offer_format },
      theme: row.theme as WorkshopTheme,
      heldOn: typeof row.held_on === 'string' ? row.held_on : iso(row.held_on).slice(0, 10),
      unit: { id: row.unit_id, name: row.unit_name },
      participants: row.participants,
      facilitators: row.facilitator_ids.map((id) => ({ id, name: names.get(id) ?? '' })),
      note: row.note,
      version: row.version,
      createdBy: { id: row.created_by, name: row.created_by_name },
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
    }));
  }
}
