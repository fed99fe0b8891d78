// What the circle forms accept: a name, an amount per round in the network's currency, a period and a payout order.
import { z } from 'zod';
import { parseMoney } from '../web/money.ts';

export const ORDER_RULES = ['lottery', 'agreed', 'each_round'] as const;

export const newCircleForm = (currency: string) =>
  z.object({
    name: z.string('error.required').trim().min(1, 'error.circleName').max(60, 'error.circleName'),
    amount: z.string('error.amount').transform((v, ctx) => {
      const units = parseMoney(v, currency);
      if (units === null) ctx.addIssue({ code: 'custom', message: 'error.amount' });
      return units ?? 0;
    }),
    period_days: z.coerce.number('error.days').int('error.days').min(1, 'error.days').max(366, 'error.days'),
    order_rule: z.enum(ORDER_RULES, 'error.chooseOne'),
  });

/** The agreed order from a start form: `position_<member id>` = 1, 2, 3…; each member once. */
export function agreedOrder(values: Record<string, string>, memberIds: string[]): string[] | null {
  const positions = memberIds.map((id) => ({ id, n: Number((values[`position_${id}`] ?? '').trim()) }));
  if (positions.some((p) => !Number.isInteger(p.n) || p.n < 1 || p.n > memberIds.length)) return null;
  if (new Set(positions.map((p) => p.n)).size !== positions.length) return null;
  return positions.sort((a, b) => a.n - b.n).map((p) => p.id);
}
