// Texts in and out (issue 21, ADR 038). A text from a number the network has not seen starts a conversation in the
// person's language (found from the words they used): what they need, their area, how soon — asked only for what the
// first text left out, two or three texts in all — and then a need is posted with them as its asker, a member like any
// other. When a neighbour answers it, the two talk through the network's number: the member writes in the thread as
// always; the person gets the words by text and their replies land in the thread. Neither ever sees the other's
// number. STOP (in any language) ends every text to the number at once; START begins again; HELP says what this is.
// Every text to send waits in an outbox (sealed with its number) and goes at once; none is sent to a stopped number.
import { sql, type Kysely } from 'kysely';
import crypto from 'node:crypto';
import type { Database } from '../db/types.ts';
import type { Deps, Network } from '../web/context.ts';
import { decrypt, encrypt, lookupHash } from '../security/crypto.ts';
import type { Keys } from '../security/crypto.ts';
import { createMember } from '../members/index.ts';
import {
  createPost,
  hasOpenNeed,
  liveMatchOf,
  lastMessagesFromOthers,
  markMet,
  postSchema,
  sendMessage,
} from '../exchange/index.ts';
import type { MatchView, PostInput } from '../exchange/index.ts';
import { markAllRead, markRead, notificationsOf, notificationText, shorten } from '../notifications/index.ts';
import { languageName, translator, withWords, type Translate } from '../web/i18n/index.ts';
import { categoryLabel } from '../web/parts.tsx';
import { dayIn } from '../web/zone.ts';
import { fromDatabaseError } from '../web/errors.ts';
import { androidGateway, gammuGateway, safeNumber, type Inbound, type TextGateway } from './gateway.ts';
import {
  areasNamed,
  chosen,
  keywordOf,
  nextStep,
  numbered,
  readNeed,
  urgencyOf,
  wordsOf,
  type Draft,
  type Step,
} from './intake.ts';

type Q = Kysely<Database>;
const HOUR = 3_600_000;
/** Texts read from one number in an hour; past it the rest are dropped unread (a loop with an answering machine). */
export const MOST_IN_AN_HOUR = 30;
/** Texts sent to one number in an hour; past it nothing more goes that hour. */
export const MOST_OUT_AN_HOUR = 20;
/** Numbers the network hears from for the first time in an hour; past it a new number is not answered that hour. */
export const NEW_NUMBERS_AN_HOUR = 60;
/** Areas listed by number; with more, the person is asked to name theirs. */
const AREAS_LISTED = 9;
/** How long a handled text's key is kept, to know a retried webhook again. */
const SEEN_DAYS = 3;
/** A text to send that could not go: tried again later, up to this many times over about a day. */
const MOST_TRIES = 12;

const NUMBER = 'text-number';
const numberPurpose = (id: string) => `${NUMBER}:${id}`;
const outPurpose = (id: string) => `text-out:${id}`;

/** The gateway the host set up (core/config.ts TEXTS_*), or none. */
export function gatewayOf(deps: Deps): TextGateway | null {
  const c = deps.config.texts;
  if (!c) return null;
  return c.kind === 'gammu' ? gammuGateway(c) : androidGateway(c);
}

/** Digits, with a leading plus if it had one: one number written two ways is one person. */
export const normalNumber = (raw: string) => safeNumber(raw.trim());

/** The network's words in each of its languages, for texts: the members' approved translations over the shipped
 * ones, as on every page, and the words the network named itself (its kinds of help). */
async function translators(deps: Deps, network: Network): Promise<Map<string, Translate>> {
  const approved = await deps.registry.approvedWords(deps.db);
  return new Map(
    network.languages.map(
      (l) => [l, withWords(translator(l, deps.registry.catalogs, approved), network.words[l])] as const,
    ),
  );
}

/** A number the network knows, as handling a text reads and changes it. */
type Contact = {
  id: string;
  member_id: string | null;
  language: string;
  step: Step | null;
  draft: Draft;
  stopped_at: Date | null;
  texts_in: number;
  texts_out: number;
  hour_at: Date;
};

