// Writes for roles: defining one (by decision), filling it (by decision, or by volunteering where its definition
// allows), the handover note, stepping down early, and reminding the network when a term nears its end.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { openProposal } from '../decisions/index.ts';
import { standardRules } from '../decisions/index.ts';
import { errors } from '../web/errors.ts';
import { encrypt, type Keys } from '../security/crypto.ts';
import { notify } from '../notifications/index.ts';
import {
  handoverPurpose,
  nextFreeSeat,
  remindDays,
  roleDef,
  termsInRow,
  volunteerCheck,
  type RoleDef,
} from './queries.ts';
import { openProposalWith } from '../decisions/index.ts';
import { reachableMemberIds } from '../members/index.ts';
import { z } from 'zod';
import { uuid } from '../web/edges.ts';

type Q = Kysely<Database>;
const DAY = 86_400_000;

export type FillRole = {
  type: 'fill_role';
  role: string;
  member_id: string;
  member_name: string;
  days: number;
  /** The role's title as the network named it, so the decision reads the same after the role changes. */
  role_title?: string;
  /** The decision knowingly lets the member hold the role more terms in a row than the role's rule allows. */
  beyond_rotation?: boolean;
};

export type DefineRole = {
  type: 'define_role';
  name: string;
  title: string;
  duties: string;
  term_days: number;
  seats: number;
  terms_in_row: number;
  volunteering: boolean;
};

export type RoleAction = FillRole | DefineRole;

/** What a role action must carry to be applied (web/domain.ts, DecisionAction.payload). */
export const fillRolePayload: z.ZodType<FillRole> = z.object({
  type: z.literal('fill_role'),
  role: z.string().min(1),
  member_id: uuid,
  member_name: z.string(),
  days: z.number().int().positive(),
  role_title: z.string().optional(),
  beyond_rotation: z.boolean().optional(),
});
export const defineRolePayload: z.ZodType<DefineRole> = z.object({
  type: z.literal('define_role'),
  name: z.string().min(1),
  title: z.string().min(1),
  duties: z.string(),
  term_days: z.number().int().positive(),
  seats: z.number().int().positive(),
  terms_in_row: z.number().int().positive(),
  volunteering: z.boolean(),
});

/**
 * Applies a passed fill_role decision. The term starts when the decision closes, or — when every seat is taken, as
 * when the next holder is chosen before a term ends — as soon as a seat frees. A term the rules no longer allow by
 * then (the member has since reached the limit of terms in a row without the decision saying so) is not started.
 */
export async function fillRole(tx: Q, decisionId: string, a: FillRole, now: Date): Promise<void> {
  const member = await tx.selectFrom('members').select('removed_at').where('id', '=', a.member_id).executeTakeFirst();
  const def = await lockRole(tx, a.role);
  if (!member || member.removed_at || !def) return;
  const starts = await nextFreeSeat(tx, a.role, now);
  if (!a.beyond_rotation && (await termsInRow(tx, a.member_id, a.role, starts)) >= def.termsInRow) return;
  await tx
    .insertInto('role_terms')
    .values({
      role: a.role,
      member_id: a.member_id,
      starts_at: starts,
      ends_at: new Date(starts.getTime() + a.days * DAY),
      decision_id: decisionId,
    })
    .execute();
}

/** A passed define_role decision makes the role, or changes it; terms already running keep their dates. */
export async function defineRole(tx: Q, decisionId: string, a: DefineRole, now: Date): Promise<void> {
  const values = {
    name: a.name,
    title: a.title,
    duties: a.duties,
    term_days: a.term_days,
    seats: a.seats,
    terms_in_row: a.terms_in_row,
    volunteering: a.volunteering,
    decision_id: decisionId,
    defined_at: now,
  };
  const { name: _name, ...changes } = values;
  await tx
    .insertInto('roles')
    .values(values)
    .onConflict((oc) => oc.column('name').doUpdateSet(changes))
    .execute();
}

async function lockRole(tx: Q, role: string): Promise<RoleDef | undefined> {
  await sql`select 1 from roles where name = ${role} for update`.execute(tx);
  return roleDef(tx, role);
}

export type Volunteered = { termId: string; startsAt: Date };

const REFUSALS = {
  by_decision: () => errors.forbidden('by_decision', 'error.roleByDecision'),
  already_holder: () => errors.conflict('already_holder', 'error.alreadyHolder'),
  seats_taken: () => errors.conflict('seats_taken', 'error.seatsTaken'),
  terms_in_row: () => errors.conflict('terms_in_row', 'error.termsInRow'),
} as const;

/**
 * A member takes a free seat of a role that allows volunteering, for one term: now, or when a seat frees within the
 * reminder window before a term ends (volunteering as the next holder). Refused when the role is filled by decision,
 * no seat frees soon enough, or it would be more terms in a row than the role allows.
 */
