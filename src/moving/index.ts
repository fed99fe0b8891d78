// Moving in (issue 22): a network brings the spreadsheet it runs on today — a CSV or .xlsx from Google Sheets, Forms or
// Airtable — matches its columns and values, looks over a dry run of every row, and its members decide whether to
// import it; passed, it is imported in one transaction and the sheet is forgotten. See commands.ts and ADR 043.
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { defineAction, type Domain, type Told } from '../web/domain.ts';
import type { Translate } from '../web/i18n/index.ts';
import { oneLine } from '../notifications/index.ts';
import { access } from './access.ts';
import { messages } from './messages.ts';
import { movingRoutes } from './routes.ts';
import { carryOutImports, decided, forgetImports, importPayload, type ImportAction } from './commands.ts';

declare module '../web/domain.ts' {
  interface NotificationKinds {
    import_done: true;
  }
}

export const moving: Domain = {
  name: 'moving',
  access,
  messages,
  tables: ['imports'],
  routes: [movingRoutes],
  nav: [
    { href: '/import', label: 'nav.import', place: 'more', order: 60 },
    { href: '/export', label: 'nav.export', place: 'more', order: 61 },
  ],
  actions: [
    defineAction<ImportAction>({
      handles: 'import',
      payload: importPayload,
      apply: (tx, closing, a) => decided(tx, a, closing.passed, closing.now),
      title: (t, _lang, a) => a.file_name,
      explain: (t, _lang, a) =>
        t('moving.explain', {
          file: a.file_name,
          members: a.members,
          needs: a.needs,
          offers: a.offers,
          skipped: a.skipped,
        }),
    }),
  ],
  notifications: [
    {
      kind: 'import_done',
      about: {
        tables: ['imports'],
        load: async (db: Kysely<Database>, ids: string[]) =>
          new Map(
            (await db.selectFrom('imports').select(['id', 'file_name']).where('id', 'in', ids).execute()).map((r) => [
              r.id,
              r.file_name,
            ]),
          ),
      },
      text: (t: Translate, _at: unknown, n: Told<string>) =>
        t('notification.importDone', { file: oneLine(n.about ?? '') }),
      link: () => '/import',
    },
  ],
  jobs: [
    // Every few seconds: a passed decision to import takes effect at once.
    { name: 'carry out approved imports', run: (deps, now) => carryOutImports(deps, now), everyMs: 5_000 },
    { name: 'forget sheets not imported', run: (deps, now) => forgetImports(deps.db, now) },
  ],
};
