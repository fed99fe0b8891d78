// Ways back in without email or the same device (issue 18): a member's own recovery code, a one-time sign-in code
// another member makes in person (with a second member for one who holds a role), the warning before signing out
// with no way back, the member list, and what one member could do with these: a daily limit, no code for oneself,
// a server-wide count of wrong codes, nothing for a removed or paused member, and the database's own refusals.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildMember, buildPost, Client, memberIdOf, passHours, type TestWorld, worldForFile } from '../support/app.ts';
import { engine } from '../support/db.ts';
import { makeTreasurer } from '../support/fund.ts';
import { RateLimiter } from '../../src/security/rate-limit.ts';
import { normaliseCode } from '../../src/members/ways-back.ts';

const files = worldForFile();
let world: TestWorld;
let founder: Client;
beforeAll(() => {
  ({ world, founder } = files);
});

const codeIn = (html: string) => html.match(/<p class="code"[^>]*>([0-9A-Z-]+)<\/p>/)?.[1];
const signedIn = async (c: Client) => (await c.get('/settings')).status === 200;

/** Makes a sign-in code for `name` as `by`, through the member list; returns the code shown. */
async function makeCodeFor(by: Client, name: string) {
  const res = await by.post(`/members/${await memberIdOf(world, name)}/sign-in-code`);
  const html = await res.text();
  return { status: res.status, code: codeIn(html), html };
}

