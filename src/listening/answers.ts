// Answers nobody can trace (ADR 030). A member's answer is written alone — one transaction that writes the answer and
// nothing else, with no member, no time and no id — into listening_waiting; who answered is held in this process's
// memory. Once five answers wait in a cycle (or it has closed), one transaction moves them into listening_answers
// under fresh random ids and in a shuffled order, with the open answers into listening_texts, and writes the batch's
// members into listening_answered: the answers and who gave them then share one transaction, five or more of each,
// and nothing else. The waiting table is then rewritten and the log moved on (db/purge.ts), so what waited leaves the
// files. A member's answer and their "answered" are never written by the same transaction, nor by two that follow
// each other.
//
// What memory costs: a process that stops (a crash, a restart) forgets who answered among the few still waiting, and
// they may answer once more. Answers on paper need no such care (the member who enters one did not give it), but
// take the same road, so a paper answer and a member's answer look alike once moved, but for their mark.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import type { Db } from '../db/connect.ts';
import { purgeWhenDue } from '../db/purge.ts';
import { errors } from '../web/errors.ts';
import { splitAnswer, type Answer, type Question } from './questions.ts';
import { questionsOf } from './queries.ts';

type Q = Kysely<Database>;

/** Answers are moved this many at a time at least (or all that wait, once the cycle has closed). */
export const BATCH = 5;
/** The most answers given on paper one member may enter in one cycle (the database holds it too). */
export const MOST_ENTERED = 200;

/** Who answered, by cycle, while their answers wait (member → the language they answered in): in memory only, one
 * map for each database. */
const answeredWaiting = new WeakMap<object, Map<string, Map<string, string>>>();
const waitingOf = (db: object, cycleId: string) => {
  let byCycle = answeredWaiting.get(db);
  if (!byCycle) answeredWaiting.set(db, (byCycle = new Map()));
  let members = byCycle.get(cycleId);
  if (!members) byCycle.set(cycleId, (members = new Map()));
  return members;
};

/** One thing at a time for a cycle in this process: answering, and moving a batch (so no answer is moved before
 * the one who gave it is counted in, nor after). */
const queues = new Map<string, Promise<unknown>>();
function oneAtATime<T>(cycleId: string, work: () => Promise<T>): Promise<T> {
  const before = queues.get(cycleId) ?? Promise.resolve();
  const run = before.then(work, work);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(cycleId, settled);
  void settled.then(() => {
    if (queues.get(cycleId) === settled) queues.delete(cycleId);
  });
  return run;
}

/** Whether the member has answered the cycle (moved, or still waiting in memory). */
export async function hasAnswered(db: Q, cycleId: string, memberId: string): Promise<boolean> {
  if (answeredWaiting.get(db)?.get(cycleId)?.has(memberId)) return true;
  return !!(await db
    .selectFrom('listening_answered')
    .select('member_id')
    .where('cycle_id', '=', cycleId)
    .where('member_id', '=', memberId)
    .executeTakeFirst());
}

type Open = { id: string; opensAt: Date; closesAt: Date };
const isOpenAt = (cycle: Open, now: Date) => cycle.opensAt <= now && now < cycle.closesAt;

/** A member answers, once. Refused when the cycle is not open or they answered already. */
export async function answerAsMember(
  db: Q,
  cycle: Open,
  memberId: string,
  lang: string,
  answer: Answer,
  now: Date,
): Promise<void> {
  if (!isOpenAt(cycle, now)) throw errors.conflict('cycle_closed', 'error.cycleClosed');
  await oneAtATime(cycle.id, async () => {
    if (await hasAnswered(db, cycle.id, memberId)) throw errors.conflict('already_answered', 'error.cycleAnswered');
    await db
      .insertInto('listening_waiting')
      .values({ cycle_id: cycle.id, source: 'member', lang, answers: JSON.stringify(answer) })
      .execute();
    waitingOf(db, cycle.id).set(memberId, lang);
  });
}

