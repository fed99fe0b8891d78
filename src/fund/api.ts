// The fund's small JSON API. Writes take an Idempotency-Key header: the same key again answers the first result
// (200, repeated) and the same key with another body is 409 idempotency_key_reused.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { currencyOf } from './agreements.ts';
import { readJsonInput } from '../web/forms.ts';
import { errors } from '../web/errors.ts';
import { requireMember, uuid } from '../web/edges.ts';
import { ask, confirmRecord, record, type RecordInput } from './commands.ts';
import { checkLedger, fundsOverview, recordById } from './queries.ts';
import { apiRecordSchema, askSchema } from './schema.ts';

export const fundApiRoutes = new Hono<AppEnv>();

type C = Context<AppEnv>;
const deps = (c: C) => c.get('deps');

const idempotencyKey = (c: C) => c.req.header('idempotency-key') ?? '';

fundApiRoutes.get('/api/fund', async (c) => {
  requireMember(c);
  const currency = currencyOf(c);
  const [funds, check] = await Promise.all([fundsOverview(deps(c).db, currency), checkLedger(deps(c).db)]);
  return c.json({
    currency,
    funds: funds.map((f) => ({ id: f.id, name: f.name, balance: f.balance, promised: f.promised, rules: f.rules })),
    check,
  });
});

fundApiRoutes.post('/api/fund/requests', async (c) => {
  const member = requireMember(c);
  const f = await readJsonInput(c, askSchema(currencyOf(c)));
  const { db, keys, clock } = deps(c);
  const done = await ask(
    db,
    keys,
    { id: member.id, name: member.displayName },
    { fundId: f.fund, amount: f.amount, note: f.note, named: f.named },
    currencyOf(c),
    idempotencyKey(c),
    clock(),
  );
  return c.json(
    { id: done.result, status: done.status, ...(done.why ? { why: done.why } : {}), repeated: done.repeated },
    done.repeated ? 200 : 201,
  );
});

fundApiRoutes.post('/api/fund/records', async (c) => {
  const member = requireMember(c);
  const b = await readJsonInput(c, apiRecordSchema(currencyOf(c)));
  const input: RecordInput =
    b.kind === 'contribution'
      ? { kind: b.kind, fundId: b.fund, amount: b.amount, named: b.named }
      : b.kind === 'gift'
        ? { kind: b.kind, fundId: b.fund, amount: b.amount, memo: b.memo }
        : b.kind === 'transfer'
          ? { kind: b.kind, fundId: b.fund, toFundId: b.to_fund, amount: b.amount, memo: b.memo }
          : b.kind === 'payout'
            ? { kind: b.kind, requestId: b.request }
            : { kind: b.kind, entryId: b.entry, memo: b.memo };
  const done = await record(deps(c).db, member, input, currencyOf(c), idempotencyKey(c), deps(c).clock());
  return c.json({ id: done.result, entered: done.entered, repeated: done.repeated }, done.repeated ? 200 : 201);
});

fundApiRoutes.post('/api/fund/records/:id/confirm', async (c) => {
  const member = requireMember(c);
  const id = c.req.param('id');
  if (!uuid.safeParse(id).success || !(await recordById(deps(c).db, id))) throw errors.notFound();
  const done = await confirmRecord(deps(c).db, member, id, idempotencyKey(c), deps(c).clock());
  return c.json({ id: done.result, repeated: done.repeated }, 200);
});
