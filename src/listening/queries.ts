// Reading listening cycles: the list side by side, one cycle with its questions and listeners, what was heard (the
// open answers and what conversations raised, as anonymous texts), the themes members sorted them into, the choices
// counted, the listener's own notes, and what the members decided from the themes.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { proposalOutcomes } from '../decisions/index.ts';
import { countChoices, questionsSchema, type Answer, type Count, type Question } from './questions.ts';

type Q = Kysely<Database>;

export type CycleView = {
  id: string;
  title: string;
  intro: string;
  questions: Question[];
  languages: string[];
  opensAt: Date;
  closesAt: Date;
  decisionId: string | null;
  followsId: string | null;
  conclusions: Record<string, string>;
};

const cycleColumns = [
  'id',
  'title',
  'intro',
  'questions',
  'languages',
  'opens_at as opensAt',
  'closes_at as closesAt',
  'decision_id as decisionId',
  'follows_id as followsId',
  'conclusions',
] as const;

const asCycle = (r: {
  id: string;
  title: string;
  intro: string;
  questions: unknown;
  languages: string[];
  opensAt: Date;
  closesAt: Date;
  decisionId: string | null;
  followsId: string | null;
  conclusions: unknown;
}): CycleView => ({
  ...r,
  questions: questionsSchema.parse(r.questions),
  conclusions: (r.conclusions ?? {}) as Record<string, string>,
});

export async function cycle(db: Q, id: string): Promise<CycleView | undefined> {
  const r = await db.selectFrom('listening_cycles').select(cycleColumns).where('id', '=', id).executeTakeFirst();
  return r && asCycle(r);
}

export async function questionsOf(db: Q, cycleId: string): Promise<Question[]> {
  const r = await db
    .selectFrom('listening_cycles')
    .select('questions')
    .where('id', '=', cycleId)
    .executeTakeFirstOrThrow();
  return questionsSchema.parse(r.questions);
}

export type CycleSummary = CycleView & { answers: number; notes: number; themes: string[]; decided: number };

/** Every cycle, newest first, with how much was heard, its largest themes and how many proposals came of it. */
export async function cycles(db: Q, limit = 50): Promise<CycleSummary[]> {
  const rows = await db
    .selectFrom('listening_cycles')
    .select(cycleColumns)
    .select((eb) => [
      eb
        .selectFrom('listening_answers')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('listening_answers.cycle_id', '=', 'listening_cycles.id')
        .as('answers'),
      eb
        .selectFrom('listening_notes')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('listening_notes.cycle_id', '=', 'listening_cycles.id')
        .as('notes'),
      eb
        .selectFrom('listening_theme_proposals')
        .innerJoin('listening_themes', 'listening_themes.id', 'listening_theme_proposals.theme_id')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('listening_themes.cycle_id', '=', 'listening_cycles.id')
        .as('decided'),
    ])
    .orderBy('opens_at', 'desc')
    .limit(limit)
    .execute();
  const ids = rows.map((r) => r.id);
  const themes = ids.length ? await themesOf(db, ids) : [];
  return rows.map((r) => ({
    ...asCycle(r),
    answers: Number(r.answers ?? 0),
    notes: Number(r.notes ?? 0),
    decided: Number(r.decided ?? 0),
    themes: themes
      .filter((t) => t.cycleId === r.id && t.texts >= SHOWN_APART)
      .slice(0, 3)
      .map((t) => t.name),
  }));
}

/** A theme resting on fewer answers than this is not shown apart (in the report, the list, and to the cycle's page). */
export const SHOWN_APART = 3;
/** Choices are counted on the report once this many answered (as the check-in's counts). */
export const COUNTED_FROM = 5;

export type ThemeView = {
  id: string;
  cycleId: string;
  name: string;
  words: string[];
  namedByMembers: boolean;
  rootCauses: string[];
  texts: number;
};

export async function themesOf(db: Q, cycleIds: string[]): Promise<ThemeView[]> {
  return (
    await db
      .selectFrom('listening_themes')
      .select((eb) => [
        'listening_themes.id',
        'listening_themes.cycle_id as cycleId',
        'listening_themes.name',
        'listening_themes.words',
        'listening_themes.named_by_members as namedByMembers',
        'listening_themes.root_causes as rootCauses',
        eb
          .selectFrom('listening_theme_texts')
          .select(eb.fn.countAll<string>().as('n'))
          .whereRef('listening_theme_texts.theme_id', '=', 'listening_themes.id')
          .as('texts'),
      ])
      .where('listening_themes.cycle_id', 'in', cycleIds)
      .execute()
  )
    .map((t) => ({ ...t, texts: Number(t.texts ?? 0) }))
    .sort((a, b) => b.texts - a.texts || a.name.localeCompare(b.name));
}

export async function theme(db: Q, id: string): Promise<ThemeView | undefined> {
  const r = await db.selectFrom('listening_themes').select('cycle_id').where('id', '=', id).executeTakeFirst();
  return r ? (await themesOf(db, [r.cycle_id])).find((t) => t.id === id) : undefined;
}

export type TextView = {
  id: string;
  body: string;
  lang: string;
  question: number | null;
  /** From a conversation a listener recorded: its tags. */
  tags: string[] | null;
  source: 'member' | 'paper' | 'conversation';
  themes: { id: string; quote: boolean }[];
};

