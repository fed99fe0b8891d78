/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Buying together's pages: the orders, opening one, and an order's page — how full each item's packs are (updated
// live by a small script where there is one), one form with everyone's range for every item (for oneself, or for
// someone without the app), and once closed what each gets and pays, and the pickup list where what was really taken
// is noted. Others' names are shown only to who ordered in it.
import type { ViewCtx } from '../web/layout.tsx';
import type { Translate } from '../web/i18n/index.ts';
import {
  ErrorSummary,
  Notice,
  SelectField,
  TextArea,
  TextField,
  formatDateTime,
  type FormState,
} from '../web/parts.tsx';
import { formatMoney } from '../web/money.ts';
import type { Split } from './split.ts';
import { payerOf, type ItemView, type OrderState, type OrderView, type WantView, type fills } from './queries.ts';
import { unitsOf } from './schema.ts';

type Key = Parameters<Translate>[0];
type Fill = ReturnType<typeof fills>[number];

const qty = (milli: number, unit: string) => `${unitsOf(milli)} ${unit}`;

export function OrdersPage({
  v,
  orders,
  now,
}: {
  v: ViewCtx;
  orders: (OrderView & { state: OrderState })[];
  now: Date;
}) {
  const { t } = v;
  return (
    <>
      <h1>{t('order.title')}</h1>
      <p>{t('order.intro')}</p>
      <p>
        <a class="button" href="/buying/new">
          {t('order.new')}
        </a>
      </p>
      {orders.length === 0 ? <p>{t('order.none')}</p> : null}
      <ul class="cards">
        {orders.map((o) => (
          <li class="card">
            <p class="what">
              <a href={`/buying/${o.id}`}>{o.supplier}</a>
            </p>
            <p class="meta">
              {t(`order.state.${o.state}` as Key)} · {t('order.deadlineShort', { when: formatDateTime(v, o.deadline) })}{' '}
              · {t('order.members', { n: o.members })}
            </p>
          </li>
        ))}
      </ul>
      <p class="hint">{t('order.now', { when: formatDateTime(v, now) })}</p>
    </>
  );
}

export function NewOrderPage({ v, form }: { v: ViewCtx; form: FormState }) {
  const { t } = v;
  return (
    <>
      <h1>{t('order.new')}</h1>
      <ErrorSummary t={t} form={form} />
      <form method="post" action="/buying" novalidate>
        <TextField t={t} form={form} name="supplier" label="order.supplier" required maxlength={120} />
        <TextArea t={t} form={form} name="about" label="order.about" rows={2} maxlength={2000} />
        <TextArea t={t} form={form} name="items" label="order.items" hint="order.itemsHint" required rows={6} />
        <TextField t={t} form={form} name="date" label="order.date" type="date" required />
        <TextField t={t} form={form} name="time" label="order.time" type="time" required />
        <TextArea t={t} form={form} name="pickup" label="order.pickup" hint="order.pickupHint" required rows={2} />
        <TextField
          t={t}
          form={form}
          name="delivery"
          label="order.delivery"
          hint="order.deliveryHint"
          inputmode="decimal"
        />
        <button type="submit" class="primary">
          {t('order.open')}
        </button>
      </form>
    </>
  );
}

/** "2 full packs; the next has 3 of 5 kg. 2 kg more completes it." (the page and its live view say the same). */
export function fillText(t: Translate, it: ItemView, f: Fill): string {
  const text = t('order.fill', {
    full: f.full,
    inNext: unitsOf(f.inNext * it.stepMilli),
    pack: unitsOf(it.packMilli),
    unit: it.unit,
  });
  return f.short ? `${text} ${t('order.short', { short: unitsOf(f.short * it.stepMilli), unit: it.unit })}` : text;
}

function FillLine({ v, it, f }: { v: ViewCtx; it: ItemView; f: Fill }) {
  const { t } = v;
  const packSteps = it.packMilli / it.stepMilli;
  return (
    <p class="fill" data-fill={it.id}>
      <span data-part="text">{fillText(t, it, f)}</span>{' '}
      <progress max={packSteps} value={f.inNext} data-part="bar" aria-label={t('order.nextPack', { name: it.name })}>
        {f.inNext}/{packSteps}
      </progress>
    </p>
  );
}

