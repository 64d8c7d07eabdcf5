/**
 * One running OKE Lokaal process per data directory. The lock is a file
 * created with O_EXCL that contains the owner's pid. A lock whose process no
 * longer runs is stale and is taken over.
 */
import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors';

export const lockFileName = 'oke-lokaal.lock';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DataDirLock {
  release(): void;
}

export function acquireLock(dataDir: string, command: string): DataDirLock {
  const file = join(dataDir, lockFileName);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, command, startedAt: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new AppError('datadir.unusable', { dataDir, reason: (error as Error).message }, { cause: error });
      }
      let owner: { pid?: unknown } = {};
      try {
        owner = JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown };
      } catch {
        // A lock file cut short by a crash between create and write: treat it as stale.
      }
      if (typeof owner.pid === 'number' && owner.pid !== process.pid && isRunning(owner.pid)) {
        throw new AppError('datadir.inUse', { dataDir, pid: owner.pid });
      }
      rmSync(file, { force: true });
    }
  }
  throw new AppError('datadir.unusable', { dataDir, reason: 'the lock file keeps reappearing' });
}
