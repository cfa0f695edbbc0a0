import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface DirectoryLock {
  release(): void;
}

export class DirectoryLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly holder: LockHolder,
  ) {
    super(
      `Datamappen används redan av process ${holder.pid} (${holder.command}), startad ${holder.startedAt}. ` +
        `Stoppa den först. / The data folder is in use by process ${holder.pid} (${holder.command}); stop it first. Lock file: ${lockFile}`,
    );
  }
}

interface LockHolder {
  pid: number;
  host: string;
  command: string;
  startedAt: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

/**
 * PGlite takes no lock on its folder, and two processes on one folder silently lose data.
 * Take an exclusive lock file; a stale lock (its process is gone) is taken over.
 */
export function acquireDirectoryLock(dir: string): DirectoryLock {
  const file = path.join(dir, 'kansli.lock');
  const me: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    command: process.argv.slice(1).map((a) => path.basename(a)).join(' ') || 'node',
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        const holder = readHolder(file);
        if (holder?.pid === process.pid) unlinkSync(file);
      };
      process.on('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      if (holder && holder.host === me.host && isAlive(holder.pid) && holder.pid !== process.pid) {
        throw new DirectoryLockedError(file, holder);
      }
      if (holder && holder.host !== me.host) throw new DirectoryLockedError(file, holder);
      if (holder?.pid === process.pid) throw new DirectoryLockedError(file, holder);
      unlinkSync(file); // stale: its process is gone
    }
  }
  throw new Error(`Could not take the lock ${file}`);
}
