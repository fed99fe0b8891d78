/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Pages for decisions: the list, opening a proposal, and one proposal with its ballot, ballots and result.
import type { ViewCtx } from '../web/layout.tsx';
import {
  ErrorSummary,
  Notice,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
  formatDateTime,
  type FormState,
} from '../web/parts.tsx';
import { agreementLabel } from '../agreements/index.ts';
import { duration } from '../web/agreement.ts';
import {
  COMMENTS_SHOWN,
  type BallotView,
  type CommentView,
  type ProposalListItem,
  type ProposalView,
} from './queries.ts';
import type { ProposalPolicy } from './policy.ts';
import { CLOSES_IN_HOURS, RESULTS_SHOWN } from './schema.ts';
import { PROCESSES, type Choice, type Result } from './tally.ts';
import { actionText, answerLabel, outcomeLabel, processHint, processName, proposalTitle } from './text.ts';
import { BallotForm } from './ballot.tsx';
import { ResultView } from './result.tsx';

const when = (v: ViewCtx, d: Date) => <time datetime={d.toISOString()}>{formatDateTime(v, d)}</time>;

export function DecisionsPage({
  v,
  open,
  closed,
  page,
  more,
}: {
  v: ViewCtx;
  open: ProposalListItem[];
  closed: ProposalListItem[];
  page: number;
  more: boolean;
}) {
  const { t } = v;
  return (
    <>
      <h1>{t('decisions.title')}</h1>
      <p>{t('decisions.intro')}</p>
      <p>
        <a class="button" href="/decisions/new">
          {t('decisions.new')}
        </a>
      </p>
      <h2>{t('decisions.open')}</h2>
      {open.length === 0 ? <p>{t('decisions.noneOpen')}</p> : null}
      <ul class="cards">
        {open.map((p) => (
          <li class="card">
            <a href={`/decisions/${p.id}`}>{proposalTitle(t, v.registry, p, v.lang)}</a>
            <p class="by">
              {processName(t, p.process)} · {t('decisions.closes')} {when(v, p.closesAt)} ·{' '}
              {t('decisions.ballots', { count: p.ballots })}
              {p.voted ? (
                <span class="tag">{t('decisions.youVoted')}</span>
              ) : p.subjectMemberId === v.member?.id ? null : (
                <span class="tag todo">{t('decisions.notVoted')}</span>
              )}
            </p>
          </li>
        ))}
      </ul>
      {page > 1 || more ? (
        <nav class="pages" aria-label={t('board.pages')}>
          {page > 1 ? (
            <a href={page === 2 ? '/decisions' : `/decisions?page=${page - 1}`}>{t('board.newerPage')}</a>
          ) : null}{' '}
          {more ? <a href={`/decisions?page=${page + 1}`}>{t('decisions.morePage')}</a> : null}
        </nav>
      ) : null}
      {page > 1 ? null : <h2>{t('decisions.closed')}</h2>}
      {page > 1 || closed.length > 0 ? null : <p>{t('decisions.noneClosed')}</p>}
      <ul class="cards compact">
        {closed.map((p) => (
          <li class="card">
            <a href={`/decisions/${p.id}`}>{proposalTitle(t, v.registry, p, v.lang)}</a>
            <p class="by">
              {p.outcome ? outcomeLabel(t, p.outcome) : null} · {when(v, p.closedAt ?? p.closesAt)}
            </p>
          </li>
        ))}
      </ul>
      <p>
        <a href="/safety">{t('nav.safety')}</a>
      </p>
    </>
  );
}

