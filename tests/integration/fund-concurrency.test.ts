// The fund under concurrent writes (on PostgreSQL they truly run at once; PGlite runs them one by one): many payouts
// against one fund never take it below its floor, the same idempotency key sent at once yields one entry, and
// simultaneous asks cannot both fit under one member's standing limit.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, freshDatabase } from '../support/db.ts';
import { fundWorld } from '../support/fund-world.ts';
import { balanceOf } from '../support/fund.ts';
import type { Db } from '../../src/db/connect.ts';
import { deriveKeys } from '../../src/security/crypto.ts';
import { ask, confirmRecord, record } from '../../src/fund/commands.ts';
import { checkLedger } from '../../src/fund/queries.ts';

const keys = deriveKeys(crypto.randomBytes(32));
let db: Db;
let close: () => Promise<void>;
let w: Awaited<ReturnType<typeof fundWorld>>;

const key = () => crypto.randomBytes(9).toString('base64url');
const balance = (account: string) => balanceOf(db, account);
const settle = <T>(ps: Promise<T>[]) => Promise.allSettled(ps);

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  w = await fundWorld(db, keys, {
    floor: 10000,
    limit: 5000,
    days: 30,
    keep: 0,
    second_above: 100000,
    revolving: false,
  });
}, 60_000);
afterAll(() => close());

describe(`the fund under concurrent writes (${engine})`, () => {
  it('never takes a fund below its floor, however many payouts arrive at once', async () => {
    const now = new Date();
    await record(
      db,
      { id: w.founder },
      { kind: 'gift', fundId: w.fund, amount: 200000, memo: null },
      'USD',
      key(),
      now,
    );
    const requests: string[] = [];
    for (let i = 0; i < 30; i++) {
      const m = await w.addMember();
      const asked = await ask(
        db,
        keys,
        { id: m, name: 'm' },
        { fundId: w.fund, amount: 5000, note: null, named: false },
        'USD',
        key(),
        now,
      );
      expect(asked.status).toBe('approved');
      requests.push(asked.result);
    }
    // Move half of it away (a second member confirms), leaving 100,000: room for 18 payouts above the 10,000 floor.
    const move = await record(
      db,
      { id: w.founder },
      { kind: 'transfer', fundId: w.fund, toFundId: w.pot, amount: 100000, memo: null },
      'USD',
      key(),
      now,
    );
    await confirmRecord(db, { id: w.members[0]! }, move.result, key(), now);
    expect(await balance(w.fund)).toBe(100000);

    const results = await settle(
      requests.map((id) => record(db, { id: w.founder }, { kind: 'payout', requestId: id }, 'USD', key(), now)),
    );
    const paid = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(paid.length).toBe(18);
    for (const r of refused) expect(r.reason.code).toBe('KR016');
    expect(await balance(w.fund)).toBe(10000);
    const statuses = await db.selectFrom('fund_requests').select('status').where('id', 'in', requests).execute();
    expect(statuses.filter((s) => s.status === 'paid').length).toBe(18);
    expect(await checkLedger(db)).toMatchObject({ unbalanced: 0, mismatched: 0 });
  });

  it('gives one entry for one idempotency key sent many times at once', async () => {
    const k = key();
    const before = Number(
      (
        await db
          .selectFrom('ledger_entries')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        record(db, { id: w.founder }, { kind: 'gift', fundId: w.pot, amount: 777, memo: 'once' }, 'USD', k, new Date()),
      ),
    );
    expect(new Set(results.map((r) => r.result)).size).toBe(1);
    expect(results.filter((r) => !r.repeated).length).toBe(1);
    const after = Number(
      (
        await db
          .selectFrom('ledger_entries')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(after - before).toBe(1);
  });

  it('lets only one of many simultaneous asks by one member fit under the standing limit', async () => {
    await record(
      db,
      { id: w.founder },
      { kind: 'gift', fundId: w.fund, amount: 100000, memo: null },
      'USD',
      key(),
      new Date(),
    );
    const m = await w.addMember();
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        ask(
          db,
          keys,
          { id: m, name: 'm' },
          { fundId: w.fund, amount: 3000, note: null, named: false },
          'USD',
          key(),
          new Date(),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'approved').length).toBe(1);
    expect(results.filter((r) => r.status === 'proposed').length).toBe(7);
  });
});
