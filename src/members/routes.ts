// Routes for joining, signing in and out, settings, invites and passkeys. Thin: validate, load,
// authorize, command, render.
import { Hono, type Context } from 'hono';
import { qrSvg } from '../web/qr.ts';
import { setCookie } from 'hono/cookie';
import type { AppEnv, Deps as AppDeps } from '../web/context.ts';
import { page } from '../web/render.tsx';
import { emptyForm, type FormState } from '../web/parts.tsx';
import { readForm, readJson, toFieldErrors, checkForm } from '../web/forms.ts';
import { errors } from '../web/errors.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';
import { actedFor } from './acting.ts';
import { LANG_COOKIE } from '../web/middleware.ts';
import { languages } from '../web/i18n/index.ts';
import { looksLikeToken } from '../security/tokens.ts';
import { lookupHash, normaliseEmail } from '../security/crypto.ts';
import { joinWithInvite, leaveNetwork, updateMemberSettings } from './commands.ts';
import { askToConfirmEmail, confirmEmail } from './email.ts';
import {
  confirmEndInvite,
  createInvite,
  endInviteByToken,
  endOwnInvite,
  endRequests,
  INVITE_USES,
  inviteState,
  inviteUrl,
  invitesAwaitingSecond,
  invitesOf,
  secondInvite,
  tokenFromLink,
} from './invites.ts';
import { createSignInLink, useSignInLink } from './sign-in-links.ts';
import { endAllSessions, endSession } from './sessions.ts';
import { memberSchema, memberSearchSchema, settingsSchema, signInCodeSchema, signInEmailSchema } from './schema.ts';
import {
  codesAwaitingSecond,
  codesMadeFor,
  makeRecoveryCode,
  makeSignInCode,
  secondSignInCode,
  useCode,
  waysBackOf,
} from './ways-back.ts';
import { secondSlip, slipsAwaitingSecond } from './slips.ts';
import * as waysBackViews from './ways-back-views.tsx';
import { activeMember, listMembers } from './queries.ts';
import {
  authenticationOptions,
  passkeysOf,
  passkeysPossible,
  registrationOptions,
  relyingParty,
  removePasskey,
  verifyAuthentication,
  verifyRegistration,
} from './passkeys.ts';
import * as views from './views.tsx';
import { requireMember } from '../web/edges.ts';
import { afterResponse } from '../web/later.ts';

export const memberRoutes = new Hono<AppEnv>();

const PASSKEY_SCRIPTS = ['/static/webauthn.js', '/static/passkey.js'];
/** Whether this server's address lets browsers make passkeys (members/passkeys.ts): if not, pages say why instead. */
const passkeysHere = (c: Context<AppEnv>) => passkeysPossible(c.get('deps').config.publicUrl);

async function requireLiveInvite(c: Parameters<typeof page>[0], token: string) {
  const { db, clock } = c.get('deps');
  if (!c.get('network')) throw errors.notFound();
  const state = await inviteState(db, token, c.get('network')!.joinMode, clock());
  if (state === 'waiting') throw errors.gone('invite_needs_second', 'error.inviteNeedsSecond');
  if (state === 'used_up') throw errors.gone('invite_used_up', 'error.inviteUsedUp');
  if (state !== 'live') throw errors.gone('invite_not_valid', 'error.inviteNotValid');
}

memberRoutes.get('/join/:token', async (c) => {
  const token = c.req.param('token');
  await requireLiveInvite(c, token);
  const lang = c.get('network')!.languages.includes(c.get('lang')) ? c.get('lang') : '';
  return page(c, c.get('t')('join.titleShort'), (v) =>
    views.JoinPage({ v, form: emptyForm({ language: lang }), token }),
  );
});

memberRoutes.post('/join/:token', async (c) => {
  const token = c.req.param('token');
  await requireLiveInvite(c, token);
  const values = await readForm(c);
  const { db, keys, clock } = c.get('deps');
  const parsed = checkForm(memberSchema(c.get('network')!.languages), values);
  if (!parsed.ok) {
    const form = parsed.form;
    return page(c, c.get('t')('join.titleShort'), (v) => views.JoinPage({ v, form, token }), { status: 422 });
  }
  const m = parsed.data;
  const { memberId, session } = await joinWithInvite(
    db,
    keys,
    token,
    { displayName: m.display_name, language: m.language },
    c.get('network')!.joinMode,
    clock(),
  );
  setSessionCookie(c, session);
  // The address is attached when its owner opens the link mailed to it; the answer is the same for any address.
  if (m.email) confirmLater(c, { id: memberId, language: m.language }, m.email);
  return c.redirect(m.email ? '/welcome?email=sent' : '/welcome', 303);
});

