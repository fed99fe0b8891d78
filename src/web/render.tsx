/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Rendering a page inside the layout, with what every page needs (language, member, unread count, nonce).
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { unreadCount } from '../notifications/queries.ts';
import type { AppEnv } from './context.ts';
import { Layout, type ViewCtx } from './layout.tsx';

export async function viewCtx(c: Context<AppEnv>): Promise<ViewCtx> {
  const member = c.get('member');
  return {
    t: c.get('t'),
    lang: c.get('lang'),
    member,
    nonce: c.get('nonce'),
    network: c.get('network'),
    unread: member ? await unreadCount(c.get('deps').db, member.id) : 0,
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
