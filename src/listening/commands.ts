// Changing listening cycles: proposing one (a decision), opening it when the decision passes, listening (signing up,
// recording a conversation), sorting what was heard into themes (suggested on this machine, then renamed, merged,
// split and moved by members), writing what the listeners concluded, and opening a proposal from a theme. Answers are
// in answers.ts.
import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/types.ts';
import { openProposal, standardRules } from '../decisions/index.ts';
import { notify } from '../notifications/index.ts';
import { reachableMemberIds } from '../members/index.ts';
import { encrypt, type Keys } from '../security/crypto.ts';
import { errors } from '../web/errors.ts';
import { uuid } from '../web/edges.ts';
import { questionsSchema, type Question } from './questions.ts';
import { suggestThemes } from './themes.ts';

type Q = Kysely<Database>;
const DAY = 86_400_000;

export type OpenCycle = {
  type: 'open_listening_cycle';
  title: string;
  intro: string;
  questions: Question[];
  languages: string[];
  days: number;
  follows_id: string | null;
};

export const openCyclePayload: z.ZodType<OpenCycle> = z.object({
  type: z.literal('open_listening_cycle'),
  title: z.string().min(3).max(140),
  intro: z.string().max(2000),
  questions: questionsSchema,
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}$/))
    .min(1)
    .max(12),
  days: z.number().int().min(1).max(120),
  follows_id: uuid.nullable(),
}) as z.ZodType<OpenCycle>;

type Proposing = { process: 'consent' | 'consensus' | 'majority'; closesInHours: number; why: string };

/** Asks the members to listen: if the decision passes, the cycle opens by itself. */
export async function proposeCycle(db: Q, openedBy: string, cycle: OpenCycle, p: Proposing, now: Date) {
  return openProposal(
    db,
    openedBy,
    {
      kind: 'listening',
      title: cycle.title,
      body: p.why,
      process: p.process,
      options: [],
      closesInHours: p.closesInHours,
      rules: standardRules(p.process),
      anonymous: false,
      action: cycle,
    },
    now,
  );
}