export function OrderPage(props: {
  v: ViewCtx;
  order: OrderView;
  state: OrderState;
  items: ItemView[];
  wants: WantView[];
  fills: Fill[];
  costs: Split | null;
  forWhom: string;
  form: FormState;
  done?: string | undefined;
}) {
  const { v, order: o, items, state } = props;
  const { t } = v;
  const me = v.member!.id;
  const money = (n: number) => formatMoney(v.lang, n, o.currency);
  const mine = props.wants.filter((w) => w.memberId === me);
  const takesPart = mine.length > 0 || o.openedBy === me;
  const doneKey = props.done ? (`order.done.${props.done}` as Key) : null;
  const itemOf = (id: string) => items.find((i) => i.id === id)!;
  const payers = [...new Set(mine.map((w) => w.forWhom))];
  // A refused write (closed, the fill phase…) is said at the top; a field's problem beside it, and in the summary.
  const { _form: refused, ...fieldErrors } = props.form.errors;
  return (
    <>
      {doneKey && t(doneKey) !== doneKey ? <Notice kind="success">{t(doneKey)}</Notice> : null}
      {refused ? <ErrorSummary t={t} form={{ values: {}, errors: { _form: refused } }} /> : null}
      <h1>{o.supplier}</h1>
      <p class="meta">
        {t('order.openedBy', { name: o.openerName })} · {t('order.deadline', { when: formatDateTime(v, o.deadline) })}
      </p>
      {o.about ? <p class="prewrap">{o.about}</p> : null}
      <Notice kind={state === 'filling' ? 'warning' : 'info'}>
        {t(`order.stateLong.${state}` as Key, { when: formatDateTime(v, state === 'open' ? o.fillFrom : o.deadline) })}
      </Notice>
      {state === 'open' || state === 'filling' ? (
        <section aria-labelledby="want-title">
          <h2 id="want-title">{props.forWhom ? t('order.wantFor', { name: props.forWhom }) : t('order.wantTitle')}</h2>
          <ErrorSummary t={t} form={{ values: props.form.values, errors: fieldErrors }} />
          <form method="post" action={`/buying/${o.id}/wants`} novalidate>
            <input type="hidden" name="for_whom" value={props.forWhom} />
            {items.map((it) => {
              const f = props.fills.find((x) => x.id === it.id)!;
              return (
                <fieldset class="field item">
                  <legend>
                    {it.name} ·{' '}
                    {t('order.pack', {
                      pack: unitsOf(it.packMilli),
                      unit: it.unit,
                      price: money(it.packPrice),
                    })}
                  </legend>
                  <FillLine v={v} it={it} f={f} />
                  <div class="range">
                    <TextField
                      t={t}
                      form={props.form}
                      name={`least_${it.id}`}
                      label="order.least"
                      inputmode="decimal"
                    />
                    <TextField t={t} form={props.form} name={`most_${it.id}`} label="order.most" inputmode="decimal" />
                  </div>
                  {it.stepMilli !== 1000 ? (
                    <p class="hint">{t('order.step', { step: unitsOf(it.stepMilli), unit: it.unit })}</p>
                  ) : null}
                </fieldset>
              );
            })}
            <SelectField
              t={t}
              form={props.form}
              name="pickup"
              label="order.pickupAt"
              required
              options={o.pickupPoints.map((p) => ({ value: p, label: p }))}
            />
            <button type="submit" class="primary">
              {t('order.save')}
            </button>
          </form>
          <form method="get" action={`/buying/${o.id}`} class="for-someone">
            <label for="for">{t('order.forSomeone')}</label>{' '}
            <input id="for" name="for" maxlength={80} value={props.forWhom} />{' '}
            <button type="submit">{t('order.forOpen')}</button>
          </form>
        </section>
      ) : null}
      {state === 'closed' && props.costs ? (
        <section aria-labelledby="yours-title">
          <h2 id="yours-title">{t('order.yoursTitle')}</h2>
          {payers.length === 0 ? <p>{t('order.nothingYours')}</p> : null}
          {payers.map((forWhom) => {
            const cost = props.costs!.payers.get(payerOf({ memberId: me, forWhom }));
            const fund = cost && o.fundPercent ? Math.floor((cost.total * o.fundPercent) / 100) : 0;
            return (
              <div class="card">
                {forWhom ? <p class="what">{t('order.forName', { name: forWhom })}</p> : null}
                <ul>
                  {mine
                    .filter((w) => w.forWhom === forWhom)
                    .map((w) => (
                      <li>
                        {itemOf(w.itemId).name}: {qty(w.takenMilli ?? 0, itemOf(w.itemId).unit)} ·{' '}
                        {money(props.costs!.shares.get(w.id) ?? 0)}
                        {w.allocatedMilli !== null && w.allocatedMilli < w.leastMilli
                          ? ` (${t('order.shortShare', { asked: qty(w.leastMilli, itemOf(w.itemId).unit) })})`
                          : ''}
                      </li>
                    ))}
                </ul>
                {cost ? (
                  <p>
                    {t('order.cost', {
                      goods: money(cost.goods),
                      delivery: money(cost.delivery),
                      total: money(cost.total),
                    })}
                    {fund ? ` ${t('order.fundPays', { fund: money(fund), rest: money(cost.total - fund) })}` : ''}
                  </p>
                ) : null}
              </div>
            );
          })}
          <p>{t('order.invoice', { invoice: money(props.costs.invoice) })}</p>
          {o.fundRequest ? (
            <p>
              {t('order.fundAsked', {
                amount: money(o.fundRequest.amount),
                status: t(`order.fundStatus.${o.fundRequest.status}` as Key),
              })}
            </p>
          ) : null}
          <ul>
            {items.map((it) => (
              <li>
                {it.name}: {t('order.packsOrdered', { n: it.packs ?? 0 })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {state === 'closed' && takesPart ? (
        <section aria-labelledby="pickup-title">
          <h2 id="pickup-title">{t('order.pickupTitle')}</h2>
          <p class="hint">{t('order.takenHint')}</p>
          {o.pickupPoints.map((point) => {
            const here = props.wants.filter((w) => w.pickup === point && (w.allocatedMilli ?? 0) > 0);
            return here.length ? (
              <>
                <h3>{point}</h3>
                <ul class="cards compact">
                  {here.map((w) => {
                    const it = itemOf(w.itemId);
                    const mayCorrect = w.memberId === me || o.openedBy === me;
                    return (
                      <li class="card">
                        <p>
                          {w.forWhom ? t('order.forBy', { name: w.forWhom, by: w.memberName }) : w.memberName} ·{' '}
                          {it.name}: {qty(w.allocatedMilli ?? 0, it.unit)}
                          {w.takenMilli !== null && w.takenMilli !== w.allocatedMilli
                            ? ` → ${qty(w.takenMilli, it.unit)}`
                            : ''}
                          {w.pickedUpAt ? ` · ${t('order.pickedUp')}` : ''}
                        </p>
                        {mayCorrect ? (
                          <form method="post" action={`/buying/wants/${w.id}/taken`} class="inline" novalidate>
                            <label for={`taken-${w.id}`}>{t('order.taken', { unit: it.unit })}</label>{' '}
                            <input
                              id={`taken-${w.id}`}
                              name="taken"
                              inputmode="decimal"
                              size={6}
                              value={unitsOf(w.takenMilli ?? 0)}
                            />{' '}
                            <label class="choice">
                              <input type="checkbox" name="picked_up" checked={!!w.pickedUpAt} />{' '}
                              {t('order.pickedUpBox')}
                            </label>{' '}
                            <button type="submit">{t('order.saveTaken')}</button>
                          </form>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              </>
            ) : null;
          })}
        </section>
      ) : null}
      {o.openedBy === me && (state === 'open' || state === 'filling') ? (
        <form method="post" action={`/buying/${o.id}/cancel`}>
          <button type="submit">{t('order.cancel')}</button>
        </form>
      ) : null}
    </>
  );
}
