// Reading the shared things: the list (in or out, how many wait), one thing with its loan, its line and its recent
// reports, and what a member has and waits for.
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

type Q = Kysely<Database>;

export type ThingView = {
  id: string;
  title: string;
  about: string;
  lentBy: string | null;
  lentByName: string | null;
  addedBy: string;
  area: string;
  condition: Database['things']['condition'];
  loanDays: number;
  claimHours: number;
  retiredAt: Date | null;
  /** Out now: until when, and to whom (the id; names are not shown to others). */
  dueAt: Date | null;
  borrower: string | null;
  waiting: number;
  /** When its photo was set (null: none), which also names the photo's version in its address. */
  photoAt: Date | null;
  /** The exact pickup place, sealed (things/commands.ts pickupPurpose). */
  pickupEnc: Buffer | null;
};

const base = (db: Q) =>
  db
    .selectFrom('things')
    .leftJoin('members as lender', 'lender.id', 'things.lent_by')
    .leftJoin('thing_photos', 'thing_photos.thing_id', 'things.id')
    .leftJoin('thing_loans', (j) =>
      j.onRef('thing_loans.thing_id', '=', 'things.id').on('thing_loans.returned_at', 'is', null),
    )
    .select((eb) => [
      'things.id',
      'things.title',
      'things.about',
      'things.lent_by as lentBy',
      'lender.display_name as lentByName',
      'things.added_by as addedBy',
      'things.area',
      'things.condition',
      'things.loan_days as loanDays',
      'things.claim_hours as claimHours',
      'things.retired_at as retiredAt',
      'thing_loans.due_at as dueAt',
      'thing_loans.member_id as borrower',
      'thing_photos.set_at as photoAt',
      'things.pickup_enc as pickupEnc',
      eb
        .selectFrom('thing_holds')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('thing_holds.thing_id', '=', 'things.id')
        .where('thing_holds.ended_at', 'is', null)
        .as('waiting'),
    ]);

const asView = <R extends { waiting: string | number | null }>(r: R) => ({ ...r, waiting: Number(r.waiting ?? 0) });

export async function things(db: Q, opts: { q?: string; limit: number }): Promise<ThingView[]> {
  let q = base(db).where('things.retired_at', 'is', null).orderBy('things.title').limit(opts.limit);
  if (opts.q) q = q.where('things.title', 'ilike', `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return (await q.execute()).map(asView);
}

export async function thing(db: Q, id: string): Promise<ThingView | undefined> {
  const r = await base(db).where('things.id', '=', id).executeTakeFirst();
  return r && asView(r);
}

export type LineView = { id: string; memberId: string; offeredUntil: Date | null }[];

export async function lineOf(db: Q, thingId: string): Promise<LineView> {
  return db
    .selectFrom('thing_holds')
    .select(['id', 'member_id as memberId', 'offered_until as offeredUntil'])
    .where('thing_id', '=', thingId)
    .where('ended_at', 'is', null)
    .orderBy('asked_at')
    .orderBy('seq')
    .execute();
}

export type MyLoan = { dueAt: Date; renewals: number; conditionOut: Database['things']['condition'] };

export async function myLoan(db: Q, thingId: string, memberId: string): Promise<MyLoan | undefined> {
  return db
    .selectFrom('thing_loans')
    .select(['due_at as dueAt', 'renewals', 'condition_out as conditionOut'])
    .where('thing_id', '=', thingId)
    .where('member_id', '=', memberId)
    .where('returned_at', 'is', null)
    .executeTakeFirst();
}

export async function reportsOf(db: Q, thingId: string) {
  return db
    .selectFrom('thing_reports')
    .select(['kind', 'note', 'made_at as madeAt'])
    .where('thing_id', '=', thingId)
    .orderBy('made_at', 'desc')
    .limit(10)
    .execute();
}
