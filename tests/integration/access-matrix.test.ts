// The access matrix. Every route, enumerated from the app itself, has an entry saying which relations may reach it:
// signed out, a stranger member, the matched partner, the owner of the thing, a removed member, and a role holder
// (the treasurer and dispatcher). The domains declare who may reach each of their routes (RouteAccess in
// src/web/domain.ts, each domain's access.ts); this file makes the things they are about and asks. Each (route, relation) is requested with a fresh object of the right kind: an
// allowed relation must get past access control (not 401/403/404, never 5xx); a denied one must get 401 (signed out,
// removed) or 403/404 (members), and never see the thing's private words. A route without an entry fails the test.
// Guessed ids (random uuids) get 403/404 on every route that takes one.
import crypto from 'node:crypto';
import { encrypt } from '../../src/security/crypto.ts';
import { threadPurpose } from '../../src/federation/inbound.ts';
import { stageImport } from '../../src/moving/commands.ts';
import { makeToken } from '../../src/api/tokens.ts';
import { addWebhook } from '../../src/api/webhooks.ts';
import { closeProposal } from '../../src/decisions/commands.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildMember,
  buildPost,
  buildWorld,
  Client,
  foundNetwork,
  idFromRedirect,
  memberIdOf,
  passHours,
  type TestWorld,
} from '../support/app.ts';
import { engine } from '../support/db.ts';
import { formKey, makeFund, makeTreasurer } from '../support/fund.ts';
import { runJobs } from '../../src/jobs.ts';
import { createSession } from '../../src/members/sessions.ts';
import { endInviteByToken } from '../../src/members/invites.ts';
import { makeSignInCode } from '../../src/members/ways-back.ts';
import { bringSomeoneIn } from '../../src/members/slips.ts';
import { addItem } from '../../src/library/commands.ts';
import { recordConversation } from '../../src/listening/commands.ts';
import { createEvent } from '../../src/events/commands.ts';
import sharp from 'sharp';
import { addThing } from '../../src/things/commands.ts';
import { cleanPhoto, setPhoto } from '../../src/things/photos.ts';
import { addPlace } from '../../src/places/commands.ts';
import { recordHours } from '../../src/timebank/commands.ts';
import { openOrder, saveWants } from '../../src/buying/commands.ts';
import { itemsOf } from '../../src/buying/queries.ts';
import { addNeighbour, openRound, takeNext } from '../../src/calls/commands.ts';
import { propose } from '../../src/translate/commands.ts';
import { raiseDailyLimits } from '../support/limits.ts';
import { hashToken } from '../../src/security/tokens.ts';
import { registry } from '../../src/domains.ts';
import type { Audience } from '../../src/web/domain.ts';

const RELATIONS = ['anon', 'stranger', 'partner', 'owner', 'removed', 'holder'] as const;
type Relation = (typeof RELATIONS)[number];
// One letter per relation, in the order above: a = allowed, d = denied.
const OPEN = 'aaaaaa';
const MEMBERS = 'daaada';
const PAIR = 'ddaadd';
const OWNER = 'dddadd';
const HOLDER = 'ddddda';
const NOT_OWNER = 'daadda';
const SECOND = 'daaddd';
const NOBODY = 'dddddd';

type Objects = {
  id?: string;
  message?: string;
  name?: string;
  token?: string;
  file?: string;
  lang?: string;
  key?: string;
  identifier?: string;
};
type Fx = {
  world: TestWorld;
  as: Record<Relation, Client>;
  ids: Record<Relation, string>;
  fund: string;
  loans: string;
  secret: string;
};
type Entry = { rule: string; make?: (fx: Fx) => Promise<Objects>; secret?: boolean };

