// Partner networks (issue 22, networks helping networks): each network is an ActivityPub Group actor (fedify); members
// decide which networks are partners, and what is shared with them — which kinds of open offers, and which kinds of
// needs nobody here met in how long (overflow). What partners share shows on the Partner networks page. ADR 042.
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { defineAction, type Domain, type Told } from '../web/domain.ts';
import type { Translate } from '../web/i18n/index.ts';
import { oneLine, shorten } from '../notifications/index.ts';
import { defineAgreement, whole } from '../web/agreement.ts';
import { categoryLabel } from '../web/parts.tsx';
import { DEFAULT_CATEGORIES } from '../agreements/index.ts';
import { access } from './access.ts';
import { messages } from './messages.ts';
import { federationRoutes } from './routes.ts';
import { becomePartners, becomePartnersPayload, shareTurn, type BecomePartners } from './commands.ts';
import { forgetExpiredKv } from './store.ts';
import { applyTerms, partnerTermsPayload, type PartnerTerms } from './terms.ts';
import { ACTOR, contextOf } from './actor.ts';
import type { Deps } from '../web/context.ts';

export { partnersList } from './queries.ts';
/** The network's ActivityPub actor: where partner networks reach its members' decisions. */
export const ourActorUrl = (deps: Deps) => contextOf(deps).getActorUri(ACTOR).href;

declare module '../web/context.ts' {
  interface Network {
    /** Kinds of open offers shared with partner networks (none, until the members decide). */
    shareOffers: string[];
    /** Kinds of needs shared with partner networks once nobody here met them in `shareNeedsAfterHours`. */
    shareNeeds: string[];
    shareNeedsAfterHours: number;
  }
}

declare module '../web/domain.ts' {
  interface NotificationKinds {
    partner_help: true;
    partner_message: true;
    partner_came_back: true;
  }
}

/** A thread with a partner network, named by the network. */
const aboutThread = {
  tables: ['partner_threads'],
  load: async (db: Kysely<Database>, ids: string[]) =>
    new Map(
      (
        await db
          .selectFrom('partner_threads as t')
          .innerJoin('partners as r', 'r.id', 't.partner_id')
          .select(['t.id', 'r.name'])
          .where('t.id', 'in', ids)
          .execute()
      ).map((r) => [r.id, r.name]),
    ),
};

const kinds = z
  .array(z.string().trim().min(1).max(60, 'error.itemTooLong'))
  .max(40, 'error.listTooLong')
  .refine((l) => new Set(l).size === l.length, 'error.listRepeats');

const kindItems = {
  label: (t: Parameters<typeof categoryLabel>[0], c: string) => categoryLabel(t, c),
  keys: DEFAULT_CATEGORIES,
};

export const federation: Domain = {
  name: 'federation',
  access,
  messages,
  tables: [
    'federation_kv',
    'federation_queue',
    'federation_keys',
    'partners',
    'partner_posts',
    'posts_shared',
    'partner_threads',
    'partner_messages',
  ],
  routes: [federationRoutes],
  nav: [{ href: '/partners', label: 'nav.partners', place: 'more', order: 17 }],
  agreements: [
    defineAgreement({
      key: 'share_offers',
      schema: kinds,
      start: [] as string[],
      typed: 'lines',
      items: kindItems,
      show: (t, _lang, list) => list.map((c) => categoryLabel(t, c)).join(', '),
      network: (shareOffers) => ({ shareOffers }),
    }),
    defineAgreement({
      key: 'share_needs',
      schema: kinds,
      start: [] as string[],
      typed: 'lines',
      items: kindItems,
      show: (t, _lang, list) => list.map((c) => categoryLabel(t, c)).join(', '),
      network: (shareNeeds) => ({ shareNeeds }),
    }),
    defineAgreement({
      key: 'share_needs_after_hours',
      schema: whole(1, 24 * 60),
      start: 48,
      typed: 'number',
      network: (shareNeedsAfterHours: number) => ({ shareNeedsAfterHours }),
    }),
  ],
  actions: [
    defineAction<BecomePartners>({
      handles: 'become_partners',
      payload: becomePartnersPayload,
      apply: async (tx, closing, a) => {
        if (closing.passed) await becomePartners(tx, a, closing.now);
      },
      title: (t, _lang, a) => t('partner.proposalTitle', { name: a.name, host: new URL(a.actor_url).host }),
      explain: (t, _lang, a) => t('partner.explain', { name: a.name, host: new URL(a.actor_url).host }),
    }),
    defineAction<PartnerTerms>({
      handles: 'partner_terms',
      payload: partnerTermsPayload,
      apply: async (tx, closing, a) => {
        if (closing.passed) await applyTerms(tx, a, closing.now);
      },
      title: (t, _lang, a) => t('partner.termsTitle', { name: a.name, terms: a.terms }),
      explain: (t, _lang, a) => t('partner.termsExplain', { name: a.name, terms: a.terms }),
    }),
  ],
  notifications: [
    ...(['partner_help', 'partner_message'] as const).map((kind) => ({
      kind,
      about: aboutThread,
      text: (t: Translate, _at: unknown, n: Told<string>) =>
        t(kind === 'partner_help' ? 'notification.partnerHelp' : 'notification.partnerMessage', {
          network: oneLine(n.about ?? ''),
        }),
      link: (n: Told<string>) => (n.subject ? `/partners/threads/${n.subject}` : '/partners'),
    })),
    {
      kind: 'partner_came_back',
      about: {
        tables: ['posts'],
        load: async (db: Kysely<Database>, ids: string[]) =>
          new Map(
            (await db.selectFrom('posts').select(['id', 'what']).where('id', 'in', ids).execute()).map((r) => [
              r.id,
              r.what,
            ]),
          ),
      },
      text: (t: Translate, _at: unknown, n: Told<string>) =>
        t('notification.partnerCameBack', { what: shorten(oneLine(n.about ?? ''), 60) }),
      link: (n: Told<string>) => (n.subject ? `/posts/${n.subject}` : '/partners'),
    },
  ],
  jobs: [
    // Every few seconds: a partner's neighbours see a new shared offer within the minute.
    { name: 'share with partner networks', run: (deps, now) => shareTurn(deps, now), everyMs: 5_000 },
    { name: 'forget what federation cached', run: (deps) => forgetExpiredKv(deps.db) },
  ],
};
