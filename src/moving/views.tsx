/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Moving in's pages: the sheets a member brought and the form to bring one; matching a sheet's columns and values;
// the dry run, every row's result with its problems beside it, and the form asking the members to import it.
import type { ViewCtx } from '../web/layout.tsx';
import type { MessageKey, Translate } from '../web/i18n/index.ts';
import {
  categoryLabel,
  ErrorSummary,
  FileField,
  formatDate,
  Notice,
  SelectField,
  TextArea,
  type FormState,
} from '../web/parts.tsx';
import { languageName } from '../web/i18n/index.ts';
import { DecisionFields } from '../decisions/index.ts';
import {
  allowedValues,
  distinctValues,
  FIELDS,
  MOST_VALUES,
  URGENCY,
  VALUED,
  type Choices,
  type Mapping,
  type Valued,
} from './mapping.ts';
import type { ImportView, Outcome } from './commands.ts';
import type { Plan, RowPlan, Said } from './plan.ts';
import type { Table } from './read.ts';

export const ROWS_A_PAGE = 200;

type Mine = {
  id: string;
  file_name: string;
  row_count: number;
  made_at: Date;
  proposal_id: string | null;
  approved_at: Date | null;
  done_at: Date | null;
  outcome: unknown;
  held: boolean | null;
};

function stateOf(t: Translate, m: Mine): string {
  const o = m.outcome as Outcome | null;
  if (o?.failed) return t('moving.state.failed');
  if (o) return t('moving.state.done', { members: o.members, needs: o.needs, offers: o.offers });
  if (m.approved_at) return t('moving.state.approved');
  if (m.proposal_id && !m.held) return t('moving.state.refused');
  if (m.proposal_id) return t('moving.state.deciding');
  return t('moving.state.mapping');
}

