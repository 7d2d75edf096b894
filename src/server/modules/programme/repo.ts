/**
 * The visit programme: a child's planned contacts (health data, audited with
 * the child's id), the extended track (joining and leaving are both kept), and
 * the municipality's templates (organisation data; administrators replace them).
 */
import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Work } from '../../access/work';
import { todayInDenmark } from '../../clock';
import { isUniqueViolation } from '../../db/errors';
import type { DB } from '../../db/types';
import { expectCurrentVersion, type FieldIssue, invalidFields, Problem, staleVersion } from '../../errors';
import { staffActor } from '../visits/checks';
import { guardChildHealth } from '../../access/child-access';
import { contactsFor, loadTemplates, windowIsSound } from './schedule';
import type {
  ChildProgrammeShape,
  EndExtendedTrackInput,
  ExtendedTrackShape,
  StartExtendedTrackInput,
  VisitProgrammeShape,
  VisitTemplateShape,
} from './schema';

const alreadyExtended = () => new Problem(409, 'programme.already_extended');

/** Programme and extended track, scoped to the actor. */
export class ProgrammeRepo {
  constructor(private readonly work: Work) {}

  /** The child's planned contacts with status and visit, and the extended track. */
  async forChild(childId: string): Promise<ChildProgrammeShape> {
    const actor = staffActor(this.work);
    await guardChildHealth(this.work, childId, 'read');
    const trx = await this.work.tx();
    const today = todayInDenmark();
    const child = await trx
      .selectFrom('persons as p')
      .innerJoin('children as c', 'c.person_id', 'p.id')
      .select(['p.birth_date', 'c.status', 'c.expected_date', 'c.discharged_within_72h'])
      .where('p.id', '=', childId)
      .executeTakeFirstOrThrow();
    const track = await this.track(trx, childId);
    const programme = await loadTemplates(trx, actor.municipalityId);
    const visits = await trx
      .selectFrom('visits')
      .select(['id', 'template_key', 'status', 'planned_at'])
      .where('child_id', '=', childId)
      .where('template_key', 'is not', null)
      .where('status', 'in', ['planned', 'done'])
      .execute();
    const contacts = contactsFor(
      {
        status: child.status,
        birthDate: child.birth_date,
        expectedDate: child.expected_date,
        dischargedWithin72h: child.discharged_within_72h,
        extendedTrack: track.current !== null,
      },
      programme.templates,
      visits.map((v) => ({ id: v.id, templateKey: v.template_key, status: v.status, plannedAt: new Date(v.planned_at) })),
      today,
    );
    this.work.audit({ action: 'read', category: 'health', subjectIds: [childId], outcome: 'allowed', detail: { programme: true } });
    return { childId, today, source: programme.source, contacts, extendedTrack: track };
  }

  /** Puts the family on the extended track; 409 if it is already on it. */
  async startExtended(childId: string, input: StartExtendedTrackInput): Promise<ExtendedTrackShape> {
    const actor = staffActor(this.work);
    await guardChildHealth(this.work, childId, 'create');
    const trx = await this.work.tx();
    const open = await trx.selectFrom('extended_track_periods').select('id').where('child_id', '=', childId).where('ends_on', 'is', null).executeTakeFirst();
    if (open) throw alreadyExtended();
    const id = uuidv7();
    try {
      await trx
        .insertInto('extended_track_periods')
        .values({ id, child_id: childId, starts_on: input.startsOn ?? todayInDenmark(), reason: input.reason, started_by: actor.id })
        .execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw alreadyExtended();
      throw error;
    }
    this.work.audit({ action: 'create', category: 'health', subjectIds: [childId], outcome: 'allowed', detail: { extendedTrack: id } });
    return this.track(trx, childId);
  }

