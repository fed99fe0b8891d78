// Expiry, languages, agreements that cannot be edited, and what the database keeps at rest.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { Client, buildMember, buildPost, inADay, type TestWorld, postStatus, worldForFile } from '../support/app.ts';
import { engine } from '../support/db.ts';
import { runJobs } from '../../src/jobs.ts';

const files = worldForFile();
let world: TestWorld;
beforeAll(async () => {
  world = files.world;
});

const statusOf = (id: string) => postStatus(world, id);

describe(`the life of posts (${engine})`, () => {
  it('expires needs past their needed-by date and closes offers past available-until, but not matched needs', async () => {
    const m = await buildMember(world);
    const helper = await buildMember(world);
    const need = await buildPost(m, { what: 'Diapers size 4', category: 'supplies', needed_by: inADay(world, 1) });
    const held = await buildPost(m, { what: 'Help moving on Sunday', category: 'labour', needed_by: inADay(world, 1) });
    await helper.post(`/posts/${held}/respond`);
    const offer = await buildPost(m, {
      kind: 'offer',
      what: 'Spare winter coats',
      category: 'supplies',
      available_until: inADay(world, 2),
    });
    const open = await buildPost(m, { what: 'Spanish tutoring', category: 'translation' });
    world.now.value = new Date(world.now.value.getTime() + 3 * 86_400_000);
    await runJobs(world.deps);
    expect(await statusOf(need)).toBe('expired');
    expect(await statusOf(offer)).toBe('closed');
    expect(await statusOf(held)).toBe('matched');
    expect(await statusOf(open)).toBe('open');
    const board = await (await m.get('/board')).text();
    expect(board).not.toContain('Diapers size 4');
    expect(await (await m.get('/me')).text()).toContain('Expired');
  });

  it('sorts the board by urgency, then by who has waited longest, and filters it', async () => {
    const m = await buildMember(world);
    await buildPost(m, { what: 'Zeta whenever', category: 'other', urgency: 'whenever' });
    world.now.value = new Date(world.now.value.getTime() + 1000);
    await buildPost(m, { what: 'Alpha urgent', category: 'other', urgency: 'urgent', area: 'Riverside' });
    const viewer = await buildMember(world);
    const html = await (await viewer.get('/board?category=other')).text();
    expect(html.indexOf('Alpha urgent')).toBeLessThan(html.indexOf('Zeta whenever'));
    const riverside = await (await viewer.get('/board?category=other&area=Riverside')).text();
    expect(riverside).toContain('Alpha urgent');
    expect(riverside).not.toContain('Zeta whenever');
    const json = await (await viewer.get('/api/posts?urgency=urgent&category=other')).json();
    expect(json.posts.map((p: { what: string }) => p.what)).toEqual(['Alpha urgent']);
  });

  it('suggests matching offers while a need is typed, ranked by category and words', async () => {
    const giver = await buildMember(world);
    await buildPost(giver, { kind: 'offer', what: 'Hot meals cooked on Sundays', category: 'meals' });
    await buildPost(giver, { kind: 'offer', what: 'Bicycle repair', category: 'tech' });
    const asker = await buildMember(world);
    const res = await asker.get(
      `/api/suggestions?kind=need&what=${encodeURIComponent('a hot meal for my kids')}&category=meals&area=Eastside`,
    );
    const { suggestions } = await res.json();
    expect(suggestions[0].what).toBe('Hot meals cooked on Sundays');
    expect(suggestions.map((s: { what: string }) => s.what)).not.toContain('Bicycle repair');
    // Words alone are enough, in the poster's language.
    const words = await (await asker.get(`/api/suggestions?kind=need&what=${encodeURIComponent('meals')}`)).json();
    expect(words.suggestions.map((s: { what: string }) => s.what)).toContain('Hot meals cooked on Sundays');
  });
});

describe(`languages (${engine})`, () => {
  it('remembers a member’s language and lets a visitor pick one', async () => {
    const m = await buildMember(world);
    await m.post('/settings', { display_name: 'Renamed', language: 'es' });
    const page = await (await m.get('/board')).text();
    expect(page).toContain('<html lang="es" dir="ltr">');
    expect(page).toContain('Pedir ayuda');
    const visitor = new Client(world);
    expect((await visitor.post('/language', { lang: 'es', back: '/sign-in' })).status).toBe(303);
    expect(await (await visitor.get('/sign-in')).text()).toContain('Envíame un enlace');
    expect((await visitor.post('/language', { lang: 'xx' })).status).toBe(400);
    expect(
      (await visitor.post('/language', { lang: 'es', back: 'https://evil.example' })).headers.get('location'),
    ).toBe('/');
  });
});

describe(`agreements and privacy at rest (${engine})`, () => {
  it('refuses to change or delete an agreement in the database', async () => {
    await expect(
      sql`update agreements set value = '"Taken over"' where key = 'network_name'`.execute(world.deps.db),
    ).rejects.toThrow(/never changed/);
    await expect(sql`delete from agreements`.execute(world.deps.db)).rejects.toThrow(/never changed/);
    expect(await (await (await buildMember(world)).get('/agreements')).text()).toContain('Eastside Mutual Aid');
  });

  it('keeps thread messages and email addresses only as ciphertext', async () => {
    const asker = await buildMember(world, { email: 'canary-mail-7731@example.org' });
    const helper = await buildMember(world);
    const need = await buildPost(asker, { what: 'Groceries this week', category: 'groceries' });
    const match = (await helper.post(`/posts/${need}/respond`)).headers.get('location')!;
    await helper.post(`${match}/messages`, { body: 'canary-message-4420 at 9 Oak Lane' });
    expect(await (await asker.get(match)).text()).toContain('canary-message-4420 at 9 Oak Lane');
    const dump = JSON.stringify(
      await Promise.all(
        ['members', 'messages', 'notifications', 'sessions', 'posts'].map((t) =>
          sql.raw(`select * from ${t}`).execute(world.deps.db),
        ),
      ),
      (_k, v) =>
        v instanceof Uint8Array
          ? Buffer.from(v).toString('latin1')
          : v && v.type === 'Buffer'
            ? Buffer.from(v.data).toString('latin1')
            : v,
    );
    expect(dump).toContain('Groceries this week'); // the scan does see row text
    expect(dump).not.toContain('canary-message-4420');
    expect(dump).not.toContain('canary-mail-7731');
  });
});
