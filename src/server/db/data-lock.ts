/**
 * An exclusive lock on an embedded data folder, so that two processes never
 * open the same PGlite folder (the second one's writes could be lost silently).
 * The lock file holds the owner's pid; a lock whose owner is gone (a crash,
 * kill -9) is stale and is taken over.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Thrown when another live process holds the folder. */
export class DataFolderLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly holderPid: number,
  ) {
    super(
      `The data folder ${folder} is in use by another Spire process (pid ${holderPid}). ` +
        'Stop that process first, or start this one with another --data-dir.',
    );
    this.name = 'DataFolderLockedError';
  }
}

/** Folders locked by this process, so one process cannot open a folder twice either. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock on `folder` (created if missing) and returns a release function.
 * @example const release = acquireDataLock('./data'); … release();
 */
export function acquireDataLock(folder: string): () => void {
  fs.mkdirSync(folder, { recursive: true });
  const lockPath = path.join(folder, 'spire.lock');
  // The real path, so that a symlinked spelling of a folder held here is refused too
  // (a lock file with our own pid is otherwise taken for a stale one from an earlier run).
  const key = fs.realpathSync(folder);
  if (heldHere.has(key)) throw new DataFolderLockedError(path.resolve(folder), process.pid);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
      fs.closeSync(fd);
      heldHere.add(key);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        heldHere.delete(key);
        process.off('exit', release);
        try {
          const held = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid: number };
          if (held.pid === process.pid) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holderPid = Number.NaN;
      try {
        holderPid = (JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid: number }).pid;
      } catch {
        // unreadable or half-written lock file: treat as stale
      }
      if (Number.isInteger(holderPid) && holderPid !== process.pid && isAlive(holderPid)) {
        throw new DataFolderLockedError(path.resolve(folder), holderPid);
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock on ${path.resolve(folder)}`);
}
