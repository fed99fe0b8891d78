// Acting for someone at a table or a door (issue 21): a member acts for another who is there and asks — their consent
// recorded, the session theirs for a short time and never longer, everything done as them, what is theirs alone
// (settings, sign-in codes, invitations) refused meanwhile, a member who holds a role never acted for, and the person
// told and shown every time afterwards. When the time is up, the acting member's own session comes back.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMember, memberIdOf, worldForFile, AREAS, type Client, type TestWorld } from '../support/app.ts';
import { engine } from '../support/db.ts';

const files = worldForFile();
let world: TestWorld;
let ada: Client;
let bo: Client;
let boId: string;

beforeAll(async () => {
  world = files.world;
  ada = files.founder;
  bo = await buildMember(world, { name: 'Bo' });
  boId = await memberIdOf(world, 'Bo');
});

const minutes = (n: number) => (world.now.value = new Date(world.now.value.getTime() + n * 60_000));

describe(`acting for someone (${engine})`, () => {
  it('asks for their consent and a length, beside the fields', async () => {
    const form = await ada.get(`/members/${boId}/act`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('Bo is here with me and asks me to act for them');
    const missing = await ada.post(`/members/${boId}/act`, { minutes: '30' });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('Tick this only if they are with you and asked for it.');
    const odd = await ada.post(`/members/${boId}/act`, { minutes: '600', consent: 'on' });
    expect(odd.status).toBe(422);
    const adaId = await memberIdOf(world, 'Ada');
    expect((await ada.get(`/members/${adaId}/act`)).status).toBe(404);
  });

  it('does what the app does, as them, and refuses what is theirs alone', async () => {
    const start = await ada.post(`/members/${boId}/act`, { minutes: '30', consent: 'on' });
    expect(start.status).toBe(303);
    const me = await (await ada.get('/me')).text();
    expect(me).toContain('You are acting for Bo, as they asked');
    const posted = await ada.post('/posts', {
      kind: 'need',
      what: 'A ride to the clinic on Thursday',
      category: 'rides',
      area: AREAS[0]!,
      urgency: 'soon',
    });
    expect(posted.status).toBe(303);
    const post = await world.deps.db
      .selectFrom('posts')
      .select('member_id')
      .where('what', '=', 'A ride to the clinic on Thursday')
      .executeTakeFirstOrThrow();
    expect(post.member_id).toBe(boId);
    for (const [path, body] of [
      ['/settings', { display_name: 'Mallory', language: 'en' }],
      ['/settings/recovery-code', {}],
      [`/members/${await memberIdOf(world, 'Ada')}/sign-in-code`, {}],
      ['/invites', {}],
      ['/sign-out', {}],
    ] as const) {
      const res = await ada.post(path, body);
      expect(res.status, path).toBe(403);
      expect(await res.text(), path).toContain('stop acting for them first');
    }
    const end = await ada.post('/acting/end');
    expect(end.status).toBe(303);
    const back = await (await ada.get('/settings')).text();
    expect(back).not.toContain('You are acting for');
    expect(back).toContain('value="Ada"');
  });

  it('ends by itself when the time is up, and gives the acting member back their own session', async () => {
    expect((await ada.post(`/members/${boId}/act`, { minutes: '15', consent: 'on' })).status).toBe(303);
    expect(await (await ada.get('/me')).text()).toContain('You are acting for Bo');
    minutes(16);
    const after = await ada.get('/settings');
    expect(after.status).toBe(200);
    const text = await after.text();
    expect(text).not.toContain('You are acting for Bo');
    expect(text).toContain('value="Ada"');
  });

  it('shows the person every time it was done, and tells them', async () => {
    const settings = await (await bo.get('/settings')).text();
    expect(settings).toContain('Members who acted for you');
    expect(settings.match(/Ada acted for you from/g)?.length).toBe(2);
    const notes = await (await bo.get('/notifications')).text();
    expect(notes).toContain('Ada acted for you, as you asked.');
  });

  it('never acts for a member who holds a role', async () => {
    expect((await ada.post('/roles/dispatcher/volunteer')).status).toBe(303);
    const adaId = await memberIdOf(world, 'Ada');
    const res = await bo.post(`/members/${adaId}/act`, { minutes: '15', consent: 'on' });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('A member who holds a role acts for themselves.');
  });

  it('is bounded a day like sign-in codes made for others', async () => {
    const cy = await buildMember(world, { name: 'Cy' });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await cy.post(`/members/${boId}/act`, { minutes: '15', consent: 'on' });
      statuses.push(res.status);
      if (res.status === 303) await cy.post('/acting/end');
    }
    expect(statuses.filter((s) => s === 303).length).toBe(5);
    expect(statuses.at(-1)).toBe(429);
  });
});