let n = 0;
const need = async (fx: Fx): Promise<Objects> => ({
  id: await buildPost(fx.as.owner, { what: `Groceries for the week number ${++n}`, confirm_duplicate: 'yes' }),
});
const match = async (fx: Fx): Promise<Objects> => {
  const { id: post } = await need(fx);
  const id = idFromRedirect(await fx.as.partner.post(`/posts/${post}/respond`));
  await fx.as.partner.post(`/matches/${id}/messages`, { body: `Meet me at ${fx.secret}` });
  const message = (
    await fx.world.deps.db.selectFrom('messages').select('id').where('match_id', '=', id).executeTakeFirstOrThrow()
  ).id;
  return { id, message };
};
const message = async (fx: Fx): Promise<Objects> => ({ id: (await match(fx)).message! });
/** A need a partner network shares (federation/): a partner both sides decided on, and its post. */
/** A partner network (both sides decided), for proposing what we share with it. */
const partnerAt = async (fx: Fx) => {
  const host = `partner-${++n}.example.org`;
  const row = await fx.world.deps.db
    .insertInto('partners')
    .values({
      actor_url: `https://${host}/ap/actors/network`,
      inbox_url: `https://${host}/ap/actors/network/inbox`,
      shared_inbox_url: null,
      name: `Partner ${n}`,
      we_agreed_at: fx.world.now.value,
      they_agreed_at: fx.world.now.value,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, host };
};
const partner = async (fx: Fx): Promise<Objects> => ({ id: (await partnerAt(fx)).id });
const partnerNeed = async (fx: Fx): Promise<Objects> => {
  const { id: partnerId, host } = await partnerAt(fx);
  const post = await fx.world.deps.db
    .insertInto('partner_posts')
    .values({
      partner_id: partnerId,
      object_url: `https://${host}/ap/actors/network/posts/${crypto.randomUUID()}`,
      kind: 'need',
      what: 'A ride to the clinic',
      category: 'rides',
      area: 'Riverside',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: post.id };
};
/** A sheet its owner brought to import (moving/): kept sealed, holding someone's name. */
const sheet = async (fx: Fx): Promise<Objects> => ({
  id: await stageImport(fx.world.deps.db, fx.world.deps.keys, {
    memberId: fx.ids.owner,
    fileName: 'sign-ups.csv',
    table: { headers: ['Name', 'Neighbourhood'], rows: [[fx.secret, 'Eastside']], encoding: 'UTF-8', delimiter: ',' },
    mapping: {
      columns: ['name', 'area'],
      values: { area: { Eastside: 'Eastside' }, category: {}, kind: {}, urgency: {}, language: {} },
      defaults: { area: '', category: '', urgency: 'soon', language: 'en', kind: '' },
    },
    // Brought yesterday: the matrix makes one a request, more than a member's daily limit of sheets.
    now: new Date(fx.world.now.value.getTime() - 25 * 3_600_000),
  }),
});
/** The owner's personal access token (api/); made yesterday, as many as the matrix needs. */
const apiToken = async (fx: Fx): Promise<Objects> => {
  await fx.world.deps.db.updateTable('api_tokens').set({ revoked_at: fx.world.now.value }).execute();
  await makeToken(fx.world.deps.db, {
    memberId: fx.ids.owner,
    name: 'A script',
    scope: 'read',
    now: new Date(fx.world.now.value.getTime() - 25 * 3_600_000),
  });
  const row = await fx.world.deps.db
    .selectFrom('api_tokens')
    .select('id')
    .where('member_id', '=', fx.ids.owner)
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { id: row.id };
};
/** The owner's webhook (api/): one at a time, so the matrix never meets the limit of five. */
const webhook = async (fx: Fx): Promise<Objects> => {
  await fx.world.deps.db.deleteFrom('webhooks').where('member_id', '=', fx.ids.owner).execute();
  const made = await addWebhook(fx.world.deps.db, fx.world.deps.keys, {
    memberId: fx.ids.owner,
    url: 'https://bot.example.org/hook',
    events: ['post.created'],
    now: new Date(fx.world.now.value.getTime() - 25 * 3_600_000),
  });
  return { id: made.id };
};
/** The owner's conversation with someone at a partner network, holding the private words. */
const partnerThread = async (fx: Fx): Promise<Objects> => {
  const { id: post } = await partnerNeed(fx);
  const row = await fx.world.deps.db
    .selectFrom('partner_posts')
    .select('partner_id')
    .where('id', '=', post!)
    .executeTakeFirstOrThrow();
  const thread = await fx.world.deps.db
    .insertInto('partner_threads')
    .values({
      partner_id: row.partner_id,
      offer_id: `https://example.org/offers/${crypto.randomUUID()}`,
      partner_post_id: post!,
      member_id: fx.ids.owner,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await fx.world.deps.db
    .insertInto('partner_messages')
    .values({
      thread_id: thread.id,
      from_us: false,
      body_enc: encrypt(fx.world.deps.keys, threadPurpose(thread.id), `Meet me at ${fx.secret}`),
    })
    .execute();
  return { id: thread.id };
};
const request = async (fx: Fx): Promise<Objects> => {
  const res = await fx.as.owner.post('/fund/ask', {
    key: await formKey(fx.as.owner, '/fund/ask'),
    fund: fx.fund,
    amount: '1',
    note: `Cash at ${fx.secret}`,
  });
  return { id: idFromRedirect(res) };
};
/** A gift the treasurer records (of `amount`), found again by its own memo. */
const gift = async (fx: Fx, amount: string): Promise<Objects> => {
  const memo = `Gift ${++n}`;
  expect(
    (
      await fx.as.holder.post('/fund/move', {
        key: await formKey(fx.as.holder, '/fund/move'),
        kind: 'gift',
        fund: fx.fund,
        amount,
        memo,
      })
    ).status,
  ).toBe(303);
  return {
    id: (
      await fx.world.deps.db.selectFrom('fund_records').select('id').where('memo', '=', memo).executeTakeFirstOrThrow()
    ).id,
  };
};
const record = (fx: Fx) => gift(fx, '1');
/** A payout above the fund's "second member" line, to the owner: it waits for a second member to confirm it. */
const pendingRecord = async (fx: Fx): Promise<Objects> => {
  const id = idFromRedirect(
    await fx.as.owner.post('/fund/ask', { key: await formKey(fx.as.owner, '/fund/ask'), fund: fx.fund, amount: '120' }),
  );
  expect(
    (
      await fx.as.holder.post(`/fund/requests/${id}/pay`, {
        key: await formKey(fx.as.holder, `/fund/requests/${id}`, `/fund/requests/${id}/pay`),
      })
    ).status,
  ).toBe(303);
  const rec = await fx.world.deps.db
    .selectFrom('fund_records')
    .select(['id', 'confirmed_at'])
    .where('request_id', '=', id!)
    .executeTakeFirstOrThrow();
  expect(rec.confirmed_at).toBeNull();
  return { id: rec.id };
};
const paidRequest = async (fx: Fx): Promise<Objects> => {
  const { id } = await request(fx);
  expect(
    (
      await fx.as.holder.post(`/fund/requests/${id}/pay`, {
        key: await formKey(fx.as.holder, `/fund/requests/${id}`, `/fund/requests/${id}/pay`),
      })
    ).status,
  ).toBe(303);
  return { id };
};
const expected = async (fx: Fx): Promise<Objects> => {
  const res = await fx.as.owner.post('/fund/ask', {
    key: await formKey(fx.as.owner, '/fund/ask'),
    fund: fx.loans,
    amount: '1',
  });
  const id = idFromRedirect(res);
  expect(
    (
      await fx.as.holder.post(`/fund/requests/${id}/pay`, {
        key: await formKey(fx.as.holder, `/fund/requests/${id}`, `/fund/requests/${id}/pay`),
      })
    ).status,
  ).toBe(303);
  return {
    id: (
      await fx.world.deps.db
        .selectFrom('fund_expected')
        .select('id')
        .where('request_id', '=', id!)
        .executeTakeFirstOrThrow()
    ).id,
  };
};
const feed = async (fx: Fx): Promise<Objects> => {
  const page = await (await fx.as.owner.post('/calendar/new')).text();
  const file = page.match(/\/calendar\/([\w-]+\.ics)/)?.[1];
  expect(file).toBeTruthy();
  return { file };
};
const entry = async (fx: Fx): Promise<Objects> => {
  await record(fx);
  return {
    id: String(
      (await fx.world.deps.db.selectFrom('ledger_entries').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow())
        .id,
    ),
  };
};
const proposal = async (fx: Fx): Promise<Objects> => ({
  id: idFromRedirect(
    await fx.as.owner.post('/decisions', { title: `Proposal ${++n}`, process: 'consent', closes_in: '24' }),
  ),
});
/** A proposal the owner opened that has closed (counted an hour past its end; no outcome statement yet). */
const closedProposal = async (fx: Fx): Promise<Objects> => {
  const id = idFromRedirect(
    await fx.as.owner.post('/decisions', { title: `Proposal ${++n}`, process: 'consent', closes_in: '1' }),
  );
  const later = new Date(fx.world.now.value.getTime() + 2 * 3_600_000);
  await fx.world.deps.db.transaction().execute((tx) => closeProposal(tx, fx.world.deps.registry, id, later));
  return { id };
};
/** This network listed in the directory by its members' decision, once: its profile and contact form exist. */
const listedWorlds = new WeakSet<TestWorld>();
const listedNetwork = async (fx: Fx): Promise<Objects> => {
  if (listedWorlds.has(fx.world)) return {};
  listedWorlds.add(fx.world);
  const id = idFromRedirect(
    await fx.as.holder.post('/decisions', {
      title: 'Be in the directory',
      process: 'consent',
      closes_in: '1',
      agreement: 'directory_place',
      agreement_value: 'Eastside',
    }),
  );
  const later = new Date(fx.world.now.value.getTime() + 2 * 3_600_000);
  await fx.world.deps.db.transaction().execute((tx) => closeProposal(tx, fx.world.deps.registry, id, later));
  return {};
};
const circle = async (fx: Fx): Promise<Objects> => {
  const id = idFromRedirect(
    await fx.as.owner.post('/circles', {
      name: `Circle ${++n}`,
      amount: '10',
      period_days: '7',
      order_rule: 'lottery',
    }),
  );
  await fx.as.partner.post(`/circles/${id}/join`);
  return { id };
};
const round = async (fx: Fx): Promise<Objects> => {
  const { id: c } = await circle(fx);
  await fx.as.owner.post(`/circles/${c}/start`);
  return {
    id: (
      await fx.world.deps.db
        .selectFrom('circle_rounds')
        .select('id')
        .where('circle_id', '=', c!)
        .orderBy('number')
        .executeTakeFirstOrThrow()
    ).id,
  };
};
const rota = async (fx: Fx): Promise<Objects> => ({
  id: idFromRedirect(
    await fx.as.owner.post('/rotas/new', { title: `Rota ${++n}`, category: 'rides', notice_hours: '24' }),
  ),
});
const slot = async (fx: Fx): Promise<Objects> => {
  const { id: r } = await rota(fx);
  await fx.as.owner.post(`/rotas/${r}/slots`, {
    date: '2027-03-05',
    start: '10:00',
    end: '12:00',
    area: 'Eastside',
    needed: '2',
  });
  return {
    id: (
      await fx.world.deps.db.selectFrom('rota_slots').select('id').where('rota_id', '=', r!).executeTakeFirstOrThrow()
    ).id,
  };
};
const place = async (fx: Fx): Promise<Objects> => {
  const { id: s } = await slot(fx);
  await fx.as.owner.post(`/rotas/slots/${s}/sign-up`);
  await fx.as.owner.post(`/rotas/slots/${s}/swap`);
  return {
    id: (
      await fx.world.deps.db.selectFrom('rota_signups').select('id').where('slot_id', '=', s!).executeTakeFirstOrThrow()
    ).id,
  };
};
const invite = async (fx: Fx): Promise<Objects> => {
  const html = await (await fx.as.owner.post('/invites')).text();
  const token = html.match(/\/join\/([\w-]{43})/)?.[1];
  if (!token) throw new Error(html.slice(html.indexOf('<main'), html.indexOf('<main') + 800));
  return {
    id: (
      await fx.world.deps.db
        .selectFrom('invites')
        .select('id')
        .where('token_hash', '=', hashToken(token))
        .executeTakeFirstOrThrow()
    ).id,
    token,
  };
};
/** A link the owner made that the role holder asked to end: a second member ends it. */
const askedInvite = async (fx: Fx): Promise<Objects> => {
  const made = await invite(fx);
  expect(await endInviteByToken(fx.world.deps.db, fx.ids.holder, made.token!, fx.world.now.value)).toBe('asked');
  return made;
};
const member = async (fx: Fx): Promise<Objects> => ({ id: fx.ids.owner });
const role = async (): Promise<Objects> => ({ name: 'treasurer' });
/** A sign-in code the owner made for the role holder, waiting for a second member (the one before it ended). */
const signInCode = async (fx: Fx): Promise<Objects> => {
  const { db, keys } = fx.world.deps;
  const now = fx.world.now.value;
  await db
    .updateTable('sign_in_codes')
    .set({ ended_at: now })
    .where('member_id', '=', fx.ids.holder)
    .where('used_at', 'is', null)
    .where('ended_at', 'is', null)
    .execute();
  const made = await makeSignInCode(db, keys, {
    memberId: fx.ids.holder,
    madeBy: fx.ids.owner,
    needsSecond: true,
    now,
  });
  expect(made.ok).toBe(true);
  const row = await db
    .selectFrom('sign_in_codes')
    .select('id')
    .where('member_id', '=', fx.ids.holder)
    .where('used_at', 'is', null)
    .where('ended_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { id: row.id };
};
const pledge = async (fx: Fx): Promise<Objects> => {
  await fx.as.owner.post('/fund/pledge', { fund: fx.fund, amount: '5' });
  return {
    id: (
      await fx.world.deps.db
        .selectFrom('fund_pledges')
        .select('id')
        .orderBy('started_at', 'desc')
        .executeTakeFirstOrThrow()
    ).id,
  };
};

/** What each route's parameter names, made fresh for every request (the domains name them: RouteAccess.about). */
/** Someone the owner brought in with a slip that waits for a second member (a fresh one for each request). */
const slip = async (fx: Fx): Promise<Objects> => {
  const { db, keys } = fx.world.deps;
  const made = await db.transaction().execute((tx) =>
    bringSomeoneIn(tx, keys, {
      displayName: 'Brought in',
      language: 'en',
      madeBy: fx.ids.owner,
      needsSecond: true,
      now: fx.world.now.value,
    }),
  );
  return { id: made.memberId };
};
/** A reading the owner added to the library. */
const libraryItem = async (fx: Fx): Promise<Objects> => ({
  id: await addItem(
    fx.world.deps.db,
    fx.ids.owner,
    { title: 'Why rents rise', language: 'en', about: '', url: '', body: 'A short text.', versionOf: null },
    fx.world.now.value,
  ),
});
/** An open listening cycle (as a passed decision would open it), with a theme; a conversation the owner noted. */
const openListening = async (fx: Fx) =>
  (
    await fx.world.deps.db
      .insertInto('listening_cycles')
      .values({
        title: 'What is hardest?',
        questions: JSON.stringify([{ kind: 'long', text: { typed: 'What is hardest?', names: {} }, options: [] }]),
        languages: ['en'],
        opens_at: new Date(fx.world.now.value.getTime() - 3_600_000),
        closes_at: new Date(fx.world.now.value.getTime() + 7 * 86_400_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
const listeningCycle = async (fx: Fx): Promise<Objects> => ({ id: await openListening(fx) });
const listeningTheme = async (fx: Fx): Promise<Objects> => ({
  id: (
    await fx.world.deps.db
      .insertInto('listening_themes')
      .values({ cycle_id: await openListening(fx), name: 'Rent' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id,
});
const listeningNote = async (fx: Fx): Promise<Objects> => ({
  id: await recordConversation(
    fx.world.deps.db,
    fx.world.deps.keys,
    await openListening(fx),
    fx.ids.owner,
    { heldOn: '2026-01-01', raised: 'Rent', lang: 'en', tags: [], followUp: null, name: '' },
    fx.world.now.value,
  ),
});
/** A teach-in the owner made, open to all (its page for anyone is there), a day from now. */
const event = async (fx: Fx): Promise<Objects> => ({
  id: await createEvent(
    fx.world.deps.db,
    fx.world.deps.keys,
    fx.ids.owner,
    {
      kind: 'teach_in',
      title: 'Why rents rise',
      about: '',
      language: 'en',
      area: 'Eastside',
      place: 'Room 4',
      startsAt: new Date(fx.world.now.value.getTime() + 86_400_000),
      minutes: 90,
      zone: 'UTC',
      rrule: null,
      capacity: 10,
      claimHours: 24,
      openToAll: true,
      readings: [],
    },
    fx.world.now.value,
  ),
});
/** A drill the owner lends, with its photo. */
const thing = async (fx: Fx): Promise<Objects> => {
  const { db } = fx.world.deps;
  const id = await addThing(
    db,
    fx.world.deps.keys,
    fx.ids.owner,
    {
      title: 'Drill',
      about: '',
      mine: true,
      area: 'Eastside',
      pickup: `Blue door, ${fx.secret}`,
      condition: 'good',
      loanDays: 7,
      claimHours: 24,
    },
    fx.world.now.value,
  );
  const photo = await cleanPhoto(
    await sharp({ create: { width: 40, height: 30, channels: 3, background: '#36c' } })
      .png()
      .toBuffer(),
  );
  await setPhoto(db, id, fx.ids.owner, photo!, fx.world.now.value);
  return { id };
};
/** An hour the owner gave the partner, waiting for the partner's yes. */
const hoursRecord = async (fx: Fx): Promise<Objects> => ({
  id: await recordHours(
    fx.world.deps.db,
    fx.ids.owner,
    { other: fx.ids.partner, gave: true, minutes: 60, what: '', fromCommons: false, matchId: null },
    fx.world.now.value,
  ),
});
/** A bulk order the owner opened, the partner asking rice in it; closed, so what was taken can be noted. */
const orderFixture = async (fx: Fx, closed: boolean) => {
  const { db } = fx.world.deps;
  const now = fx.world.now.value;
  const id = await openOrder(
    db,
    fx.ids.owner,
    {
      supplier: 'Co-op',
      about: '',
      deadline: new Date(now.getTime() + 48 * 3_600_000),
      pickupPoints: ['Hall'],
      delivery: 0,
      items: [
        { name: 'Rice', unit: 'kg', stepMilli: 1000, packMilli: 5000, packPrice: 1250, minPacks: 0, maxPacks: null },
      ],
    },
    24,
    'USD',
    now,
  );
  const [rice] = await itemsOf(db, id);
  await saveWants(
    db,
    id,
    fx.ids.partner,
    { forWhom: '', pickup: 'Hall', ranges: new Map([[rice!.id, { least: 5000, most: 5000 }]]) },
    now,
  );
  if (closed) {
    await db.updateTable('orders').set({ closed_at: now }).where('id', '=', id).execute();
    await db
      .updateTable('order_wants')
      .set({ allocated_milli: 5000, taken_milli: 5000 })
      .where('order_id', '=', id)
      .execute();
  }
  return id;
};
const orderObject = async (fx: Fx): Promise<Objects> => ({ id: await orderFixture(fx, false) });
/** The partner's want in a closed order the owner opened: noted by the partner (whose it is) or the owner (opener). */
const orderWant = async (fx: Fx): Promise<Objects> => {
  const id = await orderFixture(fx, true);
  const w = await fx.world.deps.db
    .selectFrom('order_wants')
    .select('id')
    .where('order_id', '=', id)
    .executeTakeFirstOrThrow();
  return { id: w.id };
};
/** A neighbour the owner added, who asked to be called. */
const callPerson = async (fx: Fx): Promise<Objects> => ({
  id: await addNeighbour(
    fx.world.deps.db,
    fx.world.deps.keys,
    fx.ids.owner,
    { name: `N ${fx.secret}`, phone: '555 010 0000', language: 'en', area: 'Eastside' },
    fx.world.now.value,
  ),
});
/** A round of calls the partner opened (with one neighbour to call). */
const callRound = async (fx: Fx): Promise<Objects> => {
  await callPerson(fx);
  return {
    id: await openRound(
      fx.world.deps.db,
      fx.ids.partner,
      { title: 'Heat wave', script: { en: 'Hello' }, hours: 24 },
      fx.world.now.value,
    ),
  };
};
/** A call the owner holds now. */
const heldCall = async (fx: Fx): Promise<Objects> => {
  const { id: round } = await callRound(fx);
  const id = await takeNext(fx.world.deps.db, round!, fx.ids.owner, fx.world.now.value);
  return { id: id! };
};
/** A translation the owner proposed, waiting for another member. */
const translation = async (fx: Fx): Promise<Objects> => ({
  id: await propose(
    fx.world.deps.db,
    fx.ids.owner,
    { lang: 'ht', key: 'nav.board', text: `Tablo ${n++}` },
    fx.world.now.value,
  ),
});
/** A message to translate, in a language. */
const uiMessage = async (): Promise<Objects> => ({ lang: 'ht', key: 'nav.board' });
/** A community fridge the owner added. */
const tendedPlace = async (fx: Fx): Promise<Objects> => ({
  id: await addPlace(
    fx.world.deps.db,
    fx.ids.owner,
    { name: 'Fridge', kind: 'fridge', area: 'Eastside', about: '', help: 'food', counted: true },
    fx.world.now.value,
  ),
});
const FIXTURES: Record<string, (fx: Fx) => Promise<Objects>> = {
  // The network's one ActivityPub actor (federation/).
  groupActor: async () => ({ identifier: 'network' }),
  partner,
  partnerNeed,
  partnerThread,
  sheet,
  apiToken,
  webhook,
  // A file of the network's export (moving/export.ts).
  exportFile: async () => ({ file: 'posts.csv' }),
  listedNetwork,
  post: need,
  match,
  message,
  request,
  paidRequest,
  pendingRecord,
  record,
  expected,
  pledge,
  entry,
  proposal,
  closedProposal,
  member,
  role,
  signInCode,
  slip,
  libraryItem,
  listeningCycle,
  listeningTheme,
  listeningNote,
  event,
  thing,
  tendedPlace,
  hoursRecord,
  order: orderObject,
  orderWant,
  callPerson,
  callRound,
  heldCall,
  translation,
  uiMessage,
  circle,
  round,
  rota,
  slot,
  place,
  invite,
  askedInvite,
  feed,
  unknownToken: async () => ({ token: crypto.randomBytes(16).toString('base64url') }),
  volunteerRole: async () => ({ name: 'dispatcher' }),
  holderTerm: async (fx) => ({
    id: (
      await fx.world.deps.db
        .selectFrom('role_terms')
        .select('id')
        .where('member_id', '=', fx.ids.holder)
        .where('role', '=', 'dispatcher')
        .executeTakeFirstOrThrow()
    ).id,
  }),
};
const RULES: Record<Audience, string> = {
  anyone: OPEN,
  members: MEMBERS,
  nobody: NOBODY,
  pair: PAIR,
  owner: OWNER,
  others: NOT_OWNER,
  second: SECOND,
  notAsker: 'daaadd',
  holder: HOLDER,
};
const fixture = (about: string) => {
  const make = FIXTURES[about];
  if (!make) throw new Error(`Nothing here makes a "${about}" for the access matrix: add it to FIXTURES.`);
  return make;
};
/** The routes the app serves itself, outside every domain. */
const APP: Record<string, Entry> = {
  'GET /static/:name': { rule: OPEN, make: async () => ({ name: 'app.css' }) },
  'GET /health': { rule: OPEN },
};
// The dispatcher routes first, before others make more dispatchers or end a term; the routes that change who holds
// roles last.
const FIRST = ['GET /dispatch', 'POST /dispatch'];
const LAST = ['POST /roles/:name/volunteer', 'POST /roles/terms/:id/step-down'];
const place_ = (key: string) => (FIRST.includes(key) ? 0 : LAST.includes(key) ? 2 : 1);
const MATRIX: Record<string, Entry> = Object.fromEntries(
  [
    ...Object.entries(APP),
    ...Object.entries(registry.access).map(([key, a]): [string, Entry] => [
      key,
      { rule: RULES[a.who], make: a.about ? fixture(a.about) : undefined, secret: a.secret },
    ]),
  ].sort((a, b) => place_(a[0]) - place_(b[0])),
);

let fx: Fx;
let removedCookies: Map<string, string>;
beforeAll(async () => {
  const world = await buildWorld();
  const founder = await foundNetwork(world);
  await raiseDailyLimits(world, founder); // the matrix acts hundreds of times as the same few members
  const as = {
    anon: new Client(world),
    holder: founder,
    owner: await buildMember(world, { name: 'Asha' }),
    partner: await buildMember(world, { name: 'Hugo' }),
    stranger: await buildMember(world, { name: 'Sol' }),
    removed: await buildMember(world, { name: 'Rex' }),
  } satisfies Record<Relation, Client>;
  const ids = Object.fromEntries(
    await Promise.all(
      RELATIONS.filter((r) => r !== 'anon').map(async (r) => [
        r,
        await memberIdOf(
          world,
          { holder: 'Ada', owner: 'Asha', partner: 'Hugo', stranger: 'Sol', removed: 'Rex' }[
            r as Exclude<Relation, 'anon'>
          ],
        ),
      ]),
    ),
  ) as Record<Relation, string>;
  await makeTreasurer(world, founder, 'Ada');
  const fund = await makeFund(world, founder, 'Emergency', {
    limit: '100000',
    days: '30',
    keep: '0',
    second_above: '100',
  });
  const loans = await makeFund(world, founder, 'Loans', {
    limit: '150',
    days: '30',
    keep: '0',
    second_above: '100',
    revolving: 'on',
  });
  for (const f of [fund, loans])
    expect(
      (
        await founder.post('/fund/move', {
          key: await formKey(founder, '/fund/move'),
          kind: 'gift',
          fund: f,
          amount: '5000',
          memo: 'Dinner',
        })
      ).status,
    ).toBe(303);
  // Rex is removed by the members' decision; his old session must count for nothing.
  const removal = idFromRedirect(
    await founder.post(`/members/${ids.removed}/removal`, { reason: 'danger', note: 'Threats' }),
  );
  for (const c of [founder, as.owner, as.partner, as.stranger])
    await c.post(`/decisions/${removal}/vote`, { pick: 'consent' });
  passHours(world, 24 * 15);
  await runJobs(world.deps);
  expect(
    (
      await world.deps.db
        .selectFrom('members')
        .select('removed_at')
        .where('id', '=', ids.removed)
        .executeTakeFirstOrThrow()
    ).removed_at,
  ).not.toBeNull();
  // The holder is also a dispatcher, and crisis mode is on (called and confirmed by two members).
  expect((await founder.post('/roles/dispatcher/volunteer')).status).toBe(303);
  expect((await as.owner.post('/crisis/ask')).status).toBe(303);
  expect((await as.stranger.post('/crisis/confirm')).status).toBe(303);
  fx = { world, as, ids, fund, loans, secret: `cnry${crypto.randomBytes(8).toString('hex').replace(/\d/g, 'x')}` };
  removedCookies = new Map(as.removed.cookies);
}, 120_000);

/** Members signed out by a route they were allowed (sign-out) get a new session, so the next route sees them as members. */
async function keepSignedIn() {
  for (const rel of ['stranger', 'partner', 'owner', 'holder'] as const) {
    if (!fx.as[rel].cookies.has('__Host-kropotkin'))
      fx.as[rel].cookies.set(
        '__Host-kropotkin',
        await createSession(fx.world.deps.db, fx.ids[rel], fx.world.now.value),
      );
  }
}

const paramsOf = (path: string) => [...path.matchAll(/:([a-z]+)/gi)].map((m) => m[1]!);
const fill = (path: string, objects: Objects) =>
  path.replace(/:([a-z]+)(\{[^}]*\})?/gi, (_, name: string) =>
    encodeURIComponent((objects as Record<string, string | undefined>)[name] ?? crypto.randomUUID()),
  );

describe(`the access matrix (${engine})`, () => {
  it('has an entry for every route the app has, and none for a route it lacks', () => {
    const routes = new Set(
      fx.world.app.routes
        .filter((r) => r.method !== 'ALL' && !r.path.includes('*'))
        .map((r) => `${r.method} ${r.path}`),
    );
    expect(
      [...routes].filter((r) => !MATRIX[r]),
      'routes without an entry in the access matrix',
    ).toEqual([]);
    expect(
      Object.keys(MATRIX).filter((r) => !routes.has(r)),
      'entries for routes that do not exist',
    ).toEqual([]);
  });

  it('lets exactly the allowed relations through on every route', async () => {
    const wrong: string[] = [];
    for (const [key, e] of Object.entries(MATRIX)) {
      const [method, path] = key.split(' ') as [string, string];
      // Denied relations first, so an allowed one's change cannot hide a leak; each gets a fresh object.
      const order = RELATIONS.map((r, i) => [r, e.rule[i]] as const).sort(
        (a, b) => (a[1] === 'd' ? -1 : 0) - (b[1] === 'd' ? -1 : 0),
      );
      for (const [rel, expected] of order) {
        // The server clears a dead session's cookie; the removed member keeps sending the old one, as a thief would.
        if (rel === 'removed') fx.as.removed.cookies = new Map(removedCookies);
        await keepSignedIn();
        const objects = e.make ? await e.make(fx) : {};
        const url = fill(path, objects);
        const res =
          method === 'GET'
            ? await fx.as[rel].get(url)
            : /^\/(api|passkeys)\//.test(path)
              ? await fx.as[rel].postJson(url, {})
              : await fx.as[rel].post(url, {});
        const text = await res.text();
        const denied = [401, 403, 404, 410].includes(res.status);
        if (res.status >= 500) wrong.push(`${key} as ${rel}: ${res.status}`);
        else if (expected === 'a' && denied) wrong.push(`${key} as ${rel}: expected allowed, got ${res.status}`);
        else if (expected === 'd') {
          const want = rel === 'anon' || rel === 'removed' ? [401, 403, 404, 410] : [403, 404, 410];
          if (!want.includes(res.status)) wrong.push(`${key} as ${rel}: expected denied, got ${res.status}`);
          if (e.secret && text.includes(fx.secret)) wrong.push(`${key} as ${rel}: the private words showed`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 300_000);

  it('answers 403 or 404 to guessed ids on every route that takes one', async () => {
    const wrong: string[] = [];
    for (const key of Object.keys(MATRIX)) {
      const [method, path] = key.split(' ') as [string, string];
      const params = paramsOf(path);
      if (!params.length || params.includes('name') || params.includes('token')) continue;
      for (const guess of [crypto.randomUUID(), '1', "' or 1=1 --"]) {
        const url = fill(path, Object.fromEntries(params.map((p) => [p, guess])));
        await keepSignedIn();
        const res = method === 'GET' ? await fx.as.stranger.get(url) : await fx.as.stranger.post(url, {});
        if (![403, 404].includes(res.status)) wrong.push(`${key} with ${guess}: ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
