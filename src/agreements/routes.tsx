/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The agreements page: every agreement in force, where it came from, and its history. Read-only: agreements change
// only by members' decisions.
import { Hono } from 'hono';
import type { AppEnv } from '../web/context.ts';
import type { MessageKey, Translate } from '../web/i18n/index.ts';
import { languageNames } from '../web/i18n/index.ts';
import { page } from '../web/render.tsx';
import { categoryLabel, formatDate } from '../web/parts.tsx';
import { requireMember } from '../members/require.ts';
import { agreementHistory, agreementsInForce, type AgreementRow } from './queries.ts';

export const agreementRoutes = new Hono<AppEnv>();

function showValue(t: Translate, a: AgreementRow): string {
  const list = Array.isArray(a.value) ? (a.value as string[]) : null;
  if (!list) return String(a.value);
  if (a.key === 'languages') return list.map((l) => languageNames[l] ?? l).join(', ');
  if (a.key === 'categories') return list.map((c) => categoryLabel(t, c)).join(', ');
  return list.join(', ');
}

const keyLabel = (t: Translate, key: string) => {
  const k = `agreement.${key}` as MessageKey;
  const label = t(k);
  return label === k ? key : label;
};

agreementRoutes.get('/agreements', async (c) => {
  requireMember(c);
  const { db } = c.get('deps');
  const [inForce, history] = await Promise.all([agreementsInForce(db), agreementHistory(db)]);
  return page(c, c.get('t')('agreements.title'), (v) => {
    const { t } = v;
    const source = (a: AgreementRow) =>
      a.adoptedBy === 'founding' ? t('agreements.byFounding') : t('agreements.byDecision');
    return (
      <>
        <h1>{t('agreements.title')}</h1>
        <p>{t('agreements.intro')}</p>
        <dl class="agreements">
          {inForce.map((a) => (
            <>
              <dt>{keyLabel(t, a.key)}</dt>
              <dd>
                {showValue(t, a)}
                <p class="by">
                  #{a.id} · {source(a)} · {formatDate(v.lang, a.adoptedAt)}
                </p>
              </dd>
            </>
          ))}
        </dl>
        <h2>{t('agreements.history')}</h2>
        <ol class="plain">
          {history.map((a) => (
            <li>
              #{a.id} {keyLabel(t, a.key)}: {showValue(t, a)} — {source(a)}, {formatDate(v.lang, a.adoptedAt)}
            </li>
          ))}
        </ol>
      </>
    );
  });
});
