// Moving in (issue 22): a member brings the network's sheet; it is kept sealed (it holds people's contacts) while they
// match its columns and values and look over the dry run; importing it is the members' decision. When that passes,
// the import is carried out by itself, in one transaction: each person becomes a member (their email sealed as every
// member's is, their phone number linked for texts), with the needs and offers they asked for, each in one of the
// network's areas — the exact address in the sheet is never kept. Then the sheet is forgotten; only the counts stay.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import type { Deps, Network } from '../web/context.ts';
import { decrypt, encrypt, type Keys } from '../security/crypto.ts';
import { errors } from '../web/errors.ts';
import { dayIn } from '../web/zone.ts';
import { proposeAction, type Proposing } from '../decisions/index.ts';
import { createMember, membersByEmail } from '../members/index.ts';
import { createPost } from '../exchange/index.ts';
import { linkNumber, membersByNumber } from '../texts/index.ts';
import { notify } from '../notifications/index.ts';
import { fold, mappingSchema, type Choices, type Mapping } from './mapping.ts';
import { contactsIn, planRows, type Known, type Plan } from './plan.ts';
import type { Table } from './read.ts';
import { z } from 'zod';

type Db = Kysely<Database>;

const sheetPurpose = (id: string) => `import-sheet:${id}`;
const mappingPurpose = (id: string) => `import-mapping:${id}`;

/** An unproposed sheet is forgotten after this many days; so is one whose decision did not pass. */
export const KEEP_DAYS = 14;

export type ImportView = {
  id: string;
  madeBy: string;
  fileName: string;
  readAs: string;
  rowCount: number;
  madeAt: Date;
  proposalId: string | null;
  approvedAt: Date | null;
  doneAt: Date | null;
  outcome: Outcome | null;
  /** The sheet and its mapping, while it is kept. */
  table: Table | null;
  mapping: Mapping | null;
};

export type Outcome = { members: number; needs: number; offers: number; skipped: number; failed?: boolean };

/** Keeps a sheet, sealed, with the mapping suggested for it. */
export async function stageImport(
  db: Db,
  keys: Keys,
  a: { memberId: string; fileName: string; table: Table; mapping: Mapping; now: Date },
): Promise<string> {
  const id = crypto.randomUUID();
  const readAs = a.table.delimiter
    ? `${a.table.encoding} ${a.table.delimiter === '\t' ? 'tab' : a.table.delimiter}`
    : a.table.encoding;
  await db
    .insertInto('imports')
    .values({
      id,
      made_by: a.memberId,
      made_at: a.now,
      file_name: a.fileName.replace(/[\p{Cc}\p{Cf}]/gu, '').slice(0, 200) || 'sheet',
      read_as: readAs.slice(0, 40),
      row_count: a.table.rows.length,
      sheet_enc: encrypt(keys, sheetPurpose(id), JSON.stringify(a.table)),
      mapping_enc: encrypt(keys, mappingPurpose(id), JSON.stringify(a.mapping)),
    })
    .execute();
  return id;
}

const tableSchema = z.object({
  headers: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  encoding: z.string(),
  delimiter: z.string().nullable(),
});

/** An import with its sheet opened, or null. */
export async function importById(db: Db, keys: Keys, id: string, forUpdate = false): Promise<ImportView | null> {
  let q = db.selectFrom('imports').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    madeBy: r.made_by,
    fileName: r.file_name,
    readAs: r.read_as,
    rowCount: r.row_count,
    madeAt: r.made_at,
    proposalId: r.proposal_id,
    approvedAt: r.approved_at,
    doneAt: r.done_at,
    outcome: (r.outcome as Outcome | null) ?? null,
    table: r.sheet_enc ? tableSchema.parse(JSON.parse(decrypt(keys, sheetPurpose(r.id), r.sheet_enc))) : null,
    mapping: r.mapping_enc
      ? (mappingSchema.parse(JSON.parse(decrypt(keys, mappingPurpose(r.id), r.mapping_enc))) as Mapping)
      : null,
  };
}

