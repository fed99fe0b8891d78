// Writes for rotas: making a rota and its slots (any member may), signing up, dropping out with notice, offering a
// place for a swap and taking one, asking the people who offer this kind of help when a slot near its time is short,
// and the private calendar feed.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { errors } from '../web/errors.ts';
import { notify } from '../notifications/index.ts';
import { hashToken, newToken } from '../security/tokens.ts';

type Q = Kysely<Database>;
const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;

export type NewRota = { title: string; category: string; about: string; noticeHours: number };

export async function createRota(db: Q, memberId: string, r: NewRota, now: Date): Promise<string> {
  const row = await db
    .insertInto('rotas')
    .values({
      title: r.title,
      category: r.category,
      about: r.about,
      notice_hours: r.noticeHours,
      created_by: memberId,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type NewSlots = { startsAt: Date; endsAt: Date; area: string; needed: number; repeatWeeks: number };

/** Adds a slot, and the same slot each week for `repeatWeeks` more weeks (a recurring commitment). */
export async function addSlots(db: Q, memberId: string, rotaId: string, s: NewSlots, now: Date): Promise<number> {
  const rows = Array.from({ length: s.repeatWeeks + 1 }, (_, i) => ({
    rota_id: rotaId,
    starts_at: new Date(s.startsAt.getTime() + i * WEEK),
    ends_at: new Date(s.endsAt.getTime() + i * WEEK),
    area: s.area,
    needed: s.needed,
    created_by: memberId,
    created_at: now,
  }));
  await db.insertInto('rota_slots').values(rows).execute();
  return rows.length;
}

/** Takes a place in a slot. The database refuses a slot that has started or has everyone it needs. */
export async function signUp(db: Q, memberId: string, slotId: string, now: Date): Promise<void> {
  await db.insertInto('rota_signups').values({ slot_id: slotId, member_id: memberId, signed_at: now }).execute();
}

const mine = (db: Q, memberId: string, slotId: string) =>
  db
    .selectFrom('rota_signups')
    .innerJoin('rota_slots', 'rota_slots.id', 'rota_signups.slot_id')
    .innerJoin('rotas', 'rotas.id', 'rota_slots.rota_id')
    .select(['rota_signups.id', 'rota_slots.starts_at', 'rotas.notice_hours'])
    .where('rota_signups.slot_id', '=', slotId)
    .where('rota_signups.member_id', '=', memberId)
    .where('rota_signups.dropped_at', 'is', null);

/**
 * Drops out of a slot. Nobody is stopped or asked why; the notice goes to the others in the slot, and when the slot is
 * now short within the rota's notice the people who offer this help are asked again.
 */
export async function drop(db: Q, memberId: string, slotId: string, now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const place = await mine(tx, memberId, slotId).forUpdate().executeTakeFirst();
    if (!place) throw errors.conflict('not_signed_up', 'error.notSignedUp');
    if (place.starts_at <= now) throw errors.conflict('slot_closed', 'error.slotClosed');
    await tx.updateTable('rota_signups').set({ dropped_at: now }).where('id', '=', place.id).execute();
    const others = await tx
      .selectFrom('rota_signups')
      .select('member_id')
      .where('slot_id', '=', slotId)
      .where('dropped_at', 'is', null)
      .execute();
    await notify(
      tx,
      others.map((o) => ({ member_id: o.member_id, kind: 'slot_dropped' as const, subject: slotId })),
    );
    await tx.updateTable('rota_slots').set({ asked_at: null }).where('id', '=', slotId).execute();
  });
}

/** Offers one's place for a swap (or takes the offer back): anyone not in the slot may then take it. */
export async function wantSwap(db: Q, memberId: string, slotId: string, wanted: boolean, now: Date): Promise<void> {
  const place = await mine(db, memberId, slotId).executeTakeFirst();
  if (!place) throw errors.conflict('not_signed_up', 'error.notSignedUp');
  await db
    .updateTable('rota_signups')
    .set({ swap_wanted_at: wanted ? now : null })
    .where('id', '=', place.id)
    .execute();
}

/** Takes a place offered for a swap: in one transaction the offerer is out, the taker is in, and the offerer is told. */
export async function takePlace(db: Q, memberId: string, signupId: string, now: Date): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const offered = await tx
      .selectFrom('rota_signups')
      .select(['id', 'slot_id', 'member_id'])
      .where('id', '=', signupId)
      .where('dropped_at', 'is', null)
      .where('swap_wanted_at', 'is not', null)
      .forUpdate()
      .executeTakeFirst();
    if (!offered && !(await tx.selectFrom('rota_signups').select('id').where('id', '=', signupId).executeTakeFirst()))
      throw errors.notFound();
    if (!offered || offered.member_id === memberId) throw errors.conflict('swap_gone', 'error.swapGone');
    await tx.updateTable('rota_signups').set({ dropped_at: now }).where('id', '=', offered.id).execute();
    await tx
      .insertInto('rota_signups')
      .values({ slot_id: offered.slot_id, member_id: memberId, signed_at: now, taken_from: offered.id })
      .execute();
    await notify(tx, [{ member_id: offered.member_id, kind: 'slot_taken', subject: offered.slot_id }]);
    return offered.slot_id;
  });
}

