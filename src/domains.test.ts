// What the domain list holds, checked without a database.
import { describe, expect, it } from 'vitest';
import { domains } from './domains.ts';
import type { ProposalKind } from './db/types.ts';

/** Proposal kinds: a DecisionAction that handles one acts on a proposal about a subject (a removal), with no payload. */
const KINDS: readonly ProposalKind[] = [
  'general',
  'agreement',
  'remove_member',
  'remove_post',
  'fund',
  'fund_request',
  'role',
  'circle',
  'listening',
];

describe('the domains', () => {
  it('check the payload of every action a proposal carries before applying it', () => {
    const actions = domains.flatMap((d) => (d.actions ?? []).map((a) => ({ domain: d.name, a })));
    expect(actions.length).toBeGreaterThan(8);
    const unchecked = actions
      .filter(({ a }) => !(KINDS as readonly string[]).includes(a.handles) && !a.payload)
      .map(({ domain, a }) => `${domain}: ${a.handles}`);
    expect(unchecked).toEqual([]);
  });
});
