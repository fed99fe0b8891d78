/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The home page: the founding notice before there is a network, a welcome to those signed out, the board for members.
import { Hono } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { page } from '../web/render.tsx';
import { NotFoundedPage, SignedOutHome } from './views.tsx';

export const homeRoutes = new Hono<AppEnv>();

homeRoutes.get('/', async (c) => {
  const t = c.get('t');
  if (!c.get('network')) return page(c, t('home.notFoundedTitle'), (v) => <NotFoundedPage v={v} />);
  if (c.get('member')) return c.redirect('/board', 303);
  return page(c, t('home.title'), (v) => <SignedOutHome v={v} left={c.req.query('left') === '1'} />);
});
