/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The fund's forms and single-item pages: asking, giving and pledging, recording what moved, one request, one
// waiting record, and the proposals that make a fund, change its rules or fill the treasurer role.
import type { ViewCtx } from '../web/layout.tsx';
import type { MessageKey } from '../web/i18n/index.ts';
import {
  Checkbox,
  ErrorSummary,
  formatDateTime,
  Notice,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
  type FormState,
} from '../web/parts.tsx';
import { DecisionFields } from '../decisions/index.ts';
import { formatMoney, minorDigits } from '../web/money.ts';
import type { FundView, RecordView, RequestView } from './queries.ts';
import type { RecordPolicy, RequestPolicy } from './policy.ts';
import type { PledgeView } from './pledges.ts';
import { fundName, rulesText } from './text.ts';
import { recordWhat, requestStatus } from './parts.tsx';

const Key = ({ form }: { form: FormState }) => <input type="hidden" name="key" value={form.values.key ?? ''} />;

const fundOptions = (v: ViewCtx, funds: FundView[]) =>
  funds.map((f) => ({ value: f.id, label: fundName(v.t, f.name) }));

function AmountField({
  v,
  form,
  currency,
  name = 'amount',
  label = 'fund.amount',
  hint,
}: {
  v: ViewCtx;
  form: FormState;
  currency: string;
  name?: string;
  label?: MessageKey;
  hint?: MessageKey;
}) {
  return (
    <TextField
      t={v.t}
      form={form}
      name={name}
      label={label}
      hint={hint}
      required={!hint}
      inputmode={minorDigits(currency) ? 'decimal' : 'numeric'}
      maxlength={24}
    />
  );
}

export function AskPage({
  v,
  form,
  funds,
  currency,
}: {
  v: ViewCtx;
  form: FormState;
  funds: FundView[];
  currency: string;
}) {
  const { t } = v;
  return (
    <>
      <h1>{t('fund.ask')}</h1>
      <p>{t('fund.askIntro')}</p>
      <ErrorSummary t={t} form={form} />
      <form method="post" action="/fund/ask" novalidate>
        <Key form={form} />
        <AmountField v={v} form={form} currency={currency} />
        <RadioGroup t={t} form={form} name="fund" label="fund.whichFund" required options={fundOptions(v, funds)} />
        <ul class="hint">
          {funds.map((f) => (
            <li>
              <strong>{fundName(t, f.name)}:</strong> {rulesText(t, v.lang, f.rules, currency)[0]}
            </li>
          ))}
        </ul>
        <TextArea t={t} form={form} name="note" label="fund.note" hint="fund.noteHint" rows={2} maxlength={200} />
        <Checkbox t={v.t} form={form} name="named" label="fund.named" hint="fund.namedHint" />
        <button type="submit" class="primary">
          {t('fund.askSubmit')}
        </button>
      </form>
    </>
  );
}

