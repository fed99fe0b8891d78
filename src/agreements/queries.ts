// Reading agreements: the newest row per key is in force; older rows are its history.
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Network } from '../web/context.ts';
import type { Registry } from '../web/domain.ts';

export type AgreementRow = {
  id: number;
  key: string;
  value: unknown;
  adoptedAt: Date;
  adoptedBy: string;
  decisionId: string | null;
  decisionTitle: string | null;
};

const withDecision = (db: Db) =>
  db
    .selectFrom('agreements')
    .leftJoin('proposals', 'proposals.id', 'agreements.decision_id')
    .select([
      'agreements.id',
      'agreements.key',
      'agreements.value',
      'agreements.adopted_at',
      'agreements.adopted_by',
      'agreements.decision_id',
      'proposals.title',
    ]);

type Row = {
  id: number;
  key: string;
  value: unknown;
  adopted_at: Date;
  adopted_by: 'founding' | 'decision';
  decision_id: string | null;
  title: string | null;
};
const toRow = (r: Row): AgreementRow => ({
  id: r.id,
  key: r.key,
  value: r.value,
  adoptedAt: r.adopted_at,
  adoptedBy: r.adopted_by,
  decisionId: r.decision_id,
  decisionTitle: r.title,
});

export async function agreementsInForce(db: Db): Promise<AgreementRow[]> {
  const rows = await withDecision(db)
    .distinctOn('agreements.key')
    .orderBy('agreements.key')
    .orderBy('agreements.id', 'desc')
    .execute();
  return rows.map(toRow);
}

export async function agreementHistory(db: Db): Promise<AgreementRow[]> {
  return (await withDecision(db).orderBy('agreements.id', 'desc').execute()).map(toRow);
}

/** The agreements in force, as every page's network has them: each domain's value, or its start (web/agreement.ts). */
export async function networkAgreements(db: Db, registry: Registry): Promise<Network> {
  return registry.network(new Map((await agreementsInForce(db)).map((a) => [a.key, a.value])));
}

export async function foundingState(db: Db): Promise<{ founded: boolean; tokenHash: Buffer | null }> {
  const row = await db.selectFrom('network_founding').select(['founded_at', 'token_hash']).executeTakeFirst();
  return { founded: !!row?.founded_at, tokenHash: row?.token_hash ?? null };
}

export async function setFoundingToken(db: Db, tokenHash: Buffer): Promise<void> {
  await sql`insert into network_founding (id, token_hash) values (1, ${tokenHash})
    on conflict (id) do update set token_hash = excluded.token_hash where network_founding.founded_at is null`.execute(
    db,
  );
}
