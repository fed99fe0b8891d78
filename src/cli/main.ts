// The `kropotkin` command for hosts: start the server, run migrations, print an invite link.
import { own } from '../web/lookup.ts';
import { loadConfig, ConfigError } from '../core/config.ts';
import { boot } from '../boot.ts';
import { lockHolder, acquireDataLock } from '../db/lock.ts';
import { main as startMain } from '../server.ts';
import { askServer, cliInvite, cliPropose, type StatusReport } from './control.ts';
import { dbTarget } from '../boot.ts';
import { openDatabase } from '../db/connect.ts';
import { makeBackupKey, restoreBackup, writeBackup } from '../backup/commands.ts';
import { upgradeDatabase } from '../backup/upgrade.ts';
import { deriveKeys, loadMasterKey } from '../security/crypto.ts';
import fs from 'node:fs';
import path from 'node:path';

const usage = `Usage: kropotkin <command>

  start     serve Kropotkin (same as npm start)
  migrate   bring the database up to date and exit
  invite    print a fresh invite link for one person (works while the server runs, too) [--uses N: for up to N people]
  propose   open a proposal for the members to decide (the only way the host can ask for a change):
              kropotkin propose --title "Add bikes" --agreement categories --value "food
              rides
              bikes" [--process consent|consensus|majority] [--hours 24|48|72|168|336] [--text "why"]
  backup-key  make the key pair backups are sealed to; shows the restore key once, to keep away from this machine
              [--replace]
  backup    write a sealed backup of everything (works while the server runs, too) [--out FILE]
  restore   bring a backup back onto an empty machine (server stopped):
              kropotkin restore FILE --key-file RESTORE_KEY_FILE   (or the key in KROPOTKIN_RESTORE_KEY)
  upgrade-database  move a data directory made by an earlier Kropotkin (PGlite) to the current embedded database
              (server stopped; the old files are kept in data/pglite-before-upgrade/ until you delete them)
  status    how the running server's scheduled jobs are doing: when each last succeeded, and why one is failing
  help      show this
`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value.\n\n${usage}`);
  return value;
}

const PROPOSE_FLAGS: Record<string, string> = {
  '--title': 'title',
  '--text': 'body',
  '--process': 'process',
  '--hours': 'closes_in',
  '--agreement': 'agreement',
  '--value': 'agreement_value',
  '--options': 'options',
  '--quorum': 'quorum',
};

function proposeFields(args: string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const name = own(PROPOSE_FLAGS, args[i]!);
    if (!name || args[i + 1] === undefined) throw new Error(`Unknown or incomplete option: ${args[i]}\n\n${usage}`);
    fields[name] = args[i + 1]!;
  }
  return fields;
}

async function withDatabase<T>(fn: (deps: Awaited<ReturnType<typeof boot>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const release = config.databaseUrl ? () => {} : acquireDataLock(config.dataDir);
  const deps = await boot(config, { log: () => {} });
  try {
    return await fn(deps);
  } finally {
    await deps.db.destroy();
    release();
  }
}

export async function run(argv: string[]): Promise<number> {
  const command = argv[0] ?? 'help';
  try {
    switch (command) {
      case 'start':
        await startMain();
        return -1; // keeps running
      case 'migrate': {
        await withDatabase(async () => {});
        console.log('The database is up to date.');
        return 0;
      }
      case 'invite': {
        const config = loadConfig();
        const running = !config.databaseUrl && lockHolder(config.dataDir) !== null;
        const usesFlag = flag(argv.slice(1), '--uses');
        const uses = usesFlag === undefined ? 1 : Number(usesFlag);
        if (!Number.isInteger(uses) || uses < 1 || uses > 500) {
          console.error('--uses takes a whole number from 1 to 500.');
          return 2;
        }
        const result = running
          ? await askServer(config.dataDir, '/invite', { uses })
          : await withDatabase((deps) => cliInvite(deps, uses));
        if (result.error) {
          console.error(result.error);
          return 1;
        }
        const admits = uses === 1 ? 'one person' : `up to ${uses} people`;
        console.log(`Invite link for ${admits} (valid until ${result.expiresAt}):\n\n  ${result.url}\n`);
        if (result.note) console.log(result.note);
        return 0;
      }
      case 'propose': {
        const fields = proposeFields(argv.slice(1));
        const config = loadConfig();
        const running = !config.databaseUrl && lockHolder(config.dataDir) !== null;
        const result = running
          ? await askServer(config.dataDir, '/propose', fields)
          : await withDatabase((deps) => cliPropose(deps, fields));
        if (result.error) {
          console.error(result.error);
          return 1;
        }
        console.log(`Proposal opened for the members to decide:\n\n  ${result.url}\n`);
        return 0;
      }
      case 'backup-key': {
        const restoreKey = makeBackupKey(loadConfig(), { replace: argv.includes('--replace') });
        console.log(`Backups will be sealed to the public key in ${loadConfig().backupKeyFile}.

