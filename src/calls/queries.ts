// Reading wellness calls: the rounds with how far each has come (counts only), one round, the call a caller holds
// (with the person's number, for them alone), whether a member asked to be called, and the neighbours they added.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

type Q = Kysely<Database>;

export type RoundView = {
  id: string;
  title: string;
  script: Record<string, string>;
  openedAt: Date;
  closesAt: Date;
  closedAt: Date | null;
  total: number;
  done: number;
  needs: number;
  held: number;
};

const rounds = (db: Q) =>
  db
    .selectFrom('call_rounds as r')
    .select((eb) => [
      'r.id',
      'r.title',
      'r.script',
      'r.opened_at as openedAt',
      'r.closes_at as closesAt',
      'r.closed_at as closedAt',
      eb
        .selectFrom('calls')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('calls.round_id', '=', 'r.id')
        .as('total'),
      eb
        .selectFrom('calls')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('calls.round_id', '=', 'r.id')
        .where('calls.done_at', 'is not', null)
        .as('done'),
      eb
        .selectFrom('calls')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('calls.round_id', '=', 'r.id')
        .where('calls.outcome', 'in', ['needs', 'in_person'])
        .as('needs'),
      eb
        .selectFrom('calls')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('calls.round_id', '=', 'r.id')
        .where('calls.held_by', 'is not', null)
        .as('held'),
    ]);

const asRound = (r: Awaited<ReturnType<ReturnType<typeof rounds>['executeTakeFirstOrThrow']>>): RoundView => ({
  ...r,
  total: Number(r.total ?? 0),
  done: Number(r.done ?? 0),
  needs: Number(r.needs ?? 0),
  held: Number(r.held ?? 0),
});

export async function roundsList(db: Q): Promise<RoundView[]> {
  return (await rounds(db).orderBy('r.opened_at', 'desc').limit(50).execute()).map(asRound);
}

export async function round(db: Q, id: string): Promise<RoundView | undefined> {
  const r = await rounds(db).where('r.id', '=', id).executeTakeFirst();
  return r && asRound(r);
}

export type HeldCall = {
  id: string;
  roundId: string;
  heldBy: string | null;
  heldUntil: Date | null;
  doneAt: Date | null;
  tries: number;
  personId: string;
  name: string;
  memberId: string | null;
  phoneEnc: Buffer;
  language: string;
  area: string;
};

export const callById = (db: Q, id: string): Promise<HeldCall | undefined> =>
  db
    .selectFrom('calls')
    .innerJoin('call_people as p', 'p.id', 'calls.person_id')
    .leftJoin('members as m', 'm.id', 'p.member_id')
    .select([
      'calls.id',
      'calls.round_id as roundId',
      'calls.held_by as heldBy',
      'calls.held_until as heldUntil',
      'calls.done_at as doneAt',
      'calls.tries',
      'p.id as personId',
      sql<string>`coalesce(m.display_name, p.name)`.as('name'),
      'p.member_id as memberId',
      'p.phone_enc as phoneEnc',
      'p.language',
      'p.area',
    ])
    .where('calls.id', '=', id)
    .executeTakeFirst();

export const myEntry = (db: Q, memberId: string) =>
  db
    .selectFrom('call_people')
    .select(['id', 'phone_enc', 'language', 'area'])
    .where('member_id', '=', memberId)
    .executeTakeFirst();

export const neighboursAddedBy = (db: Q, memberId: string) =>
  db
    .selectFrom('call_people')
    .select(['id', 'name', 'language', 'area', 'consent_at as consentAt'])
    .where('consent_by', '=', memberId)
    .where('member_id', 'is', null)
    .orderBy('name')
    .execute();

export const personById = (db: Q, id: string) =>
  db.selectFrom('call_people').select(['id', 'member_id', 'consent_by']).where('id', '=', id).executeTakeFirst();

/** How many asked to be called, by language (counts only). */
export const peopleByLanguage = (db: Q) =>
  db
    .selectFrom('call_people')
    .select(['language', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('language')
    .orderBy('language')
    .execute();

/** The round each of these needs was found in, by need (for crisis dispatch). */
export async function roundsOfNeeds(db: Q, postIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('calls')
    .innerJoin('call_rounds', 'call_rounds.id', 'calls.round_id')
    .select(['calls.need_id', 'call_rounds.title'])
    .where('calls.need_id', 'in', [...postIds])
    .execute();
  return new Map(rows.map((r) => [r.need_id!, r.title]));
}
