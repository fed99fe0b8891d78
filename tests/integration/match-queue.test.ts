// Helpers hear of a new need just after it is posted (the member posting does not wait for the search), and a need
// a crash or restart left queued is matched by the scheduled jobs: the queue row is written with the need.
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestWorld, buildMember, buildPost, worldForFile } from '../support/app.ts';
import { engine } from '../support/db.ts';
import { memberIdOf } from '../support/fund.ts';
import { runJobs } from '../../src/jobs.ts';
import { createPost } from '../../src/exchange/commands.ts';

const files = worldForFile();
let world: TestWorld;
let helper: Client;
let asker: Client;
const told = async () =>
  (
    await world.deps.db
      .selectFrom('notifications')
      .select('subject as post_id')
      .where('member_id', '=', await memberIdOf(world, 'Helpful Hal'))
      .where('kind', '=', 'matching_need')
      .execute()
  ).map((n) => n.post_id);

beforeAll(async () => {
  world = files.world;
  helper = await buildMember(world, { name: 'Helpful Hal' });
  asker = await buildMember(world, { name: 'Asking Ann' });
  await buildPost(helper, { kind: 'offer', what: 'Rides to the clinic in my van', category: 'rides' });
});

describe(`matching new needs (${engine})`, () => {
  it('tells members with a fitting offer just after a need is posted, and empties the queue', async () => {
    const need = await buildPost(asker, { what: 'A ride to the clinic on Thursday', category: 'rides' });
    expect(await told()).toContain(need);
    expect(await world.deps.db.selectFrom('match_queue').selectAll().execute()).toEqual([]);
  });

  it('takes the news back when the need goes: withdrawn, nobody is sent to help with it', async () => {
    const need = await buildPost(asker, { what: 'A ride to the dentist on Friday', category: 'rides' });
    expect(await told()).toContain(need);
    expect((await asker.post(`/posts/${need}/withdraw`)).status).toBe(303);
    expect(await told()).not.toContain(need);
  });

  it('matches a need left queued (as after a crash) when the scheduled jobs run', async () => {
    const need = await createPost(
      world.deps.db,
      await memberIdOf(world, 'Asking Ann'),
      'en',
      {
        kind: 'need',
        what: 'A ride to the pharmacy',
        category: 'rides',
        area: 'Eastside',
        urgency: 'soon',
        needed_by: undefined,
        available_until: undefined,
        capacity: undefined,
        takes: undefined,
      },
      world.now.value,
    );
    expect(await told()).not.toContain(need);
    expect(await world.deps.db.selectFrom('match_queue').select('post_id').execute()).toEqual([{ post_id: need }]);
    await runJobs(world.deps);
    expect(await told()).toContain(need);
    expect(await world.deps.db.selectFrom('match_queue').selectAll().execute()).toEqual([]);
  });
});

describe(`the board in pages (${engine})`, () => {
  it('shows fifty posts a page, with a link to the next keeping the filters', async () => {
    // Three members share the posting: each stays within the daily limit of posts.
    const posters = [
      helper,
      await buildMember(world, { name: 'Coat giver 2' }),
      await buildMember(world, { name: 'Coat giver 3' }),
    ];
    for (let i = 0; i < 52; i++)
      await buildPost(posters[i % 3]!, {
        kind: 'offer',
        what: `Spare winter coat number ${i}`,
        category: 'supplies',
        confirm_duplicate: 'yes',
      });
    const first = await (await asker.get('/board?category=supplies')).text();
    expect(first.match(/class="card offer"/g)).toHaveLength(50);
    expect(first).toContain('href="/board?category=supplies&amp;page=2"');
    const second = await (await asker.get('/board?category=supplies&page=2')).text();
    expect(second.match(/class="card offer"/g)).toHaveLength(2);
    expect(second).toContain('href="/board?category=supplies"');
    expect((await asker.get('/board?page=junk')).status).toBe(200);
  });
});
