/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Pages for the ways back in (ways-back.ts): signing in with a code, the recovery code and its card, the warning
// before signing out with no way back, and the member list where a member makes a sign-in code for another.
import type { ViewCtx } from '../web/layout.tsx';
import {
  ErrorSummary,
  Notice,
  TextField,
  categoryLabel,
  formatDate,
  formatDateTime,
  formatTime,
  type FormState,
} from '../web/parts.tsx';
import { SIGN_IN_CODE_MINUTES } from './ways-back.ts';

export function SignInCodeForm({ v, form }: { v: ViewCtx; form: FormState }) {
  const { t } = v;
  return (
    <section aria-labelledby="code-title">
      <h2 id="code-title">{t('signIn.codeTitle')}</h2>
      <p class="hint">{t('signIn.codeIntro')}</p>
      <ErrorSummary t={t} form={form} />
      <form method="post" action="/sign-in/code" novalidate>
        <TextField
          t={t}
          form={form}
          name="code"
          label="signIn.code"
          hint="signIn.codeHint"
          required
          maxlength={40}
          autocomplete="one-time-code"
        />
        <button type="submit">{t('signIn.codeSubmit')}</button>
      </form>
    </section>
  );
}

export type WaysBack = { email: boolean; passkeys: number; recoveryMadeAt: Date | null; any: boolean };

export function SignOutWarningPage({ v }: { v: ViewCtx }) {
  const { t } = v;
  return (
    <>
      <h1>{t('signOut.warnTitle')}</h1>
      <p>{t('signOut.warn')}</p>
      <form method="post" action="/settings/recovery-code">
        <button type="submit" class="primary">
          {t('waysBack.makeRecovery')}
        </button>
      </form>
      <p>
        <a href="/board">{t('signOut.stay')}</a>
      </p>
      <form method="post" action="/sign-out">
        <input type="hidden" name="anyway" value="on" />
        <button type="submit">{t('signOut.anyway')}</button>
      </form>
    </>
  );
}

export function RecoveryCodePage({ v, code, signInUrl }: { v: ViewCtx; code: string; signInUrl: string }) {
  const { t } = v;
  return (
    <>
      <h1>{t('recovery.title')}</h1>
      <p class="no-print">{t('recovery.intro')}</p>
      <div class="code-card">
        <p>
          <strong>{v.network!.networkName}</strong> · {v.member!.displayName}
        </p>
        <p class="code" lang="en" translate="no">
          {code}
        </p>
        <p>{t('recovery.cardHow', { address: signInUrl })}</p>
        <p class="hint">{t('recovery.cardOnce')}</p>
      </div>
      <p class="hint no-print">{t('recovery.print')}</p>
      <p class="no-print">
        <a class="button primary" href="/settings">
          {t('recovery.done')}
        </a>
      </p>
    </>
  );
}

/** The settings section: what ways back in the member has, and making a recovery code. */
export function WaysBackSection(props: {
  v: ViewCtx;
  ways: WaysBack;
  madeFor: { id: string; createdAt: Date; usedAt: Date | null; maker: string; second: string | null }[];
  /** Members who acted for them at a table or a door (members/acting.ts). */
  actedFor: { id: string; byName: string; consentAt: Date; until: Date; endedAt: Date | null }[];
}) {
  const { v, ways } = props;
  const { t } = v;
  return (
    <section aria-labelledby="ways-back-title" id="ways-back">
      <h2 id="ways-back-title">{t('waysBack.title')}</h2>
      {ways.any ? null : <Notice kind="warning">{t('waysBack.none')}</Notice>}
      <ul>
        <li>{ways.email ? t('waysBack.email') : t('waysBack.noEmail')}</li>
        <li>{t('waysBack.passkeys', { count: ways.passkeys })}</li>
        <li>
          {ways.recoveryMadeAt
            ? t('waysBack.recoveryMade', { date: formatDate(v, ways.recoveryMadeAt) })
            : t('waysBack.noRecovery')}
        </li>
      </ul>
      <form method="post" action="/settings/recovery-code">
        <p class="hint">{ways.recoveryMadeAt ? t('waysBack.replaceHint') : t('waysBack.makeHint')}</p>
        <button type="submit" class={ways.any ? undefined : 'primary'}>
          {ways.recoveryMadeAt ? t('waysBack.makeNewRecovery') : t('waysBack.makeRecovery')}
        </button>
      </form>
      <p class="hint">{t('waysBack.inPerson')}</p>
      {props.madeFor.length ? (
        <>
          <h3>{t('waysBack.madeForTitle')}</h3>
          <ul>
            {props.madeFor.map((c) => (
              <li>
                {t(c.usedAt ? 'waysBack.madeForUsed' : 'waysBack.madeForUnused', {
                  maker: c.maker,
                  when: formatDateTime(v, c.createdAt),
                  used: c.usedAt ? formatDateTime(v, c.usedAt) : '',
                })}
                {c.second ? ` ${t('waysBack.madeForSecond', { second: c.second })}` : ''}
              </li>
            ))}
          </ul>
          <p class="hint">{t('waysBack.madeForHint')}</p>
        </>
      ) : null}
      {props.actedFor.length ? (
        <>
          <h3>{t('acting.history')}</h3>
          <ul>
            {props.actedFor.map((a) => (
              <li>
                {t('acting.historyItem', {
                  name: a.byName,
                  from: formatDateTime(v, a.consentAt),
                  to: formatTime(v, a.endedAt && a.endedAt < a.until ? a.endedAt : a.until),
                })}
              </li>
            ))}
          </ul>
          <p class="hint">{t('waysBack.madeForHint')}</p>
        </>
      ) : null}
    </section>
  );
}

