// Acting for someone (issue 21): a member at a table or a door uses the app for a person who is there with them and
// asks for it — posts, answers, asks, as that person. What makes it safe: the person's consent is recorded (who acted,
// when it was agreed), the session is theirs for a short time and never slides, what is theirs alone stays theirs
// (their address, passkeys, recovery code, sign-in codes, invitations: refused while acting, see refusedWhileActing),
// a member who holds a role acts for themselves, the daily bound is the one for sign-in codes made for others, and the
// person is told and sees every time it was done on their settings page. The acting member's own session waits in a
// cookie of its own and comes back when they stop, or when the time is up.
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { notify } from '../notifications/index.ts';
import { hashToken, newToken } from '../security/tokens.ts';

type Q = Kysely<Database>;
/** The lengths a member may act for someone, in minutes. */
export const ACTING_MINUTES = [15, 30, 60] as const;
/** Records of acting are kept this long for the person to see, then forgotten. */
export const ACTING_KEPT_DAYS = 90;

/** The acting member's own session while they act for someone. */
export const OWN_SESSION_COOKIE = '__Host-kropotkin-own';

/** Starts acting for a member: the record (their consent, until when) and a session of theirs that ends then. */
export async function startActing(
  db: Q,
  p: { memberId: string; actingBy: string; minutes: number; now: Date },
): Promise<{ token: string; recordId: string; until: Date }> {
  const until = new Date(p.now.getTime() + p.minutes * 60_000);
  return db.transaction().execute(async (tx) => {
    const { id } = await tx
      .insertInto('acting_records')
      .values({ member_id: p.memberId, acting_by: p.actingBy, consent_at: p.now, until })
      .returning('id')
      .executeTakeFirstOrThrow();
    const token = newToken();
    await tx
      .insertInto('sessions')
      .values({
        token_hash: hashToken(token),
        member_id: p.memberId,
        created_at: p.now,
        expires_at: until,
        acting_id: id,
      })
      .execute();
    await notify(tx, [{ member_id: p.memberId, kind: 'acted_for', subject: id }]);
    return { token, recordId: id, until };
  });
}

/** Stops acting: the record says when, and the session ends. */
export async function endActing(db: Q, recordId: string, now: Date) {
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('acting_records')
      .set({ ended_at: now })
      .where('id', '=', recordId)
      .where('ended_at', 'is', null)
      .execute();
    await tx.deleteFrom('sessions').where('acting_id', '=', recordId).execute();
  });
}

/** Who acted for this member, newest first: shown to them on their settings page. */
export async function actedFor(db: Q, memberId: string) {
  return db
    .selectFrom('acting_records as a')
    .innerJoin('members as by', 'by.id', 'a.acting_by')
    .select(['a.id', 'by.display_name as byName', 'a.consent_at as consentAt', 'a.until', 'a.ended_at as endedAt'])
    .where('a.member_id', '=', memberId)
    .orderBy('a.consent_at', 'desc')
    .limit(50)
    .execute();
}

/** Records older than the days kept go (and their notifications with them). */
export async function forgetActing(db: Q, now: Date) {
  await db
    .deleteFrom('acting_records')
    .where('consent_at', '<', new Date(now.getTime() - ACTING_KEPT_DAYS * 86_400_000))
    .execute();
}

/**
 * What stays the person's own while someone acts for them: their settings (address, language, leaving, recovery
 * code, signing out everywhere), passkeys, sign-in codes and acting for others, invitations, signing out (stop acting
 * instead). Everything else the app does, the acting member may do for them.
 */
export function refusedWhileActing(method: string, path: string): boolean {
  if (method === 'GET' || method === 'HEAD') return false;
  return (
    path.startsWith('/settings') ||
    path.startsWith('/passkeys/') ||
    path.startsWith('/invites') ||
    path === '/sign-out' ||
    (path.startsWith('/members/') && (path.endsWith('/sign-in-code') || path.endsWith('/act')))
  );
}
