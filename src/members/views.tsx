/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Pages for joining, signing in, one's own settings and invites.
import { own } from '../web/lookup.ts';
import { raw } from 'hono/html';
import type { ViewCtx } from '../web/layout.tsx';
import {
  ErrorSummary,
  Notice,
  RadioGroup,
  TextField,
  formatDate,
  formatDateTime,
  type FormState,
} from '../web/parts.tsx';
import { languageNames, type MessageKey } from '../web/i18n/index.ts';
import { INVITE_USES, type EndRequest, type MyInvite, type WaitingInvite } from './invites.ts';
import { SignInCodeForm, WaysBackSection, type WaysBack } from './ways-back-views.tsx';

export const languageOptions = (codes: string[]) => codes.map((c) => ({ value: c, label: own(languageNames, c) ?? c }));

export function JoinPage({ v, form, token }: { v: ViewCtx; form: FormState; token: string }) {
  const { t } = v;
  const network = v.network!;
  return (
    <>
      <h1>{t('join.title', { network: network.networkName })}</h1>
      <p>{t('join.intro')}</p>
      <ErrorSummary t={t} form={form} />
      <form method="post" action={`/join/${token}`} novalidate>
        <TextField
          t={t}
          form={form}
          name="display_name"
          label="member.displayName"
          hint="member.displayNameHint"
          required
          maxlength={60}
          autocomplete="nickname"
        />
        <RadioGroup
          t={t}
          form={form}
          name="language"
          label="member.language"
          options={languageOptions(network.languages)}
          required
        />
        <TextField
          t={t}
          form={form}
          name="email"
          type="email"
          label="member.email"
          hint="member.emailHint"
          maxlength={254}
          autocomplete="email"
        />
        <button type="submit" class="primary">
          {t('join.submit')}
        </button>
      </form>
    </>
  );
}

export function WelcomePage({
  v,
  emailSent,
  passkeys,
  hasPasskey,
}: {
  v: ViewCtx;
  emailSent: boolean;
  /** Whether browsers make passkeys for this server's address. */
  passkeys: boolean;
  hasPasskey: boolean;
}) {
  const { t } = v;
  const noWayBack = !v.member!.hasEmail && !hasPasskey;
  return (
    <>
      <h1>{t('welcome.title', { name: v.member!.displayName })}</h1>
      {emailSent ? <Notice kind="info">{t('email.sent')}</Notice> : null}
      {hasPasskey ? (
        <Notice kind="success">{t('welcome.passkeyReady')}</Notice>
      ) : passkeys ? (
        <>
          <p>{t('welcome.intro')}</p>
          <PasskeyAdd v={v} possible reload />
        </>
      ) : (
        <PasskeyAdd v={v} possible={false} />
      )}
      {v.member!.hasEmail ? <p>{t('welcome.emailFallback')}</p> : noWayBack ? <p>{t('welcome.noEmail')}</p> : null}
      {!noWayBack ? null : (
        <form method="post" action="/settings/recovery-code">
          <button type="submit">{t('waysBack.makeRecovery')}</button>
        </form>
      )}
      <p>
        <a class="button primary" href="/board">
          {t('welcome.toBoard')}
        </a>
      </p>
    </>
  );
}

/** What a browser's passkey failure means, in the member's words (passkey.js picks one by the error's name). */
function passkeyErrors(t: ViewCtx['t']) {
  return {
    'data-error-cancelled': t('passkey.cancelled'),
    'data-error-exists': t('passkey.exists'),
    'data-error-not-here': t('passkey.notHere'),
    'data-error-failed': t('error.passkeyFailed'),
  };
}

export function PasskeyAdd({ v, reload = false, possible }: { v: ViewCtx; reload?: boolean; possible: boolean }) {
  const { t } = v;
  if (!possible) return <p class="hint">{t('passkey.notHere')}</p>;
  return (
    <div class="passkey" data-passkey-box {...passkeyErrors(t)}>
      <button
        type="button"
        class="primary"
        data-passkey="register"
        data-done={t('passkey.added')}
        data-reload={reload ? '' : undefined}
        hidden
      >
        {t('passkey.add')}
      </button>
      <p class="hint" data-passkey-status role="status" aria-live="polite"></p>
      <noscript>
        <p class="hint">{t('passkey.needsScript')}</p>
      </noscript>
    </div>
  );
}

