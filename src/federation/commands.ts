// Becoming partners and sharing with them (issue 22, ADR 042). A member proposes a partner network; when the members'
// decision passes, our request goes (a Follow) — or, if that network asked first, our yes (an Accept). Partners once
// both sides decided. Then, every few seconds, what the sharing agreement covers goes to every partner: open offers
// of the agreed kinds, and needs of the agreed kinds nobody here met in the agreed time (overflow); what closes, or
// stops being covered, is taken back (a Delete). Fedify signs, queues and retries each delivery.
import { sql, type Kysely, type Transaction } from 'kysely';
import { z } from 'zod';
import { Delete, Follow, Tombstone } from '@fedify/fedify';
import type { Database } from '../db/types.ts';
import type { Deps, Network } from '../web/context.ts';
import { proposeAction, type Proposing } from '../decisions/index.ts';
import { notify } from '../notifications/index.ts';
import { ACTOR, acceptRequest, activityId, contextOf, ProposalActivity, recipientOf } from './actor.ts';
import { PROPOSAL_CONTEXT, proposalObject } from './wire.ts';
import { sendGoodbyes, type PartnerTerms } from './terms.ts';

type Db = Kysely<Database>;

export type BecomePartners = {
  type: 'become_partners';
  actor_url: string;
  inbox_url: string;
  shared_inbox_url: string | null;
  name: string;
};

const url = z.url({ protocol: /^https?$/ }).max(2000);
export const becomePartnersPayload: z.ZodType<BecomePartners> = z.object({
  type: z.literal('become_partners'),
  actor_url: url,
  inbox_url: url,
  shared_inbox_url: url.nullable(),
  name: z.string().min(1).max(200),
});

/** Asks the members to become partners with a network, or to change what we share with a partner or end it
 * (terms.ts); if it passes, it is done by itself. */
export async function proposePartner(
  db: Db,
  openedBy: string,
  action: BecomePartners | PartnerTerms,
  why: string,
  p: Proposing,
  now: Date,
) {
  return proposeAction(db, openedBy, { kind: 'partner', title: action.name, why, action }, p, now);
}

/** A passed decision to become partners: our side stands from now; the sharing job sends it. */
export async function becomePartners(tx: Transaction<Database>, a: BecomePartners, now: Date) {
  const known = await tx.selectFrom('partners').selectAll().where('actor_url', '=', a.actor_url).executeTakeFirst();
  if (!known) {
    await tx
      .insertInto('partners')
      .values({
        actor_url: a.actor_url,
        inbox_url: a.inbox_url,
        shared_inbox_url: a.shared_inbox_url,
        name: a.name,
        we_agreed_at: now,
        first_at: now,
      })
      .execute();
    return;
  }
  await tx
    .updateTable('partners')
    .set({
      we_agreed_at: now,
      // Their request was their members' decision: both sides have decided.
      they_agreed_at: known.their_follow_id ? now : known.they_agreed_at,
      refused_at: null,
      our_follow_id: known.their_follow_id ? known.our_follow_id : null,
    })
    .where('id', '=', known.id)
    .execute();
}

