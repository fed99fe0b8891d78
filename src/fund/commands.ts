// Writes for the fund, each in one transaction and each done once per idempotency key: asking for money (approved
// at once within the standing rules, otherwise a proposal), recording money that moved, confirming a record, and
// writing the ledger entry. The database checks again what matters most: balanced, append-only, floors, treasurers.
import type { Kysely } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Database, RecordKind } from '../db/types.ts';
import { encrypt, lookupHash, type Keys } from '../security/crypto.ts';
import { errors } from '../web/errors.ts';
import { openOnce, openProposal } from '../decisions/index.ts';
import { openProposalWith } from '../decisions/index.ts';
import { standardRules } from '../decisions/index.ts';
import { holders, holdsRole } from '../roles/index.ts';
import { settleNotifications } from '../notifications/index.ts';
import { once, type Once } from './idempotency.ts';
import { entryById, expectedById, fundById, recordById, requestById, standingUse, type FundView } from './queries.ts';
import { enter, tellTreasurers, writeRecord } from './entries.ts';
import { awaitsConfirmation, can } from './policy.ts';
import { needsSecond, standingAnswer } from './rules.ts';
import type { ApproveRequest, FundAction, WriteOff } from './actions.ts';
import type { FundRules, StandingWhy } from './rules.ts';

type Tx = Kysely<Database>;

/** A request beyond the standing rules goes to the members: consent, open this long, and this share must take part. */
export const REQUEST_DECISION = { hours: 48, quorumPercent: 20 } as const;

export type AskInput = { fundId: string; amount: number; note: string | null; named: boolean };
/** `why`: the standing agreement's reason for sending it to the members (absent on a repeated key's answer). */
export type Asked = Once & { status: 'approved' | 'proposed'; why?: StandingWhy };

async function lockFund(tx: Tx, fundId: string) {
  const row = await tx
    .selectFrom('fund_accounts')
    .select('id')
    .where('id', '=', fundId)
    .where('kind', 'in', ['pot', 'fund'])
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw errors.notFound('no_such_fund');
}

