// Roles that rotate: a role is defined by the members' decision (term, seats, terms in a row, volunteering), filled by
// decision or by volunteering, reminded about near a term's end, and carries a handover note from holder to holder.
// The database holds the seat and rotation rules even against a direct write.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { type Client, type TestWorld, buildMember, passHours, worldForFile } from '../support/app.ts';
import { engine } from '../support/db.ts';
import { memberIdOf, passByConsent } from '../support/fund.ts';
import { runJobs } from '../../src/jobs.ts';
import { holders, nextHolders } from '../../src/roles/queries.ts';

const files = worldForFile();
let world: TestWorld;
let founder: Client;
let bea: Client;
let cal: Client;
let dee: Client;

const db = () => world.deps.db;
const days = (n: number) => passHours(world, n * 24);

async function defineRole(by: Client, fields: Record<string, string>, path = '/roles/new') {
  const res = await by.post(path, { process: 'consent', closes_in: '24', ...fields });
  expect(res.status, await res.clone().text()).toBe(303);
  await passByConsent(world);
}

beforeAll(async () => {
  world = files.world;
  founder = files.founder;
  bea = await buildMember(world, { name: 'Bea' });
  cal = await buildMember(world, { name: 'Cal' });
  dee = await buildMember(world, { name: 'Dee' });
});

