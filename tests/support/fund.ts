// Fund helpers for tests: find a member's id, fill the treasurer role and make funds through the real proposal
// forms (passed by consent when the clock moves on), and read a form's one-time key.
import { expect } from 'vitest';
import { type Client, type TestWorld, idFromRedirect, memberIdOf, passHours } from './app.ts';
import type { Db } from '../../src/db/connect.ts';
import { checkLedger, totalsPerCurrency } from '../../src/fund/queries.ts';
import { runJobs } from '../../src/jobs.ts';

export { memberIdOf };

/** An account's cached balance in minor units (0 before its first entry). */
export const balanceOf = async (db: Db, account: string) =>
  Number(
    (await db.selectFrom('fund_balances').select('balance').where('account_id', '=', account).executeTakeFirst())
      ?.balance ?? 0,
  );

/** Every entry balances, every cached balance equals its entries, and every currency adds up to zero. */
export async function expectLedgerSound(db: Db) {
  expect(await checkLedger(db)).toMatchObject({ unbalanced: 0, mismatched: 0 });
  for (const total of (await totalsPerCurrency(db)).values()) expect(total).toBe(0);
}

/** Lets a consent proposal close (nobody objected) and its action take effect. */
export async function passByConsent(world: TestWorld, hours = 25) {
  passHours(world, hours);
  await runJobs(world.deps);
}

export async function makeTreasurer(world: TestWorld, proposer: Client, name: string) {
  const res = await proposer.post('/roles/treasurer/propose', {
    member: await memberIdOf(world, name),
    days: '90',
    process: 'consent',
    closes_in: '24',
  });
  expect(res.status, await res.clone().text()).toBe(303);
  await passByConsent(world);
  return idFromRedirect(res);
}

export type RulesForm = Partial<Record<'limit' | 'days' | 'keep' | 'second_above' | 'floor' | 'revolving', string>>;

export async function makeFund(world: TestWorld, proposer: Client, name: string, rules: RulesForm = {}) {
  const res = await proposer.post('/fund/propose', { name, process: 'consent', closes_in: '24', ...rules });
  expect(res.status, await res.clone().text()).toBe(303);
  await passByConsent(world);
  return (
    await world.deps.db.selectFrom('fund_accounts').select('id').where('name', '=', name).executeTakeFirstOrThrow()
  ).id;
}

export async function potId(world: TestWorld) {
  return (
    await world.deps.db.selectFrom('fund_accounts').select('id').where('kind', '=', 'pot').executeTakeFirstOrThrow()
  ).id;
}

/** The hidden one-time key a form page carries. */
export async function formKey(client: Client, path: string, action?: string): Promise<string> {
  const html = await (await client.get(path)).text();
  const scope = action ? html.slice(html.indexOf(`action="${action}"`)) : html;
  const m = scope.match(/name="key" value="([\w-]+)"/);
  if (!m) throw new Error(`no key on ${path}`);
  return m[1]!;
}
