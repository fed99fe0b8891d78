/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The fund page: every fund's balance and rules, what waits for whom, the newest ledger entries, monthly flows and a
// live check that the ledger balances — what a sceptical member needs to see that nobody moves money alone.
import type { ViewCtx } from '../web/layout.tsx';
import { formatDate, Notice } from '../web/parts.tsx';
import type { Holder } from '../roles/index.ts';
import { formatMoney } from '../web/money.ts';
import type { EntryView, ExpectedView, FundView, LedgerCheck, MonthFlow, RecordView, RequestView } from './queries.ts';
import { fundName, rulesText } from './text.ts';
import type { PledgeView } from './pledges.ts';
import type { RecordPolicy } from './policy.ts';
import { EntryTable, ExpectedList, FlowChart, RecordLine, RequestLine } from './parts.tsx';

export type FundPageProps = {
  v: ViewCtx;
  currency: string;
  funds: FundView[];
  check: LedgerCheck;
  flows: MonthFlow[];
  months: string[];
  records: (RecordView & { policy: RecordPolicy })[];
  open: (RequestView & { showName: boolean })[];
  mine: (RequestView & { showName: boolean })[];
  pledges: PledgeView[];
  treasurers: Holder[];
  treasurer: boolean;
  entries: EntryView[];
  expected: ExpectedView[];
  returnKey: string;
};