describe(`ways back in (${engine})`, () => {
  it('warns a member with no way back before signing out, and brings them back with their recovery code', async () => {
    const noa = await buildMember(world, { name: 'Noa' });
    // No email, no passkey, no recovery code: signing out is held up, with a way to make one.
    const warned = await noa.post('/sign-out');
    expect(warned.status).toBe(200);
    const warning = await warned.text();
    expect(warning).toContain('You have no way back in yet');
    expect(warning).toContain('action="/settings/recovery-code"');
    expect(await signedIn(noa)).toBe(true);
    expect(await (await noa.get('/settings')).text()).toContain('You have no way to sign in again');

    const made = await noa.post('/settings/recovery-code');
    expect(made.status).toBe(200);
    expect(made.headers.get('cache-control')).toBe('no-store');
    const code = codeIn(await made.text())!;
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const stored = await world.deps.db.selectFrom('recovery_codes').select('code_hash').execute();
    expect(stored.some((r) => r.code_hash.toString('latin1').includes(code.replace(/-/g, '')))).toBe(false);

    // Now signing out goes straight through.
    expect((await noa.post('/sign-out')).status).toBe(303);
    expect(await signedIn(noa)).toBe(false);

    // Typed on another phone, in small letters with spaces: it works, once.
    const phone = new Client(world);
    const typed = code.toLowerCase().replace(/-/g, ' ');
    const back = await phone.post('/sign-in/code', { code: typed });
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe('/settings?with=recovery#ways-back');
    const settings = await (await phone.get('/settings?with=recovery')).text();
    expect(settings).toContain('You signed in with your recovery code, so it no longer works');
    expect(settings).toContain('No recovery code.');
    const again = await new Client(world).post('/sign-in/code', { code });
    expect(again.status).toBe(422);
    expect(await again.text()).toContain('This code does not work');
    // Right after signing in with it, a new one can be made at once.
    expect((await phone.post('/settings/recovery-code')).status).toBe(200);
  });

  it('says beside the field what is wrong with a code, keeping what was typed', async () => {
    const anon = new Client(world);
    const empty = await anon.post('/sign-in/code', { code: '' });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Type the code you were given.');
    const odd = await anon.post('/sign-in/code', { code: 'abc!' });
    expect(odd.status).toBe(422);
    const html = await odd.text();
    expect(html).toContain('A code has 8 or 16 letters and digits');
    expect(html).toContain('value="abc!"');
    const long = await anon.post('/sign-in/code', { code: 'x'.repeat(60_000) });
    expect(long.status).toBe(422);
    // O is read as zero, I and L as one; U is never in a code.
    expect(normaliseCode('abcd-efgh')).toBe('ABCDEFGH');
    expect(normaliseCode('OIL0 1111')).toBe('01101111');
    expect(normaliseCode('UUUUUUUU')).toBeNull();
  });

  it('lets any member make a one-time code in person, which the member sees made for them', async () => {
    const ana = await buildMember(world, { name: 'Ana' });
    const bo = await buildMember(world, { name: 'Bo' });
    const list = await (await ana.get('/members?q=bo')).text();
    expect(list).toContain('Bo');
    expect(list).not.toContain('>Ana<');
    // Not for oneself.
    expect((await ana.post(`/members/${await memberIdOf(world, 'Ana')}/sign-in-code`)).status).toBe(404);

    const made = await makeCodeFor(ana, 'Bo');
    expect(made.status).toBe(200);
    expect(made.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // One code waits at a time.
    const second = await makeCodeFor(founder, 'Bo');
    expect(second.status).toBe(409);
    expect(second.html).toContain('A code for this member is already waiting');

    const lost = new Client(world);
    const res = await lost.post('/sign-in/code', { code: made.code! });
    expect(res.headers.get('location')).toBe('/settings?with=code#ways-back');
    const page = await (await lost.get('/settings?with=code')).text();
    expect(page).toContain('You are signed in again');
    expect(page).toMatch(/Ana made one on .*; it was used on /);
    expect((await new Client(world).post('/sign-in/code', { code: made.code! })).status).toBe(422);
    void bo;
  });

  it('lets a code run out after 30 minutes, and then a new one be made', async () => {
    await buildMember(world, { name: 'Cai' });
    const made = await makeCodeFor(founder, 'Cai');
    passHours(world, 0.51);
    const late = await new Client(world).post('/sign-in/code', { code: made.code! });
    expect(late.status).toBe(422);
    const fresh = await makeCodeFor(founder, 'Cai');
    expect(fresh.status).toBe(200);
    expect((await new Client(world).post('/sign-in/code', { code: fresh.code! })).status).toBe(303);
  });

  it('asks a second member before a code for a role holder works; neither its member nor its maker can be it', async () => {
    const tess = await buildMember(world, { name: 'Tess' });
    await makeTreasurer(world, founder, 'Tess');
    const dan = await buildMember(world, { name: 'Dan' });
    const eve = await buildMember(world, { name: 'Eve' });
    const made = await makeCodeFor(dan, 'Tess');
    expect(made.status).toBe(200);
    expect(made.html).toContain('works only after a second member confirms it');

    const early = await new Client(world).post('/sign-in/code', { code: made.code! });
    expect(early.status).toBe(422);
    expect(await early.text()).toContain('works once a second member confirms it');

    const id = (
      await world.deps.db
        .selectFrom('sign_in_codes')
        .select('id')
        .where('member_id', '=', await memberIdOf(world, 'Tess'))
        .where('used_at', 'is', null)
        .where('ended_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).id;
    expect(await (await dan.get('/members')).text()).not.toContain(`/members/codes/${id}/second`);
    expect((await dan.post(`/members/codes/${id}/second`)).status).toBe(404); // its maker
    expect((await tess.post(`/members/codes/${id}/second`)).status).toBe(404); // its member
    expect(await (await eve.get('/members')).text()).toContain(`/members/codes/${id}/second`);
    expect((await eve.post(`/members/codes/${id}/second`)).headers.get('location')).toBe('/members?done=seconded');

    const lost = new Client(world);
    expect((await lost.post('/sign-in/code', { code: made.code! })).status).toBe(303);
    expect(await (await lost.get('/settings')).text()).toContain('Eve confirmed it.');
  });

  it('holds each member to the agreed number of codes a day', async () => {
    const maker = await buildMember(world, { name: 'Maker' });
    for (let i = 0; i < 6; i++) await buildMember(world, { name: `Lost ${i}` });
    for (let i = 0; i < 5; i++) expect((await makeCodeFor(maker, `Lost ${i}`)).status).toBe(200);
    const sixth = await makeCodeFor(maker, 'Lost 5');
    expect(sixth.status).toBe(429);
    passHours(world, 24.1);
    expect((await makeCodeFor(maker, 'Lost 5')).status).toBe(200);
  });

  it('counts wrong codes for the whole server, and then looks at no code until the window passes', async () => {
    await buildMember(world, { name: 'Guessed' });
    const made = await makeCodeFor(founder, 'Guessed');
    const limits = world.deps.limits;
    world.deps.limits = { ...limits, wrongCodes: new RateLimiter(5, 15 * 60_000, () => world.now.value.getTime()) };
    try {
      const guesser = new Client(world);
      for (let i = 0; i < 5; i++)
        expect((await guesser.post('/sign-in/code', { code: `AAAA-AAA${i}` })).status).toBe(422);
      const blocked = await new Client(world).post('/sign-in/code', { code: made.code! });
      expect(blocked.status).toBe(429);
      expect(await blocked.text()).toContain('Too many wrong codes');
      passHours(world, 0.51); // past the 15 minutes; the first code ran out meanwhile
      const later = await makeCodeFor(founder, 'Guessed');
      expect((await new Client(world).post('/sign-in/code', { code: later.code! })).status).toBe(303);
    } finally {
      world.deps.limits = limits;
    }
  });

  it('asks for a fresh sign-in before replacing a way back in, and never lets a removed member back', async () => {
    const ivy = await buildMember(world, { name: 'Ivy' });
    const first = codeIn(await (await ivy.post('/settings/recovery-code')).text())!;
    passHours(world, 1);
    const replace = await ivy.post('/settings/recovery-code');
    expect(replace.status).toBe(403);
    expect(await replace.text()).toContain('sign out and sign in again first');
    // A removed member's codes open nothing.
    const made = await makeCodeFor(founder, 'Ivy');
    await sql`update members set removed_at = ${world.now.value} where display_name = 'Ivy'`.execute(world.deps.db);
    expect((await new Client(world).post('/sign-in/code', { code: first })).status).toBe(422);
    expect((await new Client(world).post('/sign-in/code', { code: made.code! })).status).toBe(422);
    expect(await (await founder.get('/members?q=ivy')).text()).toContain('No member has that name.');
  });

  it('finds members by any part of their name, taking % and _ as letters', async () => {
    await buildMember(world, { name: 'Zoë 100%' });
    const html = await (await founder.get('/members?q=%25')).text();
    expect(html).toContain('Zoë 100%');
    expect(html).not.toContain('>Ada<');
    expect((await founder.get(`/members?q=${'x'.repeat(5000)}`)).status).toBe(200);
    expect((await new Client(world).get('/members')).status).toBe(401);
  });

  it('shows what each member offers, leads to their page (to pause or flag), and to helping someone join', async () => {
    const kim = await buildMember(world, { name: 'Kim Offers' });
    await buildPost(kim, { kind: 'offer', what: 'Rides to the clinic on Tuesdays', category: 'rides' });
    const html = await (await founder.get('/members?q=kim')).text();
    expect(html).toMatch(/offers:.*<span class="tag">Rides<\/span>/s);
    expect(html).toContain(`href="/members/${await memberIdOf(world, 'Kim Offers')}"`);
    expect(html).toContain('href="/invites"');
    expect(html).not.toContain('Rides to the clinic on Tuesdays'); // the kinds, not the posts' words
  });

  it('lets a member leave an account they no longer use: signed out, out of every list, posts withdrawn', async () => {
    const twice = await buildMember(world, { name: 'Lee Twice', email: 'lee.twice@example.org' });
    const post = await buildPost(twice, { what: 'Soup for two tonight, please' });
    const marks = async () => (await world.deps.db.selectFrom('removed_marks').select('mark').execute()).length;
    const before = await marks();
    const unticked = await twice.post('/settings/leave', {});
    expect(unticked.status).toBe(422);
    expect(await unticked.text()).toContain('Please tick the box to say this account leaves.');
    const res = await twice.post('/settings/leave', { leave_confirm: 'on' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/?left=1');
    expect(await (await twice.get('/?left=1')).text()).toContain('That account has left the network.');
    expect((await twice.get('/me')).status).toBe(401); // signed out everywhere
    expect(await (await founder.get('/members?q=twice')).text()).toContain('No member has that name.');
    const row = await world.deps.db
      .selectFrom('posts')
      .select('status')
      .where('id', '=', post)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('withdrawn');
    // Leaving is not a removal: the address is not marked, so an invite can bring them back.
    expect(await marks()).toBe(before);
    const left = await world.deps.db
      .selectFrom('members')
      .select(['left_by_choice', 'email_hash'])
      .where('display_name', '=', 'Lee Twice')
      .executeTakeFirstOrThrow();
    expect(left).toEqual({ left_by_choice: true, email_hash: null });
  });

  it('keeps the rules in the database whatever the code does', async () => {
    const db = world.deps.db;
    const ada = await memberIdOf(world, 'Ada');
    const self = sql`insert into sign_in_codes (member_id, made_by, needs_second, code_hash, expires_at)
      values (${ada}, ${ada}, false, ${Buffer.from('self')}, app_now() + interval '10 minutes')`.execute(db);
    await expect(self).rejects.toThrow();
    await buildMember(world, { name: 'Held' });
    const held = await memberIdOf(world, 'Held');
    await sql`insert into sign_in_codes (member_id, made_by, needs_second, code_hash, expires_at)
      values (${held}, ${ada}, true, ${Buffer.from('held')}, app_now() + interval '10 minutes')`.execute(db);
    const early = sql`update sign_in_codes set used_at = app_now() where code_hash = ${Buffer.from('held')}`.execute(
      db,
    );
    await expect(early).rejects.toThrow(/waits for a second member/);
    const another = sql`insert into sign_in_codes (member_id, made_by, needs_second, code_hash, expires_at)
      values (${held}, ${ada}, false, ${Buffer.from('two')}, app_now() + interval '10 minutes')`.execute(db);
    await expect(another).rejects.toThrow(); // one waiting code per member
  });
});
