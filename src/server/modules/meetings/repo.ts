/**
 * Cross-professional meetings about a child (tværfagligt møde, or an extra
 * meeting with the parents in daycare), scoped to the actor (domain.md §5.1,
 * §6.3; rules C4, G1–G3). Everything in a meeting is category `meeting`, and
 * every read and write is audited with the child's id.
 *
 * - Legal basis: the parents' consent (who gave it, when, written/oral) or the
 *   SSD rule: without consent at most one meeting per child and, as a special
 *   case with a reason, one follow-up meeting; a third is refused (422
 *   `meetings.ssd_limit_reached`). Under SSD only staff attending for a listed
 *   unit kind take part (`mayJoinSsdMeeting`); anyone else is refused (422
 *   `meetings.ssd_participant_not_allowed`). The legal basis is fixed when the
 *   meeting is created.
 * - Who sees it: see `access/policies/meetings.ts`. Staff participants are
 *   brought into the child's case (`involveStaff`, source 'meeting'), which
 *   shows them the child's basic data; never health data. Health information
 *   enters a meeting only through what the health visitor writes into it: the
 *   module copies nothing from the health journal.
 * - The facilitator is the staff member who creates the meeting, and takes
 *   part as a participant (they rate too).
 * - The map is one versioned document; every danger statement has exactly
 *   one goal (G1), field by field. Ratings are one 0–10 number per participant,
 *   with the scale's anchor texts stored on the meeting (G3).
 * - Next steps have an owner (a participant), a due date and a status; a staff
 *   owner sees their open ones on Min dag (`myActions`).
 * - Minutes: revision 1 is a draft anyone co-authoring may edit; the
 *   facilitator approves it, which locks it (409 `meetings.minutes_locked`);
 *   a correction is the next revision as a new draft, earlier ones kept.
 * - Closing (`close`, facilitator only): allowed once the newest minutes
 *   revision is approved (else 409 `meetings.close_needs_approved_minutes`).
 *   It records closed_at/closed_by and ends the meeting's involvements, so
 *   staff participants no longer see the child's basic data through it; a
 *   staff member who is a current participant of another open meeting about
 *   the same child (a follow-up in the chain, typically) stays involved
 *   through that meeting. A closed meeting is read-only (details,
 *   participants, map, ratings, attendance, next steps, minutes: 409
 *   `meetings.closed`), but its content stays visible by the meeting's own
 *   rules (facilitator, covered participants, the facilitator's unit). Open
 *   next steps stay on their owners' lists and can still be marked done (or
 *   opened again); only their wording and date are frozen.
 * - Removing a participant (facilitator only, while open) is soft: the row
 *   gets removed_at/removed_by and is kept, so a rating they gave stays in the
 *   ratings history and next steps they own keep their owner's name. A
 *   removed staff member loses the meeting (no longer covered) and their
 *   involvement through it; they can be invited again. The facilitator cannot
 *   be removed (422 `meetings.facilitator_stays`).
 * - A network person's name and relation can be corrected by the facilitator
 *   (participant version, stale → 409).
 */
import type { Insertable, Transaction } from 'kysely';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { checkStatementPairs, DEFAULT_SCALE_ANCHORS, decideSsdMeeting, mayJoinSsdMeeting } from '../../../domain/signs-of-safety';
import type { StaffActor } from '../../access/actor';
import { guardChild, loadChildFacts } from '../../access/child-access';
import { endInvolvement, involveStaff } from '../../access/involvement';
import { DAYCARE_KINDS, isMeetingFacilitator, type MeetingFacts } from '../../access/policies/meetings';
import type { Work } from '../../access/work';
import { todayInDenmark } from '../../clock';
import type { DB } from '../../db/types';
import { expectCurrentVersion, type FieldIssue, forbidden, invalidFields, notFound, Problem, staleVersion } from '../../errors';
import {
  type ActionRow,
  actionQuery,
  childNameOf,
  emptyMap,
  factsOf,
  isCurrent,
  iso,
  loadMap,
  loadMinutes,
  type MeetingRow,
  meetingQuery,
  type ParticipantRow,
  participantKey,
  participantsOf,
  personName,
  presentAction,
  presentParticipant,
} from './queries';
import type {
  ActionShape,
  AddParticipantsInput,
  CreateActionInput,
  CreateMeetingInput,
  MeetingMapShape,
  MeetingShape,
  MeetingSummaryShape,
  MinutesShape,
  MyActionShape,
  ParticipantShape,
  SaveMapInput,
  SaveMinutesInput,
  UpdateActionInput,
  UpdateMeetingInput,
  UpdateParticipantInput,
} from './schema';

type Trx = Transaction<DB>;

/** A loaded meeting with its participants and access facts. */
interface Loaded {
  row: MeetingRow;
  participants: ParticipantRow[];
  facts: MeetingFacts;
}

/** Meetings, scoped to the actor. */
export class MeetingsRepo {
  constructor(private readonly work: Work) {}

  private staff(): StaffActor {
    const actor = this.work.actor;
    if (actor.kind !== 'staff') throw new Error('meetings need a staff actor');
    return actor;
  }

  // ---- Loading and guarding ------------------------------------------------------------

  private async load(trx: Trx, id: string): Promise<Loaded | null> {
    const row = (await meetingQuery(trx).where('m.id', '=', id).executeTakeFirst()) as MeetingRow | undefined;
    if (!row) return null;
    const participants = await participantsOf(trx, [id]);
    return { row, participants, facts: factsOf(row, participants) };
  }

