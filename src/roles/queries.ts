// Roles as the network defined them, and who holds them. A role is filled by decision (fill_role) or, where its
// definition allows, by volunteering; a term ends on its date or when the holder steps down. Seats and the rule on
// terms in a row are checked by the database (role_term_guard) as well as here, so the app can explain a refusal.
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { decrypt, type Keys } from '../security/crypto.ts';
import { openProposalWith } from '../decisions/index.ts';

type Q = Kysely<Database>;

/** The role the fund's powers belong to; it exists from the start. */
export const TREASURER = 'treasurer';
/** The built-in role that sends needs to offers in crisis mode (migration 007). */
export const DISPATCHER = 'dispatcher';

/** How long a term lasts when a role does not say otherwise, and the longest a proposal may set. */
export const TERM_DAYS = { default: 90, min: 7, max: 366 } as const;
/** A holder whose term ended this many days ago may still leave a handover note. */
export const HANDOVER_GRACE_DAYS = 30;
const DAY = 86_400_000;

export type RoleDef = {
  name: string;
  title: string;
  duties: string;
  termDays: number;
  seats: number;
  termsInRow: number;
  volunteering: boolean;
  /** The treasurer is built in (its title is translated); every other role came from a decision. */
  builtIn: boolean;
};

/** How many days before a term ends the network is reminded and the next holder asked for. */
export const remindDays = (r: Pick<RoleDef, 'termDays'>) => Math.min(14, Math.ceil(r.termDays / 3));

const toDef = (r: {
  name: string;
  title: string;
  duties: string;
  term_days: number;
  seats: number;
  terms_in_row: number;
  volunteering: boolean;
  decision_id: string | null;
}): RoleDef => ({
  name: r.name,
  title: r.title,
  duties: r.duties,
  termDays: r.term_days,
  seats: r.seats,
  termsInRow: r.terms_in_row,
  volunteering: r.volunteering,
  builtIn: r.decision_id === null,
});

const defColumns = [
  'name',
  'title',
  'duties',
  'term_days',
  'seats',
  'terms_in_row',
  'volunteering',
  'decision_id',
] as const;

export async function roleDefs(db: Q): Promise<RoleDef[]> {
  return (await db.selectFrom('roles').select(defColumns).orderBy('title').execute()).map(toDef);
}

export async function roleDef(db: Q, name: string): Promise<RoleDef | undefined> {
  const r = await db.selectFrom('roles').select(defColumns).where('name', '=', name).executeTakeFirst();
  return r && toDef(r);
}

export type Holder = { termId: string; memberId: string; name: string; startsAt: Date; endsAt: Date };

/** Terms of a role that cover `now` (current) or start later (queued), of members not removed. */
const terms = (db: Q, role: string) =>
  db
    .selectFrom('role_terms')
    .innerJoin('members', 'members.id', 'role_terms.member_id')
    .select([
      'role_terms.id',
      'role_terms.member_id',
      'members.display_name',
      'role_terms.starts_at',
      'role_terms.ends_at',
      'role_terms.ended_at',
    ])
    .where('role_terms.role', '=', role)
    .where('members.removed_at', 'is', null);

const toHolder = (r: {
  id: string;
  member_id: string;
  display_name: string;
  starts_at: Date;
  ends_at: Date;
  ended_at: Date | null;
}): Holder => ({
  termId: r.id,
  memberId: r.member_id,
  name: r.display_name,
  startsAt: r.starts_at,
  endsAt: r.ended_at && r.ended_at < r.ends_at ? r.ended_at : r.ends_at,
});

/** A term in force at `now`: started, not past its end, not stepped down from. */
const inForce = (eb: ExpressionBuilder<Database, 'role_terms'>, now: Date) =>
  eb.and([
    eb('role_terms.starts_at', '<=', now),
    eb('role_terms.ends_at', '>', now),
    eb.or([eb('role_terms.ended_at', 'is', null), eb('role_terms.ended_at', '>', now)]),
  ]);

const current = (db: Q, role: string, now: Date) => terms(db, role).where((eb) => inForce(eb, now));

export async function holders(db: Q, role: string, now: Date): Promise<Holder[]> {
  return (await current(db, role, now).orderBy('role_terms.starts_at').execute()).map(toHolder);
}

/** Terms decided or volunteered for that have not started yet: the next holders. */
export async function nextHolders(db: Q, role: string, now: Date): Promise<Holder[]> {
  const rows = await terms(db, role)
    .where('role_terms.starts_at', '>', now)
    .where('role_terms.ended_at', 'is', null)
    .orderBy('role_terms.starts_at')
    .execute();
  return rows.map(toHolder);
}

export async function holdsRole(db: Q, memberId: string, role: string, now: Date): Promise<boolean> {
  return !!(await current(db, role, now).where('role_terms.member_id', '=', memberId).executeTakeFirst());
}

/** Whether the member holds any role now (a treasurer, a dispatcher, a role the members made). */
export async function holdsAnyRole(db: Q, memberId: string, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('role_terms')
    .select('id')
    .where('member_id', '=', memberId)
    .where((eb) => inForce(eb, now))
    .executeTakeFirst();
  return !!row;
}

/** The roles a member holds now or will hold, for their own page. */
export async function rolesOf(db: Q, memberId: string, now: Date): Promise<(Holder & { role: string })[]> {
  const rows = await db
    .selectFrom('role_terms')
    .innerJoin('members', 'members.id', 'role_terms.member_id')
    .select([
      'role_terms.id',
      'role_terms.role',
      'role_terms.member_id',
      'members.display_name',
      'role_terms.starts_at',
      'role_terms.ends_at',
      'role_terms.ended_at',
    ])
    .where('role_terms.member_id', '=', memberId)
    .where('role_terms.ends_at', '>', now)
    .where((eb) => eb.or([eb('role_terms.ended_at', 'is', null), eb('role_terms.ended_at', '>', now)]))
    .orderBy('role_terms.starts_at')
    .execute();
  return rows.map((r) => ({ ...toHolder(r), role: r.role }));
}