/** The member's imports, newest first, without their sheets. */
export async function importsOf(db: Db, memberId: string) {
  return db
    .selectFrom('imports')
    .select(['id', 'file_name', 'row_count', 'made_at', 'proposal_id', 'approved_at', 'done_at', 'outcome'])
    .select((eb) => eb('sheet_enc', 'is not', null).$castTo<boolean>().as('held'))
    .where('made_by', '=', memberId)
    .orderBy('made_at', 'desc')
    .limit(50)
    .execute();
}

/** A new mapping, while the sheet is still open to change (not yet proposed). */
export async function saveMapping(db: Db, keys: Keys, imp: ImportView, mapping: Mapping) {
  const updated = await db
    .updateTable('imports')
    .set({ mapping_enc: encrypt(keys, mappingPurpose(imp.id), JSON.stringify(mapping)) })
    .where('id', '=', imp.id)
    .where('proposal_id', 'is', null)
    .where('sheet_enc', 'is not', null)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) throw errors.conflict('import_proposed', 'moving.alreadyProposed');
}

/** Who of the sheet is here already: by email, by texting number, and members' names. */
export async function knownFor(db: Db, keys: Keys, table: Table, mapping: Mapping): Promise<Known> {
  const { emails, phones } = contactsIn(table, mapping);
  const [byEmail, byPhone, names] = await Promise.all([
    membersByEmail(db, keys, emails),
    membersByNumber(db, keys, phones),
    db.selectFrom('members').select('display_name').where('removed_at', 'is', null).execute(),
  ]);
  return { emails: byEmail, phones: byPhone, names: new Map(names.map((n) => [fold(n.display_name), n.display_name])) };
}

export const choicesOf = (network: Network): Choices & { rootCauses: string[] } => ({
  areas: network.areas,
  categories: network.categories,
  languages: network.languages,
  rootCauses: network.rootCauses,
});

/** The dry run: what the sheet becomes under its mapping, today. */
export async function planImport(db: Db, keys: Keys, network: Network, table: Table, mapping: Mapping, now: Date) {
  const known = await knownFor(db, keys, table, mapping);
  return planRows(table, mapping, known, { choices: choicesOf(network), today: dayIn(network.timeZone, now) });
}

export type ImportAction = {
  type: 'import';
  import_id: string;
  file_name: string;
  members: number;
  needs: number;
  offers: number;
  skipped: number;
};

const count = z.number().int().min(0).max(100_000);
export const importPayload: z.ZodType<ImportAction> = z.object({
  type: z.literal('import'),
  import_id: z.uuid(),
  file_name: z.string().min(1).max(200),
  members: count,
  needs: count,
  offers: count,
  skipped: count,
});

/** Asks the members whether to import the sheet as its dry run shows it. */
export async function proposeImport(
  db: Db,
  memberId: string,
  imp: ImportView,
  plan: Plan,
  why: string,
  p: Proposing,
  now: Date,
) {
  return db.transaction().execute(async (tx) => {
    const action: ImportAction = {
      type: 'import',
      import_id: imp.id,
      file_name: imp.fileName,
      members: plan.people.length,
      needs: plan.needs,
      offers: plan.offers,
      skipped: plan.skipped,
    };
    const id = await proposeAction(tx, memberId, { kind: 'import', title: imp.fileName, why, action }, p, now);
    const updated = await tx
      .updateTable('imports')
      .set({ proposal_id: id })
      .where('id', '=', imp.id)
      .where('proposal_id', 'is', null)
      .where('sheet_enc', 'is not', null)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw errors.conflict('import_proposed', 'moving.alreadyProposed');
    return id;
  });
}

/** The members decided: passed, the import is carried out on the next turn of the job; else the sheet is forgotten. */
export async function decided(tx: Kysely<Database>, a: ImportAction, passed: boolean, now: Date) {
  await tx
    .updateTable('imports')
    .set(passed ? { approved_at: now } : { sheet_enc: null, mapping_enc: null })
    .where('id', '=', a.import_id)
    .where('done_at', 'is', null)
    .execute();
}

