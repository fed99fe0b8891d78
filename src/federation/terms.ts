// What we share with each partner network, and ending a partnership — both by our members' decision (issue 22).
// Within the network's sharing agreements (which kinds, after how long), the members choose partner by partner:
// our offers, our needs, both, or nothing. Ending takes back everything shared both ways; the goodbye (an Undo of our
// request, a Reject of theirs) is owed until the sharing job sends it.
import { z } from 'zod';
import type { Transaction } from 'kysely';
import { Follow, Reject, Undo } from '@fedify/fedify';
import type { Database } from '../db/types.ts';
import type { Deps } from '../web/context.ts';
import { ACTOR, activityId, contextOf, recipientOf } from './actor.ts';
import { takenBackBothWays } from './inbound.ts';

export const TERMS = ['both', 'offers', 'needs', 'nothing', 'end'] as const;
export type Terms = (typeof TERMS)[number];

export type PartnerTerms = { type: 'partner_terms'; actor_url: string; name: string; terms: Terms };

export const partnerTermsPayload: z.ZodType<PartnerTerms> = z.object({
  type: z.literal('partner_terms'),
  actor_url: z.url({ protocol: /^https?$/ }).max(2000),
  name: z.string().min(1).max(200),
  terms: z.enum(TERMS),
});

/** A passed decision on a partner: what we share from now, or the end (what was shared both ways taken back). */
export async function applyTerms(tx: Transaction<Database>, a: PartnerTerms, now: Date) {
  const partner = await tx.selectFrom('partners').selectAll().where('actor_url', '=', a.actor_url).executeTakeFirst();
  if (!partner) return;
  if (a.terms !== 'end') {
    await tx
      .updateTable('partners')
      .set({
        share_offers: a.terms === 'both' || a.terms === 'offers',
        share_needs: a.terms === 'both' || a.terms === 'needs',
      })
      .where('id', '=', partner.id)
      .execute();
    return;
  }
  await tx
    .updateTable('partners')
    .set({ we_agreed_at: null, they_agreed_at: null, asked_at: null, refused_at: null, goodbye_owed: true })
    .where('id', '=', partner.id)
    .execute();
  // Their side drops what we shared when our goodbye reaches it; ours drops what they shared now.
  await takenBackBothWays(tx, partner.id, now);
}

/** The goodbyes owed: our request taken back (Undo of our Follow) and theirs refused (Reject of their Follow). */
export async function sendGoodbyes(deps: Deps): Promise<number> {
  const owed = await deps.db.selectFrom('partners').selectAll().where('goodbye_owed', '=', true).limit(50).execute();
  if (!owed.length) return 0;
  const ctx = contextOf(deps);
  const me = ctx.getActorUri(ACTOR);
  let sent = 0;
  for (const p of owed) {
    await deps.db
      .updateTable('partners')
      .set({ goodbye_owed: false, our_follow_id: null, their_follow_id: null, accepted_follow_id: null })
      .where('id', '=', p.id)
      .execute();
    const them = new URL(p.actor_url);
    if (p.our_follow_id) {
      await ctx.sendActivity(
        { identifier: ACTOR },
        recipientOf(p),
        new Undo({
          id: activityId(ctx, 'undo'),
          actor: me,
          to: them,
          object: new Follow({ id: new URL(p.our_follow_id), actor: me, object: them }),
        }),
        { fanout: 'skip' },
      );
      sent++;
    }
    const theirs = p.accepted_follow_id ?? p.their_follow_id;
    if (theirs) {
      await ctx.sendActivity(
        { identifier: ACTOR },
        recipientOf(p),
        new Reject({
          id: activityId(ctx, 'reject'),
          actor: me,
          to: them,
          object: new Follow({ id: new URL(theirs), actor: them, object: me }),
        }),
        { fanout: 'skip' },
      );
      sent++;
    }
  }
  return sent;
}