export function SignInPage({
  v,
  form,
  sent,
  passkeys,
  codeForm = { values: {}, errors: {} },
}: {
  v: ViewCtx;
  form: FormState;
  sent: boolean;
  /** Whether browsers make passkeys for this server's address. */
  passkeys: boolean;
  codeForm?: FormState;
}) {
  const { t } = v;
  return (
    <>
      <h1>{t('signIn.title')}</h1>
      {passkeys ? (
        <div class="passkey" data-passkey-box {...passkeyErrors(t)}>
          <button type="button" class="primary" data-passkey="sign-in" hidden>
            {t('signIn.passkey')}
          </button>
          <p class="hint" data-passkey-status role="status" aria-live="polite"></p>
        </div>
      ) : (
        <p class="hint">{t('passkey.notHere')}</p>
      )}
      <h2>{t('signIn.emailTitle')}</h2>
      {sent ? <Notice kind="success">{t('signIn.sent')}</Notice> : null}
      <ErrorSummary t={t} form={form} />
      <form method="post" action="/sign-in/email" novalidate>
        <TextField
          t={t}
          form={form}
          name="email"
          type="email"
          label="member.email"
          required
          maxlength={254}
          autocomplete="email"
        />
        <button type="submit">{t('signIn.sendLink')}</button>
      </form>
      <SignInCodeForm v={v} form={codeForm} />
      <p class="hint">{t('signIn.noAccount')}</p>
    </>
  );
}

export function SignInLinkPage({ v, token }: { v: ViewCtx; token: string }) {
  const { t } = v;
  return (
    <>
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.confirm')}</p>
      <form method="post" action="/sign-in/link">
        <input type="hidden" name="token" value={token} />
        <button type="submit" class="primary">
          {t('signIn.confirmButton')}
        </button>
      </form>
    </>
  );
}

export function SettingsPage(props: {
  v: ViewCtx;
  form: FormState;
  saved: boolean;
  passkeys: { id: string; createdAt: Date; lastUsedAt: Date | null }[];
  emailSent: boolean;
  ways: WaysBack;
  madeFor: Parameters<typeof WaysBackSection>[0]['madeFor'];
  actedFor: Parameters<typeof WaysBackSection>[0]['actedFor'];
  signedInWith?: string | undefined;
  /** Whether browsers make passkeys for this server's address. */
  possible: boolean;
}) {
  const { v, form } = props;
  const { t } = v;
  return (
    <>
      <h1>{t('settings.title')}</h1>
      {props.signedInWith === 'recovery' ? <Notice kind="warning">{t('waysBack.recoverySpent')}</Notice> : null}
      {props.signedInWith === 'code' ? <Notice kind="info">{t('waysBack.signedInWithCode')}</Notice> : null}
      {props.saved ? <Notice kind="success">{t('settings.saved')}</Notice> : null}
      {props.emailSent ? <Notice kind="info">{t('email.sent')}</Notice> : null}
      <ErrorSummary t={t} form={form} />
      <form method="post" action="/settings" novalidate>
        <TextField
          t={t}
          form={form}
          name="display_name"
          label="member.displayName"
          hint="member.displayNameHint"
          required
          maxlength={60}
        />
        <RadioGroup
          t={t}
          form={form}
          name="language"
          label="member.language"
          options={languageOptions(v.network!.languages)}
          required
        />
        <TextField
          t={t}
          form={form}
          name="email"
          type="email"
          label="settings.email"
          hint="settings.emailHint"
          maxlength={254}
          autocomplete="email"
        />
        {v.member!.hasEmail ? (
          <label class="choice">
            <input type="checkbox" name="remove_email" value="on" /> {t('settings.removeEmail')}
          </label>
        ) : null}
        <RadioGroup
          t={t}
          form={form}
          name="email_decisions"
          label="settings.emailDecisions"
          options={[
            { value: 'yes', label: t('settings.emailDecisionsYes') },
            { value: 'no', label: t('settings.emailDecisionsNo') },
          ]}
        />
        <button type="submit" class="primary">
          {t('settings.save')}
        </button>
      </form>
      <h2>{t('settings.passkeys')}</h2>
      {props.passkeys.length === 0 ? <p>{t('settings.noPasskeys')}</p> : null}
      <ul class="plain">
        {props.passkeys.map((p, i) => (
          <li>
            {t('settings.passkeyItem', {
              n: i + 1,
              created: formatDate(v, p.createdAt),
              used: p.lastUsedAt ? formatDateTime(v, p.lastUsedAt) : t('settings.never'),
            })}{' '}
            <form method="post" action="/settings/passkeys/remove" class="inline">
              <input type="hidden" name="id" value={p.id} />
              <button type="submit" class="link">
                {t('settings.removePasskey')}
              </button>
            </form>
          </li>
        ))}
      </ul>
      <PasskeyAdd v={v} reload possible={props.possible} />
      <WaysBackSection v={v} ways={props.ways} madeFor={props.madeFor} actedFor={props.actedFor} />
      <h2>{t('settings.signOutEverywhere')}</h2>
      <form method="post" action="/settings/sign-out-everywhere">
        <p class="hint">{t('settings.signOutEverywhereHint')}</p>
        <button type="submit">{t('settings.signOutEverywhere')}</button>
      </form>
      <section aria-labelledby="leave-title">
        <h2 id="leave-title">{t('leave.title')}</h2>
        <p>{t('leave.about')}</p>
        <form method="post" action="/settings/leave">
          <div class={props.form.errors.leave_confirm ? 'field has-error' : 'field'}>
            {props.form.errors.leave_confirm ? (
              <p class="error" id="leave_confirm-error">
                {t(props.form.errors.leave_confirm)}
              </p>
            ) : null}
            <label class="choice">
              <input
                type="checkbox"
                name="leave_confirm"
                id="leave_confirm"
                aria-describedby={props.form.errors.leave_confirm ? 'leave_confirm-error' : undefined}
              />{' '}
              {t('leave.confirm')}
            </label>
          </div>
          <button type="submit">{t('leave.submit')}</button>
        </form>
      </section>
    </>
  );
}

