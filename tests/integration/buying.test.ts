// Buying together (issue 20): a bulk order opened with items a line each; members say how much they want as a range
// (for themselves or for someone without the app), the packs fill live; in the fill phase a want only grows; at the
// deadline the order closes itself, packs are counted and shared fairly — in proportion when supply is short, never
// first come; the invoice is split to the cent; a 2.3 kg bag at pickup recomputes the costs, which still make the
// invoice; the fund pays the agreed part of everyone's share.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  buildMember,
  decideAgreement,
  idFromRedirect,
  memberIdOf,
  worldForFile,
  type TestWorld,
} from '../support/app.ts';
import { runJobs } from '../../src/jobs.ts';
import { costsOf, itemsOf, order, wantsOf } from '../../src/buying/queries.ts';
import { fundPart } from '../../src/buying/commands.ts';
import { dayIn } from '../../src/web/zone.ts';
import { addDays } from '../../src/web/forms.ts';
import { engine } from '../support/db.ts';

const files = worldForFile();
let world: TestWorld;
let ada: Client;
let bo: Client;
let cy: Client;
let orderId: string;
const item: Record<string, string> = {};

beforeAll(async () => {
  world = files.world;
  ada = files.founder;
  bo = await buildMember(world, { name: 'Bo' });
  cy = await buildMember(world, { name: 'Cy' });
});

const wants = async () => wantsOf(world.deps.db, orderId);
const field = (name: string, it: string) => `${name}_${item[it]}`;

