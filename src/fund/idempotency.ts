// Every write to the fund carries a key chosen by the member's form or client. The first write with a key does
// the work and remembers its result; the same key again answers with that result and does nothing; the same key
// with another body is refused. The key row is written in the write's own transaction, so a write that fails
// leaves the key free, and two writes with one key at once wait for each other on the primary key.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { errors } from '../web/errors.ts';

export const KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;

export const newIdempotencyKey = () => crypto.randomBytes(16).toString('base64url');

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

const hashOf = (body: unknown) =>
  crypto
    .createHash('sha256')
    .update(JSON.stringify(canonical(body)))
    .digest();

export type Once = { result: string; repeated: boolean };

/** Runs `write` once per (member, key) inside `tx`; `write` returns what a repeat should answer (an id). */
export async function once(
  tx: Kysely<Database>,
  memberId: string,
  key: string,
  body: unknown,
  write: () => Promise<string>,
  now: Date,
): Promise<Once> {
  if (!KEY_PATTERN.test(key)) throw errors.badRequest('idempotency_key_needed', 'error.idempotencyKey');
  const hash = hashOf(body);
  const claimed = await tx
    .insertInto('idempotency_keys')
    .values({ member_id: memberId, key, body_hash: hash, result: '', created_at: now })
    .onConflict((oc) => oc.columns(['member_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (!claimed) {
    const seen = await tx
      .selectFrom('idempotency_keys')
      .select(['body_hash', 'result'])
      .where('member_id', '=', memberId)
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    if (!seen.body_hash.equals(hash)) throw errors.conflict('idempotency_key_reused', 'error.idempotencyReused');
    return { result: seen.result, repeated: true };
  }
  const result = await write();
  await tx
    .updateTable('idempotency_keys')
    .set({ result })
    .where('member_id', '=', memberId)
    .where('key', '=', key)
    .execute();
  return { result, repeated: false };
}

/** Retries come within minutes; a key older than a week is no longer needed to tell a repeat from a new write. */
export const KEEP_KEYS_DAYS = 7;

export async function forgetOldKeys(db: Kysely<Database>, now: Date): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', new Date(now.getTime() - KEEP_KEYS_DAYS * 86_400_000))
    .execute();
}
