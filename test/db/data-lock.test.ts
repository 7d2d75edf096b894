/**
 * The exclusive lock on a PGlite data folder (architecture.md §9): a second
 * process, or a second open in the same process, is refused with a message that
 * names the folder and the holder; a lock left by a killed process is taken
 * over, and what that process committed is still there.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/server/db/connect';
import { DataFolderLockedError } from '../../src/server/db/data-lock';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HOLDER = path.join(ROOT, 'test/db/fixtures/hold-folder.ts');
const START = path.join(ROOT, 'src/cli/start.ts');
/** PGlite needs about 3.5 s to create a new folder on an idle 2-core machine; much more under load. */
const SLOW = 120_000;

const children = new Set<ChildProcess>();
const folders: string[] = [];
const opened: Database[] = [];

afterEach(async () => {
  for (const database of opened.splice(0)) await database.close().catch(() => undefined);
});

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

function tempFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'spire-lock-test-'));
  folders.push(folder);
  return path.join(folder, 'data');
}

interface Child {
  process: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves when stdout matches `pattern`; rejects if the process ends first. */
  waitFor(pattern: RegExp): Promise<void>;
  /** Resolves with the exit code (or the signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `node --import tsx <script> …args` in the project folder. */
function startNode(script: string, args: string[]): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    err += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    process: child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor: (pattern) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (pattern.test(out)) {
            child.stdout?.off('data', check);
            resolve();
          }
        };
        child.stdout?.on('data', check);
        check();
        void exited.then(({ code, signal }) =>
          reject(new Error(`process ended (code ${code}, signal ${signal}) before ${pattern}:\n${out}\n${err}`)),
        );
      }),
  };
}

async function notesIn(database: Database): Promise<string[]> {
  const { rows } = await sql<{ note: string }>`select note from crash_notes order by id`.execute(database.db);
  return rows.map((row) => row.note);
}