This is the restore key. It is shown only now and is the only way to open the backups. Keep it away from this
machine (a password manager, or on paper in two safe places); whoever holds it and a backup can read everything:

  ${restoreKey}
`);
        return 0;
      }
      case 'backup': {
        const config = loadConfig();
        const out = flag(argv, '--out');
        const running = !config.databaseUrl && lockHolder(config.dataDir) !== null;
        const result: Record<string, string> = running
          ? await askServer(config.dataDir, '/backup', { out: out ? path.resolve(out) : undefined })
          : await withDatabase(async (deps) => {
              const r = await writeBackup(config, deps.db, deps.keys, deps.clock(), out);
              return { file: r.file, bytes: String(r.bytes) };
            });
        if (result.error) {
          console.error(result.error);
          return 1;
        }
        console.log(
          `Backup written: ${result.file} (${result.bytes} bytes, sealed; it opens only with the restore key).`,
        );
        return 0;
      }
      case 'restore': {
        const config = loadConfig();
        const file = argv[1];
        if (!file || file.startsWith('--')) throw new Error(`Name the backup file.\n\n${usage}`);
        const keyFile = flag(argv, '--key-file');
        const restoreKey = keyFile ? fs.readFileSync(keyFile, 'utf8') : process.env.KROPOTKIN_RESTORE_KEY;
        if (!restoreKey) throw new Error('Give the restore key: --key-file FILE, or KROPOTKIN_RESTORE_KEY.');
        const release = config.databaseUrl ? () => {} : acquireDataLock(config.dataDir);
        const db = await openDatabase(dbTarget(config));
        try {
          const summary = await restoreBackup(config, db, file, restoreKey);
          const total = Object.values(summary.rows).reduce((s, n) => s + n, 0);
          console.log(
            `Restored the backup of ${summary.createdAt}: ${total} rows in ${Object.keys(summary.rows).length} tables; the ledger balances (${summary.ledgerEntries} entries). Start Kropotkin as usual.`,
          );
        } finally {
          await db.destroy();
          release();
        }
        return 0;
      }
      case 'upgrade-database': {
        const config = loadConfig();
        if (config.databaseUrl) {
          console.error('DATABASE_URL is set: this Kropotkin uses a PostgreSQL server, which needs no upgrade.');
          return 2;
        }
        const release = acquireDataLock(config.dataDir);
        try {
          const keys = deriveKeys(
            loadMasterKey({ keyFile: config.keyFile, secretKey: config.secretKey, dataDir: config.dataDir }),
          );
          const summary = await upgradeDatabase(config.dataDir, keys.master, new Date(), (l) => console.log(l));
          const total = Object.values(summary.rows).reduce((s, n) => s + n, 0);
          console.log(
            `The database was moved to the current engine: ${total} rows in ${Object.keys(summary.rows).length} tables; the ledger balances (${summary.ledgerEntries} entries).\nThe old files are in ${summary.aside}: delete them once Kropotkin runs well (they hold the same data, so keep them as safe as the rest).`,
          );
          return 0;
        } finally {
          release();
        }
      }
      case 'status': {
        const config = loadConfig();
        let report: StatusReport;
        if (!config.databaseUrl && lockHolder(config.dataDir) !== null) {
          report = (await askServer(config.dataDir, '/status')) as unknown as StatusReport;
        } else {
          // On a PostgreSQL server there is no control socket: the server's own /health (no error texts) says as much.
          const res = await fetch(`http://127.0.0.1:${config.port}/health`).catch(() => null);
          if (!res) {
            console.error('Kropotkin is not running here.');
            return 1;
          }
          report = (await res.json()) as StatusReport;
        }
        const failing = report.jobs.filter((j) => j.failuresInARow > 0);
        for (const j of report.jobs) {
          const state = j.failuresInARow > 0 ? 'FAILING' : 'ok     ';
          let detail = j.lastSuccess ? `last succeeded ${j.lastSuccess}` : 'has not succeeded since the start';
          if (j.failuresInARow > 0)
            detail += `; failed ${j.failuresInARow} times in a row${j.lastFailure ? `: ${j.lastFailure.message}` : ''}`;
          console.log(`${state}  ${j.name} (${detail})`);
        }
        return failing.length ? 1 : 0;
      }
      case 'help':
      case '--help':
      case '-h':
        console.log(usage);
        return 0;
      default:
        console.error(`Unknown command: ${command}\n\n${usage}`);
        return 2;
    }
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      return 2;
    }
    console.error((e as Error).message);
    return 1;
  }
}

const code = await run(process.argv.slice(2));
if (code >= 0) process.exit(code);