export function GivePage(p: {
  v: ViewCtx;
  form: FormState;
  pledgeForm: FormState;
  funds: FundView[];
  currency: string;
  pledges: PledgeView[];
}) {
  const { v } = p;
  const { t } = v;
  return (
    <>
      <h1>{t('fund.give')}</h1>
      <p>{t('fund.giveIntro')}</p>
      <ErrorSummary t={t} form={p.form} />
      <form method="post" action="/fund/give" novalidate>
        <Key form={p.form} />
        <AmountField v={v} form={p.form} currency={p.currency} />
        <RadioGroup t={t} form={p.form} name="fund" label="fund.whichFund" required options={fundOptions(v, p.funds)} />
        <Checkbox t={v.t} form={p.form} name="named" label="fund.namedGiver" hint="fund.namedGiverHint" />
        <button type="submit" class="primary">
          {t('fund.giveSubmit')}
        </button>
      </form>

      <h2>{t('fund.pledgeTitle')}</h2>
      <p>{t('fund.pledgeIntro')}</p>
      {p.pledges.length ? (
        <ul class="cards compact">
          {p.pledges.map((pl) => (
            <li class="card">
              {t('fund.myPledge', {
                amount: formatMoney(v.lang, pl.amount, pl.currency),
                fund: fundName(t, pl.fundName),
              })}
              <form method="post" action={`/fund/pledges/${pl.id}/end`} class="inline-field">
                <button type="submit">{t('fund.endPledge')}</button>
              </form>
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorSummary t={t} form={p.pledgeForm} />
      <form method="post" action="/fund/pledge" novalidate>
        <AmountField v={v} form={p.pledgeForm} currency={p.currency} name="amount" label="fund.pledgeAmount" />
        <SelectField
          t={t}
          form={p.pledgeForm}
          name="fund"
          label="fund.whichFund"
          required
          options={fundOptions(v, p.funds)}
        />
        <button type="submit">{t('fund.pledgeSubmit')}</button>
      </form>
    </>
  );
}

export function MovePage({
  v,
  form,
  funds,
  currency,
}: {
  v: ViewCtx;
  form: FormState;
  funds: FundView[];
  currency: string;
}) {
  const { t } = v;
  return (
    <>
      <h1>{t('fund.move')}</h1>
      <p>{t('fund.moveIntro')}</p>
      <ErrorSummary t={t} form={form} />
      <form method="post" action="/fund/move" novalidate>
        <Key form={form} />
        <RadioGroup
          t={t}
          form={form}
          name="kind"
          label="fund.moveKind"
          required
          options={[
            { value: 'gift', label: t('fund.moveGift') },
            { value: 'transfer', label: t('fund.moveTransfer') },
          ]}
        />
        <AmountField v={v} form={form} currency={currency} />
        <SelectField t={t} form={form} name="fund" label="fund.moveFund" required options={fundOptions(v, funds)} />
        <SelectField
          t={t}
          form={form}
          name="to_fund"
          label="fund.moveTo"
          hint="fund.moveToHint"
          placeholder="fund.noFund"
          options={fundOptions(v, funds)}
        />
        <TextField t={t} form={form} name="memo" label="fund.memo" hint="fund.memoHint" maxlength={120} />
        <button type="submit" class="primary">
          {t('fund.moveSubmit')}
        </button>
      </form>
    </>
  );
}

export function RequestPage(p: {
  v: ViewCtx;
  r: RequestView;
  policy: RequestPolicy;
  note: string | null;
  payKey: string;
  notice?: MessageKey;
}) {
  const { v, r, policy } = p;
  const { t } = v;
  return (
    <>
      <h1>
        {t('fund.requestTitle', { amount: formatMoney(v.lang, r.amount, r.currency), fund: fundName(t, r.fundName) })}
      </h1>
      {p.notice ? <Notice kind="success">{t(p.notice)}</Notice> : null}
      <p>
        <span class="tag">{requestStatus(v, r)}</span>
      </p>
      <dl>
        <dt>{t('fund.askedBy')}</dt>
        <dd>{policy.seeName ? r.memberName : t('fund.aMember')}</dd>
        <dt>{t('fund.askedAt')}</dt>
        <dd>{formatDateTime(v, r.askedAt)}</dd>
        {r.approvedHow ? (
          <>
            <dt>{t('fund.approvedHow')}</dt>
            <dd>{t(r.approvedHow === 'standing' ? 'fund.byStanding' : 'fund.byDecision')}</dd>
          </>
        ) : null}
        {policy.seeNote && p.note ? (
          <>
            <dt>{t('fund.note')}</dt>
            <dd>{p.note}</dd>
          </>
        ) : null}
      </dl>
      {r.proposalId ? (
        <p>
          <a href={`/decisions/${r.proposalId}`}>{t('fund.seeDecision')}</a>
        </p>
      ) : null}
      {r.waitingRecordId ? (
        <p>
          <a href={`/fund/records/${r.waitingRecordId}`}>{t('fund.seeWaiting')}</a>
        </p>
      ) : null}
      {policy.pay ? (
        <form method="post" action={`/fund/requests/${r.id}/pay`}>
          <input type="hidden" name="key" value={p.payKey} />
          <p class="hint">{t('fund.payHint')}</p>
          <button type="submit" class="primary">
            {t('fund.pay', { amount: formatMoney(v.lang, r.amount, r.currency) })}
          </button>
        </form>
      ) : null}
      {policy.markReceived ? (
        <form method="post" action={`/fund/requests/${r.id}/received`}>
          <button type="submit" class="primary">
            {t('fund.received')}
          </button>
        </form>
      ) : null}
      {policy.withdraw ? (
        <form method="post" action={`/fund/requests/${r.id}/withdraw`}>
          <button type="submit">{t('fund.withdrawRequest')}</button>
        </form>
      ) : null}
      <p>
        <a href="/fund">{t('fund.back')}</a>
      </p>
    </>
  );
}

export function RecordPage({
  v,
  r,
  policy,
  confirmKey,
}: {
  v: ViewCtx;
  r: RecordView;
  policy: RecordPolicy;
  confirmKey: string;
}) {
  const { t } = v;
  const by = policy.seeRecorder ? r.recordedByName : t('fund.aMember');
  return (
    <>
      <h1>{recordWhat(v, r)}</h1>
      <p>
        {t('fund.recordedByName', { name: by })} · {formatDateTime(v, r.recordedAt)}
      </p>
      {r.memo ? <p>{r.memo}</p> : null}
      {r.confirmedAt ? (
        <Notice kind="success">{t('fund.recordConfirmed')}</Notice>
      ) : r.withdrawnAt ? (
        <Notice kind="info">{t('fund.recordWithdrawn')}</Notice>
      ) : (
        <p>{t(r.confirmBy === 'treasurer' ? 'fund.waitsTreasurer' : 'fund.waitsSecond')}</p>
      )}
      {policy.confirm ? (
        <form method="post" action={`/fund/records/${r.id}/confirm`}>
          <input type="hidden" name="key" value={confirmKey} />
          <p class="hint">{t(r.confirmBy === 'treasurer' ? 'fund.confirmArrivedHint' : 'fund.confirmSecondHint')}</p>
          <button type="submit" class="primary">
            {t('fund.confirm')}
          </button>
        </form>
      ) : null}
      {policy.withdraw ? (
        <form method="post" action={`/fund/records/${r.id}/withdraw`}>
          <button type="submit">{t('fund.withdrawRecord')}</button>
        </form>
      ) : null}
      <p>
        <a href="/fund">{t('fund.back')}</a>
      </p>
    </>
  );
}

export function FundProposalPage({
  v,
  form,
  fund,
  currency,
}: {
  v: ViewCtx;
  form: FormState;
  fund: FundView | null;
  currency: string;
}) {
  const { t } = v;
  return (
    <>
      <h1>{fund ? t('fund.proposeRulesTitle', { name: fundName(t, fund.name) }) : t('fund.proposeFund')}</h1>
      <p>{t('fund.proposeIntro')}</p>
      <ErrorSummary t={t} form={form} />
      <form method="post" action={fund ? `/fund/propose?fund=${fund.id}` : '/fund/propose'} novalidate>
        {fund ? null : (
          <TextField
            t={t}
            form={form}
            name="name"
            label="fund.fundName"
            hint="fund.fundNameHint"
            required
            maxlength={60}
          />
        )}
        <fieldset class="field">
          <legend>{t('fund.rulesLegend')}</legend>
          <AmountField
            v={v}
            form={form}
            currency={currency}
            name="limit"
            label="fund.limitLabel"
            hint="fund.limitHint"
          />
          <TextField t={t} form={form} name="days" label="fund.daysLabel" type="number" inputmode="numeric" required />
          <AmountField v={v} form={form} currency={currency} name="keep" label="fund.keepLabel" hint="fund.keepHint" />
          <AmountField
            v={v}
            form={form}
            currency={currency}
            name="second_above"
            label="fund.secondLabel"
            hint="fund.secondHint"
          />
          <AmountField
            v={v}
            form={form}
            currency={currency}
            name="floor"
            label="fund.floorLabel"
            hint="fund.floorHint"
          />
          <Checkbox t={v.t} form={form} name="revolving" label="fund.revolvingLabel" hint="fund.revolvingHint" />
        </fieldset>
        <DecisionFields v={v} form={form} />
        <button type="submit" class="primary">
          {t('proposal.submit')}
        </button>
      </form>
    </>
  );
}
