// Moving in's pages: bring a sheet, match its columns and values, look over the dry run, ask the members.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../web/context.ts';
import { page } from '../web/render.tsx';
import { emptyForm, type FormState } from '../web/parts.tsx';
import { checkForm, readForm, type FieldErrors } from '../web/forms.ts';
import { idParam, requireMember } from '../web/edges.ts';
import { errors } from '../web/errors.ts';
import { ACTION_PROPOSAL_DEFAULTS, decisionFields } from '../decisions/index.ts';
import type { MessageKey } from '../web/i18n/index.ts';
import { readTable } from './read.ts';
import {
  allowedValues,
  distinctValues,
  FIELDS,
  ONCE,
  suggestMapping,
  URGENCY,
  VALUED,
  valuesFor,
  type Field,
  type Mapping,
} from './mapping.ts';
import {
  choicesOf,
  forgetImport,
  importById,
  importsOf,
  planImport,
  proposeImport,
  saveMapping,
  stageImport,
  type ImportView,
} from './commands.ts';
import { DryRunPage, ExportPage, ImportsPage, MappingPage, ROWS_A_PAGE } from './views.tsx';
import { stream } from 'hono/streaming';
import { EXPORT_TABLES, jsonLines, movingSheet, tableCsv, valueFlows, type ExportTable } from './export.ts';

export const movingRoutes = new Hono<AppEnv>();
type C = Context<AppEnv>;

const importsPage = async (c: C, form: FormState, status: 200 | 413 | 422 = 200) => {
  const member = requireMember(c);
  const mine = await importsOf(c.get('deps').db, member.id);
  return page(c, c.get('t')('moving.title'), (v) => ImportsPage({ v, mine, form, done: c.req.query('done') }), {
    status,
  });
};

movingRoutes.get('/import', (c) => importsPage(c, emptyForm()));

movingRoutes.post('/import', async (c) => {
  const member = requireMember(c);
  let file: unknown;
  try {
    file = (await c.req.parseBody())['sheet'];
  } catch {
    throw errors.badRequest('unreadable_body');
  }
  if (!(file instanceof File) || file.size === 0)
    return importsPage(c, { values: {}, errors: { sheet: 'moving.fileMissing' } }, 422);
  const read = await readTable(new Uint8Array(await file.arrayBuffer()));
  if (!read.ok) return importsPage(c, { values: {}, errors: { sheet: read.error } }, 422);
  const deps = c.get('deps');
  const network = c.get('network')!;
  const id = await stageImport(deps.db, deps.keys, {
    memberId: member.id,
    fileName: file.name,
    table: read.table,
    mapping: suggestMapping(read.table, choicesOf(network), c.get('t')),
    now: deps.clock(),
  });
  return c.redirect(`/import/${id}`, 303);
});

/** The member's own sheet, still held; anyone else's, or one forgotten, is not found. */
async function ownSheet(c: C): Promise<ImportView & { table: NonNullable<ImportView['table']>; mapping: Mapping }> {
  const member = requireMember(c);
  const deps = c.get('deps');
  const imp = await importById(deps.db, deps.keys, idParam(c));
  if (!imp || imp.madeBy !== member.id) throw errors.notFound();
  if (!imp.table || !imp.mapping) throw errors.gone('import_forgotten', 'moving.forgotten');
  return { ...imp, table: imp.table, mapping: imp.mapping };
}

const mappingPage = async (c: C, forms: { columns?: FormState; values?: FormState }, status: 200 | 409 | 422 = 200) => {
  const imp = await ownSheet(c);
  const network = c.get('network')!;
  return page(
    c,
    c.get('t')('moving.columnsTitle'),
    (v) =>
      MappingPage({
        v,
        imp,
        choices: choicesOf(network),
        columns: forms.columns ?? emptyForm(columnValues(imp.mapping)),
        values: forms.values ?? emptyForm(valueValues(imp)),
      }),
    { status },
  );
};

