// The whole core journey through app.request: found, invite, join, post, get matched, talk, mark met.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AREAS,
  Client,
  ORIGIN,
  buildMember,
  buildPost,
  buildWorld,
  foundNetwork,
  postStatus,
  type TestWorld,
} from '../support/app.ts';
import { engine } from '../support/db.ts';

let world: TestWorld;
beforeAll(async () => {
  world = await buildWorld();
});
afterAll(() => world.close());

describe(`the core journey (${engine})`, () => {
  it('founds a network whose choices become its first agreements', async () => {
    const founder = await foundNetwork(world);
    const page = await (await founder.get('/agreements')).text();
    expect(page).toContain('Eastside Mutual Aid');
    for (const area of AREAS) expect(page).toContain(area);
    const rows = await world.deps.db.selectFrom('agreements').select(['key', 'adopted_by']).execute();
    expect(rows.map((r) => r.key).sort()).toEqual([
      'active_days',
      'area_neighbours',
      'areas',
      'categories',
      'checkin_weeks',
      'crisis_mode',
      'currency',
      'daily_claims',
      'daily_comments',
      'daily_flags',
      'daily_invites',
      'daily_posts',
      'daily_proposals',
      'daily_sign_in_codes',
      'directory_about',
      'directory_place',
      'directory_position',
      'flag_threshold',
      'gini_ceiling',
      'join_mode',
      'languages',
      'load_top_share',
      'loans_at_once',
      'met_details_days',
      'network_name',
      'order_fill_hours',
      'order_fund_percent',
      'reciprocity_floor',
      'removal_hours',
      'removal_repeat_days',
      'removal_repeat_members',
      'root_causes',
      'share_needs',
      'share_needs_after_hours',
      'share_offers',
      'time_commons_lowest',
      'time_commons_month',
      'time_confirm_hours',
      'time_highest',
      'time_lowest',
      'time_zone',
    ]);
    expect(rows.every((r) => r.adopted_by === 'founding')).toBe(true);
  });

  it('lets a member invite someone who joins with any name and no questions', async () => {
    const inviter = await buildMember(world, { name: 'Inviter' });
    const invitePage = await (await inviter.post('/invites')).text();
    const link = invitePage.match(/http:\/\/localhost:3000\/join\/([A-Za-z0-9_-]{43})/);
    expect(link).not.toBeNull();
    expect(invitePage).toContain('<svg role="img"');
    const joinForm = await (await new Client(world).get(`/join/${link![1]}`)).text();
    expect(joinForm).toContain('name="display_name"');
    const bo = new Client(world);
    const res = await bo.post(`/join/${link![1]}`, { display_name: 'Bo', language: 'es' });
    expect(res.status).toBe(303);
    const board = await (await bo.get('/board')).text();
    expect(board).toContain('lang="es"');
    expect(board).toContain('Tablón');
  });

  it('posts a need, shows it on the board, and lets another member help in a private thread until it is met', async () => {
    const asker = await buildMember(world, { name: 'Cy' });
    const helper = await buildMember(world, { name: 'Di' });
    const offerId = await buildPost(helper, {
      kind: 'offer',
      what: 'I can drive people to the clinic',
      category: 'rides',
      capacity: '2 rides a week',
    });
    const needId = await buildPost(asker, { what: 'Ride to the clinic on Tuesday' });
    const board = await (await helper.get('/board?kind=need')).text();
    expect(board).toContain('Ride to the clinic on Tuesday');
    expect(board).not.toContain('I can drive people');

    // The helper's matching offer got them a notification.
    const notes = await (await helper.get('/notifications')).text();
    expect(notes).toContain('A new need may fit your offer');
    // The asker's page shows the matching offer.
    const needPage = await (await asker.get(`/posts/${needId}`)).text();
    expect(needPage).toContain('I can drive people to the clinic');
    expect(offerId).toBeTruthy();

    const claim = await helper.post(`/posts/${needId}/respond`);
    expect(claim.status).toBe(303);
    const matchPath = new URL(claim.headers.get('location')!, ORIGIN).pathname;
    expect(await statusOf(needId)).toBe('matched');

    expect((await helper.post(`${matchPath}/messages`, { body: 'I can pick you up at 9 at 12 Elm St' })).status).toBe(
      303,
    );
    const thread = await (await asker.get(matchPath)).text();
    expect(thread).toContain('I can pick you up at 9 at 12 Elm St');

    // A stranger cannot see the thread or write in it.
    const stranger = await buildMember(world);
    expect((await stranger.get(matchPath)).status).toBe(404);
    expect((await stranger.post(`${matchPath}/messages`, { body: 'hi' })).status).toBe(404);

    // Only the asker marks it met.
    expect((await helper.post(`${matchPath}/met`)).status).toBe(403);
    expect((await asker.post(`${matchPath}/met`)).status).toBe(303);
    expect(await statusOf(needId)).toBe('met');
    expect(await (await asker.get(matchPath)).text()).not.toContain('Say hello');

    // A thread that ended without a word says so, rather than asking to say hello.
    const quietNeed = await buildPost(asker, { what: 'Someone to carry a box of books upstairs' });
    const quiet = new URL((await helper.post(`/posts/${quietNeed}/respond`)).headers.get('location')!, ORIGIN).pathname;
    expect(await (await asker.get(quiet)).text()).toContain('Say hello');
    expect((await asker.post(`${quiet}/met`)).status).toBe(303);
    const ended = await (await asker.get(quiet)).text();
    expect(ended).not.toContain('Say hello');
    expect(ended).toContain('No messages were written in this thread.');
  });
});

const statusOf = (id: string) => postStatus(world, id);