  /**
   * The door to one meeting: 404 when the actor may not read it (audited with
   * the child's id when the meeting exists), 403 when they read but may not
   * `update` it; `facilitate` also needs the facilitator.
   */
  private async guard(id: string, need: 'read' | 'update' | 'facilitate'): Promise<Loaded> {
    const trx = await this.work.tx();
    const loaded = await this.load(trx, id);
    if (!loaded || !this.work.may('read', 'meeting', loaded.facts)) {
      this.work.audit({ action: need === 'read' ? 'read' : 'update', category: 'meeting', subjectIds: loaded ? [loaded.row.child_id] : [], outcome: 'denied', detail: { meetingId: id } });
      throw notFound();
    }
    if (need === 'update') this.work.authorize('update', 'meeting', loaded.facts, [loaded.row.child_id]);
    if (need === 'facilitate' && !isMeetingFacilitator(this.work.actor, loaded.facts)) {
      this.work.audit({ action: 'update', category: 'meeting', subjectIds: [loaded.row.child_id], outcome: 'denied', detail: { meetingId: id, needs: 'facilitator' } });
      throw forbidden();
    }
    return loaded;
  }

  /** Refuses a change to a closed meeting (409 `meetings.closed`, audited). */
  private ensureOpen(loaded: Loaded, attempt: string): void {
    if (loaded.row.closed_at === null) return;
    this.work.audit({ action: 'update', category: 'meeting', subjectIds: [loaded.row.child_id], outcome: 'denied', detail: { meetingId: loaded.row.id, closed: true, attempt } });
    throw new Problem(409, 'meetings.closed');
  }

  /** Guards a change to an open meeting: the door, then 409 when it is closed. */
  private async guardOpen(id: string, need: 'update' | 'facilitate', attempt: string): Promise<Loaded> {
    const loaded = await this.guard(id, need);
    this.ensureOpen(loaded, attempt);
    return loaded;
  }

  private roleOf(facts: MeetingFacts): MeetingSummaryShape['myRole'] {
    const actor = this.staff();
    if (actor.id === facts.facilitatorId) return 'facilitator';
    return facts.coveredStaffIds.includes(actor.id) ? 'participant' : 'unit';
  }

  private summary(row: MeetingRow, facts: MeetingFacts): MeetingSummaryShape {
    return {
      id: row.id,
      child: { id: row.child_id, name: childNameOf(row), birthDate: row.child_birth_date },
      kind: row.kind,
      heldOn: row.held_on,
      startTime: row.start_time,
      place: row.place,
      facilitator: { id: row.facilitator_id, name: row.facilitator_name },
      facilitatorUnit: { id: row.facilitator_unit_id, name: row.facilitator_unit_name },
      legalBasis: row.legal_basis,
      followsMeetingId: row.follows_meeting_id,
      myRole: this.roleOf(facts),
      closedAt: row.closed_at ? iso(row.closed_at) : null,
      closedBy: row.closed_by ? { id: row.closed_by, name: row.closed_by_name ?? '' } : null,
    };
  }

  // ---- Meetings ------------------------------------------------------------------------

  /**
   * Sets up a meeting about a child the actor sees, with its legal basis and
   * (optionally) the first participants; the creator facilitates it.
   */
  async create(input: CreateMeetingInput): Promise<MeetingShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const child = await guardChild(this.work, input.childId, 'read', 'basic');
    const unit = input.facilitatorUnitId
      ? actor.units.find((u) => u.id === input.facilitatorUnitId)
      : input.kind === 'daycare_parents'
        ? actor.units.find((u) => DAYCARE_KINDS.includes(u.kind) && child.enrolledUnitIds.includes(u.id))
        : actor.units[0];
    this.work.authorize(
      'create',
      'meeting',
      { municipalityId: child.municipalityId, kind: input.kind, unitId: unit?.id ?? '', unitKind: unit?.kind ?? '', enrolledUnitIds: child.enrolledUnitIds },
      [input.childId],
    );
    if (!unit) throw forbidden();

    const issues: FieldIssue[] = [];
    if (input.legalBasis === 'consent') {
      if (!input.consent) issues.push({ field: 'consent', code: 'required' });
      else if (!(await this.custodyHolder(trx, input.childId, input.consent.givenBy))) issues.push({ field: 'consent.givenBy', code: 'not_custody_holder' });
      else if (input.consent.givenOn > todayInDenmark()) issues.push({ field: 'consent.givenOn', code: 'in_future' });
    }
    if (input.followsMeetingId) {
      const earlier = await this.load(trx, input.followsMeetingId);
      if (!earlier || earlier.row.child_id !== input.childId || !this.work.may('read', 'meeting', earlier.facts)) issues.push({ field: 'followsMeetingId', code: 'invalid_choice' });
    }
    if (issues.length) throw invalidFields(issues);

