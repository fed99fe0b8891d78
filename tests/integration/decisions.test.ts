// Decisions that act: a passed proposal changes an agreement exactly once, on time, across double runs and crashes;
// every process is voted through its form; bad ballots are refused beside the field; agreements change no other way.
import { registry } from '../../src/domains.ts';
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { type Client, type TestWorld, buildMember, idFromRedirect, passHours, worldForFile } from '../support/app.ts';
import { engine, freshDatabase } from '../support/db.ts';
import { runJobs } from '../../src/jobs.ts';
import { closeDueProposals, closeProposal, openProposal } from '../../src/decisions/commands.ts';
import { parseProposal } from '../../src/decisions/schema.ts';
import { openDatabase, type Db } from '../../src/db/connect.ts';
import { migrate } from '../../src/db/migrate.ts';
import { networkAgreements } from '../../src/agreements/queries.ts';
import { cliPropose } from '../../src/cli/control.ts';
import { tempDir } from '../support/disk.ts';

const files = worldForFile();
let world: TestWorld;
let founder: Client;
beforeAll(() => {
  world = files.world;
  founder = files.founder;
});

async function propose(client: Client, form: Record<string, string>) {
  const res = await client.post('/decisions', { process: 'consent', closes_in: '24', results: 'always', ...form });
  expect(res.status, await res.clone().text()).toBe(303);
  return idFromRedirect(res);
}

const vote = (client: Client, id: string, form: Record<string, string>) => client.post(`/decisions/${id}/vote`, form);