/** A member enters an answer given on paper or at a door (marked so). At most MOST_ENTERED a member, a cycle. */
export async function enterPaperAnswer(
  db: Q,
  cycle: Open,
  memberId: string,
  lang: string,
  answer: Answer,
  now: Date,
): Promise<void> {
  if (!isOpenAt(cycle, now)) throw errors.conflict('cycle_closed', 'error.cycleClosed');
  await oneAtATime(cycle.id, () =>
    db.transaction().execute(async (tx) => {
      const counted = await tx
        .insertInto('listening_entered')
        .values({ cycle_id: cycle.id, member_id: memberId, n: 1 })
        .onConflict((oc) =>
          oc
            .columns(['cycle_id', 'member_id'])
            .doUpdateSet((eb) => ({ n: eb('listening_entered.n', '+', 1) }))
            .where('listening_entered.n', '<', MOST_ENTERED),
        )
        .returning('n')
        .executeTakeFirst();
      if (!counted) throw errors.tooMany();
      await tx
        .insertInto('listening_waiting')
        .values({ cycle_id: cycle.id, source: 'paper', lang, answers: JSON.stringify(answer) })
        .execute();
    }),
  );
}

const shuffle = <T>(xs: T[]): T[] => {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
};

/**
 * Moves waiting answers: those entered from paper at every run; members' answers of a cycle in one language once five
 * wait, or all of them once the cycle has closed — in one transaction with who gave them while the cycle is open
 * (once it has closed nobody can answer again, and who answered among the last is forgotten). A batch is one source
 * and one language, so nothing in it tells one answer from another. Returns how many answers were moved.
 */
async function moveWaiting(db: Q, now: Date): Promise<number> {
  const waiting = await db
    .selectFrom('listening_waiting')
    .innerJoin('listening_cycles', 'listening_cycles.id', 'listening_waiting.cycle_id')
    .select([
      'listening_waiting.cycle_id',
      'listening_waiting.source',
      'listening_waiting.lang',
      'listening_cycles.closes_at',
      (eb) => eb.fn.countAll<string>().as('n'),
    ])
    .groupBy([
      'listening_waiting.cycle_id',
      'listening_waiting.source',
      'listening_waiting.lang',
      'listening_cycles.closes_at',
    ])
    .execute();
  let moved = 0;
  for (const w of waiting) {
    const closed = w.closes_at <= now;
    const mine = w.source === 'member';
    if (mine && Number(w.n) < BATCH && !closed) continue;
    moved += await oneAtATime(w.cycle_id, async () => {
      const waitingMembers = answeredWaiting.get(db)?.get(w.cycle_id);
      const members = mine ? [...(waitingMembers ?? [])].filter(([, lang]) => lang === w.lang).map(([m]) => m) : [];
      const n = await db.transaction().execute(async (tx) => {
        const questions = await questionsOf(tx, w.cycle_id);
        const rows = shuffle(
          await tx
            .deleteFrom('listening_waiting')
            .where('cycle_id', '=', w.cycle_id)
            .where('source', '=', w.source)
            .where('lang', '=', w.lang)
            .returning('answers')
            .execute(),
        );
        for (const r of rows) await keep(tx, w.cycle_id, questions, w.source, w.lang, r.answers as Answer);
        if (!closed && members.length)
          await tx
            .insertInto('listening_answered')
            .values(shuffle(members).map((m) => ({ cycle_id: w.cycle_id, member_id: m })))
            .onConflict((oc) => oc.doNothing())
            .execute();
        return rows.length;
      });
      // Every member counted in was moved with the answers above (the same queue kept anyone from slipping between).
      for (const m of members) waitingMembers?.delete(m);
      if (closed) answeredWaiting.get(db)?.delete(w.cycle_id);
      return n;
    });
  }
  return moved;
}

async function keep(
  tx: Q,
  cycleId: string,
  questions: readonly Question[],
  source: 'member' | 'paper',
  lang: string,
  answer: Answer,
) {
  const { choices, texts } = splitAnswer(questions, answer);
  const { id } = await tx
    .insertInto('listening_answers')
    .values({ cycle_id: cycleId, source, lang, choices: JSON.stringify(choices) })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (texts.length)
    await tx
      .insertInto('listening_texts')
      .values(texts.map((t) => ({ cycle_id: cycleId, answer_id: id, question: t.question, lang, body: t.body })))
      .execute();
}

const purge = purgeWhenDue(['listening_waiting']);

/** The job: moves what can be moved, then rewrites the waiting table when anything left it. */
export async function moveAnswers(db: Db, now: Date, log: (line: string) => void): Promise<number> {
  const moved = await moveWaiting(db, now);
  await purge(db, log, moved > 0);
  return moved;
}
