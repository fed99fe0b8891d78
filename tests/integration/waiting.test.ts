// Every "waits for a second member" reaches the members who can act (issue 18): a crisis call, a pause, a removal
// nobody seconded, money waiting to be confirmed (a sole treasurer's own contribution too), an invite link or a
// sign-in code to second. Each shows on the page of every member who may act — never the one who asked, never the one
// it is about — with what happens if nobody does; the notification goes when it is done, so nobody is sent to act on
// what is settled.
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestWorld, buildMember, idFromRedirect, memberIdOf, worldForFile } from '../support/app.ts';
import { engine } from '../support/db.ts';
import { formKey, makeTreasurer, potId } from '../support/fund.ts';
import { makeSignInCode, secondSignInCode } from '../../src/members/ways-back.ts';
import { createInvite, secondInvite } from '../../src/members/invites.ts';

const files = worldForFile();
let world: TestWorld;
let ama: Client;
let bo: Client;
let cy: Client;
let deeClient: Client | undefined;
const dee = () => deeClient!;
beforeAll(async () => {
  world = files.world;
  ama = await buildMember(world, { name: 'Ama' });
  bo = await buildMember(world, { name: 'Bo' });
  cy = await buildMember(world, { name: 'Cy' });
});

const waitingOn = async (client: Client) => {
  const html = await (await client.get('/me')).text();
  const start = html.indexOf('<section aria-labelledby="waiting-title"');
  return start < 0 ? '' : html.slice(start, html.indexOf('</section>', start));
};

const told = (name: string, kind: string) =>
  world.deps.db
    .selectFrom('notifications')
    .innerJoin('members', 'members.id', 'notifications.member_id')
    .select(['notifications.subject', 'notifications.read_at'])
    .where('members.display_name', '=', name)
    .where('kind', '=', kind)
    .execute();