export function NewProposalPage({ v, form }: { v: ViewCtx; form: FormState }) {
  const { t } = v;
  // An agreement with few possible values is chosen among them, in words (never "open or seconded" to type).
  const choices = form.values.agreement ? v.registry.agreement(form.values.agreement)?.choices : undefined;
  const processes = PROCESSES.map((p) => ({ value: p, label: `${processName(t, p)} — ${processHint(t, p)}` }));
  return (
    <>
      <h1>{t('proposal.new')}</h1>
      <p>{t('proposal.newIntro')}</p>
      <ErrorSummary t={t} form={form} />
      <form method="post" action="/decisions" novalidate>
        <TextField t={t} form={form} name="title" label="proposal.titleLabel" required maxlength={140} />
        <TextArea
          t={t}
          form={form}
          name="body"
          label="proposal.body"
          hint="proposal.bodyHint"
          rows={5}
          maxlength={4000}
        />
        <RadioGroup t={t} form={form} name="process" label="proposal.process" options={processes} required />
        <TextArea t={t} form={form} name="options" label="proposal.options" hint="proposal.optionsHint" rows={5} />
        <SelectField
          t={t}
          form={form}
          name="closes_in"
          label="proposal.closesIn"
          required
          options={CLOSES_IN_HOURS.map((h) => ({
            value: String(h),
            label: h < 48 ? duration(v.lang, 'hour', h) : duration(v.lang, 'day', h / 24),
          }))}
        />
        <fieldset class="field">
          <legend>{t('proposal.rules')}</legend>
          <TextField
            t={t}
            form={form}
            name="quorum"
            label="proposal.quorum"
            hint="proposal.quorumHint"
            type="number"
            inputmode="numeric"
          />
          <TextField
            t={t}
            form={form}
            name="majority_percent"
            label="proposal.majorityPercent"
            hint="proposal.majorityPercentHint"
            type="number"
            inputmode="numeric"
          />
          <div class="field">
            <label class="choice">
              <input type="checkbox" name="block_binds" checked={form.values.block_binds === 'on'} />{' '}
              {t('proposal.blockBinds')}
            </label>
          </div>
          <TextField
            t={t}
            form={form}
            name="dots"
            label="proposal.dots"
            hint="proposal.dotsHint"
            type="number"
            inputmode="numeric"
          />
          <RadioGroup
            t={t}
            form={form}
            name="results"
            label="proposal.results"
            options={RESULTS_SHOWN.map((r) => ({ value: r, label: t(`proposal.results.${r}`) }))}
          />
          <div class="field">
            <label class="choice">
              <input type="checkbox" name="anonymous" checked={form.values.anonymous === 'on'} />{' '}
              {t('proposal.anonymous')}
            </label>
            <p class="hint">{t('proposal.anonymousHint')}</p>
          </div>
        </fieldset>
        <fieldset class="field">
          <legend>{t('proposal.action')}</legend>
          <p class="hint">{t('proposal.actionHint')}</p>
          <SelectField
            t={t}
            form={form}
            name="agreement"
            label="proposal.agreement"
            placeholder="proposal.noAction"
            options={v.registry.agreements
              .map((a) => ({ value: a.key, label: agreementLabel(t, a.key) }))
              .sort((x, y) => x.label.localeCompare(y.label, v.lang))}
          />
          {choices ? (
            <RadioGroup
              t={t}
              form={form}
              name="agreement_value"
              label="proposal.agreementValue"
              options={choices.map((c) => ({ value: c.value, label: t(c.label) }))}
            />
          ) : (
            <TextArea
              t={t}
              form={form}
              name="agreement_value"
              label="proposal.agreementValue"
              hint="proposal.agreementValueHint"
              rows={6}
            />
          )}
        </fieldset>
        <button type="submit">{t('proposal.submit')}</button>
      </form>
    </>
  );
}

export function choiceText(v: ViewCtx, p: ProposalView, c: Choice): string {
  const { t } = v;
  if ('pick' in c) return answerLabel(t, c.pick);
  if ('ranking' in c) return c.ranking.map((i, r) => `${r + 1}. ${p.options[i]}`).join(', ');
  const per = (xs: (string | number)[], f: (x: string | number) => string) =>
    xs.map((x, i) => `${p.options[i]}: ${f(x)}`).join(', ');
  if ('dots' in c) return per(c.dots, String);
  if ('scores' in c) return per(c.scores, String);
  return per(c.slots, (x) => answerLabel(t, String(x)));
}

type ProposalPageProps = {
  v: ViewCtx;
  p: ProposalView;
  policy: ProposalPolicy;
  mine: BallotView | undefined;
  ballots: BallotView[];
  result: Result | null;
  form: FormState;
  voted?: boolean;
  talk: Talk;
};

/** The talk around a proposal, as this member may take part in it (null: not theirs to do now). */
export type Talk = {
  comments: CommentView[];
  done: 'comment' | 'statement' | 'extended' | undefined;
  comment: FormState | null;
  /** A comment that came too late (the vote closed meanwhile): shown back, with why, so the words are not lost. */
  kept?: FormState | undefined;
  statement: FormState | null;
  extend: { form: FormState; hours: number[] } | null;
};