/** A passed decision opens the cycle now, for the days it said, and tells every member. */
export async function openCycle(tx: Q, decisionId: string, a: OpenCycle, now: Date): Promise<void> {
  const follows = a.follows_id
    ? await tx.selectFrom('listening_cycles').select('id').where('id', '=', a.follows_id).executeTakeFirst()
    : undefined;
  const row = await tx
    .insertInto('listening_cycles')
    .values({
      title: a.title,
      intro: a.intro,
      questions: JSON.stringify(a.questions),
      languages: a.languages,
      opens_at: now,
      closes_at: new Date(now.getTime() + a.days * DAY),
      decision_id: decisionId,
      follows_id: follows?.id ?? null,
    })
    .onConflict((oc) => oc.column('decision_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return;
  await notify(
    tx,
    (await reachableMemberIds(tx)).map((id) => ({ member_id: id, kind: 'listening_opened' as const, subject: row.id })),
  );
}

/** The member listens in this cycle: holds conversations, enters answers from paper, sorts what was heard. */
export async function listen(db: Q, cycleId: string, memberId: string, now: Date): Promise<void> {
  await db
    .insertInto('listening_listeners')
    .values({ cycle_id: cycleId, member_id: memberId, joined_at: now })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export type Conversation = {
  heldOn: string;
  raised: string;
  lang: string;
  tags: string[];
  followUp: string | null;
  name: string;
};

export const notePurpose = (noteId: string) => `listening-note-name:${noteId}`;

/** A listener records a conversation: what was raised (sorted with the answers, without a name), tags, a follow-up
 * date, and a name only when the person chose to give it (sealed, and only for the listener). */
export async function recordConversation(
  db: Q,
  keys: Keys,
  cycleId: string,
  listenerId: string,
  c: Conversation,
  now: Date,
): Promise<string> {
  return db.transaction().execute(async (tx) => {
    await listen(tx, cycleId, listenerId, now);
    const id = crypto.randomUUID();
    await tx
      .insertInto('listening_notes')
      .values({
        id,
        cycle_id: cycleId,
        listener_id: listenerId,
        held_on: c.heldOn,
        tags: c.tags,
        follow_up: c.followUp,
        named_enc: c.name ? encrypt(keys, notePurpose(id), c.name) : null,
        recorded_at: now,
      })
      .execute();
    await tx
      .insertInto('listening_texts')
      .values({ cycle_id: cycleId, note_id: id, lang: c.lang, body: c.raised })
      .execute();
    return id;
  });
}

/** The listener followed up (the note leaves their list of follow-ups). */
export async function followedUp(db: Q, noteId: string, listenerId: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('listening_notes')
    .set({ followed_up_at: now })
    .where('id', '=', noteId)
    .where('listener_id', '=', listenerId)
    .where('followed_up_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Names given in conversations are forgotten this long after their cycle closed. */
export const NAMES_KEPT_DAYS = 60;

/** Forgets the names given in the conversations of cycles closed long enough ago. */
export async function forgetNames(db: Q, now: Date): Promise<number> {
  const r = await db
    .updateTable('listening_notes')
    .set({ named_enc: null })
    .where('named_enc', 'is not', null)
    .where('cycle_id', 'in', (eb) =>
      eb
        .selectFrom('listening_cycles')
        .select('id')
        .where('closes_at', '<', new Date(now.getTime() - NAMES_KEPT_DAYS * DAY)),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Tells listeners of the follow-ups due today (once each). */
export async function remindFollowUps(db: Q, today: string): Promise<void> {
  const due = await db
    .selectFrom('listening_notes')
    .select(['id', 'listener_id'])
    .where('follow_up', '<=', today)
    .where('followed_up_at', 'is', null)
    .execute();
  await notify(
    db,
    due.map((n) => ({ member_id: n.listener_id, kind: 'listening_follow_up' as const, subject: n.id })),
    { once: true },
  );
}

// ——— Sorting ———

/** Lock the cycle's themes while they change (two members sorting at once take turns). */
const lockCycle = (tx: Q, cycleId: string) =>
  sql`select 1 from listening_cycles where id = ${cycleId} for update`.execute(tx);

const nameFromWords = (words: readonly string[]) => words.slice(0, 3).join(', ') || '…';

/**
 * Groups what was heard into suggested themes on this machine (themes.ts). Themes keep their ids and the names members
 * gave them; a text a member placed stays where they put it; suggested themes left empty go.
 */
export async function suggest(db: Q, cycleId: string, memberId: string, now: Date): Promise<number> {
  return db.transaction().execute(async (tx) => {
    await lockCycle(tx, cycleId);
    await listen(tx, cycleId, memberId, now);
    const texts = await tx
      .selectFrom('listening_texts')
      .select(['id', 'body', 'lang'])
      .where('cycle_id', '=', cycleId)
      .execute();
    const themes = await tx
      .selectFrom('listening_themes')
      .select(['id', 'named_by_members'])
      .where('cycle_id', '=', cycleId)
      .execute();
    const placed = await tx
      .selectFrom('listening_theme_texts')
      .innerJoin('listening_themes', 'listening_themes.id', 'listening_theme_texts.theme_id')
      .select(['theme_id', 'text_id', 'placed_by_members'])
      .where('listening_themes.cycle_id', '=', cycleId)
      .execute();
    const previous = themes.map((t) => ({
      id: t.id,
      answerIds: placed.filter((p) => p.theme_id === t.id).map((p) => p.text_id),
    }));
    const suggested = suggestThemes(
      texts.map((t) => ({ id: t.id, text: t.body, lang: t.lang })),
      { previous, newId: () => crypto.randomUUID() },
    );
    const byMembers = new Set(placed.filter((p) => p.placed_by_members).map((p) => p.text_id));
    const known = new Map(themes.map((t) => [t.id, t]));
    if (themes.length)
      await tx
        .deleteFrom('listening_theme_texts')
        .where(
          'theme_id',
          'in',
          themes.map((t) => t.id),
        )
        .where('placed_by_members', '=', false)
        .execute();
    for (const s of suggested) {
      const had = known.get(s.id);
      if (!had)
        await tx
          .insertInto('listening_themes')
          .values({ id: s.id, cycle_id: cycleId, name: nameFromWords(s.words), words: s.words, made_at: now })
          .execute();
      else if (!had.named_by_members)
        await tx
          .updateTable('listening_themes')
          .set({ name: nameFromWords(s.words), words: s.words })
          .where('id', '=', s.id)
          .execute();
      else await tx.updateTable('listening_themes').set({ words: s.words }).where('id', '=', s.id).execute();
      const rows = s.answerIds.filter((id) => !byMembers.has(id)).map((id) => ({ theme_id: s.id, text_id: id }));
      if (rows.length)
        await tx
          .insertInto('listening_theme_texts')
          .values(rows)
          .onConflict((oc) => oc.doNothing())
          .execute();
    }
    // Suggested themes nobody named that hold nothing now, and no proposal came of, go.
    await tx
      .deleteFrom('listening_themes')
      .where('cycle_id', '=', cycleId)
      .where('named_by_members', '=', false)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('listening_theme_texts')
              .select('text_id')
              .whereRef('listening_theme_texts.theme_id', '=', 'listening_themes.id'),
          ),
        ),
      )
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('listening_theme_proposals')
              .select('proposal_id')
              .whereRef('listening_theme_proposals.theme_id', '=', 'listening_themes.id'),
          ),
        ),
      )
      .execute();
    return suggested.length;
  });
}

/** Only texts of this cycle, and themes of this cycle: what a sorting form names is checked against the cycle. */
async function ownTexts(tx: Q, cycleId: string, textIds: readonly string[]): Promise<string[]> {
  if (textIds.length === 0) return [];
  return (
    await tx
      .selectFrom('listening_texts')
      .select('id')
      .where('cycle_id', '=', cycleId)
      .where('id', 'in', textIds)
      .execute()
  ).map((r) => r.id);
}
async function ownTheme(tx: Q, cycleId: string, themeId: string | null): Promise<string | null> {
  if (!themeId) return null;
  const r = await tx
    .selectFrom('listening_themes')
    .select('id')
    .where('cycle_id', '=', cycleId)
    .where('id', '=', themeId)
    .executeTakeFirst();
  return r?.id ?? null;
}

export type Sorting =
  | { act: 'move'; texts: string[]; from: string | null; to: string }
  | { act: 'add'; texts: string[]; to: string }
  | { act: 'remove'; texts: string[]; from: string }
  | { act: 'split'; texts: string[]; from: string | null; name: string }
  | { act: 'quote'; texts: string[]; in: string; quote: boolean };

/** Members move what was heard between themes: move, also put in another, take out, make a new theme of some
 * (split), mark as a quote to show. Returns the theme the texts are in afterwards. */
export async function sort(db: Q, cycleId: string, memberId: string, s: Sorting, now: Date): Promise<string | null> {
  return db.transaction().execute(async (tx) => {
    await lockCycle(tx, cycleId);
    await listen(tx, cycleId, memberId, now);
    const texts = await ownTexts(tx, cycleId, s.texts);
    if (texts.length === 0) throw errors.badRequest('nothing_chosen', 'error.chooseTexts');
    const place = async (to: string) => {
      await tx
        .insertInto('listening_theme_texts')
        .values(texts.map((id) => ({ theme_id: to, text_id: id, placed_by_members: true })))
        .onConflict((oc) => oc.columns(['theme_id', 'text_id']).doUpdateSet({ placed_by_members: true }))
        .execute();
    };
    const takeOut = async (from: string | null) => {
      if (from)
        await tx
          .deleteFrom('listening_theme_texts')
          .where('theme_id', '=', from)
          .where('text_id', 'in', texts)
          .execute();
    };
    switch (s.act) {
      case 'move':
      case 'add': {
        const to = await ownTheme(tx, cycleId, s.to);
        if (!to) throw errors.badRequest('no_theme', 'error.chooseTheme');
        if (s.act === 'move') {
          const from = await ownTheme(tx, cycleId, s.from);
          if (from !== to) await takeOut(from);
        }
        await place(to);
        return to;
      }
      case 'remove': {
        await takeOut(await ownTheme(tx, cycleId, s.from));
        return s.from;
      }
      case 'split': {
        const id = crypto.randomUUID();
        await tx
          .insertInto('listening_themes')
          .values({ id, cycle_id: cycleId, name: s.name, named_by_members: true, made_at: now })
          .execute();
        await takeOut(await ownTheme(tx, cycleId, s.from));
        await place(id);
        return id;
      }
      case 'quote': {
        const theme = await ownTheme(tx, cycleId, s.in);
        if (!theme) throw errors.badRequest('no_theme', 'error.chooseTheme');
        await tx
          .updateTable('listening_theme_texts')
          .set({ quote: s.quote })
          .where('theme_id', '=', theme)
          .where('text_id', 'in', texts)
          .execute();
        return theme;
      }
    }
  });
}

/** Renames a theme (with its names in other languages) and says which root causes it comes from. */
export async function renameTheme(
  db: Q,
  themeId: string,
  memberId: string,
  t: { name: string; rootCauses: string[] },
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const r = await tx
      .updateTable('listening_themes')
      .set({ name: t.name, root_causes: t.rootCauses, named_by_members: true })
      .where('id', '=', themeId)
      .returning('cycle_id')
      .executeTakeFirst();
    if (r) await listen(tx, r.cycle_id, memberId, now);
  });
}

