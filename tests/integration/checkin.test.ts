// The check-in: every few weeks by agreement, one question to every member not on a break; each answer only ever
// adds one to a count — nothing links a member to what they answered — and fewer than five answers show nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { type Client, type TestWorld, buildMember, passHours, worldForFile } from '../support/app.ts';
import { engine } from '../support/db.ts';
import { runJobs } from '../../src/jobs.ts';
import { openCheckinIfDue } from '../../src/mutuality/checkin.ts';

const files = worldForFile();
let world: TestWorld;
let founder: Client;
const others: Client[] = [];

beforeAll(async () => {
  world = files.world;
  founder = files.founder;
  for (let i = 0; i < 5; i++) others.push(await buildMember(world, { name: `Checker ${i}` }));
  expect((await others[4]!.post('/me/break')).status).toBe(303);
});

const asked = async () =>
  (await world.deps.db.selectFrom('notifications').select('member_id').where('kind', '=', 'checkin').execute()).length;

describe(`the check-in (${engine})`, () => {
  it('asks everyone not on a break once the agreed weeks have passed, and not before', async () => {
    await runJobs(world.deps);
    expect(await asked()).toBe(0);
    expect(await (await founder.get('/checkin')).text()).toContain('There is no check-in open just now.');
    passHours(world, 4 * 7 * 24 + 1);
    await runJobs(world.deps);
    await runJobs(world.deps);
    expect(await asked()).toBe(5); // the founder and four members; the one resting is not asked
    expect(await (await others[0]!.get('/notifications')).text()).toContain('How are you holding up?');
  });

  it('counts answers without keeping who answered what, once per member, beside the field when none is chosen', async () => {
    const none = await founder.post('/checkin', {});
    expect(none.status).toBe(422);
    expect(await none.text()).toContain('Please choose one.');
    expect((await founder.post('/checkin', { answer: 'stretched' })).status).toBe(303);
    expect(await (await founder.get('/checkin')).text()).toContain('Your answer is counted.');
    expect((await founder.post('/checkin', { answer: 'well' })).status).toBe(409);
    // The only tables a check-in writes: who answered (no answer), the answer waiting (no member, no time), counts.
    const answered = await sql<Record<string, unknown>>`select * from checkin_answered`.execute(world.deps.db);
    expect(Object.keys(answered.rows[0]!).sort()).toEqual(['member_id', 'round_id']);
    const pending = await sql<Record<string, unknown>>`select * from checkin_pending`.execute(world.deps.db);
    expect(Object.keys(pending.rows[0]!).sort()).toEqual(['answer', 'round_id']);
    const counts = await sql<Record<string, unknown>>`select * from checkin_counts`.execute(world.deps.db);
    expect(Object.keys(counts.rows[0]!).sort()).toEqual(['answer', 'n', 'round_id']);
    await expect(sql`update checkin_counts set n = n - 1`.execute(world.deps.db)).rejects.toMatchObject({
      code: 'KR001',
    });
    // One answer alone is not counted: it waits for at least five (a count of one would name its member).
    await runJobs(world.deps);
    expect(
      Number((await sql<{ n: number }>`select sum(n)::int as n from checkin_counts`.execute(world.deps.db)).rows[0]!.n),
    ).toBe(0);

    const few = await (await founder.get('/mutuality')).text();
    expect(few.slice(few.indexOf('id="checkins"'))).toContain('not shown (fewer than 5 members)');
    for (const [i, a] of (['well', 'okay', 'stretched', 'struggling'] as const).entries()) {
      expect((await others[i]!.post('/checkin', { answer: a })).status).toBe(303);
    }
    await runJobs(world.deps); // five waiting: counted together, and the table that held them rewritten
    expect((await sql`select * from checkin_pending`.execute(world.deps.db)).rows).toEqual([]);
    const shown = await (await founder.get('/mutuality')).text();
    const section = shown.slice(
      shown.indexOf('id="checkins"'),
      shown.indexOf('</section>', shown.indexOf('id="checkins"')),
    );
    expect(section.match(/<td class="num">(\d+)<\/td>/g)).toEqual([
      '<td class="num">1</td>',
      '<td class="num">1</td>',
      '<td class="num">2</td>',
      '<td class="num">1</td>',
    ]);
  });

  it('closes the round after a week; an agreement of 0 weeks asks nobody', async () => {
    passHours(world, 8 * 24);
    expect((await others[4]!.post('/checkin', { answer: 'well' })).status).toBe(409);
    expect(await openCheckinIfDue(world.deps.db, 0, new Date(world.now.value.getTime() + 365 * 86_400_000))).toBe(
      false,
    );
  });
});