async function status(id: string) {
  return world.deps.db
    .selectFrom('proposals')
    .select(['status', 'outcome', 'result'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

describe(`decisions (${engine})`, () => {
  it('adds a category by consent: closes on time, changes the agreement once, and the post form offers it', async () => {
    const [a, b] = [await buildMember(world), await buildMember(world)];
    const form = await (await founder.get('/decisions/new?agreement=categories')).text();
    expect(form).toContain('Groceries'); // starts from the agreement as it stands, in the member's words
    const current = (await networkAgreements(world.deps.db, world.deps.registry)).categories;
    const id = await propose(founder, {
      title: 'Add bike repair as a kind of help',
      agreement: 'categories',
      agreement_value: [...current, 'bike repair'].join('\n'),
    });
    expect((await vote(a, id, { pick: 'consent' })).status).toBe(303);
    expect((await vote(b, id, { pick: 'consent', reason: 'Good idea' })).status).toBe(303);
    await runJobs(world.deps);
    expect((await status(id)).status).toBe('open'); // not before its time
    passHours(world, 25);
    await runJobs(world.deps);
    const closed = await status(id);
    expect(closed.outcome).toBe('passed');
    const rows = await world.deps.db
      .selectFrom('agreements')
      .select(['key', 'adopted_by', 'decision_id'])
      .where('decision_id', '=', id)
      .execute();
    expect(rows).toEqual([{ key: 'categories', adopted_by: 'decision', decision_id: id }]);
    const postForm = await (await a.get('/posts/new?kind=need')).text();
    expect(postForm).toContain('value="bike repair"');
    const page = await (await b.get(`/decisions/${id}`)).text();
    expect(page).toContain('Members who could vote: 3');
    expect(page).toContain('Took part: 2');
    expect(page).toContain('I object at most 0');
    expect(page).toContain('It passed');
    const agreements = await (await a.get('/agreements')).text();
    expect(agreements).toContain('set by the decision “Add bike repair as a kind of help”');
    expect(agreements).toContain(`href="/decisions/${id}"`);
    // Everyone heard: opened, then decided.
    const notices = await (await a.get('/notifications')).text();
    expect(notices).toContain('New proposal: Add bike repair');
    expect(notices).toContain('Decided — Passed: Add bike repair');
  });

  it('applies the action exactly once when two closers run at once', async () => {
    const id = await propose(founder, {
      title: 'Flags from two members hide a post',
      agreement: 'flag_threshold',
      agreement_value: '2',
    });
    passHours(world, 25);
    const results = await Promise.all([
      closeDueProposals(world.deps.db, registry, world.now.value),
      closeDueProposals(world.deps.db, registry, world.now.value),
      runJobs(world.deps),
    ]);
    expect((results[0] as number) + (results[1] as number)).toBeLessThanOrEqual(1);
    const rows = await world.deps.db.selectFrom('agreements').select('id').where('decision_id', '=', id).execute();
    expect(rows).toHaveLength(1);
    expect((await networkAgreements(world.deps.db, world.deps.registry)).flagThreshold).toBe(2);
  });

  it('refuses, in the database, any agreement change no passed proposal carries', async () => {
    const db = world.deps.db;
    await expect(
      sql`insert into agreements (key, value, adopted_by) values ('areas', '["Anywhere"]', 'founding')`.execute(db),
    ).rejects.toMatchObject({ code: 'KR010' });
    const id = await propose(founder, {
      title: 'Rename the network',
      agreement: 'network_name',
      agreement_value: 'Westside Mutual Aid',
    });
    // Still open: not passed.
    await expect(
      sql`insert into agreements (key, value, adopted_by, decision_id) values ('network_name', '"Westside Mutual Aid"', 'decision', ${id})`.execute(
        db,
      ),
    ).rejects.toMatchObject({ code: 'KR010' });
    const objector = await buildMember(world);
    await vote(objector, id, { pick: 'objection', reason: 'I like our name' });
    passHours(world, 25);
    await runJobs(world.deps);
    expect((await status(id)).outcome).toBe('failed');
    // Failed: still refused, whatever value is tried.
    await expect(
      sql`insert into agreements (key, value, adopted_by, decision_id) values ('network_name', '"Westside Mutual Aid"', 'decision', ${id})`.execute(
        db,
      ),
    ).rejects.toMatchObject({ code: 'KR010' });
    expect((await networkAgreements(db, world.deps.registry)).networkName).toBe('Eastside Mutual Aid');
    // A closed proposal stays as it closed.
    await expect(sql`update proposals set outcome = 'passed' where id = ${id}`.execute(db)).rejects.toMatchObject({
      code: 'KR012',
    });
  });

  it('lets the CLI only open proposals: nothing changes until members decide', async () => {
    const before = await networkAgreements(world.deps.db, world.deps.registry);
    const bad = await cliPropose(world.deps, {
      title: 'Longer removal window',
      agreement: 'removal_hours',
      agreement_value: 'soon',
    });
    expect(bad.error).toContain('agreement_value');
    const made = await cliPropose(world.deps, {
      title: 'Longer removal window',
      agreement: 'removal_hours',
      agreement_value: '48',
    });
    expect(made.url).toMatch(/\/decisions\/[0-9a-f-]{36}$/);
    expect(await networkAgreements(world.deps.db, world.deps.registry)).toEqual(before);
    const page = await (await founder.get(new URL(made.url!).pathname)).text();
    expect(page).toContain('A removal decision is open for becomes: 48 hours');
  });

  it('records a member’s vote, lets them change it until closing, and refuses it after', async () => {
    const voter = await buildMember(world);
    const id = await propose(founder, { title: 'Meet on Sundays', process: 'majority' });
    expect((await vote(voter, id, { pick: 'no' })).status).toBe(303);
    expect((await vote(voter, id, { pick: 'yes' })).status).toBe(303);
    const ballots = await world.deps.db.selectFrom('ballots').select('choice').where('proposal_id', '=', id).execute();
    expect(ballots).toEqual([{ choice: { pick: 'yes' } }]);
    passHours(world, 25);
    const late = await vote(voter, id, { pick: 'no', reason: 'changed my mind' });
    expect(late.status).toBe(409);
    const text = await late.text();
    expect(text).toContain('Voting on this proposal has closed.');
    await runJobs(world.deps);
    expect((await status(id)).outcome).toBe('passed');
  });

  it('runs every process through its form, refusing a bad ballot beside the field and keeping what was typed', async () => {
    const voters = [await buildMember(world), await buildMember(world), await buildMember(world)];
    const options = 'Library\nPark\nChurch hall';
    const cases: {
      process: string;
      extra?: Record<string, string>;
      bad: Record<string, string>;
      message: string;
      good: Record<string, string>[];
      outcome: string;
      winner?: string;
    }[] = [
      {
        process: 'consensus',
        extra: { block_binds: 'on' },
        bad: { pick: 'block' },
        message: 'Please give a reason',
        good: [{ pick: 'agree' }, { pick: 'agree' }, { pick: 'block', reason: 'Not safe' }],
        outcome: 'failed',
      },
      {
        process: 'majority',
        extra: { majority_percent: '66' },
        bad: { pick: 'perhaps' },
        message: 'Please choose one.',
        good: [{ pick: 'yes' }, { pick: 'yes' }, { pick: 'no' }],
        outcome: 'passed',
      },
      { process: 'advice', bad: {}, message: 'Please choose one.', good: [{ pick: 'agree' }], outcome: 'advised' },
      {
        process: 'ranked',
        extra: { options },
        bad: { rank_0: '1', rank_1: '1' },
        message: 'Please use each rank once.',
        good: [{ rank_1: '1', rank_0: '2' }, { rank_1: '1' }, { rank_2: '1', rank_0: '2' }],
        outcome: 'chosen',
        winner: 'Park',
      },
      {
        process: 'dot',
        extra: { options, dots: '5' },
        bad: { dots_0: '4', dots_1: '3', reason: 'keep me' },
        message: 'That is more dots than you have.',
        good: [{ dots_0: '5' }, { dots_1: '3', dots_0: '2' }, { dots_2: '1' }],
        outcome: 'chosen',
        winner: 'Library',
      },
      {
        process: 'score',
        extra: { options },
        bad: { score_0: '5' },
        message: 'Please give every option a score',
        good: [
          { score_0: '1', score_1: '4', score_2: '0' },
          { score_0: '2', score_1: '5', score_2: '5' },
        ],
        outcome: 'chosen',
        winner: 'Park',
      },
      {
        process: 'time_poll',
        extra: { options: 'Mon 18:00\nTue 18:00' },
        bad: { slot_0: 'yes' },
        message: 'Please answer for every time.',
        good: [
          { slot_0: 'yes', slot_1: 'maybe' },
          { slot_0: 'no', slot_1: 'yes' },
          { slot_0: 'yes', slot_1: 'yes' },
        ],
        outcome: 'chosen',
        winner: 'Tue 18:00',
      },
    ];
    for (const c of cases) {
      const id = await propose(founder, { title: `Where to meet (${c.process})`, process: c.process, ...c.extra });
      const bad = await vote(voters[0]!, id, c.bad);
      expect(bad.status, c.process).toBe(422);
      const html = await bad.text();
      expect(html, c.process).toContain(c.message);
      if (c.bad.reason) expect(html).toContain('keep me');
      if (c.bad.dots_0) expect(html).toMatch(/name="dots_0"[^>]*value="4"|value="4"[^>]*name="dots_0"/);
      for (const [i, ballot] of c.good.entries())
        expect((await vote(voters[i]!, id, ballot)).status, c.process).toBe(303);
      passHours(world, 25);
      await runJobs(world.deps);
      const s = await status(id);
      expect(s.outcome, c.process).toBe(c.outcome);
      if (c.winner) expect((s.result as { winners: string[] }).winners).toEqual([c.winner]);
      const page = await (await voters[0]!.get(`/decisions/${id}`)).text();
      expect(page).toContain('Members who could vote');
    }
  });

  it('refuses bad proposals beside the field, keeping what was typed', async () => {
    const res = await founder.post('/decisions', {
      title: 'Pick a date',
      body: 'My careful text',
      process: 'ranked',
      options: 'Only one',
      closes_in: '5',
      quorum: '300',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Please choose how long it stays open.');
    expect(html).toContain('My careful text');
    const noBinding = await founder.post('/decisions', {
      title: 'Ask about categories',
      process: 'advice',
      closes_in: '24',
      agreement: 'categories',
      agreement_value: 'food',
    });
    expect(await noBinding.text()).toContain('Only consent, consensus or majority can change an agreement.');
    const badValue = await founder.post('/decisions', {
      title: 'Join rule',
      process: 'consent',
      closes_in: '24',
      agreement: 'join_mode',
      agreement_value: 'whoever',
    });
    const refused = await badValue.text();
    expect(refused).toContain('Please choose how people join.');
    // Shown again as the choices it has, in words, never the stored values to type.
    expect(refused).toMatch(/<input type="radio"[^>]*name="agreement_value"[^>]*value="seconded"/);
    expect(refused).toContain('Invite links work once a second member seconds them');
  });

  it('offers kinds of help by name on the proposal form, and takes the names back as the kinds they are', async () => {
    const member = await buildMember(world);
    const form = await (await member.get('/decisions/new?agreement=categories')).text();
    expect(form).toMatch(/<textarea[^>]*name="agreement_value"[^>]*>Food\nMeals\nGroceries/);
    const res = await member.post('/decisions', {
      title: 'Fewer kinds of help',
      process: 'consent',
      closes_in: '24',
      agreement: 'categories',
      agreement_value: 'Food\nrides\nRIDES TO CLINIC\nbike repair',
    });
    expect(res.status, await res.clone().text()).toBe(303);
    const p = await world.deps.db
      .selectFrom('proposals')
      .select('action')
      .where('id', '=', idFromRedirect(res))
      .executeTakeFirstOrThrow();
    expect((p.action as { value: string[] }).value).toEqual(['food', 'rides', 'RIDES TO CLINIC', 'bike repair']);
  });

  it('hides results until a member has voted when the proposal says so, and keeps anonymous ballots anonymous', async () => {
    const [x, y] = [await buildMember(world, { name: 'Xiomara' }), await buildMember(world)];
    const id = await propose(founder, { title: 'Buy a shared freezer', process: 'majority', results: 'after_vote' });
    await vote(x, id, { pick: 'yes', reason: 'We need it' });
    expect(await (await y.get(`/decisions/${id}`)).text()).toContain('Results are shown after you take part');
    expect(await (await x.get(`/decisions/${id}`)).text()).toContain('Xiomara: </strong>Yes');
    expect((await y.post(`/decisions/${id}/anonymous`)).status).toBe(403); // only the opener
    expect((await founder.post(`/decisions/${id}/anonymous`)).status).toBe(303);
    const anonymous = await (await x.get(`/decisions/${id}`)).text();
    expect(anonymous).not.toContain('Xiomara');
    expect(anonymous).toContain('We need it');
    await expect(
      sql`update proposals set anonymous = false where id = ${id}`.execute(world.deps.db),
    ).rejects.toMatchObject({ code: 'KR011' });
  });

  it('reminds members who have not voted once, a day before closing', async () => {
    const quiet = await buildMember(world);
    const id = await propose(founder, { title: 'Start a tool library', closes_in: '72' });
    passHours(world, 49);
    await runJobs(world.deps);
    await runJobs(world.deps);
    const html = await (await quiet.get('/notifications')).text();
    expect(html.match(/Closes within a day and you have not voted: Start a tool library/g)).toHaveLength(1);
    const founderNotes = await world.deps.db
      .selectFrom('notifications')
      .select('id')
      .where('subject', '=', id)
      .where('kind', '=', 'proposal_closing')
      .execute();
    expect(founderNotes.length).toBeGreaterThan(1);
  });
});

describe(`decision mail respects each member's choice (${engine})`, () => {
  it('puts new proposals in the hourly digest only for members who want them', async () => {
    const wants = await buildMember(world, { name: 'Wants mail', email: 'wants@example.org' });
    const declines = await buildMember(world, { name: 'No mail', email: 'nomail@example.org' });
    expect(
      (await declines.post('/settings', { display_name: 'No mail', language: 'en', email_decisions: 'no' })).status,
    ).toBe(303);
    passHours(world, 2); // past any earlier digest
    world.mails.length = 0;
    await propose(founder, { title: 'Open a community fridge' });
    await runJobs(world.deps);
    const to = world.mails.map((m) => m.to);
    expect(to).toContain('wants@example.org');
    expect(to).not.toContain('nomail@example.org');
    expect(world.mails.find((m) => m.to === 'wants@example.org')!.text).toContain(
      'New proposal: Open a community fridge',
    );
    // In the app, both hear of it.
    for (const m of [wants, declines])
      expect(await (await m.get('/notifications')).text()).toContain('Open a community fridge');
  });
});

describe(`closing survives a crash part-way (${engine})`, () => {
  it('rolls back a half-done close and closes exactly once after a restart', async () => {
    const dir = tempDir('kropotkin-close-');
    const fresh = engine === 'embedded' ? null : await freshDatabase();
    const open = async (): Promise<Db> => {
      if (fresh) return openDatabase({ databaseUrl: fresh.url! });
      const db = await openDatabase({ dataDir: dir });
      await migrate(db);
      return db;
    };
    let db = await open();
    try {
      const now = new Date('2026-11-22T12:00:00Z');
      await sql`insert into network_founding (id, founded_at) values (1, ${now}) on conflict (id) do update set founded_at = excluded.founded_at, token_hash = null`.execute(
        db,
      );
      const parsed = parseProposal(
        {
          title: 'Keep met needs 30 days',
          process: 'consent',
          closes_in: '24',
          agreement: 'met_details_days',
          agreement_value: '30',
        },
        world.deps.registry,
      );
      if (!parsed.ok) throw new Error('bad proposal');
      const id = await openProposal(db, null, parsed.input, now);
      const due = new Date(now.getTime() + 25 * 3_600_000);
      // The power goes out after the agreement row is written but before the commit.
      await expect(
        db.transaction().execute(async (tx) => {
          expect(await closeProposal(tx, registry, id, due)).toBe(true);
          throw new Error('power cut');
        }),
      ).rejects.toThrow('power cut');
      await db.destroy();
      db = await open(); // the restart
      expect(
        (await db.selectFrom('proposals').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status,
      ).toBe('open');
      await Promise.all([closeDueProposals(db, registry, due), closeDueProposals(db, registry, due)]);
      await closeDueProposals(db, registry, due);
      const rows = await db.selectFrom('agreements').select('value').where('decision_id', '=', id).execute();
      expect(rows).toEqual([{ value: 30 }]);
    } finally {
      await db.destroy();
      if (fresh) await fresh.close().catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
