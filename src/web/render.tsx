/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Rendering a page inside the layout, with what every page needs (language, member, navigation with its counts, nonce).
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './context.ts';
import { zoneOf } from './zone.ts';
import { Layout, type NavLink, type ViewCtx } from './layout.tsx';
import { badgeRead } from './domain.ts';

/** The domains' navigation for a signed-in member, with the counts read along with the session (RequestRead). */
function navFor(c: Context<AppEnv>): NavLink[] {
  const reads = c.get('reads');
  return c.get('deps').registry.nav.map((e) => ({
    href: e.href,
    label: e.label,
    place: e.place,
    count: e.badge ? Number(reads.get(badgeRead(e.href)) ?? 0) : 0,
  }));
}

export function viewCtx(c: Context<AppEnv>): ViewCtx {
  const member = c.get('member');
  return {
    t: c.get('t'),
    lang: c.get('lang'),
    zone: zoneOf(c.get('network')),
    member,
    nonce: c.get('nonce'),
    network: c.get('network'),
    nav: member ? navFor(c) : [],
    registry: c.get('deps').registry,
    path: c.req.path,
  };
}

export type PageOptions = { status?: ContentfulStatusCode; scripts?: string[] };

export async function page(c: Context<AppEnv>, title: string, body: (v: ViewCtx) => Child, opts: PageOptions = {}) {
  const v = viewCtx(c);
  const html = (
    <Layout v={v} title={title} scripts={opts.scripts}>
      {body(v)}
    </Layout>
  );
  return c.html(`<!doctype html>${html}`, opts.status ?? 200);
}
