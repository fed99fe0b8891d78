// A generated history for the mutuality dashboard: several hundred members and months of needs, matches, proposals,
// votes, rota slots and role terms, written straight into the database (through its triggers) with a seeded random
// generator. It returns what it wrote, so tests can work out the expected figures on their own.
import { registry } from '../../src/domains.ts';
import { sql } from 'kysely';
import { prng as seeded } from '../../bench/support.ts'; // the benchmarks' seeded generator (mulberry32)
import type { Db } from '../../src/db/connect.ts';
import { openProposal, castBallot, closeProposal } from '../../src/decisions/commands.ts';
import { proposalById } from '../../src/decisions/queries.ts';
import { standardRules } from '../../src/decisions/tally.ts';
import type { Action } from '../../src/decisions/queries.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export type History = {
  members: string[];
  needs: {
    id: string;
    member: string;
    category: string;
    at: number;
    status: 'open' | 'met' | 'expired' | 'matched';
    matchedAt?: number;
    metAt?: number;
    helper?: string;
  }[];
  exchanges: { giver: string; receiver: string; at: number }[];
  opened: { member: string; at: number }[];
  votes: { member: string; at: number }[];
  slots: { member: string; at: number }[];
  terms: { member: string; starts: number; ends: number }[];
};

export const CATEGORIES = ['groceries', 'meals', 'rides', 'medical', 'childcare'] as const;
/** A kind of help only three members ever ask for: its figures must be suppressed. */
export const RARE_CATEGORY = 'legal';

async function pass(db: Db, by: string, kind: 'role', action: Action, closeAt: Date) {
  const opened = new Date(closeAt.getTime() - 2 * HOUR);
  const id = await openProposal(
    db,
    by,
    {
      kind,
      title: `${kind} decision`,
      body: '',
      process: 'consent',
      options: [],
      closesInHours: 1,
      rules: standardRules('consent'),
      anonymous: false,
      action,
    },
    opened,
  );
  await castBallot(db, (await proposalById(db, id))!, by, { pick: 'consent' }, null, opened);
  await db.transaction().execute((tx) => closeProposal(tx, registry, id, closeAt));
  return id;
}

/**
 * Writes `size` members and `months` months of activity ending at `now`. A core of busy helpers carries most of the
 * helping (as in real networks), most members only receive, and a few both give and receive.
 */
