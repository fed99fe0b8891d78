// Rotas: recurring shifts members sign up for, swap and drop, with calendars. See web/domain.ts.
import type { Domain } from '../web/domain.ts';
import { access } from './access.ts';
import { messages } from './messages.ts';
import { rotaRoutes } from './routes.ts';
import { askForSlots } from './commands.ts';
import { shorten } from '../notifications/index.ts';
import type { NotificationKindDef, NotificationSubject } from '../web/domain.ts';
import { isUuid } from '../web/edges.ts';
import type { MessageKey } from '../web/i18n/index.ts';
import { formatDateTime } from '../web/parts.tsx';

declare module '../web/domain.ts' {
  interface NotificationKinds {
    slot_open: true;
    slot_dropped: true;
    slot_taken: true;
  }
}

type SlotSubject = { id: string; rotaId: string; title: string; startsAt: Date };

const slots: NotificationSubject<SlotSubject> = {
  tables: ['rota_slots'],
  load: async (db, subjects) => {
    const ids = subjects.filter((s) => isUuid(s));
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('rota_slots as s')
      .innerJoin('rotas as r', 'r.id', 's.rota_id')
      .select(['s.id', 's.rota_id', 'r.title', 's.starts_at'])
      .where('s.id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, { id: r.id, rotaId: r.rota_id, title: r.title, startsAt: r.starts_at }]));
  },
};

/** A notification about a slot: the rota's title and when the slot starts. */
const aboutSlot = (
  kind: 'slot_open' | 'slot_dropped' | 'slot_taken',
  message: MessageKey,
): NotificationKindDef<SlotSubject> => ({
  kind,
  about: slots,
  text: (t, lang, { about: s }) =>
    t(message, { what: s ? `${shorten(s.title, 60)}, ${formatDateTime(lang, s.startsAt)}` : '' }),
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
  nav: [{ href: '/rotas', label: 'nav.rotas', place: 'top', order: 60 }],
};
