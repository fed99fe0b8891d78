// Texts through a real gammu-smsd on gammu's dummy device (issue 21): a person texts the network's number, is asked
// only what their text left out, and their need is posted with them as its asker, each answer back within a minute; a
// member who helps writes in the thread and the person gets it by text, their reply lands in the thread, and neither
// number is ever shown; STOP (in English or Spanish) ends every text to the number; numbers are kept sealed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildMember, worldForFile, AREAS, type Client, type TestWorld } from '../support/app.ts';
import { engine } from '../support/db.ts';
import { gammuMissing, startModem, type Modem } from '../support/gammu.ts';
import { gatewayTurn } from '../../src/texts/commands.ts';

const files = worldForFile();
let world: TestWorld;
let modem: Modem;
let bo: Client;

const ANA = '+15550100001';
const LUZ = '+15550100002';

beforeAll(async () => {
  if (gammuMissing) return;
  world = files.world;
  bo = await buildMember(world, { name: 'Bo' });
  modem = await startModem();
  world.deps.config.texts = { kind: 'gammu', spool: modem.spool };
}, 30_000);

afterAll(async () => {
  await modem?.stop();
});

/** Turns the gateway (as the server does every few seconds) until gammu-smsd has sent `count` more texts; returns
 * them with how long the first took. */
async function repliesTo(
  count: number,
  before: number,
): Promise<{ texts: { to: string; text: string }[]; ms: number }> {
  const started = Date.now();
  while (Date.now() - started < 60_000) {
    await gatewayTurn(world.deps, world.now.value);
    const sent = modem.sent();
    if (sent.length >= before + count) return { texts: sent.slice(before), ms: Date.now() - started };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no reply within a minute (${modem.sent().length - before} of ${count})`);
}

async function text(from: string, body: string, replies = 1) {
  const before = modem.sent().length;
  modem.deliver(from, body);
  const got = await repliesTo(replies, before);
  // The acknowledgement reaches the person within 60 s of their text reaching the modem.
  expect(got.ms).toBeLessThan(60_000);
  for (const t of got.texts) expect(t.to).toBe(from);
  return got.texts.map((t) => t.text);
}

const contactOf = (memberId: string) =>
  world.deps.db.selectFrom('text_contacts').selectAll().where('member_id', '=', memberId).executeTakeFirstOrThrow();

describe.skipIf(gammuMissing)(`texts through gammu-smsd (${engine})`, () => {
  let needId: string;
  let matchPath: string;
  let anaMember: string;

  it('asks only what the text left out, then posts the need as the texter’s own', async () => {
    const [area] = await text(ANA, 'NEED groceries for my family');
    expect(area).toContain('Which area are you in?');
    expect(area).toContain(`1 ${AREAS[0]}`);
    const [soon] = await text(ANA, '2');
    expect(soon).toContain('How soon?');
    const [posted] = await text(ANA, 'today');
    expect(posted).toContain('Your need is posted: “groceries for my family”');
    const need = await world.deps.db
      .selectFrom('posts')
      .innerJoin('members', 'members.id', 'posts.member_id')
      .select(['posts.id', 'posts.category', 'posts.area', 'posts.urgency', 'posts.what', 'members.id as memberId'])
      .select(['members.display_name', 'members.language'])
      .where('posts.what', '=', 'groceries for my family')
      .executeTakeFirstOrThrow();
    expect(need).toMatchObject({ category: 'groceries', area: AREAS[1], urgency: 'urgent', language: 'en' });
    expect(need.display_name).toMatch(/^Neighbour by text [A-Z2-9]{4}$/);
    needId = need.id;
    anaMember = need.memberId;
  });

  it('relays a thread both ways through the network’s number, showing neither number', async () => {
    let before = modem.sent().length;
    const res = await bo.post(`/posts/${needId}/respond`);
    expect(res.status).toBe(303);
    matchPath = res.headers.get('location')!;
    // The texter is told, by text, what the app would have told them: someone will help.
    const told = await repliesTo(1, before);
    expect(told.texts[0]!.text).toContain('Someone can help with “groceries for my family”');
    before = modem.sent().length;
    expect((await bo.post(`${matchPath}/messages`, { body: 'I can bring them at 5' })).status).toBe(303);
    const { texts } = await repliesTo(1, before);
    expect(texts.map((t) => t.text)).toContain('Bo wrote: I can bring them at 5');
    const [ack] = await text(ANA, 'Thank you, 5 is good');
    expect(ack).toBe('Sent to Bo.');
    const thread = await (await bo.get(matchPath)).text();
    expect(thread).toContain('Thank you, 5 is good');
    expect(thread).not.toContain('5550100001');
    for (const t of modem.sent()) expect(t.text).not.toContain('5550100001');
  });

  it('keeps numbers sealed, found by keyed hash only', async () => {
    const rows = await sql<{ row: string }>`select t::text as row from text_contacts t`.execute(world.deps.db);
    expect(rows.rows.length).toBeGreaterThan(0);
    for (const r of rows.rows) {
      expect(r.row).not.toContain('5550100001');
      expect(r.row).not.toContain(Buffer.from('+15550100001').toString('hex'));
    }
    const out = await sql<{ row: string }>`select t::text as row from text_outbox t`.execute(world.deps.db);
    for (const r of out.rows) expect(r.row).not.toContain(Buffer.from('5550100001').toString('hex'));
  });

  it('stops every text to a number at STOP, and begins again at START', async () => {
    const [stopped] = await text(ANA, 'STOP');
    expect(stopped).toContain('You will get no more texts');
    const contact = await contactOf(anaMember);
    expect(contact.number_enc).toBeNull();
    expect(contact.stopped_at).not.toBeNull();
    const before = modem.sent().length;
    expect((await bo.post(`${matchPath}/messages`, { body: 'Are you there?' })).status).toBe(303);
    modem.deliver(ANA, 'hello again');
    for (let i = 0; i < 15; i++) {
      await gatewayTurn(world.deps, world.now.value);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(modem.sent().length).toBe(before);
    const [started] = await text(ANA, 'START');
    expect(started).toContain('Welcome back');
  });

  it('speaks Spanish to who texts in Spanish, all in one text, and takes ALTO as STOP', async () => {
    const [posted] = await text(LUZ, 'NECESITO comida en Riverside hoy');
    expect(posted).toContain('Gracias. Tu necesidad está publicada');
    const need = await world.deps.db
      .selectFrom('posts')
      .innerJoin('members', 'members.id', 'posts.member_id')
      .select(['posts.category', 'posts.area', 'posts.urgency', 'members.language'])
      .where('posts.what', '=', 'comida en Riverside hoy')
      .executeTakeFirstOrThrow();
    expect(need).toEqual({ category: 'food', area: 'Riverside', urgency: 'urgent', language: 'es' });
    const [help] = await text(LUZ, 'AYUDA');
    expect(help).toContain('vecinos que se ayudan');
    const [stopped] = await text(LUZ, 'ALTO');
    expect(stopped).toContain('No recibirás más mensajes');
  });
});
