/**
 * `npm run bench`: what an authenticated, authorised and audited read of one
 * person's record costs, against a bare endpoint of the same server, on PGlite
 * and on PostgreSQL, in one run on this machine. See bench/README.md.
 *
 * For each engine it starts the real server in a child process (bench/server.ts),
 * signs in as the demo administrator, and measures with autocannon, in the same
 * server process one after the other:
 *   bare  GET /api/health          no session, no database;
 *   read  GET /api/staff/:id       session looked up, policy checked, record read,
 *                                  one audit row written in the same transaction.
 * It prints a table and writes bench/results/<timestamp>.json and latest.json.
 *
 * Settings (environment): BENCH_SECONDS (10) · BENCH_WARMUP_SECONDS (2) ·
 * BENCH_CONNECTIONS (10) · BENCH_ENGINES (pglite,postgres) ·
 * BENCH_DATABASE_URL or DATABASE_URL (use that PostgreSQL instead of a throwaway one).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { DEMO_PASSWORD } from '../src/server/demo/organisation';
import { startTestPostgres, type TestPostgres } from '../test/postgres-server';
import type { FromServer, ToServer } from './server';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH_DIR);
const RESULTS_DIR = path.join(BENCH_DIR, 'results');

type EngineName = 'pglite' | 'postgres';

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return value;
}

const settings = {
  seconds: positive('BENCH_SECONDS', 10),
  warmupSeconds: positive('BENCH_WARMUP_SECONDS', 2),
  connections: Math.round(positive('BENCH_CONNECTIONS', 10)),
  pipelining: 1,
  engines: (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',').map((e) => e.trim()) as EngineName[],
  bare: 'GET /api/health',
  read: 'GET /api/staff/:id (signed in as admin)',
};
for (const engine of settings.engines) {
  if (engine !== 'pglite' && engine !== 'postgres') throw new Error(`BENCH_ENGINES: unknown engine "${engine}"`);
}

// ---------------------------------------------------------------------------------------------
// Everything started here is stopped here, also on Ctrl+C or an error.

const children = new Set<ChildProcess>();
const tempFolders: string[] = [];
let postgres: TestPostgres | undefined;

function cleanUpSync(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const folder of tempFolders) fs.rmSync(folder, { recursive: true, force: true });
}
process.on('exit', cleanUpSync); // the throwaway PostgreSQL has exit hooks of its own
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping`);
    process.exit(130);
  });
}

// ---------------------------------------------------------------------------------------------
// The server child

interface ServerHandle {
  port: number;
  startupMs: number;
  request<T extends FromServer['type']>(message: ToServer, reply: T): Promise<Extract<FromServer, { type: T }>>;
  stop(): Promise<void>;
}

function startServer(args: string[]): Promise<ServerHandle> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(BENCH_DIR, 'server.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const request = <T extends FromServer['type']>(message: ToServer, reply: T) =>
    new Promise<Extract<FromServer, { type: T }>>((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`server did not answer ${message.type} within 60 s`)), 60_000);
      const onMessage = (answer: FromServer) => {
        if (answer.type === reply) done(undefined, answer as Extract<FromServer, { type: T }>);
        else if (answer.type === 'failed') done(new Error(`server: ${answer.message}`));
      };
      const onExit = (code: number | null) => done(new Error(`server exited (code ${code}) before answering ${message.type}`));
      function done(error?: Error, answer?: Extract<FromServer, { type: T }>) {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (error) reject(error);
        else resolve(answer!);
      }
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send(message);
    });

  const listening = new Promise<Extract<FromServer, { type: 'listening' }>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 180 s')), 180_000);
    child.on('message', (message: FromServer) => {
      if (message.type === 'listening') {
        clearTimeout(timer);
        resolve(message);
      } else if (message.type === 'failed') {
        clearTimeout(timer);
        reject(new Error(`server failed to start: ${message.message}`));
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with code ${code} while starting`));
    });
  });

  return listening.then(({ port, startupMs }) => ({
    port,
    startupMs,
    request,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        if (child.connected) child.send({ type: 'stop' } satisfies ToServer);
        else child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      children.delete(child);
    },
  }));
}

// ---------------------------------------------------------------------------------------------
// Measuring

interface Latencies {
  p50: number;
  p90: number;
  p99: number;
  mean: number;
  max: number;
}

interface Measurement {
  requestsPerSecond: number;
  /** Of the 2xx responses, measured to the microsecond from autocannon's per-response times. */
  latencyMs: Latencies;
  /** autocannon's own summary, which records whole milliseconds only. */
  autocannonLatencyMs: Latencies;
  responses2xx: number;
  requestsSent: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  durationSeconds: number;
}

