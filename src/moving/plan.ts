// The dry run (issue 22, moving in): what every row of a sheet becomes under a mapping — a member, their needs and
// offers — or why it cannot, said beside the row. The same plan is made again when the members' decision carries the
// import out, so what was shown is what happens (with anyone who joined since counted as already here).
//
// Likely duplicates: rows with the same email, the same phone, or the same name (and no contact that differs) are one
// person, with every post they asked for; a post repeated word for word is posted once. A row whose email or phone is
// already a member's is left out: that member is here already. A member here with the same name is only pointed out.
import { postSchema, type PostInput } from '../exchange/index.ts';
import { email as emailSchema } from '../members/index.ts';
import type { MessageKey } from '../web/i18n/index.ts';
import { fold, guessCategory, itemsOf, type Choices, type Mapping, type Urgency } from './mapping.ts';
import type { Table } from './read.ts';
import { areasNamed, normalNumber } from '../texts/index.ts';

export type Said = { key: MessageKey; values?: Record<string, string | number> };

export type Person = { name: string; email: string | null; phone: string | null; language: string; posts: PostInput[] };

export type RowPlan = {
  /** The row's number in the sheet (its header is row 1). */
  line: number;
  name: string;
  /** Why the row is left out: nothing of it is imported. */
  errors: Said[];
  /** What to know: it is imported (or, if `existing`, left out as someone already here). */
  notes: Said[];
  existing: boolean;
  /** The posts this row adds (repeats of the same person's posts are not counted again). */
  posts: { kind: 'need' | 'offer'; category: string; area: string; what: string }[];
  email: boolean;
  phone: boolean;
};

export type Plan = { rows: RowPlan[]; people: Person[]; needs: number; offers: number; skipped: number };

/** Who is here already: members' emails and texting numbers (each with the member's name), and members' names. */
export type Known = { emails: Map<string, string>; phones: Map<string, string>; names: Map<string, string> };

export type PlanContext = { choices: Choices & { rootCauses: string[] }; today: string };

/** At most this many posts from one person in one import (the daily limit of posts is 20). */
export const MOST_POSTS_A_PERSON = 10;

/** A phone number as texts/ reads one (digits, a leading plus kept), and long enough to be a phone's: seven digits. */
export const phoneOf = (raw: string) => {
  const n = normalNumber(raw);
  return n && n.replace('+', '').length >= 7 ? n : null;
};

const cellsOf = (row: string[], m: Mapping, field: Mapping['columns'][number]) =>
  m.columns.flatMap((f, i) => (f === field && row[i] ? [row[i]] : []));

/** The emails and phones in a sheet under a mapping, to look up who is here already. */
export function contactsIn(table: Table, m: Mapping): { emails: string[]; phones: string[] } {
  const emails = new Set<string>();
  const phones = new Set<string>();
  for (const row of table.rows) {
    const e = cellsOf(row, m, 'email')[0]?.trim().toLowerCase();
    if (e) emails.add(e);
    const p = phoneOf(cellsOf(row, m, 'phone')[0] ?? '');
    if (p) phones.add(p);
  }
  return { emails: [...emails], phones: [...phones] };
}

