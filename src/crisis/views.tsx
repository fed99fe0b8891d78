/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Crisis mode's page, and the board's crisis banner.
import type { ViewCtx } from '../web/layout.tsx';
import { formatDateTime, Notice } from '../web/parts.tsx';
import type { CrisisState } from './queries.ts';

function CrisisStatus({ v, state }: { v: ViewCtx; state: CrisisState }) {
  const { t } = v;
  if (state.call) {
    return (
      <>
        {t('crisis.onUntil', {
          when: formatDateTime(v, state.call.endsAt),
          a: state.call.askedByName,
          b: state.call.confirmedByName,
        })}
      </>
    );
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

export function CrisisPage(props: {
  v: ViewCtx;
  state: CrisisState;
  dispatcher: boolean;
  askedByMe: boolean;
  done?: 'asked' | 'started' | undefined;
}) {
  const { v, state } = props;
  const { t } = v;
  return (
    <>
      <h1>{t('crisis.title')}</h1>
      {props.done ? (
        <Notice kind="success">{t(props.done === 'asked' ? 'crisis.doneAsked' : 'crisis.doneStarted')}</Notice>
      ) : null}
      <p>{t('crisis.about')}</p>
      {state.on ? (
        <Notice kind="warning">
          <strong>{t('crisis.on')}</strong> <CrisisStatus v={v} state={state} />
        </Notice>
      ) : state.asked ? (
        props.askedByMe ? (
          <p>{t('crisis.waitingForSecond', { when: formatDateTime(v, state.asked.askedAt) })}</p>
        ) : (
          <form method="post" action="/crisis/confirm">
            <p>
              {t('crisis.askedBy', {
                name: state.asked.askedByName,
                when: formatDateTime(v, state.asked.askedAt),
              })}
            </p>
            <button type="submit" class="primary">
              {t('crisis.confirm')}
            </button>
          </form>
        )
      ) : (
        <form method="post" action="/crisis/ask">
          <p>{t('crisis.howToCall')}</p>
          <button type="submit" class="primary">
            {t('crisis.ask')}
          </button>
        </form>
      )}
      <h2>{t('crisis.dispatchersTitle')}</h2>
      <p>{t('crisis.dispatchersAbout')}</p>
      <p>
        {props.dispatcher ? (
          state.on ? (
            <a class="button primary" href="/dispatch">
              {t('dispatch.open')}
            </a>
          ) : (
            <>{t('crisis.youDispatch')}</>
          )
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