memberRoutes.get('/welcome', async (c) => {
  const member = requireMember(c);
  const hasPasskey = (await passkeysOf(c.get('deps').db, member.id)).length > 0;
  return page(
    c,
    c.get('t')('welcome.titleShort'),
    (v) => views.WelcomePage({ v, emailSent: c.req.query('email') === 'sent', passkeys: passkeysHere(c), hasPasskey }),
    { scripts: PASSKEY_SCRIPTS },
  );
});

memberRoutes.get('/sign-in', async (c) => {
  if (c.get('member')) return c.redirect('/board', 303);
  return page(
    c,
    c.get('t')('signIn.title'),
    (v) => views.SignInPage({ v, passkeys: passkeysHere(c), form: emptyForm(), sent: false }),
    {
      scripts: PASSKEY_SCRIPTS,
    },
  );
});

memberRoutes.post('/sign-in/email', async (c) => {
  const values = await readForm(c);
  const parsed = checkForm(signInEmailSchema, values);
  const { db, keys, clock, mailer, config, limits } = c.get('deps');
  if (!parsed.ok) {
    const form = parsed.form;
    return page(
      c,
      c.get('t')('signIn.title'),
      (v) => views.SignInPage({ v, passkeys: passkeysHere(c), form, sent: false }),
      {
        status: 422,
        scripts: PASSKEY_SCRIPTS,
      },
    );
  }
  const email = normaliseEmail(parsed.data.email);
  const limitKey = lookupHash(keys, 'rate.sign-in', email).toString('base64');
  // The server-wide limit counts the mails sent (to members' addresses), not the asking: asking for addresses nobody
  // has cannot use it up. While it is used up, everyone is told so, whatever address they typed.
  if (!limits.signInLinks.take(limitKey) || limits.signInLinksGlobal.exhausted('all')) throw errors.tooMany();
  const t = c.get('t');
  // The answer is the same, and takes the same work, whether or not the address belongs to a member: looking it up,
  // making the link and mailing it happen just after.
  afterResponse(async () => {
    const link = await createSignInLink(db, keys, email, clock(), () => limits.signInLinksGlobal.take('all'));
    if (!link) return;
    await mailer.send({
      to: link.to,
      subject: t('mail.signInSubject'),
      text: `${t('mail.signInBody')}\n\n${config.publicUrl}/sign-in/link?token=${link.token}\n\n${t('mail.signInIgnore')}\n`,
    });
  }, c.get('deps').log);
  return page(
    c,
    c.get('t')('signIn.title'),
    (v) => views.SignInPage({ v, passkeys: passkeysHere(c), form: emptyForm(), sent: true }),
    {
      scripts: PASSKEY_SCRIPTS,
    },
  );
});

// Opening the link shows a button; only pressing it spends the token (mail scanners that open links do not).
memberRoutes.get('/sign-in/link', async (c) => {
  const token = c.req.query('token') ?? '';
  if (!looksLikeToken(token)) throw errors.gone('link_not_valid', 'error.linkNotValid');
  return page(c, c.get('t')('signIn.title'), (v) => views.SignInLinkPage({ v, token }));
});

memberRoutes.post('/sign-in/link', async (c) => {
  const values = await readForm(c);
  const { db, clock } = c.get('deps');
  const { session } = await useSignInLink(db, values.token ?? '', clock());
  setSessionCookie(c, session);
  return c.redirect('/board', 303);
});

