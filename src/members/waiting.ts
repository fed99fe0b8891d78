// What waits among members for a second one: an invite link the agreement asks a member to second (the person cannot
// join with it until then; it ends when it expires), a sign-in code for a member who holds a role (it stops
// working when it expires), and a slip for someone another member brought in (it follows their need meanwhile). Listed on the page of each member who may act.
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import type { Waiting, WaitingFor } from '../web/domain.ts';
import { formatDateTime } from '../web/parts.tsx';
import { invitesAwaitingSecond } from './invites.ts';
import { codesAwaitingSecond } from './ways-back.ts';
import { slipsAwaitingSecond } from './slips.ts';

export async function membersWaiting(db: Kysely<Database>, who: WaitingFor): Promise<Waiting[]> {
  const [invites, codes, slips] = await Promise.all([
    invitesAwaitingSecond(db, who.memberId, who.network.joinMode, who.now),
    codesAwaitingSecond(db, who.memberId, who.now),
    slipsAwaitingSecond(db, who.memberId),
  ]);
  return [
    ...invites.map((i) => ({
      href: '/invites',
      what: i.byName ? who.t('waiting.invite', { name: i.byName }) : who.t('waiting.inviteHost'),
      ifNobody: who.t('waiting.inviteIfNobody'),
      since: i.createdAt,
    })),
    ...codes.map((c) => ({
      href: `/members?q=${encodeURIComponent(c.member)}`,
      what: who.t('waiting.code', { member: c.member, maker: c.maker }),
      ifNobody: who.t('waiting.codeIfNobody', { member: c.member, when: formatDateTime(who, c.expiresAt) }),
      since: c.createdAt,
    })),
    ...slips.map((s) => ({
      href: '/members#slips',
      what: who.t('waiting.slip', { member: s.member, maker: s.maker }),
      ifNobody: who.t('waiting.slipIfNobody', { member: s.member }),
      since: s.madeAt,
    })),
  ];
}
