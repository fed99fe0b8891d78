// Writing to the ledger: a record becomes an entry (at once, or when confirmed), and what follows from it — a request
// paid, an amount expected back to a revolving fund, a return that settles it, a payout undone.
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { notify } from '../notifications/index.ts';
import { holders } from '../roles/index.ts';
import { memberIds } from '../decisions/index.ts';
import { linesFor, reversalOf } from './ledger.ts';
import { entryLines, expectedById, fundById, outsideAccount, recordById, type RecordView } from './queries.ts';

type Tx = Kysely<Database>;

/** A member's pseudonymous account for circle money, made the first time it is needed. */
export async function memberAccount(tx: Tx, memberId: string): Promise<string> {
  await tx
    .insertInto('fund_accounts')
    .values({ kind: 'member', member_id: memberId, created_at: new Date() })
    .onConflict((oc) => oc.column('member_id').where('kind', '=', 'member').doNothing())
    .execute();
  return (
    await tx
      .selectFrom('fund_accounts')
      .select('id')
      .where('kind', '=', 'member')
      .where('member_id', '=', memberId)
      .executeTakeFirstOrThrow()
  ).id;
}

/** Tells the treasurers (or, when there are none, every member) that something waits for them. */
export async function tellTreasurers(
  tx: Tx,
  now: Date,
  except: (string | null)[],
  n: { kind: 'fund_to_pay' | 'fund_to_confirm'; subject: string },
) {
  let to = (await holders(tx, 'treasurer', now)).map((h) => h.memberId).filter((m) => !except.includes(m));
  if (to.length === 0 && n.kind === 'fund_to_confirm') to = await memberIds(tx, except);
  await notify(
    tx,
    to.map((member_id) => ({ member_id, ...n })),
  );
}

/** Inserts a record; enters it at once when nobody needs to confirm it, otherwise tells who can. Returns its id. */
export async function writeRecord(tx: Tx, values: Insertable<Database['fund_records']>, now: Date): Promise<string> {
  const { id } = await tx.insertInto('fund_records').values(values).returning('id').executeTakeFirstOrThrow();
  const rec = (await recordById(tx, id))!;
  if (rec.confirmBy === 'none') await enter(tx, rec, now);
  else if (rec.confirmBy === 'treasurer')
    await tellTreasurers(tx, now, [rec.recordedBy], { kind: 'fund_to_confirm', subject: id });
  else
    await tellTreasurers(tx, now, [rec.recordedBy, rec.payeeId, ...rec.reversedPayeeIds], {
      kind: 'fund_to_confirm',
      subject: id,
    });
  return id;
}

/** Writes the ledger entry for a record, and what follows from it. */
export async function enter(tx: Tx, rec: RecordView, now: Date): Promise<number> {
  let lines;
  if (rec.kind === 'reversal') {
    lines = reversalOf(await entryLines(tx, rec.reverses!));
  } else {
    const member =
      rec.kind === 'circle_payment' || rec.kind === 'circle_payout' ? await memberAccount(tx, rec.memberId!) : null;
    lines = linesFor(
      { kind: rec.kind, fund: rec.fundId, toFund: rec.toFundId, member, amount: rec.amount, currency: rec.currency },
      await outsideAccount(tx),
    );
  }
  const { id } = await tx
    .insertInto('ledger_entries')
    .values({ at: now, kind: rec.kind, record_id: rec.id, reverses: rec.reverses })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('ledger_lines')
    .values(lines.map((l) => ({ entry_id: id, account_id: l.account, currency: l.currency, amount: l.amount })))
    .execute();
  if (rec.kind === 'payout' && rec.requestId) await paid(tx, rec, now);
  if (rec.kind === 'return' && rec.expectedId) {
    const expected = (await expectedById(tx, rec.expectedId))!;
    if (expected.outstanding <= 0) {
      await tx
        .updateTable('fund_expected')
        .set({ status: 'returned', closed_at: now })
        .where('id', '=', expected.id)
        .execute();
    }
  }
  if (rec.kind === 'reversal') await undone(tx, rec.reverses!, now);
  return Number(id);
}

async function paid(tx: Tx, rec: RecordView, now: Date) {
  await tx.updateTable('fund_requests').set({ status: 'paid' }).where('id', '=', rec.requestId!).execute();
  if (rec.payeeId) await notify(tx, [{ member_id: rec.payeeId, kind: 'fund_paid', subject: rec.requestId! }]);
  // From a revolving fund the money is expected back; no name of the person helped is kept with it.
  const fund = await fundById(tx, rec.fundId, rec.currency);
  if (fund?.rules.revolving) {
    await tx
      .insertInto('fund_expected')
      .values({
        fund_id: rec.fundId,
        request_id: rec.requestId!,
        amount: rec.amount,
        currency: rec.currency,
        created_at: now,
      })
      .execute();
  }
}

/** Undoing a payout puts its request back among those approved, and what was expected back is settled by it. */
async function undone(tx: Tx, entryId: number, now: Date) {
  const original = await tx
    .selectFrom('ledger_entries as e')
    .innerJoin('fund_records as c', 'c.id', 'e.record_id')
    .select(['c.kind', 'c.request_id', 'c.expected_id'])
    .where('e.id', '=', entryId)
    .executeTakeFirst();
  if (original?.kind === 'payout' && original.request_id) {
    await tx
      .updateTable('fund_requests')
      .set({ status: 'approved', received_at: null })
      .where('id', '=', original.request_id)
      .execute();
    await tx
      .updateTable('fund_expected')
      .set({ status: 'returned', closed_at: now })
      .where('request_id', '=', original.request_id)
      .where('status', '=', 'expected')
      .execute();
  }
}
