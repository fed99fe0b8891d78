// A member's webhooks (issue 22): Kropotkin tells a program they chose what they may see as it happens — a new need or
// offer on the board (post.created), a notification of theirs (notification.created) — signed per the Standard
// Webhooks specification (the standardwebhooks library: webhook-id, webhook-timestamp, webhook-signature v1 HMAC-SHA256
// with a whsec_ secret sealed here). Events are gathered every few seconds from what was written since the webhook
// last looked; each delivery is tried again with growing pauses for about a day (12 tries), then given up. Only public
// https addresses are reached (the address is checked when the connection is made, so a name cannot turn private
// between the check and the call), unless the host allows private ones (WEBHOOK_PRIVATE_ADDRESSES).
import crypto from 'node:crypto';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { Kysely } from 'kysely';
import { Webhook } from 'standardwebhooks';
import type { Database } from '../db/types.ts';
import type { Deps } from '../web/context.ts';
import { decrypt, encrypt, type Keys } from '../security/crypto.ts';
import { errors } from '../web/errors.ts';
import { translator } from '../web/i18n/index.ts';
import { postById } from '../exchange/index.ts';
import { notificationsOf, notificationText } from '../notifications/index.ts';
import { toPost } from './v1.ts';

export const EVENTS = ['post.created', 'notification.created'] as const;
export type WebhookEvent = (typeof EVENTS)[number];
export const MOST_WEBHOOKS = 5;
export const MOST_TRIES = 12;
const TIMEOUT_MS = 10_000;
const BATCH = 50;
export const STOP_AFTER_FAILURES = 100;
/** How far before its last look a webhook's next look begins. */
const LOOK_BACK_MS = 5 * 60_000;

const secretPurpose = (id: string) => `webhook-secret:${id}`;

/** Addresses a webhook may not reach unless the host allows it: this machine, private networks, link-local. */
const PRIVATE = new net.BlockList();
for (const [a, p] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(a, p, 'ipv4');
for (const [a, p] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(a, p, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return PRIVATE.check(mapped, 'ipv4');
  return PRIVATE.check(address, net.isIPv6(address) ? 'ipv6' : 'ipv4');
}

/** A web address a webhook may be sent to, or why not (a message key). */
export function webhookUrl(raw: string, allowPrivate: boolean): { ok: true; url: string } | { ok: false } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false };
  }
  if (url.username || url.password || url.href.length > 2000) return { ok: false };
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) return { ok: false };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (
    !allowPrivate &&
    (host === 'localhost' || host.endsWith('.localhost') || (net.isIP(host) && isPrivateAddress(host)))
  )
    return { ok: false };
  return { ok: true, url: url.href };
}

export async function addWebhook(
  db: Kysely<Database>,
  keys: Keys,
  a: { memberId: string; url: string; events: WebhookEvent[]; now: Date },
): Promise<{ id: string; secret: string }> {
  return db.transaction().execute(async (tx) => {
    await tx.selectFrom('members').select('id').where('id', '=', a.memberId).forUpdate().executeTakeFirstOrThrow();
    const live = await tx
      .selectFrom('webhooks')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('member_id', '=', a.memberId)
      .executeTakeFirstOrThrow();
    if (Number(live.n) >= MOST_WEBHOOKS) throw errors.conflict('too_many_webhooks', 'api.tooManyWebhooks');
    const id = crypto.randomUUID();
    const secret = `whsec_${crypto.randomBytes(24).toString('base64')}`;
    await tx
      .insertInto('webhooks')
      .values({
        id,
        member_id: a.memberId,
        url: a.url,
        secret_enc: encrypt(keys, secretPurpose(id), secret),
        events: a.events,
        made_at: a.now,
        seen_until: a.now,
      })
      .execute();
    return { id, secret };
  });
}

export async function webhooksOf(db: Kysely<Database>, memberId: string) {
  const rows = await db
    .selectFrom('webhooks as w')
    .select(['w.id', 'w.url', 'w.events', 'w.made_at', 'w.failures', 'w.stopped_at'])
    .select((eb) =>
      eb
        .selectFrom('webhook_deliveries as d')
        .select((x) => x.fn.max('d.delivered_at').as('at'))
        .whereRef('d.webhook_id', '=', 'w.id')
        .as('last_delivered'),
    )
    .where('w.member_id', '=', memberId)
    .orderBy('w.made_at', 'desc')
    .execute();
  return rows;
}

export async function webhookOwner(db: Kysely<Database>, id: string) {
  return (await db.selectFrom('webhooks').select('member_id').where('id', '=', id).executeTakeFirst())?.member_id;
}

export async function removeWebhook(db: Kysely<Database>, id: string, memberId: string) {
  await db.deleteFrom('webhooks').where('id', '=', id).where('member_id', '=', memberId).execute();
}

const body = (type: WebhookEvent, at: Date, data: unknown) =>
  JSON.stringify({ type, timestamp: at.toISOString(), data });

