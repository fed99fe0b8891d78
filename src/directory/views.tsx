/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The directory's pages: the map and the list of networks, our profile (for members), the contact form a visitor
// writes to us with, and the messages visitors left.
import { raw } from 'hono/html';
import type { ViewCtx } from '../web/layout.tsx';
import type { MessageKey as Key } from '../web/i18n/index.ts';
import { ErrorSummary, Notice, TextArea, TextField, formatDateTime, type FormState } from '../web/parts.tsx';
import { SHOWS, type Entry, type Show } from './listing.ts';
import type { MessageView } from './queries.ts';

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

function EntryItem({ v, e }: { v: ViewCtx; e: Entry }) {
  const { t } = v;
  const kind = e.category ? t(`directory.kind.${e.category}` as Key) : null;
  return (
    <li id={e.key} class={`network ${e.source}`}>
      <h2>{e.name}</h2>
      <p class="meta">
        {t(`directory.legend.${e.source}` as Key)} · {e.place}
        {kind && kind !== `directory.kind.${e.category}` ? ` · ${kind}` : null}
        {e.position ? null : ` · ${t('directory.noPlace')}`}
      </p>
      {e.about ? <p>{e.about}</p> : null}
      {e.host ? <p class="meta">{t('directory.partnerAt', { host: e.host })}</p> : null}
      {e.contact ? (
        <p>
          <a href={e.contact}>{t(e.source === 'ours' ? 'directory.writeToUs' : 'directory.writeToThem')}</a>
        </p>
      ) : null}
      {e.link ? (
        <p>
          <a href={e.link} rel="nofollow noopener noreferrer">
            {t('directory.theirPage', { host: hostOf(e.link) })}
          </a>
        </p>
      ) : null}
    </li>
  );
}

export type DirectoryProps = {
  v: ViewCtx;
  map: string;
  entries: Entry[];
  found: number;
  q: string;
  show: Show;
  page: number;
  pages: number;
  /** For members: our profile as it stands, and how many messages visitors left. */
  ours: { place: string; messages: number } | null;
};

export function DirectoryPage(p: DirectoryProps) {
  const { v } = p;
  const { t } = v;
  const at = (page: number) => `/directory?${new URLSearchParams({ q: p.q, show: p.show, page: String(page) })}`;
  return (
    <>
      <h1>{t('directory.title')}</h1>
      <p>{t('directory.intro')}</p>
      <form method="get" action="/directory" class="filters" role="search">
        <div class="field">
          <label for="q">{t('directory.search')}</label>
          <input id="q" name="q" type="search" value={p.q} maxlength={200} />
        </div>
        <div class="field">
          <label for="show">{t('directory.show')}</label>
          <select id="show" name="show">
            {SHOWS.map((s) => (
              <option value={s} selected={s === p.show}>
                {t(`directory.show.${s}` as Key)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('directory.find')}</button>
      </form>
      <figure class="map">{raw(p.map)}</figure>
      <ul class="legend plain">
        {(['ours', 'partner', 'listed'] as const).map((s) => (
          <li>
            <span class={`key ${s}`} aria-hidden="true"></span> {t(`directory.legend.${s}`)}
          </li>
        ))}
      </ul>
      <p role="status">{t('directory.found', { count: p.found })}</p>
      <ul class="plain networks">
        {p.entries.map((e) => (
          <EntryItem v={v} e={e} />
        ))}
      </ul>
      {p.pages > 1 ? (
        <nav class="pager" aria-label={t('directory.page', { page: p.page, pages: p.pages })}>
          {p.page > 1 ? <a href={at(p.page - 1)}>{t('directory.previous')}</a> : null}{' '}
          <span>{t('directory.page', { page: p.page, pages: p.pages })}</span>{' '}
          {p.page < p.pages ? <a href={at(p.page + 1)}>{t('directory.next')}</a> : null}
        </nav>
      ) : null}
      {p.ours ? (
        <section>
          <h2>{t('directory.ourProfile')}</h2>
          <p>{p.ours.place ? t('directory.listedAs', { place: p.ours.place }) : t('directory.notListed')}</p>
          <p>
            <a href="/decisions/new?agreement=directory_place">{t('directory.changeProfile')}</a>
          </p>
          <p>
            {p.ours.messages ? (
              <a href="/directory/messages">{t('directory.messages', { count: p.ours.messages })}</a>
            ) : (
              t('directory.messages', { count: 0 })
            )}
          </p>
        </section>
      ) : null}
    </>
  );
}

export function ContactPage(p: { v: ViewCtx; form: FormState; network: string; sent: boolean }) {
  const { v, form } = p;
  const { t } = v;
  return (
    <>
      {p.sent ? <Notice kind="success">{t('directory.sent')}</Notice> : null}
      <ErrorSummary t={t} form={form} />
      <h1>{t('directory.contactTitle', { network: p.network })}</h1>
      <p>{t('directory.contactIntro', { network: p.network })}</p>
      <form method="post" action="/directory/contact" novalidate>
        <TextArea t={t} form={form} name="body" label="directory.body" required rows={6} maxlength={2000} />
        <TextField t={t} form={form} name="reply" label="directory.reply" hint="directory.replyHint" maxlength={200} />
        <button type="submit" class="primary">
          {t('directory.send')}
        </button>
      </form>
    </>
  );
}

export function MessagesPage({ v, messages }: { v: ViewCtx; messages: MessageView[] }) {
  const { t } = v;
  return (
    <>
      <h1>{t('directory.messagesTitle')}</h1>
      <p>{t('directory.messagesIntro')}</p>
      <ul class="plain">
        {messages.map((m) => (
          <li class="card">
            <p class="meta">{formatDateTime(v, m.sentAt)}</p>
            <p class="prewrap">{m.body}</p>
            <p class="meta">{m.reply ? t('directory.replyTo', { reply: m.reply }) : t('directory.noReply')}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
