/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { describe, expect, it } from 'vitest';
import { Layout, type ViewCtx } from './layout.tsx';
import { translator } from './i18n/index.ts';
import { buildRegistry } from './domain.ts';

const ctx = (lang: string): ViewCtx => ({
  t: translator('en', buildRegistry([]).catalogs),
  lang,
  zone: 'UTC',
  member: null,
  nonce: 'n0nce',
  network: null,
  nav: [],
  registry: buildRegistry([]),
  path: '/',
});

describe('the page shell', () => {
  it('marks the language and flips direction for right-to-left languages', () => {
    expect(String(Layout({ v: ctx('ar'), title: 'x', children: 'hi' }))).toContain('<html lang="ar" dir="rtl">');
    expect(String(Layout({ v: ctx('es'), title: 'x', children: 'hi' }))).toContain('<html lang="es" dir="ltr">');
  });

  it('gives every script the request nonce and loads nothing from another origin', () => {
    const html = String(Layout({ v: ctx('en'), title: 'x', scripts: ['/static/board.js'], children: 'hi' }));
    expect(html).toContain('<script src="/static/board.js" nonce="n0nce" defer="">');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});

describe('the navigation', () => {
  const member = { id: 'm1', displayName: 'Ada' } as unknown as ViewCtx['member'];
  // Twenty sections, as the network will have: five daily ones and fifteen more, two of them with something new.
  const twenty: ViewCtx['nav'] = Array.from({ length: 20 }, (_, i) => ({
    href: `/section-${i}`,
    label: 'nav.skip',
    place: i < 5 ? 'daily' : 'more',
    count: i === 7 || i === 12 ? 2 : 0,
  }));
  const html = String(
    Layout({ v: { ...ctx('en'), member, nav: twenty, path: '/section-9' }, title: 'x', children: 'hi' }),
  );

  it('keeps the daily sections up front and the rest one tap away, in a disclosure that needs no script', () => {
    const header = html.slice(html.indexOf('<header'), html.indexOf('</header>'));
    const more = header.slice(header.indexOf('<details'), header.indexOf('</details>'));
    const upFront = header.replace(more, '');
    expect(upFront.match(/<a href="\/section-/g)).toHaveLength(5);
    expect(more.match(/<a href="\/section-/g)).toHaveLength(15);
    expect(more).toContain('<summary>More');
    expect(more).toContain('aria-current="page"'); // the page you are on is marked inside the menu too
  });

  it('shows on "More" what is new in the sections it holds', () => {
    const summary = html.slice(html.indexOf('<summary>'), html.indexOf('</summary>'));
    expect(summary).toContain('4 new');
  });
});

describe('the daily links', () => {
  it('are refused past five, so a new section cannot push the menu onto a third row', () => {
    const nav = Array.from({ length: 6 }, (_, i) => ({
      href: `/s${i}`,
      label: 'nav.skip' as const,
      place: 'daily' as const,
      order: i,
    }));
    expect(() => buildRegistry([{ name: 'crowded', nav }])).toThrow(/at most 5 fit a phone/);
    expect(() => buildRegistry([{ name: 'fine', nav: nav.slice(0, 5) }])).not.toThrow();
  });
});