export function EmailConfirmPage({ v, token }: { v: ViewCtx; token: string }) {
  const { t } = v;
  return (
    <>
      <h1>{t('email.confirmTitle')}</h1>
      <p>{t('email.confirmIntro')}</p>
      <form method="post" action="/email/confirm">
        <input type="hidden" name="token" value={token} />
        <button type="submit" class="primary">
          {t('email.confirmButton')}
        </button>
      </form>
    </>
  );
}

export function EmailConfirmedPage({ v }: { v: ViewCtx }) {
  return (
    <>
      <h1>{v.t('email.confirmTitle')}</h1>
      <Notice kind="success">{v.t('email.confirmed')}</Notice>
      <p>
        <a class="button" href={v.member ? '/settings' : '/sign-in'}>
          {v.member ? v.t('settings.title') : v.t('signIn.title')}
        </a>
      </p>
    </>
  );
}

export function InvitesPage({
  v,
  invite,
  waiting,
  mine,
  endAsked,
  done,
}: {
  v: ViewCtx;
  invite?: { url: string; qrSvg: string; expiresAt: Date; needsSecond: boolean; maxUses: number } | undefined;
  waiting: WaitingInvite[];
  mine: MyInvite[];
  endAsked: EndRequest[];
  done?: string | undefined;
}) {
  const { t } = v;
  return (
    <>
      <h1>{t('invite.title')}</h1>
      {done ? (
        <Notice kind={done === 'notFound' ? 'warning' : 'success'}>{t(`invite.done.${done}` as MessageKey)}</Notice>
      ) : null}
      <p class="no-print">{t('invite.intro')}</p>
      {invite?.needsSecond ? <Notice kind="info">{t('invite.needsSecond')}</Notice> : null}
      {invite ? (
        <section class="invite" aria-labelledby="invite-link">
          <h2 id="invite-link">{t('invite.join', { network: v.network!.networkName })}</h2>
          <figure class="qr">
            {raw(invite.qrSvg)}
            <figcaption>{t('invite.scan')}</figcaption>
          </figure>
          <p class="link-text">
            <a href={invite.url}>{invite.url}</a>
          </p>
          <p>
            {t('invite.expires', { date: formatDate(v, invite.expiresAt) })}{' '}
            {invite.maxUses === 1 ? t('invite.forOne') : t('invite.forMany', { count: invite.maxUses })}
          </p>
          <p class="hint no-print">{t('invite.print')}</p>
        </section>
      ) : null}
      <form method="post" action="/invites" class="no-print">
        <div class="field">
          <label for="uses">{t('invite.usesLabel')}</label>
          <select id="uses" name="uses">
            {INVITE_USES.map((n) => (
              <option value={String(n)}>{n === 1 ? t('invite.usesOne') : t('invite.usesMany', { count: n })}</option>
            ))}
          </select>
        </div>
        <button type="submit" class="primary">
          {invite ? t('invite.another') : t('invite.create')}
        </button>
      </form>
      {mine.length ? (
        <section class="no-print" aria-labelledby="mine-title">
          <h2 id="mine-title">{t('invite.mineTitle')}</h2>
          <ul class="plain">
            {mine.map((m) => (
              <li>
                <form method="post" action={`/invites/${m.id}/end`} class="inline">
                  {t('invite.mineItem', {
                    date: formatDate(v, m.createdAt),
                    used: m.uses,
                    uses: m.maxUses ?? '∞',
                    until: formatDate(v, m.expiresAt),
                  })}
                  {m.waiting ? ` ${t('invite.mineWaiting')}` : ''} <button type="submit">{t('invite.end')}</button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {waiting.length ? (
        <section class="no-print" aria-labelledby="waiting-title">
          <h2 id="waiting-title">{t('invite.waitingTitle')}</h2>
          <p>{t('invite.waitingIntro')}</p>
          <ul class="plain">
            {waiting.map((w) => (
              <li>
                <form method="post" action={`/invites/${w.id}/second`} class="inline">
                  {t('invite.waitingItem', {
                    name: w.byName ?? t('invite.byHost'),
                    date: formatDate(v, w.createdAt),
                  })}{' '}
                  <button type="submit">{t('invite.second')}</button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {endAsked.length ? (
        <section class="no-print" aria-labelledby="end-asked-title">
          <h2 id="end-asked-title">{t('invite.endAskedTitle')}</h2>
          <ul class="plain">
            {endAsked.map((e) => (
              <li>
                <form method="post" action={`/invites/${e.id}/end/confirm`} class="inline">
                  {t('invite.endAskedItem', {
                    asker: e.askedByName ?? '?',
                    name: e.byName ?? t('invite.byHost'),
                    date: formatDate(v, e.createdAt),
                  })}{' '}
                  <button type="submit">{t('invite.endConfirm')}</button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section class="no-print" aria-labelledby="leaked-title">
        <h2 id="leaked-title">{t('invite.leakedTitle')}</h2>
        <form method="post" action="/invites/end">
          <div class="field">
            <label for="link">{t('invite.leakedLabel')}</label>
            <p class="hint" id="link-hint">
              {t('invite.leakedHint')}
            </p>
            <input id="link" name="link" type="text" autocomplete="off" maxlength={2000} aria-describedby="link-hint" />
          </div>
          <button type="submit">{t('invite.leakedSubmit')}</button>
        </form>
      </section>
    </>
  );
}

export function NotFoundedPage({ v }: { v: ViewCtx }) {
  const { t } = v;
  return (
    <>
      <h1>{t('home.notFoundedTitle')}</h1>
      <p>{t('home.notFounded')}</p>
    </>
  );
}

export function SignedOutHome({ v, left = false }: { v: ViewCtx; left?: boolean }) {
  const { t } = v;
  return (
    <>
      <h1>{v.network!.networkName}</h1>
      {left ? <Notice kind="success">{t('home.left')}</Notice> : null}
      <p>{t('home.intro')}</p>
      <p>
        <a class="button primary" href="/sign-in">
          {t('home.signIn')}
        </a>
      </p>
      <p class="hint">{t('home.howToJoin')}</p>
      <p class="hint">
        <a href="/slip">{t('home.followSlip')}</a>
      </p>
    </>
  );
}
