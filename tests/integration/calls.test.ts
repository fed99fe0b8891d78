// Wellness calls (issue 21): members and neighbours ask to be called (consent recorded, numbers sealed); a round makes
// one call per person — never two, the database's — and two callers taking calls at once get different ones, held
// 30 minutes each; "no answer" comes back an hour later; a need is posted as the person's own (a neighbour is brought
// in with a slip); the caller is told when it is met; nobody but the caller holding a call sees the number.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Client, buildMember, memberIdOf, passHours, worldForFile, type TestWorld } from '../support/app.ts';
import { runJobs } from '../../src/jobs.ts';
import { engine } from '../support/db.ts';

const files = worldForFile();
let world: TestWorld;
let ada: Client;
let bo: Client;
let cy: Client;
let di: Client;
let roundId: string;

beforeAll(async () => {
  world = files.world;
  ada = files.founder;
  bo = await buildMember(world, { name: 'Bo' });
  cy = await buildMember(world, { name: 'Cy' });
  di = await buildMember(world, { name: 'Di' });
});

const callOf = async (location: string | null) => location!.split('/').pop()!;
const personOfCall = async (callId: string) =>
  await world.deps.db
    .selectFrom('calls')
    .innerJoin('call_people', 'call_people.id', 'calls.person_id')
    .select(['call_people.member_id', 'call_people.name'])
    .where('calls.id', '=', callId)
    .executeTakeFirstOrThrow();

