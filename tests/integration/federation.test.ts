// Two Kropotkin networks on loopback, each its own server and database, become partners by each side's decision and
// share: an open offer of an agreed kind, and a need nobody met in the agreed time (overflow), taken back once closed.
// Everything between them goes through fedify over HTTP, signed; nothing is stubbed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import {
  buildMember,
  buildPost,
  buildWorld,
  decideAgreement,
  foundNetwork,
  passHours,
  postStatus,
  type Client,
  type TestWorld,
} from '../support/app.ts';
import { runJobs } from '../../src/jobs.ts';
import { contextOf, ProposalActivity, stopFederation } from '../../src/federation/actor.ts';
import { PROPOSAL_CONTEXT, proposalObject } from '../../src/federation/wire.ts';

type Instance = { world: TestWorld; server: ServerType; url: string; founder: Client };

async function instance(name: string): Promise<Instance> {
  const world = await buildWorld();
  world.deps.config.federationPrivateAddresses = true;
  const server = serve({ fetch: world.app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  world.deps.config.publicUrl = url;
  const founder = await foundNetwork(world, { network_name: name });
  return { world, server, url, founder };
}

/** Waits (at most `ms`) for `check` to hold; returns how long it took. */
async function until(check: () => Promise<boolean>, ms = 30_000): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error('it did not happen in time');
    await new Promise((r) => setTimeout(r, 100));
  }
  return Date.now() - started;
}

const partnerRow = (i: Instance, actorUrl: string) =>
  i.world.deps.db.selectFrom('partners').selectAll().where('actor_url', '=', actorUrl).executeTakeFirst();

