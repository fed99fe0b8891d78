/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Savings circle pages: the list, forming a circle, and a circle's page — for its members, who has paid this round,
// who is next, and what each has put in and taken out; for others, only a forming circle they may join.
import type { ViewCtx } from '../web/layout.tsx';
import type { MessageKey } from '../web/i18n/index.ts';
import { ErrorSummary, formatDate, Notice, RadioGroup, TextField, type FormState } from '../web/parts.tsx';
import { duration } from '../web/agreement.ts';
import { formatMoney, minorDigits } from '../web/money.ts';
import type { CircleListItem, CircleView, RoundView } from './queries.ts';
import { ORDER_RULES } from './schema.ts';
import type { Standing } from './rounds.ts';

const ORDER_LABEL: Record<(typeof ORDER_RULES)[number], MessageKey> = {
  lottery: 'circle.order.lottery',
  agreed: 'circle.order.agreed',
  each_round: 'circle.order.each_round',
};

export function CirclesPage({ v, circles }: { v: ViewCtx; circles: CircleListItem[] }) {
  const { t } = v;
  return (
    <>
      <h1>{t('circle.title')}</h1>
      <p>{t('circle.intro')}</p>
      <p>
        <a class="button primary" href="/circles/new">
          {t('circle.new')}
        </a>
      </p>
      {circles.length === 0 ? (
        <p>{t('circle.none')}</p>
      ) : (
        <ul class="cards">
          {circles.map((c) => (
            <li class="card">
              <a href={`/circles/${c.id}`}>{c.name}</a>
              <p class="by">
                {t('circle.summary', {
                  amount: formatMoney(v.lang, c.amount, c.currency),
                  period: duration(v.lang, 'day', c.periodDays),
                  count: c.members,
                })}
                {' · '}
                <span class="tag">{t(c.started ? 'circle.running' : 'circle.forming')}</span>
                {c.mine ? <> · {t('circle.yours')}</> : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function NewCirclePage({ v, form, currency }: { v: ViewCtx; form: FormState; currency: string }) {
  const { t } = v;
  return (
    <>
      <h1>{t('circle.new')}</h1>
      <p>{t('circle.newIntro')}</p>
      <ErrorSummary t={t} form={form} />
      <form method="post" action="/circles" novalidate>
        <TextField t={t} form={form} name="name" label="circle.name" required maxlength={60} />
        <TextField
          t={t}
          form={form}
          name="amount"
          label="circle.amount"
          hint="circle.amountHint"
          required
          inputmode={minorDigits(currency) ? 'decimal' : 'numeric'}
          maxlength={24}
        />
        <TextField
          t={t}
          form={form}
          name="period_days"
          label="circle.period"
          type="number"
          inputmode="numeric"
          required
        />
        <RadioGroup
          t={t}
          form={form}
          name="order_rule"
          label="circle.orderRule"
          required
          options={ORDER_RULES.map((o) => ({ value: o, label: t(ORDER_LABEL[o]) }))}
        />
        <button type="submit" class="primary">
          {t('circle.create')}
        </button>
      </form>
    </>
  );
}

export type CirclePageProps = {
  v: ViewCtx;
  circle: CircleView;
  member: boolean;
  rounds: RoundView[];
  current: RoundView | undefined;
  next: RoundView | undefined;
  standings: Standing[];
  keys: { pay: string; receive: string };
  form?: FormState;
};

export function CirclePage(p: CirclePageProps) {
  const { v, circle } = p;
  const { t } = v;
  const money = (n: number) => formatMoney(v.lang, n, circle.currency);
  const me = v.member!.id;
  const nameOf = (id: string) => circle.members.find((m) => m.id === id)?.name ?? t('fund.aMember');
  return (
    <>
      <h1>{circle.name}</h1>
      <p>
        {t('circle.summary', {
          amount: money(circle.amount),
          period: duration(v.lang, 'day', circle.periodDays),
          count: circle.members.length,
        })}
        {' · '}
        {t(ORDER_LABEL[circle.orderRule])}
      </p>
      {!circle.startedAt ? (
        <>
          <Notice kind="info">{t('circle.formingNote')}</Notice>
          <h2>{t('circle.members')}</h2>
          <ul>
            {circle.members.map((m) => (
              <li>{m.name}</li>
            ))}
          </ul>
          {p.member ? (
            <form method="post" action={`/circles/${circle.id}/leave`}>
              <button type="submit">{t('circle.leave')}</button>
            </form>
          ) : (
            <form method="post" action={`/circles/${circle.id}/join`}>
              <button type="submit" class="primary">
                {t('circle.join')}
              </button>
            </form>
          )}
          {circle.createdBy === me ? <StartForm v={v} circle={circle} form={p.form} /> : null}
        </>
      ) : (
        <Running {...p} money={money} nameOf={nameOf} />
      )}
      <p>
        <a href="/circles">{t('circle.back')}</a>
      </p>
    </>
  );
}

function StartForm({ v, circle, form }: { v: ViewCtx; circle: CircleView; form?: FormState }) {
  const { t } = v;
  return (
    <form method="post" action={`/circles/${circle.id}/start`} novalidate>
      <h2>{t('circle.startTitle')}</h2>
      {form ? <ErrorSummary t={t} form={form} /> : null}
      {circle.orderRule === 'agreed' ? (
        <fieldset class="field">
          <legend>{t('circle.agreedOrder')}</legend>
          {form?.errors.order ? (
            <p class="error" id="order-error">
              {t(form.errors.order)}
            </p>
          ) : null}
          {circle.members.map((m, i) => (
            <div class="inline-field">
              <label for={`position_${m.id}`}>{m.name}</label>
              <input
                id={`position_${m.id}`}
                name={`position_${m.id}`}
                type="number"
                inputmode="numeric"
                min={1}
                max={circle.members.length}
                value={form?.values[`position_${m.id}`] ?? String(i + 1)}
              />
            </div>
          ))}
        </fieldset>
      ) : (
        <p class="hint">{t(circle.orderRule === 'lottery' ? 'circle.startLottery' : 'circle.startEachRound')}</p>
      )}
      <button type="submit" class="primary">
        {t('circle.start')}
      </button>
    </form>
  );
}

function Running(p: CirclePageProps & { money: (n: number) => string; nameOf: (id: string) => string }) {
  const { v, circle, current, next, money, nameOf } = p;
  const { t } = v;
  const me = v.member!.id;
  const iPaid = current?.payers.includes(me);
  const iDeferred = current?.deferred.includes(me);
  const mine = p.rounds.filter((r) => r.recipientId === me && r.collected > r.paidOut);
  return (
    <>
      {current ? (
        <section aria-labelledby="this-round">
          <h2 id="this-round">{t('circle.thisRound', { n: current.number, date: formatDate(v, current.dueAt) })}</h2>
          <p>
            {current.recipientId
              ? t('circle.receives', { name: nameOf(current.recipientId) })
              : t('circle.recipientDeciding')}
          </p>
          {current.proposalId && !current.recipientId ? (
            <p>
              <a href={`/decisions/${current.proposalId}`}>{t('circle.voteRecipient')}</a>
            </p>
          ) : null}
          <ul class="cards compact">
            {circle.members.map((m) => (
              <li class="card">
                {m.name}:{' '}
                {current.payers.includes(m.id) ? (
                  <strong>{t('circle.paid')}</strong>
                ) : current.deferred.includes(m.id) ? (
                  t('circle.deferred')
                ) : (
                  t('circle.notYet')
                )}
              </li>
            ))}
          </ul>
          {!iPaid ? (
            <form method="post" action={`/circles/rounds/${current.id}/pay`}>
              <input type="hidden" name="key" value={p.keys.pay} />
              <button type="submit" class="primary">
                {t('circle.pay', { amount: money(circle.amount) })}
              </button>
            </form>
          ) : null}
          {!iPaid && !iDeferred ? (
            <form method="post" action={`/circles/rounds/${current.id}/defer`}>
              <p class="hint">{t('circle.deferHint')}</p>
              <button type="submit">{t('circle.defer')}</button>
            </form>
          ) : null}
        </section>
      ) : null}
      {mine.map((r) => (
        <form method="post" action={`/circles/rounds/${r.id}/receive`}>
          <input type="hidden" name="key" value={p.keys.receive} />
          <button type="submit" class="primary">
            {t('circle.receive', { amount: money(r.collected - r.paidOut), n: r.number })}
          </button>
        </form>
      ))}
      {next?.recipientId ? <p>{t('circle.next', { name: nameOf(next.recipientId), n: next.number })}</p> : null}

      <h2>{t('circle.rounds')}</h2>
      <div class="table-scroll" tabindex={0}>
        <table class="tally ledger">
          <caption class="visually-hidden">{t('circle.rounds')}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('circle.due')}</th>
              <th scope="col">{t('circle.recipient')}</th>
              <th scope="col" class="num">
                {t('circle.collected')}
              </th>
              <th scope="col" class="num">
                {t('circle.paidOut')}
              </th>
            </tr>
          </thead>
          <tbody>
            {p.rounds.map((r) => (
              <tr>
                <td>{r.number}</td>
                <td>{formatDate(v, r.dueAt)}</td>
                <td>{r.recipientId ? nameOf(r.recipientId) : '—'}</td>
                <td class="num">{money(r.collected)}</td>
                <td class="num">{money(r.paidOut)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t('circle.standings')}</h2>
      <div class="table-scroll" tabindex={0}>
        <table class="tally ledger">
          <caption class="visually-hidden">{t('circle.standings')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('circle.member')}</th>
              <th scope="col" class="num">
                {t('circle.putIn')}
              </th>
              <th scope="col" class="num">
                {t('circle.takenOut')}
              </th>
              <th scope="col" class="num">
                {t('circle.owes')}
              </th>
            </tr>
          </thead>
          <tbody>
            {p.standings.map((s) => (
              <tr>
                <th scope="row">{nameOf(s.memberId)}</th>
                <td class="num">{money(s.putIn)}</td>
                <td class="num">{money(s.takenOut)}</td>
                <td class="num">{money(s.owes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