describe(`wellness calls (${engine})`, () => {
  it('takes who asked to be called, with their consent, and keeps their number sealed', async () => {
    const bad = await ada.post('/calls/me', { phone: 'call me maybe', language: 'en', area: 'Eastside' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Please give a phone number');
    expect((await ada.post('/calls/me', { phone: '+1 555 010 1234', language: 'en', area: 'Eastside' })).status).toBe(
      303,
    );
    expect((await cy.post('/calls/me', { phone: '555-010-7777', language: 'es', area: 'Riverside' })).status).toBe(303);
    const noConsent = await bo.post('/calls/neighbours', {
      name: 'Mrs Ortiz',
      phone: '555 010 4242',
      language: 'es',
      area: 'Eastside',
    });
    expect(noConsent.status).toBe(422);
    const html = await noConsent.text();
    expect(html).toContain('Only add someone who asked to be called.');
    expect(html).toContain('value="Mrs Ortiz"');
    expect(
      (
        await bo.post('/calls/neighbours', {
          name: 'Mrs Ortiz',
          phone: '555 010 4242',
          language: 'es',
          area: 'Eastside',
          consent: 'on',
        })
      ).status,
    ).toBe(303);
    const rows = await world.deps.db.selectFrom('call_people').select(['phone_enc', 'consent_by']).execute();
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(Buffer.from(r.phone_enc).toString('latin1')).not.toMatch(/555/);
    const page = await (await di.get('/calls')).text();
    expect(page).toContain('3 people asked to be called');
    expect(page).not.toContain('555');
  });

  it('opens a round: one call per person, never two, and every member is told', async () => {
    const bad = await di.post('/calls', { title: 'Heat wave', hours: '24' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Please write what to say, in at least one language.');
    const ok = await di.post('/calls', {
      title: 'Heat wave this weekend',
      hours: '24',
      script_en: 'Hi, this is the network. How are you keeping cool?',
      script_es: 'Hola, somos la red. ¿Cómo te mantienes fresca?',
    });
    expect(ok.status).toBe(303);
    roundId = ok.headers.get('location')!.split('/').pop()!;
    const calls = await world.deps.db
      .selectFrom('calls')
      .select(['person_id'])
      .where('round_id', '=', roundId)
      .execute();
    expect(calls).toHaveLength(3);
    await expect(
      sql`insert into calls (round_id, person_id) values (${roundId}, ${calls[0]!.person_id})`.execute(world.deps.db),
    ).rejects.toThrow();
    expect(await (await bo.get('/notifications')).text()).toContain(
      'A round of wellness calls opened: “Heat wave this weekend”',
    );
  });

  it('gives two callers at once two different calls, each held for them alone, and never their own', async () => {
    const [b, d] = await Promise.all([
      bo.post(`/calls/rounds/${roundId}/take`),
      di.post(`/calls/rounds/${roundId}/take`),
    ]);
    const [bCall, dCall] = [await callOf(b.headers.get('location')), await callOf(d.headers.get('location'))];
    expect(bCall).not.toBe(dCall);
    // Taking again gives the same call back while it is held.
    expect(await callOf((await bo.post(`/calls/rounds/${roundId}/take`)).headers.get('location'))).toBe(bCall);
    const bPage = await (await bo.get(`/calls/${bCall}`)).text();
    expect(bPage).toMatch(/555/);
    expect((await di.get(`/calls/${bCall}`)).status).toBe(404);
    expect((await cy.post(`/calls/${bCall}/outcome`, { outcome: 'fine' })).status).toBe(404);
    // Ada is one of those to call; she takes the third — unless it is herself, which she is never given.
    const a = await ada.post(`/calls/rounds/${roundId}/take`);
    const aLoc = a.headers.get('location')!;
    const adaId = await memberIdOf(world, 'Ada');
    if (aLoc.includes('none_left')) {
      // Only her own call was left.
      const free = await world.deps.db
        .selectFrom('calls')
        .innerJoin('call_people', 'call_people.id', 'calls.person_id')
        .select('call_people.member_id')
        .where('calls.round_id', '=', roundId)
        .where('calls.held_by', 'is', null)
        .execute();
      expect(free.map((f) => f.member_id)).toEqual([adaId]);
    } else expect((await personOfCall(await callOf(aLoc))).member_id).not.toBe(adaId);
    // Let go, then the same call is free for another.
    expect((await bo.post(`/calls/${bCall}/release`)).status).toBe(303);
  });

  it('posts a need as the person’s own — a neighbour brought in with a slip — and tells the caller when it is met', async () => {
    // Call until the neighbour's call comes up (each "no answer" puts one back for an hour).
    const ortiz = (
      await world.deps.db
        .selectFrom('calls')
        .innerJoin('call_people', 'call_people.id', 'calls.person_id')
        .select('calls.id')
        .where('call_people.name', '=', 'Mrs Ortiz')
        .executeTakeFirstOrThrow()
    ).id;
    // Free every hold, then Bo takes calls until he holds hers.
    passHours(world, 1);
    let held = '';
    for (let i = 0; i < 3 && held !== ortiz; i++) {
      held = await callOf((await bo.post(`/calls/rounds/${roundId}/take`)).headers.get('location'));
      if (held !== ortiz) expect((await bo.post(`/calls/${held}/outcome`, { outcome: 'fine' })).status).toBe(303);
    }
    expect(held).toBe(ortiz);
    const page = await (await bo.get(`/calls/${ortiz}`)).text();
    expect(page).toContain('Hola, somos la red.'); // the script in her language
    const empty = await bo.post(`/calls/${ortiz}/outcome`, {
      outcome: 'needs',
      what: '',
      category: 'groceries',
      urgency: 'soon',
    });
    expect(empty.status).toBe(422);
    const slip = await bo.post(`/calls/${ortiz}/outcome`, {
      outcome: 'needs',
      what: 'Groceries for the week, and water',
      category: 'groceries',
      urgency: 'soon',
    });
    expect(slip.status).toBe(200);
    const slipPage = await slip.text();
    expect(slipPage).toContain('The need is posted as Mrs Ortiz’s own.');
    const need = await world.deps.db
      .selectFrom('calls')
      .innerJoin('posts', 'posts.id', 'calls.need_id')
      .select(['posts.id', 'posts.member_id', 'posts.what'])
      .where('calls.id', '=', ortiz)
      .executeTakeFirstOrThrow();
    const members = await world.deps.db
      .selectFrom('members')
      .select(['id', 'display_name'])
      .where('id', '=', need.member_id)
      .execute();
    expect(members[0]!.display_name).toBe('Mrs Ortiz');
    // Crisis dispatch shows the needs calls found.
    expect((await ada.post('/crisis/ask')).status).toBe(303);
    expect((await di.post('/crisis/confirm')).status).toBe(303);
    expect((await cy.post('/roles/dispatcher/volunteer')).status).toBe(303);
    const dispatch = await (await cy.get('/dispatch')).text();
    expect(dispatch).toContain('Groceries for the week, and water');
    expect(dispatch).toContain('Found by a wellness call: Heat wave this weekend');
    // Met: the caller is told once.
    await world.deps.db.updateTable('posts').set({ status: 'met' }).where('id', '=', need.id).execute();
    await runJobs(world.deps);
    await runJobs(world.deps);
    const told = await world.deps.db
      .selectFrom('notifications')
      .select('id')
      .where('kind', '=', 'call_need_met')
      .where('member_id', '=', await memberIdOf(world, 'Bo'))
      .execute();
    expect(told).toHaveLength(1);
  });

  it('calls back after no answer, three tries at most, and closes the round on time', async () => {
    const second = await di.post('/calls', { title: 'Storm tonight', hours: '24', script_en: 'Checking in.' });
    const round2 = second.headers.get('location')!.split('/').pop()!;
    const take = async () => (await bo.post(`/calls/rounds/${round2}/take`)).headers.get('location')!;
    const first = await callOf(await take());
    expect((await bo.post(`/calls/${first}/outcome`, { outcome: 'no_answer' })).status).toBe(303);
    // The others are called; the one with no answer waits its hour.
    for (let loc = await take(); !loc.includes('none_left'); loc = await take()) {
      const id = await callOf(loc);
      expect(id).not.toBe(first);
      expect((await bo.post(`/calls/${id}/outcome`, { outcome: 'fine' })).status).toBe(303);
    }
    for (let i = 2; i <= 3; i++) {
      passHours(world, 1);
      expect(await callOf(await take())).toBe(first);
      expect((await bo.post(`/calls/${first}/outcome`, { outcome: 'no_answer' })).status).toBe(303);
    }
    const done = await world.deps.db
      .selectFrom('calls')
      .select(['tries', 'outcome', 'done_at'])
      .where('id', '=', first)
      .executeTakeFirstOrThrow();
    expect(done).toMatchObject({ tries: 3, outcome: 'no_answer' });
    expect(done.done_at).not.toBeNull();
    passHours(world, 2);
    expect(await take()).toContain('none_left');
    passHours(world, 25);
    await runJobs(world.deps);
    const closed = await bo.post(`/calls/rounds/${round2}/take`);
    expect(closed.status).toBe(409);
    expect(await closed.text()).toContain('This round is closed.');
  });
});
