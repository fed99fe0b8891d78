// What opening a proposal and casting a ballot accept. The same schema serves the form and the CLI.
import { own } from '../web/lookup.ts';
import { z } from 'zod';
import { parseAgreementText } from '../web/agreement.ts';
import type { Registry } from '../web/domain.ts';
import { isKey, type FieldErrors, type FormValues } from '../web/forms.ts';
import type { MessageKey, Translate } from '../web/i18n/index.ts';
import {
  ballotProblem,
  defaultThresholds,
  hasOptions,
  isBinding,
  isPickProcess,
  MAX_SCORE,
  PICKS,
  PROCESSES,
  SLOT_ANSWERS,
  type Choice,
  type Process,
  type Rules,
  type SlotAnswer,
} from './tally.ts';

export const CLOSES_IN_HOURS = [1, 24, 48, 72, 168, 336] as const;
export const RESULTS_SHOWN = ['always', 'after_vote', 'after_close'] as const;

/** The processes a proposal that changes something by itself may use, and the fields every such proposal form has. */
export const DECISION_PROCESSES = ['consent', 'consensus', 'majority'] as const;
export const decisionFields = {
  process: z.enum(DECISION_PROCESSES, 'error.chooseProcess'),
  closes_in: z.coerce
    .number('error.closesIn')
    .refine((h) => (CLOSES_IN_HOURS as readonly number[]).includes(h), 'error.closesIn'),
};
/** What a proposal form for a fund or a role starts with. */
export const ACTION_PROPOSAL_DEFAULTS = { process: 'consent', closes_in: '72' } as const;

/** What a new proposal starts with, on the form and from the CLI. */
export const PROPOSAL_DEFAULTS: Readonly<Record<string, string>> = {
  process: 'consent',
  closes_in: '72',
  quorum: '0',
  majority_percent: '50',
  dots: '8',
  results: 'after_vote',
  block_binds: 'on',
};

const blankIsAbsent = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const percent = (fallback: number) =>
  z.preprocess(
    blankIsAbsent,
    z.coerce
      .number('error.percent')
      .int('error.percent')
      .min(0, 'error.percent')
      .max(100, 'error.percent')
      .default(fallback),
  );

const formSchema = z.object({
  title: z.string('error.required').trim().min(3, 'error.titleRequired').max(140, 'error.titleTooLong'),
  body: z.preprocess((v) => v ?? '', z.string().trim().max(4000, 'error.bodyTooLong')),
  process: z.enum(PROCESSES, 'error.chooseProcess'),
  options: z
    .preprocess((v) => v ?? '', z.string())
    .transform((s) => [
      ...new Set(
        s
          .split(/\r?\n/)
          .map((o) => o.trim())
          .filter(Boolean),
      ),
    ]),
  closes_in: z.coerce
    .number('error.closesIn')
    .refine((h) => (CLOSES_IN_HOURS as readonly number[]).includes(h), 'error.closesIn'),
  quorum: percent(0),
  majority_percent: percent(50).refine((p) => p >= 50 && p < 100, 'error.majorityPercent'),
  block_binds: z.preprocess((v) => v === 'on' || v === 'yes' || v === true, z.boolean()),
  dots: z.preprocess(
    blankIsAbsent,
    z.coerce.number('error.dots').int('error.dots').min(1, 'error.dots').max(100, 'error.dots').default(8),
  ),
  results: z.enum(RESULTS_SHOWN, 'error.chooseOne').default('after_vote'),
  anonymous: z.preprocess((v) => v === 'on' || v === 'yes' || v === true, z.boolean()),
  agreement: z.preprocess(blankIsAbsent, z.string().max(60, 'error.chooseAgreement').optional()),
  agreement_value: z.preprocess((v) => v ?? '', z.string().max(8000, 'error.bodyTooLong')),
});

export type ProposalInput = {
  title: string;
  body: string;
  process: Process;
  options: string[];
  closesInHours: number;
  rules: Rules;
  anonymous: boolean;
  action: { type: 'set_agreement'; key: string; value: unknown } | null;
};

type Parsed = { ok: true; input: ProposalInput } | { ok: false; errors: FieldErrors };

/** Reads the proposal form; every problem is named beside its field. The registry knows the agreements there are. */
export function parseProposal(values: FormValues, registry: Registry, t?: Translate): Parsed {
  const parsed = formSchema.safeParse(values);
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '_form');
      errors[field] ??= (issue.message.startsWith('error.') ? issue.message : 'error.invalid') as MessageKey;
    }
    return { ok: false, errors };
  }
  const f = parsed.data;
  if (hasOptions(f.process)) {
    if (f.options.length < 2) errors.options = 'error.optionsTooFew';
    else if (f.options.length > 20) errors.options = 'error.optionsTooMany';
    else if (f.options.some((o) => o.length > 200)) errors.options = 'error.itemTooLong';
  }
  let action: ProposalInput['action'] = null;
  const def = f.agreement ? registry.agreement(f.agreement) : undefined;
  if (f.agreement && !def) errors.agreement = 'error.chooseAgreement';
  else if (f.agreement && def) {
    const key = f.agreement;
    if (!isBinding(f.process)) errors.agreement = 'error.actionNeedsBinding';
    const value = parseAgreementText(def, f.agreement_value, t);
    if (!value.success) {
      const message = value.error.issues[0]?.message ?? '';
      errors.agreement_value = isKey(message) ? message : 'error.invalid';
    } else action = { type: 'set_agreement', key, value: value.data };
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const thresholds =
    f.process === 'consensus'
      ? defaultThresholds('consensus').filter((t) => f.block_binds || t.option !== 'block')
      : defaultThresholds(f.process, f.majority_percent);
  return {
    ok: true,
    input: {
      title: f.title,
      body: f.body,
      process: f.process,
      options: hasOptions(f.process) ? f.options : [],
      closesInHours: f.closes_in,
      rules: { quorumPercent: f.quorum, thresholds, results: f.results, dots: f.dots },
      anonymous: f.anonymous,
      action,
    },
  };
}