/** The q-quantile of sorted values (nearest rank). */
const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : Number.NaN);
const round3 = (n: number) => Math.round(n * 1000) / 1000;

async function load(url: string, headers: Record<string, string>, seconds: number): Promise<Measurement> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, headers, connections: settings.connections, pipelining: settings.pipelining, duration: seconds },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) times.push(responseTime);
    });
  });
  times.sort((a, b) => a - b);
  const statusCodes: Record<string, number> = {};
  for (const [code, stats] of Object.entries((result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {})) {
    statusCodes[code] = stats.count;
  }
  return {
    requestsPerSecond: result.requests.average,
    latencyMs: {
      p50: round3(quantile(times, 0.5)),
      p90: round3(quantile(times, 0.9)),
      p99: round3(quantile(times, 0.99)),
      mean: round3(times.reduce((sum, t) => sum + t, 0) / times.length),
      max: round3(times[times.length - 1] ?? Number.NaN),
    },
    autocannonLatencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      mean: result.latency.average,
      max: result.latency.max,
    },
    responses2xx: result['2xx'],
    requestsSent: result.requests.sent,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
    durationSeconds: result.duration,
  };
}

/** Server-side counters once requests still in flight when the load stopped have finished. */
async function settledCounters(server: ServerHandle) {
  let last = await server.request({ type: 'counters' }, 'counters');
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await server.request({ type: 'counters' }, 'counters');
    if (now.reads === last.reads && now.auditRows === last.auditRows) return now;
    last = now;
  }
}

async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in as admin failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie?.startsWith('spire_session=')) throw new Error('sign-in gave no session cookie');
  return cookie;
}

async function findStaffId(base: string, cookie: string): Promise<{ id: string; name: string }> {
  const response = await fetch(`${base}/api/staff?q=sundhed`, { headers: { cookie } });
  if (response.status !== 200) throw new Error(`staff search failed: ${response.status} ${await response.text()}`);
  const { items } = (await response.json()) as { items: { id: string; name: string; username: string }[] };
  const person = items.find((item) => item.username === 'sundhed') ?? items[0];
  if (!person) throw new Error('the demo municipality has no staff member "sundhed"');
  const check = await fetch(`${base}/api/staff/${person.id}`, { headers: { cookie } });
  if (check.status !== 200) throw new Error(`reading staff ${person.id} failed: ${check.status} ${await check.text()}`);
  return { id: person.id, name: person.name };
}

interface EngineResult {
  engine: EngineName;
  database: string;
  serverStartupMs: number;
  staffRead: { id: string; name: string };
  bare: Measurement;
  read: Measurement & { readsServed: number; auditRowsWritten: number };
  bareAuditRowsWritten: number;
  ratios: { requestsPerSecond: number; p50: number; p99: number };
  serverMemory: { rssAfterStartupBytes: number; rssPeakDuringLoadBytes: number; maxRssBytes: number };
  problems: string[];
}

