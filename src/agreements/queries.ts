// Reading agreements: the newest row per key is in force; older rows are its history.
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { DEFAULT_CATEGORIES } from './defaults.ts';

export type NetworkAgreements = {
  networkName: string;
  areas: string[];
  languages: string[];
  categories: string[];
};

export type AgreementRow = { id: number; key: string; value: unknown; adoptedAt: Date; adoptedBy: string };

export async function agreementsInForce(db: Db): Promise<AgreementRow[]> {
  const rows = await db
    .selectFrom('agreements')
    .select(['id', 'key', 'value', 'adopted_at', 'adopted_by'])
    .distinctOn('key')
    .orderBy('key')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, key: r.key, value: r.value, adoptedAt: r.adopted_at, adoptedBy: r.adopted_by }));
}

export async function agreementHistory(db: Db): Promise<AgreementRow[]> {
  const rows = await db
    .selectFrom('agreements')
    .select(['id', 'key', 'value', 'adopted_at', 'adopted_by'])
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, key: r.key, value: r.value, adoptedAt: r.adopted_at, adoptedBy: r.adopted_by }));
}

const strings = (v: unknown, fallback: string[]): string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : fallback;

export async function networkAgreements(db: Db): Promise<NetworkAgreements> {
  const byKey = new Map((await agreementsInForce(db)).map((a) => [a.key, a.value]));
  const name = byKey.get('network_name');
  return {
    networkName: typeof name === 'string' ? name : 'Kropotkin',
    areas: strings(byKey.get('areas'), []),
    languages: strings(byKey.get('languages'), ['en']),
    categories: strings(byKey.get('categories'), [...DEFAULT_CATEGORIES]),
  };
}

export async function foundingState(db: Db): Promise<{ founded: boolean; tokenHash: Buffer | null }> {
  const row = await db.selectFrom('network_founding').select(['founded_at', 'token_hash']).executeTakeFirst();
  return { founded: !!row?.founded_at, tokenHash: row?.token_hash ?? null };
}

export async function setFoundingToken(db: Db, tokenHash: Buffer): Promise<void> {
  await sql`insert into network_founding (id, token_hash) values (1, ${tokenHash})
    on conflict (id) do update set token_hash = excluded.token_hash where network_founding.founded_at is null`.execute(db);
}
