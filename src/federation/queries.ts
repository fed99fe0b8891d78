// Reading partners and what they share.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

type Db = Kysely<Database>;

export type PartnerState = 'partners' | 'waitingForThem' | 'asksUs' | 'refused' | 'ended';

export type PartnerView = {
  id: string;
  name: string;
  host: string;
  actorUrl: string;
  state: PartnerState;
  since: Date;
  /** What the members chose to share with this partner (federation/terms.ts). */
  terms: 'both' | 'offers' | 'needs' | 'nothing';
};

export async function partnersList(db: Db): Promise<PartnerView[]> {
  const rows = await db.selectFrom('partners').selectAll().orderBy('name').limit(500).execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    host: new URL(r.actor_url).host,
    actorUrl: r.actor_url,
    state:
      r.we_agreed_at && r.they_agreed_at
        ? 'partners'
        : r.we_agreed_at
          ? r.refused_at
            ? 'refused'
            : 'waitingForThem'
          : r.asked_at
            ? 'asksUs'
            : 'ended',
    since: r.we_agreed_at && r.they_agreed_at ? r.they_agreed_at : (r.asked_at ?? r.first_at),
    terms: r.share_offers ? (r.share_needs ? 'both' : 'offers') : r.share_needs ? 'needs' : 'nothing',
  }));
}

export type PartnerPostView = {
  id: string;
  kind: 'need' | 'offer';
  what: string;
  category: string;
  area: string;
  receivedAt: Date;
  partner: string;
};

/** What partners share with us now, newest first. */
export async function partnerPosts(db: Db, most = 200): Promise<PartnerPostView[]> {
  const rows = await db
    .selectFrom('partner_posts as s')
    .innerJoin('partners as r', 'r.id', 's.partner_id')
    .select(['s.id', 's.kind', 's.what', 's.category', 's.area', 's.received_at', 'r.name'])
    .where('s.withdrawn_at', 'is', null)
    .where('r.we_agreed_at', 'is not', null)
    .where('r.they_agreed_at', 'is not', null)
    .orderBy('s.received_at', 'desc')
    .limit(most)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as 'need' | 'offer',
    what: r.what,
    category: r.category,
    area: r.area,
    receivedAt: r.received_at,
    partner: r.name,
  }));
}

/** A proposal to become partners with this network, still open. */
export async function openPartnerProposal(db: Db, actorUrl: string) {
  return db
    .selectFrom('proposals')
    .select('id')
    .where('kind', '=', 'partner')
    .where('closed_at', 'is', null)
    .where(sql<boolean>`action->>'actor_url' = ${actorUrl}`)
    .executeTakeFirst();
}
