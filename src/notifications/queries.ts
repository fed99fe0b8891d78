// In-app notifications: always kept in the list; mailed at most once an hour per member as a digest.
import { sql, type Expression, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/types.ts';
import type { NotificationKind, NotificationSubject, Registry } from '../web/domain.ts';

export type NewNotification = {
  member_id: string;
  kind: NotificationKind;
  /** The row it is about (an id, or a role's name), in a table its kind's `about` names. */
  subject?: string | null;
};

/** Tells members. `once`: a reminder; the same member is not told the same kind about the same subject twice (a
 * unique index; the row already there is left as it was). */
export async function notify(db: Kysely<Database>, rows: NewNotification[], opts: { once?: boolean } = {}) {
  if (rows.length === 0) return;
  const insert = db.insertInto('notifications').values(rows.map((r) => ({ ...r, once: opts.once ?? false })));
  await (opts.once ? insert.onConflict((oc) => oc.doNothing()) : insert).execute();
}

/**
 * Takes back what no longer holds: the notifications of these kinds about this subject (a call confirmed, a record
 * withdrawn), read or not, so nobody is sent to act on what is done.
 */
export async function settleNotifications(
  db: Kysely<Database>,
  kinds: NotificationKind[],
  subject: string | null | string[],
) {
  if (Array.isArray(subject) && subject.length === 0) return;
  let q = db.deleteFrom('notifications').where('kind', 'in', kinds);
  q =
    subject === null
      ? q.where('subject', 'is', null)
      : Array.isArray(subject)
        ? q.where('subject', 'in', subject)
        : q.where('subject', '=', subject);
  await q.execute();
}

/**
 * Tells each member unless they have the same news (kind and subject) still unread: a busy discussion is one line on
 * their list until they look, however many comments came meanwhile.
 */
export async function notifyUnlessUnread(db: Kysely<Database>, rows: NewNotification[]) {
  if (rows.length === 0) return;
  await sql`insert into notifications (member_id, kind, subject)
    select r.member_id, r.kind, r.subject from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as r (member_id uuid, kind text, subject text)
    where not exists (select 1 from notifications n where n.member_id = r.member_id and n.kind = r.kind
      and n.subject is not distinct from r.subject and n.read_at is null)`.execute(db);
}

/**
 * Reminds every member a query selects, in one statement: `select` yields (member_id, kind, subject) rows. Each
 * reminder goes once, as with notify's `once`.
 */
export async function notifySelected(db: Kysely<Database>, select: RawBuilder<unknown>) {
  await sql`insert into notifications (member_id, kind, subject, once)
    select s.member_id, s.kind, s.subject, true from (${select}) as s (member_id, kind, subject)
    on conflict do nothing`.execute(db);
}

/** A notification as the list and the digest show it: `about` is what its kind loaded for its subject. */
export type NotificationView = {
  id: string;
  kind: string;
  subject: string | null;
  about: unknown;
  createdAt: Date;
  read: boolean;
};

/** A member's newest notifications, each with what it is about: one query for the list, then one per kind of
 * subject on it (kinds that share a NotificationSubject share the query). */
export async function notificationsOf(
  db: Kysely<Database>,
  registry: Registry,
  memberId: string,
  limit = 100,
): Promise<NotificationView[]> {
  const rows = await db
    .selectFrom('notifications')
    .select(['id', 'kind', 'subject', 'created_at', 'read_at'])
    .where('member_id', '=', memberId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  const wanted = new Map<NotificationSubject<unknown>, Set<string>>();
  for (const r of rows) {
    const about = registry.notification(r.kind)?.about;
    if (about?.load && r.subject !== null) wanted.set(about, (wanted.get(about) ?? new Set()).add(r.subject));
  }
  const found = new Map<NotificationSubject<unknown>, Map<string, unknown>>();
  for (const [about, subjects] of wanted) found.set(about, await about.load!(db, [...subjects]));
  return rows.map((r) => {
    const about = registry.notification(r.kind)?.about;
    return {
      id: r.id,
      kind: r.kind,
      subject: r.subject,
      about: about && r.subject !== null ? found.get(about)?.get(r.subject) : undefined,
      createdAt: r.created_at,
      read: r.read_at !== null,
    };
  });
}

/** The member's unread count as an expression, read with the session on every page (the navigation's badge). */
export const unreadCountOf = (member: Expression<string | null>) =>
  sql<number>`(select count(*)::int from notifications where member_id = ${member} and read_at is null)`;

export async function markAllRead(db: Kysely<Database>, memberId: string, now: Date, upto: Date = now) {
  await db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('member_id', '=', memberId)
    .where('read_at', 'is', null)
    .where('created_at', '<=', upto)
    .execute();
}

/** These notifications were read where the member reads (a text passed on to a member without the app). */
export async function markRead(db: Kysely<Database>, ids: string[], now: Date) {
  if (ids.length) await db.updateTable('notifications').set({ read_at: now }).where('id', 'in', ids).execute();
}

/** These notifications went out in a digest mail (they stay in the list until read). */
export async function markEmailed(db: Kysely<Database>, ids: string[], now: Date) {
  if (ids.length) await db.updateTable('notifications').set({ emailed_at: now }).where('id', 'in', ids).execute();
}

/** Notifications (who was told what, when) are deleted after this many days, read or not. */
export const NOTIFICATION_DAYS = 90;

export async function forgetOldNotifications(db: Kysely<Database>, now: Date): Promise<void> {
  await db
    .deleteFrom('notifications')
    .where('created_at', '<', new Date(now.getTime() - NOTIFICATION_DAYS * 86_400_000))
    .execute();
}
