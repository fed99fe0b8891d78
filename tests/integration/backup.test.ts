// Backups a host can trust: a sealed backup of a whole network, restored onto an empty machine (a new database and
// no key file), holds every row as it was, the ledger still balances, and the restored network works — members'
// sealed contact details and messages open with the key the backup carried. A wrong key, a changed byte, a database
// that already holds a network and a backup from a newer Kropotkin are refused with plain words, changing nothing.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { buildWorld, Client, type TestWorld } from '../support/app.ts';
import { engine, freshDatabase } from '../support/db.ts';
import { populateWithCanaries } from '../support/canaries.ts';
import { expectLedgerSound } from '../support/fund.ts';
import { generateHistory } from '../support/history.ts';
import { loadConfig, type Config } from '../../src/core/config.ts';
import type { Db } from '../../src/db/connect.ts';
import { openDatabase } from '../../src/db/connect.ts';
import { makeBackupKey, restoreBackup, writeBackup } from '../../src/backup/commands.ts';
import { dumpDatabase, readBackup, restoreDatabase } from '../../src/backup/dump.ts';
import { openBackup, sealBackup } from '../../src/backup/seal.ts';
import { decrypt, deriveKeys, loadMasterKey } from '../../src/security/crypto.ts';
import { messagePurpose } from '../../src/exchange/queries.ts';
import { createApp } from '../../src/app.ts';
import { startServer } from '../../src/server.ts';
import { tempDir } from '../support/disk.ts';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');
const tmp = tempDir('kropotkin-backup-');
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of closers.reverse()) await c();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A machine: its own directory for the key file, the backup key and the backups. */
function machine(name: string, over: Record<string, string> = {}): Config {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  return loadConfig({
    NODE_ENV: 'test',
    KROPOTKIN_DATA_DIR: path.join(dir, 'data'),
    KROPOTKIN_KEY_FILE: path.join(dir, 'kropotkin.key'),
    KROPOTKIN_BACKUP_KEY_FILE: path.join(dir, 'backup.pub'),
    KROPOTKIN_BACKUP_DIR: path.join(dir, 'backups'),
    ...over,
  });
}

/** Every table's rows, in a fixed order, as the database writes them. */
async function contents(db: Db): Promise<Record<string, string>> {
  const tables = await sql<{ t: string }>`select table_name as t from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('schema_migrations', 'auth_challenges', 'sign_in_tokens') order by 1`.execute(
    db,
  );
  const out: Record<string, string> = {};
  for (const { t } of tables.rows) {
    out[t] = (
      await sql<{
        j: string;
      }>`select coalesce(json_agg(x order by x::text), '[]')::text as j from ${sql.table(t)} x`.execute(db)
    ).rows[0]!.j;
  }
  return out;
}

/** New rows continue after the restored ones: every sequence is past its column's largest id. Returns the ids seen. */
async function expectSequencesPast(db: Db): Promise<number> {
  let seen = 0;
  for (const t of ['ledger_entries', 'safety_log', 'agreements', 'fund_rules']) {
    const r = await sql<{
      next: number;
      max: number | null;
    }>`select nextval(pg_get_serial_sequence(${t}, 'id'))::int as next,
      (select max(id) from ${sql.table(t)})::int as max`.execute(db);
    expect(r.rows[0]!.next).toBeGreaterThan(r.rows[0]!.max ?? 0);
    seen += r.rows[0]!.max ?? 0;
  }
  return seen;
}

async function emptyDatabase(): Promise<Db> {
  const fresh = await freshDatabase();
  closers.push(fresh.close);
  return fresh.db;
}

