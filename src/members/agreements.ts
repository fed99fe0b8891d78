// The members' agreements: how a person joins, and how many invite links one member makes in a day.
import { z } from 'zod';
import { dailyLimit, defineAgreement } from '../web/agreement.ts';
import { JOIN_MODES, type JoinMode } from './invites.ts';

declare module '../web/context.ts' {
  interface Network {
    joinMode: JoinMode;
  }
}

export const memberAgreements = [
  defineAgreement({
    key: 'join_mode',
    schema: z.enum(JOIN_MODES, 'error.joinMode'),
    start: 'open',
    choices: [
      { value: 'open', label: 'agreement.join_mode.open' },
      { value: 'seconded', label: 'agreement.join_mode.seconded' },
    ],
    show: (t, _lang, mode) => t(mode === 'seconded' ? 'agreement.join_mode.seconded' : 'agreement.join_mode.open'),
    network: (joinMode: JoinMode) => ({ joinMode }),
  }),
  dailyLimit('daily_invites', 10),
  dailyLimit('daily_sign_in_codes', 5),
];