/** Asks a fund for money. No reason is asked; the standing rules apply the same way to everyone. */
export async function ask(
  db: Db,
  keys: Keys,
  member: { id: string; name: string },
  input: AskInput,
  currency: string,
  key: string,
  now: Date,
): Promise<Asked> {
  let why: StandingWhy | undefined;
  const done = await db.transaction().execute((tx) =>
    // The line a member wrote is sealed; its fingerprint for the key check is keyed too, so a copy of the database
    // cannot confirm a guess of it.
    once(
      tx,
      member.id,
      key,
      {
        op: 'ask',
        ...input,
        note: input.note && lookupHash(keys, 'fund_request_note', input.note).toString('hex'),
        currency,
      },
      async () => {
        // One ask at a time per fund, so two asks at once cannot both fit under the same limit.
        await lockFund(tx, input.fundId);
        const fund = (await fundById(tx, input.fundId, currency))!;
        const since = new Date(now.getTime() - fund.rules.days * 86_400_000);
        const answer = standingAnswer(fund.rules, {
          amount: input.amount,
          usedInWindow: await standingUse(tx, member.id, fund.id, currency, since),
          balance: fund.balance,
          promised: fund.promised,
        });
        const approved = answer.approve;
        why = answer.approve ? undefined : answer.why;
        const { id } = await tx
          .insertInto('fund_requests')
          .values({
            member_id: member.id,
            fund_id: fund.id,
            amount: input.amount,
            currency,
            named: input.named,
            note_enc: input.note ? encrypt(keys, 'fund_request_note', input.note) : null,
            status: approved ? 'approved' : 'proposed',
            approved_how: approved ? 'standing' : null,
            asked_at: now,
            decided_at: approved ? now : null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (approved) {
          await tellTreasurers(tx, now, [member.id], { kind: 'fund_to_pay', subject: id });
        } else {
          const action: ApproveRequest = {
            type: 'approve_request',
            request_id: id,
            fund_id: fund.id,
            fund_name: fund.name,
            amount: input.amount,
            currency,
            member_name: input.named ? member.name : null,
          };
          // Opened by nobody: the proposal does not say who asked unless they chose to be named.
          const proposalId = await openProposal(
            tx,
            null,
            {
              kind: 'fund_request',
              title: 'Fund request',
              body: '',
              process: 'consent',
              options: [],
              closesInHours: REQUEST_DECISION.hours,
              rules: standardRules('consent', REQUEST_DECISION.quorumPercent),
              anonymous: false,
              action,
            },
            now,
          );
          await tx.updateTable('fund_requests').set({ proposal_id: proposalId }).where('id', '=', id).execute();
        }
        return id;
      },
      now,
    ),
  );
  const request = (await requestById(db, done.result))!;
  return { ...done, status: request.status === 'proposed' ? 'proposed' : 'approved', why };
}

export type RecordInput =
  | { kind: 'contribution'; fundId: string; amount: number; named: boolean }
  | { kind: 'gift'; fundId: string; amount: number; memo: string | null }
  | { kind: 'payout'; requestId: string }
  | { kind: 'transfer'; fundId: string; toFundId: string; amount: number; memo: string | null }
  | { kind: 'reversal'; entryId: number; memo: string | null }
  | { kind: 'return'; expectedId: string; amount: number; memo: string | null };

export type Recorded = Once & { entered: boolean };

const TREASURER_KINDS: RecordKind[] = ['gift', 'payout', 'transfer', 'reversal', 'return'];

/**
 * Records money that moved outside Kropotkin. A member's own contribution waits for a treasurer to confirm it
 * arrived; a payout above the agreed amount, a transfer and a reversal wait for a second member; the rest enter
 * the ledger at once.
 */
export async function record(
  db: Db,
  member: { id: string },
  input: RecordInput,
  currency: string,
  key: string,
  now: Date,
): Promise<Recorded> {
  const done = await db.transaction().execute((tx) =>
    once(
      tx,
      member.id,
      key,
      { op: 'record', ...input, currency },
      async () => {
        if (TREASURER_KINDS.includes(input.kind) && !(await holdsRole(tx, member.id, 'treasurer', now))) {
          throw errors.forbidden('treasurer_only', 'error.treasurerOnly');
        }
        const base = { recorded_by: member.id, recorded_at: now, currency };
        let values;
        switch (input.kind) {
          case 'contribution': {
            await lockFund(tx, input.fundId);
            // A treasurer confirms it arrived; a network's only treasurer giving is confirmed by any other member.
            const soleTreasurer = (await holders(tx, 'treasurer', now)).every((h) => h.memberId === member.id);
            values = {
              ...base,
              kind: input.kind,
              fund_id: input.fundId,
              amount: input.amount,
              member_id: member.id,
              named: input.named,
              confirm_by: soleTreasurer ? ('second' as const) : ('treasurer' as const),
            };
            break;
          }
          case 'gift':
            await lockFund(tx, input.fundId);
            values = {
              ...base,
              kind: input.kind,
              fund_id: input.fundId,
              amount: input.amount,
              memo: input.memo,
              confirm_by: 'none' as const,
            };
            break;
          case 'transfer':
            await lockFund(tx, input.fundId);
            await lockFund(tx, input.toFundId);
            if (input.fundId === input.toFundId) throw errors.badRequest('same_fund', 'error.sameFund');
            values = {
              ...base,
              kind: input.kind,
              fund_id: input.fundId,
              to_fund_id: input.toFundId,
              amount: input.amount,
              memo: input.memo,
              confirm_by: 'second' as const,
            };
            break;
          case 'payout': {
            const request = await requestById(tx, input.requestId);
            if (!request) throw errors.notFound('no_such_request');
            if (request.status !== 'approved') throw errors.conflict('not_approved', 'error.notApproved');
            if (request.waitingRecordId) throw errors.conflict('payout_waiting', 'error.payoutWaiting');
            const fund = (await fundById(tx, request.fundId, request.currency))!;
            values = {
              ...base,
              currency: request.currency,
              kind: input.kind,
              fund_id: request.fundId,
              amount: request.amount,
              request_id: request.id,
              confirm_by: needsSecond(fund.rules, request.amount) ? ('second' as const) : ('none' as const),
            };
            break;
          }
          case 'return': {
            // Money owed back to a revolving fund, in one or more parts, never more than is still out.
            const expected = await expectedById(tx, input.expectedId, true);
            if (!expected || expected.status !== 'expected')
              throw errors.conflict('already_settled', 'error.recordSettled');
            if (input.amount > expected.outstanding) throw errors.badRequest('more_than_owed', 'error.moreThanOwed');
            values = {
              ...base,
              currency: expected.currency,
              kind: input.kind,
              fund_id: expected.fundId,
              amount: input.amount,
              expected_id: expected.id,
              memo: input.memo,
              confirm_by: 'none' as const,
            };
            break;
          }
          case 'reversal': {
            const entry = await entryById(tx, input.entryId);
            if (!entry?.record_id) throw errors.notFound('no_such_entry');
            if (entry.kind === 'reversal') throw errors.conflict('reversal_of_reversal', 'error.reversalOfReversal');
            const reversed = await tx
              .selectFrom('ledger_entries')
              .select('id')
              .where('reverses', '=', input.entryId)
              .executeTakeFirst();
            const waiting = await tx
              .selectFrom('fund_records')
              .select('id')
              .where('reverses', '=', input.entryId)
              .where('confirm_by', '<>', 'none')
              .where('confirmed_at', 'is', null)
              .where('withdrawn_at', 'is', null)
              .executeTakeFirst();
            if (reversed || waiting) throw errors.conflict('already_reversed', 'error.alreadyReversed');
            const original = (await recordById(tx, entry.record_id))!;
            // Circle money is the circle's own business; a return is settled with what it was owed.
            if (original.kind === 'circle_payment' || original.kind === 'circle_payout')
              throw errors.conflict('circle_money', 'error.circleMoney');
            if (original.expectedId && (await expectedById(tx, original.expectedId))?.status !== 'expected') {
              throw errors.conflict('already_settled', 'error.recordSettled');
            }
            values = {
              ...base,
              currency: original.currency,
              kind: input.kind,
              fund_id: original.fundId,
              to_fund_id: null,
              amount: original.amount,
              reverses: input.entryId,
              memo: input.memo,
              confirm_by: 'second' as const,
            };
            break;
          }
        }
        return writeRecord(tx, values, now);
      },
      now,
    ),
  );
  const rec = (await recordById(db, done.result))!;
  return { ...done, entered: rec.confirmedAt !== null || rec.confirmBy === 'none' };
}

/** A second member (or a treasurer, for a contribution) confirms a record; it enters the ledger in the same transaction. */
export async function confirmRecord(
  db: Db,
  member: { id: string },
  recordId: string,
  key: string,
  now: Date,
): Promise<Once> {
  // Who may comes before the key is judged; a settled record is left to once(), so a repeated key gets its answer.
  const waiting = await recordById(db, recordId);
  if (
    waiting &&
    awaitsConfirmation(waiting) &&
    !can.confirmRecord(member, waiting, await holdsRole(db, member.id, 'treasurer', now))
  ) {
    throw errors.forbidden('cannot_confirm', 'error.cannotConfirm');
  }
  return db.transaction().execute((tx) =>
    once(
      tx,
      member.id,
      key,
      { op: 'confirm', recordId },
      async () => {
        const locked = await tx
          .selectFrom('fund_records')
          .select('id')
          .where('id', '=', recordId)
          .forUpdate()
          .executeTakeFirst();
        if (!locked) throw errors.notFound('no_such_record');
        const rec = (await recordById(tx, recordId))!;
        if (!awaitsConfirmation(rec)) throw errors.conflict('already_settled', 'error.recordSettled');
        const treasurer = await holdsRole(tx, member.id, 'treasurer', now);
        if (!can.confirmRecord(member, rec, treasurer)) throw errors.forbidden('cannot_confirm', 'error.cannotConfirm');
        await tx
          .updateTable('fund_records')
          .set({ confirmed_by: member.id, confirmed_at: now })
          .where('id', '=', recordId)
          .execute();
        await enter(tx, { ...rec, confirmedBy: member.id, confirmedAt: now }, now);
        await settleNotifications(tx, ['fund_to_confirm'], recordId);
        return recordId;
      },
      now,
    ),
  );
}

/** The one who recorded something that waits can take it back (a mistake); it never entered the ledger. */
export async function withdrawRecord(db: Db, member: { id: string }, recordId: string, now: Date): Promise<void> {
  const r = await db
    .updateTable('fund_records')
    .set({ withdrawn_at: now })
    .where('id', '=', recordId)
    .where('recorded_by', '=', member.id)
    .where('confirm_by', '<>', 'none')
    .where('confirmed_at', 'is', null)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) > 0) return settleNotifications(db, ['fund_to_confirm'], recordId);
  const rec = await recordById(db, recordId);
  if (rec && rec.recordedBy !== member.id) throw errors.forbidden('not_yours', 'error.forbidden');
  throw errors.conflict('already_settled', 'error.recordSettled');
}

