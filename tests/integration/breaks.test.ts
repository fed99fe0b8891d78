// Care for the carers: a member's own recent load, seen only by them; and taking a break — their offers stop being
// suggested, they are not asked to help when a matching need is posted, and no digest is mailed, until they say
// they are back. No reason is asked.
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestWorld, buildMember, buildPost, passHours, worldForFile } from '../support/app.ts';
import { engine } from '../support/db.ts';
import { memberIdOf } from '../support/fund.ts';
import { runJobs } from '../../src/jobs.ts';

const files = worldForFile();
let world: TestWorld;
let helper: Client;
let asker: Client;

beforeAll(async () => {
  world = files.world;
  helper = await buildMember(world, { name: 'Resting Rae', email: 'rae@example.org' });
  asker = await buildMember(world, { name: 'Asking Al' });
  await buildPost(helper, { kind: 'offer', what: 'Rides to the clinic in my car', category: 'rides' });
});

const suggested = async () => {
  const res = await asker.get('/api/suggestions?kind=need&what=ride%20to%20the%20clinic&category=rides');
  return JSON.stringify(await res.json());
};
const asked = async () =>
  Number(
    (
      await world.deps.db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('member_id', '=', await memberIdOf(world, 'Resting Rae'))
        .where('kind', '=', 'matching_need')
        .executeTakeFirstOrThrow()
    ).n,
  );

describe(`taking a break (${engine})`, () => {
  it('hides a member from suggestions and asks while on a break, and brings them back when they return', async () => {
    expect(await suggested()).toContain('Rides to the clinic');
    const page = await (await helper.get('/me')).text();
    expect(page).toContain('No explanation is owed.');
    const form = page.slice(
      page.indexOf('action="/me/break"'),
      page.indexOf('</form>', page.indexOf('action="/me/break"')),
    );
    expect(form).not.toMatch(/<(input|textarea|select)/); // nothing to fill in: no reason asked
    expect((await helper.post('/me/break')).status).toBe(303);
    expect(await (await helper.get('/me')).text()).toContain('You are taking a break');
    expect(await suggested()).not.toContain('Rides to the clinic');
    const before = await asked();
    await buildPost(asker, { what: 'A ride to the clinic on Friday', category: 'rides' });
    expect(await asked()).toBe(before); // not asked while resting
    passHours(world, 2);
    await runJobs(world.deps);
    expect(world.mails.filter((m) => m.to === 'rae@example.org' && !m.subject.startsWith('Confirm'))).toEqual([]);

    expect((await helper.post('/me/back')).status).toBe(303);
    expect(await suggested()).toContain('Rides to the clinic');
    await buildPost(asker, { what: 'A ride to the clinic next Monday', category: 'rides' });
    expect(await asked()).toBe(before + 1);
    passHours(world, 2);
    await runJobs(world.deps);
    expect(world.mails.filter((m) => m.to === 'rae@example.org' && !m.subject.startsWith('Confirm')).length).toBe(1);
  });

  it('shows each member their own recent load, and nobody else’s', async () => {
    const needId = await buildPost(asker, { what: 'Help carrying groceries upstairs', category: 'groceries' });
    expect((await helper.post(`/posts/${needId}/respond`)).status).toBe(303);
    const mine = await (await helper.get('/me')).text();
    expect(mine).toContain('Needs and offers you helped with: 1');
    expect(mine).toContain('Only you see this.');
    const theirs = await (await asker.get('/me')).text();
    expect(theirs).toContain('Needs and offers you helped with: 0');
    expect(theirs).toContain('Times others helped you: 1');
    // A match released (the helper stepped back) helped nobody: it leaves both counts.
    const matchId = (
      await world.deps.db.selectFrom('matches').select('id').where('need_id', '=', needId).executeTakeFirstOrThrow()
    ).id;
    expect((await helper.post(`/matches/${matchId}/release`)).status).toBe(303);
    expect(await (await helper.get('/me')).text()).toContain('Needs and offers you helped with: 0');
    expect(await (await asker.get('/me')).text()).toContain('Times others helped you: 0');
  });
});