memberRoutes.post('/sign-in/code', async (c) => {
  const values = await readForm(c);
  const { db, keys, clock, limits } = c.get('deps');
  const again = (codeForm: FormState, status: 422 | 429) =>
    page(
      c,
      c.get('t')('signIn.title'),
      (v) => views.SignInPage({ v, passkeys: passkeysHere(c), form: emptyForm(), sent: false, codeForm }),
      {
        status,
        scripts: PASSKEY_SCRIPTS,
      },
    );
  // Wrong codes are counted for the whole server: while too many were tried, nobody's code is looked at.
  if (limits.wrongCodes.exhausted('all')) return again({ values, errors: { code: 'error.codeTooMany' } }, 429);
  const parsed = checkForm(signInCodeSchema, values);
  if (!parsed.ok) return again(parsed.form, 422);
  const used = await useCode(db, keys, parsed.data.code, clock());
  if (!used.ok) {
    if (used.why === 'wrong') limits.wrongCodes.take('all');
    const error =
      used.why === 'wrong'
        ? 'error.codeWrong'
        : used.why === 'slip_waits_for_second'
          ? 'error.slipWaitsForSecond'
          : 'error.codeWaitsForSecond';
    return again({ values, errors: { code: error } }, 422);
  }
  setSessionCookie(c, used.session);
  return c.redirect(`/settings?with=${used.kind === 'recovery' ? 'recovery' : 'code'}#ways-back`, 303);
});

memberRoutes.post('/sign-out', async (c) => {
  const member = c.get('member');
  // A member with no way back in (no email, passkey or recovery code) is told so first, and may still sign out.
  if (member && (await readForm(c)).anyway !== 'on' && !(await waysBackOf(c.get('deps').db, member.id)).any) {
    return page(c, c.get('t')('signOut.warnTitle'), (v) => waysBackViews.SignOutWarningPage({ v }));
  }
  await endSession(c.get('deps').db, c.get('sessionToken'));
  clearSessionCookie(c);
  return c.redirect('/', 303);
});

/**
 * Leaving, by the member's own choice: a duplicate account, or a network they are done with. Asked twice (the box),
 * and, like a new recovery code, only soon after signing in when they have another way in (a phone left signed in
 * cannot be made to leave by whoever picks it up).
 */
memberRoutes.post('/settings/leave', async (c) => {
  const member = requireMember(c);
  const { db, clock, registry } = c.get('deps');
  const values = await readForm(c);
  const again = (key: 'error.leaveConfirm' | 'error.signInAgainForLeave') =>
    settingsPage(c, { values: settingsValues(member), errors: { leave_confirm: key } }, false, 422);
  if (values.leave_confirm !== 'on') return again('error.leaveConfirm');
  if ((await waysBackOf(db, member.id)).any && signedInLongAgo(member, clock()))
    return again('error.signInAgainForLeave');
  await db.transaction().execute((tx) => leaveNetwork(tx, registry, member.id, clock()));
  clearSessionCookie(c);
  return c.redirect('/?left=1', 303);
});

memberRoutes.post('/language', async (c) => {
  const values = await readForm(c);
  const lang = values.lang ?? '';
  if (!languages.includes(lang)) throw errors.badRequest('unknown_language', 'error.chooseLanguage');
  setCookie(c, LANG_COOKIE, lang, { path: '/', secure: true, httpOnly: true, sameSite: 'Lax', maxAge: 365 * 86_400 });
  const back = values.back ?? '/';
  // Only a path on this site: one leading slash (two would name another host).
  return c.redirect(back.startsWith('/') && !back.startsWith('//') && /^[\w\-/]*$/.test(back) ? back : '/', 303);
});

async function settingsPage(
  c: Parameters<typeof page>[0],
  form: ReturnType<typeof emptyForm>,
  saved: boolean,
  status: 200 | 422 = 200,
) {
  const member = requireMember(c);
  const db = c.get('deps').db;
  const [passkeys, ways, madeFor, acted] = await Promise.all([
    passkeysOf(db, member.id),
    waysBackOf(db, member.id),
    codesMadeFor(db, member.id),
    actedFor(db, member.id),
  ]);
  const emailSent = c.req.query('email') === 'sent';
  const signedInWith = c.req.query('with');
  return page(
    c,
    c.get('t')('settings.title'),
    (v) =>
      views.SettingsPage({
        v,
        form,
        saved,
        passkeys,
        emailSent,
        ways,
        madeFor,
        actedFor: acted,
        signedInWith,
        possible: passkeysHere(c),
      }),
    { status, scripts: PASSKEY_SCRIPTS },
  );
}