describe(`buying together (${engine})`, () => {
  it('opens an order with items a line each; what is wrong is said beside the field and kept', async () => {
    const day = addDays(dayIn('UTC', world.now.value), 3);
    const bad = await ada.post('/buying', {
      supplier: 'Valley Co-op',
      items: 'Brown rice, kg, 5, 12.50',
      date: day,
      time: '18:00',
      pickup: 'Church hall',
    });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Please write each item on a line as name; unit; pack size; pack price');
    expect(html).toContain('Brown rice, kg, 5, 12.50');
    const ok = await ada.post('/buying', {
      supplier: 'Valley Co-op',
      about: 'Monthly dry goods.',
      items: 'Brown rice; kg; 5; 12.50; step 0.5\nOlive oil; l; 1; 8.00\nOats; kg; 10; 15.00; max 1',
      date: day,
      time: '18:00',
      pickup: 'Church hall\nLibrary',
      delivery: '6.00',
    });
    expect(ok.status).toBe(303);
    orderId = idFromRedirect(ok);
    for (const it of await itemsOf(world.deps.db, orderId)) item[it.name.split(' ')[1] ?? it.name] = it.id;
    expect(Object.keys(item).sort()).toEqual(['Oats', 'oil', 'rice']);
  });

  it('takes everyone’s ranges in one form, and shows how full each pack is', async () => {
    const bad = await bo.post(`/buying/${orderId}/wants`, {
      [field('least', 'rice')]: '4',
      [field('most', 'rice')]: '3',
      [field('most', 'oil')]: '0.3',
      pickup: 'Church hall',
    });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('At least must be an amount no larger than up to.');
    expect(html).toContain('Please ask in the item’s steps.');
    expect(html).toContain('value="0.3"');

    const save = (who: Client, values: Record<string, string>) =>
      who.post(`/buying/${orderId}/wants`, { pickup: 'Church hall', ...values });
    expect(
      (
        await save(ada, {
          [field('least', 'rice')]: '2',
          [field('most', 'rice')]: '4',
          [field('least', 'oil')]: '1',
          [field('most', 'oil')]: '2',
          [field('most', 'Oats')]: '6',
        })
      ).status,
    ).toBe(303);
    expect((await save(bo, { [field('most', 'rice')]: '3', [field('most', 'Oats')]: '6' })).status).toBe(303);
    expect(
      (await save(cy, { [field('least', 'rice')]: '1', [field('most', 'rice')]: '1.5', pickup: 'Library' })).status,
    ).toBe(303);
    // Cy orders for her neighbour, who has no phone.
    const forHer = await save(cy, { for_whom: 'Mrs Ortiz', [field('most', 'rice')]: '1', pickup: 'Library' });
    expect(forHer.headers.get('location')).toContain('for=Mrs%20Ortiz');
    const page = await (await bo.get(`/buying/${orderId}`)).text();
    // Rice: most 4 + 3 + 1.5 + 1 = 9.5 kg: one full pack of 5, the next has 4.5.
    expect(page).toContain('One full pack; the next has 4.5 of 5 kg. 0.5 kg more completes it.');
    const live = (await (await bo.get(`/buying/${orderId}/fill.json`)).json()) as {
      items: { id: string; text: string; value: number; max: number }[];
    };
    const rice = live.items.find((i) => i.id === item.rice)!;
    expect(rice.text).toBe('One full pack; the next has 4.5 of 5 kg. 0.5 kg more completes it.');
    expect(rice).toMatchObject({ value: 9, max: 10 });
    expect(page).toMatch(/<script src="\/static\/order.js" nonce="[^"]+"/);
    const theirs = await (await cy.get(`/buying/${orderId}?for=Mrs%20Ortiz`)).text();
    expect(theirs).toContain('What Mrs Ortiz wants (you order for them)');
  });

  it('in the fill phase takes only what adds', async () => {
    const { deadline } = (await order(world.deps.db, orderId))!;
    world.now.value = new Date(deadline.getTime() - 20 * 3_600_000); // less than a day before the deadline
    const lower = await bo.post(`/buying/${orderId}/wants`, {
      [field('most', 'rice')]: '2',
      [field('most', 'Oats')]: '6',
      pickup: 'Church hall',
    });
    expect(lower.status).toBe(409);
    expect(await lower.text()).toContain('In the fill phase you can add to complete packs, but not take away.');
    // Ada adds half a kilo: the second pack of rice is full.
    const more = await ada.post(`/buying/${orderId}/wants`, {
      [field('least', 'rice')]: '2',
      [field('most', 'rice')]: '4.5',
      [field('least', 'oil')]: '1',
      [field('most', 'oil')]: '2',
      [field('most', 'Oats')]: '6',
      pickup: 'Church hall',
    });
    expect(more.status).toBe(303);
    expect(await (await bo.get(`/buying/${orderId}`)).text()).toContain('2 full packs; the next has 0 of 5 kg.');
  });

  it('closes itself at the deadline and shares what came fairly — in proportion when short, never first come', async () => {
    await decideAgreement(world, ada, 'order_fund_percent', '10');
    world.now.value = new Date((await order(world.deps.db, orderId))!.deadline.getTime() + 60_000);
    expect(
      (await cy.post(`/buying/${orderId}/wants`, { [field('most', 'rice')]: '3', pickup: 'Library' })).status,
    ).toBe(409);
    await runJobs(world.deps);
    const o = (await order(world.deps.db, orderId))!;
    expect(o.closedAt).not.toBeNull();
    expect(o.fundPercent).toBe(10);
    const all = await wants();
    const get = (name: string, it: string, forWhom = '') =>
      all.find((w) => w.memberName === name && w.itemId === item[it] && w.forWhom === forWhom)!;
    // Rice: two packs of 5 kg = 10 kg for most 4.5 + 3 + 1.5 + 1 = 10: everyone gets their most.
    expect(get('Ada', 'rice').allocatedMilli).toBe(4500);
    expect(get('Bo', 'rice').allocatedMilli).toBe(3000);
    expect(get('Cy', 'rice', 'Mrs Ortiz').allocatedMilli).toBe(1000);
    // Oats: the supplier has one pack of 10 kg for 12 kg asked at least: 5 and 5, not 6 and 4.
    expect(get('Ada', 'Oats').allocatedMilli).toBe(5000);
    expect(get('Bo', 'Oats').allocatedMilli).toBe(5000);
    // Oil: packs of 1 l, Ada asked 1 to 2: two packs.
    expect(get('Ada', 'oil').allocatedMilli).toBe(2000);
    const told = await world.deps.db
      .selectFrom('notifications')
      .select('member_id')
      .where('kind', '=', 'order_closed')
      .where('subject', '=', orderId)
      .execute();
    expect(told.map((r) => r.member_id).sort()).toEqual(
      [await memberIdOf(world, 'Ada'), await memberIdOf(world, 'Bo'), await memberIdOf(world, 'Cy')].sort(),
    );
    const page = await (await bo.get(`/buying/${orderId}`)).text();
    expect(page).toContain('you asked at least 6 kg: supply was short, and it was shared in proportion');
    // Invoice: rice 2 × 12.50 + oil 2 × 8.00 + oats 15.00 + delivery 6.00 = 62.00.
    expect(page).toContain('The whole invoice: $62.00.');
    expect(page).toContain('The fund pays');
    // The fund's part (10 % of each payer's cost, rounded down) is asked of the pot once, in the opener's hands.
    const asked = await world.deps.db
      .selectFrom('fund_requests')
      .innerJoin('orders', 'orders.fund_request_id', 'fund_requests.id')
      .select(['fund_requests.amount', 'fund_requests.member_id', 'fund_requests.named'])
      .where('orders.id', '=', orderId)
      .execute();
    expect(asked).toHaveLength(1);
    expect(Number(asked[0]!.amount)).toBe(await fundPart(world.deps.db, orderId));
    expect(Number(asked[0]!.amount)).toBeGreaterThan(590); // about a tenth of $62.00
    expect(asked[0]!.member_id).toBe(await memberIdOf(world, 'Ada'));
    expect(asked[0]!.named).toBe(false);
    await runJobs(world.deps);
    expect(await world.deps.db.selectFrom('fund_requests').select('id').execute()).toHaveLength(1);
    expect(page).toContain('The fund was asked for its part');
    expect(await (await cy.get('/mutuality')).text()).toContain(
      'One bulk order closed in the last year, shared among 4 households.',
    );
  });

  it('recomputes the costs from a 2.3 kg bag at pickup, and the totals still make the invoice', async () => {
    const items = await itemsOf(world.deps.db, orderId);
    const o = (await order(world.deps.db, orderId))!;
    const before = costsOf(o, items, await wants());
    const adaRice = (await wants()).find((w) => w.memberName === 'Ada' && w.itemId === item.rice)!;
    expect((await bo.post(`/buying/wants/${adaRice.id}/taken`, { taken: '4.8' })).status).toBe(403);
    expect((await ada.post(`/buying/wants/${adaRice.id}/taken`, { taken: 'lots' })).status).toBe(422);
    const bag = (await wants()).find((w) => w.memberName === 'Bo' && w.itemId === item.rice)!;
    // Bo's 3 kg came as a 3.3 kg bag; Ada, who opened the order, notes it at the church hall, and that he took it.
    expect((await ada.post(`/buying/wants/${bag.id}/taken`, { taken: '3.3', picked_up: 'on' })).status).toBe(303);
    const after = costsOf(o, items, await wants());
    expect(after.invoice - before.invoice).toBe(75); // 0.3 kg at 2.50 a kilo
    const sum = [...after.payers.values()].reduce((s, p) => s + p.total, 0);
    expect(sum).toBe(after.invoice);
    expect((await wants()).find((w) => w.id === bag.id)!.pickedUpAt).not.toBeNull();
    const page = await (await bo.get(`/buying/${orderId}`)).text();
    expect(page).toContain('3 kg → 3.3 kg');
    expect(page).toContain('The whole invoice: $62.75.');
  });

  it('is called off only by who opened it, while it is open', async () => {
    const day = addDays(dayIn('UTC', world.now.value), 5);
    const other = idFromRedirect(
      await bo.post('/buying', {
        supplier: 'Farm boxes',
        items: 'Veg box; each; 1; 20',
        date: day,
        time: '12:00',
        pickup: 'Library',
      }),
    );
    expect(
      (
        await cy.post(`/buying/${other}/wants`, {
          [`most_${(await itemsOf(world.deps.db, other))[0]!.id}`]: '1',
          pickup: 'Library',
        })
      ).status,
    ).toBe(303);
    expect((await cy.post(`/buying/${other}/cancel`)).status).toBe(403);
    expect((await bo.post(`/buying/${other}/cancel`)).status).toBe(303);
    expect(await (await cy.get('/notifications')).text()).toContain('The order from Farm boxes was called off.');
    expect((await bo.post(`/buying/${other}/cancel`)).status).toBe(409);
  });
});
