// Reading buying together: the orders, one order with its items and everyone's wants, how full each item's packs
// are, and — once closed — what each share costs, from what was really taken (split.ts).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { fillOf, splitCosts, type Split } from './split.ts';

type Q = Kysely<Database>;

export type OrderView = {
  id: string;
  supplier: string;
  about: string;
  openedBy: string;
  openerName: string;
  openedAt: Date;
  deadline: Date;
  fillFrom: Date;
  pickupPoints: string[];
  delivery: number;
  currency: string;
  fundPercent: number | null;
  /** The fund's part asked of the pot at closing, and how it stands. */
  fundRequest: { amount: number; status: string } | null;
  closedAt: Date | null;
  cancelledAt: Date | null;
  members: number;
};

export type OrderState = 'open' | 'filling' | 'closing' | 'closed' | 'cancelled';

export function stateOf(
  o: Pick<OrderView, 'fillFrom' | 'deadline' | 'closedAt' | 'cancelledAt'>,
  now: Date,
): OrderState {
  if (o.cancelledAt) return 'cancelled';
  if (o.closedAt) return 'closed';
  if (now >= o.deadline) return 'closing';
  return now >= o.fillFrom ? 'filling' : 'open';
}

const base = (db: Q) =>
  db
    .selectFrom('orders')
    .innerJoin('members as opener', 'opener.id', 'orders.opened_by')
    .leftJoin('fund_requests as fr', 'fr.id', 'orders.fund_request_id')
    .select((eb) => [
      'orders.id',
      'orders.supplier',
      'orders.about',
      'orders.opened_by as openedBy',
      'opener.display_name as openerName',
      'orders.opened_at as openedAt',
      'orders.deadline',
      'orders.fill_from as fillFrom',
      'orders.pickup_points as pickupPoints',
      'orders.delivery',
      'orders.currency',
      'orders.fund_percent as fundPercent',
      'fr.amount as fundAmount',
      'fr.status as fundStatus',
      'orders.closed_at as closedAt',
      'orders.cancelled_at as cancelledAt',
      eb
        .selectFrom('order_wants')
        .select((w) => w.fn.count<string>('order_wants.member_id').distinct().as('n'))
        .whereRef('order_wants.order_id', '=', 'orders.id')
        .as('members'),
    ]);

const asView = ({
  fundAmount,
  fundStatus,
  ...r
}: Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>): OrderView => ({
  ...r,
  fundRequest: fundStatus ? { amount: Number(fundAmount), status: fundStatus } : null,
  members: Number(r.members ?? 0),
});

export async function orders(db: Q): Promise<OrderView[]> {
  return (await base(db).orderBy('orders.deadline', 'desc').limit(200).execute()).map(asView);
}

export async function order(db: Q, id: string): Promise<OrderView | undefined> {
  const r = await base(db).where('orders.id', '=', id).executeTakeFirst();
  return r && asView(r);
}

export type ItemView = {
  id: string;
  name: string;
  unit: string;
  stepMilli: number;
  packMilli: number;
  packPrice: number;
  minPacks: number;
  maxPacks: number | null;
  packs: number | null;
};

export const itemsOf = (db: Q, orderId: string): Promise<ItemView[]> =>
  db
    .selectFrom('order_items')
    .select([
      'id',
      'name',
      'unit',
      'step_milli as stepMilli',
      'pack_milli as packMilli',
      'pack_price as packPrice',
      'min_packs as minPacks',
      'max_packs as maxPacks',
      'packs',
    ])
    .where('order_id', '=', orderId)
    .orderBy('position')
    .execute();

export type WantView = {
  id: string;
  itemId: string;
  memberId: string;
  memberName: string;
  forWhom: string;
  pickup: string;
  leastMilli: number;
  mostMilli: number;
  allocatedMilli: number | null;
  takenMilli: number | null;
  pickedUpAt: Date | null;
};

export const wantsOf = (db: Q, orderId: string): Promise<WantView[]> =>
  db
    .selectFrom('order_wants')
    .innerJoin('members', 'members.id', 'order_wants.member_id')
    .select([
      'order_wants.id',
      'order_wants.item_id as itemId',
      'order_wants.member_id as memberId',
      'members.display_name as memberName',
      'order_wants.for_whom as forWhom',
      'order_wants.pickup',
      'order_wants.least_milli as leastMilli',
      'order_wants.most_milli as mostMilli',
      'order_wants.allocated_milli as allocatedMilli',
      'order_wants.taken_milli as takenMilli',
      'order_wants.picked_up_at as pickedUpAt',
    ])
    .where('order_wants.order_id', '=', orderId)
    .orderBy('order_wants.pickup')
    .orderBy('members.display_name')
    .orderBy('order_wants.for_whom')
    .orderBy('order_wants.seq')
    .execute();

export const wantById = (db: Q, id: string) =>
  db.selectFrom('order_wants').select(['id', 'order_id', 'member_id']).where('id', '=', id).executeTakeFirst();

/** Who pays a share: the member, or someone they ordered for (a payer of their own, by the name the member wrote). */
export const payerOf = (w: Pick<WantView, 'memberId' | 'forWhom'>) => `${w.memberId}|${w.forWhom}`;

/** How full each item's packs are now, from everyone's most (for the page and its live view). */
export function fills(items: ItemView[], wants: WantView[]) {
  return items.map((it) => ({
    id: it.id,
    ...fillOf(
      { packSteps: it.packMilli / it.stepMilli, minPacks: it.minPacks, maxPacks: it.maxPacks },
      wants
        .filter((w) => w.itemId === it.id)
        .map((w) => ({ key: w.id, least: w.leastMilli / it.stepMilli, most: w.mostMilli / it.stepMilli })),
    ),
  }));
}

/** A closed order's costs, from what was taken (or, before pickup, what the packs gave). */
export function costsOf(order: Pick<OrderView, 'delivery'>, items: ItemView[], wants: WantView[]): Split {
  return splitCosts(
    items.map((it) => ({ key: it.id, packPrice: it.packPrice, packMilli: it.packMilli })),
    wants.map((w) => ({ key: w.id, item: w.itemId, payer: payerOf(w), milli: w.takenMilli ?? 0 })),
    order.delivery,
  );
}

/** For How we share: bulk orders closed in the last year and the households (payers) they served (totals only). */
export async function orderTotals(db: Q, now: Date) {
  const r = await db
    .selectFrom('orders')
    .leftJoin('order_wants', 'order_wants.order_id', 'orders.id')
    .select((eb) => [
      eb.fn.count<string>('orders.id').distinct().as('orders'),
      sql<string>`count(distinct order_wants.member_id::text || '|' || order_wants.for_whom)`.as('payers'),
    ])
    .where('orders.closed_at', '>', new Date(now.getTime() - 365 * 86_400_000))
    .executeTakeFirstOrThrow();
  return { orders: Number(r.orders), payers: Number(r.payers) };
}