/** The member who asked says the money reached them. */
export async function markReceived(db: Db, member: { id: string }, requestId: string, now: Date): Promise<void> {
  const r = await db
    .updateTable('fund_requests')
    .set({ received_at: now })
    .where('id', '=', requestId)
    .where('member_id', '=', member.id)
    .where('status', '=', 'paid')
    .where('received_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw errors.conflict('already_settled', 'error.recordSettled');
}

/** The member who asked changes their mind before a payout is recorded. */
export async function withdrawRequest(db: Db, member: { id: string }, requestId: string, now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const request = await tx
      .selectFrom('fund_requests')
      .select(['id', 'status'])
      .where('id', '=', requestId)
      .where('member_id', '=', member.id)
      .forUpdate()
      .executeTakeFirst();
    const waiting = await tx
      .selectFrom('fund_records')
      .select('id')
      .where('request_id', '=', requestId)
      .where('confirm_by', '<>', 'none')
      .where('confirmed_at', 'is', null)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst();
    if (!request || !['proposed', 'approved'].includes(request.status) || waiting)
      throw errors.conflict('already_settled', 'error.recordSettled');
    await tx
      .updateTable('fund_requests')
      .set({ status: 'withdrawn', decided_at: now })
      .where('id', '=', requestId)
      .execute();
  });
}

