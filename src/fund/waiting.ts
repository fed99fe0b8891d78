// Money that moved and waits for someone to confirm it (a payout or transfer above the agreed line, a reversal, a
// contribution a treasurer confirms arrived): listed for each member who may confirm it, with what happens if nobody
// does. The notification went out when it was recorded (entries.ts, tellTreasurers).
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import type { Waiting, WaitingFor } from '../web/domain.ts';
import { holdsRole } from '../roles/index.ts';
import { waitingRecords } from './queries.ts';
import { can } from './policy.ts';
import { recordWhat } from './parts.tsx';

export async function fundWaiting(db: Kysely<Database>, who: WaitingFor): Promise<Waiting[]> {
  const [records, treasurer] = await Promise.all([
    waitingRecords(db),
    holdsRole(db, who.memberId, 'treasurer', who.now),
  ]);
  return records
    .filter((r) => can.confirmRecord({ id: who.memberId }, r, treasurer))
    .map((r) => ({
      href: `/fund/records/${r.id}`,
      what: who.t(r.confirmBy === 'treasurer' ? 'waiting.fundArrived' : 'waiting.fundSecond', {
        what: recordWhat(who, r),
      }),
      ifNobody: who.t('waiting.fundIfNobody'),
      since: r.recordedAt,
    }));
}
