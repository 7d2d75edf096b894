/**
 * `npm run seed -- --children N [--seed S] [--data-dir PATH]`: adds N generated
 * children (with families, visits, notes, measurements) to the database, for
 * demos and benchmarks. Creates the demo municipality first if there is none.
 */
import path from 'node:path';
import { databaseConfigFromEnv, openDatabase } from '../server/db/connect';
import { DataFolderLockedError } from '../server/db/data-lock';
import { migrate } from '../server/db/migrator';
import { seedDemoChildren } from '../server/demo/children';
import { seedDemoOrganisation } from '../server/demo/organisation';
import { seedDemoWork } from '../server/demo/work';
import { parseArgs } from './args';

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const count = Number(args.children ?? 300);
  if (!Number.isInteger(count) || count < 1) throw new Error('--children must be a positive whole number');
  const dataDir = path.resolve(String(args.dataDir ?? process.env.SPIRE_DATA_DIR ?? 'data'));
  const database = await openDatabase(databaseConfigFromEnv(dataDir));
  try {
    await migrate(database.db);
    await seedDemoOrganisation(database.db);
    const started = Date.now();
    await seedDemoChildren(database.db, { count, seed: Number(args.seed ?? Date.now() % 100000) });
    await seedDemoWork(database.db);
    console.log(`Added ${count} children in ${((Date.now() - started) / 1000).toFixed(1)} s (${database.engine}: ${database.location}).`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof DataFolderLockedError ? error.message : error);
  process.exit(error instanceof DataFolderLockedError ? 2 : 1);
});
