// The one error module: named factories with an HTTP status and a stable code. onError turns them into a page or JSON.
import type { MessageKey } from './i18n/index.ts';

export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 422 | 429 | 503,
    readonly code: string,
    readonly messageKey: MessageKey,
  ) {
    super(code);
  }
}

/** Input that does not fit, field by field: a page re-renders its form with a message beside each; the API answers
 * 422 `invalid_input` with the fields and their message keys. */
export class InputError extends AppError {
  constructor(readonly fields: Record<string, MessageKey>) {
    super(422, 'invalid_input', 'error.invalid');
  }
}

export const errors = {
  badRequest: (code = 'bad_request', key: MessageKey = 'error.badRequest') => new AppError(400, code, key),
  signInNeeded: () => new AppError(401, 'sign_in_needed', 'error.signInNeeded'),
  forbidden: (code = 'forbidden', key: MessageKey = 'error.forbidden') => new AppError(403, code, key),
  notFound: (code = 'not_found') => new AppError(404, code, 'error.notFound'),
  methodNotAllowed: () => new AppError(405, 'method_not_allowed', 'error.methodNotAllowed'),
  conflict: (code: string, key: MessageKey) => new AppError(409, code, key),
  gone: (code: string, key: MessageKey) => new AppError(410, code, key),
  tooLarge: () => new AppError(413, 'too_large', 'error.tooLarge'),
  unsupportedBody: () => new AppError(415, 'unsupported_body', 'error.unsupportedBody'),
  tooMany: () => new AppError(429, 'too_many_requests', 'error.tooMany'),
  dailyLimit: () => new AppError(429, 'daily_limit', 'error.dailyLimit'),
  unavailable: () => new AppError(503, 'unavailable', 'error.unavailable'),
  tooSlow: () => new AppError(503, 'too_slow', 'error.tooSlow'),
};

/** What node-postgres says, without a code, when the server went away or cannot be reached. */
const UNREACHABLE =
  /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|connect ECONNREFUSED)/;

/** Postgres error codes this app raises or relies on, mapped to answers members understand. */
export function fromDatabaseError(e: unknown): AppError | undefined {
  const code = (e as { code?: unknown })?.code;
  if (code === undefined && UNREACHABLE.test(String((e as { message?: unknown })?.message ?? '')))
    return errors.unavailable();
  switch (code) {
    case 'KR002':
    case '23505':
      return errors.conflict('already_taken', 'error.alreadyTaken');
    case 'KR003':
      return errors.forbidden('not_allowed', 'error.forbidden');
    case 'KR004':
      return errors.conflict('already_ended', 'error.alreadyEnded');
    case 'KR010':
      return errors.forbidden('decisions_only', 'error.decisionsOnly');
    case 'KR011':
    case 'KR012':
      return errors.conflict('proposal_fixed', 'error.proposalFixed');
    case 'KR013':
      return errors.conflict('voting_closed', 'error.votingClosed');
    case 'KR014':
      return errors.forbidden('no_vote', 'error.noVote');
    case 'KR015':
      return errors.forbidden('paused', 'error.paused');
    case 'KR016':
      return errors.conflict('below_floor', 'error.belowFloor');
    case 'KR017':
      return errors.forbidden('treasurer_only', 'error.treasurerOnly');
    case 'KR018':
      return errors.conflict('not_approved', 'error.notApproved');
    case 'KR019':
      return errors.forbidden('second_member', 'error.cannotConfirm');
    case 'KR020':
      return errors.conflict('ledger_refused', 'error.ledgerRefused');
    case 'KR021':
      return errors.conflict('circle_started', 'error.circleStarted');
    case 'KR022':
      return errors.conflict('circle_money', 'error.ledgerRefused');
    case 'KR023':
      return errors.forbidden('by_decision', 'error.roleByDecision');
    case 'KR024':
      return errors.conflict('seats_taken', 'error.seatsTaken');
    case 'KR025':
      return errors.conflict('terms_in_row', 'error.termsInRow');
    case 'KR026':
      return errors.conflict('slot_closed', 'error.slotClosed');
    case 'KR027':
      return errors.forbidden('holders_only', 'error.holdersOnly');
    case 'KR028':
      return errors.conflict('offer_full', 'error.offerFull');
    case 'KR029':
      return errors.forbidden('dispatchers_only', 'error.dispatchersOnly');
    case 'KR030':
      return errors.dailyLimit();
    case 'KR031':
      return errors.gone('code_not_valid', 'error.codeWrong');
    case 'KR032':
      return errors.conflict('code_waits_for_second', 'error.codeWaitsForSecond');
    case 'KR033':
      return errors.conflict('slip_waits_for_second', 'error.slipWaitsForSecond');
    case 'KR034':
      return errors.conflict('event_full', 'error.eventFull');
    case 'KR035':
      return errors.conflict('loans_at_once', 'error.loansAtOnce');
    case 'KR036':
      return errors.conflict('offered_to_next', 'error.offeredToNext');
    case 'KR037':
      return errors.conflict('stock_below_zero', 'error.stockBelowZero');
    case 'KR038':
      return errors.conflict('hours_limit', 'error.hoursLimit');
    case 'KR039':
      return errors.conflict('commons_month', 'error.commonsMonth');
    case 'KR040':
      return errors.conflict('order_closed', 'error.orderClosed');
    case 'KR041':
      return errors.conflict('fill_phase', 'error.fillPhase');
    case 'KR042':
      return new AppError(429, 'enough_reports', 'error.enoughReports');
    case 'KR001':
      return errors.conflict('never_changed', 'error.neverChanged');
    case '22001':
    case '22021':
    case '22P05':
    case '22P02':
    case '23514':
      return errors.badRequest('invalid_input', 'error.badRequest');
    case '57014': // a statement ran past its time limit (statement_timeout, lock_timeout)
    case '55P03':
      return errors.tooSlow();
    case '57P01':
    case '57P03':
    case '08006':
    case '08001':
    case 'ECONNREFUSED':
    case 'ECONNRESET':
      return errors.unavailable();
    default:
      return undefined;
  }
}

/**
 * What a write was refused with, when its status is one of `statuses` (a page says it above the form, with what was
 * typed kept): the app's own refusal, or the database's (fromDatabaseError). Anything else is thrown on.
 */
/** Runs a write; a refusal with one of these statuses comes back, to be said above the form with what was typed
 * (anything else is thrown). */
export async function refusedWrite(
  write: () => Promise<unknown>,
  statuses: readonly number[] = [403, 409, 429],
): Promise<AppError | null> {
  try {
    await write();
    return null;
  } catch (e) {
    return refusalOf(e, statuses);
  }
}

export function refusalOf(e: unknown, statuses: readonly number[]): AppError {
  const known = e instanceof AppError ? e : fromDatabaseError(e);
  if (!known || !statuses.includes(known.status)) throw e;
  return known;
}
