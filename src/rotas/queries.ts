// Reading rotas: each rota with its coming slots and who signed up, a member's own commitments, and which slots are
// short of people close to their time.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { isUuid } from '../web/edges.ts';

type Q = Kysely<Database>;
const HOUR = 3_600_000;
/** How far ahead a rota page shows slots, and how long past slots stay visible. */
export const SHOW_DAYS = { ahead: 62, behind: 1 } as const;

export type RotaView = {
  id: string;
  title: string;
  category: string;
  about: string;
  noticeHours: number;
  createdAt: Date;
};
export type Place = { signupId: string; memberId: string; name: string; swapWanted: boolean };
export type SlotView = {
  id: string;
  rotaId: string;
  startsAt: Date;
  endsAt: Date;
  area: string;
  needed: number;
  places: Place[];
  /** Short of people and starting within the rota's notice: shown highlighted, and people who offer this help are asked. */
  short: boolean;
};

const toRota = (r: {
  id: string;
  title: string;
  category: string;
  about: string;
  notice_hours: number;
  created_at: Date;
}): RotaView => ({
  id: r.id,
  title: r.title,
  category: r.category,
  about: r.about,
  noticeHours: r.notice_hours,
  createdAt: r.created_at,
});

export async function rotaById(db: Q, id: string): Promise<RotaView | undefined> {
  const r = await db
    .selectFrom('rotas')
    .select(['id', 'title', 'category', 'about', 'notice_hours', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r && toRota(r);
}

export type RotaListItem = RotaView & { upcoming: number; short: number };

export async function rotas(db: Q, now: Date): Promise<RotaListItem[]> {
  const r = await sql<{
    id: string;
    title: string;
    category: string;
    about: string;
    notice_hours: number;
    created_at: Date;
    upcoming: number;
    short: number;
  }>`
    select r.id, r.title, r.category, r.about, r.notice_hours, r.created_at,
      count(s.id)::bigint as upcoming,
      count(s.id) filter (where s.starts_at <= ${now}::timestamptz + make_interval(hours => r.notice_hours)
        and (select count(*) from rota_signups u where u.slot_id = s.id and u.dropped_at is null) < s.needed)::bigint as short
    from rotas r left join rota_slots s on s.rota_id = r.id and s.starts_at > ${now}
    group by r.id order by r.title`.execute(db);
  return r.rows.map((x) => ({ ...toRota(x), upcoming: Number(x.upcoming), short: Number(x.short) }));
}

export async function slotsOf(db: Q, rota: RotaView, now: Date): Promise<SlotView[]> {
  const from = new Date(now.getTime() - SHOW_DAYS.behind * 24 * HOUR);
  const to = new Date(now.getTime() + SHOW_DAYS.ahead * 24 * HOUR);
  const slots = await db
    .selectFrom('rota_slots')
    .select(['id', 'rota_id', 'starts_at', 'ends_at', 'area', 'needed'])
    .where('rota_id', '=', rota.id)
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .orderBy('starts_at')
    .limit(500)
    .execute();
  return withPlaces(db, slots, rota.noticeHours, now);
}

/** The rota a slot belongs to, or undefined for no such slot. */
export async function slotRotaId(db: Q, slotId: string): Promise<string | undefined> {
  return (await db.selectFrom('rota_slots').select('rota_id').where('id', '=', slotId).executeTakeFirst())?.rota_id;
}

export async function slotById(db: Q, id: string, now: Date): Promise<(SlotView & { rota: RotaView }) | undefined> {
  const s = await db
    .selectFrom('rota_slots')
    .select(['id', 'rota_id', 'starts_at', 'ends_at', 'area', 'needed'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!s) return undefined;
  const rota = (await rotaById(db, s.rota_id))!;
  const [slot] = await withPlaces(db, [s], rota.noticeHours, now);
  return { ...slot!, rota };
}

type SlotRow = { id: string; rota_id: string; starts_at: Date; ends_at: Date; area: string; needed: number };

async function withPlaces(db: Q, slots: SlotRow[], noticeHours: number, now: Date): Promise<SlotView[]> {
  if (slots.length === 0) return [];
  const signups = await db
    .selectFrom('rota_signups')
    .innerJoin('members', 'members.id', 'rota_signups.member_id')
    .select([
      'rota_signups.id',
      'rota_signups.slot_id',
      'rota_signups.member_id',
      'members.display_name',
      'rota_signups.swap_wanted_at',
    ])
    .where(
      'rota_signups.slot_id',
      'in',
      slots.map((s) => s.id),
    )
    .where('rota_signups.dropped_at', 'is', null)
    .orderBy('rota_signups.signed_at')
    .orderBy('members.display_name')
    .execute();
  return slots.map((s) => {
    const places = signups
      .filter((u) => u.slot_id === s.id)
      .map((u) => ({
        signupId: u.id,
        memberId: u.member_id,
        name: u.display_name,
        swapWanted: u.swap_wanted_at !== null,
      }));
    const soon = s.starts_at.getTime() - now.getTime() <= noticeHours * HOUR;
    return {
      id: s.id,
      rotaId: s.rota_id,
      startsAt: s.starts_at,
      endsAt: s.ends_at,
      area: s.area,
      needed: s.needed,
      places,
      short: s.starts_at > now && soon && places.length < s.needed,
    };
  });
}

export type Commitment = {
  slotId: string;
  rotaId: string;
  title: string;
  area: string;
  startsAt: Date;
  endsAt: Date;
  swapWanted: boolean;
};

/** A member's own places in rotas, from `from` on: for their page and their calendar feed. */
export async function commitmentsOf(db: Q, memberId: string, from: Date, limit = 500): Promise<Commitment[]> {
  const rows = await db
    .selectFrom('rota_signups')
    .innerJoin('rota_slots', 'rota_slots.id', 'rota_signups.slot_id')
    .innerJoin('rotas', 'rotas.id', 'rota_slots.rota_id')
    .select([
      'rota_slots.id',
      'rota_slots.rota_id',
      'rotas.title',
      'rota_slots.area',
      'rota_slots.starts_at',
      'rota_slots.ends_at',
      'rota_signups.swap_wanted_at',
    ])
    .where('rota_signups.member_id', '=', memberId)
    .where('rota_signups.dropped_at', 'is', null)
    .where('rota_slots.ends_at', '>=', from)
    .orderBy('rota_slots.starts_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    slotId: r.id,
    rotaId: r.rota_id,
    title: r.title,
    area: r.area,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    swapWanted: r.swap_wanted_at !== null,
  }));
}

export async function feedOwner(db: Q, tokenHash: Buffer): Promise<string | undefined> {
  const r = await db
    .selectFrom('calendar_feeds')
    .innerJoin('members', 'members.id', 'calendar_feeds.member_id')
    .select('calendar_feeds.member_id')
    .where('calendar_feeds.token_hash', '=', tokenHash)
    .where('members.removed_at', 'is', null)
    .executeTakeFirst();
  return r?.member_id;
}

export async function hasFeed(db: Q, memberId: string): Promise<boolean> {
  return !!(await db
    .selectFrom('calendar_feeds')
    .select('member_id')
    .where('member_id', '=', memberId)
    .executeTakeFirst());
}

export type SlotTitle = { id: string; rotaId: string; title: string; startsAt: Date };

/** Slots by id, with their rota's title (what a notification about one says); ids that are not uuids match nothing. */
export async function slotsByIds(db: Kysely<Database>, ids: string[]): Promise<SlotTitle[]> {
  const wanted = ids.filter((s) => isUuid(s));
  if (wanted.length === 0) return [];
  const rows = await db
    .selectFrom('rota_slots as s')
    .innerJoin('rotas as r', 'r.id', 's.rota_id')
    .select(['s.id', 's.rota_id', 'r.title', 's.starts_at'])
    .where('s.id', 'in', wanted)
    .execute();
  return rows.map((r) => ({ id: r.id, rotaId: r.rota_id, title: r.title, startsAt: r.starts_at }));
}