/** What happened since each webhook last looked, as deliveries to make: what its member may see, nothing more. */
export async function gatherEvents(deps: Deps, now: Date) {
  const { db, registry } = deps;
  const hooks = await db
    .selectFrom('webhooks as w')
    .innerJoin('members as m', 'm.id', 'w.member_id')
    .select(['w.id', 'w.member_id', 'w.events', 'w.seen_until', 'w.made_at', 'm.language'])
    .where('w.stopped_at', 'is', null)
    .where('m.removed_at', 'is', null)
    .where('w.seen_until', '<=', now)
    .execute();
  if (hooks.length === 0) return;
  const network = await deps.network();
  for (const hook of hooks) {
    // Looking back a little past the last look: what was written in a transaction that began before it and ended
    // after it is caught too; each post or notification goes once all the same (webhook_deliveries_once).
    const since = new Date(Math.max(hook.seen_until.getTime() - LOOK_BACK_MS, hook.made_at.getTime() - 1));
    const out: { event: WebhookEvent; subject: string; body: string }[] = [];
    if (hook.events.includes('post.created')) {
      const fresh = await db
        .selectFrom('posts')
        .select('id')
        .where('created_at', '>', since)
        .where('created_at', '<=', now)
        .where('status', '=', 'open')
        .where('hidden_at', 'is', null)
        .orderBy('created_at')
        .limit(200)
        .execute();
      for (const { id } of fresh) {
        const post = await postById(db, id);
        if (post && !post.hidden && post.status === 'open')
          out.push({
            event: 'post.created',
            subject: post.id,
            body: body('post.created', post.createdAt, toPost(post, hook.member_id)),
          });
      }
    }
    if (hook.events.includes('notification.created')) {
      const t = translator(hook.language, registry.catalogs);
      const at = { lang: hook.language, zone: network?.timeZone ?? 'UTC' };
      for (const n of (await notificationsOf(db, registry, hook.member_id, 50)).reverse())
        if (n.createdAt > since && n.createdAt <= now)
          out.push({
            event: 'notification.created',
            subject: n.id,
            body: body('notification.created', n.createdAt, {
              id: n.id,
              kind: n.kind,
              text: notificationText(t, registry, n, at),
            }),
          });
    }
    await db.transaction().execute(async (tx) => {
      if (out.length)
        await tx
          .insertInto('webhook_deliveries')
          .values(
            out.map((o) => ({
              webhook_id: hook.id,
              event: o.event,
              subject: o.subject,
              body: o.body,
              made_at: now,
              next_at: now,
            })),
          )
          .onConflict((oc) => oc.doNothing())
          .execute();
      await tx.updateTable('webhooks').set({ seen_until: now }).where('id', '=', hook.id).execute();
    });
  }
}

/** A lookup that refuses private addresses: used when connecting, so the address checked is the one reached. */
function publicLookup(allowPrivate: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 4);
      const list = addresses as dns.LookupAddress[];
      const ok = list.filter((a) => allowPrivate || !isPrivateAddress(a.address));
      if (ok.length === 0) return callback(new Error('a private address'), '', 4);
      if ((options as { all?: boolean }).all)
        return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, ok);
      callback(null, ok[0]!.address, ok[0]!.family);
    });
  };
}

/** POSTs one signed delivery; resolves with the status, or 0 when nothing answered in time. */
function post(url: string, headers: Record<string, string>, payload: string, allowPrivate: boolean): Promise<number> {
  return new Promise((resolve) => {
    const u = new URL(url);
    const request = (u.protocol === 'https:' ? https : http).request(
      u,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        lookup: publicLookup(allowPrivate),
        timeout: TIMEOUT_MS,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      },
    );
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(0));
    request.end(payload);
  });
}

/** The pause before try n + 1: half a minute, doubling, at most six hours — twelve tries cover about a day. */
const pauseMs = (tries: number) => Math.min(30_000 * 2 ** tries, 6 * 3_600_000);

/** Sends what is due, all at once (each waits at most TIMEOUT_MS), and schedules again what failed. */
export async function deliverWebhooks(deps: Deps, now: Date) {
  const { db, keys } = deps;
  const due = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
    .select(['d.id', 'd.body', 'd.tries', 'd.made_at', 'w.id as hook', 'w.url', 'w.secret_enc'])
    .where('d.delivered_at', 'is', null)
    .where('d.next_at', '<=', now)
    .where('d.tries', '<', MOST_TRIES)
    .where('w.stopped_at', 'is', null)
    .orderBy('d.next_at')
    .limit(BATCH)
    .execute();
  await Promise.all(
    due.map(async (d) => {
      const secret = decrypt(keys, secretPurpose(d.hook), d.secret_enc);
      const sentAt = deps.clock();
      const signature = new Webhook(secret).sign(d.id, sentAt, d.body);
      const status = await post(
        d.url,
        {
          'webhook-id': d.id,
          'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
          'webhook-signature': signature,
        },
        d.body,
        deps.config.webhookPrivateAddresses,
      );
      const ok = status >= 200 && status < 300;
      await db
        .updateTable('webhook_deliveries')
        .set(
          ok
            ? { delivered_at: now, last_status: status, tries: d.tries + 1 }
            : { last_status: status, tries: d.tries + 1, next_at: new Date(now.getTime() + pauseMs(d.tries)) },
        )
        .where('id', '=', d.id)
        .execute();
      await db
        .updateTable('webhooks')
        .set((eb) => ({ failures: ok ? 0 : eb('failures', '+', 1) }))
        .where('id', '=', d.hook)
        .execute();
    }),
  );
  // A program that has not answered a hundred times in a row is gone: nothing more is sent; its page says so.
  await db
    .updateTable('webhooks')
    .set({ stopped_at: now })
    .where('failures', '>=', STOP_AFTER_FAILURES)
    .where('stopped_at', 'is', null)
    .execute();
}

/** Deliveries are forgotten a week after they were made, delivered or not. */
export async function forgetDeliveries(db: Kysely<Database>, now: Date) {
  await db
    .deleteFrom('webhook_deliveries')
    .where('made_at', '<', new Date(now.getTime() - 7 * 86_400_000))
    .execute();
}