/** The earliest moment from `now` when a seat of the role is free (now, or when a current or queued term ends). */
export async function nextFreeSeat(db: Q, role: string, now: Date): Promise<Date> {
  const r = await sql<{ at: Date }>`select c.at from (
      select ${now}::timestamptz as at
      union select least(t.ends_at, coalesce(t.ended_at, t.ends_at)) from role_terms t
        where t.role = ${role} and least(t.ends_at, coalesce(t.ended_at, t.ends_at)) > ${now}
    ) c, roles r
    where r.name = ${role} and role_seats_taken(${role}, c.at) < r.seats
    order by c.at limit 1`.execute(db);
  return r.rows[0]?.at ?? now;
}

/** How many terms of this role the member will have held in a row when a new term starts at `at`. */
export async function termsInRow(db: Q, memberId: string, role: string, at: Date): Promise<number> {
  const r = await sql<{ n: number }>`select role_terms_in_row(${memberId}, ${role}, ${at}) as n`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** Whether a member may write a handover note: a holder now, or one whose term ended within the grace (as the database checks). */
export async function writesHandover(db: Q, memberId: string, role: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - HANDOVER_GRACE_DAYS * DAY);
  const row = await terms(db, role)
    .where('role_terms.member_id', '=', memberId)
    .where('role_terms.starts_at', '<=', now)
    .where(sql<boolean>`least(role_terms.ends_at, coalesce(role_terms.ended_at, role_terms.ends_at)) > ${since}`)
    .executeTakeFirst();
  return !!row;
}

/**
 * Whether a member may read the role's handover notes: a holder now, or the next holder (a term that starts next).
 * Nobody else: not one who stepped down or whose term ended (volunteering and stepping down at once used to open the
 * notes for a month), and not one queued further back.
 */
export async function readsHandover(db: Q, memberId: string, role: string, now: Date): Promise<boolean> {
  const end = sql`least(role_terms.ends_at, coalesce(role_terms.ended_at, role_terms.ends_at))`;
  const row = await terms(db, role)
    .where('role_terms.member_id', '=', memberId)
    // A term given up before it started ends at its start: it is nobody's.
    .where(sql<boolean>`${end} > ${now} and ${end} > role_terms.starts_at`)
    .where(
      sql<boolean>`(role_terms.starts_at <= ${now} or role_terms.starts_at = (select min(t.starts_at) from role_terms t
      where t.role = ${role} and t.starts_at > ${now} and least(t.ends_at, coalesce(t.ended_at, t.ends_at)) > t.starts_at))`,
    )
    .executeTakeFirst();
  return !!row;
}

export type Handover = { writtenBy: string; writtenAt: Date; note: string };

export async function handovers(db: Q, keys: Keys, role: string, limit = 5): Promise<Handover[]> {
  const rows = await db
    .selectFrom('role_handovers')
    .innerJoin('members', 'members.id', 'role_handovers.written_by')
    .select(['members.display_name', 'role_handovers.written_at', 'role_handovers.note_enc'])
    .where('role_handovers.role', '=', role)
    .orderBy('role_handovers.written_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    writtenBy: r.display_name,
    writtenAt: r.written_at,
    note: decrypt(keys, handoverPurpose(role), r.note_enc),
  }));
}

export const handoverPurpose = (role: string) => `role_handover:${role}`;

/** Why a member may not volunteer for a role now (or null), and when their term would start if they may. */
export type VolunteerCheck = {
  refused: 'by_decision' | 'already_holder' | 'seats_taken' | 'terms_in_row' | null;
  startsAt: Date;
};

/**
 * The one check behind the Volunteer button and the volunteering itself: the role must allow it, the member must not
 * hold or be lined up for it, a seat must free within the reminder window, and the term must not break the rule on
 * terms in a row. The database checks seats and the rule again on insert.
 */
export async function volunteerCheck(db: Q, def: RoleDef, memberId: string, now: Date): Promise<VolunteerCheck> {
  const startsAt = await nextFreeSeat(db, def.name, now);
  const refused = !def.volunteering
    ? 'by_decision'
    : (await rolesOf(db, memberId, now)).some((r) => r.role === def.name)
      ? 'already_holder'
      : startsAt.getTime() - now.getTime() > remindDays(def) * DAY
        ? 'seats_taken'
        : (await termsInRow(db, memberId, def.name, startsAt)) >= def.termsInRow
          ? 'terms_in_row'
          : null;
  return { refused, startsAt };
}

export type RoleSummary = {
  def: RoleDef;
  holders: Holder[];
  next: Holder[];
  /** The viewer's own current or coming term of this role, if any. */
  mine: Holder | undefined;
  /** The viewer may volunteer now (the role allows it and a seat frees soon enough). */
  canVolunteer: boolean;
  /** An open proposal to fill this role, so nobody is asked twice to find a holder. */
  openProposal: string | undefined;
};

export async function roleSummary(db: Q, def: RoleDef, memberId: string, now: Date): Promise<RoleSummary> {
  const [current, next, check, openProposal] = await Promise.all([
    holders(db, def.name, now),
    nextHolders(db, def.name, now),
    volunteerCheck(db, def, memberId, now),
    openProposalWith(db, { role: def.name }),
  ]);
  const mine = [...current, ...next].find((h) => h.memberId === memberId);
  return { def, holders: current, next, mine, canVolunteer: check.refused === null, openProposal };
}
