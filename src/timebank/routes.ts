// The time bank's routes: the member's page (their balance, what waits for their yes, their records, the network's
// totals), recording hours (prefilled from a match thread), and one-tap answers: confirm, decline, withdraw.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { page } from '../web/render.tsx';
import { emptyForm, type FormState } from '../web/parts.tsx';
import { checkForm, readForm } from '../web/forms.ts';
import { loadOr404, requireMember } from '../web/edges.ts';
import { refusalOf } from '../web/errors.ts';
import { hoursBalance, hoursTotals } from '../fund/index.ts';
import { confirmHours, declineHours, recordHours, withdrawHours } from './commands.ts';
import { matchParties, membersToPick, recordById, recordsOf, waitingFor } from './queries.ts';
import { hoursForm } from './schema.ts';
import { NewHoursPage, TimePage } from './views.tsx';

export const timeRoutes = new Hono<AppEnv>();
type C = Context<AppEnv>;
type Status = 200 | 403 | 409 | 422 | 429;

async function timePage(c: C, refused: FormState | null = null, status: Status = 200) {
  const member = requireMember(c);
  const { db } = c.get('deps');
  const [balance, waiting, records, totals] = await Promise.all([
    hoursBalance(db, member.id),
    waitingFor(db, member.id),
    recordsOf(db, member.id),
    hoursTotals(db),
  ]);
  return page(
    c,
    c.get('t')('time.title'),
    (v) => TimePage({ v, balance, waiting, records, totals, refused, done: c.req.query('done') }),
    { status },
  );
}

timeRoutes.get('/time', (c) => timePage(c));

async function newPage(c: C, form: FormState, status: Status = 200) {
  const member = requireMember(c);
  const others = await membersToPick(c.get('deps').db, member.id);
  return page(c, c.get('t')('time.new'), (v) => NewHoursPage({ v, form, others }), { status });
}

timeRoutes.get('/time/new', async (c) => {
  const member = requireMember(c);
  const values: Record<string, string> = { way: 'gave', hours: '1' };
  const matchId = c.req.query('match') ?? '';
  const match = /^[0-9a-f-]{36}$/.test(matchId) ? await matchParties(c.get('deps').db, matchId) : undefined;
  if (match && (match.helperId === member.id || match.askerId === member.id)) {
    const helped = match.helperId === member.id;
    Object.assign(values, {
      other: helped ? match.askerId : match.helperId,
      way: helped ? 'gave' : 'received',
      what: match.what.slice(0, 300),
      match: matchId,
    });
  }
  const other = c.req.query('with');
  if (other && !values.other) values.other = other;
  return newPage(c, emptyForm(values));
});

timeRoutes.post('/time', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const values = await readForm(c);
  const parsed = checkForm(hoursForm, values);
  if (!parsed.ok) return newPage(c, parsed.form, 422);
  const f = parsed.data;
  try {
    await recordHours(
      db,
      member.id,
      {
        other: f.other,
        gave: f.way === 'gave',
        minutes: f.hours,
        what: f.what,
        fromCommons: f.commons,
        matchId: f.match,
      },
      clock(),
    );
  } catch (e) {
    const no = refusalOf(e, [403, 409, 429]);
    return newPage(c, { values, errors: { _form: no.messageKey } }, no.status as Status);
  }
  return c.redirect('/time?done=recorded', 303);
});

const answer =
  (write: (db: C['var']['deps']['db'], id: string, memberId: string, now: Date) => Promise<unknown>, done: string) =>
  async (c: C) => {
    const member = requireMember(c);
    const { db, clock } = c.get('deps');
    const rec = await loadOr404(c, (id) => recordById(db, id));
    try {
      await write(db, rec.id, member.id, clock());
    } catch (e) {
      const no = refusalOf(e, [403, 409]);
      return timePage(c, { values: {}, errors: { _form: no.messageKey } }, no.status as Status);
    }
    return c.redirect(`/time?done=${done}`, 303);
  };

timeRoutes.post('/time/:id/confirm', answer(confirmHours, 'confirmed'));
timeRoutes.post('/time/:id/decline', answer(declineHours, 'declined'));
timeRoutes.post('/time/:id/withdraw', answer(withdrawHours, 'withdrawn'));