/** What was heard in a cycle: the open answers and what conversations raised, none with a name or a time. */
export async function textsOf(db: Q, cycleId: string): Promise<TextView[]> {
  const rows = await db
    .selectFrom('listening_texts')
    .leftJoin('listening_answers', 'listening_answers.id', 'listening_texts.answer_id')
    .leftJoin('listening_notes', 'listening_notes.id', 'listening_texts.note_id')
    .select([
      'listening_texts.id',
      'listening_texts.body',
      'listening_texts.lang',
      'listening_texts.question',
      'listening_notes.tags',
      'listening_answers.source',
    ])
    .where('listening_texts.cycle_id', '=', cycleId)
    .orderBy('listening_texts.id')
    .execute();
  const placed = await db
    .selectFrom('listening_theme_texts')
    .innerJoin('listening_texts', 'listening_texts.id', 'listening_theme_texts.text_id')
    .select(['listening_theme_texts.text_id', 'listening_theme_texts.theme_id', 'listening_theme_texts.quote'])
    .where('listening_texts.cycle_id', '=', cycleId)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    lang: r.lang,
    question: r.question,
    tags: r.tags,
    source: r.source ?? 'conversation',
    themes: placed.filter((p) => p.text_id === r.id).map((p) => ({ id: p.theme_id, quote: p.quote })),
  }));
}

/** How many answered, the choices counted, and the answers waiting to be moved (counted, not yet shown). */
export async function heard(
  db: Q,
  c: CycleView,
): Promise<{ answers: number; paper: number; waiting: number; notes: number; counts: Count[] | null }> {
  const [answers, waiting, notes] = await Promise.all([
    db.selectFrom('listening_answers').select(['choices', 'source']).where('cycle_id', '=', c.id).execute(),
    db
      .selectFrom('listening_waiting')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('cycle_id', '=', c.id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('listening_notes')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('cycle_id', '=', c.id)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    answers: answers.length,
    paper: answers.filter((a) => a.source === 'paper').length,
    waiting: Number(waiting.n),
    notes: Number(notes.n),
    counts:
      answers.length >= COUNTED_FROM
        ? countChoices(
            c.questions,
            answers.map((a) => a.choices as Answer),
          )
        : null,
  };
}

export async function listeners(db: Q, cycleId: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('listening_listeners')
    .innerJoin('members', 'members.id', 'listening_listeners.member_id')
    .select(['members.id', 'members.display_name as name'])
    .where('listening_listeners.cycle_id', '=', cycleId)
    .where('members.removed_at', 'is', null)
    .orderBy('listening_listeners.joined_at')
    .execute();
}

export type NoteView = {
  id: string;
  heldOn: string;
  raised: string;
  tags: string[];
  followUp: string | null;
  namedEnc: Buffer | null;
  followedUp: boolean;
};

/** The notes a listener recorded in a cycle (only theirs: who was met is theirs to know). */
export async function notesBy(db: Q, cycleId: string, listenerId: string): Promise<NoteView[]> {
  const rows = await db
    .selectFrom('listening_notes')
    .innerJoin('listening_texts', 'listening_texts.note_id', 'listening_notes.id')
    .select([
      'listening_notes.id',
      sql<string>`listening_notes.held_on::text`.as('heldOn'),
      'listening_texts.body as raised',
      'listening_notes.tags',
      sql<string | null>`listening_notes.follow_up::text`.as('followUp'),
      'listening_notes.named_enc as namedEnc',
      'listening_notes.followed_up_at',
    ])
    .where('listening_notes.cycle_id', '=', cycleId)
    .where('listening_notes.listener_id', '=', listenerId)
    .orderBy('listening_notes.held_on', 'desc')
    .execute();
  return rows.map(({ followed_up_at, ...r }) => ({ ...r, followedUp: followed_up_at !== null }));
}

/** Whose conversation note it is, and its cycle. */
export async function noteOf(db: Q, id: string): Promise<{ cycleId: string; listenerId: string } | undefined> {
  return db
    .selectFrom('listening_notes')
    .select(['cycle_id as cycleId', 'listener_id as listenerId'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export type ThemeAction = {
  themeId: string;
  proposalId: string;
  title: string;
  status: string;
  outcome: string | null;
  /** What was decided and what happens next, as written once it closed. */
  statement: string | null;
};

/** The proposals members opened from the cycle's themes, with how each was decided. */
export async function actionsOf(db: Q, cycleId: string): Promise<ThemeAction[]> {
  const links = await db
    .selectFrom('listening_theme_proposals')
    .innerJoin('listening_themes', 'listening_themes.id', 'listening_theme_proposals.theme_id')
    .select(['listening_theme_proposals.theme_id as themeId', 'listening_theme_proposals.proposal_id as proposalId'])
    .where('listening_themes.cycle_id', '=', cycleId)
    .execute();
  const outcomes = await proposalOutcomes(
    db,
    links.map((l) => l.proposalId),
  );
  return links.flatMap((l) => {
    const p = outcomes.get(l.proposalId);
    return p ? [{ ...l, ...p }] : [];
  });
}
