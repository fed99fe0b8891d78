/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The in-app notification list: everything a member was told, read or not.
import { Hono } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { page } from '../web/render.tsx';
import { formatDateTime } from '../web/parts.tsx';
import { requireMember } from '../members/require.ts';
import { markAllRead, notificationsOf } from './queries.ts';
import { notificationLink, notificationText } from './text.ts';

export const notificationRoutes = new Hono<AppEnv>();

notificationRoutes.get('/notifications', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const items = await notificationsOf(db, member.id);
  const response = await page(c, c.get('t')('notifications.title'), (v) => (
    <>
      <h1>{v.t('notifications.title')}</h1>
      {items.length === 0 ? <p>{v.t('notifications.empty')}</p> : null}
      <ul class="cards compact">
        {items.map((n) => (
          <li class={n.read ? 'card' : 'card unread'}>
            <a href={notificationLink(n)}>{notificationText(v.t, n, v.lang)}</a>
            <p class="by">
              <time datetime={n.createdAt.toISOString()}>{formatDateTime(v.lang, n.createdAt)}</time>
              {n.read ? null : <span class="tag">{v.t('notifications.new')}</span>}
            </p>
          </li>
        ))}
      </ul>
    </>
  ));
  await markAllRead(db, member.id, clock());
  return response;
});
