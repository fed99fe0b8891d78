// Buying together (issue 20): an order of 60 members × 40 items. Reports the time to compute it — every item's packs
// and shares (split.ts allocate) and the invoice split to the cent (splitCosts) — and the time to close such an order
// in the embedded database (closeDue: read, compute, write 2,400 shares in one transaction), each the median of
// several runs, with the same arithmetic done first-come as a baseline (what a spreadsheet does: fill in the order
// the rows came).
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { allocate, packsFor, splitCosts, type Want } from '../src/buying/split.ts';
import { closeDue, openOrder, saveWants } from '../src/buying/commands.ts';
import { itemsOf } from '../src/buying/queries.ts';
import { freshDatabase } from '../tests/support/db.ts';
import { tempDir } from '../tests/support/disk.ts';
import { prng } from './support.ts';

const MEMBERS = 60;
const ITEMS = 40;

type Order = {
  items: { key: string; packSteps: number; packPrice: number }[];
  wants: Map<string, Want[]>;
};

function generate(seed: number): Order {
  const r = prng(seed);
  const items = Array.from({ length: ITEMS }, (_, i) => ({
    key: `i${i}`,
    packSteps: 2 + Math.floor(r() * 20),
    packPrice: 500 + Math.floor(r() * 5000),
  }));
  const wants = new Map<string, Want[]>();
  for (const it of items) {
    const list: Want[] = [];
    for (let m = 0; m < MEMBERS; m++) {
      const least = Math.floor(r() * 4);
      list.push({ key: `m${m}`, least, most: least + 1 + Math.floor(r() * 4) });
    }
    wants.set(it.key, list);
  }
  return { items, wants };
}

function compute(o: Order) {
  const taken = [];
  for (const it of o.items) {
    const ws = o.wants.get(it.key)!;
    const packs = packsFor({ packSteps: it.packSteps, minPacks: 0, maxPacks: null }, ws);
    for (const [key, steps] of allocate(packs * it.packSteps, ws))
      taken.push({ key: `${it.key}:${key}`, item: it.key, payer: key, milli: steps * 1000 });
  }
  return splitCosts(
    o.items.map((it) => ({ key: it.key, packPrice: it.packPrice, packMilli: it.packSteps * 1000 })),
    taken,
    2500,
  );
}

/** First come, as a spreadsheet fills: each in the order asked gets their most until the packs run out. */
function firstCome(o: Order) {
  let total = 0;
  for (const it of o.items) {
    const ws = o.wants.get(it.key)!;
    let left = Math.floor(ws.reduce((s, w) => s + w.most, 0) / it.packSteps) * it.packSteps;
    for (const w of ws) {
      const got = Math.min(w.most, left);
      left -= got;
      total += got * it.packPrice;
    }
  }
  return total;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time(run: () => unknown, times: number) {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    run();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

export async function buyingBench(runs = 7) {
  const order = generate(20);
  compute(order); // warm up
  const computeMs = time(() => compute(order), runs);
  const firstComeMs = time(() => firstCome(order), runs);
  const split = compute(order);
  const sum = [...split.payers.values()].reduce((s, p) => s + p.total, 0);

  // Closing it in the embedded database, from wants saved as members would.
  const dir = tempDir('bench-buying');
  let now = new Date('2026-12-01T10:00:00Z');
  const { db, close } = await freshDatabase(dir, () => now);
  const closeMs: number[] = [];
  try {
    for (let round = 0; round < Math.max(3, Math.floor(runs / 2)); round++) {
      now = new Date(now.getTime() + 7 * 86_400_000);
      const members = await db
        .insertInto('members')
        .values(Array.from({ length: MEMBERS }, (_, m) => ({ display_name: `Member ${m}`, language: 'en' })))
        .returning('id')
        .execute();
      const id = await openOrder(
        db,
        members[0]!.id,
        {
          supplier: 'Bench co-op',
          about: '',
          deadline: new Date(now.getTime() + 48 * 3_600_000),
          pickupPoints: ['Hall'],
          delivery: 2500,
          items: order.items.map((it) => ({
            name: it.key,
            unit: 'kg',
            stepMilli: 1000,
            packMilli: it.packSteps * 1000,
            packPrice: it.packPrice,
            minPacks: 0,
            maxPacks: null,
          })),
        },
        24,
        'USD',
        now,
      );
      const items = await itemsOf(db, id);
      for (let m = 0; m < MEMBERS; m++) {
        const ranges = new Map(
          items.map((it, i) => {
            const w = order.wants.get(order.items[i]!.key)![m]!;
            return [it.id, { least: w.least * 1000, most: w.most * 1000 }];
          }),
        );
        await saveWants(db, id, members[m]!.id, { forWhom: '', pickup: 'Hall', ranges }, now);
      }
      now = new Date(now.getTime() + 49 * 3_600_000);
      const t0 = performance.now();
      await closeDue(db, 0, now);
      closeMs.push(performance.now() - t0);
    }
  } finally {
    await close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return {
    members: MEMBERS,
    items: ITEMS,
    computeMs,
    firstComeMs,
    closeMs: median(closeMs),
    invoice: split.invoice,
    payersSumToInvoice: sum === split.invoice,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await buyingBench(Number(process.argv[2] ?? 7));
  const day = new Date().toISOString().slice(0, 10);
  fs.writeFileSync(
    new URL(`./results/buying-${day}.json`, import.meta.url),
    `${JSON.stringify({ at: new Date().toISOString(), ...result }, null, 2)}\n`,
  );
  console.log(result);
}
