// The mutuality dashboard on a generated history of 300 members and six months of activity: every figure the page
// shows equals what the history says (worked out here on its own), figures resting on fewer than five members are
// suppressed, no member's name appears, drift and load warnings follow the agreed thresholds, and the printable
// summary and CSV carry the same figures.
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestWorld, worldForFile } from '../support/app.ts';
import { engine } from '../support/db.ts';
import { generateHistory, RARE_CATEGORY, type History } from '../support/history.ts';
import { dashboard, driftOf, type Dashboard } from '../../src/mutuality/queries.ts';
import { gini, percentile, reciprocity, topShare } from '../../src/mutuality/metrics.ts';
import { warnIfLoadConcentrated } from '../../src/mutuality/warnings.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const files = worldForFile();
let world: TestWorld;
let founder: Client;
let h: History;
let d: Dashboard;

/** The members who did anything between from and to, and how much helping each did: worked out from the history. */
function expected(from: number, to: number) {
  const inW = (x: { at: number }) => x.at >= from && x.at < to;
  const active = new Set<string>();
  for (const e of h.exchanges.filter(inW)) active.add(e.giver).add(e.receiver);
  for (const l of [h.slots, h.opened, h.votes]) for (const x of l.filter(inW)) active.add(x.member);
  for (const n of h.needs.filter(inW)) active.add(n.member);
  for (const t of h.terms) if (t.starts < to && t.ends > from) active.add(t.member);
  const helping = new Map([...active].map((m) => [m, 0]));
  for (const e of h.exchanges.filter(inW)) helping.set(e.giver, helping.get(e.giver)! + 1);
  for (const s of h.slots.filter(inW)) helping.set(s.member, helping.get(s.member)! + 1);
  return { active, helping: [...helping.values()], rec: reciprocity(h.exchanges.filter(inW)) };
}

beforeAll(async () => {
  world = files.world;
  founder = files.founder;
});