export function ProposalPage({ v, p, policy, mine, ballots, result, form, voted, talk }: ProposalPageProps) {
  const { t } = v;
  const action = actionText(t, v.registry, v.lang, p.action);
  return (
    <>
      <h1>{proposalTitle(t, v.registry, p, v.lang)}</h1>
      {voted ? <Notice kind="success">{t('ballot.saved')}</Notice> : null}
      <p class="by">
        {p.openedByName
          ? t('proposal.openedBy', { name: p.openedByName })
          : t(
              p.kind === 'remove_post'
                ? 'proposal.openedByFlags'
                : p.kind === 'fund_request'
                  ? 'proposal.openedByRequest'
                  : 'proposal.openedByHost',
            )}{' '}
        · {processName(t, p.process)} ·{' '}
        {p.status === 'open' ? (
          <>
            {t('decisions.closes')} {when(v, p.closesAt)}
          </>
        ) : (
          <>
            {t('decisions.closedAt')} {when(v, p.closedAt!)}
          </>
        )}
        {p.extensions > 0 ? <> · {t('extend.extended', { count: p.extensions })}</> : null}
      </p>
      {talk.done === 'extended' ? (
        <Notice kind="success">{t('extend.done', { when: formatDateTime(v, p.closesAt) })}</Notice>
      ) : null}
      {p.status === 'closed' && p.closedAt && p.closedAt < p.closesAt ? <p>{t('decisions.closedEarly')}</p> : null}
      {p.kind === 'remove_member' ? <p>{t('proposal.removeMemberExplain')}</p> : null}
      {p.kind === 'remove_post' && p.subjectPostId ? (
        <p>
          {t('proposal.removePostExplain')} <a href={`/posts/${p.subjectPostId}`}>{t('proposal.seePost')}</a>
        </p>
      ) : null}
      {p.body ? <p class="proposal-body">{p.body}</p> : null}
      <p class="hint">{processHint(t, p.process)}</p>
      {action ? (
        <p class="action">
          <strong>{t('proposal.ifPassed')}</strong> {action}
        </p>
      ) : null}
      {p.options.length ? (
        <>
          <h2>{t('proposal.optionsTitle')}</h2>
          <ul>
            {p.options.map((o) => (
              <li>{o}</li>
            ))}
          </ul>
        </>
      ) : null}
      <ul class="rules">
        {p.rules.quorumPercent ? <li>{t('proposal.quorumRule', { percent: p.rules.quorumPercent })}</li> : null}
        <li>{t(`proposal.results.${p.rules.results}`)}</li>
        {p.anonymous ? <li>{t('proposal.isAnonymous')}</li> : null}
      </ul>
      {form.errors._form ? <Notice kind="warning">{t(form.errors._form)}</Notice> : null}
      {mine ? <p>{t('ballot.yours', { choice: choiceText(v, p, mine.choice) })}</p> : null}
      {policy.vote ? <BallotForm v={v} p={p} form={form} changing={!!mine} /> : null}
      {!policy.vote && p.status === 'open' && v.member?.id === p.subjectMemberId ? (
        <p>{t('proposal.subjectNoVote')}</p>
      ) : null}
      {policy.makeAnonymous ? (
        <form method="post" action={`/decisions/${p.id}/anonymous`} class="inline">
          <button type="submit" class="secondary">
            {t('proposal.makeAnonymous')}
          </button>
        </form>
      ) : null}
      {talk.extend ? <ExtendForm v={v} p={p} extend={talk.extend} /> : null}
      {result ? <ResultView v={v} r={result} final={p.status === 'closed'} /> : <p>{t('result.hidden')}</p>}
      {p.status === 'closed' ? <Statement v={v} p={p} talk={talk} /> : null}
      {result ? (
        <section aria-labelledby="ballots-title">
          <h2 id="ballots-title">{t('ballot.list')}</h2>
          {ballots.length === 0 ? <p>{t('ballot.none')}</p> : null}
          <ul class="cards compact">
            {ballots.map((b) => (
              <li class="card">
                {policy.seeNames ? <strong>{b.name}: </strong> : null}
                {choiceText(v, p, b.choice)}
                {b.reason ? <p class="reason">{b.reason}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Discussion v={v} p={p} talk={talk} />
      <p>
        <a href="/decisions">{t('decisions.back')}</a>
      </p>
    </>
  );
}

/** What was decided, in the opener's words, once written; the form for the opener until then. */
function Statement({ v, p, talk }: { v: ViewCtx; p: ProposalView; talk: Talk }) {
  const { t } = v;
  const s = p.statement;
  return (
    <section id="decided" aria-labelledby="statement-title">
      <h2 id="statement-title">{t('statement.title')}</h2>
      {talk.done === 'statement' ? <Notice kind="success">{t('statement.saved')}</Notice> : null}
      {s ? (
        <>
          <p class="proposal-body">{s.text}</p>
          <p class="by">
            {s.byName
              ? t('statement.by', { name: s.byName, date: formatDateTime(v, s.at) })
              : t('statement.byNobody', { date: formatDateTime(v, s.at) })}
          </p>
        </>
      ) : talk.statement ? (
        <form method="post" action={`/decisions/${p.id}/statement#decided`} novalidate>
          {talk.statement.errors._form ? <Notice kind="warning">{t(talk.statement.errors._form)}</Notice> : null}
          <TextArea
            t={t}
            form={talk.statement}
            name="statement"
            label="statement.label"
            hint="statement.hint"
            rows={4}
            maxlength={2000}
            required
          />
          <button type="submit">{t('statement.submit')}</button>
        </form>
      ) : p.openedByName ? (
        <p>{t('statement.waiting', { name: p.openedByName })}</p>
      ) : null}
    </section>
  );
}

/** The opener's way to give members more time, before it closes. */
function ExtendForm({ v, p, extend }: { v: ViewCtx; p: ProposalView; extend: NonNullable<Talk['extend']> }) {
  const { t } = v;
  if (extend.hours.length === 0) return null;
  return (
    <details class="extend" open={Object.keys(extend.form.errors).length > 0 ? true : undefined}>
      <summary>{t('extend.title')}</summary>
      <form method="post" action={`/decisions/${p.id}/extend`} novalidate>
        {extend.form.errors._form ? <Notice kind="warning">{t(extend.form.errors._form)}</Notice> : null}
        <p class="hint">{t('extend.hint')}</p>
        <SelectField
          t={t}
          form={extend.form}
          name="hours"
          label="extend.by"
          required
          options={extend.hours.map((h) => ({
            value: String(h),
            label: h < 48 ? duration(v.lang, 'hour', h) : duration(v.lang, 'day', h / 24),
          }))}
        />
        <button type="submit">{t('extend.submit')}</button>
      </form>
    </details>
  );
}

/** The discussion under a proposal: signed comments, oldest first, and the box to add one while it is open. */
function Discussion({ v, p, talk }: { v: ViewCtx; p: ProposalView; talk: Talk }) {
  const { t } = v;
  const form = talk.comment;
  return (
    <section id="discussion" aria-labelledby="discussion-title">
      <h2 id="discussion-title">
        {t('talk.title')} <span class="count">({t('talk.count', { count: talk.comments.length })})</span>
      </h2>
      {talk.done === 'comment' ? <Notice kind="success">{t('talk.added')}</Notice> : null}
      {talk.comments.length >= COMMENTS_SHOWN ? <p class="hint">{t('talk.older', { count: COMMENTS_SHOWN })}</p> : null}
      {talk.comments.length === 0 ? <p>{t('talk.none')}</p> : null}
      <ol class="cards compact talk">
        {talk.comments.map((c) => (
          <li class="card" id={`comment-${c.id}`}>
            <p class="by">
              <strong>{c.name}</strong> · {when(v, c.at)}
            </p>
            <p class="proposal-body">{c.body}</p>
          </li>
        ))}
      </ol>
      {form ? (
        <form method="post" action={`/decisions/${p.id}/comments#discussion`} novalidate>
          {form.errors._form ? <Notice kind="warning">{t(form.errors._form)}</Notice> : null}
          <p class="hint">{t('talk.intro')}</p>
          {v.member?.id === p.subjectMemberId ? <p class="hint">{t('talk.aboutYou')}</p> : null}
          {p.anonymous ? <p class="hint">{t('talk.signed')}</p> : null}
          <TextArea t={t} form={form} name="comment" label="talk.comment" rows={3} maxlength={2000} required />
          <button type="submit">{t('talk.submit')}</button>
        </form>
      ) : talk.kept ? (
        <Notice kind="warning">
          {talk.kept.values.comment?.trim() ? (
            <>
              <p>{t('talk.notAdded')}</p>
              <p class="proposal-body">{talk.kept.values.comment}</p>
            </>
          ) : (
            <p>{t('talk.closed')}</p>
          )}
        </Notice>
      ) : p.status === 'closed' ? (
        <p>{t('talk.closed')}</p>
      ) : null}
    </section>
  );
}
