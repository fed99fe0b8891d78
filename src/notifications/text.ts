// How a notification reads, in the member's language. Shared by the list page and the digest mail.
import type { Translate } from '../web/i18n/index.ts';
import type { NotificationView } from './queries.ts';

export function notificationText(t: Translate, n: NotificationView): string {
  const what = n.postWhat ? shorten(n.postWhat, 80) : '';
  switch (n.kind) {
    case 'matching_need':
      return t('notification.matchingNeed', { what });
    case 'matching_offer':
      return t('notification.matchingOffer', { what });
    case 'claimed':
      return t('notification.claimed', { what });
    case 'requested':
      return t('notification.requested', { what });
    case 'message':
      return t('notification.message', { what });
    case 'released':
      return t('notification.released', { what });
    case 'met':
      return t('notification.met', { what });
  }
}

export function notificationLink(n: NotificationView): string {
  if (n.matchId && n.kind !== 'released') return `/matches/${n.matchId}`;
  return n.postId ? `/posts/${n.postId}` : '/notifications';
}

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
