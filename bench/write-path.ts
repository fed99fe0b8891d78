// Write path: "post a need" end to end — the form through the app (validation, the duplicate check, storage, the
// matching query, notifications queued for fitting offers) — against a bare insert of the same row through the same
// driver, on the durable embedded database or on PostgreSQL. Both sequential, one at a time, interleaved in blocks so
// the disk's mood hits both alike. Reported as requests per second and their ratio.
import fs from 'node:fs';
import { sql } from 'kysely';
import path from 'node:path';
import { createApp } from '../src/app.ts';
import { boot } from '../src/boot.ts';
import { loadConfig } from '../src/core/config.ts';
import { setFoundingToken } from '../src/agreements/queries.ts';
import { hashToken, newToken } from '../src/security/tokens.ts';
import { createPost } from '../src/exchange/commands.ts';
import { registry } from '../src/domains.ts';
import { passNow } from '../tests/support/fund-world.ts';
import { searchConfig } from '../src/web/i18n/index.ts';
import { postForm, prng } from './support.ts';
import { tempDir } from '../tests/support/disk.ts';

export type WritePath = {
  engine: 'embedded' | 'postgresql';
  postNeedPerSec: number;
  bareInsertPerSec: number;
  ratio: number;
  background: number;
};

export async function writePath(opts: {
  background: number;
  requests: number;
  databaseUrl?: string | undefined;
}): Promise<WritePath> {
  const dir = tempDir('kropotkin-bench-write-');
  const config = loadConfig({
    NODE_ENV: 'production',
    KROPOTKIN_DATA_DIR: path.join(dir, 'data'),
    KROPOTKIN_KEY_FILE: path.join(dir, 'key'),
    PUBLIC_URL: 'http://localhost:3000',
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
  });
  const deps = await boot(config, { log: () => {}, mailer: { kind: 'console', send: async () => {} } });
  const app = createApp(deps);
  const { db } = deps;
  try {
    const token = newToken();
    await setFoundingToken(db, hashToken(token));
    const origin = 'http://localhost:3000';
    const founded = await app.request(`${origin}/found`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
      body: new URLSearchParams({
        token,
        network_name: 'Bench',
        areas: 'Eastside\nRiverside\nOld Town\nHillcrest',
        languages: 'en',
        founder_name: 'Ada',
        founder_language: 'en',
        founder_email: '',
      }),
    });
    if (founded.status !== 303) throw new Error(`founding failed: ${founded.status}`);
    const cookie = founded.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const founder = (
      await db.selectFrom('members').select('id').where('display_name', '=', 'Ada').executeTakeFirstOrThrow()
    ).id;
    // Members post hundreds of needs here (the background, then the founder): the members' decision raises the
    // daily limits first.
    for (const key of registry.agreements.filter((a) => a.daily).map((a) => a.key))
      await passNow(db, founder, 'agreement', { type: 'set_agreement', key, value: 1000 });
    const r = prng(7);
    // Other members' open needs and offers, for matching to search.
    const others: string[] = [];
    for (let i = 0; i < 50; i++) {
      others.push(
        (
          await db
            .insertInto('members')
            .values({ display_name: `m${i}`, language: 'en' })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
    }
    for (let i = 0; i < opts.background; i++) {
      const f = postForm(r, i % 2 ? 'offer' : 'need');
      await createPost(
        db,
        others[i % others.length]!,
        'en',
        {
          ...f,
          urgency: f.urgency as 'soon',
          needed_by: undefined,
          available_until: undefined,
          capacity: undefined,
          takes: undefined,
        },
        new Date(),
      );
    }
    // The planner's statistics as autovacuum keeps them on a network that grew over weeks (it analyses a table
    // within a minute of it growing by a tenth; here it grew by thousands of rows in seconds).
    await sql`analyze`.execute(db);
    const headers = { 'content-type': 'application/x-www-form-urlencoded', origin, cookie };
    let postMs = 0;
    let bareMs = 0;
    const blocks = 4;
    const per = Math.max(1, Math.round(opts.requests / blocks));
    for (let b = 0; b < blocks; b++) {
      let t = performance.now();
      for (let i = 0; i < per; i++) {
        const f = postForm(r, 'need');
        await db
          .insertInto('posts')
          .values({
            kind: 'need',
            member_id: founder,
            what: f.what,
            category: f.category,
            area: f.area,
            urgency: f.urgency as 'soon',
            search_config: searchConfig('en'),
          })
          .execute();
      }
      bareMs += performance.now() - t;
      t = performance.now();
      for (let i = 0; i < per; i++) {
        const res = await app.request(`${origin}/posts`, {
          method: 'POST',
          headers,
          body: new URLSearchParams(postForm(r, 'need')),
        });
        if (res.status !== 303)
          throw new Error(`posting a need answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
      }
      postMs += performance.now() - t;
    }
    const n = per * blocks;
    const postNeedPerSec = (n / postMs) * 1000;
    const bareInsertPerSec = (n / bareMs) * 1000;
    return {
      engine: opts.databaseUrl ? 'postgresql' : 'embedded',
      postNeedPerSec,
      bareInsertPerSec,
      ratio: postNeedPerSec / bareInsertPerSec,
      background: opts.background,
    };
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
