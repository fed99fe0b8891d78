// The network as an ActivityPub Group actor, through fedify (ADR 042): its actor document and WebFinger, its signing
// key (made on first use, its private half sealed), its inbox, and delivery through a queue in our own database with
// retries for a day. Fedify checks every signature; this file says what each activity means to the network.
import crypto from 'node:crypto';
import {
  Accept,
  Create,
  Delete,
  Endpoints,
  Follow,
  Group,
  Note,
  Offer,
  Reject,
  Undo,
  createExponentialBackoffPolicy,
  createFederation,
  exportJwk,
  generateCryptoKeyPair,
  importJwk,
  isActor,
  type Context,
  type Federation,
  type Recipient,
} from '@fedify/fedify';
import type { Deps } from '../web/context.ts';
import { decrypt, encrypt } from '../security/crypto.ts';
import { KyselyKvStore, KyselyMessageQueue } from './store.ts';
import {
  helpOffered,
  messageReceived,
  partnerAnswered,
  partnerAsked,
  partnerLeft,
  partnerShared,
  partnerWithdrew,
  type RemoteNetwork,
} from './inbound.ts';
import { plainText, readOfferToHelp, readProposal } from './wire.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The network's one actor: `network@<its host>`. */
export const ACTOR = 'network';
const KEY_PURPOSE = 'federation signing key';

/**
 * Deliveries are tried again with a growing pause (30 s, doubling, at most 2 h between tries) for about a day — 20
 * tries span 24 h — and then given up: a partner away longer hears nothing of that time, and nothing here waits on it.
 */
export const DELIVERY_RETRIES = { initialDelay: { seconds: 30 }, maxDelay: { hours: 2 }, maxAttempts: 20 } as const;

type Fed = { federation: Federation<Deps>; queue: KyselyMessageQueue };
const made = new WeakMap<Deps, Fed>();

/** The federation of a running app (one per set of dependencies: the server's, or a test world's). */
export function federationOf(deps: Deps): Fed {
  const known = made.get(deps);
  if (known) return known;
  const queue = new KyselyMessageQueue(deps.db);
  const federation = createFederation<Deps>({
    kv: new KyselyKvStore(deps.db),
    queue: { inbox: queue, outbox: queue },
    origin: deps.config.publicUrl,
    allowPrivateAddress: deps.config.federationPrivateAddresses,
    outboxRetryPolicy: createExponentialBackoffPolicy(DELIVERY_RETRIES),
    inboxRetryPolicy: createExponentialBackoffPolicy({ maxAttempts: 5 }),
    // Our activities name their actor by its address and carry their own id; nothing to rewrite (and a proposal's
    // words are ours to serialise: ProposalActivity).
    activityTransformers: [],
    userAgent: { software: 'Kropotkin' },
  });
  setUp(federation);
  const fed = { federation, queue };
  made.set(deps, fed);
  // Deliveries and received activities waiting from before (a restart) are handled from now, not at the next one.
  void federation.startQueue(deps);
  return fed;
}

/** Stops the federation's queue listener (the server closing, a test world ending). */
export function stopFederation(deps: Deps) {
  made.get(deps)?.queue.stop();
}

/** A context for sending outside a request (the sharing job, a decision taking effect). */
export function contextOf(deps: Deps): Context<Deps> {
  return federationOf(deps).federation.createContext(new URL(deps.config.publicUrl), deps);
}

const keyPairs = new WeakMap<Deps, Promise<CryptoKeyPair>>();

/** The network's RSA key pair: made the first time it is needed, the private half sealed in the database. */
function keyPair(deps: Deps): Promise<CryptoKeyPair> {
  let pair = keyPairs.get(deps);
  if (!pair) {
    pair = loadOrMakeKeyPair(deps);
    pair.catch(() => keyPairs.delete(deps));
    keyPairs.set(deps, pair);
  }
  return pair;
}