/** Carries out every import the members approved, each in one transaction. */
export async function carryOutImports(deps: Deps, now: Date) {
  const due = await deps.db
    .selectFrom('imports')
    .select('id')
    .where('approved_at', 'is not', null)
    .where('done_at', 'is', null)
    .execute();
  if (due.length === 0) return;
  const network = await deps.network();
  if (!network) return;
  for (const { id } of due) {
    try {
      await carryOut(deps, network, id, now);
    } catch (e) {
      // Whatever stopped it (the network changed in between): the members are told it failed; nothing was imported.
      await deps.db
        .updateTable('imports')
        .set({
          done_at: now,
          sheet_enc: null,
          mapping_enc: null,
          outcome: JSON.stringify({ members: 0, needs: 0, offers: 0, skipped: 0, failed: true }),
        })
        .where('id', '=', id)
        .where('done_at', 'is', null)
        .execute();
      const row = await deps.db.selectFrom('imports').select('made_by').where('id', '=', id).executeTakeFirst();
      if (row) await notify(deps.db, [{ member_id: row.made_by, kind: 'import_done', subject: id }]);
      // The reason's code only: a database's message can quote what a row held.
      const code = (e as { code?: string }).code ?? 'error';
      deps.log(`an approved import could not be carried out (${code})`);
    }
  }
}

async function carryOut(deps: Deps, network: Network, id: string, now: Date) {
  const { db, keys } = deps;
  await db.transaction().execute(async (tx) => {
    const imp = await importById(tx, keys, id, true);
    if (!imp || imp.doneAt || !imp.approvedAt || !imp.table || !imp.mapping) return;
    const plan = await planImport(tx, keys, network, imp.table, imp.mapping, now);
    let needs = 0;
    let offers = 0;
    for (const person of plan.people) {
      const memberId = await createMember(tx, keys, {
        displayName: person.name,
        language: person.language,
        email: person.email ?? undefined,
      });
      if (person.phone) await linkNumber(tx, keys, { memberId, number: person.phone, language: person.language, now });
      for (const post of person.posts) {
        await createPost(tx, memberId, person.language, post, now);
        if (post.kind === 'need') needs++;
        else offers++;
      }
    }
    const outcome: Outcome = { members: plan.people.length, needs, offers, skipped: plan.skipped };
    await tx
      .updateTable('imports')
      .set({ done_at: now, sheet_enc: null, mapping_enc: null, outcome: JSON.stringify(outcome) })
      .where('id', '=', id)
      .execute();
    await notify(tx, [{ member_id: imp.madeBy, kind: 'import_done', subject: id }]);
  });
}

/** Forgets a sheet its maker no longer wants, unless the members are deciding on it. */
export async function forgetImport(db: Db, imp: ImportView) {
  const gone = await db
    .deleteFrom('imports')
    .where('id', '=', imp.id)
    .where((eb) => eb.or([eb('proposal_id', 'is', null), eb('sheet_enc', 'is', null)]))
    .where((eb) => eb.or([eb('approved_at', 'is', null), eb('done_at', 'is not', null)]))
    .executeTakeFirst();
  if (gone.numDeletedRows === 0n) throw errors.conflict('import_proposed', 'moving.alreadyProposed');
}

/** Sheets nobody proposed within KEEP_DAYS, and those the members did not approve, are forgotten. */
export async function forgetImports(db: Db, now: Date) {
  const before = new Date(now.getTime() - KEEP_DAYS * 86_400_000);
  await db
    .deleteFrom('imports')
    .where('made_at', '<', before)
    .where('done_at', 'is', null)
    .where('approved_at', 'is', null)
    .where((eb) => eb.or([eb('proposal_id', 'is', null), eb('sheet_enc', 'is', null)]))
    .execute();
}
