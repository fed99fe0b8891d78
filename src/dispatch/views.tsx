/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Crisis mode's page, the dispatch view, and the board's crisis banner.
import type { ViewCtx } from '../web/layout.tsx';
import { categoryLabel, formatDate, formatDateTime, Notice } from '../web/parts.tsx';
import { urgencyKey } from '../exchange/views.tsx';
import type { PostView } from '../exchange/queries.ts';
import type { CrisisState } from './queries.ts';
import type { Proposal } from './proposal.ts';

function CrisisStatus({ v, state }: { v: ViewCtx; state: CrisisState }) {
  const { t } = v;
  if (state.call) {
    return <>{t('crisis.onUntil', { when: formatDateTime(v.lang, state.call.endsAt), a: state.call.askedByName, b: state.call.confirmedByName })}</>;
  }
  return <>{t('crisis.onByAgreement')}</>;
}

/** The board's banner: crisis mode on (urgent needs lead), or a quiet link to call it. */
export function CrisisBanner({ v, state, dispatcher }: { v: ViewCtx; state: CrisisState; dispatcher: boolean }) {
  const { t } = v;
  if (!state.on) {
    return (
      <p class="hint">
        <a href="/crisis">{t('crisis.linkOff')}</a>
      </p>
    );
  }
  return (
    <Notice kind="warning">
      <strong>{t('crisis.on')}</strong> <CrisisStatus v={v} state={state} /> {t('crisis.boardOrder')}{' '}
      {dispatcher ? <a href="/dispatch">{t('dispatch.open')}</a> : <a href="/crisis">{t('crisis.more')}</a>}
    </Notice>
  );
}

export function CrisisPage(props: { v: ViewCtx; state: CrisisState; dispatcher: boolean; askedByMe: boolean; done?: 'asked' | 'started' | undefined }) {
  const { v, state } = props;
  const { t } = v;
  return (
    <>
      <h1>{t('crisis.title')}</h1>
      {props.done ? <Notice kind="success">{t(props.done === 'asked' ? 'crisis.doneAsked' : 'crisis.doneStarted')}</Notice> : null}
      <p>{t('crisis.about')}</p>
      {state.on ? (
        <Notice kind="warning">
          <strong>{t('crisis.on')}</strong> <CrisisStatus v={v} state={state} />
        </Notice>
      ) : state.asked ? (
        props.askedByMe ? (
          <p>{t('crisis.waitingForSecond', { when: formatDateTime(v.lang, state.asked.askedAt) })}</p>
        ) : (
          <form method="post" action="/crisis/confirm">
            <p>{t('crisis.askedBy', { name: state.asked.askedByName, when: formatDateTime(v.lang, state.asked.askedAt) })}</p>
            <button type="submit" class="primary">{t('crisis.confirm')}</button>
          </form>
        )
      ) : (
        <form method="post" action="/crisis/ask">
          <p>{t('crisis.howToCall')}</p>
          <button type="submit" class="primary">{t('crisis.ask')}</button>
        </form>
      )}
      <h2>{t('crisis.dispatchersTitle')}</h2>
      <p>{t('crisis.dispatchersAbout')}</p>
      <p>
        {props.dispatcher ? (
          state.on ? <a class="button primary" href="/dispatch">{t('dispatch.open')}</a> : <>{t('crisis.youDispatch')}</>
        ) : (
          <a href="/roles/dispatcher">{t('crisis.becomeDispatcher')}</a>
        )}
      </p>
      <p>
        <a href="/agreements">{t('crisis.standing')}</a>
      </p>
    </>
  );
}

export function DispatchClosed({ v, why }: { v: ViewCtx; why: 'off' | 'role' }) {
  const { t } = v;
  return (
    <>
      <h1>{t('dispatch.title')}</h1>
      <p class="error-message" data-code={why === 'off' ? 'crisis_off' : 'dispatchers_only'}>{t(why === 'off' ? 'dispatch.closedOff' : 'dispatch.closedRole')}</p>
      <p>
        <a href={why === 'off' ? '/crisis' : '/roles/dispatcher'}>{t(why === 'off' ? 'crisis.title' : 'crisis.becomeDispatcher')}</a>
      </p>
    </>
  );
}

function NeedLine({ v, p }: { v: ViewCtx; p: PostView }) {
  const { t } = v;
  return (
    <p class="meta">
      <span class={`tag urgency-${p.urgency}`}>{t(urgencyKey(p.urgency))}</span> <span class="tag">{categoryLabel(t, p.category)}</span>{' '}
      <span class="tag">{p.area}</span> {t('dispatch.waitingSince', { when: formatDateTime(v.lang, p.createdAt) })}
      {p.neededBy ? <> · {t('post.neededByShort', { date: formatDate(v.lang, p.neededBy) })}</> : null}
    </p>
  );
}

const offerLabel = (v: ViewCtx, o: PostView & { room: number }) =>
  v.t('dispatch.offerOption', { what: o.what.length > 60 ? `${o.what.slice(0, 59)}…` : o.what, name: o.memberName, area: o.area, room: o.room });

export function DispatchPage(props: { v: ViewCtx; proposal: Proposal; state: CrisisState; outcome?: { sent: number; lost: number; full: number } | undefined }) {
  const { v, proposal, outcome } = props;
  const { t } = v;
  return (
    <>
      <h1>{t('dispatch.title')}</h1>
      {outcome ? (
        <Notice kind={outcome.lost || outcome.full ? 'warning' : 'success'}>
          {t('dispatch.sent', { n: outcome.sent })} {outcome.lost ? t('dispatch.lost', { n: outcome.lost }) : null}{' '}
          {outcome.full ? t('dispatch.full', { n: outcome.full }) : null}
        </Notice>
      ) : null}
      <p>{t('dispatch.about')}</p>
      <p class="hint">{t('dispatch.counts', { pairs: proposal.pairs.length, waiting: proposal.waiting.length, offers: proposal.offers })}</p>
      {proposal.pairs.length ? (
        <form method="post" action="/dispatch">
          <ol class="cards">
            {proposal.pairs.map((pair) => (
              <li class="card need">
                <p class="what">
                  <a href={`/posts/${pair.need.id}`}>{pair.need.what}</a> <span class="by">— {pair.need.memberName}</span>
                </p>
                <NeedLine v={v} p={pair.need} />
                <label for={`send_${pair.need.id}`}>{t('dispatch.sendTo')}</label>{' '}
                <select id={`send_${pair.need.id}`} name={`send_${pair.need.id}`}>
                  <option value={pair.offer.id} selected>{offerLabel(v, pair.offer)}</option>
                  {pair.others.map((o) => (
                    <option value={o.id}>{offerLabel(v, o)}</option>
                  ))}
                  <option value="">{t('dispatch.notNow')}</option>
                </select>
              </li>
            ))}
          </ol>
          <button type="submit" class="primary">{t('dispatch.confirm', { n: proposal.pairs.length })}</button>
        </form>
      ) : (
        <p>{t('dispatch.nothing')}</p>
      )}
      {proposal.waiting.length ? (
        <>
          <h2>{t('dispatch.waitingTitle')}</h2>
          <p class="hint">{t('dispatch.waitingAbout')}</p>
          <ul class="cards">
            {proposal.waiting.map((p) => (
              <li class="card need">
                <p class="what">
                  <a href={`/posts/${p.id}`}>{p.what}</a>
                </p>
                <NeedLine v={v} p={p} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
