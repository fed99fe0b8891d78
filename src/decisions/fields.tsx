/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The part every form that proposes an action has: which binding process decides it, and when it closes.
import type { ViewCtx } from '../web/layout.tsx';
import { RadioGroup, SelectField, type FormState } from '../web/parts.tsx';
import { duration } from '../web/agreement.ts';
import { CLOSES_IN_HOURS, DECISION_PROCESSES } from './schema.ts';
import { processHint, processName } from './text.ts';

export function DecisionFields({ v, form }: { v: ViewCtx; form: FormState }) {
  const { t } = v;
  return (
    <>
      <RadioGroup
        t={t}
        form={form}
        name="process"
        label="proposal.process"
        required
        options={DECISION_PROCESSES.map((p) => ({ value: p, label: `${processName(t, p)} — ${processHint(t, p)}` }))}
      />
      <SelectField
        t={t}
        form={form}
        name="closes_in"
        label="proposal.closesIn"
        required
        options={CLOSES_IN_HOURS.map((h) => ({
          value: String(h),
          label: h < 48 ? duration(v.lang, 'hour', h) : duration(v.lang, 'day', h / 24),
        }))}
      />
    </>
  );
}
