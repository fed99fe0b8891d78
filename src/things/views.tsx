/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The shared things' pages: the list, adding a thing, a thing's page — borrow it (noting its condition), give it
// back, renew, wait in line, report a problem without blame — and its printable label with a QR code. Who has a thing
// is not shown to others; the line shows only your place in it.
import type { ViewCtx } from '../web/layout.tsx';
import type { Translate } from '../web/i18n/index.ts';
import {
  Checkbox,
  ErrorSummary,
  FileField,
  Notice,
  QrLabel,
  SelectField,
  TextArea,
  TextField,
  formatDate,
  formatDateTime,
  type FormState,
  AreaField,
} from '../web/parts.tsx';
import { CONDITIONS, MOST_RENEWALS, REPORT_KINDS } from './commands.ts';
import type { LineView, MyLoan, ThingView } from './queries.ts';

type Key = Parameters<Translate>[0];
const conditionLabel = (t: Translate, c: string) => t(`thing.condition.${c}` as Key);

function status(v: ViewCtx, th: ThingView): string {
  const { t } = v;
  if (th.retiredAt) return t('thing.retired');
  if (th.dueAt) return t('thing.outUntil', { date: formatDate(v, th.dueAt), waiting: th.waiting });
  return th.waiting ? t('thing.inOffered', { waiting: th.waiting }) : t('thing.in');
}

