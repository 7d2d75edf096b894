/**
 * The benchmark's server process: the real Spire app (buildApp) on a real
 * database, in a process of its own so that the load generator does not share
 * its event loop. Started by bench/run.ts over IPC; not for interactive use.
 *
 *   node --import tsx bench/server.ts --engine pglite --data-dir /tmp/x
 *   node --import tsx bench/server.ts --engine postgres --url postgres://…
 *
 * It opens and migrates the database, seeds the demo municipality, listens on
 * 127.0.0.1 (--port, default a free one) and sends `{ type: 'listening', port }`.
 * It answers IPC messages:
 *   { type: 'counters' }   → { type: 'counters', reads, auditRows }  (reads = 200 answers to GET /api/staff/:id)
 *   { type: 'resetPeak' }  → { type: 'peakReset' }
 *   { type: 'stats' }      → { type: 'stats', rss, rssPeakSampled, maxRss, heapUsed }
 * and stops (closing the database) on { type: 'stop' }, SIGTERM or SIGINT.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app';
import { parseArgs } from '../src/cli/args';
import { defaultConfig } from '../src/server/config';
import { type DatabaseConfig, openDatabase } from '../src/server/db/connect';
import { migrate } from '../src/server/db/migrator';
import { seedDemoOrganisation } from '../src/server/demo/organisation';

/** Messages from bench/run.ts. */
export type ToServer = { type: 'counters' } | { type: 'resetPeak' } | { type: 'stats' } | { type: 'stop' };
/** Messages to bench/run.ts. */
export type FromServer =
  | { type: 'listening'; port: number; engine: string; startupMs: number }
  | { type: 'counters'; reads: number; auditRows: number }
  | { type: 'peakReset' }
  | { type: 'stats'; rss: number; rssPeakSampled: number; maxRss: number; heapUsed: number }
  | { type: 'failed'; message: string };

const send = (message: FromServer) => process.send?.(message);
const READ_PATH = /^\/api\/staff\/[0-9a-f-]{36}$/;

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  let config: DatabaseConfig;
  if (args.engine === 'pglite' && typeof args.dataDir === 'string') config = { engine: 'pglite', dataDir: args.dataDir };
  else if (args.engine === 'postgres' && typeof args.url === 'string') config = { engine: 'postgres', url: args.url };
  else throw new Error('usage: server.ts --engine pglite --data-dir DIR | --engine postgres --url URL [--port N]');

  // Resident memory, sampled; the kernel's lifetime peak (maxRSS) is reported as well.
  let rssPeakSampled = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    rssPeakSampled = Math.max(rssPeakSampled, process.memoryUsage.rss());
  }, 50);
  sampler.unref();

  const database = await openDatabase(config);
  await migrate(database.db);
  await seedDemoOrganisation(database.db);
  const app = buildApp(database, { ...defaultConfig, signInRateLimit: 1000 });

  let reads = 0;
  const server = serve(
    {
      hostname: '127.0.0.1',
      port: Number(args.port ?? 0),
      fetch: async (request, env) => {
        const response = await app.fetch(request, env);
        // app.fetch resolves after the unit of work has committed, audit rows included.
        if (response.status === 200 && request.method === 'GET' && READ_PATH.test(new URL(request.url).pathname)) reads++;
        return response;
      },
    },
    (info: AddressInfo) => {
      send({ type: 'listening', port: info.port, engine: database.engine, startupMs: Math.round(performance.now() - started) });
    },
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    clearInterval(sampler);
    server.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('disconnect', stop); // the parent went away

  process.on('message', async (message: ToServer) => {
    try {
      if (message.type === 'counters') {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(database.db);
        send({ type: 'counters', reads, auditRows: rows[0].n });
      } else if (message.type === 'resetPeak') {
        rssPeakSampled = process.memoryUsage.rss();
        send({ type: 'peakReset' });
      } else if (message.type === 'stats') {
        const rss = process.memoryUsage.rss();
        rssPeakSampled = Math.max(rssPeakSampled, rss);
        send({
          type: 'stats',
          rss,
          rssPeakSampled,
          maxRss: process.resourceUsage().maxRSS * 1024,
          heapUsed: process.memoryUsage().heapUsed,
        });
      } else if (message.type === 'stop') {
        await stop();
      }
    } catch (error) {
      send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  });
}

main().catch((error) => {
  console.error(error);
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
