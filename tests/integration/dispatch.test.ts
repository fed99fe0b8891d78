// Crisis dispatch: crisis mode called by two members (or agreed as standing); the dispatcher role; the dispatch view's
// proposal sent through the same claim as "I can help"; a member's claim always wins over a proposal, and the
// dispatcher is told; offers never get more than they can take. The database holds the last two against direct writes.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import {
  type Client,
  type TestWorld,
  buildMember,
  buildPost,
  inADay,
  passHours,
  worldForFile,
} from '../support/app.ts';
import { engine } from '../support/db.ts';
import { memberIdOf, passByConsent } from '../support/fund.ts';
import { runJobs } from '../../src/jobs.ts';

const files = worldForFile();
let world: TestWorld;
let ada: Client;
let bea: Client;
let cal: Client;
let dan: Client;
let eve: Client;
const db = () => world.deps.db;

const form = (html: string) => {
  const pairs: Record<string, string> = {};
  for (const m of html.matchAll(/<select id="(send_[0-9a-f-]+)" name="\1">\s*<option value="([0-9a-f-]*)" selected/g))
    pairs[m[1]!] = m[2]!;
  return pairs;
};
const activeMatches = (needId: string) =>
  db().selectFrom('matches').selectAll().where('need_id', '=', needId).where('status', '=', 'active').execute();
const notices = async (name: string, kind: string) =>
  db()
    .selectFrom('notifications')
    // A notice names its match when there is one (the match names its need), else the post.
    .leftJoin('matches', (j) => j.on((eb) => eb(eb.cast('matches.id', 'text'), '=', eb.ref('notifications.subject'))))
    .select((eb) => eb.fn.coalesce(eb.cast<string>('matches.need_id', 'text'), 'notifications.subject').as('post_id'))
    .where('member_id', '=', await memberIdOf(world, name))
    .where('kind', '=', kind as never)
    .execute();

beforeAll(async () => {
  world = files.world;
  ada = files.founder;
  bea = await buildMember(world, { name: 'Bea' });
  cal = await buildMember(world, { name: 'Cal' });
  dan = await buildMember(world, { name: 'Dan' });
  eve = await buildMember(world, { name: 'Eve' });
});

describe(`crisis mode (${engine})`, () => {
  it('starts only when a second member confirms, tells everyone, leads the board with urgent needs, and ends after 48 hours', async () => {
    const offer = await buildPost(dan, {
      kind: 'offer',
      what: 'Bags of groceries from the food bank',
      category: 'groceries',
      urgency: 'urgent',
    });
    passHours(world, 1);
    const need = await buildPost(ada, {
      what: 'Groceries for my street after the flood',
      category: 'groceries',
      urgency: 'urgent',
    });
    let board = await (await bea.get('/board')).text();
    expect(board).toContain('two members together can turn on crisis mode');
    expect(board.indexOf(offer)).toBeLessThan(board.indexOf(need)); // urgent first, needs and offers mixed: the offer is older

    expect((await bea.post('/crisis/ask')).status).toBe(303);
    expect(await (await cal.get('/crisis')).text()).toContain('Bea called crisis mode');
    expect((await bea.post('/crisis/confirm')).status).toBe(403); // not by the one who called it
    expect((await bea.post('/crisis/ask')).status).toBe(409);
    expect((await cal.post('/crisis/confirm')).status).toBe(303);
    expect((await dan.post('/crisis/confirm')).status).toBe(409);
    expect(await notices('Eve', 'crisis_called')).toHaveLength(1);

    board = await (await eve.get('/board')).text();
    expect(board).toContain('Crisis mode is on.');
    expect(board).toContain('Called by Bea and Cal');
    expect(board.indexOf(need)).toBeLessThan(board.indexOf(offer)); // needs lead

    passHours(world, 49);
    board = await (await eve.get('/board')).text();
    expect(board).not.toContain('Crisis mode is on.');
  });

  it('can be agreed as standing by decision', async () => {
    const res = await ada.post('/decisions', {
      title: 'Crisis mode until the water is back',
      process: 'consent',
      closes_in: '24',
      agreement: 'crisis_mode',
      agreement_value: 'on',
    });
    expect(res.status, await res.clone().text()).toBe(303);
    await passByConsent(world);
    const page = await (await bea.get('/crisis')).text();
    expect(page).toContain('The members agreed it as standing.');
    expect(await (await bea.get('/agreements')).text()).toContain('Crisis mode as a standing agreement');
  });
});

