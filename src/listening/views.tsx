/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Listening cycles' pages: the cycles side by side, proposing one, a cycle (answer it, listen), entering an answer
// given on paper, a listener's conversations, sorting what was heard into themes, the report back (a page that prints
// as a one-pager, in each of the cycle's languages), and opening a proposal from a theme.
import type { Child } from 'hono/jsx';
import type { ViewCtx } from '../web/layout.tsx';
import type { Translate } from '../web/i18n/index.ts';
import { direction, languageName } from '../web/i18n/index.ts';
import { own } from '../web/lookup.ts';
import { namedLine } from '../web/agreement.ts';
import { ErrorSummary, Notice, SelectField, TextArea, TextField, formatDate, type FormState } from '../web/parts.tsx';
import { DecisionFields } from '../decisions/index.ts';
import { causeLabel } from '../causes/index.ts';
import {
  MAX_QUESTIONS,
  QUESTION_KINDS,
  SCALE,
  answerField,
  isOpen,
  rankField,
  wordsIn,
  type Count,
  type Question,
} from './questions.ts';
import {
  SHOWN_APART,
  type CycleSummary,
  type CycleView,
  type NoteView,
  type TextView,
  type ThemeAction,
  type ThemeView,
} from './queries.ts';

/** A theme's name in a language: the members' name for it there, or as they typed it. */
export function themeName(name: string, lang: string): string {
  const line = namedLine(name);
  if (!line) return name;
  return own(line.names, lang) ?? line.item;
}

const isOpenNow = (c: CycleView, now: Date) => c.opensAt <= now && now < c.closesAt;

function Period({ v, c }: { v: ViewCtx; c: CycleView }) {
  return (
    <>
      {v.t('listening.period', {
        from: formatDate(v, c.opensAt),
        to: formatDate(v, new Date(c.closesAt.getTime() - 1)),
      })}
    </>
  );
}