async function benchEngine(engine: EngineName): Promise<EngineResult> {
  let args: string[];
  let database: string;
  if (engine === 'pglite') {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'spire-bench-'));
    tempFolders.push(folder);
    args = ['--engine', 'pglite', '--data-dir', path.join(folder, 'data')];
    database = 'PGlite in a new temporary folder';
  } else {
    const given = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
    if (given) {
      args = ['--engine', 'postgres', '--url', given];
      database = `PostgreSQL from ${process.env.BENCH_DATABASE_URL ? 'BENCH_DATABASE_URL' : 'DATABASE_URL'} (${given.replace(/\/\/[^@/]*@/, '//')})`;
    } else {
      postgres ??= await startTestPostgres();
      args = ['--engine', 'postgres', '--url', postgres.url];
      database = `throwaway PostgreSQL ${await pgVersion(postgres.url)} (${postgres.source}, fsync=off)`;
    }
  }
  console.log(`\n[${engine}] starting the server (${database}) …`);
  const server = await startServer(args);
  try {
    const base = `http://127.0.0.1:${server.port}`;
    const cookie = await signIn(base);
    const person = await findStaffId(base, cookie);
    const bareUrl = `${base}/api/health`;
    const readUrl = `${base}/api/staff/${person.id}`;
    const started = await server.request({ type: 'stats' }, 'stats');
    console.log(`[${engine}] ready in ${(server.startupMs / 1000).toFixed(1)} s; reading "${person.name}"; warming up ${settings.warmupSeconds} s each …`);

    await load(bareUrl, {}, settings.warmupSeconds);
    await load(readUrl, { cookie }, settings.warmupSeconds);
    await server.request({ type: 'resetPeak' }, 'peakReset');

    console.log(`[${engine}] measuring ${settings.bare} for ${settings.seconds} s …`);
    const beforeBare = await settledCounters(server);
    const bare = await load(bareUrl, {}, settings.seconds);
    const afterBare = await settledCounters(server);

    console.log(`[${engine}] measuring ${settings.read} for ${settings.seconds} s …`);
    const read = await load(readUrl, { cookie }, settings.seconds);
    const afterRead = await settledCounters(server);
    const stats = await server.request({ type: 'stats' }, 'stats');

    const readsServed = afterRead.reads - afterBare.reads;
    const auditRowsWritten = afterRead.auditRows - afterBare.auditRows;
    const bareAuditRowsWritten = afterBare.auditRows - beforeBare.auditRows;
    const problems: string[] = [];
    for (const [name, m] of [
      ['bare', bare],
      ['read', read],
    ] as const) {
      if (m.errors || m.timeouts || m.non2xx) {
        problems.push(`${name}: ${m.errors} errors, ${m.timeouts} timeouts, ${m.non2xx} non-2xx (${JSON.stringify(m.statusCodes)})`);
      }
      if (m.responses2xx === 0) problems.push(`${name}: no successful responses`);
    }
    if (auditRowsWritten !== readsServed) problems.push(`read: ${auditRowsWritten} audit rows for ${readsServed} reads served`);
    if (readsServed < read.responses2xx) problems.push(`read: the server counted ${readsServed} reads, autocannon ${read.responses2xx}`);
    if (bareAuditRowsWritten !== 0) problems.push(`bare: ${bareAuditRowsWritten} audit rows written by the bare endpoint`);

    return {
      engine,
      database,
      serverStartupMs: server.startupMs,
      staffRead: person,
      bare,
      read: { ...read, readsServed, auditRowsWritten },
      bareAuditRowsWritten,
      ratios: {
        requestsPerSecond: read.requestsPerSecond / bare.requestsPerSecond,
        p50: read.latencyMs.p50 / bare.latencyMs.p50,
        p99: read.latencyMs.p99 / bare.latencyMs.p99,
      },
      serverMemory: { rssAfterStartupBytes: started.rss, rssPeakDuringLoadBytes: stats.rssPeakSampled, maxRssBytes: stats.maxRss },
      problems,
    };
  } finally {
    await server.stop();
  }
}

async function pgVersion(url: string): Promise<string> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('show server_version');
    return rows[0].server_version.split(' ')[0];
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Reporting

function uptime(): string {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `load average: ${os.loadavg().map((n) => n.toFixed(2)).join(', ')}`;
  }
}

