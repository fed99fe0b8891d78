/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// View parts the fund's pages share: a ledger table, a monthly in/out chart drawn on the server, and one-line
// summaries of requests and records.
import type { ViewCtx } from '../web/layout.tsx';
import type { MessageKey } from '../web/i18n/index.ts';
import { formatDate, formatDateTime } from '../web/parts.tsx';
import { formatMoney } from '../web/money.ts';
import type { EntryView, ExpectedView, MonthFlow, RecordView, RequestView } from './queries.ts';
import { fundName } from './text.ts';
import type { RecordPolicy } from './policy.ts';

export function entryWhat(v: ViewCtx, e: EntryView): string {
  const { t } = v;
  const who = e.namedMember ?? t('fund.aMember');
  const line = (sign: 1 | -1) => e.funds.find((f) => Math.sign(f.amount) === sign);
  const into = line(1);
  const from = line(-1);
  const amount = formatMoney(v.lang, Math.abs((into ?? from)?.amount ?? 0), e.currency);
  switch (e.kind) {
    case 'contribution':
      return t('fund.entry.contribution', { who, amount, fund: fundName(t, into?.name ?? null) });
    case 'gift':
      return t('fund.entry.gift', { amount, fund: fundName(t, into?.name ?? null) });
    case 'payout':
      return t('fund.entry.payout', { who, amount, fund: fundName(t, from?.name ?? null) });
    case 'transfer':
      return t('fund.entry.transfer', {
        amount,
        from: fundName(t, from?.name ?? null),
        to: fundName(t, into?.name ?? null),
      });
    case 'reversal':
      return t('fund.entry.reversal', { id: e.reverses ?? 0 });
    case 'return':
      return t('fund.entry.return', { amount, fund: fundName(t, into?.name ?? null) });
    default:
      return t(`fund.entry.${e.kind}` as MessageKey, { amount });
  }
}

