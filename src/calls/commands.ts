// Changing wellness calls (issue 21): asking to be called (a member for themself; a neighbour added by a member with
// their consent), stopping, opening a round (one call per person: the database's), taking the next call (held 30
// minutes, one at a time per caller: the database's), and what came of it — fine, no answer (again in an hour, three
// tries), needs something (a need posted as the person's own: a member's, or a neighbour brought in with a slip, as at
// a table), or a visit to check in — and telling the caller when a need they entered is met.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { notify } from '../notifications/index.ts';
import { memberIds } from '../decisions/index.ts';
import { createPost, type PostInput } from '../exchange/index.ts';
import { bringSomeoneIn } from '../members/index.ts';
import { encrypt, type Keys } from '../security/crypto.ts';
import { errors } from '../web/errors.ts';

type Q = Kysely<Database>;
const MINUTE = 60_000;
/** How long a caller holds a call before it goes back to the others. */
export const HOLD_MINUTES = 30;
/** Tries before "no answer" is the call's outcome. */
export const MOST_TRIES = 3;
/** After "no answer", not again before this. */
export const AGAIN_MINUTES = 60;

export const phonePurpose = (personId: string) => `call-phone:${personId}`;

export type Reach = { phone: string; language: string; area: string };

/** A member asks to be called (or changes their number): kept with their own consent. */
export async function askToBeCalled(db: Q, keys: Keys, memberId: string, r: Reach, now: Date): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const had = await tx.selectFrom('call_people').select('id').where('member_id', '=', memberId).executeTakeFirst();
    const id = had?.id ?? crypto.randomUUID();
    const values = {
      phone_enc: encrypt(keys, phonePurpose(id), r.phone),
      language: r.language,
      area: r.area,
      consent_by: memberId,
      consent_at: now,
    };
    if (had) await tx.updateTable('call_people').set(values).where('id', '=', id).execute();
    else
      await tx
        .insertInto('call_people')
        .values({ id, member_id: memberId, ...values })
        .execute();
    return id;
  });
}

/** A neighbour who asked to be called, added by a member who heard them say so. */
export async function addNeighbour(db: Q, keys: Keys, memberId: string, r: Reach & { name: string }, now: Date) {
  const id = crypto.randomUUID();
  await db
    .insertInto('call_people')
    .values({
      id,
      name: r.name,
      phone_enc: encrypt(keys, phonePurpose(id), r.phone),
      language: r.language,
      area: r.area,
      consent_by: memberId,
      consent_at: now,
    })
    .execute();
  return id;
}

/** No more calls: the person (a member) themself, or the member who added a neighbour. Nothing of them is kept. */
export async function stopCalls(db: Q, personId: string, memberId: string) {
  const p = await db
    .selectFrom('call_people')
    .select(['member_id', 'consent_by'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!p) throw errors.notFound();
  if (p.member_id !== memberId && !(p.member_id === null && p.consent_by === memberId))
    throw errors.forbidden('not_yours', 'error.callPersonNotYours');
  await db.deleteFrom('call_people').where('id', '=', personId).execute();
}

export type NewRound = { title: string; script: Record<string, string>; hours: number };

/** Opens a round: one call for every person who asked to be called; every member is told, so callers come. */
export async function openRound(db: Q, memberId: string, r: NewRound, now: Date): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const { id } = await tx
      .insertInto('call_rounds')
      .values({
        title: r.title,
        script: JSON.stringify(r.script),
        opened_by: memberId,
        opened_at: now,
        closes_at: new Date(now.getTime() + r.hours * 60 * MINUTE),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`insert into calls (round_id, person_id) select ${id}, id from call_people`.execute(tx);
    const to = await memberIds(tx, [memberId]);
    await notify(
      tx,
      to.map((member_id) => ({ member_id, kind: 'call_round' as const, subject: id })),
    );
    return id;
  });
}

/**
 * The next call for this caller: the one they hold, or the first not done, not held (or held too long), not waiting
 * after "no answer", and not themself — held for them for 30 minutes. Null when none is left for now.
 */
export async function takeNext(db: Q, roundId: string, memberId: string, now: Date): Promise<string | null> {
  return db.transaction().execute(async (tx) => {
    const round = await tx
      .selectFrom('call_rounds')
      .select(['closed_at', 'closes_at'])
      .where('id', '=', roundId)
      .executeTakeFirst();
    if (!round) throw errors.notFound();
    if (round.closed_at || round.closes_at <= now) throw errors.conflict('round_closed', 'error.roundClosed');
    const mine = await tx
      .selectFrom('calls')
      .select(['id', 'held_until', 'round_id'])
      .where('held_by', '=', memberId)
      .executeTakeFirst();
    if (mine && mine.held_until! > now) return mine.id;
    if (mine)
      await tx.updateTable('calls').set({ held_by: null, held_until: null }).where('id', '=', mine.id).execute();
    const next = await sql<{ id: string }>`
      select c.id from calls c join call_people p on p.id = c.person_id
      where c.round_id = ${roundId} and c.done_at is null
        and (c.held_until is null or c.held_until <= ${now})
        and (c.next_at is null or c.next_at <= ${now})
        and p.member_id is distinct from ${memberId}
      order by c.tries, c.seq
      limit 1
      for update of c skip locked`.execute(tx);
    const id = next.rows[0]?.id;
    if (!id) return null;
    await tx
      .updateTable('calls')
      .set({ held_by: memberId, held_until: new Date(now.getTime() + HOLD_MINUTES * MINUTE) })
      .where('id', '=', id)
      .execute();
    return id;
  });
}

