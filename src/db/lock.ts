// The embedded database allows one process. A lock file in the data directory keeps a second one out.
import fs from 'node:fs';
import path from 'node:path';

export class DataLockedError extends Error {
  constructor(readonly pid: number) {
    super(`Kropotkin is already running on this data directory (process ${pid}).`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockPath(dataDir: string) {
  return path.join(dataDir, 'kropotkin.lock');
}

/** Holder of the lock, if a live process holds it. */
export function lockHolder(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(lockPath(dataDir), 'utf8'));
    return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : null;
  } catch {
    return null;
  }
}

export function acquireDataLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = lockPath(dataDir);
  const holder = lockHolder(dataDir);
  if (holder && holder !== process.pid) throw new DataLockedError(holder);
  fs.writeFileSync(file, String(process.pid), { mode: 0o600 });
  const release = () => {
    try {
      if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
    } catch {
      /* already gone */
    }
  };
  process.once('exit', release);
  return release;
}
