/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The ballot form for each process. Plain HTML controls: works without JavaScript and with a screen reader.
import type { ViewCtx } from '../web/layout.tsx';
import { RadioGroup, TextArea, type FormState } from '../web/parts.tsx';
import type { ProposalView } from './queries.ts';
import { MAX_SCORE, NEEDS_REASON, SLOT_ANSWERS } from './schema.ts';
import { isPickProcess, PICKS } from './tally.ts';
import { answerLabel } from './text.ts';

function GroupError({ v, form, name }: { v: ViewCtx; form: FormState; name: string }) {
  const error = form.errors[name];
  return error ? (
    <p class="error" id={`${name}-error`}>
      {v.t(error)}
    </p>
  ) : null;
}

export function BallotForm({
  v,
  p,
  form,
  changing,
}: {
  v: ViewCtx;
  p: ProposalView;
  form: FormState;
  changing: boolean;
}) {
  const { t } = v;
  const values = form.values;
  return (
    <form method="post" action={`/decisions/${p.id}/vote`} class="ballot" novalidate>
      <h2>{changing ? t('ballot.change') : t('ballot.title')}</h2>
      {isPickProcess(p.process) ? (
        <RadioGroup
          t={t}
          form={form}
          name="pick"
          label="ballot.yourAnswer"
          required
          options={(PICKS[p.process] as readonly string[]).map((a) => ({ value: a, label: answerLabel(t, a) }))}
        />
      ) : null}
      {p.process === 'ranked' ? (
        <fieldset
          class={form.errors.ranking ? 'field has-error' : 'field'}
          id="ranking"
          aria-describedby={form.errors.ranking ? 'ranking-error' : 'ranking-hint'}
        >
          <legend>{t('ballot.rankLegend')}</legend>
          <p class="hint" id="ranking-hint">
            {t('ballot.rankHint')}
          </p>
          <GroupError v={v} form={form} name="ranking" />
          {p.options.map((o, i) => (
            <div class="inline-field">
              <label for={`rank_${i}`}>{o}</label>
              <select id={`rank_${i}`} name={`rank_${i}`}>
                <option value="">{t('ballot.notRanked')}</option>
                {p.options.map((_, r) => (
                  <option value={String(r + 1)} selected={values[`rank_${i}`] === String(r + 1)}>
                    {t('ballot.rank', { n: r + 1 })}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
      ) : null}
      {p.process === 'dot' ? (
        <fieldset
          class={form.errors.dots ? 'field has-error' : 'field'}
          id="dots"
          aria-describedby={form.errors.dots ? 'dots-error' : 'dots-hint'}
        >
          <legend>{t('ballot.dotsLegend', { count: p.rules.dots })}</legend>
          <p class="hint" id="dots-hint">
            {t('ballot.dotsHint', { count: p.rules.dots })}
          </p>
          <GroupError v={v} form={form} name="dots" />
          {p.options.map((o, i) => (
            <div class="inline-field">
              <label for={`dots_${i}`}>{o}</label>
              <input
                id={`dots_${i}`}
                name={`dots_${i}`}
                type="number"
                inputmode="numeric"
                min="0"
                max={String(p.rules.dots)}
                value={values[`dots_${i}`] ?? '0'}
              />
            </div>
          ))}
        </fieldset>
      ) : null}
      {p.process === 'score' ? (
        <fieldset
          class={form.errors.scores ? 'field has-error' : 'field'}
          id="scores"
          aria-describedby={form.errors.scores ? 'scores-error' : 'scores-hint'}
        >
          <legend>{t('ballot.scoreLegend')}</legend>
          <p class="hint" id="scores-hint">
            {t('ballot.scoreHint', { max: MAX_SCORE })}
          </p>
          <GroupError v={v} form={form} name="scores" />
          {p.options.map((o, i) => (
            <div class="inline-field">
              <label for={`score_${i}`}>{o}</label>
              <select id={`score_${i}`} name={`score_${i}`}>
                <option value="">{t('ballot.chooseScore')}</option>
                {Array.from({ length: MAX_SCORE + 1 }, (_, s) => (
                  <option value={String(s)} selected={values[`score_${i}`] === String(s)}>
                    {String(s)}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
      ) : null}
      {p.process === 'time_poll' ? (
        <div class={form.errors.slots ? 'field has-error' : 'field'} id="slots">
          <GroupError v={v} form={form} name="slots" />
          {p.options.map((o, i) => (
            <fieldset class="slot">
              <legend>{o}</legend>
              <div class="choices">
                {SLOT_ANSWERS.map((a) => (
                  <label class="choice">
                    <input type="radio" name={`slot_${i}`} value={a} checked={values[`slot_${i}`] === a} />{' '}
                    {answerLabel(t, a)}
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
        </div>
      ) : null}
      <TextArea
        t={t}
        form={form}
        name="reason"
        label="ballot.reason"
        hint={reasonHint(p)}
        sometimes={reasonHint(p) === 'ballot.reasonNeededHint'}
        maxlength={1000}
      />
      <button type="submit" class="primary">
        {changing ? t('ballot.submitChange') : t('ballot.submit')}
      </button>
    </form>
  );
}

function reasonHint(p: ProposalView) {
  const asked = isPickProcess(p.process) && (PICKS[p.process] as readonly string[]).some((a) => NEEDS_REASON.has(a));
  return asked ? ('ballot.reasonNeededHint' as const) : ('ballot.reasonHint' as const);
}
