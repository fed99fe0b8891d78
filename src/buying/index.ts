// Buying together (issue 20, solidarity purchasing): a member opens a bulk order; members say how much they want as a
// range; the packs fill live; a fill phase before the deadline only takes what adds; at the deadline the order closes
// itself, the packs are counted and shared in proportion (never first come), and the invoice is split to the cent;
// what was really taken at pickup recomputes the costs; a member orders for someone without the app; the fund pays
// the agreed part of everyone's share. ADR 035. See web/domain.ts.
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import type { Domain, Told } from '../web/domain.ts';
import { defineAgreement, whole } from '../web/agreement.ts';
import { oneLine } from '../notifications/index.ts';
import { networkAgreements } from '../agreements/index.ts';
import { access } from './access.ts';
import { messages } from './messages.ts';
import { buyingRoutes } from './routes.ts';
import { askFundParts, closeDue } from './commands.ts';
import { orderTotals } from './queries.ts';

declare module '../web/domain.ts' {
  interface NotificationKinds {
    order_closed: true;
    order_cancelled: true;
  }
}

declare module '../web/context.ts' {
  interface Network {
    orderFillHours: number;
    orderFundPercent: number;
  }
}

const supplierOf = {
  tables: ['orders'],
  load: async (db: Kysely<Database>, ids: string[]) =>
    new Map(
      (await db.selectFrom('orders').select(['id', 'supplier']).where('id', 'in', ids).execute()).map((r) => [
        r.id,
        r.supplier,
      ]),
    ),
};

export const buying: Domain = {
  name: 'buying',
  access,
  messages,
  tables: ['orders', 'order_items', 'order_wants'],
  routes: [buyingRoutes],
  nav: [{ href: '/buying', label: 'nav.buying', place: 'more', order: 49 }],
  agreements: [
    defineAgreement({
      key: 'order_fill_hours', // the hours before an order's deadline when only what completes packs is added
      schema: whole(0, 168),
      start: 24,
      typed: 'number',
      network: (orderFillHours: number) => ({ orderFillHours }),
    }),
    defineAgreement({
      key: 'order_fund_percent', // the part of everyone's share in a bulk order the fund pays, the same for all
      schema: whole(0, 100),
      start: 0,
      typed: 'number',
      network: (orderFundPercent: number) => ({ orderFundPercent }),
    }),
  ],
  shared: async (db, { t, now }) => {
    const r = await orderTotals(db, now);
    return r.orders
      ? { title: t('order.title'), lines: [t('order.sharedLine', { n: r.orders, payers: r.payers })] }
      : null;
  },
  jobs: [
    {
      name: 'close bulk orders at their deadline',
      run: async (deps, now) =>
        closeDue(deps.db, (await networkAgreements(deps.db, deps.registry)).orderFundPercent, now),
    },
    { name: 'ask the fund for its part of closed orders', run: (deps, now) => askFundParts(deps.db, deps.keys, now) },
  ],
  notifications: [
    {
      kind: 'order_closed',
      about: supplierOf,
      text: (t, _at, n: Told<string>) => t('notification.orderClosed', { supplier: oneLine(n.about ?? '') }),
      link: (n) => (n.subject ? `/buying/${n.subject}` : '/buying'),
    },
    {
      kind: 'order_cancelled',
      about: supplierOf,
      text: (t, _at, n: Told<string>) => t('notification.orderCancelled', { supplier: oneLine(n.about ?? '') }),
      link: (n) => (n.subject ? `/buying/${n.subject}` : '/buying'),
    },
  ],
};
