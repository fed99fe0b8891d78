// The directory's writes: a visitor's message to the network (sealed, kept 60 days), and partner networks' profiles
// read from their own servers now and then (a partner that is slow or gone changes nothing else).
import type { Deps } from '../web/context.ts';
import type { Db } from '../db/connect.ts';
import { encrypt } from '../security/crypto.ts';
import { partnerProfileSchema, type PartnerProfile } from './profile.ts';
import { MESSAGE_PURPOSE, REPLY_PURPOSE, partnerActors, profilesReadSince } from './queries.ts';

export const KEEP_MESSAGES_DAYS = 60;
/** A partner's profile is read again after this long. */
const READ_AGAIN_MS = 6 * 3600_000;
const MOST_BYTES = 64 * 1024;

export async function leaveMessage(deps: Deps, m: { body: string; reply?: string | undefined }, now: Date) {
  await deps.db
    .insertInto('directory_messages')
    .values({
      body_enc: encrypt(deps.keys, MESSAGE_PURPOSE, m.body),
      reply_enc: m.reply ? encrypt(deps.keys, REPLY_PURPOSE, m.reply) : null,
      sent_at: now,
    })
    .execute();
}

export async function forgetOldMessages(db: Db, now: Date): Promise<void> {
  await db
    .deleteFrom('directory_messages')
    .where('sent_at', '<', new Date(now.getTime() - KEEP_MESSAGES_DAYS * 86_400_000))
    .execute();
}

/** A partner's published profile: what it says, `gone` when it publishes none, null when it could not be read. */
export async function fetchProfile(actorUrl: string): Promise<PartnerProfile | 'gone' | null> {
  try {
    const res = await fetch(new URL('/directory/profile.json', actorUrl), {
      headers: { accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(5_000),
    });
    if (res.status === 404 || res.status === 410) return 'gone';
    if (!res.ok || !res.body) return null;
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += chunk.byteLength;
      if (size > MOST_BYTES) return null;
      chunks.push(chunk);
    }
    const parsed = partnerProfileSchema.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Reads the profiles of partners not read lately, and forgets those of networks that are no longer partners. */
export async function readPartnerProfiles(deps: Deps, now: Date, read = fetchProfile): Promise<void> {
  const { db } = deps;
  const partners = await partnerActors(db);
  const forget = db.deleteFrom('directory_profiles');
  await (partners.length ? forget.where('actor_url', 'not in', partners) : forget).execute();
  if (!partners.length) return;
  const fresh = await profilesReadSince(db, new Date(now.getTime() - READ_AGAIN_MS));
  const due = partners.filter((a) => !fresh.has(a)).slice(0, 20);
  const read_ = await Promise.all(due.map(async (actorUrl) => ({ actorUrl, profile: await read(actorUrl) })));
  for (const { actorUrl, profile } of read_) {
    if (profile === 'gone') await db.deleteFrom('directory_profiles').where('actor_url', '=', actorUrl).execute();
    if (!profile || profile === 'gone') continue;
    const row = {
      name: profile.name,
      place: profile.locality,
      about: profile.description ?? '',
      lat: profile.geolocation?.lat ?? null,
      lng: profile.geolocation?.lon ?? null,
      contact_url: profile.contact_details?.contact_form ?? null,
      read_at: now,
    };
    await db
      .insertInto('directory_profiles')
      .values({ actor_url: actorUrl, ...row })
      .onConflict((oc) => oc.column('actor_url').doUpdateSet(row))
      .execute();
  }
}
