/**
 * Wellbeing ratings in daycare ("trivselsvurdering", TOPI-style), scoped to
 * the actor (domain.md §5.2, rules T1–T3):
 * - the municipality's concern scale (administrators choose it; not personal data);
 * - rounds per daycare or school unit, twice a year by default, for the
 *   children enrolled there when the round is created;
 * - individual ratings, one per staff member per child per round, and the
 *   joint rating, allowed once two different staff members have rated (T1);
 * - a child's joint ratings over time and the unit's numbers.
 *
 * Data stay with the institution (T2): everything about a round is for the
 * members of the round's unit, and a child only while still enrolled there.
 * Every read and write is audited as `pedagogical` with the children's ids.
 *
 * Anchoring: a staff member does not see colleagues' individual levels and
 * comments for a child until they have rated that child themselves (or the
 * joint rating is saved), so that their own rating is their own. The number
 * of colleagues who have rated is shown.
 */
import { sql, type Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { StaffActor } from '../../access/actor';
import { type ChildFacts, loadChildFacts } from '../../access/child-access';
import { pedagogicalUnitsOf } from '../../access/policies/pedagogical';
import type { Action } from '../../access/policy';
import type { Work } from '../../access/work';
import { todayInDenmark } from '../../clock';
import type { DB } from '../../db/types';
import { expectCurrentVersion, type FieldIssue, forbidden, invalidFields, notFound, Problem, staleVersion } from '../../errors';
import { displayName } from '../children/present';
import {
  DAYCARE_AND_SCHOOL,
  ensureScale,
  iso,
  jointQuery,
  type JointRow,
  latestPerRater,
  presentJoint,
  presentLevel,
  presentRating,
  ratingQuery,
  scaleSetting,
  scalesById,
  staffNames,
  type StoredScale,
} from './queries';
import { planRound, type Season } from './rounds';
import { levelOf, scaleDefinition, scaleDefinitions } from './scales';
import type {
  ChildInRoundShape,
  ChildWellbeingShape,
  CreateRoundInput,
  RateChildInput,
  RoundOverviewShape,
  RoundShape,
  SaveJointRatingInput,
  UnitWellbeingSummaryShape,
  UpdateWellbeingScaleInput,
  WellbeingScaleShape,
} from './schema';

/** A round with its unit, scale and creator. */
interface RoundRow {
  id: string;
  municipality_id: string;
  unit_id: string;
  unit_name: string;
  year: number;
  season: string;
  name: string;
  period_start: string;
  period_end: string;
  scale_id: string;
  created_by: string;
  created_by_name: string;
  created_at: Date;
}

/** Progress counts of a round. */
interface ProgressRow {
  children: number;
  individually_rated: number;
  ready_for_joint: number;
  joint_rated: number;
}

/** Wellbeing rounds and ratings, scoped to the actor. */
export class WellbeingRepo {
  constructor(private readonly work: Work) {}

  private staff(): StaffActor {
    const actor = this.work.actor;
    if (actor.kind !== 'staff') throw new Error('wellbeing needs a staff actor');
    return actor;
  }

  // ---- The scale --------------------------------------------------------------------

  /** The scale in force for new rounds, and the scales the municipality can choose. */
  async scale(): Promise<WellbeingScaleShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const setting = await scaleSetting(trx, actor.municipalityId);
    const definition = scaleDefinition(setting.key);
    const view = (d: typeof definition) => ({ key: d.key, definitionVersion: d.definitionVersion, nameDa: d.nameDa, nameEn: d.nameEn, levels: d.levels.map((l) => ({ ...l })) });
    return { ...view(definition), source: setting.source, version: setting.version, available: scaleDefinitions.map(view) };
  }

  /**
   * Chooses the municipality's scale for new rounds (administrators; send the
   * version you read, 0 while the default applies). Rounds and ratings made
   * earlier keep the scale they were made with.
   */
  async setScale(input: UpdateWellbeingScaleInput): Promise<WellbeingScaleShape> {
    this.work.authorize('update', 'organisation');
    const actor = this.staff();
    const trx = await this.work.tx();
    const scale = await ensureScale(trx, actor.municipalityId, input.scale, actor.id);
    if (input.version === 0) {
      const inserted = await trx
        .insertInto('wellbeing_settings')
        .values({ municipality_id: actor.municipalityId, scale_id: scale.id, updated_by: actor.id })
        .onConflict((oc) => oc.column('municipality_id').doNothing())
        .returning('municipality_id')
        .executeTakeFirst();
      if (!inserted) throw staleVersion();
    } else {
      const updated = await trx
        .updateTable('wellbeing_settings')
        .set({ scale_id: scale.id, version: input.version + 1, updated_by: actor.id, updated_at: new Date() })
        .where('municipality_id', '=', actor.municipalityId)
        .where('version', '=', input.version)
        .executeTakeFirst();
      expectCurrentVersion(updated);
    }
    this.work.audit({ action: 'update', category: 'organisation', outcome: 'allowed', detail: { wellbeingScale: input.scale, definitionVersion: scale.definitionVersion } });
    return this.scale();
  }

  // ---- Rounds --------------------------------------------------------------------------

  /**
   * Creates a round for a daycare or school unit (its own staff) with the
   * children enrolled there today, on the municipality's current scale.
   */
  async createRound(unitId: string, input: CreateRoundInput): Promise<RoundShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const unit = await this.memberUnit(trx, unitId, 'create');
    const today = todayInDenmark();
    const plan = planRound(today, input);
    if (plan.periodEnd < plan.periodStart) throw invalidFields([{ field: 'periodEnd', code: 'end_before_start' }]);
    const scale = await ensureScale(trx, actor.municipalityId, (await scaleSetting(trx, actor.municipalityId)).key, actor.id);

    const roundId = uuidv7();
    const inserted = await trx
      .insertInto('wellbeing_rounds')
      .values({
        id: roundId,
        municipality_id: actor.municipalityId,
        unit_id: unit.id,
        year: plan.year,
        season: plan.season,
        name: plan.name,
        period_start: plan.periodStart,
        period_end: plan.periodEnd,
        scale_id: scale.id,
        created_by: actor.id,
      })
      .onConflict((oc) => oc.columns(['unit_id', 'year', 'season']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw new Problem(409, 'wellbeing.round_exists');

    const children = await trx
      .selectFrom('enrolments as e')
      .innerJoin('persons as p', 'p.id', 'e.child_id')
      .innerJoin('children as c', 'c.person_id', 'p.id')
      .select('p.id')
      .distinct()
      .where('e.unit_id', '=', unit.id)
      .where('e.starts_on', '<=', today)
      .where((eb) => eb.or([eb('e.ends_on', 'is', null), eb('e.ends_on', '>=', today)]))
      .where('p.municipality_id', '=', actor.municipalityId)
      .where('p.merged_into', 'is', null)
      .where('c.status', '=', 'born')
      .execute();
    const childIds = children.map((c) => c.id);
    if (childIds.length) {
      await trx
        .insertInto('wellbeing_round_children')
        .values(childIds.map((childId) => ({ id: uuidv7(), round_id: roundId, child_id: childId })))
        .execute();
    }
    this.work.audit({
      action: 'create',
      category: 'pedagogical',
      subjectIds: childIds,
      outcome: 'allowed',
      detail: { wellbeingRound: roundId, unitId: unit.id, children: childIds.length },
    });
    const round = await this.roundRow(trx, roundId);
    if (!round) throw notFound();
    return this.presentRound(round, (await this.progress(trx, [roundId])).get(roundId), new Map([[scale.id, scale]]));
  }

  /** A unit's rounds with their progress, newest first. */
  async roundsForUnit(unitId: string): Promise<RoundShape[]> {
    const trx = await this.work.tx();
    const unit = await this.memberUnit(trx, unitId, 'read');
    const rounds = await this.roundQuery(trx).where('r.unit_id', '=', unit.id).orderBy('r.period_start', 'desc').orderBy('r.id', 'desc').execute();
    const ids = rounds.map((r) => r.id);
    const progress = await this.progress(trx, ids);
    const scales = await scalesById(trx, rounds.map((r) => r.scale_id));
    this.work.audit({
      action: 'read',
      category: 'pedagogical',
      subjectIds: await this.roundChildIds(trx, ids),
      criterion: `wellbeing-rounds unit=${unit.id}`,
      outcome: 'allowed',
      detail: { unitId: unit.id, rounds: ids.length },
    });
    return rounds.map((round) => this.presentRound(round, progress.get(round.id), scales));
  }

  /**
   * The round overview for the unit's staff: each child still enrolled in the
   * unit by name, with how many have rated it individually, and the joint
   * rating if saved. Individual levels are not shown here (see childInRound).
   */
  async round(roundId: string): Promise<RoundOverviewShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const round = await this.visibleRound(trx, roundId, 'read');
    const today = todayInDenmark();
    const rows = await trx
      .selectFrom('wellbeing_round_children as rc')
      .innerJoin('persons as p', 'p.id', 'rc.child_id')
      .innerJoin('children as c', 'c.person_id', 'p.id')
      .select([
        'p.id',
        'p.first_name',
        'p.last_name',
        'p.birth_date',
        'c.status',
        'c.expected_date',
        // The pedagogical rule in SQL: the child is still enrolled (now or planned) in the round's unit.
        sql<boolean>`exists (select 1 from enrolments e where e.child_id = p.id and e.unit_id = ${round.unit_id}
          and (e.ends_on is null or e.ends_on >= ${today}::date))`.as('enrolled'),
      ])
      .distinct()
      .where('rc.round_id', '=', round.id)
      .where('p.merged_into', 'is', null)
      .execute();
    const visible = rows.filter((r) => r.enrolled);
    const ratingCounts = await trx
      .selectFrom('wellbeing_ratings')
      .select(['child_id', sql<number>`count(distinct rater_id)::int`.as('raters'), sql<boolean>`bool_or(rater_id = ${actor.id})`.as('mine')])
      .where('round_id', '=', round.id)
      .groupBy('child_id')
      .execute();
    const counts = new Map(ratingCounts.map((r) => [r.child_id, r]));
    const joints = this.latestPerChild(await jointQuery(trx).where('j.round_id', '=', round.id).execute());
    const scales = await scalesById(trx, [round.scale_id, ...[...joints.values()].map((j) => j.scale_id)]);
    const progress = (await this.progress(trx, [round.id])).get(round.id);

    const children = visible
      .map((row) => {
        const joint = joints.get(row.id);
        return {
          childId: row.id,
          name: displayName(row),
          birthDate: row.birth_date,
          individualRatings: counts.get(row.id)?.raters ?? 0,
          ratedByMe: counts.get(row.id)?.mine ?? false,
          jointSaved: joint !== undefined,
          joint: joint ? { version: joint.revision, level: presentLevel(scales.get(joint.scale_id), joint.level), recordedAt: iso(joint.recorded_at) } : null,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'da') || a.childId.localeCompare(b.childId));
    this.work.audit({
      action: 'read',
      category: 'pedagogical',
      subjectIds: children.map((c) => c.childId),
      outcome: 'allowed',
      detail: { wellbeingRound: round.id },
    });
    return { ...this.presentRound(round, progress, scales), children, childrenNoLongerEnrolled: rows.length - visible.length };
  }

  // ---- One child in a round ---------------------------------------------------------

  /** The child's ratings in the round, with colleagues' individual ratings withheld until you have rated. */
  async childInRound(roundId: string, childId: string): Promise<ChildInRoundShape> {
    const trx = await this.work.tx();
    const round = await this.visibleRound(trx, roundId, 'read');
    await this.visibleChild(trx, round, childId, 'read');
    const view = await this.childView(trx, round, childId);
    this.work.audit({
      action: 'read',
      category: 'pedagogical',
      subjectIds: [childId],
      outcome: 'allowed',
      detail: { wellbeingRound: round.id, colleaguesHidden: view.colleagues.hidden },
    });
    return view;
  }

  /**
   * Your own rating of the child in the round. The first one is created;
   * rating again replaces yours (send the version you read). Closed once the
   * joint rating is saved.
   */
  async rate(roundId: string, childId: string, input: RateChildInput): Promise<{ created: boolean; view: ChildInRoundShape }> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const round = await this.visibleRound(trx, roundId, 'create');
    await this.lockRound(trx, round.id);
    await this.visibleChild(trx, round, childId, 'create');
    const scale = (await scalesById(trx, [round.scale_id])).get(round.scale_id);
    this.checkLevel(scale, input.level);
    if (await this.hasJoint(trx, round.id, childId)) throw new Problem(409, 'wellbeing.joint_saved');

    const mine = (await ratingQuery(trx).where('wr.round_id', '=', round.id).where('wr.child_id', '=', childId).where('wr.rater_id', '=', actor.id).execute()).at(-1);
    const comment = input.comment ? input.comment : null;
    const readVersion = input.version ?? 0;
    if (mine) {
      if (readVersion !== mine.version) throw staleVersion();
      await trx
        .updateTable('wellbeing_ratings')
        .set({ level: input.level, comment, version: mine.version + 1, updated_at: new Date() })
        .where('id', '=', mine.id)
        .where('version', '=', mine.version)
        .execute();
    } else {
      if (readVersion !== 0) throw staleVersion();
      await trx
        .insertInto('wellbeing_ratings')
        .values({ id: uuidv7(), round_id: round.id, child_id: childId, rater_id: actor.id, scale_id: round.scale_id, level: input.level, comment })
        .execute();
    }
    this.work.audit({
      action: mine ? 'update' : 'create',
      category: 'pedagogical',
      subjectIds: [childId],
      outcome: 'allowed',
      detail: { wellbeingRound: round.id, individualRating: mine?.id ?? 'new' },
    });
    return { created: !mine, view: await this.childView(trx, round, childId) };
  }

  /**
   * Saves the joint rating after the structured discussion: refused (409
   * `wellbeing.two_ratings_required`) until at least two different staff
   * members have rated the child individually (rule T1). A correction is a
   * new version; earlier versions are kept.
   */
  async saveJoint(roundId: string, childId: string, input: SaveJointRatingInput): Promise<ChildInRoundShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const round = await this.visibleRound(trx, roundId, 'create');
    await this.lockRound(trx, round.id);
    await this.visibleChild(trx, round, childId, 'create');
    const scale = (await scalesById(trx, [round.scale_id])).get(round.scale_id);
    this.checkLevel(scale, input.level);
    await this.checkParticipants(trx, round.unit_id, input.participantIds);

    const raters = await trx
      .selectFrom('wellbeing_ratings')
      .select(sql<number>`count(distinct rater_id)::int`.as('n'))
      .where('round_id', '=', round.id)
      .where('child_id', '=', childId)
      .executeTakeFirstOrThrow();
    if (raters.n < 2) {
      this.work.audit({ action: 'create', category: 'pedagogical', subjectIds: [childId], outcome: 'denied', detail: { wellbeingRound: round.id, reason: 'two_ratings_required', raters: raters.n } });
      throw new Problem(409, 'wellbeing.two_ratings_required', { extra: { individualRatings: raters.n } });
    }
    const current = (await jointQuery(trx).where('j.round_id', '=', round.id).where('j.child_id', '=', childId).limit(1).execute())[0];
    const currentVersion = current?.revision ?? 0;
    if ((input.version ?? 0) !== currentVersion) throw staleVersion();

    const jointId = uuidv7();
    await trx
      .insertInto('wellbeing_joint_ratings')
      .values({
        id: jointId,
        round_id: round.id,
        child_id: childId,
        revision: currentVersion + 1,
        scale_id: round.scale_id,
        level: input.level,
        comment: input.comment,
        participant_ids: [...new Set(input.participantIds)],
        individual_ratings: raters.n,
        recorded_by: actor.id,
      })
      .execute();
    this.work.audit({
      action: current ? 'update' : 'create',
      category: 'pedagogical',
      subjectIds: [childId],
      outcome: 'allowed',
      detail: { wellbeingRound: round.id, jointRating: jointId, version: currentVersion + 1 },
    });
    return this.childView(trx, round, childId);
  }

  // ---- Over time and in numbers -------------------------------------------------------

  /**
   * The child's joint ratings over time (latest version per round), from the
   * rounds of the actor's own units where the child is enrolled: the data stay
   * with the institution (T2). Health visitors are refused at the route.
   */
  async forChild(childId: string): Promise<ChildWellbeingShape> {
    const actor = this.staff();
    const trx = await this.work.tx();
    const facts = await loadChildFacts(trx, childId);
    if (!facts || !this.work.may('read', 'basic', facts)) {
      this.work.audit({ action: 'read', category: 'pedagogical', subjectIds: facts ? [childId] : [], outcome: 'denied', detail: facts ? undefined : { childId } });
      throw notFound();
    }
    this.work.authorize('read', 'pedagogical', { ...facts }, [childId]);
    const units = pedagogicalUnitsOf(actor).filter((id) => facts.enrolledUnitIds.includes(id));
    const rows = units.length
      ? await jointQuery(trx)
          .innerJoin('wellbeing_rounds as r', 'r.id', 'j.round_id')
          .innerJoin('units as u', 'u.id', 'r.unit_id')
          .select(['r.name as round_name', 'r.unit_id', 'u.name as unit_name', 'r.period_start', 'r.period_end'])
          .where('j.child_id', '=', childId)
          .where('r.unit_id', 'in', units)
          .execute()
      : [];
    const latest = [...this.latestPerRound(rows).values()].sort(
      (a, b) => a.period_start.localeCompare(b.period_start) || iso(a.recorded_at).localeCompare(iso(b.recorded_at)),
    );
    const scales = await scalesById(trx, latest.map((r) => r.scale_id));
    this.work.audit({ action: 'read', category: 'pedagogical', subjectIds: [childId], outcome: 'allowed', detail: { wellbeingRatings: latest.length } });
    return {
      childId,
      items: latest.map((row) => {
        const scale = scales.get(row.scale_id);
        return {
          roundId: row.round_id,
          roundName: row.round_name,
          unitId: row.unit_id,
          unitName: row.unit_name,
          periodStart: row.period_start,
          periodEnd: row.period_end,
          scale: scale ?? { id: row.scale_id, key: '', definitionVersion: '', levels: [] },
          level: presentLevel(scale, row.level),
          levelCount: scale?.levels.length ?? 0,
          comment: row.comment,
          version: row.revision,
          recordedAt: iso(row.recorded_at),
        };
      }),
    };
  }

  /** The unit's numbers per round: children, share with a joint rating, count per level. No child identities. */
  async summary(unitId: string): Promise<UnitWellbeingSummaryShape> {
    const trx = await this.work.tx();
    const unit = await this.memberUnit(trx, unitId, 'read');
    const rounds = await this.roundQuery(trx).where('r.unit_id', '=', unit.id).orderBy('r.period_start', 'desc').orderBy('r.id', 'desc').execute();
    const ids = rounds.map((r) => r.id);
    const progress = await this.progress(trx, ids);
    const joints = ids.length ? await jointQuery(trx).where('j.round_id', 'in', ids).execute() : [];
    const scales = await scalesById(trx, rounds.map((r) => r.scale_id));
    const result = rounds.map((round) => {
      const scale = scales.get(round.scale_id);
      const latest = this.latestPerChild(joints.filter((j) => j.round_id === round.id));
      const levels = scale?.levels ?? [];
      const counts = levels.map((level) => ({ level, count: [...latest.values()].filter((j) => j.level === level.key).length }));
      const children = progress.get(round.id)?.children ?? 0;
      const jointRated = latest.size;
      return {
        roundId: round.id,
        name: round.name,
        season: round.season as Season,
        year: round.year,
        periodStart: round.period_start,
        periodEnd: round.period_end,
        scale: scale ?? { id: round.scale_id, key: '', definitionVersion: '', levels: [] },
        children,
        jointRated,
        shareRated: children ? jointRated / children : 0,
        counts,
      };
    });
    this.work.audit({
      action: 'read',
      category: 'pedagogical',
      subjectIds: [...new Set(joints.map((j) => j.child_id))],
      criterion: `wellbeing-summary unit=${unit.id}`,
      outcome: 'allowed',
      detail: { unitId: unit.id, rounds: ids.length },
    });
    return { unitId: unit.id, unitName: unit.name, rounds: result };
  }

  // ---- Access -----------------------------------------------------------------------

  /** A daycare or school unit of the municipality (else 404) that the actor is a member of (else 403). */
  private async memberUnit(trx: Transaction<DB>, unitId: string, action: Action): Promise<{ id: string; name: string }> {
    const actor = this.staff();
    const unit = await trx
      .selectFrom('units')
      .select(['id', 'name', 'kind', 'municipality_id'])
      .where('id', '=', unitId)
      .where('municipality_id', '=', actor.municipalityId)
      .executeTakeFirst();
    const criterion = `wellbeing unit=${unitId}`;
    if (!unit || !DAYCARE_AND_SCHOOL.includes(unit.kind)) {
      this.work.audit({ action, category: 'pedagogical', criterion, outcome: 'denied' });
      throw notFound();
    }
    if (!this.work.may(action, 'pedagogical', { unitId: unit.id, municipalityId: unit.municipality_id })) {
      this.work.audit({ action, category: 'pedagogical', criterion, outcome: 'denied' });
      throw forbidden();
    }
    return unit;
  }

  /** A round of a unit the actor is a member of; any other round is "not found" (and the attempt audited). */
  private async visibleRound(trx: Transaction<DB>, roundId: string, action: Action): Promise<RoundRow> {
    const round = await this.roundRow(trx, roundId);
    if (!round || !this.work.may(action, 'pedagogical', { unitId: round.unit_id, municipalityId: round.municipality_id })) {
      this.work.audit({ action, category: 'pedagogical', criterion: `wellbeing-round=${roundId}`, outcome: 'denied' });
      throw notFound();
    }
    return round;
  }

  /** A child of the round who is still enrolled in the round's unit; otherwise "not found" (audited with the child). */
  private async visibleChild(trx: Transaction<DB>, round: RoundRow, childId: string, action: Action): Promise<ChildFacts> {
    const inRound = await trx
      .selectFrom('wellbeing_round_children')
      .select('id')
      .where('round_id', '=', round.id)
      .where('child_id', '=', childId)
      .executeTakeFirst();
    const facts = inRound ? await loadChildFacts(trx, childId) : null;
    if (!facts || !this.work.may(action, 'pedagogical', { ...facts, unitId: round.unit_id })) {
      this.work.audit({
        action,
        category: 'pedagogical',
        subjectIds: facts ? [childId] : [],
        outcome: 'denied',
        detail: { wellbeingRound: round.id, ...(facts ? {} : { childId }) },
      });
      throw notFound();
    }
    return facts;
  }

  /** Serialises writes in a round (one rating per staff member, joint versions in order). */
  private async lockRound(trx: Transaction<DB>, roundId: string): Promise<void> {
    await trx.selectFrom('wellbeing_rounds').select('id').where('id', '=', roundId).forUpdate().execute();
  }

  // ---- Helpers ----------------------------------------------------------------------

  private roundQuery(trx: Transaction<DB>) {
    const actor = this.staff();
    return trx
      .selectFrom('wellbeing_rounds as r')
      .innerJoin('units as u', 'u.id', 'r.unit_id')
      .innerJoin('staff as cb', 'cb.id', 'r.created_by')
      .select([
        'r.id',
        'r.municipality_id',
        'r.unit_id',
        'u.name as unit_name',
        'r.year',
        'r.season',
        'r.name',
        'r.period_start',
        'r.period_end',
        'r.scale_id',
        'r.created_by',
        'cb.name as created_by_name',
        'r.created_at',
      ])
      .where('r.municipality_id', '=', actor.municipalityId);
  }

  private async roundRow(trx: Transaction<DB>, roundId: string): Promise<RoundRow | undefined> {
    return this.roundQuery(trx).where('r.id', '=', roundId).executeTakeFirst();
  }

  /** Progress counts per round (children counted once, also after a merge of two records). */
  private async progress(trx: Transaction<DB>, roundIds: string[]): Promise<Map<string, ProgressRow>> {
    if (roundIds.length === 0) return new Map();
    const rows = await trx
      .selectFrom('wellbeing_rounds as r')
      .select([
        'r.id',
        sql<number>`(select count(distinct rc.child_id)::int from wellbeing_round_children rc where rc.round_id = r.id)`.as('children'),
        sql<number>`(select count(distinct wr.child_id)::int from wellbeing_ratings wr where wr.round_id = r.id)`.as('individually_rated'),
        sql<number>`(select count(*)::int from (select wr.child_id from wellbeing_ratings wr where wr.round_id = r.id
          group by wr.child_id having count(distinct wr.rater_id) >= 2) ready)`.as('ready_for_joint'),
        sql<number>`(select count(distinct j.child_id)::int from wellbeing_joint_ratings j where j.round_id = r.id)`.as('joint_rated'),
      ])
      .where('r.id', 'in', roundIds)
      .execute();
    return new Map(rows.map((row) => [row.id, row]));
  }

  private async roundChildIds(trx: Transaction<DB>, roundIds: string[]): Promise<string[]> {
    if (roundIds.length === 0) return [];
    const rows = await trx.selectFrom('wellbeing_round_children').select('child_id').distinct().where('round_id', 'in', roundIds).execute();
    return rows.map((r) => r.child_id);
  }

  private presentRound(round: RoundRow, progress: ProgressRow | undefined, scales: Map<string, StoredScale>): RoundShape {
    const children = progress?.children ?? 0;
    const jointRated = progress?.joint_rated ?? 0;
    return {
      id: round.id,
      unitId: round.unit_id,
      unitName: round.unit_name,
      name: round.name,
      season: round.season as Season,
      year: round.year,
      periodStart: round.period_start,
      periodEnd: round.period_end,
      scale: scales.get(round.scale_id) ?? { id: round.scale_id, key: '', definitionVersion: '', levels: [] },
      createdBy: { id: round.created_by, name: round.created_by_name },
      createdAt: iso(round.created_at),
      progress: {
        children,
        individuallyRated: progress?.individually_rated ?? 0,
        readyForJoint: progress?.ready_for_joint ?? 0,
        jointRated,
        shareJointRated: children ? jointRated / children : 0,
      },
    };
  }

  /** The child's ratings in the round as the actor may see them. */
  private async childView(trx: Transaction<DB>, round: RoundRow, childId: string): Promise<ChildInRoundShape> {
    const actor = this.staff();
    const child = await trx
      .selectFrom('persons as p')
      .innerJoin('children as c', 'c.person_id', 'p.id')
      .select(['p.first_name', 'p.last_name', 'c.status', 'c.expected_date'])
      .where('p.id', '=', childId)
      .executeTakeFirstOrThrow();
    const ratings = latestPerRater(await ratingQuery(trx).where('wr.round_id', '=', round.id).where('wr.child_id', '=', childId).execute());
    const joints = await jointQuery(trx).where('j.round_id', '=', round.id).where('j.child_id', '=', childId).execute();
    const scales = await scalesById(trx, [round.scale_id, ...ratings.map((r) => r.scale_id), ...joints.map((j) => j.scale_id)]);
    const names = await staffNames(trx, joints.flatMap((j) => j.participant_ids));
    const mine = ratings.find((r) => r.rater_id === actor.id);
    const colleagues = ratings.filter((r) => r.rater_id !== actor.id);
    const hidden = !mine && joints.length === 0;
    const [joint, ...history] = joints.map((j) => presentJoint(j, scales, names));
    return {
      roundId: round.id,
      roundName: round.name,
      childId,
      childName: displayName(child),
      scale: scales.get(round.scale_id) ?? { id: round.scale_id, key: '', definitionVersion: '', levels: [] },
      myRating: mine ? presentRating(mine, scales) : null,
      colleagues: { count: colleagues.length, hidden, items: hidden ? [] : colleagues.map((r) => presentRating(r, scales)) },
      jointAllowed: ratings.length >= 2,
      individualRatingsOpen: joints.length === 0,
      joint: joint ?? null,
      jointHistory: history,
    };
  }

  private async hasJoint(trx: Transaction<DB>, roundId: string, childId: string): Promise<boolean> {
    const row = await trx.selectFrom('wellbeing_joint_ratings').select('id').where('round_id', '=', roundId).where('child_id', '=', childId).limit(1).executeTakeFirst();
    return row !== undefined;
  }

  /** Rule T3: the level must be one of the round's scale. */
  private checkLevel(scale: StoredScale | undefined, level: string): void {
    if (!scale || !levelOf(scale.levels, level)) {
      throw invalidFields([{ field: 'level', code: 'not_on_scale', values: { levels: (scale?.levels ?? []).map((l) => l.key).join(', ') } }]);
    }
  }

  /** At least two different people, each a current member of the round's unit. */
  private async checkParticipants(trx: Transaction<DB>, unitId: string, participantIds: string[]): Promise<void> {
    const actor = this.staff();
    const today = todayInDenmark();
    const issues: FieldIssue[] = [];
    const members = participantIds.length
      ? new Set(
          (
            await trx
              .selectFrom('memberships as m')
              .innerJoin('staff as s', 's.id', 'm.staff_id')
              .select('s.id')
              .where('m.unit_id', '=', unitId)
              .where('s.id', 'in', participantIds)
              .where('s.municipality_id', '=', actor.municipalityId)
              .where('s.active', '=', true)
              .where('m.starts_on', '<=', today)
              .where((eb) => eb.or([eb('m.ends_on', 'is', null), eb('m.ends_on', '>=', today)]))
              .execute()
          ).map((r) => r.id),
        )
      : new Set<string>();
    participantIds.forEach((id, index) => {
      if (!members.has(id)) issues.push({ field: `participantIds.${index}`, code: 'not_unit_staff' });
    });
    const distinct = new Set(participantIds).size;
    if (distinct < participantIds.length) issues.push({ field: 'participantIds', code: 'duplicate' });
    else if (distinct < 2) issues.push({ field: 'participantIds', code: 'too_few', values: { minimum: 2 } });
    if (issues.length) throw invalidFields(issues);
  }

  /** The latest joint rating per child. */
  private latestPerChild<T extends JointRow>(rows: T[]): Map<string, T> {
    const latest = new Map<string, T>();
    for (const row of rows) if (!latest.has(row.child_id)) latest.set(row.child_id, row); // newest version first
    return latest;
  }

  /** The latest joint rating per round (one child). */
  private latestPerRound<T extends JointRow>(rows: T[]): Map<string, T> {
    const latest = new Map<string, T>();
    for (const row of rows) if (!latest.has(row.round_id)) latest.set(row.round_id, row);
    return latest;
  }
}