async function loadOrMakeKeyPair(deps: Deps): Promise<CryptoKeyPair> {
  const read = () =>
    deps.db
      .selectFrom('federation_keys')
      .select(['public_jwk', 'private_enc'])
      .where('kind', '=', 'rsa')
      .executeTakeFirst();
  let row = await read();
  if (!row) {
    const made = await generateCryptoKeyPair('RSASSA-PKCS1-v1_5');
    const privateJwk = JSON.stringify(await exportJwk(made.privateKey));
    await deps.db
      .insertInto('federation_keys')
      .values({
        kind: 'rsa',
        public_jwk: JSON.stringify(await exportJwk(made.publicKey)),
        private_enc: encrypt(deps.keys, KEY_PURPOSE, privateJwk),
      })
      .onConflict((oc) => oc.column('kind').doNothing())
      .execute();
    row = await read();
  }
  const publicJwk = (typeof row!.public_jwk === 'string' ? JSON.parse(row!.public_jwk) : row!.public_jwk) as JsonWebKey;
  return {
    publicKey: await importJwk(publicJwk, 'public'),
    privateKey: await importJwk(JSON.parse(decrypt(deps.keys, KEY_PURPOSE, row!.private_enc)) as JsonWebKey, 'private'),
  };
}

/** A new activity id under our actor. */
export const activityId = (ctx: Context<Deps>, what: string) =>
  new URL(`${ctx.getActorUri(ACTOR).href}#${what}/${crypto.randomUUID()}`);

/** A partner as fedify addresses it. */
export const recipientOf = (p: {
  actor_url: string;
  inbox_url: string;
  shared_inbox_url: string | null;
}): Recipient => ({
  id: new URL(p.actor_url),
  inboxId: new URL(p.inbox_url),
  endpoints: p.shared_inbox_url ? { sharedInbox: new URL(p.shared_inbox_url) } : null,
});

/** Accepts a network's request to be partners, once both sides decided. */
export async function acceptRequest(
  ctx: Context<Deps>,
  partner: { actor_url: string; inbox_url: string; shared_inbox_url: string | null; their_follow_id: string | null },
) {
  if (!partner.their_follow_id) return;
  const me = ctx.getActorUri(ACTOR);
  await ctx.sendActivity(
    { identifier: ACTOR },
    recipientOf(partner),
    new Accept({
      id: activityId(ctx, 'accept'),
      actor: me,
      to: new URL(partner.actor_url),
      object: new Follow({ id: new URL(partner.their_follow_id), actor: new URL(partner.actor_url), object: me }),
    }),
    { fanout: 'skip' },
  );
}

/** Who sent an activity, as a network: its address, inbox and name (fetched, signed, by fedify). */
async function remoteNetwork(ctx: Context<Deps>, activity: Follow): Promise<RemoteNetwork | null> {
  const actor = await activity.getActor(ctx);
  if (!actor || !isActor(actor) || !actor.id || !actor.inboxId) return null;
  const name = (actor.name?.toString() ?? actor.preferredUsername?.toString() ?? actor.id.host).trim().slice(0, 200);
  return {
    actorUrl: actor.id.href,
    inboxUrl: actor.inboxId.href,
    sharedInboxUrl: actor.endpoints?.sharedInbox?.href ?? null,
    name: name || actor.id.host,
  };
}

