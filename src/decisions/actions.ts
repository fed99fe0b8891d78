// What a closed proposal does by itself. A change of agreement is this folder's own: a passed one is adopted. Every
// other action, and what a proposal about a subject (a removal) does, is declared by the domain it belongs to as a
// DecisionAction (web/domain.ts), found in the registry by the action's type or, lacking an action, by the kind.
import type { Transaction } from 'kysely';
import type { Database } from '../db/types.ts';
import type { Closing, Registry } from '../web/domain.ts';
import { defineAction } from '../web/domain.ts';
import type { ProposalView, SetAgreement } from './queries.ts';
import { adoptAgreement, agreementLabel } from '../agreements/index.ts';
import { agreementValueText } from '../web/agreement.ts';
import { z } from 'zod';

type Tx = Transaction<Database>;

export async function applyOutcome(tx: Tx, registry: Registry, p: ProposalView, now: Date): Promise<void> {
  const closing: Closing = {
    proposalId: p.id,
    kind: p.kind,
    outcome: p.outcome!,
    passed: p.outcome === 'passed',
    result: p.result,
    options: p.options,
    subjectMemberId: p.subjectMemberId,
    subjectPostId: p.subjectPostId,
    now,
    registry,
  };
  const handles = p.action?.type ?? p.kind;
  const def = registry.action(handles);
  if (def) {
    const fits = def.payload ? def.payload.safeParse(p.action) : { success: true as const };
    if (!fits.success)
      throw new Error(`The action of proposal ${p.id} does not fit "${handles}": ${fits.error.issues[0]?.message}.`);
    return def.apply(tx, closing, p.action as never);
  }
  // A proposal that carries an action nobody declares must not close as if it had done it.
  if (p.action) throw new Error(`No domain declares the decision action "${handles}".`);
}

/** A passed change of agreement is adopted, unless a domain has fixed that agreement meanwhile (agreementLocks). */
export const setAgreement = defineAction<SetAgreement>({
  handles: 'set_agreement',
  payload: z.object({ type: z.literal('set_agreement'), key: z.string().min(1), value: z.unknown() }),
  apply: async (tx, closing, a) => {
    if (!closing.passed || (await closing.registry.agreementFixed(tx, a.key)) !== null) return;
    await adoptAgreement(tx, a.key, a.value, closing.proposalId, closing.now);
  },
  explain: (t, lang, a, registry) => {
    const def = registry.agreement(a.key);
    if (!def) return null;
    return t('proposal.actionSet', {
      agreement: agreementLabel(t, a.key),
      value: agreementValueText(t, lang, def, a.value),
    });
  },
});