  /** Records that the family leaves the extended track, with the reason; the period is kept. */
  async endExtended(childId: string, input: EndExtendedTrackInput): Promise<ExtendedTrackShape> {
    const actor = staffActor(this.work);
    await guardChildHealth(this.work, childId, 'update');
    const trx = await this.work.tx();
    const open = await trx
      .selectFrom('extended_track_periods')
      .select(['id', 'starts_on'])
      .where('child_id', '=', childId)
      .where('ends_on', 'is', null)
      .executeTakeFirst();
    if (!open) throw new Problem(409, 'programme.not_extended');
    const today = todayInDenmark();
    const endsOn = input.endsOn ?? today;
    if (endsOn > today) throw invalidFields([{ field: 'endsOn', code: 'in_future' }]);
    if (endsOn < open.starts_on) throw invalidFields([{ field: 'endsOn', code: 'end_before_start' }]);
    const result = await trx
      .updateTable('extended_track_periods')
      .set({ ends_on: endsOn, end_reason: input.reason, ended_by: actor.id, version: input.version + 1 })
      .where('id', '=', open.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    expectCurrentVersion(result);
    this.work.audit({ action: 'update', category: 'health', subjectIds: [childId], outcome: 'allowed', detail: { extendedTrack: open.id, ended: endsOn } });
    return this.track(trx, childId);
  }

  /** The programme in force for the actor's municipality. */
  async templates(): Promise<VisitProgrammeShape> {
    const actor = staffActor(this.work);
    this.work.authorize('read', 'organisation');
    const trx = await this.work.tx();
    return present(await loadTemplates(trx, actor.municipalityId));
  }

  /** Replaces the municipality's programme (1–30 templates, unique keys, sound windows). */
  async replaceTemplates(templates: VisitTemplateShape[]): Promise<VisitProgrammeShape> {
    const actor = staffActor(this.work);
    this.work.authorize('update', 'organisation');
    const issues = checkTemplates(templates);
    if (issues.length) throw invalidFields(issues);
    const trx = await this.work.tx();
    await trx.deleteFrom('visit_templates').where('municipality_id', '=', actor.municipalityId).execute();
    try {
      await trx
        .insertInto('visit_templates')
        .values(
          templates.map((t, position) => ({
            municipality_id: actor.municipalityId,
            key: t.key,
            label_da: t.labelDa,
            label_en: t.labelEn,
            track: t.track,
            anchor: t.anchor,
            earliest: JSON.stringify(t.earliest),
            latest: JSON.stringify(t.latest),
            position,
          })),
        )
        .execute();
    } catch (error) {
      // Another administrator replaced the programme at the same moment.
      if (isUniqueViolation(error)) throw staleVersion();
      throw error;
    }
    this.work.audit({
      action: 'update',
      category: 'organisation',
      outcome: 'allowed',
      detail: { visitTemplates: templates.map((t) => t.key) },
    });
    return present(await loadTemplates(trx, actor.municipalityId));
  }

  private async track(trx: Transaction<DB>, childId: string): Promise<ExtendedTrackShape> {
    const periods = await trx
      .selectFrom('extended_track_periods')
      .select(['id', 'starts_on', 'reason', 'ends_on', 'end_reason', 'version'])
      .where('child_id', '=', childId)
      .orderBy('starts_on')
      .orderBy('created_at')
      .execute();
    const open = periods.find((p) => p.ends_on === null);
    return {
      current: open ? { id: open.id, startsOn: open.starts_on, reason: open.reason, version: open.version } : null,
      history: periods
        .filter((p) => p.ends_on !== null)
        .map((p) => ({ id: p.id, startsOn: p.starts_on, reason: p.reason, version: p.version, endsOn: p.ends_on as string, endReason: p.end_reason })),
    };
  }
}

function present(programme: Awaited<ReturnType<typeof loadTemplates>>): VisitProgrammeShape {
  return {
    source: programme.source,
    templates: programme.templates.map((t) => ({
      key: t.key,
      labelDa: t.labelDa,
      labelEn: t.labelEn,
      track: t.track,
      anchor: t.anchor,
      earliest: t.earliest,
      latest: t.latest,
    })),
  };
}

/**
 * Field issues for a programme: at least one template, keys used once,
 * pregnancy contacts (and only they) counted from the expected date, and no
 * window whose latest date can fall before its earliest.
 */
function checkTemplates(templates: VisitTemplateShape[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (templates.length === 0) issues.push({ field: 'templates', code: 'too_few', values: { minimum: 1 } });
  const seen = new Set<string>();
  templates.forEach((t, i) => {
    if (seen.has(t.key)) issues.push({ field: `templates.${i}.key`, code: 'duplicate' });
    seen.add(t.key);
    if ((t.track === 'pregnancy') !== (t.anchor === 'expected')) issues.push({ field: `templates.${i}.anchor`, code: 'pregnancy_anchor' });
    if (!windowIsSound(t)) issues.push({ field: `templates.${i}.latest`, code: 'end_before_start' });
  });
  return issues;
}
