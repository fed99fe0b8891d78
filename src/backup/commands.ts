// What `kropotkin backup-key`, `kropotkin backup` and `kropotkin restore` do. The server writes backups itself when it
// is running on the embedded database (asked through the control socket), since only one process may open it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../core/config.ts';
import type { Db } from '../db/connect.ts';
import { dumpDatabase, readBackup, restoreDatabase, RestoreError, type RestoreSummary } from './dump.ts';
import { BackupKeyError, newBackupKeyPair, openBackup, sealBackup } from './seal.ts';
import type { Keys } from '../security/crypto.ts';

/** Makes the backup key pair: the public half goes to the backup key file, the restore key is returned to be shown once. */
export function makeBackupKey(config: Config, opts: { replace?: boolean } = {}): string {
  if (fs.existsSync(config.backupKeyFile) && !opts.replace) {
    throw new BackupKeyError(
      `${config.backupKeyFile} already exists. Backups made so far open only with its restore key; to start a new pair anyway, run: kropotkin backup-key --replace`,
    );
  }
  const pair = newBackupKeyPair();
  writeDurably(config.backupKeyFile, Buffer.from(pair.publicKey + '\n'), 0o644);
  return pair.restoreKey;
}

export function backupFileName(now: Date): string {
  return `kropotkin-${now.toISOString().slice(0, 19).replace(/:/g, '-')}Z.backup`;
}

/** Writes a sealed backup of the whole database and returns where it went. */
export async function writeBackup(
  config: Config,
  db: Db,
  keys: Keys,
  now: Date,
  out?: string,
): Promise<{ file: string; bytes: number }> {
  if (!fs.existsSync(config.backupKeyFile)) {
    throw new BackupKeyError(
      `There is no backup key yet (${config.backupKeyFile}). Make one first: kropotkin backup-key`,
    );
  }
  const file = path.resolve(out ?? path.join(config.backupDir, backupFileName(now)));
  if (!config.databaseUrl && !path.relative(config.dataDir, file).startsWith('..')) {
    throw new BackupKeyError(`Write backups outside the data directory ${config.dataDir}.`);
  }
  const sealed = sealBackup(fs.readFileSync(config.backupKeyFile, 'utf8'), await dumpDatabase(db, keys.master, now));
  writeDurably(file, sealed, 0o600);
  return { file, bytes: sealed.length };
}

/** Opens a backup and checks it before anything is touched: the right key, not damaged, a Kropotkin backup. */
export function openBackupFile(file: string, restoreKey: string) {
  if (!fs.existsSync(file)) throw new RestoreError(`There is no file ${file}.`);
  return readBackup(openBackup(restoreKey, fs.readFileSync(file)));
}

/**
 * Where the backup's master key goes on this machine: nowhere if this machine already has it, the key file if it has
 * none. A different key already in place stops the restore before anything changes, with what to do.
 */
function masterKeyPlacement(config: Config, masterKey: string): (() => void) | null {
  const key = Buffer.from(masterKey, 'base64');
  if (config.secretKey) {
    if (Buffer.from(config.secretKey, 'base64').equals(key)) return null;
    throw new RestoreError(
      "KROPOTKIN_SECRET_KEY is set to a different key than the backup's. Unset it, and restore will write the backup's key to the key file.",
    );
  }
  if (fs.existsSync(config.keyFile)) {
    if (Buffer.from(fs.readFileSync(config.keyFile, 'utf8').trim(), 'base64').equals(key)) return null;
    throw new RestoreError(
      `${config.keyFile} holds a different key than the backup's. On an empty machine it protects nothing yet: move it away and restore again.`,
    );
  }
  return () => writeDurably(config.keyFile, Buffer.from(key.toString('base64') + '\n'), 0o600);
}

export async function restoreBackup(config: Config, db: Db, file: string, restoreKey: string): Promise<RestoreSummary> {
  const contents = openBackupFile(file, restoreKey);
  const placeKey = masterKeyPlacement(config, contents.header.masterKey);
  const summary = await restoreDatabase(db, contents);
  placeKey?.();
  return summary;
}

/** Writes through a temporary file, fsyncs it and renames it into place, so a crash never leaves half a file. */
function writeDurably(file: string, data: Buffer, mode: number): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  const fd = fs.openSync(tmp, 'wx', mode);
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  const dir = fs.openSync(path.dirname(file), 'r');
  try {
    fs.fsyncSync(dir);
  } finally {
    fs.closeSync(dir);
  }
}
