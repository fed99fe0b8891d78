// Safety without bosses: flags hide a post for review, two members pause posting for a day, removal is a consent
// decision the subject cannot vote on, and every act is in a log all members read.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import {
  type Client,
  type TestWorld,
  buildMember,
  buildPost,
  idFromRedirect,
  memberIdOf,
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

const memberId = (name: string) => memberIdOf(world, name);

describe(`safety (${engine})`, () => {
  it('hides a post flagged by the agreed number of members, opens a review, and removes it if nobody objects', async () => {
    const author = await buildMember(world, { name: 'Spammy' });
    const postId = await buildPost(author, { what: 'Buy cheap watches at my shop now', category: 'other' });
    const flaggers: Client[] = [];
    for (let i = 0; i < 3; i++) flaggers.push(await buildMember(world));
    expect((await flaggers[0]!.post(`/posts/${postId}/flag`, { reason: 'spam' })).status).toBe(303);
    expect((await flaggers[0]!.post(`/posts/${postId}/flag`, { reason: 'spam' })).status).toBe(303); // twice counts once
    expect((await flaggers[1]!.post(`/posts/${postId}/flag`, { reason: 'spam' })).status).toBe(303);
    expect(await (await flaggers[2]!.get('/board')).text()).toContain('cheap watches');
    expect((await flaggers[2]!.post(`/posts/${postId}/flag`, { reason: 'spam' })).status).toBe(303);
    expect(await (await flaggers[2]!.get('/board')).text()).not.toContain('cheap watches');
    expect(await (await author.get(`/posts/${postId}`)).text()).toContain(
      'hidden from the board while members review it',
    );
    expect((await flaggers[2]!.postJson(`/api/posts/${postId}/respond`, {})).status).toBe(404);
    const review = await world.deps.db
      .selectFrom('proposals')
      .select(['id', 'kind'])
      .where('subject_post_id', '=', postId)
      .executeTakeFirstOrThrow();
    expect(review.kind).toBe('remove_post');
    // The members decide on it, so they read it: the flagger and any other member, with the way to the review, and
    // no way to answer or flag it meanwhile.
    const bystander = await buildMember(world);
    for (const reader of [flaggers[2]!, bystander]) {
      const seen = await reader.get(`/posts/${postId}`);
      expect(seen.status).toBe(200);
      const html = await seen.text();
      expect(html).toContain('cheap watches');
      expect(html).toContain(`href="/decisions/${review.id}"`);
      expect(html).not.toContain('I can help');
      expect(html).not.toContain(`/posts/${postId}/flag`);
    }
    expect(await (await flaggers[0]!.get(`/decisions/${review.id}`)).text()).toContain('Remove a flagged post?');
    passHours(world, 25);
    await runJobs(world.deps);
    const post = await world.deps.db
      .selectFrom('posts')
      .select(['status', 'hidden_at'])
      .where('id', '=', postId)
      .executeTakeFirstOrThrow();
    expect(post.status).toBe('withdrawn');
    // Removed: no longer there for anyone but its author.
    expect((await flaggers[2]!.get(`/posts/${postId}`)).status).toBe(404);
    const log = await (await author.get('/safety')).text();
    expect(log).toContain('A post was flagged');
    expect(log).toContain('A post was hidden for review');
    expect(log).toContain('A flagged post was removed');
    for (const name of await world.deps.db
      .selectFrom('members')
      .select('display_name')
      .where('display_name', 'like', 'Member %')
      .execute()) {
      expect(log).not.toContain(name.display_name); // flags never name who flagged
    }
  });

  it('shows a flagged post again when a member objects to removing it', async () => {
    const author = await buildMember(world);
    const postId = await buildPost(author, { what: 'Free sourdough starter for anyone', category: 'food' });
    const members = [
      await buildMember(world),
      await buildMember(world),
      await buildMember(world),
      await buildMember(world),
    ];
    for (const m of members.slice(0, 3)) await m.post(`/posts/${postId}/flag`, { reason: 'spam' });
    const review = await world.deps.db
      .selectFrom('proposals')
      .select('id')
      .where('subject_post_id', '=', postId)
      .executeTakeFirstOrThrow();
    expect(
      (await members[3]!.post(`/decisions/${review.id}/vote`, { pick: 'objection', reason: 'This is a real offer' }))
        .status,
    ).toBe(303);
    passHours(world, 25);
    await runJobs(world.deps);
    expect(await (await members[3]!.get('/board')).text()).toContain('sourdough');
  });

  it('pauses a member’s posting only when two members act, for 24 hours', async () => {
    const subject = await buildMember(world, { name: 'Loud' });
    const [first, second] = [
      await buildMember(world, { name: 'Asker' }),
      await buildMember(world, { name: 'Seconder' }),
    ];
    const id = await memberId('Loud');
    expect((await first.post(`/members/${id}/pause`, { reason: 'harassment' })).status).toBe(303);
    expect((await first.post(`/members/${id}/pause/confirm`)).status).toBe(409); // not by the same member
    expect((await buildPost(subject, { what: 'Still able to post here' })).length).toBe(36);
    expect((await subject.post(`/members/${id}/pause/confirm`)).status).toBe(403); // not by the subject
    expect((await second.post(`/members/${id}/pause/confirm`)).status).toBe(303);
    const refused = await subject.post('/posts', {
      kind: 'need',
      what: 'Typed while paused',
      category: 'food',
      area: 'Eastside',
      urgency: 'soon',
    });
    expect(refused.status).toBe(403);
    const html = await refused.text();
    expect(html).toContain('Your posting is paused');
    expect(html).toContain('Typed while paused');
    // The database refuses it too, whatever the code does.
    await expect(
      sql`insert into posts (kind, member_id, what, category, area, urgency) values ('need', ${id}, 'direct insert', 'food', 'Eastside', 'soon')`.execute(
        world.deps.db,
      ),
    ).rejects.toMatchObject({ code: 'KR015' });
    const api = await subject.postJson('/api/posts', {
      kind: 'need',
      what: 'Through the API',
      category: 'food',
      area: 'Eastside',
      urgency: 'soon',
    });
    expect(api.status).toBe(403);
    expect((await api.json()).error.code).toBe('paused');
    const log = await (await subject.get('/safety')).text();
    expect(log).toContain('Asker, Seconder paused Loud’s posting');
    passHours(world, 24);
    expect((await buildPost(subject, { what: 'Back after the pause' })).length).toBe(36);
  });

  it('removes a member by consent: the subject cannot vote, their posts hide once a second member seconds it, and they are signed out', async () => {
    const subject = await buildMember(world, { name: 'Trouble' });
    const postId = await buildPost(subject, { what: 'Offering rides to the market', kind: 'offer', category: 'rides' });
    const [opener, other] = [await buildMember(world, { name: 'Opener' }), await buildMember(world)];
    const id = await memberId('Trouble');
    const res = await opener.post(`/members/${id}/removal`, {
      reason: 'danger',
      note: 'Threatened a member in a thread',
    });
    expect(res.status).toBe(303);
    const proposalId = idFromRedirect(res);
    expect((await opener.post(`/members/${id}/removal`, { reason: 'danger' })).status).toBe(409);
    // One member alone hides nothing: the opener cannot second their own proposal; another member can.
    expect(await (await other.get('/board')).text()).toContain('rides to the market');
    expect((await opener.post(`/members/${id}/removal/second`)).status).toBe(409);
    expect((await subject.post(`/members/${id}/removal/second`)).status).toBe(403);
    expect(await (await other.get(`/members/${id}`)).text()).toContain('Second this removal proposal');
    expect((await other.post(`/members/${id}/removal/second`)).status).toBe(303);
    expect((await other.post(`/members/${id}/removal/second`)).status).toBe(409);
    expect(await (await other.get('/board')).text()).not.toContain('rides to the market');
    const own = await (await subject.get(`/decisions/${proposalId}`)).text();
    expect(own).toContain('This proposal is about you');
    expect((await subject.post(`/decisions/${proposalId}/vote`, { pick: 'objection', reason: 'no' })).status).toBe(403);
    await expect(
      sql`insert into ballots (proposal_id, member_id, choice) values (${proposalId}, ${id}, '{"pick":"objection"}')`.execute(
        world.deps.db,
      ),
    ).rejects.toMatchObject({ code: 'KR014' });
    // A pause holds past 24 hours while the removal is open.
    await opener.post(`/members/${id}/pause`, { reason: 'danger' });
    await other.post(`/members/${id}/pause/confirm`);
    passHours(world, 23);
    expect((await other.post(`/decisions/${proposalId}/vote`, { pick: 'consent' })).status).toBe(303);
    expect((await opener.post(`/decisions/${proposalId}/vote`, { pick: 'consent' })).status).toBe(303);
    for (let i = 0; i < 3; i++)
      await (await buildMember(world)).post(`/decisions/${proposalId}/vote`, { pick: 'consent' });
    passHours(world, 2);
    await runJobs(world.deps);
    const member = await world.deps.db
      .selectFrom('members')
      .select(['removed_at', 'email_hash'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(member.removed_at).not.toBeNull();
    expect((await subject.get('/board')).status).toBe(401);
    const post = await world.deps.db
      .selectFrom('posts')
      .select('status')
      .where('id', '=', postId)
      .executeTakeFirstOrThrow();
    expect(post.status).toBe('withdrawn');
    const log = await (await other.get('/safety')).text();
    expect(log).toContain('Opener proposed removing Trouble');
    expect(log).toContain('Trouble was removed by decision');
  });

  it('does not remove anyone by silence: a removal needs a fifth of members to take part', async () => {
    await buildMember(world, { name: 'Quiet one' });
    const opener = await buildMember(world);
    const id = await memberId('Quiet one');
    const proposalId = idFromRedirect(await opener.post(`/members/${id}/removal`, { reason: 'spam' }));
    passHours(world, 25);
    await runJobs(world.deps);
    const p = await world.deps.db
      .selectFrom('proposals')
      .select('outcome')
      .where('id', '=', proposalId)
      .executeTakeFirstOrThrow();
    expect(p.outcome).toBe('no_quorum');
    expect(
      (await world.deps.db.selectFrom('members').select('removed_at').where('id', '=', id).executeTakeFirstOrThrow())
        .removed_at,
    ).toBeNull();
  });

  it('lets members flag a message in their thread, and nobody else', async () => {
    const asker = await buildMember(world);
    const helper = await buildMember(world);
    const stranger = await buildMember(world);
    const needId = await buildPost(asker, { what: 'Need a hand moving a sofa', category: 'labour' });
    const matchId = idFromRedirect(await helper.post(`/posts/${needId}/respond`));
    await helper.post(`/matches/${matchId}/messages`, { body: 'something nasty' });
    const message = await world.deps.db
      .selectFrom('messages')
      .select('id')
      .where('match_id', '=', matchId)
      .executeTakeFirstOrThrow();
    expect((await stranger.post(`/messages/${message.id}/flag`, { reason: 'harassment' })).status).toBe(404);
    expect((await helper.post(`/messages/${message.id}/flag`, { reason: 'harassment' })).status).toBe(403);
    expect((await asker.post(`/messages/${message.id}/flag`, { reason: 'bogus' })).status).toBe(400);
    expect((await asker.post(`/messages/${message.id}/flag`, { reason: 'harassment' })).status).toBe(303);
    expect(await (await stranger.get('/safety')).text()).toContain('A message was flagged');
  });
});
