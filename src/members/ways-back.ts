// Ways back in that need neither email nor the same device (SECURITY.md, "Ways back in"):
// - a recovery code of the member's own: 16 characters (80 bits), shown once when they make it, printable as a card;
//   using it signs them in and spends it, and they are asked to make the next one;
// - a sign-in code another member makes for them in person: 8 characters (40 bits), works once within 30 minutes;
//   when the member holds a role (any domain's holdsTrust), a second member must confirm it before it works.
// Codes are typed by people: Crockford's base32 (no I, L, O, U), case, spaces and dashes ignored. Both are stored
// only as keyed hashes (the key lives outside the database). Wrong codes are counted server-wide (deps.limits).
import crypto from 'node:crypto';
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { lookupHash, type Keys } from '../security/crypto.ts';
import { createSession } from './sessions.ts';
import { notify, settleNotifications } from '../notifications/index.ts';
import { reachableMemberIds } from './queries.ts';

export const SIGN_IN_CODE_LENGTH = 8;
export const RECOVERY_CODE_LENGTH = 16;
export const SIGN_IN_CODE_MINUTES = 30;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const PURPOSE = 'sign-in-code';

function newCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += ALPHABET[crypto.randomInt(ALPHABET.length)];
  return code;
}

/** In groups of four, as shown and printed: ABCD-EFGH. */
export const grouped = (code: string) => code.match(/.{1,4}/g)!.join('-');

/** What the person typed, as a code: upper case, without spaces or dashes, O read as 0 and I or L as 1; else null. */
export function normaliseCode(typed: string): string | null {
  const s = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (s.length !== SIGN_IN_CODE_LENGTH && s.length !== RECOVERY_CODE_LENGTH) return null;
  return [...s].every((ch) => ALPHABET.includes(ch)) ? s : null;
}

const hashOf = (keys: Keys, code: string) => lookupHash(keys, PURPOSE, code);
/** How a code is stored: a keyed hash (the key is not in the database). */
export const codeHash = hashOf;

/** A sign-in code still waiting to be used: not used, not ended, and (given `now`) not run out. */
export const stillWaiting = (eb: ExpressionBuilder<Database, 'sign_in_codes'>, now?: Date) =>
  eb.and([
    eb('sign_in_codes.used_at', 'is', null),
    eb('sign_in_codes.ended_at', 'is', null),
    ...(now ? [eb('sign_in_codes.expires_at', '>', now)] : []),
  ]);

/** Makes the member's recovery code, replacing the one they had (which stops working). Returns it, grouped. */
export async function makeRecoveryCode(db: Kysely<Database>, keys: Keys, memberId: string): Promise<string> {
  const code = newCode(RECOVERY_CODE_LENGTH);
  await db
    .insertInto('recovery_codes')
    .values({ member_id: memberId, code_hash: hashOf(keys, code) })
    .onConflict((oc) =>
      oc.column('member_id').doUpdateSet({ code_hash: hashOf(keys, code), created_at: sql`app_now()` }),
    )
    .execute();
  return grouped(code);
}

/** The ways a member has to sign in again elsewhere: an email, passkeys, a recovery code. */
export async function waysBackOf(db: Kysely<Database>, memberId: string) {
  const row = await db
    .selectFrom('members')
    .select((eb) => [
      eb('email_hash', 'is not', null).as('email'),
      eb
        .selectFrom('passkeys')
        .select((p) => p.fn.countAll<string>().as('n'))
        .whereRef('passkeys.member_id', '=', 'members.id')
        .as('passkeys'),
      eb
        .selectFrom('recovery_codes')
        .select('created_at')
        .whereRef('recovery_codes.member_id', '=', 'members.id')
        .as('recovery'),
    ])
    .where('id', '=', memberId)
    .executeTakeFirstOrThrow();
  const ways = { email: !!row.email, passkeys: Number(row.passkeys ?? 0), recoveryMadeAt: row.recovery };
  return { ...ways, any: ways.email || ways.passkeys > 0 || ways.recoveryMadeAt !== null };
}