/** One turn of the sharing job: requests and answers owed, then what to share and what to take back. */
export async function shareTurn(deps: Deps, now: Date) {
  const network = await deps.network();
  if (!network) return { sent: 0 };
  // A network with no partner (decided or on its way) and nothing queued has nothing to do: no federation is set up.
  const busy = await sql<{ any: boolean }>`select exists (select 1 from partners where we_agreed_at is not null)
    or exists (select 1 from partners where goodbye_owed) or exists (select 1 from federation_queue) as any`.execute(
    deps.db,
  );
  if (!busy.rows[0]?.any) return { sent: 0 };
  const ctx = contextOf(deps);
  // Our members decided to end a partnership: our goodbye goes first.
  let sent = await sendGoodbyes(deps);

  // Our members decided; the other network has not asked: our request goes.
  const toAsk = await deps.db
    .selectFrom('partners')
    .selectAll()
    .where('we_agreed_at', 'is not', null)
    .where('they_agreed_at', 'is', null)
    .where('our_follow_id', 'is', null)
    .where('refused_at', 'is', null)
    .execute();
  for (const p of toAsk) {
    const id = activityId(ctx, 'follow');
    await deps.db.updateTable('partners').set({ our_follow_id: id.href }).where('id', '=', p.id).execute();
    await ctx.sendActivity(
      { identifier: ACTOR },
      recipientOf(p),
      new Follow({ id, actor: ctx.getActorUri(ACTOR), object: new URL(p.actor_url), to: new URL(p.actor_url) }),
      { fanout: 'skip' },
    );
    sent++;
  }

  // Both decided and they asked: our yes goes (once for each request of theirs).
  const toAccept = await deps.db
    .selectFrom('partners')
    .selectAll()
    .where('we_agreed_at', 'is not', null)
    .where('their_follow_id', 'is not', null)
    .where((w) => w.or([w('accepted_follow_id', 'is', null), w('accepted_follow_id', '!=', w.ref('their_follow_id'))]))
    .execute();
  for (const p of toAccept) {
    await deps.db
      .updateTable('partners')
      .set({ accepted_follow_id: p.their_follow_id, they_agreed_at: p.they_agreed_at ?? now })
      .where('id', '=', p.id)
      .execute();
    await acceptRequest(ctx, p);
    sent++;
  }

  sent += await shareWithPartners(deps, network, now);
  return { sent };
}

const SHARES_A_TURN = 200;

/** The posts the sharing agreement covers now, as ids. */
const covered = (network: Network, now: Date) => {
  const offers = network.shareOffers;
  const needs = network.shareNeeds;
  const since = new Date(now.getTime() - network.shareNeedsAfterHours * 3_600_000);
  return sql<boolean>`(p.status = 'open' and p.hidden_at is null and p.details_expired_at is null and (
    (p.kind = 'offer' and p.category = any(${offers}::text[]))
    or (p.kind = 'need' and p.category = any(${needs}::text[]) and p.created_at <= ${since}
      and not exists (select 1 from posts_shared c where c.post_id = p.id and c.came_back))))`;
};

/** What the members chose to share with this partner (r): its offers, its needs, both or nothing (terms.ts). */
const agreedWith = sql<boolean>`((p.kind = 'offer' and r.share_offers) or (p.kind = 'need' and r.share_needs))`;

