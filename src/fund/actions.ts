// What a passed fund decision does by itself: makes a sub-fund with its rules, changes a fund's rules, or approves
// a request beyond the standing rules (a request that does not pass is declined), or writes off what a revolving fund
// was owed. The database refuses any fund,
// rule or approval that a passed proposal did not carry.
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { notify } from '../notifications/index.ts';
import { tellTreasurers } from './entries.ts';
import type { FundRules } from './rules.ts';
import { z } from 'zod';
import { uuid } from '../web/edges.ts';

type Tx = Kysely<Database>;

export type CreateFund = { type: 'create_fund'; name: string; currency: string; rules: FundRules };
export type SetFundRules = {
  type: 'set_fund_rules';
  fund_id: string;
  fund_name: string | null;
  currency: string;
  rules: FundRules;
};
export type ApproveRequest = {
  type: 'approve_request';
  request_id: string;
  fund_id: string;
  fund_name: string | null;
  amount: number;
  currency: string;
  /** Only when the member chose to be named. */
  member_name: string | null;
};
/** Money a revolving fund expected back that the members decide not to ask for any more. */
export type WriteOff = {
  type: 'write_off';
  expected_id: string;
  fund_id: string;
  fund_name: string | null;
  amount: number;
  currency: string;
};
export type FundAction = CreateFund | SetFundRules | ApproveRequest | WriteOff;

const rules = z.record(z.string(), z.union([z.number(), z.boolean()]));
const named = { fund_id: uuid, fund_name: z.string().nullable(), currency: z.string() };
/** What a fund action must carry to be applied (web/domain.ts, DecisionAction.payload). */
export const fundActionPayload = z.discriminatedUnion('type', [
  z.object({ type: z.literal('create_fund'), name: z.string().min(1), currency: z.string(), rules }),
  z.object({ type: z.literal('set_fund_rules'), ...named, rules }),
  z.object({
    type: z.literal('approve_request'),
    ...named,
    request_id: uuid,
    amount: z.number().int().positive(),
    member_name: z.string().nullable(),
  }),
  z.object({ type: z.literal('write_off'), ...named, expected_id: uuid, amount: z.number().int().positive() }),
]) as unknown as z.ZodType<FundAction>;

export async function applyFundOutcome(
  tx: Tx,
  decisionId: string,
  a: FundAction,
  passed: boolean,
  now: Date,
): Promise<void> {
  if (a.type === 'approve_request') return decideRequest(tx, decisionId, a, passed, now);
  if (!passed) return;
  if (a.type === 'write_off') {
    await tx
      .updateTable('fund_expected')
      .set({ status: 'written_off', closed_at: now, decision_id: decisionId })
      .where('id', '=', a.expected_id)
      .where('status', '=', 'expected')
      .execute();
    return;
  }
  let fundId: string;
  if (a.type === 'create_fund') {
    // Two proposals for the same name can both pass; the first made the fund, the second changes nothing.
    const taken = await tx
      .selectFrom('fund_accounts')
      .select('id')
      .where('kind', '=', 'fund')
      .where((eb) => eb(eb.fn('lower', ['name']), '=', a.name.toLowerCase()))
      .executeTakeFirst();
    if (taken) return;
    fundId = (
      await tx
        .insertInto('fund_accounts')
        .values({ kind: 'fund', name: a.name, decision_id: decisionId, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  } else {
    fundId = a.fund_id;
  }
  await tx
    .insertInto('fund_rules')
    .values({
      fund_id: fundId,
      currency: a.currency,
      rules: JSON.stringify(a.rules),
      decision_id: decisionId,
      adopted_at: now,
    })
    .execute();
}

async function decideRequest(tx: Tx, decisionId: string, a: ApproveRequest, passed: boolean, now: Date) {
  const request = await tx
    .selectFrom('fund_requests')
    .select(['id', 'member_id', 'status'])
    .where('id', '=', a.request_id)
    .where('proposal_id', '=', decisionId)
    .forUpdate()
    .executeTakeFirst();
  // The member may have withdrawn it while the proposal was open.
  if (!request || request.status !== 'proposed') return;
  await tx
    .updateTable('fund_requests')
    .set(
      passed
        ? { status: 'approved', approved_how: 'decision', decided_at: now }
        : { status: 'declined', decided_at: now },
    )
    .where('id', '=', request.id)
    .execute();
  await notify(tx, [
    { member_id: request.member_id, kind: passed ? 'fund_approved' : 'fund_declined', subject: request.id },
  ]);
  if (passed) await tellTreasurers(tx, now, [request.member_id], { kind: 'fund_to_pay', subject: request.id });
}
