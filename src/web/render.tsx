/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Rendering a page inside the layout, with what every page needs (language, member, navigation with its counts, nonce).
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './context.ts';
import { Layout, type NavLink, type ViewCtx } from './layout.tsx';
import type { Deps } from './context.ts';

/** The domains' navigation for a signed-in member, each count (unread notifications) asked for. */
async function navFor(deps: Deps, memberId: string): Promise<NavLink[]> {
  return Promise.all(
    deps.registry.nav.map(async (e) => ({
      href: e.href,
      label: e.label,
      place: e.place,
      count: e.badge ? await e.badge(deps, memberId) : 0,
    })),
  );
}

export async function viewCtx(c: Context<AppEnv>): Promise<ViewCtx> {
  const member = c.get('member');
  return {
    t: c.get('t'),
    lang: c.get('lang'),
    member,
    nonce: c.get('nonce'),
    network: c.get('network'),
    nav: member ? await navFor(c.get('deps'), member.id) : [],
    registry: c.get('deps').registry,
    path: c.req.path,
  };
}

export type PageOptions = { status?: ContentfulStatusCode; scripts?: string[] };

export async function page(c: Context<AppEnv>, title: string, body: (v: ViewCtx) => Child, opts: PageOptions = {}) {
  const v = await viewCtx(c);
  const html = (
    <Layout v={v} title={title} scripts={opts.scripts}>
      {body(v)}
    </Layout>
  );
  return c.html(`<!doctype html>${html}`, opts.status ?? 200);
}