export function EntryTable({ v, entries, reverse }: { v: ViewCtx; entries: EntryView[]; reverse?: boolean }) {
  const { t } = v;
  if (entries.length === 0) return <p>{t('fund.noEntries')}</p>;
  return (
    <div class="table-scroll" tabindex={0}>
      <table class="tally ledger">
        <caption class="visually-hidden">{t('fund.ledger')}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('fund.date')}</th>
            <th scope="col">{t('fund.what')}</th>
            <th scope="col" class="num">
              {t('fund.change')}
            </th>
            <th scope="col">{t('fund.recordedBy')}</th>
            {reverse ? (
              <th scope="col">
                <span class="visually-hidden">{t('fund.reverse')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr id={`entry-${e.id}`}>
              <td>{e.id}</td>
              <td>
                <time datetime={e.at.toISOString()}>{formatDate(v, e.at)}</time>
              </td>
              <td>
                {entryWhat(v, e)}
                {e.memo ? <span class="by"> — {e.memo}</span> : null}
                {e.reversedBy ? <span class="tag">{t('fund.reversedBy', { id: e.reversedBy })}</span> : null}
              </td>
              <td class="num">
                {e.funds.map((f) => (
                  <div>
                    {fundName(t, f.name)}: {f.amount > 0 ? '+' : '−'}
                    {formatMoney(v.lang, Math.abs(f.amount), e.currency)}
                  </div>
                ))}
              </td>
              <td>
                {e.recordedBy ?? t('fund.aMember')}
                {e.confirmedBy ? <div class="by">{t('fund.confirmedBy', { name: e.confirmedBy })}</div> : null}
              </td>
              {reverse ? (
                <td>
                  {!e.reversedBy && e.kind !== 'reversal' ? (
                    <form method="post" action={`/fund/entries/${e.id}/reverse`} class="inline-field">
                      <label for={`memo-${e.id}`} class="visually-hidden">
                        {t('fund.reverseWhy')}
                      </label>
                      <input id={`memo-${e.id}`} name="memo" maxlength={120} placeholder={t('fund.reverseWhy')} />
                      <button type="submit">{t('fund.reverse')}</button>
                    </form>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Money in and out per month, all funds together, as bars; the table below it carries the same figures. */
export function FlowChart({
  v,
  currency,
  flows,
  months,
}: {
  v: ViewCtx;
  currency: string;
  flows: MonthFlow[];
  months: string[];
}) {
  const { t } = v;
  const per = months.map((m) => ({
    month: m,
    in: flows.filter((f) => f.month === m).reduce((s, f) => s + f.in, 0),
    out: flows.filter((f) => f.month === m).reduce((s, f) => s + f.out, 0),
  }));
  const top = Math.max(1, ...per.map((p) => Math.max(p.in, p.out)));
  const w = 28;
  const h = 120;
  const summary = per
    .map((p) =>
      t('fund.chartMonth', {
        month: p.month,
        in: formatMoney(v.lang, p.in, currency),
        out: formatMoney(v.lang, p.out, currency),
      }),
    )
    .join('; ');
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${per.length * w + 10} ${h + 30}`}
        role="img"
        aria-label={`${t('fund.flows')}: ${summary}`}
        width="100%"
        height="160"
      >
        {per.map((p, i) => {
          const hin = Math.round((p.in / top) * h);
          const hout = Math.round((p.out / top) * h);
          return (
            <g>
              <rect x={i * w + 6} y={h - hin + 5} width={10} height={hin} class="bar-in" />
              <rect x={i * w + 17} y={h - hout + 5} width={10} height={hout} class="bar-out" />
              <text x={i * w + 16} y={h + 22} text-anchor="middle" font-size="9">
                {p.month.slice(5)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <span class="key key-in" aria-hidden="true"></span> {t('fund.in')} ·{' '}
        <span class="key key-out" aria-hidden="true"></span> {t('fund.out')}
      </figcaption>
    </figure>
  );
}

const STATUS: Record<RequestView['status'], MessageKey> = {
  proposed: 'fund.status.proposed',
  approved: 'fund.status.approved',
  declined: 'fund.status.declined',
  paid: 'fund.status.paid',
  withdrawn: 'fund.status.withdrawn',
};
export const requestStatus = (v: ViewCtx, r: RequestView) =>
  r.status === 'paid' && r.receivedAt
    ? v.t('fund.status.received')
    : r.waitingRecordId
      ? v.t('fund.status.waitingSecond')
      : v.t(STATUS[r.status]);

export function RequestLine({ v, r }: { v: ViewCtx; r: RequestView & { showName: boolean } }) {
  const { t } = v;
  return (
    <li class="card">
      <a href={`/fund/requests/${r.id}`}>
        {t('fund.requestLine', {
          amount: formatMoney(v.lang, r.amount, r.currency),
          fund: fundName(t, r.fundName),
          who: r.showName ? r.memberName : t('fund.aMember'),
        })}
      </a>
      <p class="by">
        <span class="tag">{requestStatus(v, r)}</span> ·{' '}
        <time datetime={r.askedAt.toISOString()}>{formatDateTime(v, r.askedAt)}</time>
      </p>
    </li>
  );
}

const RECORD_KIND: Record<RecordView['kind'], MessageKey> = {
  contribution: 'fund.record.contribution',
  gift: 'fund.record.gift',
  payout: 'fund.record.payout',
  transfer: 'fund.record.transfer',
  reversal: 'fund.record.reversal',
  return: 'fund.record.return',
  circle_payment: 'fund.record.circlePayment',
  circle_payout: 'fund.record.circlePayout',
};

export function recordWhat(v: Pick<ViewCtx, 't' | 'lang'>, r: RecordView): string {
  const { t } = v;
  return t(RECORD_KIND[r.kind], {
    amount: formatMoney(v.lang, r.amount, r.currency),
    fund: fundName(t, r.fundName),
    to: fundName(t, r.toFundName),
    id: r.reverses ?? 0,
  });
}

export function RecordLine({ v, r }: { v: ViewCtx; r: RecordView & { policy: RecordPolicy } }) {
  const { t } = v;
  const by = r.policy.seeRecorder ? r.recordedByName : t('fund.aMember');
  return (
    <li class="card">
      <a href={`/fund/records/${r.id}`}>{recordWhat(v, r)}</a>
      <p class="by">
        {t('fund.recordedByName', { name: by })} ·{' '}
        {t(r.confirmBy === 'treasurer' ? 'fund.waitsTreasurer' : 'fund.waitsSecond')}
        {r.policy.confirm ? (
          <>
            {' '}
            · <strong>{t('fund.youCanConfirm')}</strong>
          </>
        ) : null}
      </p>
    </li>
  );
}

const EXPECTED_STATUS: Record<ExpectedView['status'], MessageKey> = {
  expected: 'fund.expected.open',
  returned: 'fund.expected.returned',
  partly: 'fund.expected.partly',
  written_off: 'fund.expected.writtenOff',
};

/** Money revolving funds are owed: no name of the person helped, only the amount, what came back and what is still out. */
export function ExpectedList({
  v,
  expected,
  treasurer,
  returnKey,
}: {
  v: ViewCtx;
  expected: ExpectedView[];
  treasurer: boolean;
  returnKey: string;
}) {
  const { t } = v;
  return (
    <section aria-labelledby="expected">
      <h2 id="expected">{t('fund.expectedTitle')}</h2>
      <ul class="cards compact">
        {expected.map((x) => (
          <li class="card">
            {t('fund.expectedLine', {
              amount: formatMoney(v.lang, x.amount, x.currency),
              fund: fundName(t, x.fundName),
              back: formatMoney(v.lang, x.returned, x.currency),
            })}
            <p class="by">
              <span class="tag">{t(EXPECTED_STATUS[x.status])}</span> · {formatDate(v, x.createdAt)}
            </p>
            {x.status === 'expected' && treasurer ? (
              <form method="post" action={`/fund/expected/${x.id}/return`} class="inline-field">
                <input type="hidden" name="key" value={`${returnKey}-${x.id.slice(0, 8)}`} />
                <label for={`back-${x.id}`}>{t('fund.cameBack')}</label>
                <input id={`back-${x.id}`} name="amount" inputmode="decimal" maxlength={24} />
                <button type="submit">{t('fund.recordReturn')}</button>
              </form>
            ) : null}
            {x.status === 'expected' && treasurer && x.returned > 0 ? (
              <form method="post" action={`/fund/expected/${x.id}/partly`}>
                <button type="submit">{t('fund.closePartly')}</button>
              </form>
            ) : null}
            {x.status === 'expected' ? (
              <form method="post" action={`/fund/expected/${x.id}/write-off`}>
                <button type="submit">{t('fund.proposeWriteOff')}</button>
              </form>
            ) : null}
            {x.decisionId ? <a href={`/decisions/${x.decisionId}`}>{t('fund.seeDecision')}</a> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
