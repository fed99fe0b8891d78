/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Acting for someone at a table or a door (members/acting.ts): the form (their consent, how long), starting — the
// acting member's own session set aside, a session of theirs in its place — and stopping.
import { Hono, type Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppEnv } from '../web/context.ts';
import type { ViewCtx } from '../web/layout.tsx';
import { page } from '../web/render.tsx';
import { errors } from '../web/errors.ts';
import { requireMember } from '../web/edges.ts';
import { checkForm, readForm } from '../web/forms.ts';
import { Checkbox, ErrorSummary, RadioGroup, emptyForm, type FormState } from '../web/parts.tsx';
import { activeMember } from './queries.ts';
import { ACTING_MINUTES, OWN_SESSION_COOKIE, endActing, startActing } from './acting.ts';
import { setSessionCookie } from './session-cookie.ts';

export const actingRoutes = new Hono<AppEnv>();
type C = Context<AppEnv>;

const isId = (id: string) => z.uuid().safeParse(id).success;

const actingForm = z.object({
  consent: z.literal('on', 'error.actingConsent'),
  minutes: z.coerce
    .number('error.actingMinutes')
    .refine((n) => (ACTING_MINUTES as readonly number[]).includes(n), 'error.actingMinutes'),
});

function ActPage(props: { v: ViewCtx; name: string; id: string; form: FormState }) {
  const { v, form } = props;
  const { t } = v;
  return (
    <>
      <h1>{t('acting.title', { name: props.name })}</h1>
      <p>{t('acting.intro')}</p>
      <ErrorSummary t={t} form={form} />
      <form method="post" action={`/members/${props.id}/act`} novalidate>
        <RadioGroup
          t={t}
          form={form}
          name="minutes"
          label="acting.minutes"
          required
          options={ACTING_MINUTES.map((n) => ({ value: String(n), label: t('acting.minutesOption', { n }) }))}
        />
        <Checkbox t={t} form={form} name="consent" text={t('acting.consent', { name: props.name })} />
        <button type="submit" class="primary">
          {t('acting.submit')}
        </button>
      </form>
    </>
  );
}

async function target(c: C) {
  const member = requireMember(c);
  const id = c.req.param('id') ?? '';
  const { db } = c.get('deps');
  const other = isId(id) ? await activeMember(db, id) : undefined;
  if (!other || other.id === member.id) throw errors.notFound();
  return { member, other };
}

const actPage = (c: C, name: string, id: string, form: FormState, status: 200 | 403 | 422 = 200) =>
  page(c, c.get('t')('acting.title', { name }), (v) => ActPage({ v, name, id, form }), { status });

actingRoutes.get('/members/:id/act', async (c) => {
  const { other } = await target(c);
  return actPage(c, other.name, other.id, emptyForm({ minutes: '30' }));
});

actingRoutes.post('/members/:id/act', async (c) => {
  const { member, other } = await target(c);
  const { db, clock, registry } = c.get('deps');
  const now = clock();
  const values = await readForm(c);
  const checked = checkForm(actingForm, values);
  if (!checked.ok) return actPage(c, other.name, other.id, checked.form, 422);
  // A member others rely on (a role) acts for themselves: nobody takes their place, even with their word.
  if (await registry.holdsTrust(db, other.id, now))
    return actPage(c, other.name, other.id, { values, errors: { consent: 'error.actingTrusted' } }, 403);
  const started = await startActing(db, {
    memberId: other.id,
    actingBy: member.id,
    minutes: checked.data.minutes,
    now,
  });
  // The acting member's own session waits aside until they stop (or the time is up).
  const own = c.get('sessionToken');
  if (own) setSessionCookie(c, own, OWN_SESSION_COOKIE);
  setSessionCookie(c, started.token);
  return c.redirect('/me', 303);
});

actingRoutes.post('/acting/end', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  if (member.acting) {
    await endActing(db, member.acting.recordId, clock());
    const own = getCookie(c, OWN_SESSION_COOKIE);
    if (own) setSessionCookie(c, own);
  }
  return c.redirect('/members', 303);
});
