/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Translating in the app: each language's progress (the flows everyone needs, and all), a language's messages with
// their English, one message in context with its proposals and a form, and approving another member's proposal.
import type { ViewCtx } from '../web/layout.tsx';
import { direction } from '../web/i18n/index.ts';
import { LOCALES } from '../web/i18n/locales.ts';
import { ErrorSummary, Notice, TextArea, type FormState } from '../web/parts.tsx';
import { placeOf, type Progress } from './queries.ts';

const nameOf = (lang: string) => LOCALES[lang]?.name ?? lang;
const pct = (lang: string, done: number, all: number) =>
  new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(all ? done / all : 1);

export function TranslatePage({ v, progress }: { v: ViewCtx; progress: Progress[] }) {
  const { t } = v;
  return (
    <>
      <h1>{t('translate.title')}</h1>
      <p>{t('translate.intro')}</p>
      {progress.length === 0 ? <p>{t('translate.noLanguages')}</p> : null}
      <ul class="cards">
        {progress.map((p) => (
          <li class="card">
            <p class="what">
              <a href={`/translate/${p.lang}`} lang={p.lang} dir={direction(p.lang)}>
                {nameOf(p.lang)}
              </a>
            </p>
            <p class="meta">
              {t('translate.progress', {
                essential: pct(v.lang, p.essentialDone, p.essential),
                all: pct(v.lang, p.allDone, p.all),
              })}
            </p>
            <progress
              max={p.essential}
              value={p.essentialDone}
              aria-label={t('translate.essentialOf', { language: nameOf(p.lang) })}
            >
              {p.essentialDone}/{p.essential}
            </progress>
          </li>
        ))}
      </ul>
      <p class="hint">{t('translate.offerHint')}</p>
      <form method="get" action="/translate/go" class="no-print">
        <label for="lang">{t('translate.other')}</label>{' '}
        <select id="lang" name="lang">
          {Object.entries(LOCALES)
            .filter(([code]) => code !== 'en')
            .map(([code, l]) => (
              <option value={code}>{l.name}</option>
            ))}
        </select>{' '}
        <button type="submit">{t('translate.open')}</button>
      </form>
    </>
  );
}

export function LanguagePage(props: {
  v: ViewCtx;
  lang: string;
  rows: { key: string; english: string; current: string | null; essential: boolean }[];
  proposals: { id: string; key: string; text: string; proposerName: string }[];
  progress: Progress;
  page: number;
  pages: number;
  showAll: boolean;
}) {
  const { v, lang, progress: p } = props;
  const { t } = v;
  const base = `/translate/${lang}?${props.showAll ? 'show=all&' : ''}page=`;
  return (
    <>
      <h1>{t('translate.language', { language: nameOf(lang) })}</h1>
      <p>
        {t('translate.progress', {
          essential: pct(v.lang, p.essentialDone, p.essential),
          all: pct(v.lang, p.allDone, p.all),
        })}{' '}
        <a href={`/translate/${lang}/export`}>{t('translate.export')}</a>
      </p>
      {props.proposals.length ? (
        <section aria-labelledby="waiting-title">
          <h2 id="waiting-title">{t('translate.waiting', { n: props.proposals.length })}</h2>
          <ul>
            {props.proposals.map((x) => (
              <li>
                <a href={`/translate/${lang}/${encodeURIComponent(x.key)}`}>
                  {t('translate.where', { place: placeOf(x.key) })}
                </a>
                :{' '}
                <span lang={lang} dir={direction(lang)}>
                  {x.text}
                </span>{' '}
                — {x.proposerName}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        {props.showAll ? (
          <a href={`/translate/${lang}`}>{t('translate.showMissing')}</a>
        ) : (
          <a href={`/translate/${lang}?show=all`}>{t('translate.showAll')}</a>
        )}
      </p>
      <ul class="cards compact">
        {props.rows.map((r) => (
          <li class="card">
            <p class="what">
              <a href={`/translate/${lang}/${encodeURIComponent(r.key)}`}>{r.english}</a>
            </p>
            <p class="meta">
              {t('translate.where', { place: placeOf(r.key) })}
              {r.essential ? ` · ${t('translate.essential')}` : ''}
            </p>
            {r.current ? (
              <p lang={lang} dir={direction(lang)}>
                {r.current}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      {props.pages > 1 ? (
        <p>
          {props.page > 1 ? <a href={`${base}${props.page - 1}`}>{t('translate.previous')}</a> : null}{' '}
          {t('translate.pageOf', { page: props.page, pages: props.pages })}{' '}
          {props.page < props.pages ? <a href={`${base}${props.page + 1}`}>{t('translate.next')}</a> : null}
        </p>
      ) : null}
    </>
  );
}

export function KeyPage(props: {
  v: ViewCtx;
  lang: string;
  key: string;
  english: string;
  names: string[];
  forms: string[];
  current: string | null;
  proposals: { id: string; text: string; proposedBy: string; proposerName: string }[];
  form: FormState;
  done?: string | undefined;
}) {
  const { v, lang, form } = props;
  const { t } = v;
  const me = v.member!.id;
  const doneKey =
    props.done === 'proposed'
      ? 'translate.done.proposed'
      : props.done === 'approved'
        ? 'translate.done.approved'
        : null;
  return (
    <>
      {doneKey ? <Notice kind="success">{t(doneKey)}</Notice> : null}
      <ErrorSummary t={t} form={form} />
      <p class="meta">
        <a href={`/translate/${lang}`}>{nameOf(lang)}</a>
      </p>
      <h1>{t('translate.message')}</h1>
      <p class="hint">{t('translate.where', { place: placeOf(props.key) })}</p>
      <blockquote lang="en">{props.english}</blockquote>
      {props.names.length ? <p>{t('translate.names', { names: props.names.map((n) => `{${n}}`).join(' ') })}</p> : null}
      {props.english.includes('plural') ? (
        <p class="hint">{t('translate.forms', { forms: props.forms.join(', ') })}</p>
      ) : null}
      {props.current ? (
        <>
          <h2>{t('translate.current')}</h2>
          <p lang={lang} dir={direction(lang)}>
            {props.current}
          </p>
        </>
      ) : null}
      {props.proposals.length ? (
        <section aria-labelledby="proposals-title">
          <h2 id="proposals-title">{t('translate.proposals')}</h2>
          <ul class="cards compact">
            {props.proposals.map((x) => (
              <li class="card">
                <p lang={lang} dir={direction(lang)}>
                  {x.text}
                </p>
                <p class="meta">{t('translate.by', { name: x.proposerName })}</p>
                {x.proposedBy !== me ? (
                  <form method="post" action={`/translate/proposals/${x.id}/approve`}>
                    <button type="submit">{t('translate.approve')}</button>
                  </form>
                ) : (
                  <p class="hint">{t('translate.yours')}</p>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>{t('translate.propose')}</h2>
      <form method="post" action={`/translate/${lang}/${encodeURIComponent(props.key)}`} novalidate>
        <div lang={lang} dir={direction(lang)}>
          <TextArea
            t={t}
            form={form}
            name="text"
            label="translate.text"
            hint="translate.textHint"
            required
            rows={3}
            maxlength={2000}
          />
        </div>
        <button type="submit" class="primary">
          {t('translate.send')}
        </button>
      </form>
    </>
  );
}