function gitCommit(): string | undefined {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return dirty ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return undefined;
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const num = (n: number, digits = 0) => n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function table(results: EngineResult[]): string {
  const rows: string[][] = [['engine', 'endpoint', 'req/s', 'p50 ms', 'p99 ms', '2xx', 'errors', 'non-2xx']];
  for (const r of results) {
    for (const [label, m] of [
      [settings.bare, r.bare],
      [`GET /api/staff/:id (audited)`, r.read],
    ] as const) {
      rows.push([r.engine, label, num(m.requestsPerSecond), num(m.latencyMs.p50, 3), num(m.latencyMs.p99, 3), num(m.responses2xx), String(m.errors + m.timeouts), String(m.non2xx)]);
    }
    rows.push(['', 'ratio read / bare', `${num(r.ratios.requestsPerSecond, 3)}×`, `${num(r.ratios.p50, 1)}×`, `${num(r.ratios.p99, 1)}×`, '', '', '']);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row: string[]) => row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  const out = [line(rows[0]), widths.map((w) => '─'.repeat(w)).join('  ')];
  for (let i = 1; i < rows.length; i++) {
    out.push(line(rows[i]));
    if (rows[i][1] === 'ratio read / bare' && i < rows.length - 1) out.push('');
  }
  return out.join('\n');
}

async function main() {
  const runStarted = new Date();
  const loadBefore = { uptime: uptime(), loadavg: os.loadavg() };
  console.log(`Spire benchmark: ${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ${settings.seconds} s per endpoint, engines ${settings.engines.join(', ')}`);
  console.log(`load before: ${loadBefore.uptime}`);

  const results: EngineResult[] = [];
  for (const engine of settings.engines) results.push(await benchEngine(engine));
  await postgres?.stop();
  postgres = undefined;
  const loadAfter = { uptime: uptime(), loadavg: os.loadavg() };

  console.log(`\n${table(results)}\n`);
  for (const r of results) {
    console.log(
      `${r.engine}: ${num(r.read.auditRowsWritten)} audit rows written for ${num(r.read.readsServed)} reads served ` +
        `(autocannon counted ${num(r.read.responses2xx)}; the rest were in flight when the load stopped); ` +
        `server RSS ${mb(r.serverMemory.rssAfterStartupBytes)} after start-up, peak ${mb(r.serverMemory.rssPeakDuringLoadBytes)} under load (maxRSS ${mb(r.serverMemory.maxRssBytes)})`,
    );
  }
  console.log(`load before: ${loadBefore.uptime}\nload after:  ${loadAfter.uptime}`);

  const problems = results.flatMap((r) => r.problems.map((p) => `${r.engine} ${p}`));
  const cpus = os.cpus();
  const report = {
    ok: problems.length === 0,
    problems,
    startedAt: runStarted.toISOString(),
    finishedAt: new Date().toISOString(),
    commit: gitCommit(),
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model,
      memoryBytes: os.totalmem(),
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      node: process.version,
      loadBefore,
      loadAfter,
    },
    settings,
    results,
  };
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = runStarted.toISOString().replace(/[:.]/g, '-');
  const file = path.join(RESULTS_DIR, `${stamp}${report.ok ? '' : '.failed'}.json`);
  const json = `${JSON.stringify(report, null, 2)}\n`;
  fs.writeFileSync(file, json);
  if (report.ok) fs.writeFileSync(path.join(RESULTS_DIR, 'latest.json'), json);
  console.log(`results: ${path.relative(ROOT, file)}${report.ok ? ' and bench/results/latest.json' : ''}`);

  if (!report.ok) {
    console.error(`\nBENCHMARK FAILED:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exitCode = 1;
  }
}

main()
  .catch((error) => {
    console.error('\nBENCHMARK FAILED:', error);
    process.exitCode = 1;
  })
  .finally(async () => {
    for (const child of children) child.kill('SIGTERM');
    await postgres?.stop();
    cleanUpSync();
  });
