/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The roles pages: every role the network defined with who holds it and who is next; one role with its handover
// note (for its holders); and the proposals that fill a role or define one.
import type { ViewCtx } from '../web/layout.tsx';
import {
  Checkbox,
  ErrorSummary,
  formatDate,
  formatDateTime,
  Notice,
  SelectField,
  TextArea,
  TextField,
  type FormState,
} from '../web/parts.tsx';
import { DecisionFields } from '../decisions/index.ts';
import { duration } from '../web/agreement.ts';
import type { Handover, RoleDef, RoleSummary } from './queries.ts';
import { roleDuties, roleTitle } from './text.ts';

function Terms({ v, r }: { v: ViewCtx; r: RoleSummary }) {
  const { t } = v;
  return (
    <>
      <p>{t('role.seatsTaken', { taken: r.holders.length, seats: r.def.seats })}</p>
      {r.holders.length ? (
        <ul>
          {r.holders.map((h) => (
            <li>{t('role.holderUntil', { name: h.name, date: formatDate(v, h.endsAt) })}</li>
          ))}
        </ul>
      ) : (
        <p>{t('role.nobodyHolds')}</p>
      )}
      {r.next.length ? (
        <p>
          {t('role.nextHolders')}{' '}
          {r.next.map((h) => t('role.holderFrom', { name: h.name, date: formatDate(v, h.startsAt) })).join(', ')}
        </p>
      ) : null}
    </>
  );
}

function Actions({ v, r }: { v: ViewCtx; r: RoleSummary }) {
  const { t } = v;
  return (
    <>
      {r.canVolunteer ? (
        <form method="post" action={`/roles/${r.def.name}/volunteer`}>
          <button type="submit" class="primary">
            {t('role.volunteer')}
          </button>
        </form>
      ) : null}
      {r.mine ? (
        <form method="post" action={`/roles/terms/${r.mine.termId}/step-down`}>
          <button type="submit">{t('role.stepDownFrom', { role: roleTitle(t, r.def) })}</button>
        </form>
      ) : null}
      <p>
        {r.openProposal ? (
          <a href={`/decisions/${r.openProposal}`}>{t('role.proposalOpen')}</a>
        ) : (
          <a href={`/roles/${r.def.name}/propose`}>{t('role.proposeHolder')}</a>
        )}
        {' · '}
        <a href={`/roles/${r.def.name}/change`}>{t('role.proposeChange')}</a>
      </p>
    </>
  );
}

const ruleLine = (v: ViewCtx, d: RoleDef) =>
  v.t('role.rules', {
    days: duration(v.lang, 'day', d.termDays),
    inRow: d.termsInRow,
    how: v.t(d.volunteering ? 'role.byVolunteering' : 'role.byDecisionOnly'),
  });

export function RolesPage({ v, roles }: { v: ViewCtx; roles: RoleSummary[] }) {
  const { t } = v;
  return (
    <>
      <h1>{t('role.title')}</h1>
      <p>{t('role.intro')}</p>
      {roles.map((r) => (
        <section class="card" aria-labelledby={`role-${r.def.name}`}>
          <h2 id={`role-${r.def.name}`}>
            <a href={`/roles/${r.def.name}`}>{roleTitle(t, r.def)}</a>
          </h2>
          {r.def.duties ? (
            <p class="prewrap">{roleDuties(t, r.def)}</p>
          ) : r.def.builtIn ? (
            <p>{t('role.treasurerIntro')}</p>
          ) : null}
          <p class="hint">{ruleLine(v, r.def)}</p>
          <Terms v={v} r={r} />
          <Actions v={v} r={r} />
        </section>
      ))}
      <p>
        <a href="/roles/new">{t('role.proposeNew')}</a>
      </p>
    </>
  );
}

