/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Wellness calls' pages: the rounds (how far each has come, counts only) and who asked to be called (how many, by
// language); asking to be called; adding a neighbour who asked; opening a round with its script in each language; a
// round with "Take the next call"; and the call a caller holds — the number, the script in the person's language,
// and what came of it. Nobody's number is shown but to the caller holding the call.
import type { ViewCtx } from '../web/layout.tsx';
import type { Translate } from '../web/i18n/index.ts';
import { direction, languageName } from '../web/i18n/index.ts';
import {
  Checkbox,
  ErrorSummary,
  Notice,
  SelectField,
  TextArea,
  TextField,
  categoryLabel,
  formatDateTime,
  formatTime,
  type FormState,
  AreaField,
} from '../web/parts.tsx';
import { HOLD_MINUTES } from './commands.ts';
import type { HeldCall, RoundView } from './queries.ts';

type Key = Parameters<Translate>[0];

export function CallsPage(props: {
  v: ViewCtx;
  rounds: RoundView[];
  people: { language: string; n: string }[];
  asked: boolean;
  neighbours: { id: string; name: string | null; language: string; area: string }[];
  now: Date;
  done?: string | undefined;
}) {
  const { v } = props;
  const { t } = v;
  const doneKey = props.done ? (`call.done.${props.done}` as Key) : null;
  const open = props.rounds.filter((r) => !r.closedAt && r.closesAt > props.now);
  const total = props.people.reduce((s, p) => s + Number(p.n), 0);
  return (
    <>
      {doneKey && t(doneKey) !== doneKey ? <Notice kind="success">{t(doneKey)}</Notice> : null}
      <h1>{t('call.title')}</h1>
      <p>{t('call.intro')}</p>
      <p>
        {t('call.people', { n: total })}
        {props.people.length ? ` (${props.people.map((p) => `${languageName(p.language)}: ${p.n}`).join(', ')})` : ''}
      </p>
      <p>
        <a class="button" href="/calls/me">
          {props.asked ? t('call.meChange') : t('call.me')}
        </a>{' '}
        <a class="button" href="/calls/neighbours/new">
          {t('call.neighbour')}
        </a>{' '}
        <a class="button" href="/calls/new">
          {t('call.newRound')}
        </a>
      </p>
      <h2>{t('call.rounds')}</h2>
      {props.rounds.length === 0 ? <p>{t('call.noRounds')}</p> : null}
      <ul class="cards">
        {props.rounds.map((r) => (
          <li class="card">
            <p class="what">
              <a href={`/calls/rounds/${r.id}`}>{r.title}</a>
            </p>
            <p class="meta">
              {open.includes(r) ? t('call.openUntil', { when: formatDateTime(v, r.closesAt) }) : t('call.closed')} ·{' '}
              {t('call.progress', { done: r.done, total: r.total, needs: r.needs })}
            </p>
          </li>
        ))}
      </ul>
      {props.neighbours.length ? (
        <section aria-labelledby="neighbours-title">
          <h2 id="neighbours-title">{t('call.yourNeighbours')}</h2>
          <ul>
            {props.neighbours.map((n) => (
              <li>
                {n.name} · {languageName(n.language)} · {n.area}{' '}
                <form method="post" action={`/calls/people/${n.id}/stop`} class="inline">
                  <button type="submit" class="link">
                    {t('call.stopThem')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function ReachFields({ v, form }: { v: ViewCtx; form: FormState }) {
  const { t } = v;
  return (
    <>
      <TextField t={t} form={form} name="phone" label="call.phone" hint="call.phoneHint" type="tel" required />
      <SelectField
        t={t}
        form={form}
        name="language"
        label="call.language"
        required
        options={v.network!.languages.map((l) => ({ value: l, label: languageName(l) }))}
      />
      <AreaField t={t} form={form} label="call.area" areas={v.network!.areas} />
    </>
  );
}

export function MePage({ v, form, asked }: { v: ViewCtx; form: FormState; asked: boolean }) {
  const { t } = v;
  return (
    <>
      <h1>{t('call.me')}</h1>
      <p>{t('call.meIntro')}</p>
      <ErrorSummary t={t} form={form} />
      <form method="post" action="/calls/me" novalidate>
        <ReachFields v={v} form={form} />
        <button type="submit" class="primary">
          {t('call.meSave')}
        </button>
      </form>
      {asked ? (
        <form method="post" action="/calls/me/stop">
          <button type="submit">{t('call.meStop')}</button>
        </form>
      ) : null}
    </>
  );
}

export function NeighbourPage({ v, form }: { v: ViewCtx; form: FormState }) {
  const { t } = v;
  return (
    <>
      <h1>{t('call.neighbour')}</h1>
      <p>{t('call.neighbourIntro')}</p>
      <ErrorSummary t={t} form={form} />
      <form method="post" action="/calls/neighbours" novalidate>
        <TextField t={t} form={form} name="name" label="call.name" hint="call.nameHint" required maxlength={60} />
        <ReachFields v={v} form={form} />
        <Checkbox t={t} form={form} name="consent" label="call.consent" />
        {form.errors.consent ? <p class="error">{t(form.errors.consent)}</p> : null}
        <button type="submit" class="primary">
          {t('call.neighbourSave')}
        </button>
      </form>
    </>
  );
}

export function NewRoundPage({ v, form }: { v: ViewCtx; form: FormState }) {
  const { t } = v;
  return (
    <>
      <h1>{t('call.newRound')}</h1>
      <ErrorSummary t={t} form={form} />
      <form method="post" action="/calls" novalidate>
        <TextField t={t} form={form} name="title" label="call.roundTitle" hint="call.roundTitleHint" required />
        <TextField t={t} form={form} name="hours" label="call.hours" type="number" inputmode="numeric" required />
        {v.network!.languages.map((l) => (
          <div lang={l} dir={direction(l)}>
            <TextArea
              t={t}
              form={form}
              name={`script_${l}`}
              label="call.script"
              hint="call.scriptHint"
              rows={4}
              maxlength={2000}
            />
            <p class="hint">{languageName(l)}</p>
          </div>
        ))}
        <button type="submit" class="primary">
          {t('call.open')}
        </button>
      </form>
    </>
  );
}

export function RoundPage(props: {
  v: ViewCtx;
  round: RoundView;
  form: FormState;
  now: Date;
  done?: string | undefined;
}) {
  const { v, round: r } = props;
  const { t } = v;
  const open = !r.closedAt && r.closesAt > props.now;
  const doneKey = props.done ? (`call.done.${props.done}` as Key) : null;
  return (
    <>
      {doneKey && t(doneKey) !== doneKey ? <Notice kind="success">{t(doneKey)}</Notice> : null}
      <ErrorSummary t={t} form={props.form} />
      <h1>{r.title}</h1>
      <p>{t('call.progress', { done: r.done, total: r.total, needs: r.needs })}</p>
      <p class="meta">
        {open ? t('call.openUntil', { when: formatDateTime(v, r.closesAt) }) : t('call.closed')} ·{' '}
        {t('call.held', { n: r.held })}
      </p>
      {open && r.done < r.total ? (
        <form method="post" action={`/calls/rounds/${r.id}/take`}>
          <button type="submit" class="primary">
            {t('call.take')}
          </button>
          <p class="hint">{t('call.takeHint', { minutes: HOLD_MINUTES })}</p>
        </form>
      ) : null}
    </>
  );
}

export function CallPage(props: {
  v: ViewCtx;
  call: HeldCall;
  round: RoundView;
  phone: string;
  script: string;
  inTheirWords: Translate;
  form: FormState;
}) {
  const { v, call, form } = props;
  const { t } = v;
  return (
    <>
      <ErrorSummary t={t} form={form} />
      <p class="meta">{props.round.title}</p>
      <h1>{call.name}</h1>
      <p class="big-number">
        <a href={`tel:${props.phone.replace(/[^\d+]/g, '')}`}>{props.phone}</a>
      </p>
      <p>
        {languageName(call.language)} · {call.area} · {t('call.heldUntil', { time: formatTime(v, call.heldUntil!) })}
        {call.tries ? ` · ${t('call.tries', { n: call.tries })}` : ''}
      </p>
      <section aria-labelledby="script-title" lang={call.language} dir={direction(call.language)}>
        <h2 id="script-title">{t('call.scriptTitle')}</h2>
        <p class="prewrap">{props.script}</p>
      </section>
      <h2>{t('call.outcome')}</h2>
      <form method="post" action={`/calls/${call.id}/outcome`}>
        <button type="submit" name="outcome" value="fine" class="primary">
          {t('call.fine')}
        </button>{' '}
        <button type="submit" name="outcome" value="no_answer">
          {t('call.noAnswer')}
        </button>{' '}
        <button type="submit" name="outcome" value="in_person">
          {t('call.inPerson')}
        </button>
      </form>
      <details open={!!form.errors.what || !!form.errors.category || undefined}>
        <summary>{t('call.needs')}</summary>
        <form method="post" action={`/calls/${call.id}/outcome`} novalidate>
          <input type="hidden" name="outcome" value="needs" />
          <TextArea
            t={t}
            form={form}
            name="what"
            label="call.what"
            hint="call.whatHint"
            required
            rows={3}
            maxlength={1000}
          />
          <SelectField
            t={t}
            form={form}
            name="category"
            label="post.category"
            required
            options={v.network!.categories.map((c) => ({ value: c, label: categoryLabel(t, c) }))}
          />
          <SelectField
            t={t}
            form={form}
            name="urgency"
            label="call.urgency"
            required
            options={(['urgent', 'soon', 'whenever'] as const).map((u) => ({
              value: u,
              label: t(`urgency.${u}` as Key),
            }))}
          />
          <button type="submit" class="primary">
            {t('call.postNeed')}
          </button>
        </form>
      </details>
      <form method="post" action={`/calls/${call.id}/release`}>
        <button type="submit">{t('call.release')}</button>
      </form>
    </>
  );
}

export function SlipGiven({ v, name, code, roundId }: { v: ViewCtx; name: string; code: string; roundId: string }) {
  const { t } = v;
  return (
    <>
      <h1>{t('call.slipTitle')}</h1>
      <Notice kind="success">{t('call.slipPosted', { name })}</Notice>
      <p>{t('call.slipGive', { name })}</p>
      <p class="code" lang="en" translate="no">
        {code}
      </p>
      <p>
        <a href={`/calls/rounds/${roundId}`}>{t('call.backToRound')}</a>
      </p>
    </>
  );
}
