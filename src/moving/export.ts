// Moving out (issue 22): what every member may see, in open formats, for other tools and other servers — CSV per
// table, JSON lines, ValueFlows JSON-LD for the open needs and offers, and a moving sheet that another Kropotkin's
// Moving in reads back as the same members and posts. Each is streamed a page of rows at a time (keyset by id), never
// held whole in memory. Nothing private is in any of them: no email, phone, address, message, ballot or sealed text,
// no hidden post; only the columns docs/SECURITY.md calls public to members (events, things, places and the library
// too, without the sealed exact places).
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { csvCell } from '../web/csv.ts';

type Db = Kysely<Database>;
type Row = Record<string, string | number | boolean | null>;

const PAGE = 500;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Each table a member may read, a page at a time after `after` (an id), in id order. */
const TABLES = {
  members: async (db: Db, after: string, n: number): Promise<Row[]> =>
    (
      await db
        .selectFrom('members')
        .select(['id', 'display_name', 'language', 'joined_at'])
        .where('removed_at', 'is', null)
        .where('id', '>', after)
        .orderBy('id')
        .limit(n)
        .execute()
    ).map((m) => ({ id: m.id, name: m.display_name, language: m.language, joined_at: iso(m.joined_at) })),
  posts: async (db: Db, after: string, n: number): Promise<Row[]> =>
    (
      await db
        .selectFrom('posts as p')
        .innerJoin('members as m', 'm.id', 'p.member_id')
        .select([
          'p.id',
          'p.kind',
          'p.member_id',
          'm.display_name',
          'm.language',
          'p.what',
          'p.category',
          'p.area',
          'p.urgency',
          'p.needed_by',
          'p.available_until',
          'p.status',
          'p.created_at',
        ])
        .where('p.hidden_at', 'is', null)
        .where('p.details_expired_at', 'is', null)
        .where('p.status', '<>', 'withdrawn')
        .where('m.removed_at', 'is', null)
        .where('p.id', '>', after)
        .orderBy('p.id')
        .limit(n)
        .execute()
    ).map((p) => ({
      id: p.id,
      kind: p.kind,
      member_id: p.member_id,
      by: p.display_name,
      language: p.language,
      what: p.what,
      category: p.category,
      area: p.area,
      urgency: p.urgency,
      needed_by: p.needed_by ? String(p.needed_by).slice(0, 10) : null,
      available_until: p.available_until ? String(p.available_until).slice(0, 10) : null,
      status: p.status,
      created_at: iso(p.created_at),
    })),
  agreements: async (db: Db, after: string, n: number): Promise<Row[]> =>
    (
      await db
        .selectFrom('agreements')
        .select(['key', 'value', 'adopted_at', 'adopted_by'])
        .distinctOn('key')
        .where('key', '>', after)
        .orderBy('key')
        .orderBy('adopted_at', 'desc')
        .orderBy('id', 'desc')
        .limit(n)
        .execute()
    ).map((a) => ({
      id: a.key,
      key: a.key,
      value: JSON.stringify(a.value),
      adopted_at: iso(a.adopted_at),
      adopted_by: a.adopted_by,
    })),
  proposals: async (db: Db, after: string, n: number): Promise<Row[]> =>
    (
      await db
        .selectFrom('proposals')
        .select(['id', 'kind', 'title', 'body', 'process', 'opened_at', 'closes_at', 'status', 'outcome', 'closed_at'])
        .where('circle_id', 'is', null)
        .where('id', '>', after)
        .orderBy('id')
        .limit(n)
        .execute()
    ).map((p) => ({
      id: p.id,
      kind: p.kind,
      title: p.title,
      body: p.body,
      process: p.process,
      opened_at: iso(p.opened_at),
      closes_at: iso(p.closes_at),
      status: p.status,
      outcome: p.outcome,
      closed_at: iso(p.closed_at),
    })),
  // Events, things to borrow, fridges and pantries, the library: what members see of them, never the sealed exact
  // place, who reported or who is in line.
  events: async (db: Db, after: string, n: number): Promise<Row[]> =>
    (
      await db
        .selectFrom('events')
        .select(['id', 'kind', 'title', 'about', 'language', 'area', 'starts_at', 'minutes', 'zone', 'rrule'])
        .select(['capacity', 'open_to_all', 'cancelled_at'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(n)
        .execute()
    ).map((e) => ({ ...e, starts_at: iso(e.starts_at), cancelled_at: iso(e.cancelled_at) })),
  things: async (db: Db, after: string, n: number): Promise<Row[]> =>
    (
      await db
        .selectFrom('things as t')
        .leftJoin('members as m', (j) => j.onRef('m.id', '=', 't.lent_by').on('m.removed_at', 'is', null))
        .select(['t.id', 't.title', 't.about', 't.area', 't.condition', 't.loan_days', 't.added_at'])
        .select('m.display_name as lent_by')
        .where('t.retired_at', 'is', null)
        .where('t.id', '>', after)
        .orderBy('t.id')
        .limit(n)
        .execute()
    ).map((t) => ({ ...t, added_at: iso(t.added_at) })),
  places: async (db: Db, after: string, n: number): Promise<Row[]> =>
    (
      await db
        .selectFrom('places')
        .select(['id', 'name', 'kind', 'area', 'about', 'help', 'counted', 'added_at'])
        .where('retired_at', 'is', null)
        .where('id', '>', after)
        .orderBy('id')
        .limit(n)
        .execute()
    ).map((p) => ({ ...p, added_at: iso(p.added_at) })),
  library: async (db: Db, after: string, n: number): Promise<Row[]> =>
    (
      await db
        .selectFrom('library_items')
        .select(['id', 'title', 'language', 'about', 'url', 'body', 'version_of', 'added_at'])
        .where('taken_down_at', 'is', null)
        .where('id', '>', after)
        .orderBy('id')
        .limit(n)
        .execute()
    ).map((l) => ({ ...l, added_at: iso(l.added_at) })),
} as const;

export type ExportTable = keyof typeof TABLES;
export const EXPORT_TABLES = Object.keys(TABLES) as ExportTable[];
const COLUMNS: Record<ExportTable, string[]> = {
  members: ['id', 'name', 'language', 'joined_at'],
  posts: [
    'id',
    'kind',
    'member_id',
    'by',
    'what',
    'category',
    'area',
    'urgency',
    'needed_by',
    'available_until',
    'status',
    'created_at',
  ],
  agreements: ['key', 'value', 'adopted_at', 'adopted_by'],
  proposals: ['id', 'kind', 'title', 'body', 'process', 'opened_at', 'closes_at', 'status', 'outcome', 'closed_at'],
  events: [
    'id',
    'kind',
    'title',
    'about',
    'language',
    'area',
    'starts_at',
    'minutes',
    'zone',
    'rrule',
    'capacity',
  ].concat(['open_to_all', 'cancelled_at']),
  things: ['id', 'title', 'about', 'area', 'condition', 'loan_days', 'lent_by', 'added_at'],
  places: ['id', 'name', 'kind', 'area', 'about', 'help', 'counted', 'added_at'],
  library: ['id', 'title', 'language', 'about', 'url', 'body', 'version_of', 'added_at'],
};

/** A table's rows, a page at a time: at most PAGE rows are ever held. */
export async function* rowsOf(db: Db, table: ExportTable): AsyncGenerator<Row> {
  // Before every id: the least uuid, or the empty text for agreements (keyed by their name).
  let after = table === 'agreements' ? '' : '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = await TABLES[table](db, after, PAGE);
    for (const row of page) yield row;
    if (page.length < PAGE) return;
    after = String(page.at(-1)!.id);
  }
}

const csvLine = (cells: (string | number | boolean | null)[]) =>
  cells.map((c) => (c === null ? '' : csvCell(typeof c === 'boolean' ? String(c) : c))).join(',') + '\r\n';

/** One table as CSV: a header, then a line a row. */
export async function* tableCsv(db: Db, table: ExportTable): AsyncGenerator<string> {
  const columns = COLUMNS[table];
  yield csvLine(columns);
  for await (const row of rowsOf(db, table)) yield csvLine(columns.map((c) => row[c] ?? null));
}

/** Every table as JSON lines: {"table": …, "row": {…}}, one object a line. */
export async function* jsonLines(db: Db): AsyncGenerator<string> {
  for (const table of EXPORT_TABLES)
    for await (const row of rowsOf(db, table)) {
      const { id, ...rest } = row;
      yield `${JSON.stringify({ table, row: table === 'agreements' ? rest : { id, ...rest } })}\n`;
    }
}

const VF_CONTEXT = {
  vf: 'https://w3id.org/valueflows/ont/vf#',
  schema: 'https://schema.org/',
  action: { '@id': 'vf:action', '@type': '@id' },
  resourceConformsTo: { '@id': 'vf:resourceConformsTo', '@type': '@id' },
  atLocation: { '@id': 'vf:atLocation' },
  receiver: { '@id': 'vf:receiver', '@type': '@id' },
  provider: { '@id': 'vf:provider', '@type': '@id' },
  due: { '@id': 'vf:due' },
  finished: { '@id': 'vf:finished' },
  note: { '@id': 'vf:note' },
  name: { '@id': 'schema:name' },
};

/** The open needs and offers as ValueFlows Intents (a need: the member receives; an offer: they provide), in one
 * JSON-LD document written as it is read. */
export async function* valueFlows(db: Db, publicUrl: string): AsyncGenerator<string> {
  const base = publicUrl.replace(/\/$/, '');
  yield `{"@context":${JSON.stringify(VF_CONTEXT)},"@graph":[`;
  let first = true;
  for await (const p of rowsOf(db, 'posts')) {
    if (p.status !== 'open') continue;
    const agent = `${base}/members/${p.member_id}`;
    const intent = {
      '@id': `${base}/posts/${p.id}`,
      '@type': 'vf:Intent',
      action: 'vf:transfer',
      [p.kind === 'need' ? 'receiver' : 'provider']: { '@id': agent, '@type': 'vf:Person', name: p.by },
      name: p.what,
      note: p.what,
      resourceConformsTo: `urn:kropotkin:kind:${encodeURIComponent(String(p.category))}`,
      atLocation: { '@type': 'vf:SpatialThing', name: p.area },
      ...(p.needed_by ? { due: p.needed_by } : p.available_until ? { due: p.available_until } : {}),
      finished: false,
    };
    yield `${first ? '' : ','}${JSON.stringify(intent)}`;
    first = false;
  }
  yield ']}\n';
}

/** The headers of the moving sheet: what Moving in suggests for each without a change (mapping.ts). */
export const MOVING_HEADERS = ['Name', 'Language', 'Need or offer', 'What', 'Kind of help', 'Area', 'How soon'];

/** The moving sheet: a row for each open post, and one for each member with none, so another Kropotkin's Moving in
 * makes the same members with the same posts. (Only the members' ids are held while it is written.) */
export async function* movingSheet(db: Db): AsyncGenerator<string> {
  yield csvLine(MOVING_HEADERS);
  const withPosts = new Set<string>();
  for await (const p of rowsOf(db, 'posts')) {
    if (p.status !== 'open') continue;
    withPosts.add(String(p.member_id));
    yield csvLine(['by', 'language', 'kind', 'what', 'category', 'area', 'urgency'].map((k) => p[k] ?? null));
  }
  for await (const m of rowsOf(db, 'members'))
    if (!withPosts.has(String(m.id))) yield csvLine([m.name ?? null, m.language ?? null, '', '', '', '', '']);
}
