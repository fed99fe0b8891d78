/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { describe, expect, it } from 'vitest';
import { Layout, type ViewCtx } from './layout.tsx';
import { translator } from './i18n/index.ts';
import { buildRegistry } from './domain.ts';

const ctx = (lang: string): ViewCtx => ({
  t: translator('en', buildRegistry([]).catalogs),
  lang,
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
