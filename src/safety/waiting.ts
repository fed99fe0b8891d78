// What waits in safety for a second member: a pause someone asked for (it starts when another member confirms, and
// lapses after PAUSE_HOURS), and a removal nobody has seconded yet (until then the member's posts stay visible). Each
// shows on the page of every member who may act, and reaches them as a notification when it is asked.
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import type { Waiting, WaitingFor } from '../web/domain.ts';
import { formatDateTime } from '../web/parts.tsx';
import { PAUSE_HOURS } from './commands.ts';
import { waitingForSecond } from './queries.ts';

export async function safetyWaiting(db: Kysely<Database>, who: WaitingFor): Promise<Waiting[]> {
  const dayAgo = new Date(who.now.getTime() - PAUSE_HOURS * 3_600_000);
  const { pauses, removals } = await waitingForSecond(db, who.memberId, dayAgo);
  return [
    ...pauses.map((p) => ({
      href: `/members/${p.member_id}`,
      what: who.t('waiting.pause', { name: p.display_name }),
      ifNobody: who.t('waiting.pauseIfNobody', {
        name: p.display_name,
        when: formatDateTime(who, new Date(p.asked_at.getTime() + PAUSE_HOURS * 3_600_000)),
      }),
      since: p.asked_at,
    })),
    ...removals.map((r) => ({
      href: `/members/${r.subject_member_id}`,
      what: who.t('waiting.removal', { name: r.display_name }),
      ifNobody: who.t('waiting.removalIfNobody', {
        name: r.display_name,
        when: formatDateTime(who, r.closes_at),
      }),
      since: r.opened_at,
    })),
  ];
}
