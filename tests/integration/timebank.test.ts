// The time bank (issue 20): an hour is an hour. A member records hours with another (from a match thread,
// prefilled); the other confirms or declines in one tap; the hours move on the fund's ledger within the agreed limits,
// held inside the write even when many confirm at once; every balance in hours sums to zero; the commons gives hours
// to someone who cannot give back, within its agreed bounds; records confirm themselves after the agreed hours; no
// one's balance is shown to others.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  Client,
  buildMember,
  buildPost,
  decideAgreement,
  memberIdOf,
  passHours,
  worldForFile,
  type TestWorld,
} from '../support/app.ts';
import { runJobs } from '../../src/jobs.ts';
import { hoursBalance, hoursTotals } from '../../src/fund/index.ts';
import { checkLedger, totalsPerCurrency } from '../../src/fund/queries.ts';
import { confirmHours, recordHours } from '../../src/timebank/commands.ts';
import { minutesOf } from '../../src/timebank/schema.ts';
import { engine } from '../support/db.ts';

const files = worldForFile();
let world: TestWorld;
let ada: Client;
let bo: Client;
let cy: Client;
let di: Client;
const id: Record<string, string> = {};

beforeAll(async () => {
  world = files.world;
  ada = files.founder;
  bo = await buildMember(world, { name: 'Bo' });
  cy = await buildMember(world, { name: 'Cy' });
  di = await buildMember(world, { name: 'Di' });
  for (const n of ['Ada', 'Bo', 'Cy', 'Di']) id[n] = await memberIdOf(world, n);
});

const balance = (name: string) => hoursBalance(world.deps.db, id[name]!);
/** The record this member made that still waits (of so many minutes, when others wait too). */
const latest = async (name: string, minutes?: number) =>
  (
    await world.deps.db
      .selectFrom('time_records')
      .select(['id', 'state'])
      .where('recorded_by', '=', id[name]!)
      .where('state', '=', 'waiting')
      .$if(minutes !== undefined, (q) => q.where('minutes', '=', minutes!))
      .orderBy('recorded_at', 'desc')
      .orderBy('id')
      .executeTakeFirstOrThrow()
  ).id;
const sumIsZero = async () => expect((await totalsPerCurrency(world.deps.db)).get('HRS') ?? 0).toBe(0);

