// The access matrix. Every route, enumerated from the app itself, has an entry saying which relations may reach it:
// signed out, a stranger member, the matched partner, the owner of the thing, a removed member, and a role holder
// (the treasurer and dispatcher). Each (route, relation) is requested with a fresh object of the right kind: an
// allowed relation must get past access control (not 401/403/404, never 5xx); a denied one must get 401 (signed out,
// removed) or 403/404 (members), and never see the thing's private words. A route without an entry fails the test.
// Guessed ids (random uuids) get 403/404 on every route that takes one.
import crypto from 'node:crypto';
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
import { raiseDailyLimits } from '../support/limits.ts';
import { hashToken } from '../../src/security/tokens.ts';

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

type Objects = { id?: string; message?: string; name?: string; token?: string; file?: string };
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

const MATRIX: Record<string, Entry> = {
  // First: the dispatcher routes, before the routes below make more dispatchers or end a term.
  'GET /dispatch': { rule: HOLDER },
  'POST /dispatch': { rule: HOLDER },
  'GET /': { rule: OPEN },
  'GET /static/:name': { rule: OPEN, make: async () => ({ name: 'app.css' }) },
  'GET /health': { rule: OPEN },
  'GET /found': { rule: NOBODY }, // the network is founded: the founding page is gone for everyone (410)
  'POST /found': { rule: NOBODY },
  'GET /join/:token': { rule: NOBODY, make: async () => ({ token: crypto.randomBytes(16).toString('base64url') }) },
  'POST /join/:token': { rule: NOBODY, make: async () => ({ token: crypto.randomBytes(16).toString('base64url') }) },
  'GET /welcome': { rule: MEMBERS },
  'GET /sign-in': { rule: OPEN },
  'POST /sign-in/email': { rule: OPEN },
  'GET /sign-in/link': { rule: NOBODY }, // open to all, but without a live one-time link it is gone (410) for everyone; mail.test.ts uses real links
  'POST /sign-in/link': { rule: NOBODY }, // likewise
  'POST /sign-out': { rule: OPEN },
  'POST /language': { rule: OPEN },
  'GET /settings': { rule: MEMBERS },
  'POST /settings': { rule: MEMBERS },
  'POST /settings/passkeys/remove': { rule: MEMBERS },
  'POST /settings/sign-out-everywhere': { rule: MEMBERS },
  'GET /email/confirm': { rule: NOBODY }, // without a live link mailed to an address it is gone (410) for everyone; lifecycle and invites tests use real ones
  'POST /email/confirm': { rule: NOBODY }, // likewise
  'GET /email/confirmed': { rule: OPEN },
  'GET /invites': { rule: MEMBERS },
  'POST /invites/:id/second': { rule: NOBODY, make: invite }, // this network lets invites work without a second
  'POST /invites': { rule: MEMBERS },
  'POST /invites/:id/end': { rule: OWNER, make: invite },
  'POST /invites/end': { rule: MEMBERS },
  'POST /invites/:id/end/confirm': { rule: 'daaadd', make: askedInvite }, // not the member who asked

  'POST /passkeys/register/options': { rule: MEMBERS },
  'POST /passkeys/register/verify': { rule: MEMBERS },
  'POST /passkeys/sign-in/options': { rule: OPEN },
  'POST /passkeys/sign-in/verify': { rule: OPEN },
  'GET /board': { rule: MEMBERS },
  'GET /posts/new': { rule: MEMBERS },
  'POST /posts': { rule: MEMBERS },
  'GET /posts/:id': { rule: MEMBERS, make: need },
  'GET /posts/:id/edit': { rule: OWNER, make: need },
  'POST /posts/:id/edit': { rule: OWNER, make: need },
  'POST /posts/:id/withdraw': { rule: OWNER, make: need },
  'POST /posts/:id/respond': { rule: MEMBERS, make: need }, // the owner is answered 409: not one's own need
  'GET /matches/:id': { rule: PAIR, make: match, secret: true },
  'POST /matches/:id/messages': { rule: PAIR, make: match },
  'POST /matches/:id/release': { rule: PAIR, make: match },
  'POST /matches/:id/met': { rule: OWNER, make: match }, // the one who asked says it was met
  'GET /me': { rule: MEMBERS },
  'POST /me/break': { rule: MEMBERS },
  'POST /me/back': { rule: MEMBERS },
  'GET /api/suggestions': { rule: MEMBERS },
  'GET /api/board/stamp': { rule: MEMBERS },
  'GET /api/posts': { rule: MEMBERS },
  'POST /api/posts': { rule: MEMBERS },
  'POST /api/posts/:id/respond': { rule: MEMBERS, make: need }, // likewise
  'GET /notifications': { rule: MEMBERS },
  'POST /notifications/read': { rule: MEMBERS },
  'GET /agreements': { rule: MEMBERS },
  'GET /decisions': { rule: MEMBERS },
  'GET /decisions/new': { rule: MEMBERS },
  'POST /decisions': { rule: MEMBERS },
  'GET /decisions/:id': { rule: MEMBERS, make: proposal },
  'POST /decisions/:id/vote': { rule: MEMBERS, make: proposal },
  'POST /decisions/:id/anonymous': { rule: OWNER, make: proposal },
  'GET /members/:id': { rule: MEMBERS, make: member },
  'POST /members/:id/flag': { rule: NOT_OWNER, make: member },
  'POST /members/:id/pause': { rule: NOT_OWNER, make: member },
  'POST /members/:id/pause/confirm': { rule: NOT_OWNER, make: member },
  'POST /members/:id/removal': { rule: NOT_OWNER, make: member },
  'POST /members/:id/removal/second': { rule: NOT_OWNER, make: member },
  'POST /posts/:id/flag': { rule: NOT_OWNER, make: need },
  'POST /messages/:id/flag': { rule: OWNER, make: message }, // the partner wrote it: the other side of the thread flags it
  'GET /safety': { rule: MEMBERS },
  'GET /fund': { rule: MEMBERS },
  'GET /fund/ask': { rule: MEMBERS },
  'POST /fund/ask': { rule: MEMBERS },
  'GET /fund/requests/:id': { rule: MEMBERS, make: request, secret: true },
  'POST /fund/requests/:id/pay': { rule: HOLDER, make: request },
  'POST /fund/requests/:id/received': { rule: OWNER, make: paidRequest },
  'POST /fund/requests/:id/withdraw': { rule: OWNER, make: request },
  'GET /fund/give': { rule: MEMBERS },
  'POST /fund/give': { rule: MEMBERS },
  'POST /fund/pledge': { rule: MEMBERS },
  'POST /fund/pledges/:id/end': { rule: OWNER, make: pledge },
  'GET /fund/move': { rule: HOLDER },
  'POST /fund/move': { rule: HOLDER },
  'POST /fund/entries/:id/reverse': { rule: HOLDER, make: entry },
  'GET /fund/records/:id': { rule: MEMBERS, make: record },
  'POST /fund/records/:id/confirm': { rule: SECOND, make: pendingRecord }, // a second member: not who recorded it, not who is paid
  'POST /fund/records/:id/withdraw': { rule: HOLDER, make: pendingRecord }, // the one who recorded it, while unconfirmed
  'POST /fund/expected/:id/return': { rule: HOLDER, make: expected },
  'POST /fund/expected/:id/partly': { rule: HOLDER, make: expected },
  'POST /fund/expected/:id/write-off': { rule: MEMBERS, make: expected }, // any member may ask the members to write it off
  'GET /fund/ledger': { rule: MEMBERS },
  'GET /fund/ledger.csv': { rule: MEMBERS },
  'GET /fund/statement': { rule: MEMBERS },
  'GET /fund/propose': { rule: MEMBERS },
  'POST /fund/propose': { rule: MEMBERS },
  'GET /api/fund': { rule: MEMBERS },
  'POST /api/fund/requests': { rule: MEMBERS },
  'POST /api/fund/records': { rule: MEMBERS }, // any member records a contribution; other kinds need the treasurer (checked by kind, and in the database)
  'POST /api/fund/records/:id/confirm': { rule: SECOND, make: pendingRecord },
  'GET /roles': { rule: MEMBERS },
  'GET /roles/new': { rule: MEMBERS },
  'GET /roles/:name': { rule: MEMBERS, make: role, secret: true },
  'POST /roles/:name/handover': { rule: HOLDER, make: role },
  'GET /roles/:name/propose': { rule: MEMBERS, make: role },
  'POST /roles/:name/propose': { rule: MEMBERS, make: role },
  'GET /roles/:name/change': { rule: MEMBERS, make: role },
  'POST /roles/new': { rule: MEMBERS },
  'POST /roles/:name/change': { rule: MEMBERS, make: role },
  'GET /circles': { rule: MEMBERS },
  'GET /circles/new': { rule: MEMBERS },
  'POST /circles': { rule: MEMBERS },
  'GET /circles/:id': { rule: MEMBERS, make: circle },
  'POST /circles/:id/join': { rule: MEMBERS, make: circle },
  'POST /circles/:id/leave': { rule: MEMBERS, make: circle }, // leaving a forming circle one is not in changes nothing
  'POST /circles/:id/start': { rule: OWNER, make: circle },
  'POST /circles/rounds/:id/pay': { rule: PAIR, make: round },
  'POST /circles/rounds/:id/receive': { rule: PAIR, make: round },
  'POST /circles/rounds/:id/defer': { rule: PAIR, make: round },
  'GET /rotas': { rule: MEMBERS },
  'GET /rotas/new': { rule: MEMBERS },
  'POST /rotas/new': { rule: MEMBERS },
  'GET /rotas/:id': { rule: MEMBERS, make: rota },
  'POST /rotas/:id/slots': { rule: MEMBERS, make: rota },
  'POST /rotas/slots/:id/sign-up': { rule: MEMBERS, make: slot },
  'POST /rotas/slots/:id/drop': { rule: MEMBERS, make: slot },
  'POST /rotas/slots/:id/swap': { rule: MEMBERS, make: slot },
  'POST /rotas/places/:id/take': { rule: MEMBERS, make: place }, // the owner is answered 409: not one's own place
  'POST /calendar/new': { rule: MEMBERS },
  'POST /calendar/revoke': { rule: MEMBERS },
  'GET /calendar/:file': { rule: OPEN, make: feed }, // a secret address, like a link
  'GET /mutuality': { rule: MEMBERS },
  'GET /mutuality/summary': { rule: MEMBERS },
  'GET /mutuality.csv': { rule: MEMBERS },
  'GET /checkin': { rule: MEMBERS },
  'POST /checkin': { rule: MEMBERS },
  'GET /crisis': { rule: MEMBERS },
  'POST /crisis/ask': { rule: MEMBERS },
  'POST /crisis/confirm': { rule: MEMBERS },
  // Last: these change who holds roles.
  'POST /roles/:name/volunteer': { rule: MEMBERS, make: async () => ({ name: 'dispatcher' }) },
  'POST /roles/terms/:id/step-down': {
    rule: HOLDER,
    make: async (fx) => ({
      id: (
        await fx.world.deps.db
          .selectFrom('role_terms')
          .select('id')
          .where('member_id', '=', fx.ids.holder)
          .where('role', '=', 'dispatcher')
          .executeTakeFirstOrThrow()
      ).id,
    }),
  },
};

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
