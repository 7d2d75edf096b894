/**
 * Open counselling (åben rådgivning), scoped to the actor:
 * - drop-in slots of an offer of format 'drop_in', created by the staff of the
 *   units that run the offer, each with a professional, a place and a time;
 * - anonymous visits: only counted. The row holds the slot, the minute and at
 *   most an age band and a topic from fixed lists; the request shape refuses
 *   anything else (a child, a name, free text), and the table's checks refuse
 *   it too. Audited without any subject;
 * - visits linked to a family: the child from the registry, found with the
 *   parent present (by CPR number or full name and birth date), the parent's
 *   consent (who, in what form, when; required) and a short note, category
 *   `social`. Only the slot's professional and whoever recorded the visit see
 *   who the family is; colleagues see it counted. Audited with the child.
 *
 * Involvement: a linked visit does not bring the professional into the
 * child's case (involveStaff). A drop-in visit is a single conversation; the
 * visit itself, shown here to its professional, is what they need to find the
 * family again, and an open-ended view of the child's registry data would be
 * more than the consent covers.
 */
import { type RawBuilder, sql, type Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { addDays, parseCpr } from '../../../domain';
import { ageBandOn, type CounsellingAgeBand, type CounsellingTopic, monthsBetween, shareAnonymous } from '../../../domain/counselling';
import type { StaffActor } from '../../access/actor';
import { loadChildFacts } from '../../access/child-access';
import { type CounsellingFacts, counsellingFacts, runsOffer } from '../../access/policies/counselling';
import type { Action } from '../../access/policy';
import type { Work } from '../../access/work';
import { todayInDenmark } from '../../clock';
import type { DB } from '../../db/types';
import { expectCurrentVersion, type FieldIssue, forbidden, invalidFields, notFound } from '../../errors';
import { displayName, maskedCpr } from '../children/present';
import { DROP_IN_FORMATS, iso, loadOffer, type OfferRow, offersRunBy, STAFF_FORMATS, staffOfUnits } from './offers';
import type {
  AnonymousVisitShape,
  ChildLookupInput,
  ChildLookupResultShape,
  CounsellingOffersShape,
  CounsellingSummaryShape,
  CreateAnonymousVisitInput,
  CreateFamilyVisitInput,
  CreateSlotInput,
  FamilyVisitShape,
  SlotDetailShape,
  SlotShape,
  UpdateSlotInput,
} from './schema';

/** A slot with its offer, unit, professional and counts. */
interface SlotRow {
  id: string;
  municipality_id: string;
  offer_id: string;
  offer_name: string;
  unit_ids: string[];
  unit_id: string;
  unit_name: string;
  professional_id: string;
  professional_name: string;
  place: string;
  starts_at: Date;
  ends_at: Date;
  version: number;
  anonymous: number;
  linked: number;
}

/** Consent may be recorded a few minutes ahead of the server's clock (a laptop's clock), not more. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** Start of a Danish calendar day as an instant, in SQL. */
const dayStart = (date: string) => sql`(${date}::date)::timestamp at time zone 'Europe/Copenhagen'`;

/** Open counselling: slots, visits and numbers, scoped to the actor. */
export class CounsellingRepo {
  constructor(private readonly work: Work) {}

  private staff(): StaffActor {
    const actor = this.work.actor;
    if (actor.kind !== 'staff') throw new Error('counselling needs a staff actor');
    return actor;
  }

  private unitIds(): string[] {
    return this.staff().units.map((u) => u.id);
  }

  // ---- Offers -------------------------------------------------------------------------

  /** The offers the actor's units run (drop-in, or workshops/talks/forums), with those units and their staff. */
  async offers(kind: 'drop_in' | 'staff' = 'drop_in'): Promise<CounsellingOffersShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const mine = this.unitIds();
    const offers = await offersRunBy(trx, actor.municipalityId, mine, kind === 'drop_in' ? DROP_IN_FORMATS : STAFF_FORMATS);
    const unitIds = [...new Set(offers.flatMap((o) => o.unit_ids.filter((id) => mine.includes(id))))];
    const units = unitIds.length ? await trx.selectFrom('units').select(['id', 'name']).where('id', 'in', unitIds).execute() : [];
    const staff = await staffOfUnits(trx, actor.municipalityId, unitIds);
    this.work.audit({ action: 'search', category: 'staff', criterion: `counselling offers kind=${kind}`, outcome: 'allowed', detail: { offers: offers.length } });
    return {
      items: offers.map((offer) => ({
        id: offer.id,
        name: offer.name,
        format: offer.format,
        method: offer.method,
        units: units
          .filter((u) => offer.unit_ids.includes(u.id) && mine.includes(u.id))
          .sort((a, b) => a.name.localeCompare(b.name, 'da'))
          .map((u) => ({ id: u.id, name: u.name, staff: staff.filter((s) => s.unit_id === u.id).map((s) => ({ id: s.id, name: s.name })) })),
      })),
    };
  }

  // ---- Slots ----------------------------------------------------------------------------

  /** Creates a drop-in slot for an offer the actor's unit runs. */
  async createSlot(input: CreateSlotInput): Promise<SlotShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const offer = await this.dropInOffer(trx, input.offerId, 'create');
    const mine = offer.unit_ids.filter((id) => this.unitIds().includes(id));
    const unitId = input.unitId ?? mine[0];
    const issues: FieldIssue[] = [];
    if (!unitId || !offer.unit_ids.includes(unitId)) issues.push({ field: 'unitId', code: 'not_running_unit' });
    const professionalId = input.professionalId ?? actor.id;
    await this.checkProfessional(trx, offer, professionalId, issues);
    if (Date.parse(input.endsAt) <= Date.parse(input.startsAt)) issues.push({ field: 'endsAt', code: 'end_before_start' });
    if (issues.length) throw invalidFields(issues);

    const id = uuidv7();
    await trx
      .insertInto('counselling_slots')
      .values({
        id,
        municipality_id: actor.municipalityId,
        offer_id: offer.id,
        unit_id: unitId,
        professional_id: professionalId,
        place: input.place,
        starts_at: input.startsAt,
        ends_at: input.endsAt,
        created_by: actor.id,
      })
      .execute();
    this.work.audit({ action: 'create', category: 'staff', subjectIds: [professionalId], outcome: 'allowed', detail: { counsellingSlot: id, offerId: offer.id } });
    return this.present(await this.slotRow(trx, id));
  }

  /** Changes a slot's professional, place or time (send the version you read). */
  async updateSlot(slotId: string, input: UpdateSlotInput): Promise<SlotShape> {
    const trx = await this.work.tx();
    const slot = await this.visibleSlot(trx, slotId, 'update');
    const offer = (await loadOffer(trx, slot.offer_id, slot.municipality_id)) as OfferRow;
    const issues: FieldIssue[] = [];
    if (input.professionalId) await this.checkProfessional(trx, offer, input.professionalId, issues);
    const startsAt = input.startsAt ?? iso(slot.starts_at);
    const endsAt = input.endsAt ?? iso(slot.ends_at);
    if (Date.parse(endsAt) <= Date.parse(startsAt)) issues.push({ field: 'endsAt', code: 'end_before_start' });
    if (issues.length) throw invalidFields(issues);
    const result = await trx
      .updateTable('counselling_slots')
      .set({
        ...(input.professionalId ? { professional_id: input.professionalId } : {}),
        ...(input.place ? { place: input.place } : {}),
        starts_at: startsAt,
        ends_at: endsAt,
        version: input.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', slot.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    expectCurrentVersion(result);
    this.work.audit({
      action: 'update',
      category: 'staff',
      subjectIds: [...new Set([slot.professional_id, input.professionalId ?? slot.professional_id])],
      outcome: 'allowed',
      detail: { counsellingSlot: slot.id },
    });
    return this.present(await this.slotRow(trx, slot.id));
  }

  /** Slots of the offers the actor's units run, in a period (default: today and the next four weeks). */
  async listSlots(query: { from?: string; to?: string; offerId?: string }): Promise<SlotShape[]> {
    const trx = await this.work.tx();
    const mine = this.unitIds();
    if (mine.length === 0) return [];
    const today = todayInDenmark();
    const from = query.from ?? today;
    const to = query.to ?? addDays(today, 28);
    const conditions = [
      sql`o.unit_ids && array[${sql.join(mine)}]::uuid[]`,
      sql`s.starts_at >= ${dayStart(from)}`,
      sql`s.starts_at < ${dayStart(addDays(to, 1))}`,
    ];
    if (query.offerId) conditions.push(sql`s.offer_id = ${query.offerId}`);
    const rows = await this.slotRows(trx, conditions);
    this.work.audit({ action: 'search', category: 'staff', criterion: `counselling-slots from=${from} to=${to}`, outcome: 'allowed', detail: { slots: rows.length } });
    return rows.map((row) => this.present(row));
  }

  /** The professional's own slots today (for Min dag). */
  async today(): Promise<{ date: string; items: SlotShape[] }> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const today = todayInDenmark();
    const rows = await this.slotRows(trx, [
      sql`s.professional_id = ${actor.id}`,
      sql`s.starts_at >= ${dayStart(today)}`,
      sql`s.starts_at < ${dayStart(addDays(today, 1))}`,
    ]);
    return { date: today, items: rows.map((row) => this.present(row)) };
  }

  /**
   * One slot with its visits: anonymous visits as counted facts; linked visits
   * with the family for the slot's professional and the visit's recorder, only
   * counted for other colleagues.
   */
  async slot(slotId: string): Promise<SlotDetailShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const slot = await this.visibleSlot(trx, slotId, 'read');
    const visits = await trx
      .selectFrom('counselling_visits')
      .selectAll()
      .where('slot_id', '=', slot.id)
      .orderBy('visited_at')
      .orderBy('id')
      .execute();
    const anonymousVisits: AnonymousVisitShape[] = visits
      .filter((v) => v.kind === 'anonymous')
      .map((v) => ({ id: v.id, kind: 'anonymous', visitedAt: iso(v.visited_at), ageBand: v.age_band as CounsellingAgeBand | null, topic: v.topic as CounsellingTopic | null }));
    const linked = visits.filter((v) => v.kind === 'linked');
    const shown = linked.filter((v) => this.allowed('read', this.familyFacts(slot, v.recorded_by)));
    const familyVisits = await Promise.all(shown.map((v) => this.presentFamilyVisit(trx, v.id)));
    this.work.audit({
      action: 'read',
      category: 'social',
      subjectIds: [...new Set(familyVisits.map((v) => v.child.id))],
      outcome: 'allowed',
      detail: { counsellingSlot: slot.id, familyVisitsHidden: linked.length - shown.length },
    });
    return {
      ...this.present(slot),
      canRecord: this.allowed('create', this.slotFacts(slot)) && actor.kind === 'staff',
      anonymousVisits,
      familyVisits,
      familyVisitsHidden: linked.length - shown.length,
    };
  }

  // ---- Visits ---------------------------------------------------------------------------

  /** Counts an anonymous visit: the slot, the minute, and at most an age band and a topic. */
  async recordAnonymous(slotId: string, input: CreateAnonymousVisitInput): Promise<AnonymousVisitShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const slot = await this.visibleSlot(trx, slotId, 'create');
    const id = uuidv7();
    const row = await trx
      .insertInto('counselling_visits')
      .values({
        id,
        slot_id: slot.id,
        kind: 'anonymous',
        visited_at: sql<Date>`date_trunc('minute', now())`,
        age_band: input.ageBand ?? null,
        topic: input.topic ?? null,
        recorded_by: actor.id,
      })
      .returning(['visited_at'])
      .executeTakeFirstOrThrow();
    // No subject: the visit concerns nobody who can be named.
    this.work.audit({ action: 'create', category: 'social', subjectIds: [], outcome: 'allowed', detail: { counsellingSlot: slot.id, anonymousVisit: id } });
    return { id, kind: 'anonymous', visitedAt: iso(row.visited_at), ageBand: input.ageBand ?? null, topic: input.topic ?? null };
  }

  /** Records a visit linked to a family, with the parent's consent (who, form, when). */
  async recordFamilyVisit(slotId: string, input: CreateFamilyVisitInput): Promise<FamilyVisitShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const slot = await this.visibleSlot(trx, slotId, 'create');
    const issues: FieldIssue[] = [];
    const facts = await loadChildFacts(trx, input.childId);
    const child =
      facts && facts.municipalityId === actor.municipalityId
        ? await trx.selectFrom('persons').select(['birth_date']).where('id', '=', input.childId).executeTakeFirst()
        : undefined;
    if (!child) issues.push({ field: 'childId', code: 'unknown_child' });
    if (Date.parse(input.consentGivenAt) > Date.now() + CLOCK_SKEW_MS) issues.push({ field: 'consentGivenAt', code: 'in_future' });
    if (issues.length || !child) throw invalidFields(issues);

    const id = uuidv7();
    await trx
      .insertInto('counselling_visits')
      .values({
        id,
        slot_id: slot.id,
        kind: 'linked',
        visited_at: sql<Date>`date_trunc('minute', now())`,
        age_band: ageBandOn(child.birth_date, todayInDenmark()),
        topic: input.topic ?? null,
        child_id: input.childId,
        consent_given_by_role: input.consentGivenByRole,
        consent_given_by_name: input.consentGivenByName,
        consent_form: input.consentForm,
        consent_given_at: input.consentGivenAt,
        note: input.note ? input.note : null,
        recorded_by: actor.id,
      })
      .execute();
    this.work.audit({
      action: 'create',
      category: 'social',
      subjectIds: [input.childId],
      purpose: 'Åben rådgivning med forælderens samtykke',
      outcome: 'allowed',
      detail: { counsellingSlot: slot.id, familyVisit: id, consentForm: input.consentForm },
    });
    return this.presentFamilyVisit(trx, id);
  }

  /**
   * Finds the child the parent names, with the parent present: by CPR number,
   * or by first name, last name and birth date together (exact matches, at
   * most five). Audited as a search with the children found.
   */
  async lookupChild(slotId: string, input: ChildLookupInput): Promise<ChildLookupResultShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    // Looking a child up serves recording a linked visit: for those who may record visits in the slot.
    const slot = await this.visibleSlot(trx, slotId, 'create');
    let query = trx
      .selectFrom('persons as p')
      .innerJoin('children as c', 'c.person_id', 'p.id')
      .select(['p.id', 'p.first_name', 'p.last_name', 'p.birth_date', 'p.cpr', 'c.status', 'c.expected_date'])
      .where('p.municipality_id', '=', actor.municipalityId)
      .where('p.merged_into', 'is', null);
    let criterion: string;
    if (input.cpr) {
      const parsed = parseCpr(input.cpr);
      if (!parsed.ok) throw invalidFields([{ field: 'cpr', code: 'invalid_cpr' }]);
      query = query.where('p.cpr', '=', parsed.cpr);
      criterion = 'counselling child lookup by cpr';
    } else if (input.firstName && input.lastName && input.birthDate) {
      query = query
        .where(sql`lower(p.first_name)`, '=', input.firstName.toLowerCase())
        .where(sql`lower(p.last_name)`, '=', input.lastName.toLowerCase())
        .where('p.birth_date', '=', input.birthDate);
      criterion = 'counselling child lookup by name and birth date';
    } else {
      throw invalidFields([{ field: 'cpr', code: 'lookup_criteria' }]);
    }
    const rows = await query.orderBy('p.id').limit(5).execute();
    this.work.audit({
      action: 'search',
      category: 'basic',
      subjectIds: rows.map((r) => r.id),
      criterion,
      purpose: 'Åben rådgivning: besøget knyttes til familien med forælderens samtykke',
      outcome: 'allowed',
      detail: { counsellingSlot: slot.id, found: rows.length },
    });
    return { items: rows.map((r) => ({ id: r.id, name: displayName(r), birthDate: r.birth_date, cprMasked: maskedCpr(r.cpr) })) };
  }

  // ---- The unit's numbers -------------------------------------------------------------

  /**
   * Numbers for the unit overview, for a unit the actor is a member of: drop-in
   * visits per month (anonymous and linked) in the unit's slots, and workshops
   * held and participants per theme (offers the unit runs, or held for the unit).
   * No names.
   */
  async summary(unitId: string, query: { from?: string; to?: string }): Promise<CounsellingSummaryShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const unit = await trx.selectFrom('units').select(['id']).where('id', '=', unitId).where('municipality_id', '=', actor.municipalityId).executeTakeFirst();
    const criterion = `counselling-summary unit=${unitId}`;
    if (!unit) {
      this.work.audit({ action: 'read', category: 'social', criterion, outcome: 'denied' });
      throw notFound();
    }
    if (!this.allowed('read', counsellingFacts(actor.municipalityId, [unit.id]))) {
      this.work.audit({ action: 'read', category: 'social', criterion, outcome: 'denied' });
      throw forbidden();
    }
    const today = todayInDenmark();
    const to = query.to ?? today;
    const from = query.from ?? `${addDays(`${to.slice(0, 7)}-01`, -335).slice(0, 7)}-01`;
    if (to < from) throw invalidFields([{ field: 'to', code: 'end_before_start' }]);

    const monthRows = await sql<{ month: string; slots: number; anonymous: number; linked: number }>`
      select to_char(s.starts_at at time zone 'Europe/Copenhagen', 'YYYY-MM') as month,
        count(distinct s.id)::int as slots,
        count(v.id) filter (where v.kind = 'anonymous')::int as anonymous,
        count(v.id) filter (where v.kind = 'linked')::int as linked
      from counselling_slots s
      left join counselling_visits v on v.slot_id = s.id
      where s.unit_id = ${unit.id} and s.municipality_id = ${actor.municipalityId}
        and s.starts_at >= ${dayStart(from)} and s.starts_at < ${dayStart(addDays(to, 1))}
      group by 1`.execute(trx);
    const byMonth = new Map(monthRows.rows.map((r) => [r.month, r]));
    const months = monthsBetween(from, to).map((month) => ({
      month,
      slots: byMonth.get(month)?.slots ?? 0,
      anonymous: byMonth.get(month)?.anonymous ?? 0,
      linked: byMonth.get(month)?.linked ?? 0,
    }));
    const sum = (key: 'slots' | 'anonymous' | 'linked') => months.reduce((total, m) => total + m[key], 0);
    const anonymous = sum('anonymous');
    const linked = sum('linked');
    const slots = sum('slots');

    const themeRows = await sql<{ theme: string; held: number; participants: number }>`
      select w.theme, count(*)::int as held, coalesce(sum(w.participants), 0)::int as participants
      from staff_workshops w join offers o on o.id = w.offer_id
      where w.municipality_id = ${actor.municipalityId} and w.deleted_at is null
        and (w.unit_id = ${unit.id} or ${unit.id}::uuid = any(o.unit_ids))
        and w.held_on >= ${from}::date and w.held_on <= ${to}::date
      group by w.theme order by w.theme`.execute(trx);
    const themes = themeRows.rows;
    this.work.audit({ action: 'read', category: 'social', criterion, outcome: 'allowed', detail: { unitId: unit.id, from, to } });
    return {
      unitId: unit.id,
      from,
      to,
      dropIn: {
        slots,
        visits: anonymous + linked,
        anonymous,
        linked,
        shareAnonymous: shareAnonymous(anonymous, linked),
        visitsPerSlot: slots ? (anonymous + linked) / slots : 0,
        months,
      },
      workshops: {
        held: themes.reduce((total, t) => total + t.held, 0),
        participants: themes.reduce((total, t) => total + t.participants, 0),
        themes,
      },
    };
  }

  // ---- Access -----------------------------------------------------------------------

  /** A drop-in offer of the municipality (else a field error) that the actor's unit runs (else 403). */
  private async dropInOffer(trx: Transaction<DB>, offerId: string, action: Action): Promise<OfferRow> {
    const actor = this.staff();
    const offer = await loadOffer(trx, offerId, actor.municipalityId);
    if (!offer || !(DROP_IN_FORMATS as readonly string[]).includes(offer.format)) throw invalidFields([{ field: 'offerId', code: 'counselling_offer' }]);
    const facts = counsellingFacts(offer.municipality_id, offer.unit_ids);
    if (!this.allowed(action, facts)) {
      this.work.audit({ action, category: 'social', criterion: `counselling-offer=${offer.id}`, outcome: 'denied' });
      throw forbidden();
    }
    return offer;
  }

  /** A slot of an offer the actor's unit runs; any other slot is "not found" (and the attempt audited). */
  private async visibleSlot(trx: Transaction<DB>, slotId: string, action: Action): Promise<SlotRow> {
    const row = (await this.slotRows(trx, [sql`s.id = ${slotId}`]))[0];
    if (!row || !this.allowed(action, this.slotFacts(row))) {
      this.work.audit({ action, category: 'social', criterion: `counselling-slot=${slotId}`, outcome: 'denied' });
      throw notFound();
    }
    return row;
  }

  /**
   * The policy's answer, and this area's own rule: `social` rules of other
   * areas are joined with ours (policy.ts), and one that ignores the facts
   * must not open a counselling resource.
   */
  private allowed(action: Action, facts: CounsellingFacts): boolean {
    return this.work.may(action, 'social', facts) && runsOffer(this.work.actor, facts);
  }

  private slotFacts(slot: SlotRow) {
    return counsellingFacts(slot.municipality_id, slot.unit_ids);
  }

  /** Who sees the family of a linked visit: the slot's professional and the visit's recorder. */
  private familyFacts(slot: SlotRow, recordedBy: string) {
    return counsellingFacts(slot.municipality_id, slot.unit_ids, [slot.professional_id, recordedBy]);
  }

  /** The professional must be an active staff member of a unit that runs the offer. */
  private async checkProfessional(trx: Transaction<DB>, offer: OfferRow, professionalId: string, issues: FieldIssue[]): Promise<void> {
    const staff = await staffOfUnits(trx, offer.municipality_id, offer.unit_ids);
    if (!staff.some((s) => s.id === professionalId)) issues.push({ field: 'professionalId', code: 'not_offer_staff' });
  }

  // ---- Helpers ----------------------------------------------------------------------

  private async slotRows(trx: Transaction<DB>, conditions: RawBuilder<unknown>[]): Promise<SlotRow[]> {
    const actor = this.staff();
    const result = await sql<SlotRow>`
      select s.id, s.municipality_id, s.offer_id, o.name as offer_name, o.unit_ids, s.unit_id, u.name as unit_name,
        s.professional_id, st.name as professional_name, s.place, s.starts_at, s.ends_at, s.version,
        (select count(*)::int from counselling_visits v where v.slot_id = s.id and v.kind = 'anonymous') as anonymous,
        (select count(*)::int from counselling_visits v where v.slot_id = s.id and v.kind = 'linked') as linked
      from counselling_slots s
      join offers o on o.id = s.offer_id
      join units u on u.id = s.unit_id
      join staff st on st.id = s.professional_id
      where s.municipality_id = ${actor.municipalityId} and ${sql.join(conditions, sql` and `)}
      order by s.starts_at, s.id`.execute(trx);
    return result.rows;
  }

  private async slotRow(trx: Transaction<DB>, slotId: string): Promise<SlotRow> {
    const row = (await this.slotRows(trx, [sql`s.id = ${slotId}`]))[0];
    if (!row) throw notFound();
    return row;
  }

  private present(row: SlotRow): SlotShape {
    return {
      id: row.id,
      offer: { id: row.offer_id, name: row.offer_name },
      unit: { id: row.unit_id, name: row.unit_name },
      professional: { id: row.professional_id, name: row.professional_name },
      place: row.place,
      startsAt: iso(row.starts_at),
      endsAt: iso(row.ends_at),
      version: row.version,
      counts: { visits: row.anonymous + row.linked, anonymous: row.anonymous, linked: row.linked },
    };
  }

  private async presentFamilyVisit(trx: Transaction<DB>, visitId: string): Promise<FamilyVisitShape> {
    const v = await trx
      .selectFrom('counselling_visits as v')
      .innerJoin('persons as p', 'p.id', 'v.child_id')
      .innerJoin('children as c', 'c.person_id', 'p.id')
      .innerJoin('staff as rb', 'rb.id', 'v.recorded_by')
      .select([
        'v.id',
        'v.visited_at',
        'v.age_band',
        'v.topic',
        'v.child_id',
        'v.consent_given_by_role',
        'v.consent_given_by_name',
        'v.consent_form',
        'v.consent_given_at',
        'v.note',
        'v.recorded_by',
        'rb.name as recorded_by_name',
        'p.first_name',
        'p.last_name',
        'p.birth_date',
        'c.status',
        'c.expected_date',
      ])
      .where('v.id', '=', visitId)
      .executeTakeFirstOrThrow();
    return {
      id: v.id,
      kind: 'linked',
      visitedAt: iso(v.visited_at),
      ageBand: v.age_band as CounsellingAgeBand | null,
      topic: v.topic as CounsellingTopic | null,
      child: { id: v.child_id as string, name: displayName(v), birthDate: v.birth_date },
      consent: {
        givenByRole: v.consent_given_by_role as FamilyVisitShape['consent']['givenByRole'],
        givenByName: v.consent_given_by_name ?? '',
        form: v.consent_form as FamilyVisitShape['consent']['form'],
        givenAt: iso(v.consent_given_at as Date),
      },
      note: v.note,
      recordedBy: { id: v.recorded_by, name: v.recorded_by_name },
    };
  }
}
