// Retention. With the clock past the agreed window (met_details_days), the details of met and expired needs, of a
// withdrawn offer and of closed threads, and the note on a settled fund request, are gone from the database *and* from
// its files on disk (the tables are rewritten and the old log segments deleted), while the figures the dashboard shows
// stay exactly as they were. An open need keeps its text, in the database and on disk.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildMember,
  buildPost,
  buildWorld,
  Client,
  foundNetwork,
  idFromRedirect,
  inADay,
  passHours,
  type TestWorld,
} from '../support/app.ts';
import { engine } from '../support/db.ts';
import { filesUnder, tempDir } from '../support/disk.ts';
import { formKey, makeFund, makeTreasurer } from '../support/fund.ts';
import { runJobs } from '../../src/jobs.ts';
import { dashboard } from '../../src/mutuality/queries.ts';
import { EXPIRED_TEXT } from '../../src/exchange/retention.ts';

const tmp = tempDir('kropotkin-retention-');
const dataDir = path.join(tmp, 'data');
let world: TestWorld;
let founder: Client;
afterAll(async () => {
  await world?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const word = (label: string) =>
  `rtn${label}${[...crypto.randomBytes(10)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;
const canary = { met: word('met'), expired: word('expired'), withdrawn: word('withdrawn'), open: word('open') };

/** The database's own files: the PGlite directory, or the PostgreSQL server's directory. */
function onDisk(needle: string): string[] {
  const root = engine === 'embedded' ? dataDir : process.env.TEST_PG_DIR;
  if (!root) throw new Error("TEST_PG_DIR is not set: tests/run.mjs names the PostgreSQL server's directory.");
  const hits: string[] = [];
  for (const [file, bytes] of filesUnder(root)) if (bytes.includes(needle)) hits.push(file.slice(root.length));
  return hits;
}

beforeAll(async () => {
  world = await buildWorld(engine === 'embedded' ? { dataDir } : {});
  founder = await foundNetwork(world);
  const res = await founder.post('/decisions', {
    title: 'Keep details two days',
    process: 'consent',
    closes_in: '24',
    agreement: 'met_details_days',
    agreement_value: '2',
  });
  expect(res.status).toBe(303);
  passHours(world, 25);
  await runJobs(world.deps);
}, 60_000);

describe(`retention of finished details (${engine})`, () => {
  let metNeed: string;
  let expiredNeed: string;
  let withdrawnOffer: string;
  let openNeed: string;
  let matchId: string;
  let request: string;

  it('keeps everything while the window lasts', async () => {
    const asker = await buildMember(world, { name: 'Asha' });
    const helper = await buildMember(world, { name: 'Hugo' });
    // A treasurer and a fund first: each decision takes a day.
    await makeTreasurer(world, founder, 'Ada');
    const fund = await makeFund(world, founder, 'Emergency', {
      limit: '150',
      days: '30',
      keep: '0',
      second_above: '100',
    });
    metNeed = await buildPost(asker, { what: `Groceries ${canary.met}`, category: 'groceries' });
    expiredNeed = await buildPost(asker, {
      what: `A lift ${canary.expired}`,
      category: 'rides',
      needed_by: inADay(world),
    });
    withdrawnOffer = await buildPost(helper, {
      kind: 'offer',
      what: `Spare bike ${canary.withdrawn}`,
      category: 'supplies',
      urgency: 'whenever',
    });
    openNeed = await buildPost(asker, { what: `Childcare ${canary.open}`, category: 'childcare', urgency: 'whenever' });
    matchId = idFromRedirect(await helper.post(`/posts/${metNeed}/respond`));
    expect((await helper.post(`/matches/${matchId}/messages`, { body: 'I can bring them Thursday' })).status).toBe(303);
    expect((await asker.post(`/matches/${matchId}/met`)).status).toBe(303);
    expect((await helper.post(`/posts/${withdrawnOffer}/withdraw`)).status).toBe(303);
    // A fund request with a note, paid.
    expect(
      (
        await founder.post('/fund/move', {
          key: await formKey(founder, '/fund/move'),
          kind: 'gift',
          fund,
          amount: '500',
          memo: 'Dinner',
        })
      ).status,
    ).toBe(303);
    request = idFromRedirect(
      await asker.post('/fund/ask', {
        key: await formKey(asker, '/fund/ask'),
        fund,
        amount: '20',
        note: 'Cash at the pantry',
      }),
    );
    expect(
      (
        await founder.post(`/fund/requests/${request}/pay`, {
          key: await formKey(founder, `/fund/requests/${request}`, `/fund/requests/${request}/pay`),
        })
      ).status,
    ).toBe(303);
    expect((await asker.post(`/fund/requests/${request}/received`)).status).toBe(303);

    passHours(world, 40); // the need with a date expires; the window (48 hours) has not passed for anything
    await runJobs(world.deps);
    const posts = await world.deps.db
      .selectFrom('posts')
      .select(['id', 'status', 'what'])
      .where('id', 'in', [metNeed, expiredNeed, withdrawnOffer])
      .execute();
    expect(Object.fromEntries(posts.map((p) => [p.id, p.status]))).toEqual({
      [metNeed]: 'met',
      [expiredNeed]: 'expired',
      [withdrawnOffer]: 'withdrawn',
    });
    expect(posts.every((p) => p.what !== EXPIRED_TEXT)).toBe(true);
    for (const c of Object.values(canary)) expect(onDisk(c).length, c).toBeGreaterThan(0);
  });

  it('past the window: the details are gone from the database and its files; the dashboard is unchanged; an open need keeps its text', async () => {
    passHours(world, 49);
    const at = world.now.value;
    const before = await dashboard(world.deps.db, at);
    await runJobs(world.deps);
    // A purge that found a table busy (autovacuum, a member's request) is tried again at the next run, a minute later.
    // On a shared server busy with other test files (the compatibility pass beside the browser pass) that can take a
    // while: once in CI the canary outlasted five runs.
    for (let i = 0; i < 15 && [canary.met, canary.expired, canary.withdrawn].some((c) => onDisk(c).length > 0); i++) {
      passHours(world, 0.02);
      await runJobs(world.deps);
    }
    expect(await dashboard(world.deps.db, at)).toEqual(before);

    const posts = await world.deps.db
      .selectFrom('posts')
      .select(['id', 'what', 'category', 'area', 'status', 'details_expired_at'])
      .where('id', 'in', [metNeed, expiredNeed, withdrawnOffer, openNeed])
      .execute();
    const byId = Object.fromEntries(posts.map((p) => [p.id, p]));
    for (const id of [metNeed, expiredNeed, withdrawnOffer]) {
      expect(byId[id]!.what).toBe(EXPIRED_TEXT);
      expect(byId[id]!.details_expired_at).not.toBeNull();
    }
    expect(byId[metNeed]).toMatchObject({ category: 'groceries', area: 'Eastside', status: 'met' });
    expect(byId[openNeed]!.what).toContain(canary.open);
    expect(await world.deps.db.selectFrom('messages').select('id').where('match_id', '=', matchId).execute()).toEqual(
      [],
    );
    expect(
      await world.deps.db
        .selectFrom('fund_requests')
        .select(['note_enc', 'amount', 'status'])
        .where('id', '=', request)
        .executeTakeFirstOrThrow(),
    ).toEqual({ note_enc: null, amount: 2000, status: 'paid' });

    for (const c of [canary.met, canary.expired, canary.withdrawn]) expect(onDisk(c), c).toEqual([]);
    expect(onDisk(canary.open).length).toBeGreaterThan(0); // the scan sees what is still there
  });
});