function setUp(federation: Federation<Deps>) {
  federation
    .setActorDispatcher('/ap/actors/{identifier}', async (ctx, identifier) => {
      if (identifier !== ACTOR) return null;
      const network = await ctx.data.network();
      if (!network) return null;
      const keys = await ctx.getActorKeyPairs(identifier);
      return new Group({
        id: ctx.getActorUri(identifier),
        preferredUsername: ACTOR,
        name: network.networkName,
        url: new URL(ctx.data.config.publicUrl),
        inbox: ctx.getInboxUri(identifier),
        endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
        manuallyApprovesFollowers: true,
        publicKey: keys[0]?.cryptographicKey,
        assertionMethods: keys.map((k) => k.multikey),
      });
    })
    .setKeyPairsDispatcher(async (ctx, identifier) => (identifier === ACTOR ? [await keyPair(ctx.data)] : []))
    .mapHandle((_ctx, username) => (username === ACTOR ? ACTOR : null));

  federation
    .setInboxListeners('/ap/actors/{identifier}/inbox', '/ap/inbox')
    .on(Follow, async (ctx, follow) => {
      if (!follow.id || follow.objectId?.href !== ctx.getActorUri(ACTOR).href) return;
      const remote = await remoteNetwork(ctx, follow);
      if (!remote || remote.actorUrl !== follow.actorId?.href) return;
      const partner = await partnerAsked(ctx.data.db, remote, follow.id.href, ctx.data.clock());
      // Our members decided first: their request is their side's decision, and the partnership stands.
      if (partner?.we_agreed_at) await acceptRequest(ctx, partner);
    })
    .on(Accept, async (ctx, accept) => {
      if (!accept.actorId || !accept.objectId) return;
      await partnerAnswered(ctx.data.db, accept.actorId.href, accept.objectId.href, true, ctx.data.clock());
    })
    .on(Reject, async (ctx, reject) => {
      if (!reject.actorId || !reject.objectId) return;
      await partnerAnswered(ctx.data.db, reject.actorId.href, reject.objectId.href, false, ctx.data.clock());
    })
    .on(Undo, async (ctx, undo) => {
      const object = await undo.getObject(ctx);
      if (!(object instanceof Follow) || !undo.actorId || object.actorId?.href !== undo.actorId.href) return;
      await partnerLeft(ctx.data.db, undo.actorId.href, ctx.data.clock());
    })
    .on(Create, async (ctx, create) => {
      if (!create.actorId) return;
      // Fedify keeps the activity as it came: the proposal's own terms (purpose, publishes) are read from it.
      const raw = (await create.toJsonLd()) as { object?: unknown };
      const post = readProposal(raw.object);
      if (post) {
        await partnerShared(ctx.data.db, create.actorId.href, post, ctx.data.clock());
        return;
      }
      // Otherwise a message in a thread across the two networks: a Note replying to the thread's offer.
      const note = await create.getObject(ctx);
      if (!(note instanceof Note) || !note.id || !note.replyTargetId) return;
      await messageReceived(
        ctx.data.db,
        ctx.data.keys,
        create.actorId.href,
        { activityId: note.id.href, offerId: note.replyTargetId.href, text: plainText(String(note.content ?? '')) },
        ctx.data.clock(),
      );
    })
    .on(Offer, async (ctx, offer) => {
      if (!offer.actorId) return;
      const help = readOfferToHelp(await offer.toJsonLd());
      const ours = `${ctx.getActorUri(ACTOR).href}/posts/`;
      if (!help || !help.proposal.startsWith(ours)) return;
      const postId = help.proposal.slice(ours.length);
      if (!UUID.test(postId)) return;
      await helpOffered(ctx.data.db, offer.actorId.href, help, postId, ctx.data.clock());
    })
    .on(Delete, async (ctx, del) => {
      if (!del.actorId || !del.objectId) return;
      await partnerWithdrew(ctx.data.db, del.actorId.href, del.objectId.href, ctx.data.clock());
    })
    .onError((ctx, error) => ctx.data.log(`federation: an activity was not handled: ${error.message}`));
}

/**
 * A Create whose object is ours to write: fedify's vocabulary has no Proposal, so the activity is serialised as we
 * built it (FEP-0837's terms with it) — fedify still signs and delivers it, and retries.
 */
export class ProposalActivity extends Create {
  readonly #json: Record<string, unknown>;
  constructor(values: ConstructorParameters<typeof Create>[0], json: Record<string, unknown>) {
    super(values);
    this.#json = json;
  }
  override async toJsonLd(options?: Parameters<Create['toJsonLd']>[0]): Promise<unknown> {
    if (options?.format === 'compact') return this.#json;
    return super.toJsonLd(options);
  }
}

/** An offer to help, serialised as we built it (an Agreement is not in fedify's vocabulary either). */
export class HelpOffer extends Offer {
  readonly #json: Record<string, unknown>;
  constructor(values: ConstructorParameters<typeof Offer>[0], json: Record<string, unknown>) {
    super(values);
    this.#json = json;
  }
  override async toJsonLd(options?: Parameters<Offer['toJsonLd']>[0]): Promise<unknown> {
    if (options?.format === 'compact') return this.#json;
    return super.toJsonLd(options);
  }
}