    // The SSD count per child, serialised on the child's row (rule C4).
    let ssdOrdinal: number | null = null;
    if (input.legalBasis === 'ssd') {
      await sql`select id from persons where id = ${input.childId} for update`.execute(trx);
      const counted = await trx
        .selectFrom('meetings')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('child_id', '=', input.childId)
        .where('legal_basis', '=', 'ssd')
        .executeTakeFirstOrThrow();
      const decision = decideSsdMeeting(Number(counted.n), { specialCase: input.ssdSpecialCase, reason: input.ssdSpecialReason });
      if (!decision.allowed) {
        this.work.audit({ action: 'create', category: 'meeting', subjectIds: [input.childId], outcome: 'denied', detail: { ssd: decision.reason } });
        throw new Problem(422, decision.reason === 'limit_reached' ? 'meetings.ssd_limit_reached' : 'meetings.ssd_follow_up_needs_special_case');
      }
      ssdOrdinal = decision.ordinal;
      if (!mayJoinSsdMeeting(unit.kind, actor.profession)) {
        throw new Problem(422, 'meetings.ssd_participant_not_allowed', { fields: [{ field: 'facilitatorUnitId', code: 'ssd_not_allowed' }] });
      }
    }

    const id = uuidv7();
    const anchors = DEFAULT_SCALE_ANCHORS[input.wording];
    await trx
      .insertInto('meetings')
      .values({
        id,
        municipality_id: child.municipalityId,
        child_id: input.childId,
        kind: input.kind,
        held_on: input.heldOn,
        start_time: input.startTime ?? null,
        place: input.place,
        facilitator_id: actor.id,
        facilitator_unit_id: unit.id,
        legal_basis: input.legalBasis,
        consent_given_by: input.legalBasis === 'consent' ? (input.consent?.givenBy ?? null) : null,
        consent_given_on: input.legalBasis === 'consent' ? (input.consent?.givenOn ?? null) : null,
        consent_form: input.legalBasis === 'consent' ? (input.consent?.form ?? null) : null,
        ssd_ordinal: ssdOrdinal,
        ssd_special_reason: ssdOrdinal === 2 ? (input.ssdSpecialReason ?? null) : null,
        follows_meeting_id: input.followsMeetingId ?? null,
        sparring_request_id: input.sparringRequestId ?? null,
        wording: input.wording,
        scale_anchor_low: input.scaleAnchorLow ?? anchors.low,
        scale_anchor_high: input.scaleAnchorHigh ?? anchors.high,
        created_by: actor.id,
      })
      .execute();
    await trx.insertInto('meeting_maps').values({ meeting_id: id, content: JSON.stringify(emptyMap()), updated_by: actor.id }).execute();
    await trx
      .insertInto('meeting_participants')
      .values({ id: uuidv7(), meeting_id: id, kind: 'staff', staff_id: actor.id, unit_id: unit.id, name: actor.name, added_by: actor.id })
      .execute();
    const added = await this.insertParticipants(trx, id, input.childId, input.legalBasis, input.participants ?? { staff: [], parents: [], network: [] }, 'participants.');
    await involveStaff(trx, input.childId, [actor.id, ...added.staffIds], { source: 'meeting', sourceId: id }, actor.id);
    this.work.audit({
      action: 'create',
      category: 'meeting',
      subjectIds: [input.childId, ...added.adultIds],
      outcome: 'allowed',
      detail: { meetingId: id, legalBasis: input.legalBasis, ssdOrdinal, participants: added.count + 1 },
    });
    const loaded = await this.load(trx, id);
    if (!loaded) throw notFound();
    return this.view(trx, loaded);
  }

  /** Whether an adult holds custody of the child. */
  private async custodyHolder(trx: Trx, childId: string, adultId: string) {
    return trx.selectFrom('relations').select('adult_id').where('child_id', '=', childId).where('adult_id', '=', adultId).where('custody', '=', true).executeTakeFirst();
  }

  /**
   * Adds participants (staff for a unit, parents from the child's relations,
   * network persons by name); people already taking part are skipped. Under
   * SSD a staff member not of a listed kind is refused (422, field by field).
   */
  private async insertParticipants(
    trx: Trx,
    meetingId: string,
    childId: string,
    legalBasis: 'consent' | 'ssd',
    input: AddParticipantsInput,
    prefix: string,
  ): Promise<{ staffIds: string[]; adultIds: string[]; count: number }> {
    const actor = this.staff();
    const existing = (await participantsOf(trx, [meetingId])).filter(isCurrent);
    const rows: Insertable<DB['meeting_participants']>[] = [];
    const issues: FieldIssue[] = [];
    const ssdRefused: FieldIssue[] = [];
    const staffIds: string[] = [];
    const adultIds: string[] = [];
    const today = todayInDenmark();

    for (const [index, wanted] of input.staff.entries()) {
      if (existing.some((p) => p.staff_id === wanted.staffId) || staffIds.includes(wanted.staffId)) continue;
      const memberships = await trx
        .selectFrom('staff as s')
        .innerJoin('memberships as ms', 'ms.staff_id', 's.id')
        .innerJoin('units as u', 'u.id', 'ms.unit_id')
        .select(['s.id', 's.name', 's.profession', 'u.id as unit_id', 'u.kind as unit_kind'])
        .where('s.id', '=', wanted.staffId)
        .where('s.municipality_id', '=', actor.municipalityId)
        .where('s.active', '=', true)
        .where('ms.starts_on', '<=', today)
        .where((eb) => eb.or([eb('ms.ends_on', 'is', null), eb('ms.ends_on', '>=', today)]))
        .orderBy('u.name')
        .execute();
      const membership = wanted.unitId ? memberships.find((m) => m.unit_id === wanted.unitId) : memberships[0];
      if (!membership) {
        issues.push({ field: `${prefix}staff.${index}.${wanted.unitId && memberships.length ? 'unitId' : 'staffId'}`, code: 'invalid_choice' });
        continue;
      }
      if (legalBasis === 'ssd' && !mayJoinSsdMeeting(membership.unit_kind, membership.profession)) {
        ssdRefused.push({ field: `${prefix}staff.${index}.staffId`, code: 'ssd_not_allowed' });
        continue;
      }
      staffIds.push(membership.id);
      rows.push({ id: uuidv7(), meeting_id: meetingId, kind: 'staff', staff_id: membership.id, unit_id: membership.unit_id, name: membership.name, added_by: actor.id });
    }
    for (const [index, adultId] of input.parents.entries()) {
      if (existing.some((p) => p.adult_id === adultId) || adultIds.includes(adultId)) continue;
      const adult = await trx
        .selectFrom('relations as r')
        .innerJoin('persons as a', 'a.id', 'r.adult_id')
        .select(['a.id', 'a.first_name', 'a.last_name', 'r.relation'])
        .where('r.child_id', '=', childId)
        .where('r.adult_id', '=', adultId)
        .executeTakeFirst();
      if (!adult) {
        issues.push({ field: `${prefix}parents.${index}`, code: 'invalid_choice' });
        continue;
      }
      adultIds.push(adult.id);
      rows.push({ id: uuidv7(), meeting_id: meetingId, kind: 'parent', adult_id: adult.id, name: personName(adult.first_name, adult.last_name), relation: adult.relation, added_by: actor.id });
    }
    for (const person of input.network) {
      if (existing.some((p) => p.kind === 'network' && p.name.toLowerCase() === person.name.toLowerCase())) continue;
      rows.push({ id: uuidv7(), meeting_id: meetingId, kind: 'network', name: person.name, relation: person.relation, added_by: actor.id });
    }
    if (issues.length) throw invalidFields(issues);
    if (ssdRefused.length) {
      this.work.audit({ action: 'update', category: 'meeting', subjectIds: [childId], outcome: 'denied', detail: { meetingId, ssdParticipantRefused: ssdRefused.length } });
      throw new Problem(422, 'meetings.ssd_participant_not_allowed', { fields: ssdRefused });
    }
    if (rows.length) await trx.insertInto('meeting_participants').values(rows).execute();
    return { staffIds, adultIds, count: rows.length };
  }

  /** One meeting with everything in it, for its participants and the facilitator's unit. */
  async get(id: string): Promise<MeetingShape> {
    const loaded = await this.guard(id, 'read');
    const trx = await this.work.tx();
    this.work.audit({ action: 'read', category: 'meeting', subjectIds: [loaded.row.child_id], outcome: 'allowed', detail: { meetingId: id } });
    return this.view(trx, loaded);
  }

  private async view(trx: Trx, loaded: Loaded): Promise<MeetingShape> {
    const { row, participants, facts } = loaded;
    const today = todayInDenmark();
    const [map, actions, minutes, consentBy, ratingsOverTime] = await Promise.all([
      loadMap(trx, row.id),
      actionQuery(trx).where('a.meeting_id', '=', row.id).orderBy('a.due_on').orderBy('a.id').execute(),
      loadMinutes(trx, row.id),
      row.consent_given_by ? trx.selectFrom('persons').select(['id', 'first_name', 'last_name']).where('id', '=', row.consent_given_by).executeTakeFirst() : undefined,
      this.chain(trx, loaded),
    ]);
    const [current, ...history] = minutes;
    const open = row.closed_at === null;
    return {
      ...this.summary(row, facts),
      consent:
        row.legal_basis === 'consent' && row.consent_given_on && row.consent_form
          ? { givenBy: { id: row.consent_given_by ?? '', name: consentBy ? personName(consentBy.first_name, consentBy.last_name) : '' }, givenOn: row.consent_given_on, form: row.consent_form }
          : null,
      ssd: row.legal_basis === 'ssd' ? { ordinal: row.ssd_ordinal ?? 1, specialReason: row.ssd_special_reason } : null,
      sparringRequestId: row.sparring_request_id,
      wording: row.wording,
      scaleAnchorLow: row.scale_anchor_low,
      scaleAnchorHigh: row.scale_anchor_high,
      parentSummary: row.parent_summary,
      version: row.version,
      mayEdit: open && this.work.may('update', 'meeting', facts),
      mayFacilitate: open && isMeetingFacilitator(this.work.actor, facts),
      mayClose: open && isMeetingFacilitator(this.work.actor, facts),
      mayCompleteActions: this.work.may('update', 'meeting', facts),
      participants: participants.filter(isCurrent).map(presentParticipant),
      removedParticipants: participants.filter((p) => !isCurrent(p)).map(presentParticipant),
      map,
      actions: (actions as ActionRow[]).map((a) => presentAction(a, today)),
      minutes: current ?? null,
      minutesHistory: history,
      ratingsOverTime,
    };
  }

  /** Each participant's rating across the chain of follow-ups (first meeting → this one), meetings the actor may read. */
  private async chain(trx: Trx, loaded: Loaded): Promise<MeetingShape['ratingsOverTime']> {
    const chain: Loaded[] = [loaded];
    let previous = loaded.row.follows_meeting_id;
    while (previous && chain.length < 20) {
      const earlier = await this.load(trx, previous);
      if (!earlier || earlier.row.child_id !== loaded.row.child_id) break;
      chain.unshift(earlier);
      previous = earlier.row.follows_meeting_id;
    }
    const visible = chain.filter((m) => this.work.may('read', 'meeting', m.facts));
    const series = new Map<string, { key: string; name: string; ratings: (number | null)[] }>();
    visible.forEach((meeting, index) => {
      for (const p of meeting.participants) {
        const key = participantKey(p);
        const entry = series.get(key) ?? { key, name: p.name, ratings: visible.map(() => null) };
        entry.ratings[index] = p.rating;
        entry.name = p.name;
        series.set(key, entry);
      }
    });
    return {
      meetings: visible.map((m) => ({ meetingId: m.row.id, heldOn: m.row.held_on })),
      series: [...series.values()].filter((s) => s.ratings.some((r) => r !== null)),
    };
  }

  /** The meetings the actor facilitates, takes part in, or that their unit facilitates; newest first. */
  async mine(): Promise<MeetingSummaryShape[]> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const unitIds = actor.units.map((u) => u.id);
    const rows = (await meetingQuery(trx)
      .where('m.municipality_id', '=', actor.municipalityId)
      .where((eb) =>
        eb.or([
          eb('m.facilitator_id', '=', actor.id),
          ...(unitIds.length ? [eb('m.facilitator_unit_id', 'in', unitIds)] : []),
          eb.exists(
            eb.selectFrom('meeting_participants as mp').select('mp.id').whereRef('mp.meeting_id', '=', 'm.id').where('mp.staff_id', '=', actor.id).where('mp.removed_at', 'is', null),
          ),
        ]),
      )
      .orderBy('m.held_on', 'desc')
      .orderBy('m.id', 'desc')
      .limit(200)
      .execute()) as MeetingRow[];
    return this.visibleSummaries(trx, rows, { mine: true });
  }

  /** The child's meetings the actor may see (404 when the actor does not see the child). */
  async forChild(childId: string): Promise<MeetingSummaryShape[]> {
    const trx = await this.work.tx();
    const facts = await loadChildFacts(trx, childId);
    const rows = facts ? ((await meetingQuery(trx).where('m.child_id', '=', childId).orderBy('m.held_on', 'desc').orderBy('m.id', 'desc').execute()) as MeetingRow[]) : [];
    const participants = await participantsOf(
      trx,
      rows.map((r) => r.id),
    );
    const visible = rows.filter((r) => this.work.may('read', 'meeting', factsOf(r, participants)));
    if (!facts || (visible.length === 0 && !this.work.may('read', 'basic', facts))) {
      this.work.audit({ action: 'read', category: 'meeting', subjectIds: [childId], outcome: 'denied' });
      throw notFound();
    }
    return this.visibleSummaries(trx, visible, { childId });
  }

  private async visibleSummaries(trx: Trx, rows: MeetingRow[], criterion: Record<string, unknown>): Promise<MeetingSummaryShape[]> {
    const participants = await participantsOf(
      trx,
      rows.map((r) => r.id),
    );
    const items = rows
      .map((row) => ({ row, facts: factsOf(row, participants) }))
      .filter(({ facts }) => this.work.may('read', 'meeting', facts))
      .map(({ row, facts }) => this.summary(row, facts));
    this.work.audit({ action: 'search', category: 'meeting', subjectIds: [...new Set(items.map((m) => m.child.id))], criterion: JSON.stringify(criterion), outcome: 'allowed' });
    return items;
  }

  /** Changes the details (facilitator only; send the version you read). */
  async update(id: string, input: UpdateMeetingInput): Promise<MeetingShape> {
    const loaded = await this.guardOpen(id, 'facilitate', 'details');
    const trx = await this.work.tx();
    const { version, heldOn, startTime, place, wording, scaleAnchorLow, scaleAnchorHigh, parentSummary } = input;
    const set = {
      ...(heldOn !== undefined ? { held_on: heldOn } : {}),
      ...(startTime !== undefined ? { start_time: startTime } : {}),
      ...(place !== undefined ? { place } : {}),
      ...(wording !== undefined ? { wording } : {}),
      ...(scaleAnchorLow !== undefined ? { scale_anchor_low: scaleAnchorLow } : {}),
      ...(scaleAnchorHigh !== undefined ? { scale_anchor_high: scaleAnchorHigh } : {}),
      ...(parentSummary !== undefined ? { parent_summary: parentSummary } : {}),
    };
    expectCurrentVersion(
      await trx
        .updateTable('meetings')
        .set({ ...set, version: version + 1, updated_at: new Date() })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst(),
    );
    this.work.audit({ action: 'update', category: 'meeting', subjectIds: [loaded.row.child_id], outcome: 'allowed', detail: { meetingId: id, fields: Object.keys(set) } });
    const reloaded = await this.load(trx, id);
    if (!reloaded) throw notFound();
    return this.view(trx, reloaded);
  }

  /** Invites more participants (facilitator only); they see the meeting as far as its legal basis covers them. */
  async addParticipants(id: string, input: AddParticipantsInput): Promise<MeetingShape> {
    const loaded = await this.guardOpen(id, 'facilitate', 'participants');
    const trx = await this.work.tx();
    const added = await this.insertParticipants(trx, id, loaded.row.child_id, loaded.row.legal_basis, input, '');
    await involveStaff(trx, loaded.row.child_id, added.staffIds, { source: 'meeting', sourceId: id }, this.staff().id);
    this.work.audit({ action: 'update', category: 'meeting', subjectIds: [loaded.row.child_id, ...added.adultIds], outcome: 'allowed', detail: { meetingId: id, participantsAdded: added.count } });
    const reloaded = await this.load(trx, id);
    if (!reloaded) throw notFound();
    return this.view(trx, reloaded);
  }

  /**
   * Records a participant's attendance and/or scale rating (co-authors), or
   * corrects a network person's name and relation (facilitator only); send
   * the participant's version.
   */
  async updateParticipant(id: string, participantId: string, input: UpdateParticipantInput): Promise<ParticipantShape> {
    const renaming = input.name !== undefined || input.relation !== undefined;
    const loaded = await this.guardOpen(id, renaming ? 'facilitate' : 'update', 'participant');
    const target = loaded.participants.find((p) => p.id === participantId && isCurrent(p));
    if (!target) throw notFound();
    if (renaming) {
      const issues: FieldIssue[] = [];
      if (target.kind !== 'network') {
        for (const field of ['name', 'relation'] as const) if (input[field] !== undefined) issues.push({ field, code: 'not_applicable' });
      } else if (
        input.name !== undefined &&
        loaded.participants.some((p) => p.id !== participantId && isCurrent(p) && p.kind === 'network' && p.name.toLowerCase() === input.name?.toLowerCase())
      ) {
        issues.push({ field: 'name', code: 'duplicate' });
      }
      if (issues.length) throw invalidFields(issues);
    }
    const trx = await this.work.tx();
    const actor = this.staff();
    expectCurrentVersion(
      await trx
        .updateTable('meeting_participants')
        .set({
          ...(input.attended !== undefined ? { attended: input.attended } : {}),
          ...(input.rating !== undefined ? { rating: input.rating, rating_recorded_by: actor.id, rating_recorded_at: new Date() } : {}),
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.relation !== undefined ? { relation: input.relation } : {}),
          version: input.version + 1,
        })
        .where('id', '=', participantId)
        .where('meeting_id', '=', id)
        .where('removed_at', 'is', null)
        .where('version', '=', input.version)
        .executeTakeFirst(),
    );
    this.work.audit({
      action: 'update',
      category: 'meeting',
      subjectIds: [loaded.row.child_id],
      outcome: 'allowed',
      detail: { meetingId: id, participantId, fields: Object.keys(input).filter((key) => key !== 'version') },
    });
    const [row] = (await participantsOf(trx, [id])).filter((p) => p.id === participantId);
    return presentParticipant(row);
  }

  // ---- The map --------------------------------------------------------------------------

  /** Saves the whole map (co-authors; send the version you read): every danger statement with exactly one goal (G1). */
  async saveMap(id: string, input: SaveMapInput): Promise<MeetingMapShape> {
    const loaded = await this.guardOpen(id, 'update', 'map');
    const issues = checkStatementPairs(input.dangers).map((issue): FieldIssue => ({ field: `dangers.${issue.index}.${issue.field}`, code: issue.code }));
    if (issues.length) throw invalidFields(issues);
    const trx = await this.work.tx();
    const { version, ...content } = input;
    expectCurrentVersion(
      await trx
        .updateTable('meeting_maps')
        .set({ content: JSON.stringify({ ...content, childPerspective: content.childPerspective || null }), version: version + 1, updated_by: this.staff().id, updated_at: new Date() })
        .where('meeting_id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst(),
    );
    this.work.audit({ action: 'update', category: 'meeting', subjectIds: [loaded.row.child_id], outcome: 'allowed', detail: { meetingId: id, map: version + 1 } });
    return loadMap(trx, id);
  }

  // ---- Next steps -----------------------------------------------------------------------

  /** Adds a next step owned by one of the meeting's participants (co-authors). */
  async createAction(id: string, input: CreateActionInput): Promise<ActionShape> {
    const loaded = await this.guardOpen(id, 'update', 'action');
    if (!loaded.participants.some((p) => p.id === input.ownerParticipantId && isCurrent(p))) throw invalidFields([{ field: 'ownerParticipantId', code: 'invalid_choice' }]);
    const trx = await this.work.tx();
    const actionId = uuidv7();
    await trx
      .insertInto('meeting_actions')
      .values({ id: actionId, meeting_id: id, description: input.description, owner_participant_id: input.ownerParticipantId, due_on: input.dueOn, created_by: this.staff().id })
      .execute();
    this.work.audit({ action: 'create', category: 'meeting', subjectIds: [loaded.row.child_id], outcome: 'allowed', detail: { meetingId: id, actionId } });
    const row = (await actionQuery(trx).where('a.id', '=', actionId).executeTakeFirstOrThrow()) as ActionRow;
    return presentAction(row, todayInDenmark());
  }

  /** Changes a next step: mark it done, reopen it, reword it or move its date (co-authors; send the version you read). */
  async updateAction(actionId: string, input: UpdateActionInput): Promise<ActionShape> {
    const trx = await this.work.tx();
    const found = await trx.selectFrom('meeting_actions').select(['meeting_id']).where('id', '=', actionId).executeTakeFirst();
    if (!found) {
      this.work.audit({ action: 'update', category: 'meeting', subjectIds: [], outcome: 'denied', detail: { actionId } });
      throw notFound();
    }
    const loaded = await this.guard(found.meeting_id, 'update');
    // After closing, next steps can still be marked done or opened again; their wording and date are frozen.
    if (input.description !== undefined || input.dueOn !== undefined) this.ensureOpen(loaded, 'action');
    expectCurrentVersion(
      await trx
        .updateTable('meeting_actions')
        .set({
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.dueOn !== undefined ? { due_on: input.dueOn } : {}),
          ...(input.status !== undefined ? { status: input.status, completed_at: input.status === 'done' ? new Date() : null } : {}),
          version: input.version + 1,
          updated_at: new Date(),
        })
        .where('id', '=', actionId)
        .where('version', '=', input.version)
        .executeTakeFirst(),
    );
    this.work.audit({ action: 'update', category: 'meeting', subjectIds: [loaded.row.child_id], outcome: 'allowed', detail: { meetingId: found.meeting_id, actionId, status: input.status } });
    const row = (await actionQuery(trx).where('a.id', '=', actionId).executeTakeFirstOrThrow()) as ActionRow;
    return presentAction(row, todayInDenmark());
  }

  /** The signed-in staff member's own open next steps from meetings they may see, soonest due first (Min dag). */
  async myActions(): Promise<MyActionShape[]> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const rows = (await actionQuery(trx)
      .where('o.staff_id', '=', actor.id)
      .where('a.status', '=', 'open')
      .orderBy('a.due_on')
      .orderBy('a.id')
      .execute()) as ActionRow[];
    const meetingIds = [...new Set(rows.map((r) => r.meeting_id))];
    const meetings = meetingIds.length ? ((await meetingQuery(trx).where('m.id', 'in', meetingIds).execute()) as MeetingRow[]) : [];
    const participants = await participantsOf(trx, meetingIds);
    const visible = new Map(meetings.filter((m) => this.work.may('read', 'meeting', factsOf(m, participants))).map((m) => [m.id, m]));
    const today = todayInDenmark();
    const items = rows
      .filter((r) => visible.has(r.meeting_id))
      .map((r) => {
        const meeting = visible.get(r.meeting_id) as MeetingRow;
        return { ...presentAction(r, today), child: { id: meeting.child_id, name: childNameOf(meeting) }, meetingHeldOn: meeting.held_on };
      });
    this.work.audit({ action: 'search', category: 'meeting', subjectIds: [...new Set(items.map((i) => i.child.id))], criterion: JSON.stringify({ myActions: true }), outcome: 'allowed' });
    return items;
  }

  // ---- Minutes --------------------------------------------------------------------------

  /** Writes the current draft (co-authors): version 0 starts revision 1; approved minutes are locked (409). */
  async saveMinutes(id: string, input: SaveMinutesInput): Promise<MinutesShape> {
    const loaded = await this.guardOpen(id, 'update', 'minutes');
    const trx = await this.work.tx();
    const actor = this.staff();
    await sql`select id from meetings where id = ${id} for update`.execute(trx);
    const [current] = await loadMinutes(trx, id);
    if (!current) {
      if (input.version !== 0) throw staleVersion();
      await trx.insertInto('meeting_minutes').values({ id: uuidv7(), meeting_id: id, revision: 1, text: input.text, created_by: actor.id, updated_by: actor.id }).execute();
    } else {
      if (current.status === 'approved') this.locked(loaded, 'edit');
      expectCurrentVersion(
        await trx
          .updateTable('meeting_minutes')
          .set({ text: input.text, version: input.version + 1, updated_by: actor.id, updated_at: new Date() })
          .where('id', '=', current.id)
          .where('status', '=', 'draft')
          .where('version', '=', input.version)
          .executeTakeFirst(),
      );
    }
    this.work.audit({ action: 'update', category: 'meeting', subjectIds: [loaded.row.child_id], outcome: 'allowed', detail: { meetingId: id, minutes: current?.revision ?? 1 } });
    const [saved] = await loadMinutes(trx, id);
    return saved as MinutesShape;
  }

  private locked(loaded: Loaded, attempt: string): never {
    this.work.audit({ action: 'update', category: 'meeting', subjectIds: [loaded.row.child_id], outcome: 'denied', detail: { meetingId: loaded.row.id, minutes: 'locked', attempt } });
    throw new Problem(409, 'meetings.minutes_locked');
  }

  /** Approves the current draft (facilitator only; send its version); approved minutes are locked. */
  async approveMinutes(id: string, version: number): Promise<MinutesShape> {
    const loaded = await this.guardOpen(id, 'facilitate', 'minutes');
    const trx = await this.work.tx();
    await sql`select id from meetings where id = ${id} for update`.execute(trx);
    const [current] = await loadMinutes(trx, id);
    if (!current) throw new Problem(409, 'meetings.minutes_missing');
    if (current.status === 'approved') this.locked(loaded, 'approve');
    expectCurrentVersion(
      await trx
        .updateTable('meeting_minutes')
        .set({ status: 'approved', approved_by: this.staff().id, approved_at: new Date(), version: version + 1, updated_at: new Date() })
        .where('id', '=', current.id)
        .where('version', '=', version)
        .executeTakeFirst(),
    );
    this.work.audit({ action: 'update', category: 'meeting', subjectIds: [loaded.row.child_id], outcome: 'allowed', detail: { meetingId: id, minutesApproved: current.revision } });
    const [saved] = await loadMinutes(trx, id);
    return saved as MinutesShape;
  }

  /** Starts a correction of approved minutes (facilitator only; send the approved version): a new draft revision, the approved one kept. */
  async correctMinutes(id: string, version: number): Promise<MinutesShape> {
    const loaded = await this.guardOpen(id, 'facilitate', 'minutes');
    const trx = await this.work.tx();
    await sql`select id from meetings where id = ${id} for update`.execute(trx);
    const [current] = await loadMinutes(trx, id);
    if (!current) throw new Problem(409, 'meetings.minutes_missing');
    if (current.status !== 'approved') throw new Problem(409, 'meetings.minutes_not_approved');
    if (current.version !== version) throw staleVersion();
    const actor = this.staff();
    await trx
      .insertInto('meeting_minutes')
      .values({ id: uuidv7(), meeting_id: id, revision: current.revision + 1, text: current.text, created_by: actor.id, updated_by: actor.id })
      .execute();
    this.work.audit({ action: 'update', category: 'meeting', subjectIds: [loaded.row.child_id], outcome: 'allowed', detail: { meetingId: id, minutesCorrection: current.revision + 1 } });
    const [saved] = await loadMinutes(trx, id);
    return saved as MinutesShape;
  }

  // ---- Removing participants and closing ------------------------------------------------

  /**
   * Removes a participant (facilitator only, while open; send the participant's version):
   * soft, the row is kept with its rating for the history; a staff member loses the
   * meeting and their involvement in the child's case through it.
   */
  async removeParticipant(id: string, participantId: string, version: number): Promise<MeetingShape> {
    const loaded = await this.guardOpen(id, 'facilitate', 'remove_participant');
    const target = loaded.participants.find((p) => p.id === participantId && isCurrent(p));
    if (!target) throw notFound();
    if (target.staff_id && target.staff_id === loaded.row.facilitator_id) throw new Problem(422, 'meetings.facilitator_stays');
    const trx = await this.work.tx();
    expectCurrentVersion(
      await trx
        .updateTable('meeting_participants')
        .set({ removed_at: new Date(), removed_by: this.staff().id, version: version + 1 })
        .where('id', '=', participantId)
        .where('meeting_id', '=', id)
        .where('removed_at', 'is', null)
        .where('version', '=', version)
        .executeTakeFirst(),
    );
    if (target.staff_id) await endInvolvement(trx, { source: 'meeting', sourceId: id }, [target.staff_id]);
    this.work.audit({
      action: 'update',
      category: 'meeting',
      subjectIds: [loaded.row.child_id, ...(target.adult_id ? [target.adult_id] : [])],
      outcome: 'allowed',
      detail: { meetingId: id, participantRemoved: participantId, kind: target.kind },
    });
    const reloaded = await this.load(trx, id);
    if (!reloaded) throw notFound();
    return this.view(trx, reloaded);
  }

  /**
   * Closes the meeting (facilitator only; send the meeting's version): needs approved
   * minutes; ends the meeting's involvements except for staff still taking part in
   * another open meeting about the child; the meeting becomes read-only.
   */
  async close(id: string, version: number): Promise<MeetingShape> {
    const loaded = await this.guardOpen(id, 'facilitate', 'close');
    const trx = await this.work.tx();
    const actor = this.staff();
    await sql`select id from meetings where id = ${id} for update`.execute(trx);
    const [current] = await loadMinutes(trx, id);
    if (current?.status !== 'approved') {
      this.work.audit({ action: 'update', category: 'meeting', subjectIds: [loaded.row.child_id], outcome: 'denied', detail: { meetingId: id, close: 'minutes_not_approved' } });
      throw new Problem(409, 'meetings.close_needs_approved_minutes');
    }
    expectCurrentVersion(
      await trx
        .updateTable('meetings')
        .set({ closed_at: new Date(), closed_by: actor.id, version: version + 1, updated_at: new Date() })
        .where('id', '=', id)
        .where('closed_at', 'is', null)
        .where('version', '=', version)
        .executeTakeFirst(),
    );
    await endInvolvement(trx, { source: 'meeting', sourceId: id });
    // Staff still taking part in another open meeting about the child stay involved through that one.
    const staffIds = loaded.participants.filter((p) => isCurrent(p) && p.staff_id).map((p) => p.staff_id as string);
    const elsewhere = staffIds.length
      ? await trx
          .selectFrom('meetings as m')
          .innerJoin('meeting_participants as mp', 'mp.meeting_id', 'm.id')
          .select(['m.id', 'mp.staff_id'])
          .where('m.child_id', '=', loaded.row.child_id)
          .where('m.id', '<>', id)
          .where('m.closed_at', 'is', null)
          .where('mp.removed_at', 'is', null)
          .where('mp.staff_id', 'in', staffIds)
          .execute()
      : [];
    const byMeeting = new Map<string, string[]>();
    for (const r of elsewhere) byMeeting.set(r.id, [...(byMeeting.get(r.id) ?? []), r.staff_id as string]);
    for (const [otherId, ids] of byMeeting) await involveStaff(trx, loaded.row.child_id, ids, { source: 'meeting', sourceId: otherId }, actor.id);
    const stillInvolved = [...new Set(elsewhere.map((r) => r.staff_id as string))];
    this.work.audit({
      action: 'update',
      category: 'meeting',
      subjectIds: [loaded.row.child_id],
      outcome: 'allowed',
      detail: { meetingId: id, closed: true, involvementsEnded: staffIds.filter((s) => !stillInvolved.includes(s)).length, stillInvolvedElsewhere: stillInvolved.length },
    });
    const reloaded = await this.load(trx, id);
    if (!reloaded) throw notFound();
    return this.view(trx, reloaded);
  }
}
