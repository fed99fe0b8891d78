// Routes for roles: the list of roles and each role's page with its handover note; proposing a holder or a new or
// changed role (decisions do the rest); volunteering where the role allows; stepping down early.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { page } from '../web/render.tsx';
import { emptyForm, type FormState } from '../web/parts.tsx';
import { checkForm, readForm, toFieldErrors } from '../web/forms.ts';
import { errors } from '../web/errors.ts';
import { idParam, requireMember } from '../web/edges.ts';
import { ACTION_PROPOSAL_DEFAULTS } from '../decisions/index.ts';
import { activeMember, activeMembers } from '../members/index.ts';
import {
  handovers,
  nextFreeSeat,
  readsHandover,
  writesHandover,
  roleDef,
  roleDefs,
  roleSummary,
  termsInRow,
  type RoleDef,
  type RoleSummary,
} from './queries.ts';
import { proposeDefinition, proposeRole, stepDown, volunteer, writeHandover } from './commands.ts';
import { definitionForm, handoverForm, holderForm } from './schema.ts';
import { DefinitionPage, HolderProposalPage, RolePage, RolesPage } from './views.tsx';
import { roleName, roleTitle } from './text.ts';

export const roleRoutes = new Hono<AppEnv>();

type C = Context<AppEnv>;
const deps = (c: C) => c.get('deps');

const summary = (c: C, def: RoleDef, memberId: string) => roleSummary(deps(c).db, def, memberId, deps(c).clock());

async function findRole(c: C): Promise<RoleDef> {
  const def = await roleDef(deps(c).db, c.req.param('name') ?? '');
  if (!def) throw errors.notFound();
  return def;
}

roleRoutes.get('/roles', async (c) => {
  const member = requireMember(c);
  const defs = await roleDefs(deps(c).db);
  const roles: RoleSummary[] = [];
  for (const def of defs) roles.push(await summary(c, def, member.id));
  return page(c, c.get('t')('role.title'), (v) => RolesPage({ v, roles }));
});

async function rolePage(c: C, def: RoleDef, memberId: string, form: FormState, status: 200 | 422 = 200) {
  const { db, keys } = deps(c);
  const r = await summary(c, def, memberId);
  const reads = await readsHandover(db, memberId, def.name, deps(c).clock());
  const notes = reads ? await handovers(db, keys, def.name) : null;
  return page(c, roleTitle(c.get('t'), def), (v) => RolePage({ v, r, notes, form, writes: reads }), { status });
}

roleRoutes.get('/roles/new', (c) => {
  requireMember(c);
  return definitionPage(
    c,
    null,
    emptyForm({ ...ACTION_PROPOSAL_DEFAULTS, term_days: '90', seats: '2', terms_in_row: '2' }),
  );
});

roleRoutes.get('/roles/:name', async (c) => {
  const member = requireMember(c);
  return rolePage(c, await findRole(c), member.id, emptyForm());
});

roleRoutes.post('/roles/:name/handover', async (c) => {
  const member = requireMember(c);
  const def = await findRole(c);
  // Only holders write it (the database refuses anyone else too): say so before judging what was written.
  if (!(await writesHandover(deps(c).db, member.id, def.name, deps(c).clock())))
    throw errors.forbidden('holders_only', 'error.holdersOnly');
  const values = await readForm(c);
  const parsed = checkForm(handoverForm, values);
  if (!parsed.ok) return rolePage(c, def, member.id, parsed.form, 422);
  await writeHandover(deps(c).db, deps(c).keys, member.id, def.name, parsed.data.note, deps(c).clock());
  return c.redirect(`/roles/${def.name}`, 303);
});

roleRoutes.post('/roles/:name/volunteer', async (c) => {
  const member = requireMember(c);
  const def = await findRole(c);
  await volunteer(deps(c).db, member.id, def.name, deps(c).clock());
  return c.redirect(`/roles/${def.name}`, 303);
});

async function holderPage(c: C, def: RoleDef, form: FormState, status: 200 | 422 = 200) {
  const members = await activeMembers(deps(c).db);
  const t = c.get('t');
  return page(
    c,
    t('role.proposeHolderTitle', { role: roleTitle(t, def) }),
    (v) => HolderProposalPage({ v, form, def, members }),
    { status },
  );
}

