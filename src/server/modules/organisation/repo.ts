/**
 * The municipality's structure. Not personal data, but changes are still
 * audited (who created or changed which unit) and need an administrator.
 */
import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Work } from '../../access/work';
import type { DB } from '../../db/types';
import { expectCurrentVersion, invalidFields, notFound, Problem } from '../../errors';
import { isUniqueViolation } from '../../db/errors';
import type { CreateUnitInput, UnitShape, UpdateUnitInput } from './schema';

/** Districts, clusters and units of the actor's municipality. */
export class OrganisationRepo {
  constructor(private readonly work: Work) {}

  private municipalityId(): string {
    const actor = this.work.actor;
    if (actor.kind !== 'staff') throw new Error('organisation repo needs a staff actor');
    return actor.municipalityId;
  }

  /** The municipality with its districts and clusters. */
  async structure() {
    this.work.authorize('read', 'organisation');
    const trx = await this.work.tx();
    const municipalityId = this.municipalityId();
    const municipality = await trx
      .selectFrom('municipalities')
      .select(['id', 'name', 'code'])
      .where('id', '=', municipalityId)
      .executeTakeFirstOrThrow();
    const districts = await trx
      .selectFrom('districts')
      .select(['id', 'name', 'version'])
      .where('municipality_id', '=', municipalityId)
      .orderBy('name')
      .execute();
    const clusters = await trx
      .selectFrom('clusters as c')
      .innerJoin('districts as d', 'd.id', 'c.district_id')
      .select(['c.id', 'c.name', 'c.version', 'c.district_id'])
      .where('d.municipality_id', '=', municipalityId)
      .orderBy('c.name')
      .execute();
    return {
      municipality,
      districts: districts.map((d) => ({
        ...d,
        clusters: clusters.filter((c) => c.district_id === d.id).map(({ district_id: _, ...c }) => c),
      })),
    };
  }

  /** Creates a district. */
  async createDistrict(name: string) {
    this.work.authorize('create', 'organisation');
    const trx = await this.work.tx();
    const id = uuidv7();
    await this.unique(() =>
      trx.insertInto('districts').values({ id, municipality_id: this.municipalityId(), name }).execute(),
    );
    this.work.audit({ action: 'create', category: 'organisation', outcome: 'allowed', detail: { district: id } });
    return { id, name, version: 1, clusters: [] };
  }

  /** Creates a cluster in one of the municipality's districts. */
  async createCluster(districtId: string, name: string) {
    this.work.authorize('create', 'organisation');
    const trx = await this.work.tx();
    await this.district(trx, districtId);
    const id = uuidv7();
    await this.unique(() => trx.insertInto('clusters').values({ id, district_id: districtId, name }).execute());
    this.work.audit({ action: 'create', category: 'organisation', outcome: 'allowed', detail: { cluster: id } });
    return { id, name, version: 1 };
  }

  /** Units, optionally filtered by kind and district, ordered by name. */
  async listUnits(filter: { kind?: string; districtId?: string }): Promise<UnitShape[]> {
    this.work.authorize('read', 'organisation');
    const trx = await this.work.tx();
    let query = this.unitQuery(trx).where('u.municipality_id', '=', this.municipalityId());
    if (filter.kind) query = query.where('u.kind', '=', filter.kind);
    if (filter.districtId) query = query.where('u.district_id', '=', filter.districtId);
    const rows = await query.orderBy('u.name').execute();
    return rows.map(toUnit);
  }

  /** One unit, or 404. */
  async getUnit(id: string): Promise<UnitShape> {
    this.work.authorize('read', 'organisation');
    const trx = await this.work.tx();
    const row = await this.unitQuery(trx)
      .where('u.id', '=', id)
      .where('u.municipality_id', '=', this.municipalityId())
      .executeTakeFirst();
    if (!row) throw notFound();
    return toUnit(row);
  }