/** What handling one text asks to be done once its transaction committed: a message in a thread, a need posted —
 * each of which the database may refuse (a member paused, a day's limit reached), answered then by text. */
type After = {
  relay?: { memberId: string; match: MatchView; body: string; other: string };
  met?: { memberId: string; match: MatchView };
  post?: { memberId: string; need: PostInput };
  contact?: Contact;
  number?: string;
  t?: Translate;
};

/** Queues a text to a number, sealed with it; false when the number had its texts for the hour. */
async function queue(tx: Q, keys: Keys, c: Contact, to: string, body: string, now: Date): Promise<boolean> {
  if (c.texts_out >= MOST_OUT_AN_HOUR) return false;
  c.texts_out += 1;
  await tx.updateTable('text_contacts').set({ texts_out: c.texts_out }).where('id', '=', c.id).execute();
  const id = crypto.randomUUID();
  await tx
    .insertInto('text_outbox')
    .values({
      id,
      contact_id: c.id,
      body_enc: encrypt(keys, outPurpose(id), JSON.stringify({ to, body })),
      queued_at: now,
      next_at: now,
    })
    .execute();
  return true;
}

/**
 * Handles one text that reached the network's number. Nothing in it is logged; the number is kept sealed (and found
 * again by its keyed hash); the same text handed twice (a webhook retried) is handled once.
 */