export function RolePage({
  v,
  r,
  notes,
  form,
  writes,
}: {
  v: ViewCtx;
  r: RoleSummary;
  notes: Handover[] | null;
  form: FormState;
  writes: boolean;
}) {
  const { t } = v;
  return (
    <>
      <h1>{roleTitle(t, r.def)}</h1>
      {r.def.duties ? (
        <p class="prewrap">{roleDuties(t, r.def)}</p>
      ) : r.def.builtIn ? (
        <p>{t('role.treasurerIntro')}</p>
      ) : null}
      <p class="hint">{ruleLine(v, r.def)}</p>
      <Terms v={v} r={r} />
      <Actions v={v} r={r} />
      <h2>{t('role.handover')}</h2>
      {notes === null ? (
        <p>{t('role.handoverHolders')}</p>
      ) : (
        <>
          <p class="hint">{t('role.handoverHint')}</p>
          {notes.length === 0 ? (
            <p>{t('role.noHandover')}</p>
          ) : (
            <ol class="plain">
              {notes.map((n) => (
                <li>
                  <p class="meta">
                    {t('role.handoverBy', { name: n.writtenBy, date: formatDateTime(v, n.writtenAt) })}
                  </p>
                  <p class="prewrap">{n.note}</p>
                </li>
              ))}
            </ol>
          )}
          {writes ? (
            <form method="post" action={`/roles/${r.def.name}/handover`} novalidate>
              <ErrorSummary t={t} form={form} />
              <TextArea
                t={t}
                form={form}
                name="note"
                label="role.handoverWrite"
                hint="role.handoverWriteHint"
                required
                rows={6}
                maxlength={8000}
              />
              <button type="submit">{t('role.handoverSave')}</button>
            </form>
          ) : null}
        </>
      )}
    </>
  );
}

export function HolderProposalPage({
  v,
  form,
  def,
  members,
}: {
  v: ViewCtx;
  form: FormState;
  def: RoleDef;
  members: { id: string; name: string }[];
}) {
  const { t } = v;
  return (
    <>
      <h1>{t('role.proposeHolderTitle', { role: roleTitle(t, def) })}</h1>
      <p>{t('role.proposeHolderIntro')}</p>
      <p class="hint">{ruleLine(v, def)}</p>
      <ErrorSummary t={t} form={form} />
      <form method="post" action={`/roles/${def.name}/propose`} novalidate>
        <SelectField
          t={t}
          form={form}
          name="member"
          label="role.who"
          required
          placeholder="role.chooseMember"
          options={members.map((m) => ({ value: m.id, label: m.name }))}
        />
        <TextField t={t} form={form} name="days" label="role.days" type="number" inputmode="numeric" required />
        <Checkbox t={t} form={form} name="beyond_rotation" label="role.beyondRotation" hint="role.beyondRotationHint" />
        <DecisionFields v={v} form={form} />
        <button type="submit" class="primary">
          {t('proposal.submit')}
        </button>
      </form>
    </>
  );
}

export function DefinitionPage({ v, form, def }: { v: ViewCtx; form: FormState; def: RoleDef | null }) {
  const { t } = v;
  return (
    <>
      <h1>{def ? t('role.changeTitle', { role: roleTitle(t, def) }) : t('role.proposeNew')}</h1>
      <p>{t('role.defineIntro')}</p>
      {def?.builtIn ? <Notice kind="info">{t('role.treasurerPowers')}</Notice> : null}
      <ErrorSummary t={t} form={form} />
      <form method="post" action={def ? `/roles/${def.name}/change` : '/roles/new'} novalidate>
        <TextField
          t={t}
          form={form}
          name="title"
          label="role.titleLabel"
          hint="role.titleHint"
          required
          maxlength={60}
        />
        <TextArea t={t} form={form} name="duties" label="role.duties" rows={4} maxlength={2000} />
        <TextField t={t} form={form} name="term_days" label="role.days" type="number" inputmode="numeric" required />
        <TextField
          t={t}
          form={form}
          name="seats"
          label="role.seats"
          hint="role.seatsHint"
          type="number"
          inputmode="numeric"
          required
        />
        <TextField
          t={t}
          form={form}
          name="terms_in_row"
          label="role.termsInRow"
          hint="role.termsInRowHint"
          type="number"
          inputmode="numeric"
          required
        />
        <Checkbox t={t} form={form} name="volunteering" label="role.volunteeringLabel" hint="role.volunteeringHint" />
        <TextArea t={t} form={form} name="why" label="role.why" rows={3} maxlength={4000} />
        <DecisionFields v={v} form={form} />
        <button type="submit" class="primary">
          {t('proposal.submit')}
        </button>
      </form>
    </>
  );
}
