/**
 * The demo municipality: three districts, clusters, one or more units of every
 * kind, and one staff member per role with a known password, so that a newcomer
 * can sign in and look around. All names are invented.
 */
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { writeAudit } from '../access/audit';
import { hashPassword } from '../auth/passwords';
import type { DB } from '../db/types';

/** The password of every demo account. */
export const DEMO_PASSWORD = 'spire-demo-2026';

/** One demo sign-in per role, printed at start. */
export const demoAccounts = [
  { username: 'admin', name: 'Anne Administrator', profession: 'administrator', role: 'Administrator' },
  { username: 'sundhed', name: 'Sofie Sundhedsplejerske', profession: 'health_visitor', role: 'Sundhedsplejerske' },
  { username: 'paedagog', name: 'Peter Pædagog', profession: 'pedagogue', role: 'Pædagog (dagtilbud)' },
  { username: 'social', name: 'Sara Socialfaglig', profession: 'social_worker', role: 'Socialfaglig medarbejder' },
  { username: 'ppr', name: 'Per PPR-psykolog', profession: 'ppr_psychologist', role: 'PPR-psykolog' },
  { username: 'analytiker', name: 'Aisha Analytiker', profession: 'analyst', role: 'Analytiker' },
  { username: 'myndighed', name: 'Maria Myndighed', profession: 'social_worker', role: 'Myndighedsrådgiver (Børn og Familie)' },
] as const;

/** Colleagues that make the demo caseloads realistic (same password, not printed). */
const colleagues = [
  { username: 'hanne', name: 'Hanne Holm', profession: 'health_visitor', unit: 'Sundhedsplejen Nord' },
  { username: 'birgit', name: 'Birgit Bach', profession: 'health_visitor', unit: 'Sundhedsplejen Syd' },
  { username: 'lene', name: 'Lene Lund', profession: 'health_visitor', unit: 'Sundhedsplejen Syd' },
  { username: 'leder', name: 'Lone Leder', profession: 'manager', unit: 'Sundhedsplejen Nord' },
  { username: 'dagplejer', name: 'Dorte Dagplejer', profession: 'pedagogue', unit: 'Dagplejen Vest' },
  { username: 'regnbuen', name: 'Rikke Regnbue', profession: 'pedagogue', unit: 'Børnehuset Regnbuen' },
] as const;

const districts = {
  Nord: ['Nordbyen', 'Havnen'],
  Vest: ['Vestergården', 'Skovbrynet'],
  Syd: ['Sydhøjen', 'Engen'],
} as const;

type UnitSeed = { name: string; kind: string; district: keyof typeof districts; cluster?: string; address: string };

const units: UnitSeed[] = [
  { name: 'Sundhedsplejen Nord', kind: 'health_visiting', district: 'Nord', address: 'Rådhusvej 1, 9000 Spireby' },
  { name: 'Sundhedsplejen Syd', kind: 'health_visiting', district: 'Syd', address: 'Sydvej 12, 9000 Spireby' },
  { name: 'Dagplejen Vest', kind: 'childminding', district: 'Vest', cluster: 'Vestergården', address: 'Vestergade 4, 9000 Spireby' },
  { name: 'Vuggestuen Mariehønen', kind: 'nursery', district: 'Nord', cluster: 'Nordbyen', address: 'Mariehønevej 3, 9000 Spireby' },
  { name: 'Børnehaven Solsikken', kind: 'kindergarten', district: 'Syd', cluster: 'Sydhøjen', address: 'Solsikkevej 8, 9000 Spireby' },
  { name: 'Børnehuset Regnbuen', kind: 'integrated_daycare', district: 'Nord', cluster: 'Havnen', address: 'Havnegade 20, 9000 Spireby' },
  { name: 'Spireby Skole', kind: 'school', district: 'Vest', cluster: 'Skovbrynet', address: 'Skolevej 1, 9000 Spireby' },
  { name: 'SFO Skovbrynet', kind: 'after_school', district: 'Vest', cluster: 'Skovbrynet', address: 'Skolevej 1, 9000 Spireby' },
  { name: 'Klub Engen', kind: 'club', district: 'Syd', cluster: 'Engen', address: 'Engvej 5, 9000 Spireby' },
  { name: 'PPR Spireby', kind: 'ppr', district: 'Nord', address: 'Rådhusvej 1, 9000 Spireby' },
  { name: 'Familiecentret – Tidlig Forebyggelse', kind: 'family_centre', district: 'Vest', address: 'Familievej 2, 9000 Spireby' },
  { name: 'Børn og Familie (myndighed)', kind: 'social_services', district: 'Nord', address: 'Rådhusvej 1, 9000 Spireby' },
];

