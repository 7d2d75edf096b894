/**
 * The demo municipality's ongoing work, seeded on top of its organisation and children: the
 * catalogue of offers and courses, notifications, concerns and sparring, open counselling and
 * workshops, consents and handovers, and cross-professional meetings. Each area's seeding does
 * nothing when its data are already there, so this is safe on every start.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/types';
import { seedDemoConcerns } from './concerns';
import { seedDemoConsent } from './consent';
import { seedDemoCounselling } from './counselling';
import { seedDemoMeetings } from './meetings';
import { seedDemoNotifications } from './notifications';
import { seedDemoOffers } from './offers';

/**
 * Seeds every area's demo work, in an order where later areas may use earlier ones (offers before counselling).
 * @example await seedDemoWork(database.db);
 */
export async function seedDemoWork(db: Kysely<DB>): Promise<void> {
  await seedDemoOffers(db);
  await seedDemoNotifications(db);
  await seedDemoConcerns(db);
  await seedDemoCounselling(db);
  await seedDemoConsent(db);
  await seedDemoMeetings(db);
}
