/**
 * Visits to one child (health data): list, plan, and change (status, time,
 * kind, participants, place). Every read and write is checked against the
 * child's facts and audited with the child's id; journal notes and
 * measurements hang off the same repository.
 */
import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Work } from '../../access/work';
import type { DB } from '../../db/types';
import { expectCurrentVersion, type FieldIssue, invalidFields, notFound } from '../../errors';
import { loadTemplates } from '../programme/schedule';
import { guardChildHealth } from '../../access/child-access';
import { staffActor, unknownStaff } from './checks';
import { MeasurementsRepo } from './measurements-repo';
import { NotesRepo } from './notes-repo';
import { fetchVisits, presentVisit } from './queries';
import type { CreateVisitInput, UpdateVisitInput, VisitShape } from './schema';

/** Visits, notes and measurements, scoped to the actor. */
export class VisitsRepo {
  readonly notes: NotesRepo;
  readonly measurements: MeasurementsRepo;

  constructor(private readonly work: Work) {
    this.notes = new NotesRepo(work);
    this.measurements = new MeasurementsRepo(work);
  }

  /** The child's visits, oldest first. */
  async list(childId: string): Promise<VisitShape[]> {
    const actor = staffActor(this.work);
    await guardChildHealth(this.work, childId, 'read');
    const trx = await this.work.tx();
    const rows = await fetchVisits(trx, actor.municipalityId, { childId });
    this.work.audit({ action: 'read', category: 'health', subjectIds: [childId], outcome: 'allowed', detail: { visits: rows.length } });
    return rows.map(presentVisit);
  }

  /** Plans a visit; the actor is responsible unless `staffId` names someone else. */
  async create(childId: string, input: CreateVisitInput): Promise<VisitShape> {
    const actor = staffActor(this.work);
    await guardChildHealth(this.work, childId, 'create');
    const trx = await this.work.tx();
    const staffId = input.staffId ?? actor.id;
    const participantIds = [...new Set(input.participantIds ?? [])].filter((id) => id !== staffId);
    const issues = [
      ...(input.templateKey ? await this.unknownTemplate(trx, actor.municipalityId, input.templateKey) : []),
      ...(input.staffId ? await unknownStaff(trx, actor.municipalityId, [input.staffId], 'staffId') : []),
      ...(await unknownStaff(trx, actor.municipalityId, participantIds, 'participantIds')),
    ];
    if (issues.length) throw invalidFields(issues);
    const id = uuidv7();
    await trx
      .insertInto('visits')
      .values({
        id,
        child_id: childId,
        template_key: input.templateKey ?? null,
        kind: input.kind,
        status: 'planned',
        planned_at: new Date(input.plannedAt),
        staff_id: staffId,
        participant_ids: participantIds,
        location: input.location ?? null,
      })
      .execute();
    this.work.audit({ action: 'create', category: 'health', subjectIds: [childId], outcome: 'allowed', detail: { visit: id } });
    return this.one(trx, actor.municipalityId, id);
  }

  /** Changes a visit if `version` is current. */
  async update(visitId: string, input: UpdateVisitInput): Promise<VisitShape> {
    const actor = staffActor(this.work);
    const trx = await this.work.tx();
    const [current] = await fetchVisits(trx, actor.municipalityId, { visitId });
    if (!current) throw notFound();
    await guardChildHealth(this.work, current.childId, 'update');
    const participantIds =
      input.participantIds === undefined
        ? current.participantIds
        : [...new Set(input.participantIds)].filter((id) => id !== current.staffId);
    if (input.participantIds !== undefined) {
      const issues = await unknownStaff(trx, actor.municipalityId, participantIds, 'participantIds');
      if (issues.length) throw invalidFields(issues);
    }
    const result = await trx
      .updateTable('visits')
      .set({
        status: input.status ?? current.status,
        planned_at: input.plannedAt ? new Date(input.plannedAt) : new Date(current.plannedAt),
        kind: input.kind ?? current.kind,
        participant_ids: participantIds,
        location: input.location !== undefined ? input.location || null : current.location,
        version: input.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', visitId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    expectCurrentVersion(result);
    this.work.audit({
      action: 'update',
      category: 'health',
      subjectIds: [current.childId],
      outcome: 'allowed',
      detail: { visit: visitId, fields: Object.keys(input).filter((k) => k !== 'version') },
    });
    return this.one(trx, actor.municipalityId, visitId);
  }

  private async one(trx: Transaction<DB>, municipalityId: string, id: string): Promise<VisitShape> {
    const [row] = await fetchVisits(trx, municipalityId, { visitId: id });
    if (!row) throw notFound();
    return presentVisit(row);
  }

  private async unknownTemplate(trx: Transaction<DB>, municipalityId: string, key: string): Promise<FieldIssue[]> {
    const { templates } = await loadTemplates(trx, municipalityId);
    return templates.some((t) => t.key === key) ? [] : [{ field: 'templateKey', code: 'invalid_choice' }];
  }
}
