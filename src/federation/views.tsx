/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Partner networks' page: what partners share with us now, the networks we are partners with (or asked, or that ask
// us), and the form to propose a partner — a decision of the members, as becoming partners is.
import type { ViewCtx } from '../web/layout.tsx';
import { DecisionFields } from '../decisions/index.ts';
import { TERMS } from './terms.ts';
import { ErrorSummary, TextArea, TextField, categoryLabel, formatDateTime, type FormState } from '../web/parts.tsx';
import type { PartnerPostView, PartnerView } from './queries.ts';
import type { ThreadMessage, ThreadView } from './threads.ts';

export function PartnersPage(props: {
  v: ViewCtx;
  partners: PartnerView[];
  shared: PartnerPostView[];
  threads: ThreadView[];
  form: FormState;
  sharing: { offers: string[]; needs: string[]; hours: number };
}) {
  const { v, partners, shared, threads, form, sharing } = props;
  const { t } = v;
  const kinds = (list: string[]) => list.map((c) => categoryLabel(t, c)).join(', ');
  return (
    <>
      <h1>{t('partner.title')}</h1>
      <p>{t('partner.intro')}</p>

      <h2>{t('partner.sharedTitle')}</h2>
      {shared.length ? (
        <ul class="cards">
          {shared.map((s) => (
            <li>
              <p>
                <strong>{t(s.kind === 'offer' ? 'partner.anOffer' : 'partner.aNeed')}</strong>
                {' · '}
                {categoryLabel(t, s.category)}
                {s.area ? ` · ${s.area}` : ''}
              </p>
              <p class="prewrap">{s.what}</p>
              <p class="hint">
                {t('partner.from', { name: s.partner })} · {formatDateTime(v, s.receivedAt)}
              </p>
              {s.kind === 'need' ? (
                <form method="post" action={`/partners/posts/${s.id}/help`}>
                  <label class="check">
                    <input type="checkbox" name="show_name" /> {t('partner.showName')}
                  </label>
                  <button type="submit">{t('partner.canHelp')}</button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('partner.sharedNone')}</p>
      )}

      {threads.length ? (
        <>
          <h2>{t('partner.threadsTitle')}</h2>
          <ul>
            {threads.map((th) => (
              <li>
                <a href={`/partners/threads/${th.id}`}>
                  {t(th.ours ? 'partner.threadOurs' : 'partner.threadTheirs', { network: th.partner })}
                </a>
                : {th.what.split('\n')[0]}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t('partner.listTitle')}</h2>
      {partners.length ? (
        <ul>
          {partners.map((p) => (
            <li>
              <strong>{p.name}</strong> ({p.host}) — {t(`partner.state.${p.state}`)}
              {p.state === 'asksUs' ? (
                <form method="get" action="/partners" class="inline">
                  <input type="hidden" name="address" value={p.actorUrl} />
                  <button type="submit">{t('partner.answer')}</button>
                </form>
              ) : null}
              {p.state === 'partners' ? (
                <>
                  <p class="meta">{t(`partner.termsNow.${p.terms}`)}</p>
                  <form method="post" action={`/partners/${p.id}/terms`} class="filters">
                    <div class="field">
                      <label for={`terms-${p.id}`}>{t('partner.termsLabel', { name: p.name })}</label>
                      <select id={`terms-${p.id}`} name="terms">
                        {TERMS.filter((x) => x !== p.terms).map((x) => (
                          <option value={x}>{t(`partner.terms.${x}`)}</option>
                        ))}
                      </select>
                    </div>
                    <button type="submit">{t('partner.termsPropose')}</button>
                  </form>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('partner.none')}</p>
      )}

      <h2>{t('partner.sharingTitle')}</h2>
      <p>
        {sharing.offers.length
          ? t('partner.sharingOffers', { kinds: kinds(sharing.offers) })
          : t('partner.sharingNoOffers')}
      </p>
      <p>
        {sharing.needs.length
          ? t('partner.sharingNeeds', { kinds: kinds(sharing.needs), hours: sharing.hours })
          : t('partner.sharingNoNeeds')}
      </p>
      <p>
        <a href="/agreements">{t('partner.sharingChange')}</a>
      </p>

      <h2 id="propose">{t('partner.propose')}</h2>
      <p>{t('partner.proposeIntro')}</p>
      <ErrorSummary t={t} form={form} />
      <form method="post" action="/partners" novalidate>
        <TextField
          t={t}
          form={form}
          name="address"
          label="partner.address"
          hint="partner.addressHint"
          required
          maxlength={300}
          inputmode="url"
        />
        <TextArea t={t} form={form} name="why" label="partner.why" rows={3} maxlength={2000} />
        <DecisionFields v={v} form={form} />
        <button type="submit" class="primary">
          {t('partner.proposeSubmit')}
        </button>
      </form>
    </>
  );
}

export function ThreadPage(props: { v: ViewCtx; thread: ThreadView; messages: ThreadMessage[]; form: FormState }) {
  const { v, thread, messages, form } = props;
  const { t } = v;
  const them = thread.theirName
    ? t('partner.them', { name: thread.theirName, network: thread.partner })
    : t('partner.someone', { network: thread.partner });
  return (
    <>
      <h1>{t(thread.ours ? 'partner.threadOurs' : 'partner.threadTheirs', { network: thread.partner })}</h1>
      <p>
        <strong>{them}</strong>
      </p>
      <p class="prewrap">{thread.what}</p>
      {thread.area ? <p class="hint">{thread.area}</p> : null}
      <p class="hint">{t('partner.threadIntro')}</p>
      {messages.length ? (
        <ol class="thread">
          {messages.map((m, i) => (
            <li id={i === messages.length - 1 ? 'last' : undefined}>
              <strong>{m.fromUs ? t('partner.you') : them}</strong> · {formatDateTime(v, m.sentAt)}
              <p class="body">{m.body}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('partner.noMessages')}</p>
      )}
      {thread.open ? (
        <>
          <ErrorSummary t={t} form={form} />
          <form method="post" action={`/partners/threads/${thread.id}`} novalidate>
            <TextArea t={t} form={form} name="body" label="partner.message" rows={3} maxlength={4000} required />
            <button type="submit" class="primary">
              {t('partner.send')}
            </button>
          </form>
        </>
      ) : (
        <p class="notice">{t('partner.threadClosed')}</p>
      )}
    </>
  );
}