roleRoutes.get('/roles/:name/propose', async (c) => {
  requireMember(c);
  const def = await findRole(c);
  return holderPage(c, def, emptyForm({ ...ACTION_PROPOSAL_DEFAULTS, days: String(def.termDays) }));
});

roleRoutes.post('/roles/:name/propose', async (c) => {
  const member = requireMember(c);
  const def = await findRole(c);
  const { db } = deps(c);
  const now = deps(c).clock();
  const values = await readForm(c);
  const parsed = holderForm(def.termDays).safeParse(values);
  const chosen = parsed.success ? await activeMember(db, parsed.data.member) : undefined;
  if (!parsed.success || !chosen) {
    const fieldErrors = parsed.success ? { member: 'error.chooseMember' as const } : toFieldErrors(parsed.error);
    return holderPage(c, def, { values, errors: fieldErrors }, 422);
  }
  const f = parsed.data;
  // Say now, beside the box, when the term would break the role's rule on terms in a row; the members may still
  // decide to allow it, knowingly.
  const startsAt = await nextFreeSeat(db, def.name, now);
  if (!f.beyond_rotation && (await termsInRow(db, chosen.id, def.name, startsAt)) >= def.termsInRow) {
    return holderPage(c, def, { values, errors: { beyond_rotation: 'error.termsInRowAsk' } }, 422);
  }
  const id = await proposeRole(
    db,
    member.id,
    {
      role: def,
      member: chosen,
      days: f.days,
      beyondRotation: f.beyond_rotation,
      process: f.process,
      closesInHours: f.closes_in,
    },
    now,
  );
  return c.redirect(`/decisions/${id}`, 303);
});

function definitionPage(c: C, def: RoleDef | null, form: FormState, status: 200 | 422 = 200) {
  const t = c.get('t');
  return page(
    c,
    def ? t('role.changeTitle', { role: roleTitle(t, def) }) : t('role.proposeNew'),
    (v) => DefinitionPage({ v, form, def }),
    { status },
  );
}

roleRoutes.get('/roles/:name/change', async (c) => {
  requireMember(c);
  const def = await findRole(c);
  return definitionPage(
    c,
    def,
    emptyForm({
      ...ACTION_PROPOSAL_DEFAULTS,
      title: roleTitle(c.get('t'), def),
      duties: def.duties,
      term_days: String(def.termDays),
      seats: String(def.seats),
      terms_in_row: String(def.termsInRow),
      volunteering: def.volunteering ? 'on' : '',
    }),
  );
});

async function proposeDefinitionFrom(c: C, def: RoleDef | null) {
  const member = requireMember(c);
  const values = await readForm(c);
  const parsed = checkForm(definitionForm, values);
  if (!parsed.ok) return definitionPage(c, def, parsed.form, 422);
  const f = parsed.data;
  const name = def?.name ?? roleName(f.title);
  if (!def && (await roleDef(deps(c).db, name)))
    return definitionPage(c, def, { values, errors: { title: 'error.roleExists' } }, 422);
  const id = await proposeDefinition(
    deps(c).db,
    member.id,
    {
      definition: {
        name,
        title: f.title,
        duties: f.duties,
        term_days: f.term_days,
        seats: f.seats,
        terms_in_row: f.terms_in_row,
        volunteering: f.volunteering,
      },
      why: f.why,
      process: f.process,
      closesInHours: f.closes_in,
    },
    deps(c).clock(),
  );
  return c.redirect(`/decisions/${id}`, 303);
}

roleRoutes.post('/roles/new', (c) => proposeDefinitionFrom(c, null));
roleRoutes.post('/roles/:name/change', async (c) => proposeDefinitionFrom(c, await findRole(c)));

roleRoutes.post('/roles/terms/:id/step-down', async (c) => {
  const member = requireMember(c);
  const id = idParam(c);
  const role = await stepDown(deps(c).db, id, member.id, deps(c).clock());
  if (!role) throw errors.forbidden();
  return c.redirect(`/roles/${role}`, 303);
});