export function FundPage(p: FundPageProps) {
  const { v } = p;
  const { t } = v;
  const money = (n: number) => formatMoney(v.lang, n, p.currency);
  const held = p.funds.reduce((s, f) => s + f.balance, 0);
  const toPay = p.open.filter((r) => r.status === 'approved');
  const proposed = p.open.filter((r) => r.status === 'proposed');
  const myTerm = p.treasurers.find((h) => h.memberId === v.member?.id);
  return (
    <>
      <h1>{t('fund.title')}</h1>
      <p>{t('fund.intro')}</p>
      <p class="actions">
        <a class="button primary" href="/fund/ask">
          {t('fund.ask')}
        </a>{' '}
        <a class="button" href="/fund/give">
          {t('fund.give')}
        </a>{' '}
        {p.treasurer ? (
          <a class="button" href="/fund/move">
            {t('fund.move')}
          </a>
        ) : null}
      </p>
      <p>
        <a href="/circles">{t('fund.circlesLink')}</a>
      </p>

      <h2>{t('fund.balances')}</h2>
      <p class="big-number">{t('fund.held', { amount: money(held) })}</p>
      <ul class="cards">
        {p.funds.map((f) => (
          <li class="card" id={`fund-${f.id}`}>
            <h3>{fundName(t, f.name)}</h3>
            <p>
              <strong>{money(f.balance)}</strong>
              {f.promised > 0 ? <> · {t('fund.promised', { amount: money(f.promised) })}</> : null}
            </p>
            <ul>
              {rulesText(t, v.lang, f.rules, p.currency).map((line) => (
                <li>{line}</li>
              ))}
            </ul>
            {f.pledgers > 0 ? (
              <p class="by">{t('fund.pledgedTotal', { amount: money(f.pledged), count: f.pledgers })}</p>
            ) : null}
            <p class="by">
              {f.rulesDecisionId ? (
                <a href={`/decisions/${f.rulesDecisionId}`}>{t('fund.rulesDecision')}</a>
              ) : (
                t('fund.rulesDefault')
              )}{' '}
              · <a href={`/fund/propose?fund=${f.id}`}>{t('fund.proposeRules')}</a>
            </p>
          </li>
        ))}
      </ul>
      <p>
        <a href="/fund/propose">{t('fund.proposeFund')}</a>
      </p>

      <section aria-labelledby="check-title">
        <h2 id="check-title">{t('fund.checkTitle')}</h2>
        {p.check.entries === 0 ? (
          <p>{t('fund.checkNone')}</p>
        ) : p.check.unbalanced === 0 && p.check.mismatched === 0 ? (
          <Notice kind="success">
            {t('fund.checkOk', { count: p.check.entries })}
            {p.check.circleEntries > 0 ? <> {t('fund.checkCircles', { count: p.check.circleEntries })}</> : null}
            {p.check.hoursEntries > 0 ? <> {t('fund.checkHours', { count: p.check.hoursEntries })}</> : null}
          </Notice>
        ) : (
          <Notice kind="warning">
            {t('fund.checkBad', { unbalanced: p.check.unbalanced, mismatched: p.check.mismatched })}
          </Notice>
        )}
        <p class="hint">{t('fund.checkHow')}</p>
      </section>

      {p.records.length ? (
        <section aria-labelledby="waiting-title">
          <h2 id="waiting-title">{t('fund.waitingRecords')}</h2>
          <ul class="cards compact">
            {p.records.map((r) => (
              <RecordLine v={v} r={r} />
            ))}
          </ul>
        </section>
      ) : null}

      {toPay.length ? (
        <section aria-labelledby="topay-title">
          <h2 id="topay-title">{t('fund.toPay')}</h2>
          <ul class="cards compact">
            {toPay.map((r) => (
              <RequestLine v={v} r={r} />
            ))}
          </ul>
        </section>
      ) : null}

      {proposed.length ? (
        <section aria-labelledby="proposed-title">
          <h2 id="proposed-title">{t('fund.proposedRequests')}</h2>
          <ul class="cards compact">
            {proposed.map((r) => (
              <RequestLine v={v} r={r} />
            ))}
          </ul>
        </section>
      ) : null}

      {p.mine.length || p.pledges.length ? (
        <section aria-labelledby="mine-title">
          <h2 id="mine-title">{t('fund.mine')}</h2>
          <ul class="cards compact">
            {p.mine.map((r) => (
              <RequestLine v={v} r={r} />
            ))}
            {p.pledges.map((pl) => (
              <li class="card">
                {t('fund.myPledge', {
                  amount: formatMoney(v.lang, pl.amount, pl.currency),
                  fund: fundName(t, pl.fundName),
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {p.expected.length ? (
        <ExpectedList v={v} expected={p.expected} treasurer={p.treasurer} returnKey={p.returnKey} />
      ) : null}

      <h2>{t('fund.flows')}</h2>
      <FlowChart v={v} currency={p.currency} flows={p.flows} months={p.months} />
      <div class="table-scroll" tabindex={0}>
        <table class="tally ledger">
          <caption class="visually-hidden">{t('fund.flows')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fund.month')}</th>
              <th scope="col">{t('fund.fund')}</th>
              <th scope="col" class="num">
                {t('fund.in')}
              </th>
              <th scope="col" class="num">
                {t('fund.out')}
              </th>
            </tr>
          </thead>
          <tbody>
            {p.flows.length === 0 ? (
              <tr>
                <td colspan={4}>{t('fund.noFlows')}</td>
              </tr>
            ) : null}
            {[...p.flows].reverse().map((f) => (
              <tr>
                <td>{f.month}</td>
                <td>{fundName(t, p.funds.find((x) => x.id === f.fundId)?.name ?? null)}</td>
                <td class="num">{money(f.in)}</td>
                <td class="num">{money(f.out)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t('fund.recent')}</h2>
      <EntryTable v={v} entries={p.entries} />
      <p>
        <a href="/fund/ledger">{t('fund.fullLedger')}</a> · <a href="/fund/ledger.csv">{t('fund.csv')}</a> ·{' '}
        <a href="/fund/statement">{t('fund.statement')}</a>
      </p>

      <h2>{t('fund.treasurers')}</h2>
      <p class="hint">{t('fund.treasurersHint')}</p>
      {p.treasurers.length === 0 ? (
        <p>{t('fund.noTreasurer')}</p>
      ) : (
        <ul>
          {p.treasurers.map((h) => (
            <li>{t('fund.treasurerUntil', { name: h.name, date: formatDate(v, h.endsAt) })}</li>
          ))}
        </ul>
      )}
      <p>
        <a href="/roles/treasurer/propose">{t('fund.proposeTreasurer')}</a>
      </p>
      {myTerm ? (
        <form method="post" action={`/roles/terms/${myTerm.termId}/step-down`}>
          <button type="submit">{t('role.stepDown')}</button>
        </form>
      ) : null}
    </>
  );
}