/** A treasurer closes an amount a revolving fund was owed as "came back partly" (fees withheld); the rest is not asked. */
export async function closePartly(db: Db, member: { id: string }, expectedId: string, now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    if (!(await holdsRole(tx, member.id, 'treasurer', now)))
      throw errors.forbidden('treasurer_only', 'error.treasurerOnly');
    const expected = await expectedById(tx, expectedId, true);
    if (!expected || expected.status !== 'expected' || expected.returned === 0)
      throw errors.conflict('already_settled', 'error.recordSettled');
    await tx
      .updateTable('fund_expected')
      .set({ status: 'partly', closed_at: now })
      .where('id', '=', expectedId)
      .execute();
  });
}

/** Any member may ask the others to write off what a revolving fund is still owed. */
export async function proposeWriteOff(db: Db, member: { id: string }, expectedId: string, now: Date): Promise<string> {
  return openOnce(db, { type: 'write_off', expected_id: expectedId }, () =>
    db.transaction().execute(async (tx) => {
      const expected = await expectedById(tx, expectedId, true);
      if (!expected) throw errors.notFound();
      if (expected.status !== 'expected') throw errors.conflict('already_settled', 'error.recordSettled');
      const open = await openProposalWith(tx, { type: 'write_off', expected_id: expectedId });
      if (open) return open;
      const action: WriteOff = {
        type: 'write_off',
        expected_id: expected.id,
        fund_id: expected.fundId,
        fund_name: expected.fundName,
        amount: expected.outstanding,
        currency: expected.currency,
      };
      return openProposal(
        tx,
        member.id,
        {
          kind: 'fund',
          title: 'Write off',
          body: '',
          process: 'consent',
          options: [],
          closesInHours: REQUEST_DECISION.hours,
          rules: standardRules('consent', REQUEST_DECISION.quorumPercent),
          anonymous: false,
          action,
        },
        now,
      );
    }),
  );
}

export type FundProposal = {
  /** An existing fund whose rules change, or the name of a new one. */
  fund: FundView | { name: string };
  rules: FundRules;
  process: 'consent' | 'consensus' | 'majority';
  closesInHours: number;
};

/** Asks the members to make a fund, or to change a fund's standing rules; if it passes, it takes effect by itself. */
export async function proposeFund(
  db: Db,
  openedBy: string,
  p: FundProposal,
  currency: string,
  now: Date,
): Promise<string> {
  const action: FundAction =
    'id' in p.fund
      ? { type: 'set_fund_rules', fund_id: p.fund.id, fund_name: p.fund.name, currency, rules: p.rules }
      : { type: 'create_fund', name: p.fund.name, currency, rules: p.rules };
  return openProposal(
    db,
    openedBy,
    {
      kind: 'fund',
      title: 'id' in p.fund ? 'Fund rules' : 'New fund',
      body: '',
      process: p.process,
      options: [],
      closesInHours: p.closesInHours,
      rules: standardRules(p.process),
      anonymous: false,
      action,
    },
    now,
  );
}

/** A savings circle's own account on the ledger: what its members pay in and its recipients take out. */
export async function openCircleAccount(tx: Kysely<Database>, now: Date): Promise<string> {
  const row = await tx
    .insertInto('fund_accounts')
    .values({ kind: 'circle', created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