export function ImportsPage(props: { v: ViewCtx; mine: Mine[]; form: FormState; done: string | undefined }) {
  const { v, mine, form } = props;
  const { t } = v;
  return (
    <>
      <h1>{t('moving.title')}</h1>
      {props.done === 'forgotten' ? <Notice kind="success">{t('moving.forgotten')}</Notice> : null}
      <p>{t('moving.intro')}</p>
      <ErrorSummary t={t} form={form} />
      <form method="post" action="/import" enctype="multipart/form-data" novalidate>
        <FileField
          t={t}
          form={form}
          name="sheet"
          label="moving.file"
          hint="moving.fileHint"
          required
          accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        />
        <button type="submit" class="primary">
          {t('moving.upload')}
        </button>
      </form>
      <h2>{t('moving.yours')}</h2>
      {mine.length === 0 ? (
        <p>{t('moving.none')}</p>
      ) : (
        <ul class="links">
          {mine.map((m) => (
            <li>
              {m.done_at || m.proposal_id ? (
                <a href={m.proposal_id ? `/decisions/${m.proposal_id}` : `/import/${m.id}`}>{m.file_name}</a>
              ) : (
                <a href={`/import/${m.id}`}>{m.file_name}</a>
              )}{' '}
              <span class="meta">
                {formatDate(v, m.made_at)} · {stateOf(t, m)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

const fieldLabel = (t: Translate, f: string) => t(`moving.field.${f}` as MessageKey);

function examplesOf(table: Table, i: number): string {
  const seen = new Set<string>();
  for (const row of table.rows) {
    const cell = (row[i] ?? '').replace(/\s+/g, ' ');
    if (cell) seen.add(cell.length > 30 ? `${cell.slice(0, 29)}…` : cell);
    if (seen.size === 3) break;
  }
  return [...seen].join(' · ');
}

/** A choice whose label is the sheet's own words (a column's name, a value), not a message: never "(optional)". */
const Choice = (p: {
  t: Translate;
  form: FormState;
  name: string;
  label: string;
  hint?: string;
  options: { value: string; label: string }[];
}) => (
  <SelectField t={p.t} form={p.form} name={p.name} text={p.label} hintText={p.hint} sometimes options={p.options} />
);

function valueOptions(t: Translate, field: Valued, choices: Choices) {
  const label = (x: string) =>
    field === 'category'
      ? categoryLabel(t, x)
      : field === 'kind'
        ? t(x === 'need' ? 'moving.aNeed' : 'moving.anOffer')
        : field === 'urgency'
          ? t(`urgency.${x}` as MessageKey)
          : field === 'language'
            ? languageName(x)
            : x;
  return allowedValues(field, choices).map((x) => ({ value: x, label: label(x) }));
}

export function MappingPage(props: {
  v: ViewCtx;
  imp: ImportView & { table: Table; mapping: Mapping };
  choices: Choices;
  columns: FormState;
  values: FormState;
}) {
  const { v, imp, choices, columns, values } = props;
  const { t } = v;
  const locked = !!imp.proposalId;
  const none = { value: '', label: t('moving.noneOfThem') };
  const valued = VALUED.map((f) => [f, distinctValues(imp.table, imp.mapping.columns, f)] as const).filter(
    ([, list]) => list.length > 0,
  );
  const defaultNone = { value: '', label: t('moving.defaultNone') };
  return (
    <>
      <h1>{imp.fileName}</h1>
      <p>{t('moving.readAs', { how: imp.readAs, rows: imp.rowCount })}</p>
      {locked ? (
        <Notice kind="info">
          <a href={`/decisions/${imp.proposalId}`}>{t('moving.alreadyProposed')}</a>
        </Notice>
      ) : null}
      <p>
        <a href={`/import/${imp.id}/dry-run`}>{t('moving.dryRunTitle')}</a>
      </p>
      <h2 id="columns">{t('moving.columnsTitle')}</h2>
      <p>{t('moving.columnsIntro')}</p>
      <ErrorSummary t={t} form={columns} />
      <form method="post" action={`/import/${imp.id}/columns`} novalidate>
        {imp.table.headers.map((header, i) => (
          <Choice
            t={t}
            form={columns}
            name={`col-${i}`}
            label={header}
            hint={examplesOf(imp.table, i) ? t('moving.examples', { examples: examplesOf(imp.table, i) }) : undefined}
            options={FIELDS.map((f) => ({ value: f, label: fieldLabel(t, f) }))}
          />
        ))}
        {locked ? null : <button type="submit">{t('moving.columnsSubmit')}</button>}
      </form>

      <h2 id="values">{t('moving.valuesTitle')}</h2>
      <p>{t('moving.valuesIntro')}</p>
      <ErrorSummary t={t} form={values} />
      <form method="post" action={`/import/${imp.id}/values`} novalidate>
        {valued.map(([field, list]) => (
          <fieldset>
            <legend>{t(`moving.valuesOf.${field}` as MessageKey)}</legend>
            {list.length >= MOST_VALUES ? <p class="hint">{t('moving.moreValues')}</p> : null}
            {list.map((value, i) => (
              <Choice
                t={t}
                form={values}
                name={`v-${field}-${i}`}
                label={value}
                options={[none, ...valueOptions(t, field, choices)]}
              />
            ))}
          </fieldset>
        ))}
        <fieldset>
          <legend>{t('moving.defaultsTitle')}</legend>
          <Choice
            t={t}
            form={values}
            name="d-area"
            label={t('moving.defaultArea')}
            options={[defaultNone, ...valueOptions(t, 'area', choices)]}
          />
          <Choice
            t={t}
            form={values}
            name="d-category"
            label={t('moving.defaultCategory')}
            options={[defaultNone, ...valueOptions(t, 'category', choices)]}
          />
          <Choice
            t={t}
            form={values}
            name="d-kind"
            label={t('moving.defaultKind')}
            options={[defaultNone, ...valueOptions(t, 'kind', choices)]}
          />
          <Choice
            t={t}
            form={values}
            name="d-urgency"
            label={t('moving.defaultUrgency')}
            options={URGENCY.map((u) => ({ value: u, label: t(`urgency.${u}` as MessageKey) }))}
          />
          <Choice
            t={t}
            form={values}
            name="d-language"
            label={t('moving.defaultLanguage')}
            options={valueOptions(t, 'language', choices)}
          />
        </fieldset>
        {locked ? null : (
          <button type="submit" class="primary">
            {t('moving.valuesSubmit')}
          </button>
        )}
      </form>
      {locked ? null : (
        <form method="post" action={`/import/${imp.id}/forget`}>
          <button type="submit">{t('moving.forget')}</button>
        </form>
      )}
    </>
  );
}

const said = (t: Translate, s: Said) => t(s.key, s.values);

function RowResult({ v, row }: { v: ViewCtx; row: RowPlan }) {
  const { t } = v;
  const left = row.errors.length > 0 || row.existing;
  return (
    <li id={`row-${row.line}`} class={row.errors.length ? 'has-error' : undefined}>
      <p>
        <strong>
          {t('moving.row')} {row.line}
        </strong>{' '}
        · {left ? t('moving.rowLeftOut') : t('moving.rowImports', { name: row.name })}
        {!left && row.email ? ` · ${t('moving.sealedEmail')}` : ''}
        {!left && row.phone ? ` · ${t('moving.sealedPhone')}` : ''}
      </p>
      {row.errors.length ? (
        <ul class="error">
          {row.errors.map((e) => (
            <li>{said(t, e)}</li>
          ))}
        </ul>
      ) : null}
      {row.posts.length ? (
        <ul>
          {row.posts.map((p) => (
            <li>
              {t(p.kind === 'need' ? 'moving.aNeed' : 'moving.anOffer')} · {categoryLabel(t, p.category)} · {p.area}:{' '}
              {p.what.length > 120 ? `${p.what.slice(0, 119)}…` : p.what}
            </li>
          ))}
        </ul>
      ) : null}
      {row.notes.length ? (
        <ul class="hint">
          {row.notes.map((n) => (
            <li>{said(t, n)}</li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function DryRunPage(props: {
  v: ViewCtx;
  imp: ImportView;
  plan: Plan;
  rows: RowPlan[];
  paging: { page: number; pages: number; only: boolean };
  form: FormState;
}) {
  const { v, imp, plan, rows, paging, form } = props;
  const { t } = v;
  const base = `/import/${imp.id}/dry-run`;
  const link = (page: number, only: boolean) => `${base}?page=${page}${only ? '&only=problems' : ''}`;
  return (
    <>
      <h1>
        {t('moving.dryRunTitle')}: {imp.fileName}
      </h1>
      <p>{t('moving.dryRunIntro')}</p>
      <p class="big-number" role="status">
        {t('moving.summary', {
          members: plan.people.length,
          needs: plan.needs,
          offers: plan.offers,
          skipped: plan.skipped,
        })}
      </p>
      <p>
        <a href={`/import/${imp.id}`}>{t('moving.changeMapping')}</a>
      </p>
      <p class="filters">
        {paging.only ? (
          <a href={link(1, false)}>{t('moving.allRows')}</a>
        ) : (
          <a href={link(1, true)}>{t('moving.onlyProblems')}</a>
        )}
      </p>
      <ol class="plain dry-run">
        {rows.map((row) => (
          <RowResult v={v} row={row} />
        ))}
      </ol>
      {paging.pages > 1 ? (
        <nav aria-label={t('moving.pages', { page: paging.page, pages: paging.pages })}>
          <p>{t('moving.pages', { page: paging.page, pages: paging.pages })}</p>
          <p>
            {paging.page > 1 ? <a href={link(paging.page - 1, paging.only)}>{t('moving.previous')}</a> : null}{' '}
            {paging.page < paging.pages ? <a href={link(paging.page + 1, paging.only)}>{t('moving.next')}</a> : null}
          </p>
        </nav>
      ) : null}

      <h2 id="propose">{t('moving.proposeTitle')}</h2>
      {imp.proposalId ? (
        <p>
          <a href={`/decisions/${imp.proposalId}`}>{t('moving.alreadyProposed')}</a>
        </p>
      ) : (
        <>
          <p>{t('moving.proposeIntro')}</p>
          <ErrorSummary t={t} form={form} />
          <form method="post" action={`/import/${imp.id}/propose`} novalidate>
            <TextArea t={t} form={form} name="why" label="moving.why" rows={3} maxlength={2000} />
            <DecisionFields v={v} form={form} />
            <button type="submit" class="primary">
              {t('moving.proposeSubmit')}
            </button>
          </form>
        </>
      )}
    </>
  );
}

export function ExportPage({ v }: { v: ViewCtx }) {
  const { t } = v;
  const files: [string, MessageKey][] = [
    ['moving.csv', 'moving.exportMoving'],
    ['members.csv', 'moving.exportMembers'],
    ['posts.csv', 'moving.exportPosts'],
    ['agreements.csv', 'moving.exportAgreements'],
    ['proposals.csv', 'moving.exportProposals'],
    ['events.csv', 'moving.exportEvents'],
    ['things.csv', 'moving.exportThings'],
    ['places.csv', 'moving.exportPlaces'],
    ['library.csv', 'moving.exportLibrary'],
    ['network.jsonl', 'moving.exportJsonLines'],
    ['valueflows.jsonld', 'moving.exportValueFlows'],
  ];
  return (
    <>
      <h1>{t('moving.exportTitle')}</h1>
      <p>{t('moving.exportIntro')}</p>
      <ul class="links">
        {files.map(([file, label]) => (
          <li>
            <a href={`/export/${file}`} download={file}>
              {t(label)}
            </a>{' '}
            <span class="meta">{file}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
