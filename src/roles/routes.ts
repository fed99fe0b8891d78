// Routes for roles: propose a member as treasurer (a decision fills the role), and step down early.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { page } from '../web/render.tsx';
import { emptyForm, type FormState } from '../web/parts.tsx';
import { readForm, toFieldErrors } from '../web/forms.ts';
import { errors } from '../web/errors.ts';
import { requireMember } from '../members/require.ts';
import { uuid } from '../exchange/schema.ts';
import { RoleProposalPage } from '../fund/pages.tsx';
import { FUND_PROPOSAL_DEFAULTS, roleProposalForm } from '../fund/schema.ts';
import { TERM_DAYS } from './queries.ts';
import { proposeRole, stepDown } from './commands.ts';
import { activeMember, activeMembers } from '../members/queries.ts';

export const roleRoutes = new Hono<AppEnv>();

type C = Context<AppEnv>;

async function roleForm(c: C, form: FormState, status: 200 | 422 = 200) {
  const members = await activeMembers(c.get('deps').db);
  return page(c, c.get('t')('role.proposeTreasurer'), (v) => RoleProposalPage({ v, form, members }), { status });
}

roleRoutes.get('/roles/treasurer/propose', async (c) => {
  requireMember(c);
  return roleForm(c, emptyForm({ ...FUND_PROPOSAL_DEFAULTS, days: String(TERM_DAYS.default) }));
});

roleRoutes.post('/roles/treasurer/propose', async (c) => {
  const member = requireMember(c);
  const values = await readForm(c);
  const parsed = roleProposalForm.safeParse(values);
  const chosen = parsed.success ? await activeMember(c.get('deps').db, parsed.data.member) : undefined;
  if (!parsed.success || !chosen) {
    const fieldErrors = parsed.success ? { member: 'error.chooseMember' as const } : toFieldErrors(parsed.error);
    return roleForm(c, { values, errors: fieldErrors }, 422);
  }
  const f = parsed.data;
  const id = await proposeRole(c.get('deps').db, member.id, { role: 'treasurer', member: chosen, days: f.days, process: f.process, closesInHours: f.closes_in }, c.get('deps').clock());
  return c.redirect(`/decisions/${id}`, 303);
});

roleRoutes.post('/roles/terms/:id/step-down', async (c) => {
  const member = requireMember(c);
  const id = c.req.param('id');
  if (!uuid.safeParse(id).success) throw errors.notFound();
  if (!(await stepDown(c.get('deps').db, id, member.id, c.get('deps').clock()))) throw errors.forbidden();
  return c.redirect('/fund', 303);
});
