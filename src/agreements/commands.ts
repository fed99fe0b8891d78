// The founding act: the network's first agreements, its founding member and their session, in one transaction.
import type { Kysely } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/types.ts';
import { errors } from '../web/errors.ts';
import { hashToken } from '../security/tokens.ts';
import { createMember, type NewMember } from '../members/index.ts';
import { createSession } from '../members/index.ts';
import type { Keys } from '../security/crypto.ts';
import type { Registry } from '../web/domain.ts';
import { timingSafeEqual } from 'node:crypto';

export type Founding = {
  networkName: string;
  areas: string[];
  languages: string[];
  currency?: string;
  /** The kinds of help members ask for and offer; the defaults when not given. */
  categories?: string[];
  /** The network's time zone (IANA, as Intl spells it); the server's when not given. */
  timeZone?: string;
  founder: NewMember;
};

export async function foundNetwork(db: Db, registry: Registry, keys: Keys, token: string, f: Founding, now: Date) {
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('network_founding')
      .select(['token_hash', 'founded_at'])
      .forUpdate()
      .executeTakeFirst();
    if (row?.founded_at) throw errors.gone('already_founded', 'error.alreadyFounded');
    const given = hashToken(token);
    if (!row?.token_hash || !timingSafeEqual(row.token_hash, given)) {
      throw errors.forbidden('bad_founding_link', 'error.badFoundingLink');
    }
    // What the founders chose, and every other agreement as it starts.
    const chosen: Record<string, unknown> = {
      network_name: f.networkName,
      areas: f.areas,
      languages: f.languages,
      currency: f.currency,
      categories: f.categories,
      time_zone: f.timeZone,
    };
    const values = registry.agreements.map((a): [string, unknown] => [a.key, chosen[a.key] ?? a.start]);
    await tx
      .insertInto('agreements')
      .values(values.map(([key, value]) => ({ key, value: JSON.stringify(value), adopted_by: 'founding' as const })))
      .execute();
    const memberId = await createMember(tx, keys, f.founder);
    await tx.updateTable('network_founding').set({ founded_at: now, token_hash: null }).execute();
    const session = await createSession(tx, memberId, now);
    return { memberId, session };
  });
}

/** A change of agreement a passed proposal carried: a new row, the decision's id on it (the database checks it). */
export async function adoptAgreement(tx: Kysely<Database>, key: string, value: unknown, decisionId: string, now: Date) {
  await tx
    .insertInto('agreements')
    .values({ key, value: JSON.stringify(value), adopted_by: 'decision', decision_id: decisionId, adopted_at: now })
    .execute();
}
