// Routes for the fund's pages: the overview, asking, giving and pledging, recording and confirming what moved,
// money expected back, the ledger, statement and CSV, and fund proposals. The JSON API is in api.ts.
import { STANDING_WHY } from './rules.ts';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { currencyOf } from './agreements.ts';
import { page } from '../web/render.tsx';
import { emptyForm, type FormState } from '../web/parts.tsx';
import { monthsUpTo, readForm, type FormValues, checkForm } from '../web/forms.ts';
import { errors } from '../web/errors.ts';
import type { MessageKey } from '../web/i18n/index.ts';
import { authorize, idParam, isUuid, requireMember, uuid } from '../web/edges.ts';
import { decrypt } from '../security/crypto.ts';
import { holders, holdsRole } from '../roles/index.ts';
import {
  ask,
  closePartly,
  confirmRecord,
  proposeFund,
  markReceived,
  proposeWriteOff,
  record,
  withdrawRecord,
  withdrawRequest,
  type RecordInput,
} from './commands.ts';
import {
  allLedgerEntries,
  checkLedger,
  expectedReturns,
  fundById,
  fundsOverview,
  ledgerEntries,
  monthlyFlows,
  openRequests,
  recordById,
  requestById,
  requestsOf,
  statementFigures,
  waitingRecords,
  type FundView,
} from './queries.ts';
import { endPledge, pledgesOf, setPledge } from './pledges.ts';
import { can, recordPolicy, requestPolicy } from './policy.ts';
import {
  askSchema,
  returnSchema,
  giveSchema,
  memoSchema,
  moveSchema,
  newFundForm,
  pledgeSchema,
  FUND_PROPOSAL_DEFAULTS,
  fundRulesForm,
  rulesOf,
} from './schema.ts';
import { newIdempotencyKey } from './idempotency.ts';
import { moneyText } from '../web/money.ts';
import * as views from './views.tsx';
import * as pages from './pages.tsx';
import { ledgerCsv, LedgerPage, StatementPage } from './report.tsx';
import { fundName } from './text.ts';

export const fundRoutes = new Hono<AppEnv>();

type C = Context<AppEnv>;

const deps = (c: C) => c.get('deps');
const withKey = (values: FormValues): FormValues => ({ ...values, key: values.key || newIdempotencyKey() });
const isTreasurer = (c: C, memberId: string) => holdsRole(deps(c).db, memberId, 'treasurer', deps(c).clock());
const FLOW_MONTHS = 12;

fundRoutes.get('/fund', async (c) => {
  const member = requireMember(c);
  const { db, clock } = deps(c);
  const now = clock();
  const currency = currencyOf(c);
  const months = monthsUpTo(now, FLOW_MONTHS);
  const [funds, check, flows, records, open, mine, pledges, treasurers, entries, expected] = await Promise.all([
    fundsOverview(db, currency),
    checkLedger(db),
    monthlyFlows(db, currency, new Date(`${months[0]}-01T00:00:00Z`)),
    waitingRecords(db),
    openRequests(db),
    requestsOf(db, member.id, 10),
    pledgesOf(db, member.id),
    holders(db, 'treasurer', now),
    ledgerEntries(db, { limit: 20 }),
    expectedReturns(db),
  ]);
  const treasurer = treasurers.some((h) => h.memberId === member.id);
  return page(c, c.get('t')('fund.title'), (v) =>
    views.FundPage({
      v,
      currency,
      funds,
      check,
      flows,
      months,
      pledges,
      treasurers,
      treasurer,
      entries,
      expected,
      returnKey: newIdempotencyKey(),
      records: records.map((r) => ({ ...r, policy: recordPolicy(member, r, treasurer) })),
      open: open.map((r) => ({ ...r, showName: can.seeName(member, r, treasurer) })),
      mine: mine.map((r) => ({ ...r, showName: true })),
    }),
  );
});

// Asking ------------------------------------------------------------------------------------------------------------

async function askForm(c: C, form: FormState, status: 200 | 422 = 200) {
  const funds = await fundsOverview(deps(c).db, currencyOf(c));
  return page(c, c.get('t')('fund.ask'), (v) => pages.AskPage({ v, form, funds, currency: currencyOf(c) }), { status });
}

fundRoutes.get('/fund/ask', async (c) => {
  requireMember(c);
  const fund = c.req.query('fund');
  return askForm(c, emptyForm(withKey({ fund: fund && uuid.safeParse(fund).success ? fund : '' })));
});

