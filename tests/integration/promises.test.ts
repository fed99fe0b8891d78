// What docs/SECURITY.md promises about sign-in, held (issue 15, part 3): membership cannot be probed through the join or
// settings forms; an address is attached only by its owner's link, and the old one is told of a change; changing it
// takes a recent sign-in; a member can sign out everywhere; a removed member's address stays out.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildMember,
  Client,
  confirmMailedEmail,
  memberIdOf,
  passHours,
  withMailSeen,
  type TestWorld,
  worldForFile,
} from '../support/app.ts';
import { engine } from '../support/db.ts';
import { createInvite } from '../../src/members/invites.ts';
import { createSession } from '../../src/members/sessions.ts';

const files = worldForFile();
let world: TestWorld;
let founder: Client;
beforeAll(() => {
  ({ world, founder } = files);
});

const hasEmail = async (name: string) =>
  (
    await world.deps.db
      .selectFrom('members')
      .select('email_hash')
      .where('display_name', '=', name)
      .executeTakeFirstOrThrow()
  ).email_hash !== null;
const strip = (r: Response) => ({ status: r.status, location: r.headers.get('location') });

describe(`sign-in promises (${engine})`, () => {
  it('answers the join form alike for a free address and a member’s; only the owner’s mailbox hears of it', async () => {
    await buildMember(world, { name: 'Owner Oda', email: 'oda@example.org' });
    const join = async (name: string, email: string) => {
      const { token } = await createInvite(world.deps.db, null, world.now.value);
      return withMailSeen(world, () =>
        new Client(world).post(`/join/${token}`, { display_name: name, language: 'en', email }),
      );
    };
    const taken = await join('Prober', 'ODA@example.org');
    const free = await join('Newcomer', 'new@example.org');
    expect(strip(taken.result)).toEqual(strip(free.result));
    expect(taken.result.status).toBe(303);
    expect(taken.mails.map((m) => [m.to, m.subject])).toEqual([
      ['oda@example.org', 'Someone tried to use your address'],
    ]);
    expect(free.mails.map((m) => m.subject)).toEqual(['Confirm your email address']);
    expect(await hasEmail('Prober')).toBe(false);
    expect(await hasEmail('Newcomer')).toBe(false); // until the owner opens the link
  });

  it('answers the settings form alike too, and attaches an address only through its owner’s link, telling the old one', async () => {
    const pia = await buildMember(world, { name: 'Pia', email: 'pia@example.org' });
    const probe = await withMailSeen(world, () =>
      pia.post('/settings', { display_name: 'Pia', language: 'en', email: 'oda@example.org', email_decisions: 'yes' }),
    );
    const change = await withMailSeen(world, () =>
      pia.post('/settings', {
        display_name: 'Pia',
        language: 'en',
        email: 'pia.new@example.org',
        email_decisions: 'yes',
      }),
    );
    expect(strip(probe.result)).toEqual(strip(change.result));
    expect(await (await pia.get(probe.result.headers.get('location')!)).text()).toContain(
      'We mailed a link to the address you gave',
    );
    expect(probe.mails.map((m) => m.to)).toEqual(['oda@example.org']);
    // Confirmed by the new address's owner: the address changes and the old one is told.
    const told = await withMailSeen(world, () =>
      confirmMailedEmail(world, new Client(world), change.mails, 'pia.new@example.org'),
    );
    expect(told.mails.map((m) => [m.to, m.subject])).toEqual([['pia@example.org', 'Your sign-in address was changed']]);
    // A link works once.
    const token = change.mails[0]!.text.match(/token=([\w-]{43})/)![1]!;
    expect((await new Client(world).post('/email/confirm', { token })).status).toBe(410);
  });

  it('mails at most three addresses a day for one member, so the form is no way to mail anyone, often', async () => {
    const una = await buildMember(world, { name: 'Una' });
    const asks = await withMailSeen(world, async () => {
      const answers: number[] = [];
      for (const to of ['a@example.net', 'b@example.net', 'oda@example.org', 'c@example.net', 'd@example.net']) {
        answers.push(
          (await una.post('/settings', { display_name: 'Una', language: 'en', email: to, email_decisions: 'yes' }))
            .status,
        );
      }
      return answers;
    });
    expect(asks.result).toEqual([303, 303, 303, 303, 303]); // the same answer every time
    expect(asks.mails.map((m) => m.to)).toEqual(['a@example.net', 'b@example.net', 'oda@example.org']);
    passHours(world, 25);
    const later = await withMailSeen(world, () =>
      una.post('/settings', { display_name: 'Una', language: 'en', email: 'c@example.net', email_decisions: 'yes' }),
    );
    expect(later.mails.map((m) => m.to)).toEqual(['c@example.net']);
  });

  it('asks for a recent sign-in before changing where sign-in links go', async () => {
    const quin = await buildMember(world, { name: 'Quin', email: 'quin@example.org' });
    passHours(world, 1); // the session is an hour old: a phone found unlocked
    const stale = await quin.post('/settings', {
      display_name: 'Quin',
      language: 'en',
      email: 'thief@example.net',
      email_decisions: 'yes',
    });
    expect(stale.status).toBe(422);
    const html = await stale.text();
    expect(html).toContain('sign out and sign in again first');
    expect(html).toContain('thief@example.net'); // what was typed stays
    // Freshly signed in, it goes ahead (to the confirmation link).
    quin.cookies.set(
      '__Host-kropotkin',
      await createSession(world.deps.db, await memberIdOf(world, 'Quin'), world.now.value),
    );
    expect(
      (
        await quin.post('/settings', {
          display_name: 'Quin',
          language: 'en',
          email: 'quin2@example.org',
          email_decisions: 'yes',
        })
      ).status,
    ).toBe(303);
  });

  it('signs a member out everywhere at once', async () => {
    const rue = await buildMember(world, { name: 'Rue' });
    const phone = new Client(world);
    phone.cookies.set(
      '__Host-kropotkin',
      await createSession(world.deps.db, await memberIdOf(world, 'Rue'), world.now.value),
    );
    expect((await phone.get('/board')).status).toBe(200);
    expect(await (await rue.get('/settings')).text()).toContain('Sign out everywhere');
    expect((await rue.post('/settings/sign-out-everywhere')).status).toBe(303);
    expect((await phone.get('/board')).status).toBe(401);
    expect((await rue.get('/board')).status).toBe(401);
    expect(
      await world.deps.db
        .selectFrom('sessions')
        .select('member_id')
        .where('member_id', '=', await memberIdOf(world, 'Rue'))
        .execute(),
    ).toEqual([]);
  });

  it('keeps a removed member’s address out: no link is mailed for it, to anyone who asks', async () => {
    const sam = await buildMember(world, { name: 'Sam', email: 'sam@example.org' });
    const other = await buildMember(world, { name: 'Tia' });
    const id = await memberIdOf(world, 'Sam');
    const voters = await Promise.all([1, 2, 3].map((i) => buildMember(world, { name: `Voter ${i}` })));
    const removal = (await founder.post(`/members/${id}/removal`, { reason: 'danger' })).headers.get('location')!;
    for (const v of [founder, ...voters]) await v.post(`${removal}/vote`, { pick: 'consent' });
    passHours(world, 25);
    const { runJobs } = await import('../../src/jobs.ts');
    await runJobs(world.deps);
    expect((await sam.get('/board')).status).toBe(401);
    const again = await withMailSeen(world, () =>
      other.post('/settings', {
        display_name: 'Tia',
        language: 'en',
        email: 'sam@example.org',
        email_decisions: 'yes',
      }),
    );
    expect(again.result.status).toBe(303); // the same answer as ever
    expect(again.mails).toEqual([]); // and nothing sent for it
    expect(await hasEmail('Tia')).toBe(false);
  });
});
