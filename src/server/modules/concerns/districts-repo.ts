/**
 * Which districts each district social worker covers (`social_worker_districts`).
 * Sparring requests go to every social worker covering the district of the
 * requester's unit, and wellbeing conversations follow the same coverage.
 *
 * - Reading the list names social workers (staff personal data): administrators
 *   only (`search` on `staff`), audited with every listed staff id.
 * - Changing a social worker's districts: administrators (`update` on
 *   `organisation`); only staff with profession `social_worker`; only districts
 *   of the administrator's municipality; the whole set is replaced; audited as
 *   `staff` with the staff id and the new district ids.
 */
import { v7 as uuidv7 } from 'uuid';
import type { StaffActor } from '../../access/actor';
import type { Work } from '../../access/work';
import { todayInDenmark } from '../../clock';
import { invalidFields, notFound, Problem, staleVersion } from '../../errors';
import type { SetDistrictsInput, SocialWorkerDistrictsShape, SocialWorkerShape } from './districts-schema';

/** The district coverage of social workers, scoped to the actor's municipality. */
export class SocialWorkerDistrictsRepo {
  constructor(private readonly work: Work) {}

  private actor(): StaffActor {
    const actor = this.work.actor;
    if (actor.kind !== 'staff') throw new Error('social worker districts need a staff actor');
    return actor;
  }

  /** The municipality's districts and every active social worker with the districts they cover (administrators). */
  async list(): Promise<SocialWorkerDistrictsShape> {
    this.work.authorize('search', 'staff');
    const actor = this.actor();
    const trx = await this.work.tx();
    const districts = await trx.selectFrom('districts').select(['id', 'name']).where('municipality_id', '=', actor.municipalityId).orderBy('name').execute();
    const workers = await trx
      .selectFrom('staff')
      .select(['id', 'name'])
      .where('municipality_id', '=', actor.municipalityId)
      .where('profession', '=', 'social_worker')
      .where('active', '=', true)
      .orderBy('name')
      .execute();
    const items = await Promise.all(workers.map((w) => this.worker(w.id, w.name)));
    this.work.audit({ action: 'search', category: 'staff', subjectIds: items.map((w) => w.id), criterion: 'social_worker_districts', outcome: 'allowed' });
    return { districts, socialWorkers: items };
  }

  /**
   * Replaces the districts a social worker covers (administrators; districts of the same
   * municipality), if they still cover exactly the districts the caller saw (else 409).
   */
  async setDistricts(staffId: string, { districtIds, previousDistrictIds }: SetDistrictsInput): Promise<SocialWorkerShape> {
    this.work.authorize('update', 'organisation');
    const actor = this.actor();
    const trx = await this.work.tx();
    const staff = await trx
      .selectFrom('staff')
      .select(['id', 'name', 'profession'])
      .where('id', '=', staffId)
      .where('municipality_id', '=', actor.municipalityId)
      .forUpdate() // serialises two administrators changing the same social worker
      .executeTakeFirst();
    if (!staff) throw notFound();
    if (staff.profession !== 'social_worker') {
      this.work.audit({ action: 'update', category: 'staff', subjectIds: [staffId], outcome: 'denied', detail: { reason: 'not_social_worker' } });
      throw new Problem(400, 'social_worker_districts.not_social_worker');
    }
    const wanted = [...new Set(districtIds)];
    if (wanted.length) {
      const known = await trx.selectFrom('districts').select('id').where('municipality_id', '=', actor.municipalityId).where('id', 'in', wanted).execute();
      const knownIds = new Set(known.map((d) => d.id));
      if (wanted.some((id) => !knownIds.has(id))) throw invalidFields([{ field: 'districtIds', code: 'invalid_choice' }]);
    }
    const current = (await trx.selectFrom('social_worker_districts').select('district_id').where('staff_id', '=', staffId).execute()).map((r) => r.district_id);
    const seen = new Set(previousDistrictIds);
    if (current.length !== seen.size || current.some((id) => !seen.has(id))) throw staleVersion();
    let removal = trx.deleteFrom('social_worker_districts').where('staff_id', '=', staffId);
    if (wanted.length) removal = removal.where('district_id', 'not in', wanted);
    await removal.execute();
    const existing = new Set(
      (await trx.selectFrom('social_worker_districts').select('district_id').where('staff_id', '=', staffId).execute()).map((r) => r.district_id),
    );
    const added = wanted.filter((id) => !existing.has(id));
    if (added.length) {
      await trx
        .insertInto('social_worker_districts')
        .values(added.map((districtId) => ({ id: uuidv7(), staff_id: staffId, district_id: districtId })))
        .execute();
    }
    this.work.audit({ action: 'update', category: 'staff', subjectIds: [staffId], outcome: 'allowed', detail: { socialWorkerDistricts: wanted } });
    return this.worker(staff.id, staff.name);
  }

  private async worker(id: string, name: string): Promise<SocialWorkerShape> {
    const trx = await this.work.tx();
    const districts = await trx
      .selectFrom('social_worker_districts as sd')
      .innerJoin('districts as d', 'd.id', 'sd.district_id')
      .select(['d.id', 'd.name'])
      .where('sd.staff_id', '=', id)
      .orderBy('d.name')
      .execute();
    const units = await trx
      .selectFrom('memberships as m')
      .innerJoin('units as u', 'u.id', 'm.unit_id')
      .select(['u.id', 'u.name'])
      .where('m.staff_id', '=', id)
      .where((eb) => eb.or([eb('m.ends_on', 'is', null), eb('m.ends_on', '>=', todayInDenmark())]))
      .orderBy('u.name')
      .execute();
    return { id, name, units, districts };
  }
}
