/**
 * Concerns (bekymringer), sparring with the district social worker and
 * wellbeing conversations (trivselssamtaler), scoped to the actor
 * (issue 5 part 1; domain.md §5.2, §6.3). Who sees what is decided in
 * `access/policies/concerns.ts`; this file loads the facts, asks, audits.
 *
 * Concerns
 * - Any professional records a concern about a child (or an expected child:
 *   a children record with status 'expected', so the concern sits on that
 *   record with the expectant parents) from their unit that holds the child:
 *   the health-visiting unit with the child on its caseload (category
 *   `health`), else a daycare or school unit the child is enrolled in
 *   (`pedagogical`). Staff who only see the child through involvement (a
 *   social worker brought in by sparring) do not record concerns here.
 * - The level is a key of the municipality's concern scale (the wellbeing
 *   scale, 3-level TOPI-style by default, 5-level barometer configurable);
 *   the scale id is stored with the concern and later changes keep it.
 * - A change carries the version read (409 when stale).
 *
 * Sparring
 * - From a concern the unit asks for sparring. The request goes to the
 *   district of the concern's unit; every social worker covering that
 *   district (`social_worker_districts`) sees it in their queue, oldest
 *   first with the days waited (`waitingDays` in src/domain/sparring.ts).
 * - Anonymous: the row holds no child id and no concern id, only the age
 *   band, the level and the question. (The requester's audit entry names the
 *   child, because the requester read the concern to write it; it does not
 *   name the request.) Named: needs the parents' consent (who, when, how); the
 *   social worker who takes it is brought into the child's case
 *   (`involveStaff`, source 'sparring'), sees the child's basic data and — for a
 *   pedagogical concern only — the concern; closing ends the involvement.
 * - States: waiting → taken (by one covering social worker) → closed (by the
 *   taker, or withdrawn by the requester). Sessions (date, advice, next step)
 *   are recorded by the taker while taken. The requester sees status and
 *   advice; `newAdvice` flags sessions recorded since they last opened it.
 *
 * Wellbeing conversations
 * - A social worker records a conversation with a pupil whose parents have
 *   agreed (refused without). The pupil is a child the social worker may see
 *   (brought in), or a child enrolled in a school in a district they cover;
 *   recording one brings them into the child's case (source
 *   'wellbeing_conversation'). Conversations are read by the members of the
 *   recorder's unit.
 *
 * Audit: concerns as `pedagogical` or `health` (their category), sparring and
 * conversations as `social`, each with the child's id where one is named.
 */
import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { ageBand, byLongestWaiting, waitingDays } from '../../../domain';
import type { StaffActor } from '../../access/actor';
import { type ChildFacts, loadChildFacts } from '../../access/child-access';
import { endInvolvement, involveStaff } from '../../access/involvement';
import {
  type ConcernFacts,
  concernUnitFor,
  type NewConversationFacts,
  ownsConcern,
  type SparringFacts,
  seesConcern,
} from '../../access/policies/concerns';
import type { Action, Category } from '../../access/policy';
import type { Work } from '../../access/work';
import { todayInDenmark } from '../../clock';
import type { DB } from '../../db/types';
import { expectCurrentVersion, type FieldIssue, forbidden, invalidFields, notFound, Problem } from '../../errors';
import { ensureScale, iso, personName, presentLevel, type StoredScale, scaleSetting, scalesById } from '../wellbeing/queries';
import { levelOf } from '../wellbeing/scales';
import { type ConcernRow, childNames, concernQuery, coveredDistricts, presentConcern, type SparringRow, sessionsOf, sparringQuery } from './rows';
import type {
  CloseSparringRequestInput,
  ConcernListShape,
  ConcernShape,
  ConversationShape,
  CreateConcernInput,
  CreateConversationInput,
  CreateSparringRequestInput,
  CreateSparringSessionInput,
  SparringRequestDetailShape,
  SparringRequestListShape,
  SparringRequestShape,
  UpdateConcernInput,
} from './schema';

/** Concerns, sparring and wellbeing conversations, scoped to the actor. */
export class ConcernsRepo {
  constructor(private readonly work: Work) {}

  private staff(): StaffActor {
    const actor = this.work.actor;
    if (actor.kind !== 'staff') throw new Error('concerns need a staff actor');
    return actor;
  }