export async function generateHistory(
  db: Db,
  now: Date,
  opts: { size?: number; months?: number; seed?: number } = {},
): Promise<History> {
  const size = opts.size ?? 300;
  const span = (opts.months ?? 6) * 30 * DAY;
  const rand = seeded(opts.seed ?? 42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const start = now.getTime() - span;
  const h: History = { members: [], needs: [], exchanges: [], opened: [], votes: [], slots: [], terms: [] };

  const rows = Array.from({ length: size }, (_, i) => ({
    display_name: `Gen ${i}`,
    language: 'en',
    joined_at: new Date(start - DAY),
  }));
  for (let i = 0; i < rows.length; i += 200) {
    const ids = await db
      .insertInto('members')
      .values(rows.slice(i, i + 200))
      .returning('id')
      .execute();
    h.members.push(...ids.map((r) => r.id));
  }
  const busy = h.members.slice(0, 15); // carry most of the helping and deciding
  const sometimes = h.members.slice(15, 60); // help now and then, and also ask
  const rare = h.members.slice(60, 63); // the only ones asking for legal help

  // Needs, and matches for most of them.
  const needRows: {
    member_id: string;
    kind: 'need';
    what: string;
    category: string;
    area: string;
    urgency: 'soon';
    status: 'open' | 'expired';
    created_at: Date;
    closed_at: Date | null;
  }[] = [];
  const plan: {
    member: string;
    category: string;
    at: number;
    fate: 'met' | 'matched' | 'expired' | 'open';
    helper?: string;
    matchAfter: number;
    meetAfter: number;
  }[] = [];
  for (let k = 0; k < size * 5; k++) {
    const member = rand() < 0.2 ? pick(sometimes) : pick(h.members.slice(60));
    if (rare.includes(member)) continue;
    const at = start + Math.floor(rand() * (span - 2 * DAY));
    const r = rand();
    const fate = r < 0.7 ? 'met' : r < 0.8 ? 'matched' : r < 0.92 ? 'expired' : 'open';
    const helper = fate === 'met' || fate === 'matched' ? (rand() < 0.8 ? pick(busy) : pick(sometimes)) : undefined;
    if (helper === member) continue;
    plan.push({
      member,
      category: pick(CATEGORIES),
      at,
      fate,
      helper,
      matchAfter: 1 + Math.floor(rand() * 47),
      meetAfter: 2 + Math.floor(rand() * 120),
    });
  }
  for (const m of rare)
    plan.push({
      member: m,
      category: RARE_CATEGORY,
      at: now.getTime() - 10 * DAY,
      fate: 'met',
      helper: busy[0],
      matchAfter: 3,
      meetAfter: 30,
    });
  for (const p of plan) {
    needRows.push({
      member_id: p.member,
      kind: 'need',
      what: `Generated need for ${p.category}`,
      category: p.category,
      area: 'Eastside',
      urgency: 'soon',
      status: p.fate === 'expired' ? 'expired' : 'open',
      created_at: new Date(p.at),
      closed_at: p.fate === 'expired' ? new Date(p.at + 14 * DAY) : null,
    });
  }
  const needIds: string[] = [];
  for (let i = 0; i < needRows.length; i += 300) {
    needIds.push(
      ...(
        await db
          .insertInto('posts')
          .values(needRows.slice(i, i + 300))
          .returning('id')
          .execute()
      ).map((r) => r.id),
    );
  }
  const matchRows: {
    need_id: string;
    helper_id: string;
    asker_id: string;
    status: 'active' | 'met';
    created_at: Date;
    ended_at: Date | null;
    ended_by: string | null;
  }[] = [];
  const metUpdates: { id: string; at: Date }[] = [];
  plan.forEach((p, i) => {
    const id = needIds[i]!;
    const matchedAt = p.at + p.matchAfter * HOUR;
    const metAt = matchedAt + p.meetAfter * HOUR;
    const met = p.fate === 'met' && metAt < now.getTime();
    if (p.helper && matchedAt < now.getTime()) {
      matchRows.push({
        need_id: id,
        helper_id: p.helper,
        asker_id: p.member,
        status: met ? 'met' : 'active',
        created_at: new Date(matchedAt),
        ended_at: met ? new Date(metAt) : null,
        ended_by: met ? p.member : null,
      });
      h.exchanges.push({ giver: p.helper, receiver: p.member, at: matchedAt });
      if (met) metUpdates.push({ id, at: new Date(metAt) });
    }
    const status =
      p.fate === 'expired' ? 'expired' : met ? 'met' : p.helper && matchedAt < now.getTime() ? 'matched' : 'open';
    h.needs.push({
      id,
      member: p.member,
      category: p.category,
      at: p.at,
      status,
      matchedAt: p.helper && matchedAt < now.getTime() ? matchedAt : undefined,
      metAt: met ? metAt : undefined,
      helper: p.helper,
    });
  });
  for (let i = 0; i < matchRows.length; i += 300)
    await db
      .insertInto('matches')
      .values(matchRows.slice(i, i + 300))
      .execute();
  // A met match's need is met at the generated time (the trigger would stamp the real clock).
  for (let i = 0; i < metUpdates.length; i += 300) {
    const chunk = metUpdates.slice(i, i + 300);
    await sql`update posts set status = 'met', closed_at = v.at::timestamptz
      from (select unnest(${chunk.map((u) => u.id)}::uuid[]) as id, unnest(${chunk.map((u) => u.at.toISOString())}::text[]) as at) v
      where posts.id = v.id`.execute(db);
  }

  // Deciding: proposals opened mostly by the busy core; votes by a few dozen.
  for (let k = 0; k < 40; k++) {
    const by = rand() < 0.85 ? pick(busy) : pick(sometimes);
    const at = new Date(start + Math.floor(rand() * (span - 2 * DAY)));
    const id = await openProposal(
      db,
      by,
      {
        kind: 'general',
        title: `Generated proposal ${k}`,
        body: '',
        process: 'consent',
        options: [],
        closesInHours: 24 * 400,
        rules: standardRules('consent'),
        anonymous: false,
        action: null,
      },
      at,
    );
    h.opened.push({ member: by, at: at.getTime() });
    const voters = new Set(
      Array.from({ length: 5 + Math.floor(rand() * 20) }, () => (rand() < 0.5 ? pick(busy) : pick(sometimes))),
    );
    await db
      .insertInto('ballots')
      .values(
        [...voters].map((m) => ({
          proposal_id: id,
          member_id: m,
          choice: JSON.stringify({ pick: 'consent' }),
          reason: null,
          cast_at: new Date(at.getTime() + HOUR),
        })),
      )
      .execute();
    for (const m of voters) h.votes.push({ member: m, at: at.getTime() + HOUR });
  }

  // Coordinating: a role defined by decision, held in turns mostly by the busy core.
  const founder = busy[0]!;
  await pass(
    db,
    founder,
    'role',
    {
      type: 'define_role',
      name: 'coordinator',
      title: 'Coordinator',
      duties: '',
      term_days: 30,
      seats: 20,
      terms_in_row: 20,
      volunteering: false,
    },
    new Date(start - DAY),
  );
  for (let k = 0; k < 12; k++) {
    const who = k < 10 ? busy[k % 5]! : sometimes[k]!;
    const startsAt = new Date(start + k * 15 * DAY);
    await pass(
      db,
      founder,
      'role',
      { type: 'fill_role', role: 'coordinator', member_id: who, member_name: who, days: 30 },
      startsAt,
    );
    h.terms.push({ member: who, starts: startsAt.getTime(), ends: startsAt.getTime() + 30 * DAY });
  }

  // A weekly rota served by the busy core and a few others.
  const rota = await db
    .insertInto('rotas')
    .values({
      title: 'Saturday distribution',
      category: 'groceries',
      created_by: founder,
      created_at: new Date(start - DAY),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let w = 0; w < Math.floor(span / (7 * DAY)); w++) {
    const at = new Date(start + w * 7 * DAY + 10 * HOUR);
    const slot = await db
      .insertInto('rota_slots')
      .values({
        rota_id: rota.id,
        starts_at: at,
        ends_at: new Date(at.getTime() + 3 * HOUR),
        area: 'Eastside',
        needed: 3,
        created_by: founder,
        created_at: new Date(start - DAY),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const people = new Set([pick(busy), pick(busy), rand() < 0.5 ? pick(sometimes) : pick(busy)]);
    await db
      .insertInto('rota_signups')
      .values([...people].map((m) => ({ slot_id: slot.id, member_id: m, signed_at: new Date(start - DAY) })))
      .execute();
    for (const m of people) h.slots.push({ member: m, at: at.getTime() });
  }
  return h;
}