const memberships: Record<string, string[]> = {
  sundhed: ['Sundhedsplejen Nord'],
  paedagog: ['Vuggestuen Mariehønen'],
  social: ['Familiecentret – Tidlig Forebyggelse'],
  ppr: ['PPR Spireby'],
  myndighed: ['Børn og Familie (myndighed)'],
};

const certifications: Record<string, { kind: string; validFrom: string; validUntil: string | null }[]> = {
  sundhed: [{ kind: 'adbb', validFrom: '2024-03-01', validUntil: '2027-02-28' }],
  social: [{ kind: 'signs_of_safety', validFrom: '2023-09-01', validUntil: null }],
  ppr: [{ kind: 'cosp_facilitator', validFrom: '2022-05-01', validUntil: null }],
};

/**
 * Seeds the demo municipality once; does nothing if a municipality exists.
 * Returns true when it seeded.
 * @example if (await seedDemoOrganisation(db)) console.log('demo data created');
 */
export async function seedDemoOrganisation(db: Kysely<DB>): Promise<boolean> {
  const existing = await db.selectFrom('municipalities').select('id').executeTakeFirst();
  if (existing) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    const municipalityId = uuidv7();
    await trx.insertInto('municipalities').values({ id: municipalityId, name: 'Spireby Kommune', code: '0999' }).execute();
    const districtIds = new Map<string, string>();
    const clusterIds = new Map<string, string>();
    for (const [district, clusters] of Object.entries(districts)) {
      const id = uuidv7();
      districtIds.set(district, id);
      await trx.insertInto('districts').values({ id, municipality_id: municipalityId, name: district }).execute();
      for (const cluster of clusters) {
        const clusterId = uuidv7();
        clusterIds.set(cluster, clusterId);
        await trx.insertInto('clusters').values({ id: clusterId, district_id: id, name: cluster }).execute();
      }
    }
    const unitIds = new Map<string, string>();
    await trx
      .insertInto('units')
      .values(
        units.map((unit) => {
          const id = uuidv7();
          unitIds.set(unit.name, id);
          return {
            id,
            municipality_id: municipalityId,
            district_id: districtIds.get(unit.district)!,
            cluster_id: unit.cluster ? clusterIds.get(unit.cluster)! : null,
            name: unit.name,
            kind: unit.kind,
            address: unit.address,
            phone: '70 10 20 30',
          };
        }),
      )
      .execute();
    const staffIds: string[] = [];
    for (const colleague of colleagues) {
      const id = uuidv7();
      staffIds.push(id);
      await trx
        .insertInto('staff')
        .values({ id, municipality_id: municipalityId, name: colleague.name, username: colleague.username, email: `${colleague.username}@spireby.example`, profession: colleague.profession, password_hash: passwordHash })
        .execute();
      await trx.insertInto('memberships').values({ id: uuidv7(), staff_id: id, unit_id: unitIds.get(colleague.unit)!, starts_on: '2023-01-01' }).execute();
    }
    for (const account of demoAccounts) {
      const id = uuidv7();
      staffIds.push(id);
      await trx
        .insertInto('staff')
        .values({
          id,
          municipality_id: municipalityId,
          name: account.name,
          username: account.username,
          email: `${account.username}@spireby.example`,
          profession: account.profession,
          password_hash: passwordHash,
        })
        .execute();
      for (const unitName of memberships[account.username] ?? []) {
        await trx
          .insertInto('memberships')
          .values({ id: uuidv7(), staff_id: id, unit_id: unitIds.get(unitName)!, starts_on: '2024-01-01' })
          .execute();
      }
      for (const cert of certifications[account.username] ?? []) {
        await trx
          .insertInto('certifications')
          .values({ id: uuidv7(), staff_id: id, kind: cert.kind, valid_from: cert.validFrom, valid_until: cert.validUntil })
          .execute();
      }
    }
    await writeAudit(trx, { actor: { kind: 'system', reason: 'demo data' }, requestId: 'seed', ip: null }, [
      { action: 'create', category: 'staff', subjectIds: staffIds, outcome: 'allowed', purpose: 'demo data' },
    ]);
  });
  return true;
}