async function shareWithPartners(deps: Deps, network: Network, now: Date): Promise<number> {
  const ctx = contextOf(deps);
  const me = ctx.getActorUri(ACTOR);
  let sent = 0;

  // What is shared with a partner and no longer covered (met, withdrawn, hidden, a kind no longer agreed): taken back.
  const gone = await sql<{
    post_id: string;
    partner_id: string;
    actor_url: string;
    inbox_url: string;
    shared_inbox_url: string | null;
  }>`
    select s.post_id, s.partner_id, r.actor_url, r.inbox_url, r.shared_inbox_url
    from posts_shared s join partners r on r.id = s.partner_id join posts p on p.id = s.post_id
    where s.withdrawn_at is null and not (${covered(network, now)} and ${agreedWith})
    limit ${SHARES_A_TURN}`.execute(deps.db);
  for (const g of gone.rows) {
    await deps.db
      .updateTable('posts_shared')
      .set({ withdrawn_at: now })
      .where('post_id', '=', g.post_id)
      .where('partner_id', '=', g.partner_id)
      .execute();
    await ctx.sendActivity(
      { identifier: ACTOR },
      recipientOf(g),
      new Delete({
        id: activityId(ctx, 'delete'),
        actor: me,
        to: new URL(g.actor_url),
        object: new Tombstone({ id: postUri(ctx, g.post_id) }),
      }),
      { fanout: 'skip' },
    );
    sent++;
  }

  // A need partners were given and nobody there took in the agreed time comes back: taken back from every partner,
  // not shared again, and its asker told.
  const since = new Date(now.getTime() - network.shareNeedsAfterHours * 3_600_000);
  const back = await sql<{ post_id: string; member_id: string }>`
    select p.id as post_id, p.member_id from posts p
    where p.kind = 'need' and exists (select 1 from posts_shared s where s.post_id = p.id and s.withdrawn_at is null)
      and (select min(s.shared_at) from posts_shared s where s.post_id = p.id and s.withdrawn_at is null) <= ${since}
      and not exists (select 1 from partner_threads t where t.post_id = p.id)
    limit ${SHARES_A_TURN}`.execute(deps.db);
  for (const b of back.rows) {
    const rows = await deps.db
      .updateTable('posts_shared as s')
      .from('partners as r')
      .set({ withdrawn_at: now, came_back: true })
      .whereRef('r.id', '=', 's.partner_id')
      .where('s.post_id', '=', b.post_id)
      .where('s.withdrawn_at', 'is', null)
      .returning(['r.actor_url', 'r.inbox_url', 'r.shared_inbox_url'])
      .execute();
    await notify(deps.db, [{ member_id: b.member_id, kind: 'partner_came_back', subject: b.post_id }]);
    for (const r of rows) {
      await ctx.sendActivity(
        { identifier: ACTOR },
        recipientOf(r),
        new Delete({
          id: activityId(ctx, 'delete'),
          actor: me,
          to: new URL(r.actor_url),
          object: new Tombstone({ id: postUri(ctx, b.post_id) }),
        }),
        { fanout: 'skip' },
      );
      sent++;
    }
  }

  // What is covered and not yet shared with a partner (a new post, a new partner, a kind newly agreed): shared.
  const due = await sql<{
    post_id: string;
    kind: 'need' | 'offer';
    what: string;
    category: string;
    area: string;
    created_at: Date;
    partner_id: string;
    actor_url: string;
    inbox_url: string;
    shared_inbox_url: string | null;
  }>`
    select p.id as post_id, p.kind, p.what, p.category, p.area, p.created_at,
      r.id as partner_id, r.actor_url, r.inbox_url, r.shared_inbox_url
    from posts p cross join partners r
    where r.we_agreed_at is not null and r.they_agreed_at is not null and ${covered(network, now)} and ${agreedWith}
      and not exists (select 1 from posts_shared s where s.post_id = p.id and s.partner_id = r.id
        and s.withdrawn_at is null)
    order by p.created_at
    limit ${SHARES_A_TURN}`.execute(deps.db);
  for (const d of due.rows) {
    await deps.db
      .insertInto('posts_shared')
      .values({ post_id: d.post_id, partner_id: d.partner_id, shared_at: now })
      .onConflict((oc) => oc.columns(['post_id', 'partner_id']).doUpdateSet({ shared_at: now, withdrawn_at: null }))
      .execute();
    const id = postUri(ctx, d.post_id);
    const object = proposalObject(
      {
        id: id.href,
        kind: d.kind,
        what: d.what,
        category: d.category,
        area: d.area,
        published: new Date(d.created_at),
      },
      { actor: me.href, to: [d.actor_url] },
    );
    const createId = new URL(`${id.href}#create-${now.getTime()}`);
    await ctx.sendActivity(
      { identifier: ACTOR },
      recipientOf(d),
      new ProposalActivity(
        { id: createId, actor: me, to: new URL(d.actor_url) },
        {
          '@context': PROPOSAL_CONTEXT,
          id: createId.href,
          type: 'Create',
          actor: me.href,
          to: [d.actor_url],
          object,
        },
      ),
      { fanout: 'skip' },
    );
    sent++;
  }
  return sent;
}

/** Where a shared post is named between networks. */
export const postUri = (ctx: { getActorUri: (id: string) => URL }, postId: string) =>
  new URL(`${ctx.getActorUri(ACTOR).href}/posts/${postId}`);
