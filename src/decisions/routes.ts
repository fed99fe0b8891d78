// Routes for decisions: list, open a proposal, vote (and change a vote), make ballots anonymous.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { page } from '../web/render.tsx';
import { emptyForm, type FormState } from '../web/parts.tsx';
import { readForm } from '../web/forms.ts';
import { AppError, errors, fromDatabaseError } from '../web/errors.ts';
import { authorize, isUuid, requireMember } from '../web/edges.ts';
import { agreementText } from '../web/agreement.ts';
import { agreementsInForce } from '../agreements/index.ts';
import { ballotsOf, commentsOf, inCircle, proposalById, proposalList, type ProposalView } from './queries.ts';
import {
  addComment,
  castBallot,
  closeIfEveryoneVoted,
  currentResult,
  EXTEND_BY_HOURS,
  extendProposal,
  extensionFits,
  makeAnonymous,
  openProposal,
  proposalProblems,
  writeStatement,
} from './commands.ts';
import { can, canTalk, proposalPolicy } from './policy.ts';
import { ballotValues, parseBallot, parseProposal, parseText, PROPOSAL_DEFAULTS } from './schema.ts';
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
    values.agreement_value = agreementText(def, current ? current.value : def.start, c.get('t'));
  }
  return newForm(c, emptyForm(values));
});

decisionRoutes.post('/decisions', async (c) => {
  const member = requireMember(c);
  const values = await readForm(c);
  const { db, clock, registry } = c.get('deps');
  const parsed = parseProposal(values, registry, c.get('t'));
  if (!parsed.ok) return newForm(c, { values, errors: parsed.errors }, 422);
  const problems = await proposalProblems(db, registry, parsed.input);
  if (problems) return newForm(c, { values, errors: problems }, 422);
  const id = await openProposal(db, member.id, parsed.input, clock());
  return c.redirect(`/decisions/${id}`, 303);
});

/** The forms beside the ballot on a proposal's page, each kept as typed when it comes back with a message. */
export type TalkForms = { comment?: FormState; statement?: FormState; extend?: FormState };

async function proposalPage(
  c: C,
  p: ProposalView,
  form?: FormState,
  status: 200 | 403 | 409 | 422 | 429 = 200,
  talk: TalkForms = {},
) {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const now = clock();
  const [ballots, comments] = await Promise.all([ballotsOf(db, p.id, p.anonymous), commentsOf(db, p.id)]);
  const mine = ballots.find((b) => b.memberId === member.id);
  const policy = proposalPolicy(member, p, !!mine, now);
  const result = p.status === 'closed' ? p.result : policy.seeResults ? await currentResult(db, p, now) : null;
  const state = form ?? emptyForm(mine ? ballotValues(mine.choice, mine.reason) : {});
  const t = c.get('t');
  const done = c.req.query('done');
  return page(
    c,
    proposalTitle(t, c.get('deps').registry, p, c.get('lang')),
    (v) =>
      views.ProposalPage({
        v,
        p,
        policy,
        mine,
        ballots,
        result,
        form: state,
        voted: c.req.query('voted') === '1',
        talk: {
          comments,
          done: done === 'comment' || done === 'statement' || done === 'extended' ? done : undefined,
          comment: canTalk.comment(member, p) ? (talk.comment ?? emptyForm()) : null,
          kept: canTalk.comment(member, p) ? undefined : talk.comment,
          statement: canTalk.writeStatement(member, p) ? (talk.statement ?? emptyForm()) : null,
          extend: canTalk.extend(member, p, now)
            ? { form: talk.extend ?? emptyForm(), hours: EXTEND_BY_HOURS.filter((h) => extensionFits(p, h)) }
            : null,
        },
      }),
    { status },
  );
}

/**
 * Runs a write from the talk around a proposal; what the database refuses (the daily limit, a pause, a closed vote)
 * comes back as a message above the form, with what the member typed still in it.
 */
async function orAgain(
  c: C,
  p: ProposalView,
  which: keyof TalkForms,
  values: Record<string, string>,
  write: () => Promise<unknown>,
) {
  try {
    await write();
    return null;
  } catch (e) {
    const known = e instanceof AppError ? e : fromDatabaseError(e);
    if (!known || ![403, 409, 410, 429].includes(known.status)) throw e;
    const status = known.status === 410 ? 409 : (known.status as 403 | 409 | 429);
    return proposalPage(c, p, undefined, status, { [which]: { values, errors: { _form: known.messageKey } } });
  }
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
  await closeIfEveryoneVoted(db, c.get('deps').registry, p.id, now);
  return c.redirect(`/decisions/${p.id}?voted=1`, 303);
});

decisionRoutes.post('/decisions/:id/anonymous', async (c) => {
  const member = requireMember(c);
  const p = await loadProposal(c, c.req.param('id'));
  authorize(can.makeAnonymous(member, p), member);
  await makeAnonymous(c.get('deps').db, p);
  return c.redirect(`/decisions/${p.id}`, 303);
});

decisionRoutes.post('/decisions/:id/comments', async (c) => {
  const member = requireMember(c);
  const p = await loadProposal(c, c.req.param('id'));
  const values = await readForm(c);
  const { db, clock } = c.get('deps');
  if (!canTalk.comment(member, p))
    return proposalPage(c, p, undefined, 409, { comment: { values, errors: { _form: 'talk.closed' } } });
  const parsed = parseText(values, 'comment');
  if (!parsed.ok) return proposalPage(c, p, undefined, 422, { comment: { values, errors: parsed.errors } });
  const refused = await orAgain(c, p, 'comment', values, () => addComment(db, p, member.id, parsed.text, clock()));
  return refused ?? c.redirect(`/decisions/${p.id}?done=comment#discussion`, 303);
});

decisionRoutes.post('/decisions/:id/statement', async (c) => {
  const member = requireMember(c);
  const p = await loadProposal(c, c.req.param('id'));
  const values = await readForm(c);
  // Written meanwhile (another tab, another member): said so, with this text shown back, not refused bare.
  if (p.statement && canTalk.writeStatement(member, { ...p, statement: null }))
    return proposalPage(c, { ...p, statement: null }, undefined, 409, {
      statement: { values, errors: { _form: 'error.statementWritten' } },
    });
  authorize(canTalk.writeStatement(member, p), member);
  const parsed = parseText(values, 'statement');
  if (!parsed.ok) return proposalPage(c, p, undefined, 422, { statement: { values, errors: parsed.errors } });
  const { db, clock } = c.get('deps');
  const refused = await orAgain(c, p, 'statement', values, () =>
    writeStatement(db, p, member.id, parsed.text, clock()),
  );
  return refused ?? c.redirect(`/decisions/${p.id}?done=statement#decided`, 303);
});

decisionRoutes.post('/decisions/:id/extend', async (c) => {
  const member = requireMember(c);
  const p = await loadProposal(c, c.req.param('id'));
  const { db, clock } = c.get('deps');
  const now = clock();
  const values = await readForm(c);
  if (p.openedBy !== member.id) authorize(false, member);
  if (!canTalk.extend(member, p, now))
    return proposalPage(c, p, { values: {}, errors: { _form: 'error.votingClosed' } }, 409);
  const hours = Number(values.hours);
  if (!(EXTEND_BY_HOURS as readonly number[]).includes(hours) || !extensionFits(p, hours))
    return proposalPage(c, p, undefined, 422, { extend: { values, errors: { hours: 'error.extendBy' } } });
  const refused = await orAgain(c, p, 'extend', values, () => extendProposal(db, p, hours, now));
  return refused ?? c.redirect(`/decisions/${p.id}?done=extended`, 303);
});
