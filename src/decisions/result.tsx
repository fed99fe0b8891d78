/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// A result with its arithmetic: who could vote, who took part, the quorum, the counts, each rule checked, the
// instant-runoff rounds, and the rule that decided.
import { duration } from '../web/agreement.ts';
import type { ViewCtx } from '../web/layout.tsx';
import type { Translate } from '../web/i18n/index.ts';
import { isPickProcess, type Check, type Result } from './tally.ts';
import { answerLabel, outcomeLabel } from './text.ts';

const pct = (lang: string, n: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(n) + ' %';

function optionName(t: Translate, r: Result, option: string) {
  return isPickProcess(r.process) ? answerLabel(t, option) : option;
}

function checkText(v: ViewCtx, r: Result, c: Check) {
  const { t } = v;
  return t(`rule.${c.op}`, {
    option: optionName(t, r, c.option),
    percent: pct(v.lang, c.percent),
    actual: pct(v.lang, c.actualPercent),
  });
}

export function ResultView({ v, r, final }: { v: ViewCtx; r: Result; final: boolean }) {
  const { t } = v;
  const turnout = r.eligible ? (r.participated * 100) / r.eligible : 0;
  return (
    <section class="result" aria-labelledby="result-title">
      <h2 id="result-title">{final ? t('result.final') : t('result.soFar')}</h2>
      {final ? (
        <p class={`outcome outcome-${r.outcome}`}>
          {outcomeLabel(t, r.outcome)}
          {r.winners.length ? `: ${r.winners.join(', ')}` : null}
        </p>
      ) : null}
      <ul class="arithmetic">
        <li>
          {t('result.couldVote', { count: r.eligible })}
          {!final && v.network ? (
            <span class="hint">
              {' '}
              ({t('result.couldVoteHint', { days: duration(v.lang, 'day', v.network.activeDays) })})
            </span>
          ) : null}
        </li>
        <li>{t('result.tookPart', { count: r.participated, percent: pct(v.lang, turnout) })}</li>
        <li>
          {r.quorum.percent === 0
            ? t('result.noQuorum')
            : t(r.quorum.met ? 'result.quorumMet' : 'result.quorumNotMet', {
                percent: pct(v.lang, r.quorum.percent),
                needed: r.quorum.needed,
              })}
        </li>
        {r.votesCast !== undefined && r.process !== 'advice' ? (
          <li>{t('result.votesCast', { count: r.votesCast })}</li>
        ) : null}
      </ul>
      <Tallies v={v} r={r} />
      {r.checks?.length ? (
        <>
          <h3>{t('result.rules')}</h3>
          <ul class="checks">
            {r.checks.map((c) => (
              <li class={c.held ? 'held' : 'not-held'}>
                {checkText(v, r, c)} — <strong>{t(c.held ? 'result.held' : 'result.notHeld')}</strong>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {r.rounds?.length ? <Rounds v={v} r={r} /> : null}
      {r.rounds?.length ? <p class="hint">{v.t('result.rankedRule')}</p> : null}
      {final ? <p class="decided-by">{decidedBy(v, r)}</p> : null}
    </section>
  );
}

function Tallies({ v, r }: { v: ViewCtx; r: Result }) {
  const { t } = v;
  if (r.process === 'ranked') return null; // Rounds show it all.
  const head =
    r.process === 'score'
      ? [t('result.total'), t('result.mean')]
      : r.process === 'time_poll'
        ? [t('answer.yes'), t('answer.maybe')]
        : r.process === 'dot'
          ? [t('result.dots')]
          : [t('result.count'), t('result.share')];
  return (
    <div class="table-scroll" tabindex={0}>
      <table class="tally">
        <caption class="visually-hidden">{t('result.tallyCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('result.option')}</th>
            {head.map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {r.tallies.map((row) => (
            <tr class={r.winners.includes(row.option) ? 'winner' : undefined}>
              <th scope="row">{optionName(t, r, row.option)}</th>
              {r.process === 'score' ? (
                <>
                  <td>{row.total}</td>
                  <td>{row.mean}</td>
                </>
              ) : r.process === 'time_poll' ? (
                <>
                  <td>{row.yes}</td>
                  <td>{row.maybe}</td>
                </>
              ) : r.process === 'dot' ? (
                <td>{row.count}</td>
              ) : (
                <>
                  <td>{row.count}</td>
                  <td>{pct(v.lang, row.percent ?? 0)}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Rounds({ v, r }: { v: ViewCtx; r: Result }) {
  const { t } = v;
  return (
    <ol class="rounds">
      {r.rounds!.map((round, i) => (
        <li>
          <h3>{t('result.round', { n: i + 1 })}</h3>
          <p>{t('result.roundActive', { active: round.active, exhausted: round.exhausted })}</p>
          <ul>
            {round.counts.map((c) => (
              <li>
                {c.option}: {c.count}
              </li>
            ))}
          </ul>
          {round.tied ? (
            <p>
              {t(round.how === 'any_order' ? 'result.tied.anyOrder' : 'result.tied.unseparated', {
                options: round.tied.join(', '),
                winner: r.winners[0] ?? '',
              })}
            </p>
          ) : round.eliminated.length ? (
            <p>
              {t(`result.eliminated.${(round.how as 'alone' | 'together' | 'earlier_round' | undefined) ?? 'alone'}`, {
                options: round.eliminated.join(', '),
              })}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function decidedBy(v: ViewCtx, r: Result): string {
  const { t } = v;
  switch (r.outcome) {
    case 'no_quorum':
      return t('decided.noQuorum', { needed: r.quorum.needed, participated: r.participated });
    case 'passed':
      return t('decided.passed');
    case 'failed':
      return t('decided.failed', {
        rules: (r.checks ?? [])
          .filter((c) => !c.held)
          .map((c) => checkText(v, r, c))
          .join('; '),
      });
    case 'advised':
      return t('decided.advised');
    case 'no_votes':
      return t('decided.noVotes');
    case 'tie':
      return t(r.process === 'ranked' ? 'decided.tieRanked' : 'decided.tie', { options: r.winners.join(', ') });
    case 'chosen':
      return t(`decided.chosen.${r.process}` as 'decided.chosen.dot', { option: r.winners[0] ?? '' });
  }
}