/** The call, if this caller holds it now (else why not). */
async function heldBy(tx: Q, callId: string, memberId: string, now: Date) {
  const c = await tx
    .selectFrom('calls')
    .innerJoin('call_people as p', 'p.id', 'calls.person_id')
    .select(['calls.id', 'calls.tries', 'calls.held_by', 'calls.held_until', 'calls.done_at', 'p.id as personId'])
    .select(['p.member_id as memberId', 'p.name', 'p.language', 'p.area'])
    .where('calls.id', '=', callId)
    .forUpdate()
    .executeTakeFirst();
  if (!c) throw errors.notFound();
  if (c.held_by !== memberId || !c.held_until || c.held_until <= now || c.done_at)
    throw errors.conflict('call_not_held', 'error.callNotHeld');
  return c;
}

export type Outcome =
  | { kind: 'fine' }
  | { kind: 'no_answer' }
  | { kind: 'in_person'; need: PostInput }
  | { kind: 'needs'; need: PostInput };

/**
 * What came of the call. A need (or a visit to check in) is posted as the person's own: a member's as theirs; a
 * neighbour's brings them in as a member with a slip (returned, to give them), as at a table (ADR 026).
 */
export async function recordOutcome(
  db: Q,
  keys: Keys,
  callId: string,
  memberId: string,
  o: Outcome,
  opts: { needsSecond: boolean },
  now: Date,
): Promise<{ slip: string | null }> {
  return db.transaction().execute(async (tx) => {
    const c = await heldBy(tx, callId, memberId, now);
    const release = { held_by: null, held_until: null };
    if (o.kind === 'fine') {
      await tx
        .updateTable('calls')
        .set({ ...release, outcome: 'fine', done_at: now, done_by: memberId })
        .where('id', '=', callId)
        .execute();
      return { slip: null };
    }
    if (o.kind === 'no_answer') {
      const tries = c.tries + 1;
      const last = tries >= MOST_TRIES;
      await tx
        .updateTable('calls')
        .set({
          ...release,
          tries,
          outcome: 'no_answer',
          next_at: last ? null : new Date(now.getTime() + AGAIN_MINUTES * MINUTE),
          done_at: last ? now : null,
          done_by: last ? memberId : null,
        })
        .where('id', '=', callId)
        .execute();
      return { slip: null };
    }
    let slip: string | null = null;
    let needId: string;
    if (c.memberId) {
      needId = await createPost(tx, c.memberId, c.language, o.need, now);
    } else {
      const brought = await bringSomeoneIn(tx, keys, {
        displayName: c.name!,
        language: c.language,
        madeBy: memberId,
        needsSecond: opts.needsSecond,
        now,
      });
      slip = brought.code;
      // From now on they are a member: later rounds post as them.
      await tx
        .updateTable('call_people')
        .set({ member_id: brought.memberId, name: null })
        .where('id', '=', c.personId)
        .execute();
      needId = await createPost(tx, brought.memberId, c.language, o.need, now);
    }
    await tx
      .updateTable('calls')
      .set({ ...release, outcome: o.kind, done_at: now, done_by: memberId, need_id: needId })
      .where('id', '=', callId)
      .execute();
    return { slip };
  });
}

/** The caller gives the call back (someone else takes it). */
export async function release(db: Q, callId: string, memberId: string, now: Date) {
  await db.transaction().execute(async (tx) => {
    await heldBy(tx, callId, memberId, now);
    await tx.updateTable('calls').set({ held_by: null, held_until: null }).where('id', '=', callId).execute();
  });
}

/** The caller is told, once, when a need they entered from a call is met. */
export async function tellMet(db: Q): Promise<number> {
  const met = await db
    .selectFrom('calls')
    .innerJoin('posts', 'posts.id', 'calls.need_id')
    .select(['calls.id', 'calls.done_by'])
    .where('calls.told_met', '=', false)
    .where('posts.status', '=', 'met')
    .execute();
  if (!met.length) return 0;
  await db.transaction().execute(async (tx) => {
    await notify(
      tx,
      met.map((m) => ({ member_id: m.done_by!, kind: 'call_need_met' as const, subject: m.id })),
    );
    await tx
      .updateTable('calls')
      .set({ told_met: true })
      .where(
        'id',
        'in',
        met.map((m) => m.id),
      )
      .execute();
  });
  return met.length;
}

/** Rounds past their time close; calls still held are let go. */
export async function closeRounds(db: Q, now: Date) {
  const due = await db
    .selectFrom('call_rounds')
    .select('id')
    .where('closed_at', 'is', null)
    .where('closes_at', '<=', now)
    .execute();
  for (const { id } of due)
    await db.transaction().execute(async (tx) => {
      await tx.updateTable('call_rounds').set({ closed_at: now }).where('id', '=', id).execute();
      await tx.updateTable('calls').set({ held_by: null, held_until: null }).where('round_id', '=', id).execute();
    });
  return due.length;
}