describe(`the dispatch view (${engine})`, () => {
  let needA: string;
  let needB: string;
  let offerDan: string;

  it('opens only for members holding the dispatcher role, which members volunteer for', async () => {
    expect((await cal.get('/dispatch')).status).toBe(403);
    expect(await (await cal.get('/dispatch')).text()).toContain('Only members holding the dispatcher role');
    expect((await cal.post('/roles/dispatcher/volunteer')).status).toBe(303);
    expect((await cal.get('/dispatch')).status).toBe(200);
  });

  it('asks offers how many needs they can take, with a message beside the field', async () => {
    const bad = await eve.post('/posts', {
      kind: 'offer',
      what: 'Hot meals from our kitchen',
      category: 'meals',
      area: 'Riverside',
      urgency: 'soon',
      takes: '500',
    });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Please write a whole number from 1 to 50.');
    expect(html).toContain('Hot meals from our kitchen');
  });

  it('proposes pairs, and sending them makes ordinary matches that both members are told of', async () => {
    await db().updateTable('posts').set({ status: 'withdrawn' }).where('status', '=', 'open').execute(); // a clean board
    offerDan = await buildPost(dan, {
      kind: 'offer',
      what: 'Hot meals, two a day',
      category: 'meals',
      area: 'Eastside',
      takes: '2',
    } as never);
    needA = await buildPost(ada, {
      what: 'Meals for my grandmother',
      category: 'meals',
      area: 'Eastside',
      urgency: 'urgent',
      needed_by: inADay(world),
    });
    needB = await buildPost(bea, {
      what: 'Meals for two children',
      category: 'meals',
      area: 'Riverside',
      urgency: 'soon',
    });
    const page = await (await cal.get('/dispatch')).text();
    expect(page).toContain('Proposed pairs: 2.');
    const pairs = form(page);
    expect(pairs).toEqual({ [`send_${needA}`]: offerDan, [`send_${needB}`]: offerDan });
    const sent = await cal.post('/dispatch', pairs);
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe('/dispatch?sent=2&lost=0&full=0');
    expect(await (await cal.get(sent.headers.get('location')!)).text()).toContain('Sent: 2.');
    for (const need of [needA, needB]) {
      const [m] = await activeMatches(need);
      expect(m).toMatchObject({
        helper_id: await memberIdOf(world, 'Dan'),
        via_offer_id: offerDan,
        dispatched_by: await memberIdOf(world, 'Cal'),
      });
      // The thread is an ordinary one: the two members can write in it.
      expect((await dan.post(`/matches/${m!.id}/messages`, { body: 'On my way at noon.' })).status).toBe(303);
    }
    expect(await notices('Dan', 'dispatched')).toHaveLength(2);
    expect((await notices('Ada', 'claimed')).map((n) => n.post_id)).toContain(needA);
  });

  it('never gives an offer more than it can take', async () => {
    const needC = await buildPost(eve, { what: 'Meals for a neighbour', category: 'meals', area: 'Eastside' });
    const page = await (await cal.get('/dispatch')).text();
    expect(page).toContain('Proposed pairs: 0.'); // Dan's offer is full
    const res = await cal.post('/dispatch', { [`send_${needC}`]: offerDan });
    expect(res.headers.get('location')).toBe('/dispatch?sent=0&lost=0&full=1');
    expect(await activeMatches(needC)).toHaveLength(0);
    // In the database too: a direct insert past the offer's room is refused.
    await expect(
      sql`insert into matches (need_id, helper_id, asker_id, via_offer_id) values
      (${needC}, ${await memberIdOf(world, 'Dan')}, ${await memberIdOf(world, 'Eve')}, ${offerDan})`.execute(db()),
    ).rejects.toMatchObject({ code: 'KR028' });
  });

  it('lets only a dispatcher send, in the database as well', async () => {
    const offer = await buildPost(dan, {
      kind: 'offer',
      what: 'More meals from the kitchen',
      category: 'meals',
      area: 'Eastside',
    });
    const need = await buildPost(eve, { what: 'Meals for the weekend', category: 'meals', area: 'Eastside' });
    expect((await bea.post('/dispatch', { [`send_${need}`]: offer })).status).toBe(403);
    await expect(
      sql`insert into matches (need_id, helper_id, asker_id, via_offer_id, dispatched_by, created_at) values
      (${need}, ${await memberIdOf(world, 'Dan')}, ${await memberIdOf(world, 'Eve')}, ${offer}, ${await memberIdOf(world, 'Bea')}, ${world.now.value})`.execute(
        db(),
      ),
    ).rejects.toMatchObject({ code: 'KR029' });
    expect((await cal.post('/dispatch', { 'send_not-a-uuid': offer })).status).toBe(400);
    expect((await cal.post('/dispatch', { [`send_${need}`]: 'nonsense' })).status).toBe(400);
    expect(await activeMatches(need)).toHaveLength(0);
  });

  it('leaves a need with the member who claimed it while the dispatcher was looking, and tells the dispatcher', async () => {
    const page = await (await cal.get('/dispatch')).text();
    const pairs = form(page);
    const needD = Object.keys(pairs)[0]!.slice('send_'.length);
    expect((await bea.post(`/posts/${needD}/respond`)).status).toBe(303); // Bea says "I can help" first
    const res = await cal.post('/dispatch', pairs);
    expect(res.headers.get('location')).toMatch(/lost=1/);
    const [m] = await activeMatches(needD);
    expect(m!.helper_id).toBe(await memberIdOf(world, 'Bea'));
    expect(m!.dispatched_by).toBeNull();
    expect((await notices('Cal', 'dispatch_lost')).map((n) => n.post_id)).toContain(needD);
    expect(await (await cal.get('/notifications')).text()).toContain('A member took this need before you sent it');
  });

  it('lets exactly one of a dispatch and a claim made at the same moment through', async () => {
    const offer = await buildPost(dan, {
      kind: 'offer',
      what: 'Meals again tomorrow',
      category: 'meals',
      area: 'Eastside',
      takes: '5',
    } as never);
    for (let i = 0; i < 5; i++) {
      const need = await buildPost(ada, {
        what: `Meals for family ${i} on the hill`,
        category: 'meals',
        area: 'Eastside',
        confirm_duplicate: 'yes',
      });
      const [sent, claimed] = await Promise.all([
        cal.post('/dispatch', { [`send_${need}`]: offer }),
        eve.post(`/posts/${need}/respond`),
      ]);
      const matches = await activeMatches(need);
      expect(matches).toHaveLength(1);
      if (matches[0]!.dispatched_by) {
        expect(claimed.status).toBe(409);
      } else {
        expect(claimed.status).toBe(303);
        expect(sent.headers.get('location')).toMatch(/lost=1/);
        expect((await notices('Cal', 'dispatch_lost')).map((n) => n.post_id)).toContain(need);
      }
    }
    await runJobs(world.deps);
  });

  it('prefers an offer from a neighbouring area, by the agreement of which areas border which', async () => {
    const bad = await ada.post('/decisions', {
      title: 'Neighbours',
      process: 'consent',
      closes_in: '24',
      agreement: 'area_neighbours',
      agreement_value: 'Eastside and Riverside',
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Write one pair of areas a line');
    const res = await ada.post('/decisions', {
      title: 'Which areas border which',
      process: 'consent',
      closes_in: '24',
      agreement: 'area_neighbours',
      agreement_value: 'Eastside / Riverside\nRiverside / Old Town',
    });
    expect(res.status, await res.clone().text()).toBe(303);
    await passByConsent(world);
    await db().updateTable('posts').set({ status: 'withdrawn' }).where('status', '=', 'open').execute();
    await buildPost(dan, {
      kind: 'offer',
      what: 'Groceries run from Old Town',
      category: 'groceries',
      area: 'Old Town',
    });
    const near = await buildPost(eve, {
      kind: 'offer',
      what: 'Groceries run from Riverside',
      category: 'groceries',
      area: 'Riverside',
    });
    const need = await buildPost(bea, { what: 'Groceries for my flat', category: 'groceries', area: 'Eastside' });
    expect(form(await (await cal.get('/dispatch')).text())).toEqual({ [`send_${need}`]: near });
  });

  it('lets the dispatcher send a need to an offer of another kind when they judge it fits', async () => {
    await db().updateTable('posts').set({ status: 'withdrawn' }).where('status', '=', 'open').execute();
    const supplies = await buildPost(dan, {
      kind: 'offer',
      what: 'Baby supplies: formula, nappies, wipes',
      category: 'supplies',
      area: 'Eastside',
    });
    const formula = await buildPost(bea, { what: 'Formula for my baby tonight', category: 'food', area: 'Eastside' });
    const page = await (await cal.get('/dispatch')).text();
    expect(page).toContain('Proposed pairs: 0.'); // no food offer: the optimiser pairs nothing
    // The need is listed with the other kinds' offers to choose from, "not now" chosen until the dispatcher decides.
    expect(form(page)).toEqual({ [`send_${formula}`]: '' });
    expect(page).toContain('<optgroup label="Another kind of help, if it fits">');
    expect(page).toContain(`<option value="${supplies}">`);
    const res = await cal.post('/dispatch', { [`send_${formula}`]: supplies });
    expect(res.headers.get('location')).toBe('/dispatch?sent=1&lost=0&full=0');
    const [m] = await activeMatches(formula);
    expect(m).toMatchObject({ via_offer_id: supplies, helper_id: await memberIdOf(world, 'Dan') });
  });
});