/** What the email commands need of a request: where to write and mail, and the per-address mail limit. */
function emailCtx(c: Parameters<typeof page>[0]) {
  const { db, keys, mailer, config, limits, registry } = c.get('deps');
  const mayMail = (address: string) =>
    limits.signInLinks.take(lookupHash(keys, 'rate.confirm', address).toString('base64'));
  return {
    db,
    catalogs: registry.catalogs,
    keys,
    mailer,
    publicUrl: config.publicUrl,
    networkName: c.get('network')?.networkName ?? 'Kropotkin',
    mayMail,
  };
}

/** Mails the link that attaches an address, just after the answer (which must not tell whose the address is). */
function confirmLater(c: Parameters<typeof page>[0], member: { id: string; language: string }, email: string) {
  const { clock, log } = c.get('deps');
  const ctx = emailCtx(c);
  afterResponse(() => askToConfirmEmail(ctx, member, email, clock()), log);
}

/** Changing where sign-in links go takes a fresh sign-in, when the member has another way to sign in at all. */
const RECENT_SIGN_IN_MS = 15 * 60_000;
const signedInLongAgo = (member: { signedInAt: Date }, now: Date) =>
  now.getTime() - member.signedInAt.getTime() > RECENT_SIGN_IN_MS;

/** The settings form as the member's settings stand. */
const settingsValues = (member: { displayName: string; language: string; emailDecisions: boolean }) => ({
  display_name: member.displayName,
  language: member.language,
  email_decisions: member.emailDecisions ? 'yes' : 'no',
});

memberRoutes.get('/settings', async (c) => {
  const member = requireMember(c);
  const values = {
    display_name: member.displayName,
    language: member.language,
    email_decisions: member.emailDecisions ? 'yes' : 'no',
  };
  return settingsPage(c, emptyForm(values), c.req.query('saved') === '1');
});

memberRoutes.post('/settings', async (c) => {
  const member = requireMember(c);
  const values = await readForm(c);
  const { db, keys, clock } = c.get('deps');
  const parsed = settingsSchema(c.get('network')!.languages).safeParse(values);
  const fieldErrors = parsed.success ? {} : toFieldErrors(parsed.error);
  const newEmail =
    parsed.success && parsed.data.email && parsed.data.remove_email !== 'on' ? parsed.data.email : undefined;
  if (
    newEmail &&
    (member.hasEmail || (await passkeysOf(db, member.id)).length > 0) &&
    signedInLongAgo(member, clock())
  ) {
    fieldErrors.email = 'error.signInAgainForEmail';
  }
  if (!parsed.success || Object.keys(fieldErrors).length)
    return settingsPage(c, { values, errors: fieldErrors }, false, 422);
  const s = parsed.data;
  await updateMemberSettings(db, keys, member.id, {
    displayName: s.display_name,
    language: s.language,
    removeEmail: s.remove_email === 'on',
    emailDecisions: s.email_decisions === 'yes',
  });
  if (newEmail) confirmLater(c, { id: member.id, language: s.language }, newEmail);
  return c.redirect(newEmail ? '/settings?saved=1&email=sent' : '/settings?saved=1', 303);
});

memberRoutes.post('/settings/recovery-code', async (c) => {
  const member = requireMember(c);
  const { db, keys, clock, config } = c.get('deps');
  // Like changing the email: replacing a way back in takes a fresh sign-in when the member already has one, so a
  // phone left signed in cannot be used to take the account over.
  if ((await waysBackOf(db, member.id)).any && signedInLongAgo(member, clock())) {
    throw errors.forbidden('sign_in_again', 'error.signInAgainForRecovery');
  }
  const code = await makeRecoveryCode(db, keys, member.id);
  c.header('cache-control', 'no-store');
  return page(c, c.get('t')('recovery.title'), (v) =>
    waysBackViews.RecoveryCodePage({ v, code, signInUrl: `${config.publicUrl}/sign-in` }),
  );
});

/** The member list: names and when each joined, searchable; where a member makes a sign-in code for another. */
const MEMBER_PAGE = 100;

memberRoutes.get('/members', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const q = memberSearchSchema.parse(c.req.query()).q ?? '';
  const [list, awaiting, slips] = await Promise.all([
    listMembers(db, q, MEMBER_PAGE + 1),
    codesAwaitingSecond(db, member.id, clock()),
    slipsAwaitingSecond(db, member.id),
  ]);
  return page(c, c.get('t')('members.title'), (v) =>
    waysBackViews.MembersPage({
      v,
      q,
      members: list.members.slice(0, MEMBER_PAGE),
      more: list.members.length > MEMBER_PAGE,
      total: list.total,
      awaiting,
      slips,
      done: c.req.query('done'),
    }),
  );
});