/** Merges a theme into another of the same cycle: its texts, root causes and proposals go there; it goes. */
export async function mergeTheme(db: Q, themeId: string, intoId: string, memberId: string, now: Date) {
  return db.transaction().execute(async (tx) => {
    const from = await tx
      .selectFrom('listening_themes')
      .select(['cycle_id', 'root_causes'])
      .where('id', '=', themeId)
      .executeTakeFirst();
    if (!from) throw errors.notFound();
    await lockCycle(tx, from.cycle_id);
    const into = await ownTheme(tx, from.cycle_id, intoId);
    if (!into || into === themeId) throw errors.badRequest('no_theme', 'error.chooseTheme');
    await listen(tx, from.cycle_id, memberId, now);
    await sql`insert into listening_theme_texts (theme_id, text_id, placed_by_members, quote)
      select ${into}, text_id, true, quote from listening_theme_texts where theme_id = ${themeId}
      on conflict (theme_id, text_id) do update set placed_by_members = true`.execute(tx);
    await sql`update listening_theme_proposals set theme_id = ${into} where theme_id = ${themeId}`.execute(tx);
    await sql`update listening_themes set named_by_members = true,
      root_causes = array(select distinct unnest(root_causes || ${from.root_causes}::text[]))
      where id = ${into}`.execute(tx);
    await tx.deleteFrom('listening_themes').where('id', '=', themeId).execute();
    return into;
  });
}

/** What the listeners concluded, in each of the cycle's languages (the report shows it). */
export async function writeConclusions(
  db: Q,
  cycleId: string,
  memberId: string,
  conclusions: Record<string, string>,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await listen(tx, cycleId, memberId, now);
    await tx
      .updateTable('listening_cycles')
      .set({ conclusions: JSON.stringify(conclusions) })
      .where('id', '=', cycleId)
      .execute();
  });
}

/** A member opens a proposal from a theme (an action, a campaign, a rota, a fund rule): linked back to the theme. */
export async function proposeFromTheme(
  db: Q,
  themeId: string,
  memberId: string,
  p: Proposing & { title: string },
  now: Date,
): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const id = await openProposal(
      tx,
      memberId,
      {
        title: p.title,
        body: p.why,
        process: p.process,
        options: [],
        closesInHours: p.closesInHours,
        rules: standardRules(p.process),
        anonymous: false,
        action: null,
      },
      now,
    );
    await tx.insertInto('listening_theme_proposals').values({ theme_id: themeId, proposal_id: id }).execute();
    return id;
  });
}