fundRoutes.post('/fund/ask', async (c) => {
  const member = requireMember(c);
  const values = withKey(await readForm(c));
  const parsed = checkForm(askSchema(currencyOf(c)), values);
  if (!parsed.ok) return askForm(c, parsed.form, 422);
  const { db, keys, clock } = deps(c);
  const f = parsed.data;
  const done = await ask(
    db,
    keys,
    { id: member.id, name: member.displayName },
    { fundId: f.fund, amount: f.amount, note: f.note, named: f.named },
    currencyOf(c),
    values.key!,
    clock(),
  );
  return c.redirect(`/fund/requests/${done.result}?asked=1${done.why ? `&why=${done.why}` : ''}`, 303);
});

async function loadRequest(c: C) {
  const id = idParam(c);
  const r = await requestById(deps(c).db, id);
  if (!r) throw errors.notFound();
  return r;
}

fundRoutes.get('/fund/requests/:id', async (c) => {
  const member = requireMember(c);
  const r = await loadRequest(c);
  const treasurer = await isTreasurer(c, member.id);
  const policy = requestPolicy(member, r, treasurer);
  const note = policy.seeNote && r.noteEnc ? decrypt(deps(c).keys, 'fund_request_note', r.noteEnc) : null;
  const why = STANDING_WHY.find((w) => w === c.req.query('why'));
  const notice: MessageKey | undefined = c.req.query('asked')
    ? r.status === 'proposed'
      ? why
        ? (`fund.askedProposed.${why}` as const)
        : 'fund.askedProposed'
      : 'fund.askedApproved'
    : c.req.query('paid')
      ? 'fund.paidNotice'
      : undefined;
  return page(
    c,
    c.get('t')('fund.requestTitle', {
      amount: moneyText(r.amount, r.currency),
      fund: fundName(c.get('t'), r.fundName),
    }),
    (v) => pages.RequestPage({ v, r, policy, note, payKey: newIdempotencyKey(), notice }),
  );
});

fundRoutes.post('/fund/requests/:id/pay', async (c) => {
  const member = requireMember(c);
  const r = await loadRequest(c);
  const values = await readForm(c);
  authorize(requestPolicy(member, r, await isTreasurer(c, member.id)).pay, member);
  const { db, clock } = deps(c);
  const done = await record(db, member, { kind: 'payout', requestId: r.id }, r.currency, values.key ?? '', clock());
  return c.redirect(done.entered ? `/fund/requests/${r.id}?paid=1` : `/fund/records/${done.result}`, 303);
});

fundRoutes.post('/fund/requests/:id/received', async (c) => {
  const member = requireMember(c);
  const r = await loadRequest(c);
  authorize(requestPolicy(member, r, false).markReceived, member);
  await markReceived(deps(c).db, member, r.id, deps(c).clock());
  return c.redirect(`/fund/requests/${r.id}`, 303);
});

fundRoutes.post('/fund/requests/:id/withdraw', async (c) => {
  const member = requireMember(c);
  const r = await loadRequest(c);
  authorize(requestPolicy(member, r, false).withdraw, member);
  await withdrawRequest(deps(c).db, member, r.id, deps(c).clock());
  return c.redirect(`/fund/requests/${r.id}`, 303);
});

// Giving and pledging -----------------------------------------------------------------------------------------------

async function giveForm(c: C, form: FormState, pledgeForm: FormState, status: 200 | 422 = 200) {
  const member = requireMember(c);
  const [funds, pledges] = await Promise.all([
    fundsOverview(deps(c).db, currencyOf(c)),
    pledgesOf(deps(c).db, member.id),
  ]);
  return page(
    c,
    c.get('t')('fund.give'),
    (v) => pages.GivePage({ v, form, pledgeForm, funds, pledges, currency: currencyOf(c) }),
    { status },
  );
}

fundRoutes.get('/fund/give', (c) => giveForm(c, emptyForm(withKey({})), emptyForm()));

fundRoutes.post('/fund/give', async (c) => {
  const member = requireMember(c);
  const values = withKey(await readForm(c));
  const parsed = checkForm(giveSchema(currencyOf(c)), values);
  if (!parsed.ok) return giveForm(c, parsed.form, emptyForm(), 422);
  const f = parsed.data;
  const done = await record(
    deps(c).db,
    member,
    { kind: 'contribution', fundId: f.fund, amount: f.amount, named: f.named },
    currencyOf(c),
    values.key!,
    deps(c).clock(),
  );
  return c.redirect(`/fund/records/${done.result}`, 303);
});

fundRoutes.post('/fund/pledge', async (c) => {
  const member = requireMember(c);
  const values = await readForm(c);
  const parsed = checkForm(pledgeSchema(currencyOf(c)), values);
  if (!parsed.ok) return giveForm(c, emptyForm(withKey({})), parsed.form, 422);
  await setPledge(deps(c).db, member.id, parsed.data.fund, parsed.data.amount, currencyOf(c), deps(c).clock());
  return c.redirect('/fund/give', 303);
});