/**
 * Slots short of people within their rota's notice are asked for once (again after someone drops): members with an
 * open offer in the rota's kind of help, and members who have served this rota before, unless they are on a break,
 * already in the slot, or were asked about it before.
 */
export async function askForSlots(db: Q, now: Date): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const due = await sql<{ id: string; rota_id: string; category: string }>`
      select s.id, s.rota_id, r.category from rota_slots s join rotas r on r.id = s.rota_id
      where s.asked_at is null and s.starts_at > ${now} and s.starts_at <= ${now}::timestamptz + make_interval(hours => r.notice_hours)
        and (select count(*) from rota_signups u where u.slot_id = s.id and u.dropped_at is null) < s.needed
      order by s.starts_at limit 200 for update of s skip locked`.execute(tx);
    for (const slot of due.rows) {
      const asked = await sql<{ id: string }>`
        select m.id from members m
        where m.removed_at is null and m.on_break_since is null
          and (exists (select 1 from posts p where p.member_id = m.id and p.kind = 'offer' and p.status = 'open'
                 and p.hidden_at is null and p.category = ${slot.category})
            or exists (select 1 from rota_signups u join rota_slots o on o.id = u.slot_id
                 where u.member_id = m.id and o.rota_id = ${slot.rota_id} and o.starts_at < ${now}))
          and not exists (select 1 from rota_signups u where u.slot_id = ${slot.id} and u.member_id = m.id and u.dropped_at is null)
        limit 200`.execute(tx);
      if (asked.rows.length) {
        await notify(
          tx,
          asked.rows.map((m) => ({ member_id: m.id, kind: 'slot_open' as const, subject: slot.id })),
          { once: true },
        );
      }
      await tx.updateTable('rota_slots').set({ asked_at: now }).where('id', '=', slot.id).execute();
    }
    return due.rows.length;
  });
}

/** Makes (or replaces) the member's secret calendar address; the old one stops working. Returns the new token. */
export async function newFeed(db: Q, memberId: string, now: Date): Promise<string> {
  const token = newToken();
  await db
    .insertInto('calendar_feeds')
    .values({ member_id: memberId, token_hash: hashToken(token), created_at: now })
    .onConflict((oc) => oc.column('member_id').doUpdateSet({ token_hash: hashToken(token), created_at: now }))
    .execute();
  return token;
}

export async function revokeFeed(db: Q, memberId: string): Promise<void> {
  await db.deleteFrom('calendar_feeds').where('member_id', '=', memberId).execute();
}