/** Answers whose ballots must say why (an objection, a block). */
export const NEEDS_REASON = new Set(['objection', 'block']);

type BallotParsed = { ok: true; choice: Choice; reason: string | null } | { ok: false; errors: FieldErrors };

/** Reads a ballot form for a process: pick, rank_N, dots_N, score_N or slot_N fields, and an optional reason. */
export function parseBallot(process: Process, options: string[], rules: Rules, values: FormValues): BallotParsed {
  const reason = (values.reason ?? '').trim();
  if (reason.length > 1000) return { ok: false, errors: { reason: 'error.reasonTooLong' } };
  const field = (i: number, prefix: string) => (values[`${prefix}_${i}`] ?? '').trim();
  let choice: Choice;
  if (isPickProcess(process)) {
    choice = { pick: values.pick ?? '' };
    if (!(PICKS[process] as readonly string[]).includes(choice.pick))
      return { ok: false, errors: { pick: 'error.chooseOne' } };
    if (NEEDS_REASON.has(choice.pick) && !reason) return { ok: false, errors: { reason: 'error.reasonNeeded' } };
  } else if (process === 'ranked') {
    const ranks = options.map((_, i) => field(i, 'rank'));
    if (ranks.some((r) => r !== '' && !/^\d{1,2}$/.test(r)))
      return { ok: false, errors: { ranking: 'error.rankEachOnce' } };
    const ranked = ranks
      .map((r, i) => ({ r: Number(r), i }))
      .filter((x, i) => ranks[i] !== '')
      .sort((a, b) => a.r - b.r);
    if (new Set(ranked.map((x) => x.r)).size !== ranked.length)
      return { ok: false, errors: { ranking: 'error.rankEachOnce' } };
    choice = { ranking: ranked.map((x) => x.i) };
  } else if (process === 'dot') {
    const dots = options.map((_, i) =>
      field(i, 'dots') === '' ? 0 : /^\d{1,3}$/.test(field(i, 'dots')) ? Number(field(i, 'dots')) : -1,
    );
    choice = { dots };
  } else if (process === 'score') {
    choice = { scores: options.map((_, i) => (/^\d$/.test(field(i, 'score')) ? Number(field(i, 'score')) : -1)) };
  } else {
    choice = { slots: options.map((_, i) => field(i, 'slot') as SlotAnswer) };
  }
  const problem = ballotProblem(process, options, rules, choice);
  if (problem)
    return { ok: false, errors: { [BALLOT_FIELD[process]]: own(PROBLEM_MESSAGE, problem) ?? 'error.invalid' } };
  return { ok: true, choice, reason: reason || null };
}

const BALLOT_FIELD: Record<Process, string> = {
  consent: 'pick',
  consensus: 'pick',
  majority: 'pick',
  advice: 'pick',
  ranked: 'ranking',
  dot: 'dots',
  score: 'scores',
  time_poll: 'slots',
};

const PROBLEM_MESSAGE: Record<string, MessageKey> = {
  choose_one: 'error.chooseOne',
  rank_one: 'error.rankOne',
  rank_each_once: 'error.rankEachOnce',
  dots_whole: 'error.dotsWhole',
  dots_none: 'error.dotsNone',
  dots_too_many: 'error.dotsTooMany',
  score_each: 'error.scoreEach',
  answer_each: 'error.answerEach',
};

/** A stored ballot as form values, so a member sees (and can change) their vote. */
export function ballotValues(choice: Choice, reason: string | null): FormValues {
  const values: FormValues = { reason: reason ?? '' };
  if ('pick' in choice) values.pick = choice.pick;
  if ('ranking' in choice) choice.ranking.forEach((opt, rank) => (values[`rank_${opt}`] = String(rank + 1)));
  if ('dots' in choice) choice.dots.forEach((d, i) => (values[`dots_${i}`] = String(d)));
  if ('scores' in choice) choice.scores.forEach((s, i) => (values[`score_${i}`] = String(s)));
  if ('slots' in choice) choice.slots.forEach((s, i) => (values[`slot_${i}`] = s));
  return values;
}

export { MAX_SCORE, SLOT_ANSWERS };

/** A comment in a proposal's discussion, or its outcome statement: some words, at most 2000 characters. */
export function parseText(
  values: FormValues,
  name: 'comment' | 'statement',
): { ok: true; text: string } | { ok: false; errors: FieldErrors } {
  const text = (values[name] ?? '').trim();
  const keys = {
    comment: ['error.commentEmpty', 'error.commentTooLong'],
    statement: ['error.statementEmpty', 'error.statementTooLong'],
  } as const;
  if (!text) return { ok: false, errors: { [name]: keys[name][0] } };
  if (text.length > 2000) return { ok: false, errors: { [name]: keys[name][1] } };
  return { ok: true, text };
}
