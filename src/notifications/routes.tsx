/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The in-app notification list: everything a member was told, read or not.
import { Hono } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { page } from '../web/render.tsx';
import { formatDateTime } from '../web/parts.tsx';
import { requireMember } from '../web/edges.ts';
import { markAllRead, notificationsOf } from './queries.ts';
import { readForm } from '../web/forms.ts';
import { notificationLink, notificationText } from './text.ts';

export const notificationRoutes = new Hono<AppEnv>();

notificationRoutes.get('/notifications', async (c) => {
  const member = requireMember(c);
  const { db, registry } = c.get('deps');
  const items = await notificationsOf(db, registry, member.id);
  const newest = items[0]?.createdAt;
  // Reading the list changes nothing (a link from another site must not clear a member's unread count); marking is a post.
  return page(c, c.get('t')('notifications.title'), (v) => (
    <>
      <h1>{v.t('notifications.title')}</h1>
      {items.length === 0 ? <p>{v.t('notifications.empty')}</p> : null}
      {newest && items.some((n) => !n.read) ? (
        <form method="post" action="/notifications/read">
          <input type="hidden" name="upto" value={newest.toISOString()} />
          <button type="submit" class="secondary">
            {v.t('notifications.markRead')}
          </button>
        </form>
      ) : null}
      <ul class="cards compact">
        {items.map((n) => (
          <li class={n.read ? 'card' : 'card unread'}>
            <a href={notificationLink(v.registry, n)}>{notificationText(v.t, v.registry, n, v)}</a>
            <p class="by">
              <time datetime={n.createdAt.toISOString()}>{formatDateTime(v, n.createdAt)}</time>
              {n.read ? null : <span class="tag">{v.t('notifications.new')}</span>}
            </p>
          </li>
        ))}
      </ul>
    </>
  ));
});

notificationRoutes.post('/notifications/read', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const upto = new Date((await readForm(c)).upto ?? '');
  // Up to the newest the member saw: one that arrived since stays new.
  await markAllRead(db, member.id, clock(), Number.isNaN(upto.getTime()) ? clock() : upto);
  return c.redirect('/notifications', 303);
});