/** A member proposes the partner; nobody objects; the decision passes a day later and its side is sent. */
async function decidePartner(i: Instance, address: string) {
  const res = await i.founder.post('/partners', { address, process: 'consent', closes_in: '24', why: 'Neighbours' });
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toMatch(/^\/decisions\//);
  const decision = await (await i.founder.get(res.headers.get('location')!)).text();
  expect(decision).toContain('Become partners with');
  passHours(i.world, 25);
  await runJobs(i.world.deps);
}

describe('two networks helping each other', () => {
  let east: Instance;
  let river: Instance;
  let eastActor: string;
  let riverActor: string;

  beforeAll(async () => {
    [east, river] = await Promise.all([instance('Eastside Mutual Aid'), instance('Riverside Mutual Aid')]);
    eastActor = `${east.url}/ap/actors/network`;
    riverActor = `${river.url}/ap/actors/network`;
  }, 60_000);

  afterAll(async () => {
    for (const i of [east, river]) {
      stopFederation(i.world.deps);
      await new Promise((r) => i.server.close(r));
      await i.world.close();
    }
  });

  it('answers for its Group actor (WebFinger, the actor with its key) and names no member', async () => {
    const actor = await fetch(eastActor, { headers: { accept: 'application/activity+json' } });
    expect(actor.status).toBe(200);
    const doc = (await actor.json()) as Record<string, unknown>;
    expect(doc.type).toBe('Group');
    expect(doc.name).toBe('Eastside Mutual Aid');
    expect(JSON.stringify(doc.publicKey)).toContain('BEGIN PUBLIC KEY');
    expect(JSON.stringify(doc)).not.toContain('Ada');
    const host = new URL(east.url).host;
    const finger = await fetch(`${east.url}/.well-known/webfinger?resource=acct:network@${host}`);
    expect(finger.status).toBe(200);
    expect(JSON.stringify(await finger.json())).toContain(eastActor);
    // The private half of the key is sealed, never stored as it is.
    const key = await east.world.deps.db.selectFrom('federation_keys').selectAll().executeTakeFirstOrThrow();
    expect(key.private_enc.toString('latin1')).not.toContain('"d"');
    // A person opening the address is sent to the page.
    expect((await fetch(eastActor, { redirect: 'manual' })).status).toBe(303);
  });

  it('refuses an unsigned activity and a network that is not one', async () => {
    const unsigned = await fetch(`${east.url}/ap/inbox`, {
      method: 'POST',
      headers: { 'content-type': 'application/activity+json' },
      body: JSON.stringify({ '@context': 'https://www.w3.org/ns/activitystreams', type: 'Follow', id: 'x' }),
    });
    expect(unsigned.status).toBeGreaterThanOrEqual(400);
    expect(unsigned.status).toBeLessThan(500);
    const res = await east.founder.post('/partners', {
      address: 'not a web address',
      process: 'consent',
      closes_in: '24',
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Give a web address');
    const nobody = await east.founder.post('/partners', {
      address: 'http://127.0.0.1:9/',
      process: 'consent',
      closes_in: '24',
    });
    expect(nobody.status).toBe(422);
    expect(await nobody.text()).toContain('No network answered');
    const self = await east.founder.post('/partners', { address: east.url, process: 'consent', closes_in: '24' });
    expect(self.status).toBe(422);
    expect(await self.text()).toContain('our own network');
    // A loop of proposals does not make the server a crawler: 20 look-ups a member an hour, then a clear no.
    const eager = await buildMember(east.world, { name: 'Eager' });
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++)
      statuses.push(
        (await eager.post('/partners', { address: `http://127.0.0.1:9/n${i}`, process: 'consent', closes_in: '24' }))
          .status,
      );
    expect(statuses.slice(0, 20).every((s) => s === 422)).toBe(true);
    const refused = await eager.post('/partners', {
      address: 'http://127.0.0.1:9/',
      process: 'consent',
      closes_in: '24',
    });
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain('value="http://127.0.0.1:9/"');
  });

  it('become partners by each side’s decision', async () => {
    // Eastside's members decide; their request reaches Riverside, which waits for its own members.
    await decidePartner(east, river.url);
    const asked = await until(async () => !!(await partnerRow(river, eastActor))?.asked_at);
    expect(asked).toBeLessThan(60_000);
    expect((await partnerRow(east, riverActor))?.they_agreed_at).toBeNull();
    const page = await (await river.founder.get('/partners')).text();
    expect(page).toContain('Eastside Mutual Aid');
    expect(page).toContain('asks to become partners');
    // Nothing Eastside shares is kept before Riverside's members decide.
    expect((await partnerRow(river, eastActor))?.we_agreed_at).toBeNull();

    // Riverside's members decide yes: both sides stand.
    await decidePartner(river, eastActor);
    await until(async () => !!(await partnerRow(east, riverActor))?.they_agreed_at);
    const both = await partnerRow(river, eastActor);
    expect(both?.we_agreed_at).not.toBeNull();
    expect(both?.they_agreed_at).not.toBeNull();
    expect(await (await east.founder.get('/partners')).text()).toContain('Riverside Mutual Aid');
  }, 120_000);

  it('shares an open offer of an agreed kind, which a neighbour there sees within the minute', async () => {
    const bo = await buildMember(east.world, { name: 'Bo' });
    // Nothing is shared until the members agree on what.
    const early = await buildPost(bo, { kind: 'offer', what: 'Soup on Sundays for six', category: 'meals' });
    await runJobs(east.world.deps);
    await decideAgreement(east.world, east.founder, 'share_offers', 'meals');
    const neighbour = await buildMember(river.world, { name: 'Cy' });
    const seen = await until(async () => (await (await neighbour.get('/partners')).text()).includes('Soup on Sundays'));
    expect(seen).toBeLessThan(60_000);
    const shared = await river.world.deps.db.selectFrom('partner_posts').selectAll().executeTakeFirstOrThrow();
    expect(shared).toMatchObject({ kind: 'offer', category: 'meals', area: 'Eastside' });
    // Who offered it never leaves Eastside.
    expect(JSON.stringify(shared)).not.toContain('Bo');
    // Withdrawn there, it is taken back here.
    const res = await bo.post(`/posts/${early}/withdraw`);
    expect(res.status).toBe(303);
    await runJobs(east.world.deps);
    await until(async () => !(await (await neighbour.get('/partners')).text()).includes('Soup on Sundays'));
  }, 120_000);

  it('overflows a need nobody met in the agreed time, and nothing sooner', async () => {
    await decideAgreement(east.world, east.founder, 'share_needs', 'rides');
    await decideAgreement(east.world, east.founder, 'share_needs_after_hours', '6');
    const asker = await buildMember(east.world, { name: 'Di' });
    const need = await buildPost(asker, { what: 'A ride to the dialysis clinic on Thursday', category: 'rides' });
    const other = await buildPost(asker, { what: 'Someone to fix a bike', category: 'tech' });
    await runJobs(east.world.deps);
    await new Promise((r) => setTimeout(r, 1500));
    const early = await river.world.deps.db.selectFrom('partner_posts').select('what').execute();
    expect(early.map((p) => p.what)).not.toContain('A ride to the dialysis clinic on Thursday');
    passHours(east.world, 7);
    await runJobs(east.world.deps);
    await until(async () =>
      (await river.world.deps.db.selectFrom('partner_posts').select('what').where('withdrawn_at', 'is', null).execute())
        .map((p) => p.what)
        .includes('A ride to the dialysis clinic on Thursday'),
    );
    const kept = await river.world.deps.db
      .selectFrom('partner_posts')
      .selectAll()
      .where('what', '=', 'A ride to the dialysis clinic on Thursday')
      .executeTakeFirstOrThrow();
    expect(kept.kind).toBe('need');
    expect(
      await river.world.deps.db
        .selectFrom('partner_posts')
        .select('id')
        .where('what', '=', 'Someone to fix a bike')
        .execute(),
    ).toEqual([]);

    // A neighbour at Riverside says "I can help", showing her name; the asker at Eastside is told, and the two talk
    // in a thread each network relays.
    const cy = await buildMember(river.world, { name: 'Cyrille' });
    const board = await (await cy.get('/partners')).text();
    expect(board).toContain(`/partners/posts/${kept.id}/help`);
    const offered = await cy.post(`/partners/posts/${kept.id}/help`, { show_name: 'on' });
    expect(offered.status).toBe(303);
    const cyThread = offered.headers.get('location')!;
    expect(cyThread).toMatch(/^\/partners\/threads\//);
    // Offering twice opens the same thread.
    expect((await cy.post(`/partners/posts/${kept.id}/help`)).headers.get('location')).toBe(cyThread);
    await until(async () => (await (await asker.get('/notifications')).text()).includes('Riverside Mutual Aid'));
    const diThread = (
      await east.world.deps.db
        .selectFrom('partner_threads')
        .select('id')
        .where('post_id', '=', need)
        .executeTakeFirstOrThrow()
    ).id;
    const diPage = await (await asker.get(`/partners/threads/${diThread}`)).text();
    expect(diPage).toContain('Cyrille at Riverside Mutual Aid');
    expect(diPage).toContain('A ride to the dialysis clinic on Thursday');
    // Nobody else at Eastside reads it.
    const nosy = await buildMember(east.world, { name: 'Nosy' });
    expect((await nosy.get(`/partners/threads/${diThread}`)).status).toBe(404);
    expect((await asker.post(`/partners/threads/${diThread}`, { body: '  ' })).status).toBe(422);
    expect((await asker.post(`/partners/threads/${diThread}`, { body: 'Thank you! Thursday at 9 <am>?' })).status).toBe(
      303,
    );
    await until(async () => (await (await cy.get(cyThread)).text()).includes('Thank you! Thursday at 9 &lt;am&gt;?'));
    expect(await (await cy.get(cyThread)).text()).toContain('A neighbour at Eastside Mutual Aid');
    expect((await cy.post(cyThread, { body: 'Yes, I will be there at 9.' })).status).toBe(303);
    await until(async () =>
      (await (await asker.get(`/partners/threads/${diThread}`)).text()).includes('I will be there at 9'),
    );
    // The words are sealed at rest on both servers.
    for (const i of [east, river]) {
      const sealed = await i.world.deps.db.selectFrom('partner_messages').select('body_enc').execute();
      expect(sealed.length).toBe(2);
      for (const m of sealed) expect(m.body_enc.toString('latin1')).not.toContain('Thursday');
    }

    // Met there, it is taken back here, and the thread there closes.
    expect((await asker.post(`/posts/${need}/withdraw`)).status).toBe(303);
    expect(other).toBeTruthy();
    await runJobs(east.world.deps);
    await until(async () => {
      const row = await river.world.deps.db
        .selectFrom('partner_posts')
        .select('withdrawn_at')
        .where('id', '=', kept.id)
        .executeTakeFirstOrThrow();
      return row.withdrawn_at !== null;
    });
    expect(await (await cy.get(cyThread)).text()).toContain('This conversation has ended');
    expect((await cy.post(cyThread, { body: 'Still there?' })).status).toBe(409);
  }, 120_000);

  it('brings a need back when nobody at a partner took it in the agreed time', async () => {
    const asker = await buildMember(east.world, { name: 'Eli' });
    const need = await buildPost(asker, { what: 'A ride to the market on Saturday', category: 'rides' });
    passHours(east.world, 7);
    await runJobs(east.world.deps);
    const shared = () =>
      river.world.deps.db
        .selectFrom('partner_posts')
        .select('withdrawn_at')
        .where('what', '=', 'A ride to the market on Saturday')
        .executeTakeFirst();
    await until(async () => (await shared())?.withdrawn_at === null);
    passHours(east.world, 7);
    await runJobs(east.world.deps);
    await until(async () => !!(await shared())?.withdrawn_at);
    expect(await (await asker.get('/notifications')).text()).toContain('Nobody at a partner network took your need');
    // It is not shared again.
    passHours(east.world, 1);
    await runJobs(east.world.deps);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await shared())?.withdrawn_at).not.toBeNull();
    expect(await postStatus(east.world, need)).toBe('open');
  }, 120_000);

  it('find each other in the directory once each is listed by its own decision, and write through the form', async () => {
    // Riverside's members decide to be listed; Eastside reads the profile from Riverside's server.
    await decideAgreement(river.world, river.founder, 'directory_place', 'Riverside, Oakland');
    await decideAgreement(river.world, river.founder, 'directory_position', '37.77215, -122.21443');
    await runJobs(east.world.deps);
    const listed = await (await east.founder.get('/directory?show=partners')).text();
    expect(listed).toContain('Riverside Mutual Aid');
    expect(listed).toContain('Riverside, Oakland');
    expect(listed).toContain(`Partner network at ${new URL(river.url).host}`);
    expect(listed).toContain(`href="${river.url}/directory/contact"`);
    expect(listed).toContain('One network is on the map.');
    const kept = await east.world.deps.db.selectFrom('directory_profiles').selectAll().executeTakeFirstOrThrow();
    expect([Number(kept.lat), Number(kept.lng)]).toEqual([37.8, -122.2]);
    // A visitor (someone at Eastside) writes through Riverside's own form; Riverside's members read it.
    const res = await fetch(`${river.url}/directory/contact`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: river.url },
      body: new URLSearchParams({ body: 'Eastside here: we saw you in the directory.', reply: 'Eastside Mutual Aid' }),
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect(await (await river.founder.get('/directory/messages')).text()).toContain(
      'Eastside here: we saw you in the directory.',
    );
    // Riverside takes its place back (an empty place): Eastside's directory forgets it when it reads again.
    await decideAgreement(river.world, river.founder, 'directory_place', '');
    passHours(east.world, 7);
    await runJobs(east.world.deps);
    expect(await east.world.deps.db.selectFrom('directory_profiles').select('name').execute()).toEqual([]);
  }, 120_000);

  it('shares with a partner what the members chose for it, and ends the partnership by their decision', async () => {
    const liveAt = async (i: Instance, what: string) =>
      (
        await i.world.deps.db
          .selectFrom('partner_posts')
          .select('withdrawn_at')
          .where('what', '=', what)
          .executeTakeFirst()
      )?.withdrawn_at;
    const di = await buildMember(east.world, { name: 'Di' });
    await buildPost(di, { kind: 'offer', what: 'Bread on Fridays', category: 'meals' });
    await runJobs(east.world.deps);
    await until(async () => (await liveAt(river, 'Bread on Fridays')) === null);
    const riverId = (await partnerRow(east, riverActor))!.id;
    expect(await (await east.founder.get('/partners')).text()).toContain(
      'We share with them our offers and our needs, as our agreements say.',
    );

    // Eastside's members decide to share only needs with Riverside: the offer is taken back there.
    expect((await east.founder.post(`/partners/${riverId}/terms`, { terms: 'everything' })).status).toBe(422);
    const only = await east.founder.post(`/partners/${riverId}/terms`, { terms: 'needs' });
    expect(only.status).toBe(303);
    expect(await (await east.founder.get(only.headers.get('location')!)).text()).toContain(
      'Share only our needs with Riverside Mutual Aid',
    );
    passHours(east.world, 73);
    await runJobs(east.world.deps);
    await until(async () => !!(await liveAt(river, 'Bread on Fridays')));
    expect(await (await east.founder.get('/partners')).text()).toContain('We share with them our needs only.');

    // Riverside shares an offer with Eastside; then Eastside's members end the partnership.
    await decideAgreement(river.world, river.founder, 'share_offers', 'meals');
    await buildPost(await buildMember(river.world, { name: 'Fay' }), {
      kind: 'offer',
      what: 'Tamales for the block party',
      category: 'meals',
    });
    await runJobs(river.world.deps);
    await until(async () => (await liveAt(east, 'Tamales for the block party')) === null);
    const end = await east.founder.post(`/partners/${riverId}/terms`, { terms: 'end' });
    expect(end.status).toBe(303);
    passHours(east.world, 73);
    await runJobs(east.world.deps);
    // Here: what they shared is gone at once; there: our goodbye arrives and what we shared is dropped.
    expect(await liveAt(east, 'Tamales for the block party')).not.toBeNull();
    await until(async () => (await partnerRow(river, eastActor))?.they_agreed_at === null);
    expect(await (await east.founder.get('/partners')).text()).toContain('no longer partners');
    expect(await (await river.founder.get('/partners')).text()).toContain('their members said no');
    const stillLive = await river.world.deps.db
      .selectFrom('partner_posts as p')
      .innerJoin('partners as r', 'r.id', 'p.partner_id')
      .select('p.what')
      .where('r.actor_url', '=', eastActor)
      .where('p.withdrawn_at', 'is', null)
      .execute();
    expect(stillLive).toEqual([]);
    // Nothing more goes either way, and neither side asks again by itself.
    await buildPost(di, { kind: 'offer', what: 'Soup again on Sunday', category: 'meals' });
    await runJobs(east.world.deps);
    await runJobs(river.world.deps);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await liveAt(river, 'Soup again on Sunday')).toBeUndefined();
    expect((await partnerRow(east, riverActor))?.asked_at).toBeNull();
  }, 180_000);

  it('keeps nothing a network that is not a partner sends, even signed', async () => {
    const stranger = await instance('Hilltop Mutual Aid');
    try {
      const ctx = contextOf(stranger.world.deps);
      const me = ctx.getActorUri('network');
      const id = `${me.href}/posts/00000000-0000-4000-8000-000000000001`;
      const object = proposalObject(
        { id, kind: 'offer', what: 'Cheap loans, ask me', category: 'cash', area: 'Hilltop', published: new Date() },
        { actor: me.href, to: [riverActor] },
      );
      await ctx.sendActivity(
        { identifier: 'network' },
        { id: new URL(riverActor), inboxId: new URL(`${riverActor}/inbox`), endpoints: null },
        new ProposalActivity(
          { id: new URL(`${id}#create`), actor: me, to: new URL(riverActor) },
          {
            '@context': PROPOSAL_CONTEXT,
            id: `${id}#create`,
            type: 'Create',
            actor: me.href,
            to: [riverActor],
            object,
          },
        ),
        { fanout: 'skip' },
      );
      await until(async () => {
        const left = await stranger.world.deps.db.selectFrom('federation_queue').select('id').execute();
        return left.length === 0;
      });
      // Delivered (nothing left to send), read by Riverside's fedify, and dropped: no partnership, nothing kept.
      await new Promise((r) => setTimeout(r, 1500));
      expect(await partnerRow(river, me.href)).toBeUndefined();
      const kept = await river.world.deps.db.selectFrom('partner_posts').select('what').execute();
      expect(kept.map((k) => k.what)).not.toContain('Cheap loans, ask me');
    } finally {
      stopFederation(stranger.world.deps);
      await new Promise((r) => stranger.server.close(r));
      await stranger.world.close();
    }
  }, 60_000);
});