memberRoutes.post('/members/:id/sign-in-code', async (c) => {
  const member = requireMember(c);
  const id = c.req.param('id');
  const { db, keys, clock, config, registry } = c.get('deps');
  const now = clock();
  const other = isId(id) ? await activeMember(db, id) : undefined;
  if (!other || other.id === member.id) throw errors.notFound();
  const made = await makeSignInCode(db, keys, {
    memberId: other.id,
    madeBy: member.id,
    needsSecond: await registry.holdsTrust(db, other.id, now),
    now,
  });
  // Oneself and a removed member were refused above: what is left is a code still waiting for them.
  if (!made.ok) throw errors.conflict('code_waiting', 'error.codeAlreadyWaiting');
  c.header('cache-control', 'no-store');
  return page(c, c.get('t')('codeMade.titleShort'), (v) =>
    waysBackViews.SignInCodeMadePage({
      v,
      name: other.name,
      code: made.code,
      expiresAt: made.expiresAt,
      needsSecond: made.needsSecond,
      signInUrl: `${config.publicUrl}/sign-in`,
    }),
  );
});

memberRoutes.post('/members/codes/:id/second', async (c) => {
  const member = requireMember(c);
  const id = c.req.param('id');
  const { db, clock } = c.get('deps');
  if (!isId(id) || !(await secondSignInCode(db, id, member.id, clock()))) throw errors.notFound();
  return c.redirect('/members?done=seconded', 303);
});

memberRoutes.post('/members/slips/:id/second', async (c) => {
  const member = requireMember(c);
  const id = c.req.param('id');
  const { db, clock } = c.get('deps');
  if (!isId(id) || !(await secondSlip(db, id, member.id, clock()))) throw errors.notFound();
  return c.redirect('/members?done=seconded', 303);
});

memberRoutes.post('/settings/sign-out-everywhere', async (c) => {
  const member = requireMember(c);
  await endAllSessions(c.get('deps').db, member.id);
  clearSessionCookie(c);
  return c.redirect('/', 303);
});

// Opening the link shows a button; only pressing it attaches the address (mail scanners that open links do not).
memberRoutes.get('/email/confirm', async (c) => {
  const token = c.req.query('token') ?? '';
  if (!looksLikeToken(token)) throw errors.gone('link_not_valid', 'error.linkNotValid');
  return page(c, c.get('t')('email.confirmTitle'), (v) => views.EmailConfirmPage({ v, token }));
});

memberRoutes.post('/email/confirm', async (c) => {
  await confirmEmail(emailCtx(c), (await readForm(c)).token ?? '', c.get('deps').clock());
  return c.redirect('/email/confirmed', 303);
});

memberRoutes.get('/email/confirmed', (c) =>
  page(c, c.get('t')('email.confirmTitle'), (v) => views.EmailConfirmedPage({ v })),
);

memberRoutes.post('/settings/passkeys/remove', async (c) => {
  const member = requireMember(c);
  const values = await readForm(c);
  await removePasskey(c.get('deps').db, member.id, values.id ?? '');
  return c.redirect('/settings', 303);
});

const isId = (id: string) => /^[0-9a-f-]{36}$/i.test(id);

const INVITE_DONE = ['seconded', 'ended', 'endAsked', 'alreadyAsked', 'notFound'] as const;

async function invitesPage(
  c: Parameters<typeof page>[0],
  extra: { invite?: Parameters<typeof views.InvitesPage>[0]['invite']; done?: string } = {},
) {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const joinMode = c.get('network')!.joinMode;
  const [waiting, mine, endAsked] = await Promise.all([
    invitesAwaitingSecond(db, member.id, joinMode, clock()),
    invitesOf(db, member.id, joinMode, clock()),
    endRequests(db, member.id, clock()),
  ]);
  const done = INVITE_DONE.find((d) => d === extra.done);
  return page(c, c.get('t')('invite.title'), (v) =>
    views.InvitesPage({ v, waiting, mine, endAsked, invite: extra.invite, done }),
  );
}

