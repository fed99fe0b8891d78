// Rotas: recurring shifts members sign up for, swap and drop, with calendars. See web/domain.ts.
import type { Domain } from '../web/domain.ts';
import { access } from './access.ts';
import { messages } from './messages.ts';
import { rotaRoutes } from './routes.ts';
import { askForSlots } from './commands.ts';
import { shorten } from '../notifications/index.ts';
import type { NotificationKindDef, NotificationSubject } from '../web/domain.ts';
import { slotsByIds, type SlotTitle } from './queries.ts';
import type { MessageKey } from '../web/i18n/index.ts';
import { formatDateTime } from '../web/parts.tsx';

declare module '../web/domain.ts' {
  interface NotificationKinds {
    slot_open: true;
    slot_dropped: true;
    slot_taken: true;
  }
}

type SlotSubject = SlotTitle;

const slots: NotificationSubject<SlotSubject> = {
  tables: ['rota_slots'],
  load: async (db, subjects) => new Map((await slotsByIds(db, subjects)).map((s) => [s.id, s])),
};

/** A notification about a slot: the rota's title and when the slot starts. */
const aboutSlot = (
  kind: 'slot_open' | 'slot_dropped' | 'slot_taken',
  message: MessageKey,
): NotificationKindDef<SlotSubject> => ({
  kind,
  about: slots,
  text: (t, at, { about: s }) =>
    t(message, { what: s ? `${shorten(s.title, 60)}, ${formatDateTime(at, s.startsAt)}` : '' }),
  link: ({ about: s }) => (s ? `/rotas/${s.rotaId}#slot-${s.id}` : '/notifications'),
});

export const rotas: Domain = {
  name: 'rotas',
  access,
  messages,
  tables: ['rotas', 'rota_slots', 'rota_signups', 'calendar_feeds'],
  routes: [rotaRoutes],
  jobs: [{ name: 'ask for people for short slots', run: (deps, now) => askForSlots(deps.db, now) }],
  notifications: [
    aboutSlot('slot_open', 'notification.slotOpen'),
    aboutSlot('slot_dropped', 'notification.slotDropped'),
    aboutSlot('slot_taken', 'notification.slotTaken'),
  ],
  nav: [{ href: '/rotas', label: 'nav.rotas', place: 'more', order: 30 }],
};
