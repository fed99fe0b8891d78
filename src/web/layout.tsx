/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The page shell: language and direction, navigation, and where a page's few scripts go (with the CSP nonce).
import type { Child } from 'hono/jsx';
import type { SessionMember } from '../members/sessions.ts';
import type { MessageKey, Translate } from './i18n/index.ts';
import { direction } from './i18n/index.ts';
import type { NetworkAgreements } from '../agreements/queries.ts';

export type ViewCtx = {
  t: Translate;
  lang: string;
  member: SessionMember | null;
  nonce: string;
  network: NetworkAgreements | null;
  unread: number;
  path: string;
};

type NavItem = { href: string; label: MessageKey };
const memberNav: NavItem[] = [
  { href: '/board', label: 'nav.board' },
  { href: '/posts/new?kind=need', label: 'nav.postNeed' },
  { href: '/posts/new?kind=offer', label: 'nav.postOffer' },
  { href: '/decisions', label: 'nav.decisions' },
  { href: '/fund', label: 'nav.fund' },
  { href: '/rotas', label: 'nav.rotas' },
  { href: '/mutuality', label: 'nav.mutuality' },
  { href: '/me', label: 'nav.me' },
];

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
          {v.member ? (
            <nav aria-label={t('nav.label')}>
              <ul>
                {memberNav.map((item) => (
                  <li>
                    <a href={item.href} aria-current={v.path === item.href.split('?')[0] ? 'page' : undefined}>
                      {t(item.label)}
                    </a>
                  </li>
                ))}
                <li>
                  <a href="/notifications" aria-current={v.path === '/notifications' ? 'page' : undefined}>
                    {t('nav.notifications')}
                    {v.unread > 0 ? <span class="badge">{t('nav.unread', { count: v.unread })}</span> : null}
                  </a>
                </li>
              </ul>
            </nav>
          ) : null}
        </header>
        <main id="main">{props.children}</main>
        <footer class="bottom">
          {v.member ? (
            <ul class="links">
              <li><a href="/invites">{t('nav.invite')}</a></li>
              <li><a href="/agreements">{t('nav.agreements')}</a></li>
              <li><a href="/safety">{t('nav.safety')}</a></li>
              <li><a href="/settings">{t('nav.settings')}</a></li>
              <li>
                <form method="post" action="/sign-out" class="inline">
                  <button type="submit" class="link">{t('nav.signOut')}</button>
                </form>
              </li>
            </ul>
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

function LanguagePicker({ v }: { v: ViewCtx }) {
  const { t } = v;
  return (
    <form method="post" action="/language" class="inline">
      <label for="lang-pick">{t('nav.language')}</label>{' '}
      <select id="lang-pick" name="lang">
        <option value="en" selected={v.lang === 'en'}>English</option>
        <option value="es" selected={v.lang === 'es'}>Español</option>
      </select>{' '}
      <input type="hidden" name="back" value={v.path} />
      <button type="submit">{t('nav.languageSave')}</button>
    </form>
  );
}