export type MemberRow = { id: string; displayName: string; joinedAt: Date; offers: string[] };
export type AwaitingSecond = { id: string; expiresAt: Date; member: string; maker: string };
export type SlipAwaiting = { id: string; member: string; maker: string; madeAt: Date };

export function MembersPage(props: {
  v: ViewCtx;
  q: string;
  members: MemberRow[];
  more: boolean;
  total: number;
  awaiting: AwaitingSecond[];
  slips: SlipAwaiting[];
  done?: string | undefined;
}) {
  const { v, q } = props;
  const { t } = v;
  return (
    <>
      <h1>{t('members.title')}</h1>
      {props.done === 'seconded' ? <Notice kind="success">{t('members.seconded')}</Notice> : null}
      <p>{t('members.intro', { count: props.total })}</p>
      <p>
        <a class="button" href="/invites">
          {t('members.helpJoin')}
        </a>
      </p>
      {props.awaiting.length ? (
        <section aria-labelledby="awaiting">
          <h2 id="awaiting">{t('members.awaitingTitle')}</h2>
          <ul class="plain">
            {props.awaiting.map((a) => (
              <li>
                {t('members.awaitingItem', {
                  member: a.member,
                  maker: a.maker,
                  until: formatDateTime(v, a.expiresAt),
                })}{' '}
                <form method="post" action={`/members/codes/${a.id}/second`} class="inline">
                  <button type="submit">{t('members.confirmCode')}</button>
                </form>
              </li>
            ))}
          </ul>
          <p class="hint">{t('members.awaitingHint')}</p>
        </section>
      ) : null}
      {props.slips.length ? (
        <section aria-labelledby="slips-title" id="slips">
          <h2 id="slips-title">{t('members.slipsTitle')}</h2>
          <ul class="plain">
            {props.slips.map((s) => (
              <li>
                {t('members.slipItem', { member: s.member, maker: s.maker, date: formatDate(v, s.madeAt) })}{' '}
                <form method="post" action={`/members/slips/${s.id}/second`} class="inline">
                  <button type="submit">{t('members.secondSlip')}</button>
                </form>
              </li>
            ))}
          </ul>
          <p class="hint">{t('members.slipsHint')}</p>
        </section>
      ) : null}
      <form method="get" action="/members" role="search" class="search">
        <label for="q">{t('members.search')}</label>
        <input id="q" name="q" type="search" value={q} maxlength={60} autocomplete="off" />
        <button type="submit">{t('members.searchButton')}</button>
      </form>
      {props.members.length === 0 ? <p>{t('members.none')}</p> : null}
      <ul class="plain member-list">
        {props.members.map((m) => (
          <li>
            <a href={`/members/${m.id}`}>
              <strong>{m.displayName}</strong>
            </a>{' '}
            <span class="hint">{t('members.joined', { date: formatDate(v, m.joinedAt) })}</span>
            {m.offers.length ? (
              <span class="offers">
                {' '}
                · {t('members.offers')}{' '}
                {m.offers.map((c) => (
                  <span class="tag">{categoryLabel(t, c)}</span>
                ))}
              </span>
            ) : null}
            {m.id === v.member!.id ? null : (
              <form method="post" action={`/members/${m.id}/sign-in-code`} class="inline">
                <button type="submit" class="link" aria-label={t('members.makeCodeFor', { name: m.displayName })}>
                  {t('members.makeCode')}
                </button>
              </form>
            )}
            {m.id === v.member!.id ? null : (
              <>
                {' '}
                ·{' '}
                <a href={`/members/${m.id}/act`} aria-label={`${t('acting.submit')} (${m.displayName})`}>
                  {t('acting.submit')}
                </a>
              </>
            )}
          </li>
        ))}
      </ul>
      {props.more ? <p class="hint">{t('members.more')}</p> : null}
      <p class="hint">{t('members.codeHint', { minutes: SIGN_IN_CODE_MINUTES })}</p>
    </>
  );
}

export function SignInCodeMadePage(props: {
  v: ViewCtx;
  name: string;
  code: string;
  expiresAt: Date;
  needsSecond: boolean;
  signInUrl: string;
}) {
  const { v } = props;
  const { t } = v;
  return (
    <>
      <h1>{t('codeMade.title', { name: props.name })}</h1>
      <p class="code" lang="en" translate="no">
        {props.code}
      </p>
      <p>
        {t('codeMade.how', {
          name: props.name,
          address: props.signInUrl,
          until: formatDateTime(v, props.expiresAt),
        })}
      </p>
      {props.needsSecond ? <Notice kind="warning">{t('codeMade.needsSecond', { name: props.name })}</Notice> : null}
      <p class="hint">{t('codeMade.seen', { name: props.name })}</p>
      <p>
        <a href="/members">{t('codeMade.back')}</a>
      </p>
    </>
  );
}
