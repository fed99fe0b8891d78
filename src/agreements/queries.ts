// Reading agreements: the newest row per key is in force; older rows are its history.
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { AGREEMENT_DEFAULTS, DEFAULT_CATEGORIES } from './defaults.ts';
import type { JoinMode } from '../members/index.ts';

export type NetworkAgreements = {
  networkName: string;
  areas: string[];
  languages: string[];
  categories: string[];
  joinMode: JoinMode;
  metDetailsDays: number;
  flagThreshold: number;
  removalHours: number;
  /** Asking again for a removal within this many days of one that did not pass takes removalRepeatMembers members. */
  removalRepeatDays: number;
  removalRepeatMembers: number;
  /** The fund's currency (ISO 4217). */
  currency: string;
  /** Care and mutuality (issue 5): the check-in's rhythm and the thresholds that warn the network. */
  checkinWeeks: number;
  loadTopShare: number;
  reciprocityFloor: number;
  giniCeiling: number;
  /** Crisis mode by standing agreement (issue 6); a call by two members also turns it on for 48 hours. */
  crisisMode: boolean;
  /** Pairs of areas that border each other, for the distance dispatch weighs. */
  areaNeighbours: [string, string][];
};

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

const strings = (v: unknown, fallback: string[]): string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : fallback;
const whole = (v: unknown, fallback: number): number => (Number.isInteger(v) ? (v as number) : fallback);

export async function networkAgreements(db: Db): Promise<NetworkAgreements> {
  const byKey = new Map((await agreementsInForce(db)).map((a) => [a.key, a.value]));
  const name = byKey.get('network_name');
  return {
    networkName: typeof name === 'string' ? name : 'Kropotkin',
    areas: strings(byKey.get('areas'), []),
    languages: strings(byKey.get('languages'), ['en']),
    categories: strings(byKey.get('categories'), [...DEFAULT_CATEGORIES]),
    joinMode: byKey.get('join_mode') === 'seconded' ? 'seconded' : 'open',
    metDetailsDays: whole(byKey.get('met_details_days'), AGREEMENT_DEFAULTS.met_details_days),
    flagThreshold: whole(byKey.get('flag_threshold'), AGREEMENT_DEFAULTS.flag_threshold),
    removalHours: whole(byKey.get('removal_hours'), AGREEMENT_DEFAULTS.removal_hours),
    currency:
      typeof byKey.get('currency') === 'string' ? (byKey.get('currency') as string) : AGREEMENT_DEFAULTS.currency,
    checkinWeeks: whole(byKey.get('checkin_weeks'), AGREEMENT_DEFAULTS.checkin_weeks),
    loadTopShare: whole(byKey.get('load_top_share'), AGREEMENT_DEFAULTS.load_top_share),
    reciprocityFloor: whole(byKey.get('reciprocity_floor'), AGREEMENT_DEFAULTS.reciprocity_floor),
    giniCeiling: whole(byKey.get('gini_ceiling'), AGREEMENT_DEFAULTS.gini_ceiling),
    crisisMode: byKey.get('crisis_mode') === 'on',
    removalRepeatDays: whole(byKey.get('removal_repeat_days'), AGREEMENT_DEFAULTS.removal_repeat_days),
    removalRepeatMembers: whole(byKey.get('removal_repeat_members'), AGREEMENT_DEFAULTS.removal_repeat_members),
    areaNeighbours: strings(byKey.get('area_neighbours'), []).map(
      (l) => l.split(' / ').map((a) => a.trim()) as [string, string],
    ),
  };
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

/** The fund's currency for this request: the network's agreement (loaded by the middleware), or the default. */
export const currencyOf = (c: Context<AppEnv>): string => c.get('network')?.currency ?? AGREEMENT_DEFAULTS.currency;