  /** Logs a refusal and throws (404 hides that something exists). */
  private deny(action: Action, category: Category, subjectIds: string[], status: 403 | 404 = 404): never {
    this.work.audit({ action, category, subjectIds, outcome: 'denied' });
    throw status === 404 ? notFound() : forbidden();
  }

  // ---- Concerns ----------------------------------------------------------------------

  /** The child's concerns the actor may see, newest first, and whether they may record one. */
  async listForChild(childId: string): Promise<ConcernListShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const child = await this.visibleChild(trx, childId, 'read');
    const rows = await concernQuery(trx).where('k.child_id', '=', childId).orderBy('k.created_at', 'desc').orderBy('k.id', 'desc').execute();
    const sparringStaff = await this.sparringStaffByConcern(trx, rows.map((r) => r.id));
    const visible = rows.filter((row) => seesConcern(actor, this.concernFacts(row, child, sparringStaff)));
    const scales = await scalesById(trx, visible.map((r) => r.scale_id));
    const summaries = await this.sparringSummaries(trx, visible.map((r) => r.id));
    const unit = concernUnitFor(actor, child);
    const scale = await ensureScale(trx, actor.municipalityId, (await scaleSetting(trx, actor.municipalityId)).key, actor.id);
    for (const category of new Set(visible.map((r) => r.category))) {
      this.work.audit({ action: 'read', category, subjectIds: [childId], outcome: 'allowed', detail: { concerns: visible.filter((r) => r.category === category).length } });
    }
    return {
      childId,
      canCreate: unit !== null,
      createCategory: unit?.category ?? null,
      scale,
      items: visible.map((row) =>
        presentConcern(row, this.scaleOf(scales, row.scale_id), ownsConcern(actor, this.concernFacts(row, child, sparringStaff)), summaries.get(row.id) ?? []),
      ),
    };
  }

  /** Records a concern about the child from the actor's unit that holds the child. */
  async createConcern(childId: string, input: CreateConcernInput): Promise<ConcernShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const child = await this.visibleChild(trx, childId, 'create');
    const unit = concernUnitFor(actor, child);
    if (!unit) this.deny('create', 'pedagogical', [childId], 403);
    const scale = await ensureScale(trx, actor.municipalityId, (await scaleSetting(trx, actor.municipalityId)).key, actor.id);
    const fields = this.checkConcern(scale, input);
    const id = uuidv7();
    await trx
      .insertInto('concerns')
      .values({ id, municipality_id: actor.municipalityId, child_id: childId, unit_id: unit.unitId, category: unit.category, author_id: actor.id, scale_id: scale.id, ...fields })
      .execute();
    this.work.audit({ action: 'create', category: unit.category, subjectIds: [childId], outcome: 'allowed', detail: { concern: id, level: input.level } });
    return this.presentOne(trx, id, child);
  }

  /** Changes a concern (the unit's own view; send the version you read). */
  async updateConcern(concernId: string, input: UpdateConcernInput): Promise<ConcernShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const { row, child, facts } = await this.loadConcern(trx, concernId);
    if (!ownsConcern(actor, facts)) this.deny('update', row.category, [row.child_id], seesConcern(actor, facts) ? 403 : 404);
    const scale = this.scaleOf(await scalesById(trx, [row.scale_id]), row.scale_id);
    const fields = this.checkConcern(scale, input);
    const updated = await trx
      .updateTable('concerns')
      .set({ ...fields, version: input.version + 1, updated_at: new Date() })
      .where('id', '=', row.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    expectCurrentVersion(updated);
    this.work.audit({ action: 'update', category: row.category, subjectIds: [row.child_id], outcome: 'allowed', detail: { concern: row.id, level: input.level } });
    return this.presentOne(trx, row.id, child);
  }

  // ---- Sparring ----------------------------------------------------------------------

  /** Asks the district social worker for sparring about a concern: anonymously or about the named child with consent. */
  async requestSparring(concernId: string, input: CreateSparringRequestInput): Promise<SparringRequestDetailShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const { row, child, facts } = await this.loadConcern(trx, concernId);
    if (!ownsConcern(actor, facts)) this.deny('create', 'social', [row.child_id], seesConcern(actor, facts) ? 403 : 404);
    const today = todayInDenmark();
    const issues: FieldIssue[] = [];
    if (input.anonymous && input.consent) issues.push({ field: 'consent', code: 'not_applicable' });
    if (!input.anonymous && !input.consent) issues.push({ field: 'consent', code: 'consent_required' });
    if (input.consent && input.consent.givenOn > today) issues.push({ field: 'consent.givenOn', code: 'in_future' });
    if (issues.length) throw invalidFields(issues);
    const unit = await trx.selectFrom('units').select(['district_id']).where('id', '=', row.unit_id).executeTakeFirstOrThrow();
    const id = uuidv7();
    let band: ReturnType<typeof ageBand> | null = null;
    if (input.anonymous) {
      const person = await trx
        .selectFrom('persons as p')
        .innerJoin('children as c', 'c.person_id', 'p.id')
        .select(['p.birth_date', 'c.status'])
        .where('p.id', '=', row.child_id)
        .executeTakeFirstOrThrow();
      band = ageBand(person.birth_date, today, person.status === 'expected');
    }
    await trx
      .insertInto('sparring_requests')
      .values({
        id,
        municipality_id: actor.municipalityId,
        requester_id: actor.id,
        unit_id: row.unit_id,
        district_id: unit.district_id,
        mode: input.anonymous ? 'anonymous' : 'named',
        concern_id: input.anonymous ? null : row.id,
        child_id: input.anonymous ? null : row.child_id,
        age_band: band,
        scale_id: row.scale_id,
        level: row.level,
        question: input.question,
        consent_given_by: input.consent?.givenBy ?? null,
        consent_given_on: input.consent?.givenOn ?? null,
        consent_how: input.consent?.how ?? null,
        requested_on: today,
      })
      .execute();
    if (input.anonymous) {
      // The requester read the concern to write the request; the request itself is not named here.
      this.work.audit({ action: 'read', category: row.category, subjectIds: [row.child_id], purpose: 'anonym sparring', outcome: 'allowed', detail: { concern: row.id } });
      this.work.audit({ action: 'create', category: 'social', subjectIds: [], outcome: 'allowed', detail: { sparringRequest: id, mode: 'anonymous' } });
    } else {
      this.work.audit({ action: 'create', category: 'social', subjectIds: [row.child_id], outcome: 'allowed', detail: { sparringRequest: id, mode: 'named', concern: row.id } });
    }
    void child;
    return this.detail(trx, id, false);
  }

  /** The actor's queue (as a covering social worker), the requests they took, and their own requests. */
  async listSparring(): Promise<SparringRequestListShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const covers = actor.profession === 'social_worker' ? await coveredDistricts(trx, actor.id) : [];
    const districtIds = covers.map((d) => d.id);
    const rows = await sparringQuery(trx)
      .where('r.municipality_id', '=', actor.municipalityId)
      .where((eb) =>
        eb.or([
          eb('r.requester_id', '=', actor.id),
          eb('r.taken_by', '=', actor.id),
          ...(districtIds.length ? [eb.and([eb('r.status', '=', 'waiting'), eb('r.district_id', 'in', districtIds)])] : []),
        ]),
      )
      .execute();
    const today = todayInDenmark();
    const names = await childNames(trx, rows.flatMap((r) => (r.child_id ? [r.child_id] : [])));
    const scales = await scalesById(trx, rows.map((r) => r.scale_id));
    const items = rows.map((row) => this.present(row, today, names, scales));
    const queue = byLongestWaiting(items.filter((i) => i.relation === 'queue'));
    const rest = items.filter((i) => i.relation !== 'queue').sort((a, b) => b.requestedAt.localeCompare(a.requestedAt) || b.id.localeCompare(a.id));
    const shown = [...queue, ...rest];
    this.work.audit({
      action: 'search',
      category: 'social',
      subjectIds: [...new Set(shown.flatMap((i) => (i.child ? [i.child.id] : [])))],
      criterion: 'sparring-requests',
      outcome: 'allowed',
      detail: { queue: queue.length, other: rest.length },
    });
    return { items: shown, covers };
  }

  /** One request with its sessions (and the concern behind a named request, when the actor may read it). */
  async getSparring(requestId: string): Promise<SparringRequestDetailShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const { row, facts } = await this.loadSparring(trx, requestId);
    this.work.authorize('read', 'social', { ...facts, op: 'read' }, row.child_id ? [row.child_id] : []);
    const detail = await this.detail(trx, row.id, true);
    if (row.requester_id === actor.id) {
      await trx.updateTable('sparring_requests').set({ requester_seen_at: new Date() }).where('id', '=', row.id).execute();
    }
    return detail;
  }

  /** A covering social worker takes a waiting request (a named one brings them into the child's case). */
  async take(requestId: string, version: number): Promise<SparringRequestDetailShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const { row, facts } = await this.loadSparring(trx, requestId, true);
    const subjects = row.child_id ? [row.child_id] : [];
    this.work.authorize('update', 'social', { ...facts, op: 'take' }, subjects);
    const today = todayInDenmark();
    const updated = await trx
      .updateTable('sparring_requests')
      .set({ status: 'taken', taken_by: actor.id, taken_at: new Date(), taken_on: today, version: version + 1 })
      .where('id', '=', row.id)
      .where('status', '=', 'waiting')
      .where('version', '=', version)
      .executeTakeFirst();
    expectCurrentVersion(updated);
    if (row.child_id) await involveStaff(trx, row.child_id, [actor.id], { source: 'sparring', sourceId: row.id }, actor.id);
    this.work.audit({ action: 'update', category: 'social', subjectIds: subjects, outcome: 'allowed', detail: { sparringRequest: row.id, taken: true } });
    return this.detail(trx, row.id, true);
  }

  /** The social worker who took the request records a session and its advice. */
  async addSession(requestId: string, input: CreateSparringSessionInput): Promise<SparringRequestDetailShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const { row, facts } = await this.loadSparring(trx, requestId);
    const subjects = row.child_id ? [row.child_id] : [];
    if (row.taken_by === actor.id && row.status === 'closed') throw new Problem(409, 'sparring.closed');
    this.work.authorize('update', 'social', { ...facts, op: 'session' }, subjects);
    if (input.heldOn > todayInDenmark()) throw invalidFields([{ field: 'heldOn', code: 'in_future' }]);
    if (input.heldOn < row.requested_on) throw invalidFields([{ field: 'heldOn', code: 'before_request' }]);
    const id = uuidv7();
    await trx
      .insertInto('sparring_sessions')
      .values({ id, request_id: row.id, held_on: input.heldOn, advice: input.advice, next_step: input.nextStep ?? null, recorded_by: actor.id })
      .execute();
    await trx.updateTable('sparring_requests').set({ version: row.version + 1 }).where('id', '=', row.id).execute();
    this.work.audit({ action: 'create', category: 'social', subjectIds: subjects, outcome: 'allowed', detail: { sparringRequest: row.id, session: id } });
    return this.detail(trx, row.id, true);
  }

  /** Closes a request: the social worker who took it, or the requester (withdrawing it). Ends the involvement. */
  async close(requestId: string, input: CloseSparringRequestInput): Promise<SparringRequestDetailShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const { row, facts } = await this.loadSparring(trx, requestId);
    const subjects = row.child_id ? [row.child_id] : [];
    if (row.status === 'closed' && (row.requester_id === actor.id || row.taken_by === actor.id)) throw new Problem(409, 'sparring.closed');
    this.work.authorize('update', 'social', { ...facts, op: 'close' }, subjects);
    const updated = await trx
      .updateTable('sparring_requests')
      .set({ status: 'closed', closed_by: actor.id, closed_at: new Date(), closing_note: input.note ?? null, version: input.version + 1 })
      .where('id', '=', row.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    expectCurrentVersion(updated);
    await endInvolvement(trx, { source: 'sparring', sourceId: row.id });
    this.work.audit({ action: 'update', category: 'social', subjectIds: subjects, outcome: 'allowed', detail: { sparringRequest: row.id, closed: true } });
    return this.detail(trx, row.id, true);
  }

  // ---- Wellbeing conversations ------------------------------------------------------------

  /** A child's wellbeing conversations the actor may read, and whether they may record one. */
  async conversationsForChild(childId: string): Promise<{ items: ConversationShape[]; canCreate: boolean }> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const facts = await this.conversationFacts(trx, childId);
    if (!facts.seesChild && !facts.pupilInCoveredDistrict) this.deny('read', 'social', [childId]);
    const items = await this.conversations(trx, actor, childId);
    this.work.audit({ action: 'read', category: 'social', subjectIds: [childId], outcome: 'allowed', detail: { conversations: items.length } });
    return { items, canCreate: this.work.may('create', 'social', facts) };
  }

  /** The conversations of the actor's units, newest first. */
  async listConversations(): Promise<{ items: ConversationShape[]; canCreate: boolean }> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const items = await this.conversations(trx, actor, null);
    this.work.audit({ action: 'search', category: 'social', subjectIds: [...new Set(items.map((i) => i.child.id))], criterion: 'wellbeing-conversations', outcome: 'allowed' });
    return { items, canCreate: actor.profession === 'social_worker' };
  }

  /** A social worker records a wellbeing conversation with a pupil, with the parents' agreement. */
  async createConversation(childId: string, input: CreateConversationInput): Promise<ConversationShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const facts = await this.conversationFacts(trx, childId);
    if (!facts.seesChild && !facts.pupilInCoveredDistrict) this.deny('create', 'social', [childId]);
    this.work.authorize('create', 'social', facts, [childId]);
    const today = todayInDenmark();
    const issues: FieldIssue[] = [];
    if (!input.parentsAgreed) issues.push({ field: 'parentsAgreed', code: 'agreement_required' });
    if (input.heldOn > today) issues.push({ field: 'heldOn', code: 'in_future' });
    if (input.agreementOn > today) issues.push({ field: 'agreementOn', code: 'in_future' });
    else if (input.agreementOn > input.heldOn) issues.push({ field: 'agreementOn', code: 'after_conversation' });
    if (issues.length) throw invalidFields(issues);
    const unit = actor.units.find((u) => u.kind !== 'health_visiting') ?? actor.units[0];
    if (!unit) this.deny('create', 'social', [childId], 403);
    const id = uuidv7();
    await trx
      .insertInto('wellbeing_conversations')
      .values({
        id,
        municipality_id: actor.municipalityId,
        child_id: childId,
        unit_id: unit.id,
        held_on: input.heldOn,
        parents_agreed: true,
        agreement_how: input.agreementHow,
        agreement_on: input.agreementOn,
        notes: input.notes,
        next_step: input.nextStep ?? null,
        recorded_by: actor.id,
      })
      .execute();
    if (!facts.seesChild) await involveStaff(trx, childId, [actor.id], { source: 'wellbeing_conversation', sourceId: id }, actor.id);
    this.work.audit({ action: 'create', category: 'social', subjectIds: [childId], outcome: 'allowed', detail: { wellbeingConversation: id } });
    const [created] = (await this.conversations(trx, actor, childId)).filter((c) => c.id === id);
    if (!created) throw notFound();
    return created;
  }

  // ---- Helpers ------------------------------------------------------------------------------

  /** The child's facts when the actor may see the child's basic data; else 404 (audited). */
  private async visibleChild(trx: Transaction<DB>, childId: string, action: Action): Promise<ChildFacts> {
    const child = await loadChildFacts(trx, childId);
    if (!child || !this.work.may('read', 'basic', child)) this.deny(action, 'basic', [childId]);
    return child;
  }

  private concernFacts(row: ConcernRow, child: ChildFacts, sparringStaff: Map<string, string[]>): ConcernFacts {
    return { unitId: row.unit_id, category: row.category, authorId: row.author_id, child, sparringStaffIds: sparringStaff.get(row.id) ?? [] };
  }

  /** A concern with its child's facts; 404 (audited) when the actor may not read it. */
  private async loadConcern(trx: Transaction<DB>, concernId: string): Promise<{ row: ConcernRow; child: ChildFacts; facts: ConcernFacts }> {
    const actor = this.staff();
    const row = await concernQuery(trx).where('k.id', '=', concernId).where('k.municipality_id', '=', actor.municipalityId).executeTakeFirst();
    if (!row) throw notFound();
    const child = await loadChildFacts(trx, row.child_id);
    if (!child) throw notFound();
    const facts = this.concernFacts(row, child, await this.sparringStaffByConcern(trx, [row.id]));
    if (!seesConcern(actor, facts)) this.deny('read', row.category, [row.child_id]);
    return { row, child, facts };
  }

  /** Social workers holding a taken named request per concern. */
  private async sparringStaffByConcern(trx: Transaction<DB>, concernIds: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (concernIds.length === 0) return map;
    const rows = await trx
      .selectFrom('sparring_requests')
      .select(['concern_id', 'taken_by'])
      .where('concern_id', 'in', concernIds)
      .where('status', '=', 'taken')
      .where('taken_by', 'is not', null)
      .execute();
    for (const row of rows) {
      if (!row.concern_id || !row.taken_by) continue;
      map.set(row.concern_id, [...(map.get(row.concern_id) ?? []), row.taken_by]);
    }
    return map;
  }

  /** The named sparring requests of concerns, newest first. */
  private async sparringSummaries(trx: Transaction<DB>, concernIds: string[]): Promise<Map<string, ConcernShape['sparring']>> {
    const map = new Map<string, ConcernShape['sparring']>();
    if (concernIds.length === 0) return map;
    const rows = await trx
      .selectFrom('sparring_requests as r')
      .leftJoin('staff as tk', 'tk.id', 'r.taken_by')
      .select(['r.id', 'r.concern_id', 'r.mode', 'r.status', 'r.requested_at', 'r.taken_by', 'tk.name as taken_by_name'])
      .where('r.concern_id', 'in', concernIds)
      .orderBy('r.requested_at', 'desc')
      .execute();
    for (const row of rows) {
      if (!row.concern_id) continue;
      const item = {
        id: row.id,
        mode: row.mode,
        status: row.status,
        requestedAt: iso(row.requested_at),
        takenBy: row.taken_by ? { id: row.taken_by, name: row.taken_by_name ?? '' } : null,
      };
      map.set(row.concern_id, [...(map.get(row.concern_id) ?? []), item]);
    }
    return map;
  }

  private scaleOf(scales: Map<string, StoredScale>, id: string): StoredScale {
    return scales.get(id) ?? { id, key: 'unknown', definitionVersion: '', levels: [] };
  }

  /** Checks a concern's fields against the scale and today; returns the columns to store. */
  private checkConcern(scale: StoredScale, input: CreateConcernInput) {
    const today = todayInDenmark();
    const issues: FieldIssue[] = [];
    if (!levelOf(scale.levels, input.level)) issues.push({ field: 'level', code: 'not_on_scale', values: { levels: scale.levels.map((l) => l.key).join(', ') } });
    if (input.observedSince > today) issues.push({ field: 'observedSince', code: 'in_future' });
    if (input.parentsInformed && !input.parentsInformedHow) issues.push({ field: 'parentsInformedHow', code: 'required' });
    if (input.parentsInformed && input.parentsInformedOn && input.parentsInformedOn > today) issues.push({ field: 'parentsInformedOn', code: 'in_future' });
    if (issues.length) throw invalidFields(issues);
    return {
      level: input.level,
      observed: input.observed,
      observed_since: input.observedSince,
      parents_informed: input.parentsInformed,
      parents_informed_how: input.parentsInformed ? (input.parentsInformedHow ?? null) : null,
      parents_informed_on: input.parentsInformed ? (input.parentsInformedOn ?? null) : null,
    };
  }

  private async presentOne(trx: Transaction<DB>, concernId: string, child: ChildFacts): Promise<ConcernShape> {
    const actor = this.staff();
    const row = await concernQuery(trx).where('k.id', '=', concernId).executeTakeFirstOrThrow();
    const sparringStaff = await this.sparringStaffByConcern(trx, [row.id]);
    const scales = await scalesById(trx, [row.scale_id]);
    const summaries = await this.sparringSummaries(trx, [row.id]);
    return presentConcern(row, this.scaleOf(scales, row.scale_id), ownsConcern(actor, this.concernFacts(row, child, sparringStaff)), summaries.get(row.id) ?? []);
  }

  /** A sparring request with the facts its rules look at; 404 when there is none in the actor's municipality. */
  private async loadSparring(trx: Transaction<DB>, requestId: string, taking = false): Promise<{ row: SparringRow; facts: SparringFacts }> {
    const actor = this.staff();
    const row = await sparringQuery(trx).where('r.id', '=', requestId).where('r.municipality_id', '=', actor.municipalityId).executeTakeFirst();
    if (!row) throw notFound();
    const covers = actor.profession === 'social_worker' && (await coveredDistricts(trx, actor.id)).some((d) => d.id === row.district_id);
    const facts: SparringFacts = {
      kind: 'sparring',
      municipalityId: row.municipality_id,
      requesterId: row.requester_id,
      status: row.status,
      takenBy: row.taken_by,
      actorCovers: covers,
    };
    // Taking one that is no longer waiting: a conflict for those who could have taken it (or did), named to nobody.
    if (taking && row.status !== 'waiting' && (covers || row.taken_by === actor.id)) {
      this.work.audit({ action: 'update', category: 'social', subjectIds: [], outcome: 'denied', detail: { sparringRequest: row.id, reason: 'not waiting' } });
      throw new Problem(409, 'sparring.not_waiting');
    }
    if (!this.work.may('read', 'social', { ...facts, op: 'read' })) this.deny('read', 'social', row.child_id ? [row.child_id] : []);
    return { row, facts };
  }

  /** A request as a list item. The child is named only in a named request, to its requester and its taker. */
  private present(row: SparringRow, today: string, names: Map<string, string>, scales: Map<string, StoredScale>): SparringRequestShape {
    const actor = this.staff();
    const relation = row.taken_by === actor.id ? 'taken' : row.requester_id === actor.id ? 'requested' : 'queue';
    const showsChild = row.mode === 'named' && row.child_id !== null && relation !== 'queue';
    const lastSession = row.last_session_at ? iso(row.last_session_at) : null;
    const seen = row.requester_seen_at ? iso(row.requester_seen_at) : null;
    return {
      id: row.id,
      mode: row.mode,
      status: row.status,
      relation,
      requester: { id: row.requester_id, name: row.requester_name },
      unit: { id: row.unit_id, name: row.unit_name },
      district: { id: row.district_id, name: row.district_name },
      ageBand: row.mode === 'anonymous' ? ((row.age_band as SparringRequestShape['ageBand']) ?? 'unknown') : null,
      level: presentLevel(scales.get(row.scale_id), row.level),
      question: row.question,
      requestedAt: iso(row.requested_at),
      requestedOn: row.requested_on,
      waitingDays: waitingDays(row.requested_on, today, row.taken_on),
      takenBy: row.taken_by ? { id: row.taken_by, name: row.taken_by_name ?? '' } : null,
      takenAt: row.taken_at ? iso(row.taken_at) : null,
      closedAt: row.closed_at ? iso(row.closed_at) : null,
      closingNote: row.closing_note,
      version: row.version,
      sessions: row.session_count,
      newAdvice: relation === 'requested' && lastSession !== null && (seen === null || lastSession > seen),
      child: showsChild && row.child_id ? { id: row.child_id, name: names.get(row.child_id) ?? personName(null, null) } : null,
      consent:
        showsChild && row.consent_given_by && row.consent_given_on && row.consent_how
          ? { givenBy: row.consent_given_by, givenOn: row.consent_given_on, how: row.consent_how }
          : null,
    };
  }

  /** The detail view of a request the actor may read (checked by the caller); audits the read when `audit`. */
  private async detail(trx: Transaction<DB>, requestId: string, audit: boolean): Promise<SparringRequestDetailShape> {
    const actor = this.staff();
    const row = await sparringQuery(trx).where('r.id', '=', requestId).executeTakeFirstOrThrow();
    const names = await childNames(trx, row.child_id ? [row.child_id] : []);
    const scales = await scalesById(trx, [row.scale_id]);
    const base = this.present(row, todayInDenmark(), names, scales);
    const covers = actor.profession === 'social_worker' && (await coveredDistricts(trx, actor.id)).some((d) => d.id === row.district_id);
    const facts: SparringFacts = { kind: 'sparring', municipalityId: row.municipality_id, requesterId: row.requester_id, status: row.status, takenBy: row.taken_by, actorCovers: covers };
    let concern: ConcernShape | null = null;
    if (row.concern_id && base.child) {
      const concernRow = await concernQuery(trx).where('k.id', '=', row.concern_id).executeTakeFirst();
      const child = concernRow ? await loadChildFacts(trx, concernRow.child_id) : null;
      if (concernRow && child) {
        const sparringStaff = await this.sparringStaffByConcern(trx, [concernRow.id]);
        const concernFacts = this.concernFacts(concernRow, child, sparringStaff);
        if (seesConcern(actor, concernFacts)) {
          concern = presentConcern(
            concernRow,
            this.scaleOf(await scalesById(trx, [concernRow.scale_id]), concernRow.scale_id),
            ownsConcern(actor, concernFacts),
            (await this.sparringSummaries(trx, [concernRow.id])).get(concernRow.id) ?? [],
          );
          if (audit) this.work.audit({ action: 'read', category: concernRow.category, subjectIds: [concernRow.child_id], outcome: 'allowed', detail: { concern: concernRow.id, via: 'sparring' } });
        }
      }
    }
    if (audit) this.work.audit({ action: 'read', category: 'social', subjectIds: base.child ? [base.child.id] : [], outcome: 'allowed', detail: { sparringRequest: row.id } });
    return {
      ...base,
      sessions: await sessionsOf(trx, row.id),
      concern,
      canTake: this.work.may('update', 'social', { ...facts, op: 'take' }),
      canRecord: this.work.may('update', 'social', { ...facts, op: 'session' }),
      canClose: this.work.may('update', 'social', { ...facts, op: 'close' }),
    };
  }

  /** Facts for recording (or reading) a child's wellbeing conversations; 404 (audited) when the child does not exist. */
  private async conversationFacts(trx: Transaction<DB>, childId: string): Promise<NewConversationFacts> {
    const actor = this.staff();
    const child = await loadChildFacts(trx, childId);
    if (!child) this.deny('read', 'social', [childId]);
    const today = todayInDenmark();
    const districts = actor.profession === 'social_worker' ? (await coveredDistricts(trx, actor.id)).map((d) => d.id) : [];
    let pupil = false;
    if (districts.length && child.municipalityId === actor.municipalityId) {
      const row = await trx
        .selectFrom('enrolments as e')
        .innerJoin('units as u', 'u.id', 'e.unit_id')
        .select('e.id')
        .where('e.child_id', '=', childId)
        .where('u.kind', '=', 'school')
        .where('u.district_id', 'in', districts)
        .where((eb) => eb.or([eb('e.ends_on', 'is', null), eb('e.ends_on', '>=', today)]))
        .executeTakeFirst();
      pupil = row !== undefined;
    }
    return { kind: 'new-conversation', municipalityId: child.municipalityId, seesChild: this.work.may('read', 'basic', child), pupilInCoveredDistrict: pupil };
  }

  /** Conversations in the actor's units (of one child, or all), newest first. */
  private async conversations(trx: Transaction<DB>, actor: StaffActor, childId: string | null): Promise<ConversationShape[]> {
    const unitIds = actor.units.map((u) => u.id);
    if (unitIds.length === 0) return [];
    let query = trx
      .selectFrom('wellbeing_conversations as w')
      .innerJoin('staff as s', 's.id', 'w.recorded_by')
      .innerJoin('units as u', 'u.id', 'w.unit_id')
      .select(['w.id', 'w.child_id', 'w.unit_id', 'u.name as unit_name', 'w.held_on', 'w.parents_agreed', 'w.agreement_how', 'w.agreement_on', 'w.notes', 'w.next_step', 'w.recorded_by', 's.name as recorded_by_name', 'w.created_at'])
      .where('w.municipality_id', '=', actor.municipalityId)
      .where('w.unit_id', 'in', unitIds);
    if (childId) query = query.where('w.child_id', '=', childId);
    const rows = await query.orderBy('w.held_on', 'desc').orderBy('w.created_at', 'desc').limit(500).execute();
    const names = await childNames(trx, rows.map((r) => r.child_id));
    return rows.map((row) => ({
      id: row.id,
      child: { id: row.child_id, name: names.get(row.child_id) ?? personName(null, null) },
      unit: { id: row.unit_id, name: row.unit_name },
      heldOn: row.held_on,
      parentsAgreed: row.parents_agreed,
      agreementHow: row.agreement_how,
      agreementOn: row.agreement_on,
      notes: row.notes,
      nextStep: row.next_step,
      recordedBy: { id: row.recorded_by, name: row.recorded_by_name },
      createdAt: iso(row.created_at),
    }));
  }
}
