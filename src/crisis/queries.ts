// Reading crisis mode: on by standing agreement, or called by one member and confirmed by a second for 48 hours.
import type { Kysely } from 'kysely';
import type { Waiting, WaitingFor } from '../web/domain.ts';
import { formatDateTime } from '../web/parts.tsx';
import type { Database } from '../db/types.ts';
import type { Network } from '../web/context.ts';

export const CRISIS_HOURS = 48;
/** An unconfirmed call waits this long for a second member. */
export const ASK_HOURS = 24;
export const hours = (n: number) => n * 3_600_000;

export type CrisisState = {
  on: boolean;
  /** On because the members agreed it as standing. */
  byAgreement: boolean;
  /** A call in force: who called it and until when. */
  call: { askedByName: string; confirmedByName: string; endsAt: Date } | null;
  /** A call waiting for a second member. */
  asked: { askedBy: string; askedByName: string; askedAt: Date } | null;
};

export async function crisisState(
  db: Kysely<Database>,
  network: Pick<Network, 'crisisMode'>,
  now: Date,
): Promise<CrisisState> {
  const rows = await db
    .selectFrom('crisis_calls')
    .innerJoin('members as asker', 'asker.id', 'crisis_calls.asked_by')
    .leftJoin('members as confirmer', 'confirmer.id', 'crisis_calls.confirmed_by')
    .select([
      'crisis_calls.asked_by',
      'crisis_calls.asked_at',
      'crisis_calls.ends_at',
      'asker.display_name as asker',
      'confirmer.display_name as confirmer',
    ])
    .where((eb) =>
      eb.or([
        eb('crisis_calls.ends_at', '>', now),
        eb.and([
          eb('crisis_calls.starts_at', 'is', null),
          eb('crisis_calls.asked_at', '>', new Date(now.getTime() - hours(ASK_HOURS))),
        ]),
      ]),
    )
    .where('crisis_calls.asked_at', '<=', now)
    .orderBy('crisis_calls.asked_at', 'desc')
    .execute();
  const active = rows.find((r) => r.ends_at);
  const waiting = rows.find((r) => !r.ends_at);
  const call = active
    ? { askedByName: active.asker, confirmedByName: active.confirmer ?? '', endsAt: active.ends_at! }
    : null;
  return {
    on: network.crisisMode || call !== null,
    byAgreement: network.crisisMode,
    call,
    asked:
      waiting && !active ? { askedBy: waiting.asked_by, askedByName: waiting.asker, askedAt: waiting.asked_at } : null,
  };
}

/** A call waiting for a second member, for everyone but its caller: confirm it, or it lapses after ASK_HOURS. */
export async function crisisWaiting(db: Kysely<Database>, who: WaitingFor): Promise<Waiting[]> {
  const state = await crisisState(db, who.network, who.now);
  if (!state.asked || state.asked.askedBy === who.memberId) return [];
  const lapses = new Date(state.asked.askedAt.getTime() + hours(ASK_HOURS));
  return [
    {
      href: '/crisis',
      what: who.t('waiting.crisis', { name: state.asked.askedByName }),
      ifNobody: who.t('waiting.crisisIfNobody', { when: formatDateTime(who, lapses) }),
      since: state.asked.askedAt,
    },
  ];
}
