/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Asking for someone without a phone: the slip they take away (printed or copied by hand), and the page where the
// slip's code shows how what was asked for them is going — for them, or for a member at a hotline or a table.
import type { ViewCtx } from '../web/layout.tsx';
import { raw } from 'hono/html';
import type { Translate } from '../web/i18n/index.ts';
import { direction } from '../web/i18n/index.ts';
import {
  ErrorSummary,
  Notice,
  TextField,
  categoryLabel,
  formatDate,
  formatDateTime,
  type FormState,
} from '../web/parts.tsx';
import type { MatchView, MessageView, PostView } from './queries.ts';
import { statusKey } from './views.tsx';

/** The slip, in the person's language (`st`), once, right after the need is posted. */
export function SlipPage(props: {
  v: ViewCtx;
  st: Translate;
  personLang: string;
  name: string;
  what: string;
  code: string;
  publicUrl: string;
  needsSecond: boolean;
  /** A QR code to the follow page (an SVG made on the server: no script, no request elsewhere). */
  qrSvg: string;
}) {
  const { v, st } = props;
  const { t } = v;
  return (
    <>
      <h1 class="no-print">{t('slip.title', { name: props.name })}</h1>
      <Notice kind="success">
        <p class="no-print">{t('slip.posted', { name: props.name })}</p>
      </Notice>
      <p class="no-print">{t('slip.give', { name: props.name })}</p>
      <div class="code-card slip" lang={props.personLang} dir={direction(props.personLang)}>
        <p>
          <strong>{v.network!.networkName}</strong> · {props.name}
        </p>
        <p>{st('slip.asked', { what: props.what })}</p>
        <p class="code" lang="en" translate="no">
          {props.code}
        </p>
        <figure class="qr slip-qr">{raw(props.qrSvg)}</figure>
        <p>{st('slip.follow', { address: `${props.publicUrl}/slip` })}</p>
        <p>{st('slip.signIn', { address: `${props.publicUrl}/sign-in` })}</p>
        <p class="hint">{st('slip.keep')}</p>
      </div>
      {props.needsSecond ? <Notice kind="warning">{t('slip.needsSecond', { name: props.name })}</Notice> : null}
      <p class="hint no-print">{t('slip.once')}</p>
      <p class="no-print">
        <a class="button" href="/posts/for-someone">
          {t('slip.another')}
        </a>{' '}
        <a href="/board">{t('slip.board')}</a>
      </p>
    </>
  );
}

/** Where a slip's code is typed to follow what was asked. */
export function FollowFormPage({ v, form }: { v: ViewCtx; form: FormState }) {
  const { t } = v;
  return (
    <>
      <h1>{t('follow.title')}</h1>
      <p>{t('follow.intro')}</p>
      <ErrorSummary t={t} form={form} />
      <form method="post" action="/slip" novalidate>
        <TextField
          t={t}
          form={form}
          name="code"
          label="follow.code"
          hint="follow.codeHint"
          required
          maxlength={40}
          autocomplete="off"
        />
        <button type="submit" class="primary">
          {t('follow.submit')}
        </button>
      </form>
    </>
  );
}

export type Followed = {
  name: string;
  posts: PostView[];
  matches: (MatchView & { messages: MessageView[] })[];
  waitsForSecond: boolean;
};

/**
 * What the slip's code shows: the person's needs and how each is going, who is helping, and what they wrote (the
 * holder of the code is the person, or someone they showed it to). Signing in with it is offered, not done.
 */
export function FollowPage({ v, f, code }: { v: ViewCtx; f: Followed; code: string }) {
  const { t } = v;
  return (
    <>
      <h1>{t('follow.for', { name: f.name })}</h1>
      {f.posts.length === 0 ? <p>{t('follow.nothing')}</p> : null}
      <ul class="cards">
        {f.posts.map((p) => {
          const helping = f.matches.filter((m) => m.postId === p.id);
          return (
            <li class={`card ${p.kind}`}>
              <p class="what">{p.what}</p>
              <p class="meta">
                <span class="tag">{t(statusKey(p.status))}</span>{' '}
                <span class="tag">{categoryLabel(t, p.category)}</span> <span class="tag">{p.area}</span>{' '}
                {p.neededBy ? <span>{t('post.neededByShort', { date: formatDate(v, p.neededBy) })}</span> : null}
              </p>
              {helping.map((m) => (
                <div>
                  <p>
                    {m.status === 'active'
                      ? t('follow.helping', { name: m.helperName })
                      : m.status === 'met'
                        ? t('follow.met', { name: m.helperName })
                        : t('follow.released', { name: m.helperName })}
                  </p>
                  {m.messages.length ? (
                    <ol class="thread">
                      {m.messages.map((msg) => (
                        <li class="theirs">
                          <p class="who">
                            {msg.authorName ?? t('follow.someone')} ·{' '}
                            <time datetime={msg.createdAt.toISOString()}>{formatDateTime(v, msg.createdAt)}</time>
                          </p>
                          <p class="body">{msg.body}</p>
                        </li>
                      ))}
                    </ol>
                  ) : null}
                </div>
              ))}
              {p.status === 'open' && helping.length === 0 ? <p class="hint">{t('follow.waiting')}</p> : null}
            </li>
          );
        })}
      </ul>
      <section aria-labelledby="sign-in-title">
        <h2 id="sign-in-title">{t('follow.signInTitle')}</h2>
        {f.waitsForSecond ? (
          <Notice kind="warning">{t('error.slipWaitsForSecond')}</Notice>
        ) : (
          <>
            <p>{t('follow.signInHow')}</p>
            <form method="post" action="/sign-in/code">
              <input type="hidden" name="code" value={code} />
              <button type="submit" class="primary">
                {t('follow.signIn')}
              </button>
            </form>
          </>
        )}
      </section>
    </>
  );
}
