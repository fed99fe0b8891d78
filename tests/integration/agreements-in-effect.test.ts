// Agreements that take effect by themselves once decided: who may join (invites that need a second) and how long
// details of finished needs are kept.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  type TestWorld,
  buildMember,
  buildPost,
  idFromRedirect,
  passHours,
  worldForFile,
} from '../support/app.ts';
import { engine } from '../support/db.ts';
import { runJobs } from '../../src/jobs.ts';

const files = worldForFile();
let world: TestWorld;
beforeAll(() => {
  world = files.world;
});

async function decide(agreement: string, value: string) {
  const res = await files.founder.post('/decisions', {
    title: `Change ${agreement}`,
    process: 'consent',
    closes_in: '24',
    agreement,
    agreement_value: value,
  });
  expect(res.status).toBe(303);
  passHours(world, 25);
  await runJobs(world.deps);
}

describe(`agreements in effect (${engine})`, () => {
  it('makes invite links wait for a second member once the network decides so', async () => {
    const helper = await buildMember(world);
    await decide('join_mode', 'seconded');
    const made = await (await files.founder.post('/invites')).text();
    expect(made).toContain('this link works once another member seconds it');
    const link = made.match(/href="(http:\/\/localhost:3000\/join\/[\w-]+)"/)![1]!;
    const path = new URL(link).pathname;
    const newcomer = new Client(world);
    const waiting = await newcomer.get(path);
    expect(waiting.status).toBe(410);
    expect(await waiting.text()).toContain('works once a second member seconds it');
    const page = await (await files.founder.get('/invites')).text();
    expect(page).not.toContain('Second this invite'); // not one's own
    const list = await (await helper.get('/invites')).text();
    const action = list.match(/action="(\/invites\/[0-9a-f-]{36}\/second)"/)![1]!;
    expect((await helper.post(action)).status).toBe(303);
    expect((await newcomer.get(path)).status).toBe(200);
    const joined = await newcomer.post(path, { display_name: 'New neighbour', language: 'en' });
    expect(joined.status).toBe(303);
  });

  it('expires the text and thread of finished needs after the agreed number of days', async () => {
    await decide('met_details_days', '2');
    const asker = await buildMember(world);
    const helper = await buildMember(world);
    const needId = await buildPost(asker, { what: 'Groceries for my grandmother this week', category: 'groceries' });
    const res = await helper.post(`/posts/${needId}/respond`);
    const matchId = idFromRedirect(res);
    await helper.post(`/matches/${matchId}/messages`, { body: 'I can bring them Thursday' });
    await asker.post(`/matches/${matchId}/met`);
    passHours(world, 24);
    await runJobs(world.deps);
    expect(await (await asker.get(`/posts/${needId}`)).text()).toContain('Groceries for my grandmother');
    passHours(world, 25);
    await runJobs(world.deps);
    const page = await (await asker.get(`/posts/${needId}`)).text();
    expect(page).not.toContain('grandmother');
    expect(page).toContain('Details expired, as the network agreed');
    const messages = await world.deps.db.selectFrom('messages').select('id').where('match_id', '=', matchId).execute();
    expect(messages).toHaveLength(0);
    const post = await world.deps.db
      .selectFrom('posts')
      .select(['category', 'status'])
      .where('id', '=', needId)
      .executeTakeFirstOrThrow();
    expect(post).toEqual({ category: 'groceries', status: 'met' });
  });
});
