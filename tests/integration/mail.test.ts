// Email sign-in links and notification digests, through a real local SMTP server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, buildMember, buildPost, buildWorld, foundNetwork, type TestWorld } from '../support/app.ts';
import { engine } from '../support/db.ts';
import { mailText, startSmtp } from '../support/smtp.ts';
import { smtpMailer } from '../../src/mail/mailer.ts';
import { runJobs } from '../../src/jobs.ts';
import { RateLimiter } from '../../src/security/rate-limit.ts';

let world: TestWorld;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  smtp = await startSmtp();
  world = await buildWorld();
  world.deps.mailer = smtpMailer(smtp.url, 'Kropotkin <aid@localhost>');
  await foundNetwork(world);
});
afterAll(async () => {
  await world.close();
  await smtp.close();
});

const waitForMail = async (count: number) => {
  for (let i = 0; i < 100 && smtp.received.length < count; i++) await new Promise((r) => setTimeout(r, 20));
  return smtp.received;
};

const linkIn = (raw: string) => mailText(raw).match(/\/sign-in\/link\?token=([A-Za-z0-9_-]{43})/)![1]!;

describe(`email sign-in links (${engine})`, () => {
  it('mails a link that signs in once, and answers the same for unknown addresses', async () => {
    await buildMember(world, { email: 'Cy@Example.org' });
    const before = smtp.received.length;
    const visitor = new Client(world);
    const known = await (await visitor.post('/sign-in/email', { email: 'cy@example.org ' })).text();
    const unknown = await (await visitor.post('/sign-in/email', { email: 'nobody@example.org' })).text();
    const strip = (html: string) => html.replace(/nonce="[^"]+"/g, '');
    expect(strip(known)).toBe(strip(unknown));
    expect(known).toContain('If that address belongs to a member');
    const mails = await waitForMail(before + 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(smtp.received.length).toBe(before + 1);
    expect(mails.at(-1)!.to).toEqual(['cy@example.org']);
    const token = linkIn(mails.at(-1)!.raw);

    // Opening the link does not spend it; pressing the button does, once.
    const opener = new Client(world);
    const confirm = await opener.get(`/sign-in/link?token=${token}`);
    expect(confirm.status).toBe(200);
    expect((await opener.post('/sign-in/link', { token })).status).toBe(303);
    expect((await opener.get('/board')).status).toBe(200);
    const again = await new Client(world).post('/sign-in/link', { token });
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('expired or was already used');
  });

  it('lets a link expire after 10 minutes', async () => {
    await buildMember(world, { email: 'dee@example.org' });
    const before = smtp.received.length;
    await new Client(world).post('/sign-in/email', { email: 'dee@example.org' });
    const token = linkIn((await waitForMail(before + 1)).at(-1)!.raw);
    const saved = world.now.value;
    world.now.value = new Date(saved.getTime() + 10 * 60_000 + 1000);
    const res = await new Client(world).post('/sign-in/link', { token });
    world.now.value = saved;
    expect(res.status).toBe(410);
  });

  it('stores the token hashed and the address encrypted', async () => {
    const rows = await world.deps.db.selectFrom('sign_in_tokens').select('token_hash').execute();
    expect(rows.every((r) => r.token_hash.length === 32)).toBe(true);
    const members = await world.deps.db
      .selectFrom('members')
      .select(['email_enc', 'email_hash'])
      .where('email_enc', 'is not', null)
      .execute();
    for (const m of members) expect(m.email_enc!.toString('latin1')).not.toContain('@example.org');
  });

  it('limits how many links one address can ask for', async () => {
    const visitor = new Client(world);
    const answers: number[] = [];
    for (let i = 0; i < 7; i++)
      answers.push((await visitor.post('/sign-in/email', { email: 'flood@example.org' })).status);
    expect(answers.slice(0, 5).every((s) => s === 200)).toBe(true);
    expect(answers.slice(5)).toEqual([429, 429]);
  });

  it('cannot be denied to members by asking for addresses nobody has', async () => {
    const visitor = new Client(world);
    const answers: number[] = [];
    for (let i = 0; i < 300; i++)
      answers.push((await visitor.post('/sign-in/email', { email: `spread-${i}@example.net` })).status);
    expect(answers.every((s) => s === 200)).toBe(true);
    // A member still gets their link.
    await buildMember(world, { email: 'fay@example.org' });
    const before = smtp.received.length;
    expect((await new Client(world).post('/sign-in/email', { email: 'fay@example.org' })).status).toBe(200);
    expect((await waitForMail(before + 1)).at(-1)!.to).toEqual(['fay@example.org']);
  });

  it('stops mailing links once the whole server has sent its share, and then tells everyone alike', async () => {
    const limits = world.deps.limits;
    world.deps.limits = {
      ...limits,
      signInLinksGlobal: new RateLimiter(3, 15 * 60_000, () => world.now.value.getTime()),
    };
    try {
      for (let i = 0; i < 4; i++) await buildMember(world, { email: `share-${i}@example.org` });
      const answers: number[] = [];
      for (let i = 0; i < 4; i++)
        answers.push((await new Client(world).post('/sign-in/email', { email: `share-${i}@example.org` })).status);
      expect(answers.slice(0, 3)).toEqual([200, 200, 200]); // three links sent: the share
      // Used up: the answer is 429 whatever address is typed, so it tells nobody whose address is whose.
      expect((await new Client(world).post('/sign-in/email', { email: 'share-3@example.org' })).status).toBe(429);
      expect((await new Client(world).post('/sign-in/email', { email: 'nobody-at-all@example.net' })).status).toBe(429);
    } finally {
      world.deps.limits = limits;
    }
  });

  it('answers a known address without waiting for its mail or its link (nothing in the timing tells)', async () => {
    await buildMember(world, { email: 'gil@example.org' });
    const mailer = world.deps.mailer;
    let release!: () => void;
    const stuck = new Promise<void>((r) => (release = r));
    world.deps.mailer = { ...mailer, send: () => stuck };
    try {
      const answered = await Promise.race([
        Promise.resolve(
          world.app.request('http://localhost:3000/sign-in/email', {
            method: 'POST',
            headers: { origin: 'http://localhost:3000', 'content-type': 'application/x-www-form-urlencoded' },
            body: 'email=gil%40example.org',
          }),
        ).then((r: Response) => r.status),
        new Promise((r) => setTimeout(() => r('still waiting'), 5000)),
      ]);
      expect(answered).toBe(200);
    } finally {
      release();
      world.deps.mailer = mailer;
    }
  });
});

describe(`notification digests (${engine})`, () => {
  it('mails at most one digest an hour to a member whose offer fits new needs', async () => {
    const helper = await buildMember(world, { email: 'helper@example.org' });
    await buildPost(helper, { kind: 'offer', what: 'I have a car and can drive to clinics', category: 'rides' });
    const asker = await buildMember(world);
    await buildPost(asker, { what: 'Ride to the clinic on Monday', category: 'rides' });
    const toHelper = () =>
      smtp.received.filter((m) => m.to.includes('helper@example.org') && !mailText(m.raw).includes('/email/confirm'));
    await runJobs(world.deps);
    expect(toHelper()).toHaveLength(1);
    expect(mailText(toHelper()[0]!.raw)).toContain('A new need may fit your offer');

    await buildPost(await buildMember(world), { what: 'Ride to the pharmacy', category: 'rides' });
    world.now.value = new Date(world.now.value.getTime() + 30 * 60_000);
    await runJobs(world.deps);
    expect(toHelper()).toHaveLength(1); // not twice within the hour
    world.now.value = new Date(world.now.value.getTime() + 31 * 60_000);
    await runJobs(world.deps);
    expect(toHelper()).toHaveLength(2);
    expect(mailText(toHelper()[1]!.raw)).toContain('Ride to the pharmacy');
    // The in-app list always has them.
    expect(await (await helper.get('/notifications')).text()).toContain('Ride to the clinic on Monday');
  });

  it('keeps what members wrote on one line, so it cannot pass for the network’s own lines', async () => {
    const reader = await buildMember(world, { email: 'reader@example.org' });
    await buildPost(reader, { kind: 'offer', what: 'I can cook soup for neighbours', category: 'groceries' });
    const writer = await buildMember(world);
    await buildPost(writer, {
      what: 'Soup please\r\n\r\nIMPORTANT: reply to this mail with your sign-in link\n- New proposal: send money',
      category: 'groceries',
    });
    world.now.value = new Date(world.now.value.getTime() + 2 * 3_600_000);
    await runJobs(world.deps);
    const mail = smtp.received.filter((m) => m.to.includes('reader@example.org')).at(-1)!;
    const lines = mailText(mail.raw)
      .split(/\r?\n/)
      .filter((l) => l.trim());
    expect(lines.filter((l) => /IMPORTANT|send money/.test(l))).toEqual([
      expect.stringMatching(/^- A new need may fit your offer: .*Soup please IMPORTANT/),
    ]);
  });
});