export type CodeUse =
  | { ok: true; memberId: string; session: string; kind: 'recovery' | 'sign-in'; madeBy: string | null }
  | { ok: false; why: 'wrong' | 'waits_for_second' | 'slip_waits_for_second' };

/**
 * Signs in with a code: a recovery code is spent, a sign-in code is marked used. Never for a removed member.
 * 'wrong' covers unknown, spent and expired codes alike.
 */
export async function useCode(db: Kysely<Database>, keys: Keys, code: string, now: Date): Promise<CodeUse> {
  // A slip another member made, where joining takes a second member, signs in only once seconded: the database
  // refuses the session (KR033, migration 021) and the spent code is put back with the rest of the transaction.
  return signIn(db, keys, code, now).catch((e: unknown) => {
    if ((e as { code?: unknown }).code === 'KR033') return { ok: false, why: 'slip_waits_for_second' };
    throw e;
  });
}

async function signIn(db: Kysely<Database>, keys: Keys, code: string, now: Date): Promise<CodeUse> {
  const hash = hashOf(keys, code);
  return db.transaction().execute(async (tx): Promise<CodeUse> => {
    if (code.length === RECOVERY_CODE_LENGTH) {
      const spent = await tx
        .deleteFrom('recovery_codes')
        .where('code_hash', '=', hash)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('members')
              .select('id')
              .whereRef('members.id', '=', 'recovery_codes.member_id')
              .where('removed_at', 'is', null),
          ),
        )
        .returning('member_id')
        .executeTakeFirst();
      if (!spent) return { ok: false, why: 'wrong' };
      return {
        ok: true,
        memberId: spent.member_id,
        session: await createSession(tx, spent.member_id, now),
        kind: 'recovery',
        madeBy: null,
      };
    }
    const found = await tx
      .selectFrom('sign_in_codes')
      .innerJoin('members', 'members.id', 'sign_in_codes.member_id')
      .innerJoin('members as maker', 'maker.id', 'sign_in_codes.made_by')
      .select([
        'sign_in_codes.id',
        'sign_in_codes.member_id',
        'sign_in_codes.needs_second',
        'sign_in_codes.seconded_at',
        'maker.display_name as maker',
      ])
      .where('sign_in_codes.code_hash', '=', hash)
      .where((eb) => stillWaiting(eb, now))
      .where('members.removed_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (!found) return { ok: false, why: 'wrong' };
    if (found.needs_second && !found.seconded_at) return { ok: false, why: 'waits_for_second' };
    await tx.updateTable('sign_in_codes').set({ used_at: now }).where('id', '=', found.id).execute();
    return {
      ok: true,
      memberId: found.member_id,
      session: await createSession(tx, found.member_id, now),
      kind: 'sign-in',
      madeBy: found.maker,
    };
  });
}

export type MadeCode =
  | { ok: true; code: string; expiresAt: Date; needsSecond: boolean }
  | { ok: false; why: 'waiting' | 'self' | 'removed'; expiresAt?: Date };

/**
 * Makes a one-time sign-in code for another member, to hand over in person. A code still waiting for them blocks a
 * new one (its expiry is said); the daily limit and a pause are the database's (KR030, KR015).
 */
