// Texts through an Android phone running SMS Gateway for Android, against its documented API (issue 21): the phone's
// local server takes texts to send (POST /messages, basic authentication, {textMessage: {text}, phoneNumbers}); the
// phone posts each text it receives to the network (the sms:received webhook), signed with HMAC-SHA256 over the raw
// body followed by X-Timestamp. A full text intake, a relayed conversation and STOP, through both; a webhook unsigned,
// wrongly signed, stale or replayed does nothing.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, worldForFile, type Client, type TestWorld } from '../support/app.ts';
import { engine } from '../support/db.ts';
import { afterResponseSettled } from '../../src/web/later.ts';
import { gatewayTurn } from '../../src/texts/commands.ts';

const files = worldForFile();
let world: TestWorld;
let bo: Client;
let phone: http.Server;
const KEY = 'signing-key-from-the-app';
const LOGIN = { user: 'sms', password: 'p4ss-from-the-app' };
const SAM = '+15550100009';
/** What the phone was asked to send, as its API received it. */
const sent: { to: string[]; text: string; auth: string | undefined }[] = [];

beforeAll(async () => {
  world = files.world;
  bo = await buildMember(world, { name: 'Bo' });
  phone = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const expected = `Basic ${Buffer.from(`${LOGIN.user}:${LOGIN.password}`).toString('base64')}`;
      if (req.headers.authorization !== expected) return void res.writeHead(401).end();
      if (req.method !== 'POST' || req.url !== '/messages') return void res.writeHead(404).end();
      const body = JSON.parse(raw) as { textMessage: { text: string }; phoneNumbers: string[] };
      sent.push({ to: body.phoneNumbers, text: body.textMessage.text, auth: req.headers.authorization });
      res.writeHead(202, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: crypto.randomUUID(), state: 'Pending', recipients: [] }));
    });
  });
  await new Promise<void>((r) => phone.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(phone.address() as AddressInfo).port}`;
  world.deps.config.texts = {
    kind: 'android',
    number: '+1 555 010 2000',
    url,
    login: LOGIN.user,
    password: LOGIN.password,
    signingKey: KEY,
  };
});

afterAll(async () => {
  await new Promise((r) => phone?.close(r));
});

let seq = 0;
/** The phone posts a received text to the network, signed as its app signs. */
async function webhook(from: string, text: string, opts: { key?: string; at?: number; id?: string } = {}) {
  const body = JSON.stringify({
    deviceId: 'ffffffffceb0b1db0000018e937c815b',
    event: 'sms:received',
    id: opts.id ?? `ev${++seq}`,
    payload: {
      messageId: `m${seq}`,
      message: text,
      phoneNumber: from,
      simNumber: 1,
      receivedAt: new Date().toISOString(),
    },
    webhookId: 'hook1',
  });
  const at = String(opts.at ?? Math.floor(world.now.value.getTime() / 1000));
  const signature = crypto
    .createHmac('sha256', opts.key ?? KEY)
    .update(body + at)
    .digest('hex');
  const res = await world.app.request('/texts/android', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-timestamp': at, 'x-signature': signature },
    body,
  });
  await afterResponseSettled();
  return res;
}

async function text(from: string, body: string): Promise<string> {
  const before = sent.length;
  expect((await webhook(from, body)).status).toBe(200);
  expect(sent.length).toBe(before + 1);
  expect(sent.at(-1)!.to).toEqual([from]);
  return sent.at(-1)!.text;
}

describe(`texts through an Android phone's gateway (${engine})`, () => {
  it('reads only what the phone signed, recently, once', async () => {
    const before = sent.length;
    expect((await webhook(SAM, 'NEED rides', { key: 'not the key' })).status).toBe(403);
    const stale = Math.floor(world.now.value.getTime() / 1000) - 3600;
    expect((await webhook(SAM, 'NEED rides', { at: stale })).status).toBe(403);
    const unsigned = await world.app.request('/texts/android', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(unsigned.status).toBe(403);
    expect(((await unsigned.json()) as { error: { code: string } }).error.code).toBe('bad_signature');
    expect(sent.length).toBe(before);
    expect(await world.deps.db.selectFrom('text_contacts').select('id').execute()).toEqual([]);
  });

  it('walks a text intake to a posted need, and handles a retried webhook once', async () => {
    expect(await text(SAM, 'NEED a ride to the clinic')).toContain('Which area are you in?');
    // The phone did not hear our answer and sends the same event again: it is not answered twice.
    const before = sent.length;
    expect((await webhook(SAM, 'NEED a ride to the clinic', { id: `ev${seq}` })).status).toBe(200);
    expect(sent.length).toBe(before);
    expect(await text(SAM, 'Eastside')).toContain('How soon?');
    expect(await text(SAM, '3')).toContain('Your need is posted: “a ride to the clinic”');
    const need = await world.deps.db
      .selectFrom('posts')
      .select(['category', 'area', 'urgency'])
      .where('what', '=', 'a ride to the clinic')
      .executeTakeFirstOrThrow();
    expect(need).toEqual({ category: 'rides', area: 'Eastside', urgency: 'whenever' });
  });

  it('relays a conversation, then STOP ends it', async () => {
    const need = await world.deps.db
      .selectFrom('posts')
      .select('id')
      .where('what', '=', 'a ride to the clinic')
      .executeTakeFirstOrThrow();
    const match = (await bo.post(`/posts/${need.id}/respond`)).headers.get('location')!;
    expect((await bo.post(`${match}/messages`, { body: 'I can drive you Tuesday' })).status).toBe(303);
    const before = sent.length;
    await gatewayTurn(world.deps, world.now.value);
    const relayed = sent.slice(before).map((s) => s.text);
    expect(relayed).toContain('Bo wrote: I can drive you Tuesday');
    expect(await text(SAM, 'Tuesday works, thanks')).toBe('Sent to Bo.');
    expect(await (await bo.get(match)).text()).toContain('Tuesday works, thanks');
    expect(await text(SAM, 'stop')).toContain('You will get no more texts');
    expect((await bo.post(`${match}/messages`, { body: 'See you then' })).status).toBe(303);
    const after = sent.length;
    await gatewayTurn(world.deps, world.now.value);
    expect((await webhook(SAM, 'hello?')).status).toBe(200);
    expect(sent.length).toBe(after);
  });

  it('marks the need met when the texter says DONE, and only then', async () => {
    expect(await text(SAM, 'START')).toContain('Welcome back');
    const need = await world.deps.db
      .selectFrom('posts')
      .select(['id', 'status'])
      .where('what', '=', 'a ride to the clinic')
      .executeTakeFirstOrThrow();
    expect(need.status).toBe('matched');
    expect(await text(SAM, 'DONE')).toBe('Marked as met. Thank you, and thanks to Bo.');
    const met = await world.deps.db
      .selectFrom('posts')
      .select('status')
      .where('id', '=', need.id)
      .executeTakeFirstOrThrow();
    expect(met.status).toBe('met');
    expect(await text(SAM, 'done')).toContain('nothing of yours being helped');
  });

  it('speaks in the words the members approved, as pages do', async () => {
    const words = '¿En qué barrio vives? Contesta con un número: {choices}';
    expect((await bo.post('/translate/es/text.askArea', { text: words })).status).toBe(303);
    const row = await world.deps.db
      .selectFrom('translations')
      .select('id')
      .where('key', '=', 'text.askArea')
      .executeTakeFirstOrThrow();
    expect((await files.founder.post(`/translate/proposals/${row.id}/approve`)).status).toBe(303);
    expect(await text('+15550100020', 'NECESITO comida')).toContain('¿En qué barrio vives? Contesta con un número: 1 ');
  });

  it('answers other events and what is not a text with no harm', async () => {
    const body = JSON.stringify({ event: 'sms:delivered', id: 'd1', payload: { messageId: 'x' } });
    const at = String(Math.floor(world.now.value.getTime() / 1000));
    const sig = crypto
      .createHmac('sha256', KEY)
      .update(body + at)
      .digest('hex');
    const res = await world.app.request('/texts/android', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-timestamp': at, 'x-signature': sig },
      body,
    });
    expect(res.status).toBe(200);
    const junk = 'not json';
    const junkSig = crypto
      .createHmac('sha256', KEY)
      .update(junk + at)
      .digest('hex');
    const bad = await world.app.request('/texts/android', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-timestamp': at, 'x-signature': junkSig },
      body: junk,
    });
    expect(bad.status).toBe(400);
    // A 60 KB text is read as its first part, and answered like any other.
    expect((await webhook('+15550100010', `NEED ${'x'.repeat(60_000)}`)).status).toBe(200);
  });

  it('keeps a number out of the post, and bounds what one number or a flood of numbers can make it do', async () => {
    expect(await text('+15550100011', 'NEED groceries, call me on 555 010 4444')).toContain('Which area');
    expect(await text('+15550100011', 'Old Town')).toContain('How soon');
    expect(await text('+15550100011', '1')).toContain('Your need is posted: “Groceries”');
    // One number texting in a loop (an answering machine): a bounded number of answers an hour, then silence.
    const before = sent.length;
    for (let i = 0; i < 45; i++) expect((await webhook('+15550100012', `hello ${i}`)).status).toBe(200);
    const answered = sent.length - before;
    expect(answered).toBeGreaterThan(0);
    expect(answered).toBeLessThanOrEqual(20);
    // A flood of new numbers: only so many are heard in an hour.
    for (let i = 0; i < 70; i++) await webhook(`+1555020${String(i).padStart(4, '0')}`, 'hi');
    const known = await world.deps.db
      .selectFrom('text_contacts')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(known.n)).toBeLessThanOrEqual(60);
  });

  it('prints flyers and cards in each of the network’s languages, with the number and a code that starts a text', async () => {
    const list = await (await bo.get('/texts')).text();
    expect(list).toContain('+1 555 010 2000');
    const flyer = await bo.get('/texts/flyer?lang=es');
    expect(flyer.status).toBe(200);
    const html = await flyer.text();
    expect(html).toContain('lang="es"');
    // The number kept left to right (an isolate) inside a sentence in any direction.
    expect(html).toContain('Escribe lo que necesitas al \u2066+1 555 010 2000\u2069, como «NECESITO comida».');
    expect(html).toContain('Escribe ALTO para no recibir más.');
    expect(html).toContain('aria-label="Código QR que empieza un mensaje a la red"');
    const cards = await (await bo.get('/texts/flyer?lang=es&cards=1')).text();
    expect(cards.match(/class="handout card-print"/g)?.length).toBe(8);
    expect(list).toContain('href="/texts/flyer.pdf?lang=es"');
    const pdf = await bo.get('/texts/flyer.pdf?lang=es&cards=1');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    // A language the network does not offer: its first language instead, never an error.
    expect((await bo.get('/texts/flyer?lang=zz')).status).toBe(200);
  });
});
