// Asking for someone without a phone (issue 18): a member at a table posts a need as the person's own; the person
// takes away a slip whose code follows the need and signs them in as themselves; nobody is asked anything about them;
// where joining takes a second member the slip signs nobody in until one seconds it; the daily limit holds; and a
// slip never used holds no quorum out of reach.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  type TestWorld,
  AREAS,
  buildMember,
  decideAgreement,
  idFromRedirect,
  worldForFile,
} from '../support/app.ts';
import { engine } from '../support/db.ts';
import { eligibleCount } from '../../src/decisions/queries.ts';
import { createSession } from '../../src/members/sessions.ts';

const files = worldForFile();
let world: TestWorld;
let helper: Client;
let neighbour: Client;
beforeAll(async () => {
  world = files.world;
  helper = await buildMember(world, { name: 'Tomás' });
  neighbour = await buildMember(world, { name: 'Nia' });
});

const need = {
  person_name: 'Rosa',
  person_language: 'es',
  what: 'Pañales talla 4 y leche de fórmula',
  category: 'supplies',
  area: AREAS[0]!,
  urgency: 'soon',
};

const codeOf = (html: string) =>
  html.match(/class="code"[^>]*>\s*([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/)![1]!;
const db = () => world.deps.db;
const memberNamed = async (name: string) =>
  (await db().selectFrom('members').select('id').where('display_name', '=', name).executeTakeFirstOrThrow()).id;

describe(`asking for someone (${engine})`, () => {
  let code: string;
  let rosa: string;

  it('asks only the need and a name to call them, and keeps everything typed when something is wrong', async () => {
    const board = await (await helper.get('/posts/new?kind=need')).text();
    expect(board).toContain('href="/posts/for-someone"');
    const form = await (await helper.get('/posts/for-someone')).text();
    expect(form).toContain('name="person_name"');
    expect(form).toContain('name="person_language"');
    // Nothing about the person beyond a name and a language: no email, phone, address, income or story.
    for (const asked of ['email', 'phone', 'income', 'address', 'document'])
      expect(form).not.toContain(`name="${asked}`);
    const wrong = await helper.post('/posts/for-someone', { ...need, person_name: '', what: 'x'.repeat(61_000) });
    expect(wrong.status).toBe(422);
    const html = await wrong.text();
    expect(html).toContain('Please give a name');
    expect(html).toContain('value="es" checked');
    expect(await db().selectFrom('member_slips').select('member_id').execute()).toHaveLength(0);
  });

  it('posts the need as theirs and hands over a slip in their language, once', async () => {
    const res = await helper.post('/posts/for-someone', need);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('The slip for Rosa');
    expect(html).toContain('Pediste: Pañales talla 4');
    expect(html).toContain('lang="es"');
    code = codeOf(html);
    // A QR code to the follow page, drawn on the server; never the code itself.
    expect(html).toMatch(/<svg role="img" aria-label="QR code: the page where a slip is followed"/);
    expect(html.match(/<svg[\s\S]*?<\/svg>/)![0]).not.toContain(code);
    rosa = await memberNamed('Rosa');
    const post = await db()
      .selectFrom('posts')
      .select(['member_id', 'kind', 'status'])
      .where('what', '=', need.what)
      .executeTakeFirstOrThrow();
    expect(post).toEqual({ member_id: rosa, kind: 'need', status: 'open' });
    // The person, not the helper, is the asker: the helper's own page lists nothing of it.
    expect(await (await helper.get('/me')).text()).not.toContain('Pañales');
    // Stored as a keyed hash only.
    const stored = await db().selectFrom('recovery_codes').select('code_hash').where('member_id', '=', rosa).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.code_hash.toString('utf8')).not.toContain(code.replace(/-/g, ''));
  });

  it('follows the need with the code, without signing in, showing who helps and what they wrote', async () => {
    const anon = new Client(world);
    const open = await anon.post('/slip', { code: code.toLowerCase().replace(/-/g, ' ') });
    expect(open.status).toBe(200);
    const openHtml = await open.text();
    expect(openHtml).toContain('What was asked for Rosa');
    expect(openHtml).toContain('nobody has offered yet');
    const needId = (await db().selectFrom('posts').select('id').where('member_id', '=', rosa).executeTakeFirstOrThrow())
      .id;
    const claim = await neighbour.post(`/posts/${needId}/respond`);
    expect(claim.status).toBe(303);
    const matchId = idFromRedirect(claim);
    expect(
      (await neighbour.post(`/matches/${matchId}/messages`, { body: 'I can bring them Thursday at the table' })).status,
    ).toBe(303);
    const followed = await (await anon.post('/slip', { code })).text();
    expect(followed).toContain('Nia is helping with this.');
    expect(followed).toContain('I can bring them Thursday at the table');
    // A wrong code shows nothing and says so beside the field.
    const wrong = await anon.post('/slip', { code: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' });
    expect(wrong.status).toBe(422);
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toContain('This code shows nothing');
    expect(wrongHtml).not.toContain('Rosa');
  });

  it('does not count a slip never used among those who could vote', async () => {
    const p = { id: '00000000-0000-4000-8000-000000000000', subjectMemberId: null, circleId: null };
    const before = await eligibleCount(db(), p, world.now.value);
    const rosaClient = new Client(world);
    const signed = await rosaClient.post('/sign-in/code', { code });
    expect(signed.status).toBe(303);
    expect(await eligibleCount(db(), p, world.now.value)).toBe(before + 1);
    // Signed in as herself: her need is hers; the code is spent and follows nothing now.
    expect(await (await rosaClient.get('/me')).text()).toContain('Pañales');
    expect((await new Client(world).post('/slip', { code })).status).toBe(422);
  });

  it('signs nobody in before a second member seconds it, where joining takes one', async () => {
    await decideAgreement(world, files.founder, 'join_mode', 'seconded');
    const made = await helper.post('/posts/for-someone', {
      ...need,
      person_name: 'Beto',
      what: 'A ride to the clinic',
    });
    expect(made.status).toBe(200);
    const html = await made.text();
    expect(html).toContain('once another member seconds it');
    const betoCode = codeOf(html);
    const beto = new Client(world);
    const early = await beto.post('/sign-in/code', { code: betoCode });
    expect(early.status).toBe(422);
    expect(await early.text()).toContain('once a second member seconds it');
    // The follow page works meanwhile, and says the same.
    expect(await (await beto.post('/slip', { code: betoCode })).text()).toContain('A ride to the clinic');
    const betoId = await memberNamed('Beto');
    // Not by who brought them in; another member is told, sees it waiting, and seconds it.
    expect((await helper.post(`/members/slips/${betoId}/second`)).status).toBe(404);
    // The database itself refuses any session for them meanwhile, whatever the way in.
    await expect(createSession(db(), betoId, world.now.value)).rejects.toMatchObject({ code: 'KR033' });
    expect(await (await neighbour.get('/notifications')).text()).toContain('brought someone in with a slip');
    expect(await (await neighbour.get('/me')).text()).toContain('Tomás brought in Beto with a slip');
    expect((await neighbour.post(`/members/slips/${betoId}/second`)).status).toBe(303);
    expect(await (await neighbour.get('/notifications')).text()).not.toContain('brought someone in with a slip');
    expect((await beto.post('/sign-in/code', { code: betoCode })).status).toBe(303);
  });

  it('holds one member to the daily limit on bringing people in, keeping what was typed', async () => {
    const counter = await buildMember(world, { name: 'Counter' });
    let last: Response | undefined;
    for (let i = 0; i < 11; i++) {
      last = await counter.post('/posts/for-someone', {
        ...need,
        person_name: `Person ${i}`,
        what: `Need number ${i}`,
      });
      if (i < 10) expect(last.status).toBe(200);
    }
    expect(last!.status).toBe(429);
    const html = await last!.text();
    expect(html).toContain('as many people today as the network agreed');
    expect(html).toContain('Need number 10');
    expect(
      await db().selectFrom('members').select('id').where('display_name', '=', 'Person 10').execute(),
    ).toHaveLength(0);
  });
});