describe('data folder lock', () => {
  it(
    'refuses a folder held by another process, naming the folder and the holder, and takes over after kill -9',
    async () => {
      const dataDir = tempFolder();
      const holder = startNode(HOLDER, [dataDir, 'committed before the crash']);
      await holder.waitFor(/^ready \d+/m);
      const holderPid = holder.process.pid!;
      expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'spire.lock'), 'utf8'))).toMatchObject({ pid: holderPid });

      // (a) this process is refused …
      const refusal = await openDatabase({ engine: 'pglite', dataDir }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refusal).toBeInstanceOf(DataFolderLockedError);
      const locked = refusal as DataFolderLockedError;
      expect(locked.holderPid).toBe(holderPid);
      expect(locked.folder).toBe(path.resolve(dataDir));
      expect(locked.message).toContain(path.resolve(dataDir));
      expect(locked.message).toContain(`pid ${holderPid}`);

      // … and so is a second process, which exits with code 2 and the same message.
      const second = startNode(HOLDER, [dataDir, 'never written']);
      expect(await second.exited).toEqual({ code: 2, signal: null });
      expect(second.stderr()).toContain(`The data folder ${path.resolve(dataDir)} is in use by another Spire process (pid ${holderPid})`);
      expect(second.stdout()).not.toMatch(/ready/);
      // The refused process did not touch the holder's lock.
      expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'spire.lock'), 'utf8'))).toMatchObject({ pid: holderPid });

      // (b) kill -9: the lock file stays behind, names a dead process, and is taken over.
      holder.process.kill('SIGKILL');
      expect(await holder.exited).toEqual({ code: null, signal: 'SIGKILL' });
      expect(fs.existsSync(path.join(dataDir, 'spire.lock'))).toBe(true);

      const reopened = await openDatabase({ engine: 'pglite', dataDir });
      opened.push(reopened);
      expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'spire.lock'), 'utf8'))).toMatchObject({ pid: process.pid });
      expect(await notesIn(reopened)).toEqual(['committed before the crash']);
      // Still writable after recovery.
      await sql`insert into crash_notes (note) values ('after the crash')`.execute(reopened.db);
      expect(await notesIn(reopened)).toEqual(['committed before the crash', 'after the crash']);

      // Closing releases the lock: the file is gone.
      await reopened.close();
      opened.splice(opened.indexOf(reopened), 1);
      expect(fs.existsSync(path.join(dataDir, 'spire.lock'))).toBe(false);
    },
    SLOW,
  );

  it(
    'refuses to open the same folder twice in one process, also by another spelling or a symlink',
    async () => {
      const dataDir = tempFolder();
      const first = await openDatabase({ engine: 'pglite', dataDir });
      opened.push(first);
      const link = `${path.dirname(dataDir)}/link`;
      fs.symlinkSync(dataDir, link);
      const relative = path.relative(process.cwd(), dataDir);
      for (const spelling of [dataDir, `${dataDir}/`, relative, link]) {
        const error = await openDatabase({ engine: 'pglite', dataDir: spelling }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error, spelling).toBeInstanceOf(DataFolderLockedError);
        expect((error as DataFolderLockedError).holderPid).toBe(process.pid);
        expect((error as Error).message).toContain(`pid ${process.pid}`);
      }
      // The refusals left the first open working and its lock in place.
      await sql`create table t (x int)`.execute(first.db);
      expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'spire.lock'), 'utf8'))).toMatchObject({ pid: process.pid });

      // After closing, the folder can be opened again, with its data.
      await first.close();
      opened.splice(opened.indexOf(first), 1);
      const again = await openDatabase({ engine: 'pglite', dataDir: link });
      opened.push(again);
      expect((await sql<{ n: number }>`select count(*) as n from t`.execute(again.db)).rows).toEqual([{ n: 0 }]);
    },
    SLOW,
  );

  it(
    'takes over a lock file left by a process that no longer exists, or one that is unreadable',
    async () => {
      const dataDir = tempFolder();
      fs.mkdirSync(dataDir, { recursive: true });
      // A pid that is surely not running: a child that has already exited.
      const gone = spawnSync(process.execPath, ['-e', '']);
      fs.writeFileSync(path.join(dataDir, 'spire.lock'), JSON.stringify({ pid: gone.pid, startedAt: '2020-01-01T00:00:00Z' }));
      const database = await openDatabase({ engine: 'pglite', dataDir });
      opened.push(database);
      expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'spire.lock'), 'utf8'))).toMatchObject({ pid: process.pid });
      await database.close();
      opened.splice(opened.indexOf(database), 1);

      fs.writeFileSync(path.join(dataDir, 'spire.lock'), '{"pi'); // half-written by a crash
      const again = await openDatabase({ engine: 'pglite', dataDir });
      opened.push(again);
      expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'spire.lock'), 'utf8'))).toMatchObject({ pid: process.pid });
    },
    SLOW,
  );

  it(
    '`start --data-dir X` twice: the second exits with code 2 and a clear message, the first keeps running',
    async () => {
      const dataDir = tempFolder();
      const first = startNode(START, ['--data-dir', dataDir, '--port', '0', '--no-demo']);
      await first.waitFor(/Spire is running/);

      const second = startNode(START, ['--data-dir', dataDir, '--port', '0', '--no-demo']);
      const { code } = await second.exited;
      expect(code).toBe(2);
      expect(second.stderr()).toContain(
        `The data folder ${path.resolve(dataDir)} is in use by another Spire process (pid ${first.process.pid}). ` +
          'Stop that process first, or start this one with another --data-dir.',
      );
      expect(second.stdout()).not.toContain('Spire is running');

      // The first server is unharmed, and stops cleanly on SIGTERM, releasing the folder.
      expect(first.process.exitCode).toBeNull();
      first.process.kill('SIGTERM');
      expect(await first.exited).toEqual({ code: 0, signal: null });
      expect(fs.existsSync(path.join(dataDir, 'spire.lock'))).toBe(false);
    },
    SLOW,
  );
});
