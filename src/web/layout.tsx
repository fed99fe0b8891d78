/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The page shell: language and direction, navigation, and where a page's few scripts go (with the CSP nonce).
import type { Child } from 'hono/jsx';
import type { SessionMember } from './context.ts';
import type { MessageKey, Translate } from './i18n/index.ts';
import { direction } from './i18n/index.ts';
import type { Registry } from './domain.ts';
import type { Network } from './context.ts';
import { formatTime } from './parts.tsx';

export type ViewCtx = {
  t: Translate;
  lang: string;
  /** The network's time zone (agreement time_zone): every time on the page is shown in it. */
  zone: string;
  member: SessionMember | null;
  nonce: string;
  network: Network | null;
  /** The domains' navigation entries (src/domains.ts), with their counts for this member. */
  nav: NavLink[];
  /** What the domains declare: how a proposal's action reads, how a notification reads. */
  registry: Registry;
  path: string;
};

export type NavLink = { href: string; label: MessageKey; place: 'daily' | 'more'; count: number };

export function Layout(props: { v: ViewCtx; title: string; scripts?: string[]; children: Child }) {
  const { v } = props;
  const { t } = v;
  const site = v.network?.networkName ?? 'Kropotkin';
  return (
    <html lang={v.lang} dir={direction(v.lang)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <title>{`${props.title} · ${site}`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        <link rel="icon" href="data:," />
      </head>
      <body>
        <a class="skip" href="#main">
          {t('nav.skip')}
        </a>
        <header class="top">
          <a class="brand" href="/">
            {site}
          </a>
          {v.member ? <Navigation v={v} /> : null}
        </header>
        <main id="main">
          {v.member?.acting ? (
            <div class="notice warning acting" role="status">
              <p>
                {t('acting.banner', {
                  name: v.member.displayName,
                  time: formatTime(v, v.member.acting.until),
                })}
              </p>
              <form method="post" action="/acting/end" class="inline">
                <button type="submit">{t('acting.end')}</button>
              </form>
            </div>
          ) : null}
          {props.children}
        </main>
        <footer class="bottom">
          {v.member?.acting ? (
            <form method="post" action="/acting/end" class="inline">
              <button type="submit" class="link">
                {t('acting.end')}
              </button>
            </form>
          ) : v.member ? (
            <form method="post" action="/sign-out" class="inline">
              <button type="submit" class="link">
                {t('nav.signOut')}
              </button>
            </form>
          ) : (
            <LanguagePicker v={v} />
          )}
        </footer>
        {(props.scripts ?? []).map((src) => (
          <script src={src} nonce={v.nonce} defer></script>
        ))}
      </body>
    </html>
  );
}

/**
 * The few things members do every day, up front; everything else one tap away under "More" — a <details> disclosure,
 * so it opens without JavaScript (and shows open where a browser does not know it). Counts on hidden sections show on
 * "More" too. Five daily links fit two rows on a 360 px phone; the "More" list grows to any number of sections.
 */
function Navigation({ v }: { v: ViewCtx }) {
  const { t } = v;
  const daily = v.nav.filter((item) => item.place === 'daily');
  const more = v.nav.filter((item) => item.place === 'more');
  const hidden = more.reduce((sum, item) => sum + item.count, 0);
  return (
    <nav aria-label={t('nav.label')}>
      <ul class="daily">
        {daily.map((item) => (
          <li>
            <NavItem v={v} item={item} />
          </li>
        ))}
        {more.length ? (
          <li>
            <details class="more">
              <summary>
                {t('nav.more')}
                <Badge v={v} count={hidden} />
              </summary>
              <ul aria-label={t('nav.moreLabel')}>
                {more.map((item) => (
                  <li>
                    <NavItem v={v} item={item} />
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

function NavItem({ v, item }: { v: ViewCtx; item: NavLink }) {
  return (
    <a href={item.href} aria-current={v.path === item.href.split('?')[0] ? 'page' : undefined}>
      {v.t(item.label)}
      <Badge v={v} count={item.count} />
    </a>
  );
}

/** A count beside a link: the number on screen (narrow enough for a phone's menu), the words for screen readers. */
function Badge({ v, count }: { v: ViewCtx; count: number }) {
  if (count <= 0) return null;
  return (
    <>
      <span class="badge" aria-hidden="true">
        {count > 99 ? '99+' : count}
      </span>
      <span class="visually-hidden"> ({v.t('nav.unread', { count })})</span>
    </>
  );
}

function LanguagePicker({ v }: { v: ViewCtx }) {
  const { t } = v;
  return (
    <form method="post" action="/language" class="inline">
      <label for="lang-pick">{t('nav.language')}</label>{' '}
      <select id="lang-pick" name="lang">
        <option value="en" selected={v.lang === 'en'}>
          English
        </option>
        <option value="es" selected={v.lang === 'es'}>
          Español
        </option>
      </select>{' '}
      <input type="hidden" name="back" value={v.path} />
      <button type="submit">{t('nav.languageSave')}</button>
    </form>
  );
}
