// The fund's notifications: each names a request or a record, and says how much, from which fund.
import type { NotificationKindDef, NotificationSubject } from '../web/domain.ts';
import type { MessageKey } from '../web/i18n/index.ts';
import { isUuid } from '../web/edges.ts';
import { formatMoney } from '../web/money.ts';
import { oneLine, plain } from '../notifications/index.ts';
import { fundName } from './text.ts';

declare module '../web/domain.ts' {
  interface NotificationKinds {
    fund_approved: true;
    fund_declined: true;
    fund_to_pay: true;
    fund_paid: true;
    fund_to_confirm: true;
    pledge_reminder: true;
  }
}

type MoneySubject = {
  requestId: string | null;
  recordId: string | null;
  amount: number;
  currency: string;
  fundName: string | null;
};

/** Requests and records, looked up by id together (a subject is one or the other). */
const requestOrRecord: NotificationSubject<MoneySubject> = {
  tables: ['fund_requests', 'fund_records'],
  load: async (db, subjects) => {
    const ids = subjects.filter((s) => isUuid(s));
    const found = new Map<string, MoneySubject>();
    if (ids.length === 0) return found;
    const requests = await db
      .selectFrom('fund_requests as r')
      .leftJoin('fund_accounts as a', 'a.id', 'r.fund_id')
      .select(['r.id', 'r.amount', 'r.currency', 'a.name'])
      .where('r.id', 'in', ids)
      .execute();
    for (const r of requests)
      found.set(r.id, {
        requestId: r.id,
        recordId: null,
        amount: Number(r.amount),
        currency: r.currency,
        fundName: r.name,
      });
    const records = await db
      .selectFrom('fund_records as r')
      .leftJoin('fund_accounts as a', 'a.id', 'r.fund_id')
      .select(['r.id', 'r.amount', 'r.currency', 'a.name'])
      .where('r.id', 'in', ids)
      .execute();
    for (const r of records)
      found.set(r.id, {
        requestId: null,
        recordId: r.id,
        amount: Number(r.amount),
        currency: r.currency,
        fundName: r.name,
      });
    return found;
  },
};

/** A notification about a request or a record: how much, from which fund; it opens the request or the record. */
const aboutMoney = (
  kind: 'fund_approved' | 'fund_declined' | 'fund_to_pay' | 'fund_paid' | 'fund_to_confirm',
  message: MessageKey,
): NotificationKindDef<MoneySubject> => ({
  kind,
  about: requestOrRecord,
  text: (t, { lang }, { about: m }) =>
    m
      ? t(message, { amount: formatMoney(lang, m.amount, m.currency), fund: oneLine(fundName(t, m.fundName)) })
      : t(message, { what: '' }),
  link: ({ about: m }) =>
    m?.requestId ? `/fund/requests/${m.requestId}` : m?.recordId ? `/fund/records/${m.recordId}` : '/notifications',
});

export const fundNotices = [
  aboutMoney('fund_approved', 'notification.fundApproved'),
  aboutMoney('fund_declined', 'notification.fundDeclined'),
  aboutMoney('fund_to_pay', 'notification.fundToPay'),
  aboutMoney('fund_paid', 'notification.fundPaid'),
  aboutMoney('fund_to_confirm', 'notification.fundToConfirm'),
  plain('pledge_reminder', 'notification.pledgeReminder', () => '/fund/give'),
];