describe(`what waits for a second member (${engine})`, () => {
  it('a crisis call: everyone else is told, sees it with when it lapses, and the news goes once it is confirmed', async () => {
    expect((await ama.post('/crisis/ask')).status).toBe(303);
    expect(await told('Bo', 'crisis_asked')).toHaveLength(1);
    expect(await told('Ama', 'crisis_asked')).toHaveLength(0);
    const list = await waitingOn(bo);
    expect(list).toContain('Ama called crisis mode: confirm it, if the emergency is real');
    expect(list).toContain('If nobody confirms by');
    expect(list).toContain('href="/crisis"');
    expect(await waitingOn(ama)).toBe(''); // not the one who called it
    expect((await bo.post('/crisis/confirm')).status).toBe(303);
    expect(await told('Cy', 'crisis_asked')).toHaveLength(0);
    expect(await told('Cy', 'crisis_called')).toHaveLength(1);
    expect(await waitingOn(cy)).toBe('');
  });

  it('a pause and a removal: the members who can act are told, not the one it is about', async () => {
    deeClient = await buildMember(world, { name: 'Dee' });
    const deeId = await memberIdOf(world, 'Dee');
    expect((await ama.post(`/members/${deeId}/pause`, { reason: 'harassment' })).status).toBe(303);
    expect(await told('Bo', 'pause_asked')).toEqual([{ subject: deeId, read_at: null }]);
    expect(await told('Dee', 'pause_asked')).toHaveLength(0);
    expect(await waitingOn(dee())).toBe('');
    const list = await waitingOn(cy);
    expect(list).toContain('A pause of Dee’s posting was asked');
    expect(list).toContain('the ask lapses and Dee can post as before');
    expect(list).toContain(`href="/members/${deeId}"`);
    expect((await bo.post(`/members/${deeId}/pause/confirm`)).status).toBe(303);
    expect(await told('Cy', 'pause_asked')).toHaveLength(0);
    expect(await waitingOn(cy)).not.toContain('A pause of Dee');

    expect(
      (
        await ama.post(`/members/${deeId}/removal`, {
          reason: 'harassment',
          note: 'Messages after being asked to stop',
        })
      ).status,
    ).toBe(303);
    expect(await told('Cy', 'removal_to_second')).toHaveLength(1);
    expect(await waitingOn(cy)).toContain('The proposal to remove Dee waits for a second member');
    expect(await waitingOn(cy)).toContain('Dee’s posts stay visible');
    expect((await cy.post(`/members/${deeId}/removal/second`)).status).toBe(303);
    expect(await told('Bo', 'removal_to_second')).toHaveLength(0);
    expect(await waitingOn(bo)).not.toContain('remove Dee');
  });

  it('a sole treasurer’s own contribution waits for any other member, who is told and can confirm it', async () => {
    await makeTreasurer(world, ama, 'Bo');
    const pot = await potId(world);
    const res = await bo.post('/fund/give', { key: await formKey(bo, '/fund/give'), fund: pot, amount: '20' });
    const recordId = idFromRedirect(res);
    const rec = await world.deps.db
      .selectFrom('fund_records')
      .select('confirm_by')
      .where('id', '=', recordId)
      .executeTakeFirstOrThrow();
    expect(rec.confirm_by).toBe('second');
    expect((await told('Cy', 'fund_to_confirm')).map((n) => n.subject)).toContain(recordId);
    const list = await waitingOn(cy);
    expect(list).toContain('confirm it as the second member');
    expect(list).toContain('Until someone confirms it, it is not in the ledger');
    expect(await waitingOn(bo)).not.toContain(`/fund/records/${recordId}`); // not their own
    const confirmed = await cy.post(`/fund/records/${recordId}/confirm`, {
      key: await formKey(cy, `/fund/records/${recordId}`),
    });
    expect(confirmed.status).toBe(303);
    expect((await told('Ama', 'fund_to_confirm')).map((n) => n.subject)).not.toContain(recordId);
    expect(await waitingOn(ama)).not.toContain(`/fund/records/${recordId}`);
  });

  it('a sign-in code for a member with a role: the others see it, with when it stops working', async () => {
    const [amaId, boId] = await Promise.all([memberIdOf(world, 'Ama'), memberIdOf(world, 'Bo')]);
    const made = await makeSignInCode(world.deps.db, world.deps.keys, {
      memberId: boId,
      madeBy: amaId,
      needsSecond: true,
      now: world.now.value,
    });
    expect(made.ok).toBe(true);
    const list = await waitingOn(cy);
    expect(list).toContain('A sign-in code Ama made for Bo waits for a second member');
    expect(list).toContain('the code stops working and Bo will need another one');
    expect(await waitingOn(ama)).not.toContain('sign-in code');
    expect(await waitingOn(bo)).not.toContain('sign-in code');
    // Bo hears a code was made for them (a warning if they did not ask); Cy and the others hear it needs a second.
    expect(await told('Bo', 'code_made_for_you')).toHaveLength(1);
    expect(await told('Cy', 'code_to_second')).toHaveLength(1);
    expect(await told('Ama', 'code_to_second')).toHaveLength(0);
    const code = await world.deps.db
      .selectFrom('sign_in_codes')
      .select('id')
      .where('member_id', '=', boId)
      .executeTakeFirstOrThrow();
    expect(await secondSignInCode(world.deps.db, code.id, await memberIdOf(world, 'Cy'), world.now.value)).toBe(true);
    expect(await told('Dee', 'code_to_second')).toHaveLength(0);
    expect(await waitingOn(dee())).not.toContain('sign-in code');
  });

  it('an invite link to second: every member but its maker hears, and the news goes once it is seconded', async () => {
    const amaId = await memberIdOf(world, 'Ama');
    await createInvite(world.deps.db, amaId, world.now.value, { joinMode: 'seconded' });
    const invite = await world.deps.db
      .selectFrom('invites')
      .select('id')
      .where('created_by', '=', amaId)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect((await told('Bo', 'invite_to_second')).map((n) => n.subject)).toEqual([invite.id]);
    expect(await told('Ama', 'invite_to_second')).toHaveLength(0);
    const boId = await memberIdOf(world, 'Bo');
    expect(await secondInvite(world.deps.db, invite.id, boId, 'seconded', world.now.value)).toBe(true);
    expect(await told('Cy', 'invite_to_second')).toHaveLength(0);
  });
});
