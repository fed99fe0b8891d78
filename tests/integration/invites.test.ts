// Invite links members can hold to account (issue 15): one use by default or a few more, ended by their maker or by
// any two members, under the join agreement as it stands, and closed to a removed member until a member seconds them.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMember, Client, memberIdOf, passHours, type TestWorld, worldForFile } from '../support/app.ts';
import { engine } from '../support/db.ts';
import { passByConsent } from '../support/fund.ts';
import { runJobs } from '../../src/jobs.ts';

const files = worldForFile();
let world: TestWorld;
let founder: Client;
beforeAll(() => {
  ({ world, founder } = files);
});

/** Makes a link through the form; returns its path (/join/TOKEN). */
async function makeLink(by: Client, uses?: string): Promise<string> {
  const html = await (await by.post('/invites', uses ? { uses } : {})).text();
  return html.match(/\/join\/[\w-]{43}/)![0];
}

let joined = 0;
const join = (link: string) =>
  new Client(world).post(link, { display_name: `Joiner ${++joined}`, language: 'en', email: '' });

describe(`invite links (${engine})`, () => {
  it('admits one person by default, and as many as chosen, however many arrive at once', async () => {
    const one = await makeLink(founder);
    expect((await join(one)).status).toBe(303);
    const again = await join(one);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('used by as many people as it was made for');
    const flyer = await makeLink(founder, '5');
    const answers = await Promise.all(Array.from({ length: 8 }, () => join(flyer)));
    expect(answers.filter((r) => r.status === 303)).toHaveLength(5);
    expect(answers.filter((r) => r.status === 410)).toHaveLength(3);
    // A made-up number of uses is not taken: one person.
    const odd = await makeLink(founder, '100000');
    expect((await join(odd)).status).toBe(303);
    expect((await join(odd)).status).toBe(410);
  });

  it('shows its maker the links they made, and ends one at once', async () => {
    const maya = await buildMember(world, { name: 'Maya' });
    const link = await makeLink(maya, '25');
    const page = await (await maya.get('/invites')).text();
    expect(page).toContain('Links you made');
    expect(page).toMatch(/0 of 25 joined/);
    const id = page.match(/action="\/invites\/([0-9a-f-]{36})\/end"/)![1]!;
    expect((await founder.post(`/invites/${id}/end`)).status).toBe(404); // not the maker
    expect((await maya.post(`/invites/${id}/end`)).status).toBe(303);
    expect((await join(link)).status).toBe(410);
  });

  it('ends a link that got out when two members ask, and never on one member’s word', async () => {
    const link = await makeLink(founder, '100');
    const [bo, cy] = [await buildMember(world, { name: 'Bo' }), await buildMember(world, { name: 'Cy' })];
    const pasted = `https://mutual.example${link}`;
    expect((await bo.post('/invites/end', { link: pasted })).headers.get('location')).toBe('/invites?done=endAsked');
    expect((await bo.post('/invites/end', { link: pasted })).headers.get('location')).toBe(
      '/invites?done=alreadyAsked',
    );
    expect((await join(link)).status).toBe(303); // still works on one member's word
    const page = await (await cy.get('/invites')).text();
    expect(page).toContain('Bo asked to end a link Ada made');
    const id = page.match(/action="\/invites\/([0-9a-f-]{36})\/end\/confirm"/)![1]!;
    expect((await bo.post(`/invites/${id}/end/confirm`)).status).toBe(404); // the one who asked is not the second
    expect((await cy.post(`/invites/${id}/end/confirm`)).status).toBe(303);
    expect((await join(link)).status).toBe(410);
    expect(
      (await cy.post('/invites/end', { link: 'https://elsewhere.example/join/nothing' })).headers.get('location'),
    ).toBe('/invites?done=notFound');
  });

  it('holds every live link to the join agreement as it stands', async () => {
    const link = await makeLink(founder, '25');
    const res = await founder.post('/decisions', {
      title: 'Joining takes a second member',
      process: 'consent',
      closes_in: '24',
      agreement: 'join_mode',
      agreement_value: 'seconded',
    });
    expect(res.status).toBe(303);
    await passByConsent(world);
    const waiting = await join(link);
    expect(waiting.status).toBe(410);
    expect(await waiting.text()).toContain('works once a second member seconds it');
    const dee = await buildMember(world, { name: 'Dee' });
    const id = (await (await dee.get('/invites')).text()).match(/action="\/invites\/([0-9a-f-]{36})\/second"/)![1]!;
    expect((await dee.post(`/invites/${id}/second`)).status).toBe(303);
    expect((await join(link)).status).toBe(303);
    // Back to open joining, by decision.
    expect(
      (
        await founder.post('/decisions', {
          title: 'Open joining again',
          process: 'consent',
          closes_in: '24',
          agreement: 'join_mode',
          agreement_value: 'open',
        })
      ).status,
    ).toBe(303);
    await passByConsent(world);
  });

  it('after a removal, makes every live link wait for a fresh second, and keeps only a keyed hash of the address', async () => {
    const link = await makeLink(founder, '25');
    const rex = await buildMember(world, { name: 'Rex', email: 'rex@example.org' });
    const id = await memberIdOf(world, 'Rex');
    const voters = await Promise.all([1, 2, 3, 4].map((i) => buildMember(world, { name: `Voter ${i}` })));
    const removal = (await founder.post(`/members/${id}/removal`, { reason: 'danger', note: 'Threats' })).headers.get(
      'location',
    )!;
    for (const v of [founder, ...voters]) await v.post(`${removal}/vote`, { pick: 'consent' });
    passHours(world, 25);
    await runJobs(world.deps);
    expect((await rex.get('/board')).status).toBe(401);
    const back = await join(link);
    expect(back.status).toBe(410);
    expect(await back.text()).toContain('works once a second member seconds it');
    const marks = await world.deps.db.selectFrom('removed_marks').select('mark').execute();
    expect(marks).toHaveLength(1);
    expect(marks[0]!.mark.toString('latin1')).not.toContain('rex');
    // A member who trusts the link seconds it again.
    const inviteId = (await (await voters[0]!.get('/invites')).text()).match(
      /action="\/invites\/([0-9a-f-]{36})\/second"/,
    )![1]!;
    expect((await voters[0]!.post(`/invites/${inviteId}/second`)).status).toBe(303);
    expect((await join(link)).status).toBe(303);
  });
});
