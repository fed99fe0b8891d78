// Rotas: recurring shifts members sign up for, swap and drop, with calendars. See web/domain.ts.
import type { Domain } from '../web/domain.ts';
import { rotaRoutes } from './routes.ts';
import { askForSlots } from './commands.ts';
import { shorten } from '../notifications/index.ts';
import type { NotificationView } from '../notifications/index.ts';
import type { NotificationKindDef } from '../web/domain.ts';
import type { MessageKey } from '../web/i18n/index.ts';
import { formatDateTime } from '../web/parts.tsx';

/** A notification about a slot: the rota's title and when the slot starts. */
const aboutSlot = (
  kind: 'slot_open' | 'slot_dropped' | 'slot_taken',
  message: MessageKey,
): NotificationKindDef<NotificationView> => ({
  kind,
  text: (t, lang, n) =>
    t(message, { what: n.slot ? `${shorten(n.slot.title, 60)}, ${formatDateTime(lang, n.slot.startsAt)}` : '' }),
  link: (n) => (n.slot ? `/rotas/${n.slot.rotaId}#slot-${n.slot.id}` : '/notifications'),
});

export const rotas: Domain = {
  name: 'rotas',
  tables: ['rotas', 'rota_slots', 'rota_signups', 'calendar_feeds'],
  routes: [rotaRoutes],
  jobs: [{ name: 'ask for people for short slots', run: (deps, now) => askForSlots(deps.db, now) }],
  notifications: [
    aboutSlot('slot_open', 'notification.slotOpen'),
    aboutSlot('slot_dropped', 'notification.slotDropped'),
    aboutSlot('slot_taken', 'notification.slotTaken'),
  ],
  nav: [{ href: '/rotas', label: 'nav.rotas', place: 'top', order: 60 }],
};
