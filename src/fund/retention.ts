// The note on a settled fund request expires like a finished post's details (met_details_days), and is purged from disk.
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { purgeWhenDue } from '../db/purge.ts';

const purge = purgeWhenDue(['fund_requests']);

export async function expireFundNotes(db: Db, days: number, now: Date, log: (line: string) => void): Promise<number> {
  const notes = await forgetSettledFundNotes(db, days, now);
  await purge(db, log, notes > 0);
  return notes;
}

/** The note on a fund request (sealed, for the treasurer) goes once the request has been settled for the agreed days. */
export async function forgetSettledFundNotes(db: Db, days: number, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const r = await db
    .updateTable('fund_requests')
    .set({ note_enc: null })
    .where('note_enc', 'is not', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', 'in', ['declined', 'withdrawn']), eb(sql`coalesce(decided_at, asked_at)`, '<=', cutoff)]),
        eb.and([eb('status', '=', 'paid'), eb(sql`coalesce(received_at, decided_at, asked_at)`, '<=', cutoff)]),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
