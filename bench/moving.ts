// Moving in (issue 22): a busy network's 2,000-row Google Form export, as CSV and as .xlsx, previewed the way the
// pages do it — read (encoding, delimiter), mapping suggested, sealed and stored, then the dry run of every row with
// the members already here looked up — in the embedded database; the target is 10 s. Then the approved import carried
// out in one transaction, against a bare insert of the same members and posts (the baseline: no sealing, no checks).
import crypto from 'node:crypto';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import writeXlsxFile from 'write-excel-file/node';
import { readTable } from '../src/moving/read.ts';
import { suggestMapping } from '../src/moving/mapping.ts';
import { carryOutImports, importById, planImport, stageImport } from '../src/moving/commands.ts';
import { deriveKeys } from '../src/security/crypto.ts';
import { buildRegistry } from '../src/web/domain.ts';
import { domains } from '../src/domains.ts';
import { translator } from '../src/web/i18n/index.ts';
import { DEFAULT_CATEGORIES } from '../src/agreements/index.ts';
import type { Deps, Network } from '../src/web/context.ts';
import { freshDatabase } from '../tests/support/db.ts';
import { tempDir } from '../tests/support/disk.ts';
import { generatedRows, sheetRows, sheetsExport } from '../tests/support/sheets.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function movingBench(count = 2000, runs = 3) {
  const rows = generatedRows(count);
  const csv = new TextEncoder().encode(sheetsExport(rows));
  const xlsx = new Uint8Array(
    await writeXlsxFile(sheetRows(rows).map((r) => r.map((value) => ({ value })))).toBuffer(),
  );
  const network = {
    areas: ['Eastside', 'Riverside', 'Old Town', 'Downtown'],
    categories: [...DEFAULT_CATEGORIES],
    languages: ['en', 'es'],
    rootCauses: [],
    timeZone: 'UTC',
  } as unknown as Network;
  const t = translator('en', buildRegistry(domains).catalogs);
  const keys = deriveKeys(crypto.randomBytes(32));
  const now = new Date('2026-12-01T10:00:00Z');
  const { db, close } = await freshDatabase(tempDir('bench-moving'), () => now);
  try {
    const maker = await db
      .insertInto('members')
      .values({ display_name: 'Ada', language: 'en' })
      .returning('id')
      .executeTakeFirstOrThrow();
    let last = '';
    let plan: Awaited<ReturnType<typeof planImport>> | null = null;
    const preview = async (bytes: Uint8Array) => {
      const t0 = performance.now();
      const read = await readTable(bytes);
      if (!read.ok) throw new Error(read.error);
      const mapping = suggestMapping(read.table, network, t);
      const id = await stageImport(db, keys, {
        memberId: maker.id,
        fileName: 'responses',
        table: read.table,
        mapping,
        now,
      });
      const imp = (await importById(db, keys, id))!;
      plan = await planImport(db, keys, network, imp.table!, imp.mapping!, now);
      last = id;
      return performance.now() - t0;
    };
    const csvMs: number[] = [];
    const xlsxMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      xlsxMs.push(await preview(xlsx));
      csvMs.push(await preview(csv));
    }
    // The members approved the last one: carried out as the job does, in one transaction.
    await db.updateTable('imports').set({ approved_at: now }).where('id', '=', last).execute();
    const deps = { db, keys, network: async () => network, log: () => {} } as unknown as Deps;
    let t0 = performance.now();
    await carryOutImports(deps, now);
    const carryOutMs = performance.now() - t0;
    const done = await db.selectFrom('imports').select('outcome').where('id', '=', last).executeTakeFirstOrThrow();
    // The baseline: the same people and posts inserted bare.
    const people = plan!.people;
    t0 = performance.now();
    await db.transaction().execute(async (tx) => {
      const ids = await tx
        .insertInto('members')
        .values(people.map((p) => ({ display_name: p.name, language: p.language })))
        .returning('id')
        .execute();
      const posts = people.flatMap((p, i) =>
        p.posts.map((q) => ({
          kind: q.kind,
          member_id: ids[i]!.id,
          what: q.what,
          category: q.category,
          area: q.area,
          urgency: q.urgency,
        })),
      );
      for (let i = 0; i < posts.length; i += 500)
        await tx
          .insertInto('posts')
          .values(posts.slice(i, i + 500))
          .execute();
    });
    const bareMs = performance.now() - t0;
    return {
      rows: count,
      csvPreviewMs: median(csvMs),
      xlsxPreviewMs: median(xlsxMs),
      carryOutMs,
      bareInsertMs: bareMs,
      outcome: done.outcome,
    };
  } finally {
    await close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await movingBench(Number(process.argv[2] ?? 2000), Number(process.argv[3] ?? 3));
  const day = new Date().toISOString().slice(0, 10);
  fs.writeFileSync(
    new URL(`./results/moving-${day}.json`, import.meta.url),
    `${JSON.stringify({ at: new Date().toISOString(), ...result }, null, 2)}\n`,
  );
  console.log(result);
}