const columnValues = (m: Mapping) => Object.fromEntries(m.columns.map((f, i) => [`col-${i}`, f]));

function valueValues(imp: { table: NonNullable<ImportView['table']>; mapping: Mapping }) {
  const out: Record<string, string> = {};
  for (const field of VALUED)
    distinctValues(imp.table, imp.mapping.columns, field).forEach((value, i) => {
      out[`v-${field}-${i}`] = imp.mapping.values[field][value] ?? '';
    });
  for (const [k, value] of Object.entries(imp.mapping.defaults)) out[`d-${k}`] = value;
  return out;
}

movingRoutes.get('/import/:id', (c) => mappingPage(c, {}));

movingRoutes.post('/import/:id/columns', async (c) => {
  const imp = await ownSheet(c);
  const values = await readForm(c);
  const errs: FieldErrors = {};
  const seen = new Set<Field>();
  const columns = imp.table.headers.map((_, i): Field => {
    const f = values[`col-${i}`] as Field;
    if (!FIELDS.includes(f)) {
      errs[`col-${i}`] = 'error.badRequest';
      return 'ignore';
    }
    if (ONCE.includes(f) && seen.has(f)) errs[`col-${i}`] = 'moving.columnTwice';
    seen.add(f);
    return f;
  });
  if (!columns.includes('name') && imp.table.headers.length) errs['col-0'] ??= 'moving.noNameColumn';
  if (Object.keys(errs).length) return mappingPage(c, { columns: { values, errors: errs } }, 422);
  const network = c.get('network')!;
  const deps = c.get('deps');
  await saveMapping(deps.db, deps.keys, imp, {
    ...imp.mapping,
    columns,
    values: valuesFor(imp.table, columns, choicesOf(network), c.get('t'), imp.mapping.values),
  });
  return c.redirect(`/import/${imp.id}#values`, 303);
});

movingRoutes.post('/import/:id/values', async (c) => {
  const imp = await ownSheet(c);
  const values = await readForm(c);
  const network = c.get('network')!;
  const choices = choicesOf(network);
  const errs: FieldErrors = {};
  const chosen = {} as Mapping['values'];
  for (const field of VALUED) {
    chosen[field] = {};
    const allowed = allowedValues(field, choices);
    distinctValues(imp.table, imp.mapping.columns, field).forEach((value, i) => {
      const got = values[`v-${field}-${i}`] ?? '';
      if (got && !allowed.includes(got)) errs[`v-${field}-${i}`] = 'moving.valueInvalid';
      chosen[field][value] = got;
    });
  }
  const pick = (key: string, allowed: readonly string[], orNone: boolean) => {
    const got = values[`d-${key}`] ?? '';
    if ((got || !orNone) && !allowed.includes(got)) errs[`d-${key}`] = 'moving.valueInvalid';
    return got;
  };
  const defaults = {
    area: pick('area', choices.areas, true),
    category: pick('category', choices.categories, true),
    urgency: pick('urgency', URGENCY, false) as Mapping['defaults']['urgency'],
    language: pick('language', choices.languages, false),
    kind: pick('kind', ['need', 'offer'], true) as Mapping['defaults']['kind'],
  };
  if (Object.keys(errs).length) return mappingPage(c, { values: { values, errors: errs } }, 422);
  const deps = c.get('deps');
  await saveMapping(deps.db, deps.keys, imp, { columns: imp.mapping.columns, values: chosen, defaults });
  return c.redirect(`/import/${imp.id}/dry-run`, 303);
});

const viewQuery = z.object({
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
  only: z.enum(['problems']).optional().catch(undefined),
});

const proposeForm = z.object({
  ...decisionFields,
  why: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(2000, 'error.textTooLong')),
});

