/**
 * `npm start`: opens the database (PGlite in ./data, or DATABASE_URL),
 * migrates it, seeds the demo municipality on first start (unless --no-demo),
 * serves the API and the built web app on one port, and prints how to sign in.
 *
 * Flags: --port N (default 3000, or PORT) · --data-dir PATH (default ./data)
 *        --no-demo · --reset (delete the data folder first; PGlite only)
 */
import fs from 'node:fs';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { buildApp, defaultWebDir } from '../server/app';
import { defaultConfig } from '../server/config';
import { databaseConfigFromEnv, openDatabase } from '../server/db/connect';
import { DataFolderLockedError } from '../server/db/data-lock';
import { migrate } from '../server/db/migrator';
import { seedDemoChildren } from '../server/demo/children';
import { DEMO_PASSWORD, demoAccounts, seedDemoOrganisation } from '../server/demo/organisation';
import { seedDemoWork } from '../server/demo/work';
import { parseArgs } from './args';

/** Children in the demo municipality's caseloads on first start. */
const DEMO_CHILDREN = 320;

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const port = Number(args.port ?? process.env.PORT ?? 3000);
  const dataDir = path.resolve(String(args.dataDir ?? process.env.SPIRE_DATA_DIR ?? 'data'));
  const dbConfig = databaseConfigFromEnv(dataDir);
  if (args.reset === true && dbConfig.engine === 'pglite') fs.rmSync(dataDir, { recursive: true, force: true });

  const started = Date.now();
  const database = await openDatabase(dbConfig);
  const applied = await migrate(database.db);
  const seeded = args.demo === false ? false : await seedDemoOrganisation(database.db);
  if (seeded) await seedDemoChildren(database.db, { count: DEMO_CHILDREN });
  if (args.demo !== false) await seedDemoWork(database.db);

  // SPIRE_WEB_DIR: serve a web build from elsewhere (parallel end-to-end runs each build their own).
  const builtDir = process.env.SPIRE_WEB_DIR ? path.resolve(process.env.SPIRE_WEB_DIR) : defaultWebDir;
  const webDir = fs.existsSync(path.join(builtDir, 'index.html')) ? builtDir : undefined;
  // SPIRE_SIGN_IN_RATE_LIMIT: sign-in attempts per address per window (default 30 per 10 minutes).
  // The browser journeys sign in many times from one address and raise it; nothing else should.
  const signInRateLimit = Number(process.env.SPIRE_SIGN_IN_RATE_LIMIT ?? defaultConfig.signInRateLimit);
  if (!Number.isInteger(signInRateLimit) || signInRateLimit < 1) throw new Error('SPIRE_SIGN_IN_RATE_LIMIT must be a positive whole number');
  const app = buildApp(database, { ...defaultConfig, webDir, signInRateLimit });
  const server = serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? '127.0.0.1' });

  const url = `http://localhost:${port}`;
  const lines = [
    '',
    `Spire is running: ${url}`,
    `  database: ${database.engine === 'pglite' ? `PGlite in ${database.location}` : `PostgreSQL ${database.location}`}` +
      (applied.length ? ` (migrations applied: ${applied.join(', ')})` : ''),
    `  ready in ${((Date.now() - started) / 1000).toFixed(1)} s${seeded ? `; demo municipality "Spireby Kommune" created with ${DEMO_CHILDREN} children` : ''}`,
    webDir ? '' : '  (web app not built: run `npm run build`; the API works without it)',
    args.demo === false
      ? ''
      : `Sign in with one of these demo accounts, password "${DEMO_PASSWORD}":\n` +
        demoAccounts.map((a) => `  ${a.username.padEnd(12)} ${a.role}`).join('\n'),
    `API docs: ${url}/api/docs`,
    'Stop with Ctrl+C.',
    '',
  ];
  console.log(lines.filter((line) => line !== '').join('\n'));

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  if (error instanceof DataFolderLockedError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
