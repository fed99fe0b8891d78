// `kropotkin upgrade-database`: moves a data directory from the earlier embedded engine (PGlite) to the embedded
// PostgreSQL server (ADR 020). The old database is read, never written: its rows are copied with the backup's own
// logical copy (backup/dump.ts, checked row by row and the ledger balanced), its files are moved aside into
// `<data>/pglite-before-upgrade/`, and if anything fails they are put back as they were.
import fs from 'node:fs';
import path from 'node:path';
import { dumpDatabase, readBackup, restoreDatabase, type RestoreSummary } from './dump.ts';
import { openDatabase } from '../db/connect.ts';
import { holdsOldEngine, layout } from '../db/embedded.ts';
import { openPglite } from '../db/pglite/open.ts';

export const ASIDE = 'pglite-before-upgrade';

export class NothingToUpgradeError extends Error {}

/** The caller holds the data lock. */
export async function upgradeDatabase(
  dataDir: string,
  masterKey: Buffer,
  now: Date,
  log: (line: string) => void,
): Promise<RestoreSummary & { aside: string }> {
  dataDir = path.resolve(dataDir);
  if (!holdsOldEngine(dataDir))
    throw new NothingToUpgradeError(`${dataDir} holds no database of the earlier engine: there is nothing to upgrade.`);
  log('Reading the old database…');
  const old = await openPglite(dataDir);
  let copy: Buffer;
  try {
    copy = await dumpDatabase(old, masterKey, now);
  } finally {
    await old.destroy();
  }
  const contents = readBackup(copy);
  const aside = path.join(dataDir, ASIDE);
  if (fs.existsSync(aside))
    throw new Error(`${aside} is already there (an earlier upgrade's?): move it away first. Nothing was changed.`);
  // Everything of the old engine's goes aside; the lock file and the control socket stay.
  const keep = new Set(['kropotkin.lock', 'control.sock', ASIDE]);
  const moved = fs.readdirSync(dataDir).filter((n) => !keep.has(n));
  fs.mkdirSync(aside, { mode: 0o700 });
  for (const n of moved) fs.renameSync(path.join(dataDir, n), path.join(aside, n));
  const putBack = () => {
    const where = layout(dataDir);
    for (const p of [where.pgdata, where.run, where.password, where.log])
      fs.rmSync(p, { recursive: true, force: true });
    for (const n of moved) fs.renameSync(path.join(aside, n), path.join(dataDir, n));
    fs.rmdirSync(aside);
  };
  try {
    log('Starting the new database and copying every table into it…');
    const db = await openDatabase({ dataDir });
    try {
      const summary = await restoreDatabase(db, contents);
      return { ...summary, aside };
    } finally {
      await db.destroy();
    }
  } catch (e) {
    putBack();
    throw e;
  }
}
