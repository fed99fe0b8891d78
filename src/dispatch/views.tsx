/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The dispatch view: the proposed pairs, to adjust and send.
import type { ViewCtx } from '../web/layout.tsx';
import { categoryLabel, formatDate, formatDateTime, Notice } from '../web/parts.tsx';
import { urgencyKey } from '../exchange/index.ts';
import type { PostView } from '../exchange/index.ts';
import type { CrisisState } from '../crisis/index.ts';
import type { Proposal } from './proposal.ts';

export function DispatchClosed({ v, why }: { v: ViewCtx; why: 'off' | 'role' }) {
  const { t } = v;
  return (
    <>
      <h1>{t('dispatch.title')}</h1>
      <p class="error-message" data-code={why === 'off' ? 'crisis_off' : 'dispatchers_only'}>
        {t(why === 'off' ? 'dispatch.closedOff' : 'dispatch.closedRole')}
      </p>
      <p>
        <a href={why === 'off' ? '/crisis' : '/roles/dispatcher'}>
          {t(why === 'off' ? 'crisis.title' : 'crisis.becomeDispatcher')}
        </a>
      </p>
    </>
  );
}

function NeedLine({ v, p }: { v: ViewCtx; p: PostView }) {
  const { t } = v;
  return (
    <p class="meta">
      <span class={`tag urgency-${p.urgency}`}>{t(urgencyKey(p.urgency))}</span>{' '}
      <span class="tag">{categoryLabel(t, p.category)}</span> <span class="tag">{p.area}</span>{' '}
      {t('dispatch.waitingSince', { when: formatDateTime(v.lang, p.createdAt) })}
      {p.neededBy ? <> · {t('post.neededByShort', { date: formatDate(v.lang, p.neededBy) })}</> : null}
    </p>
  );
}

const offerLabel = (v: ViewCtx, o: PostView & { room: number }) =>
  v.t('dispatch.offerOption', {
    what: o.what.length > 60 ? `${o.what.slice(0, 59)}…` : o.what,
    name: o.memberName,
    area: o.area,
    room: o.room,
  });

export function DispatchPage(props: {
  v: ViewCtx;
  proposal: Proposal;
  state: CrisisState;
  outcome?: { sent: number; lost: number; full: number } | undefined;
}) {
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
      <p class="hint">
        {t('dispatch.counts', {
          pairs: proposal.pairs.length,
          waiting: proposal.waiting.length,
          offers: proposal.offers,
        })}
      </p>
      {proposal.pairs.length ? (
        <form method="post" action="/dispatch">
          <ol class="cards">
            {proposal.pairs.map((pair) => (
              <li class="card need">
                <p class="what">
                  <a href={`/posts/${pair.need.id}`}>{pair.need.what}</a>{' '}
                  <span class="by">— {pair.need.memberName}</span>
                </p>
                <NeedLine v={v} p={pair.need} />
                <label for={`send_${pair.need.id}`}>{t('dispatch.sendTo')}</label>{' '}
                <select id={`send_${pair.need.id}`} name={`send_${pair.need.id}`}>
                  <option value={pair.offer.id} selected>
                    {offerLabel(v, pair.offer)}
                  </option>
                  {pair.others.map((o) => (
                    <option value={o.id}>{offerLabel(v, o)}</option>
                  ))}
                  <option value="">{t('dispatch.notNow')}</option>
                </select>
              </li>
            ))}
          </ol>
          <button type="submit" class="primary">
            {t('dispatch.confirm', { n: proposal.pairs.length })}
          </button>
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
