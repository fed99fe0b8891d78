// Routes for decisions: list, open a proposal, vote (and change a vote), make ballots anonymous.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { page } from '../web/render.tsx';
import { emptyForm, type FormState } from '../web/parts.tsx';
import { readForm } from '../web/forms.ts';
import { errors } from '../web/errors.ts';
import { authorize, isUuid, requireMember } from '../web/edges.ts';
import { agreementText } from '../web/agreement.ts';
import { agreementsInForce } from '../agreements/index.ts';
import { ballotsOf, inCircle, proposalById, proposalList, type ProposalView } from './queries.ts';
import { castBallot, currentResult, makeAnonymous, openProposal, proposalProblems } from './commands.ts';
import { can, proposalPolicy } from './policy.ts';
import { ballotValues, parseBallot, parseProposal, PROPOSAL_DEFAULTS } from './schema.ts';
import { proposalTitle } from './text.ts';
import * as views from './views.tsx';

export const decisionRoutes = new Hono<AppEnv>();

type C = Context<AppEnv>;

async function loadProposal(c: C, id: string): Promise<ProposalView> {
  if (!isUuid(id)) throw errors.notFound();
  const p = await proposalById(c.get('deps').db, id);
  if (!p) throw errors.notFound();
  // A circle's own decision does not exist for anyone outside the circle.
  const member = c.get('member');
  if (p.circleId && (!member || !(await inCircle(c.get('deps').db, p.circleId, member.id)))) throw errors.notFound();
  return p;
}

decisionRoutes.get('/decisions', async (c) => {
  const member = requireMember(c);
  const n = pageNumber(c.req.query('page'));
  const { open, closed, more } = await proposalList(c.get('deps').db, member.id, n);
  return page(c, c.get('t')('decisions.title'), (v) => views.DecisionsPage({ v, open, closed, page: n, more }));
});

/** A page of a list: 1 to 1000, anything else is the first. */
const pageNumber = (q: string | undefined) => {
  const n = Number(q);
  return Number.isInteger(n) && n >= 1 && n <= 1000 ? n : 1;
};

const newForm = (c: C, form: FormState, status: 200 | 422 = 200) =>
  page(c, c.get('t')('proposal.new'), (v) => views.NewProposalPage({ v, form }), { status });

decisionRoutes.get('/decisions/new', async (c) => {
  requireMember(c);
  const values: Record<string, string> = { ...PROPOSAL_DEFAULTS };
  // "Propose a change" from the agreements page starts from the agreement as it stands.
  const key = c.req.query('agreement');
  const def = key ? c.get('deps').registry.agreement(key) : undefined;
  if (def) {
    const current = (await agreementsInForce(c.get('deps').db)).find((a) => a.key === def.key);
    values.agreement = def.key;
    values.agreement_value = agreementText(def, current ? current.value : def.start);
  }
  return newForm(c, emptyForm(values));
});

decisionRoutes.post('/decisions', async (c) => {
  const member = requireMember(c);
  const values = await readForm(c);
  const { db, clock, registry } = c.get('deps');
  const parsed = parseProposal(values, registry);
  if (!parsed.ok) return newForm(c, { values, errors: parsed.errors }, 422);
  const problems = await proposalProblems(db, registry, parsed.input);
  if (problems) return newForm(c, { values, errors: problems }, 422);
  const id = await openProposal(db, member.id, parsed.input, clock());
  return c.redirect(`/decisions/${id}`, 303);
});

async function proposalPage(c: C, p: ProposalView, form?: FormState, status: 200 | 409 | 422 = 200) {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const ballots = await ballotsOf(db, p.id, p.anonymous);
  const mine = ballots.find((b) => b.memberId === member.id);
  const policy = proposalPolicy(member, p, !!mine, clock());
  const result = p.status === 'closed' ? p.result : policy.seeResults ? await currentResult(db, p) : null;
  const state = form ?? emptyForm(mine ? ballotValues(mine.choice, mine.reason) : {});
  const t = c.get('t');
  return page(
    c,
    proposalTitle(t, c.get('deps').registry, p, c.get('lang')),
    (v) =>
      views.ProposalPage({ v, p, policy, mine, ballots, result, form: state, voted: c.req.query('voted') === '1' }),
    { status },
  );
}

decisionRoutes.get('/decisions/:id', async (c) => {
  requireMember(c);
  return proposalPage(c, await loadProposal(c, c.req.param('id')));
});

decisionRoutes.post('/decisions/:id/vote', async (c) => {
  const member = requireMember(c);
  const p = await loadProposal(c, c.req.param('id'));
  const { db, clock } = c.get('deps');
  const values = await readForm(c);
  const now = clock();
  if (p.status !== 'open' || p.closesAt <= now)
    return proposalPage(c, p, { values, errors: { _form: 'error.votingClosed' } }, 409);
  authorize(can.vote(member, p, now), member);
  const parsed = parseBallot(p.process, p.options, p.rules, values);
  if (!parsed.ok) return proposalPage(c, p, { values, errors: parsed.errors }, 422);
  await castBallot(db, p, member.id, parsed.choice, parsed.reason, now);
  return c.redirect(`/decisions/${p.id}?voted=1`, 303);
});

decisionRoutes.post('/decisions/:id/anonymous', async (c) => {
  const member = requireMember(c);
  const p = await loadProposal(c, c.req.param('id'));
  authorize(can.makeAnonymous(member, p), member);
  await makeAnonymous(c.get('deps').db, p);
  return c.redirect(`/decisions/${p.id}`, 303);
});