describe(`roles defined by agreement (${engine})`, () => {
  it('makes a role only by decision, then lists it with its rules', async () => {
    await expect(
      sql`insert into roles (name, title, term_days, seats, terms_in_row) values ('boss', 'Boss', 30, 1, 1)`.execute(
        db(),
      ),
    ).rejects.toMatchObject({ code: 'KR010' });
    const bad = await founder.post('/roles/new', {
      title: 'X',
      term_days: '3',
      seats: '0',
      terms_in_row: '',
      process: 'consent',
      closes_in: '24',
    });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Please give the role a name of 2 to 60 characters.');
    expect(html).toContain('value="X"'); // what was typed stays
    await defineRole(founder, {
      title: 'Coordinator',
      duties: 'Keeps the weekly call going',
      term_days: '7',
      seats: '1',
      terms_in_row: '2',
      volunteering: 'on',
    });
    const page = await (await bea.get('/roles')).text();
    expect(page).toContain('Coordinator');
    expect(page).toContain('Keeps the weekly call going');
    expect(page).toContain('at most 2 in a row');
    expect(page).toContain('Volunteer for this role');
  });

  it('lets one member volunteer into the one seat and refuses the next, in the app and in the database', async () => {
    expect((await bea.post('/roles/coordinator/volunteer')).status).toBe(303);
    expect((await holders(db(), 'coordinator', world.now.value)).map((h) => h.name)).toEqual(['Bea']);
    const second = await cal.post('/roles/coordinator/volunteer');
    expect(second.status).toBe(409);
    expect(await second.text()).toContain('Every seat of this role is taken');
    const at = world.now.value;
    await expect(
      sql`insert into role_terms (role, member_id, starts_at, ends_at, volunteered)
      values ('coordinator', ${await memberIdOf(world, 'Cal')}, ${at}, ${at}::timestamptz + interval '7 days', true)`.execute(
        db(),
      ),
    ).rejects.toMatchObject({ code: 'KR024' });
    // A role filled by decision only cannot be volunteered for.
    expect((await cal.post('/roles/treasurer/volunteer')).status).toBe(403);
  });

  it('reminds the network once as a term nears its end, and the next holder is lined up by decision', async () => {
    days(5); // 2 days left of a 7-day term: inside the reminder window
    await runJobs(world.deps);
    const reminded = await db()
      .selectFrom('notifications')
      .select('member_id')
      .where('kind', '=', 'role_ending')
      .where('subject', '=', 'coordinator')
      .execute();
    expect(reminded.length).toBe(4);
    await runJobs(world.deps);
    expect(
      (await db().selectFrom('notifications').select('id').where('kind', '=', 'role_ending').execute()).length,
    ).toBe(4);
    const note = await (await cal.get('/notifications')).text();
    expect(note).toContain('A term as Coordinator ends soon');

    const res = await founder.post('/roles/coordinator/propose', {
      member: await memberIdOf(world, 'Cal'),
      days: '7',
      process: 'consent',
      closes_in: '24',
    });
    expect(res.status).toBe(303);
    await passByConsent(world); // passes while Bea still holds the only seat: Cal's term waits for it
    expect((await holders(db(), 'coordinator', world.now.value)).map((h) => h.name)).toEqual(['Bea']);
    const next = await nextHolders(db(), 'coordinator', world.now.value);
    expect(next.map((h) => h.name)).toEqual(['Cal']);
    const beaEnds = (await holders(db(), 'coordinator', world.now.value))[0]!.endsAt;
    expect(next[0]!.startsAt.getTime()).toBe(beaEnds.getTime());
  });

  it('carries the handover note from holder to holder, encrypted, and nobody else reads or writes it', async () => {
    const secret = 'Hall key is with Omar at the bakery, call 555-0199';
    expect((await bea.post('/roles/coordinator/handover', { note: secret })).status).toBe(303);
    expect(await (await cal.get('/roles/coordinator')).text()).toContain('Hall key is with Omar'); // the next holder
    const outsider = await (await dee.get('/roles/coordinator')).text();
    expect(outsider).not.toContain('Hall key');
    expect(outsider).toContain('Only the role');
    expect((await dee.post('/roles/coordinator/handover', { note: 'let me in' })).status).toBe(403);
    const empty = await bea.post('/roles/coordinator/handover', { note: '   ' });
    expect(empty.status).toBe(422);
    const stored = await db().selectFrom('role_handovers').select('note_enc').execute();
    expect(stored.length).toBe(1);
    expect(stored[0]!.note_enc.toString('latin1')).not.toContain('Omar');
    days(2);
    expect((await holders(db(), 'coordinator', world.now.value)).map((h) => h.name)).toEqual(['Cal']);
    expect(await (await cal.get('/roles/coordinator')).text()).toContain('Hall key is with Omar');
    // The holder whose term ended reads it no more (they may still write for a while).
    expect(await (await bea.get('/roles/coordinator')).text()).not.toContain('Hall key');
  });

  it('holds the rule on terms in a row: volunteering stops at the limit; a decision may allow more, knowingly', async () => {
    // Cal: one term now. Step down, volunteer again (second in a row), then the third is refused.
    const calTerm = (await holders(db(), 'coordinator', world.now.value))[0]!;
    expect((await cal.post(`/roles/terms/${calTerm.termId}/step-down`)).status).toBe(303);
    expect(await holders(db(), 'coordinator', world.now.value)).toEqual([]);
    expect((await cal.post('/roles/coordinator/volunteer')).status).toBe(303);
    days(8);
    const third = await cal.post('/roles/coordinator/volunteer');
    expect(third.status).toBe(409);
    expect(await third.text()).toContain('more terms in a row');
    const calId = await memberIdOf(world, 'Cal');
    const asked = await founder.post('/roles/coordinator/propose', {
      member: calId,
      days: '7',
      process: 'consent',
      closes_in: '24',
    });
    expect(asked.status).toBe(422);
    expect(await asked.text()).toContain('Tick the box to ask the members to allow it anyway');
    const allowed = await founder.post('/roles/coordinator/propose', {
      member: calId,
      days: '7',
      beyond_rotation: 'on',
      process: 'consent',
      closes_in: '24',
    });
    expect(allowed.status).toBe(303);
    expect(await (await founder.get(allowed.headers.get('location')!)).text()).toContain(
      'more terms in a row than the role',
    );
    await passByConsent(world);
    expect((await holders(db(), 'coordinator', world.now.value)).map((h) => h.name)).toEqual(['Cal']);
  });

  it('changes a role by decision: terms running keep their dates', async () => {
    const before = (await holders(db(), 'coordinator', world.now.value))[0]!;
    await defineRole(
      founder,
      { title: 'Coordinator', term_days: '30', seats: '2', terms_in_row: '3' },
      '/roles/coordinator/change',
    );
    const after = (await holders(db(), 'coordinator', world.now.value))[0]!;
    expect(after.endsAt.getTime()).toBe(before.endsAt.getTime());
    expect(await (await bea.get('/roles/coordinator')).text()).toContain('Held by 1 of 2.');
    expect(await (await bea.get('/roles')).text()).not.toContain('action="/roles/coordinator/volunteer"'); // volunteering was not kept
  });

  it('shows the handover note to holders and the next holder only: volunteering and stepping down at once opens nothing', async () => {
    await defineRole(founder, {
      title: 'Greeter',
      duties: 'Welcomes new members',
      term_days: '14',
      seats: '1',
      terms_in_row: '2',
      volunteering: 'on',
    });
    const [gia, spy] = [await buildMember(world, { name: 'Gia' }), await buildMember(world, { name: 'Spy' })];
    expect((await gia.post('/roles/greeter/volunteer')).status).toBe(303);
    expect((await gia.post('/roles/greeter/handover', { note: 'The spare key is under the blue pot' })).status).toBe(
      303,
    );
    // Near the end of Gia's term the spy queues as the next holder: as the next holder, they may read it…
    days(12);
    expect((await spy.post('/roles/greeter/volunteer')).status).toBe(303);
    expect(await (await spy.get('/roles/greeter')).text()).toContain('blue pot');
    // …and having given the term up at once, they may not.
    const term = await db()
      .selectFrom('role_terms')
      .select('id')
      .where('role', '=', 'greeter')
      .where('member_id', '=', await memberIdOf(world, 'Spy'))
      .executeTakeFirstOrThrow();
    expect((await spy.post(`/roles/terms/${term.id}/step-down`)).status).toBe(303);
    expect(await (await spy.get('/roles/greeter')).text()).not.toContain('blue pot');
    // A member with no term never reads it; the holder's term over, only the one who holds it next does.
    const next = await buildMember(world, { name: 'Next Nia' });
    expect(await (await next.get('/roles/greeter')).text()).not.toContain('blue pot');
    expect((await next.post('/roles/greeter/volunteer')).status).toBe(303);
    expect(await (await next.get('/roles/greeter')).text()).toContain('blue pot');
    days(3);
    expect(await (await gia.get('/roles/greeter')).text()).not.toContain('blue pot');
    expect(await (await next.get('/roles/greeter')).text()).toContain('blue pot');
  });
});