export function ThingsPage({ v, things, q }: { v: ViewCtx; things: ThingView[]; q: string }) {
  const { t } = v;
  return (
    <>
      <h1>{t('thing.title')}</h1>
      <p>{t('thing.intro')}</p>
      <p>
        <a class="button" href="/things/new">
          {t('thing.new')}
        </a>
      </p>
      <form method="get" action="/things" role="search">
        <label for="q">{t('thing.search')}</label> <input id="q" name="q" type="search" value={q} maxlength={100} />{' '}
        <button type="submit">{t('thing.searchButton')}</button>
      </form>
      {things.length === 0 ? <p>{t('thing.none')}</p> : null}
      <ul class="cards">
        {things.map((th) => (
          <li class="card">
            <p class="what">
              <a href={`/things/${th.id}`}>{th.title}</a>
            </p>
            <p class="meta">
              {th.area} · {conditionLabel(t, th.condition)} · {status(v, th)}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

export function NewThingPage({ v, form }: { v: ViewCtx; form: FormState }) {
  const { t } = v;
  const conditions = CONDITIONS.map((c) => ({ value: c, label: conditionLabel(t, c) }));
  return (
    <>
      <h1>{t('thing.new')}</h1>
      <ErrorSummary t={t} form={form} />
      <form method="post" action="/things" novalidate>
        <TextField t={t} form={form} name="title" label="thing.titleLabel" required maxlength={120} />
        <TextArea t={t} form={form} name="about" label="thing.about" rows={3} maxlength={2000} />
        <Checkbox t={t} form={form} name="mine" label="thing.mine" hint="thing.mineHint" />
        <AreaField t={t} form={form} label="thing.area" hint="thing.areaHint" areas={v.network!.areas} />
        <TextField t={t} form={form} name="pickup" label="thing.pickup" hint="thing.pickupHint" maxlength={300} />
        <SelectField t={t} form={form} name="condition" label="thing.conditionLabel" required options={conditions} />
        <TextField
          t={t}
          form={form}
          name="loan_days"
          label="thing.loanDays"
          type="number"
          inputmode="numeric"
          required
        />
        <TextField
          t={t}
          form={form}
          name="claim_hours"
          label="thing.claimHours"
          hint="thing.claimHoursHint"
          type="number"
          inputmode="numeric"
          required
        />
        <button type="submit" class="primary">
          {t('thing.add')}
        </button>
      </form>
    </>
  );
}

function ConditionPick({ t, form, label }: { t: Translate; form: FormState; label: Key }) {
  return (
    <SelectField
      t={t}
      form={form}
      name="condition"
      label={label}
      required
      options={CONDITIONS.map((c) => ({ value: c, label: conditionLabel(t, c) }))}
    />
  );
}

export function ThingPage(props: {
  v: ViewCtx;
  thing: ThingView;
  line: LineView;
  loan: MyLoan | null;
  reports: { kind: string; note: string; madeAt: Date }[];
  /** The exact pickup place, for those who may know it. */
  pickup: string | null;
  form: FormState;
  now: Date;
  done?: string | undefined;
}) {
  const { v, thing: th, line, loan, form } = props;
  const { t } = v;
  const me = v.member!.id;
  const place = line.findIndex((h) => h.memberId === me);
  const offer = place >= 0 ? line[place]!.offeredUntil : null;
  const offeredToMe = !!offer && offer > props.now;
  const free = !th.dueAt && !th.retiredAt;
  const mayBorrow = free && (offeredToMe || line.length === 0 || place === 0);
  const mayReturn = !!th.dueAt && (!!loan || th.lentBy === me || th.lentBy === null);
  const initial = { values: { condition: th.condition, ...form.values }, errors: form.errors };
  const doneKey = props.done ? (`thing.done.${props.done}` as Key) : null;
  return (
    <>
      {doneKey && t(doneKey) !== doneKey ? <Notice kind="success">{t(doneKey)}</Notice> : null}
      <ErrorSummary t={t} form={form} />
      <h1>{th.title}</h1>
      <p class="meta">
        {th.area} · {conditionLabel(t, th.condition)} ·{' '}
        {th.lentByName ? t('thing.lentBy', { name: th.lentByName }) : t('thing.networks')} ·{' '}
        {t('thing.forDays', { n: th.loanDays })}
      </p>
      {th.photoAt ? (
        <p>
          <img
            class="photo"
            src={`/things/${th.id}/photo?v=${th.photoAt.getTime()}`}
            alt={t('thing.photoAlt', { title: th.title })}
          />
        </p>
      ) : null}
      {th.about ? <p class="prewrap">{th.about}</p> : null}
      {props.pickup ? <p>{t('thing.pickupShown', { place: props.pickup })}</p> : null}
      <p>
        <strong>{loan ? t('thing.youHaveIt', { date: formatDate(v, loan.dueAt) }) : status(v, th)}</strong>
      </p>
      {offeredToMe ? (
        <Notice kind="info">{t('thing.offeredToYou', { until: formatDateTime(v, offer!) })}</Notice>
      ) : null}
      {place > 0 ? <p>{t('thing.yourPlace', { n: place + 1 })}</p> : null}
      {mayBorrow ? (
        <form method="post" action={`/things/${th.id}/borrow`} novalidate>
          <ConditionPick t={t} form={initial} label="thing.conditionSeen" />
          <button type="submit" class="primary">
            {t('thing.borrow', { n: th.loanDays })}
          </button>
        </form>
      ) : null}
      {mayReturn ? (
        <form method="post" action={`/things/${th.id}/return`} novalidate>
          <ConditionPick t={t} form={initial} label="thing.conditionBack" />
          <button type="submit" class="primary">
            {t('thing.giveBack')}
          </button>
        </form>
      ) : null}
      {loan && line.length === 0 && loan.renewals < MOST_RENEWALS ? (
        <form method="post" action={`/things/${th.id}/renew`}>
          <button type="submit">{t('thing.renew', { n: th.loanDays })}</button>
        </form>
      ) : null}
      {!loan && !mayBorrow && place < 0 && !th.retiredAt ? (
        <form method="post" action={`/things/${th.id}/line`}>
          <button type="submit">{t('thing.joinLine')}</button>
        </form>
      ) : null}
      {place >= 0 ? (
        <form method="post" action={`/things/${th.id}/line/leave`}>
          <button type="submit">{t('thing.leaveLine')}</button>
        </form>
      ) : null}
      <details open={!!form.errors.kind || !!form.errors.note || undefined}>
        <summary>{t('thing.reportProblem')}</summary>
        <p class="hint">{t('thing.reportHint')}</p>
        <form method="post" action={`/things/${th.id}/report`} novalidate>
          <SelectField
            t={t}
            form={form}
            name="kind"
            label="thing.reportKind"
            required
            options={REPORT_KINDS.map((k) => ({ value: k, label: t(`thing.report.${k}` as Key) }))}
          />
          <TextArea t={t} form={form} name="note" label="thing.reportNote" rows={2} maxlength={1000} />
          <button type="submit">{t('thing.reportSubmit')}</button>
        </form>
      </details>
      {props.reports.length ? (
        <section aria-labelledby="reports-title">
          <h2 id="reports-title">{t('thing.reports')}</h2>
          <ul>
            {props.reports.map((r) => (
              <li>
                {formatDate(v, r.madeAt)} · {t(`thing.report.${r.kind}` as Key)}
                {r.note ? ` — ${r.note}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <a href={`/things/${th.id}/label`}>{t('thing.label')}</a>
      </p>
      {th.addedBy === me && !th.retiredAt ? (
        <details open={!!form.errors.photo || props.done === 'added' || undefined}>
          <summary>{th.photoAt ? t('thing.photoChange') : t('thing.photoAdd')}</summary>
          <form method="post" action={`/things/${th.id}/photo`} enctype="multipart/form-data" novalidate>
            <FileField
              t={t}
              form={form}
              name="photo"
              label="thing.photo"
              hint="thing.photoHint"
              required
              accept="image/*"
            />
            <button type="submit">{t('thing.photoSend')}</button>
          </form>
          {th.photoAt ? (
            <form method="post" action={`/things/${th.id}/photo/remove`}>
              <button type="submit">{t('thing.photoRemove')}</button>
            </form>
          ) : null}
        </details>
      ) : null}
      {th.addedBy === me && !th.retiredAt && !th.dueAt ? (
        <form method="post" action={`/things/${th.id}/retire`}>
          <button type="submit">{t('thing.retire')}</button>
        </form>
      ) : null}
    </>
  );
}

export function LabelPage({
  v,
  thing: th,
  qr,
  address,
}: {
  v: ViewCtx;
  thing: ThingView;
  qr: string;
  address: string;
}) {
  return (
    <QrLabel
      hint={v.t('thing.labelHint')}
      network={v.network!.networkName}
      title={th.title}
      qr={qr}
      text={v.t('thing.labelText', { address })}
    />
  );
}
