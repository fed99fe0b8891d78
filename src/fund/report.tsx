/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The whole ledger, page by page; the printable monthly statement for the members' meeting; and the CSV export.
import type { ViewCtx } from '../web/layout.tsx';
import type { Translate } from '../web/i18n/index.ts';
import { formatMoney, moneyText } from '../web/money.ts';
import type { EntryView, StatementLine } from './queries.ts';
import { fundName } from './text.ts';
import { EntryTable, entryWhat } from './parts.tsx';
import { csvCell } from '../web/csv.ts';

export function LedgerPage({
  v,
  entries,
  nextBefore,
  treasurer,
  circles,
}: {
  v: ViewCtx;
  entries: EntryView[];
  nextBefore: number | null;
  treasurer: boolean;
  /** Savings circles have entries of their own: their numbers are missing here, and the page says why. */
  circles: boolean;
}) {
  const { t } = v;
  return (
    <>
      <h1>{t('fund.ledger')}</h1>
      <p>
        {t('fund.ledgerIntro')}
        {circles ? <> {t('fund.ledgerCircles')}</> : null}
      </p>
      {treasurer ? <p class="hint">{t('fund.reverseHint')}</p> : null}
      <EntryTable v={v} entries={entries} reverse={treasurer} />
      <p>
        {nextBefore ? (
          <>
            <a href={`/fund/ledger?before=${nextBefore}`}>{t('fund.older')}</a> ·{' '}
          </>
        ) : null}
        <a href="/fund/ledger.csv">{t('fund.csv')}</a> · <a href="/fund">{t('fund.back')}</a>
      </p>
    </>
  );
}

export function StatementPage(p: {
  v: ViewCtx;
  month: string;
  months: string[];
  lines: StatementLine[];
  entries: EntryView[];
  currency: string;
  network: string;
}) {
  const { v } = p;
  const { t } = v;
  const money = (n: number) => formatMoney(v.lang, n, p.currency);
  const total = (k: 'opening' | 'in' | 'out' | 'closing') => p.lines.reduce((s, l) => s + l[k], 0);
  return (
    <article class="statement">
      <h1>{t('fund.statementTitle', { network: p.network, month: p.month })}</h1>
      <form method="get" action="/fund/statement" class="no-print inline-field">
        <label for="month">{t('fund.month')}</label>
        <select id="month" name="month">
          {p.months.map((m) => (
            <option value={m} selected={m === p.month}>
              {m}
            </option>
          ))}
        </select>
        <button type="submit">{t('fund.show')}</button>
      </form>
      <div class="table-scroll" tabindex={0}>
        <table class="tally ledger">
          <caption>{t('fund.statementBalances')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fund.fund')}</th>
              <th scope="col" class="num">
                {t('fund.opening')}
              </th>
              <th scope="col" class="num">
                {t('fund.in')}
              </th>
              <th scope="col" class="num">
                {t('fund.out')}
              </th>
              <th scope="col" class="num">
                {t('fund.closing')}
              </th>
            </tr>
          </thead>
          <tbody>
            {p.lines.map((l) => (
              <tr>
                <th scope="row">{fundName(t, l.name)}</th>
                <td class="num">{money(l.opening)}</td>
                <td class="num">{money(l.in)}</td>
                <td class="num">{money(l.out)}</td>
                <td class="num">{money(l.closing)}</td>
              </tr>
            ))}
            <tr class="winner">
              <th scope="row">{t('fund.total')}</th>
              <td class="num">{money(total('opening'))}</td>
              <td class="num">{money(total('in'))}</td>
              <td class="num">{money(total('out'))}</td>
              <td class="num">{money(total('closing'))}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <h2>{t('fund.statementEntries')}</h2>
      <EntryTable v={v} entries={p.entries} />
      <p class="no-print">
        <a href="/fund">{t('fund.back')}</a>
      </p>
    </article>
  );
}

/** One row per fund an entry touched: what came into it (+) or left it (−), oldest first. */
export function ledgerCsv(t: Translate, v: Pick<ViewCtx, 't' | 'lang'>, entries: EntryView[]): string {
  const head = [
    'entry',
    'date',
    'kind',
    'what',
    'fund',
    'amount',
    'currency',
    'recorded_by',
    'confirmed_by',
    'reverses',
    'memo',
  ];
  const rows = [head.join(',')];
  for (const e of [...entries].reverse()) {
    for (const f of e.funds) {
      rows.push(
        [
          e.id,
          e.at.toISOString(),
          e.kind,
          entryWhat(v as ViewCtx, e),
          fundName(t, f.name),
          moneyText(f.amount, e.currency),
          e.currency,
          e.recordedBy ?? '',
          e.confirmedBy ?? '',
          e.reverses ?? '',
          e.memo ?? '',
        ]
          .map(csvCell)
          .join(','),
      );
    }
  }
  return rows.join('\r\n') + '\r\n';
}