export function ListeningPage({ v, cycles, now }: { v: ViewCtx; cycles: CycleSummary[]; now: Date }) {
  const { t } = v;
  return (
    <>
      <h1>{t('listening.title')}</h1>
      <p>{t('listening.intro')}</p>
      <p>
        <a class="button" href="/listening/new">
          {t('listening.propose')}
        </a>
      </p>
      {cycles.length === 0 ? <p>{t('listening.none')}</p> : null}
      {cycles.length ? (
        <div class="table-scroll" tabindex={0}>
          <table>
            <caption>{t('listening.sideBySide')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('listening.cycle')}</th>
                <th scope="col">{t('listening.heardCol')}</th>
                <th scope="col">{t('listening.themesCol')}</th>
                <th scope="col">{t('listening.decidedCol')}</th>
              </tr>
            </thead>
            <tbody>
              {cycles.map((c) => (
                <tr>
                  <th scope="row">
                    <a href={`/listening/${c.id}`}>{c.title}</a>
                    <br />
                    <span class="meta">
                      <Period v={v} c={c} />
                      {isOpenNow(c, now) ? ` · ${t('listening.openNow')}` : ''}
                    </span>
                  </th>
                  <td>{t('listening.heardCount', { answers: c.answers, notes: c.notes })}</td>
                  <td>{c.themes.length ? c.themes.map((n) => themeName(n, v.lang)).join(' · ') : '—'}</td>
                  <td>{c.decided}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

/** The proposal form's question slots: three in view, the rest folded. */
function QuestionSlot({ v, form, n }: { v: ViewCtx; form: FormState; n: number }) {
  const { t } = v;
  const name = `q${n + 1}`;
  const kindLabel = (k: string) => t(`listening.kind.${k}` as Parameters<Translate>[0]);
  return (
    <fieldset class="question-slot">
      <legend>{t('listening.questionN', { n: n + 1 })}</legend>
      <TextArea
        t={t}
        form={form}
        name={name}
        label="listening.questionText"
        hint="listening.questionTextHint"
        rows={2}
      />
      <SelectField
        t={t}
        form={form}
        name={`${name}_kind`}
        label="listening.questionKind"
        options={QUESTION_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
      />
      <TextArea
        t={t}
        form={form}
        name={`${name}_options`}
        label="listening.questionOptions"
        hint="listening.questionOptionsHint"
        rows={3}
        sometimes
      />
      {n > 0 ? (
        <details open={!!(form.values[`${name}_if`] || form.errors[`${name}_if`] || form.errors[`${name}_is`])}>
          <summary>{t('listening.condition')}</summary>
          <SelectField
            t={t}
            form={form}
            name={`${name}_if`}
            label="listening.conditionIf"
            placeholder="listening.conditionAlways"
            options={Array.from({ length: n }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))}
          />
          <TextField t={t} form={form} name={`${name}_is`} label="listening.conditionIs" sometimes maxlength={40} />
        </details>
      ) : null}
    </fieldset>
  );
}

export function NewCyclePage({ v, form, follows }: { v: ViewCtx; form: FormState; follows: CycleView | null }) {
  const { t } = v;
  const languages = v.network!.languages;
  const chosen = new Set((form.values.languages ?? '').split('\n'));
  const slots = Array.from({ length: MAX_QUESTIONS }, (_, n) => n);
  const more = slots.slice(3).some((n) => form.values[`q${n + 1}`] || form.errors[`q${n + 1}`]);
  return (
    <>
      <h1>{follows ? t('listening.proposeNext', { title: follows.title }) : t('listening.propose')}</h1>
      <p>{t('listening.proposeIntro')}</p>
      <ErrorSummary t={t} form={form} />
      <form method="post" action="/listening/new" novalidate>
        {follows ? <input type="hidden" name="follows" value={follows.id} /> : null}
        <TextField t={t} form={form} name="title" label="listening.cycleTitle" required maxlength={140} />
        <TextArea
          t={t}
          form={form}
          name="intro"
          label="listening.cycleIntro"
          hint="listening.cycleIntroHint"
          rows={3}
        />
        <fieldset class={form.errors.languages ? 'field has-error' : 'field'}>
          <legend>{t('listening.languages')}</legend>
          {form.errors.languages ? (
            <p class="error" id="languages-error">
              {t(form.errors.languages)}
            </p>
          ) : null}
          <div class="choices">
            {languages.map((l) => (
              <label class="choice" lang={l}>
                <input type="checkbox" name="languages" value={l} checked={chosen.has(l)} /> {languageName(l)}
              </label>
            ))}
          </div>
        </fieldset>
        <TextField
          t={t}
          form={form}
          name="days"
          label="listening.days"
          hint="listening.daysHint"
          type="number"
          inputmode="numeric"
          required
        />
        {slots.slice(0, 3).map((n) => (
          <QuestionSlot v={v} form={form} n={n} />
        ))}
        <details open={more || undefined}>
          <summary>{t('listening.moreQuestions')}</summary>
          {slots.slice(3).map((n) => (
            <QuestionSlot v={v} form={form} n={n} />
          ))}
        </details>
        <TextArea t={t} form={form} name="why" label="listening.why" rows={3} maxlength={4000} />
        <DecisionFields v={v} form={form} />
        <button type="submit" class="primary">
          {t('proposal.submit')}
        </button>
      </form>
    </>
  );
}

/** One question as a form field, in the reader's language; a question shown only after a certain answer says so. */
function AnswerField(props: { v: ViewCtx; lang: string; questions: Question[]; n: number; form: FormState }) {
  const { v, lang, questions, n, form } = props;
  const { t } = v;
  const q = questions[n]!;
  const field = answerField(n);
  const error = form.errors[field];
  const value = form.values[field] ?? '';
  const label = wordsIn(q.text, lang);
  const when = q.when ? (
    <p class="hint" id={`${field}-when`}>
      {t('listening.onlyIf', {
        n: q.when.question + 1,
        option: wordsIn(questions[q.when.question]!.options[q.when.option]!, lang),
      })}
    </p>
  ) : null;
  const errorLine = error ? (
    <p class="error" id={`${field}-error`}>
      {t(error)}
    </p>
  ) : null;
  const described =
    [q.when ? `${field}-when` : '', error ? `${field}-error` : ''].filter(Boolean).join(' ') || undefined;
  if (isOpen(q))
    return (
      <div class={error ? 'field has-error' : 'field'}>
        <label for={field}>
          {n + 1}. {label}
        </label>
        {when}
        {errorLine}
        {q.kind === 'short' ? (
          <input id={field} name={field} type="text" value={value} maxlength={300} aria-describedby={described} />
        ) : (
          <textarea id={field} name={field} rows={4} maxlength={4000} aria-describedby={described}>
            {value}
          </textarea>
        )}
      </div>
    );
  const chosen = new Set(value.split('\n'));
  const options =
    q.kind === 'scale'
      ? Array.from({ length: SCALE }, (_, i) => ({
          value: String(i + 1),
          label: i === 0 ? t('listening.scaleLow') : i === SCALE - 1 ? t('listening.scaleHigh') : String(i + 1),
        }))
      : q.options.map((o, i) => ({ value: String(i), label: wordsIn(o, lang) }));
  return (
    <fieldset class={error ? 'field has-error' : 'field'} aria-describedby={described}>
      <legend>
        {n + 1}. {label}
      </legend>
      {when}
      {errorLine}
      {q.kind === 'rank' ? (
        <>
          <p class="hint">{t('listening.rankHint')}</p>
          {q.options.map((o, i) => (
            <div class="rank">
              <label for={rankField(n, i)}>{wordsIn(o, lang)}</label>{' '}
              <select id={rankField(n, i)} name={rankField(n, i)}>
                <option value="">—</option>
                {q.options.map((_, r) => (
                  <option value={String(r + 1)} selected={form.values[rankField(n, i)] === String(r + 1)}>
                    {r + 1}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </>
      ) : (
        <div class={q.kind === 'scale' ? 'choices scale' : 'choices'}>
          {options.map((o) => (
            <label class="choice">
              <input
                type={q.kind === 'several' ? 'checkbox' : 'radio'}
                name={field}
                value={o.value}
                checked={chosen.has(o.value)}
              />{' '}
              {o.label}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

export function AnswerForm(props: {
  v: ViewCtx;
  cycle: CycleView;
  form: FormState;
  action: string;
  lang: string;
  paper?: boolean;
}) {
  const { v, cycle, form, lang } = props;
  const { t } = v;
  return (
    <form method="post" action={props.action} novalidate lang={lang} dir={direction(lang)}>
      {props.paper ? (
        <SelectField
          t={t}
          form={form}
          name="lang"
          label="listening.paperLanguage"
          required
          options={cycle.languages.map((l) => ({ value: l, label: languageName(l) }))}
        />
      ) : null}
      {cycle.questions.map((_, n) => (
        <AnswerField v={v} lang={lang} questions={cycle.questions} n={n} form={form} />
      ))}
      <p class="hint">{t('listening.answerPrivacy')}</p>
      <button type="submit" class="primary">
        {props.paper ? t('listening.paperSubmit') : t('listening.answerSubmit')}
      </button>
    </form>
  );
}

/** The language a member reads the cycle in: theirs if the cycle asks in it, else the cycle's first. */
export const cycleLang = (c: CycleView, lang: string) => (c.languages.includes(lang) ? lang : c.languages[0]!);

export function CyclePage(props: {
  v: ViewCtx;
  cycle: CycleView;
  now: Date;
  answered: boolean;
  heard: { answers: number; paper: number; waiting: number; notes: number };
  listeners: { id: string; name: string }[];
  follows: { cycle: CycleView; themes: ThemeView[]; actions: ThemeAction[] } | null;
  /** What the members decided from this cycle's themes. */
  own: { themes: ThemeView[]; actions: ThemeAction[] };
  form: FormState;
  done?: string | undefined;
}) {
  const { v, cycle, now } = props;
  const { t } = v;
  const open = isOpenNow(cycle, now);
  const lang = cycleLang(cycle, v.lang);
  const listening = props.listeners.some((l) => l.id === v.member!.id);
  // Refused (answered already, or closed meanwhile): the form again, with what was typed, under the reason.
  const refused = !!props.form.errors._form;
  return (
    <>
      {props.done === 'answered' ? <Notice kind="success">{t('listening.thanks')}</Notice> : null}
      {props.done === 'listening' ? <Notice kind="success">{t('listening.joined')}</Notice> : null}
      <h1>{cycle.title}</h1>
      <p class="meta">
        <Period v={v} c={cycle} /> · {open ? t('listening.openNow') : t('listening.closed')} ·{' '}
        {cycle.languages.map(languageName).join(', ')}
      </p>
      {cycle.intro ? <p class="prewrap">{cycle.intro}</p> : null}
      {props.follows ? <Before v={v} {...props.follows} /> : null}
      <p>
        {t('listening.heardSoFar', {
          answers: props.heard.answers + props.heard.waiting,
          paper: props.heard.paper,
          notes: props.heard.notes,
        })}
      </p>
      <nav class="actions" aria-label={t('listening.cycleLinks')}>
        <a href={`/listening/${cycle.id}/themes`}>{t('listening.sort')}</a>
        {' · '}
        <a href={`/listening/${cycle.id}/report`}>{t('listening.report')}</a>
        {open ? (
          <>
            {' · '}
            <a href={`/listening/${cycle.id}/paper`}>{t('listening.enterPaper')}</a>
            {' · '}
            <a href={`/listening/${cycle.id}/conversations`}>{t('listening.conversations')}</a>
          </>
        ) : null}
        {' · '}
        <a href={`/listening/new?after=${cycle.id}`}>{t('listening.next')}</a>
      </nav>
      <section aria-labelledby="answer-title">
        <h2 id="answer-title">{t('listening.answerTitle')}</h2>
        {!open && !refused ? (
          <p>{t('listening.closedNoAnswers')}</p>
        ) : props.answered && !refused ? (
          <p>{t('listening.answeredAlready')}</p>
        ) : (
          <>
            <ErrorSummary t={t} form={props.form} />
            <AnswerForm v={v} cycle={cycle} form={props.form} action={`/listening/${cycle.id}/answer`} lang={lang} />
          </>
        )}
      </section>
      {props.own.actions.length ? (
        <section aria-labelledby="acted-title">
          <h2 id="acted-title">{t('listening.acted')}</h2>
          <Actions v={v} actions={props.own.actions} themes={props.own.themes} />
        </section>
      ) : null}
      <section aria-labelledby="listeners-title">
        <h2 id="listeners-title">{t('listening.listeners')}</h2>
        <p>{t('listening.listenersIntro')}</p>
        {props.listeners.length ? (
          <p>{props.listeners.map((l) => l.name).join(', ')}</p>
        ) : (
          <p>{t('listening.noListeners')}</p>
        )}
        {open && !listening ? (
          <form method="post" action={`/listening/${cycle.id}/listen`}>
            <button type="submit">{t('listening.listen')}</button>
          </form>
        ) : null}
      </section>
    </>
  );
}

/** What the last cycle found and what came of it, shown on the cycle that follows it. */
function Before({
  v,
  cycle,
  themes,
  actions,
}: {
  v: ViewCtx;
  cycle: CycleView;
  themes: ThemeView[];
  actions: ThemeAction[];
}) {
  const { t } = v;
  const shown = themes.filter((th) => th.texts >= SHOWN_APART);
  return (
    <section class="card" aria-labelledby="before-title">
      <h2 id="before-title">{t('listening.before', { title: cycle.title })}</h2>
      {shown.length ? (
        <ul>
          {shown.map((th) => (
            <li>{t('listening.themeHeard', { name: themeName(th.name, v.lang), n: th.texts })}</li>
          ))}
        </ul>
      ) : (
        <p>{t('listening.noThemes')}</p>
      )}
      <Actions v={v} actions={actions} themes={themes} />
      <p>
        <a href={`/listening/${cycle.id}/report`}>{t('listening.report')}</a>
      </p>
    </section>
  );
}

function outcomeText(t: Translate, a: ThemeAction) {
  return a.status === 'open'
    ? t('listening.actionOpen')
    : a.outcome === 'passed'
      ? t('listening.actionPassed')
      : t('listening.actionNotPassed');
}

function Actions({ v, actions, themes }: { v: ViewCtx; actions: ThemeAction[]; themes: ThemeView[] }) {
  const { t } = v;
  if (actions.length === 0) return <p>{t('listening.noActions')}</p>;
  return (
    <ul>
      {actions.map((a) => {
        const th = themes.find((x) => x.id === a.themeId);
        return (
          <li>
            <a href={`/decisions/${a.proposalId}`}>{a.title}</a> — {outcomeText(t, a)}
            {th ? ` (${themeName(th.name, v.lang)})` : ''}
            {a.statement ? <p class="prewrap">{a.statement}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}

/** Links to the same page in each of the cycle's languages (none when it has one). */
function LanguageLinks(p: { label: string; languages: string[]; current: string; href: (lang: string) => string }) {
  if (p.languages.length < 2) return null;
  return (
    <p class="filters no-print">
      {p.label}{' '}
      {p.languages.map((l, i) => (
        <>
          {i ? ' · ' : ''}
          <a href={p.href(l)} lang={l} aria-current={l === p.current ? 'page' : undefined}>
            {languageName(l)}
          </a>
        </>
      ))}
    </p>
  );
}

export function PaperPage(props: { v: ViewCtx; cycle: CycleView; form: FormState; done?: string | undefined }) {
  const { v, cycle, form } = props;
  const { t } = v;
  const lang =
    form.values.lang && cycle.languages.includes(form.values.lang) ? form.values.lang : cycleLang(cycle, v.lang);
  return (
    <>
      {props.done === 'paper' ? <Notice kind="success">{t('listening.paperThanks')}</Notice> : null}
      <h1>{t('listening.paperTitle', { title: cycle.title })}</h1>
      <p>{t('listening.paperIntro')}</p>
      <LanguageLinks
        label={t('listening.paperShowIn')}
        languages={cycle.languages}
        current={lang}
        href={(l) => `/listening/${cycle.id}/paper?lang=${l}`}
      />
      <ErrorSummary t={t} form={form} />
      <AnswerForm
        v={v}
        cycle={cycle}
        form={{ values: { lang, ...form.values }, errors: form.errors }}
        action={`/listening/${cycle.id}/paper`}
        lang={lang}
        paper
      />
    </>
  );
}

export function ConversationsPage(props: {
  v: ViewCtx;
  cycle: CycleView;
  notes: (NoteView & { name: string | null })[];
  form: FormState;
  today: string;
  done?: string | undefined;
}) {
  const { v, cycle, form } = props;
  const { t } = v;
  return (
    <>
      {props.done === 'recorded' ? <Notice kind="success">{t('listening.noteRecorded')}</Notice> : null}
      <h1>{t('listening.conversationsTitle', { title: cycle.title })}</h1>
      <p>{t('listening.conversationsIntro')}</p>
      <ErrorSummary t={t} form={form} />
      <form method="post" action={`/listening/${cycle.id}/conversations`} novalidate>
        <TextField t={t} form={form} name="held_on" label="listening.heldOn" type="date" required />
        <TextArea
          t={t}
          form={form}
          name="raised"
          label="listening.raised"
          hint="listening.raisedHint"
          rows={5}
          maxlength={4000}
          required
        />
        <SelectField
          t={t}
          form={form}
          name="lang"
          label="listening.raisedLanguage"
          required
          options={cycle.languages.map((l) => ({ value: l, label: languageName(l) }))}
        />
        <TextField t={t} form={form} name="tags" label="listening.tags" hint="listening.tagsHint" maxlength={400} />
        <TextField t={t} form={form} name="follow_up" label="listening.followUp" type="date" />
        <TextField t={t} form={form} name="name" label="listening.name" hint="listening.nameHint" maxlength={80} />
        <button type="submit" class="primary">
          {t('listening.record')}
        </button>
      </form>
      <section aria-labelledby="mine-title">
        <h2 id="mine-title">{t('listening.myConversations')}</h2>
        {props.notes.length === 0 ? <p>{t('listening.noConversations')}</p> : null}
        <ul class="cards">
          {props.notes.map((n) => (
            <li class="card">
              <p class="meta">
                {formatDate(v, n.heldOn)}
                {n.name ? ` · ${n.name}` : ''}
                {n.tags.length ? ` · ${n.tags.join(', ')}` : ''}
              </p>
              <p class="prewrap">{n.raised}</p>
              {n.followUp && !n.followedUp ? (
                <form method="post" action={`/listening/notes/${n.id}/followed-up`}>
                  <p>
                    {n.followUp <= props.today
                      ? t('listening.followUpDue', { date: formatDate(v, n.followUp) })
                      : t('listening.followUpOn', { date: formatDate(v, n.followUp) })}{' '}
                    <button type="submit">{t('listening.followedUp')}</button>
                  </p>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

const sourceLabel = (t: Translate, s: TextView['source']) =>
  s === 'paper' ? t('listening.fromPaper') : s === 'conversation' ? t('listening.fromConversation') : '';

/** One theme's texts, each with a box to choose it, and what to do with those chosen. */
function SortForm(props: {
  v: ViewCtx;
  cycle: CycleView;
  from: ThemeView | null;
  texts: TextView[];
  themes: ThemeView[];
}) {
  const { v, cycle, from, texts, themes } = props;
  const { t } = v;
  const id = from?.id ?? 'unsorted';
  const others = themes.filter((x) => x.id !== from?.id);
  return (
    <form method="post" action={`/listening/${cycle.id}/sort`}>
      {from ? <input type="hidden" name="from" value={from.id} /> : null}
      <ul class="heard">
        {texts.map((x) => {
          const quote = from && x.themes.some((p) => p.id === from.id && p.quote);
          return (
            <li lang={x.lang} dir={direction(x.lang)}>
              <label class="choice">
                <input type="checkbox" name="text" value={x.id} /> {x.body}
              </label>
              <span class="meta" lang={v.lang} dir={direction(v.lang)}>
                {[
                  x.question !== null ? t('listening.toQuestion', { n: x.question + 1 }) : '',
                  sourceLabel(t, x.source),
                  x.tags?.length ? x.tags.join(', ') : '',
                  quote ? t('listening.quoted') : '',
                  x.themes.length > 1 ? t('listening.inThemes', { n: x.themes.length }) : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </li>
          );
        })}
      </ul>
      <fieldset class="sort-actions">
        <legend>{t('listening.withChosen')}</legend>
        <label for={`act-${id}`}>{t('listening.act')}</label>{' '}
        <select id={`act-${id}`} name="act">
          <option value="move">{t('listening.act.move')}</option>
          <option value="add">{t('listening.act.add')}</option>
          <option value="split">{t('listening.act.split')}</option>
          {from ? (
            <>
              <option value="remove">{t('listening.act.remove')}</option>
              <option value="quote">{t('listening.act.quote')}</option>
              <option value="unquote">{t('listening.act.unquote')}</option>
            </>
          ) : null}
        </select>{' '}
        <label for={`to-${id}`}>{t('listening.to')}</label>{' '}
        <select id={`to-${id}`} name="to">
          <option value="">—</option>
          {others.map((x) => (
            <option value={x.id}>{themeName(x.name, v.lang)}</option>
          ))}
        </select>{' '}
        <label for={`name-${id}`}>{t('listening.newThemeName')}</label>{' '}
        <input id={`name-${id}`} name="name" type="text" maxlength={300} />{' '}
        <button type="submit">{t('listening.doIt')}</button>
      </fieldset>
    </form>
  );
}

export function ThemesPage(props: {
  v: ViewCtx;
  cycle: CycleView;
  themes: ThemeView[];
  texts: TextView[];
  actions: ThemeAction[];
  form: FormState;
  done?: string | undefined;
}) {
  const { v, cycle, themes, texts, form } = props;
  const { t } = v;
  const unsorted = texts.filter((x) => x.themes.length === 0);
  const causes = v.network!.rootCauses;
  return (
    <>
      {props.done ? <Notice kind="success">{t('listening.sorted')}</Notice> : null}
      <h1>{t('listening.themesTitle', { title: cycle.title })}</h1>
      <p>{t('listening.themesIntro')}</p>
      <ErrorSummary t={t} form={form} />
      <form method="post" action={`/listening/${cycle.id}/suggest`}>
        <p>
          <button type="submit">{themes.length ? t('listening.suggestAgain') : t('listening.suggest')}</button>{' '}
          <span class="hint">{t('listening.suggestHint')}</span>
        </p>
      </form>
      {texts.length === 0 ? <p>{t('listening.nothingHeard')}</p> : null}
      {themes.map((th) => {
        const mine = texts.filter((x) => x.themes.some((p) => p.id === th.id));
        return (
          <section class="theme" aria-labelledby={`theme-${th.id}`} id={`t-${th.id}`}>
            <h2 id={`theme-${th.id}`}>
              {themeName(th.name, v.lang)} <span class="count">({th.texts})</span>
            </h2>
            {th.texts < SHOWN_APART ? <p class="hint">{t('listening.tooFewToShow', { n: SHOWN_APART })}</p> : null}
            {!th.namedByMembers && th.words.length ? (
              <p class="hint">{t('listening.suggestedBy', { words: th.words.join(', ') })}</p>
            ) : null}
            {th.rootCauses.length ? (
              <p class="meta">
                {t('listening.rootCauses')}: {th.rootCauses.map((c) => causeLabel(t, c)).join(', ')}
              </p>
            ) : null}
            <SortForm v={v} cycle={cycle} from={th} texts={mine} themes={themes} />
            <details>
              <summary>{t('listening.editTheme')}</summary>
              <form method="post" action={`/listening/themes/${th.id}`}>
                <div class="field">
                  <label for={`name-of-${th.id}`}>{t('listening.themeName')}</label>
                  <p class="hint">{t('listening.themeNameHint')}</p>
                  <input id={`name-of-${th.id}`} name="name" type="text" value={th.name} maxlength={300} />
                </div>
                {causes.length ? (
                  <fieldset class="field">
                    <legend>{t('listening.rootCausesOf')}</legend>
                    <div class="choices">
                      {causes.map((c) => (
                        <label class="choice">
                          <input type="checkbox" name="causes" value={c} checked={th.rootCauses.includes(c)} />{' '}
                          {causeLabel(t, c)}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                ) : null}
                <button type="submit">{t('listening.saveTheme')}</button>
              </form>
              {themes.length > 1 ? (
                <form method="post" action={`/listening/themes/${th.id}/merge`}>
                  <label for={`into-${th.id}`}>{t('listening.mergeInto')}</label>{' '}
                  <select id={`into-${th.id}`} name="into">
                    {themes
                      .filter((x) => x.id !== th.id)
                      .map((x) => (
                        <option value={x.id}>{themeName(x.name, v.lang)}</option>
                      ))}
                  </select>{' '}
                  <button type="submit">{t('listening.merge')}</button>
                </form>
              ) : null}
            </details>
            <p>
              <a href={`/listening/themes/${th.id}/propose`}>{t('listening.proposeFromTheme')}</a>
            </p>
          </section>
        );
      })}
      {unsorted.length ? (
        <section aria-labelledby="unsorted-title">
          <h2 id="unsorted-title">
            {t('listening.unsorted')} <span class="count">({unsorted.length})</span>
          </h2>
          <SortForm v={v} cycle={cycle} from={null} texts={unsorted} themes={themes} />
        </section>
      ) : null}
      <section aria-labelledby="concluded-title">
        <h2 id="concluded-title">{t('listening.concluded')}</h2>
        <p>{t('listening.concludedIntro')}</p>
        <form method="post" action={`/listening/${cycle.id}/conclusions`} novalidate>
          {cycle.languages.map((l) => (
            <div class={form.errors[`conclusions_${l}`] ? 'field has-error' : 'field'} lang={l} dir={direction(l)}>
              <label for={`conclusions_${l}`}>{t('listening.concludedIn', { language: languageName(l) })}</label>
              {form.errors[`conclusions_${l}`] ? (
                <p class="error" id={`conclusions_${l}-error`}>
                  {t(form.errors[`conclusions_${l}`]!)}
                </p>
              ) : null}
              <textarea id={`conclusions_${l}`} name={`conclusions_${l}`} rows={4} maxlength={4000}>
                {form.values[`conclusions_${l}`] ?? cycle.conclusions[l] ?? ''}
              </textarea>
            </div>
          ))}
          <button type="submit">{t('listening.saveConclusions')}</button>
        </form>
      </section>
      <section aria-labelledby="acted-title">
        <h2 id="acted-title">{t('listening.acted')}</h2>
        <Actions v={v} actions={props.actions} themes={themes} />
      </section>
    </>
  );
}

/** A bar drawn on the server (no script, prints), beside the number it shows. */
const Bar = ({ share }: { share: number }) => (
  <svg class="bar" width="120" height="12" viewBox="0 0 120 12" aria-hidden="true" focusable="false">
    <rect x="0" y="1" width={Math.round(Math.max(0, Math.min(1, share)) * 120)} height="10" />
  </svg>
);

function Counts({
  t,
  lang,
  questions,
  counts,
}: {
  t: Translate;
  lang: string;
  questions: Question[];
  counts: Count[];
}) {
  return (
    <>
      {counts.map((c) => {
        const q = questions[c.question]!;
        const most = Math.max(1, ...c.points);
        const labels =
          q.kind === 'scale'
            ? Array.from({ length: SCALE }, (_, i) => String(i + 1))
            : q.options.map((o) => wordsIn(o, lang));
        return (
          <table class="counts">
            <caption>
              {c.question + 1}. {wordsIn(q.text, lang)}{' '}
              <span class="meta">
                {q.kind === 'rank'
                  ? t('listening.rankPoints', { n: c.answered })
                  : t('listening.answeredN', { n: c.answered })}
              </span>
            </caption>
            <tbody>
              {labels.map((label, i) => (
                <tr>
                  <th scope="row">{label}</th>
                  <td>{c.points[i]}</td>
                  <td>
                    <Bar share={c.points[i]! / most} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </>
  );
}

/** The quotes a theme is shown with: those members marked, else a few of its shorter texts. */
export function quotesOf(theme: ThemeView, texts: TextView[], most = 3): TextView[] {
  const mine = texts.filter((x) => x.themes.some((p) => p.id === theme.id));
  const marked = mine.filter((x) => x.themes.some((p) => p.id === theme.id && p.quote));
  if (marked.length) return marked.slice(0, most);
  return mine
    .filter((x) => x.body.length <= 280)
    .sort((a, b) => a.body.length - b.body.length)
    .slice(Math.floor(mine.length / 4), Math.floor(mine.length / 4) + most);
}

export function ReportPage(props: {
  v: ViewCtx;
  at: { t: Translate; lang: string };
  cycle: CycleView;
  heard: { answers: number; paper: number; notes: number; counts: Count[] | null };
  themes: ThemeView[];
  texts: TextView[];
  actions: ThemeAction[];
}): Child {
  const { v, at, cycle, heard, themes, texts } = props;
  const { t, lang } = at;
  const shown = themes.filter((th) => th.texts >= SHOWN_APART);
  const small = themes.filter((th) => th.texts < SHOWN_APART).reduce((n, th) => n + th.texts, 0);
  const conclusions = cycle.conclusions[lang] || Object.values(cycle.conclusions).find(Boolean) || '';
  return (
    <>
      <LanguageLinks
        label={v.t('listening.reportIn')}
        languages={cycle.languages}
        current={lang}
        href={(l) => `/listening/${cycle.id}/report?lang=${l}`}
      />
      <p class="hint no-print">{v.t('listening.printHint')}</p>
      <article class="handout report" lang={lang} dir={direction(lang)}>
        <h1>{t('listening.reportTitle', { title: cycle.title })}</h1>
        <p class="meta">
          {v.network!.networkName} ·{' '}
          {t('listening.period', {
            from: formatDate({ lang, zone: v.zone }, cycle.opensAt),
            to: formatDate({ lang, zone: v.zone }, new Date(cycle.closesAt.getTime() - 1)),
          })}
        </p>
        <p>{t('listening.reportHeard', { answers: heard.answers, paper: heard.paper, notes: heard.notes })}</p>
        <h2>{t('listening.reportThemes')}</h2>
        {shown.length === 0 ? <p>{t('listening.noThemes')}</p> : null}
        {shown.map((th) => (
          <section class="theme">
            <h3>
              {themeName(th.name, lang)} — {t('listening.timesHeard', { n: th.texts })}
            </h3>
            {th.rootCauses.length ? (
              <p class="meta">
                {t('listening.rootCauses')}: {th.rootCauses.map((c) => causeLabel(t, c)).join(', ')}
              </p>
            ) : null}
            {quotesOf(th, texts).map((q) => (
              <blockquote lang={q.lang} dir={direction(q.lang)}>
                “{q.body}”
              </blockquote>
            ))}
          </section>
        ))}
        {small ? <p>{t('listening.smallThemes', { n: small, least: SHOWN_APART })}</p> : null}
        {heard.counts ? (
          <>
            <h2>{t('listening.reportChoices')}</h2>
            <Counts t={t} lang={lang} questions={cycle.questions} counts={heard.counts} />
          </>
        ) : cycle.questions.some((q) => !isOpen(q)) ? (
          <p>{t('listening.tooFewToCount')}</p>
        ) : null}
        <h2>{t('listening.concluded')}</h2>
        {conclusions ? <p class="prewrap">{conclusions}</p> : <p>{t('listening.notConcluded')}</p>}
        <h2>{t('listening.acted')}</h2>
        {props.actions.length ? (
          <ul>
            {props.actions.map((a) => (
              <li>
                {a.title} — {outcomeText(t, a)}
                {a.statement ? <p class="prewrap">{a.statement}</p> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('listening.noActions')}</p>
        )}
      </article>
    </>
  );
}

export function ThemeProposalPage(props: { v: ViewCtx; theme: ThemeView; cycle: CycleView; form: FormState }) {
  const { v, theme, form } = props;
  const { t } = v;
  return (
    <>
      <h1>{t('listening.proposeFromThemeTitle', { name: themeName(theme.name, v.lang) })}</h1>
      <p>{t('listening.proposeFromThemeIntro')}</p>
      <ErrorSummary t={t} form={form} />
      <form method="post" action={`/listening/themes/${theme.id}/propose`} novalidate>
        <TextField t={t} form={form} name="title" label="proposal.titleLabel" required maxlength={140} />
        <TextArea t={t} form={form} name="why" label="listening.proposalBody" rows={8} maxlength={4000} />
        <DecisionFields v={v} form={form} />
        <button type="submit" class="primary">
          {t('proposal.submit')}
        </button>
      </form>
    </>
  );
}
