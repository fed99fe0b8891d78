// The seizure drill. Through the app, members and activity carry unique canary strings in every private field:
// email addresses (and one changed in settings), thread messages with a street address and a phone number, a fund
// request's note and a role's handover note; a check-in is answered. Then every byte the server keeps on disk without
// the key is scanned — the database's files (the data directory, with the embedded server's files and its log, or
// the PostgreSQL server's directory and its log), a dump, the server's log lines, a backup, and the temp directory —
// for each canary as text and as hex. None may be found. Public canaries (post texts) must be found in the database's files: the scan sees the data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { sql } from 'kysely';
import { dumpDatabase } from '../../src/backup/dump.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type TestWorld } from '../support/app.ts';
import { engine } from '../support/db.ts';
import { populateWithCanaries, type Canaries } from '../support/canaries.ts';
import { filesUnder, tempDir } from '../support/disk.ts';
import { postgresBinDir } from '../support/postgres-server.mjs';
import { loadConfig } from '../../src/core/config.ts';
import { makeBackupKey, writeBackup } from '../../src/backup/commands.ts';
import { consoleMailer, showsMailOnConsole } from '../../src/mail/mailer.ts';

const started = Date.now();
const tmp = tempDir('kropotkin-seizure-');
const dataDir = path.join(tmp, 'data');
let world: TestWorld;
let canaries: Canaries;

beforeAll(async () => {
  world = await buildWorld(engine === 'embedded' ? { dataDir } : {});
  ({ canaries } = await populateWithCanaries(world));
  // Mail without SMTP on a real (https) deployment goes to the log: it must say nothing private.
  const print = (line: string) => void world.logs.push(line);
  const mailer = consoleMailer(print, { show: showsMailOnConsole('https://aid.example.org') });
  await mailer.send({
    to: `${canaries.secret.askerEmail}@example.org`,
    subject: 'Your sign-in link',
    text: 'https://aid.example.org/sign-in/link?token=x',
  });
  // A checkpoint, so table files (not only the write-ahead log) hold the rows.
  await sql`checkpoint`.execute(world.deps.db);
}, 120_000);

afterAll(async () => {
  await world?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Where each canary appears, as UTF-8 text or as hex (how a dump writes bytes). */
function scan(
  sources: Iterable<[string, Buffer]>,
  strings: Record<string, string>,
): { found: string[]; bytes: number } {
  const needles = Object.entries(strings).flatMap(
    ([k, v]) =>
      [
        [k, Buffer.from(v)],
        [`${k} (hex)`, Buffer.from(Buffer.from(v).toString('hex'))],
      ] as const,
  );
  const found: string[] = [];
  let bytes = 0;
  for (const [file, data] of sources) {
    bytes += data.length;
    for (const [k, n] of needles) if (data.includes(n)) found.push(`${k} in ${file}`);
  }
  return { found, bytes };
}

/** The database's own files: the data directory (the embedded server's, with its log), or the PostgreSQL server's. */
function databaseFiles(): [string, Buffer][] {
  if (engine === 'embedded') return [...filesUnder(dataDir)];
  const dir = process.env.TEST_PG_DIR;
  if (!dir)
    throw new Error("TEST_PG_DIR is not set: tests/run.mjs names the PostgreSQL server's directory for the drill.");
  return [...filesUnder(dir)];
}

describe(`the seizure drill (${engine})`, () => {
  it("finds no private canary in the database's files, and finds the public ones (the scan sees the data)", async () => {
    const db = databaseFiles();
    const secret = scan(db, canaries.secret);
    expect(secret.bytes).toBeGreaterThan(1_000_000);
    expect(secret.found).toEqual([]);
    expect(scan(db, canaries.public).found.length).toBeGreaterThan(0);
  });

  it('finds none in a database dump', async () => {
    let dump: Buffer;
    if (engine === 'postgresql') {
      const bin = postgresBinDir();
      if (!bin) throw new Error('pg_dump not found beside PostgreSQL');
      dump = execFileSync(path.join(bin, 'pg_dump'), ['--no-owner', world.url!], { maxBuffer: 1 << 28 });
    } else {
      // The embedded server ships no pg_dump: the same logical copy a backup seals (every table, as JSON text).
      dump = await dumpDatabase(world.deps.db, world.deps.keys.master, world.now.value);
    }
    expect(scan([['dump', dump]], canaries.public).found.length).toBeGreaterThan(0);
    expect(scan([['dump', dump]], canaries.secret).found).toEqual([]);
  });

  it("finds none in the server's log, a backup, or the temp directory", async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      KROPOTKIN_BACKUP_KEY_FILE: path.join(tmp, 'backup.pub'),
      KROPOTKIN_BACKUP_DIR: path.join(tmp, 'backups'),
      KROPOTKIN_DATA_DIR: dataDir,
    });
    makeBackupKey(config);
    const { file } = await writeBackup(config, world.deps.db, world.deps.keys, world.now.value);
    expect(world.logs.join('\n')).toContain('was not sent');
    const log: [string, Buffer] = ['log', Buffer.from(world.logs.join('\n'))];
    expect(scan([log, [file, fs.readFileSync(file)]], canaries.secret).found).toEqual([]);
    // Everything written to the temp directory since the drill began, other than the database itself (scanned above).
    const temp = filesUnder(
      os.tmpdir(),
      (p, stat) => stat.mtimeMs >= started - 1000 && !p.startsWith(dataDir) && stat.size < 256 * 1024 * 1024,
    );
    expect(scan(temp, canaries.secret).found).toEqual([]);
  });

  it('keeps check-in answers only as counts, apart from who answered', async () => {
    const cols = await sql<{
      table_name: string;
      column_name: string;
    }>`select table_name, column_name from information_schema.columns
      where table_schema = 'public' and table_name like 'checkin%' order by 1, 2`.execute(world.deps.db);
    const of = (t: string) => cols.rows.filter((r) => r.table_name === t).map((r) => r.column_name);
    expect(of('checkin_answered')).toEqual(['member_id', 'round_id']);
    expect(of('checkin_counts')).toEqual(['answer', 'n', 'round_id']);
    expect(of('checkin_pending')).toEqual(['answer', 'round_id']); // waiting to be counted with four others: no member, no time
    expect(
      (
        await sql<{ n: number }>`select ((select count(*) from checkin_pending where answer = 'struggling')
      + coalesce((select sum(n) from checkin_counts where answer = 'struggling'), 0))::int as n`.execute(world.deps.db)
      ).rows[0]!.n,
    ).toBe(1);
  });

  it('shows no private canary in what every member sees: display names and post texts', async () => {
    const visible = await sql<{
      t: string;
    }>`select display_name as t from members union all select what from posts`.execute(world.deps.db);
    expect(
      scan(
        visible.rows.map((r, i) => [`row ${i}`, Buffer.from(r.t)]),
        canaries.secret,
      ).found,
    ).toEqual([]);
  });
});