export async function volunteer(db: Q, memberId: string, role: string, now: Date): Promise<Volunteered> {
  return db.transaction().execute(async (tx) => {
    const def = await lockRole(tx, role);
    if (!def) throw errors.notFound();
    const { refused, startsAt: starts } = await volunteerCheck(tx, def, memberId, now);
    if (refused) throw REFUSALS[refused]();
    const row = await tx
      .insertInto('role_terms')
      .values({
        role,
        member_id: memberId,
        starts_at: starts,
        ends_at: new Date(starts.getTime() + def.termDays * DAY),
        decision_id: null,
        volunteered: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { termId: row.id, startsAt: starts };
  });
}

/** A holder steps down before the term ends (or gives up a term not yet started); no reason asked. */
export async function stepDown(db: Q, termId: string, memberId: string, now: Date): Promise<string | undefined> {
  const r = await sql<{ role: string }>`update role_terms set ended_at = greatest(${now}::timestamptz, starts_at)
    where id = ${termId} and member_id = ${memberId} and ended_at is null and ends_at > ${now} returning role`.execute(
    db,
  );
  return r.rows[0]?.role;
}

/** Writes the role's handover note; the database refuses anyone who has not held the role lately. */
export async function writeHandover(
  db: Q,
  keys: Keys,
  memberId: string,
  role: string,
  note: string,
  now: Date,
): Promise<void> {
  await db
    .insertInto('role_handovers')
    .values({ role, written_by: memberId, written_at: now, note_enc: encrypt(keys, handoverPurpose(role), note) })
    .execute();
}

type Proposing = { process: 'consent' | 'consensus' | 'majority'; closesInHours: number };

export type RoleProposal = Proposing & {
  role: RoleDef;
  member: { id: string; name: string };
  days: number;
  beyondRotation: boolean;
};

/** Asks the members to give a member a role for a term; if it passes, the term starts by itself. */
export async function proposeRole(db: Q, openedBy: string, p: RoleProposal, now: Date): Promise<string> {
  const action: FillRole = {
    type: 'fill_role',
    role: p.role.name,
    role_title: p.role.title,
    member_id: p.member.id,
    member_name: p.member.name,
    days: p.days,
  };
  if (p.beyondRotation) action.beyond_rotation = true;
  return openProposal(
    db,
    openedBy,
    {
      kind: 'role',
      title: `${p.role.title}: ${p.member.name}`,
      body: '',
      process: p.process,
      options: [],
      closesInHours: p.closesInHours,
      rules: standardRules(p.process),
      anonymous: false,
      action,
    },
    now,
  );
}

export type DefinitionProposal = Proposing & { definition: Omit<DefineRole, 'type'>; why: string };

/** Asks the members to make a new role or change one (term, seats, terms in a row, volunteering). */
export async function proposeDefinition(db: Q, openedBy: string, p: DefinitionProposal, now: Date): Promise<string> {
  return openProposal(
    db,
    openedBy,
    {
      kind: 'role',
      title: p.definition.title,
      body: p.why,
      process: p.process,
      options: [],
      closesInHours: p.closesInHours,
      rules: standardRules(p.process),
      anonymous: false,
      action: { type: 'define_role', ...p.definition },
    },
    now,
  );
}

/**
 * As a term nears its end and nobody is lined up for the seat, every member not on a break is told, once, so the next
 * holder can be found (proposed or, where allowed, volunteering).
 */
export async function remindEndingTerms(db: Q, now: Date): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const running = await sql<{ id: string; role: string; ends: Date; seats: number; term_days: number }>`
      select t.id, t.role, least(t.ends_at, coalesce(t.ended_at, t.ends_at)) as ends, r.seats, r.term_days
      from role_terms t join roles r on r.name = t.role
      where t.reminded_at is null and t.starts_at <= ${now} and least(t.ends_at, coalesce(t.ended_at, t.ends_at)) > ${now}
      for update of t skip locked`.execute(tx);
    const due = running.rows.filter(
      (t) => new Date(t.ends).getTime() - now.getTime() <= remindDays({ termDays: t.term_days }) * DAY,
    );
    let told = 0;
    for (const term of due) {
      await tx.updateTable('role_terms').set({ reminded_at: now }).where('id', '=', term.id).execute();
      const taken = await sql<{ n: number }>`select role_seats_taken(${term.role}, ${term.ends}) as n`.execute(tx);
      const lined = await openProposalWith(tx, { role: term.role });
      if (Number(taken.rows[0]?.n) >= term.seats || lined) continue;
      await notify(
        tx,
        (await reachableMemberIds(tx)).map((id) => ({
          member_id: id,
          kind: 'role_ending' as const,
          subject: term.role,
        })),
      );
      told += 1;
    }
    return told;
  });
}
