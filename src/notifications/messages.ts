// The words of this domain's pages, mail and notifications, in every language Kropotkin ships (the words many
// domains share are in web/i18n). Each language has exactly the English keys (the type checker sees to it).
import { defineMessages } from '../web/i18n/index.ts';

const en = {
  'nav.notifications': 'Notifications',

  'notifications.title': 'Notifications',
  'notifications.empty': 'Nothing yet.',
  'notifications.new': 'new',
  'notifications.markRead': 'Mark all as read',
  'mail.digestSubject': '{count} new on your mutual aid network',
  'mail.digestIntro': 'Here is what happened since last time:',
  'mail.digestLink': 'See it all:',
};

declare module '../web/i18n/index.ts' {
  interface Messages extends Words {}
}
type Words = typeof en;

export const messages = defineMessages(en, {
  'nav.notifications': 'Avisos',

  'notifications.title': 'Avisos',
  'notifications.empty': 'Nada por ahora.',
  'notifications.new': 'nuevo',
  'notifications.markRead': 'Marcar todo como leído',
  'mail.digestSubject': '{count, plural, one {# novedad} other {# novedades}} en tu red de apoyo mutuo',
  'mail.digestIntro': 'Esto es lo que pasó desde la última vez:',
  'mail.digestLink': 'Míralo todo:',
});
