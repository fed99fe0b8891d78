/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The time bank's pages: the member's own balance (below zero is fine: neighbours helped them), what waits for their
// yes or no (one tap each), their records, and the network's totals — never another member's balance, count or rank.
// Recording hours: with whom, which way, how long, what for; the commons may give them.
import type { ViewCtx } from '../web/layout.tsx';
import type { Translate } from '../web/i18n/index.ts';
import type { HoursTotals } from '../fund/index.ts';
import {
  Checkbox,
  ErrorSummary,
  Notice,
  RadioGroup,
  SelectField,
  TextField,
  formatDate,
  type FormState,
} from '../web/parts.tsx';
import type { HoursRecord } from './queries.ts';

type Key = Parameters<Translate>[0];

/** "2 h 30 min", "45 min", "−3 h". */
export function hoursText(t: Translate, minutes: number): string {
  const sign = minutes < 0 ? '−' : '';
  const m = Math.abs(minutes);
  const h = Math.floor(m / 60);
  const rest = m % 60;
  const text = h && rest ? t('time.hm', { h, m: rest }) : h ? t('time.h', { h }) : t('time.m', { m: rest });
  return sign + text;
}

function RecordLine({ v, r, answer }: { v: ViewCtx; r: HoursRecord; answer: boolean }) {
  const { t } = v;
  const me = v.member!.id;
  const gave = r.giverId === me;
  return (
    <li class="card">
      <p class="what">
        {t(gave ? 'time.youGave' : 'time.youReceived', { name: r.otherName, hours: hoursText(t, r.minutes) })}
        {r.fromCommons ? ` ${t('time.byCommons')}` : ''}
      </p>
      <p class="meta">
        {formatDate(v, r.recordedAt)}
        {r.what ? ` · ${r.what}` : ''} · {t(`time.state.${r.state}` as Key)}
      </p>
      {answer ? (
        <p class="actions">
          <form method="post" action={`/time/${r.id}/confirm`} class="inline">
            <button type="submit" class="primary">
              {t('time.confirm')}
            </button>
          </form>{' '}
          <form method="post" action={`/time/${r.id}/decline`} class="inline">
            <button type="submit">{t('time.decline')}</button>
          </form>
        </p>
      ) : r.state === 'waiting' && r.recordedBy === me ? (
        <form method="post" action={`/time/${r.id}/withdraw`}>
          <button type="submit">{t('time.withdraw')}</button>
        </form>
      ) : null}
    </li>
  );
}

export function TimePage(props: {
  v: ViewCtx;
  balance: number;
  waiting: HoursRecord[];
  records: HoursRecord[];
  totals: HoursTotals;
  refused: FormState | null;
  done?: string | undefined;
}) {
  const { v, totals } = props;
  const { t } = v;
  const n = v.network!;
  const doneKey = props.done ? (`time.done.${props.done}` as Key) : null;
  const waitingIds = new Set(props.waiting.map((r) => r.id));
  return (
    <>
      {doneKey && t(doneKey) !== doneKey ? <Notice kind="success">{t(doneKey)}</Notice> : null}
      {props.refused ? <ErrorSummary t={t} form={props.refused} /> : null}
      <h1>{t('time.title')}</h1>
      <p>{t('time.intro')}</p>
      <p>
        <strong>{t('time.yourBalance', { hours: hoursText(t, props.balance) })}</strong>
      </p>
      <p class="hint">{t('time.limits', { low: n.timeLowest, high: n.timeHighest })}</p>
      <p>
        <a class="button" href="/time/new">
          {t('time.new')}
        </a>
      </p>
      {props.waiting.length ? (
        <section aria-labelledby="waiting-title">
          <h2 id="waiting-title">{t('time.waitingTitle')}</h2>
          <ul class="cards">
            {props.waiting.map((r) => (
              <RecordLine v={v} r={r} answer />
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="records-title">
        <h2 id="records-title">{t('time.recordsTitle')}</h2>
        {props.records.length === 0 ? <p>{t('time.noRecords')}</p> : null}
        <ul class="cards">
          {props.records
            .filter((r) => !waitingIds.has(r.id))
            .map((r) => (
              <RecordLine v={v} r={r} answer={false} />
            ))}
        </ul>
      </section>
      <section aria-labelledby="network-title">
        <h2 id="network-title">{t('time.networkTitle')}</h2>
        <p>{t('time.moved', { hours: hoursText(t, totals.moved), n: totals.entries })}</p>
        <p>{t('time.commons', { hours: hoursText(t, Math.max(0, -totals.commons)), most: n.timeCommonsLowest })}</p>
        <p class="hint">{t('time.noRanking')}</p>
      </section>
    </>
  );
}

export function NewHoursPage({
  v,
  form,
  others,
}: {
  v: ViewCtx;
  form: FormState;
  others: { id: string; name: string }[];
}) {
  const { t } = v;
  return (
    <>
      <h1>{t('time.new')}</h1>
      <ErrorSummary t={t} form={form} />
      <form method="post" action="/time" novalidate>
        <SelectField
          t={t}
          form={form}
          name="other"
          label="time.other"
          required
          placeholder="time.choose"
          options={others.map((o) => ({ value: o.id, label: o.name }))}
        />
        <RadioGroup
          t={t}
          form={form}
          name="way"
          label="time.way"
          required
          options={[
            { value: 'gave', label: t('time.wayGave') },
            { value: 'received', label: t('time.wayReceived') },
          ]}
        />
        <TextField
          t={t}
          form={form}
          name="hours"
          label="time.hours"
          hint="time.hoursHint"
          required
          inputmode="decimal"
        />
        <TextField t={t} form={form} name="what" label="time.what" maxlength={300} />
        <Checkbox t={t} form={form} name="commons" label="time.fromCommons" hint="time.fromCommonsHint" />
        <input type="hidden" name="match" value={form.values.match ?? ''} />
        <button type="submit" class="primary">
          {t('time.record')}
        </button>
      </form>
    </>
  );
}

/** Under a match's thread: record the hours it took, prefilled. */
export function MatchPart(v: ViewCtx, m: { id: string; status: string }) {
  return m.status === 'active' || m.status === 'met' ? (
    <p>
      <a href={`/time/new?match=${m.id}`}>{v.t('time.fromMatch')}</a>
    </p>
  ) : null;
}