describe(`backup and restore (${engine})`, () => {
  let world: TestWorld;

  it('round-trips a network made through the app onto an empty machine: every row, the ledger, and the sealed fields open', async () => {
    world = await buildWorld();
    closers.push(world.close);
    const { canaries } = await populateWithCanaries(world);

    const here = machine('source');
    const restoreKey = makeBackupKey(here);
    const { file } = await writeBackup(here, world.deps.db, world.deps.keys, world.now.value);
    expect(path.dirname(file)).toBe(here.backupDir);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    // Sealed: none of the network's words, public or private, is readable in the file.
    const bytes = fs.readFileSync(file);
    for (const c of [...Object.values(canaries.secret), ...Object.values(canaries.public), 'Eastside Mutual Aid'])
      expect(bytes.includes(c)).toBe(false);

    const there = machine('target');
    const target = await emptyDatabase();
    const summary = await restoreBackup(there, target, file, restoreKey);
    expect(summary.ledgerEntries).toBeGreaterThanOrEqual(2);
    expect(await contents(target)).toEqual(await contents(world.deps.db));
    await expectLedgerSound(target);
    expect(await expectSequencesPast(target)).toBeGreaterThan(0);

    // The key came along: the restored machine opens the messages, and a member can sign in by email.
    const keys = deriveKeys(loadMasterKey({ keyFile: there.keyFile }));
    expect(fs.statSync(there.keyFile).mode & 0o077).toBe(0);
    const message = await target
      .selectFrom('messages')
      .select(['match_id', 'body_enc'])
      .orderBy('created_at')
      .executeTakeFirstOrThrow();
    expect(decrypt(keys, messagePurpose(message.match_id), message.body_enc)).toContain(canaries.secret.street);
    const mails: { to: string; text: string }[] = [];
    const restored = {
      ...world,
      deps: {
        ...world.deps,
        db: target,
        keys,
        mailer: { kind: 'console' as const, send: async (m: { to: string; text: string }) => void mails.push(m) },
      },
    } as TestWorld;
    restored.app = createApp(restored.deps);
    const visitor = new Client(restored);
    expect(
      (await visitor.post('/sign-in/email', { email: `${canaries.secret.askerEmail}@example.org` })).status,
    ).toBeLessThan(400);
    expect(mails.map((m) => m.to)).toEqual([`${canaries.secret.askerEmail}@example.org`]);
  });

  it('round-trips a generated history of 300 members and six months', async () => {
    const big = await buildWorld();
    closers.push(big.close);
    await generateHistory(big.deps.db, big.now.value, { size: 300, months: 6 });
    const here = machine('history-source');
    const restoreKey = makeBackupKey(here);
    const { file } = await writeBackup(here, big.deps.db, big.deps.keys, big.now.value);
    const target = await emptyDatabase();
    await restoreBackup(machine('history-target'), target, file, restoreKey);
    const [a, b] = [await contents(big.deps.db), await contents(target)];
    expect(JSON.parse(a.members!).length).toBeGreaterThanOrEqual(300);
    expect(b).toEqual(a);
    await expectSequencesPast(target);
  });

  it('refuses a wrong key, a changed byte, a database that holds a network and a backup from a newer Kropotkin, changing nothing', async () => {
    const here = machine('refusals');
    const rightKey = makeBackupKey(here);
    expect(() => makeBackupKey(here)).toThrow(/already exists/);
    const { file } = await writeBackup(here, world.deps.db, world.deps.keys, world.now.value);
    const otherKey = makeBackupKey(machine('elsewhere'));
    const target = await emptyDatabase();
    const there = machine('refusals-target');
    await expect(restoreBackup(there, target, file, otherKey)).rejects.toThrow(/different backup key/);
    await expect(restoreBackup(there, target, file, 'not a key')).rejects.toThrow(/not a Kropotkin restore key/);
    const changed = Buffer.from(fs.readFileSync(file));
    changed[changed.length - 10]! ^= 1;
    fs.writeFileSync(path.join(tmp, 'changed.backup'), changed);
    await expect(restoreBackup(there, target, path.join(tmp, 'changed.backup'), rightKey)).rejects.toThrow(
      /damaged or was changed/,
    );
    fs.writeFileSync(path.join(tmp, 'text.backup'), 'hello');
    await expect(restoreBackup(there, target, path.join(tmp, 'text.backup'), rightKey)).rejects.toThrow(
      /not a Kropotkin backup/,
    );
    expect(fs.existsSync(there.keyFile)).toBe(false);
    expect((await contents(target)).members).toBe('[]');

    // Into the source itself (it holds a network): refused, and nothing in it changed.
    const sameMachine = machine('refusals-same', { KROPOTKIN_SECRET_KEY: world.deps.keys.master.toString('base64') });
    const before = await contents(world.deps.db);
    await expect(restoreBackup(sameMachine, world.deps.db, file, rightKey)).rejects.toThrow(/already holds a network/);
    expect(await contents(world.deps.db)).toEqual(before);

    // A machine with its own, different key keeps it and is told what to do.
    const keyed = machine('refusals-keyed');
    fs.writeFileSync(keyed.keyFile, Buffer.alloc(32, 7).toString('base64'));
    await expect(restoreBackup(keyed, target, file, rightKey)).rejects.toThrow(/holds a different key/);

    // A backup from a newer Kropotkin (a migration this code does not know).
    const plain = readBackup(openBackup(rightKey, fs.readFileSync(file)));
    const newer = { ...plain, header: { ...plain.header, migrations: [...plain.header.migrations, '999_future'] } };
    await expect(restoreDatabase(target, newer)).rejects.toThrow(/newer Kropotkin/);
    expect((await contents(target)).members).toBe('[]');
    // And the seal binds the whole file: the dump sealed again opens the same.
    const again = sealBackup(
      fs.readFileSync(here.backupKeyFile, 'utf8'),
      await dumpDatabase(world.deps.db, world.deps.keys.master, world.now.value),
    );
    expect(readBackup(openBackup(rightKey, again)).header.tables.length).toBe(plain.header.tables.length);
  });

  it('works as commands: kropotkin backup-key, backup and restore, onto a machine with no key and no database', async () => {
    const here = machine('cli-source');
    const dataDir = path.join(tmp, 'cli-source', 'data');
    const src = await buildWorld(engine === 'embedded' ? { dataDir } : {});
    await populateWithCanaries(src);
    let expected = await contents(src.deps.db);
    const env = (config: Config, url?: string) => ({
      ...process.env,
      NODE_ENV: 'test',
      KROPOTKIN_DATA_DIR: config.dataDir,
      KROPOTKIN_KEY_FILE: config.keyFile,
      KROPOTKIN_BACKUP_KEY_FILE: config.backupKeyFile,
      KROPOTKIN_BACKUP_DIR: config.backupDir,
      KROPOTKIN_SECRET_KEY: '',
      DATABASE_URL: url ?? '',
    });
    // Not spawnSync: the server answering the command runs in this process.
    const cli = (args: string[], e: NodeJS.ProcessEnv) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          ['--import', require.resolve('tsx'), path.join(root, 'src/cli/main.ts'), ...args],
          { env: e, cwd: tmp },
        );
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (status) => resolve({ status, stdout, stderr }));
      });
    fs.writeFileSync(here.keyFile, src.deps.keys.master.toString('base64'));
    const sourceUrl = src.url;
    if (engine === 'embedded') await src.deps.db.destroy();

    const made = await cli(['backup-key'], env(here, sourceUrl));
    expect(made.status, made.stderr).toBe(0);
    const restoreKey = made.stdout.match(/^ {2}(\S{40,})$/m)![1]!;
    // On the embedded database the server holds it, so the command asks the running server to write the backup.
    const running =
      engine === 'embedded'
        ? await startServer({ ...here, host: '127.0.0.1', port: 0 }, { log: () => {}, jobsEveryMs: 3_600_000 })
        : null;
    await running?.runJobs(); // the jobs a start runs are done before the backup
    const backup = await cli(['backup', '--out', path.join(tmp, 'cli.backup')], env(here, sourceUrl));
    // `kropotkin status` asks the running server how its scheduled jobs are doing.
    const status = running ? await cli(['status'], env(here, sourceUrl)) : null;
    await running?.close();
    if (status) {
      expect(status.status, status.stderr).toBe(0);
      expect(status.stdout).toMatch(/^ok +close due proposals \(last succeeded 20\d\d-/m);
    }
    if (running) {
      const again = await openDatabase({ dataDir });
      expected = await contents(again);
      await again.destroy();
    }
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toContain('Backup written');

    const there = machine('cli-target');
    const targetUrl =
      engine === 'postgresql'
        ? await (async () => {
            const f = await freshDatabase();
            closers.push(f.close);
            return f.url!;
          })()
        : undefined;
    fs.writeFileSync(path.join(tmp, 'restore.key'), restoreKey + '\n');
    const restore = await cli(
      ['restore', path.join(tmp, 'cli.backup'), '--key-file', path.join(tmp, 'restore.key')],
      env(there, targetUrl),
    );
    expect(restore.status, restore.stderr + restore.stdout).toBe(0);
    expect(restore.stdout).toContain('the ledger balances');
    const again = await cli(
      ['restore', path.join(tmp, 'cli.backup'), '--key-file', path.join(tmp, 'restore.key')],
      env(there, targetUrl),
    );
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already holds a network');

    const restored = await openDatabase(targetUrl ? { databaseUrl: targetUrl } : { dataDir: there.dataDir });
    try {
      expect(await contents(restored)).toEqual(expected);
    } finally {
      await restored.destroy();
    }
    expect(fs.readFileSync(there.keyFile, 'utf8').trim()).toBe(src.deps.keys.master.toString('base64'));
    if (engine === 'postgresql') await src.close();
  }, 180_000); // five commands, each a fresh process with its own start-up
});
