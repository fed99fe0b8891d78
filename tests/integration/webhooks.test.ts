// Webhooks (issue 22): a member adds one on their Apps and tokens page (the secret shown once); a new post on the board
// and their notifications reach their program, signed per the Standard Webhooks specification; a program that fails is
// tried again with growing pauses; nobody else's notifications ever go to it; private addresses are refused.
import http from 'node:http';
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { buildMember, buildPost, passHours, worldForFile, type Client, type TestWorld } from '../support/app.ts';
import { runJobs } from '../../src/jobs.ts';
import { engine } from '../support/db.ts';

const files = worldForFile();
let world: TestWorld;
let ada: Client;
let bo: Client;

type Got = { headers: http.IncomingHttpHeaders; body: string };
const got: Got[] = [];
let answer = 200;
const receiver = http.createServer((req, res) => {
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    got.push({ headers: req.headers, body });
    res.writeHead(answer).end();
  });
});
let hookUrl = '';

beforeAll(async () => {
  world = files.world;
  ada = files.founder;
  bo = await buildMember(world, { name: 'Bo' });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/kropotkin`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

describe(`webhooks (${engine})`, () => {
  let secret = '';

  it('refuses an address on this machine unless the host allows it, and asks for something to send', async () => {
    const local = await ada.post('/settings/webhooks', { url: hookUrl, post_created: 'on' });
    expect(local.status).toBe(422);
    expect(await local.text()).toContain('Give an https address on the internet');
    world.deps.config.webhookPrivateAddresses = true;
    const nothing = await ada.post('/settings/webhooks', { url: hookUrl });
    expect(nothing.status).toBe(422);
    expect(await nothing.text()).toContain('Choose at least one thing to send.');
    const made = await ada.post('/settings/webhooks', { url: hookUrl, post_created: 'on', notification_created: 'on' });
    expect(made.status).toBe(200);
    secret = /<code class="code" id="new-secret">(whsec_[A-Za-z0-9+/=]+)<\/code>/.exec(await made.text())?.[1] ?? '';
    expect(secret).toMatch(/^whsec_/);
    const row = await world.deps.db.selectFrom('webhooks').select('secret_enc').executeTakeFirstOrThrow();
    expect(row.secret_enc.toString('latin1')).not.toContain(secret.slice(6));
  });

  it('sends a new post and the member’s own notifications, signed per Standard Webhooks', async () => {
    passHours(world, 0.01);
    await buildPost(bo, { kind: 'need', what: 'A ride to the clinic on Thursday', category: 'rides' });
    // Bo proposes something: every other member is told (Ada among them), and Bo is not.
    const proposed = await bo.post('/decisions', {
      title: 'Meet on Sundays',
      body: 'At the hall',
      process: 'consent',
      closes_in: '24',
    });
    expect(proposed.status).toBe(303);
    passHours(world, 0.01);
    await runJobs(world.deps);
    const posts = got.filter((g) => JSON.parse(g.body).type === 'post.created');
    expect(posts).toHaveLength(1);
    const delivery = posts[0]!;
    // The library's own check, and the specification's arithmetic done by hand.
    const wh = new Webhook(secret);
    const id = delivery.headers['webhook-id'] as string;
    const ts = delivery.headers['webhook-timestamp'] as string;
    // The receiver's clock as the server's (the test's clock is not today's): the timestamp is checked against it.
    const receiverClock = vi.spyOn(Date, 'now').mockReturnValue(Number(ts) * 1000);
    const payload = wh.verify(delivery.body, delivery.headers as Record<string, string>) as {
      data: { what: string; by: string; area: string };
    };
    expect(payload.data).toMatchObject({ what: 'A ride to the clinic on Thursday', by: 'Bo' });
    const mac = crypto
      .createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64'))
      .update(`${id}.${ts}.${delivery.body}`)
      .digest('base64');
    expect(delivery.headers['webhook-signature']).toBe(`v1,${mac}`);
    // Tampered with, it does not verify.
    expect(() =>
      wh.verify(delivery.body.replace('Thursday', 'Friday'), delivery.headers as Record<string, string>),
    ).toThrow();
    receiverClock.mockRestore();
    // A notification of Ada's (a need may fit her offer, a proposal opened…) goes; Bo's never do.
    const notes = got.filter((g) => JSON.parse(g.body).type === 'notification.created');
    expect(notes.map((n) => JSON.parse(n.body).data.kind)).toContain('proposal_opened');
    for (const n of notes) expect(JSON.parse(n.body).data.text).toBeTypeOf('string');
    const bosNotes = await world.deps.db
      .selectFrom('notifications')
      .innerJoin('members', 'members.id', 'notifications.member_id')
      .select('notifications.id')
      .where('members.display_name', '=', 'Bo')
      .execute();
    for (const n of bosNotes) expect(got.some((g) => g.body.includes(n.id))).toBe(false);
  });

  it('tries a failing program again later, with growing pauses, and reports the last delivery', async () => {
    answer = 500;
    const before = got.length;
    await buildPost(bo, { kind: 'offer', what: 'Spare winter coats, two of them', category: 'supplies' });
    passHours(world, 0.01);
    await runJobs(world.deps);
    expect(got.length).toBe(before + 1);
    const failed = await world.deps.db
      .selectFrom('webhook_deliveries')
      .select(['tries', 'next_at', 'delivered_at', 'last_status'])
      .where('delivered_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ tries: 1, last_status: 500 });
    await runJobs(world.deps); // not yet due: nothing sent
    expect(got.length).toBe(before + 1);
    answer = 200;
    passHours(world, 0.02); // past the first pause of half a minute
    await runJobs(world.deps);
    expect(got.length).toBe(before + 2);
    expect(got.at(-1)!.headers['webhook-id']).toBe(got.at(-2)!.headers['webhook-id']); // the same message again
    const page = await (await ada.get('/settings/tokens')).text();
    expect(page).toContain('last delivered');
  });

  it('lets only its member remove it', async () => {
    const hook = await world.deps.db.selectFrom('webhooks').select('id').executeTakeFirstOrThrow();
    expect((await bo.post(`/settings/webhooks/${hook.id}/remove`)).status).toBe(404);
    expect((await ada.post(`/settings/webhooks/${hook.id}/remove`)).status).toBe(303);
    expect(await world.deps.db.selectFrom('webhooks').select('id').execute()).toEqual([]);
  });
});
