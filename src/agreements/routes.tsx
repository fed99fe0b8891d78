/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The agreements page: every agreement in force, the decision that set it, and its history. Read-only: agreements
// change only by members' decisions, so each one offers "propose a change" instead of an edit button.
import { Hono } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { page } from '../web/render.tsx';
import { formatDate } from '../web/parts.tsx';
import type { ViewCtx } from '../web/layout.tsx';
import { requireMember } from '../web/edges.ts';
import { agreementValueText } from '../web/agreement.ts';
import { agreementHistory, agreementsInForce, type AgreementRow } from './queries.ts';
import { agreementLabel } from './text.ts';

export const agreementRoutes = new Hono<AppEnv>();

function Source({ v, a }: { v: ViewCtx; a: AgreementRow }) {
  const { t } = v;
  return (
    <>
      #{a.id} ·{' '}
      {a.adoptedBy === 'founding' ? (
        t('agreements.byFounding')
      ) : (
        <a href={`/decisions/${a.decisionId}`}>{t('agreements.byDecisionNamed', { title: a.decisionTitle ?? '' })}</a>
      )}{' '}
      · {formatDate(v, a.adoptedAt)}
    </>
  );
}

agreementRoutes.get('/agreements', async (c) => {
  requireMember(c);
  const { db, registry } = c.get('deps');
  const [inForce, history] = await Promise.all([agreementsInForce(db), agreementHistory(db)]);
  // Agreements added by later versions that this network has not decided yet read as the software starts them.
  const decided = new Set(inForce.map((a) => a.key));
  const unset = registry.agreements
    .filter((a) => !decided.has(a.key) && !a.founders)
    .map((a): [string, unknown] => [a.key, a.start]);
  return page(c, c.get('t')('agreements.title'), (v) => {
    const { t } = v;
    const valueText = (key: string, value: unknown) => agreementValueText(t, v.lang, registry.agreement(key), value);
    return (
      <>
        <h1>{t('agreements.title')}</h1>
        <p>{t('agreements.intro')}</p>
        <dl class="agreements">
          {inForce.map((a) => (
            <>
              <dt>{agreementLabel(t, a.key)}</dt>
              <dd>
                {valueText(a.key, a.value)}
                <p class="by">
                  <Source v={v} a={a} /> ·{' '}
                  <a href={`/decisions/new?agreement=${a.key}`}>
                    {t('agreements.proposeChange', { name: agreementLabel(t, a.key) })}
                  </a>
                </p>
              </dd>
            </>
          ))}
          {unset.map(([key, value]) => (
            <>
              <dt>{agreementLabel(t, key)}</dt>
              <dd>
                {valueText(key, value)}
                <p class="by">
                  {t('agreements.asStarted')} ·{' '}
                  <a href={`/decisions/new?agreement=${key}`}>
                    {t('agreements.proposeChange', { name: agreementLabel(t, key) })}
                  </a>
                </p>
              </dd>
            </>
          ))}
        </dl>
        <h2>{t('agreements.history')}</h2>
        <ol class="plain">
          {history.map((a) => (
            <li>
              {agreementLabel(t, a.key)}: {valueText(a.key, a.value)} — <Source v={v} a={a} />
            </li>
          ))}
        </ol>
      </>
    );
  });
});