export async function makeSignInCode(
  db: Kysely<Database>,
  keys: Keys,
  opts: { memberId: string; madeBy: string; needsSecond: boolean; now: Date },
): Promise<MadeCode> {
  const { memberId, madeBy, needsSecond, now } = opts;
  if (memberId === madeBy) return { ok: false, why: 'self' };
  return db.transaction().execute(async (tx): Promise<MadeCode> => {
    const member = await tx
      .selectFrom('members')
      .select('removed_at')
      .where('id', '=', memberId)
      .forUpdate()
      .executeTakeFirst();
    if (!member || member.removed_at) return { ok: false, why: 'removed' };
    // Codes that ran out make room for a new one.
    await tx
      .updateTable('sign_in_codes')
      .set({ ended_at: now })
      .where('member_id', '=', memberId)
      .where((eb) => stillWaiting(eb))
      .where('expires_at', '<=', now)
      .execute();
    const waiting = await tx
      .selectFrom('sign_in_codes')
      .select('expires_at')
      .where('member_id', '=', memberId)
      .where((eb) => stillWaiting(eb))
      .executeTakeFirst();
    if (waiting) return { ok: false, why: 'waiting', expiresAt: waiting.expires_at };
    const code = newCode(SIGN_IN_CODE_LENGTH);
    const expiresAt = new Date(now.getTime() + SIGN_IN_CODE_MINUTES * 60_000);
    const { id } = await tx
      .insertInto('sign_in_codes')
      .values({
        member_id: memberId,
        made_by: madeBy,
        needs_second: needsSecond,
        code_hash: hashOf(keys, code),
        created_at: now,
        expires_at: expiresAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The member hears of every code made for them (one they did not ask for is a warning); when it needs a second,
    // every member who could confirm it hears too.
    const seconds = needsSecond ? await reachableMemberIds(tx, [memberId, madeBy]) : [];
    await notify(tx, [
      { member_id: memberId, kind: 'code_made_for_you', subject: id },
      ...seconds.map((m) => ({ member_id: m, kind: 'code_to_second' as const, subject: id })),
    ]);
    return { ok: true, code: grouped(code), expiresAt, needsSecond };
  });
}

/** Sign-in codes waiting for a second member that this member may confirm (not theirs, not made by them). */
export async function codesAwaitingSecond(db: Kysely<Database>, viewerId: string, now: Date) {
  return db
    .selectFrom('sign_in_codes')
    .innerJoin('members as m', 'm.id', 'sign_in_codes.member_id')
    .innerJoin('members as maker', 'maker.id', 'sign_in_codes.made_by')
    .select([
      'sign_in_codes.id',
      'sign_in_codes.expires_at as expiresAt',
      'sign_in_codes.created_at as createdAt',
      'm.display_name as member',
      'maker.display_name as maker',
    ])
    .where('sign_in_codes.needs_second', '=', true)
    .where('sign_in_codes.seconded_at', 'is', null)
    .where((eb) => stillWaiting(eb, now))
    .where('sign_in_codes.member_id', '!=', viewerId)
    .where('sign_in_codes.made_by', '!=', viewerId)
    .orderBy('sign_in_codes.created_at')
    .execute();
}

/** A second member confirms a waiting code; false when it is not one they may confirm (or no longer waits). */
export async function secondSignInCode(db: Kysely<Database>, id: string, viewerId: string, now: Date) {
  const done = await db
    .updateTable('sign_in_codes')
    .set({ seconded_by: viewerId, seconded_at: now })
    .where('id', '=', id)
    .where('needs_second', '=', true)
    .where('seconded_at', 'is', null)
    .where((eb) => stillWaiting(eb, now))
    .where('member_id', '!=', viewerId)
    .where('made_by', '!=', viewerId)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) return false;
  await settleNotifications(db, ['code_to_second'], id);
  return true;
}

/** The sign-in codes other members made for this member in the last 30 days, for their settings page. */
export async function codesMadeFor(db: Kysely<Database>, memberId: string) {
  return db
    .selectFrom('sign_in_codes')
    .innerJoin('members as maker', 'maker.id', 'sign_in_codes.made_by')
    .leftJoin('members as second', 'second.id', 'sign_in_codes.seconded_by')
    .select([
      'sign_in_codes.id',
      'sign_in_codes.created_at as createdAt',
      'sign_in_codes.used_at as usedAt',
      'maker.display_name as maker',
      'second.display_name as second',
    ])
    .where('sign_in_codes.member_id', '=', memberId)
    .orderBy('sign_in_codes.created_at', 'desc')
    .limit(20)
    .execute();
}

/** Forgets sign-in codes after 30 days (kept that long so the member can see who made one for them). */
export async function clearOldSignInCodes(db: Kysely<Database>, now: Date) {
  await db
    .deleteFrom('sign_in_codes')
    .where('created_at', '<', new Date(now.getTime() - 30 * 86_400_000))
    .execute();
}