export function planRows(table: Table, m: Mapping, known: Known, ctx: PlanContext): Plan {
  const schema = postSchema(ctx.choices, ctx.today);
  const people: (Person & { line: number; keys: Set<string> })[] = [];
  const byKey = new Map<string, (typeof people)[number]>();
  const rows: RowPlan[] = [];
  let needs = 0;
  let offers = 0;
  let skipped = 0;

  table.rows.forEach((row, index) => {
    const line = index + 2;
    const errors: Said[] = [];
    const notes: Said[] = [];
    const one = (field: Mapping['columns'][number]) => cellsOf(row, m, field)[0]?.trim() ?? '';

    // The person.
    const name = cellsOf(row, m, 'name').join(' ').replace(/\s+/g, ' ').trim();
    if (!name) errors.push({ key: 'moving.noName' });
    else if (name.length > 60) errors.push({ key: 'error.nameTooLong' });
    const rawEmail = one('email');
    const email = rawEmail ? rawEmail.toLowerCase() : null;
    if (email && !emailSchema.safeParse(email).success) errors.push({ key: 'moving.badEmail' });
    const rawPhone = one('phone');
    const phone = rawPhone ? phoneOf(rawPhone) : null;
    if (rawPhone && !phone) errors.push({ key: 'moving.badPhone' });
    const language = m.values.language[one('language')] || m.defaults.language;

    // What they need and offer.
    // A value beyond those listed for matching (a sheet of addresses has thousands) is matched as they were suggested.
    const place = one('area');
    const area =
      (Object.hasOwn(m.values.area, place) ? m.values.area[place] : areasNamed(place, ctx.choices.areas)[0]) ||
      m.defaults.area;
    const urgency = (m.values.urgency[one('urgency')] || m.defaults.urgency) as Urgency;
    // The kind the row's details and ticked kinds of help are about: its need-or-offer column, else the sheet's.
    const detailsKind = m.values.kind[one('kind')] || m.defaults.kind;
    const ticked = [
      ...new Set(
        m.columns.flatMap((f, i) =>
          f === 'category' ? itemsOf('category', row[i] ?? '').map((v) => m.values.category[v] ?? '') : [],
        ),
      ),
    ].filter(Boolean);
    const categoriesFor = (kind: string, what: string) => {
      if ((kind === detailsKind || !detailsKind) && ticked.length) return ticked.slice(0, 5);
      const guessed = guessCategory(what, ctx.choices.categories);
      return guessed ? [guessed] : m.defaults.category ? [m.defaults.category] : [];
    };
    const texts: { kind: 'need' | 'offer'; what: string }[] = [];
    for (const kind of ['need', 'offer'] as const)
      for (const cell of cellsOf(row, m, kind)) texts.push({ kind, what: cell });
    // The details (or, without any, the kinds of help ticked) say what is needed or offered: added to the row's post
    // of that kind, or a post of their own.
    const details = cellsOf(row, m, 'what').join('\n').trim();
    const said = details || cellsOf(row, m, 'category').join(', ');
    if (said) {
      const same = detailsKind ? texts.find((x) => x.kind === detailsKind) : texts[0];
      if (same) same.what = details ? `${same.what}\n${details}` : same.what;
      else if (detailsKind === 'need' || detailsKind === 'offer') texts.push({ kind: detailsKind, what: said });
      else errors.push({ key: 'moving.noKind' });
    }
    const posts: PostInput[] = [];
    if (texts.length) {
      if (!area) errors.push({ key: 'moving.noArea', values: { value: one('area') } });
      for (const { kind, what } of texts) {
        const categories = categoriesFor(kind, what);
        if (categories.length === 0 && !errors.some((e) => e.key === 'moving.noCategory'))
          errors.push({ key: 'moving.noCategory' });
        for (const category of categories) {
          if (!area) break;
          const parsed = schema.safeParse({ kind, what, category, area, urgency });
          if (parsed.success) posts.push(parsed.data);
          else
            for (const issue of parsed.error.issues)
              if (!errors.some((e) => e.key === issue.message)) errors.push({ key: issue.message as MessageKey });
        }
      }
    }

    const plan: RowPlan = { line, name, errors, notes, existing: false, posts: [], email: !!email, phone: !!phone };
    rows.push(plan);
    if (errors.length) {
      skipped++;
      return;
    }

    // Already here?
    const here = (email && known.emails.get(email)) || (phone && known.phones.get(phone));
    if (here) {
      plan.existing = true;
      notes.push({ key: 'moving.alreadyMember', values: { name: here } });
      skipped++;
      return;
    }
    // The same person as an earlier row?
    const folded = fold(name);
    const keys = [email && `e:${email}`, phone && `p:${phone}`].filter((k): k is string => !!k);
    let person = keys.map((k) => byKey.get(k)).find(Boolean);
    if (!person) {
      const sameName = byKey.get(`n:${folded}`);
      const conflicts =
        sameName &&
        ((email && sameName.email && sameName.email !== email) ||
          (phone && sameName.phone && sameName.phone !== phone));
      if (sameName && !conflicts) person = sameName;
    }
    if (person) {
      notes.push({ key: 'moving.samePerson', values: { row: person.line } });
      person.email ??= email;
      person.phone ??= phone;
    } else {
      person = { line, keys: new Set(), name, email, phone, language, posts: [] };
      people.push(person);
      const there = known.names.get(folded);
      if (there) notes.push({ key: 'moving.sameNameHere', values: { name: there } });
      if (!email && !phone) notes.push({ key: 'moving.noWayToReach' });
    }
    for (const k of [...keys, `n:${folded}`]) if (!byKey.has(k)) byKey.set(k, person);
    for (const p of posts) {
      const again = person.posts.some((q) => q.kind === p.kind && q.what === p.what && q.category === p.category);
      if (again) {
        notes.push({ key: 'moving.samePost' });
        continue;
      }
      if (person.posts.length >= MOST_POSTS_A_PERSON) {
        notes.push({ key: 'moving.tooManyPosts', values: { most: MOST_POSTS_A_PERSON } });
        break;
      }
      person.posts.push(p);
      plan.posts.push({ kind: p.kind, category: p.category, area: p.area, what: p.what });
      if (p.kind === 'need') needs++;
      else offers++;
    }
  });
  return {
    rows,
    people: people.map(({ name, email, phone, language, posts }) => ({ name, email, phone, language, posts })),
    needs,
    offers,
    skipped,
  };
}
