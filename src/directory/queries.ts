// What the directory reads: partner networks' profiles as last read, and the messages visitors left.
import type { Db } from '../db/connect.ts';
import type { Keys } from '../security/crypto.ts';
import { decrypt } from '../security/crypto.ts';
import type { Entry } from './listing.ts';
import { partnersList } from '../federation/index.ts';

/** The actors of the networks that are partners now (both sides decided). */
export async function partnerActors(db: Db): Promise<string[]> {
  return (await partnersList(db)).filter((p) => p.state === 'partners').map((p) => p.actorUrl);
}

/** Which partners' profiles were read since `since`. */
export async function profilesReadSince(db: Db, since: Date): Promise<Set<string>> {
  const rows = await db.selectFrom('directory_profiles').select('actor_url').where('read_at', '>', since).execute();
  return new Set(rows.map((r) => r.actor_url));
}

/** Partner networks' profiles, as entries (partners: the actors our members and theirs decided on). */
export async function partnerEntries(db: Db, partners: readonly string[]): Promise<Entry[]> {
  if (!partners.length) return [];
  const rows = await db
    .selectFrom('directory_profiles')
    .selectAll()
    .where('actor_url', 'in', partners)
    .orderBy('name')
    .execute();
  return rows.map((r, i) => ({
    key: `partner-${i + 1}`,
    source: 'partner' as const,
    name: r.name,
    place: r.place,
    about: r.about,
    category: null,
    position: r.lat === null || r.lng === null ? null : { lat: Number(r.lat), lng: Number(r.lng) },
    link: null,
    contact: r.contact_url,
    host: new URL(r.actor_url).host,
  }));
}

export const MESSAGE_PURPOSE = 'directory message';
export const REPLY_PURPOSE = 'directory reply';

export type MessageView = { id: string; body: string; reply: string; sentAt: Date };

/** What visitors wrote to the network, newest first. */
export async function directoryMessages(db: Db, keys: Keys): Promise<MessageView[]> {
  const rows = await db.selectFrom('directory_messages').selectAll().orderBy('sent_at', 'desc').limit(200).execute();
  return rows.map((r) => ({
    id: r.id,
    body: decrypt(keys, MESSAGE_PURPOSE, r.body_enc),
    reply: r.reply_enc ? decrypt(keys, REPLY_PURPOSE, r.reply_enc) : '',
    sentAt: r.sent_at,
  }));
}

export async function messageCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom('directory_messages')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
