// The mutuality dashboard's figures, read from what members did (never from anything they were asked about
// themselves): who helped whom, who opened proposals and voted, who held roles and served rota slots, and how needs
// fared. Everything leaves here as aggregates; any figure resting on fewer than five members is suppressed.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { monthsUpTo } from '../web/forms.ts';
import { gini, guard, MIN_MEMBERS, percentile, reciprocity, topShare, type Suppressed } from './metrics.ts';
import type { CauseCount } from '../causes/index.ts';

type Q = Kysely<Database>;
const DAY = 86_400_000;
const HOUR = 3_600_000;
/** The dashboard's window for "now", and how many months of trend it shows. */
export const WINDOW_DAYS = 90;
export const TREND_MONTHS = 6;
/** The load check's window: the last 30 days. */
export const LOAD_DAYS = 30;

export const WORK_KINDS = ['helping', 'deciding', 'coordinating'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/** Everything members did from `from` to `to`, as (member, time) facts without content. */
export type Activity = {
  exchanges: { giver: string; receiver: string; at: number }[];
  slots: { member: string; at: number }[];
  opened: { member: string; at: number }[];
  votes: { member: string; at: number }[];
  posted: { member: string; at: number }[];
  terms: { member: string; starts: number; ends: number }[];
};

export async function activity(db: Q, from: Date, to: Date): Promise<Activity> {
  const ms = (d: Date) => d.getTime();
  const [exchanges, slots, opened, votes, posted, terms] = await Promise.all([
    db
      .selectFrom('matches')
      .select(['helper_id', 'asker_id', 'created_at'])
      .where('status', '<>', 'released')
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .execute(),
    db
      .selectFrom('rota_signups')
      .innerJoin('rota_slots', 'rota_slots.id', 'rota_signups.slot_id')
      .select(['rota_signups.member_id', 'rota_slots.starts_at'])
      .where('rota_signups.dropped_at', 'is', null)
      .where('rota_slots.starts_at', '>=', from)
      .where('rota_slots.starts_at', '<', to)
      .execute(),
    db
      .selectFrom('proposals')
      .select(['opened_by', 'opened_at'])
      .where('opened_by', 'is not', null)
      .where('opened_at', '>=', from)
      .where('opened_at', '<', to)
      .execute(),
    db
      .selectFrom('ballots')
      .select(['member_id', 'cast_at'])
      .where('cast_at', '>=', from)
      .where('cast_at', '<', to)
      .execute(),
    db
      .selectFrom('posts')
      .select(['member_id', 'created_at'])
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .execute(),
    db
      .selectFrom('role_terms')
      .select(['member_id', 'starts_at', sql<Date>`least(ends_at, coalesce(ended_at, ends_at))`.as('ends')])
      .where('starts_at', '<', to)
      .where(sql<boolean>`least(ends_at, coalesce(ended_at, ends_at)) > ${from}`)
      .execute(),
  ]);
  return {
    exchanges: exchanges.map((r) => ({ giver: r.helper_id, receiver: r.asker_id, at: ms(r.created_at) })),
    slots: slots.map((r) => ({ member: r.member_id, at: ms(r.starts_at) })),
    opened: opened.map((r) => ({ member: r.opened_by!, at: ms(r.opened_at) })),
    votes: votes.map((r) => ({ member: r.member_id, at: ms(r.cast_at) })),
    posted: posted.map((r) => ({ member: r.member_id, at: ms(r.created_at) })),
    terms: terms.map((r) => ({ member: r.member_id, starts: ms(r.starts_at), ends: ms(new Date(r.ends)) })),
  };
}

type Window = { from: number; to: number };
const inside = (w: Window) => (x: { at: number }) => x.at >= w.from && x.at < w.to;

/** Members who did anything at all in the window: the people the shares are of. */
export function activeIn(a: Activity, w: Window): Set<string> {
  const ids = new Set<string>();
  for (const e of a.exchanges.filter(inside(w))) ids.add(e.giver).add(e.receiver);
  for (const list of [a.slots, a.opened, a.votes, a.posted]) for (const x of list.filter(inside(w))) ids.add(x.member);
  for (const t of a.terms) if (t.starts < w.to && t.ends > w.from) ids.add(t.member);
  return ids;
}

/** Each piece of work done in the window, per active member (members who did none of it count as zero). */
type Parts = { helping: number; opened: number; votes: number; coordinating: number };

function partsIn(a: Activity, w: Window, active: Set<string>): Parts[] {
  const parts = new Map([...active].map((m) => [m, { helping: 0, opened: 0, votes: 0, coordinating: 0 }]));
  const add = (k: keyof Parts, m: string, n = 1) => void (parts.get(m)![k] += n);
  for (const e of a.exchanges.filter(inside(w))) add('helping', e.giver);
  for (const s of a.slots.filter(inside(w))) add('helping', s.member);
  for (const p of a.opened.filter(inside(w))) add('opened', p.member);
  for (const b of a.votes.filter(inside(w))) add('votes', b.member);
  for (const t of a.terms) {
    const overlap = Math.min(t.ends, w.to) - Math.max(t.starts, w.from);
    if (overlap > 0) add('coordinating', t.member, overlap / (30 * DAY));
  }
  return [...parts.values()];
}

/** Helping (matches, slots), deciding (proposals opened, votes), coordinating (role-months) per active member. */
export function workIn(a: Activity, w: Window, active: Set<string>): Record<WorkKind, number[]> {
  const parts = partsIn(a, w, active);
  return {
    helping: parts.map((p) => p.helping),
    deciding: parts.map((p) => p.opened + p.votes),
    coordinating: parts.map((p) => p.coordinating),
  };
}

/** The load check's single measure of work: helping, proposals opened, role-months (votes are light). */
export function loadIn(a: Activity, w: Window, active: Set<string>): number[] {
  return partsIn(a, w, active).map((p) => p.helping + p.opened + p.coordinating);
}

export type Concentration = { gini: Suppressed<number>; top: Suppressed<number> };
export type MonthPoint<T> = { month: string; value: Suppressed<T> };

export type NeedCounts = { posted: number; met: number; expired: number };
export type Durations = { median: number; p90: number };

export type Dashboard = {
  asOf: Date;
  months: string[];
  reciprocity: { now: Suppressed<{ share: number; active: number; both: number }>; trend: MonthPoint<number>[] };
  concentration: Record<WorkKind, Concentration & { trend: MonthPoint<number>[] }>;
  needsByMonth: MonthPoint<NeedCounts>[];
  needsByCategory: { category: string; value: Suppressed<NeedCounts> }[];
  /** Every kind of help in every month of the trend (by the month posted). */
  needsByCategoryMonth: { category: string; month: string; value: Suppressed<NeedCounts> }[];
  toMatch: Suppressed<Durations>;
  toMeet: Suppressed<Durations>;
  load: Suppressed<number>;
};

/** The first instant of each of the last `n` months (UTC), oldest first, ending with the month of `now`. */
export const monthStarts = (now: Date, n = TREND_MONTHS): Date[] =>
  monthsUpTo(now, n).map((m) => new Date(`${m}-01T00:00:00Z`));
const monthKey = (d: Date) => d.toISOString().slice(0, 7);

function concentrationOf(values: number[], active: number): Concentration {
  return { gini: guard(gini(values), active), top: guard(topShare(values, 0.1), active) };
}

export async function dashboard(db: Q, now: Date): Promise<Dashboard> {
  const starts = monthStarts(now);
  const months = starts.map(monthKey);
  // Each month's point is the 90 days up to that month's end (or now), so trends are as steady as the "now" figures.
  const ends = starts.map((s, i) =>
    Math.min(
      (starts[i + 1] ?? new Date(Date.UTC(s.getUTCFullYear(), s.getUTCMonth() + 1, 1))).getTime(),
      now.getTime(),
    ),
  );
  const earliest = new Date(Math.min(ends[0]!, now.getTime()) - WINDOW_DAYS * DAY);
  const a = await activity(db, earliest, new Date(now.getTime() + 1));
  const windowTo = (to: number): Window => ({ from: to - WINDOW_DAYS * DAY, to });

  const current = windowTo(now.getTime() + 1);
  const active = activeIn(a, current);
  const rec = reciprocity(a.exchanges.filter(inside(current)));
  const work = workIn(a, current, active);

  const trends = ends.map((to) => {
    const w = windowTo(to);
    const act = activeIn(a, w);
    const r = reciprocity(a.exchanges.filter(inside(w)));
    return { r, act: act.size, work: workIn(a, w, act) };
  });

  const concentration = Object.fromEntries(
    WORK_KINDS.map((k) => [
      k,
      {
        ...concentrationOf(work[k], active.size),
        trend: trends.map((p, i) => ({ month: months[i]!, value: guard(gini(p.work[k]), p.act) })),
      },
    ]),
  ) as Dashboard['concentration'];

  const loadWindow: Window = { from: now.getTime() - LOAD_DAYS * DAY, to: now.getTime() + 1 };
  const loadActive = activeIn(a, loadWindow);
  const needs = await needFigures(db, starts[0]!, now);

  return {
    asOf: now,
    months,
    reciprocity: {
      now: guard(rec, rec.active),
      trend: trends.map((p, i) => ({ month: months[i]!, value: guard(p.r.share, p.r.active) })),
    },
    concentration,
    needsByMonth: months.map((m) => {
      const cell = needs.byMonth.get(m);
      return { month: m, value: guard(cell?.counts ?? { posted: 0, met: 0, expired: 0 }, cell?.posters ?? 0) };
    }),
    needsByCategory: [...needs.byCategory.entries()]
      .sort((x, y) => y[1].counts.posted - x[1].counts.posted || x[0].localeCompare(y[0]))
      .map(([category, cell]) => ({ category, value: guard(cell.counts, cell.posters) })),
    needsByCategoryMonth: [...new Set([...needs.byCategoryMonth.keys()].map((k) => k.split('\u0000')[0]!))]
      .sort()
      .flatMap((category) =>
        months.map((month) => {
          const cell = needs.byCategoryMonth.get(`${category}\u0000${month}`);
          return {
            category,
            month,
            value: guard(cell?.counts ?? { posted: 0, met: 0, expired: 0 }, cell?.posters ?? 0),
          };
        }),
      ),
    toMatch: durations(needs.toMatch),
    toMeet: durations(needs.toMeet),
    load: guard(topShare(loadIn(a, loadWindow, loadActive), 0.1), loadActive.size),
  };
}

function durations(list: { member: string; hours: number }[]): Suppressed<Durations> {
  const members = new Set(list.map((x) => x.member)).size;
  const hours = list.map((x) => x.hours);
  return guard({ median: percentile(hours, 50) ?? 0, p90: percentile(hours, 90) ?? 0 }, members);
}

type Cell = { counts: NeedCounts; posters: number };

/** Needs posted in the trend's months: how each fared, by month posted and by kind; time to a match and to met. */
async function needFigures(db: Q, from: Date, now: Date) {
  const rows = await sql<{
    member_id: string;
    category: string;
    status: string;
    created_at: Date;
    closed_at: Date | null;
    first_match: Date | null;
  }>`
    select p.member_id, p.category, p.status, p.created_at, p.closed_at,
      (select min(m.created_at) from matches m where m.need_id = p.id) as first_match
    from posts p where p.kind = 'need' and p.created_at >= ${from} and p.created_at <= ${now}`.execute(db);
  const byMonth = new Map<string, Cell & { who: Set<string> }>();
  const byCategory = new Map<string, Cell & { who: Set<string> }>();
  const byCategoryMonth = new Map<string, Cell & { who: Set<string> }>();
  const toMatch: { member: string; hours: number }[] = [];
  const toMeet: { member: string; hours: number }[] = [];
  const recent = now.getTime() - WINDOW_DAYS * DAY;
  const bump = (
    map: Map<string, Cell & { who: Set<string> }>,
    key: string,
    r: { member_id: string; status: string },
  ) => {
    const cell = map.get(key) ?? { counts: { posted: 0, met: 0, expired: 0 }, posters: 0, who: new Set<string>() };
    cell.counts.posted += 1;
    if (r.status === 'met') cell.counts.met += 1;
    if (r.status === 'expired') cell.counts.expired += 1;
    cell.who.add(r.member_id);
    cell.posters = cell.who.size;
    map.set(key, cell);
  };
  for (const r of rows.rows) {
    const created = new Date(r.created_at);
    bump(byMonth, monthKey(created), r);
    bump(byCategoryMonth, `${r.category}\u0000${monthKey(created)}`, r);
    if (created.getTime() < recent) continue;
    bump(byCategory, r.category, r);
    if (r.first_match)
      toMatch.push({ member: r.member_id, hours: (new Date(r.first_match).getTime() - created.getTime()) / HOUR });
    if (r.status === 'met' && r.closed_at)
      toMeet.push({ member: r.member_id, hours: (new Date(r.closed_at).getTime() - created.getTime()) / HOUR });
  }
  return { byMonth, byCategory, byCategoryMonth, toMatch, toMeet };
}

export type Drift = { reciprocityLow: boolean; unevenKinds: WorkKind[]; any: boolean };

/** A network younger than this has no pattern yet to warn of: its first exchanges all go one way by nature. */
export const DRIFT_AFTER_DAYS = 30;

/** How many days the network has had members (since its first member joined). */
export async function networkDays(db: Kysely<Database>, now: Date): Promise<number> {
  const r = await db
    .selectFrom('members')
    .select((eb) => eb.fn.min('joined_at').as('first'))
    .executeTakeFirst();
  const first = r?.first ? new Date(r.first as Date) : now;
  return (now.getTime() - first.getTime()) / 86_400_000;
}

/**
 * Whether the network is sliding back toward charity, by the thresholds the members agreed — never for a network
 * younger than DRIFT_AFTER_DAYS, whose first exchanges go one way before any pattern exists.
 */
export function driftOf(
  d: Dashboard,
  floorPercent: number,
  giniCeilingHundredths: number,
  ageDays = Number.POSITIVE_INFINITY,
): Drift {
  if (ageDays < DRIFT_AFTER_DAYS) return { reciprocityLow: false, unevenKinds: [], any: false };
  const reciprocityLow = d.reciprocity.now.shown && d.reciprocity.now.value.share * 100 < floorPercent;
  const unevenKinds = WORK_KINDS.filter((k) => {
    const g = d.concentration[k].gini;
    return g.shown && g.value * 100 > giniCeilingHundredths;
  });
  return { reciprocityLow, unevenKinds, any: reciprocityLow || unevenKinds.length > 0 };
}

/** Whether any figure of the dashboard is not shown (it rests on fewer than MIN_MEMBERS members). */
export function hasSuppressed(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasSuppressed);
  if (value === null || typeof value !== 'object' || value instanceof Date) return false;
  if ((value as { shown?: unknown }).shown === false) return true;
  return Object.values(value).some(hasSuppressed);
}

export { MIN_MEMBERS };

export type CausesByMonth = { months: string[]; rows: { cause: string; counts: (number | null)[] }[] };

/**
 * Needs by root cause for each of `months` (causes/tally.ts keeps only these totals): a count under MIN_MEMBERS is
 * not shown (null), as nothing else on the page is; a cause is listed once any of its months can be shown.
 */
export function causesByMonth(tallies: CauseCount[], months: string[]): CausesByMonth {
  const byCause = new Map<string, (number | null)[]>();
  for (const t of tallies) {
    const i = months.indexOf(t.month);
    if (i < 0) continue;
    const counts = byCause.get(t.cause) ?? months.map(() => null);
    counts[i] = t.needs >= MIN_MEMBERS ? t.needs : null;
    byCause.set(t.cause, counts);
  }
  const rows = [...byCause]
    .filter(([, counts]) => counts.some((n) => n !== null))
    .map(([cause, counts]) => ({ cause, counts }))
    .sort(
      (a, b) => b.counts.reduce<number>((s, n) => s + (n ?? 0), 0) - a.counts.reduce<number>((s, n) => s + (n ?? 0), 0),
    );
  return { months, rows };
}