  /** Creates a unit. */
  async createUnit(input: CreateUnitInput): Promise<UnitShape> {
    this.work.authorize('create', 'organisation');
    const trx = await this.work.tx();
    await this.checkPlacement(trx, input.districtId, input.clusterId ?? null);
    const id = uuidv7();
    await trx
      .insertInto('units')
      .values({
        id,
        municipality_id: this.municipalityId(),
        district_id: input.districtId,
        cluster_id: input.clusterId ?? null,
        name: input.name,
        kind: input.kind,
        address: input.address,
        phone: input.phone,
      })
      .execute();
    this.work.audit({ action: 'create', category: 'organisation', outcome: 'allowed', detail: { unit: id } });
    return this.getUnit(id);
  }

  /** Updates a unit if `version` is still current; otherwise 409. */
  async updateUnit(id: string, input: UpdateUnitInput): Promise<UnitShape> {
    this.work.authorize('update', 'organisation');
    const trx = await this.work.tx();
    const current = await this.getUnit(id);
    const districtId = input.districtId ?? current.districtId;
    const clusterId = input.clusterId !== undefined ? input.clusterId : input.districtId ? null : current.clusterId;
    await this.checkPlacement(trx, districtId, clusterId);
    const result = await trx
      .updateTable('units')
      .set({
        name: input.name ?? current.name,
        kind: input.kind ?? current.kind,
        district_id: districtId,
        cluster_id: clusterId,
        address: input.address !== undefined ? input.address : current.address,
        phone: input.phone !== undefined ? input.phone : current.phone,
        version: input.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    expectCurrentVersion(result);
    this.work.audit({ action: 'update', category: 'organisation', outcome: 'allowed', detail: { unit: id } });
    return this.getUnit(id);
  }

  private unitQuery(trx: Transaction<DB>) {
    return trx
      .selectFrom('units as u')
      .innerJoin('districts as d', 'd.id', 'u.district_id')
      .leftJoin('clusters as c', 'c.id', 'u.cluster_id')
      .select([
        'u.id',
        'u.name',
        'u.kind',
        'u.district_id',
        'd.name as district_name',
        'u.cluster_id',
        'c.name as cluster_name',
        'u.address',
        'u.phone',
        'u.version',
      ]);
  }

  private async district(trx: Transaction<DB>, districtId: string) {
    const district = await trx
      .selectFrom('districts')
      .select('id')
      .where('id', '=', districtId)
      .where('municipality_id', '=', this.municipalityId())
      .executeTakeFirst();
    if (!district) throw invalidFields([{ field: 'districtId', code: 'invalid_choice' }]);
  }

  private async checkPlacement(trx: Transaction<DB>, districtId: string, clusterId: string | null) {
    await this.district(trx, districtId);
    if (!clusterId) return;
    const cluster = await trx
      .selectFrom('clusters')
      .select('district_id')
      .where('id', '=', clusterId)
      .executeTakeFirst();
    if (!cluster || cluster.district_id !== districtId) {
      throw new Problem(400, 'organisation.cluster_outside_district', {
        fields: [{ field: 'clusterId', code: 'invalid_choice' }],
      });
    }
  }

  private async unique(insert: () => Promise<unknown>) {
    try {
      await insert();
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new Problem(409, 'organisation.name_taken', { fields: [{ field: 'name', code: 'taken' }] });
      }
      throw error;
    }
  }
}

type UnitRow = {
  id: string;
  name: string;
  kind: string;
  district_id: string;
  district_name: string;
  cluster_id: string | null;
  cluster_name: string | null;
  address: string | null;
  phone: string | null;
  version: number;
};

function toUnit(row: UnitRow): UnitShape {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as UnitShape['kind'],
    districtId: row.district_id,
    districtName: row.district_name,
    clusterId: row.cluster_id,
    clusterName: row.cluster_name,
    address: row.address,
    phone: row.phone,
    version: row.version,
  };
}