describe(`the mutuality dashboard (${engine})`, () => {
  it('shows nothing that rests on fewer than five members in a new network', async () => {
    const html = await (await founder.get('/mutuality')).text();
    expect(html).toContain('not shown (fewer than 5 members)');
    // Said once, in words, at the top; each figure not shown is a dash (its words are for screen readers).
    expect(html.match(/A dash \(—\) marks a figure/g)).toHaveLength(1);
    expect(html).toContain('<span aria-hidden="true">—</span>');
    expect(html).not.toContain('The network may be sliding');
  });

  it('reads a generated history of 300 members truthfully', async () => {
    const now = world.now.value;
    h = await generateHistory(world.deps.db, now, { size: 300, months: 6 });
    d = await dashboard(world.deps.db, now);
    const e = expected(now.getTime() - 90 * DAY, now.getTime() + 1);
    expect(e.active.size).toBeGreaterThan(200);

    expect(d.reciprocity.now).toEqual({ shown: true, value: e.rec });
    const helping = d.concentration.helping;
    expect(helping.gini.shown && helping.gini.value).toBeCloseTo(gini(e.helping), 10);
    expect(helping.top.shown && helping.top.value).toBeCloseTo(topShare(e.helping, 0.1), 10);
    expect(helping.gini.shown && helping.gini.value).toBeGreaterThan(0.8); // the busy core carries it

    // Needs by the month they were posted: posted, met, expired.
    for (const point of d.needsByMonth) {
      const mine = h.needs.filter((n) => new Date(n.at).toISOString().slice(0, 7) === point.month);
      const counts = {
        posted: mine.length,
        met: mine.filter((n) => n.status === 'met').length,
        expired: mine.filter((n) => n.status === 'expired').length,
      };
      if (new Set(mine.map((n) => n.member)).size >= 5) expect(point.value).toEqual({ shown: true, value: counts });
      else expect(point.value.shown).toBe(false);
    }
    // A kind of help only three members asked for is never shown.
    expect(d.needsByCategory.find((c) => c.category === RARE_CATEGORY)?.value).toEqual({ shown: false, members: 3 });
    const rides = d.needsByCategory.find((c) => c.category === 'rides')!.value;
    const recentRides = h.needs.filter((n) => n.category === 'rides' && n.at >= now.getTime() - 90 * DAY);
    expect(rides).toEqual({
      shown: true,
      value: {
        posted: recentRides.length,
        met: recentRides.filter((n) => n.status === 'met').length,
        expired: recentRides.filter((n) => n.status === 'expired').length,
      },
    });

    // And by kind and month together: every cell as the history says, or suppressed below five askers.
    for (const cell of d.needsByCategoryMonth) {
      const mine = h.needs.filter(
        (n) => n.category === cell.category && new Date(n.at).toISOString().slice(0, 7) === cell.month,
      );
      const counts = {
        posted: mine.length,
        met: mine.filter((n) => n.status === 'met').length,
        expired: mine.filter((n) => n.status === 'expired').length,
      };
      const askers = new Set(mine.map((n) => n.member)).size;
      expect(cell.value).toEqual(askers >= 5 ? { shown: true, value: counts } : { shown: false, members: askers });
    }
    expect(d.needsByCategoryMonth.filter((c) => c.value.shown).length).toBeGreaterThan(20);

    // Time to a match and to met, over needs posted in the last 90 days.
    const recent = h.needs.filter((n) => n.at >= now.getTime() - 90 * DAY);
    const toMatch = recent.filter((n) => n.matchedAt).map((n) => (n.matchedAt! - n.at) / HOUR);
    const toMeet = recent.filter((n) => n.metAt).map((n) => (n.metAt! - n.at) / HOUR);
    expect(d.toMatch).toEqual({
      shown: true,
      value: { median: percentile(toMatch, 50), p90: percentile(toMatch, 90) },
    });
    expect(d.toMeet).toEqual({ shown: true, value: { median: percentile(toMeet, 50), p90: percentile(toMeet, 90) } });

    // The trend's last point is the "now" window (to the end of this month, which is now).
    const last = d.reciprocity.trend.at(-1)!;
    expect(last.value).toEqual({ shown: true, value: e.rec.share });
  });

  it('warns of drift by the agreed thresholds, with practices, and names nobody', async () => {
    const drift = driftOf(d, 25, 60);
    expect(drift.reciprocityLow).toBe(d.reciprocity.now.shown && d.reciprocity.now.value.share < 0.25);
    expect(drift.unevenKinds).toContain('helping');
    expect(driftOf(d, 0, 100).any).toBe(false); // thresholds no figure can cross: no warning
    expect(driftOf(d, 25, 60, 3).any).toBe(false); // a three-day-old network has no pattern yet to warn of

    const html = await (await founder.get('/mutuality')).text();
    expect(html).toContain('The network may be sliding toward charity');
    expect(html).toContain('Rotate roles');
    expect(html.match(/<svg[^>]*role="img"/g)?.length).toBe(3);
    expect(html).toContain('<title id="chart-reciprocity-title">');
    expect(html).toMatch(/<table class="ledger">/);
    expect(html).not.toMatch(/Gen \d+/); // no member's name anywhere
  });

  it('tells the whole network when the busiest tenth carry more than the agreed share, once a fortnight, without names', async () => {
    const now = world.now.value;
    const warning = await warnIfLoadConcentrated(world.deps.db, 50, now);
    expect(warning?.share).toBeGreaterThan(0.5);
    expect(await warnIfLoadConcentrated(world.deps.db, 50, now)).toBeUndefined(); // not again so soon
    expect(await warnIfLoadConcentrated(world.deps.db, 100, new Date(now.getTime() + 15 * DAY))).toBeUndefined(); // under a higher line
    const told = await world.deps.db
      .selectFrom('notifications')
      .select('member_id')
      .where('kind', '=', 'load_warning')
      .execute();
    expect(told.length).toBe(h.members.length + 1);
    const notes = await (await founder.get('/notifications')).text();
    expect(notes).toContain('A few members are carrying most of the work lately.');
    expect(await (await founder.get('/mutuality')).text()).toContain(
      'the network was told that the busiest tenth carried',
    );
  });

  it('gives the same figures as a printable page and as CSV', async () => {
    const summary = await (await founder.get('/mutuality/summary')).text();
    expect(summary).toContain('Eastside Mutual Aid: how we share');
    expect(summary).not.toMatch(/Gen \d+/);
    const csv = await (await founder.get('/mutuality.csv')).text();
    const rows = csv
      .trim()
      .split('\r\n')
      .map((l) => l.split(','));
    expect(rows[0]).toEqual(['figure', 'period', 'value', 'note']);
    const rec = rows.find((r) => r[0] === 'reciprocity' && r[1] === 'last 90 days')!;
    expect(Number(rec[2])).toBeCloseTo(d.reciprocity.now.shown ? d.reciprocity.now.value.share : -1, 4);
    expect(rows.find((r) => r[0] === `needs_posted_${RARE_CATEGORY}`)).toEqual([
      `needs_posted_${RARE_CATEGORY}`,
      'last 90 days',
      '',
      'fewer than 5 members',
    ]);
  });
});
