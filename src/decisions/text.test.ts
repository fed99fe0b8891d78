import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../web/domain.ts';
import { domains } from '../domains.ts';
import { PICKS, PROCESSES, SLOT_ANSWERS } from './tally.ts';
import { REASONS } from '../safety/schema.ts';

const registry = buildRegistry(domains);
const en = registry.catalogs.en;

// Keys built from data (process names, answers, outcomes, rules, log acts) are not checked by the type checker.
describe('decision and safety words exist for every value', () => {
  it('has every built key in the reference catalog', () => {
    const keys = [
      ...PROCESSES.flatMap((p) => [`process.${p}`, `process.${p}.hint`]),
      ...[...Object.values(PICKS).flat(), ...SLOT_ANSWERS].map((a) => `answer.${a}`),
      ...['passed', 'failed', 'no_quorum', 'chosen', 'tie', 'advised', 'no_votes'].map((o) => `outcome.${o}`),
      ...['gt', 'gte', 'lt', 'lte'].map((o) => `rule.${o}`),
      ...['alone', 'together', 'earlier_round'].map((h) => `result.eliminated.${h}`),
      ...['ranked', 'dot', 'score', 'time_poll'].map((p) => `decided.chosen.${p}`),
      ...['always', 'after_vote', 'after_close'].map((r) => `proposal.results.${r}`),
      ...REASONS.map((r) => `safety.reason.${r}`),
      ...[
        'flag_post',
        'flag_message',
        'flag_member',
        'post_hidden',
        'post_restored',
        'post_removed',
        'pause_asked',
        'pause_started',
        'removal_opened',
        'member_removed',
        'member_stays',
        'removal_seconded',
        'removal_asked',
      ].map((a) => `safety.act.${a}`),
      ...registry.agreements.map((a) => `agreement.${a.key}`),
    ];
    expect(keys.filter((k) => !Object.hasOwn(en, k))).toEqual([]);
  });
});
