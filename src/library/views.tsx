/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The library's pages: the list, the form to add a reading (or a version of one in another language), and an item —
// which prints as a handout — with its versions and its discussion.
import type { ViewCtx } from '../web/layout.tsx';
import { direction, languageName } from '../web/i18n/index.ts';
import {
  ErrorSummary,
  Notice,
  RadioGroup,
  TextArea,
  TextField,
  formatDate,
  formatDateTime,
  type FormState,
} from '../web/parts.tsx';
import type { CommentView, ItemView } from './queries.ts';

/** An address members typed, as a link that tells the page it came from nothing and opens nothing by itself. */
const Outside = ({ url }: { url: string }) => (
  <a href={url} rel="noopener noreferrer nofollow" class="outside">
    {url}
  </a>
);

export function LibraryPage({ v, items, language }: { v: ViewCtx; items: ItemView[]; language: string | undefined }) {
  const { t } = v;
  const languages = v.network!.languages;
  return (
    <>
      <h1>{t('library.title')}</h1>
      <p>{t('library.intro')}</p>
      <p>
        <a class="button" href="/library/new">
          {t('library.add')}
        </a>
      </p>
      {languages.length > 1 ? (
        <p class="filters">
          {t('library.inLanguage')}{' '}
          <a href="/library" aria-current={language ? undefined : 'page'}>
            {t('library.all')}
          </a>
          {languages.map((l) => (
            <>
              {' · '}
              <a href={`/library?language=${l}`} lang={l} aria-current={language === l ? 'page' : undefined}>
                {languageName(l)}
              </a>
            </>
          ))}
        </p>
      ) : null}
      {items.length === 0 ? <p>{t('library.empty')}</p> : null}
      <ul class="cards">
        {items.map((i) => (
          <li class="card" lang={i.language} dir={direction(i.language)}>
            <p class="what">
              <a href={`/library/${i.id}`}>{i.title}</a>
            </p>
            {i.about ? <p>{i.about}</p> : null}
            <p class="meta" lang={v.lang} dir={direction(v.lang)}>
              <span class="tag">{languageName(i.language)}</span>{' '}
              {t('library.addedBy', { name: i.addedByName, date: formatDate(v, i.addedAt) })}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

export function NewItemPage({ v, form, versionOf }: { v: ViewCtx; form: FormState; versionOf: ItemView | null }) {
  const { t } = v;
  return (
    <>
      <h1>{versionOf ? t('library.newVersion', { title: versionOf.title }) : t('library.new')}</h1>
      <p class="hint">{t('library.newHint')}</p>
      <ErrorSummary t={t} form={form} />
      <form method="post" action="/library" novalidate>
        {versionOf ? <input type="hidden" name="version_of" value={versionOf.id} /> : null}
        <TextField t={t} form={form} name="title" label="library.itemTitle" required maxlength={120} />
        <RadioGroup
          t={t}
          form={form}
          name="language"
          label="library.language"
          required
          options={v.network!.languages.map((l) => ({ value: l, label: languageName(l) }))}
        />
        <TextArea
          t={t}
          form={form}
          name="about"
          label="library.about"
          hint="library.aboutHint"
          rows={2}
          maxlength={1000}
        />
        <TextField
          t={t}
          form={form}
          name="url"
          type="url"
          label="library.url"
          hint="library.urlHint"
          maxlength={2000}
          sometimes
        />
        <TextArea t={t} form={form} name="body" label="library.body" hint="library.bodyHint" rows={10} sometimes />
        <button type="submit" class="primary">
          {t('library.submit')}
        </button>
      </form>
    </>
  );
}

export function ItemPage(props: {
  v: ViewCtx;
  item: ItemView;
  versions: ItemView[];
  comments: CommentView[];
  usedIn: { id: string; title: string; startsAt: Date }[];
  form: FormState;
  done?: string | undefined;
}) {
  const { v, item } = props;
  const { t } = v;
  const mine = item.addedBy === v.member!.id;
  return (
    <>
      {props.done === 'comment' ? <Notice kind="success">{t('library.commented')}</Notice> : null}
      {props.done === 'added' ? <Notice kind="success">{t('library.added')}</Notice> : null}
      <article class="handout" lang={item.language} dir={direction(item.language)}>
        <h1>{item.title}</h1>
        {item.about ? <p class="about">{item.about}</p> : null}
        {item.body ? <div class="prewrap">{item.body}</div> : null}
        {item.url ? (
          <p>
            <Outside url={item.url} />
          </p>
        ) : null}
        <p class="hint">
          {v.network!.networkName} ·{' '}
          {t('library.addedBy', { name: item.addedByName, date: formatDate(v, item.addedAt) })}
        </p>
      </article>
      <section class="no-print" aria-labelledby="versions-title">
        <h2 id="versions-title">{t('library.versions')}</h2>
        {props.versions.length ? (
          <ul>
            {props.versions.map((x) => (
              <li lang={x.language}>
                <a href={`/library/${x.id}`}>{x.title}</a> ({languageName(x.language)})
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('library.noVersions')}</p>
        )}
        <p>
          <a href={`/library/new?version_of=${item.id}`}>{t('library.addVersion')}</a>
        </p>
        <p class="hint">{t('library.print')}</p>
      </section>
      <section class="no-print" aria-labelledby="used-title">
        <h2 id="used-title">{t('library.usedIn')}</h2>
        {props.usedIn.length ? (
          <ul>
            {props.usedIn.map((e) => (
              <li>
                <a href={`/events/${e.id}`}>{e.title}</a> ({formatDate(v, e.startsAt)})
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('library.notUsed')}</p>
        )}
        <p>
          <a href={`/events/new?reading=${item.id}`}>{t('library.useInEvent')}</a>
        </p>
      </section>
      <section class="no-print" aria-labelledby="talk-title" id="discussion">
        <h2 id="talk-title">{t('library.discussion')}</h2>
        {props.comments.length === 0 ? <p>{t('library.noComments')}</p> : null}
        <ol class="thread">
          {props.comments.map((c) => (
            <li class="theirs">
              <p class="who">
                {c.name} · <time datetime={c.at.toISOString()}>{formatDateTime(v, c.at)}</time>
              </p>
              <p class="body">{c.body}</p>
            </li>
          ))}
        </ol>
        <ErrorSummary t={t} form={props.form} />
        <form method="post" action={`/library/${item.id}/comments`} novalidate>
          <TextArea t={t} form={props.form} name="comment" label="library.comment" required rows={3} maxlength={2000} />
          <button type="submit">{t('library.commentSubmit')}</button>
        </form>
      </section>
      {mine ? (
        <form method="post" action={`/library/${item.id}/take-down`} class="no-print">
          <button type="submit">{t('library.takeDown')}</button>
        </form>
      ) : null}
    </>
  );
}