fundRoutes.post('/fund/pledges/:id/end', async (c) => {
  const member = requireMember(c);
  const id = idParam(c);
  await endPledge(deps(c).db, member.id, id, deps(c).clock());
  return c.redirect('/fund/give', 303);
});

// Treasurers record what moved; a second member confirms ------------------------------------------------------------

async function moveForm(c: C, form: FormState, status: 200 | 422 = 200) {
  const funds = await fundsOverview(deps(c).db, currencyOf(c));
  return page(c, c.get('t')('fund.move'), (v) => pages.MovePage({ v, form, funds, currency: currencyOf(c) }), {
    status,
  });
}

fundRoutes.get('/fund/move', async (c) => {
  const member = requireMember(c);
  authorize(await isTreasurer(c, member.id), member);
  return moveForm(c, emptyForm(withKey({ kind: 'gift' })));
});

fundRoutes.post('/fund/move', async (c) => {
  const member = requireMember(c);
  authorize(await isTreasurer(c, member.id), member);
  const values = withKey(await readForm(c));
  const parsed = checkForm(moveSchema(currencyOf(c)), values);
  if (!parsed.ok) return moveForm(c, parsed.form, 422);
  const f = parsed.data;
  const input: RecordInput =
    f.kind === 'gift'
      ? { kind: 'gift', fundId: f.fund, amount: f.amount, memo: f.memo }
      : { kind: 'transfer', fundId: f.fund, toFundId: f.to_fund!, amount: f.amount, memo: f.memo };
  const done = await record(deps(c).db, member, input, currencyOf(c), values.key!, deps(c).clock());
  return c.redirect(done.entered ? '/fund' : `/fund/records/${done.result}`, 303);
});

fundRoutes.post('/fund/entries/:id/reverse', async (c) => {
  const member = requireMember(c);
  authorize(await isTreasurer(c, member.id), member);
  const id = Number(c.req.param('id'));
  if (!Number.isSafeInteger(id) || id <= 0) throw errors.notFound();
  const values = withKey(await readForm(c));
  const parsed = memoSchema.safeParse(values);
  if (!parsed.success) throw errors.badRequest('invalid_input', 'error.textTooLong');
  const done = await record(
    deps(c).db,
    member,
    { kind: 'reversal', entryId: id, memo: parsed.data.memo },
    currencyOf(c),
    values.key!,
    deps(c).clock(),
  );
  return c.redirect(`/fund/records/${done.result}`, 303);
});

async function loadRecord(c: C) {
  const id = idParam(c);
  const r = await recordById(deps(c).db, id);
  if (!r) throw errors.notFound();
  return r;
}

fundRoutes.get('/fund/records/:id', async (c) => {
  const member = requireMember(c);
  const r = await loadRecord(c);
  const treasurer = await isTreasurer(c, member.id);
  const policy = recordPolicy(member, r, treasurer);
  return page(c, c.get('t')('fund.recordTitle'), (v) =>
    pages.RecordPage({ v, r, policy, confirmKey: newIdempotencyKey() }),
  );
});

fundRoutes.post('/fund/records/:id/confirm', async (c) => {
  const member = requireMember(c);
  const r = await loadRecord(c);
  const values = await readForm(c);
  await confirmRecord(deps(c).db, member, r.id, values.key ?? '', deps(c).clock());
  return c.redirect(`/fund/records/${r.id}`, 303);
});

fundRoutes.post('/fund/records/:id/withdraw', async (c) => {
  const member = requireMember(c);
  const r = await loadRecord(c);
  await withdrawRecord(deps(c).db, member, r.id, deps(c).clock());
  return c.redirect(`/fund/records/${r.id}`, 303);
});

// Revolving funds: money expected back -----------------------------------------------------------------------------

const expectedId = (c: C) => {
  const id = idParam(c);
  return id;
};

fundRoutes.post('/fund/expected/:id/return', async (c) => {
  const member = requireMember(c);
  authorize(await isTreasurer(c, member.id), member);
  const id = expectedId(c);
  const values = await readForm(c);
  const parsed = returnSchema(currencyOf(c)).safeParse(values);
  if (!parsed.success) throw errors.badRequest('invalid_input', 'error.amount');
  await record(
    deps(c).db,
    member,
    { kind: 'return', expectedId: id, amount: parsed.data.amount, memo: parsed.data.memo },
    currencyOf(c),
    values.key ?? '',
    deps(c).clock(),
  );
  return c.redirect('/fund#expected', 303);
});

