// A database with a network, a treasurer and a fund, made through the real commands, for tests that drive the
// fund without pages (concurrency, crashes). Times are in the past so a server started later sees the role held.
import { registry } from '../../src/domains.ts';
import crypto from 'node:crypto';
import type { Db } from '../../src/db/connect.ts';
import type { Keys } from '../../src/security/crypto.ts';
import { setFoundingToken } from '../../src/agreements/queries.ts';
import { foundNetwork } from '../../src/agreements/commands.ts';
import { hashToken, newToken } from '../../src/security/tokens.ts';
import { createMember } from '../../src/members/commands.ts';
import { closeProposal, openProposal, castBallot } from '../../src/decisions/commands.ts';
import { proposalById } from '../../src/decisions/queries.ts';
import { standardRules } from '../../src/decisions/tally.ts';
import type { Action } from '../../src/decisions/queries.ts';
import type { FundRules } from '../../src/fund/rules.ts';

const rules = standardRules('consent');

/** Opens a consent proposal an hour and a half ago and closes it half an hour ago, with the founder consenting. */
export async function passNow(
  db: Db,
  founder: string,
  kind: 'role' | 'fund' | 'agreement',
  action: Action,
): Promise<string> {
  const opened = new Date(Date.now() - 90 * 60_000);
  const id = await openProposal(
    db,
    null,
    { kind, title: kind, body: '', process: 'consent', options: [], closesInHours: 1, rules, anonymous: false, action },
    opened,
  );
  await castBallot(db, (await proposalById(db, id))!, founder, { pick: 'consent' }, null, opened);
  await db.transaction().execute((tx) => closeProposal(tx, registry, id, new Date(Date.now() - 30 * 60_000)));
  return id;
}

export async function fundWorld(db: Db, keys: Keys, fundRules?: FundRules) {
  const token = newToken();
  await setFoundingToken(db, hashToken(token));
  const founded = await foundNetwork(
    db,
    registry,
    keys,
    token,
    {
      networkName: 'Crash Test Aid',
      areas: ['North'],
      languages: ['en'],
      founder: { displayName: 'Founder', language: 'en' },
    },
    new Date(Date.now() - 2 * 3_600_000),
  );
  const founder = founded.memberId;
  await passNow(db, founder, 'role', {
    type: 'fill_role',
    role: 'treasurer',
    member_id: founder,
    member_name: 'Founder',
    days: 30,
  });
  const pot = (await db.selectFrom('fund_accounts').select('id').where('kind', '=', 'pot').executeTakeFirstOrThrow())
    .id;
  let fund = pot;
  if (fundRules) {
    await passNow(db, founder, 'fund', { type: 'create_fund', name: 'Emergency', currency: 'USD', rules: fundRules });
    fund = (await db.selectFrom('fund_accounts').select('id').where('name', '=', 'Emergency').executeTakeFirstOrThrow())
      .id;
  }
  const members: string[] = [];
  const addMember = async () => {
    const id = await createMember(db, keys, {
      displayName: `M${members.length}-${crypto.randomBytes(2).toString('hex')}`,
      language: 'en',
    });
    members.push(id);
    return id;
  };
  /** The daily limits raised by decision, for tests that act hundreds of times as one member. */
  const raiseDailyLimits = async (to = 1000) => {
    for (const key of registry.agreements.filter((a) => a.daily).map((a) => a.key))
      await passNow(db, founder, 'agreement', { type: 'set_agreement', key, value: to });
  };
  return { founder, session: founded.session, pot, fund, members, addMember, raiseDailyLimits };
}