memberRoutes.get('/invites', (c) => invitesPage(c, { done: c.req.query('done') }));

type InviteAct = (
  db: AppDeps['db'],
  memberId: string,
  inviteId: string,
  joinMode: 'open' | 'seconded',
  now: Date,
) => Promise<boolean>;

/** One act on one link by its id (second it, end it, confirm ending it): a link the act does not apply to is 404. */
const onInvite = (act: InviteAct, done: (typeof INVITE_DONE)[number]) => async (c: Parameters<typeof page>[0]) => {
  const member = requireMember(c);
  const id = c.req.param('id') ?? '';
  const { db, clock } = c.get('deps');
  if (!isId(id) || !(await act(db, member.id, id, c.get('network')!.joinMode, clock()))) throw errors.notFound();
  return c.redirect(`/invites?done=${done}`, 303);
};

memberRoutes.post(
  '/invites/:id/second',
  onInvite((db, m, id, mode, now) => secondInvite(db, id, m, mode, now), 'seconded'),
);

memberRoutes.post('/invites', async (c) => {
  const member = requireMember(c);
  const { db, clock, config } = c.get('deps');
  const values = await readForm(c);
  const uses = INVITE_USES.find((n) => String(n) === values.uses) ?? 1;
  const { token, expiresAt, maxUses } = await createInvite(db, member.id, clock(), {
    joinMode: c.get('network')!.joinMode,
    maxUses: uses,
  });
  const url = inviteUrl(config.publicUrl, token);
  const svg = await qrSvg(url, c.get('t')('invite.qrLabel'));
  return invitesPage(c, {
    invite: { url, qrSvg: svg, expiresAt, needsSecond: c.get('network')!.joinMode === 'seconded', maxUses },
  });
});

memberRoutes.post(
  '/invites/:id/end',
  onInvite((db, m, id, _mode, now) => endOwnInvite(db, m, id, now), 'ended'),
);

/** A link someone has in hand (pasted, or read off a flyer): its maker ends it at once; two other members together. */
memberRoutes.post('/invites/end', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const outcome = await endInviteByToken(db, member.id, tokenFromLink((await readForm(c)).link ?? ''), clock());
  const done = { ended: 'ended', asked: 'endAsked', already_asked: 'alreadyAsked', not_found: 'notFound' }[outcome];
  return c.redirect(`/invites?done=${done}`, 303);
});

memberRoutes.post(
  '/invites/:id/end/confirm',
  onInvite((db, m, id, _mode, now) => confirmEndInvite(db, m, id, now), 'ended'),
);

// The passkey ceremony (JSON, used by /static/passkey.js).
function rp(c: Parameters<typeof page>[0]) {
  return relyingParty(c.get('deps').config.publicUrl, c.get('network')?.networkName ?? 'Kropotkin');
}

memberRoutes.post('/passkeys/register/options', async (c) => {
  const member = requireMember(c);
  return c.json(await registrationOptions(c.get('deps').db, rp(c), member, c.get('deps').clock()));
});

memberRoutes.post('/passkeys/register/verify', async (c) => {
  const member = requireMember(c);
  const body = (await readJson(c)) as { challengeId?: unknown; response?: unknown };
  if (typeof body?.challengeId !== 'string') throw errors.badRequest('challenge_missing', 'error.passkeyFailed');
  await verifyRegistration(c.get('deps').db, rp(c), member.id, body.challengeId, body.response, c.get('deps').clock());
  return c.json({ ok: true });
});

memberRoutes.post('/passkeys/sign-in/options', async (c) => {
  if (!c.get('network')) throw errors.notFound();
  return c.json(await authenticationOptions(c.get('deps').db, rp(c), c.get('deps').clock()));
});

memberRoutes.post('/passkeys/sign-in/verify', async (c) => {
  const body = (await readJson(c)) as { challengeId?: unknown; response?: unknown };
  if (typeof body?.challengeId !== 'string') throw errors.badRequest('challenge_missing', 'error.passkeyFailed');
  const { session } = await verifyAuthentication(
    c.get('deps').db,
    rp(c),
    body.challengeId,
    body.response,
    c.get('deps').clock(),
  );
  setSessionCookie(c, session);
  return c.json({ ok: true, next: '/board' });
});