const dryRunPage = async (c: C, form: FormState, status: 200 | 409 | 422 = 200) => {
  const imp = await ownSheet(c);
  const deps = c.get('deps');
  const network = c.get('network')!;
  const plan = await planImport(deps.db, deps.keys, network, imp.table, imp.mapping, deps.clock());
  const q = viewQuery.parse(c.req.query());
  const rows = q.only ? plan.rows.filter((r) => r.errors.length || r.notes.length) : plan.rows;
  const pages = Math.max(1, Math.ceil(rows.length / ROWS_A_PAGE));
  const at = Math.min(q.page, pages);
  return page(
    c,
    c.get('t')('moving.dryRunTitle'),
    (v) =>
      DryRunPage({
        v,
        imp,
        plan,
        rows: rows.slice((at - 1) * ROWS_A_PAGE, at * ROWS_A_PAGE),
        paging: { page: at, pages, only: !!q.only },
        form,
      }),
    { status },
  );
};

movingRoutes.get('/import/:id/dry-run', (c) => dryRunPage(c, emptyForm({ ...ACTION_PROPOSAL_DEFAULTS })));

movingRoutes.post('/import/:id/propose', async (c) => {
  const member = requireMember(c);
  const imp = await ownSheet(c);
  const values = await readForm(c);
  const parsed = checkForm(proposeForm, values);
  if (!parsed.ok) return dryRunPage(c, parsed.form, 422);
  if (imp.proposalId) return c.redirect(`/decisions/${imp.proposalId}`, 303);
  const deps = c.get('deps');
  const network = c.get('network')!;
  const now = deps.clock();
  const plan = await planImport(deps.db, deps.keys, network, imp.table, imp.mapping, now);
  if (plan.people.length === 0)
    return dryRunPage(c, { values, errors: { why: 'moving.nothingToImport' as MessageKey } }, 422);
  const id = await proposeImport(
    deps.db,
    member.id,
    imp,
    plan,
    parsed.data.why,
    { process: parsed.data.process, closesInHours: parsed.data.closes_in },
    now,
  );
  return c.redirect(`/decisions/${id}`, 303);
});

movingRoutes.post('/import/:id/forget', async (c) => {
  const member = requireMember(c);
  const deps = c.get('deps');
  const imp = await importById(deps.db, deps.keys, idParam(c));
  if (!imp || imp.madeBy !== member.id) throw errors.notFound();
  await forgetImport(deps.db, imp);
  return c.redirect('/import?done=forgotten', 303);
});

movingRoutes.get('/export', (c) => {
  requireMember(c);
  return page(c, c.get('t')('moving.exportTitle'), (v) => ExportPage({ v }));
});

const FILES: Record<string, { type: string; make: (c: C) => AsyncGenerator<string> }> = {
  ...Object.fromEntries(
    EXPORT_TABLES.map((table) => [
      `${table}.csv`,
      { type: 'text/csv; charset=utf-8', make: (c: C) => tableCsv(c.get('deps').db, table as ExportTable) },
    ]),
  ),
  'network.jsonl': { type: 'application/x-ndjson; charset=utf-8', make: (c) => jsonLines(c.get('deps').db) },
  'valueflows.jsonld': {
    type: 'application/ld+json; charset=utf-8',
    make: (c) => valueFlows(c.get('deps').db, c.get('deps').config.publicUrl),
  },
  'moving.csv': { type: 'text/csv; charset=utf-8', make: (c) => movingSheet(c.get('deps').db) },
};

/** A file of the export, written to the answer as it is read: a page of rows at a time. */
movingRoutes.get('/export/:file', (c) => {
  requireMember(c);
  const name = c.req.param('file');
  const file = Object.hasOwn(FILES, name) ? FILES[name]! : null;
  if (!file) throw errors.notFound();
  c.header('content-type', file.type);
  c.header('content-disposition', `attachment; filename="${name}"`);
  const { log } = c.get('deps');
  return stream(
    c,
    async (out) => {
      for await (const chunk of file.make(c)) await out.write(chunk);
    },
    // Half a file already went: it cannot become an error page. The log says so; the download stops short.
    async () => log(`an export stopped part way (${name})`),
  );
});
