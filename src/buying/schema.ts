// What buying together's forms accept. An order: the supplier, the deadline on the network's wall clock, pickup
// points (a line each), the delivery's cost, and the items a line each — "Brown rice; kg; 5; 12.50" (name; unit; pack
// size; pack price), optionally followed by "step 0.5", "min 2", "max 10" (in Spanish "paso", "mín", "máx"). A want:
// at least and at most, in the item's unit ("2", "2.5", "2,5").
import { z } from 'zod';
import type { Network } from '../web/context.ts';
import { dayField } from '../web/forms.ts';
import { parseMoney } from '../web/money.ts';
import { dayIn, wallClock } from '../web/zone.ts';
import type { FieldErrors } from '../web/forms.ts';
import type { NewItem } from './commands.ts';
import type { ItemView } from './queries.ts';

export const MOST_ITEMS = 60;
const MOST_MILLI = 100_000_000;

/** Thousandths of a unit from what was typed ("2", "2.5", "2,5", "0.25"), or null. */
export function milliOf(typed: string): number | null {
  const m = /^(\d{1,6})(?:[.,](\d{1,3}))?$/.exec(typed.trim());
  if (!m) return null;
  const milli = Number(m[1]) * 1000 + (m[2] ? Number(m[2].padEnd(3, '0')) : 0);
  return milli <= MOST_MILLI ? milli : null;
}

/** A quantity in the unit, as members write it back ("2.5"). */
export const unitsOf = (milli: number) => String(milli / 1000);

/** The item lines, or null when one does not read. */
export function itemsOf(text: string, currency: string): NewItem[] | null {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0 || lines.length > MOST_ITEMS) return null;
  const out: NewItem[] = [];
  for (const line of lines) {
    const [name, unit, pack, price, ...rest] = line.split(';').map((p) => p.trim());
    if (!name || name.length > 80 || !unit || unit.length > 12 || pack === undefined || price === undefined)
      return null;
    const packMilli = milliOf(pack);
    const packPrice = parseMoney(price, currency);
    if (!packMilli || !packPrice || packPrice > 100_000_000) return null;
    let stepMilli = 1000;
    let minPacks = 0;
    let maxPacks: number | null = null;
    for (const opt of rest) {
      const m = /^(step|paso|min|mín|max|máx)\s+(\S+)$/i.exec(opt);
      if (!m) return null;
      const word = m[1]!.toLowerCase();
      if (word === 'step' || word === 'paso') {
        const s = milliOf(m[2]!);
        if (!s) return null;
        stepMilli = s;
      } else {
        if (!/^\d{1,4}$/.test(m[2]!)) return null;
        if (word === 'min' || word === 'mín') minPacks = Number(m[2]);
        else maxPacks = Number(m[2]);
      }
    }
    // A pack smaller than a step, or not a whole number of steps, is asked in steps of the pack.
    if (packMilli % stepMilli !== 0) stepMilli = packMilli < stepMilli ? packMilli : gcd(packMilli, stepMilli);
    out.push({ name, unit, stepMilli, packMilli, packPrice, minPacks, maxPacks });
  }
  return out;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

const trimmed = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(max, 'error.textTooLong'));

export const orderForm = (n: Pick<Network, 'timeZone' | 'currency'>, now: Date) =>
  z
    .object({
      supplier: z.string('error.supplier').trim().min(2, 'error.supplier').max(120, 'error.supplier'),
      about: trimmed(2000),
      date: dayField(dayIn(n.timeZone, now), 120),
      time: z.string('error.time').regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'error.time'),
      pickup: z.preprocess(
        (v) =>
          typeof v === 'string'
            ? v
                .split('\n')
                .map((l) => l.trim())
                .filter(Boolean)
            : [],
        z
          .array(z.string().max(80, 'error.pickupPoints'))
          .min(1, 'error.pickupPoints')
          .max(10, 'error.pickupPoints')
          .refine((ps) => new Set(ps).size === ps.length, 'error.pickupPoints'),
      ),
      delivery: z
        .string()
        .optional()
        .transform((v, ctx) => {
          if (!v || !v.trim()) return 0;
          const m = parseMoney(v, n.currency);
          if (m === null || m > 100_000_000) {
            ctx.addIssue({ code: 'custom', message: 'error.amount' });
            return z.NEVER;
          }
          return m;
        }),
      items: z.string('error.items').transform((v, ctx) => {
        const items = itemsOf(v, n.currency);
        if (!items) {
          ctx.addIssue({ code: 'custom', message: 'error.items' });
          return z.NEVER;
        }
        return items;
      }),
    })
    .transform((f, ctx) => {
      const deadline = wallClock(n.timeZone, f.date, f.time);
      if (deadline.getTime() <= now.getTime() + 3_600_000) {
        ctx.addIssue({ code: 'custom', path: ['time'], message: 'error.orderDeadline' });
        return z.NEVER;
      }
      return {
        supplier: f.supplier,
        about: f.about,
        deadline,
        pickupPoints: f.pickup,
        delivery: f.delivery,
        items: f.items,
      };
    });

/**
 * A member's wants, all items in one form: `least_<item>` and `most_<item>` (blank most: none; blank least: the
 * same as most), the pickup point, and whom it is for. Errors are said beside each field.
 */
export function readWants(
  values: Record<string, string>,
  items: ItemView[],
  points: string[],
):
  | { ok: true; forWhom: string; pickup: string; ranges: Map<string, { least: number; most: number }> }
  | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const forWhom = (values.for_whom ?? '').trim();
  if (forWhom.length > 80) errors.for_whom = 'error.textTooLong';
  const pickup = values.pickup ?? '';
  if (!points.includes(pickup)) errors.pickup = 'error.chooseOne';
  const ranges = new Map<string, { least: number; most: number }>();
  for (const it of items) {
    const mostText = (values[`most_${it.id}`] ?? '').trim();
    const leastText = (values[`least_${it.id}`] ?? '').trim();
    if (!mostText && !leastText) {
      ranges.set(it.id, { least: 0, most: 0 });
      continue;
    }
    const most = milliOf(mostText || leastText);
    const least = leastText ? milliOf(leastText) : most;
    if (most === null || most === 0) {
      errors[`most_${it.id}`] = 'error.wantAmount';
      continue;
    }
    if (least === null || least > most) {
      errors[`least_${it.id}`] = 'error.wantRange';
      continue;
    }
    if (least % it.stepMilli !== 0 || most % it.stepMilli !== 0) {
      errors[`most_${it.id}`] = 'error.wantStep';
      continue;
    }
    ranges.set(it.id, { least, most });
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, forWhom, pickup, ranges };
}

export const takenForm = z.object({
  taken: z.string('error.wantAmount').transform((v, ctx) => {
    const m = milliOf(v);
    if (m === null) {
      ctx.addIssue({ code: 'custom', message: 'error.wantAmount' });
      return z.NEVER;
    }
    return m;
  }),
  picked_up: z.preprocess((v) => v === 'on' || v === 'yes', z.boolean()),
});
