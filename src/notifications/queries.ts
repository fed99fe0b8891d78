// In-app notifications: always kept in the list; mailed at most once an hour per member as a digest.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, NotificationKind, PostKind, ProposalKind } from '../db/types.ts';
import { noteDigestSent } from '../members/index.ts';

export type NewNotification = {
  member_id: string;
  kind: NotificationKind;
  post_id?: string;
  match_id?: string;
  proposal_id?: string;
  fund_request_id?: string;
  fund_record_id?: string;
  circle_id?: string;
  role?: string;
  slot_id?: string;
};

/** Tells members. `once`: a row a unique index already holds (a reminder sent before) is left as it was. */
export async function notify(db: Kysely<Database>, rows: NewNotification[], opts: { once?: boolean } = {}) {
  if (rows.length === 0) return;
  const insert = db.insertInto('notifications').values(rows);
  await (opts.once ? insert.onConflict((oc) => oc.doNothing()) : insert).execute();
}

/**
 * Tells every member a query selects, in one statement: `select` yields rows with the named columns, in that order
 * (member_id and kind first). Each reminder goes once: a row a unique index already holds is left as it was.
 */
export async function notifySelected(
  db: Kysely<Database>,
  columns: (keyof NewNotification)[],
  select: RawBuilder<unknown>,
) {
  await db
    .insertInto('notifications')
    .columns(columns)
    .expression(select)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export type NotificationView = {
  id: string;
  kind: NotificationKind;
  postId: string | null;
  postWhat: string | null;
  postKind: PostKind | null;
  matchId: string | null;
  proposal: {
    id: string;
    kind: ProposalKind;
    title: string;
    subjectMemberName: string | null;
    outcome: string | null;
    action: { type: string } | null;
  } | null;
  /** A request or record of the fund this is about: how much, from which fund. */
  fund: {
    requestId: string | null;
    recordId: string | null;
    amount: number;
    currency: string;
    fundName: string | null;
  } | null;
  circleId: string | null;
  /** The role a reminder is about, with the network's title for it. */
  role: { name: string; title: string } | null;
  /** The rota slot this is about. */
  slot: { id: string; rotaId: string; title: string; startsAt: Date } | null;
  createdAt: Date;
  read: boolean;
};

export async function notificationsOf(
  db: Kysely<Database>,
  memberId: string,
  limit = 100,
): Promise<NotificationView[]> {
  const rows = await db
    .selectFrom('notifications')
    .leftJoin('posts', 'posts.id', 'notifications.post_id')
    .leftJoin('proposals', 'proposals.id', 'notifications.proposal_id')
    .leftJoin('members as subject', 'subject.id', 'proposals.subject_member_id')
    .leftJoin('fund_requests as fr', 'fr.id', 'notifications.fund_request_id')
    .leftJoin('fund_records as fc', 'fc.id', 'notifications.fund_record_id')
    .leftJoin('roles', 'roles.name', 'notifications.role')
    .leftJoin('rota_slots', 'rota_slots.id', 'notifications.slot_id')
    .leftJoin('rotas', 'rotas.id', 'rota_slots.rota_id')
    .leftJoin('fund_accounts as fa', (j) => j.on((eb) => eb('fa.id', '=', eb.fn.coalesce('fr.fund_id', 'fc.fund_id'))))
    .select([
      'roles.name as role_name',
      'roles.title as role_title',
      'rota_slots.id as slot_id',
      'rota_slots.rota_id',
      'rotas.title as rota_title',
      'rota_slots.starts_at as slot_starts',
      'notifications.fund_request_id',
      'notifications.fund_record_id',
      'fa.name as fund_name',
      'proposals.action',
      'notifications.circle_id',
      (eb) => eb.fn.coalesce('fr.amount', 'fc.amount').as('fund_amount'),
      (eb) => eb.fn.coalesce('fr.currency', 'fc.currency').as('fund_currency'),
      'notifications.id',
      'notifications.kind',
      'notifications.post_id',
      'posts.what',
      'posts.kind as post_kind',
      'notifications.match_id',
      'notifications.created_at',
      'notifications.read_at',
      'notifications.proposal_id',
      'proposals.kind as proposal_kind',
      'proposals.title as proposal_title',
      'proposals.outcome',
      'subject.display_name as subject_name',
    ])
    .where('notifications.member_id', '=', memberId)
    .orderBy('notifications.created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    postId: r.post_id,
    postWhat: r.what,
    postKind: r.post_kind,
    matchId: r.match_id,
    proposal: r.proposal_id
      ? {
          id: r.proposal_id,
          kind: r.proposal_kind!,
          title: r.proposal_title!,
          subjectMemberName: r.subject_name,
          outcome: r.outcome,
          action: (r.action as { type: string } | null) ?? null,
        }
      : null,
    fund:
      r.fund_amount !== null && r.fund_currency !== null
        ? {
            requestId: r.fund_request_id,
            recordId: r.fund_record_id,
            amount: Number(r.fund_amount),
            currency: r.fund_currency,
            fundName: r.fund_name,
          }
        : null,
    circleId: r.circle_id,
    role: r.role_name ? { name: r.role_name, title: r.role_title! } : null,
    slot: r.slot_id ? { id: r.slot_id, rotaId: r.rota_id!, title: r.rota_title!, startsAt: r.slot_starts! } : null,
    createdAt: r.created_at,
    read: r.read_at !== null,
  }));
}

export async function unreadCount(db: Kysely<Database>, memberId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('member_id', '=', memberId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markAllRead(db: Kysely<Database>, memberId: string, now: Date, upto: Date = now) {
  await db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('member_id', '=', memberId)
    .where('read_at', 'is', null)
    .where('created_at', '<=', upto)
    .execute();
}

/** Members with email, unmailed notifications, and no digest in the last hour. */
export async function dueDigests(db: Kysely<Database>, now: Date) {
  const hourAgo = new Date(now.getTime() - 3_600_000);
  return db
    .selectFrom('members')
    .select(['members.id', 'members.email_enc', 'members.language', 'members.email_decisions'])
    .where('members.removed_at', 'is', null)
    .where('members.on_break_since', 'is', null)
    .where('members.email_enc', 'is not', null)
    .where((eb) => eb.or([eb('members.last_digest_at', 'is', null), eb('members.last_digest_at', '<=', hourAgo)]))
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('notifications')
          .select(sql`1`.as('one'))
          .whereRef('notifications.member_id', '=', 'members.id')
          .where('notifications.emailed_at', 'is', null)
          .where('notifications.read_at', 'is', null)
          .where((eb) =>
            eb.or([eb('members.email_decisions', '=', true), eb('notifications.proposal_id', 'is', null)]),
          ),
      ),
    )
    .limit(500)
    .execute();
}

export async function markDigestSent(db: Kysely<Database>, memberId: string, ids: string[], now: Date) {
  await db.transaction().execute(async (tx) => {
    if (ids.length) await tx.updateTable('notifications').set({ emailed_at: now }).where('id', 'in', ids).execute();
    await noteDigestSent(tx, memberId, now);
  });
}

/** Notifications (who was told what, when) are deleted after this many days, read or not. */
export const NOTIFICATION_DAYS = 90;

export async function forgetOldNotifications(db: Kysely<Database>, now: Date): Promise<void> {
  await db
    .deleteFrom('notifications')
    .where('created_at', '<', new Date(now.getTime() - NOTIFICATION_DAYS * 86_400_000))
    .execute();
}
