/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The dispatch view: the proposed pairs, to adjust and send.
import type { ViewCtx } from '../web/layout.tsx';
import { categoryLabel, formatDate, formatDateTime, Notice } from '../web/parts.tsx';
import { urgencyKey } from '../exchange/index.ts';
import type { PostView } from '../exchange/index.ts';
import type { CrisisState } from '../crisis/index.ts';
import type { Proposal } from './proposal.ts';
import type { DispatchablePost } from '../exchange/index.ts';

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

function NeedLine({ v, p, notes }: { v: ViewCtx; p: PostView; notes?: Map<string, string[]> | undefined }) {
  const { t } = v;
  return (
    <>
      <p class="meta">
        <span class={`tag urgency-${p.urgency}`}>{t(urgencyKey(p.urgency))}</span>{' '}
        <span class="tag">{categoryLabel(t, p.category)}</span> <span class="tag">{p.area}</span>{' '}
        {t('dispatch.waitingSince', { when: formatDateTime(v, p.createdAt) })}
        {p.neededBy ? <> · {t('post.neededByShort', { date: formatDate(v, p.neededBy) })}</> : null}
      </p>
      {(notes?.get(p.id) ?? []).map((note) => (
        <p class="meta">{note}</p>
      ))}
    </>
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
  /** What other domains say of each need (web/domain.ts postNotes). */
  notes?: Map<string, string[]>;
}) {
  const { v, proposal, outcome, notes } = props;
  const { t } = v;
  // Needs no offer of their kind can take: the dispatcher may still send one another kind when they judge it fits.
  const choosable = proposal.waiting.filter((w) => w.others.length || w.elsewhere.length);
  const stuck = proposal.waiting.filter((w) => !w.others.length && !w.elsewhere.length);
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
      {proposal.pairs.length || choosable.length ? (
        <form method="post" action="/dispatch">
          <ol class="cards">
            {proposal.pairs.map((pair) => (
              <li class="card need">
                <p class="what">
                  <a href={`/posts/${pair.need.id}`}>{pair.need.what}</a>{' '}
                  <span class="by">— {pair.need.memberName}</span>
                </p>
                <NeedLine v={v} p={pair.need} notes={notes} />
                <OfferChoice
                  v={v}
                  need={pair.need}
                  chosen={pair.offer}
                  others={pair.others}
                  elsewhere={pair.elsewhere}
                />
              </li>
            ))}
          </ol>
          {choosable.length ? (
            <>
              <h2>{t('dispatch.waitingTitle')}</h2>
              <p class="hint">{t('dispatch.waitingAbout')}</p>
              <ol class="cards">
                {choosable.map((w) => (
                  <li class="card need">
                    <p class="what">
                      <a href={`/posts/${w.need.id}`}>{w.need.what}</a> <span class="by">— {w.need.memberName}</span>
                    </p>
                    <NeedLine v={v} p={w.need} notes={notes} />
                    <OfferChoice v={v} need={w.need} others={w.others} elsewhere={w.elsewhere} />
                  </li>
                ))}
              </ol>
            </>
          ) : null}
          <button type="submit" class="primary">
            {t('dispatch.confirm', { n: proposal.pairs.length })}
          </button>
        </form>
      ) : (
        <p>{t('dispatch.nothing')}</p>
      )}
      {stuck.length ? (
        <>
          <h2>{t('dispatch.stuckTitle')}</h2>
          <p class="hint">{t('dispatch.stuckAbout')}</p>
          <ul class="cards">
            {stuck.map((w) => (
              <li class="card need">
                <p class="what">
                  <a href={`/posts/${w.need.id}`}>{w.need.what}</a>
                </p>
                <NeedLine v={v} p={w.need} notes={notes} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** The offer a need goes to: the proposed one (or "not now"), others of its kind, and any other kind's, grouped. */
function OfferChoice(props: {
  v: ViewCtx;
  need: PostView;
  chosen?: DispatchablePost;
  others: DispatchablePost[];
  elsewhere: DispatchablePost[];
}) {
  const { v, need } = props;
  const { t } = v;
  const id = `send_${need.id}`;
  return (
    <>
      <label for={id}>{t('dispatch.sendTo')}</label>{' '}
      <select id={id} name={id}>
        {props.chosen ? (
          <option value={props.chosen.id} selected>
            {offerLabel(v, props.chosen)}
          </option>
        ) : (
          <option value="" selected>
            {t('dispatch.notNow')}
          </option>
        )}
        {props.others.map((o) => (
          <option value={o.id}>{offerLabel(v, o)}</option>
        ))}
        {props.elsewhere.length ? (
          <optgroup label={t('dispatch.otherKinds')}>
            {props.elsewhere.map((o) => (
              <option value={o.id}>{offerLabel(v, o)}</option>
            ))}
          </optgroup>
        ) : null}
        {props.chosen ? <option value="">{t('dispatch.notNow')}</option> : null}
      </select>
    </>
  );
}