describe(`the time bank (${engine})`, () => {
  it('reads how long in the ways people write it', () => {
    expect(minutesOf('1.5')).toBe(90);
    expect(minutesOf('1,5')).toBe(90);
    expect(minutesOf('1:30')).toBe(90);
    expect(minutesOf('45 min')).toBe(45);
    expect(minutesOf('2 h')).toBe(120);
    expect(minutesOf('two')).toBeNull();
  });

  it('records hours from a match thread, prefilled; the other confirms in one tap and the hours move', async () => {
    const need = await buildPost(bo, { what: 'Help moving a sofa upstairs', category: 'labour' });
    const match = (await ada.post(`/posts/${need}/respond`)).headers.get('location')!;
    const thread = await (await ada.get(match)).text();
    const link = /href="(\/time\/new\?match=[^"]+)"/.exec(thread)![1]!;
    const form = await (await ada.get(link)).text();
    expect(form).toContain('Help moving a sofa upstairs');
    expect(form).toMatch(new RegExp(`<option value="${id.Bo}" selected`));
    expect(form).toMatch(/value="gave" checked/);

    const bad = await ada.post('/time', { other: id.Bo!, way: 'gave', hours: 'a while', what: 'Sofa' });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Please give a time from 15 minutes to 24 hours');
    expect(badHtml).toContain('value="a while"');
    expect((await ada.post('/time', { other: id.Ada!, way: 'gave', hours: '1' })).status).toBe(409);

    const ok = await ada.post('/time', {
      other: id.Bo!,
      way: 'gave',
      hours: '2',
      what: 'Sofa',
      match: match.split('/').pop()!,
    });
    expect(ok.status).toBe(303);
    const rec = await latest('Ada');
    expect(await balance('Ada')).toBe(0);
    expect((await ada.post(`/time/${rec}/confirm`)).status).toBe(409); // who recorded it waits for the other
    expect((await cy.post(`/time/${rec}/confirm`)).status).toBe(403);
    const waiting = await (await bo.get('/me')).text();
    expect(waiting).toContain('Ada recorded 2 h with you');
    expect(await (await bo.get('/notifications')).text()).toContain('Ada recorded 2 h with you: is that right?');
    expect((await bo.post(`/time/${rec}/confirm`)).status).toBe(303);
    expect(await balance('Ada')).toBe(120);
    expect(await balance('Bo')).toBe(-120);
    expect((await bo.post(`/time/${rec}/confirm`)).status).toBe(409);
    await sumIsZero();
    const page = await (await bo.get('/time')).text();
    expect(page).toContain('Your balance: −2 h');
    expect(page).toContain('Ada gave you 2 h');
    // Others see totals only: Cy's page shows nobody's balance.
    const theirs = await (await cy.get('/time')).text();
    expect(theirs).toContain('Your balance: 0 min');
    expect(theirs).toContain('2 h moved in one exchange.');
    expect(theirs).not.toMatch(/\bAda\b/);
    expect(theirs).not.toMatch(/\bBo\b/);
    // How we share shows the totals, with no one's name.
    const share = await (await cy.get('/mutuality')).text();
    expect(share).toContain('2 h moved in one exchange.');
    expect(share).toContain('The commons gave 0 min to members who could not give back.');
    expect(await (await cy.get('/mutuality/summary')).text()).toContain('2 h moved in one exchange.');
    // The fund's ledger does not list hours, nor are hours money.
    expect(await (await bo.get('/fund/ledger')).text()).not.toContain('Sofa');
  });

  it('declines in one tap: nothing moves, and who recorded it is told', async () => {
    expect((await cy.post('/time', { other: id.Di!, way: 'received', hours: '1:15', what: 'Tutoring' })).status).toBe(
      303,
    );
    const rec = await latest('Cy');
    expect((await di.post(`/time/${rec}/decline`)).status).toBe(303);
    expect(await balance('Di')).toBe(0);
    expect(await (await cy.get('/notifications')).text()).toContain('Di said the hours you recorded were not right.');
    // Taking back one's own record while it waits.
    expect((await cy.post('/time', { other: id.Di!, way: 'gave', hours: '1' })).status).toBe(303);
    const mine = await latest('Cy');
    expect((await di.post(`/time/${mine}/withdraw`)).status).toBe(403);
    expect((await cy.post(`/time/${mine}/withdraw`)).status).toBe(303);
    expect((await di.post(`/time/${mine}/confirm`)).status).toBe(409);
  });

  it('holds the agreed limit inside the write, even when many confirm at once', async () => {
    // Cy receives 19 hours; then eight records of an hour each, confirmed all at once: only one fits under −20 h.
    expect((await di.post('/time', { other: id.Cy!, way: 'gave', hours: '19' })).status).toBe(303);
    expect((await cy.post(`/time/${await latest('Di')}/confirm`)).status).toBe(303);
    for (let i = 0; i < 8; i++)
      expect((await di.post('/time', { other: id.Cy!, way: 'gave', hours: '1' })).status).toBe(303);
    const recs = (
      await world.deps.db
        .selectFrom('time_records')
        .select('id')
        .where('recorded_by', '=', id.Di!)
        .where('state', '=', 'waiting')
        .execute()
    ).map((r) => r.id);
    expect(recs).toHaveLength(8);
    const answers = await Promise.all(recs.map((r) => cy.post(`/time/${r}/confirm`)));
    expect(answers.filter((r) => r.status === 303)).toHaveLength(1);
    const refused = answers.find((r) => r.status === 409)!;
    expect(await refused.text()).toContain('This would take a balance past what the members agreed.');
    expect(await balance('Cy')).toBe(-20 * 60);
    const still = await world.deps.db
      .selectFrom('time_records')
      .select('state')
      .where('id', 'in', recs)
      .where('state', '=', 'waiting')
      .execute();
    expect(still).toHaveLength(7);
    await sumIsZero();
  });

  it('lets the commons give hours to someone who cannot give back, within its agreed bounds', async () => {
    expect((await di.post('/time', { other: id.Cy!, way: 'gave', hours: '3', commons: 'on' })).status).toBe(303);
    expect((await cy.post(`/time/${await latest('Di', 180)}/confirm`)).status).toBe(303);
    expect(await balance('Cy')).toBe(-20 * 60); // unchanged: the commons gave the hours
    expect((await hoursTotals(world.deps.db)).commons).toBe(-180);
    // The commons gives one member at most 10 hours in 30 days.
    expect((await di.post('/time', { other: id.Cy!, way: 'gave', hours: '8', commons: 'on' })).status).toBe(303);
    const over = await cy.post(`/time/${await latest('Di', 480)}/confirm`);
    expect(over.status).toBe(409);
    expect(await over.text()).toContain('The commons has given this member as many hours as agreed for 30 days.');
    await sumIsZero();
    const check = await checkLedger(world.deps.db);
    expect(check.unbalanced).toBe(0);
    expect(check.mismatched).toBe(0);
    expect(check.hoursEntries).toBeGreaterThan(0);
  });

  it('confirms records by themselves after the agreed hours, when the members agree so', async () => {
    expect((await bo.post('/time', { other: id.Ada!, way: 'gave', hours: '1' })).status).toBe(303);
    const rec = await latest('Bo');
    passHours(world, 80);
    await runJobs(world.deps);
    expect(
      (await world.deps.db.selectFrom('time_records').select('state').where('id', '=', rec).executeTakeFirstOrThrow())
        .state,
    ).toBe('waiting');
    await decideAgreement(world, ada, 'time_confirm_hours', '48');
    passHours(world, 1);
    await runJobs(world.deps);
    const done = await world.deps.db
      .selectFrom('time_records')
      .select(['state', 'confirmed_by'])
      .where('id', '=', rec)
      .executeTakeFirstOrThrow();
    expect(done).toEqual({ state: 'confirmed', confirmed_by: null });
    expect(await balance('Bo')).toBe(-60);
    await sumIsZero();
  });

  it('keeps every balance in hours summing to zero and within its limits, whatever is confirmed at once', async () => {
    const names = ['Ada', 'Bo', 'Cy', 'Di'];
    const low = 20 * 60;
    const high = 40 * 60;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            giver: fc.integer({ min: 0, max: 3 }),
            receiver: fc.integer({ min: 0, max: 3 }),
            minutes: fc.integer({ min: 15, max: 1440 }),
            commons: fc.boolean(),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        async (batch) => {
          const now = world.now.value;
          const recs: { rec: string; by: string }[] = [];
          for (const b of batch) {
            if (b.giver === b.receiver) continue;
            const giver = id[names[b.giver]!]!;
            const receiver = id[names[b.receiver]!]!;
            const rec = await recordHours(
              world.deps.db,
              giver,
              { other: receiver, gave: true, minutes: b.minutes, what: '', fromCommons: b.commons, matchId: null },
              now,
            ).catch(() => null); // the daily limit on records may refuse some
            if (rec) recs.push({ rec, by: receiver });
          }
          await Promise.allSettled(recs.map((r) => confirmHours(world.deps.db, r.rec, r.by, now)));
          expect((await totalsPerCurrency(world.deps.db)).get('HRS') ?? 0).toBe(0);
          for (const n of names) {
            const b = await balance(n);
            expect(b).toBeGreaterThanOrEqual(-low);
            expect(b).toBeLessThanOrEqual(high);
          }
          expect((await hoursTotals(world.deps.db)).commons).toBeGreaterThanOrEqual(-200 * 60);
          passHours(world, 25);
        },
      ),
      { numRuns: 12 },
    );
    const check = await checkLedger(world.deps.db);
    expect(check.mismatched).toBe(0);
  });
});
