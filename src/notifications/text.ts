// How a notification reads, in the member's language, and where it leads. Shared by the list page and the digest
// mail; each kind is declared by the domain that sends it.
import type { MessageKey, Translate } from '../web/i18n/index.ts';
import type { NotificationView } from './queries.ts';
import type { Locale } from '../web/zone.ts';
import type { NotificationKind, NotificationKindDef, Registry } from '../web/domain.ts';

/** How a notification reads: as the domain that sent it declares (web/domain.ts, NotificationKindDef). */
export function notificationText(t: Translate, registry: Registry, n: NotificationView, at: Locale): string {
  const def = registry.notification(n.kind);
  return def ? def.text(t, at, n, registry) : n.kind;
}

export function notificationLink(registry: Registry, n: NotificationView): string {
  return registry.notification(n.kind)?.link(n) ?? '/notifications';
}

/** A kind of notification that says all it has to say in its message. `link` may use its subject, a row of `table`
 * (the notifications about a row go when it does). */
export function plain(
  kind: NotificationKind,
  message: MessageKey,
  link: (subject: string | null) => string,
  table?: string,
): NotificationKindDef {
  return {
    kind,
    about: table ? { tables: [table] } : undefined,
    text: (t) => t(message),
    link: (n) => link(n.subject),
  };
}

/**
 * Member-written text on one line, shortened. Line breaks would let a post or a title pass in the digest mail for lines
 * of the network's own (“Reply with your password…”).
 */
export function shorten(text: string, max: number): string {
  const line = oneLine(text.slice(0, max * 4));
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

export const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