export async function receiveText(deps: Deps, inbound: Inbound, now: Date): Promise<void> {
  const { db, keys } = deps;
  const number = normalNumber(inbound.from);
  if (!number) return;
  const fresh = await db
    .insertInto('text_seen')
    .values({ key_hash: lookupHash(keys, 'text-seen', inbound.key), seen_at: now })
    .onConflict((oc) => oc.doNothing())
    .returning('key_hash')
    .executeTakeFirst();
  if (!fresh) return;
  const network = await deps.network();
  if (!network) return;
  const ts = await translators(deps, network);
  const text = inbound.text.slice(0, 1600).trim();
  const after: After = {};
  await db.transaction().execute(async (tx) => {
    const hash = lookupHash(keys, NUMBER, number);
    let c = (await tx
      .selectFrom('text_contacts')
      .select(['id', 'member_id', 'language', 'step', 'draft', 'stopped_at', 'texts_in', 'texts_out', 'hour_at'])
      .where('number_hash', '=', hash)
      .forUpdate()
      .executeTakeFirst()) as Contact | undefined;
    const firstLanguage = network.languages[0] ?? 'en';
    if (!c) {
      const newThisHour = await tx
        .selectFrom('text_contacts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('first_at', '>', new Date(now.getTime() - HOUR))
        .executeTakeFirstOrThrow();
      if (Number(newThisHour.n) >= NEW_NUMBERS_AN_HOUR) return;
      const id = crypto.randomUUID();
      const kw = keywordOf(text, ts.get(firstLanguage)!, ts);
      c = {
        id,
        member_id: null,
        language: kw?.lang ?? firstLanguage,
        step: null,
        draft: {},
        stopped_at: null,
        texts_in: 0,
        texts_out: 0,
        hour_at: now,
      };
      await tx
        .insertInto('text_contacts')
        .values({
          id,
          number_enc: encrypt(keys, numberPurpose(id), number),
          number_hash: hash,
          language: c.language,
          first_at: now,
          last_at: now,
          relayed_at: now,
          hour_at: now,
        })
        .execute();
    }
    if (c.hour_at.getTime() <= now.getTime() - HOUR) Object.assign(c, { hour_at: now, texts_in: 0, texts_out: 0 });
    c.texts_in += 1;
    await tx
      .updateTable('text_contacts')
      .set({ hour_at: c.hour_at, texts_in: c.texts_in, texts_out: c.texts_out, last_at: now })
      .where('id', '=', c.id)
      .execute();
    if (c.texts_in > MOST_IN_AN_HOUR) return;
    Object.assign(after, { contact: c, number });
    await converse(deps, tx, network, ts, c, number, text, now, after);
  });
  const { contact, t } = after;
  if (!contact || !t || (!after.relay && !after.post && !after.met)) return;
  const say = (body: string) => queue(db, keys, contact, number, body, now);
  try {
    if (after.relay) {
      await sendMessage(db, keys, after.relay.memberId, after.relay.match, after.relay.body);
      await say(t('text.passedOn', { name: after.relay.other }));
    }
    if (after.met) {
      await markMet(db, after.met.memberId, after.met.match, now);
      await say(t('text.met', { name: after.met.match.helperName }));
    }
    if (after.post) {
      await db.transaction().execute(async (tx) => {
        await createPost(tx, after.post!.memberId, contact.language, after.post!.need, now);
        await tx.updateTable('text_contacts').set({ step: null, draft: '{}' }).where('id', '=', contact.id).execute();
      });
      await say(t('text.posted', { what: shorten(after.post.need.what, 80) }));
    }
  } catch (e) {
    // What the database refuses a member in the app (a pause, the day's limit) it refuses a texter too, in words.
    const refused = fromDatabaseError(e);
    if (!refused) throw e;
    await say(t(refused.status === 429 ? 'text.tooMany' : 'text.refused'));
  }
}

async function converse(
  deps: Deps,
  tx: Q,
  network: Network,
  ts: Map<string, Translate>,
  c: Contact,
  number: string,
  text: string,
  now: Date,
  after: After,
) {
  const { keys } = deps;
  const say = (body: string) => queue(tx, keys, c, number, body, now);
  const set = (values: Partial<{ step: Step | null; draft: Draft; language: string }>) =>
    tx
      .updateTable('text_contacts')
      .set({ ...values, draft: values.draft ? JSON.stringify(values.draft) : undefined })
      .where('id', '=', c.id)
      .execute();
  let t = ts.get(c.language) ?? ts.get(network.languages[0] ?? 'en')!;
  const kw = keywordOf(text, t, ts);
  // A person writing in another of the network's languages is answered in it from now on.
  if (kw?.lang && kw.lang !== c.language) {
    c.language = kw.lang;
    t = ts.get(kw.lang)!;
    await set({ language: kw.lang });
  }
  const words = { network: network.networkName };
  if (c.stopped_at) {
    if (kw?.keyword !== 'start' && kw?.keyword !== 'need') return; // Nothing goes to a number that said STOP.
    c.stopped_at = null;
    await tx
      .updateTable('text_contacts')
      .set({ stopped_at: null, number_enc: encrypt(keys, numberPurpose(c.id), number), relayed_at: now })
      .where('id', '=', c.id)
      .execute();
    // What they were told while stopped stays unsent: they begin again from now.
    if (c.member_id) await markAllRead(tx, c.member_id, now);
    if (kw.keyword === 'start') return void (await say(t('text.started', words)));
  }
  if (kw?.keyword === 'stop') {
    await tx
      .updateTable('text_contacts')
      .set({ stopped_at: now, number_enc: null, step: null, draft: '{}' })
      .where('id', '=', c.id)
      .execute();
    await tx.deleteFrom('text_outbox').where('contact_id', '=', c.id).execute();
    // The one text a STOP is answered with, as carriers ask; then nothing.
    c.texts_out = 0;
    await say(t('text.stopped', words));
    return;
  }
  if (kw?.keyword === 'start') return void (await say(t('text.started', words)));
  // DONE (in any of the network's languages): the need someone is helping with is met, as the app's button says it.
  if (kw?.keyword === 'done') {
    const match = c.member_id ? await liveMatchOf(tx, c.member_id) : undefined;
    if (!match || match.askerId !== c.member_id) return void (await say(t('text.nothingToMeet')));
    after.met = { memberId: c.member_id!, match };
    after.t = t;
    return;
  }
  if (kw?.keyword === 'help')
    return void (await say(
      t('text.help', { ...words, languages: network.languages.map((l) => languageName(l)).join(', ') }),
    ));
  // A language's own name ("Español") switches to it.
  const named = network.languages.find((l) => wordsOf(languageName(l)).join(' ') === wordsOf(text).join(' '));
  if (named) {
    c.language = named;
    await set({ language: named });
    return void (await say(ts.get(named)!('text.language', { language: languageName(named) })));
  }
  t = ts.get(c.language)!;
  const categories = network.categories.map((key) => ({ key, label: categoryLabel(t, key) }));
  let draft: Draft = c.draft ?? {};
  let prefix = '';
  if (kw?.keyword === 'need') {
    draft = readNeed(kw.rest, t, categories, network.areas);
  } else if (c.step) {
    const answer = answerTo(c.step, text, draft, t, categories, network.areas);
    if (answer) draft = { ...draft, ...answer, choices: undefined };
    else prefix = `${t('text.notUnderstood')} `;
    if (!draft.what) draft.what = text.slice(0, 300);
  } else if (c.member_id) {
    const match = await liveMatchOf(tx, c.member_id);
    if (match) {
      const other = match.askerId === c.member_id ? match.helperName : match.askerName;
      after.relay = { memberId: c.member_id, match, body: text, other };
      after.t = t;
      return;
    }
    if (await hasOpenNeed(tx, c.member_id)) return void (await say(t('text.waiting')));
    draft = readNeed(text, t, categories, network.areas);
  } else {
    draft = readNeed(text, t, categories, network.areas);
  }
  const step = nextStep(draft);
  if (step) {
    const question = ask(step, t, network, categories, draft, words);
    await set({ step, draft: question.draft });
    return void (await say(prefix + question.text));
  }
  // Whole: the need is posted with them as its asker.
  const memberId = c.member_id ?? (await becomeMember(tx, keys, c, t));
  const label = categoryLabel(t, draft.category!);
  const today = dayIn(network.timeZone, now);
  const input = (what: string) => ({
    kind: 'need',
    what,
    category: draft.category,
    area: draft.area,
    urgency: draft.urgency,
  });
  const schema = postSchema(network, today);
  // Their words as they wrote them; if those cannot be shown (a phone number in them, too short), the kind of help.
  const parsed = schema.safeParse(input(draft.what ?? label));
  const need = (parsed.success ? parsed.data : schema.parse(input(label))) as PostInput;
  await set({ step: null, draft });
  after.post = { memberId, need };
  after.t = t;
}

/** The person's answer to the question asked: what it settles of the draft, or null when it is not understood. */
function answerTo(
  step: Step,
  text: string,
  draft: Draft,
  t: Translate,
  categories: { key: string; label: string }[],
  areas: readonly string[],
): Partial<Draft> | null {
  if (step === 'category') {
    const picked = chosen(text, draft.choices) ?? readNeed(text, t, categories, areas).category;
    return picked ? { category: picked } : null;
  }
  if (step === 'area') {
    const picked = chosen(text, draft.choices);
    if (picked) return { area: picked };
    const found = areasNamed(text, areas);
    return found.length === 1 ? { area: found[0]! } : null;
  }
  const u = urgencyOf(text, t);
  return u ? { urgency: u } : null;
}

/** The question for a step, with the numbered choices it gives (kept to read the answer by). */
function ask(
  step: Step,
  t: Translate,
  network: Network,
  categories: { key: string; label: string }[],
  draft: Draft,
  words: { network: string },
): { text: string; draft: Draft } {
  if (step === 'category')
    return {
      text: t('text.askCategory', { ...words, choices: numbered(categories.map((c) => c.label)) }),
      draft: { ...draft, choices: categories.map((c) => c.key) },
    };
  if (step === 'area') {
    if (network.areas.length <= AREAS_LISTED)
      return {
        text: t('text.askArea', { choices: numbered(network.areas) }),
        draft: { ...draft, choices: [...network.areas] },
      };
    return { text: t('text.askAreaName'), draft: { ...draft, choices: undefined } };
  }
  return { text: t('text.askUrgency'), draft: { ...draft, choices: undefined } };
}

/** A person who texts becomes a member when their first need is posted: a name to show ("Neighbour by text 4K7Q"),
 * their language, nothing else. */
async function becomeMember(tx: Q, keys: Keys, c: Contact, t: Translate): Promise<string> {
  const tag = Array.from(crypto.randomBytes(4), (b) => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[b % 32]).join('');
  const memberId = await createMember(tx, keys, { displayName: t('text.memberName', { tag }), language: c.language });
  await tx.updateTable('text_contacts').set({ member_id: memberId }).where('id', '=', c.id).execute();
  c.member_id = memberId;
  return memberId;
}

/**
 * Passes on what reached a member who reads by text: the messages others wrote in their threads, and what the network
 * told them (someone will help with their need) — then those notifications are read. Returns how many texts queued.
 */
export async function relayToTexters(deps: Deps, now: Date): Promise<number> {
  const { db, keys, registry } = deps;
  const due = await sql<{ id: string }>`
    select c.id from text_contacts c
    where c.member_id is not null and c.stopped_at is null
      and exists (select 1 from notifications n
                  where n.member_id = c.member_id and n.read_at is null)
    limit 200`.execute(db);
  if (!due.rows.length) return 0;
  const network = await deps.network();
  if (!network) return 0;
  const ts = await translators(deps, network);
  let queued = 0;
  for (const { id } of due.rows)
    await db.transaction().execute(async (tx) => {
      const c = await tx
        .selectFrom('text_contacts')
        .selectAll()
        .where('id', '=', id)
        .where('stopped_at', 'is', null)
        .forUpdate()
        .executeTakeFirst();
      if (!c?.member_id || !c.number_enc) return;
      const contact = c as unknown as Contact;
      if (contact.hour_at.getTime() <= now.getTime() - HOUR)
        Object.assign(contact, { hour_at: now, texts_in: 0, texts_out: 0 });
      const number = decrypt(keys, numberPurpose(c.id), c.number_enc);
      const t = ts.get(c.language) ?? ts.get(network.languages[0] ?? 'en')!;
      // Every notification not yet read: a person who reads by text reads nothing in the app.
      const notes = (await notificationsOf(tx, registry, c.member_id, 20)).filter((n) => !n.read);
      // A notification of a message for each message: the thread's latest that many from the other side.
      const perThread = new Map<string, number>();
      for (const n of notes)
        if (n.kind === 'message' && n.subject) perThread.set(n.subject, (perThread.get(n.subject) ?? 0) + 1);
      const messages = (
        await Promise.all(
          [...perThread].map(([matchId, count]) =>
            lastMessagesFromOthers(tx, keys, matchId, c.member_id!, Math.min(count, 10)),
          ),
        )
      ).flat();
      const texts: { at: Date; body: string }[] = [
        ...notes
          .filter((n) => n.kind !== 'message')
          .map((n) => ({
            at: n.createdAt,
            body: notificationText(t, registry, n, { lang: c.language, zone: network.timeZone }),
          })),
        ...messages.map((m) => ({
          at: m.createdAt,
          body: t('text.from', { name: m.authorName ?? '?', body: shorten(m.body, 600) }),
        })),
      ].sort((a, b) => a.at.getTime() - b.at.getTime());
      for (const x of texts) if (await queue(tx, keys, contact, number, x.body, now)) queued++;
      const upto = new Date(
        Math.max(
          c.relayed_at.getTime(),
          ...texts.map((x) => x.at.getTime()),
          ...notes.map((n) => n.createdAt.getTime()),
        ),
      );
      await tx
        .updateTable('text_contacts')
        .set({ relayed_at: upto, hour_at: contact.hour_at, texts_in: contact.texts_in })
        .where('id', '=', c.id)
        .execute();
      await markRead(
        tx,
        notes.map((n) => n.id),
        now,
      );
    });
  return queued;
}

/** Sends what waits in the outbox; a text that could not go is tried again later, then dropped. */
export async function sendQueued(deps: Deps, gateway: TextGateway, now: Date): Promise<number> {
  const { db, keys } = deps;
  const due = await db
    .selectFrom('text_outbox')
    .select(['id', 'body_enc', 'tries'])
    .where('next_at', '<=', now)
    .orderBy('queued_at')
    .limit(50)
    .execute();
  let sent = 0;
  for (const row of due) {
    const { to, body } = JSON.parse(decrypt(keys, outPurpose(row.id), row.body_enc)) as { to: string; body: string };
    try {
      await gateway.send(to, body);
      await db.deleteFrom('text_outbox').where('id', '=', row.id).execute();
      sent++;
    } catch (e) {
      deps.log(`a text could not be handed to the ${gateway.kind} gateway: ${(e as Error).message}`);
      if (row.tries + 1 >= MOST_TRIES) await db.deleteFrom('text_outbox').where('id', '=', row.id).execute();
      else
        await db
          .updateTable('text_outbox')
          .set({ tries: row.tries + 1, next_at: new Date(now.getTime() + 60_000 * 2 ** row.tries) })
          .where('id', '=', row.id)
          .execute();
    }
  }
  return sent;
}

/** One turn of the gateway: read what came (a modem's inbox), pass on what members were told, send what waits. */
export async function gatewayTurn(deps: Deps, now: Date, gateway = gatewayOf(deps)): Promise<void> {
  if (!gateway) return;
  for (const text of (await gateway.receive?.()) ?? []) await receiveText(deps, text, now);
  await relayToTexters(deps, now);
  await sendQueued(deps, gateway, now);
}

/** What is forgotten: handled texts' keys after three days; numbers gone quiet for a year with nothing open (a
 * stopped one too: nothing is ever sent to a number that has not texted, so its STOP needs no keeping). */
export async function forgetTexts(db: Q, now: Date): Promise<void> {
  await db
    .deleteFrom('text_seen')
    .where('seen_at', '<', new Date(now.getTime() - SEEN_DAYS * 86_400_000))
    .execute();
  await sql`
    delete from text_contacts c
    where c.last_at < ${new Date(now.getTime() - 365 * 86_400_000)}
      and not exists (select 1 from posts p where p.member_id = c.member_id and p.status in ('open', 'matched'))`.execute(
    db,
  );
}

/**
 * A number a member was brought in with (moving/, an imported sheet): linked to them, so what they asked for reaches
 * them by text. A number the network knows already is left as it is. Returns whether it was linked.
 */
export async function linkNumber(
  tx: Kysely<Database>,
  keys: Keys,
  a: { memberId: string; number: string; language: string; now: Date },
): Promise<boolean> {
  const number = normalNumber(a.number);
  if (!number) return false;
  const id = crypto.randomUUID();
  const row = await tx
    .insertInto('text_contacts')
    .values({
      id,
      number_enc: encrypt(keys, numberPurpose(id), number),
      number_hash: lookupHash(keys, NUMBER, number),
      member_id: a.memberId,
      language: a.language,
      first_at: a.now,
      last_at: a.now,
      relayed_at: a.now,
      hour_at: a.now,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return !!row;
}

/** Which of these numbers the network knows as a member's, each with the member's name. */
export async function membersByNumber(
  db: Kysely<Database>,
  keys: Keys,
  numbers: string[],
): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const raw of numbers) {
    const n = normalNumber(raw);
    if (n) hashes.set(lookupHash(keys, NUMBER, n).toString('hex'), raw);
  }
  if (hashes.size === 0) return new Map();
  const rows = await db
    .selectFrom('text_contacts')
    .innerJoin('members', 'members.id', 'text_contacts.member_id')
    .select(['text_contacts.number_hash', 'members.display_name'])
    .where(
      'text_contacts.number_hash',
      'in',
      [...hashes.keys()].map((h) => Buffer.from(h, 'hex')),
    )
    .where('members.removed_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [hashes.get(r.number_hash.toString('hex'))!, r.display_name]));
}