fundRoutes.post('/fund/expected/:id/partly', async (c) => {
  const member = requireMember(c);
  await closePartly(deps(c).db, member, expectedId(c), deps(c).clock());
  return c.redirect('/fund#expected', 303);
});

fundRoutes.post('/fund/expected/:id/write-off', async (c) => {
  const member = requireMember(c);
  const proposalId = await proposeWriteOff(deps(c).db, member, expectedId(c), deps(c).clock());
  return c.redirect(`/decisions/${proposalId}`, 303);
});

// The ledger, the statement and the export ------------------------------------------------------------------------

const PAGE = 100;

fundRoutes.get('/fund/ledger', async (c) => {
  const member = requireMember(c);
  const before = Number(c.req.query('before'));
  const entries = await ledgerEntries(deps(c).db, {
    limit: PAGE,
    beforeId: Number.isSafeInteger(before) && before > 0 ? before : undefined,
  });
  const [treasurer, check] = await Promise.all([isTreasurer(c, member.id), checkLedger(deps(c).db)]);
  const nextBefore = entries.length === PAGE ? entries[entries.length - 1]!.id : null;
  const circles = check.circleEntries + check.hoursEntries > 0;
  return page(c, c.get('t')('fund.ledger'), (v) => LedgerPage({ v, entries, nextBefore, treasurer, circles }));
});

fundRoutes.get('/fund/ledger.csv', async (c) => {
  requireMember(c);
  const all = await allLedgerEntries(deps(c).db);
  c.header('content-type', 'text/csv; charset=utf-8');
  c.header('content-disposition', 'attachment; filename="ledger.csv"');
  return c.body(ledgerCsv(c.get('t'), { t: c.get('t'), lang: c.get('lang') }, all));
});

fundRoutes.get('/fund/statement', async (c) => {
  requireMember(c);
  const now = deps(c).clock();
  const months = monthsUpTo(now, 24).reverse();
  const asked = c.req.query('month') ?? '';
  const month = months.includes(asked) ? asked : months[0]!;
  const from = new Date(`${month}-01T00:00:00Z`);
  const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
  const currency = currencyOf(c);
  const [lines, entries] = await Promise.all([
    statementFigures(deps(c).db, currency, from, to),
    ledgerEntries(deps(c).db, { from, to, limit: 1000 }),
  ]);
  const network = c.get('network')?.networkName ?? '';
  return page(c, c.get('t')('fund.statementTitle', { network, month }), (v) =>
    StatementPage({ v, month, months, lines, entries, currency, network }),
  );
});

// Proposals that make a fund or change its rules --------------------------------------------------------------------

async function proposalForm(c: C, fund: FundView | null, form: FormState, status: 200 | 422 = 200) {
  const t = c.get('t');
  return page(
    c,
    fund ? t('fund.proposeRulesTitle', { name: fundName(t, fund.name) }) : t('fund.proposeFund'),
    (v) => pages.FundProposalPage({ v, form, fund, currency: currencyOf(c) }),
    { status },
  );
}

async function fundFromQuery(c: C): Promise<FundView | null> {
  const id = c.req.query('fund');
  if (!id) return null;
  if (!isUuid(id)) throw errors.notFound();
  const fund = await fundById(deps(c).db, id, currencyOf(c));
  if (!fund) throw errors.notFound();
  return fund;
}

fundRoutes.get('/fund/propose', async (c) => {
  requireMember(c);
  const fund = await fundFromQuery(c);
  const cur = currencyOf(c);
  const r = fund?.rules;
  const values = r
    ? {
        ...FUND_PROPOSAL_DEFAULTS,
        limit: moneyText(r.limit, cur),
        days: String(r.days),
        keep: moneyText(r.keep, cur),
        second_above: moneyText(r.second_above, cur),
        floor: moneyText(r.floor, cur),
        revolving: r.revolving ? 'on' : '',
      }
    : FUND_PROPOSAL_DEFAULTS;
  return proposalForm(c, fund, emptyForm(values));
});

fundRoutes.post('/fund/propose', async (c) => {
  const member = requireMember(c);
  const fund = await fundFromQuery(c);
  const values = await readForm(c);
  const currency = currencyOf(c);
  const parsed = checkForm(fund ? fundRulesForm(currency) : newFundForm(currency), values);
  if (!parsed.ok) return proposalForm(c, fund, parsed.form, 422);
  const f = parsed.data;
  const id = await proposeFund(
    deps(c).db,
    member.id,
    {
      fund: fund ?? { name: 'name' in f ? String(f.name) : '' },
      rules: rulesOf(f),
      process: f.process,
      closesInHours: f.closes_in,
    },
    currency,
    deps(c).clock(),
  );
  return c.redirect(`/decisions/${id}`, 303);
});
