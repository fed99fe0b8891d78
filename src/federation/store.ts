// Fedify's key-value store and message queue, written on Kysely so they live in the network's own database on either
// engine (the embedded server or DATABASE_URL): no Redis, no second store to back up (ADR 042).
//
// The queue holds activities to deliver (with fedify's retries, each due later) and activities received, to handle.
// A message is taken for five minutes while it is handled, and deleted once handled; one whose handler died with the
// process is taken again when the five minutes pass. Due times are on the server's own clock, as fedify counts them.
import { sql, type Kysely } from 'kysely';
import type { KvKey, KvStore, KvStoreSetOptions, MessageQueue, MessageQueueEnqueueOptions } from '@fedify/fedify';
import type { Database } from '../db/types.ts';

const TAKEN_MS = 5 * 60_000;
const POLL_MS = 1_000;

/** A key as one text[] value (a bare array would be read as a list of values). */
const keyOf = (key: KvKey) => sql<string[]>`${sql.val([...key])}::text[]`;

export class KyselyKvStore implements KvStore {
  constructor(private readonly db: Kysely<Database>) {}

  async get<T = unknown>(key: KvKey): Promise<T | undefined> {
    const row = await this.db
      .selectFrom('federation_kv')
      .select('value')
      .where('key', '=', keyOf(key))
      .where((w) => w.or([w('expires_at', 'is', null), w('expires_at', '>', sql<Date>`clock_timestamp()`)]))
      .executeTakeFirst();
    return row ? (row.value as T) : undefined;
  }

  async set(key: KvKey, value: unknown, options?: KvStoreSetOptions): Promise<void> {
    const ttl = options?.ttl ? options.ttl.total({ unit: 'milliseconds' }) : null;
    const expires = ttl == null ? null : new Date(Date.now() + ttl);
    const json = JSON.stringify(value ?? null);
    await this.db
      .insertInto('federation_kv')
      .values({ key: [...key], value: json, expires_at: expires })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, expires_at: expires }))
      .execute();
  }

  async delete(key: KvKey): Promise<void> {
    await this.db.deleteFrom('federation_kv').where('key', '=', keyOf(key)).execute();
  }
}

/** Forgets what fedify cached that has expired (a job). */
export async function forgetExpiredKv(db: Kysely<Database>): Promise<number> {
  const gone = await db
    .deleteFrom('federation_kv')
    .where('expires_at', '<=', sql<Date>`clock_timestamp()`)
    .executeTakeFirst();
  return Number(gone.numDeletedRows);
}

type Handler = (message: unknown) => Promise<void> | void;

export class KyselyMessageQueue implements MessageQueue {
  private readonly wakers = new Set<() => void>();
  private stopped = false;

  constructor(private readonly db: Kysely<Database>) {}

  async enqueue(message: unknown, options?: MessageQueueEnqueueOptions): Promise<void> {
    await this.enqueueMany([message], options);
  }

  async enqueueMany(messages: unknown[], options?: MessageQueueEnqueueOptions): Promise<void> {
    if (!messages.length) return;
    const delay = options?.delay ? Math.max(0, options.delay.total({ unit: 'milliseconds' })) : 0;
    const due = new Date(Date.now() + delay);
    await this.db
      .insertInto('federation_queue')
      .values(messages.map((m) => ({ message: JSON.stringify(m), due_at: due })))
      .execute();
    for (const wake of this.wakers) wake();
  }

  /**
   * Handles every message due now, one at a time, and says how many; what a handler enqueues meanwhile (a retry, due
   * later) waits for its time. Tests call it to see a delivery through without waiting for the poll.
   */
  async drain(handler: Handler, most = 200): Promise<number> {
    let handled = 0;
    while (handled < most && !this.stopped) {
      const taken = await sql<{ id: string; message: unknown }>`
        update federation_queue set taken_until = clock_timestamp() + ${`${TAKEN_MS} milliseconds`}::interval
        where id = (
          select id from federation_queue
          where due_at <= clock_timestamp() and (taken_until is null or taken_until < clock_timestamp())
          order by due_at, made_at limit 1 for update skip locked)
        returning id, message`.execute(this.db);
      const row = taken.rows[0];
      if (!row) break;
      try {
        await handler(row.message);
      } finally {
        await this.db.deleteFrom('federation_queue').where('id', '=', row.id).execute();
      }
      handled++;
    }
    return handled;
  }

  async listen(handler: Handler, options?: { signal?: AbortSignal }): Promise<void> {
    const signal = options?.signal;
    while (!this.stopped && !signal?.aborted) {
      try {
        await this.drain(handler);
      } catch (err) {
        // The database closed (the server stopping, a test world ending): nothing more to listen for. Otherwise a
        // moment's trouble: try again after the pause; the message stays.
        if (/destroyed|after calling end|pool is ended/i.test(String((err as Error)?.message))) break;
      }
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.wakers.delete(done);
          signal?.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, POLL_MS);
        timer.unref();
        this.wakers.add(done);
        signal?.addEventListener('abort', done);
      });
    }
  }

  /** Stops every listener (the server closing, a test world ending). */
  stop() {
    this.stopped = true;
    for (const wake of this.wakers) wake();
  }
}
