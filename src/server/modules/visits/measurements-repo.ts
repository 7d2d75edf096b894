/**
 * Growth measurements (health data): weight, length and head circumference on
 * a date. Rows are never changed. Numeric columns come back from both engines
 * as decimal strings and leave here as numbers.
 */
import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Work } from '../../access/work';
import { todayInDenmark } from '../../clock';
import type { DB } from '../../db/types';
import { type FieldIssue, invalidFields, notFound } from '../../errors';
import { foreignVisit, staffActor } from './checks';
import { guardChildHealth } from '../../access/child-access';
import { toNumber } from './present';
import type { CreateMeasurementInput, MeasurementShape } from './schema';

/** Measurements, scoped to the actor. */
export class MeasurementsRepo {
  constructor(private readonly work: Work) {}

  /** The child's measurements, oldest first. */
  async list(childId: string): Promise<MeasurementShape[]> {
    await guardChildHealth(this.work, childId, 'read');
    const trx = await this.work.tx();
    const rows = await this.rows(trx, childId);
    this.work.audit({ action: 'read', category: 'health', subjectIds: [childId], outcome: 'allowed', detail: { measurements: rows.length } });
    return rows;
  }

  /**
   * Records a measurement: at least one value, measured after birth and not in
   * the future (Danish calendar day).
   */
  async create(childId: string, input: CreateMeasurementInput): Promise<MeasurementShape> {
    const actor = staffActor(this.work);
    await guardChildHealth(this.work, childId, 'create');
    const trx = await this.work.tx();
    const issues: FieldIssue[] = [];
    const values = [input.weightGrams, input.lengthCm, input.headCm];
    if (values.every((v) => v === undefined || v === null)) {
      for (const field of ['weightGrams', 'lengthCm', 'headCm']) issues.push({ field, code: 'at_least_one' });
    }
    const child = await trx.selectFrom('persons').select('birth_date').where('id', '=', childId).executeTakeFirstOrThrow();
    if (input.measuredOn > todayInDenmark()) issues.push({ field: 'measuredOn', code: 'in_future' });
    else if (!child.birth_date || input.measuredOn < child.birth_date) issues.push({ field: 'measuredOn', code: 'before_birth' });
    issues.push(...(await foreignVisit(trx, childId, input.visitId)));
    if (issues.length) throw invalidFields(issues);
    const id = uuidv7();
    await trx
      .insertInto('measurements')
      .values({
        id,
        child_id: childId,
        visit_id: input.visitId ?? null,
        measured_on: input.measuredOn,
        weight_grams: input.weightGrams ?? null,
        length_cm: input.lengthCm ?? null,
        head_cm: input.headCm ?? null,
        recorded_by: actor.id,
      })
      .execute();
    this.work.audit({ action: 'create', category: 'health', subjectIds: [childId], outcome: 'allowed', detail: { measurement: id } });
    const created = (await this.rows(trx, childId)).find((m) => m.id === id);
    if (!created) throw notFound();
    return created;
  }

  private async rows(trx: Transaction<DB>, childId: string): Promise<MeasurementShape[]> {
    const rows = await trx
      .selectFrom('measurements as m')
      .innerJoin('staff as s', 's.id', 'm.recorded_by')
      .select(['m.id', 'm.child_id', 'm.visit_id', 'm.measured_on', 'm.weight_grams', 'm.length_cm', 'm.head_cm', 'm.recorded_by', 's.name'])
      .where('m.child_id', '=', childId)
      .orderBy('m.measured_on')
      .orderBy('m.id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      childId: r.child_id,
      visitId: r.visit_id,
      measuredOn: r.measured_on,
      weightGrams: r.weight_grams,
      lengthCm: toNumber(r.length_cm),
      headCm: toNumber(r.head_cm),
      recordedById: r.recorded_by,
      recordedByName: r.name,
    }));
  }
}
