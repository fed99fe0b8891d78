// Root causes (issue 19, political education in the daily work): the network agrees a list of causes — housing
// costs, wages, healthcare… — a member may tag a need with (optional, one tap, never asked as a condition), and only
// monthly totals are kept (tally.ts). How we share shows them. See web/domain.ts.
import type { Domain } from '../web/domain.ts';
import { defineAgreement, itemOf, namedList } from '../web/agreement.ts';
import { labelOr } from '../web/parts.tsx';
import type { Translate } from '../web/i18n/index.ts';
import { messages } from './messages.ts';
import { tallyCauses } from './tally.ts';

declare module '../web/context.ts' {
  interface Network {
    /** The root causes a need may be tagged with, as the members agreed. */
    rootCauses: string[];
  }
}

export const DEFAULT_CAUSES = [
  'housing_costs',
  'wages',
  'healthcare',
  'food_prices',
  'debt',
  'childcare_costs',
  'transport',
  'disability_access',
  'immigration_enforcement',
  'disaster',
];

/** A root cause's words: the software's in the reader's language, the members' own as they named them. */
export const causeLabel = (t: Translate, cause: string) => labelOr(t, 'cause', cause);

const causeList = namedList(40, 'cause.');

export const causes: Domain = {
  name: 'causes',
  messages,
  tables: ['cause_tallies'],
  agreements: [
    defineAgreement({
      key: 'root_causes',
      schema: causeList.schema,
      start: DEFAULT_CAUSES,
      typed: 'lines',
      items: { label: (t, c) => (DEFAULT_CAUSES.includes(c) ? causeLabel(t, c) : c), keys: DEFAULT_CAUSES },
      show: (t, _lang, list) => list.map((c) => causeLabel(t, itemOf(c))).join(', '),
      network: (lines) => ({ rootCauses: lines.map(itemOf) }),
      words: causeList.words,
    }),
  ],
  jobs: [{ name: 'count root causes', run: (deps, now) => tallyCauses(deps.db, now) }],
};

// What other domains may use of this one (they import nothing else from this folder; src/architecture.test.ts).
export { causeTallies, noteCauses, type CauseCount } from './tally.ts';
